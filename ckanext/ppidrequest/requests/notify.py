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

Every email is a template under ``templates/ppidrequest/emails/``
(:func:`render_email`): ``applicant/<step>.txt`` for what the applicant is
told after a step, ``officer/<step>.txt`` for the PPID or the agency, and
``reminder.txt``; gettext translates them into the recipient's language
(:func:`recipient_language`: the portal's default, ``ckan.locale_default``).
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import weakref
from dataclasses import dataclass, field
from typing import Any, Iterable

import ckan.lib.mailer as mailer
import ckan.model as model
import ckan.plugins.toolkit as tk

from ..letters import archive
from ..translation import default_language, format_date, in_language
from . import clock
from . import workflow as W
from ..model import Delivery, NotificationSent, Request, RequestEvent

log = logging.getLogger(__name__)


@dataclass
class Message:
    name: str
    email: str
    subject: str
    body: str
    #: (file name, content): the letters of the step, for the applicant
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


def recipient_language() -> str:
    """The language an email is written in: the portal's default
    (``ckan.locale_default``), as no recipient has a language of their own
    yet."""
    return default_language()


def fmt_date(day: dt.date | None, lang: str) -> str:
    """``day`` as emails write it, in ``lang`` (see
    :func:`..translation.format_date`)."""
    return format_date(day, lang)


def render_email(template_name: str, lang: str,
                 **context: Any) -> tuple[str, str]:
    """The subject and body of the email ``templates/ppidrequest/emails/
    <template_name>.txt`` in ``lang``, e.g. ``render_email("applicant/
    review", "id", name=..., req=...)``. The template renders its subject
    when ``part == "subject"`` and its body otherwise (see
    ``emails/layout.txt``); ``site_title`` is given. Works in a web
    request, a job or a command alike."""
    context.setdefault("site_title", _site_title())
    with in_language(lang):
        template = _text_templates().get_template(
            f"ppidrequest/emails/{template_name}.txt")
        subject = template.render({**context, "part": "subject"})
        body = template.render({**context, "part": "body"})
    return " ".join(subject.split()), body.strip("\n") + "\n"


_TEXT_TEMPLATES: "weakref.WeakKeyDictionary[Any, Any]" = \
    weakref.WeakKeyDictionary()


def _text_templates():
    """CKAN's template environment (its template paths, so a theme can
    override an email; ``h``; gettext) without HTML escaping: emails are
    plain text, and "&" in a note stays "&"."""
    import flask

    env = flask.current_app.jinja_env
    if env not in _TEXT_TEMPLATES:
        _TEXT_TEMPLATES[env] = env.overlay(autoescape=False, cache_size=100)
    return _TEXT_TEMPLATES[env]


def _site() -> str:
    return tk.config.get("ckan.site_url").rstrip("/")


def _site_title() -> str:
    return tk.config.get("ckan.site_title") or "Satu Data"


def track_url() -> str:
    """The tracking page (``ppidrequest_applicant.track``); emails are
    also rendered in jobs, without a request to build URLs from."""
    return _site() + "/permohonan/lacak"


def officer_url(req: Request) -> str:
    """The request's page on the officers' desk
    (``ppidrequest_desk.read``)."""
    return f"{_site()}/ppid/permohonan/{req.id}"


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


# -- messages ----------------------------------------------------------------

#: who hears of which action, besides the applicant


def _org_title(org_id: str | None) -> str:
    org = model.Group.get(org_id) if org_id else None
    return org.title or org.name if org else "-"


def _message(name: str, email: str, template_name: str, lang: str,
             **context: Any) -> Message:
    subject, body = render_email(template_name, lang, name=name, **context)
    return Message(name, email, subject, body)


def messages_for(event: RequestEvent) -> list[Message]:
    """What the event tells whom."""
    req = model.Session.get(Request, event.request_id)
    if req is None:
        return []
    lang = recipient_language()
    action = event.action
    step = W.STEPS.get(action)
    # a step names its templates; "create" is the receipt
    email = step.email if step else action
    out: list[Message] = []
    context = {"req": req, "event": event,
               "clock_running": req.state in W.CLOCK_STATES,
               "org": _org_title(req.forwarded_org),
               "track_url": track_url(), "officer_url": officer_url(req)}

    # the applicant
    if action == "create" or (step and step.applicant_visible):
        note = event.note if (step is None or step.public_note) and \
            action != "extend" else None
        expires, downloads = _downloads(req) if action == "fulfil" \
            else (None, [])
        final = req.state in (W.FULFILLED, W.REJECTED, W.NOT_HELD)
        recipients_ = applicant_recipient(req)
        letters = archive.attachments(event.id) if recipients_ else []
        for name, address in recipients_:
            msg = _message(
                name, address, f"applicant/{email}", lang, **context,
                note=note, downloads=downloads, download_expires=expires,
                objection=final, letters=[n for n, _c in letters])
            msg.attachments = letters
            out.append(msg)

    # the officers
    recipients: list[tuple[str, str]] = []
    told = step.officers_told if step else W.PPID
    if told == W.PPID:
        recipients = ppid_recipients()
    elif told == W.PEMBANTU:
        recipients = agency_recipients(req.forwarded_org)
    note = event.note if action != "create" else None
    for name, address in recipients:
        out.append(_message(name, address, f"officer/{email}", lang,
                            **context, note=note))
    return out


def _downloads(req: Request) -> tuple[dt.date | None,
                                      list[tuple[str, str]]]:
    """When the applicant's links expire (local date), and each released
    file's name and link."""
    from . import delivery as deliver

    released = (model.Session.query(Delivery)
                .filter(Delivery.request_id == req.id,
                        Delivery.stage == "released")
                .order_by(Delivery.created).all())
    if not released:
        return None, []
    expires = min(d.expires_at for d in released if d.expires_at)
    zone = clock.ZoneInfo(tk.config.get("ckanext.ppidrequest.timezone"))
    return (expires.astimezone(zone).date(),
            [(d.filename, deliver.download_url(d)) for d in released])


# -- sending -----------------------------------------------------------------

def send(messages: Iterable[Message]) -> int:
    """Send each message; a failure is logged and the others still go."""
    sent = 0
    for msg in messages:
        try:
            mailer.mail_recipient(
                msg.name, msg.email, msg.subject, msg.body,
                attachments=[(name, io.BytesIO(data), "application/pdf")
                             for name, data in msg.attachments])
            sent += 1
        except Exception:  # noqa: BLE001 - never lose the request
            log.exception("ppidrequest: could not send %r to %s",
                          msg.subject, msg.email)
    return sent


def send_for_event(event_id: str) -> int:
    """Send the notifications of a committed event, each recorded as it
    goes: run again (a retried job), it sends only what did not go."""
    event = model.Session.get(RequestEvent, event_id)
    if event is None:
        return 0
    done = {(row.address, row.subject) for row in model.Session.query(
        NotificationSent).filter(NotificationSent.event_id == event_id)}
    sent = 0
    for msg in messages_for(event):
        key = (msg.email.strip().lower(), msg.subject)
        if key in done or not send([msg]):
            continue
        done.add(key)
        model.Session.add(NotificationSent(event_id=event_id,
                                           address=key[0], subject=key[1]))
        model.repo.commit()
        sent += 1
    return sent


def on_request_event(event_id: str, **_kwargs: Any) -> None:
    """Signal subscriber (after commit)."""
    if not tk.config.get("ckanext.ppidrequest.notify"):
        return
    try:
        if tk.config.get("ckanext.ppidrequest.notify_via_jobs"):
            from .. import job_queue

            job_queue.enqueue("notify_event", event_id)
        else:
            send_for_event(event_id)
    except Exception:  # noqa: BLE001 - the request is saved whatever happens
        log.exception("ppidrequest: notifications of event %s failed",
                      event_id)


# -- reminders ---------------------------------------------------------------

def reminder_messages(days: int = 2) -> list[Message]:
    """One digest per officer: the PPID gets every open request due within
    ``days`` working days or overdue; an agency's PPID Pembantu those
    forwarded to it."""
    lang = recipient_language()
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
        items = [{"req": req, "url": officer_url(req),
                  "late": req.due_date < today} for req in reqs]
        return _message(name, email, "reminder", lang, items=items)

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
    """Remind officers of what is due (part of :func:`..jobs.daily`)."""
    messages = reminder_messages(days)
    sent = send(messages) if tk.config.get("ckanext.ppidrequest.notify") \
        else 0
    return {"reminders": len(messages),
            "sent": sent}
