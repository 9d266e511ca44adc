"""Exports of the reports: CSV, XLSX (openpyxl) and PDF (WeasyPrint from
this package's templates, ``templates/ppidrequest/monitoring/pdf/``).

A table is ``(headers, rows)``: the same columns a page shows, already in
the reader's language. The PDF rendering is kept to one function so that it
can move onto the letter system later."""
from __future__ import annotations

import csv
import io
from typing import Any, Sequence

import ckan.plugins.toolkit as tk
from flask import Response

Table = tuple[Sequence[str], Sequence[Sequence[Any]]]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def csv_bytes(table: Table) -> bytes:
    headers, rows = table
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    # with a BOM: spreadsheet programs then read it as UTF-8
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: dict[str, Table]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, (headers, rows) in sheets.items():
        sheet = book.create_sheet(title[:31])
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = \
                min(max(width + 2, 8), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes(template: str, extra_vars: dict[str, Any]) -> bytes:
    import weasyprint

    html = tk.render(template, extra_vars)
    return weasyprint.HTML(string=html,
                           base_url=tk.config.get("ckan.site_url")) \
        .write_pdf()


MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument."
            "spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def response(body: bytes, kind: str, filename: str) -> Response:
    return Response(body, mimetype=MIMETYPES[kind], headers={
        "Content-Disposition": f'attachment; filename="{filename}.{kind}"'})
