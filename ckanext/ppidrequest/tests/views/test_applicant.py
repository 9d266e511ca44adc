"""The applicant's pages: filing a request on the form (errors next to
their fields, nothing typed lost), the receipt with its access code shown
once, tracking, the request page with the data to download and the steps
the applicant may take, "Permohonan saya", and who must get a 403."""
from __future__ import annotations

import io
import re

import pytest
from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk
from ckan.tests import factories

from ..requests.test_requests import FORM, act, move, token

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")




def _number(body: str) -> str:
    return re.search(r'id="ppid-registration-number"[^>]*>([^<]+)<',
                     body).group(1).strip()


def _code(body: str) -> str | None:
    found = re.search(r'id="ppid-access-code"[^>]*>([^<]+)<', body)
    return found.group(1).strip() if found else None


def _file(app, data=None, lang="", headers=None):
    return app.post(f"{lang}/permohonan/baru", data=dict(data or FORM),
                    headers=headers or {}, follow_redirects=False)


# -- the form ----------------------------------------------------------------

def test_the_form_from_a_restricted_dataset_names_it(app, terbatas):
    body = app.get("/permohonan/baru?dataset=kunjungan-puskesmas").body
    assert "Kunjungan Puskesmas 2025" in body
    assert f'name="dataset_id" value="{terbatas["id"]}"' in body
    # every field has its label, and the NIK notice is there
    for name in ("applicant_name", "applicant_nik", "applicant_address",
                 "applicant_phone", "applicant_email",
                 "information_requested", "purpose", "delivery_method"):
        assert f'<label class="form-label" for="field-{name}"' in body
    assert "How your NIK is used" in body
    # the PPID's channel fields are not offered to the public
    assert 'name="channel"' not in body


def test_the_dataset_page_button_leads_to_the_form(app, terbatas):
    body = app.get("/dataset/kunjungan-puskesmas").body
    assert "/permohonan/baru?dataset=kunjungan-puskesmas" in body
    assert app.get("/permohonan/baru?dataset=kunjungan-puskesmas") \
        .status_code == 200
    # in the page's language: the Indonesian dataset page opens the
    # Indonesian form
    indonesian = app.get("/id/dataset/kunjungan-puskesmas").body
    assert 'href="/id/permohonan/baru?dataset=kunjungan-puskesmas"' \
        in indonesian


def _info_rows(body: str) -> list[str]:
    """The row labels of the dataset page's "Additional info" table."""
    return [re.sub(r"\s+", " ", label).strip() for label in re.findall(
        r'<th scope="row" class="dataset-label">([^<]*)</th>', body)]


def test_the_dataset_page_shows_only_the_rows_that_have_a_value(
        app, actors, terbatas):
    factories.Dataset(name="jumlah-penduduk", owner_org=actors["dinkes"]["id"],
                      classification="terbuka")
    open_rows = _info_rows(app.get("/dataset/jumlah-penduduk").body)
    assert "Classification" in open_rows
    # an open dataset has no exemption: no empty rows asking about one
    for label in ("Consequence test", "PPID decision reference"):
        assert label not in open_rows
    restricted = _info_rows(app.get("/dataset/kunjungan-puskesmas").body)
    assert "Consequence test" in restricted
    assert "PPID decision reference" in restricted


def test_a_bad_nik_is_shown_next_to_its_field_in_indonesian(app, actors):
    resp = _file(app, dict(FORM, applicant_nik="12345"), lang="/id")
    assert resp.status_code == 400
    body = resp.body
    error = re.search(r'id="error-applicant_nik"[^>]*>(.*?)</div>', body,
                      re.S).group(1)
    assert "NIK" in error and "16" in error
    assert 'aria-describedby="help-applicant_nik error-applicant_nik"' \
        in body
    # nothing typed is lost
    assert 'value="Budi Santoso"' in body
    assert "Jumlah kasus stunting per desa tahun 2025" in body
    assert 'value="12345"' in body
    # the summary links to the field, in Indonesian
    assert 'href="#field-applicant_nik"' in body
    assert "Mohon perbaiki" in body


def test_missing_fields_are_each_reported(app, actors):
    resp = _file(app, {"applicant_type": "individual"})
    assert resp.status_code == 400
    for name in ("applicant_name", "applicant_address",
                 "information_requested", "purpose", "applicant_email"):
        assert f'id="error-{name}"' in resp.body


