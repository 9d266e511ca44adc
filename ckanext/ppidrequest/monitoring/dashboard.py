"""The Walidata's dashboard (``ppidrequest_monitoring_show``): demand and
availability for a period and an agency.

- what is requested, per agency and per dataset, and what the catalogue
  does not have (requests naming no dataset, answers "not held"), the
  texts grouped by :mod:`.similar`: what to publish next;
- how fast each agency answers against the 10 working days (median in
  working days, share on time, overdue now) and its open requests past
  the service standard's step targets;
- datasets late for their own update frequency (the Tanjung Jabung Barat
  SOP's warning: late data misses the publication period);
- downloads of open data and their declared purposes (:mod:`.downloads`).

Each figure is one SQL statement over indexed columns; no request is
loaded as an ORM object, and nothing about an applicant is read but the
request texts of the unmet demand.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import ckan.model as model
import sqlalchemy as sa

from ..requests import clock
from ..requests import workflow as W
from . import downloads, labels as L, similar
from .period import WORKING_DAYS_SQL, Period, working_day_index

R = "ppidrequest_request"
#: the PPID's answers (withdrawn and lapsed requests were not answered)
ANSWERED = (W.FULFILLED, W.REJECTED, W.NOT_HELD)
TOP = 20
UNMET_ROWS = 400


def _in(values) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def request_filter(period: Period, agency: str | None) -> tuple[str, dict]:
    """The WHERE clause of a period's requests (and an agency's: the
    requests it owns or was forwarded), with its parameters."""
    where = "received_at BETWEEN :start AND :end"
    params: dict[str, Any] = {"start": period.start, "end": period.end}
    if agency:
        where += " AND (owner_org = :org OR forwarded_org = :org)"
        params["org"] = agency
    return where, params


def _rows(sql: str, params: dict) -> list[sa.Row]:
    return model.Session.execute(sa.text(sql), params).all()


def organizations(ids) -> dict[str, dict[str, str]]:
    """``{id: {"id", "name", "title"}}`` of organizations."""
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    rows = model.Session.query(model.Group.id, model.Group.name,
                               model.Group.title) \
        .filter(model.Group.id.in_(ids)).all()
    return {r.id: {"id": r.id, "name": r.name, "title": r.title or r.name}
            for r in rows}


def per_agency(period: Period, agency: str | None) -> list[dict[str, Any]]:
    """Requests received per agency, answered, on time and the median
    working days to answer."""
    where, params = request_filter(period, agency)
    today = clock.today()
    days, counts = working_day_index(period.start, max(today, period.start))
    params.update(wd_days=days, wd_n=counts, zone=clock.timezone().key)
    sql = f"""
        WITH r AS (
          SELECT COALESCE(forwarded_org, owner_org) AS org, state, due_date,
                 COALESCE(clock_start, received_at) AS start_day,
                 CAST(timezone(:zone, closed_at) AS date) AS closed_day
          FROM {R} WHERE {where})
        SELECT r.org, count(*) AS received,
          count(*) FILTER (WHERE state IN {_in(ANSWERED)}) AS answered,
          count(*) FILTER (WHERE state IN {_in(ANSWERED)}
                           AND closed_day <= due_date) AS on_time,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY c.n - s.n)
            FILTER (WHERE state IN {_in(ANSWERED)}) AS median_days
        FROM r
        LEFT JOIN {WORKING_DAYS_SQL.format(alias="s")} ON s.day = r.start_day
        LEFT JOIN {WORKING_DAYS_SQL.format(alias="c")} ON c.day = r.closed_day
        GROUP BY r.org"""
    rows = _rows(sql, params)
    return [{"org": r.org, "received": r.received, "answered": r.answered,
             "on_time": r.on_time,
             "on_time_percent": (round(100 * r.on_time / r.answered)
                                 if r.answered else None),
             "median_days": (round(r.median_days, 1)
                             if r.median_days is not None else None)}
            for r in rows]


def open_late(agency: str | None) -> list[sa.Row]:
    """Open requests now: per agency and state, how many are past the legal
    due date and past the step's target (every period: it is "now")."""
    where = f"state IN {_in(W.CLOCK_STATES)}"
    params: dict[str, Any] = {"today": clock.today()}
    if agency:
        where += " AND (owner_org = :org OR forwarded_org = :org)"
        params["org"] = agency
    return _rows(f"""
        SELECT COALESCE(forwarded_org, owner_org) AS org, state,
               count(*) AS open,
               count(*) FILTER (WHERE due_date < :today) AS overdue,
               count(*) FILTER (WHERE step_due_date < :today) AS step_late
        FROM {R} WHERE {where} GROUP BY 1, 2""", params)


def per_dataset(period: Period, agency: str | None) -> list[dict[str, Any]]:
    where, params = request_filter(period, agency)
    rows = _rows(f"""
        SELECT q.dataset_id, q.n, p.name, p.title, p.owner_org,
               p.extras ->> 'classification' AS classification
        FROM (SELECT dataset_id, count(*) AS n FROM {R}
              WHERE {where} AND dataset_id IS NOT NULL
              GROUP BY dataset_id ORDER BY n DESC, dataset_id
              LIMIT {TOP}) q
        JOIN package p ON p.id = q.dataset_id
        ORDER BY q.n DESC, p.name""", params)
    return [{"dataset_id": r.dataset_id, "name": r.name,
             "title": r.title or r.name, "org": r.owner_org,
             "classification": r.classification, "requests": r.n}
            for r in rows]


