"""The request workflow: states, who may do what, and the clock's dates.

Both SOPs merged (see ``DOMAIN.md``)::

    submitted ─review→ in_review ─forward→ forwarded ─submit_data→ data_submitted
        │                 │  ↑                 │                      │
        └─request_completion→ awaiting_completion ─complete→ in_review
                          │                    │                      │
                          └──── fulfil / reject / not_held ───────────┘
    any open state ─withdraw→ withdrawn;  awaiting_completion ─lapse→ lapsed
    extend: once, in any open state but awaiting_completion (not a state)

The actions in :mod:`.logic.request_action` are thin: they validate, then
call :func:`create` or :func:`transition`, which change the request and
append its event in the caller's transaction.
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any, Iterable

from werkzeug.security import check_password_hash, generate_password_hash

import ckan.model as model
import ckan.plugins.toolkit as tk

from .. import roles
from . import clock
from . import delivery as deliver
from ..model import Delivery, Request, RequestEvent

_ = tk._

SUBMITTED = "submitted"
AWAITING_COMPLETION = "awaiting_completion"
IN_REVIEW = "in_review"
FORWARDED = "forwarded"
DATA_SUBMITTED = "data_submitted"
FULFILLED = "fulfilled"
REJECTED = "rejected"
NOT_HELD = "not_held"
WITHDRAWN = "withdrawn"
LAPSED = "lapsed"

OPEN_STATES = (SUBMITTED, AWAITING_COMPLETION, IN_REVIEW, FORWARDED,
               DATA_SUBMITTED)
FINAL_STATES = (FULFILLED, REJECTED, NOT_HELD, WITHDRAWN, LAPSED)
STATES = OPEN_STATES + FINAL_STATES
#: open states in which the legal clock runs
CLOCK_STATES = (SUBMITTED, IN_REVIEW, FORWARDED, DATA_SUBMITTED)

APPLICANT_TYPES = ("individual", "organization", "government")
OBTAIN_METHODS = ("view", "copy")
COPY_FORMATS = ("softcopy", "hardcopy")
DELIVERY_METHODS = ("in_person", "courier", "post", "fax", "email")
CHANNELS = ("web", "in_person", "letter", "phone", "whatsapp", "email")
PDP_RESULTS = ("clean", "masked", "justified")

PPID = "ppid"
PEMBANTU = "pembantu"
APPLICANT = "applicant"
SYSTEM = "system"


@dataclass(frozen=True)
class Step:
    sources: tuple[str, ...]
    target: str | None          # None: the state does not change
    roles: frozenset[str]
    #: shown to the applicant in their history (and mailed to them)
    applicant_visible: bool = True
    #: the note is for the applicant too (otherwise internal)
    public_note: bool = True


TRANSITIONS: dict[str, Step] = {
    "review": Step((SUBMITTED,), IN_REVIEW, frozenset({PPID}),
                   public_note=False),
    "request_completion": Step((SUBMITTED, IN_REVIEW), AWAITING_COMPLETION,
                               frozenset({PPID})),
    "complete": Step((AWAITING_COMPLETION,), IN_REVIEW,
                     frozenset({APPLICANT, PPID})),
    "forward": Step((IN_REVIEW, FORWARDED), FORWARDED, frozenset({PPID}),
                    public_note=False),
    "submit_data": Step((FORWARDED,), DATA_SUBMITTED, frozenset({PEMBANTU}),
                        applicant_visible=False, public_note=False),
    "extend": Step(CLOCK_STATES, None, frozenset({PPID})),
    "fulfil": Step((IN_REVIEW, DATA_SUBMITTED), FULFILLED, frozenset({PPID})),
    "reject": Step((IN_REVIEW, FORWARDED, DATA_SUBMITTED), REJECTED,
                   frozenset({PPID})),
    "not_held": Step((IN_REVIEW, FORWARDED, DATA_SUBMITTED), NOT_HELD,
                     frozenset({PPID})),
    "withdraw": Step(OPEN_STATES, WITHDRAWN, frozenset({APPLICANT})),
    "lapse": Step((AWAITING_COMPLETION,), LAPSED, frozenset({PPID, SYSTEM})),
}
ACTIONS = tuple(TRANSITIONS)


class Conflict(Exception):
    """Someone else changed the request first."""


# -- who is asking -----------------------------------------------------------

class Actor:
    """The user behind an action and what they are to requests."""

    def __init__(self, user: Any, system: bool = False):
        viewer = roles.Viewer(user)
        self.given = user
        self.user = viewer.user
        self.system = system
        self.id = self.user.id if self.user else None
        self.name = viewer.name
        self.ppid = system or viewer.ppid
        #: organizations in which the user is PPID Pembantu
        self.officer_orgs = viewer.officer_org_ids

    def roles_on(self, req: Request, code_ok: bool = False) -> set[str]:
        found = set()
        if self.system:
            found.add(SYSTEM)
        if self.ppid:
            found.add(PPID)
        if req.forwarded_org and req.forwarded_org in self.officer_orgs:
            found.add(PEMBANTU)
        if code_ok or (self.id and req.applicant_user_id == self.id):
            found.add(APPLICANT)
        return found


def actor_for(context) -> Actor:
    """The caller's :class:`Actor`, read once per action call (the auth
    function and the action share the context)."""
    user = context.get("user") or None
    actor = context.get("__ppidrequest_actor")
    if actor is None or actor.given != user:
        actor = context["__ppidrequest_actor"] = Actor(user)
    return actor


def visible_filter(actor: Actor):
    """SQL condition of the requests ``actor`` may see (None: all)."""
    if actor.ppid:
        return None
    conditions = []
    if actor.id:
        conditions.append(Request.applicant_user_id == actor.id)
    if actor.officer_orgs:
        conditions.append(Request.forwarded_org.in_(actor.officer_orgs))
    if not conditions:
        return model.sa.false()
    return model.sa.or_(*conditions)


def view_of(roles_: set[str]) -> str | None:
    for view in (PPID, PEMBANTU, APPLICANT):
        if view in roles_:
            return view
    return None


# -- access codes and numbers ------------------------------------------------

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I


def new_access_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _n in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _normal_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_access_code(code: str) -> str:
    # 50 random bits, throttled online; the hash makes a stolen table
    # expensive to turn back into codes
    return generate_password_hash(_normal_code(code),
                                  method="pbkdf2:sha256:60000")


def check_access_code(req: Request, code: str) -> bool:
    return bool(code) and check_password_hash(req.access_code_hash,
                                              _normal_code(code))


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
          "XII")


def next_registration_number(received: dt.date) -> tuple[int, str]:
    """The next number of the year, taken inside the caller's transaction:
    the sequence row stays locked until commit, so concurrent requests get
    consecutive numbers, and a rolled-back request gives its number back."""
    stmt = model.sa.text(
        "INSERT INTO ppidrequest_request_sequence (year, last_value) "
        "VALUES (:year, 1) ON CONFLICT (year) DO UPDATE "
        "SET last_value = ppidrequest_request_sequence.last_value + 1 "
        "RETURNING last_value")
    seq = model.Session.execute(stmt, {"year": received.year}).scalar_one()
    pattern = tk.config.get("ckanext.ppidrequest.registration_pattern")
    number = pattern.format(seq=seq, year=received.year,
                            month=received.month,
                            month_roman=_ROMAN[received.month - 1])
    return seq, number


# -- dates -------------------------------------------------------------------

def _step_due(cal: clock.Calendar, req: Request) -> dt.date | None:
    if req.step_start is None or req.step_days is None:
        return None
    due = cal.add(req.step_start, req.step_days)
    if req.due_date and due > req.due_date:
        due = req.due_date
    return due


def recount(req: Request, cal: clock.Calendar) -> None:
    """Count the request's deadlines again from their start dates."""
    if req.clock_start and req.state in CLOCK_STATES:
        req.due_date = cal.add(req.clock_start,
                               clock.ANSWER_DAYS + req.extension_days)
    if req.completion_start and req.state == AWAITING_COMPLETION:
        req.completion_due_date = cal.add(req.completion_start,
                                          clock.COMPLETION_DAYS)
    req.step_due_date = _step_due(cal, req)


