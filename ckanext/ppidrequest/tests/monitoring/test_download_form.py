"""The download form of Jember step 3 in its three modes: off counts the
download without asking; optional asks a browser once per session and lets
it skip; required asks until answered; an API client is never stopped and
may send the answers as parameters or headers. The counts reach the
dashboard."""
from __future__ import annotations

import pytest

import ckan.model as model
import sqlalchemy as sa

from ..requests.test_requests import act

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

BROWSER = {"Accept": "text/html,application/xhtml+xml"}


def _url(served):
    res = served["penduduk"]["resources"][0]
    return f"/dataset/{served['penduduk']['id']}/resource/{res['id']}/download"


def _log():
    return model.Session.execute(sa.text(
        "SELECT via, audience, sector, purpose FROM "
        "ppidrequest_open_download ORDER BY id")).all()


def test_off_counts_without_asking(actors, served, app):
    resp = app.get(_url(served), headers=BROWSER, follow_redirects=False)
    assert resp.status_code == 302
    assert resp.headers["Location"] == "http://example.org/penduduk.csv"
    assert _log() == [("none", None, None, None)]


@pytest.mark.ckan_config("ckanext.ppidrequest.download_form", "required")
def test_required_asks_a_browser_once_per_session(actors, served, app):
    resp = app.get(_url(served), headers=BROWSER, follow_redirects=False)
    assert resp.status_code == 302
    assert "/unduh/formulir" in resp.headers["Location"]
    assert _log() == []
    form = app.get(resp.headers["Location"])
    assert 'name="audience"' in form.body
    assert 'name="skip"' not in form.body
    # nothing chosen: asked again, the download still waits
    resp = app.post("/unduh/formulir", data={"next": _url(served)})
    assert resp.status_code == 400 and 'id="error-audience"' in resp.body
    resp = app.post("/unduh/formulir", data={
        "next": _url(served), "audience": "student", "sector": "health",
        "purpose": "research"}, follow_redirects=False)
    assert resp.headers["Location"].endswith(_url(served))
    for _n in range(2):
        resp = app.get(_url(served), headers=BROWSER,
                       follow_redirects=False)
        assert resp.headers["Location"] == "http://example.org/penduduk.csv"
    assert _log() == [("form", "student", "health", "research")] * 2


@pytest.mark.ckan_config("ckanext.ppidrequest.download_form", "optional")
def test_optional_may_be_skipped(actors, served, app):
    resp = app.get(_url(served), headers=BROWSER, follow_redirects=False)
    assert "/unduh/formulir" in resp.headers["Location"]
    assert 'name="skip"' in app.get(resp.headers["Location"]).body
    app.post("/unduh/formulir", data={"next": _url(served), "skip": "1"},
             follow_redirects=False)
    resp = app.get(_url(served), headers=BROWSER, follow_redirects=False)
    assert resp.headers["Location"] == "http://example.org/penduduk.csv"
    assert _log() == [("skipped", None, None, None)]


@pytest.mark.ckan_config("ckanext.ppidrequest.download_form", "required")
def test_api_clients_are_never_stopped(actors, served, app):
    # no HTML asked for: a script
    resp = app.get(_url(served), follow_redirects=False)
    assert resp.headers["Location"] == "http://example.org/penduduk.csv"
    resp = app.get(_url(served) + "?audience=business&purpose=business",
                   headers=BROWSER, follow_redirects=False)
    assert resp.headers["Location"] == "http://example.org/penduduk.csv"
    resp = app.get(_url(served), follow_redirects=False, headers={
        "X-Download-Audience": "government", "X-Download-Purpose": "policy"})
    assert resp.headers["Location"] == "http://example.org/penduduk.csv"
    assert _log() == [("none", None, None, None),
                      ("api", "business", None, "business"),
                      ("api", "government", None, "policy")]
    out = act(actors["walidata"], "ppidrequest_monitoring_show")
    dl = out["downloads"]
    assert dl["total"] == 3
    assert dl["datasets"][0]["name"] == "jumlah-penduduk"
    assert {r["value"]: r["downloads"] for r in dl["purpose"]} == {
        "business": 1, "policy": 1, None: 1}


@pytest.mark.ckan_config("ckanext.ppidrequest.download_form", "required")
def test_the_form_goes_back_only_to_this_site(actors, app):
    resp = app.post("/unduh/formulir", data={
        "next": "https://evil.example/x", "audience": "student",
        "purpose": "research"}, follow_redirects=False)
    assert "evil.example" not in resp.headers["Location"]