def per_month(period: Period, agency: str | None) -> list[dict[str, Any]]:
    where, params = request_filter(period, agency)
    rows = _rows(f"""
        SELECT to_char(received_at, 'YYYY-MM') AS month, count(*) AS n,
               count(*) FILTER (WHERE dataset_id IS NULL
                                OR state = 'not_held') AS unmet
        FROM {R} WHERE {where} GROUP BY 1 ORDER BY 1""", params)
    return [{"month": r.month, "requests": r.n, "unmet": r.unmet}
            for r in rows]


def unmet(period: Period, agency: str | None) -> dict[str, Any]:
    """What is asked for and not in the catalogue: requests naming no
    dataset, and answers "not held"; the latest texts, grouped."""
    where, params = request_filter(period, agency)
    cond = f"{where} AND (dataset_id IS NULL OR state = 'not_held')"
    total = model.Session.execute(sa.text(
        f"SELECT count(*) FROM {R} WHERE {cond}"), params).scalar_one()
    rows = _rows(f"""
        SELECT registration_number, received_at, information_requested,
               state, COALESCE(forwarded_org, owner_org) AS org
        FROM {R} WHERE {cond}
        ORDER BY received_at DESC, registration_number
        LIMIT {UNMET_ROWS}""", params)
    items = [{"registration_number": r.registration_number,
              "received_at": r.received_at.isoformat(),
              "text": r.information_requested, "state": r.state,
              "org": r.org} for r in rows]
    return {"count": total, "shown": len(items),
            "groups": similar.group(items)}


def late_datasets(agency: str | None) -> list[dict[str, Any]]:
    """Active datasets whose last update is older than their update
    frequency allows, the latest first within the most late."""
    today = clock.today()
    cases = " ".join(f"WHEN '{k}' THEN {v}"
                     for k, v in L.FREQUENCY_DAYS.items())
    where = "p.state = 'active' AND p.type = 'dataset'"
    params: dict[str, Any] = {"today": today}
    if agency:
        where += " AND p.owner_org = :org"
        params["org"] = agency
    rows = _rows(f"""
        SELECT * FROM (
          SELECT p.id, p.name, p.title, p.owner_org,
                 p.extras ->> 'update_frequency' AS frequency,
                 CAST(p.metadata_modified AS date) AS updated,
                 CAST(p.metadata_modified AS date)
                   + (CASE p.extras ->> 'update_frequency' {cases} END)
                   AS due
          FROM package p WHERE {where}
            AND p.extras ->> 'update_frequency' IN
                {_in(L.FREQUENCY_DAYS)}) d
        WHERE d.due < :today
        ORDER BY d.due, d.name""", params)
    return [{"dataset_id": r.id, "name": r.name, "title": r.title or r.name,
             "org": r.owner_org, "frequency": r.frequency,
             "updated": r.updated.isoformat(), "due": r.due.isoformat(),
             "days_late": (today - r.due).days} for r in rows]


def figures(period: Period, agency: str | None) -> dict[str, Any]:
    """Everything the dashboard shows (organizations by id; the action
    adds their names and titles)."""
    agencies = {a["org"]: dict(a, open=0, overdue=0, step_late=0)
                for a in per_agency(period, agency)}
    steps: dict[str, dict[str, int]] = {}
    targets = clock.step_targets()
    for row in open_late(agency):
        a = agencies.setdefault(row.org, {
            "org": row.org, "received": 0, "answered": 0, "on_time": 0,
            "on_time_percent": None, "median_days": None, "open": 0,
            "overdue": 0, "step_late": 0})
        a["open"] += row.open
        a["overdue"] += row.overdue
        a["step_late"] += row.step_late
        steps.setdefault(row.org, {})[row.state] = row.step_late
    late = late_datasets(agency)
    for d in late:
        agencies.setdefault(d["org"], {
            "org": d["org"], "received": 0, "answered": 0, "on_time": 0,
            "on_time_percent": None, "median_days": None, "open": 0,
            "overdue": 0, "step_late": 0})
    late_per_org: dict[str, int] = {}
    for d in late:
        late_per_org[d["org"]] = late_per_org.get(d["org"], 0) + 1
    for org, a in agencies.items():
        a["late_datasets"] = late_per_org.get(org, 0)
        a["step_late_by_state"] = {state: steps.get(org, {}).get(state, 0)
                                   for state in targets}
    rows = sorted(agencies.values(),
                  key=lambda a: (-a["received"], -a["late_datasets"],
                                 a["org"] or ""))
    answered = sum(a["answered"] for a in rows)
    on_time = sum(a["on_time"] for a in rows)
    dl = downloads.figures(period, agency)
    return {
        "totals": {
            "received": sum(a["received"] for a in rows),
            "answered": answered,
            "on_time_percent": (round(100 * on_time / answered)
                                if answered else None),
            "overdue": sum(a["overdue"] for a in rows),
            "step_late": sum(a["step_late"] for a in rows),
            "late_datasets": len(late),
            "downloads": dl["total"],
        },
        "agencies": rows,
        "step_targets": targets,
        "datasets": per_dataset(period, agency),
        "months": per_month(period, agency),
        "unmet": unmet(period, agency),
        "late_datasets": late,
        "downloads": dl,
    }
