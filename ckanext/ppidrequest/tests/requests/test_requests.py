"""The request workflow through the action API: both SOPs walked end to
end by the right users, every transition and role, visibility, bad input,
and the emails each step sends."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from freezegun import freeze_time
from werkzeug.datastructures import FileStorage

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.ppidrequest.model import Download, RequestEvent

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_redis")

FORM = {
    "applicant_type": "individual",
    "applicant_name": "Budi Santoso",
    "applicant_nik": "3509121505900003",
    "applicant_address": "Jl. Kenanga 12, Sukamaju",
    "applicant_occupation": "Peneliti",
    "applicant_phone": "0812-3456-7890",
    "applicant_email": "budi@example.com",
    "information_requested": "Jumlah kasus stunting per desa tahun 2025",
    "purpose": "Penelitian skripsi tentang gizi balita",
    "obtain_method": "copy",
    "copy_format": "softcopy",
    "delivery_method": "email",
}


def act(user, action_name, /, **data):
    """Call an action as ``user`` (a dict, a name, or None: anonymous),
    with authorization checked as for a web request."""
    name = user["name"] if isinstance(user, dict) else (user or "")
    return call_action(action_name, {"user": name, "ignore_auth": False},
                       **data)


def move(user, req, action, **fields):
    return act(user, "ppidrequest_transition", id=req["id"], action=action,
               **fields)


def file_request(user, **changes):
    """``ppidrequest_create`` as ``user`` with the service form's fields."""
    return act(user, "ppidrequest_create", **dict(FORM, **changes))


def token(user) -> dict:
    """Headers that log ``user`` in on a page request."""
    from ckan.tests import factories

    return {"Authorization": factories.APIToken(user=user["name"])["token"]}


def upload(name="stunting.csv", content=b"desa,kasus\nA,3\n"):
    return FileStorage(stream=io.BytesIO(content), filename=name,
                       content_type="text/csv")


@pytest.fixture
def filed(actors, smtp):
    """A request filed on the web by the applicant's account."""
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    smtp.clear()
    return req


# -- create ------------------------------------------------------------------

def test_anonymous_files_a_request_and_gets_number_code_and_due_date(
        actors, smtp):
    with freeze_time("2026-11-02 09:00:00"):   # a Monday
        req = act(None, "ppidrequest_create", **FORM)
    assert req["registration_number"] == "0001/PMH/PPID/2026"
    assert req["state"] == "submitted"
    assert req["received_at"] == "2026-11-02"
    # day 1 is Tuesday 3 November; the 10th working day is Monday 16th
    assert req["due_date"] == "2026-11-16"
    code = req["access_code"]
    # 16 of 32 characters (80 bits) in groups of four
    assert len(code) == 19 and code[4::5] == "---"
    stored = model.Session.execute(model.sa.text(
        "SELECT access_code_hash FROM ppidrequest_request")).scalar_one()
    assert code not in stored and code.replace("-", "") not in stored
    # shown once: never again
    ppid_view = act(actors["ppid"], "ppidrequest_show", id=req["id"])
    assert "access_code" not in ppid_view
    assert "access_code_hash" not in ppid_view
    # the receipt to the applicant, the new request to the PPID
    receipt = smtp.to("budi@example.com")
    assert len(receipt) == 1
    assert "0001/PMH/PPID/2026" in receipt[0]["Subject"]
    body = receipt[0].get_body().get_content()
    assert "Monday 16 November 2026" in body
    # nothing typed into the form but the applicant's name: anyone may
    # give someone else's address
    assert "stunting" not in body and "Budi Santoso" in body
    assert code not in body
    to_ppid = smtp.to("ppid@kab.go.id")
    assert len(to_ppid) == 1 and "Budi Santoso" in \
        to_ppid[0].get_body().get_content()
    # nobody else is told
    assert not smtp.to("ppid.dinkes@kab.go.id")


def test_numbers_follow_each_other_within_a_year_and_restart(actors):
    numbers = []
    for day in ("2026-12-30", "2026-12-31", "2027-01-04", "2027-01-04"):
        with freeze_time(day + " 10:00:00"):
            numbers.append(act(actors["applicant"], "ppidrequest_create",
                               **FORM)["registration_number"])
    assert numbers == ["0001/PMH/PPID/2026", "0002/PMH/PPID/2026",
                       "0001/PMH/PPID/2027", "0002/PMH/PPID/2027"]


