"""The request workflow: states, steps, who may take them, and the only
place a request changes state.

Both SOPs merged (see ``docs/domain.md``)::

    submitted ─review→ in_review ─forward→ forwarded ─submit_data→ data_submitted
        │                 │  ↑                 │                      │
        └─request_completion→ awaiting_completion ─complete→ in_review
                          │                    │                      │
                          └──── fulfil / reject / not_held ───────────┘
    any open state ─withdraw→ withdrawn;  awaiting_completion ─lapse→ lapsed
    extend: once, in any open state but awaiting_completion (not a state)

The steps are declared in :mod:`.steps`. The actions in :mod:`..logic.action`
are thin: they validate, then call :func:`create` or :func:`take`, which
change the request and append its event in the caller's transaction;
:func:`commit` and :func:`announce` end every change the same way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

import ckan.model as model
import ckan.plugins.toolkit as tk
from sqlalchemy import event as sa_event, orm

from .. import job_queue, roles, signals
from ..letters import issue
from ..letters.kinds import RECEIPT as RECEIPT_LETTER
from . import clock, form, labels, numbering, throttle
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

PDP_RESULTS = ("clean", "masked", "justified")

PPID = "ppid"
PEMBANTU = "pembantu"
APPLICANT = "applicant"
SYSTEM = "system"


# -- steps -------------------------------------------------------------------

class Step:
    """One step of the workflow; subclasses in :mod:`.steps` declare it."""

    name: ClassVar[str]
    sources: ClassVar[tuple[str, ...]]
    #: None: the state does not change
    target: ClassVar[str | None]
    roles: ClassVar[frozenset[str]]
    #: shown to the applicant in their history (and mailed to them)
    applicant_visible: ClassVar[bool] = True
    #: the note is for the applicant too (otherwise internal)
    public_note: ClassVar[bool] = True
    #: the target state's sub-deadline starts again even without a change
    restarts_step: ClassVar[bool] = False
    #: which officers are mailed (``officer/<email>.txt``): PPID, PEMBANTU
    #: (the agency the request is with) or None
    officers_told: ClassVar[str | None] = None
    #: the letters the step owes the applicant (kinds of
    #: :mod:`..letters.kinds`), numbered in the step's transaction
    letters: ClassVar[tuple[str, ...]] = ()

    @property
    def email(self) -> str:
        """Name of the step's email templates:
        ``templates/ppidrequest/emails/applicant/<email>.txt`` (when
        ``applicant_visible``) and ``officer/<email>.txt``."""
        return self.name

    @staticmethod
    def schema() -> dict:
        """The navl schema of the step's own fields."""
        return {}

    def unavailable(self, req: Request, known: Any = None) -> str | None:
        """Why the step cannot be taken now although the request is in one
        of its ``sources`` (None: it can). ``known``: what a page of
        requests read for all its rows at once (``dictize.Refs``), so that
        the queue does not ask the database again for every row."""
        return None

    def check(self, move: "Move") -> None:
        """Check the fields against the request (errors in ``move``)."""

    def apply(self, move: "Move") -> None:
        """What the step does to the request, besides its state."""


#: every step by name, in the order of the SOP
STEPS: dict[str, Step] = {}


def register(cls: type[Step]) -> type[Step]:
    STEPS[cls.name] = cls()
    return cls


@dataclass
class Move:
    """A step being taken: what the step's ``check`` and ``apply`` share."""

    req: Request
    actor: "Actor"
    fields: dict[str, Any]
    note: str | None
    today: dt.date = field(default_factory=clock.today)
    cal: clock.Calendar = field(default_factory=clock.Calendar)
    errors: dict[str, list[str]] = field(default_factory=dict)
    #: new files, removed again if the step fails
    uploads: list[Delivery] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    #: the event's data
    data: dict[str, Any] = field(default_factory=dict)

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def need(self, name: str, message: str) -> None:
        if not self.fields.get(name) and name not in self.errors:
            self.error(name, message)


@dataclass(frozen=True)
class Refusal:
    """Why a caller may not take a step on a request now. ``field`` is
    set when the refusal is about the request's state (or the caller's
    access code) rather than who they are: the action reports it as a
    validation error on that field."""

    message: str
    field: str | None = None
    #: the caller may not know the request exists: answer "not found"
    hidden: bool = False


def _blocked(step: Step, req: Request, roles_: set[str]) -> str | None:
    """What rules ``step`` out before the step's own conditions: no role
    at all, not the step's role, or not one of its source states (the
    messages are built only when a caller needs them: the queue asks for
    every step of every row)."""
    if not roles_:
        return "nobody"
    if not step.roles & roles_:
        return "role"
    if req.state not in step.sources:
        return "state"
    return None


def refusal(step: Step, req: Request, roles_: set[str]) -> Refusal | None:
    """The one decision of who may take ``step`` on ``req`` now; the
    step's auth function and its action both ask it."""
    blocked = _blocked(step, req, roles_)
    if blocked == "nobody":
        # the same answer as for a request that does not exist
        return Refusal(_("Request not found"), hidden=True)
    if blocked == "role":
        return Refusal(_("Your role does not allow the action '{action}' on "
                         "this request").format(action=step.name))
    if blocked == "state":
        return Refusal(_("The request is {state}: '{action}' is not "
                         "possible now").format(
            state=labels.label(labels.STATES, req.state), action=step.name),
            "action")
    reason = step.unavailable(req)
    if reason:
        return Refusal(reason, "action")
    return None


