"""The request queue: the requests a reader may see, filtered, searched,
sorted and paged, with the number in each state (the desk's tabs).

:func:`page` is what ``ppidrequest_list`` runs once the caller and the
parameters are checked. Every filter here has an index (see the
migrations of ``ppidrequest_request``).
"""
from __future__ import annotations

from typing import Any

import ckan.model as model

from . import clock
from . import workflow as W
from ..model import Request

#: the orders the queue offers (the first is the default)
SORTS = ("due_date asc", "due_date desc", "received_at asc",
         "received_at desc")
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
#: at most this many matches are read and sorted rather than found by
#: walking an index in the page's order (see :func:`page`)
FEW = 2000


def _like(text: str) -> str:
    """``text`` as a literal ILIKE substring pattern."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%") \
        .replace("_", "\\_") + "%"


def conditions(actor: W.Actor, data: dict[str, Any]) -> list:
    """SQL conditions of the parameters, the state filter excepted (the
    counts per state are taken under all the others)."""
    where = []
    visible = W.visible_filter(actor)
    if visible is not None:
        where.append(visible)
    if data.get("mine"):
        where.append(Request.applicant_user_id == actor.id
                     if actor.id else model.sa.false())
    if data.get("organization"):
        org = data["organization"]
        where.append(model.sa.or_(Request.owner_org == org,
                                  Request.forwarded_org == org))
    if data.get("channel"):
        where.append(Request.channel == data["channel"])
    if data.get("dataset"):
        where.append(Request.dataset_id == data["dataset"])
    today = clock.today()
    if data.get("overdue"):
        where.append(Request.state.in_(W.CLOCK_STATES))
        where.append(Request.due_date < today)
    if data.get("due_within") is not None:
        limit_day = clock.Calendar().add(today, min(data["due_within"], 60))
        where.append(Request.state.in_(W.CLOCK_STATES))
        where.append(Request.due_date <= limit_day)
    if data.get("q"):
        # substring of the number, the name or the text, case-insensitive:
        # the lowercased search column and its trigram index (PostgreSQL
        # lowercases the pattern too, so both sides fold alike)
        where.append(Request.search_text.like(
            model.sa.func.lower(_like(data["q"]))))
    return where


def counts(where: list) -> dict[str, int]:
    """``{state: n}`` for every state (zeros included) under ``where``."""
    if not where:
        # the whole register (the PPID's queue unfiltered): one count per
        # state, each a range of the state index, is half the time of
        # hashing every row's state
        found = model.Session.execute(model.sa.select(*(
            model.sa.select(model.sa.func.count())
            .where(Request.state == state).scalar_subquery()
            .label(state) for state in W.STATES))).mappings().one()
        return {state: found[state] for state in W.STATES}
    found = dict(model.Session.query(Request.state, model.sa.func.count())
                 .filter(*where).group_by(Request.state).all())
    return {state: found.get(state, 0) for state in W.STATES}


def _order(data: dict[str, Any], scan_in_order: bool) -> list:
    """The ORDER BY of the page. ``scan_in_order`` False: the same order
    through an expression no index has, so that PostgreSQL reads the
    matching rows from their filters' indexes and sorts them."""
    column, _sep, direction = (data.get("sort") or SORTS[0]).partition(" ")
    key = getattr(Request, column)
    if not scan_in_order:
        key = model.sa.func.coalesce(key, key)
    order = key.desc() if direction == "desc" else key.asc()
    if column == "due_date":
        # no due date while awaiting completion: last either way (the
        # received date is never empty; NULLS LAST would keep PostgreSQL
        # from reading its index backwards)
        order = order.nulls_last()
    return [order, Request.created.desc(), Request.id]


def page(actor: W.Actor, data: dict[str, Any]) -> dict[str, Any]:
    """``{"count", "counts", "rows"}``: the page of requests (ORM rows)
    the validated parameters ``data`` ask for, how many match in all, and
    the number in each state under the same filters except ``state``."""
    where = conditions(actor, data)
    per_state = counts(where)
    states = data.get("state")
    count = sum(per_state[s] for s in states) if states \
        else sum(per_state.values())
    # Few matches under a filter beyond the state (a search, an agency):
    # read them all and sort them. Walking the register in date order
    # until a page is found is PostgreSQL's guess when a search and an
    # agency together match far fewer rows than it estimates (the PPID
    # Pembantu searching their inbox: 36 ms instead of 6).
    scan_in_order = not where or count > FEW
    if states:
        where.append(Request.state.in_(states))
    limit = min(data.get("limit") or DEFAULT_LIMIT, MAX_LIMIT)
    rows = []
    if count:
        rows = (model.Session.query(Request).filter(*where)
                .order_by(*_order(data, scan_in_order))
                .limit(limit).offset(data.get("offset") or 0).all())
    return {"count": count, "counts": per_state, "rows": rows}
