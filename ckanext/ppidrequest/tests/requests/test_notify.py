"""Notifications through a real SMTP server on localhost: who gets what,
reminders, the job queue, and mail failures that never lose a request; the
email templates in each language."""
from __future__ import annotations

import datetime as dt
import socket
from types import SimpleNamespace

import pytest
from freezegun import freeze_time

import ckan.lib.jobs as jobs
import ckan.model as model

from ckanext.ppidrequest import jobs as ppid_jobs
from ckanext.ppidrequest.requests import notify
from ckanext.ppidrequest.requests import workflow as W
from ckanext.ppidrequest.model import Request, RequestEvent

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
    assert jobs.get_queue().jobs == []
    queued = jobs.get_queue("ppidrequest").jobs
    assert len(queued) == 1
    [event] = model.Session.query(RequestEvent).all()
    # one job per event, whoever queues it
    assert queued[0].id == f"ppidrequest-notify_event-{event.id}"
    queued[0].perform()
    assert len(smtp.to("budi@example.com")) == 1
    assert len(smtp.to("ppid@kab.go.id")) == 1


@pytest.mark.ckan_config("ckanext.ppidrequest.notify_via_jobs", True)
@pytest.mark.usefixtures("clean_queues")
def test_a_retried_notification_job_mails_nobody_twice(actors, smtp,
                                                       ckan_config,
                                                       monkeypatch):
    act(None, "ppidrequest_create", **FORM)
    [job] = jobs.get_queue("ppidrequest").jobs
    # the first run: the mail server is down
    good_server = ckan_config["smtp.server"]
    monkeypatch.setitem(ckan_config, "smtp.server",
                        f"127.0.0.1:{_closed_port()}")
    job.perform()
    assert smtp.messages == []
    # the retry sends everything; a third run sends nothing more
    monkeypatch.setitem(ckan_config, "smtp.server", good_server)
    job.perform()
    job.perform()
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
    assert body == RECEIPT_ID


RECEIPT_ID = """\
Yth. Budi Santoso,

Permohonan informasi Anda telah kami terima dan dicatat. Surel ini adalah \
tanda bukti penerimaan permohonan. Jawaban tertulis kami berikan paling \
lambat 10 hari kerja sejak permohonan diterima.

Nomor registrasi: 0001/PMH/PPID/2026
Status: Diterima
Tanggal diterima: Selasa, 17 Maret 2026
Batas waktu jawaban: Rabu, 8 April 2026

Pantau permohonan dengan nomor registrasi dan kode akses yang diberikan \
saat permohonan diajukan: http://test.ckan.net/permohonan/lacak

Surat resmi terlampir (PDF): surat-000.8.3-0001-PPID-2026.pdf

Hormat kami,
PPID Satu Data (test)
"""


@pytest.mark.ckan_config("ckan.locale_default", "en")
def test_emails_in_english_when_the_portal_is_english(actors, smtp):
    with freeze_time("2026-03-17 10:00:00"):
        act(None, "ppidrequest_create", **FORM)
    [receipt] = smtp.to("budi@example.com")
    assert receipt["Subject"] == "Receipt of your request 0001/PMH/PPID/2026"
    body = receipt.get_body().get_content()
    assert body.startswith("Dear Budi Santoso,\n\nWe have received and "
                           "registered your request for information.")
    assert "\nState: Submitted\n" in body
    assert "\nReceived: Tuesday 17 March 2026\n" in body
    assert "\nAnswer due: Wednesday 8 April 2026\n" in body
    assert body.endswith("\n\nKind regards,\nPPID, Satu Data (test)\n")
    [officer] = smtp.to("ppid@kab.go.id")
    assert officer["Subject"] == \
        "[PPID] Request received: 0001/PMH/PPID/2026"
    assert "Applicant: Budi Santoso (Individual)" in \
        officer.get_body().get_content()


@pytest.mark.ckan_config("ckan.locale_default", "id")
@pytest.mark.ckan_config("ckanext.ppidrequest.notify_via_jobs", True)
@pytest.mark.usefixtures("clean_queues")
def test_a_queued_notification_is_written_in_the_recipients_language(
        actors, smtp):
    """The job runs outside any web request, as in ``ckan jobs worker``."""
    act(None, "ppidrequest_create", **FORM)
    [job] = jobs.get_queue("ppidrequest").jobs
    job.perform()
    [receipt] = smtp.to("budi@example.com")
    assert receipt["Subject"].startswith("Tanda bukti penerimaan permohonan")
    assert "Nomor registrasi:" in receipt.get_body().get_content()