def caller_refusal(context: dict, step: Step, req: Request,
                   access_code: str | None = None) -> Refusal | None:
    """:func:`refusal` for the caller of an action: their account, or the
    request's access code (checked once per action call, so a wrong code
    counts once against the throttle)."""
    code_ok = False
    if access_code:
        checked = context.setdefault("__ppidrequest_codes", {})
        key = (req.id, access_code)
        if key not in checked:
            try:
                checked[key] = throttle.verified_request(req.registration_number,
                                                access_code).id == req.id
            except tk.ValidationError:
                # as for a request that does not exist (also while the
                # address waits out its backoff)
                checked[key] = Refusal(_("Request not found"), hidden=True)
        if isinstance(checked[key], Refusal):
            roles_ = actor_for(context).roles_on(req)
            if roles_:
                # an account with a role here: its own refusal counts
                return refusal(step, req, roles_)
            return checked[key]
        code_ok = checked[key]
    return refusal(step, req, actor_for(context).roles_on(req,
                                                         code_ok=code_ok))


def available_steps(req: Request, roles_: set[str],
                    known: Any = None) -> list[str]:
    """The steps that ``roles_`` may take on ``req`` now (``known``: see
    :meth:`Step.unavailable`)."""
    return [name for name, step in STEPS.items()
            if _blocked(step, req, roles_) is None
            and not step.unavailable(req, known)]


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

def create(data: dict[str, Any], actor: Actor) -> tuple[Request, str,
                                                         RequestEvent]:
    """Register a request (validated) in the current transaction."""
    today = clock.today()
    received = data.get("received_at") or today
    cal = clock.Calendar()
    code = numbering.new_access_code()
    # hashing is slow on purpose: do it before the year's sequence row is
    # locked, which serializes concurrent creates until commit
    code_hash = numbering.hash_access_code(code)
    seq, number = numbering.next_registration_number(received)
    req = Request(
        registration_number=number, year=received.year, sequence=seq,
        access_code_hash=code_hash, revision=1,
        channel=data.get("channel") or "web", received_at=received,
        created_by=actor.id, state=SUBMITTED, extended=False,
        extension_days=0, partial=False, clock_start=received,
        **{name: data.get(name) or None for name in form.REQUEST_FIELDS})
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
    issue.allocate(req, event, RECEIPT_LETTER, today)
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


# -- taking a step ----------------------------------------------------------

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


@dataclass
class Outcome:
    req: Request
    event: RequestEvent
    deliveries: list[Delivery] = field(default_factory=list)


def take(step: Step, move: Move) -> Outcome:
    """Take a permitted step: check its fields against the request (raises
    ``ValidationError``), apply it, change the state and append its
    event, in the caller's transaction."""
    step.check(move)
    if move.errors:
        raise tk.ValidationError(move.errors)
    req = move.req
    from_state = req.state
    target = step.target or req.state
    step.apply(move)
    req.state = target
    if target != from_state or step.restarts_step:
        _enter_step(req, target, move.today, move.cal)
    else:
        req.step_due_date = _step_due(move.cal, req)
    if target in FINAL_STATES:
        req.closed_at = clock_now()
        req.step_start = req.step_days = req.step_due_date = None
    req.revision += 1
    req.modified = clock_now()
    for delivery in move.deliveries:
        delivery.request_id = req.id
        model.Session.add(delivery)
    event = _event(req, move.actor, step.name, from_state, target,
                   move.note, move.data)
    issue.allocate_all(step.letters, req, event, move.today)
    return Outcome(req, event, move.deliveries)


def clock_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# -- the end of every change -------------------------------------------------

_UNANNOUNCED = "ppidrequest_unannounced"


def commit(context: dict, event: RequestEvent) -> bool:
    """Commit the change, unless the caller said ``defer_commit``: then
    the event is announced once the caller commits. True when committed
    here (the caller then :func:`announce`\ s it)."""
    if context.get("defer_commit"):
        model.Session.info.setdefault(_UNANNOUNCED, []).append(event.id)
        return False
    model.repo.commit()
    return True


def announce(event_id: str) -> None:
    """Tell the subscribers (notifications) of a committed event."""
    signals.request_event.send(event_id)


@sa_event.listens_for(orm.Session, "after_commit")
def _announce_deferred(session) -> None:
    # no SQL may run inside after_commit: the subscribers get the events
    # through the job queue instead
    for event_id in session.info.pop(_UNANNOUNCED, []):
        job_queue.enqueue("announce", event_id)


@sa_event.listens_for(orm.Session, "after_rollback")
def _forget_deferred(session) -> None:
    session.info.pop(_UNANNOUNCED, None)


def lapse_overdue() -> list[str]:
    """Requests whose applicant did not complete them in time lapse (the
    daily job). Returns the ids of their events, each announced as any
    step's."""
    lapse = STEPS["lapse"]
    actor = Actor(None, system=True)
    ids = [row.id for row in model.Session.query(Request.id).filter(
        Request.state == AWAITING_COMPLETION,
        Request.completion_due_date < clock.today())]
    events = []
    for request_id in ids:
        try:
            req = lock(request_id)
        except Conflict:
            continue   # someone is acting on it now; next run
        if req is None or refusal(lapse, req, actor.roles_on(req)):
            model.Session.rollback()
            continue
        outcome = take(lapse, Move(req, actor, {}, None))
        commit({}, outcome.event)
        announce(outcome.event.id)
        events.append(outcome.event.id)
    return events

