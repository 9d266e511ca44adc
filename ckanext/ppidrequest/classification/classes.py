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

# Pasal 17 UU 14/2008, huruf a-j
GROUNDS: dict[str, dict[str, str]] = {
    "a": {"id": "Menghambat proses penegakan hukum",
          "en": "Obstructing law enforcement"},
    "b": {"id": "Mengganggu kepentingan perlindungan hak atas kekayaan "
                "intelektual dan perlindungan dari persaingan usaha tidak sehat",
          "en": "Harming intellectual property or fair competition"},
    "c": {"id": "Membahayakan pertahanan dan keamanan negara",
          "en": "Endangering national defence and security"},
    "d": {"id": "Mengungkapkan kekayaan alam Indonesia",
          "en": "Revealing Indonesia's natural resources"},
    "e": {"id": "Merugikan ketahanan ekonomi nasional",
          "en": "Harming national economic resilience"},
    "f": {"id": "Merugikan kepentingan hubungan luar negeri",
          "en": "Harming foreign relations"},
    "g": {"id": "Mengungkapkan isi akta otentik yang bersifat pribadi dan "
                "kemauan terakhir ataupun wasiat seseorang",
          "en": "Revealing private authentic deeds, last wishes or wills"},
    "h": {"id": "Mengungkap rahasia pribadi",
          "en": "Revealing private secrets"},
    "i": {"id": "Memorandum atau surat-surat antar Badan Publik atau intra "
                "Badan Publik yang menurut sifatnya dirahasiakan",
          "en": "Internal memoranda or letters confidential by nature"},
    "j": {"id": "Informasi yang tidak boleh diungkapkan berdasarkan "
                "Undang-Undang",
          "en": "Information closed by another statute"},
}

LABELS: dict[str, dict[str, str]] = {
    TERBUKA: {"id": "Terbuka", "en": "Open"},
    TERBATAS: {"id": "Terbatas", "en": "Restricted"},
    RAHASIA: {"id": "Rahasia", "en": "Secret"},
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


def label(value: str | None, lang: str = "id") -> str:
    if value not in LABELS:
        return ""
    return LABELS[value].get(lang) or LABELS[value]["en"]


def ground_label(letter: str | None, lang: str = "id") -> str:
    if letter not in GROUNDS:
        return ""
    return GROUNDS[letter].get(lang) or GROUNDS[letter]["en"]


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
