"""``ckan ppidrequest-demo seed``: the seeded regency portal and its
idempotency. Everything goes through CKAN actions against the real database
and search index."""
from __future__ import annotations

import datetime as dt
import re

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest.classification import classes as C
from ckanext.ppidrequest.demo import catalogue, seed, tables


pytestmark = pytest.mark.usefixtures("with_demo_plugin", "clean_db",
                                     "clean_index")


def _call(action, **data):
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    return tk.get_action(action)(
        {"user": site_user["name"], "ignore_auth": True}, data)


def _members(org_name):
    users = _call("organization_show", id=org_name,
                  include_users=True)["users"]
    return {(m["name"], m["capacity"]) for m in users}


def _quiet(_line):
    pass


def _specs(cls):
    return [d for d in catalogue.DATASETS
            if catalogue.classification_fields(d)["classification"] == cls]


CLASSIFICATION_FIELDS = ("classification",) + C.BASIS_FIELDS
SATU_DATA_FIELDS = ("producer_contact", "update_frequency", "temporal_start",
                    "temporal_end", "spatial_coverage", "unit_of_measure",
                    "source_method")


def test_seed_creates_the_portal():
    stats = seed.seed(echo=_quiet)

    assert stats["dataset_created"] == len(catalogue.DATASETS) >= 30
    active = _call("package_list")
    assert set(active) >= {d["name"] for d in catalogue.DATASETS}
    assert len(active) >= 30
    for org in catalogue.ORGANIZATIONS:
        assert _call("organization_show", id=org["name"])["state"] == "active"
    for group in catalogue.GROUPS:
        assert _call("group_show", id=group["name"])["package_count"] > 0

    # every role user exists, with the right capacity in the right org
    password = tk.config.get(seed.PASSWORD_OPTION) or seed.DEFAULT_PASSWORD
    for spec in catalogue.USERS:
        user = model.User.by_name(spec["name"])
        assert user is not None and user.state == "active", spec["name"]
        assert user.sysadmin is bool(spec.get("sysadmin"))
        assert user.validate_password(password)
        for org_name, capacity in spec["memberships"]:
            assert (spec["name"], capacity) in _members(org_name)
    # the roles of docs/domain.md, pinned here in case USERS is edited
    expected = {
        ("walidata", "diskominfo", "editor"),
        ("ppid", "ppid-kabupaten", "admin"),
        ("ppid-pembantu-dinkes", "dinas-kesehatan", "admin"),
        ("ppid-pembantu-disdukcapil", "disdukcapil", "admin"),
        ("produsen-dinkes", "dinas-kesehatan", "editor"),
    }
    for username, org_name, capacity in expected:
        assert (username, capacity) in _members(org_name)
    assert model.User.by_name("admin").sysadmin
    for plain in ("pemohon", "atasan-ppid"):
        assert _call("organization_list_for_user", id=plain,
                     permission="read") == []

    # uploads: stored in CKAN's file storage, byte for byte the seed's CSV
    first = catalogue.DATASETS[0]
    dataset = _call("package_show", id=first["name"])
    resource = dataset["resources"][0]
    assert resource["url_type"] == "upload"
    assert resource["format"] == "CSV"
    assert resource["url"].endswith(
        f"/dataset/{dataset['id']}/resource/{resource['id']}/download/"
        f"{first['resources'][0]['filename']}")
    assert seed._stored_bytes(resource) == tables.resource_bytes(
        first["resources"][0])

    # the portal search finds population data
    found = _call("package_search", q="penduduk", rows=100)
    names = {d["name"] for d in found["results"]}
    assert names & {d["name"] for d in catalogue.DATASETS}
    assert first["name"] in names