@pytest.mark.ckan_config("ckanext.ppidrequest.registration_pattern",
                         "{seq:03d}/PPID-SKM/{month_roman}/{year}")
def test_registration_pattern_is_configurable(actors):
    with freeze_time("2026-11-20 10:00:00"):
        req = act(None, "ppidrequest_create", **FORM)
    assert req["registration_number"] == "001/PPID-SKM/XI/2026"


def test_a_failed_create_gives_its_number_back(actors):
    with pytest.raises(tk.ValidationError):
        act(None, "ppidrequest_create", **dict(FORM, applicant_nik="12"))
    req = act(None, "ppidrequest_create", **FORM)
    assert req["registration_number"].startswith("0001/")


@pytest.mark.parametrize("changes, field", [
    ({"applicant_type": "alien"}, "applicant_type"),
    ({"applicant_name": ""}, "applicant_name"),
    ({"applicant_nik": ""}, "applicant_nik"),
    ({"applicant_nik": "35091215059000"}, "applicant_nik"),
    ({"applicant_nik": "3509129905900003"}, "applicant_nik"),
    ({"applicant_email": "budi@", "delivery_method": "post"},
     "applicant_email"),
    ({"applicant_email": "", "applicant_phone": ""}, "applicant_email"),
    ({"applicant_email": "", "delivery_method": "email"}, "applicant_email"),
    ({"applicant_phone": "12ab"}, "applicant_phone"),
    ({"information_requested": ""}, "information_requested"),
    ({"information_requested": "x" * 5001}, "information_requested"),
    ({"purpose": ""}, "purpose"),
    ({"obtain_method": "steal"}, "obtain_method"),
    ({"copy_format": ""}, "copy_format"),
    ({"delivery_method": "pigeon"}, "delivery_method"),
    ({"dataset_id": "no-such-dataset"}, "dataset_id"),
    ({"owner_org": "no-such-org"}, "owner_org"),
    ({"channel": "whatsapp"}, "channel"),
    ({"received_at": "2026-01-05"}, "received_at"),
    ({"applicant_address": ["a", "list"]}, "applicant_address"),
])
def test_bad_input_to_create_is_a_validation_error(actors, changes, field):
    with pytest.raises(tk.ValidationError) as error:
        act(actors["applicant"], "ppidrequest_create", **dict(FORM,
                                                              **changes))
    assert field in error.value.error_dict
    assert not model.Session.execute(model.sa.text(
        "SELECT count(*) FROM ppidrequest_request")).scalar()


def test_organization_applicant_gives_its_registration(actors):
    form = dict(FORM, applicant_type="organization", applicant_nik="")
    with pytest.raises(tk.ValidationError) as error:
        act(None, "ppidrequest_create", **form)
    assert "applicant_org_registration" in error.value.error_dict
    req = act(None, "ppidrequest_create", **dict(
        form, applicant_org_registration="AHU-0012345.AH.01.07.2020"))
    assert req["applicant_type"] == "organization"


def test_ppid_registers_a_letter_with_its_real_date(actors):
    with freeze_time("2026-11-20 10:00:00"):
        req = act(actors["ppid"], "ppidrequest_create", channel="letter",
                  received_at="2026-11-13", **FORM)
        # received Friday 13th: day 1 is Monday 16th, day 10 Friday 27th
        assert req["due_date"] == "2026-11-27"
        assert req["channel"] == "letter"
        assert req["applicant_user_id"] is None
        with pytest.raises(tk.ValidationError) as error:
            act(actors["ppid"], "ppidrequest_create", channel="letter",
                received_at="2026-11-21", **FORM)
        assert "received_at" in error.value.error_dict
        with pytest.raises(tk.ValidationError) as error:
            act(actors["ppid"], "ppidrequest_create", received_at="13-11-26",
                **FORM)
        assert "received_at" in error.value.error_dict


@pytest.mark.ckan_config("ckanext.ppidrequest.create_requires_login", True)
def test_login_can_be_required(actors):
    with pytest.raises(tk.NotAuthorized):
        act(None, "ppidrequest_create", **FORM)
    assert act(actors["applicant"], "ppidrequest_create", **FORM)["id"]


