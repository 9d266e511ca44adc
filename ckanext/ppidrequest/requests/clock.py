"""The legal clock: Indonesian working days.

A working day is Monday to Friday, not a national public holiday, not a
*cuti bersama* day (joint leave, when ``ckanext.ppidrequest.cuti_bersama``
is on) and not one of the regency's own days off (table
``ppidrequest_holiday``). National days come from the ``holidays`` package
(Indonesia, categories ``public`` and ``government``).

Counting follows UU 14/2008's practice: day 1 is the first working day
after the day of receipt, so a request received on Friday 6 March 2026 is
due on the 10th working day after it.
"""
from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import holidays

import ckan.model as model
import ckan.plugins.toolkit as tk

#: UU 14/2008 Pasal 22 (7) and (8)
ANSWER_DAYS = 10
MAX_EXTENSION_DAYS = 7
#: the common practice for an incomplete request
COMPLETION_DAYS = 3


@functools.lru_cache(maxsize=64)
def _national(year: int, cuti_bersama: bool) -> dict[dt.date, str]:
    categories = ("public", "government") if cuti_bersama else ("public",)
    return dict(holidays.country_holidays(
        "ID", years=year, categories=categories, language="id").items())


def national_holidays(year: int) -> dict[dt.date, str]:
    """Indonesia's public holidays (and cuti bersama when configured)."""
    return _national(year, tk.config.get("ckanext.ppidrequest.cuti_bersama"))


def regency_days_off() -> dict[dt.date, str]:
    from ..model import Holiday

    return dict(model.Session.query(Holiday.day, Holiday.name).all())


def timezone() -> ZoneInfo:
    """The portal's time zone (``ckanext.ppidrequest.timezone``)."""
    return ZoneInfo(tk.config.get("ckanext.ppidrequest.timezone"))


def today() -> dt.date:
    """Today in the portal's time zone (a request received at 23:30 WIB is
    received that day, whatever the server's clock says)."""
    return dt.datetime.now(timezone()).date()


class Calendar:
    """Working-day arithmetic; reads the regency's days off once."""

    def __init__(self, days_off: dict[dt.date, str] | None = None):
        self.days_off = regency_days_off() if days_off is None else days_off

    def day_off(self, day: dt.date) -> str | None:
        """Why ``day`` is not a working day, or None when it is one."""
        if day.weekday() >= 5:
            return "weekend"
        return self.days_off.get(day) or national_holidays(day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        return self.day_off(day) is None

    def add(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``start`` itself
        never counts, whether or not it is a working day)."""
        day = start
        counted = 0
        while counted < days:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``
        (negative when ``end`` is before ``start``)."""
        if end < start:
            return -self.between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1)
                   if self.is_working_day(start + dt.timedelta(days=n)))


def step_targets() -> dict[str, int]:
    """Working days each open state may take, from the service standard
    (``ckanext.ppidrequest.step_targets``, ``state:days`` pairs)."""
    targets = {}
    for item in tk.config.get("ckanext.ppidrequest.step_targets"):
        state, _sep, days = item.partition(":")
        targets[state.strip()] = int(days)
    return targets
