"""The Daftar Informasi Publik (DIP) and the Daftar Informasi yang
Dikecualikan (DIK), generated from the catalogue and its classification
(``ppidrequest_dip_list``).

Only public, active datasets, by their *decided* classification: the DIP
lists the terbuka ones, the DIK the terbatas and rahasia ones with their
Pasal 17 ground, consequence test and exemption period (not the rahasia
ones when ``hide_rahasia_metadata`` hides them). A dataset no PPID has
classified is on neither list. An entry carries metadata only: never a
resource URL, a file or a row.
"""
from __future__ import annotations

import re
from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ..classification import classes as C

KINDS = ("dip", "dik")
SUMMARY_CHARS = 280


def _plain(markdown: str | None) -> str:
    text = re.sub(r"[#*_`>\[\]]|\(http[^)]*\)", "", markdown or "")
    text = " ".join(text.split())
    if len(text) > SUMMARY_CHARS:
        text = text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return text


def classes_of(kind: str) -> tuple[str, ...]:
    if kind == "dip":
        return (C.TERBUKA,)
    if tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata"):
        return (C.TERBATAS,)
    return (C.TERBATAS, C.RAHASIA)


def entries(kind: str, q: str | None = None, organization: str | None = None,
            dataset: str | None = None) -> list[dict[str, Any]]:
    P = model.Package
    query = (model.Session.query(P, model.Group.title, model.Group.name)
             .outerjoin(model.Group, model.Group.id == P.owner_org)
             .filter(P.state == "active", P.private.is_(False),
                     P.type == "dataset",
                     P.extras["classification"].astext.in_(classes_of(kind))))
    if organization:
        query = query.filter(P.owner_org == organization)
    if dataset:
        query = query.filter(P.id == dataset)
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%") \
            .replace("_", "\\_") + "%"
        query = query.filter(sa.or_(P.title.ilike(like), P.notes.ilike(like),
                                    P.name.ilike(like)))
    rows = query.order_by(model.Group.title, P.title, P.name).all()
    formats = _formats([pkg.id for pkg, _t, _n in rows])
    out = []
    for number, (pkg, org_title, org_name) in enumerate(rows, 1):
        extras = pkg.extras or {}
        entry = {
            "number": number,
            "id": pkg.id, "name": pkg.name, "title": pkg.title or pkg.name,
            "summary": _plain(pkg.notes),
            "organization": org_name, "organization_title":
                org_title or org_name or "",
            "responsible": pkg.maintainer or pkg.author
                or extras.get("producer_contact") or "",
            "produced": pkg.metadata_created.date().isoformat(),
            "temporal": "–".join(v for v in (extras.get("temporal_start"),
                                              extras.get("temporal_end"))
                                  if v),
            "spatial": extras.get("spatial_coverage") or "",
            "formats": formats.get(pkg.id, []),
            "classification": extras.get("classification"),
        }
        if kind == "dik":
            entry.update({
                "ground": extras.get("classification_ground") or "",
                "consequence": extras.get("classification_consequence")
                or "",
                "exempt_until": extras.get("classification_exempt_until")
                or "",
                "exempt_reason": extras.get("classification_exempt_reason")
                or "",
                "decision_ref": extras.get("classification_decision_ref")
                or "",
            })
        out.append(entry)
    return out


def _formats(ids: list[str]) -> dict[str, list[str]]:
    """The formats of each dataset's resources (a word, never a URL)."""
    if not ids:
        return {}
    rows = (model.Session.query(model.Resource.package_id,
                                model.Resource.format)
            .filter(model.Resource.package_id.in_(ids),
                    model.Resource.state == "active").distinct().all())
    out: dict[str, list[str]] = {}
    for pkg_id, fmt in rows:
        if fmt:
            out.setdefault(pkg_id, []).append(fmt.upper())
    return {k: sorted(set(v)) for k, v in out.items()}


def kind_of(pkg_extras: dict[str, Any]) -> str | None:
    """Which list a dataset stands on (``dip``, ``dik`` or None)."""
    cls = (pkg_extras or {}).get("classification")
    for kind in KINDS:
        if cls in classes_of(kind):
            return kind
    return None