def test_request_for_a_dataset_takes_its_organization(actors):
    pkg = factories.Dataset(owner_org=actors["dinkes"]["id"],
                            classification="terbuka")
    req = act(None, "ppidrequest_create", dataset_id=pkg["name"], **FORM)
    assert req["dataset_id"] == pkg["id"]
    assert req["owner_org"] == actors["dinkes"]["id"]
    assert req["dataset"]["name"] == pkg["name"]


# -- who sees what -----------------------------------------------------------

def test_visibility_of_a_request(actors, filed):
    ppid_view = act(actors["ppid"], "ppidrequest_show", id=filed["id"])
    assert ppid_view["applicant_nik"] == FORM["applicant_nik"]
    own = act(actors["applicant"], "ppidrequest_show", id=filed["id"])
    assert "applicant_nik" not in own
    assert own["applicant_email"] == "budi@example.com"
    # "not found", as for a request that does not exist
    for who in ("outsider", "pembantu", "producer", "walidata", "other"):
        with pytest.raises(tk.ObjectNotFound):
            act(actors[who], "ppidrequest_show", id=filed["id"])
        with pytest.raises(tk.ObjectNotFound):
            act(actors[who], "ppidrequest_event_list", id=filed["id"])
        assert act(actors[who], "ppidrequest_list")["count"] == 0
    with pytest.raises(tk.ObjectNotFound):
        act(None, "ppidrequest_show", id=filed["id"])
    with pytest.raises(tk.NotAuthorized):
        act(None, "ppidrequest_list")
    # once forwarded, the agency's PPID Pembantu sees it, without contacts
    move(actors["ppid"], filed, "review")
    move(actors["ppid"], filed, "forward", organization="dinkes")
    agency = act(actors["pembantu"], "ppidrequest_show", id=filed["id"])
    for hidden in ("applicant_nik", "applicant_phone", "applicant_email",
                   "applicant_address"):
        assert hidden not in agency
    assert agency["information_requested"] == FORM["information_requested"]
    assert act(actors["pembantu"], "ppidrequest_list")["count"] == 1
    # editors of the agency too; a mere member or another agency: no
    with pytest.raises(tk.ObjectNotFound):
        act(actors["producer"], "ppidrequest_show", id=filed["id"])
    with pytest.raises(tk.ObjectNotFound):
        act(actors["other"], "ppidrequest_show", id=filed["id"])
    assert act(actors["other"], "ppidrequest_list")["count"] == 0


def test_show_of_a_missing_request(actors):
    with pytest.raises(tk.ObjectNotFound):
        act(actors["ppid"], "ppidrequest_show", id="nope")
    with pytest.raises(tk.ValidationError):
        act(actors["ppid"], "ppidrequest_show")


# -- tracking ----------------------------------------------------------------

def test_tracking_with_number_and_code(actors, smtp):
    req = act(None, "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review", note="internal: cek DIP")
    move(actors["ppid"], req, "forward", organization="dinkes",
         note="internal: tolong cepat")
    move(actors["pembantu"], req, "submit_data", upload=upload(),
         note="internal: dari SIMPUS")
    tracked = act(None, "ppidrequest_track",
                  registration_number=req["registration_number"].lower(),
                  access_code=req["access_code"].lower().replace("-", ""))
    assert tracked["state"] == "data_submitted"
    assert tracked["due_date"] == req["due_date"]
    assert "applicant_nik" not in tracked
    actions = [e["action"] for e in tracked["events"]]
    assert actions == ["create", "review", "forward"]   # not submit_data
    assert all(e["note"] is None for e in tracked["events"])
    assert not any("actor" in e for e in tracked["events"])


def test_unknown_number_looks_like_a_wrong_code(actors):
    with pytest.raises(tk.ValidationError) as error:
        act(None, "ppidrequest_track", registration_number="9999/X/2026",
            access_code="AAAA-AAAA-AAAA-AAAA")
    assert "wrong" in str(error.value.error_dict)
    with pytest.raises(tk.ValidationError):
        act(None, "ppidrequest_track")


# -- the SOPs end to end -----------------------------------------------------

