"""Email notifications of the request workflow, through CKAN's mailer.

They go out after the change is committed (from :data:`signals.
request_event`), either at once or through CKAN's job queue
(``ckanext.ppidrequest.notify_via_jobs``). A mail failure is logged and
never touches the request.

- the applicant: the receipt, and every step meant for them;
- the PPID (officers of the PPID organizations and
  ``ckanext.ppidrequest.ppid_email``): new requests, completed and
  withdrawn requests, data handed over by an agency;
- the agency's PPID Pembantu (admins and editors of the organization):
  requests forwarded to it;
- officers: :func:`send_reminders` (``ckan ppidrequest remind``), requests
  due within 2 working days and overdue.

Emails are written in the portal's default language (``ckan.locale_
default``: Indonesian, or English).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any, Iterable

import ckan.lib.mailer as mailer
import ckan.model as model
import ckan.plugins.toolkit as tk

from ..classification import classes as C
from ..helpers import format_date
from . import clock, labels
from . import workflow as W
from ..model import Delivery, Request, RequestEvent

log = logging.getLogger(__name__)


@dataclass
class Message:
    name: str
    email: str
    subject: str
    body: str


def _lang() -> str:
    return "en" if str(tk.config.get("ckan.locale_default")).startswith(
        "en") else "id"


def fmt_date(day: dt.date | None, lang: str) -> str:
    """``day`` as emails write it, in ``lang`` (see
    :func:`helpers.format_date`)."""
    return format_date(day, lang)


def _site() -> str:
    return tk.config.get("ckan.site_url").rstrip("/")


def _site_title() -> str:
    return tk.config.get("ckan.site_title") or "Satu Data"


def track_url() -> str:
    return _site() + "/api/3/action/ppidrequest_track"


def officer_url(req: Request) -> str:
    return f"{_site()}/api/3/action/ppidrequest_show?id={req.id}"


# -- recipients --------------------------------------------------------------

def _members(org_names: Iterable[str] | None = None,
             org_ids: Iterable[str] | None = None,
             capacities: Iterable[str] | None = None) -> list[model.User]:
    query = (model.Session.query(model.User)
             .join(model.Member, model.Member.table_id == model.User.id)
             .join(model.Group, model.Group.id == model.Member.group_id)
             .filter(model.Member.table_name == "user",
                     model.Member.state == "active",
                     model.Group.state == "active",
                     model.User.state == "active",
                     model.User.email.isnot(None),
                     model.User.email != ""))
    if org_names is not None:
        query = query.filter(model.Group.name.in_(list(org_names)))
    if org_ids is not None:
        query = query.filter(model.Group.id.in_(list(org_ids)))
    if capacities is not None:
        query = query.filter(model.Member.capacity.in_(list(capacities)))
    return query.distinct().order_by(model.User.name).all()


def ppid_recipients() -> list[tuple[str, str]]:
    people = [(u.display_name, u.email) for u in _members(
        org_names=tk.config.get("ckanext.ppidrequest.ppid_organizations"))]
    people += [("PPID", address) for address in
               tk.config.get("ckanext.ppidrequest.ppid_email")]
    return _unique(people)


def agency_recipients(org_id: str) -> list[tuple[str, str]]:
    return _unique([(u.display_name, u.email) for u in _members(
        org_ids=[org_id], capacities=("admin", "editor"))])


def applicant_recipient(req: Request) -> list[tuple[str, str]]:
    email = req.applicant_email
    if not email and req.applicant_user_id:
        user = model.User.get(req.applicant_user_id)
        email = user.email if user else None
    return [(req.applicant_name, email)] if email else []


def _unique(people: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for name, email in people:
        if email and email.lower() not in seen:
            seen.add(email.lower())
            out.append((name, email))
    return out


# -- texts -------------------------------------------------------------------

_T = {
    "greeting": {"id": "Yth. {name},", "en": "Dear {name},"},
    "number": {"id": "Nomor registrasi", "en": "Registration number"},
    "state": {"id": "Status", "en": "State"},
    "received": {"id": "Tanggal diterima", "en": "Received"},
    "due": {"id": "Batas waktu jawaban", "en": "Answer due"},
    "step_due": {"id": "Target tahap ini", "en": "Target for this step"},
    "requested": {"id": "Informasi yang dimohon",
                  "en": "Information requested"},
    "purpose": {"id": "Tujuan penggunaan", "en": "Purpose"},
    "applicant": {"id": "Pemohon", "en": "Applicant"},
    "note": {"id": "Catatan", "en": "Note"},
    "track": {
        "id": "Pantau permohonan dengan nomor registrasi dan kode akses "
              "yang diberikan saat permohonan diajukan: {url}",
        "en": "Follow the request with its registration number and the "
              "access code given when it was filed: {url}"},
    "open": {"id": "Buka permohonan: {url}", "en": "Open the request: {url}"},
    "objection": {
        "id": "Apabila Anda tidak puas dengan jawaban ini, Anda dapat "
              "mengajukan keberatan kepada Atasan PPID paling lambat 30 "
              "hari kerja setelah jawaban diterima (UU 14/2008 Pasal 35 "
              "dan 36). Atasan PPID menjawab dalam 30 hari kerja; "
              "selanjutnya sengketa dapat diajukan ke Komisi Informasi "
              "dalam 14 hari kerja.",
        "en": "If you are not satisfied with this answer, you may object "
              "to the PPID's superior (Atasan PPID) within 30 working days "
              "of receiving it (Law 14/2008, articles 35 and 36). The "
              "superior answers within 30 working days; a dispute may then "
              "go to the Information Commission within 14 working days."},
    "signature": {"id": "Hormat kami,\nPPID {site}",
                  "en": "Kind regards,\nPPID, {site}"},
}

_APPLICANT_TEXT = {
    "create": {
        "id": "Permohonan informasi Anda telah kami terima dan dicatat. "
              "Surel ini adalah tanda bukti penerimaan permohonan. Jawaban "
              "tertulis kami berikan paling lambat 10 hari kerja sejak "
              "permohonan diterima.",
        "en": "We have received and registered your request for "
              "information. This email is the receipt of your request. "
              "We will answer in writing within 10 working days of "
              "receipt."},
    "review": {
        "id": "Permohonan Anda sedang diperiksa oleh PPID.",
        "en": "The PPID is reviewing your request."},
    "request_completion": {
        "id": "Permohonan Anda belum lengkap. Mohon lengkapi paling lambat "
              "{completion_due}; jika tidak, permohonan dinyatakan gugur. "
              "Jangka waktu jawaban dihitung kembali sejak permohonan "
              "lengkap.",
        "en": "Your request is incomplete. Please complete it by "
              "{completion_due}, or it lapses. The answer's deadline is "
              "counted again from the complete request."},
    "complete": {
        "id": "Kelengkapan permohonan Anda telah kami terima. Jangka waktu "
              "jawaban dihitung sejak hari ini.",
        "en": "We have received what completes your request. The answer's "
              "deadline is counted from today."},
    "forward": {
        "id": "Permohonan Anda diteruskan kepada PPID Pembantu perangkat "
              "daerah yang menguasai informasi tersebut.",
        "en": "Your request has been forwarded to the assistant "
              "information officer of the agency that holds the "
              "information."},
    "extend": {
        "id": "Jangka waktu jawaban atas permohonan Anda diperpanjang "
              "{days} hari kerja, sampai {due}, dengan alasan berikut.",
        "en": "The deadline to answer your request has been extended by "
              "{days} working days, to {due}, for the reasons below."},
    "fulfil": {
        "id": "Permohonan informasi Anda dipenuhi.",
        "en": "Your request for information is granted."},
    "fulfil_partial": {
        "id": "Permohonan informasi Anda dipenuhi sebagian. Bagian yang "
              "dikecualikan dan alasannya: {withheld}",
        "en": "Your request for information is partly granted. What was "
              "withheld, and why: {withheld}"},
    "download": {
        "id": "Unduh data (tautan ini khusus untuk Anda dan berlaku "
              "sampai {expires}):",
        "en": "Download the data (this link is yours alone and works "
              "until {expires}):"},
    "reject": {
        "id": "Permohonan informasi Anda ditolak karena informasi yang "
              "dimohon termasuk informasi yang dikecualikan berdasarkan "
              "UU 14/2008 Pasal 17 huruf {ground} ({ground_label}).\n\n"
              "Uji konsekuensi: {consequence}",
        "en": "Your request for information is rejected: the information "
              "is exempt under Law 14/2008, article 17 letter {ground} "
              "({ground_label}).\n\nConsequence test: {consequence}"},
    "not_held": {
        "id": "Informasi yang Anda mohon tidak dikuasai oleh badan publik "
              "kami. Informasi tersebut mungkin dikuasai oleh: {held_by}",
        "en": "The information you requested is not held by us. It may be "
              "held by: {held_by}"},
    "withdraw": {
        "id": "Permohonan Anda telah dicabut sesuai permintaan Anda.",
        "en": "Your request has been withdrawn as you asked."},
    "lapse": {
        "id": "Permohonan Anda dinyatakan gugur karena tidak dilengkapi "
              "dalam 3 hari kerja. Anda dapat mengajukan permohonan baru.",
        "en": "Your request has lapsed: it was not completed within 3 "
              "working days. You may file a new request."},
}

_OFFICER_TEXT = {
    "create": {"id": "Permohonan informasi baru masuk.",
               "en": "A new request for information has arrived."},
    "complete": {"id": "Pemohon telah melengkapi permohonan; jangka waktu "
                       "jawaban dihitung ulang.",
                 "en": "The applicant completed the request; its deadline "
                       "was counted again."},
    "withdraw": {"id": "Pemohon mencabut permohonan.",
                 "en": "The applicant withdrew the request."},
    "submit_data": {"id": "PPID Pembantu {org} telah menyerahkan "
                          "tanggapan atas permohonan. Periksa data pribadi "
                          "sebelum disampaikan kepada pemohon.",
                    "en": "The agency {org} has answered the request. "
                          "Check it for personal data before it goes to "
                          "the applicant."},
    "submit_refusal": {"id": "PPID Pembantu {org} mengusulkan penolakan: "
                             "{reason}",
                       "en": "The agency {org} proposes to refuse: "
                             "{reason}"},
    "forward": {"id": "PPID meneruskan permohonan informasi kepada {org}. "
                      "Mohon tindak lanjuti dan serahkan data atau usulan "
                      "penolakan kepada PPID paling lambat {step_due}.",
                "en": "The PPID has forwarded a request for information to "
                      "{org}. Please follow it up and hand the data, or a "
                      "proposal to refuse, to the PPID by {step_due}."},
}

_SUBJECTS = {
    "receipt": {"id": "Tanda bukti penerimaan permohonan {number}",
                "en": "Receipt of your request {number}"},
    "update": {"id": "Permohonan {number}: {state}",
               "en": "Request {number}: {state}"},
    "officer": {"id": "[PPID] {action}: {number}",
                "en": "[PPID] {action}: {number}"},
    "reminder": {"id": "[PPID] Pengingat: {count} permohonan jatuh tempo "
                       "atau terlambat",
                 "en": "[PPID] Reminder: {count} requests due soon or "
                       "overdue"},
}

#: who hears of which action, besides the applicant
_TO_PPID = {"create", "complete", "withdraw", "submit_data"}


def _org_title(org_id: str | None) -> str:
    org = model.Group.get(org_id) if org_id else None
    return org.title or org.name if org else "-"


def _details(req: Request, lang: str, officer: bool) -> list[str]:
    t = lambda key: _T[key][lang]  # noqa: E731
    lines = [
        f"{t('number')}: {req.registration_number}",
        f"{t('state')}: {labels.label(labels.STATES, req.state, lang)}",
        f"{t('received')}: {fmt_date(req.received_at, lang)}",
    ]
    if req.state in W.CLOCK_STATES:
        lines.append(f"{t('due')}: {fmt_date(req.due_date, lang)}")
    if officer:
        kind = labels.label(labels.APPLICANT_TYPES, req.applicant_type,
                            lang)
        lines.append(f"{t('applicant')}: {req.applicant_name} ({kind})")
        if req.step_due_date:
            lines.append(f"{t('step_due')}: "
                         f"{fmt_date(req.step_due_date, lang)}")
    lines.append(f"{t('requested')}: {req.information_requested}")
    if officer:
        lines.append(f"{t('purpose')}: {req.purpose}")
    return lines


def _compose(name: str, intro: str, req: Request, lang: str,
             officer: bool, note: str | None = None,
             extra: list[str] | None = None,
             objection: bool = False) -> str:
    parts = [_T["greeting"][lang].format(name=name), "", intro, ""]
    if note:
        parts += [f"{_T['note'][lang]}: {note}", ""]
    if extra:
        parts += extra + [""]
    parts += _details(req, lang, officer) + [""]
    if officer:
        parts.append(_T["open"][lang].format(url=officer_url(req)))
    else:
        parts.append(_T["track"][lang].format(url=track_url()))
    if objection:
        parts += ["", _T["objection"][lang]]
    parts += ["", _T["signature"][lang].format(site=_site_title())]
    return "\n".join(parts) + "\n"


def messages_for(event: RequestEvent) -> list[Message]:
    """What the event tells whom."""
    req = model.Session.get(Request, event.request_id)
    if req is None:
        return []
    lang = _lang()
    action = event.action
    step = W.TRANSITIONS.get(action)
    number = req.registration_number
    out: list[Message] = []

    # the applicant
    if action == "create" or (step and step.applicant_visible):
        text = _applicant_intro(req, event, lang)
        note = event.note if (step is None or step.public_note) and \
            action != "extend" else None
        extra = _download_lines(req, lang) if action == "fulfil" else None
        subject = (_SUBJECTS["receipt"] if action == "create"
                   else _SUBJECTS["update"])[lang].format(
            number=number,
            state=labels.label(labels.STATES, req.state, lang))
        final = req.state in (W.FULFILLED, W.REJECTED, W.NOT_HELD)
        for name, email in applicant_recipient(req):
            out.append(Message(name, email, subject, _compose(
                name, text, req, lang, officer=False, note=note,
                extra=extra, objection=final)))

    # the officers
    recipients: list[tuple[str, str]] = []
    intro = None
    if action in _TO_PPID:
        recipients = ppid_recipients()
        intro = _officer_intro(req, event, lang)
    elif action == "forward":
        recipients = agency_recipients(req.forwarded_org)
        intro = _OFFICER_TEXT["forward"][lang].format(
            org=_org_title(req.forwarded_org),
            step_due=fmt_date(req.step_due_date, lang))
    if recipients and intro:
        subject = _SUBJECTS["officer"][lang].format(
            action=labels.label(labels.ACTIONS, action, lang), number=number)
        note = event.note if action != "create" else None
        for name, email in recipients:
            out.append(Message(name, email, subject, _compose(
                name, intro, req, lang, officer=True, note=note)))
    return out


def _applicant_intro(req: Request, event: RequestEvent, lang: str) -> str:
    action = event.action
    if action == "fulfil" and req.partial:
        return _APPLICANT_TEXT["fulfil_partial"][lang].format(
            withheld=req.withheld_note or "-")
    text = _APPLICANT_TEXT[action][lang]
    return text.format(
        completion_due=fmt_date(req.completion_due_date, lang),
        days=req.extension_days, due=fmt_date(req.due_date, lang),
        ground=req.rejection_ground or "-",
        ground_label=C.ground_label(req.rejection_ground, lang),
        consequence=req.rejection_consequence or "-",
        held_by=req.held_by or "-") + (
        f"\n\n{req.extension_reason}" if action == "extend" else "")


def _officer_intro(req: Request, event: RequestEvent, lang: str) -> str:
    if event.action == "submit_data" and req.refusal_proposal and \
            not event.data.get("files"):
        return _OFFICER_TEXT["submit_refusal"][lang].format(
            org=_org_title(req.forwarded_org), reason=req.refusal_proposal)
    return _OFFICER_TEXT[event.action][lang].format(
        org=_org_title(req.forwarded_org))


def _download_lines(req: Request, lang: str) -> list[str]:
    from . import delivery as deliver

    released = (model.Session.query(Delivery)
                .filter(Delivery.request_id == req.id,
                        Delivery.stage == "released")
                .order_by(Delivery.created).all())
    if not released:
        return []
    expires = min(d.expires_at for d in released if d.expires_at)
    lines = [_APPLICANT_TEXT["download"][lang].format(
        expires=fmt_date(expires.astimezone(
            clock.ZoneInfo(tk.config.get("ckanext.ppidrequest.timezone")))
            .date(), lang))]
    lines += [f"- {d.filename}: {deliver.download_url(d)}" for d in released]
    return lines


# -- sending -----------------------------------------------------------------

def send(messages: Iterable[Message]) -> int:
    """Send each message; a failure is logged and the others still go."""
    sent = 0
    for msg in messages:
        try:
            mailer.mail_recipient(msg.name, msg.email, msg.subject, msg.body)
            sent += 1
        except Exception:  # noqa: BLE001 - never lose the request
            log.exception("ppidrequest: could not send %r to %s",
                          msg.subject, msg.email)
    return sent


def send_for_event(event_id: str) -> int:
    """Job: send the notifications of a committed event."""
    event = model.Session.get(RequestEvent, event_id)
    if event is None:
        return 0
    return send(messages_for(event))


def on_request_event(event_id: str, **_kwargs: Any) -> None:
    """Signal subscriber (after commit)."""
    if not tk.config.get("ckanext.ppidrequest.notify"):
        return
    try:
        if tk.config.get("ckanext.ppidrequest.notify_via_jobs"):
            tk.enqueue_job(send_for_event, [event_id],
                           title=f"ppidrequest notifications {event_id}")
        else:
            send_for_event(event_id)
    except Exception:  # noqa: BLE001 - the request is saved whatever happens
        log.exception("ppidrequest: notifications of event %s failed",
                      event_id)


# -- reminders ---------------------------------------------------------------

def lapse_expired(actor: W.Actor | None = None) -> list[str]:
    """Requests whose applicant did not complete them in time lapse.
    Returns the ids of their events (announced like any transition)."""
    from .. import signals

    actor = actor or W.Actor(None, system=True)
    today = clock.today()
    ids = [row.id for row in model.Session.query(Request.id).filter(
        Request.state == W.AWAITING_COMPLETION,
        Request.completion_due_date < today)]
    events = []
    for request_id in ids:
        try:
            req = W.lock(request_id)
        except W.Conflict:
            continue   # someone is acting on it now; next run
        if req is None or req.state != W.AWAITING_COMPLETION:
            model.Session.rollback()
            continue
        outcome = W.transition(req, "lapse", actor, {}, None)
        model.repo.commit()
        signals.request_event.send(outcome.event.id)
        events.append(outcome.event.id)
    return events


def reminder_messages(days: int = 2) -> list[Message]:
    """One digest per officer: the PPID gets every open request due within
    ``days`` working days or overdue; an agency's PPID Pembantu those
    forwarded to it."""
    lang = _lang()
    today = clock.today()
    limit = clock.Calendar().add(today, days)
    due = (model.Session.query(Request)
           .filter(Request.state.in_(W.CLOCK_STATES),
                   Request.due_date <= limit)
           .order_by(Request.due_date, Request.registration_number).all())
    if not due:
        return []
    out: list[Message] = []

    def digest(name: str, email: str, reqs: list[Request]) -> Message:
        subject = _SUBJECTS["reminder"][lang].format(count=len(reqs))
        lines = [_T["greeting"][lang].format(name=name), ""]
        for req in reqs:
            late = req.due_date < today
            flag = ({"id": "TERLAMBAT", "en": "OVERDUE"}[lang] if late
                    else {"id": "jatuh tempo", "en": "due"}[lang])
            lines.append(
                f"- {req.registration_number} [{flag} "
                f"{fmt_date(req.due_date, lang)}] "
                f"{labels.label(labels.STATES, req.state, lang)}: "
                f"{req.information_requested[:120]}")
            lines.append(f"  {officer_url(req)}")
        lines += ["", _T["signature"][lang].format(site=_site_title())]
        return Message(name, email, subject, "\n".join(lines) + "\n")

    for name, email in ppid_recipients():
        out.append(digest(name, email, due))
    by_org: dict[str, list[Request]] = {}
    for req in due:
        if req.state == W.FORWARDED and req.forwarded_org:
            by_org.setdefault(req.forwarded_org, []).append(req)
    for org_id, reqs in by_org.items():
        for name, email in agency_recipients(org_id):
            out.append(digest(name, email, reqs))
    return out


def send_reminders(days: int = 2) -> dict[str, int]:
    """Lapse expired incomplete requests, then remind officers. For cron
    (``ckan ppidrequest remind``) and the job queue."""
    lapsed = lapse_expired()
    messages = reminder_messages(days)
    sent = send(messages) if tk.config.get("ckanext.ppidrequest.notify") \
        else 0
    return {"lapsed": len(lapsed), "reminders": len(messages),
            "sent": sent}
