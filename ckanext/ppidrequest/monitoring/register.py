"""The PPID's register of requests (``ppidrequest_register_list``): every
request with its dates, steps, outcome and time to answer in working
days. The applicant's name is in it (the PPID's own register); the NIK,
address and contact details never are."""
from __future__ import annotations

import datetime as dt
from typing import Any

import ckan.model as model
import sqlalchemy as sa

from ..model import Request, RequestEvent
from ..requests import clock
from ..requests import workflow as W
from .period import Period, working_day_index

MAX_LIMIT = 1000


def _closed_day(req: Request) -> dt.date | None:
    if req.closed_at is None:
        return None
    return req.closed_at.astimezone(clock.timezone()).date()


def page(period: Period, data: dict[str, Any],
         limit: int | None) -> dict[str, Any]:
    """``{"count", "rows"}`` of the period's requests (received date, then
    number), filtered by ``state`` and ``organization``; ``limit`` None:
    all (the export)."""
    query = model.Session.query(Request).filter(
        Request.received_at >= period.start,
        Request.received_at <= period.end)
    if data.get("organization"):
        org = data["organization"]
        query = query.filter(sa.or_(Request.owner_org == org,
                                    Request.forwarded_org == org))
    if data.get("state"):
        query = query.filter(Request.state.in_(data["state"]))
    count = query.count()
    query = query.order_by(Request.received_at, Request.year,
                           Request.sequence)
    if limit is not None:
        query = query.limit(min(limit, MAX_LIMIT)).offset(
            data.get("offset") or 0)
    reqs = query.all()
    events: dict[str, list[dict[str, str]]] = {}
    if reqs:
        for request_id, action, created in (
                model.Session.query(RequestEvent.request_id,
                                    RequestEvent.action,
                                    RequestEvent.created)
                .filter(RequestEvent.request_id.in_([r.id for r in reqs]))
                .order_by(RequestEvent.created, RequestEvent.id)):
            events.setdefault(request_id, []).append({
                "action": action,
                "date": created.astimezone(clock.timezone()).date()
                .isoformat()})
    today = clock.today()
    start = min((r.clock_start or r.received_at for r in reqs),
                default=today)
    days, counts = working_day_index(min(start, today), today)
    index = dict(zip(days, counts))
    orgs = {g.id: g for g in model.Session.query(model.Group).filter(
        model.Group.id.in_({r.forwarded_org or r.owner_org for r in reqs}
                           - {None}))} if reqs else {}
    pkgs = {p.id: p for p in model.Session.query(model.Package).filter(
        model.Package.id.in_({r.dataset_id for r in reqs} - {None}))} \
        if reqs else {}
    rows = []
    for r in reqs:
        closed = _closed_day(r)
        begin = r.clock_start or r.received_at
        days_taken = (index[closed] - index[begin]
                      if closed in index and begin in index
                      and r.state in W.FINAL_STATES else None)
        org = orgs.get(r.forwarded_org or r.owner_org)
        pkg = pkgs.get(r.dataset_id)
        rows.append({
            "id": r.id,
            "registration_number": r.registration_number,
            "received_at": r.received_at.isoformat(),
            "channel": r.channel,
            "applicant_type": r.applicant_type,
            "applicant_name": r.applicant_name,
            "information_requested": r.information_requested,
            "dataset": pkg.title or pkg.name if pkg else None,
            "organization": org.name if org else None,
            "organization_title": (org.title or org.name) if org else None,
            "state": r.state,
            "partial": r.partial,
            "rejection_ground": r.rejection_ground,
            "due_date": r.due_date.isoformat() if r.due_date else None,
            "extended": r.extended,
            "closed": closed.isoformat() if closed else None,
            "working_days": days_taken,
            "on_time": (closed <= r.due_date
                        if closed and r.due_date
                        and r.state in W.FINAL_STATES[:3] else None),
            "steps": events.get(r.id, []),
        })
    return {"count": count, "rows": rows}
