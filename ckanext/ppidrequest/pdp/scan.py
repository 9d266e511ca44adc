"""A streaming scan of a file for personal data, per column.

CSV (any of ``,`` ``;`` tab ``|``, UTF-8 or Latin-1) is read row by row;
XLSX through openpyxl's read-only mode, sheet by sheet. Memory does not grow
with the file: only counts and a few masked examples per column are kept.
Each row is scanned with one regular expression over its joined cells
(:data:`.identifiers.CANDIDATES`), then each candidate is checked (a NIK's
province and date, a phone's length). Other formats are not read: their
report says so, and the PPID must justify giving them (or mask them by hand
and give the cleaned file instead).
"""
from __future__ import annotations

import codecs
import csv
import io
import os
from collections import Counter
from typing import IO, Any, Iterable

from . import identifiers as I

CSV = "csv"
XLSX = "xlsx"
#: examples kept per column and kind
EXAMPLES = 3
_SEP = "\x1f"
_DELIMITERS = ",;\t|"


def format_of(filename: str | None, mimetype: str | None = None) -> str | None:
    """``csv``, ``xlsx`` or None (a format the scan does not read)."""
    ext = os.path.splitext((filename or "").lower())[1]
    if ext in (".csv", ".tsv", ".txt") or mimetype == "text/csv":
        return CSV
    if ext == ".xlsx" or mimetype == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml."
            "sheet"):
        return XLSX
    return None


class _Column:
    __slots__ = ("name", "header_kind", "found", "values", "examples")

    def __init__(self, name: str):
        self.name = name
        self.header_kind = I.column_kind(name)
        self.found: Counter = Counter()
        self.values = 0
        self.examples: dict[str, list[str]] = {}

    def example(self, kind: str, value: str) -> None:
        kept = self.examples.setdefault(kind, [])
        if len(kept) < EXAMPLES:
            shown = I.mask_example(kind, value)
            if shown not in kept:
                kept.append(shown)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "header_kind": self.header_kind,
                "values": self.values, "found": dict(self.found),
                "examples": self.examples,
                "personal": bool(self.found) or bool(
                    self.header_kind and self.values)}


def unique_names(headers: Iterable[Any]) -> list[str]:
    """Column names as the report and the masking know them (a blank or
    repeated header gets its position)."""
    names: list[str] = []
    for index, header in enumerate(headers, start=1):
        name = str(header).strip() if header is not None else ""
        name = name or f"#{index}"
        if name in names:
            name = f"{name} #{index}"
        names.append(name)
    return names


class _Scanner:
    def __init__(self, headers: list[Any], prefix: str = ""):
        self.columns = [_Column(prefix + name)
                        for name in unique_names(headers)]
        self.named = [(i, c) for i, c in enumerate(self.columns)
                      if c.header_kind]
        self.rows = 0

    def _column(self, index: int) -> _Column:
        while index >= len(self.columns):
            self.columns.append(_Column(f"#{len(self.columns) + 1}"))
        return self.columns[index]

    def row(self, cells: list[str]) -> None:
        self.rows += 1
        for index, column in self.named:
            if index < len(cells) and cells[index].strip():
                column.values += 1
                if len(column.examples.get(column.header_kind, ())) < \
                        EXAMPLES:
                    column.example(column.header_kind, cells[index])
        joined = _SEP.join(cells)
        for match in I.CANDIDATES.finditer(joined):
            column = self._column(joined.count(_SEP, 0, match.start()))
            kind = classify(match, column.header_kind)
            if kind is not None:
                column.found[kind] += 1
                column.example(kind, match.group())

    def report(self, fmt: str, **extra: Any) -> dict[str, Any]:
        columns = [c.as_dict() for c in self.columns]
        return dict(format=fmt, scanned=True, rows=self.rows,
                    columns=columns,
                    personal=[c["name"] for c in columns if c["personal"]],
                    **extra)


def classify(match, header_kind: str | None) -> str | None:
    """The kind of a candidate the pattern found, or None when it is not
    plausible (a 16-digit code that cannot be a NIK)."""
    if match.lastgroup == "digits":
        value = match.group()
        if header_kind == I.KK and I.kk_plausible(value):
            return I.KK
        return I.NIK if I.nik_parts(value) else None
    if match.lastgroup == "email":
        return I.EMAIL
    if match.lastgroup == "phone":
        return I.PHONE if I.phone_plausible(match.group()) else None
    return None


def _text(stream: IO[bytes]) -> IO[str]:
    head = stream.read(4096)
    stream.seek(0)
    encoding = "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head[:4000])
    except UnicodeDecodeError:
        encoding = "latin-1"
    return io.TextIOWrapper(stream, encoding=encoding, errors="replace",
                            newline="")


def sniff_delimiter(first_line: str) -> str:
    return max(_DELIMITERS, key=first_line.count) \
        if any(d in first_line for d in _DELIMITERS) else ","


def csv_rows(stream: IO[bytes]) -> tuple[str, Iterable[list[str]]]:
    """The delimiter and the rows of a CSV file, read as a stream."""
    text = _text(stream)
    first = text.readline()
    delimiter = sniff_delimiter(first)
    text.seek(0)
    return delimiter, csv.reader(text, delimiter=delimiter)


def scan_csv(stream: IO[bytes]) -> dict[str, Any]:
    delimiter, rows = csv_rows(stream)
    try:
        headers = next(rows)
    except StopIteration:
        return {"format": CSV, "scanned": True, "rows": 0, "columns": [],
                "personal": []}
    scanner = _Scanner(headers)
    for cells in rows:
        scanner.row(cells)
    return scanner.report(CSV, delimiter=delimiter)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def scan_xlsx(path: str) -> dict[str, Any]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        columns: list[dict] = []
        rows = 0
        for sheet in book.worksheets:
            values = sheet.iter_rows(values_only=True)
            try:
                headers = next(values)
            except StopIteration:
                continue
            scanner = _Scanner(list(headers), prefix=f"{sheet.title}!")
            for row in values:
                scanner.row([_cell(v) for v in row])
            part = scanner.report(XLSX)
            columns += part["columns"]
            rows += part["rows"]
    finally:
        book.close()
    return {"format": XLSX, "scanned": True, "rows": rows,
            "columns": columns,
            "personal": [c["name"] for c in columns if c["personal"]]}


def scan_path(path: str, filename: str | None,
              mimetype: str | None = None) -> dict[str, Any]:
    """The report of a file on disk (:func:`format_of` decides how)."""
    fmt = format_of(filename, mimetype)
    if fmt == CSV:
        with open(path, "rb") as stream:
            return scan_csv(stream)
    if fmt == XLSX:
        try:
            return scan_xlsx(path)
        except Exception as error:  # noqa: BLE001 - a broken file is reported
            return {"format": XLSX, "scanned": False, "rows": 0,
                    "columns": [], "personal": [],
                    "error": type(error).__name__}
    ext = os.path.splitext(filename or "")[1].lstrip(".").lower()
    return {"format": ext or None, "scanned": False, "rows": 0,
            "columns": [], "personal": []}
