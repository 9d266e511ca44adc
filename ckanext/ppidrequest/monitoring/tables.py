"""The reports' tables in the reader's language: what a page shows under
each chart and what its CSV, XLSX and PDF exports hold, from the actions'
answers. A table is ``{"title", "headers", "rows"}``."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ..classification import classes as C
from ..requests import labels as RL
from ..translation import format_date, translate
from . import labels as L

_ = tk._


def _t(title: str, headers: list[str], rows: list[list[Any]]) -> dict:
    return {"title": title, "headers": headers, "rows": rows}


def _org(row: dict) -> str:
    return row.get("organization_title") or _("(no agency)")


def _pct(value) -> Any:
    return "" if value is None else f"{value}%"


def dashboard(result: dict[str, Any]) -> dict[str, dict]:
    agencies = result["agencies"]
    states = list(result["step_targets"])
    out = {
        "demand": _t(_("Requests per agency"), [
            _("Agency"), _("Requests received"), _("Answered"),
            _("Late datasets")],
            [[_org(a), a["received"], a["answered"], a["late_datasets"]]
             for a in agencies]),
        "speed": _t(_("Time to answer per agency"), [
            _("Agency"), _("Answered"), _("Answered on time"),
            _("Share on time"), _("Median working days to answer"),
            _("Open now"), _("Overdue now")],
            [[_org(a), a["answered"], a["on_time"],
              _pct(a["on_time_percent"]), a["median_days"], a["open"],
              a["overdue"]] for a in agencies]),
        "steps": _t(_("Open requests past the service standard's step "
                      "target"),
            [_("Agency")] + [
                _("{state} ({days} working days)").format(
                    state=RL.label(RL.STATES, s),
                    days=result["step_targets"][s]) for s in states],
            [[_org(a)] + [a["step_late_by_state"].get(s, 0) for s in states]
             for a in agencies if a["open"]]),
        "datasets": _t(_("Most requested datasets"), [
            _("Dataset"), _("Agency"), _("Classification"), _("Requests")],
            [[d["title"], _org(d), C.label(d["classification"]),
              d["requests"]] for d in result["datasets"]]),
        "months": _t(_("Requests per month"), [
            _("Month"), _("Requests received"),
            _("Not in the catalogue")],
            [[m["month"], m["requests"], m["unmet"]]
             for m in result["months"]]),
        "unmet": _t(_("Asked for and not in the catalogue"), [
            _("Topic"), _("Registration number"), _("Received"),
            _("Request"), translate("State", context="request"),
            _("Agency")],
            [[g["label"] or _("(other)"), i["registration_number"],
              i["received_at"], i["text"], RL.label(RL.STATES, i["state"]),
              _org(i) if i.get("organization_title") else ""]
             for g in result["unmet"]["groups"] for i in g["items"]]),
        "late": _t(_("Datasets late for update"), [
            _("Dataset"), _("Agency"), _("Update frequency"),
            _("Last updated"), _("Update due"), _("Days late")],
            [[d["title"], _org(d), L.label(L.FREQUENCIES, d["frequency"]),
              d["updated"], d["due"], d["days_late"]]
             for d in result["late_datasets"]]),
        "downloads": _t(_("Most downloaded datasets"), [
            _("Dataset"), _("Agency"), _("Downloads")],
            [[d["title"], _org(d), d["downloads"]]
             for d in result["downloads"]["datasets"]]),
    }
    for name, title, table in (
            ("audience", _("Who downloads"), L.AUDIENCES),
            ("purpose", _("Declared purposes of downloads"), L.PURPOSES),
            ("sector", _("Sectors of downloads"), L.SECTORS)):
        out[name] = _t(title, [_("Answer"), _("Downloads")], [
            [L.label(table, r["value"]) if r["value"]
             else _("(not answered)"), r["downloads"]]
            for r in result["downloads"][name]])
    return out


def retention() -> str:
    return tk.config.get("ckanext.ppidrequest.dip_retention") or \
        _("As long as it is published in the portal")


def dip(result: dict[str, Any]) -> dict:
    if result["kind"] == "dip":
        keep = retention()
        return _t(_("Public Information List"), [
            _("No."), _("Summary of the information"),
            _("Agency holding it"), _("Person responsible"),
            _("When and where it was made"), _("Form"),
            _("Retention period")],
            [[e["number"],
              e["title"] + (": " + e["summary"] if e["summary"] else ""),
              e["organization_title"], e["responsible"],
              _made(e), _form(e), keep] for e in result["results"]])
    return _t(_("List of Exempted Information"), [
        _("No."), _("Summary of the information"), _("Agency holding it"),
        _("Classification"), _("Exemption ground (Article 17)"),
        _("Consequence test"), _("Exemption period"),
        _("PPID decision")],
        [[e["number"],
          e["title"] + (": " + e["summary"] if e["summary"] else ""),
          e["organization_title"], C.label(e["classification"]),
          (_("Article 17 letter {letter}: {ground}").format(
              letter=e["ground"], ground=C.ground_label(e["ground"]))
           if e["ground"] else ""),
          e["consequence"], exemption_period(e), e["decision_ref"]]
         for e in result["results"]])


def _made(e: dict) -> str:
    parts = [format_date(C.parse_date(e["produced"]))]
    if e["temporal"]:
        parts.append(_("covering {years}").format(years=e["temporal"]))
    if e["spatial"]:
        parts.append(RL.label(_SPATIAL, e["spatial"]))
    return "; ".join(p for p in parts if p)


_SPATIAL = {
    "kabupaten": RL.NC_("spatial coverage", "Regency"),
    "kecamatan": RL.NC_("spatial coverage", "District (kecamatan)"),
    "desa": RL.NC_("spatial coverage", "Village (desa/kelurahan)"),
    "titik": RL.NC_("spatial coverage", "Point locations"),
}


def _form(e: dict) -> str:
    if e["formats"]:
        return _("Electronic ({formats})").format(
            formats=", ".join(e["formats"]))
    return _("Electronic")


def exemption_period(e: dict) -> str:
    if e.get("exempt_until"):
        try:
            day = format_date(C.parse_date(e["exempt_until"]))
        except ValueError:
            day = e["exempt_until"]
        return _("Until {date}").format(date=day)
    if e.get("exempt_reason"):
        return _("Indefinite: {reason}").format(reason=e["exempt_reason"])
    return ""


def outcome(row: dict) -> str:
    state = RL.label(RL.STATES, row["state"])
    if row["state"] == "fulfilled" and row.get("partial"):
        return _("Fulfilled in part")
    if row["state"] == "rejected" and row.get("rejection_ground"):
        return _("{state}: Article 17 letter {letter}").format(
            state=state, letter=row["rejection_ground"])
    return state


def register(result: dict[str, Any]) -> dict:
    yes, no = _("yes"), _("no")
    return _t(_("Register of requests"), [
        _("Registration number"), _("Received"), _("Channel"),
        _("Applicant"), _("Request"), _("Dataset"), _("Agency"),
        _("Steps"), _("Outcome"), _("Due date"), _("Extended"),
        _("Closed"), _("Working days to answer"), _("On time")],
        [[r["registration_number"], r["received_at"],
          RL.label(RL.CHOICES["channel"], r["channel"]),
          r["applicant_name"], r["information_requested"],
          r["dataset"] or "", r["organization_title"] or "",
          "; ".join(f"{s['date']} {RL.label(RL.ACTIONS, s['action'])}"
                    for s in r["steps"]),
          outcome(r), r["due_date"] or "", yes if r["extended"] else no,
          r["closed"] or "", r["working_days"],
          "" if r["on_time"] is None else (yes if r["on_time"] else no)]
         for r in result["results"]])


def annual(result: dict[str, Any]) -> dict[str, dict]:
    figures = [
        ("received", _("Requests received")),
        ("answered", _("Answered")),
        ("granted", _("Granted in whole")),
        ("granted_partly", _("Granted in part")),
        ("rejected", _("Rejected")),
        ("not_held", _("Information not held")),
        ("withdrawn", _("Withdrawn")),
        ("lapsed", _("Lapsed (not completed)")),
        ("open", _("Still open")),
        ("extended", _("Extended")),
        ("on_time", _("Answered within the time limit")),
    ]
    days = result["answer_days"]
    summary = [[label, result[key]] for key, label in figures]
    summary += [
        [_("Share answered on time"), _pct(result["on_time_percent"])],
        [_("Median working days to answer"), days["median"]],
        [_("Mean working days to answer"), days["mean"]],
        [_("Longest answer, working days"), days["max"]],
        [_("Objections"), _("not recorded by the portal")
         if result["objections"] is None else result["objections"]],
    ]
    columns = [label for _key, label in figures]

    def by(rows, first):
        return [[first(r)] + [r[key] for key, _l in figures] for r in rows]

    return {
        "summary": _t(_("Summary"), [_("Figure"), _("Requests")], summary),
        "grounds": _t(_("Rejections by exemption ground"), [
            _("Exemption ground (Article 17)"), _("Requests")],
            [[_("Letter {letter}: {ground}").format(
                letter=g["ground"], ground=C.ground_label(g["ground"]))
              if g["ground"] else _("(no ground recorded)"), g["n"]]
             for g in result["rejected_by_ground"]]),
        "time": _t(_("Working days to answer"), [
            _("Working days"), _("Requests")],
            [[L.label(L.ANSWER_BUCKETS, b["bucket"]), b["requests"]]
             for b in days["distribution"]]),
        "channels": _t(_("By channel"), [_("Channel")] + columns,
                       by(result["by_channel"], lambda r: RL.label(
                           RL.CHOICES["channel"], r["channel"]))),
        "agencies": _t(_("By agency"), [_("Agency")] + columns,
                       by(result["by_agency"], _org)),
    }