def test_jember_sop_end_to_end(actors, smtp):
    """Request -> PPID checks (1 day) -> forwards to the agency (3) ->
    agency decides and hands the data (3 + 1) -> PPID checks personal data
    (3) -> delivery letter; the applicant downloads."""
    with freeze_time("2026-11-02 08:00:00"):
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
        assert "step_due_date" not in req      # internal: hidden
        ppid_view = act(actors["ppid"], "ppidrequest_show", id=req["id"])
        assert ppid_view["step_due_date"] == "2026-11-03"
        move(actors["ppid"], req, "review")
    with freeze_time("2026-11-03 08:00:00"):
        smtp.clear()
        fwd = move(actors["ppid"], req, "forward", organization="dinkes")
        assert fwd["state"] == "forwarded"
        assert fwd["forwarded_organization"]["name"] == "dinkes"
        # the agency's PPID Pembantu is told, with its target (4 WD)
        to_agency = smtp.to("ppid.dinkes@kab.go.id")
        assert len(to_agency) == 1
        assert "Monday 9 November 2026" in \
            to_agency[0].get_body().get_content()
        assert not smtp.to("data.dinkes@kab.go.id")   # a member only
        assert len(smtp.to("budi@example.com")) == 1
    with freeze_time("2026-11-06 08:00:00"):
        smtp.clear()
        sub = move(actors["pembantu"], req, "submit_data",
                   upload=upload(), note="Data dari SIMPUS")
        assert sub["state"] == "data_submitted"
        assert [m["Subject"] for m in smtp.to("ppid@kab.go.id")]
        assert not smtp.to("budi@example.com")
    with freeze_time("2026-11-09 08:00:00"):
        smtp.clear()
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], req, "fulfil")
        assert "pdp_check" in error.value.error_dict
        move(actors["ppid"], req, "pdp_scan")      # Jember step 10
        done = move(actors["ppid"], req, "fulfil", pdp_check="masked",
                    pdp_note="Nama balita disamarkan",
                    outcome_note="Disampaikan dalam bentuk CSV")
    assert done["state"] == "fulfilled" and not done["open"]
    mail = smtp.to("budi@example.com")
    assert len(mail) == 1
    body = mail[0].get_body().get_content()
    assert "granted" in body and "stunting.csv" in body
    assert "object" in body      # the applicant is told of the objection
    # the applicant's personal link
    own = act(actors["applicant"], "ppidrequest_show", id=req["id"])
    [released] = own["deliveries"]
    assert released["download_url"] in body
    assert "pdp_check" not in own


def test_download_is_personal_expires_and_is_logged(app, actors, smtp):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    done = move(actors["ppid"], req, "fulfil", pdp_check="clean",
                upload=upload(content=b"desa,kasus\nB,7\n"))
    url = done["deliveries"][0]["download_url"]
    path = url.replace(tk.config["ckan.site_url"], "")
    # not logged in: to the login page; another user: refused
    resp = app.get(path, follow_redirects=False)
    assert resp.status_code == 302 and "login" in resp.headers["Location"]
    outsider_token = factories.APIToken(user=actors["outsider"]["name"])
    resp = app.get(path, headers={"Authorization": outsider_token["token"]})
    assert resp.status_code == 403
    token = factories.APIToken(user=actors["applicant"]["name"])
    resp = app.get(path, headers={"Authorization": token["token"]})
    assert resp.status_code == 200
    assert resp.data == b"desa,kasus\nB,7\n"
    # a forged link
    bad = path.split("?")[0] + "?token=abc"
    assert app.get(bad, headers={"Authorization": token["token"]}) \
        .status_code == 404
    assert model.Session.query(Download).count() == 1
    # after the configured days, gone
    with freeze_time(dt.datetime.now() + dt.timedelta(days=15)):
        resp = app.get(path, headers={"Authorization": token["token"]})
        assert resp.status_code == 410


