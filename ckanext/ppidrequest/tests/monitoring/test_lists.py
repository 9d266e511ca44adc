"""The Daftar Informasi Publik and the list of exempted information: from
the public catalogue only, the DIK with its legal basis and never a data
URL, filterable, and exported as CSV, XLSX and PDF with the same rows."""
from __future__ import annotations

import csv
import io

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ..requests.test_requests import act

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _count(cls: str) -> int:
    return model.Session.execute(sa.text(
        "SELECT count(*) FROM package WHERE state = 'active' AND NOT private"
        " AND extras ->> 'classification' = :cls"), {"cls": cls}).scalar_one()


def test_dip_lists_the_public_open_datasets(actors, served):
    out = act(None, "ppidrequest_dip_list", kind="dip")
    assert out["count"] == _count("terbuka") == 1
    entry = out["results"][0]
    assert entry["name"] == "jumlah-penduduk"
    assert entry["organization_title"] == "Disdukcapil"
    assert entry["responsible"] == "Bidang Pendataan"
    assert entry["formats"] == ["CSV"]
    # the private dataset is on no list
    assert "draf-internal" not in str(out)


def test_dik_lists_the_exempted_with_their_basis_and_no_data(actors,
                                                             served):
    out = act(None, "ppidrequest_dip_list", kind="dik")
    assert out["count"] == _count("terbatas") + _count("rahasia") == 2
    by_name = {e["name"]: e for e in out["results"]}
    assert by_name["kasus-stunting"]["ground"] == "h"
    assert by_name["kasus-stunting"]["exempt_until"] == "2030-12-31"
    assert by_name["data-intel"]["exempt_reason"] == "Selama ancaman ada"
    assert "example.org" not in str(out)


@pytest.mark.ckan_config("ckanext.ppidrequest.hide_rahasia_metadata", True)
def test_hidden_rahasia_metadata_stays_hidden(actors, served):
    out = act(None, "ppidrequest_dip_list", kind="dik")
    assert [e["name"] for e in out["results"]] == ["kasus-stunting"]


def test_filters(actors, served):
    assert act(None, "ppidrequest_dip_list", kind="dik",
               organization="dukcapil")["count"] == 1
    assert act(None, "ppidrequest_dip_list", kind="dik",
               q="stunting")["count"] == 1
    with pytest.raises(tk.ValidationError) as error:
        act(None, "ppidrequest_dip_list", kind="lainnya")
    assert "kind" in error.value.error_dict
    with pytest.raises(tk.ValidationError) as error:
        act(None, "ppidrequest_dip_list", kind="dip", organization="x")
    assert "organization" in error.value.error_dict


def test_the_pages_and_their_exports(actors, served, app):
    page = app.get("/informasi-dikecualikan")
    assert page.status_code == 200
    assert "Kasus Stunting per Desa" in page.body
    assert "example.org" not in page.body
    resp = app.get("/informasi-dikecualikan?format=csv&organization=dinkes")
    rows = list(csv.reader(io.StringIO(resp.body.lstrip("\ufeff"))))
    assert len(rows) == 2 and rows[1][0] == "1"
    assert rows[1][1].startswith("Kasus Stunting per Desa")
    assert "2030" in rows[1][6]

    from openpyxl import load_workbook
    resp = app.get("/informasi-publik?format=xlsx")
    sheet = load_workbook(io.BytesIO(resp.data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 2
    assert values[1][1].startswith("Jumlah Penduduk per Desa")
    assert values[1][2] == "Disdukcapil"

    from pypdf import PdfReader
    resp = app.get("/informasi-dikecualikan?format=pdf")
    assert resp.headers["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(resp.data)).pages)
    assert "Kasus Stunting" in text and "Peta Kerawanan Sosial" in text
    assert "example.org" not in text