def _enter_step(req: Request, state: str, day: dt.date,
                cal: clock.Calendar) -> None:
    days = clock.step_targets().get(state)
    if days is None:
        req.step_start = req.step_days = req.step_due_date = None
    else:
        req.step_start, req.step_days = day, days
        req.step_due_date = _step_due(cal, req)


def recount_open(cal: clock.Calendar | None = None) -> int:
    """Count the deadlines of every open request again (after a change to
    the regency's days off). Returns how many requests changed."""
    cal = cal or clock.Calendar()
    changed = 0
    for req in (model.Session.query(Request)
                .filter(Request.state.in_(OPEN_STATES))):
        before = (req.due_date, req.completion_due_date, req.step_due_date)
        recount(req, cal)
        if before != (req.due_date, req.completion_due_date,
                      req.step_due_date):
            req.revision += 1
            changed += 1
    return changed


# -- create ------------------------------------------------------------------

REQUEST_FIELDS = (
    "applicant_type", "applicant_name", "applicant_nik",
    "applicant_org_registration", "applicant_address",
    "applicant_occupation", "applicant_phone", "applicant_email",
    "applicant_proxy_for", "information_requested", "purpose",
    "obtain_method", "copy_format", "delivery_method", "dataset_id",
    "owner_org",
)


def create(data: dict[str, Any], actor: Actor) -> tuple[Request, str,
                                                         RequestEvent]:
    """Register a request (validated) in the current transaction."""
    today = clock.today()
    received = data.get("received_at") or today
    cal = clock.Calendar()
    code = new_access_code()
    # hashing is slow on purpose: do it before the year's sequence row is
    # locked, which serializes concurrent creates until commit
    code_hash = hash_access_code(code)
    seq, number = next_registration_number(received)
    req = Request(
        registration_number=number, year=received.year, sequence=seq,
        access_code_hash=code_hash, revision=1,
        channel=data.get("channel") or "web", received_at=received,
        created_by=actor.id, state=SUBMITTED, extended=False,
        extension_days=0, partial=False, clock_start=received,
        **{name: data.get(name) or None for name in REQUEST_FIELDS})
    if req.dataset_id and not req.owner_org:
        pkg = model.Package.get(req.dataset_id)
        req.owner_org = pkg.owner_org if pkg else None
    # the applicant's own account, unless an officer registers a request
    # that arrived by another channel for someone else
    if actor.id and req.channel == "web":
        req.applicant_user_id = actor.id
    req.due_date = cal.add(received, clock.ANSWER_DAYS)
    _enter_step(req, SUBMITTED, received, cal)
    model.Session.add(req)
    model.Session.flush()
    event = _event(req, actor, "create", None, SUBMITTED, None,
                   {"channel": req.channel,
                    "received_at": received.isoformat(),
                    "due_date": req.due_date.isoformat()})
    return req, code, event


