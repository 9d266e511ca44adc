"""The annual report on information services (laporan layanan informasi
publik, ``ppidrequest_annual_report_show``): the requests received in a
year and what became of them, as UU 14/2008 asks every public body to
publish. Counts only, nothing about any applicant."""
from __future__ import annotations

import datetime as dt
from typing import Any

import ckan.model as model
import sqlalchemy as sa

from ..requests import clock
from ..requests import workflow as W
from .dashboard import ANSWERED, R, _in, _median, organizations
from .period import Period, working_days_params, working_days_sql

OUTCOMES = ("received", "answered", "granted", "granted_partly", "rejected",
            "not_held", "withdrawn", "lapsed", "open", "extended",
            "on_time")


def _counts() -> str:
    return f"""
      count(*) AS received,
      count(*) FILTER (WHERE state IN {_in(ANSWERED)}) AS answered,
      count(*) FILTER (WHERE state = 'fulfilled' AND NOT partial)
        AS granted,
      count(*) FILTER (WHERE state = 'fulfilled' AND partial)
        AS granted_partly,
      count(*) FILTER (WHERE state = 'rejected') AS rejected,
      count(*) FILTER (WHERE state = 'not_held') AS not_held,
      count(*) FILTER (WHERE state = 'withdrawn') AS withdrawn,
      count(*) FILTER (WHERE state = 'lapsed') AS lapsed,
      count(*) FILTER (WHERE state IN {_in(W.OPEN_STATES)}) AS open,
      count(*) FILTER (WHERE extended) AS extended,
      count(*) FILTER (WHERE state IN {_in(ANSWERED)}
                       AND closed_day <= due_date) AS on_time"""


def report(year: int) -> dict[str, Any]:
    """The year's figures, in one index-only scan of its requests with
    grouping sets: in all, per channel, per agency, per rejection ground
    and per working days to answer."""
    period = Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))
    params = {"start": period.start, "end": period.end,
              "zone": clock.timezone().key,
              **working_days_params(period.start)}
    rows = model.Session.execute(sa.text(f"""
        WITH r AS (
          SELECT state, partial, extended, due_date, channel,
                 COALESCE(forwarded_org, owner_org) AS org,
                 rejection_ground,
                 CAST(timezone(:zone, closed_at) AS date) AS closed_day,
                 CASE WHEN state IN {_in(ANSWERED)} THEN
                   {working_days_sql("COALESCE(clock_start, received_at)",
                                     "CAST(timezone(:zone, closed_at) AS date)")}
                 END AS days
          FROM {R} WHERE received_at BETWEEN :start AND :end)
        SELECT GROUPING(channel) AS g_channel, GROUPING(org) AS g_org,
               GROUPING(rejection_ground) AS g_ground,
               GROUPING(days) AS g_days,
               channel, org, rejection_ground, days, {_counts()}
        FROM r
        GROUP BY GROUPING SETS ((), (channel), (org), (rejection_ground),
                                (days))"""), params).all()
    total: dict[str, Any] = {key: 0 for key in OUTCOMES}
    by_channel, by_agency, grounds = [], [], []
    histogram: dict[int, int] = {}
    for row in rows:
        counts = {key: getattr(row, key) for key in OUTCOMES}
        if not row.g_channel:
            by_channel.append(dict(counts, channel=row.channel))
        elif not row.g_org:
            by_agency.append(dict(counts, org=row.org))
        elif not row.g_ground:
            if row.rejected:
                grounds.append({"ground": row.rejection_ground,
                                "n": row.rejected})
        elif not row.g_days:
            if row.days is not None:
                histogram[row.days] = row.answered
        else:
            total = counts
    by_channel.sort(key=lambda c: (-c["received"], c["channel"] or ""))
    by_agency.sort(key=lambda a: (-a["received"], a["org"] or ""))
    grounds.sort(key=lambda g: (-g["n"], g["ground"] or ""))
    titles = organizations(a["org"] for a in by_agency)
    for a in by_agency:
        org = titles.get(a["org"])
        a["organization"] = org["name"] if org else None
        a["organization_title"] = org["title"] if org else None
    answers = sum(histogram.values())
    buckets = {"0-5": (None, 5), "6-10": (6, 10), "11-17": (11, 17),
               "18+": (18, None)}
    return {
        "year": year,
        **total,
        "on_time_percent": (round(100 * total["on_time"] / total["answered"])
                            if total["answered"] else None),
        "rejected_by_ground": grounds,
        "answer_days": {
            "median": _median(histogram),
            "mean": (round(sum(d * n for d, n in histogram.items())
                           / answers, 1) if answers else None),
            "max": max(histogram) if histogram else None,
            "distribution": [
                {"bucket": name, "requests": sum(
                    n for d, n in histogram.items()
                    if (lo is None or d >= lo) and (hi is None or d <= hi))}
                for name, (lo, hi) in buckets.items()],
        },
        "by_channel": by_channel,
        "by_agency": by_agency,
        # objections (keberatan, Pasal 35) are not recorded by the portal
        # yet: None, not 0, so that no report claims there were none
        "objections": None,
    }
