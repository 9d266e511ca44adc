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
from .dashboard import ANSWERED, R, _in, organizations
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
    period = Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))
    params = {"start": period.start, "end": period.end,
              "zone": clock.timezone().key,
              **working_days_params(period.start)}
    base = f"""
        WITH r AS (
          SELECT state, partial, extended, due_date, channel, owner_org,
                 forwarded_org, rejection_ground,
                 CAST(timezone(:zone, closed_at) AS date) AS closed_day,
                 COALESCE(clock_start, received_at) AS start_day
          FROM {R} WHERE received_at BETWEEN :start AND :end)"""

    def run(sql: str):
        return model.Session.execute(sa.text(base + sql), params).all()

    total = run(f"SELECT {_counts()} FROM r")[0]._asdict()
    by_channel = [row._asdict() for row in run(
        f"SELECT channel, {_counts()} FROM r GROUP BY channel "
        "ORDER BY received DESC, channel")]
    by_agency = [row._asdict() for row in run(
        f"SELECT COALESCE(forwarded_org, owner_org) AS org, {_counts()} "
        "FROM r GROUP BY 1 ORDER BY received DESC, 1")]
    titles = organizations(a["org"] for a in by_agency)
    for a in by_agency:
        org = titles.get(a["org"])
        a["organization"] = org["name"] if org else None
        a["organization_title"] = org["title"] if org else None
    grounds = [row._asdict() for row in run(
        "SELECT rejection_ground AS ground, count(*) AS n FROM r "
        "WHERE state = 'rejected' GROUP BY 1 ORDER BY n DESC, 1")]
    timing = run(f"""
        , t AS (SELECT {working_days_sql("start_day", "closed_day")}
                  AS days FROM r WHERE r.state IN {_in(ANSWERED)})
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               avg(days) AS mean, max(days) AS max,
               count(*) FILTER (WHERE days <= 5) AS "0-5",
               count(*) FILTER (WHERE days BETWEEN 6 AND 10) AS "6-10",
               count(*) FILTER (WHERE days BETWEEN 11 AND 17) AS "11-17",
               count(*) FILTER (WHERE days > 17) AS "18+"
        FROM t""")[0]._asdict()
    return {
        "year": year,
        **total,
        "on_time_percent": (round(100 * total["on_time"] / total["answered"])
                            if total["answered"] else None),
        "rejected_by_ground": grounds,
        "answer_days": {
            "median": (round(timing["median"], 1)
                       if timing["median"] is not None else None),
            "mean": (round(float(timing["mean"]), 1)
                     if timing["mean"] is not None else None),
            "max": timing["max"],
            "distribution": [{"bucket": b, "requests": timing[b]}
                             for b in ("0-5", "6-10", "11-17", "18+")],
        },
        "by_channel": by_channel,
        "by_agency": by_agency,
        # objections (keberatan, Pasal 35) are not recorded by the portal
        # yet: None, not 0, so that no report claims there were none
        "objections": None,
    }
