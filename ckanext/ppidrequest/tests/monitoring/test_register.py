"""The PPID's register and the annual report: every figure equals a
direct SQL count; the register is the PPID's only, never shows the NIK;
the annual report is public and exports as XLSX and PDF."""
from __future__ import annotations

import io

import pytest
from freezegun import freeze_time

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ..requests.test_requests import act, token
from .conftest import TODAY

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _sql(where: str) -> int:
    return model.Session.execute(sa.text(
        "SELECT count(*) FROM ppidrequest_request WHERE received_at "
        f"BETWEEN '2026-01-01' AND '2026-12-31' AND {where}")).scalar_one()


@freeze_time(TODAY)
def test_register_rows(actors, served):
    out = act(actors["ppid"], "ppidrequest_register_list", period="2026")
    assert out["count"] == _sql("true") == 5
    rows = {r["registration_number"]: r for r in out["results"]}
    granted = rows[served["granted"]["registration_number"]]
    assert granted["working_days"] == 3 and granted["on_time"] is True
    assert granted["partial"] is True
    assert [s["action"] for s in granted["steps"]] == [
        "create", "review", "forward", "submit_data", "pdp_scan", "fulfil"]
    rejected = rows[served["rejected"]["registration_number"]]
    assert rejected["working_days"] == 13 and rejected["on_time"] is False
    assert "3509121505900011" not in str(out)
    assert "nik" not in str(list(granted))


def test_register_is_the_ppids(actors, served, app):
    for user in ("walidata", "pembantu", "applicant"):
        with pytest.raises(tk.NotAuthorized):
            act(actors[user], "ppidrequest_register_list")
    assert app.get("/ppid/register",
                   headers=token(actors["walidata"])).status_code == 403
    resp = app.get("/ppid/register?period=2026&format=xlsx",
                   headers=token(actors["ppid"]))
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(resp.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 1 + _sql("true")
    assert "3509121505900011" not in str(values)
    page = app.get("/ppid/register?period=2026",
                   headers=token(actors["ppid"]))
    assert served["granted"]["registration_number"] in page.body


@freeze_time(TODAY)
def test_annual_report_equals_direct_counts(actors, served):
    out = act(None, "ppidrequest_annual_report_show", year=2026)
    assert out["received"] == _sql("true") == 5
    assert out["granted_partly"] == _sql(
        "state = 'fulfilled' AND partial") == 1
    assert out["granted"] == 0
    assert out["rejected"] == _sql("state = 'rejected'") == 1
    assert out["not_held"] == 1 and out["withdrawn"] == 1
    assert out["open"] == 1
    assert out["rejected_by_ground"] == [{"ground": "h", "n": 1}]
    days = out["answer_days"]
    # 3 (granted), 1 (not held: 2 to 3 November), 13 (rejected)
    assert days["median"] == 3.0 and days["max"] == 13
    assert [b["requests"] for b in days["distribution"]] == [2, 0, 1, 0]
    web = next(c for c in out["by_channel"] if c["channel"] == "web")
    assert web["received"] == 5
    dinkes = next(a for a in out["by_agency"]
                  if a["organization"] == "dinkes")
    assert dinkes["received"] == 2
    assert out["objections"] is None
    old = act(None, "ppidrequest_annual_report_show", year=2025)
    assert old["received"] == 1


@pytest.mark.parametrize("year", ["20x6", "1999", "3000"])
def test_a_bad_year_is_a_validation_error(actors, year):
    with pytest.raises(tk.ValidationError) as error:
        act(None, "ppidrequest_annual_report_show", year=year)
    assert "year" in error.value.error_dict


def test_annual_report_page_and_exports(actors, served, app):
    page = app.get("/laporan-tahunan?year=2026")
    assert page.status_code == 200 and "<svg" in page.body
    from openpyxl import load_workbook
    book = load_workbook(io.BytesIO(
        app.get("/laporan-tahunan?year=2026&format=xlsx").data))
    summary = {row[0].value: row[1].value for row in book.worksheets[0]
               .iter_rows(min_row=2)}
    assert summary["Requests received"] == 5
    assert summary["Granted in part"] == 1
    from pypdf import PdfReader
    pdf = app.get("/laporan-tahunan?year=2026&format=pdf")
    text = " ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(pdf.data)).pages)
    assert "2026" in text and "Granted in part" in text
    assert app.get("/laporan-tahunan?year=abcd").status_code == 400
