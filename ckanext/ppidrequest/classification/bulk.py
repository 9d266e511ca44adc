"""Classify the datasets of an existing portal in bulk.

A regency installing the extension already has datasets without a
classification. ``ckan ppidrequest classify`` lists them (a dry run unless
``--apply``), gives each the default the operator chose, records a 'bulk'
step in each dataset's history and reports what it did.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import ckan.model as model
import ckan.plugins.toolkit as tk

from . import classes as C


@dataclass
class Row:
    name: str
    organization: str
    before: str
    after: str
    result: str


def unclassified(orgs: Iterable[str] = ()) -> list[model.Package]:
    query = (model.Session.query(model.Package)
             .filter(model.Package.state == "active",
                     model.Package.type == "dataset")
             .order_by(model.Package.name))
    org_ids = [model.Group.get(o).id for o in orgs if model.Group.get(o)]
    if orgs:
        query = query.filter(model.Package.owner_org.in_(org_ids or [""]))
    return [pkg for pkg in query
            if (pkg.extras.get("classification") or "") not in C.CLASSES]


def classify(default: str, basis: dict[str, str], apply: bool,
             orgs: Iterable[str] = (),
             note: str | None = None) -> list[Row]:
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    rows: list[Row] = []
    for pkg in unclassified(orgs):
        org = model.Group.get(pkg.owner_org) if pkg.owner_org else None
        row = Row(pkg.name, org.name if org else "",
                  pkg.extras.get("classification") or "", default,
                  "would be classified")
        if apply:
            context: dict[str, Any] = {
                "user": site_user["name"], "ignore_auth": True,
                "ppidrequest_event_kind": "bulk",
                "ppidrequest_note": note or "ckan ppidrequest classify",
            }
            try:
                tk.get_action("package_patch")(
                    context, {"id": pkg.id, "classification": default,
                              **basis})
                row.result = "classified"
            except tk.ValidationError as e:
                row.result = "error: " + "; ".join(
                    f"{k}: {' '.join(v) if isinstance(v, list) else v}"
                    for k, v in (e.error_dict or {}).items())
        rows.append(row)
    return rows


def write_report(rows: list[Row], path: str) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["dataset", "organization", "before", "after",
                         "result"])
        for row in rows:
            writer.writerow([row.name, row.organization, row.before,
                             row.after, row.result])


def print_report(rows: list[Row], apply: bool,
                 echo: Callable[[str], Any]) -> None:
    if not rows:
        echo("Every active dataset already has a classification.")
        return
    width = max(len(r.name) for r in rows)
    for row in rows:
        echo(f"  {row.name:<{width}}  {row.organization:<24}  "
             f"{row.before or '-':<9} -> {row.after:<9}  {row.result}")
    done = sum(r.result == "classified" for r in rows)
    failed = sum(r.result.startswith("error") for r in rows)
    if apply:
        echo(f"{done} classified, {failed} failed, of {len(rows)} "
             "datasets without a classification.")
    else:
        echo(f"Dry run: {len(rows)} datasets without a classification "
             "would be classified. Add --apply to do it.")
