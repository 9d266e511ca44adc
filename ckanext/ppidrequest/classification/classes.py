"""Dataset classification: terbuka, terbatas, rahasia, and their legal basis.

UU 14/2008: information is open unless exempted on a ground of Pasal 17,
backed by a consequence test (uji konsekuensi) decided by the PPID. The
catalogue marks every dataset:

- ``terbuka``: metadata and data public;
- ``terbatas``: metadata public, data only through a request;
- ``rahasia``: exempted; the data is never released through the portal.

The Walidata and the producing agency propose; only the PPID (or a
sysadmin) decides. While a proposal waits, the dataset is handled as the
stricter of its decided class and the proposal, and a dataset no PPID has
decided yet is handled as ``terbatas``: nothing is released before the PPID
says so.
"""
from __future__ import annotations

import datetime as dt

from typing import Any, Mapping

TERBUKA = "terbuka"
TERBATAS = "terbatas"
RAHASIA = "rahasia"
CLASSES = (TERBUKA, TERBATAS, RAHASIA)
_RANK = {TERBUKA: 0, TERBATAS: 1, RAHASIA: 2}


def NC_(context: str, msgid: str) -> tuple[str, str]:
    """Mark a msgid and its context for extraction (``NC_:1c,2`` in
    babel.cfg); the tables below are translated where they are shown."""
    return (context, msgid)


# Pasal 17 UU 14/2008, huruf a-j: English msgids, Indonesian in the catalogue
GROUNDS: dict[str, tuple[str, str]] = {
    "a": NC_("exemption ground", "Obstructing law enforcement"),
    "b": NC_("exemption ground",
             "Harming intellectual property or fair competition"),
    "c": NC_("exemption ground", "Endangering national defence and security"),
    "d": NC_("exemption ground", "Revealing Indonesia's natural resources"),
    "e": NC_("exemption ground", "Harming national economic resilience"),
    "f": NC_("exemption ground", "Harming foreign relations"),
    "g": NC_("exemption ground",
             "Revealing private authentic deeds, last wishes or wills"),
    "h": NC_("exemption ground", "Revealing private secrets"),
    "i": NC_("exemption ground",
             "Internal memoranda or letters confidential by nature"),
    "j": NC_("exemption ground", "Information closed by another statute"),
}

LABELS: dict[str, tuple[str, str]] = {
    TERBUKA: NC_("classification", "Open"),
    TERBATAS: NC_("classification", "Restricted"),
    RAHASIA: NC_("classification", "Secret"),
}

# dataset fields that carry the decided classification and its basis
BASIS_FIELDS = (
    "classification_ground",
    "classification_consequence",
    "classification_exempt_until",
    "classification_exempt_reason",
    "classification_decision_ref",
)
PROPOSAL_FIELD = "classification_proposal"


def stricter(a: str | None, b: str | None) -> str | None:
    if a not in _RANK:
        return b if b in _RANK else None
    if b not in _RANK:
        return a
    return a if _RANK[a] >= _RANK[b] else b


def proposal_of(pkg: Mapping[str, Any]) -> dict[str, Any] | None:
    """The pending proposal stored on a dataset dict, if any."""
    import json

    raw = pkg.get(PROPOSAL_FIELD)
    if not raw:
        return None
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def handled_as(pkg: Mapping[str, Any]) -> str:
    """The class that governs access to a dataset's data right now."""
    decided = pkg.get("classification")
    if decided not in _RANK:
        decided = TERBATAS  # nobody has decided: release nothing
    proposal = proposal_of(pkg)
    if proposal:
        return stricter(decided, proposal.get("classification")) or decided
    return decided


def is_open(pkg: Mapping[str, Any]) -> bool:
    return handled_as(pkg) == TERBUKA


def label(value: str | None, lang: str | None = None) -> str:
    """The class's label in ``lang`` (default: the current language)."""
    from ..translation import table_label

    return table_label(LABELS, value, lang)


def ground_label(letter: str | None, lang: str | None = None) -> str:
    """The Pasal 17 ground's label in ``lang`` (default: the current
    language)."""
    from ..translation import table_label

    return table_label(GROUNDS, letter, lang)


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(value)
