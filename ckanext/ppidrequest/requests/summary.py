"""The service's own figures for a year: requests received, answered,
answered within the legal time, still open and overdue.

These are aggregate counts with nothing about any applicant, the kind of
figure UU 14/2008 asks a PPID to publish in its annual report; the home
page shows this year's (``ppidrequest_service_summary``).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import ckan.model as model
import sqlalchemy as sa

from . import clock
from . import workflow as W
from ..model import Request

#: the states in which the PPID gave an answer (withdrawn and lapsed
#: requests were not answered)
ANSWERED = (W.FULFILLED, W.REJECTED, W.NOT_HELD)


def for_year(year: int) -> dict[str, Any]:
    """The figures of the requests received in ``year``."""
    zone = clock.timezone().key
    closed_day = sa.cast(sa.func.timezone(zone, Request.closed_at), sa.Date)
    answered = Request.state.in_(ANSWERED)
    on_time = sa.and_(answered, Request.due_date.isnot(None),
                      closed_day <= Request.due_date)
    overdue = sa.and_(Request.state.in_(W.CLOCK_STATES),
                      Request.due_date < clock.today())
    count = sa.func.count
    row = model.Session.query(
        count(Request.id),
        count(Request.id).filter(answered),
        count(Request.id).filter(on_time),
        count(Request.id).filter(Request.state.in_(W.OPEN_STATES)),
        count(Request.id).filter(overdue),
    ).filter(
        Request.received_at >= dt.date(year, 1, 1),
        Request.received_at <= dt.date(year, 12, 31),
    ).one()
    received, n_answered, n_on_time, n_open, n_overdue = row
    return {
        "year": year,
        "received": received,
        "answered": n_answered,
        "answered_on_time": n_on_time,
        "on_time_percent": (round(100 * n_on_time / n_answered)
                            if n_answered else None),
        "open": n_open,
        "overdue": n_overdue,
    }
