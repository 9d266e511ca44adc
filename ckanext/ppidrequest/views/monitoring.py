"""Monitoring and public accountability pages: the Walidata's dashboard,
the DIP and the DIK, the PPID's register, the annual report and the
download form. Thin: each page calls its action, builds the tables of
:mod:`..monitoring.tables` (what the page shows and what an export holds)
and renders them, or hands them to :mod:`..monitoring.export`."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, session

import ckan.plugins.toolkit as tk
from ckan.lib.pagination import Page

from ..monitoring import charts, downloads, export, labels as L, tables
from ..requests import clock
from ..requests import workflow as W
from . import errors

_ = tk._

bp = errors.register(Blueprint("ppidrequest_monitoring", __name__))

_REGISTER_PAGE = 50


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name
            if tk.current_user.is_authenticated else ""}


def _args(*names: str) -> dict[str, str]:
    return {k: tk.request.args.get(k, "").strip() for k in names}


def _call(action: str, params: dict[str, Any], fallback: dict[str, Any]):
    """The action's answer, or, when it refuses a parameter, its errors
    and the answer without the parameters in ``fallback``'s place."""
    try:
        return tk.get_action(action)(_context(), params), {}
    except tk.ValidationError as error:
        return tk.get_action(action)(_context(), fallback), error.error_dict


def _export(table_set: dict[str, dict], name: str, kind: str,
            filename: str):
    if kind == "csv":
        table = table_set.get(name) or next(iter(table_set.values()))
        return export.response(export.csv_bytes(
            (table["headers"], table["rows"])), "csv", filename)
    return export.response(export.xlsx_bytes(
        {t["title"]: (t["headers"], t["rows"])
         for t in table_set.values()}), "xlsx", filename)


def _agencies() -> list[tuple[str, str]]:
    """(name, title) of the producing agencies to filter by: the active
    organizations but the PPID's and the Walidata's (read directly:
    organization_list with all_fields counts every organization's
    datasets through the search index)."""
    from ckan import model

    skip = set(tk.config.get("ckanext.ppidrequest.ppid_organizations")) | \
        set(tk.config.get("ckanext.ppidrequest.walidata_organizations"))
    rows = (model.Session.query(model.Group.name, model.Group.title)
            .filter(model.Group.is_organization.is_(True),
                    model.Group.state == "active")
            .order_by(model.Group.title, model.Group.name).all())
    return [(name, title or name) for name, title in rows
            if name not in skip]


# -- the Walidata's dashboard --------------------------------------------------

def _dashboard_charts(result: dict[str, Any], t: dict[str, dict]
                      ) -> dict[str, Any]:
    agencies = [a for a in result["agencies"] if a["received"]
                or a["late_datasets"]][:15]
    names = [a.get("organization_title") or _("(no agency)")
             for a in agencies]
    out: dict[str, Any] = {}
    if agencies:
        out["demand"] = charts.bars(t["demand"]["title"], names, {
            _("Requests received"): [a["received"] for a in agencies],
            _("Late datasets"): [a["late_datasets"] for a in agencies]})
        answered = [a for a in agencies if a["answered"] or a["overdue"]]
        if answered:
            # one unit per chart: the share in percent here, the days
            # and the overdue in the table below it
            out["speed"] = charts.bars(
                t["speed"]["title"] + " (%)", [
                    a.get("organization_title") or _("(no agency)")
                    for a in answered],
                {_("Share on time"): [a["on_time_percent"]
                                      for a in answered]})
    if result["months"]:
        out["months"] = charts.line(t["months"]["title"],
                                    [m["month"] for m in result["months"]], {
            _("Requests received"): [m["requests"] for m in result["months"]],
            _("Not in the catalogue"): [m["unmet"]
                                        for m in result["months"]]})
    if result["datasets"]:
        out["datasets"] = charts.bars(
            t["datasets"]["title"],
            [d["title"] for d in result["datasets"][:10]],
            {_("Requests"): [d["requests"] for d in result["datasets"][:10]]})
    if result["downloads"]["purpose"]:
        out["purpose"] = charts.pie(t["purpose"]["title"], [
            (row[0], row[1]) for row in t["purpose"]["rows"]])
    if result["downloads"]["audience"]:
        out["audience"] = charts.pie(t["audience"]["title"], [
            (row[0], row[1]) for row in t["audience"]["rows"]])
    return out


@bp.route("/walidata/monitoring")
def dashboard():
    """Demand and availability at a glance, for a period and an agency."""
    tk.check_access("ppidrequest_monitoring_show", _context(), {})
    filters = _args("period", "organization")
    params = {k: v for k, v in filters.items() if v}
    result, errors_ = _call("ppidrequest_monitoring_show", params, {})
    t = tables.dashboard(result)
    kind = tk.request.args.get("format")
    if kind in ("csv", "xlsx"):
        return _export(t, tk.request.args.get("table", ""), kind,
                       f"monitoring-{result['period']['value']}")

    def export_url(name: str, kind: str = "csv") -> str:
        return tk.h.url_for("ppidrequest_monitoring.dashboard",
                            table=name, format=kind, **params)

    return tk.render("ppidrequest/monitoring/dashboard.html", {
        "result": result, "tables": t, "filters": filters,
        "errors": errors_, "charts": _dashboard_charts(result, t),
        "agencies": _agencies(), "export_url": export_url,
        "period_default": result["period"]["value"],
    }), 400 if errors_ else 200


# -- the DIP and the DIK ------------------------------------------------------------

