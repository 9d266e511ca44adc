"""Bad input gets a clear error, never a server error: the fuzzer over
every action of the plugin (bounded here; see fuzz.py for a long run),
and the cases it found, each reproduced."""
from __future__ import annotations

import os

import pytest

from ckan.tests import factories

from . import fuzz
from .requests.test_requests import FORM, act, move
from .requests.test_requests import token as _token

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _api(app, action, data, headers=None):
    return app.post(f"/api/3/action/{action}", data=fuzz._dumps(data),
                    content_type="application/json", headers=headers or {})


@pytest.mark.parametrize("value", ["\ud800", "a\x00b"])
@pytest.mark.parametrize("action, field, extra", [
    ("ppidrequest_show", "id", {}),
    ("ppidrequest_track", "registration_number", {"access_code": "A"}),
    ("ppidrequest_track", "access_code", {"registration_number": "1"}),
    ("ppidrequest_create", "applicant_name", FORM),
    ("ppidrequest_classification_history", "id", {}),
    ("ppidrequest_classification_decide", "id", {}),
    ("ppidrequest_holiday_create", "name", {"date": "2026-12-28"}),
    ("ppidrequest_list", "q", {}),
    ("ppidrequest_review", "id", {}),
])
def test_bad_text_is_a_validation_error_on_its_field(
        app, actors, action, field, extra, value):
    resp = _api(app, action, dict(extra, **{field: value}),
                _token(actors["ppid"]))
    assert resp.status_code == 409, resp.body
    assert "not allowed" in resp.json["error"][field][0]


@pytest.mark.parametrize("field, value", [
    ("due_within", " "), ("limit", " "), ("offset", " "),
    ("offset", 1e20), ("offset", "1e20"), ("limit", -1), ("offset", 2**63),
])
def test_numbers_are_bounded(app, actors, field, value):
    resp = _api(app, "ppidrequest_list", {field: value},
                _token(actors["ppid"]))
    assert resp.status_code == 409, resp.body
    assert "whole number" in resp.json["error"][field][0]


def test_a_blank_revision_is_a_validation_error(app, actors):
    req = act(None, "ppidrequest_create", **FORM)
    resp = _api(app, "ppidrequest_review", {"id": req["id"], "revision": " "},
                _token(actors["ppid"]))
    assert resp.status_code == 409
    assert "revision" in resp.json["error"]


def test_a_deeply_nested_body_is_a_bad_request(app, actors):
    body = "[" * 100000 + "]" * 100000
    for action in ("ppidrequest_create", "package_search"):
        resp = app.post(f"/api/3/action/{action}", data=body,
                        content_type="application/json")
        assert resp.status_code == 400, resp.body
        assert "nested too deeply" in resp.json["error"]["message"]
    # ordinary bodies still work
    assert _api(app, "package_search", {"q": "*:*"}).status_code == 200


@pytest.mark.parametrize("path", ["/permohonan/%00", "/permohonan/%ED%A0%80",
                                  "/ppid/permohonan/a%00b",
                                  "/permohonan/%00/tanda-terima"])
def test_bad_ids_in_page_urls_are_client_errors(app, actors, path):
    for headers in ({}, _token(actors["ppid"]), _token(actors["applicant"])):
        resp = app.get(path, headers=headers)
        assert 400 <= resp.status_code < 500, (path, resp.status_code)


def test_anonymous_package_collaborator_list_is_refused(app, actors):
    pkg = factories.Dataset(owner_org=actors["dinkes"]["id"],
                            classification="terbuka")
    resp = _api(app, "package_collaborator_list", {"id": pkg["id"]})
    assert resp.status_code == 403
    resp = _api(app, "package_collaborator_list", {"id": "nothing"},
                _token(actors["ppid"]))
    assert resp.status_code == 404


def test_the_fuzzer_finds_no_server_error(app, actors, smtp):
    """Every action of the plugin, every kind of caller. Bounded for CI;
    PPIDREQUEST_FUZZ=<n> runs n payloads (PPIDREQUEST_FUZZ_SEED=<s>
    another sequence)."""
    count = int(os.environ.get("PPIDREQUEST_FUZZ") or 600)
    pkg = factories.Dataset(owner_org=actors["dinkes"]["id"],
                            classification="terbuka")
    req = act(None, "ppidrequest_create", dataset_id=pkg["id"], **FORM)
    other = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], other, "review")
    real = [req["id"], req["registration_number"], req["access_code"],
            other["id"], other["registration_number"], pkg["id"],
            pkg["name"], "dinkes", 1, 2, "2026-12-28", "2026"]
    callers = {"anonymous": {}}
    for who in ("applicant", "outsider", "ppid", "pembantu"):
        callers[who] = _token(actors[who])
    actions = sorted(name for name in _plugin_actions()
                     if name.startswith("ppidrequest_"))
    seed = int(os.environ.get("PPIDREQUEST_FUZZ_SEED") or 13)
    report = fuzz.run(app, actions, callers, real, count, seed)
    print(f"\nfuzz: {report}")
    for failure in report.failures[:20]:
        print("server error:", failure[:3])
    assert not report.failures, report.failures[:5]
    assert report.payloads >= count * 0.9


def _plugin_actions() -> list[str]:
    from ckanext.ppidrequest.logic import action
    return list(action.get_actions())
