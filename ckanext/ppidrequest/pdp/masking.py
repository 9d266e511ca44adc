"""A cleaned copy of a file, column by column: keep, drop, a stable token
(the same value gets the same token within one delivery; the key is random
and never stored, so nothing is reversible), or generalise (a birth date to
its year, an address to its kecamatan). A NIK or KK is never partly masked:
a column that holds one may only be dropped or tokenised.

In a column whose name does not say personal data (``keterangan``), a token
replaces each identifier found in the text, not the whole text.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import io
import re
import secrets
from typing import IO, Any

from ..requests.labels import NC_
from ..translation import table_label
from . import identifiers as I
from . import scan

KEEP = "keep"
DROP = "drop"
TOKEN = "token"
YEAR = "year"
KECAMATAN = "kecamatan"

ACTIONS = {
    KEEP: NC_("masking", "keep as it is"),
    DROP: NC_("masking", "column removed"),
    TOKEN: NC_("masking", "replaced by a token"),
    YEAR: NC_("masking", "birth date reduced to the year"),
    KECAMATAN: NC_("masking", "address reduced to the kecamatan"),
}
#: what a column holding a NIK or KK may get
IDENTITY_ACTIONS = (DROP, TOKEN)


def action_label(action: str, lang: str | None = None) -> str:
    return table_label(ACTIONS, action, lang, default=action)


def refusals(report: dict[str, Any], masking: dict[str, str]) -> dict[str, str]:
    """Column: why its masking is not allowed (a personal column kept, a
    NIK column generalised, an unknown column)."""
    columns = {c["name"]: c for c in report.get("columns") or []}
    out: dict[str, str] = {}
    for name, action in masking.items():
        if name not in columns:
            out[name] = "unknown"
    for name, column in columns.items():
        action = masking.get(name, KEEP)
        identity = column.get("header_kind") in (I.NIK, I.KK) or \
            set(column.get("found") or {}) & {I.NIK, I.KK}
        if column.get("personal") and action == KEEP:
            out[name] = "kept"
        elif identity and action not in IDENTITY_ACTIONS:
            out[name] = "identity"
    return out


class _Tokens:
    def __init__(self):
        self.key = secrets.token_bytes(32)

    def __call__(self, value: str) -> str:
        normal = re.sub(r"\s+", " ", value.strip().lower())
        digest = hmac.new(self.key, normal.encode(), hashlib.sha256).digest()
        return "ID-" + base64.b32encode(digest[:7]).decode().rstrip("=")


_YEAR = re.compile(r"(19|20)\d\d")
_KECAMATAN = re.compile(r"\bkec(?:amatan|\.)?\s*\.?\s*([^,;/\n]+)",
                        re.IGNORECASE)


def to_year(value: str) -> str:
    found = _YEAR.search(value or "")
    if found:
        return found.group()
    two = re.search(r"\b\d{1,2}[-/.]\d{1,2}[-/.](\d{2})\b", value or "")
    return ("19" if two and int(two.group(1)) > 30 else "20") + \
        two.group(1) if two else ""


def to_kecamatan(value: str) -> str:
    found = _KECAMATAN.search(value or "")
    if not found:
        return ""
    name = re.split(r"\b(?:kab(?:upaten)?|kota)\b", found.group(1),
                    flags=re.IGNORECASE)[0].strip(" .")
    return f"Kecamatan {name}" if name else ""


class Masker:
    """Masks rows of one file (one token key per delivery)."""

    def __init__(self, names: list[str], masking: dict[str, str],
                 header_kinds: dict[str, str | None]):
        self.tokens = _Tokens()
        self.plan = [(masking.get(name, KEEP), header_kinds.get(name))
                     for name in names]
        self.keep = [i for i, (action, _k) in enumerate(self.plan)
                     if action != DROP]

    def header(self, names: list[Any]) -> list[Any]:
        return [names[i] for i in self.keep if i < len(names)]

    def _cell(self, value: Any, action: str, kind: str | None) -> Any:
        if action == KEEP or value is None or value == "":
            return value
        text = scan._cell(value)
        if action == YEAR:
            return to_year(text)
        if action == KECAMATAN:
            return to_kecamatan(text)
        if action == TOKEN:
            if kind:
                return self.tokens(text)
            return self._tokens_in(text)
        return value

    def _tokens_in(self, text: str) -> str:
        """``text`` with each identifier in it replaced by its token."""
        out, last = [], 0
        for start, end, found in sorted(I.find(text)):
            if found == I.CODE or start < last:
                continue
            out += [text[last:start], self.tokens(text[start:end])]
            last = end
        return "".join(out) + text[last:]

    def row(self, cells: list[Any]) -> list[Any]:
        out = []
        for i in self.keep:
            value = cells[i] if i < len(cells) else ""
            action, kind = self.plan[i]
            out.append(self._cell(value, action, kind))
        return out


def _kinds(report: dict[str, Any]) -> dict[str, str | None]:
    return {c["name"]: c.get("header_kind")
            for c in report.get("columns") or []}


def mask_csv(source: IO[bytes], target: IO[bytes], report: dict[str, Any],
             masking: dict[str, str]) -> int:
    """Write the masked copy of a CSV file; returns the rows written."""
    delimiter, rows = scan.csv_rows(source)
    out = io.TextIOWrapper(target, encoding="utf-8", newline="",
                           write_through=True)
    writer = csv.writer(out, delimiter=delimiter)
    count = 0
    try:
        headers = next(rows)
    except StopIteration:
        out.detach()
        return 0
    masker = Masker(scan.unique_names(headers), masking, _kinds(report))
    writer.writerow(masker.header(headers))
    for cells in rows:
        writer.writerow(masker.row(cells))
        count += 1
    out.flush()
    out.detach()
    return count


def mask_xlsx(source_path: str, target: IO[bytes], report: dict[str, Any],
              masking: dict[str, str]) -> int:
    import openpyxl

    book = openpyxl.load_workbook(source_path, read_only=True,
                                  data_only=True)
    new = openpyxl.Workbook(write_only=True)
    kinds = _kinds(report)
    count = 0
    try:
        for sheet in book.worksheets:
            values = sheet.iter_rows(values_only=True)
            out = new.create_sheet(sheet.title)
            try:
                headers = list(next(values))
            except StopIteration:
                continue
            names = [f"{sheet.title}!{n}" for n in scan.unique_names(headers)]
            masker = Masker(names, masking, kinds)
            out.append(masker.header(headers))
            for row in values:
                out.append(masker.row(list(row)))
                count += 1
        new.save(target)
    finally:
        book.close()
    return count