def _public_list(kind: str):
    filters = _args("q", "organization", "dataset")
    params = {k: v for k, v in filters.items() if v}
    result, errors_ = _call("ppidrequest_dip_list", dict(params, kind=kind),
                            {"kind": kind})
    table = tables.dip(result)
    fmt = tk.request.args.get("format")
    filename = {"dip": "daftar-informasi-publik",
                "dik": "daftar-informasi-dikecualikan"}[kind]
    if fmt in ("csv", "xlsx"):
        return _export({"list": table}, "list", fmt, filename)
    extra = {"kind": kind, "result": result, "table": table,
             "filters": filters, "errors": errors_,
             "agencies": _agencies(),
             "site_title": tk.config.get("ckan.site_title"),
             "today": clock.today()}
    if fmt == "pdf":
        return export.response(export.pdf_bytes(
            "ppidrequest/monitoring/pdf/list.html", extra), "pdf", filename)
    return tk.render("ppidrequest/monitoring/list.html", extra), \
        400 if errors_ else 200


@bp.route("/informasi-publik")
def dip():
    """The Daftar Informasi Publik (public)."""
    return _public_list("dip")


@bp.route("/informasi-dikecualikan")
def dik():
    """The Daftar Informasi yang Dikecualikan (public)."""
    return _public_list("dik")


# -- the PPID's register ------------------------------------------------------

@bp.route("/ppid/register")
def register():
    tk.check_access("ppidrequest_register_list", _context(), {})
    filters = _args("period", "organization", "state")
    params = {k: v for k, v in filters.items() if v}
    page = max(tk.h.get_page_number(tk.request.args), 1)
    fmt = tk.request.args.get("format")
    if fmt == "xlsx":
        result, _errors = _call("ppidrequest_register_list",
                                dict(params, all=True), {"all": True})
        return _export({"register": tables.register(result)}, "register",
                       "xlsx", f"register-{result['period']['value']}")
    paging = {"limit": _REGISTER_PAGE, "offset": (page - 1) * _REGISTER_PAGE}
    result, errors_ = _call("ppidrequest_register_list",
                            dict(params, **paging), paging)

    def url(page: int) -> str:
        query = dict(params)
        if page > 1:
            query["page"] = page
        return tk.h.url_for("ppidrequest_monitoring.register", **query)

    pager = Page(collection=result["results"], page=page, url=url,
                 item_count=result["count"], items_per_page=_REGISTER_PAGE,
                 presliced_list=True)
    return tk.render("ppidrequest/monitoring/register.html", {
        "result": result, "table": tables.register(result),
        "filters": filters, "errors": errors_, "page": pager,
        "agencies": _agencies(), "states": list(W.STATES),
        "xlsx_url": tk.h.url_for("ppidrequest_monitoring.register",
                                 format="xlsx", **params),
    }), 400 if errors_ else 200


# -- the annual report -----------------------------------------------------------

@bp.route("/laporan-tahunan")
def annual_report():
    """The annual report on information services (public)."""
    filters = _args("year")
    params = {k: v for k, v in filters.items() if v}
    result, errors_ = _call("ppidrequest_annual_report_show", params, {})
    t = tables.annual(result)
    fmt = tk.request.args.get("format")
    filename = f"laporan-layanan-informasi-{result['year']}"
    if fmt in ("csv", "xlsx"):
        return _export(t, tk.request.args.get("table", "summary"), fmt,
                       filename)
    chart = charts.bars(t["time"]["title"],
                        [row[0] for row in t["time"]["rows"]],
                        {_("Requests"): [row[1] for row in t["time"]["rows"]]})
    extra = {"result": result, "tables": t, "filters": filters,
             "errors": errors_, "chart": chart,
             "site_title": tk.config.get("ckan.site_title"),
             "today": clock.today()}
    if fmt == "pdf":
        return export.response(export.pdf_bytes(
            "ppidrequest/monitoring/pdf/annual.html", extra), "pdf",
            filename)
    return tk.render("ppidrequest/monitoring/annual.html", extra), \
        400 if errors_ else 200


# -- the download form (Jember step 3) -----------------------------------------

def _safe_next(target: str | None) -> str:
    """Only a path of this site (no scheme, no host)."""
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not (target or "").startswith("/"):
        return tk.h.url_for("home.index")
    return target


@bp.route("/unduh/formulir", methods=["GET", "POST"])
def download_form():
    next_url = _safe_next(tk.request.values.get("next"))
    if downloads.mode() == "off":
        return tk.redirect_to(next_url)
    values: dict[str, str] = {}
    errors_: dict[str, list[str]] = {}
    if tk.request.method == "POST":
        form = tk.request.form
        if form.get("skip") and downloads.mode() == "optional":
            session[downloads.SESSION_KEY] = {"via": "skipped",
                                              "answers": {}}
            return tk.redirect_to(next_url)
        values = {k: form.get(k, "") for k in downloads.FIELDS}
        answers = downloads.clean_answers(values)
        if downloads.mode() == "required":
            for name in ("audience", "purpose"):
                if name not in answers:
                    errors_[name] = [_("Choose one")]
        if not errors_:
            session[downloads.SESSION_KEY] = {"via": "form",
                                              "answers": answers}
            return tk.redirect_to(next_url)
    return tk.render("ppidrequest/monitoring/download_form.html", {
        "next": next_url, "values": values, "errors": errors_,
        "mode": downloads.mode(),
        "choices": {name: [(k, L.label(table, k), "") for k in table]
                    for name, table in downloads.FIELDS.items()},
        "sectors": [(k, L.label(L.SECTORS, k)) for k in L.SECTORS],
    }), 400 if errors_ else 200


def get_blueprints():
    return [bp]