def _event(req: Request, actor: Actor, action: str, from_state: str | None,
           to_state: str, note: str | None,
           data: dict[str, Any]) -> RequestEvent:
    event = RequestEvent(request_id=req.id, actor_id=actor.id, action=action,
                         from_state=from_state, to_state=to_state,
                         note=note or None, data=data)
    model.Session.add(event)
    model.Session.flush()
    return event


# -- transitions -------------------------------------------------------------

def find(ref: str):
    """Query of the request whose id or registration number is ``ref``."""
    return model.Session.query(Request).filter(model.sa.or_(
        Request.id == ref, Request.registration_number == ref))


def lock(ref: str) -> Request | None:
    """The request by id or registration number, locked for this
    transaction. Another transaction holding it raises :class:`Conflict`
    at once instead of waiting for it."""
    query = find(ref).populate_existing().with_for_update(nowait=True)
    try:
        return query.one_or_none()
    except model.sa.exc.OperationalError as error:
        if getattr(error.orig, "pgcode", None) == "55P03":
            model.Session.rollback()
            raise Conflict() from error
        raise


def allowed(req: Request, action: str, roles_: set[str]) -> bool:
    step = TRANSITIONS[action]
    return req.state in step.sources and bool(step.roles & roles_)


def available_actions(req: Request, roles_: set[str]) -> list[str]:
    return [action for action in ACTIONS
            if action != "lapse" and allowed(req, action, roles_)
            and not (action == "extend" and req.extended)]