def test_seed_classifies_every_dataset():
    lines = []
    seed.seed(echo=lines.append)

    # all three classes, most datasets open
    by_class = {cls: _specs(cls) for cls in C.CLASSES}
    assert len(by_class[C.TERBATAS]) >= 5
    assert len(by_class[C.RAHASIA]) >= 3
    assert len(by_class[C.TERBUKA]) > len(catalogue.DATASETS) / 2

    for spec in catalogue.DATASETS:
        pkg = _call("package_show", id=spec["name"])
        # the decided classification and its basis, as the seed gives them
        wanted = catalogue.classification_fields(spec)
        assert {f: pkg.get(f) or "" for f in CLASSIFICATION_FIELDS} == \
            wanted, spec["name"]
        # the Satu Data metadata is filled in everywhere
        for field in SATU_DATA_FIELDS:
            assert pkg.get(field), (spec["name"], field)
        assert pkg["update_frequency"] in {
            "harian", "mingguan", "bulanan", "triwulanan", "semesteran",
            "tahunan", "tidak_tentu"}
        assert pkg["spatial_coverage"] in {
            "kabupaten", "kecamatan", "desa", "titik"}
        assert int(pkg["temporal_start"]) <= int(pkg["temporal_end"])
        assert "@sukamaju.go.id" in pkg["producer_contact"]
        assert "(0261)" in pkg["producer_contact"]

        if wanted["classification"] == C.TERBUKA:
            continue
        # a non-open class has its legal basis and the PPID's decision
        assert pkg["classification_ground"] in C.GROUNDS
        assert len(pkg["classification_consequence"]) >= 100
        assert bool(pkg["classification_exempt_until"]) != \
            bool(pkg["classification_exempt_reason"])
        assert re.fullmatch(r"000\.8\.3/\d{4}/PPID/20\d\d",
                            pkg["classification_decision_ref"])
        # restricted data exists as files, so that leaks can be tested
        uploads = [r for r in pkg["resources"]
                   if r.get("url_type") == "upload"]
        assert uploads, spec["name"]
        for res_spec in spec["resources"]:
            if "table" not in res_spec:
                continue
            resource = next(r for r in uploads
                            if r["name"] == res_spec["name"])
            assert seed._stored_bytes(resource) == \
                tables.resource_bytes(res_spec)
        # ... and an anonymous visitor sees the metadata but no file
        anon = tk.get_action("package_show")({"user": ""},
                                             {"id": spec["name"]})
        assert anon["classification"] == wanted["classification"]
        assert all(not r.get("url") for r in anon["resources"])

    for spec in _specs(C.RAHASIA):
        pkg = _call("package_show", id=spec["name"])
        assert pkg["classification_ground"] in C.GROUNDS
        assert pkg["classification_consequence"].strip()

    # a linked (not uploaded) resource on a terbatas dataset
    assert any("url" in r for d in by_class[C.TERBATAS]
               for r in d["resources"])

    # the search facet offers all three classes
    found = _call("package_search", rows=0, **{
        "facet.field": ["classification"], "facet": "true"})
    facet = {i["name"]: i["count"]
             for i in found["search_facets"]["classification"]["items"]}
    assert set(facet) == set(C.CLASSES)
    assert facet[C.RAHASIA] == len(by_class[C.RAHASIA])

    # the seed's output ends with the count per class
    counts = ", ".join(f"{cls} {len(by_class[cls])}" for cls in C.CLASSES)
    assert any(counts in line for line in lines), lines


def test_exemption_dates_are_not_about_to_expire():
    """The validator refuses an exemption that has ended, on every save: a
    demo date in the past breaks the seed. Warn half a year ahead."""
    soon = dt.date.today() + dt.timedelta(days=183)
    dates = [catalogue.classification_fields(d)["classification_exempt_until"]
             for d in catalogue.DATASETS]
    dates += [p.get("classification_exempt_until") for p in catalogue.PROPOSALS]
    for value in filter(None, dates):
        assert dt.date.fromisoformat(value) > soon, (
            f"demo exemption ending {value}: move it forward in demo/data/")


def test_seed_leaves_proposals_pending():
    seed.seed(echo=_quiet)

    assert catalogue.PROPOSALS
    for spec in catalogue.PROPOSALS:
        pkg = _call("package_show", id=spec["dataset"])
        proposal = C.proposal_of(pkg)
        assert proposal, spec["dataset"]
        assert proposal["proposed_by"] == spec["user"] == "produsen-dinkes"
        assert proposal["classification"] == spec["classification"]
        # the PPID has not decided yet: the decided class stays
        decided = catalogue.classification_fields(
            next(d for d in catalogue.DATASETS if d["name"] == spec["dataset"]))
        assert pkg["classification"] == decided["classification"]
        assert pkg["classification"] != spec["classification"]
        # and the history records who proposed what
        history = _call("ppidrequest_classification_history",
                        id=spec["dataset"])
        assert history[0]["kind"] == "proposal"
        assert history[0]["actor"] == "produsen-dinkes"
        assert history[0]["to_classification"] == spec["classification"]
    # one proposal opens a restricted dataset
    assert any(p["classification"] == C.TERBUKA for p in catalogue.PROPOSALS)


def test_second_seed_changes_nothing():
    seed.seed(echo=_quiet)

    def snapshot():
        result = {}
        for spec in catalogue.DATASETS:
            pkg = _call("package_show", id=spec["name"])
            result[spec["name"]] = (
                pkg["metadata_modified"],
                {f: pkg.get(f) for f in CLASSIFICATION_FIELDS
                 + SATU_DATA_FIELDS + (C.PROPOSAL_FIELD,)},
                [(r["id"], r["last_modified"], r["size"])
                 for r in pkg["resources"]],
                len(_call("ppidrequest_classification_history",
                          id=spec["name"])))
        return result

    before = snapshot()
    count_before = len(_call("package_list"))

    lines = []
    stats = seed.seed(echo=lines.append)

    assert not [k for k, n in stats.items()
                if n and not k.endswith("_unchanged")], stats
    assert stats["dataset_unchanged"] == len(catalogue.DATASETS)
    assert stats["proposal_unchanged"] == len(catalogue.PROPOSALS)
    assert len(_call("package_list")) == count_before
    assert snapshot() == before
    assert any(tk.config["ckan.site_url"] in line for line in lines)
    assert any(line.lstrip().startswith("pemohon ") for line in lines)


