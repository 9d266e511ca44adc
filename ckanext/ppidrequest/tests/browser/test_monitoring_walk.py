"""The Walidata's walk in a browser: logs in, opens the dashboard from the
header, filters to an agency, exports a table as CSV; then the public DIP,
DIK and annual report. In Indonesian and in English, with screenshots and
axe on every page."""
from __future__ import annotations

import csv
import io

import pytest

from ckan.tests import factories

from ..requests.test_requests import FORM, act, move
from .conftest import PASSWORD
from .test_walk import _english_words


@pytest.fixture
def monitored():
    ppid = factories.User(name="ppid-utama", email="ppid@kab.go.id",
                          password=PASSWORD, image_url="")
    walidata = factories.User(name="walidata", email="wali@kab.go.id",
                              password=PASSWORD, fullname="Walidata",
                              image_url="")
    factories.Organization(name="ppid-kabupaten", title="PPID Kabupaten",
                           users=[{"name": ppid["name"],
                                   "capacity": "editor"}])
    factories.Organization(name="diskominfo", title="Diskominfo",
                           users=[{"name": walidata["name"],
                                   "capacity": "editor"}])
    dinkes = factories.Organization(name="dinkes", title="Dinas Kesehatan")
    dukcapil = factories.Organization(name="dukcapil", title="Disdukcapil")
    stunting = factories.Dataset(
        name="kasus-stunting", title="Kasus Stunting per Desa",
        owner_org=dinkes["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi balita.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0014/PPID/2026")
    factories.Dataset(name="jumlah-penduduk",
                      title="Jumlah Penduduk per Desa",
                      owner_org=dukcapil["id"], classification="terbuka")
    for i in range(3):
        req = act(None, "ppidrequest_create",
                  **dict(FORM, dataset_id=stunting["id"],
                         owner_org=dinkes["id"]))
        if i:
            move(ppid, req, "review")
    act(None, "ppidrequest_create",
        **dict(FORM, information_requested="Data wisatawan per bulan"))
    return {"walidata": walidata}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_walidata_filters_the_dashboard_and_exports_csv(walker, monitored,
                                                        lang):
    w = walker(lang)
    page = w.page
    w.login(monitored["walidata"])
    w.goto("/dashboard/datasets")
    page.locator(f"a[href='/{lang}/walidata/monitoring']").first.click()
    page.wait_for_load_state()
    assert "/walidata/monitoring" in page.url
    assert page.locator("svg").count() >= 1
    w.check("monitoring")
    if lang == "id":
        assert not _english_words(page), _english_words(page)

    page.locator("#field-organization").select_option("dinkes")
    page.locator("form.ppid-report-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "organization=dinkes" in page.url
    assert "Dinas Kesehatan" in page.locator("#t-demand").inner_text()
    w.check("monitoring-agency")

    link = page.locator("a[href*='table=demand'][href*='format=csv']")
    with page.expect_download() as info:
        link.click()
    with open(info.value.path(), encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[1][:2] == ["Dinas Kesehatan", "3"]

    for step, path in (("dip", "/informasi-publik"),
                       ("dik", "/informasi-dikecualikan"),
                       ("annual", "/laporan-tahunan")):
        w.goto(path)
        w.check(step)
        if lang == "id":
            assert not _english_words(page), (path, _english_words(page))
    w.goto("/informasi-dikecualikan")
    assert "Kasus Stunting per Desa" in page.locator("body").inner_text()
