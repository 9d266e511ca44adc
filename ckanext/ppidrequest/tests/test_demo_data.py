"""``ckan ppidrequest demo-data``: the seeded regency portal and its
idempotency. Everything goes through CKAN actions against the real database
and search index."""
from __future__ import annotations

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest import demo


pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")


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


def test_seed_creates_the_portal():
    stats = demo.seed(echo=_quiet)

    assert stats["dataset_created"] == len(demo.DATASETS) >= 30
    active = _call("package_list")
    assert set(active) >= {d["name"] for d in demo.DATASETS}
    assert len(active) >= 30
    for org in demo.ORGANIZATIONS:
        assert _call("organization_show", id=org["name"])["state"] == "active"
    for group in demo.GROUPS:
        assert _call("group_show", id=group["name"])["package_count"] > 0

    # every role user exists, with the right capacity in the right org
    password = tk.config.get(demo.PASSWORD_OPTION) or demo.DEFAULT_PASSWORD
    for spec in demo.USERS:
        user = model.User.by_name(spec["name"])
        assert user is not None and user.state == "active", spec["name"]
        assert user.sysadmin is bool(spec.get("sysadmin"))
        assert user.validate_password(password)
        for org_name, capacity in spec["memberships"]:
            assert (spec["name"], capacity) in _members(org_name)
    # the roles of DOMAIN.md, pinned here in case USERS is edited
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
    first = demo.DATASETS[0]
    dataset = _call("package_show", id=first["name"])
    resource = dataset["resources"][0]
    assert resource["url_type"] == "upload"
    assert resource["format"] == "CSV"
    assert resource["url"].endswith(
        f"/dataset/{dataset['id']}/resource/{resource['id']}/download/"
        f"{first['resources'][0]['filename']}")
    assert demo._stored_bytes(resource) == demo.resource_bytes(
        first["resources"][0])

    # the portal search finds population data
    found = _call("package_search", q="penduduk", rows=100)
    names = {d["name"] for d in found["results"]}
    assert names & {d["name"] for d in demo.DATASETS}
    assert first["name"] in names


def test_second_seed_changes_nothing():
    demo.seed(echo=_quiet)

    def snapshot():
        result = {}
        for spec in demo.DATASETS:
            pkg = _call("package_show", id=spec["name"])
            result[spec["name"]] = (
                pkg["metadata_modified"],
                [(r["id"], r["last_modified"], r["size"])
                 for r in pkg["resources"]])
        return result

    before = snapshot()
    count_before = len(_call("package_list"))

    lines = []
    stats = demo.seed(echo=lines.append)

    assert not [k for k, n in stats.items()
                if n and not k.endswith("_unchanged")], stats
    assert stats["dataset_unchanged"] == len(demo.DATASETS)
    assert len(_call("package_list")) == count_before
    assert snapshot() == before
    assert any(tk.config["ckan.site_url"] in line for line in lines)
    assert any(line.lstrip().startswith("pemohon ") for line in lines)


def test_seed_repairs_drift():
    demo.seed(echo=_quiet)
    name = demo.DATASETS[0]["name"]
    _call("package_patch", id=name, title="Diubah manual",
          tags=[{"name": "lain"}])
    _call("organization_member_delete", id="dinas-kesehatan",
          username="produsen-dinkes")
    _call("package_delete", id=demo.DATASETS[1]["name"])

    stats = demo.seed(echo=_quiet)

    assert stats["dataset_updated"] == 2
    assert stats["membership_created"] == 1
    pkg = _call("package_show", id=name)
    assert pkg["title"] == demo.DATASETS[0]["title"]
    assert sorted(t["name"] for t in pkg["tags"]) == sorted(
        demo.DATASETS[0]["tags"])
    assert _call("package_show", id=demo.DATASETS[1]["name"])["state"] == \
        "active"