def test_filing_gives_a_receipt_with_the_code_shown_once(app, actors,
                                                         terbatas):
    resp = _file(app, dict(FORM, dataset_id=terbatas["id"]))
    assert resp.status_code == 302
    receipt = app.get(resp.headers["Location"]).body
    number, code = _number(receipt), _code(receipt)
    assert re.fullmatch(r"\d{4}/PMH/PPID/\d{4}", number)
    assert code and len(code) >= 8
    assert "Keep the access code" in receipt
    assert "Answer due" in receipt
    # the code is never shown again, even on the same browser
    again = app.get(resp.headers["Location"]).body
    assert _number(again) == number and _code(again) is None
    # and it is the real code
    tracked = act(None, "ppidrequest_track", registration_number=number,
                  access_code=code)
    assert tracked["dataset"]["name"] == "kunjungan-puskesmas"


def test_a_logged_in_users_details_are_prefilled(app, actors):
    body = app.get("/permohonan/baru",
                   headers=token(actors["applicant"])).body
    assert 'value="budi@example.com"' in body


def test_ppid_registers_a_letter_with_its_real_date(app, actors):
    headers = token(actors["ppid"])
    body = app.get("/permohonan/baru", headers=headers).body
    assert 'name="channel"' in body and 'name="received_at"' in body
    resp = _file(app, dict(FORM, channel="letter", received_at="2026-01-05"),
                 headers=headers)
    assert resp.status_code == 302
    [req] = act(actors["ppid"], "ppidrequest_list")["results"]
    assert req["channel"] == "letter" and req["received_at"] == "2026-01-05"


def test_the_public_cannot_register_another_channel(app, actors):
    resp = _file(app, dict(FORM, channel="letter"))
    assert resp.status_code == 400
    assert 'id="error-channel"' not in resp.body  # no such field offered
    assert "Only the PPID registers" in resp.body


# -- tracking ----------------------------------------------------------------

def _filed(app):
    resp = _file(app)
    receipt = app.get(resp.headers["Location"]).body
    return _number(receipt), _code(receipt), resp.headers["Location"]


def test_tracking_with_number_and_code(app, actors):
    number, code, _loc = _filed(app)
    app.client.delete_cookie("ckan")  # another browser
    fresh = app.get("/permohonan/lacak")
    assert 'name="registration_number"' in fresh.body
    resp = app.post("/permohonan/lacak", data={
        "registration_number": number, "access_code": code},
        follow_redirects=False)
    assert resp.status_code == 302
    page = app.get(resp.headers["Location"]).body
    assert number in page and "Submitted" in page
    assert "Request received" in page  # the timeline


def test_a_wrong_code_is_shown_next_to_the_code_field(app, actors):
    number, _code_, _loc = _filed(app)
    resp = app.post("/id/permohonan/lacak", data={
        "registration_number": number, "access_code": "WRONG-CODE"})
    assert resp.status_code == 400
    assert 'id="error-access_code"' in resp.body
    assert f'value="{number}"' in resp.body


def test_the_request_page_needs_the_code_or_the_account(app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    path = f"/permohonan/{req['id']}"
    assert app.get(path).status_code == 403
    # someone else's request does not exist for them
    assert app.get(path, headers=token(actors["outsider"])) \
        .status_code == 404
    page = app.get(path, headers=token(actors["applicant"]))
    assert page.status_code == 200 and req["registration_number"] in page.body


def test_the_applicant_withdraws_from_the_page(app, actors):
    number, code, _loc = _filed(app)
    [req] = act(actors["ppid"], "ppidrequest_list")["results"]
    resp = app.post(f"/permohonan/{req['id']}/withdraw",
                    data={"note": "Sudah dapat dari BPS"},
                    follow_redirects=False)
    assert resp.status_code == 302
    page = app.get(resp.headers["Location"]).body
    assert "Withdrawn" in page and "Withdraw my request" not in page


def test_the_applicant_completes_when_asked(app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "request_completion",
         note="Sebutkan tahun data yang dibutuhkan")
    headers = token(actors["applicant"])
    page = app.get(f"/permohonan/{req['id']}", headers=headers).body
    assert "Sebutkan tahun data yang dibutuhkan" in page
    assert 'id="ppid-step-complete"' in page
    # a bad value keeps the form open with its error
    resp = app.post(f"/permohonan/{req['id']}/complete", headers=headers,
                    data={"applicant_nik": "12", "purpose": "Skripsi 2025"})
    assert resp.status_code == 400
    assert 'id="error-applicant_nik"' in resp.body
    assert "Skripsi 2025" in resp.body
    resp = app.post(f"/permohonan/{req['id']}/complete", headers=headers,
                    data={"information_requested": "Stunting per desa 2025"},
                    follow_redirects=False)
    assert resp.status_code == 302
    shown = act(actors["ppid"], "ppidrequest_show", id=req["id"])
    assert shown["state"] == "in_review"
    assert shown["information_requested"] == "Stunting per desa 2025"
    assert shown["purpose"] == FORM["purpose"]  # empty fields kept


def test_the_delivered_data_is_downloaded_from_the_page(app, actors):
    number, code, _loc = _filed(app)
    [req] = act(actors["ppid"], "ppidrequest_list")["results"]
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "fulfil", pdp_check="clean", upload=FileStorage(
        io.BytesIO(b"desa,kasus\nA,3\n"), "stunting.csv",
        content_type="text/csv"))
    page = app.get(f"/permohonan/{req['id']}").body
    link = re.search(r'class="ppid-download[^"]*" href="([^"]+)"', page)
    assert link and "stunting.csv" in page
    path = link.group(1).replace(tk.config["ckan.site_url"], "") \
        .replace("&amp;", "&")
    assert app.get(path).body == "desa,kasus\nA,3\n"


