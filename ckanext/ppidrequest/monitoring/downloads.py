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

from ..model import OpenDownload
from . import labels as L
from .period import Period

MODES = ("off", "optional", "required")
FIELDS = {"audience": L.AUDIENCES, "sector": L.SECTORS,
          "purpose": L.PURPOSES}
#: the browser session's answers
SESSION_KEY = "ppidrequest_download_answers"
T = "ppidrequest_open_download"
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


def log(fields: dict[str, Any], resource_id: str | None, via: str,
        answers: dict[str, str]) -> None:
    """One download, committed at once in its own transaction (the
    download itself is served after it)."""
    model.Session.add(OpenDownload(
        package_id=fields["id"], owner_org=fields.get("owner_org"),
        resource_id=resource_id, via=via, **answers))
    model.Session.commit()


def figures(period: Period, agency: str | None) -> dict[str, Any]:
    """Downloads in the period: total, per dataset (the most downloaded),
    per month and per answer of the form, in one scan of the log's
    index."""
    where = ("created >= CAST(:start AS date) AND "
             "created < CAST(:end AS date) + 1")
    params: dict[str, Any] = {"start": period.start, "end": period.end}
    if agency:
        where += " AND owner_org = :org"
        params["org"] = agency
    rows = model.Session.execute(sa.text(f"""
        SELECT GROUPING(package_id) AS g_pkg, GROUPING(audience) AS g_aud,
               GROUPING(purpose) AS g_pur, GROUPING(sector) AS g_sec,
               package_id, audience, purpose, sector, count(*) AS n
        FROM {T} WHERE {where}
        GROUP BY GROUPING SETS ((package_id), (audience), (purpose),
                                (sector), ())"""), params).all()
    total = 0
    per: dict[str, dict[str | None, int]] = {
        "package": {}, "audience": {}, "purpose": {}, "sector": {}}
    for r in rows:
        if r.g_pkg and r.g_aud and r.g_pur and r.g_sec:
            total = r.n
        elif not r.g_pkg:
            per["package"][r.package_id] = r.n
        elif not r.g_aud:
            per["audience"][r.audience] = r.n
        elif not r.g_pur:
            per["purpose"][r.purpose] = r.n
        else:
            per["sector"][r.sector] = r.n
    top = sorted(per["package"].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
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