@dataclass
class Outcome:
    req: Request
    event: RequestEvent
    deliveries: list[Delivery] = field(default_factory=list)


def transition(req: Request, action: str, actor: Actor, fields: dict,
               note: str | None) -> Outcome:
    """Apply a validated, permitted action (see :mod:`.logic.request_action`
    for the checks of each action's fields)."""
    step = TRANSITIONS[action]
    cal = clock.Calendar()
    today = clock.today()
    from_state = req.state
    target = step.target or req.state
    data: dict[str, Any] = {}
    deliveries: list[Delivery] = []

    if action == "request_completion":
        req.completion_start = today
        req.completion_due_date = cal.add(today, clock.COMPLETION_DAYS)
        req.due_date = None
        data["completion_due_date"] = req.completion_due_date.isoformat()
    elif action == "complete":
        for name, value in fields.get("changes", {}).items():
            setattr(req, name, value)
        data["changed"] = sorted(fields.get("changes", {}))
        # the clock restarts from the complete request
        req.clock_start = today
        req.completion_start = req.completion_due_date = None
        req.due_date = cal.add(today, clock.ANSWER_DAYS + req.extension_days)
    elif action == "forward":
        org = fields["organization"]
        data["organization"] = org.name
        if req.forwarded_org:
            data["previous_organization"] = req.forwarded_org
        req.forwarded_org = org.id
        if not req.owner_org:
            req.owner_org = org.id
    elif action == "submit_data":
        deliveries = fields.get("deliveries", [])
        req.refusal_proposal = fields.get("refusal_proposal")
        req.refusal_ground = fields.get("refusal_ground")
        data["files"] = len(deliveries)
        if req.refusal_proposal:
            data["refusal_proposed"] = True
    elif action == "extend":
        req.extended = True
        req.extension_days = fields["days"]
        req.extension_reason = fields["reason"]
        req.due_date = cal.add(req.clock_start,
                               clock.ANSWER_DAYS + req.extension_days)
        data.update(days=req.extension_days,
                    due_date=req.due_date.isoformat())
        note = note or req.extension_reason
    elif action == "fulfil":
        req.partial = fields["partial"]
        req.withheld_note = fields.get("withheld_note")
        req.pdp_check = fields["pdp_check"]
        req.pdp_note = fields.get("pdp_note")
        req.outcome_note = fields.get("outcome_note")
        deliveries = fields.get("deliveries", [])
        data.update(partial=req.partial, pdp_check=req.pdp_check,
                    files=len(deliveries))
    elif action == "reject":
        req.rejection_ground = fields["ground"]
        req.rejection_consequence = fields["consequence"]
        req.outcome_note = fields.get("outcome_note")
        data["ground"] = req.rejection_ground
    elif action == "not_held":
        req.held_by = fields["held_by"]
        data["held_by"] = req.held_by

    req.state = target
    if target != from_state or action == "complete":
        _enter_step(req, target, today, cal)
    elif action == "extend":
        req.step_due_date = _step_due(cal, req)
    if target in FINAL_STATES:
        req.closed_at = clock_now()
        req.step_start = req.step_days = req.step_due_date = None
    req.revision += 1
    req.modified = clock_now()
    for delivery in deliveries:
        delivery.request_id = req.id
        model.Session.add(delivery)
    event = _event(req, actor, action, from_state, target, note, data)
    return Outcome(req, event, deliveries)


def clock_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# -- what people see ---------------------------------------------------------

#: applicant contact details an agency's PPID Pembantu does not need
_CONTACT = ("applicant_nik", "applicant_address", "applicant_phone",
            "applicant_email")
