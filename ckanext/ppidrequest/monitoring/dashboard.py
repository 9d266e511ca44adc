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
from .period import Period, working_days_params, working_days_sql

R = "ppidrequest_request"
#: the PPID's answers (withdrawn and lapsed requests were not answered)
ANSWERED = (W.FULFILLED, W.REJECTED, W.NOT_HELD)
TOP = 20
UNMET_ROWS = 200


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


def _median(histogram: dict[int, int]) -> float | None:
    """The median of values given as ``{value: count}`` (the mean of the
    two middle ones for an even count, as percentile_cont)."""
    total = sum(histogram.values())
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value in sorted(histogram):
        count = histogram[value]
        while wanted and wanted[0] < seen + count:
            found.append(value)
            wanted.pop(0)
        seen += count
    return round(sum(found) / len(found), 1)


def request_figures(period: Period, agency: str | None) -> dict[str, Any]:
    """Per agency (received, answered, on time, median working days to
    answer), per month (received, not in the catalogue) and per dataset,
    in one index-only scan of the period's requests."""
    where, params = request_filter(period, agency)
    params.update(working_days_params(period.start),
                  zone=clock.timezone().key)
    answered = f"state IN {_in(ANSWERED)}"
    closed = "CAST(timezone(:zone, closed_at) AS date)"
    days = working_days_sql("COALESCE(clock_start, received_at)", closed)
    rows = _rows(f"""
        WITH r AS (
          SELECT COALESCE(forwarded_org, owner_org) AS org,
                 to_char(received_at, 'YYYY-MM') AS month, dataset_id,
                 {answered} AS answered,
                 ({answered} AND {closed} <= due_date) AS on_time,
                 (dataset_id IS NULL OR state = 'not_held') AS unmet,
                 CASE WHEN {answered} THEN {days} END AS days
          FROM {R} WHERE {where})
        SELECT GROUPING(org) AS g_org, GROUPING(month) AS g_month,
               GROUPING(dataset_id) AS g_dataset, GROUPING(days) AS g_days,
               org, month, dataset_id, days, count(*) AS n,
               count(*) FILTER (WHERE answered) AS answered,
               count(*) FILTER (WHERE on_time) AS on_time,
               count(*) FILTER (WHERE unmet) AS unmet
        FROM r
        GROUP BY GROUPING SETS ((org), (month), (dataset_id), (org, days))
        """, params)
    agencies: dict[str | None, dict[str, Any]] = {}
    histograms: dict[str | None, dict[int, int]] = {}
    months, datasets = [], {}
    for r in rows:
        if not r.g_org and not r.g_days:
            if r.days is not None:
                histograms.setdefault(r.org, {})[r.days] = r.answered
        elif not r.g_org:
            agencies[r.org] = {
                "org": r.org, "received": r.n, "answered": r.answered,
                "on_time": r.on_time,
                "on_time_percent": (round(100 * r.on_time / r.answered)
                                    if r.answered else None)}
        elif not r.g_month:
            months.append({"month": r.month, "requests": r.n,
                           "unmet": r.unmet})
        elif r.dataset_id is not None:
            datasets[r.dataset_id] = r.n
    for org, a in agencies.items():
        a["median_days"] = _median(histograms.get(org, {}))
    return {"agencies": list(agencies.values()),
            "months": sorted(months, key=lambda m: m["month"]),
            "datasets": datasets}


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


def per_dataset(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The most requested datasets of ``{dataset id: requests}``."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    if not top:
        return []
    rows = {r.id: r for r in _rows(
        "SELECT id, name, title, owner_org, "
        "extras ->> 'classification' AS classification FROM package "
        "WHERE id = ANY(:ids)", {"ids": [k for k, _n in top]})}
    return [{"dataset_id": k, "name": rows[k].name,
             "title": rows[k].title or rows[k].name,
             "org": rows[k].owner_org,
             "classification": rows[k].classification, "requests": n}
            for k, n in top if k in rows]


def unmet(period: Period, agency: str | None, total: int
          ) -> dict[str, Any]:
    """What is asked for and not in the catalogue: requests naming no
    dataset, and answers "not held" (``total`` of them, counted with the
    months); the latest texts, grouped."""
    where, params = request_filter(period, agency)
    cond = f"{where} AND (dataset_id IS NULL OR state = 'not_held')"
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
    found = request_figures(period, agency)
    agencies = {a["org"]: dict(a, open=0, overdue=0, step_late=0)
                for a in found["agencies"]}
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
    months = found["months"]
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
        "datasets": per_dataset(found["datasets"]),
        "months": months,
        "unmet": unmet(period, agency, sum(m["unmet"] for m in months)),
        "late_datasets": late,
        "downloads": dl,
    }