def test_seed_repairs_drift():
    seed.seed(echo=_quiet)
    name = catalogue.DATASETS[0]["name"]
    _call("package_patch", id=name, title="Diubah manual",
          tags=[{"name": "lain"}])
    _call("organization_member_delete", id="dinas-kesehatan",
          username="produsen-dinkes")
    _call("package_delete", id=catalogue.DATASETS[1]["name"])

    stats = seed.seed(echo=_quiet)

    assert stats["dataset_updated"] == 2
    assert stats["membership_created"] == 1
    pkg = _call("package_show", id=name)
    assert pkg["title"] == catalogue.DATASETS[0]["title"]
    assert sorted(t["name"] for t in pkg["tags"]) == sorted(
        catalogue.DATASETS[0]["tags"])
    assert _call("package_show", id=catalogue.DATASETS[1]["name"])["state"] == \
        "active"


def test_seed_repairs_classification_drift():
    seed.seed(echo=_quiet)
    secret = _specs(C.RAHASIA)[0]
    wanted = catalogue.classification_fields(secret)
    # the PPID changes a decision by hand and settles a pending proposal
    _call("ppidrequest_classification_decide", id=secret["name"],
          **dict(wanted, classification_consequence="Diubah manual: "
                 "alasan lain yang cukup panjang."))
    proposal = catalogue.PROPOSALS[0]
    current = _call("package_show", id=proposal["dataset"])
    _call("ppidrequest_classification_decide", id=proposal["dataset"],
          **{f: current[f] for f in CLASSIFICATION_FIELDS})
    assert not C.proposal_of(_call("package_show", id=proposal["dataset"]))

    stats = seed.seed(echo=_quiet)

    assert stats["dataset_updated"] == 1
    assert stats["proposal_created"] == 1
    pkg = _call("package_show", id=secret["name"])
    assert {f: pkg.get(f) or "" for f in CLASSIFICATION_FIELDS} == wanted
    assert C.proposal_of(_call("package_show", id=proposal["dataset"]))


def test_seed_walks_requests_into_every_state():
    stats = seed.seed(echo=_quiet)
    assert stats["request_created"] == len(catalogue.REQUESTS)

    def as_(user, **data):
        return tk.get_action("ppidrequest_list")(
            {"user": user, "ignore_auth": False}, dict(data, limit=100))

    everything = as_("ppid")
    states = {r["state"] for r in everything["results"]}
    assert states == {"submitted", "in_review", "forwarded",
                      "data_submitted", "fulfilled", "rejected", "not_held",
                      "awaiting_completion", "withdrawn"}
    assert as_("ppid", overdue=True)["count"] >= 1
    # the Dinas Kesehatan's PPID Pembantu sees what was forwarded to it
    dinkes = as_("ppid-pembantu-dinkes")
    assert dinkes["count"] == 3
    assert {r["forwarded_organization"]["name"]
            for r in dinkes["results"]} == {"dinas-kesehatan"}
    # the applicant sees their own web requests, without their NIK
    own = as_("pemohon")
    assert own["count"] == 5
    assert all("applicant_nik" not in r for r in own["results"])
    assert as_("ppid-pembantu-disdukcapil")["count"] == 0
    # the rejection started from the rahasia dataset's recorded basis
    [rejected] = as_("ppid", state="rejected")["results"]
    assert rejected["rejection_ground"] == "h"
    # the Walidata's dashboard has every part filled
    board = tk.get_action("ppidrequest_monitoring_show")(
        {"user": "walidata", "ignore_auth": False}, {})
    late = {d["name"] for d in board["late_datasets"]}
    assert set(catalogue.MONITORING["late"]) <= late
    # this year's part of the year of downloads logged
    assert 0 < board["downloads"]["total"] <= \
        catalogue.MONITORING["downloads"]["count"]
    assert board["downloads"]["purpose"] and board["unmet"]["groups"]
    assert any(a["answered"] for a in board["agencies"])
    # every kind of letter, rendered, one number each
    from ckanext.ppidrequest.model import Letter

    letters = model.Session.query(Letter).all()
    assert {x.kind for x in letters} == {"receipt", "extension", "notice",
                                         "delivery", "rejection"}
    assert all(x.sha256 for x in letters)
    assert sorted(x.sequence for x in letters) == list(
        range(1, len(letters) + 1))
    # the data handed over for the village waits to be masked
    [handed] = as_("ppid", state="data_submitted")["results"]
    shown = tk.get_action("ppidrequest_show")(
        {"user": "ppid", "ignore_auth": False}, {"id": handed["id"]})
    [check] = shown["pdp_checks"]
    assert check["result"] == "flagged"
    assert {"nik_ibu", "keterangan"} <= set(check["report"]["personal"])
    again = seed.seed(echo=_quiet)
    assert again["request_unchanged"] == len(catalogue.REQUESTS)
    assert as_("ppid")["count"] == everything["count"]