def test_tanjab_barat_sop_rahasia_dataset_is_rejected_with_its_basis(
        actors, smtp):
    """SOP Tanjung Jabung Barat step 3: secret data -> rejection letter,
    starting from the dataset's recorded basis."""
    pkg = factories.Dataset(
        owner_org=actors["dinkes"]["id"], classification="rahasia",
        classification_ground="h",
        classification_consequence="Mengungkap rekam medis pasien.",
        classification_exempt_reason="Rahasia medis tidak berbatas waktu",
        classification_decision_ref="000.8.3/0012/PPID/2026")
    req = act(None, "ppidrequest_create", dataset_id=pkg["id"], **FORM)
    shown = act(actors["ppid"], "ppidrequest_show", id=req["id"])
    assert shown["suggested_rejection"]["ground"] == "h"
    move(actors["ppid"], req, "review")
    smtp.clear()
    rejected = move(actors["ppid"], req, "reject")
    assert rejected["state"] == "rejected"
    assert rejected["rejection_ground"] == "h"
    assert rejected["rejection_consequence"] == \
        "Mengungkap rekam medis pasien."
    body = smtp.to("budi@example.com")[0].get_body().get_content()
    assert "article 17 letter h" in body
    assert "Information Commission" in body
    # the dataset stays rahasia
    assert model.Package.get(pkg["id"]).extras["classification"] == \
        "rahasia"


def test_reject_without_a_basis_needs_ground_and_consequence(actors, filed):
    move(actors["ppid"], filed, "review")
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], filed, "reject")
    assert {"ground", "consequence"} <= set(error.value.error_dict)
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], filed, "reject", ground="z",
             consequence="x")
    assert "ground" in error.value.error_dict
    done = move(actors["ppid"], filed, "reject", ground="b",
                consequence="Membuka data mengganggu persaingan usaha.")
    assert done["state"] == "rejected"


# -- completion, extension, not held, withdraw, lapse ------------------------

def test_incomplete_request_restarts_the_clock(actors, filed, smtp):
    with freeze_time("2026-11-23 09:00:00"):       # Monday
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], req, "request_completion")
        assert "note" in error.value.error_dict
        smtp.clear()
        waiting = move(actors["ppid"], req, "request_completion",
                       note="Lampirkan fotokopi KTP")
        assert waiting["state"] == "awaiting_completion"
        assert waiting["due_date"] is None
        assert waiting["completion_due_date"] == "2026-11-26"
        body = smtp.to("budi@example.com")[0].get_body().get_content()
        assert "Lampirkan fotokopi KTP" in body
        assert "Thursday 26 November 2026" in body
    with freeze_time("2026-11-25 09:00:00"):
        done = move(actors["applicant"], req, "complete",
                    purpose="Penelitian skripsi, KTP terlampir")
    assert done["state"] == "in_review"
    assert done["purpose"] == "Penelitian skripsi, KTP terlampir"
    # the clock runs from Wednesday 25th: day 10 is Wednesday 9 December
    assert done["due_date"] == "2026-12-09"


def test_a_request_not_completed_in_time_lapses(actors, filed, smtp):
    with freeze_time("2026-11-23 09:00:00"):
        move(actors["ppid"], filed, "request_completion", note="Kurang KTP")
        with pytest.raises(tk.ValidationError):
            move(actors["ppid"], filed, "lapse")
    from ckanext.ppidrequest import jobs

    with freeze_time("2026-11-27 07:00:00"):
        smtp.clear()
        result = jobs.daily()
    assert result["lapsed"] == 1
    req = act(actors["ppid"], "ppidrequest_show", id=filed["id"])
    assert req["state"] == "lapsed"
    assert "lapsed" in smtp.to("budi@example.com")[0].get_body() \
        .get_content()
    with pytest.raises(tk.ValidationError):
        move(actors["applicant"], filed, "complete", purpose="terlambat")


def test_extension_once_with_reasons(actors, filed, smtp):
    with freeze_time(filed["received_at"] + " 12:00:00"):
        move(actors["ppid"], filed, "review")
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], filed, "extend")
        assert "reason" in error.value.error_dict
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], filed, "extend", reason="x", days=8)
        assert "days" in error.value.error_dict
        smtp.clear()
        ext = move(actors["ppid"], filed, "extend",
                   reason="Data tersebar di 3 puskesmas")
        assert ext["extended"] is True
        assert ext["state"] == "in_review"
        received = dt.date.fromisoformat(filed["received_at"])
        from ckanext.ppidrequest.requests import clock

        assert ext["due_date"] == clock.Calendar().add(received, 17) \
            .isoformat()
        body = smtp.to("budi@example.com")[0].get_body().get_content()
        assert "Data tersebar di 3 puskesmas" in body
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], filed, "extend", reason="lagi")
        assert "once" in str(error.value.error_dict)


