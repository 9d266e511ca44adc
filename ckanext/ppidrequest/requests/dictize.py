"""Requests as their readers may see them: the PPID everything, an
agency's PPID Pembantu no contact details, an applicant no internal working
field and no internal note."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import ckan.model as model

from . import clock
from . import delivery as deliver
from . import workflow as W
from ..model import Delivery, Request, RequestEvent
from ..pdp import check as pdp

#: applicant contact details an agency's PPID Pembantu does not need
_CONTACT = ("applicant_nik", "applicant_address", "applicant_phone",
            "applicant_email")
#: the PPID's and the agency's working fields
_INTERNAL = ("pdp_check", "pdp_note", "refusal_proposal", "refusal_ground",
             "step_start", "step_days", "step_due_date", "created_by")
#: columns that are no reader's business: the code's hash, the search index
_NEVER = ("access_code_hash", "search_text")
#: working days before its due date in which a request is "due soon"
DUE_SOON_DAYS = 2


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
        # the columns a page shows, not whole objects (a queue page names
        # up to 50 datasets)
        G, P = model.Group, model.Package
        self.orgs = {g.id: g for g in model.Session.query(
            G.id, G.name, G.title).filter(G.id.in_(org_ids))} \
            if org_ids else {}
        self.pkgs = {p.id: p for p in model.Session.query(
            P.id, P.name, P.title, P.state).filter(P.id.in_(pkg_ids))} \
            if pkg_ids else {}
        # what the steps of the personal-data check ask of each request
        # with data handed over (see Step.unavailable)
        waiting = [r.id for r in reqs if r.state == W.DATA_SUBMITTED]
        self.handed_over = deliver.handed_over(waiting)
        self.scanned = pdp.scanned(waiting)
        self._soon_until: dt.date | None = None
        self.today = clock.today()

    @property
    def soon_until(self) -> dt.date:
        """The last due date that is "due soon" today (the regency's days
        off are read once per page)."""
        if self._soon_until is None:
            self._soon_until = clock.Calendar().add(self.today,
                                                    DUE_SOON_DAYS)
        return self._soon_until

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


def due_status(req: Request, refs: Refs) -> str | None:
    """The traffic light of a request whose legal clock runs: ``overdue``
    (due date passed), ``due_soon`` (due within :data:`DUE_SOON_DAYS`
    working days) or ``on_time``; None when the clock does not run (closed,
    or awaiting completion)."""
    if req.state not in W.CLOCK_STATES or req.due_date is None:
        return None
    if req.due_date < refs.today:
        return "overdue"
    if req.due_date <= refs.soon_until:
        return "due_soon"
    return "on_time"


def as_dict(req: Request, roles_: set[str],
            deliveries: Iterable[Delivery] | None = None,
            refs: Refs | None = None,
            available: list[str] | None = None) -> dict[str, Any]:
    """``available``: the steps the reader may take, when the caller has
    them (otherwise decided from ``roles_``)."""
    refs = refs or Refs([req])
    view = W.view_of(roles_)
    out = {column.name: _iso(getattr(req, column.name))
           for column in Request.__table__.columns
           if column.name not in _NEVER}
    if view != W.PPID:
        out.pop("applicant_nik", None)
        for name in _INTERNAL:
            out.pop(name, None)
    if view == W.PEMBANTU:
        # the account that filed it names the applicant (user_show)
        for name in _CONTACT + ("applicant_user_id",):
            out.pop(name, None)
        # the agency works on the step; it keeps its sub-deadline
        out["step_due_date"] = _iso(req.step_due_date)
    out["open"] = req.state in W.OPEN_STATES
    out["due_status"] = due_status(req, refs)
    out["overdue"] = out["due_status"] == "overdue"
    out["owner_organization"] = refs.org(req.owner_org)
    out["forwarded_organization"] = refs.org(req.forwarded_org)
    out["dataset"] = refs.dataset(req.dataset_id)
    out["available_actions"] = W.available_steps(req, roles_, refs) \
        if available is None else available
    if deliveries is not None:
        out["deliveries"] = [delivery_dict(d, view) for d in deliveries
                             if view != W.APPLICANT or d.stage == "released"]
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
    if view != W.APPLICANT:
        out["resource_id"] = delivery.resource_id
    if delivery.stage == "released":
        out["download_url"] = deliver.download_url(delivery)
        out["expired"] = deliver.expired(delivery)
    return out


def event_dict(event: RequestEvent, view: str | None,
               applicant_id: str | None = None) -> dict[str, Any]:
    """``applicant_id``: the account that filed the request, which an
    agency's officers do not see as the actor of the applicant's steps."""
    step = W.STEPS.get(event.action)
    actor = model.User.get(event.actor_id) if event.actor_id else None
    if view == W.PEMBANTU and actor is not None and \
            actor.id == applicant_id:
        actor = None
    out = {
        "id": event.id,
        "created": _iso(event.created),
        "action": event.action,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "note": event.note,
        "data": dict(event.data or {}),
    }
    if view in (W.PPID, W.PEMBANTU):
        out["actor"] = actor.name if actor else None
        out["actor_display_name"] = actor.display_name if actor else None
    elif step is not None and not step.public_note:
        out["note"] = None
        out["data"] = {}
    return out


def applicant_visible(event: RequestEvent) -> bool:
    step = W.STEPS.get(event.action)
    return step is None or step.applicant_visible
