"""Notifications through a real SMTP server on localhost: who gets what,
reminders, the job queue, and mail failures that never lose a request."""
from __future__ import annotations

import datetime as dt
import socket

import pytest
from freezegun import freeze_time

import ckan.lib.jobs as jobs
import ckan.model as model

from ckanext.ppidrequest.requests import notify
from ckanext.ppidrequest.model import Request

from .test_requests import FORM, act, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_mail_failure_never_loses_the_request(actors, ckan_config,
                                                monkeypatch, caplog):
    monkeypatch.setitem(ckan_config, "smtp.server",
                        f"127.0.0.1:{_closed_port()}")
    # CKAN's test logging config disables loggers created before it
    monkeypatch.setattr(notify.log, "disabled", False)
    req = act(None, "ppidrequest_create", **FORM)
    assert req["registration_number"]
    assert model.Session.query(Request).count() == 1
    assert "could not send" in caplog.text
    # the workflow goes on
    assert move(actors["ppid"], req, "review")["state"] == "in_review"


@pytest.mark.ckan_config("ckanext.ppidrequest.notify_via_jobs", True)
@pytest.mark.usefixtures("clean_queues")
def test_notifications_can_go_through_the_job_queue(actors, smtp):
    act(None, "ppidrequest_create", **FORM)
    assert smtp.messages == []
    queued = jobs.get_queue().jobs
    assert len(queued) == 1
    queued[0].perform()
    assert len(smtp.to("budi@example.com")) == 1
    assert len(smtp.to("ppid@kab.go.id")) == 1


@pytest.mark.ckan_config("ckanext.ppidrequest.ppid_email",
                         "ppid-inbox@kab.go.id")
def test_shared_ppid_inbox_and_officers_are_told(actors, smtp):
    act(None, "ppidrequest_create", **FORM)
    assert len(smtp.to("ppid-inbox@kab.go.id")) == 1
    assert len(smtp.to("ppid@kab.go.id")) == 1


@pytest.mark.ckan_config("ckan.locale_default", "id")
def test_emails_in_indonesian_by_default(actors, smtp):
    with freeze_time("2026-03-17 10:00:00"):
        act(None, "ppidrequest_create", **FORM)
    [receipt] = smtp.to("budi@example.com")
    assert receipt["Subject"] == \
        "Tanda bukti penerimaan permohonan 0001/PMH/PPID/2026"
    body = receipt.get_body().get_content()
    assert "Yth. Budi Santoso" in body
    assert "Rabu, 8 April 2026" in body


def test_dates_are_written_day_first_with_babel_names():
    day = dt.date(2026, 12, 3)
    assert notify.fmt_date(day, "id") == "Kamis, 3 Desember 2026"
    assert notify.fmt_date(day, "en") == "Thursday 3 December 2026"
    assert notify.fmt_date(None, "id") == "-"


@pytest.mark.ckan_config("ckanext.ppidrequest.notify", False)
def test_notifications_can_be_switched_off(actors, smtp):
    act(None, "ppidrequest_create", **FORM)
    assert smtp.messages == []


def test_reminders_of_due_and_overdue_requests(actors, smtp, cli):
    ppid = actors["ppid"]
    with freeze_time("2026-11-20 09:00:00"):
        late = act(ppid, "ppidrequest_create", channel="letter",
                   received_at="2026-11-02", **FORM)      # due 16 Nov
        soon = act(ppid, "ppidrequest_create", channel="letter",
                   received_at="2026-11-09", **FORM)      # due 23 Nov
        later = act(ppid, "ppidrequest_create", **FORM)   # due 4 Dec
        move(ppid, soon, "review")
        move(ppid, soon, "forward", organization="dinkes")
        smtp.clear()
        assert notify.send_reminders() == {"lapsed": 0, "reminders": 2,
                                           "sent": 2}
        # the command for cron does the same (it reads test.ini, whose
        # SMTP server is not this one, so only its count is checked)
        from ckan.cli.cli import ckan as ckan_cli

        result = cli.invoke(ckan_cli, ["ppidrequest", "remind"])
        assert result.exit_code == 0, result.output
        assert "0 request(s) lapsed; 2 reminder(s)" in result.output
    [digest] = smtp.to("ppid@kab.go.id")
    body = digest.get_body().get_content()
    assert late["registration_number"] in body and "OVERDUE" in body
    assert soon["registration_number"] in body
    assert later["registration_number"] not in body
    [agency] = smtp.to("ppid.dinkes@kab.go.id")
    agency_body = agency.get_body().get_content()
    assert soon["registration_number"] in agency_body
    assert late["registration_number"] not in agency_body
    # nothing for the applicant or another agency
    assert not smtp.to("budi@example.com")
    assert not smtp.to("ppid.dukcapil@kab.go.id")


def test_reminders_with_nothing_due_send_nothing(actors, smtp):
    with freeze_time("2026-11-20 09:00:00"):
        act(actors["ppid"], "ppidrequest_create", **FORM)
        smtp.clear()
        assert notify.send_reminders() == {"lapsed": 0, "reminders": 0,
                                           "sent": 0}
    assert smtp.messages == []


def test_every_applicant_visible_step_is_mailed_to_the_applicant(
        actors, smtp):
    ppid, pembantu = actors["ppid"], actors["pembantu"]
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    steps = [
        (ppid, "review", {}),
        (ppid, "forward", {"organization": "dinkes"}),
        (pembantu, "submit_data", {"refusal_proposal": "Memuat rekam medis",
                                   "refusal_ground": "h"}),
        (ppid, "extend", {"reason": "Menunggu uji konsekuensi"}),
        (ppid, "reject", {"ground": "h", "consequence":
                          "Membuka rekam medis melanggar rahasia pasien."}),
    ]
    subjects = []
    for user, action, fields in steps:
        smtp.clear()
        move(user, req, action, **fields)
        subjects.append((action, [m["Subject"] for m in
                                  smtp.to("budi@example.com")]))
    got = dict(subjects)
    assert len(got["review"]) == 1 and "In review" in got["review"][0]
    assert len(got["forward"]) == 1
    assert got["submit_data"] == []         # internal
    assert len(got["extend"]) == 1
    assert len(got["reject"]) == 1 and "Rejected" in got["reject"][0]
