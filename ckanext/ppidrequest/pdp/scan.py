"""A streaming scan of a file for personal data, per column.

CSV (any of ``,`` ``;`` tab ``|``, UTF-8 or Latin-1) is read row by row;
XLSX through openpyxl's read-only mode, sheet by sheet. Memory does not grow
with the file: only counts and a few masked examples per column are kept.
Rows are read in batches, column by column: the patterns of
:mod:`.identifiers` (a NIK's province, regency, district, day and month; a
KK's; a mobile number's; an email's) count inside the regular-expression
engine. A column whose 16-digit numbers are mostly not plausible
NIKs holds codes: its few plausible ones are chance, not personal data. Other formats are not read: their
report says so, and the PPID must justify giving them (or mask them by hand
and give the cleaned file instead).
"""
from __future__ import annotations

import codecs
import csv
import io
import os
from collections import Counter
from itertools import zip_longest
from typing import IO, Any, Iterable

from . import identifiers as I

CSV = "csv"
XLSX = "xlsx"
#: examples kept per column and kind
EXAMPLES = 3
#: rows read together, column by column
BATCH = 2000
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
    __slots__ = ("name", "header_kind", "found", "values", "examples",
                 "tries")

    def __init__(self, name: str):
        self.name = name
        self.header_kind = I.column_kind(name)
        self.found: Counter = Counter()
        self.values = 0
        self.examples: dict[str, list[str]] = {}
        #: examples looked at per kind (masked examples are often alike:
        #: stop after a few tries, not after a few different ones)
        self.tries: Counter = Counter()

    def example(self, kind: str, value: str) -> None:
        if self.tries[kind] >= EXAMPLES * 3:
            return
        self.tries[kind] += 1
        kept = self.examples.setdefault(kind, [])
        if len(kept) < EXAMPLES:
            shown = I.mask_example(kind, value)
            if shown not in kept:
                kept.append(shown)

    def as_dict(self) -> dict[str, Any]:
        found = dict(self.found)
        codes = found.pop(I.CODE, 0)
        if codes and self.header_kind not in (I.NIK, I.KK) and \
                found.get(I.NIK, 0) < codes:
            # mostly codes: the plausible ones are chance
            codes += found.pop(I.NIK, 0)
            self.examples.pop(I.NIK, None)
        return {"name": self.name, "header_kind": self.header_kind,
                "values": self.values, "found": found, "codes": codes,
                "examples": self.examples,
                "personal": bool(found) or bool(
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
    """Rows are taken in batches and read column by column: each column's
    values of a batch joined into one text that each pattern scans once, so
    the counting happens inside the regular expression engine."""

    def __init__(self, headers: list[Any], prefix: str = ""):
        self.columns = [_Column(prefix + name)
                        for name in unique_names(headers)]
        self.rows = 0
        self.batch: list[list[str]] = []

    def _column(self, index: int) -> _Column:
        while index >= len(self.columns):
            self.columns.append(_Column(f"#{len(self.columns) + 1}"))
        return self.columns[index]

    def row(self, cells: list[str]) -> None:
        self.batch.append(cells)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        self.rows += len(batch)
        for index, values in enumerate(zip_longest(*batch, fillvalue="")):
            self._scan(self._column(index), values)

    @staticmethod
    def _scan(column: _Column, values: tuple[str, ...]) -> None:
        if column.header_kind:
            given = len(values) - values.count("")
            column.values += given
            if given and column.tries[column.header_kind] < EXAMPLES * 3:
                for value in values:
                    if value:
                        column.example(column.header_kind, value)
        text = "\n".join(values)
        if "@" in text:
            _count(column, I.EMAIL, I.EMAIL_PATTERN.findall(text))
        # fewer than 10 digits in all: no NIK, KK or phone (str.count runs
        # at memory speed, a pattern would not)
        if sum(map(text.count, "0123456789")) < 10:
            return
        sixteen = I.SIXTEEN_DIGITS.findall(text)
        if sixteen:
            pattern, kind = (I.KK_PATTERN, I.KK) \
                if column.header_kind == I.KK else (I.NIK_PATTERN, I.NIK)
            found = pattern.findall(text)
            _count(column, kind, found)
            if len(sixteen) > len(found):
                column.found[I.CODE] += len(sixteen) - len(found)
        _count(column, I.PHONE, I.PHONE_PATTERN.findall(text))

    def report(self, fmt: str, **extra: Any) -> dict[str, Any]:
        self.flush()
        columns = [c.as_dict() for c in self.columns]
        return dict(format=fmt, scanned=True, rows=self.rows,
                    columns=columns,
                    personal=[c["name"] for c in columns if c["personal"]],
                    **extra)


def _count(column: _Column, kind: str, found: list[str]) -> None:
    if found:
        column.found[kind] += len(found)
        for value in found[:EXAMPLES * 3]:
            column.example(kind, value)




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
        try:
            with open(path, "rb") as stream:
                return scan_csv(stream)
        except csv.Error as error:
            # not a table the scan can read (a field over csv's limit, a
            # binary file named .csv): the PPID must justify or mask it
            return {"format": CSV, "scanned": False, "rows": 0,
                    "columns": [], "personal": [], "error": str(error)}
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
