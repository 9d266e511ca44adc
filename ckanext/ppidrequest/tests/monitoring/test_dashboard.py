"""The Walidata's dashboard: its figures equal direct SQL counts on the
requests filed through the actions, it is for the Walidata, the PPID and
sysadmins only, bad filters are validation errors, and the page and its
CSV exports show the same figures."""
from __future__ import annotations

import csv
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


def _sql(query: str, **params) -> int:
    return model.Session.execute(sa.text(query), params).scalar_one()


@freeze_time(TODAY)
def test_figures_equal_direct_counts(actors, served):
    out = act(actors["walidata"], "ppidrequest_monitoring_show",
              period="2026")
    year = ("FROM ppidrequest_request WHERE received_at "
            "BETWEEN '2026-01-01' AND '2026-12-31'")
    assert out["totals"]["received"] == _sql(f"SELECT count(*) {year}") == 5
    assert out["totals"]["answered"] == _sql(
        f"SELECT count(*) {year} AND state IN "
        "('fulfilled', 'rejected', 'not_held')") == 3
    # granted and not held on time, rejected three days late
    assert out["totals"]["on_time_percent"] == 67
    dinkes = next(a for a in out["agencies"]
                  if a["organization"] == "dinkes")
    assert (dinkes["received"], dinkes["answered"], dinkes["on_time"]) == \
        (2, 2, 1)
    # granted: clock from 2 Nov, closed 5 Nov (3 working days); rejected:
    # 3 Nov to 20 Nov (13 working days): median 8
    assert dinkes["median_days"] == 8.0
    # the one request still waiting, filed 3 Nov, due 17 Nov
    assert out["totals"]["overdue"] == _sql(
        "SELECT count(*) FROM ppidrequest_request WHERE state IN "
        "('submitted', 'in_review', 'forwarded', 'data_submitted') "
        "AND due_date < '2026-11-30'") == 2
    assert [d["name"] for d in out["datasets"]] == ["kasus-stunting"]
    assert out["datasets"][0]["requests"] == 2


@freeze_time(TODAY)
def test_unmet_demand_groups_what_the_catalogue_lacks(actors, served):
    out = act(actors["walidata"], "ppidrequest_monitoring_show",
              period="2026-11")
    unmet = out["unmet"]
    # no dataset named (3), of which one answered "not held"
    assert unmet["count"] == 3
    first = unmet["groups"][0]
    assert first["label"] == "wisatawan"
    assert sorted(i["text"] for i in first["items"]) == [
        "Data jumlah wisatawan per bulan",
        "Rekap wisatawan mancanegara per hotel"]
    shown = str(out)
    assert "Budi" not in shown and "3509121505900011" not in shown


@freeze_time(TODAY)
def test_late_datasets_by_their_update_frequency(actors, served):
    out = act(actors["walidata"], "ppidrequest_monitoring_show")
    late = {d["name"]: d for d in out["late_datasets"]}
    # monthly, last updated 1 September: due 2 October
    assert set(late) == {"kasus-stunting"}
    assert late["kasus-stunting"]["due"] == "2026-10-02"
    assert late["kasus-stunting"]["days_late"] == 59
    assert late["kasus-stunting"]["organization"] == "dinkes"


@freeze_time(TODAY)
def test_one_agency(actors, served):
    out = act(actors["ppid"], "ppidrequest_monitoring_show",
              organization="dukcapil")
    assert out["organization"]["name"] == "dukcapil"
    assert out["totals"]["received"] == 0
    assert out["late_datasets"] == []


@pytest.mark.parametrize("params, field", [
    ({"period": "2026-13"}, "period"), ({"period": "kemarin"}, "period"),
    ({"period": "1999"}, "period"), ({"organization": "tidak-ada"},
                                     "organization")])
def test_bad_filters_are_validation_errors(actors, params, field):
    with pytest.raises(tk.ValidationError) as error:
        act(actors["walidata"], "ppidrequest_monitoring_show", **params)
    assert field in error.value.error_dict


def test_only_walidata_ppid_and_sysadmins(actors, app):
    from ckan.tests import factories

    sysadmin = factories.Sysadmin()
    for user in ("walidata", "ppid"):
        act(actors[user], "ppidrequest_monitoring_show")
    act(sysadmin, "ppidrequest_monitoring_show")
    for user in (actors["pembantu"], actors["applicant"], None):
        with pytest.raises(tk.NotAuthorized):
            act(user, "ppidrequest_monitoring_show")
    assert app.get("/walidata/monitoring",
                   headers=token(actors["pembantu"])).status_code == 403
    assert app.get("/walidata/monitoring").status_code == 403
    assert app.get("/walidata/monitoring",
                   headers=token(actors["walidata"])).status_code == 200


# (pages at the real date: API tokens refuse a frozen one)
def test_the_page_and_its_csv_show_the_same_figures(actors, served, app):
    headers = token(actors["walidata"])
    page = app.get("/walidata/monitoring?period=2026&organization=dinkes",
                   headers=headers)
    assert page.status_code == 200
    body = page.body
    assert "<svg" in body and "Dinas Kesehatan" in body
    assert "Kasus Stunting per Desa" in body
    resp = app.get("/walidata/monitoring?period=2026&organization=dinkes"
                   "&table=speed&format=csv", headers=headers)
    assert resp.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(resp.body.lstrip("\ufeff"))))
    assert rows[0][0] in ("Agency", "OPD")
    assert rows[1][:5] == ["Dinas Kesehatan", "2", "1", "50%", "8.0"]


def test_a_bad_period_on_the_page_is_an_error_in_the_readers_language(
        actors, served, app):
    resp = app.get("/id/walidata/monitoring?period=2026-13",
                   headers=token(actors["walidata"]))
    assert resp.status_code == 400
    assert "Give a period" not in resp.body
    assert 'id="error-period"' in resp.body