def test_a_note_is_written_as_typed(actors, smtp):
    """Emails are plain text: nothing is HTML-escaped."""
    req = act(None, "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    smtp.clear()
    move(actors["ppid"], req, "request_completion",
         note="Lampirkan KTP & surat kuasa <asli>")
    body = smtp.to("budi@example.com")[0].get_body().get_content()
    assert "Note: Lampirkan KTP & surat kuasa <asli>\n" in body


def _request(**fields):
    """What the templates read of a request."""
    values = dict(
        id="r1", registration_number="0007/PMH/PPID/2026", state="in_review",
        received_at=dt.date(2026, 12, 1), due_date=dt.date(2026, 12, 15),
        step_due_date=dt.date(2026, 12, 3),
        completion_due_date=dt.date(2026, 12, 4),
        applicant_name="Siti Aminah", applicant_type="organization",
        information_requested="Data gizi balita", purpose="Penelitian",
        extension_days=7, extension_reason="Data tersebar", partial=False,
        withheld_note=None, rejection_ground="h",
        rejection_consequence="Membuka rekam medis", held_by="BPS",
        refusal_proposal=None)
    values.update(fields)
    return SimpleNamespace(**values)


def _email(template, lang, req, action="review", **context):
    return notify.render_email(
        template, lang, name="Siti", req=req,
        event=SimpleNamespace(action=action, data={}, note=None),
        clock_running=True, org="Dinas Kesehatan", track_url="T",
        officer_url="O", **context)


def test_render_email_in_each_language():
    req = _request(state="forwarded")
    subject, body = _email("officer/forward", "id", req, action="forward")
    assert subject == "[PPID] Diteruskan ke PPID Pembantu: " \
        "0007/PMH/PPID/2026"
    assert body.startswith(
        "Yth. Siti,\n\nPPID meneruskan permohonan informasi kepada Dinas "
        "Kesehatan. Mohon tindak lanjuti dan serahkan data atau usulan "
        "penolakan kepada PPID paling lambat Kamis, 3 Desember 2026.\n\n")
    assert "Pemohon: Siti Aminah (Badan hukum / organisasi)\n" in body
    assert body.endswith("Buka permohonan: O\n\nHormat kami,\n"
                         "PPID Satu Data (test)\n")
    subject, body = _email("officer/forward", "en", req, action="forward")
    assert subject == "[PPID] Forwarded to the agency: 0007/PMH/PPID/2026"
    assert "to the PPID by Thursday 3 December 2026." in body
    assert "Applicant: Siti Aminah (Organization)\n" in body


def test_reminder_subject_counts_in_each_language():
    items = [{"req": _request(), "url": "O", "late": True}]
    subject, body = notify.render_email("reminder", "en", name="Siti",
                                        items=items)
    assert subject == "[PPID] Reminder: 1 request due soon or overdue"
    assert "- 0007/PMH/PPID/2026 [OVERDUE Tuesday 15 December 2026] " \
        "In review: Data gizi balita\n  O\n" in body
    subject, body = notify.render_email("reminder", "id", name="Siti",
                                        items=items * 2)
    assert subject == "[PPID] Pengingat: 2 permohonan jatuh tempo atau " \
        "terlambat"
    assert "[TERLAMBAT Selasa, 15 Desember 2026] Sedang diperiksa" in body


def test_every_step_has_its_email_in_indonesian():
    """Each step the applicant hears of has applicant/<step>.txt, each one
    officers hear of officer/<step>.txt, and the catalogue translates them
    all."""
    templates = ["reminder", "applicant/create"] + [
        f"applicant/{action}" for action, step in W.STEPS.items()
        if step.applicant_visible] + [
        f"officer/{step.email}" for step in W.STEPS.values()
        if step.officers_told] + ["officer/create"]
    req = _request(partial=True, withheld_note="Kolom NIK")
    for template in templates:
        action = template.split("/")[-1]
        context = {"items": [{"req": req, "url": "O", "late": False}]}
        id_subject, id_body = _email(template, "id", req, action, **context)
        en_subject, en_body = _email(template, "en", req, action, **context)
        assert id_body.startswith("Yth. Siti,\n\n"), template
        assert en_body.startswith("Dear Siti,\n\n"), template
        assert id_subject != en_subject, template
        # the intro and every label differ; only the data stay the same
        en_lines = set(en_body.splitlines()) - {"", "  O", "Data tersebar"}
        assert not en_lines & set(id_body.splitlines()), template


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
        assert ppid_jobs.daily() == {"lapsed": 0, "reminders": 2,
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
        assert ppid_jobs.daily() == {"lapsed": 0, "reminders": 0,
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
