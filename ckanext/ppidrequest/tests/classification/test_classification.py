"""Classification: the schema's validation, who decides, the history, the
bulk command, and what the catalogue shows."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import ckan.lib.search as search
import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.ppidrequest.classification import classes as C

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

FUTURE = (dt.date.today() + dt.timedelta(days=3 * 365)).isoformat()
BASIS = {
    "classification_ground": "h",
    "classification_consequence":
        "Membuka data ini mengungkap rahasia pribadi pasien per individu.",
    "classification_exempt_until": FUTURE,
    "classification_decision_ref": "000.8.3/0012/PPID/2026",
}


@pytest.fixture
def people():
    """A PPID officer, a Walidata, a producer (editor of the OPD) and an
    outsider, with the organizations that give them their roles."""
    admin = factories.Sysadmin(name="admin-satudata")
    ppid = factories.User(name="ppid-officer")
    walidata = factories.User(name="walidata-officer")
    producer = factories.User(name="produsen")
    outsider = factories.User(name="warga")
    factories.Organization(name="ppid-kabupaten",
                           users=[{"name": ppid["name"], "capacity": "editor"}])
    factories.Organization(name="diskominfo", users=[
        {"name": walidata["name"], "capacity": "editor"}])
    opd = factories.Organization(name="dinkes", users=[
        {"name": producer["name"], "capacity": "editor"}])
    return {"ppid": ppid, "walidata": walidata, "producer": producer,
            "outsider": outsider, "opd": opd, "admin": admin}


def _create(user, **kwargs):
    """package_create as ``user`` (permissions skipped: the PPID holds no
    seat in the OPD; what matters here is who the validator sees)."""
    return call_action("package_create", {"user": user["name"]}, **kwargs)


def _history(pkg_id):
    return call_action("ppidrequest_classification_history", id=pkg_id)


# -- validation --------------------------------------------------------------

def test_classification_is_required(people):
    with pytest.raises(tk.ValidationError) as e:
        _create(people["ppid"], name="ds-x", owner_org=people["opd"]["id"])
    assert "classification" in e.value.error_dict


def test_unknown_classification_is_refused(people):
    with pytest.raises(tk.ValidationError) as e:
        _create(people["admin"], name="ds-x", owner_org=people["opd"]["id"],
                    classification="publik")
    assert "classification" in e.value.error_dict


@pytest.mark.parametrize("missing,field", [
    ("classification_ground", "classification_ground"),
    ("classification_consequence", "classification_consequence"),
    ("classification_exempt_until", "classification_exempt_until"),
])
def test_restricted_needs_its_basis(people, missing, field):
    basis = dict(BASIS, **{missing: ""})
    with pytest.raises(tk.ValidationError) as e:
        _create(people["admin"], name="ds-x", owner_org=people["opd"]["id"],
                    classification="terbatas", **basis)
    assert field in e.value.error_dict
    # nothing was saved
    assert model.Package.get("ds-x") is None


def test_exemption_period_rules(people):
    org = people["opd"]["id"]
    with pytest.raises(tk.ValidationError) as e:
        _create(people["admin"], name="ds-x", owner_org=org,
                    classification="rahasia",
                    **dict(BASIS, classification_exempt_until="2001-01-01"))
    assert "must be in the future" in \
        e.value.error_dict["classification_exempt_until"][0]
    with pytest.raises(tk.ValidationError) as e:
        _create(people["admin"], name="ds-x", owner_org=org,
                    classification="rahasia",
                    **dict(BASIS, classification_exempt_until="31/12/2030"))
    assert "YYYY-MM-DD" in e.value.error_dict["classification_exempt_until"][0]
    with pytest.raises(tk.ValidationError) as e:
        _create(people["admin"], name="ds-x", owner_org=org,
                    classification="rahasia",
                    **dict(BASIS, classification_exempt_reason="selamanya"))
    assert "classification_exempt_reason" in e.value.error_dict
    # indefinite, with its reason, is accepted
    pkg = _create(people["admin"], name="ds-x", owner_org=org,
                      classification="rahasia",
                      **dict(BASIS, classification_exempt_until="",
                             classification_exempt_reason=(
                                 "Rekam medis dilindungi undang-undang "
                                 "tanpa batas waktu")))
    assert pkg["classification"] == "rahasia"


def test_open_data_drops_any_basis(people):
    pkg = _create(people["admin"], name="open", classification="terbuka",
                      owner_org=people["opd"]["id"], **BASIS)
    assert pkg["classification"] == "terbuka"
    assert not pkg.get("classification_ground")
    assert not pkg.get("classification_consequence")


def test_validation_errors_in_indonesian(app, people):
    # the producer may create datasets in the OPD (the PPID may not)
    token = factories.APIToken(user=people["producer"]["name"])["token"]
    res = app.post("/id/api/3/action/package_create",
                   json={"name": "x", "owner_org": people["opd"]["id"],
                         "classification": "terbatas"},
                   headers={"Authorization": token}, status=409)
    errors = res.json["error"]
    assert "Pasal 17" in " ".join(errors["classification_ground"])
    assert "uji konsekuensi" in " ".join(
        errors["classification_consequence"]).lower()
    res = app.post("/en/api/3/action/package_create",
                   json={"name": "x", "owner_org": people["opd"]["id"],
                         "classification": "terbatas"},
                   headers={"Authorization": token}, status=409)
    assert "Article 17" in " ".join(res.json["error"]["classification_ground"])


# -- who decides --------------------------------------------------------------

def test_ppid_decides_directly_and_history_records_it(people):
    pkg = _create(people["ppid"], name="pasien", owner_org=people["opd"]["id"],
                  classification="rahasia", **BASIS)
    assert pkg["classification"] == "rahasia"
    assert not pkg.get(C.PROPOSAL_FIELD)
    [event] = _history(pkg["id"])
    assert event["kind"] == "decision"
    assert event["actor"] == "ppid-officer"
    assert (event["from_classification"], event["to_classification"]) \
        == (None, "rahasia")
    assert event["ground"] == "h"
    assert event["exempt_until"] == FUTURE
    assert event["decision_ref"] == BASIS["classification_decision_ref"]


def test_ppid_decision_needs_a_reference(people):
    with pytest.raises(tk.ValidationError) as e:
        _create(people["ppid"], name="ds-x", owner_org=people["opd"]["id"],
                classification="terbatas",
                **dict(BASIS, classification_decision_ref=""))
    assert "classification_decision_ref" in e.value.error_dict


def test_producer_only_proposes_and_nothing_is_released_meanwhile(people):
    pkg = _create(people["producer"], name="baru",
                  owner_org=people["opd"]["id"], classification="terbuka")
    # undecided: stored empty, handled as terbatas, proposal pending
    assert not pkg["classification"]
    proposal = json.loads(pkg[C.PROPOSAL_FIELD])
    assert proposal["classification"] == "terbuka"
    assert proposal["proposed_by"] == "produsen"
    assert C.handled_as(pkg) == C.TERBATAS
    [event] = _history(pkg["id"])
    assert event["kind"] == "proposal"

    # the PPID approves: the proposal becomes the classification
    call_action("ppidrequest_classification_decide",
                {"user": people["ppid"]["name"]},
                id="baru", approve_proposal=True)
    shown = call_action("package_show", id="baru")
    assert shown["classification"] == "terbuka"
    assert not shown.get(C.PROPOSAL_FIELD)
    kinds = [e["kind"] for e in _history(pkg["id"])]
    assert kinds == ["decision", "proposal"]


def test_producer_edit_of_decided_class_is_a_proposal_handled_strictly(people):
    ppid_ctx = {"user": people["ppid"]["name"]}
    call_action("package_create", ppid_ctx, name="ds",
                owner_org=people["opd"]["id"], classification="terbuka")
    # the producer edits the form, choosing rahasia
    tk.get_action("package_patch")(
        {"user": people["producer"]["name"]},
        dict(BASIS, id="ds", classification="rahasia",
             classification_decision_ref=""))
    shown = call_action("package_show", id="ds")
    assert shown["classification"] == "terbuka"           # still decided
    assert C.handled_as(shown) == C.RAHASIA               # but handled strictly
    # the PPID keeps the decided class: the proposal is settled
    call_action("ppidrequest_classification_decide", ppid_ctx, id="ds",
                classification="terbuka")
    shown = call_action("package_show", id="ds")
    assert not shown.get(C.PROPOSAL_FIELD)
    assert C.handled_as(shown) == C.TERBUKA
    assert [e["kind"] for e in _history(shown["id"])] == [
        "proposal_rejected", "proposal", "decision"]


def test_walidata_proposes_through_the_action(people):
    _create(people["admin"], name="ds", owner_org=people["opd"]["id"],
                classification="terbatas", **BASIS)
    call_action("ppidrequest_classification_propose",
                {"user": people["walidata"]["name"]}, id="ds",
                classification="terbuka", note="Data sudah dianonimkan")
    shown = call_action("package_show", id="ds")
    assert shown["classification"] == "terbatas"
    assert json.loads(shown[C.PROPOSAL_FIELD])["classification"] == "terbuka"
    latest = _history(shown["id"])[0]
    assert latest["kind"] == "proposal"
    assert latest["actor"] == "walidata-officer"
    assert latest["note"] == "Data sudah dianonimkan"


def test_only_ppid_decides_and_outsiders_cannot_propose(people):
    _create(people["admin"], name="ds", owner_org=people["opd"]["id"],
                classification="terbuka")
    for who in ("producer", "walidata", "outsider"):
        with pytest.raises(tk.NotAuthorized):
            tk.get_action("ppidrequest_classification_decide")(
                {"user": people[who]["name"]},
                {"id": "ds", "classification": "rahasia", **BASIS})
    with pytest.raises(tk.NotAuthorized):
        tk.get_action("ppidrequest_classification_propose")(
            {"user": people["outsider"]["name"]},
            {"id": "ds", "classification": "terbatas", **BASIS})


def test_approving_without_a_proposal_is_a_validation_error(people):
    _create(people["admin"], name="ds", owner_org=people["opd"]["id"],
                classification="terbuka")
    with pytest.raises(tk.ValidationError) as e:
        call_action("ppidrequest_classification_decide",
                    {"user": people["ppid"]["name"]}, id="ds",
                    approve_proposal=True)
    assert "approve_proposal" in e.value.error_dict
    with pytest.raises(tk.ObjectNotFound):
        call_action("ppidrequest_classification_decide",
                    {"user": people["ppid"]["name"]}, id="nope",
                    classification="terbuka")


def test_proposal_is_not_settable_by_hand(people):
    _create(people["admin"], name="ds", owner_org=people["opd"]["id"],
                classification="terbuka")
    pkg = tk.get_action("package_patch")(
        {"user": people["producer"]["name"]},
        {"id": "ds", "classification": "terbuka",
         C.PROPOSAL_FIELD: json.dumps({"classification": "terbuka"})})
    assert not pkg.get(C.PROPOSAL_FIELD)


# -- bulk classification ----------------------------------------------------

def test_bulk_classify_dry_run_then_apply(cli, people):
    from ckan.cli.cli import ckan as ckan_cli

    # datasets of a portal from before the extension: no classification
    for name in ("lama-1", "lama-2"):
        pkg = _create(people["admin"], name=name,
                          owner_org=people["opd"]["id"],
                          classification="terbuka")
        obj = model.Package.get(pkg["id"])
        obj.extras = {}
        model.Session.commit()
        search.rebuild(pkg["id"])
    result = cli.invoke(ckan_cli, ["ppidrequest", "classify",
                                   "--default", "terbuka"])
    assert not result.exit_code, result.output
    assert "Dry run: 2 datasets" in result.output
    assert not model.Package.get("lama-1").extras.get("classification")

    result = cli.invoke(ckan_cli, ["ppidrequest", "classify",
                                   "--default", "terbatas"])
    result = cli.invoke(ckan_cli, ["ppidrequest", "classify",
                                   "--default", "terbatas", "--apply"])
    assert result.exit_code == 1
    assert "error" in result.output and "classification_ground" in \
        result.output

    result = cli.invoke(ckan_cli, ["ppidrequest", "classify",
                                   "--default", "terbuka", "--apply"])
    assert not result.exit_code, result.output
    assert "2 classified, 0 failed" in result.output
    shown = call_action("package_show", id="lama-1")
    assert shown["classification"] == "terbuka"
    assert _history(shown["id"])[0]["kind"] == "bulk", _history(shown["id"])
    result = cli.invoke(ckan_cli, ["ppidrequest", "classify",
                                   "--default", "terbuka"])
    assert "already has a classification" in result.output


# -- catalogue ---------------------------------------------------------------

def test_facet_badges_and_request_button(app, people):
    org = people["opd"]["id"]
    _create(people["admin"], name="terbuka-ds", title="Data Terbuka A",
                owner_org=org, classification="terbuka",
                resources=[{"url": "http://example.com/open.csv",
                            "format": "CSV"}])
    _create(people["admin"], name="terbatas-ds", title="Data Terbatas B",
                owner_org=org, classification="terbatas", **BASIS,
                resources=[{"url": "http://example.com/restricted.csv",
                            "format": "CSV"}])
    _create(people["admin"], name="rahasia-ds", title="Data Rahasia C",
                owner_org=org, classification="rahasia", **BASIS)

    facets = call_action("package_search",
                         **{"facet.field": '["classification"]'})[
        "search_facets"]["classification"]["items"]
    assert {i["name"]: i["count"] for i in facets} == {
        "terbuka": 1, "terbatas": 1, "rahasia": 1}

    page = app.get("/dataset/").body
    assert "ppid-badge-terbatas" in page and "ppid-badge-rahasia" in page
    assert "Classification" in page                     # the facet block

    page = app.get("/dataset/terbatas-ds").body
    assert "Request data" in page
    assert "/permohonan/baru?dataset=terbatas-ds" in page
    assert "http://example.com/restricted.csv" not in page
    assert "Classification history" in page

    page = app.get("/dataset/terbuka-ds").body
    assert "/permohonan/baru?dataset=" not in page   # the header keeps its own
    assert "Request data" not in page
    assert "http://example.com/open.csv" in page

    filtered = app.get("/dataset/", query_string={
        "classification": "terbatas"}).body
    assert "Data Terbatas B" in filtered and "Data Terbuka A" not in filtered


def test_ppid_sees_the_proposal_and_can_approve_it_in_the_page(app, people):
    _create(people["producer"], name="usulan", owner_org=people["opd"]["id"],
            classification="terbuka")
    ppid_token = factories.APIToken(user=people["ppid"]["name"])["token"]
    page = app.get("/dataset/usulan",
                   headers={"Authorization": ppid_token}).body
    assert "Pending classification proposal" in page
    assert "Approve proposal" in page
    # anonymous visitors see neither the proposal nor the buttons
    page = app.get("/dataset/usulan").body
    assert "Approve proposal" not in page
    res = app.post("/dataset/usulan/classification/decide",
                   data={"approve_proposal": "true"},
                   headers={"Authorization": ppid_token})
    assert res.status_code == 200
    assert call_action("package_show", id="usulan")["classification"] \
        == "terbuka"
    # an outsider's POST is refused and changes nothing
    outsider_token = factories.APIToken(
        user=people["outsider"]["name"])["token"]
    refused = app.post("/dataset/usulan/classification/decide",
                       data={"approve_proposal": "true"},
                       headers={"Authorization": outsider_token}, status=403)
    # the auth function's own reason, on CKAN's error page
    assert "Only the PPID can decide" in refused.body
    app.post("/dataset/nothing-here/classification/decide",
             data={"approve_proposal": "true"},
             headers={"Authorization": ppid_token}, status=404)


def test_withheld_resources_keep_no_field_that_could_point_at_data(app, people):
    """Schemas and extensions add resource fields (download_url,
    access_url, uri...): a withheld resource keeps only its description."""
    _create(people["admin"], name="ds-r", owner_org=people["opd"]["id"],
            classification="terbatas", **BASIS, resources=[{
                "url": "http://example.com/a-SECRET.csv", "format": "CSV",
                "name": "Rekap", "download_url": "http://x/b-SECRET.csv",
                "access_url": "http://x/c-SECRET", "uri": "http://x/d-SECRET"}])
    res = app.get("/api/3/action/package_show", query_string={"id": "ds-r"})
    assert "SECRET" not in res.body
    [resource] = res.json["result"]["resources"]
    assert resource["name"] == "Rekap" and resource["format"] == "CSV"
    assert resource["url"] == "" and resource["ppidrequest_data_withheld"]
    # the producer still gets everything
    token = factories.APIToken(user=people["producer"]["name"])["token"]
    res = app.get("/api/3/action/package_show", query_string={"id": "ds-r"},
                  headers={"Authorization": token})
    assert res.body.count("SECRET") == 4


def test_other_edits_by_the_ppid_leave_a_proposal_pending(people):
    _create(people["producer"], name="ds-p", owner_org=people["opd"]["id"],
            classification="terbuka")
    ppid = {"user": people["ppid"]["name"]}
    call_action("ppidrequest_classification_decide", ppid, id="ds-p",
                classification="terbatas", **BASIS)
    call_action("ppidrequest_classification_propose",
                {"user": people["producer"]["name"]}, id="ds-p",
                classification="terbuka")
    # a sysadmin adds a resource: the proposal is not settled by that
    call_action("resource_create", {"user": people["admin"]["name"]},
                package_id="ds-p", url="http://example.com/x.csv")
    shown = call_action("package_show", id="ds-p")
    assert C.proposal_of(shown)["classification"] == "terbuka"
    assert _history(shown["id"])[0]["kind"] == "proposal"


def test_an_ended_exemption_does_not_block_other_edits(people):
    _create(people["admin"], name="ds-e", owner_org=people["opd"]["id"],
            classification="terbatas", **BASIS)
    obj = model.Package.get("ds-e")
    obj.extras = dict(obj.extras, classification_exempt_until="2020-01-01")
    model.Session.commit()
    # an edit that keeps the stored (ended) date is accepted...
    call_action("package_patch", {"user": people["admin"]["name"]},
                id="ds-e", title="Judul baru",
                classification_exempt_until="2020-01-01")
    # ...a new end date in the past is not
    with pytest.raises(tk.ValidationError):
        call_action("package_patch", {"user": people["admin"]["name"]},
                    id="ds-e", classification_exempt_until="2021-01-01")


def test_anonymous_visitors_read_the_history(app, people):
    pkg = _create(people["admin"], name="ds-h",
                  owner_org=people["opd"]["id"], classification="terbuka")
    res = app.get("/api/3/action/ppidrequest_classification_history",
                  query_string={"id": "ds-h"})
    assert res.json["result"][0]["to_classification"] == "terbuka"


def test_a_pending_stricter_proposal_shows_on_the_public_page(app, people):
    """Open data proposed for restriction is handled as restricted, and
    the page says so rather than 'Terbuka' (the proposer and reasons stay
    internal)."""
    _create(people["admin"], name="ds-s", owner_org=people["opd"]["id"],
            classification="terbuka",
            resources=[{"url": "http://example.com/s-SECRET.csv"}])
    call_action("ppidrequest_classification_propose",
                {"user": people["producer"]["name"]}, id="ds-s",
                classification="terbatas", note="catatan internal",
                **{k: v for k, v in BASIS.items()
                   if k != "classification_decision_ref"})
    page = app.get("/dataset/ds-s").body
    assert "ppid-badge-terbatas" in page
    assert "ppid-badge-terbuka" not in page
    assert "SECRET" not in page
    shown = app.get("/api/3/action/package_show",
                    query_string={"id": "ds-s"}).json["result"]
    assert json.loads(shown[C.PROPOSAL_FIELD]) == {"classification": "terbatas"}


def test_a_pending_proposal_keeps_its_proposer_and_reasons_internal(
        app, people):
    """The history shows a pending proposal as package_show does: its
    class to everyone, who proposed it and why only to those who may get
    the data; once decided it is part of the public record."""
    _create(people["admin"], name="ds-p", owner_org=people["opd"]["id"],
            classification="terbuka")
    call_action("ppidrequest_classification_propose",
                {"user": people["producer"]["name"]}, id="ds-p",
                classification="terbatas", note="catatan internal",
                **{k: v for k, v in BASIS.items()
                   if k != "classification_decision_ref"})
    consequence = BASIS["classification_consequence"]

    def history(user):
        return call_action("ppidrequest_classification_history",
                           {"user": user["name"] if user else "",
                            "ignore_auth": False}, id="ds-p")

    for user in (None, people["outsider"]):
        pending = history(user)[0]
        assert pending["kind"] == "proposal"
        assert pending["to_classification"] == "terbatas"
        text = json.dumps(history(user))
        for secret in ("catatan internal", consequence,
                       people["producer"]["name"]):
            assert secret not in text, (user, secret)
    page = app.get("/dataset/ds-p").body
    assert "catatan internal" not in page and consequence not in page
    for user in (people["producer"], people["ppid"], people["walidata"]):
        pending = history(user)[0]
        assert pending["note"] == "catatan internal"
        assert pending["consequence"] == consequence
        assert pending["actor"] == people["producer"]["name"]
    call_action("ppidrequest_classification_decide",
                {"user": people["ppid"]["name"]}, id="ds-p",
                approve_proposal=True,
                classification_decision_ref="000.8.3/0013/PPID/2026")
    decided = history(None)
    assert decided[0]["kind"] == "decision"
    assert decided[0]["consequence"] == consequence
