"""Downloads of open data and the download form (Jember step 3: Formulir
Unduh Data).

``ckanext.ppidrequest.download_form`` is ``off`` (the default: downloads
are logged without answers), ``optional`` (a browser is asked once per
session and may skip) or ``required`` (a browser answers once per session
before its first download). Nothing personal is asked. An API client is
never stopped: it may send the same answers as parameters
(``?audience=&sector=&purpose=``) or headers (``X-Download-Audience``,
``X-Download-Sector``, ``X-Download-Purpose``).
"""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ..model import OpenDownload, OpenDownloadCount
from ..requests import clock
from . import labels as L
from .period import Period

MODES = ("off", "optional", "required")
FIELDS = {"audience": L.AUDIENCES, "sector": L.SECTORS,
          "purpose": L.PURPOSES}
#: the browser session's answers
SESSION_KEY = "ppidrequest_download_answers"
T = "ppidrequest_open_download"
COUNTS = "ppidrequest_open_download_count"
TOP = 20


def mode() -> str:
    return tk.config.get("ckanext.ppidrequest.download_form")


def clean_answers(source: dict[str, Any]) -> dict[str, str]:
    """The known answers in ``source`` (unknown values are dropped)."""
    out = {}
    for name, choices in FIELDS.items():
        value = (source.get(name) or "").strip()
        if value in choices:
            out[name] = value
    return out


def from_client(args, headers) -> dict[str, str]:
    """Answers an API client sent as parameters or headers."""
    given = {name: args.get(name) or headers.get(
        "X-Download-" + name.capitalize()) for name in FIELDS}
    return clean_answers(given)


def is_browser(headers) -> bool:
    """A browser asks for HTML; an API client (curl, a script, a token)
    does not, or authenticates with a header."""
    if headers.get("Authorization") or headers.get("X-CKAN-API-Key"):
        return False
    return "text/html" in (headers.get("Accept") or "")


def _count_rows(month, fields: dict[str, Any],
                answers: dict[str, str]) -> list[dict[str, Any]]:
    org = fields.get("owner_org") or ""
    rows = [{"month": month, "dimension": "dataset", "owner_org": org,
             "package_id": fields["id"], "value": "", "n": 1}]
    rows += [{"month": month, "dimension": name, "owner_org": org,
              "package_id": "", "value": answers.get(name) or "", "n": 1}
             for name in FIELDS]
    return rows


def log(fields: dict[str, Any], resource_id: str | None, via: str,
        answers: dict[str, str]) -> None:
    """One download, and its monthly counts, committed at once in their
    own transaction (the download itself is served after it)."""
    from sqlalchemy.dialects.postgresql import insert

    model.Session.add(OpenDownload(
        package_id=fields["id"], owner_org=fields.get("owner_org"),
        resource_id=resource_id, via=via, **answers))
    stmt = insert(OpenDownloadCount).values(
        _count_rows(clock.today().replace(day=1), fields, answers))
    model.Session.execute(stmt.on_conflict_do_update(
        index_elements=["month", "dimension", "owner_org", "package_id",
                        "value"],
        set_={"n": OpenDownloadCount.n + stmt.excluded.n}))
    model.Session.commit()


def rebuild_counts() -> int:
    """The monthly counts again from the log (after the log was written
    in bulk: the benchmark, the demo). Returns the number of rows."""
    month = ("CAST(date_trunc('month', timezone(:zone, created)) AS date)")
    parts = [f"SELECT {month} AS month, 'dataset', "
             "COALESCE(owner_org, ''), package_id, '', count(*) "
             f"FROM {T} GROUP BY 1, 3, 4"]
    parts += [f"SELECT {month}, '{name}', COALESCE(owner_org, ''), '', "
              f"COALESCE({name}, ''), count(*) FROM {T} GROUP BY 1, 3, 5"
              for name in FIELDS]
    model.Session.execute(sa.text(f"DELETE FROM {COUNTS}"))
    model.Session.execute(sa.text(
        f"INSERT INTO {COUNTS} (month, dimension, owner_org, package_id, "
        "value, n) " + " UNION ALL ".join(parts)),
        {"zone": clock.timezone().key})
    model.Session.commit()
    return model.Session.execute(sa.text(
        f"SELECT count(*) FROM {COUNTS}")).scalar_one()


def figures(period: Period, agency: str | None) -> dict[str, Any]:
    """Downloads in the period: total, per dataset (the most downloaded)
    and per answer of the form, from the monthly counts."""
    where = "month BETWEEN :start AND :end"
    params: dict[str, Any] = {"start": period.start, "end": period.end}
    if agency:
        where += " AND owner_org = :org"
        params["org"] = agency
    rows = model.Session.execute(sa.text(f"""
        SELECT dimension, package_id, value, sum(n) AS n FROM {COUNTS}
        WHERE {where} GROUP BY 1, 2, 3"""), params).all()
    per: dict[str, dict[str | None, int]] = {
        "dataset": {}, "audience": {}, "purpose": {}, "sector": {}}
    for r in rows:
        key = r.package_id if r.dimension == "dataset" else (r.value or None)
        per[r.dimension][key] = int(r.n)
    total = sum(per["dataset"].values())
    top = sorted(per["dataset"].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    pkgs = {r.id: r for r in model.Session.query(
        model.Package.id, model.Package.name, model.Package.title,
        model.Package.owner_org).filter(
        model.Package.id.in_([k for k, _n in top])).all()} if top else {}
    datasets = []
    for k, n in top:
        pkg = pkgs.get(k)
        datasets.append({"dataset_id": k, "name": pkg.name if pkg else k,
                         "title": (pkg.title or pkg.name) if pkg else k,
                         "org": pkg.owner_org if pkg else None,
                         "downloads": n})

    def answers(name: str) -> list[dict[str, Any]]:
        counts = per[name]
        keys = list(FIELDS[name]) + [None]
        return [{"value": k, "downloads": counts[k]} for k in keys
                if counts.get(k)]

    return {"total": total, "datasets": datasets,
            "audience": answers("audience"), "purpose": answers("purpose"),
            "sector": answers("sector")}
