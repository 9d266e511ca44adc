"""CKAN's own pages as the regency's portal: the home page with the three
ways in and the service's figures (ppidrequest_service_summary), error
pages in the reader's language, dates in Indonesian order, and a pending
classification proposal told the same way in the badge and the table."""
from __future__ import annotations

import datetime as dt

import pytest
from freezegun import freeze_time

import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.ppidrequest.requests import clock

from ..requests.test_requests import act, file_request, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _not_held(actors, req):
    move(actors["ppid"], req, "review", note="Diperiksa")
    move(actors["ppid"], req, "not_held", held_by="BPS Kabupaten")


# -- the service's figures ---------------------------------------------------

def test_the_figures_count_answers_and_their_timeliness_per_year(actors):
    with freeze_time("2025-12-01 10:00"):
        file_request(actors["applicant"])                   # last year, still open
    with freeze_time("2026-02-02 10:00"):
        quick = file_request(actors["applicant"])
        slow = file_request(actors["applicant"])
    with freeze_time("2026-02-03 10:00"):
        _not_held(actors, quick)                     # within 10 working days
    with freeze_time("2026-03-16 10:00"):
        _not_held(actors, slow)                      # weeks late
        file_request(actors["applicant"])                   # open, not yet due
        this_year = act(None, "ppidrequest_service_summary", year=2026)
        last_year = act(None, "ppidrequest_service_summary", year="2025")
        default = act(None, "ppidrequest_service_summary")
    assert this_year == {"year": 2026, "received": 3, "answered": 2,
                         "answered_on_time": 1, "on_time_percent": 50,
                         "open": 1, "overdue": 0}
    assert last_year == {"year": 2025, "received": 1, "answered": 0,
                         "answered_on_time": 0, "on_time_percent": None,
                         "open": 1, "overdue": 1}
    assert default == this_year


def test_the_figures_take_a_year_or_say_what_is_wrong():
    with pytest.raises(tk.ValidationError) as error:
        call_action("ppidrequest_service_summary", year="tahun lalu")
    assert "year" in error.value.error_dict


# -- the home page -----------------------------------------------------------

def test_the_home_page_shows_the_ways_in_and_this_year_s_figures(app, actors):
    file_request(actors["applicant"])
    file_request(actors["applicant"])
    page = app.get("/id/").body
    year = clock.today().year
    assert f"Layanan permohonan tahun {year}" in page
    assert 'id="ppid-figure-received">2<' in page
    assert 'id="ppid-figure-open">2<' in page
    assert "Unduh data terbuka" in page and "Lacak permohonan" in page
    assert 'href="/id/permohonan/baru"' in page
    assert 'href="/id/permohonan/lacak"' in page
    assert 'href="/id/dataset/?classification=terbuka"' in page
    # CKAN's placeholders are gone
    assert "This is a featured section" not in page
    assert "Ini adalah bagian unggulan" not in page
    assert "420x220" not in page and "placeholder-420x220" not in page

    english = app.get("/en/").body
    assert f"The request service in {year}" in english
    assert "Download open data" in english
    assert "Unduh data terbuka" not in english


# -- error pages -------------------------------------------------------------

def test_error_pages_speak_the_reader_s_language(app, actors):
    missing = app.get("/id/halaman-yang-tidak-ada", status=404).body
    assert "Halaman tidak ditemukan" in missing
    assert "Not Found" not in missing
    assert "The requested URL was not found" not in missing
    assert 'href="/id/permohonan/lacak"' in missing

    assert "Page not found" in app.get("/en/no-such-page", status=404).body

    desk = app.get("/id/ppid/permohonan", status=403).body
    assert "Akses ditolak" in desk and "Forbidden" not in desk
    assert "Klik di sini untuk masuk" in desk

    # an action's own message stays
    dataset = app.get("/id/dataset/tidak-ada", status=404).body
    assert "Kumpulan data tidak ditemukan" in dataset


# -- dates -------------------------------------------------------------------

def test_ckan_s_dates_read_day_month_year_in_indonesian(app):
    moment = dt.datetime(2026, 12, 3, 7, 5)           # UTC, as CKAN stores
    with app.flask_app.test_request_context(
            "/id/dataset", environ_base={"CKAN_LANG": "id"}):
        assert tk.h.render_datetime(moment) == "3 Desember 2026"
        assert tk.h.render_datetime(moment, with_hours=True) == \
            "3 Desember 2026, 14.05 WIB"
        assert tk.h.render_datetime("2026-12-03T07:05:00") == \
            "3 Desember 2026"
        assert tk.h.render_datetime(moment, "%d/%m/%Y") == "03/12/2026"
        assert tk.h.render_datetime("bukan tanggal") == ""
    with app.flask_app.test_request_context(
            "/en/dataset", environ_base={"CKAN_LANG": "en"}):
        assert tk.h.render_datetime(moment) == "December 3, 2026"


def test_a_dataset_page_dates_its_history_in_indonesian(app, org):
    with freeze_time("2026-08-17 03:00"):
        factories.Dataset(name="harga-pangan", owner_org=org["id"],
                          classification="terbuka")
    page = app.get("/id/dataset/harga-pangan").body
    assert "17 Agustus 2026, 10.00 WIB" in page
    assert "Agustus 17, 2026" not in page


# -- a pending proposal ------------------------------------------------------

def test_a_pending_proposal_reads_the_same_in_badge_and_table(app, actors):
    admin = factories.Sysadmin()
    call_action("package_create", {"user": admin["name"]},
                name="kasus-hiv", owner_org=actors["dinkes"]["id"],
                classification="terbuka")
    call_action("ppidrequest_classification_propose",
                {"user": actors["walidata"]["name"]}, id="kasus-hiv",
                classification="terbatas", classification_ground="h",
                classification_consequence="Kasus kecil per kecamatan dapat "
                "mengungkap identitas ODHIV.",
                classification_exempt_until="2029-12-31")
    page = app.get("/id/dataset/kasus-hiv").body
    # handled as the stricter class while the PPID decides, and said so
    assert "ppid-badge-terbatas" in page
    assert "Menunggu penetapan PPID" in page
    assert ("Diusulkan: Terbatas, menunggu penetapan PPID. Sampai "
            "ditetapkan, dataset ini diperlakukan sebagai Terbatas.") in page
    english = app.get("/en/dataset/kasus-hiv").body
    assert "Proposed: Restricted, awaiting the PPID decision" in english
