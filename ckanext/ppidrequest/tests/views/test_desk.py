"""The officers' pages: the PPID desk and the PPID Pembantu inbox (the
queue with its counts, traffic lights, filters, search, sort and paging),
the request page as each officer may see it, every step form posting and
its errors next to their fields, the regency's days off, and who must get
a 403."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from freezegun import freeze_time
from werkzeug.datastructures import FileStorage

from ckan.tests import factories

from ckanext.ppidrequest.requests import clock

from ..requests.test_requests import FORM, act, file_request, move, token

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

QUEUE = "/ppid/permohonan"



def _show(actors, req):
    return act(actors["ppid"], "ppidrequest_show", id=req["id"])


def _forwarded(actors, org="dinkes", **changes):
    req = file_request(actors["applicant"], **changes)
    move(actors["ppid"], req, "review", note="Data ada di Dinkes")
    move(actors["ppid"], req, "forward", organization=org,
         note="Mohon data per desa")
    return req


def _error(body: str, field_id: str) -> str:
    found = re.search(rf'id="error-{field_id}"[^>]*>(.*?)</', body, re.S)
    assert found, f"no error-{field_id} on the page"
    return found.group(1).strip()


def _numbers(body: str) -> list[str]:
    return re.findall(r'class="ppid-number" href="[^"]+">([^<]+)<', body)



@pytest.fixture
def terbuka(actors):
    return factories.Dataset(
        name="jumlah-penduduk", title="Jumlah Penduduk per Desa",
        owner_org=actors["dukcapil"]["id"], classification="terbuka")


# -- who may use the desk ----------------------------------------------------

@pytest.mark.parametrize("who", ["applicant", "outsider", None])
def test_the_desk_is_403_for_everyone_else(app, actors, who):
    req = file_request(actors["applicant"])
    headers = token(actors[who]) if who else {}
    for path in (QUEUE, f"{QUEUE}/{req['id']}", "/ppid/hari-libur"):
        resp = app.get(path, headers=headers)
        assert resp.status_code == 403, path
        assert "desk" in resp.body or "days off" in resp.body
    resp = app.post(f"{QUEUE}/{req['id']}/review", headers=headers)
    assert resp.status_code == 403
    assert _show(actors, req)["state"] == "submitted"


def test_logged_out_the_403_page_offers_to_log_in(app, actors):
    resp = app.get(QUEUE)
    assert resp.status_code == 403
    assert "/user/login" in resp.body


def test_another_agency_gets_404_on_a_request_not_forwarded_to_it(
        app, actors):
    req = _forwarded(actors, "dinkes")
    resp = app.get(f"{QUEUE}/{req['id']}", headers=token(actors["other"]))
    assert resp.status_code == 404
    assert req["registration_number"] not in resp.body


# -- the queue ---------------------------------------------------------------

def test_the_ppid_desk_lists_every_request_with_counts_and_lights(
        app, actors):
    first = file_request(actors["applicant"])
    second = _forwarded(actors, information_requested="Data imunisasi")
    body = app.get(QUEUE, headers=token(actors["ppid"])).body
    assert "PPID desk" in body
    assert set(_numbers(body)) == {first["registration_number"],
                                   second["registration_number"]}
    assert "Budi Santoso" in body and "Data imunisasi" in body
    # counts per state, as links
    assert re.search(r'Submitted <span class="ppid-count">1</span>', body)
    assert re.search(r'Forwarded to the agency <span class="ppid-count">1'
                     r'</span>', body)
    # the traffic light in words
    assert "On time" in body
    # register a request that came by letter; the days off
    assert 'href="/permohonan/baru"' in body and "Register a request" in body
    assert 'href="/ppid/hari-libur"' in body
    # a filter per agency: the producing agencies, not the PPID
    assert '<option value="dinkes"' in body
    assert '<option value="ppid-kabupaten"' not in body


def test_the_pembantu_inbox_lists_only_their_agency(app, actors):
    mine = _forwarded(actors, "dinkes")
    _forwarded(actors, "dukcapil", information_requested="Data KTP-el")
    file_request(actors["applicant"], information_requested="Belum diteruskan")
    body = app.get(QUEUE, headers=token(actors["pembantu"])).body
    assert "PPID Pembantu inbox" in body and "PPID desk" not in body
    assert _numbers(body) == [mine["registration_number"]]
    assert "Data KTP-el" not in body and "Belum diteruskan" not in body
    # their sub-deadline
    assert "Target for this step" in body
    step_due = _show(actors, mine)["step_due_date"]
    assert step_due
    # no register link for the agency
    assert "Register a request" not in body


def test_a_pembantu_of_several_agencies_chooses_one(app, actors):
    factories.Organization(name="bappeda", title="Bappeda", users=[
        {"name": actors["pembantu"]["name"], "capacity": "editor"}])
    dinkes = _forwarded(actors, "dinkes")
    bappeda = _forwarded(actors, "bappeda")
    headers = token(actors["pembantu"])
    body = app.get(QUEUE, headers=headers).body
    assert 'id="field-organization"' in body
    assert '<option value="bappeda"' in body and '<option value="dinkes"' \
        in body
    assert '<option value="dukcapil"' not in body
    # the first of their agencies by title: Bappeda
    assert _numbers(body) == [bappeda["registration_number"]]
    body = app.get(QUEUE + "?organization=dinkes", headers=headers).body
    assert _numbers(body) == [dinkes["registration_number"]]
    # an agency not theirs falls back to their own
    body = app.get(QUEUE + "?organization=dukcapil", headers=headers).body
    assert _numbers(body) == [bappeda["registration_number"]]


def test_queue_filters_by_state_agency_and_search(app, actors):
    a = file_request(actors["applicant"], applicant_name="Siti Aminah")
    b = _forwarded(actors, information_requested="Cakupan imunisasi balita")
    c = _forwarded(actors, "dukcapil")
    headers = token(actors["ppid"])

    def shown(query):
        return set(_numbers(app.get(QUEUE + query, headers=headers).body))

    assert shown("?state=submitted") == {a["registration_number"]}
    assert shown("?organization=dukcapil") == {c["registration_number"]}
    assert shown("?q=aminah") == {a["registration_number"]}
    assert shown("?q=imunisasi") == {b["registration_number"]}
    assert shown("?q=" + b["registration_number"]) == \
        {b["registration_number"]}
    # the state tab of a filtered queue keeps the other filters
    body = app.get(QUEUE + "?q=imunisasi", headers=headers).body
    assert "q=imunisasi" in re.search(r'href="([^"]*state=forwarded[^"]*)"',
                                      body).group(1)


def test_queue_filters_overdue_channel_and_dataset(app, actors, terbatas):
    headers = token(actors["ppid"])
    letter = file_request(actors["ppid"], channel="letter", received_at="2026-01-05",
                   information_requested="Surat lama")
    web = file_request(actors["applicant"], dataset_id=terbatas["id"])

    def shown(query):
        return set(_numbers(app.get(QUEUE + query, headers=headers).body))

    assert shown("?overdue=true") == {letter["registration_number"]}
    assert shown("?channel=letter") == {letter["registration_number"]}
    assert shown("?channel=web") == {web["registration_number"]}
    assert shown("?dataset=kunjungan-puskesmas") == \
        {web["registration_number"]}
    body = app.get(QUEUE, headers=headers).body
    assert "Overdue" in body
    # the dataset links to its requests
    assert "/ppid/permohonan?dataset=kunjungan-puskesmas" in body


def test_a_bad_filter_is_shown_next_to_its_field(app, actors):
    file_request(actors["applicant"])
    resp = app.get(QUEUE + "?dataset=no-such-dataset&q=abc",
                   headers=token(actors["ppid"]))
    assert resp.status_code == 400
    assert "not found" in _error(resp.body, "dataset").lower()
    assert 'value="no-such-dataset"' in resp.body
    assert 'value="abc"' in resp.body


def test_queue_sorts_by_received_date(app, actors):
    headers = token(actors["ppid"])
    old = file_request(actors["ppid"], channel="letter", received_at="2026-01-05")
    new = file_request(actors["applicant"])
    body = app.get(QUEUE + "?sort=received_at+desc", headers=headers).body
    assert _numbers(body) == [new["registration_number"],
                              old["registration_number"]]
    body = app.get(QUEUE + "?sort=received_at+asc", headers=headers).body
    assert _numbers(body) == [old["registration_number"],
                              new["registration_number"]]


def test_queue_pages(app, actors):
    headers = token(actors["ppid"])
    for i in range(21):
        file_request(actors["applicant"], information_requested=f"Data ke-{i}")
    first = app.get(QUEUE + "?sort=received_at+desc", headers=headers).body
    assert len(_numbers(first)) == 20
    assert "21 requests" in first
    assert "page=2" in first and "sort=received_at+desc" in first
    second = app.get(QUEUE + "?sort=received_at+desc&page=2",
                     headers=headers).body
    assert len(_numbers(second)) == 1
    assert not set(_numbers(first)) & set(_numbers(second))


def test_the_desk_is_indonesian(app, actors):
    req = file_request(actors["applicant"])
    move(actors["ppid"], req, "review", note="Data ada di Dinkes")
    headers = token(actors["ppid"])
    page = app.get(f"/id{QUEUE}/{req['id']}", headers=headers).body
    assert "Tindakan yang dapat Anda lakukan" in page
    assert "Teruskan ke OPD" in page and "Perpanjang batas waktu" in page
    for english in ("What you can do now", "Forward to an agency",
                    "Extend the deadline", "Internal note"):
        assert english not in page
    body = app.get("/id" + QUEUE, headers=headers).body
    assert "Meja PPID" in body and "Daftarkan permohonan" in body
    assert "Tepat waktu" in body and "Urutkan menurut" in body
    for english in ("PPID desk", "Register a request", "Sort by", "On time",
                    "Received", "Search"):
        assert english not in body


# -- the request page --------------------------------------------------------

def test_the_ppid_sees_the_applicant_the_dataset_and_the_history(
        app, actors, terbatas):
    req = file_request(actors["applicant"], dataset_id=terbatas["id"])
    move(actors["ppid"], req, "review", note="Cek ketersediaan di Dinkes")
    body = app.get(f"{QUEUE}/{req['id']}", headers=token(actors["ppid"])).body
    assert req["registration_number"] in body
    assert FORM["applicant_nik"] in body
    assert FORM["applicant_email"] in body and FORM["applicant_phone"] in body
    assert FORM["information_requested"] in body and FORM["purpose"] in body
    assert "Get a copy" in body and "By email / download" in body
    assert "Portal (web)" in body
    # the dataset, its class and basis
    assert "Kunjungan Puskesmas 2025" in body
    assert "ppid-badge-terbatas" in body
    assert "Article 17 letter h" in body
    assert "Mengungkap data pribadi pasien." in body
    # the history with the internal note and who
    assert "Cek ketersediaan di Dinkes" in body
    assert "Reviewed by the PPID" in body
    # exactly the steps available now, each its own form
    shown = _show(actors, req)["available_actions"]
    forms = set(re.findall(r'<form id="ppid-step-([a-z_]+)"', body))
    assert forms == {s for s in shown if s != "withdraw"}
    assert {"forward", "extend", "fulfil", "reject", "not_held",
            "request_completion"} <= forms
    assert "review" not in forms
    # each form carries the revision it was shown with
    assert f'name="revision" value="{_show(actors, req)["revision"]}"' in body
    # field ids are unique on the page
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert len(ids) == len(set(ids))
    # reject starts from the dataset's recorded basis
    reject = body[body.index('id="ppid-step-reject"'):]
    assert re.search(r'<option value="h"\s+selected', reject)
    assert "Mengungkap data pribadi pasien.</textarea>" in reject


def test_the_pembantu_sees_no_contact_details(app, actors):
    req = _forwarded(actors)
    resp = app.get(f"{QUEUE}/{req['id']}", headers=token(actors["pembantu"]))
    assert resp.status_code == 200
    body = resp.body
    assert FORM["applicant_name"] in body
    assert FORM["information_requested"] in body
    for private in (FORM["applicant_nik"], FORM["applicant_email"],
                    FORM["applicant_phone"], FORM["applicant_address"]):
        assert private not in body
    # the internal note of the forward, the sub-deadline, their step
    assert "Mohon data per desa" in body
    assert 'id="ppid-step-due-date"' in body
    assert set(re.findall(r'<form id="ppid-step-([a-z_]+)"', body)) == \
        {"submit_data"}


def test_the_desk_page_is_not_the_applicants(app, actors):
    req = file_request(actors["applicant"])
    resp = app.get(f"{QUEUE}/{req['id']}",
                   headers=token(actors["applicant"]))
    assert resp.status_code == 403


def test_an_unknown_request_is_404(app, actors):
    resp = app.get(f"{QUEUE}/no-such-request", headers=token(actors["ppid"]))
    assert resp.status_code == 404


# -- the steps ---------------------------------------------------------------

def _post(app, user, req, step, data=None, **kw):
    return app.post(f"{QUEUE}/{req['id']}/{step}", data=data or {},
                    headers=token(user), follow_redirects=False, **kw)


def _done(app, user, resp):
    assert resp.status_code == 302, resp.body[:2000]
    return app.get(resp.headers["Location"], headers=token(user)).body


def test_review_forward_and_submit_data_with_a_csv(app, actors):
    req = file_request(actors["applicant"])
    ppid, pembantu = actors["ppid"], actors["pembantu"]
    page = _done(app, ppid, _post(app, ppid, req, "review",
                                  {"note": "Lengkap"}))
    assert "Recorded: Reviewed by the PPID." in page
    assert _show(actors, req)["state"] == "in_review"
    # the agencies to forward to: not the PPID's own organization
    assert '<option value="ppid-kabupaten"' not in page
    page = _done(app, ppid, _post(app, ppid, req, "forward", {
        "organization": "dinkes", "note": "Mohon datanya"}))
    assert _show(actors, req)["state"] == "forwarded"
    resp = _post(app, pembantu, req, "submit_data", {
        "upload": (io.BytesIO(b"desa,kasus\nA,3\n"), "stunting.csv"),
        "note": "Data terlampir"})
    page = _done(app, pembantu, resp)
    shown = _show(actors, req)
    assert shown["state"] == "data_submitted"
    assert [d["filename"] for d in shown["deliveries"]] == ["stunting.csv"]
    assert "stunting.csv" in page


def test_the_pembantu_hands_over_a_resource_of_their_agency(app, actors):
    dataset = factories.Dataset(owner_org=actors["dinkes"]["id"],
                                title="Stunting", classification="terbatas",
                                classification_ground="h",
                                classification_consequence="Mengungkap data pribadi pasien.",
                                classification_exempt_reason="Data pribadi",
                                classification_decision_ref="000.8.3/1/2026")
    resource = factories.Resource(package_id=dataset["id"], name="Per desa",
                                  url="http://example.com/s.csv")
    req = _forwarded(actors)
    headers = token(actors["pembantu"])
    page = app.get(f"{QUEUE}/{req['id']}", headers=headers).body
    assert f'<option value="{resource["id"]}"' in page
    _done(app, actors["pembantu"], _post(
        app, actors["pembantu"], req, "submit_data",
        {"resource_id": resource["id"]}))
    assert _show(actors, req)["state"] == "data_submitted"


def test_submit_data_without_anything_says_so_next_to_the_file(app, actors):
    req = _forwarded(actors)
    resp = _post(app, actors["pembantu"], req, "submit_data",
                 {"refusal_ground": "h", "note": "Catatan saya"})
    assert resp.status_code == 400
    assert _error(resp.body, "submit_data-refusal_proposal")
    assert "Catatan saya" in resp.body
    assert re.search(r'<option value="h"\s+selected', resp.body)
    assert _show(actors, req)["state"] == "forwarded"


def test_extend_without_a_reason_keeps_what_was_typed(app, actors):
    req = file_request(actors["applicant"])
    resp = _post(app, actors["ppid"], req, "extend", {"days": "5"})
    assert resp.status_code == 400
    assert "reasons" in _error(resp.body, "extend-reason").lower()
    assert 'aria-describedby="error-extend-reason"' in resp.body
    # the form is open, with what was typed
    assert re.search(r'<details[^>]*id="step-extend" open', resp.body)
    assert 'id="field-extend-days" name="days" type="number"\n' \
        '         value="5"' in resp.body
    resp = _post(app, actors["ppid"], req, "extend",
                 {"days": "12", "reason": "Data tersebar di 3 bidang"})
    assert resp.status_code == 400
    assert "1 to 7" in _error(resp.body, "extend-days")
    assert "Data tersebar di 3 bidang</textarea>" in resp.body
    page = _done(app, actors["ppid"], _post(
        app, actors["ppid"], req, "extend",
        {"days": "5", "reason": "Data tersebar di 3 bidang"}))
    shown = _show(actors, req)
    assert shown["extended"] and shown["extension_days"] == 5
    assert "Data tersebar di 3 bidang" in page
    assert 'id="ppid-step-extend"' not in page  # once only


def test_reject_on_an_open_dataset_needs_the_consequence(app, actors,
                                                        terbuka):
    req = file_request(actors["applicant"], dataset_id=terbuka["id"])
    move(actors["ppid"], req, "review")
    page = app.get(f"{QUEUE}/{req['id']}", headers=token(actors["ppid"])).body
    reject = page[page.index('id="ppid-step-reject"'):]
    # an open dataset has no recorded basis to start from
    assert re.search(r'id="field-reject-consequence"[^>]*></textarea>',
                     reject)
    resp = _post(app, actors["ppid"], req, "reject",
                 {"ground": "c", "outcome_note": "Mohon maaf"})
    assert resp.status_code == 400
    assert "consequence" in _error(resp.body, "reject-consequence").lower()
    form = resp.body[resp.body.index('id="ppid-step-reject"'):]
    assert re.search(r'<option value="c"\s+selected', form)
    assert "Mohon maaf</textarea>" in form
    assert _show(actors, req)["state"] == "in_review"
    _done(app, actors["ppid"], _post(app, actors["ppid"], req, "reject", {
        "ground": "c", "consequence": "Mengganggu penegakan hukum"}))
    shown = _show(actors, req)
    assert shown["state"] == "rejected" and shown["rejection_ground"] == "c"


def test_reject_a_restricted_dataset_from_its_basis(app, actors, terbatas):
    req = file_request(actors["applicant"], dataset_id=terbatas["id"])
    move(actors["ppid"], req, "review")
    _done(app, actors["ppid"], _post(app, actors["ppid"], req, "reject", {
        "ground": "h", "consequence": "Mengungkap data pribadi pasien."}))
    assert _show(actors, req)["rejection_ground"] == "h"


def test_request_completion_needs_what_is_missing(app, actors):
    req = file_request(actors["applicant"])
    resp = _post(app, actors["ppid"], req, "request_completion", {})
    assert resp.status_code == 400
    assert _error(resp.body, "request_completion-note")
    _done(app, actors["ppid"], _post(app, actors["ppid"], req,
                                     "request_completion",
                                     {"note": "Lampirkan KTP"}))
    assert _show(actors, req)["state"] == "awaiting_completion"
    page = app.get(f"{QUEUE}/{req['id']}", headers=token(actors["ppid"])).body
    # the PPID may complete it for the applicant (say, after a call)
    assert 'id="ppid-step-complete"' in page
    _done(app, actors["ppid"], _post(app, actors["ppid"], req, "complete", {
        "purpose": "Skripsi", "note": "Lewat telepon"}))
    assert _show(actors, req)["state"] == "in_review"


def test_fulfil_records_the_personal_data_check_and_gives_the_file(
        app, actors):
    req = _forwarded(actors)
    move(actors["pembantu"], req, "submit_data", upload=FileStorage(
        io.BytesIO(b"desa,kasus\nA,3\n"), "stunting.csv",
        content_type="text/csv"))
    headers = token(actors["ppid"])
    page = app.get(f"{QUEUE}/{req['id']}", headers=headers).body
    assert "stunting.csv" in page
    assert "not yet given to the applicant" in page
    assert 'id="ppid-step-pdp_scan"' in page
    # with handed-over files the files' checks decide, not a radio
    assert 'id="field-fulfil-pdp_check-masked"' not in page
    resp = _post(app, actors["ppid"], req, "fulfil",
                 {"release_submitted": "true",
                  "outcome_note": "Silakan unduh"})
    assert resp.status_code == 400
    assert "scan it for personal data" in _error(resp.body,
                                                 "fulfil-pdp_check")
    assert "Silakan unduh</textarea>" in resp.body
    page = _done(app, actors["ppid"], _post(app, actors["ppid"], req,
                                            "pdp_scan", {}))
    assert "stunting.csv: <span class=\"ppid-pdp-result\">No personal " \
        "data found" in page
    page = _done(app, actors["ppid"], _post(
        app, actors["ppid"], req, "fulfil",
        {"partial": "false", "release_submitted": "true",
         "outcome_note": "Silakan unduh"}))
    shown = _show(actors, req)
    assert shown["state"] == "fulfilled" and shown["pdp_check"] == "clean"
    assert [d["filename"] for d in shown["deliveries"]
            if d["stage"] == "released"] == ["stunting.csv"]
    assert 'class="ppid-download"' in page
    # the letters of the step, on the officer's page
    assert page.count('class="ppid-letter-download"') == 3
    for letter in shown["letters"]:
        assert letter["number"] in page


def test_the_ppid_masks_a_file_on_the_request_page(app, actors):
    from ..pdp.test_scan import VILLAGE

    req = _forwarded(actors)
    move(actors["pembantu"], req, "submit_data", upload=FileStorage(
        io.BytesIO(VILLAGE.encode()), "balita.csv", content_type="text/csv"))
    ppid = actors["ppid"]
    page = _done(app, ppid, _post(app, ppid, req, "pdp_scan", {}))
    assert "Personal data found" in page
    assert "3509124507910002" not in page and "Siti Aminah" not in page
    assert "NIK: 3" in page
    [check] = _show(actors, req)["pdp_checks"]
    delivery = check["delivery_id"]
    # a NIK column offers only drop and token
    nik_select = re.search(r'<select[^>]*id="mask-2-[^"]+">(.*?)</select>',
                           page, re.S).group(1)
    assert re.findall(r'value="(\w+):nik"', nik_select) == ["token", "drop"]
    # keeping a personal column is refused next to the masking
    resp = _post(app, ppid, req, "pdp_mask", {
        "delivery_id": delivery, "masking": ["keep:nama_lengkap",
                                             "token:nik"]})
    assert resp.status_code == 400
    assert "nama_lengkap" in _error(resp.body, "pdp_mask-masking")
    page = _done(app, ppid, _post(app, ppid, req, "pdp_mask", {
        "delivery_id": delivery, "masking": [
            "drop:nama_lengkap", "token:nik", "year:tanggal_lahir",
            "kecamatan:alamat", "drop:nama_ibu", "drop:no_hp", "drop:email",
            "token:keterangan"]}))
    assert "Masked: the cleaned copy is given" in page
    assert "balita-disamarkan.csv" in page


def test_the_ppid_justifies_a_file_the_scan_cannot_read(app, actors):
    req = _forwarded(actors)
    move(actors["pembantu"], req, "submit_data", upload=FileStorage(
        io.BytesIO(b"%PDF-1.4 rekap"), "rekap.pdf",
        content_type="application/pdf"))
    ppid = actors["ppid"]
    page = _done(app, ppid, _post(app, ppid, req, "pdp_scan", {}))
    assert "This format cannot be scanned" in page
    [check] = _show(actors, req)["pdp_checks"]
    resp = _post(app, ppid, req, "pdp_justify",
                 {"delivery_id": check["delivery_id"], "justification": ""})
    assert resp.status_code == 400
    assert _error(resp.body, "pdp_justify-justification")
    page = _done(app, ppid, _post(app, ppid, req, "pdp_justify", {
        "delivery_id": check["delivery_id"],
        "justification": "Rekap agregat per kecamatan, tanpa identitas"}))
    assert "Given as it is, justified" in page
    assert "Rekap agregat per kecamatan, tanpa identitas" in page


def test_fulfil_with_an_uploaded_file(app, actors):
    req = file_request(actors["applicant"])
    move(actors["ppid"], req, "review")
    resp = _post(app, actors["ppid"], req, "fulfil", {
        "pdp_check": "clean",
        "upload": (io.BytesIO(b"a,b\n1,2\n"), "hasil.csv")})
    _done(app, actors["ppid"], resp)
    shown = _show(actors, req)
    assert shown["state"] == "fulfilled"
    assert shown["deliveries"][0]["filename"] == "hasil.csv"


def test_not_held(app, actors):
    req = file_request(actors["applicant"])
    move(actors["ppid"], req, "review")
    resp = _post(app, actors["ppid"], req, "not_held", {})
    assert resp.status_code == 400 and _error(resp.body, "not_held-held_by")
    _done(app, actors["ppid"], _post(app, actors["ppid"], req, "not_held",
                                     {"held_by": "BPS Kabupaten"}))
    shown = _show(actors, req)
    assert shown["state"] == "not_held" and shown["held_by"] == "BPS Kabupaten"


def test_lapse_after_the_completion_time(app, actors):
    # (the pages are asked at the real date: API tokens refuse a frozen one)
    with freeze_time("2026-01-05 09:00:00"):
        req = file_request(actors["applicant"])
        move(actors["ppid"], req, "request_completion", note="KTP")
    page = app.get(f"{QUEUE}/{req['id']}", headers=token(actors["ppid"])).body
    assert 'id="ppid-step-lapse"' in page
    _done(app, actors["ppid"], _post(app, actors["ppid"], req, "lapse"))
    assert _show(actors, req)["state"] == "lapsed"


def test_a_step_changed_meanwhile_gives_the_conflict_message(app, actors):
    req = file_request(actors["applicant"])
    old = _show(actors, req)["revision"]
    move(actors["ppid"], req, "review")
    resp = _post(app, actors["ppid"], req, "extend",
                 {"reason": "Banyak data", "revision": str(old)})
    assert resp.status_code == 400
    assert "Someone else changed this request" in resp.body
    assert "Banyak data</textarea>" in resp.body


def test_a_step_not_possible_now_is_said_on_the_page(app, actors):
    req = file_request(actors["applicant"])
    resp = _post(app, actors["ppid"], req, "forward",
                 {"organization": "dinkes"})
    assert resp.status_code == 400
    assert "not possible now" in resp.body


def test_unknown_and_refused_steps(app, actors):
    req = _forwarded(actors)
    assert _post(app, actors["ppid"], req, "approve").status_code == 404
    # the agency may not take the PPID's steps
    resp = _post(app, actors["pembantu"], req, "reject",
                 {"ground": "h", "consequence": "x"})
    assert resp.status_code == 403
    assert _show(actors, req)["state"] == "forwarded"


# -- days off ----------------------------------------------------------------

def test_the_ppid_adds_and_removes_a_regency_day_off(app, actors):
    headers = token(actors["ppid"])
    req = file_request(actors["applicant"])
    due = _show(actors, req)["due_date"]
    # the first working day of the request's clock becomes a day off
    day = clock.Calendar().add(dt.date.fromisoformat(req["received_at"]), 1)
    year = day.year
    body = app.get(f"/ppid/hari-libur?year={year}", headers=headers).body
    assert f"Days off {year}" in body
    assert "National" in body and "Tahun Baru" in body
    resp = app.post(f"/ppid/hari-libur?year={year}", headers=headers,
                    data={"date": day.isoformat(),
                          "name": "Hari Jadi Kabupaten ke-79"},
                    follow_redirects=False)
    assert resp.status_code == 302
    body = app.get(resp.headers["Location"], headers=headers).body
    assert "1 open request got a new due date." in body
    assert "Hari Jadi Kabupaten ke-79" in body and "Regency" in body
    later = _show(actors, req)["due_date"]
    assert later > due
    resp = app.post("/ppid/hari-libur", headers=headers,
                    data={"remove": day.isoformat()},
                    follow_redirects=False)
    body = app.get(resp.headers["Location"], headers=headers).body
    assert "was removed" in body and "1 open request got" in body
    assert "Hari Jadi Kabupaten ke-79" not in body
    assert _show(actors, req)["due_date"] == due


def test_a_bad_day_off_is_shown_next_to_its_field(app, actors):
    headers = token(actors["ppid"])
    resp = app.post("/ppid/hari-libur", headers=headers,
                    data={"date": "5 November", "name": "Hari Jadi"})
    assert resp.status_code == 400
    assert _error(resp.body, "date")
    assert 'value="Hari Jadi"' in resp.body


def test_days_off_are_403_for_the_agency(app, actors):
    headers = token(actors["pembantu"])
    assert app.get("/ppid/hari-libur", headers=headers).status_code == 403
    resp = app.post("/ppid/hari-libur", headers=headers,
                    data={"date": "2026-11-05", "name": "Hari Jadi"})
    assert resp.status_code == 403
