"""Numbering letters: in the transaction of the step that owes them.

The number comes from one yearly sequence row, incremented with an UPSERT
that keeps the row locked until the step commits: concurrent steps get
consecutive numbers, a step that rolls back gives its number back, and a
render that fails afterwards cannot take or lose one (the number is
committed with the step, the PDF comes later). One letter per kind per
event, so a retried job or a second render never numbers it again.
"""
from __future__ import annotations

import datetime as dt
import secrets
from typing import Iterable

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..model import Letter, Request, RequestEvent
from ..requests.numbering import ROMAN


def _next_sequence(year: int) -> int:
    stmt = model.sa.text(
        "INSERT INTO ppidrequest_letter_sequence (year, last_value) "
        "VALUES (:year, 1) ON CONFLICT (year) DO UPDATE "
        "SET last_value = ppidrequest_letter_sequence.last_value + 1 "
        "RETURNING last_value")
    return model.Session.execute(stmt, {"year": year}).scalar_one()


def number_for(seq: int, day: dt.date, kind: str) -> str:
    pattern = tk.config.get("ckanext.ppidrequest.letters.number_pattern")
    return pattern.format(seq=seq, year=day.year, month=day.month,
                          month_roman=ROMAN[day.month - 1], kind=kind)


def allocate(req: Request, event: RequestEvent, kind: str,
             day: dt.date) -> Letter:
    """Number the ``kind`` letter of ``event`` in the caller's
    transaction."""
    seq = _next_sequence(day.year)
    letter = Letter(request_id=req.id, event_id=event.id, kind=kind,
                    year=day.year, sequence=seq,
                    number=number_for(seq, day, kind), issued_on=day,
                    token=secrets.token_urlsafe(24))
    model.Session.add(letter)
    model.Session.flush()
    return letter


def allocate_all(kinds: Iterable[str], req: Request, event: RequestEvent,
                 day: dt.date) -> list[Letter]:
    return [allocate(req, event, kind, day) for kind in kinds]


def of_request(request_id: str) -> list[Letter]:
    return (model.Session.query(Letter)
            .filter(Letter.request_id == request_id)
            .order_by(Letter.year, Letter.sequence).all())


def of_event(event_id: str) -> list[Letter]:
    return (model.Session.query(Letter)
            .filter(Letter.event_id == event_id)
            .order_by(Letter.sequence).all())