def test_the_letters_are_downloaded_from_the_tracking_page(app, actors):
    """An applicant without an account: the code kept by the browser
    opens the letters too, and each is the PDF as issued."""
    import hashlib

    number, code, _loc = _filed(app)
    [req] = act(actors["ppid"], "ppidrequest_list")["results"]
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "reject", ground="h",
         consequence="Membuka rekam medis pasien")
    app.client.delete_cookie("ckan")  # another browser: track first
    resp = app.post("/id/permohonan/lacak", data={
        "registration_number": number, "access_code": code},
        follow_redirects=False)
    page = app.get(resp.headers["Location"]).body
    links = re.findall(r'class="ppid-letter-download" href="([^"]+)">'
                       r'<i[^>]*></i> ([^<]+)</a>', page)
    assert [title.strip() for _href, title in links] == [
        "Tanda bukti penerimaan permohonan informasi publik",
        "Keputusan penolakan permohonan informasi publik"]
    letters = act(None, "ppidrequest_track", registration_number=number,
                  access_code=code)["letters"]
    for (href, _title), letter in zip(links, letters):
        assert letter["number"] in page
        got = app.get(href.replace(tk.config["ckan.site_url"], "")
                      .replace("&amp;", "&"))
        assert got.status_code == 200
        assert got.headers["Content-Type"] == "application/pdf"
        assert hashlib.sha256(got.data).hexdigest() == letter["sha256"]


def test_a_rejection_shows_its_ground(app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "reject", ground="h",
         consequence="Membuka rekam medis pasien")
    page = app.get(f"/id/permohonan/{req['id']}",
                   headers=token(actors["applicant"])).body
    assert "Pasal 17 huruf h" in page
    assert "Membuka rekam medis pasien" in page
    assert "Atasan PPID" in page


# -- Permohonan saya ---------------------------------------------------------

def test_my_requests_lists_only_mine(app, actors):
    mine = act(actors["applicant"], "ppidrequest_create", **FORM)
    act(actors["outsider"], "ppidrequest_create", **dict(
        FORM, information_requested="Data lain"))
    body = app.get("/dashboard/permohonan",
                   headers=token(actors["applicant"])).body
    assert mine["registration_number"] in body
    assert "Data lain" not in body
    assert "/dashboard/permohonan" in body  # the dashboard tab


def test_an_officers_own_requests_are_only_their_own(app, actors):
    """The PPID sees every request on the desk, but "Permohonan saya" holds
    only what they filed from their own account."""
    act(actors["applicant"], "ppidrequest_create", **FORM)
    own = act(actors["ppid"], "ppidrequest_create", **dict(
        FORM, information_requested="Permintaan PPID sendiri"))
    body = app.get("/dashboard/permohonan",
                   headers=token(actors["ppid"])).body
    assert own["registration_number"] in body
    assert FORM["information_requested"] not in body


def test_my_requests_asks_to_log_in(app, actors):
    resp = app.get("/dashboard/permohonan", follow_redirects=False)
    assert resp.status_code == 302 and "login" in resp.headers["Location"]


def test_the_header_offers_the_request_service(app, actors):
    body = app.get("/id/dataset").body
    assert "Layanan Permohonan" in body
    assert "/permohonan/baru" in body and "/permohonan/lacak" in body


# -- a withheld download -----------------------------------------------------

def test_a_withheld_download_offers_the_request_form(app, actors, terbatas):
    resource = factories.Resource(package_id=terbatas["id"],
                                  url="http://example.com/data.csv")
    resp = app.get(f"/dataset/{terbatas['id']}/resource/{resource['id']}"
                   "/download")
    assert resp.status_code == 403
    assert "/permohonan/baru?dataset=kunjungan-puskesmas" in resp.body
