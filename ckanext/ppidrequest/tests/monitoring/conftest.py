from __future__ import annotations

import pytest
from freezegun import freeze_time

from ckan.tests import factories

from ..requests.test_requests import file_request, move, upload

TODAY = "2026-11-30 10:00:00"   # a Monday


@pytest.fixture
def served(actors):
    """Requests of 2026 in every outcome, datasets with and without an
    update frequency, and one request of 2025; "today" is 30 November
    2026 for the tests that freeze it."""
    dinkes, dukcapil = actors["dinkes"], actors["dukcapil"]
    with freeze_time("2026-09-01 09:00:00"):
        stunting = factories.Dataset(
            name="kasus-stunting", title="Kasus Stunting per Desa",
            owner_org=dinkes["id"], classification="terbatas",
            classification_ground="h",
            classification_consequence="Membuka data membuka rahasia "
                                       "pribadi balita.",
            classification_exempt_until="2030-12-31",
            classification_decision_ref="000.8.3/0001/PPID/2026",
            update_frequency="bulanan", maintainer="Seksi Gizi",
            notes="Jumlah balita stunting per desa.")
        penduduk = factories.Dataset(
            name="jumlah-penduduk", title="Jumlah Penduduk per Desa",
            owner_org=dukcapil["id"], classification="terbuka",
            update_frequency="tahunan", maintainer="Bidang Pendataan",
            resources=[{"url": "http://example.org/penduduk.csv",
                        "format": "csv", "name": "penduduk"}])
        rahasia = factories.Dataset(
            name="data-intel", title="Peta Kerawanan Sosial",
            owner_org=dukcapil["id"], classification="rahasia",
            classification_ground="c",
            classification_consequence="Membahayakan keamanan.",
            classification_exempt_reason="Selama ancaman ada",
            classification_decision_ref="000.8.3/0002/PPID/2026",
            resources=[{"url": "http://example.org/rahasia-sekali.csv",
                        "format": "csv"}])
        private = factories.Dataset(
            name="draf-internal", title="Draf Internal Anggaran",
            owner_org=dukcapil["id"], classification="terbuka",
            private=True)
    with freeze_time("2025-06-02 09:00:00"):
        old = file_request(actors["applicant"],
                           information_requested="Data lama 2025")
    with freeze_time("2026-11-02 09:00:00", tick=True):
        granted = file_request(actors["applicant"],
                               dataset_id=stunting["id"],
                               owner_org=dinkes["id"])
        not_held = file_request(
            actors["applicant"], applicant_nik="3509121505900011",
            information_requested="Data jumlah wisatawan per bulan")
        move(actors["ppid"], granted, "review")
        move(actors["ppid"], granted, "forward", organization="dinkes")
    with freeze_time("2026-11-03 09:00:00", tick=True):
        waiting = file_request(
            actors["applicant"],
            information_requested="Rekap wisatawan mancanegara per hotel")
        rejected = file_request(actors["applicant"],
                                dataset_id=stunting["id"],
                                owner_org=dinkes["id"])
        withdrawn = file_request(actors["applicant"],
                                 information_requested="Jadwal posyandu")
        move(actors["pembantu"], granted, "submit_data", upload=upload())
        move(actors["ppid"], not_held, "review")
        move(actors["ppid"], rejected, "review")
        move(actors["ppid"], not_held, "not_held",
             held_by="Dinas Pariwisata Provinsi")
    with freeze_time("2026-11-05 09:00:00", tick=True):
        # the handed-over file is scanned for personal data before release
        move(actors["ppid"], granted, "pdp_scan")
        move(actors["ppid"], granted, "fulfil", pdp_check="clean",
             release_submitted=True, partial=True,
             withheld_note="Nama balita dihitamkan")
        move(actors["applicant"], withdrawn, "withdraw")
    with freeze_time("2026-11-20 09:00:00", tick=True):
        # due on 17 November: answered late
        move(actors["ppid"], rejected, "reject", ground="h",
             consequence="Data pribadi balita")
    return {"stunting": stunting, "penduduk": penduduk, "rahasia": rahasia,
            "private": private, "old": old, "granted": granted,
            "not_held": not_held, "waiting": waiting, "rejected": rejected,
            "withdrawn": withdrawn}
