"""What a delivery and an agency's officers get: an external resource is
streamed through the applicant's personal link, never handed over as its
permanent address; the PPID Pembantu sees no identifier of the applicant."""
from __future__ import annotations

import http.server
import threading

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.tests import factories

from ckanext.ppidrequest.model import Download

from .test_requests import FORM, act, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

BODY = b"desa,kasus\nSukamaju,12\n"


@pytest.fixture
def remote():
    """An HTTP server on localhost that holds one CSV file."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/opd/stunting.csv":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _deliver(actors, url):
    pkg = factories.Dataset(
        owner_org=actors["dinkes"]["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi pasien.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0014/PPID/2026",
        resources=[{"name": "Stunting", "format": "CSV", "url": url}])
    req = act(actors["applicant"], "ppidrequest_create",
              dataset_id=pkg["id"], **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "forward", organization="dinkes")
    handed = move(actors["pembantu"], req, "submit_data",
                  resource_id=pkg["resources"][0]["id"])
    # a link is not a file the scan can read: the PPID gives it on their
    # written reasons (issue 10's personal-data check)
    move(actors["ppid"], req, "pdp_scan")
    [submitted] = [d for d in act(actors["ppid"], "ppidrequest_show",
                                  id=handed["id"])["deliveries"]
                   if d["stage"] == "submitted"]
    move(actors["ppid"], req, "pdp_justify", delivery_id=submitted["id"],
         justification="Rekap per desa tanpa nama atau NIK.")
    done = move(actors["ppid"], req, "fulfil")
    [released] = [d for d in done["deliveries"] if d["stage"] == "released"]
    return released["download_url"].replace(tk.config["ckan.site_url"], "")


def test_an_external_resource_is_streamed_through_the_personal_link(
        app, actors, smtp, remote):
    url = f"{remote}/opd/stunting.csv"
    path = _deliver(actors, url)
    token = factories.APIToken(user=actors["applicant"]["name"])["token"]
    resp = app.get(path, headers={"Authorization": token},
                   follow_redirects=False)
    # the data itself, not a redirect to where it is kept
    assert resp.status_code == 200, resp.headers
    assert resp.data == BODY
    assert "attachment" in resp.headers["Content-Disposition"]
    assert "stunting.csv" in resp.headers["Content-Disposition"]
    assert remote not in str(resp.headers)
    assert model.Session.query(Download).count() == 1


def test_an_unreachable_external_resource_is_a_clear_error(
        app, actors, smtp, remote):
    path = _deliver(actors, f"{remote}/opd/hilang.csv")
    token = factories.APIToken(user=actors["applicant"]["name"])["token"]
    resp = app.get(path, headers={"Authorization": token},
                   follow_redirects=False)
    assert resp.status_code == 502
    assert "Location" not in resp.headers
    assert remote not in resp.get_data(as_text=True)


def test_the_agency_sees_no_identifier_of_the_applicant(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "forward", organization="dinkes")
    seen = [act(actors["pembantu"], "ppidrequest_show", id=req["id"]),
            *act(actors["pembantu"], "ppidrequest_list")["results"]]
    for shown in seen:
        assert "applicant_user_id" not in shown
        assert actors["applicant"]["id"] not in str(shown)
    events = act(actors["pembantu"], "ppidrequest_event_list", id=req["id"])
    assert events[0]["action"] == "create"
    assert events[0]["actor"] is None
    assert actors["applicant"]["name"] not in str(events)
    assert actors["applicant"]["id"] not in str(events)
    # the PPID still sees who filed it
    ppid = act(actors["ppid"], "ppidrequest_show", id=req["id"])
    assert ppid["applicant_user_id"] == actors["applicant"]["id"]
    assert act(actors["ppid"], "ppidrequest_event_list",
               id=req["id"])[0]["actor"] == actors["applicant"]["name"]