def test_not_held_names_who_may_hold_it(actors, filed, smtp):
    move(actors["ppid"], filed, "review")
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], filed, "not_held")
    assert "held_by" in error.value.error_dict
    smtp.clear()
    done = move(actors["ppid"], filed, "not_held",
                held_by="BPS Kabupaten Sukamaju")
    assert done["state"] == "not_held"
    assert "BPS Kabupaten Sukamaju" in smtp.to("budi@example.com")[0] \
        .get_body().get_content()


def test_applicant_withdraws_with_account_or_code(actors, filed, smtp):
    with pytest.raises(tk.ObjectNotFound):
        move(actors["outsider"], filed, "withdraw")
    with pytest.raises(tk.NotAuthorized):
        move(actors["ppid"], filed, "withdraw")
    done = move(actors["applicant"], filed, "withdraw", note="Sudah dapat")
    assert done["state"] == "withdrawn"
    anon = act(None, "ppidrequest_create", **FORM)
    with pytest.raises(tk.ObjectNotFound):
        move(None, anon, "withdraw")
    # a wrong code: as if there were no such request
    with pytest.raises(tk.ObjectNotFound):
        move(None, anon, "withdraw", access_code="AAAAA-BBBBB")
    done = move(None, anon, "withdraw", access_code=anon["access_code"])
    assert done["state"] == "withdrawn"


# -- the workflow's rules ----------------------------------------------------

RULES = [
    # (action, state it needs, who may, fields)
    ("review", "submitted", "ppid", {}),
    ("forward", "in_review", "ppid", {"organization": "dinkes"}),
    ("submit_data", "forwarded", "pembantu",
     {"refusal_proposal": "Data memuat rekam medis", "refusal_ground": "h"}),
    ("not_held", "in_review", "ppid", {"held_by": "BPS"}),
]


@pytest.mark.parametrize("action, state, allowed, fields", RULES)
def test_only_the_sop_role_may_act(actors, filed, action, state, allowed,
                                   fields):
    if state in ("in_review", "forwarded"):
        move(actors["ppid"], filed, "review")
    if state == "forwarded":
        move(actors["ppid"], filed, "forward", organization="dinkes")
    for who in ("applicant", "outsider", "walidata", "other", "producer",
                "pembantu", "ppid"):
        if who == allowed:
            continue
        # a role on the request but not this one: refused; none: not found
        with pytest.raises((tk.NotAuthorized, tk.ObjectNotFound)):
            move(actors[who], filed, action, **fields)
    done = move(actors[allowed], filed, action, **fields)
    assert done["state"] != state


def test_actions_out_of_order_are_refused(actors, filed):
    for action, fields in (("forward", {"organization": "dinkes"}),
                           ("fulfil", {"pdp_check": "clean"}),
                           ("reject", {"ground": "a", "consequence": "x"}),
                           ("complete", {}), ("lapse", {})):
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], filed, action, **fields)
        assert "action" in error.value.error_dict, action
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], filed, "dance")
    assert "action" in error.value.error_dict
    move(actors["ppid"], filed, "review")
    move(actors["ppid"], filed, "not_held", held_by="BPS")
    with pytest.raises(tk.ValidationError):
        move(actors["ppid"], filed, "review")
    # the event log agrees with the state
    events = act(actors["ppid"], "ppidrequest_event_list", id=filed["id"])
    assert [(e["action"], e["to_state"]) for e in events] == [
        ("create", "submitted"), ("review", "in_review"),
        ("not_held", "not_held")]


def test_forward_checks_its_organization(actors, filed):
    move(actors["ppid"], filed, "review")
    for org, field in (("", "organization"), ("nowhere", "organization"),
                       ("ppid-kabupaten", "organization")):
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], filed, "forward", organization=org)
        assert field in error.value.error_dict
    move(actors["ppid"], filed, "forward", organization="dinkes")
    # redirected to the right agency
    again = move(actors["ppid"], filed, "forward", organization="dukcapil")
    assert again["forwarded_organization"]["name"] == "dukcapil"
    with pytest.raises(tk.ObjectNotFound):
        act(actors["pembantu"], "ppidrequest_show", id=filed["id"])