#: the PPID's and the agency's working fields
_INTERNAL = ("pdp_check", "pdp_note", "refusal_proposal", "refusal_ground",
             "step_start", "step_days", "step_due_date", "created_by")


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class Refs:
    """The organizations and datasets a page of requests names, read with
    one query each."""

    def __init__(self, reqs: Iterable[Request]):
        reqs = list(reqs)
        org_ids = {r.owner_org for r in reqs} | {r.forwarded_org
                                                 for r in reqs}
        org_ids.discard(None)
        pkg_ids = {r.dataset_id for r in reqs if r.dataset_id}
        self.orgs = {g.id: g for g in model.Session.query(model.Group)
                     .filter(model.Group.id.in_(org_ids))} if org_ids else {}
        self.pkgs = {p.id: p for p in model.Session.query(model.Package)
                     .filter(model.Package.id.in_(pkg_ids))} \
            if pkg_ids else {}

    def org(self, org_id: str | None) -> dict | None:
        if not org_id:
            return None
        org = self.orgs.get(org_id)
        if org is None:
            return {"id": org_id, "name": None, "title": None}
        return {"id": org.id, "name": org.name, "title": org.title}

    def dataset(self, pkg_id: str | None) -> dict | None:
        pkg = self.pkgs.get(pkg_id) if pkg_id else None
        if pkg is None or pkg.state != "active":
            return None
        return {"id": pkg.id, "name": pkg.name, "title": pkg.title}


def as_dict(req: Request, roles_: set[str],
            deliveries: Iterable[Delivery] | None = None,
            refs: Refs | None = None) -> dict[str, Any]:
    refs = refs or Refs([req])
    view = view_of(roles_)
    out = {column.name: _iso(getattr(req, column.name))
           for column in Request.__table__.columns
           if column.name != "access_code_hash"}
    if view != PPID:
        out.pop("applicant_nik", None)
        for name in _INTERNAL:
            out.pop(name, None)
    if view == PEMBANTU:
        for name in _CONTACT:
            out.pop(name, None)
        # the agency works on the step; it keeps its sub-deadline
        out["step_due_date"] = _iso(req.step_due_date)
    today = clock.today()
    out["open"] = req.state in OPEN_STATES
    out["overdue"] = bool(req.due_date and req.state in CLOCK_STATES
                          and req.due_date < today)
    out["owner_organization"] = refs.org(req.owner_org)
    out["forwarded_organization"] = refs.org(req.forwarded_org)
    out["dataset"] = refs.dataset(req.dataset_id)
    out["available_actions"] = available_actions(req, roles_)
    if deliveries is not None:
        out["deliveries"] = [delivery_dict(d, view) for d in deliveries
                             if view != APPLICANT or d.stage == "released"]
    return out


def delivery_dict(delivery: Delivery, view: str | None) -> dict[str, Any]:
    out = {
        "id": delivery.id,
        "stage": delivery.stage,
        "filename": delivery.filename,
        "size": delivery.size,
        "created": _iso(delivery.created),
        "expires_at": _iso(delivery.expires_at),
    }
    if view != APPLICANT:
        out["resource_id"] = delivery.resource_id
    if delivery.stage == "released":
        out["download_url"] = deliver.download_url(delivery)
        out["expired"] = deliver.expired(delivery)
    return out


def event_dict(event: RequestEvent, view: str | None) -> dict[str, Any]:
    step = TRANSITIONS.get(event.action)
    actor = model.User.get(event.actor_id) if event.actor_id else None
    out = {
        "id": event.id,
        "created": _iso(event.created),
        "action": event.action,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "note": event.note,
        "data": dict(event.data or {}),
    }
    if view in (PPID, PEMBANTU):
        out["actor"] = actor.name if actor else None
        out["actor_display_name"] = actor.display_name if actor else None
    elif step is not None and not step.public_note:
        out["note"] = None
        out["data"] = {}
    return out


def applicant_visible(event: RequestEvent) -> bool:
    step = TRANSITIONS.get(event.action)
    return step is None or step.applicant_visible
