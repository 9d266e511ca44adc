"""Periods of the reports: a year (``2026``), a quarter (``2026-Q3``) or a
month (``2026-11``), and working days counted in SQL.

A period is a string so that it can sit in a URL and in an action's
parameters; :func:`parse` turns it into its first and last day.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..requests import clock

_PATTERN = re.compile(r"^(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])))?$")
MIN_YEAR = 2008   # UU 14/2008


@dataclass(frozen=True)
class Period:
    value: str
    start: dt.date
    end: dt.date

    def as_dict(self) -> dict:
        return {"value": self.value, "start": self.start.isoformat(),
                "end": self.end.isoformat()}


def parse(value: str) -> Period:
    """The period ``value`` names; ValueError when it names none."""
    found = _PATTERN.match(str(value).strip())
    if not found:
        raise ValueError(value)
    year = int(found.group(1))
    if not MIN_YEAR <= year <= clock.today().year + 1:
        raise ValueError(value)
    if found.group(2):
        month = int(found.group(2))
        if not 1 <= month <= 12:
            raise ValueError(value)
        start = dt.date(year, month, 1)
        end = (dt.date(year + (month == 12), month % 12 + 1, 1)
               - dt.timedelta(days=1))
        return Period(f"{year}-{month:02d}", start, end)
    if found.group(3):
        quarter = int(found.group(3))
        start = dt.date(year, 3 * quarter - 2, 1)
        end = (dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
               - dt.timedelta(days=1))
        return Period(f"{year}-Q{quarter}", start, end)
    return Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))


def default() -> str:
    return str(clock.today().year)


def working_day_index(start: dt.date, end: dt.date
                      ) -> tuple[list[dt.date], list[int]]:
    """Every day from ``start`` to ``end`` with the number of working days
    up to and including it: the working days from day a to day b are
    ``n(b) - n(a)``, as :meth:`clock.Calendar.between` counts them."""
    cal = clock.Calendar()
    days, counts, n = [], [], 0
    day = start
    while day <= end:
        if cal.is_working_day(day):
            n += 1
        days.append(day)
        counts.append(n)
        day += dt.timedelta(days=1)
    return days, counts


def working_days_sql(start: str, end: str) -> str:
    """SQL of the working days from the date ``start`` to the date ``end``
    (column expressions), both within the days of
    :func:`working_days_params`: one subscript of an array per row, no
    join."""
    n = "CAST(:wd_n AS int[])"
    return (f"(({n})[({end}) - CAST(:wd_start AS date) + 1]"
            f" - ({n})[({start}) - CAST(:wd_start AS date) + 1])")


def working_days_params(start: dt.date) -> dict:
    """The parameters of :func:`working_days_sql` for the days from
    ``start`` to today."""
    days, counts = working_day_index(start, max(clock.today(), start))
    return {"wd_start": start, "wd_n": counts}