def test_submit_data_needs_data_of_the_agency_or_reasons(actors, filed):
    move(actors["ppid"], filed, "review")
    move(actors["ppid"], filed, "forward", organization="dinkes")
    with pytest.raises(tk.ValidationError) as error:
        move(actors["pembantu"], filed, "submit_data")
    assert "upload" in error.value.error_dict
    foreign = factories.Resource(package_id=factories.Dataset(
        owner_org=actors["dukcapil"]["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi penduduk.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0013/PPID/2026")["id"])
    with pytest.raises(tk.ValidationError) as error:
        move(actors["pembantu"], filed, "submit_data",
             resource_id=foreign["id"])
    assert "resource_id" in error.value.error_dict
    with pytest.raises(tk.ValidationError) as error:
        move(actors["pembantu"], filed, "submit_data", upload="not a file")
    assert "upload" in error.value.error_dict
    with pytest.raises(tk.ValidationError) as error:
        move(actors["pembantu"], filed, "submit_data",
             upload=upload(content=b""))
    assert "upload" in error.value.error_dict
    own = factories.Resource(package_id=factories.Dataset(
        owner_org=actors["dinkes"]["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi pasien.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0013/PPID/2026")["id"],
        url="https://simpus.example/stunting.csv")
    done = move(actors["pembantu"], filed, "submit_data",
                resource_id=own["id"])
    assert done["state"] == "data_submitted"
    assert done["deliveries"][0]["resource_id"] == own["id"]


def test_concurrent_revision_is_a_conflict(actors, filed):
    shown = act(actors["ppid"], "ppidrequest_show", id=filed["id"])
    move(actors["ppid"], filed, "review", revision=shown["revision"])
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], filed, "request_completion", note="KTP",
             revision=shown["revision"])
    assert "revision" in error.value.error_dict
    events = model.Session.query(RequestEvent).count()
    assert events == 2


# -- listing -----------------------------------------------------------------

def test_list_filters_sorts_and_pages(actors):
    days = ["2026-10-01", "2026-10-20", "2026-11-02", "2026-11-16",
            "2026-11-19"]
    reqs = []
    with freeze_time("2026-11-20 10:00:00"):
        for n, day in enumerate(days):
            reqs.append(act(actors["ppid"], "ppidrequest_create",
                            channel="letter", received_at=day,
                            **dict(FORM, applicant_name=f"Pemohon {n}")))
        move(actors["ppid"], reqs[2], "review")
        move(actors["ppid"], reqs[2], "forward", organization="dinkes")
        ppid = actors["ppid"]
        everything = act(ppid, "ppidrequest_list")
        assert everything["count"] == 5
        assert [r["received_at"] for r in everything["results"]] == days
        overdue = act(ppid, "ppidrequest_list", overdue=True)
        assert [r["received_at"] for r in overdue["results"]] == \
            ["2026-10-01", "2026-10-20", "2026-11-02"]
        assert all(r["overdue"] for r in overdue["results"])
        # due within 2 working days of Friday 20th (by Tuesday 24th): the
        # overdue ones; 16 and 19 November are due on 30 Nov and 3 Dec
        soon = act(ppid, "ppidrequest_list", due_within=8)
        assert [r["due_date"] for r in soon["results"]] == [
            "2026-10-15", "2026-11-03", "2026-11-16", "2026-11-30"]
        soon = act(ppid, "ppidrequest_list", due_within=2)
        assert soon["count"] == 3
        by_org = act(ppid, "ppidrequest_list", organization="dinkes")
        assert [r["id"] for r in by_org["results"]] == [reqs[2]["id"]]
        by_state = act(ppid, "ppidrequest_list", state="forwarded,submitted")
        assert by_state["count"] == 5
        newest = act(ppid, "ppidrequest_list", sort="received_at desc",
                     limit=2, offset=1)
        assert newest["count"] == 5
        assert [r["received_at"] for r in newest["results"]] == \
            ["2026-11-16", "2026-11-02"]
        assert act(ppid, "ppidrequest_list", q="pemohon 3")["count"] == 1
        assert act(ppid, "ppidrequest_list", q="100%")["count"] == 0
        for bad in ({"state": "nope"}, {"sort": "name"}, {"limit": -1},
                    {"due_within": "soon"}, {"organization": "nowhere"}):
            with pytest.raises(tk.ValidationError):
                act(ppid, "ppidrequest_list", **bad)


# -- over HTTP ---------------------------------------------------------------

def test_http_api_create_bad_input_and_upload(app, actors, smtp):
    resp = app.post("/api/3/action/ppidrequest_create",
                    json=dict(FORM, applicant_nik="abc"), status=409)
    assert resp.json["error"]["applicant_nik"] == ["A NIK has 16 digits"]
    resp = app.post("/api/3/action/ppidrequest_create", json=FORM)
    req = resp.json["result"]
    assert req["access_code"]
    ppid = factories.APIToken(user=actors["ppid"]["name"])["token"]
    for action, fields in (("review", {}),
                           ("forward", {"organization": "dinkes"})):
        app.post("/api/3/action/ppidrequest_transition",
                 json=dict(id=req["registration_number"], action=action,
                           **fields),
                 headers={"Authorization": ppid})
    pembantu = factories.APIToken(user=actors["pembantu"]["name"])["token"]
    resp = app.post("/api/3/action/ppidrequest_transition", data={
        "id": req["id"], "action": "submit_data",
        "upload": (io.BytesIO(b"desa,kasus\nC,1\n"), "kasus.csv")},
        headers={"Authorization": pembantu})
    assert resp.json["result"]["state"] == "data_submitted"
    assert resp.json["result"]["deliveries"][0]["filename"] == "kasus.csv"
    # bad fields are a clear error, not a server error
    resp = app.post("/api/3/action/ppidrequest_transition",
                    json={"id": req["id"], "action": "extend",
                          "days": "banyak", "reason": {"a": 1}},
                    headers={"Authorization": ppid}, status=409)
    assert {"days", "reason"} <= set(resp.json["error"])
    # anonymous list: refused
    app.get("/api/3/action/ppidrequest_list", status=403)


@pytest.mark.ckan_config("ckan.locale_default", "id")
def test_errors_in_indonesian_on_an_indonesian_portal(app, actors):
    resp = app.post("/api/3/action/ppidrequest_create",
                    json=dict(FORM, applicant_nik="123",
                              applicant_email="", applicant_phone=""),
                    status=409)
    assert resp.json["error"]["applicant_nik"] == \
        ["NIK terdiri atas 16 angka"]
    assert "Isi nomor telepon atau alamat surel" in \
        resp.json["error"]["applicant_email"]


def test_a_restricted_resource_is_delivered_but_stays_restricted(
        app, actors, smtp):
    pkg = factories.Dataset(
        owner_org=actors["dinkes"]["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi pasien.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0014/PPID/2026")
    resource = call_action(
        "resource_create", {"user": actors["ppid"]["name"]},
        package_id=pkg["id"], url="kunjungan.csv",
        upload=FileStorage(io.BytesIO(b"puskesmas,kunjungan\nP1,120\n"),
                           "kunjungan.csv", content_type="text/csv"))
    req = act(actors["applicant"], "ppidrequest_create",
              dataset_id=pkg["id"], **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "forward", organization="dinkes")
    move(actors["pembantu"], req, "submit_data", resource_id=resource["id"])
    move(actors["ppid"], req, "pdp_scan")
    done = move(actors["ppid"], req, "fulfil", pdp_check="justified",
                pdp_note="Tidak memuat identitas pasien, hanya agregat")
    [released] = [d for d in done["deliveries"] if d["stage"] == "released"]
    path = released["download_url"].replace(tk.config["ckan.site_url"], "")
    token = factories.APIToken(user=actors["applicant"]["name"])["token"]
    resp = app.get(path, headers={"Authorization": token})
    assert resp.status_code == 200
    assert resp.data == b"puskesmas,kunjungan\nP1,120\n"
    # the catalogue still withholds it, from the applicant too
    direct = f"/dataset/{pkg['id']}/resource/{resource['id']}/download"
    assert app.get(direct, headers={"Authorization": token}).status_code \
        == 403
    assert app.get(direct).status_code == 403
    shown = act(actors["applicant"], "resource_show", id=resource["id"])
    assert shown["url"] == ""
    assert model.Package.get(pkg["id"]).extras["classification"] == \
        "terbatas"
