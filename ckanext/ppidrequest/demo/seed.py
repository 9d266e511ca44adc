"""Demo content for a regency Satu Data portal: Kabupaten Sukamaju (fictional).

``ckan ppidrequest-demo seed`` calls :func:`seed`. It creates, through CKAN
actions only, the agencies (OPD) as organizations, a few topic groups, one
user per role of the PPID procedure and some fifty datasets, each with small
CSV files uploaded to CKAN's file storage.

Every dataset carries the Satu Data metadata (producer contact, update
frequency, temporal and spatial coverage, unit, source and method) and a
classification. Most are terbuka; a few are terbatas or rahasia, each with
the PPID's decision: the Pasal 17 ground, the consequence test, the
exemption period and the decision's reference. Their files are uploaded too
(invented people, fictitious identifiers), so that the portal can be shown
never to release them. Two datasets carry a proposal of the producing
agency (:data:`PROPOSALS`) that waits for the PPID.

Seeding is idempotent: every object is looked up by name with ``*_show`` and
created when missing, patched when it differs from the data below, and left
alone (its ``metadata_modified`` untouched) when it already matches. Objects
the seed does not know about (datasets, resources or members added by hand)
are never deleted.

The content lives in module-level data (:data:`ORGANIZATIONS`,
:data:`GROUPS`, :data:`USERS`, :data:`DATASETS`, :data:`PROPOSALS`) so later
work can extend it; :func:`ensure_organization`, :func:`ensure_group`,
:func:`ensure_user`, :func:`ensure_dataset` and :func:`ensure_proposal` apply
one entry each. All CSV content is generated from
random generators seeded with :data:`SEED`, one per file, so reruns produce
byte-identical files and adding a dataset never changes the others.
"""
from __future__ import annotations

import csv
import io
import random
import re
import time
from collections import Counter
from typing import Any, Callable, Iterable

from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk

from ..classification import classes as C

SEED = 2026
YEAR = 2024
SITE_URL = "http://127.0.0.1:5000"
PASSWORD_OPTION = "ckanext.ppidrequest.demo.password"
DEFAULT_PASSWORD = "Sukamaju2026!"
REGENCY = "Kabupaten Sukamaju"

Row = list[Any]
Table = tuple[list[str], list[Row]]

# ---------------------------------------------------------------------------
# Geography: twelve kecamatan (name, population 2024, area in km²)
# ---------------------------------------------------------------------------

KECAMATAN: list[tuple[str, int, float]] = [
    ("Sukamaju Kota", 86240, 24.8),
    ("Mekarsari", 61350, 48.2),
    ("Cibening", 54870, 62.5),
    ("Karangsari", 58910, 55.1),
    ("Sindangjaya", 47620, 71.3),
    ("Tanjungwangi", 52480, 66.0),
    ("Pasirluhur", 43190, 84.7),
    ("Wanasari", 49760, 58.9),
    ("Sumberagung", 56330, 52.4),
    ("Banyuresik", 41870, 93.6),
    ("Cikadu Hilir", 38450, 101.2),
    ("Lembahhijau", 35920, 118.5),
]

DESA: dict[str, list[str]] = {
    "Sukamaju Kota": ["Sukamaju", "Sukamaju Wetan", "Sukamaju Kulon",
                      "Pasar Baru", "Kebonjati", "Margasari", "Cipadung",
                      "Tegalsari", "Sindanglaya", "Karangmulya"],
    "Mekarsari": ["Mekarsari", "Mekarjaya", "Mekarwangi", "Sukaresmi",
                  "Cibodas", "Sirnagalih", "Neglasari", "Cijambe",
                  "Jatimulya"],
}

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
         "Agustus", "September", "Oktober", "November", "Desember"]

# ---------------------------------------------------------------------------
# Organizations (OPD), groups (topics), users (roles)
# ---------------------------------------------------------------------------

ORGANIZATIONS: list[dict[str, str]] = [
    {
        "name": "diskominfo",
        "title": "Dinas Komunikasi dan Informatika",
        "short": "diskominfo",
        "contact": "Bidang Statistik Sektoral Diskominfo",
        "phone": "(0261) 555-0110",
        "description": (
            "Dinas Komunikasi dan Informatika Kabupaten Sukamaju. Selaku "
            "Walidata, Diskominfo (Bidang Statistik Sektoral) memeriksa, "
            "menyebarluaskan, dan memantau data sektoral seluruh perangkat "
            "daerah melalui portal Satu Data."),
    },
    {
        "name": "ppid-kabupaten",
        "title": "PPID Kabupaten Sukamaju",
        "short": "ppid",
        "contact": "Sekretariat PPID Kabupaten Sukamaju",
        "phone": "(0261) 555-0100",
        "description": (
            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) Utama "
            "Kabupaten Sukamaju. Menerima dan memutus permohonan informasi "
            "publik, meneruskannya kepada PPID Pembantu, dan menerbitkan "
            "surat penyampaian atau penolakan data."),
    },
    {
        "name": "dinas-kesehatan",
        "title": "Dinas Kesehatan",
        "short": "dinkes",
        "contact": "Seksi Data dan Informasi Dinas Kesehatan",
        "phone": "(0261) 555-0123",
        "description": (
            "Dinas Kesehatan Kabupaten Sukamaju menyelenggarakan urusan "
            "kesehatan: pelayanan kesehatan dasar, kesehatan ibu dan anak, "
            "gizi masyarakat, serta pencegahan dan pengendalian penyakit."),
    },
    {
        "name": "dinas-pendidikan",
        "title": "Dinas Pendidikan",
        "short": "disdik",
        "contact": "Subbagian Program dan Data Dinas Pendidikan",
        "phone": "(0261) 555-0131",
        "description": (
            "Dinas Pendidikan Kabupaten Sukamaju mengelola pendidikan anak "
            "usia dini, sekolah dasar, dan sekolah menengah pertama, "
            "termasuk data satuan pendidikan, peserta didik, dan guru."),
    },
    {
        "name": "disdukcapil",
        "title": "Dinas Kependudukan dan Pencatatan Sipil",
        "short": "disdukcapil",
        "contact": "Bidang Pemanfaatan Data Disdukcapil",
        "phone": "(0261) 555-0142",
        "description": (
            "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju "
            "menyelenggarakan pendaftaran penduduk dan pencatatan sipil. "
            "Data agregat kependudukan bersumber dari SIAK per semester."),
    },
    {
        "name": "bappeda",
        "title": "Badan Perencanaan Pembangunan Daerah",
        "short": "bappeda",
        "contact": "Subbidang Data dan Informasi Pembangunan Bappeda",
        "phone": "(0261) 555-0153",
        "description": (
            "Badan Perencanaan Pembangunan Daerah Kabupaten Sukamaju "
            "menyusun RPJMD dan RKPD serta memantau indikator makro "
            "pembangunan daerah."),
    },
    {
        "name": "dinas-pertanian",
        "title": "Dinas Pertanian dan Ketahanan Pangan",
        "short": "distan",
        "contact": "Seksi Data dan Informasi Dinas Pertanian",
        "phone": "(0261) 555-0164",
        "description": (
            "Dinas Pertanian dan Ketahanan Pangan Kabupaten Sukamaju "
            "membina tanaman pangan, hortikultura, peternakan, dan "
            "ketersediaan serta harga pangan."),
    },
    {
        "name": "dinas-sosial",
        "title": "Dinas Sosial",
        "short": "dinsos",
        "contact": "Seksi Data dan Informasi Kesejahteraan Sosial Dinas "
                   "Sosial",
        "phone": "(0261) 555-0175",
        "description": (
            "Dinas Sosial Kabupaten Sukamaju menangani perlindungan dan "
            "jaminan sosial, rehabilitasi sosial, serta pemutakhiran Data "
            "Terpadu Kesejahteraan Sosial (DTKS)."),
    },
    {
        "name": "dinas-pekerjaan-umum",
        "title": "Dinas Pekerjaan Umum dan Penataan Ruang",
        "short": "dpupr",
        "contact": "Subbagian Perencanaan dan Data Dinas PUPR",
        "phone": "(0261) 555-0186",
        "description": (
            "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sukamaju "
            "membangun dan memelihara jalan, jembatan, irigasi, air minum, "
            "dan sanitasi kewenangan kabupaten."),
    },
    {
        "name": "bkpsdm",
        "title": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "short": "bkpsdm",
        "contact": "Bidang Penilaian Kinerja dan Informasi ASN BKPSDM",
        "phone": "(0261) 555-0197",
        "description": (
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia "
            "Kabupaten Sukamaju mengelola manajemen aparatur sipil negara: "
            "pengadaan, penilaian kinerja, mutasi, dan pengembangan "
            "kompetensi pegawai."),
    },
    {
        "name": "kesbangpol",
        "title": "Badan Kesatuan Bangsa dan Politik",
        "short": "kesbangpol",
        "contact": "Bidang Kewaspadaan Nasional dan Penanganan Konflik "
                   "Kesbangpol",
        "phone": "(0261) 555-0208",
        "description": (
            "Badan Kesatuan Bangsa dan Politik Kabupaten Sukamaju membina "
            "wawasan kebangsaan, kewaspadaan nasional, dan penanganan "
            "konflik sosial, serta mendukung Forkopimda dalam pengamanan "
            "daerah."),
    },
]

GROUPS: list[dict[str, str]] = [
    {"name": "kesehatan", "title": "Kesehatan",
     "description": "Data kesehatan masyarakat, fasilitas dan tenaga "
                    "kesehatan, gizi, dan penyakit."},
    {"name": "pendidikan", "title": "Pendidikan",
     "description": "Data satuan pendidikan, peserta didik, guru, dan "
                    "partisipasi sekolah."},
    {"name": "kependudukan", "title": "Kependudukan",
     "description": "Data agregat penduduk, dokumen kependudukan, dan "
                    "peristiwa penting."},
    {"name": "ekonomi", "title": "Ekonomi dan Pembangunan",
     "description": "Indikator makro ekonomi, PDRB, kemiskinan, dan "
                    "capaian pembangunan daerah."},
    {"name": "pertanian", "title": "Pertanian dan Pangan",
     "description": "Produksi tanaman pangan, peternakan, lahan sawah, "
                    "dan harga pangan."},
    {"name": "sosial", "title": "Sosial",
     "description": "Bantuan sosial, kesejahteraan sosial, dan DTKS."},
    {"name": "infrastruktur", "title": "Infrastruktur",
     "description": "Jalan, jembatan, irigasi, air minum, sanitasi, dan "
                    "telekomunikasi."},
    {"name": "pemerintahan", "title": "Pemerintahan dan Layanan Publik",
     "description": "Layanan informasi publik, aplikasi, dan tata kelola "
                    "pemerintahan daerah."},
]

#: One user per role. ``memberships`` are (organization, capacity) pairs;
#: ``groups`` are groups the user administers.
USERS: list[dict[str, Any]] = [
    {
        "name": "admin",
        "fullname": "Administrator Satu Data",
        "email": "admin@sukamaju.go.id",
        "about": "Administrator sistem portal Satu Data Kabupaten Sukamaju.",
        "sysadmin": True,
        "memberships": [],
        "role_id": "Administrator sistem",
        "role_en": "sysadmin",
    },
    {
        "name": "walidata",
        "fullname": "Rina Kusumawati, S.Kom.",
        "email": "walidata@sukamaju.go.id",
        "about": "Walidata, Bidang Statistik Sektoral Diskominfo.",
        "memberships": [("diskominfo", "editor")],
        "groups": [g["name"] for g in GROUPS],
        "role_id": "Walidata (Diskominfo)",
        "role_en": "data steward",
    },
    {
        "name": "ppid",
        "fullname": "Drs. Bambang Hermawan, M.Si.",
        "email": "ppid@sukamaju.go.id",
        "about": "PPID Utama Kabupaten Sukamaju.",
        "memberships": [("ppid-kabupaten", "admin")],
        "role_id": "PPID Utama",
        "role_en": "information officer",
    },
    {
        "name": "ppid-pembantu-dinkes",
        "fullname": "dr. Lestari Handayani",
        "email": "ppid.dinkes@sukamaju.go.id",
        "about": "PPID Pembantu Dinas Kesehatan.",
        "memberships": [("dinas-kesehatan", "admin")],
        "role_id": "PPID Pembantu Dinas Kesehatan",
        "role_en": "assistant information officer",
    },
    {
        "name": "ppid-pembantu-disdukcapil",
        "fullname": "Agus Setiawan, S.H.",
        "email": "ppid.disdukcapil@sukamaju.go.id",
        "about": "PPID Pembantu Dinas Kependudukan dan Pencatatan Sipil.",
        "memberships": [("disdukcapil", "admin")],
        "role_id": "PPID Pembantu Disdukcapil",
        "role_en": "assistant information officer",
    },
    {
        "name": "produsen-dinkes",
        "fullname": "Dewi Anggraeni, S.K.M.",
        "email": "data.dinkes@sukamaju.go.id",
        "about": "Pengelola data, Seksi Data dan Informasi Dinas Kesehatan.",
        "memberships": [("dinas-kesehatan", "editor")],
        "role_id": "Produsen Data Dinas Kesehatan",
        "role_en": "data producer",
    },
    {
        # The PPID's superior (usually the Sekretaris Daerah) is a
        # configured user, not a member of the PPID organization: membership
        # there would make them a PPID officer.
        "name": "atasan-ppid",
        "fullname": "Ir. Hendra Wijaya, M.T.",
        "email": "sekda@sukamaju.go.id",
        "about": "Sekretaris Daerah selaku Atasan PPID.",
        "memberships": [],
        "role_id": "Atasan PPID",
        "role_en": "PPID's superior (objections)",
    },
    {
        "name": "pemohon",
        "fullname": "Budi Santoso",
        "email": "budi.santoso@example.com",
        "about": "Warga, pemohon informasi publik.",
        "memberships": [],
        "role_id": "Pemohon",
        "role_en": "applicant",
    },
]

# ---------------------------------------------------------------------------
# Table generators. Each takes its own seeded ``random.Random`` and returns
# (header, rows); the numbers are invented but plausible and consistent
# (for instance every table per kecamatan scales with its population).
# ---------------------------------------------------------------------------


def _population() -> dict[str, tuple[int, int, int]]:
    """Male, female and households (KK) per kecamatan, shared by tables."""
    rng = random.Random(f"{SEED}:penduduk")
    result = {}
    for name, total, _area in KECAMATAN:
        male = round(total * rng.uniform(0.494, 0.512))
        households = round(total / rng.uniform(3.05, 3.45))
        result[name] = (male, total - male, households)
    return result


def _pct(part: float, whole: float, digits: int = 2) -> float:
    return round(100.0 * part / whole, digits) if whole else 0.0


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def t_penduduk_kecamatan(rng: random.Random) -> Table:
    pop = _population()
    rows = []
    for name, total, area in KECAMATAN:
        male, female, kk = pop[name]
        rows.append([name, male, female, total, round(100 * male / female, 1),
                     kk, area, round(total / area, 1), YEAR])
    return (["kecamatan", "laki_laki", "perempuan", "jumlah_penduduk",
             "rasio_jenis_kelamin", "jumlah_kk", "luas_wilayah_km2",
             "kepadatan_per_km2", "tahun"], rows)


def _t_penduduk_desa(kecamatan: str) -> Callable[[random.Random], Table]:
    def table(rng: random.Random) -> Table:
        male, female, kk = _population()[kecamatan]
        desa = DESA[kecamatan]
        totals = _split(rng, male + female, len(desa))
        # Each desa near the kecamatan's sex ratio and household size; the
        # last one takes the remainder so the desa add up to the kecamatan.
        males = [round(t * male / (male + female) * rng.uniform(0.98, 1.02))
                 for t in totals[:-1]]
        males.append(male - sum(males))
        kks = [round(t * kk / (male + female) * rng.uniform(0.96, 1.04))
               for t in totals[:-1]]
        kks.append(kk - sum(kks))
        rows = []
        for d, t, m, k in zip(desa, totals, males, kks):
            rows.append([kecamatan, d, m, t - m, t, k, "Semester II", YEAR])
        return (["kecamatan", "desa_kelurahan", "laki_laki", "perempuan",
                 "jumlah_penduduk", "jumlah_kk", "semester", "tahun"], rows)
    return table


def t_penduduk_umur(rng: random.Random) -> Table:
    groups = [f"{a}-{a + 4}" for a in range(0, 75, 5)] + ["75+"]
    base = [8.1, 8.3, 8.4, 8.2, 8.0, 7.9, 7.7, 7.5, 7.2, 6.8, 6.1, 5.2,
            4.1, 3.0, 2.0, 1.5]
    total = sum(t for _, t, _ in KECAMATAN)
    rows = []
    for label, share in zip(groups, base):
        n = round(total * share / sum(base) * rng.uniform(0.97, 1.03))
        male = round(n * rng.uniform(0.48, 0.52))
        rows.append([label, male, n - male, n, YEAR])
    return (["kelompok_umur", "laki_laki", "perempuan", "jumlah", "tahun"],
            rows)


def t_dokumen_kependudukan(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        wajib = round(total * rng.uniform(0.70, 0.74))
        rekam = round(wajib * rng.uniform(0.955, 0.993))
        anak = round(total * rng.uniform(0.27, 0.30))
        akta = round(anak * rng.uniform(0.90, 0.985))
        kia = round(anak * rng.uniform(0.35, 0.62))
        rows.append([name, wajib, rekam, _pct(rekam, wajib), anak, akta,
                     _pct(akta, anak), kia, _pct(kia, anak), YEAR])
    return (["kecamatan", "wajib_ktp_el", "sudah_rekam_ktp_el",
             "persen_rekam_ktp_el", "jumlah_anak_0_17", "memiliki_akta_lahir",
             "persen_akta_lahir", "memiliki_kia", "persen_kia", "tahun"], rows)


def t_mutasi_penduduk(rng: random.Random) -> Table:
    rows = []
    for bulan in BULAN:
        rows.append([bulan, rng.randint(720, 910), rng.randint(290, 410),
                     rng.randint(180, 320), rng.randint(210, 360), YEAR])
    return (["bulan", "lahir", "mati", "datang", "pindah", "tahun"], rows)


def t_aki_akb_tahunan(rng: random.Random) -> Table:
    rows = []
    for i, year in enumerate(range(2020, 2025)):
        births = rng.randint(10400, 11200)
        ibu = rng.randint(14, 21) - i
        bayi = rng.randint(96, 120) - 5 * i
        rows.append([year, births, ibu, bayi, round(ibu / births * 1e5, 1),
                     round(bayi / births * 1e3, 2)])
    return (["tahun", "kelahiran_hidup", "kematian_ibu", "kematian_bayi",
             "aki_per_100000_kh", "akb_per_1000_kh"], rows)


def t_aki_akb_kecamatan(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        births = round(total * rng.uniform(0.0160, 0.0178))
        rows.append([name, births, rng.randint(0, 2), rng.randint(3, 11),
                     YEAR])
    return (["kecamatan", "kelahiran_hidup", "kematian_ibu",
             "kematian_bayi", "tahun"], rows)


def t_stunting(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        balita = round(total * rng.uniform(0.072, 0.081))
        diukur = round(balita * rng.uniform(0.88, 0.97))
        stunting = round(diukur * rng.uniform(0.11, 0.24))
        rows.append([name, balita, diukur, stunting,
                     _pct(stunting, diukur), "Agustus", YEAR])
    return (["kecamatan", "jumlah_balita", "balita_diukur", "balita_stunting",
             "prevalensi_stunting_persen", "bulan_penimbangan", "tahun"],
            rows)


def t_faskes(rng: random.Random) -> Table:
    rows = []
    for i, (name, total, _) in enumerate(KECAMATAN):
        rows.append([name, 2 if i == 0 else rng.choice([0, 0, 0, 1]),
                     2 if total > 55000 else 1, rng.randint(3, 7),
                     round(total / rng.uniform(650, 900)),
                     rng.randint(1, 6), rng.randint(2, 14), YEAR])
    return (["kecamatan", "rumah_sakit", "puskesmas", "puskesmas_pembantu",
             "posyandu", "klinik_pratama", "apotek", "tahun"], rows)


def t_imunisasi(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        sasaran = round(total * rng.uniform(0.0158, 0.0172))
        idl = round(sasaran * rng.uniform(0.86, 0.99))
        rows.append([name, sasaran, idl, _pct(idl, sasaran), YEAR])
    return (["kecamatan", "sasaran_bayi", "imunisasi_dasar_lengkap",
             "cakupan_idl_persen", "tahun"], rows)


def t_nakes(rng: random.Random) -> Table:
    jenis = [("Dokter umum", 40, 60), ("Dokter spesialis", 25, 0),
             ("Dokter gigi", 6, 14), ("Bidan", 60, 210), ("Perawat", 260, 180),
             ("Apoteker", 14, 12), ("Tenaga gizi", 6, 24),
             ("Sanitarian", 3, 22), ("Ahli teknologi laboratorium", 18, 16),
             ("Tenaga kesehatan masyarakat", 5, 30)]
    rows = []
    for label, rs, pkm in jenis:
        a = round(rs * rng.uniform(0.85, 1.15))
        b = round(pkm * rng.uniform(0.85, 1.15))
        rows.append([label, a, b, a + b, YEAR])
    return (["jenis_tenaga_kesehatan", "di_rumah_sakit", "di_puskesmas",
             "jumlah", "tahun"], rows)


def t_penyakit_menular(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        dbd = round(total / 1e5 * rng.uniform(20, 75))
        tb = round(total / 1e5 * rng.uniform(180, 320))
        rows.append([name, dbd, rng.choice([0, 0, 0, 1]), tb,
                     round(tb * rng.uniform(0.78, 0.92)), YEAR])
    return (["kecamatan", "kasus_dbd", "kematian_dbd", "kasus_tbc_ditemukan",
             "kasus_tbc_sembuh_lengkap", "tahun"], rows)


def t_sd(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        negeri = round(total / rng.uniform(1700, 2200))
        swasta = rng.randint(1, 6)
        rows.append([name, negeri, swasta, negeri + swasta,
                     round(total * rng.uniform(0.105, 0.118)), YEAR])
    return (["kecamatan", "sd_negeri", "sd_swasta", "jumlah_sd",
             "jumlah_siswa_sd", "tahun"], rows)


def t_smp(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        siswa = round(total * rng.uniform(0.046, 0.054))
        male = round(siswa * rng.uniform(0.49, 0.53))
        guru = round(siswa / rng.uniform(14, 19))
        rows.append([name, rng.randint(3, 9), male, siswa - male, siswa, guru,
                     round(siswa / guru, 1), YEAR])
    return (["kecamatan", "jumlah_smp", "siswa_laki_laki",
             "siswa_perempuan", "jumlah_siswa", "jumlah_guru",
             "rasio_siswa_guru", "tahun"], rows)


def t_partisipasi(rng: random.Random) -> Table:
    rows = []
    for i, year in enumerate(range(2020, 2025)):
        rows.append([year, round(99.1 + 0.1 * i + rng.uniform(0, 0.2), 2),
                     round(94.0 + 0.6 * i + rng.uniform(0, 0.5), 2),
                     round(104.5 + rng.uniform(-1, 1), 2),
                     round(88.0 + 1.1 * i + rng.uniform(-0.5, 0.5), 2),
                     round(97.2 + 0.2 * i + rng.uniform(0, 0.3), 2),
                     round(76.5 + 1.0 * i + rng.uniform(-0.5, 0.5), 2)])
    return (["tahun", "aps_7_12", "aps_13_15", "apk_sd", "apk_smp", "apm_sd",
             "apm_smp"], rows)


def t_paud(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        tk_ = rng.randint(6, 18)
        kb = rng.randint(8, 22)
        rows.append([name, tk_, kb, rng.randint(0, 3), rng.randint(2, 9),
                     round(total * rng.uniform(0.021, 0.030)), YEAR])
    return (["kecamatan", "taman_kanak_kanak", "kelompok_bermain",
             "taman_penitipan_anak", "satuan_paud_sejenis",
             "jumlah_peserta_didik", "tahun"], rows)


def t_ruang_kelas(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        n = round(total / rng.uniform(210, 260))
        berat = round(n * rng.uniform(0.02, 0.08))
        sedang = round(n * rng.uniform(0.05, 0.12))
        ringan = round(n * rng.uniform(0.12, 0.25))
        rows.append([name, n - berat - sedang - ringan, ringan, sedang, berat,
                     n, YEAR])
    return (["kecamatan", "baik", "rusak_ringan", "rusak_sedang",
             "rusak_berat", "jumlah_ruang_kelas", "tahun"], rows)


def t_ipm(rng: random.Random) -> Table:
    rows = []
    for i, year in enumerate(range(2019, 2025)):
        ahh = round(71.2 + 0.18 * i + rng.uniform(-0.05, 0.05), 2)
        hls = round(12.3 + 0.09 * i + rng.uniform(-0.03, 0.03), 2)
        rls = round(7.4 + 0.11 * i + rng.uniform(-0.03, 0.03), 2)
        ppp = round(10150 + 180 * i + rng.uniform(-60, 60))
        ipm = round(68.9 + 0.55 * i + rng.uniform(-0.1, 0.1), 2)
        rows.append([year, ahh, hls, rls, ppp, ipm])
    return (["tahun", "umur_harapan_hidup", "harapan_lama_sekolah",
             "rata_rata_lama_sekolah", "pengeluaran_per_kapita_ribu_rp",
             "ipm"], rows)


def t_pdrb(rng: random.Random) -> Table:
    sectors = [("A", "Pertanian, Kehutanan, dan Perikanan", 24.0),
               ("B", "Pertambangan dan Penggalian", 1.8),
               ("C", "Industri Pengolahan", 17.5),
               ("D", "Pengadaan Listrik dan Gas", 0.2),
               ("E", "Pengadaan Air, Pengelolaan Sampah, Limbah", 0.1),
               ("F", "Konstruksi", 9.6),
               ("G", "Perdagangan Besar dan Eceran; Reparasi Mobil dan "
                     "Sepeda Motor", 18.4),
               ("H", "Transportasi dan Pergudangan", 4.1),
               ("I", "Penyediaan Akomodasi dan Makan Minum", 3.2),
               ("J", "Informasi dan Komunikasi", 3.0),
               ("K", "Jasa Keuangan dan Asuransi", 2.6),
               ("O", "Administrasi Pemerintahan, Pertahanan, dan Jaminan "
                     "Sosial Wajib", 5.3),
               ("P", "Jasa Pendidikan", 5.7),
               ("Q", "Jasa Kesehatan dan Kegiatan Sosial", 1.4)]
    total = 24850.0  # miliar rupiah
    weights = [w * rng.uniform(0.93, 1.07) for _, _, w in sectors]
    rows = []
    for (code, label, _), w in zip(sectors, weights):
        adhb = round(total * w / sum(weights), 2)
        adhk = round(adhb / rng.uniform(1.38, 1.52), 2)
        rows.append([code, label, adhb, adhk,
                     round(100 * w / sum(weights), 2), YEAR])
    return (["kategori", "lapangan_usaha", "adhb_miliar_rp",
             "adhk_2010_miliar_rp", "distribusi_persen", "tahun"], rows)


def t_kemiskinan(rng: random.Random) -> Table:
    rows = []
    for i, year in enumerate(range(2019, 2025)):
        bump = 0.8 if year in (2020, 2021) else 0.0
        pct = round(10.9 - 0.35 * i + bump + rng.uniform(-0.1, 0.1), 2)
        rows.append([year, round(395000 + 21000 * i + rng.uniform(-3e3, 3e3)),
                     round(6.0 * pct, 2), pct,
                     round(1.55 + rng.uniform(-0.2, 0.2), 2),
                     round(0.36 + rng.uniform(-0.06, 0.06), 2)])
    return (["tahun", "garis_kemiskinan_rp_per_kapita_per_bulan",
             "penduduk_miskin_ribu_jiwa", "persentase_penduduk_miskin",
             "indeks_kedalaman_p1", "indeks_keparahan_p2"], rows)


def t_makro(rng: random.Random) -> Table:
    rows = []
    for year in range(2019, 2025):
        growth = -1.9 if year == 2020 else round(rng.uniform(3.6, 5.4), 2)
        rows.append([year, growth, round(rng.uniform(1.6, 4.2), 2),
                     round(rng.uniform(4.3, 7.1), 2),
                     round(rng.uniform(0.33, 0.38), 3)])
    return (["tahun", "pertumbuhan_ekonomi_persen", "inflasi_persen",
             "tingkat_pengangguran_terbuka_persen", "rasio_gini"], rows)


def t_iku(rng: random.Random) -> Table:
    ind = [("Indeks Pembangunan Manusia", "poin", 71.80),
           ("Pertumbuhan ekonomi", "persen", 5.10),
           ("Persentase penduduk miskin", "persen", 9.00),
           ("Tingkat pengangguran terbuka", "persen", 5.20),
           ("Prevalensi stunting", "persen", 16.00),
           ("Rata-rata lama sekolah", "tahun", 8.10),
           ("Persentase jalan kabupaten kondisi mantap", "persen", 72.00),
           ("Indeks Reformasi Birokrasi", "poin", 65.00),
           ("Indeks SPBE", "poin", 3.10),
           ("Nilai Indeks Keterbukaan Informasi Publik", "poin", 80.00)]
    rows = []
    for label, unit, target in ind:
        lower_better = label.startswith(("Persentase penduduk", "Tingkat",
                                         "Prevalensi"))
        real = round(target * rng.uniform(0.93, 1.06), 2)
        capaian = (target / real if lower_better else real / target) * 100
        rows.append([label, unit, target, real, round(capaian, 2), YEAR])
    return (["indikator", "satuan", "target", "realisasi", "capaian_persen",
             "tahun"], rows)


def t_padi(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        tanam = round(area * rng.uniform(18, 46) * (0.3 if area < 30 else 1))
        panen = round(tanam * rng.uniform(0.93, 0.99))
        prod = round(rng.uniform(52.0, 61.5), 2)  # kuintal/ha
        rows.append([name, tanam, panen, prod, round(panen * prod / 10), YEAR])
    return (["kecamatan", "luas_tanam_ha", "luas_panen_ha",
             "produktivitas_ku_per_ha", "produksi_gkg_ton", "tahun"], rows)


def t_palawija(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        rows.append([name, round(area * rng.uniform(2, 14)),
                     round(area * rng.uniform(0.1, 1.2)),
                     round(area * rng.uniform(0.2, 1.5)),
                     round(area * rng.uniform(4, 22)),
                     round(area * rng.uniform(0.5, 3.5)), YEAR])
    return (["kecamatan", "jagung_ton", "kedelai_ton", "kacang_tanah_ton",
             "ubi_kayu_ton", "ubi_jalar_ton", "tahun"], rows)


def t_ternak(rng: random.Random) -> Table:
    rows = []
    for name, total, area in KECAMATAN:
        rural = min(area / 60, 1.8)
        rows.append([name, round(rng.uniform(300, 1500) * rural),
                     round(rng.uniform(20, 260) * rural),
                     round(rng.uniform(1800, 5200) * rural),
                     round(rng.uniform(2500, 9000) * rural),
                     round(total * rng.uniform(0.35, 0.9)), YEAR])
    return (["kecamatan", "sapi_potong", "kerbau", "kambing", "domba",
             "ayam_kampung", "tahun"], rows)


def t_harga_pangan(rng: random.Random) -> Table:
    base = {"beras_medium": 12500, "cabai_merah_keriting": 38000,
            "bawang_merah": 32000, "minyak_goreng_curah": 15500,
            "telur_ayam_ras": 27500, "gula_pasir": 16800,
            "daging_ayam_ras": 34000}
    rows = []
    for i, bulan in enumerate(BULAN):
        row: Row = [bulan]
        for key, price in base.items():
            swing = 0.30 if key.startswith(("cabai", "bawang")) else 0.05
            drift = 1 + 0.004 * i
            row.append(int(round(price * drift * rng.uniform(1 - swing,
                                                             1 + swing), -2)))
        rows.append(row + [YEAR])
    return (["bulan"] + [f"{k}_rp_per_kg" for k in base] + ["tahun"], rows)


def t_kelompok_tani(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        kt = round(area * rng.uniform(0.5, 1.0)) + 8
        rows.append([name, kt, rng.randint(6, 14), kt * rng.randint(22, 32),
                     rng.randint(2, 5), YEAR])
    return (["kecamatan", "kelompok_tani", "gapoktan", "anggota_kelompok_tani",
             "penyuluh_pertanian", "tahun"], rows)


def t_sawah(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        total = round(area * rng.uniform(9, 22) * (0.4 if area < 30 else 1))
        parts = _split(rng, total, 4)
        rows.append([name, *parts, total, YEAR])
    return (["kecamatan", "irigasi_teknis_ha", "irigasi_setengah_teknis_ha",
             "irigasi_sederhana_ha", "tadah_hujan_ha", "jumlah_ha", "tahun"],
            rows)


def t_pkh(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        kpm = round(total * rng.uniform(0.022, 0.038))
        kes = round(kpm * rng.uniform(0.35, 0.5))
        pend = round(kpm * rng.uniform(0.55, 0.75))
        kesos = round(kpm * rng.uniform(0.15, 0.3))
        rows.append([name, kpm, kes, pend, kesos,
                     round(kpm * rng.uniform(2.4, 3.1), 1), YEAR])
    return (["kecamatan", "kpm_pkh", "komponen_kesehatan",
             "komponen_pendidikan", "komponen_kesejahteraan_sosial",
             "nilai_bantuan_juta_rp", "tahun"], rows)


def t_bpnt(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        kpm = round(total * rng.uniform(0.045, 0.07))
        rows.append([name, kpm, round(rng.uniform(94.5, 99.8), 2),
                     round(kpm * 0.2 * 12, 1), YEAR])
    return (["kecamatan", "kpm_bpnt", "realisasi_penyaluran_persen",
             "nilai_bantuan_setahun_juta_rp", "tahun"], rows)


def t_pmks(rng: random.Random) -> Table:
    jenis = [("Anak terlantar", 420), ("Anak jalanan", 35),
             ("Anak dengan kedisabilitasan", 610),
             ("Lanjut usia terlantar", 1850),
             ("Penyandang disabilitas", 3150), ("Gelandangan", 22),
             ("Pengemis", 41), ("Perempuan rawan sosial ekonomi", 2260),
             ("Korban bencana alam", 540), ("Fakir miskin", 9800),
             ("Keluarga bermasalah sosial psikologis", 130)]
    rows = []
    for label, n in jenis:
        total = round(n * rng.uniform(0.85, 1.15))
        male = round(total * rng.uniform(0.35, 0.6))
        rows.append([label, male, total - male, total, YEAR])
    return (["jenis_pmks", "laki_laki", "perempuan", "jumlah", "tahun"], rows)


def t_dtks(rng: random.Random) -> Table:
    pop = _population()
    rows = []
    for name, total, _ in KECAMATAN:
        jiwa = round(total * rng.uniform(0.24, 0.36))
        kel = round(jiwa / rng.uniform(3.2, 3.7))
        rt = round(kel / rng.uniform(1.02, 1.08))
        rows.append([name, rt, kel, jiwa, _pct(kel, pop[name][2]),
                     "Desember", YEAR])
    return (["kecamatan", "rumah_tangga", "keluarga", "jiwa",
             "persen_keluarga_terdaftar", "bulan_penetapan", "tahun"], rows)


def t_jalan(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        length = round(area * rng.uniform(0.55, 0.9) + 12, 2)
        parts = [round(length * s, 2) for s in
                 _normalise([rng.uniform(4, 7), rng.uniform(1, 2.5),
                             rng.uniform(0.5, 1.5), rng.uniform(0.2, 1.2)])]
        parts[0] = round(length - sum(parts[1:]), 2)
        rows.append([name, *parts, length,
                     round(100 * (parts[0] + parts[1]) / length, 2), YEAR])
    return (["kecamatan", "baik_km", "sedang_km", "rusak_ringan_km",
             "rusak_berat_km", "panjang_jalan_km", "persen_mantap", "tahun"],
            rows)


def _normalise(values: list[float]) -> list[float]:
    return [v / sum(values) for v in values]


def t_jembatan(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        n = round(area / rng.uniform(6, 11))
        rusak = rng.randint(0, max(1, n // 4))
        rows.append([name, n, round(n * rng.uniform(9, 22), 1), n - rusak,
                     rusak, YEAR])
    return (["kecamatan", "jumlah_jembatan", "panjang_total_m",
             "kondisi_baik", "kondisi_rusak", "tahun"], rows)


def t_irigasi(rng: random.Random) -> Table:
    areas = [("DI Cibening", "Cibening"), ("DI Cikadu", "Cikadu Hilir"),
             ("DI Leuwigoong", "Sindangjaya"), ("DI Cipanas", "Tanjungwangi"),
             ("DI Ciwangi", "Tanjungwangi"), ("DI Pasirluhur", "Pasirluhur"),
             ("DI Wanasari", "Wanasari"), ("DI Cisumur", "Sumberagung"),
             ("DI Karangsari", "Karangsari"), ("DI Banyuresik", "Banyuresik"),
             ("DI Lembahhijau", "Lembahhijau")]
    rows = []
    for di, kec in areas:
        luas = rng.randint(150, 950)
        rows.append([di, kec, luas, round(rng.uniform(58, 92), 1),
                     rng.choice(["Baik", "Sedang", "Sedang", "Rusak ringan"]),
                     YEAR])
    return (["daerah_irigasi", "kecamatan", "luas_layanan_ha",
             "indeks_kinerja_persen", "kondisi_jaringan", "tahun"], rows)


def t_air_sanitasi(rng: random.Random) -> Table:
    pop = _population()
    rows = []
    for name, _, area in KECAMATAN:
        kk = pop[name][2]
        urban = 1.0 if area < 30 else 0.0
        air = round(rng.uniform(78, 92) + 6 * urban, 2)
        san = round(rng.uniform(70, 88) + 8 * urban, 2)
        rows.append([name, kk, min(air, 99.5), min(san, 99.0),
                     rng.randint(0, 4), YEAR])
    return (["kecamatan", "jumlah_kk", "akses_air_minum_layak_persen",
             "akses_sanitasi_layak_persen", "desa_odf_belum_tercapai",
             "tahun"], rows)


def t_menara(rng: random.Random) -> Table:
    rows = []
    for name, total, area in KECAMATAN:
        menara = round(total / rng.uniform(2500, 4200))
        rows.append([name, menara, rng.randint(2, 4),
                     rng.randint(0, 3) if area > 60 else 0, YEAR])
    return (["kecamatan", "jumlah_menara_bts", "operator_seluler",
             "desa_blank_spot", "tahun"], rows)


def t_wifi(rng: random.Random) -> Table:
    places = [("Alun-alun Sukamaju", "Sukamaju Kota", "Ruang publik"),
              ("Kantor Bupati Sukamaju", "Sukamaju Kota", "Kantor pemerintah"),
              ("Mal Pelayanan Publik", "Sukamaju Kota", "Layanan publik"),
              ("Perpustakaan Daerah", "Sukamaju Kota", "Ruang publik"),
              ("Terminal Mekarsari", "Mekarsari", "Transportasi"),
              ("Pasar Cibening", "Cibening", "Pasar"),
              ("Taman Karangsari", "Karangsari", "Ruang publik"),
              ("Puskesmas Sindangjaya", "Sindangjaya", "Kesehatan"),
              ("Kantor Kecamatan Tanjungwangi", "Tanjungwangi",
               "Kantor pemerintah"),
              ("Balai Desa Pasirluhur", "Pasirluhur", "Kantor pemerintah"),
              ("Objek Wisata Curug Lembahhijau", "Lembahhijau", "Wisata"),
              ("Pasar Wanasari", "Wanasari", "Pasar"),
              ("Alun-alun Sumberagung", "Sumberagung", "Ruang publik"),
              ("Kantor Kecamatan Cikadu Hilir", "Cikadu Hilir",
               "Kantor pemerintah")]
    rows = []
    for place, kec, kind in places:
        rows.append([place, kec, kind, rng.choice([20, 30, 50, 50, 100]),
                     rng.choice(["Aktif"] * 5 + ["Perbaikan"]), YEAR])
    return (["lokasi", "kecamatan", "jenis_lokasi", "bandwidth_mbps",
             "status", "tahun"], rows)


def t_aplikasi(rng: random.Random) -> Table:
    apps = [("Satu Data Sukamaju", "Diskominfo", "Portal data sektoral",
             "satudata.sukamaju.go.id"),
            ("PPID Sukamaju", "Diskominfo", "Permohonan informasi publik",
             "ppid.sukamaju.go.id"),
            ("SIMPEG", "BKPSDM", "Kepegawaian", "simpeg.sukamaju.go.id"),
            ("Sukamaju Sehat", "Dinas Kesehatan", "Antrean puskesmas",
             "sehat.sukamaju.go.id"),
            ("SIPADU", "Disdukcapil", "Layanan adminduk daring",
             "sipadu.sukamaju.go.id"),
            ("e-Planning", "Bappeda", "Perencanaan pembangunan",
             "eplanning.sukamaju.go.id"),
            ("SIPANTAS", "Dinas Pertanian dan Ketahanan Pangan",
             "Informasi harga pangan", "pangan.sukamaju.go.id"),
            ("LAPOR Sukamaju", "Diskominfo", "Pengaduan masyarakat",
             "lapor.sukamaju.go.id"),
            ("SIKS-NG Daerah", "Dinas Sosial", "Pengelolaan DTKS",
             "dtks.sukamaju.go.id"),
            ("SIJALI", "Dinas PUPR", "Laporan jalan rusak",
             "sijali.sukamaju.go.id"),
            ("e-Perizinan", "DPMPTSP", "Perizinan berusaha",
             "izin.sukamaju.go.id")]
    rows = []
    for app, opd, layanan, host in apps:
        rows.append([app, opd, layanan, f"https://{host}",
                     rng.choice([2019, 2020, 2021, 2022, 2023]),
                     rng.choice(["Aktif"] * 4 + ["Pengembangan"])])
    return (["nama_aplikasi", "opd_pengelola", "jenis_layanan", "alamat",
             "tahun_operasional", "status"], rows)


def t_dip(rng: random.Random) -> Table:
    items = [
        ("Profil Pemerintah Kabupaten Sukamaju", "Bagian Organisasi",
         "Berkala"),
        ("Rencana Kerja Pemerintah Daerah (RKPD) 2025", "Bappeda", "Berkala"),
        ("Laporan Keuangan Pemerintah Daerah 2023 (audited)", "BPKAD",
         "Berkala"),
        ("Daftar Penerima Hibah dan Bantuan Sosial 2024", "BPKAD",
         "Berkala"),
        ("Profil Kesehatan Kabupaten Sukamaju 2023", "Dinas Kesehatan",
         "Berkala"),
        ("Informasi Peringatan Dini Bencana", "BPBD", "Serta merta"),
        ("Informasi Kejadian Luar Biasa Penyakit", "Dinas Kesehatan",
         "Serta merta"),
        ("Data Agregat Kependudukan per Semester", "Disdukcapil",
         "Setiap saat"),
        ("Standar Pelayanan Perizinan", "DPMPTSP", "Setiap saat"),
        ("Daftar Aset dan Inventaris Daerah", "BPKAD", "Setiap saat"),
        ("Rencana Umum Pengadaan Barang/Jasa 2025", "Bagian Pengadaan",
         "Setiap saat"),
        ("Peraturan Daerah dan Peraturan Bupati", "Bagian Hukum",
         "Setiap saat"),
    ]
    rows = []
    for no, (ringkasan, opd, jenis) in enumerate(items, 1):
        rows.append([no, ringkasan, opd, f"Kepala {opd}",
                     rng.choice([2023, 2024, 2025]),
                     rng.choice(["Softcopy", "Softcopy dan hardcopy"]),
                     jenis, rng.choice(["5 tahun", "10 tahun", "Permanen"])])
    return (["no", "ringkasan_informasi", "opd_penguasa_informasi",
             "penanggung_jawab", "waktu_pembuatan", "bentuk_informasi",
             "jenis_informasi", "jangka_waktu_penyimpanan"], rows)


def t_layanan_informasi(rng: random.Random) -> Table:
    rows = []
    for bulan in BULAN:
        masuk = rng.randint(14, 38)
        tolak = rng.randint(0, 2)
        tidak = rng.randint(0, 3)
        sebagian = rng.randint(1, 5)
        rows.append([bulan, masuk, masuk - tolak - tidak - sebagian, sebagian,
                     tolak, tidak, round(rng.uniform(3.2, 8.5), 1),
                     rng.choice([0, 0, 0, 1]), YEAR])
    return (["bulan", "permohonan_masuk", "dikabulkan_seluruhnya",
             "dikabulkan_sebagian", "ditolak", "informasi_tidak_dikuasai",
             "rata_rata_hari_kerja_layanan", "keberatan", "tahun"], rows)


# --- Restricted and secret files ------------------------------------------
# Invented people with invented identifiers: NIKs use province code 99 (no
# Indonesian province has it) and NIPs are random, so nothing here can
# belong to a real person. They exist so that the portal can be shown (and
# tested) never to release the files of non-open datasets.

NAMA_LAKI = ["Asep", "Dedi", "Ujang", "Yayan", "Cecep", "Endang", "Iwan",
             "Dadang", "Ahmad", "Rudi", "Jajang", "Deden", "Ade", "Eman",
             "Wawan", "Maman", "Engkos", "Dodi", "Rahmat", "Tatang"]
NAMA_PEREMPUAN = ["Siti", "Euis", "Neneng", "Imas", "Yuyun", "Ani", "Dewi",
                  "Nining", "Popon", "Enok", "Tati", "Rina", "Lilis", "Cucu",
                  "Nani", "Aas", "Iis", "Nurul", "Entin", "Ela"]
NAMA_BELAKANG = ["Suryana", "Hidayat", "Rahmat", "Sopandi", "Saepudin",
                 "Nurhayati", "Komalasari", "Supriatna", "Kurniawan",
                 "Setiawan", "Permana", "Sulaeman", "Gunawan", "Mulyani",
                 "Rohayati", "Kusnadi", "Sukmawati", "Ruhiyat", "Juhana",
                 "Maryam"]
KODE_PROVINSI_FIKTIF = "99"
KODE_KABUPATEN = "07"

#: Puskesmas: one per kecamatan, two in the four most populous.
PUSKESMAS: list[tuple[str, str]] = []
for _kec, _total, _ in KECAMATAN:
    PUSKESMAS.append((_kec, f"Puskesmas {_kec}"))
    _second = {"Sukamaju Kota": "Pasar Baru", "Mekarsari": "Cibodas",
               "Karangsari": "Karangmukti", "Sumberagung": "Sumberjaya"}
    if _kec in _second:
        PUSKESMAS.append((_kec, f"Puskesmas {_second[_kec]}"))
del _kec, _total, _second


def _person(rng: random.Random, female: bool | None = None
            ) -> tuple[str, bool]:
    if female is None:
        female = rng.random() < 0.5
    given = rng.choice(NAMA_PEREMPUAN if female else NAMA_LAKI)
    return f"{given} {rng.choice(NAMA_BELAKANG)}", female


def _birth(rng: random.Random, first: int, last: int) -> tuple[int, int, int]:
    return rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28)


def _nik(rng: random.Random, kecamatan: str, female: bool,
         birth: tuple[int, int, int]) -> str:
    """A 16-digit NIK in the real layout (region, DDMMYY with day + 40 for
    women, serial) under the fictitious province code 99."""
    district = [k for k, _, _ in KECAMATAN].index(kecamatan) + 1
    year, month, day = birth
    return (f"{KODE_PROVINSI_FIKTIF}{KODE_KABUPATEN}{district:02d}"
            f"{day + 40 * female:02d}{month:02d}{year % 100:02d}"
            f"{rng.randint(1, 9999):04d}")


def _address(rng: random.Random) -> str:
    return f"RT {rng.randint(1, 12):03d}/RW {rng.randint(1, 8):03d}"


def _desa_rows() -> Iterable[tuple[str, str]]:
    """(kecamatan, desa) pairs; the village lists hold two kecamatan."""
    for kecamatan, villages in DESA.items():
        for desa in villages:
            yield kecamatan, desa


def t_bansos_per_keluarga(rng: random.Random) -> Table:
    programs = ["PKH", "BPNT", "PKH, BPNT", "PKH, BPNT, PBI-JK", "PBI-JK",
                "BPNT, PBI-JK"]
    rows = []
    n = 0
    for kecamatan, desa in _desa_rows():
        for _ in range(rng.randint(2, 4)):
            n += 1
            name, female = _person(rng, female=rng.random() < 0.22)
            birth = _birth(rng, 1950, 1992)
            rows.append([f"KLG-2024-{n:05d}", _nik(rng, kecamatan, female,
                                                    birth),
                         name, _address(rng), desa, kecamatan,
                         rng.randint(2, 7), rng.randint(1, 4),
                         rng.choice(programs),
                         rng.choice(["Tersalur 4 tahap"] * 5
                                    + ["Tersalur 3 tahap", "Belum tersalur"]),
                         YEAR])
    return (["id_keluarga", "nik_kepala_keluarga", "nama_kepala_keluarga",
             "alamat", "desa_kelurahan", "kecamatan", "jumlah_anggota",
             "desil_kesejahteraan", "program_bantuan", "status_penyaluran",
             "tahun"], rows)


def t_sepuluh_besar_penyakit(rng: random.Random) -> Table:
    diseases = [("J06.9", "Infeksi saluran pernapasan akut", 3.2),
                ("I10", "Hipertensi esensial", 2.1),
                ("K30", "Dispepsia", 1.3),
                ("E11.9", "Diabetes melitus tipe 2", 0.8),
                ("M79.1", "Mialgia", 0.9),
                ("J02.9", "Faringitis akut", 0.7),
                ("A09", "Diare dan gastroenteritis", 0.7),
                ("L30.9", "Dermatitis", 0.6),
                ("R51", "Sakit kepala", 0.5),
                ("K04.1", "Nekrosis pulpa", 0.4)]
    pop = dict((k, t) for k, t, _ in KECAMATAN)
    per_kec = Counter(k for k, _ in PUSKESMAS)
    rows = []
    for kecamatan, puskesmas in PUSKESMAS:
        served = pop[kecamatan] / per_kec[kecamatan]
        counts = sorted(((code, label,
                          round(served / 100 * w * rng.uniform(0.8, 1.25)))
                         for code, label, w in diseases),
                        key=lambda d: -d[2])
        visits = round(served * rng.uniform(1.1, 1.6))
        for rank, (code, label, n) in enumerate(counts, 1):
            rows.append([puskesmas, kecamatan, visits, rank, code, label, n,
                         YEAR])
    return (["puskesmas", "kecamatan", "jumlah_kunjungan", "peringkat",
             "kode_icd10", "diagnosis", "jumlah_kasus", "tahun"], rows)


_MEDIAN_HEIGHT = [(0, 49.9), (6, 66.0), (12, 75.0), (24, 86.4), (36, 95.0),
                  (48, 102.5), (60, 109.4)]


def _median_height(months: int) -> float:
    for (m0, h0), (m1, h1) in zip(_MEDIAN_HEIGHT, _MEDIAN_HEIGHT[1:]):
        if months <= m1:
            return h0 + (h1 - h0) * (months - m0) / (m1 - m0)
    return _MEDIAN_HEIGHT[-1][1]


def t_balita_stunting(rng: random.Random) -> Table:
    posyandu = ["Melati", "Mawar", "Anggrek", "Kenanga", "Flamboyan",
                "Cempaka", "Dahlia"]
    rows = []
    n = 0
    for kecamatan, desa in _desa_rows():
        for _ in range(rng.randint(1, 3)):
            n += 1
            child, female = _person(rng)
            months = rng.randint(3, 59)  # age at the August 2024 weighing
            year, month = divmod(2024 * 12 + 7 - months, 12)
            month += 1
            day = rng.randint(1, 28)
            z = round(rng.uniform(-3.8, -2.05), 2)
            sd = 2.0 + 0.045 * months
            height = round(_median_height(months) + z * sd, 1)
            mother, _ = _person(rng, female=True)
            rows.append([f"STB-2024-{n:04d}", child, "P" if female else "L",
                         f"{year}-{month:02d}-{day:02d}", months, mother,
                         _address(rng), desa, kecamatan,
                         f"Posyandu {rng.choice(posyandu)} "
                         f"{rng.randint(1, 9)}",
                         f"2024-08-{rng.randint(5, 24):02d}", height, z,
                         "sangat pendek" if z < -3 else "pendek"])
    return (["id_balita", "nama_balita", "jenis_kelamin", "tanggal_lahir",
             "umur_bulan", "nama_ibu", "alamat", "desa_kelurahan",
             "kecamatan", "posyandu", "tanggal_ukur", "tinggi_badan_cm",
             "zscore_tb_u", "status_tb_u"], rows)


def t_rencana_pengadaan_tanah(rng: random.Random) -> Table:
    plans = [
        ("Pelebaran Jalan Sukamaju - Mekarsari", "Dinas PUPR",
         [("Sukamaju Kota", "Kebonjati"), ("Mekarsari", "Mekarjaya"),
          ("Mekarsari", "Sukaresmi")], 2026, 18000),
        ("Jalan Lingkar Selatan Sukamaju", "Dinas PUPR",
         [("Sukamaju Kota", "Tegalsari"), ("Sukamaju Kota", "Cipadung"),
          ("Sukamaju Kota", "Karangmulya")], 2027, 42000),
        ("Jembatan Cikadu dan jalan pendekat", "Dinas PUPR",
         [("Cikadu Hilir", "Cikadu Hilir")], 2026, 6500),
        ("Embung Sindangjaya", "Dinas PUPR",
         [("Sindangjaya", "Sindangjaya")], 2027, 35000),
        ("Perluasan RSUD Sukamaju", "Dinas Kesehatan",
         [("Sukamaju Kota", "Margasari")], 2026, 12000),
        ("Tempat Pemrosesan Akhir Sampah Regional", "Dinas Lingkungan Hidup",
         [("Pasirluhur", "Pasirluhur")], 2028, 80000),
        ("Pasar Rakyat Wanasari", "Dinas Perdagangan",
         [("Wanasari", "Wanasari")], 2027, 9000),
        ("SMP Negeri 5 Lembahhijau", "Dinas Pendidikan",
         [("Lembahhijau", "Lembahhijau")], 2028, 15000),
    ]
    rows = []
    for no, (plan, agency, places, year, area) in enumerate(plans, 1):
        for part, (kecamatan, desa) in enumerate(places, 1):
            share = round(area / len(places) * rng.uniform(0.8, 1.2))
            price = rng.uniform(0.35, 0.9) if kecamatan != "Sukamaju Kota" \
                else rng.uniform(1.1, 2.4)  # juta rupiah per m²
            rows.append([f"PT-{year}-{no:02d}.{part}", plan, agency,
                         kecamatan, desa, share,
                         max(1, round(share / rng.uniform(350, 900))),
                         round(share * price), year,
                         rng.choice(["Perencanaan", "Perencanaan",
                                     "Persiapan (konsultasi publik)"])])
    return (["kode_rencana", "rencana_kegiatan", "instansi_yang_memerlukan",
             "kecamatan", "desa_terdampak", "perkiraan_luas_m2",
             "perkiraan_jumlah_bidang", "perkiraan_ganti_kerugian_juta_rp",
             "tahun_rencana", "tahapan"], rows)


def t_rincian_hps(rng: random.Random) -> Table:
    packages = [("JL-27-01", "Peningkatan Jalan Cibening - Karangsari",
                 "Cibening", 3.2),
                ("JL-27-02", "Rekonstruksi Jalan Tanjungwangi - Pasirluhur",
                 "Tanjungwangi", 2.4),
                ("JL-27-03", "Pemeliharaan Berkala Jalan Wanasari",
                 "Wanasari", 1.6),
                ("JL-27-04", "Peningkatan Jalan Banyuresik - Lembahhijau",
                 "Banyuresik", 4.1)]
    items = [("1.2", "Mobilisasi", "LS", (1, 1), (28e6, 65e6)),
             ("3.1.(1)", "Galian biasa", "m3", (450, 900), (95e3, 125e3)),
             ("5.1.(1)", "Lapis Pondasi Agregat Kelas A", "m3", (700, 1200),
              (520e3, 615e3)),
             ("6.1.(1)", "Lapis Resap Pengikat - Aspal Cair/Emulsi", "liter",
              (5000, 9000), (15e3, 18.5e3)),
             ("6.3.(5a)", "Laston Lapis Aus (AC-WC)", "ton", (900, 1600),
              (1.35e6, 1.58e6)),
             ("7.1.(7)", "Beton mutu sedang fc' 20 MPa (saluran)", "m3",
              (120, 300), (1.3e6, 1.55e6)),
             ("9.2.(1)", "Marka jalan termoplastik", "m2", (250, 520),
              (180e3, 225e3))]
    rows = []
    for code, name, kecamatan, km in packages:
        for item, label, unit, (vmin, vmax), (pmin, pmax) in items:
            volume = vmin if vmin == vmax else round(
                rng.uniform(vmin, vmax) * km / 3, 2)
            price = int(round(rng.uniform(pmin, pmax), -2))
            rows.append([code, name, kecamatan, item, label, unit, volume,
                         price, int(round(volume * price))])
    return (["kode_paket", "nama_paket", "kecamatan", "mata_pembayaran",
             "uraian_pekerjaan", "satuan", "volume", "harga_satuan_rp",
             "jumlah_harga_rp"], rows)


def t_erdkk(rng: random.Random) -> Table:
    groups = ["Sri Mukti", "Tani Mulya", "Mekar Tani", "Sugih Mukti",
              "Harapan Jaya", "Saluyu", "Rukun Tani", "Barokah"]
    rows = []
    for kecamatan, desa in _desa_rows():
        group = f"Poktan {rng.choice(groups)} {desa}"
        for _ in range(rng.randint(2, 4)):
            name, female = _person(rng, female=rng.random() < 0.15)
            birth = _birth(rng, 1955, 1995)
            area = round(rng.uniform(0.1, 1.8), 2)
            crop = rng.choice(["Padi", "Padi", "Padi", "Jagung",
                               "Cabai", "Bawang merah"])
            urea = {"Padi": 200, "Jagung": 250}.get(crop, 150)
            rows.append([group, _nik(rng, kecamatan, female, birth), name,
                         desa, kecamatan, area, crop, round(area * urea),
                         round(area * 150), 2026])
    return (["kelompok_tani", "nik_petani", "nama_petani", "desa_kelurahan",
             "kecamatan", "luas_lahan_ha", "komoditas", "alokasi_urea_kg",
             "alokasi_npk_kg", "tahun"], rows)


def t_hiv_aids(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        scale = total / 50000
        new = round(rng.uniform(1, 7) * scale)
        aids = min(new, rng.randint(0, 2))
        art = round(new * rng.uniform(3.5, 6.0)) + rng.randint(0, 3)
        rows.append([name, new, aids, art,
                     sum(1 for k, _ in PUSKESMAS if k == name), YEAR])
    return (["kecamatan", "kasus_hiv_baru", "kasus_aids_baru",
             "odhiv_dalam_pengobatan_arv", "puskesmas_layanan_pdp",
             "tahun"], rows)


def t_pasien_menular(rng: random.Random) -> Table:
    diagnoses = ["Tuberkulosis paru terkonfirmasi bakteriologis",
                 "Tuberkulosis paru terkonfirmasi bakteriologis",
                 "Demam berdarah dengue", "Demam berdarah dengue",
                 "Infeksi HIV", "Kusta tipe multibasiler", "Hepatitis B"]
    status = ["Dalam pengobatan", "Dalam pengobatan", "Sembuh",
              "Pengobatan lengkap", "Putus berobat", "Meninggal"]
    rows = []
    for n in range(1, 41):
        kecamatan, puskesmas = rng.choice(PUSKESMAS)
        name, female = _person(rng)
        birth = _birth(rng, 1950, 2018)
        villages = DESA.get(kecamatan, [kecamatan])
        rows.append([f"KSS-2024-{n:04d}", _nik(rng, kecamatan, female, birth),
                     name, "P" if female else "L", 2024 - birth[0],
                     _address(rng), rng.choice(villages), kecamatan,
                     puskesmas, rng.choice(diagnoses),
                     f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                     rng.choice(status)])
    return (["id_kasus", "nik", "nama_pasien", "jenis_kelamin", "umur",
             "alamat", "desa_kelurahan", "kecamatan", "faskes_pelapor",
             "diagnosis", "tanggal_diagnosis", "status_pengobatan"], rows)


def t_objek_vital(rng: random.Random) -> Table:
    objects = [("Bendungan Cibening", "Sumber daya air", "Cibening"),
               ("Gardu Induk PLN Mekarsari", "Energi listrik", "Mekarsari"),
               ("Instalasi Pengolahan Air Perumda Tirta Sukamaju",
                "Air minum", "Karangsari"),
               ("Depot Pengisian BBM Sumberagung", "Energi", "Sumberagung"),
               ("Menara Pemancar Bukit Lembahhijau", "Telekomunikasi",
                "Lembahhijau"),
               ("Pusat Data Pemerintah Kabupaten", "Telekomunikasi",
                "Sukamaju Kota"),
               ("Pendopo dan Kantor Bupati", "Pemerintahan",
                "Sukamaju Kota"),
               ("Gudang Logistik Pemilu KPU Kabupaten", "Pemerintahan",
                "Mekarsari")]
    weak = ["Pagar sisi barat berbatasan dengan kebun warga",
            "Akses jalan inspeksi tanpa portal",
            "CCTV tidak menjangkau gerbang belakang",
            "Pergantian regu tanpa tumpang tindih waktu",
            "Panel kendali di ruang tanpa akses kartu"]
    agencies = ["Polres Sukamaju", "Kodim 0699/Sukamaju",
                "Satpol PP", "Pengamanan internal"]
    rows = []
    for no, (name, kind, kecamatan) in enumerate(objects, 1):
        rows.append([f"OV-{no:02d}", name, kind, kecamatan,
                     rng.choice(["Tinggi", "Sedang", "Sedang"]),
                     rng.randint(1, 4), rng.randint(3, 8),
                     f"Setiap {rng.choice([2, 3, 4, 6])} jam, "
                     f"{rng.randint(2, 4)} regu",
                     rng.choice(weak), rng.choice(agencies)])
    return (["kode_objek", "nama_objek", "jenis", "kecamatan",
             "tingkat_kerawanan", "jumlah_pos", "personel_per_regu",
             "pola_patroli", "titik_rawan", "penanggung_jawab_pengamanan"],
            rows)


def t_evaluasi_kinerja(rng: random.Random) -> Table:
    posts = [("Sekretaris", "Dinas Kesehatan"),
             ("Kepala Bidang Pelayanan Kesehatan", "Dinas Kesehatan"),
             ("Kepala Bidang Pembinaan SD", "Dinas Pendidikan"),
             ("Kepala Bidang Pelayanan Pendaftaran Penduduk", "Disdukcapil"),
             ("Kepala Bidang Perencanaan Ekonomi", "Bappeda"),
             ("Kepala Bidang Tanaman Pangan", "Dinas Pertanian"),
             ("Kepala Bidang Perlindungan dan Jaminan Sosial", "Dinas Sosial"),
             ("Kepala Bidang Bina Marga", "Dinas PUPR"),
             ("Kepala Bidang Aplikasi Informatika", "Diskominfo"),
             ("Camat", "Kecamatan Cibening"),
             ("Camat", "Kecamatan Pasirluhur"),
             ("Camat", "Kecamatan Lembahhijau")]
    titles = ["S.Sos.", "S.E.", "S.T.", "S.IP., M.Si.", "S.Kom.", "S.P.",
              "S.H., M.H.", "S.K.M., M.Kes."]
    verdicts = [("Sangat Baik", "Dipertahankan; calon promosi JPT pratama"),
                ("Baik", "Dipertahankan"),
                ("Baik", "Rotasi ke jabatan setara"),
                ("Butuh Perbaikan", "Pembinaan dan rotasi"),
                ("Butuh Perbaikan", "Pembinaan; evaluasi ulang enam bulan")]
    rows = []
    for post, unit in posts:
        name, female = _person(rng)
        year, month, day = _birth(rng, 1970, 1986)
        tmt = year + rng.randint(23, 28)
        nip = (f"{year}{month:02d}{day:02d}{tmt}{rng.randint(1, 12):02d}"
               f"{2 if female else 1}{rng.randint(1, 9):03d}")
        verdict, advice = rng.choice(verdicts)
        rows.append([nip, f"{name}, {rng.choice(titles)}", post, unit,
                     verdict, rng.randint(62, 91), advice])
    return (["nip", "nama", "jabatan", "unit_kerja", "predikat_kinerja_2025",
             "nilai_uji_kompetensi", "rekomendasi_tim_penilai"], rows)


# ---------------------------------------------------------------------------
# Datasets. ``resources`` entries have either ``table`` (a generator above;
# uploaded as a CSV file named ``filename``) or ``url`` (a linked file).
#
# Satu Data metadata: ``frequency`` (update_frequency), ``spatial``
# (spatial_coverage), ``unit`` (unit_of_measure), ``method``
# (source_method) and optionally ``temporal`` (start, end); without it the
# years come from the end of the dataset's name. The producer contact comes
# from the organization. ``classification`` is an :func:`_exempt` decision;
# without it the dataset is terbuka. The seed runs as the site user, a
# sysadmin, so these are PPID decisions; proposals by other users are in
# :data:`PROPOSALS`.
# ---------------------------------------------------------------------------


def _csv(filename: str, name: str, description: str,
         table: Callable[[random.Random], Table]) -> dict[str, Any]:
    return {"filename": filename, "name": name, "description": description,
            "table": table, "format": "CSV"}


def _link(url: str, name: str, description: str, fmt: str) -> dict[str, Any]:
    return {"url": url, "name": name, "description": description,
            "format": fmt}


def _exempt(classification: str, ground: str, decision_ref: str,
            consequence: str, until: str = "", reason: str = ""
            ) -> dict[str, str]:
    """A PPID decision for a dataset that is not open: the Pasal 17 ground
    (letter a-j), the consequence test, the exemption period (an end date
    or the reason why it has none) and the decision's reference.

    The validator accepts only end dates in the future, on every save of the
    dataset: when one comes near, move it (and its story) forward, or the
    seed fails. ``test_exemption_dates_are_not_about_to_expire`` warns six
    months ahead."""
    return {"classification": classification,
            "classification_ground": ground,
            "classification_consequence": consequence,
            "classification_exempt_until": until,
            "classification_exempt_reason": reason,
            "classification_decision_ref": decision_ref}


DATASETS: list[dict[str, Any]] = [
    # --- Dinas Kependudukan dan Pencatatan Sipil ---------------------------
    {
        "name": "jumlah-penduduk-menurut-kecamatan-dan-jenis-kelamin-2024",
        "title": "Jumlah Penduduk Menurut Kecamatan dan Jenis Kelamin 2024",
        "org": "disdukcapil",
        "notes": "Jumlah penduduk Kabupaten Sukamaju per kecamatan menurut "
                 "jenis kelamin, jumlah kepala keluarga, dan kepadatan "
                 "penduduk. Sumber: data agregat kependudukan SIAK semester "
                 "II 2024.",
        "tags": ["penduduk", "kependudukan", "jenis kelamin", "kecamatan"],
        "groups": ["kependudukan"],
        "frequency": "semesteran",
        "spatial": "kecamatan",
        "unit": "jiwa, KK, jiwa/km²",
        "method": "Data agregat kependudukan hasil konsolidasi SIAK (Sistem "
                  "Informasi Administrasi Kependudukan) semester II, keadaan "
                  "31 Desember 2024, yang ditetapkan Ditjen Dukcapil "
                  "Kemendagri.",
        "resources": [
            _csv("penduduk-kecamatan-jenis-kelamin-2024.csv",
                 "Penduduk per Kecamatan 2024",
                 "Penduduk laki-laki, perempuan, KK, dan kepadatan per "
                 "kecamatan.", t_penduduk_kecamatan),
        ],
    },
    {
        "name": "data-kependudukan-per-desa-semester-ii-2024",
        "title": "Data Kependudukan per Desa/Kelurahan Semester II 2024",
        "org": "disdukcapil",
        "notes": "Jumlah penduduk dan kepala keluarga per desa/kelurahan. "
                 "Tahap awal memuat Kecamatan Sukamaju Kota dan Mekarsari; "
                 "kecamatan lain menyusul.",
        "tags": ["penduduk", "kependudukan", "desa"],
        "groups": ["kependudukan"],
        "frequency": "semesteran",
        "spatial": "desa",
        "unit": "jiwa, KK",
        "method": "Data agregat kependudukan SIAK semester II 2024, "
                  "direkapitulasi per desa/kelurahan menurut kode wilayah "
                  "Kemendagri.",
        "resources": [
            _csv("penduduk-desa-sukamaju-kota-2024.csv",
                 "Kecamatan Sukamaju Kota",
                 "Penduduk per kelurahan di Kecamatan Sukamaju Kota.",
                 _t_penduduk_desa("Sukamaju Kota")),
            _csv("penduduk-desa-mekarsari-2024.csv", "Kecamatan Mekarsari",
                 "Penduduk per desa di Kecamatan Mekarsari.",
                 _t_penduduk_desa("Mekarsari")),
        ],
    },
    {
        "name": "jumlah-penduduk-menurut-kelompok-umur-2024",
        "title": "Jumlah Penduduk Menurut Kelompok Umur dan Jenis Kelamin "
                 "2024",
        "org": "disdukcapil",
        "notes": "Komposisi penduduk Kabupaten Sukamaju menurut kelompok "
                 "umur lima tahunan dan jenis kelamin, bahan piramida "
                 "penduduk.",
        "tags": ["penduduk", "kependudukan", "kelompok umur"],
        "groups": ["kependudukan"],
        "frequency": "semesteran",
        "spatial": "kabupaten",
        "unit": "jiwa",
        "method": "Data agregat kependudukan SIAK semester II 2024 menurut "
                  "kelompok umur lima tahunan dan jenis kelamin.",
        "resources": [
            _csv("penduduk-kelompok-umur-2024.csv",
                 "Penduduk menurut Kelompok Umur 2024",
                 "Enam belas kelompok umur, laki-laki dan perempuan.",
                 t_penduduk_umur),
        ],
    },
    {
        "name": "kepemilikan-dokumen-kependudukan-2024",
        "title": "Kepemilikan KTP-el, Akta Kelahiran, dan KIA per Kecamatan "
                 "2024",
        "org": "disdukcapil",
        "notes": "Cakupan perekaman KTP elektronik, kepemilikan akta "
                 "kelahiran anak, dan Kartu Identitas Anak (KIA) per "
                 "kecamatan.",
        "tags": ["kependudukan", "ktp-el", "akta kelahiran", "kia"],
        "groups": ["kependudukan"],
        "frequency": "semesteran",
        "spatial": "kecamatan",
        "unit": "jiwa, %",
        "method": "Rekapitulasi SIAK: perekaman KTP-el, penerbitan akta "
                  "kelahiran, dan KIA dibandingkan dengan penduduk wajib "
                  "KTP-el dan anak usia 0-17 tahun.",
        "resources": [
            _csv("dokumen-kependudukan-2024.csv",
                 "Cakupan Dokumen Kependudukan 2024",
                 "Wajib KTP-el, perekaman, akta kelahiran, dan KIA.",
                 t_dokumen_kependudukan),
        ],
    },
    {
        "name": "kelahiran-kematian-dan-perpindahan-penduduk-2024",
        "title": "Jumlah Kelahiran, Kematian, dan Perpindahan Penduduk per "
                 "Bulan 2024",
        "org": "disdukcapil",
        "notes": "Peristiwa kependudukan yang dicatat Disdukcapil setiap "
                 "bulan: kelahiran, kematian, penduduk datang, dan pindah.",
        "tags": ["penduduk", "kependudukan", "mutasi penduduk"],
        "groups": ["kependudukan"],
        "frequency": "bulanan",
        "spatial": "kabupaten",
        "unit": "peristiwa",
        "method": "Pencatatan peristiwa kependudukan (kelahiran, kematian, "
                  "pindah, dan datang) di SIAK, direkap per bulan.",
        "license_id": "odc-by",
        "resources": [
            _csv("mutasi-penduduk-bulanan-2024.csv",
                 "Mutasi Penduduk Bulanan 2024",
                 "Lahir, mati, datang, dan pindah per bulan.",
                 t_mutasi_penduduk),
        ],
    },
    # --- Dinas Kesehatan --------------------------------------------------
    {
        "name": "angka-kematian-ibu-dan-bayi-2020-2024",
        "title": "Angka Kematian Ibu dan Bayi 2020-2024",
        "org": "dinas-kesehatan",
        "notes": "Jumlah kematian ibu dan bayi serta angka kematian ibu "
                 "(AKI) per 100.000 kelahiran hidup dan angka kematian bayi "
                 "(AKB) per 1.000 kelahiran hidup.",
        "tags": ["kesehatan", "kesehatan ibu dan anak", "kematian bayi"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "kasus, per 100.000 KH, per 1.000 KH",
        "method": "Laporan rutin kesehatan ibu dan anak dari puskesmas dan "
                  "rumah sakit, diverifikasi melalui Audit Maternal Perinatal "
                  "Surveilans dan Respons (AMP-SR).",
        "resources": [
            _csv("aki-akb-2020-2024.csv", "Rekap Tahunan 2020-2024",
                 "AKI dan AKB Kabupaten Sukamaju per tahun.",
                 t_aki_akb_tahunan),
            _csv("kematian-ibu-bayi-kecamatan-2024.csv",
                 "Per Kecamatan 2024",
                 "Kelahiran hidup, kematian ibu, dan kematian bayi per "
                 "kecamatan.", t_aki_akb_kecamatan),
        ],
    },
    {
        "name": "prevalensi-stunting-balita-per-kecamatan-2024",
        "title": "Prevalensi Stunting Balita per Kecamatan 2024",
        "org": "dinas-kesehatan",
        "notes": "Hasil penimbangan dan pengukuran balita bulan Agustus "
                 "(bulan timbang) di posyandu. Prevalensi dihitung dari "
                 "balita yang diukur.",
        "tags": ["kesehatan", "stunting", "gizi", "balita"],
        "groups": ["kesehatan", "sosial"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "balita, %",
        "method": "Penimbangan dan pengukuran serentak balita di posyandu "
                  "pada bulan Agustus (bulan timbang), dicatat dalam aplikasi "
                  "e-PPGBM.",
        "resources": [
            _csv("stunting-kecamatan-2024.csv", "Prevalensi Stunting 2024",
                 "Balita diukur, balita stunting, dan prevalensi per "
                 "kecamatan.", t_stunting),
        ],
    },
    {
        "name": "jumlah-fasilitas-kesehatan-per-kecamatan-2024",
        "title": "Jumlah Fasilitas Kesehatan per Kecamatan 2024",
        "org": "dinas-kesehatan",
        "notes": "Jumlah rumah sakit, puskesmas, puskesmas pembantu, "
                 "posyandu, klinik pratama, dan apotek di setiap kecamatan.",
        "tags": ["kesehatan", "fasilitas kesehatan", "puskesmas"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "unit",
        "method": "Pendataan sarana kesehatan berdasarkan izin operasional "
                  "dan laporan puskesmas, keadaan 31 Desember 2024.",
        "resources": [
            _csv("fasilitas-kesehatan-2024.csv",
                 "Fasilitas Kesehatan 2024",
                 "Sarana kesehatan per kecamatan.", t_faskes),
            _link("https://dinkes.sukamaju.go.id/unduhan/"
                  "profil-kesehatan-2024.xlsx",
                  "Profil Kesehatan 2024 (XLSX)",
                  "Tabel lengkap Profil Kesehatan Kabupaten Sukamaju di "
                  "situs Dinas Kesehatan.", "XLSX"),
        ],
    },
    {
        "name": "cakupan-imunisasi-dasar-lengkap-2024",
        "title": "Cakupan Imunisasi Dasar Lengkap per Kecamatan 2024",
        "org": "dinas-kesehatan",
        "notes": "Sasaran bayi dan jumlah bayi yang mendapat imunisasi "
                 "dasar lengkap (IDL) per kecamatan.",
        "tags": ["kesehatan", "imunisasi", "bayi"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "bayi, %",
        "method": "Laporan rutin imunisasi puskesmas (aplikasi ASIK); sasaran "
                  "bayi dari proyeksi Pusdatin Kementerian Kesehatan.",
        "resources": [
            _csv("imunisasi-dasar-lengkap-2024.csv",
                 "Cakupan IDL 2024", "Cakupan IDL per kecamatan.",
                 t_imunisasi),
        ],
    },
    {
        "name": "jumlah-tenaga-kesehatan-menurut-jenis-2024",
        "title": "Jumlah Tenaga Kesehatan Menurut Jenis 2024",
        "org": "dinas-kesehatan",
        "notes": "Tenaga kesehatan yang bertugas di rumah sakit dan "
                 "puskesmas menurut jenis tenaga.",
        "tags": ["kesehatan", "tenaga kesehatan"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "orang",
        "method": "Rekapitulasi SISDMK (Sistem Informasi Sumber Daya Manusia "
                  "Kesehatan), keadaan 31 Desember 2024.",
        "license_id": "other-open",
        "resources": [
            _csv("tenaga-kesehatan-2024.csv", "Tenaga Kesehatan 2024",
                 "Jumlah tenaga kesehatan di rumah sakit dan puskesmas.",
                 t_nakes),
        ],
    },
    {
        "name": "kasus-demam-berdarah-dan-tuberkulosis-2024",
        "title": "Kasus Demam Berdarah Dengue dan Tuberkulosis per "
                 "Kecamatan 2024",
        "org": "dinas-kesehatan",
        "notes": "Kasus DBD dan kematian akibat DBD, serta kasus TBC yang "
                 "ditemukan dan yang sembuh atau pengobatan lengkap.",
        "tags": ["kesehatan", "penyakit menular", "dbd", "tbc"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "kasus",
        "method": "Surveilans penyakit menular: laporan kasus DBD dari "
                  "puskesmas dan rumah sakit, serta SITB (Sistem Informasi "
                  "Tuberkulosis).",
        "resources": [
            _csv("kasus-dbd-tbc-2024.csv", "Kasus DBD dan TBC 2024",
                 "Kasus per kecamatan.", t_penyakit_menular),
        ],
    },
    {
        "name": "jumlah-kasus-hiv-aids-per-kecamatan-2024",
        "title": "Jumlah Kasus HIV dan AIDS per Kecamatan 2024",
        "org": "dinas-kesehatan",
        "notes": "Kasus HIV baru, kasus AIDS baru, dan orang dengan HIV "
                 "(ODHIV) yang menjalani pengobatan ARV per kecamatan. "
                 "Produsen data mengusulkan agar rincian per kecamatan "
                 "dibatasi; usulan menunggu keputusan PPID.",
        "tags": ["kesehatan", "penyakit menular", "hiv"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "kasus, orang",
        "method": "Sistem Informasi HIV/AIDS (SIHA) dari layanan konseling "
                  "dan tes HIV serta layanan PDP di puskesmas dan RSUD.",
        "resources": [
            _csv("kasus-hiv-aids-kecamatan-2024.csv",
                 "Kasus HIV dan AIDS 2024",
                 "Kasus baru dan ODHIV on ARV per kecamatan.", t_hiv_aids),
        ],
    },
    {
        "name": "kunjungan-dan-sepuluh-besar-penyakit-per-puskesmas-2024",
        "title": "Kunjungan Pasien dan Sepuluh Besar Penyakit per Puskesmas "
                 "2024",
        "org": "dinas-kesehatan",
        "notes": "Jumlah kunjungan rawat jalan dan sepuluh diagnosis "
                 "terbanyak (ICD-10) di setiap puskesmas. Data terbatas: "
                 "dapat diminta melalui permohonan informasi kepada PPID.",
        "tags": ["kesehatan", "puskesmas", "pola penyakit"],
        "groups": ["kesehatan"],
        "frequency": "tahunan",
        "spatial": "titik",
        "unit": "kunjungan, kasus",
        "method": "Laporan bulanan SIMPUS (LB1) puskesmas, direkap setahun; "
                  "diagnosis menurut ICD-10.",
        "classification": _exempt(
            "terbatas", "h", "000.8.3/0009/PPID/2025",
            "Tabel memuat jumlah kasus per diagnosis di setiap puskesmas. "
            "Saat ditetapkan, wilayah kerja beberapa puskesmas mencatat "
            "diagnosis dengan kurang dari lima kasus, sehingga bila dibuka "
            "dan dipadukan dengan pengetahuan warga setempat, angka ini "
            "dapat mengungkap riwayat penyakit seseorang. Data diberikan "
            "untuk penelitian dan perencanaan melalui permohonan kepada "
            "PPID.",
            until="2028-12-31"),
        "resources": [
            _csv("sepuluh-besar-penyakit-puskesmas-2024.csv",
                 "Sepuluh Besar Penyakit per Puskesmas 2024",
                 "Kunjungan dan sepuluh diagnosis terbanyak per puskesmas.",
                 t_sepuluh_besar_penyakit),
        ],
    },
    {
        "name": "data-balita-stunting-by-name-by-address-2024",
        "title": "Data Balita Stunting By Name By Address Agustus 2024",
        "org": "dinas-kesehatan",
        "notes": "Daftar balita pendek dan sangat pendek hasil pengukuran "
                 "serentak Agustus 2024 di desa lokus stunting, untuk "
                 "intervensi oleh pemerintah desa, puskesmas, dan Tim "
                 "Percepatan Penurunan Stunting. Data pribadi anak: hanya "
                 "melalui permohonan kepada PPID.",
        "tags": ["kesehatan", "stunting", "balita", "data pribadi"],
        "groups": ["kesehatan", "sosial"],
        "frequency": "semesteran",
        "spatial": "desa",
        "unit": "balita, cm, z-skor",
        "method": "Ekspor e-PPGBM hasil pengukuran serentak di posyandu "
                  "bulan Agustus 2024, Kecamatan Sukamaju Kota dan "
                  "Mekarsari.",
        "classification": _exempt(
            "terbatas", "h", "000.8.3/0011/PPID/2025",
            "Data memuat nama, tanggal lahir, nama ibu, dan alamat balita "
            "beserta status gizinya. Bila dibuka, anak dan keluarganya "
            "dapat mengalami stigma dan perundungan, dan data anak dapat "
            "disalahgunakan; data pribadi anak memerlukan pelindungan "
            "khusus menurut UU 27/2022. Data diberikan kepada pemerintah "
            "desa, puskesmas, dan Tim Percepatan Penurunan Stunting melalui "
            "permohonan.",
            reason="Data pribadi anak dilindungi selama data disimpan; "
                   "pengecualian tidak bergantung pada waktu."),
        "resources": [
            _csv("balita-stunting-bnba-agustus-2024.csv",
                 "Balita Stunting BNBA Agustus 2024",
                 "Berkas asli e-PPGBM. Hanya diberikan melalui permohonan "
                 "kepada PPID.", t_balita_stunting),
        ],
    },
    {
        "name": "data-pasien-penyakit-menular-per-individu-2024",
        "title": "Data Pasien Penyakit Menular per Individu 2024",
        "org": "dinas-kesehatan",
        "notes": "Daftar kasus (line list) surveilans penyakit menular "
                 "per pasien: identitas, diagnosis, faskes pelapor, dan "
                 "status pengobatan. Informasi yang dikecualikan; angka "
                 "agregatnya tersedia pada dataset kasus DBD dan TBC.",
        "tags": ["kesehatan", "penyakit menular", "surveilans",
                 "data pribadi"],
        "groups": ["kesehatan"],
        "frequency": "mingguan",
        "spatial": "desa",
        "unit": "kasus",
        "method": "Daftar kasus surveilans dari SKDR, SITB, dan SIHA yang "
                  "dilaporkan puskesmas dan rumah sakit.",
        "classification": _exempt(
            "rahasia", "h", "000.8.3/0010/PPID/2025",
            "Data memuat identitas dan diagnosis pasien per orang. Bila "
            "dibuka, pasien (terutama ODHIV, penderita TBC, dan kusta) "
            "dapat mengalami stigma serta diskriminasi di tempat kerja dan "
            "sekolah, dan enggan berobat, sehingga pengendalian penyakit "
            "menular justru terhambat. Rahasia kesehatan pasien dilindungi "
            "UU 17/2023 tentang Kesehatan dan UU 27/2022 tentang "
            "Pelindungan Data Pribadi.",
            reason="Rahasia kesehatan pasien berlaku tanpa batas waktu, "
                   "juga setelah pasien meninggal dunia."),
        "resources": [
            _csv("line-list-penyakit-menular-2024.csv",
                 "Line List Kasus Penyakit Menular 2024",
                 "Berkas surveilans per pasien. Dikecualikan: tidak "
                 "diberikan melalui portal.", t_pasien_menular),
        ],
    },
    # --- Dinas Pendidikan -------------------------------------------------
    {
        "name": "jumlah-sekolah-dasar-negeri-dan-swasta-2024",
        "title": "Jumlah Sekolah Dasar Negeri dan Swasta 2024",
        "org": "dinas-pendidikan",
        "notes": "Jumlah SD negeri dan swasta serta jumlah siswa SD per "
                 "kecamatan, tahun ajaran 2024/2025. Sumber: Dapodik.",
        "tags": ["pendidikan", "sekolah dasar", "sekolah"],
        "groups": ["pendidikan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "unit, siswa",
        "method": "Dapodik (Data Pokok Pendidikan) semester ganjil tahun "
                  "ajaran 2024/2025.",
        "resources": [
            _csv("sekolah-dasar-2024.csv", "Sekolah Dasar 2024",
                 "SD negeri, SD swasta, dan siswa per kecamatan.", t_sd),
        ],
    },
    {
        "name": "jumlah-siswa-dan-guru-smp-per-kecamatan-2024",
        "title": "Jumlah Siswa dan Guru SMP per Kecamatan 2024",
        "org": "dinas-pendidikan",
        "notes": "Jumlah SMP, siswa menurut jenis kelamin, guru, dan rasio "
                 "siswa terhadap guru per kecamatan.",
        "tags": ["pendidikan", "smp", "guru", "siswa"],
        "groups": ["pendidikan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "unit, siswa, guru, rasio",
        "method": "Dapodik semester ganjil tahun ajaran 2024/2025; rasio "
                  "dihitung dari siswa dan guru yang aktif mengajar.",
        "resources": [
            _csv("siswa-guru-smp-2024.csv", "Siswa dan Guru SMP 2024",
                 "SMP, siswa, dan guru per kecamatan.", t_smp),
        ],
    },
    {
        "name": "angka-partisipasi-sekolah-2020-2024",
        "title": "Angka Partisipasi Sekolah, APK, dan APM 2020-2024",
        "org": "dinas-pendidikan",
        "notes": "Angka partisipasi sekolah (APS) usia 7-12 dan 13-15 "
                 "tahun, angka partisipasi kasar (APK), dan angka "
                 "partisipasi murni (APM) jenjang SD dan SMP.",
        "tags": ["pendidikan", "partisipasi sekolah", "indikator"],
        "groups": ["pendidikan", "ekonomi"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "%",
        "method": "Dihitung BPS dari Survei Sosial Ekonomi Nasional (Susenas) "
                  "Maret; APK dan APM diselaraskan dengan Dapodik.",
        "resources": [
            _csv("angka-partisipasi-sekolah-2020-2024.csv",
                 "APS, APK, APM 2020-2024", "Indikator per tahun.",
                 t_partisipasi),
        ],
    },
    {
        "name": "jumlah-satuan-paud-per-kecamatan-2024",
        "title": "Jumlah Satuan PAUD dan Peserta Didik per Kecamatan 2024",
        "org": "dinas-pendidikan",
        "notes": "Taman kanak-kanak, kelompok bermain, taman penitipan anak, "
                 "dan satuan PAUD sejenis beserta jumlah peserta didik.",
        "tags": ["pendidikan", "paud", "anak usia dini"],
        "groups": ["pendidikan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "unit, anak",
        "method": "Dapodik PAUD semester ganjil tahun ajaran 2024/2025.",
        "resources": [
            _csv("satuan-paud-2024.csv", "Satuan PAUD 2024",
                 "Satuan PAUD per kecamatan.", t_paud),
        ],
    },
    {
        "name": "kondisi-ruang-kelas-sd-dan-smp-2024",
        "title": "Kondisi Ruang Kelas SD dan SMP per Kecamatan 2024",
        "org": "dinas-pendidikan",
        "notes": "Jumlah ruang kelas SD dan SMP menurut kondisi: baik, "
                 "rusak ringan, rusak sedang, dan rusak berat.",
        "tags": ["pendidikan", "sarana prasarana", "sekolah"],
        "groups": ["pendidikan", "infrastruktur"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "ruang",
        "method": "Kondisi prasarana yang dilaporkan sekolah di Dapodik, "
                  "diverifikasi pengawas sekolah.",
        "resources": [
            _csv("kondisi-ruang-kelas-2024.csv", "Kondisi Ruang Kelas 2024",
                 "Ruang kelas menurut kondisi per kecamatan.",
                 t_ruang_kelas),
        ],
    },
    # --- Bappeda ----------------------------------------------------------
    {
        "name": "indeks-pembangunan-manusia-2019-2024",
        "title": "Indeks Pembangunan Manusia (IPM) 2019-2024",
        "org": "bappeda",
        "notes": "IPM Kabupaten Sukamaju beserta komponennya: umur harapan "
                 "hidup, harapan lama sekolah, rata-rata lama sekolah, dan "
                 "pengeluaran per kapita disesuaikan.",
        "tags": ["ipm", "pembangunan manusia", "indikator makro"],
        "groups": ["ekonomi"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "indeks, tahun, ribu rupiah",
        "method": "Angka BPS Kabupaten Sukamaju, metode baru (UNDP 2010) dari "
                  "Susenas dan proyeksi penduduk.",
        "resources": [
            _csv("ipm-2019-2024.csv", "IPM dan Komponennya 2019-2024",
                 "Nilai IPM per tahun.", t_ipm),
        ],
    },
    {
        "name": "pdrb-menurut-lapangan-usaha-2024",
        "title": "Produk Domestik Regional Bruto Menurut Lapangan Usaha 2024",
        "org": "bappeda",
        "notes": "PDRB atas dasar harga berlaku dan harga konstan 2010 "
                 "menurut lapangan usaha, serta distribusinya.",
        "tags": ["ekonomi", "pdrb", "indikator makro"],
        "groups": ["ekonomi"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "miliar rupiah, %",
        "method": "Penghitungan PDRB oleh BPS Kabupaten Sukamaju menurut "
                  "lapangan usaha (KBLI 2020), harga konstan tahun dasar "
                  "2010.",
        "resources": [
            _csv("pdrb-lapangan-usaha-2024.csv", "PDRB Lapangan Usaha 2024",
                 "ADHB, ADHK 2010, dan distribusi per kategori.", t_pdrb),
            _link("https://bappeda.sukamaju.go.id/publikasi/"
                  "kabupaten-sukamaju-dalam-angka-2025.pdf",
                  "Kabupaten Sukamaju dalam Angka 2025 (PDF)",
                  "Publikasi lengkap di situs Bappeda.", "PDF"),
        ],
    },
    {
        "name": "persentase-penduduk-miskin-2019-2024",
        "title": "Garis Kemiskinan dan Persentase Penduduk Miskin 2019-2024",
        "org": "bappeda",
        "notes": "Garis kemiskinan, jumlah dan persentase penduduk miskin, "
                 "serta indeks kedalaman (P1) dan keparahan (P2) "
                 "kemiskinan.",
        "tags": ["kemiskinan", "penduduk", "indikator makro"],
        "groups": ["ekonomi", "sosial"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "rupiah/kapita/bulan, ribu jiwa, %, indeks",
        "method": "BPS, Susenas Maret, dengan pendekatan kebutuhan dasar "
                  "(basic needs approach).",
        "resources": [
            _csv("kemiskinan-2019-2024.csv", "Kemiskinan 2019-2024",
                 "Indikator kemiskinan per tahun.", t_kemiskinan),
        ],
    },
    {
        "name": "indikator-makro-ekonomi-2019-2024",
        "title": "Indikator Makro Ekonomi Daerah 2019-2024",
        "org": "bappeda",
        "notes": "Pertumbuhan ekonomi, inflasi, tingkat pengangguran "
                 "terbuka, dan rasio gini Kabupaten Sukamaju.",
        "tags": ["ekonomi", "indikator makro", "pengangguran", "inflasi"],
        "groups": ["ekonomi"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "%, rasio",
        "method": "BPS: pertumbuhan dari PDRB, inflasi dari IHK, TPT dari "
                  "Sakernas Agustus, rasio gini dari Susenas.",
        "license_id": "odc-by",
        "resources": [
            _csv("indikator-makro-2019-2024.csv",
                 "Indikator Makro 2019-2024", "Indikator per tahun.",
                 t_makro),
        ],
    },
    {
        "name": "capaian-indikator-kinerja-utama-2024",
        "title": "Capaian Indikator Kinerja Utama RPJMD 2024",
        "org": "bappeda",
        "notes": "Target, realisasi, dan capaian indikator kinerja utama "
                 "(IKU) Pemerintah Kabupaten Sukamaju tahun 2024.",
        "tags": ["perencanaan", "rpjmd", "kinerja"],
        "groups": ["ekonomi", "pemerintahan"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "sesuai indikator (poin, %, tahun)",
        "method": "Laporan Kinerja Instansi Pemerintah (LKjIP) 2024: "
                  "realisasi dari perangkat daerah pengampu dibandingkan "
                  "dengan target RPJMD.",
        "resources": [
            _csv("capaian-iku-2024.csv", "Capaian IKU 2024",
                 "Sepuluh indikator kinerja utama.", t_iku),
        ],
    },
    # --- Dinas Pertanian dan Ketahanan Pangan -----------------------------
    {
        "name": "produksi-padi-per-kecamatan-2024",
        "title": "Luas Panen, Produktivitas, dan Produksi Padi per "
                 "Kecamatan 2024",
        "org": "dinas-pertanian",
        "notes": "Luas tanam, luas panen, produktivitas, dan produksi padi "
                 "dalam gabah kering giling (GKG) per kecamatan.",
        "tags": ["pertanian", "padi", "tanaman pangan", "produksi"],
        "groups": ["pertanian", "ekonomi"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "ha, ku/ha, ton GKG",
        "method": "Statistik Pertanian tanaman pangan dari mantri tani "
                  "kecamatan, dengan luas panen dari Kerangka Sampel Area "
                  "(KSA) BPS.",
        "resources": [
            _csv("produksi-padi-2024.csv", "Produksi Padi 2024",
                 "Luas tanam, panen, dan produksi per kecamatan.", t_padi),
        ],
    },
    {
        "name": "produksi-palawija-per-kecamatan-2024",
        "title": "Produksi Palawija per Kecamatan 2024",
        "org": "dinas-pertanian",
        "notes": "Produksi jagung, kedelai, kacang tanah, ubi kayu, dan ubi "
                 "jalar per kecamatan (ton).",
        "tags": ["pertanian", "palawija", "jagung", "tanaman pangan"],
        "groups": ["pertanian"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "ton",
        "method": "Laporan Statistik Pertanian palawija bulanan dari Balai "
                  "Penyuluhan Pertanian, direkap setahun.",
        "resources": [
            _csv("produksi-palawija-2024.csv", "Produksi Palawija 2024",
                 "Produksi per komoditas dan kecamatan.", t_palawija),
        ],
    },
    {
        "name": "populasi-ternak-per-kecamatan-2024",
        "title": "Populasi Ternak Menurut Jenis dan Kecamatan 2024",
        "org": "dinas-pertanian",
        "notes": "Populasi sapi potong, kerbau, kambing, domba, dan ayam "
                 "kampung per kecamatan.",
        "tags": ["pertanian", "peternakan", "ternak"],
        "groups": ["pertanian"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "ekor",
        "method": "Laporan petugas peternakan kecamatan dari data kelahiran, "
                  "pemotongan, dan mutasi ternak.",
        "resources": [
            _csv("populasi-ternak-2024.csv", "Populasi Ternak 2024",
                 "Jumlah ternak per jenis dan kecamatan.", t_ternak),
        ],
    },
    {
        "name": "harga-rata-rata-bahan-pangan-pokok-2024",
        "title": "Harga Rata-rata Bahan Pangan Pokok per Bulan 2024",
        "org": "dinas-pertanian",
        "notes": "Harga eceran rata-rata bulanan bahan pangan pokok di "
                 "pasar tradisional Kabupaten Sukamaju (rupiah per kg).",
        "tags": ["pangan", "harga", "ketahanan pangan"],
        "groups": ["pertanian", "ekonomi"],
        "frequency": "bulanan",
        "spatial": "kabupaten",
        "unit": "rupiah/kg",
        "method": "Survei harga mingguan di tiga pasar tradisional (Pasar "
                  "Baru Sukamaju, Pasar Cibening, Pasar Wanasari), "
                  "dirata-rata per bulan.",
        "resources": [
            _csv("harga-pangan-bulanan-2024.csv", "Harga Pangan 2024",
                 "Harga rata-rata tujuh komoditas per bulan.",
                 t_harga_pangan),
        ],
    },
    {
        "name": "kelompok-tani-dan-penyuluh-pertanian-2024",
        "title": "Jumlah Kelompok Tani, Gapoktan, dan Penyuluh Pertanian "
                 "2024",
        "org": "dinas-pertanian",
        "notes": "Kelembagaan petani dan jumlah penyuluh pertanian per "
                 "kecamatan (wilayah kerja Balai Penyuluhan Pertanian).",
        "tags": ["pertanian", "kelompok tani", "penyuluhan"],
        "groups": ["pertanian"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "kelompok, orang",
        "method": "Data SIMLUH (Sistem Informasi Manajemen Penyuluhan "
                  "Pertanian) per wilayah kerja Balai Penyuluhan Pertanian.",
        "resources": [
            _csv("kelompok-tani-2024.csv", "Kelompok Tani 2024",
                 "Kelompok tani, gapoktan, anggota, dan penyuluh.",
                 t_kelompok_tani),
        ],
    },
    {
        "name": "luas-lahan-sawah-menurut-jenis-irigasi-2024",
        "title": "Luas Lahan Sawah Menurut Jenis Irigasi 2024",
        "org": "dinas-pertanian",
        "notes": "Luas lahan sawah per kecamatan menurut jenis pengairan: "
                 "irigasi teknis, setengah teknis, sederhana, dan tadah "
                 "hujan.",
        "tags": ["pertanian", "lahan sawah", "irigasi"],
        "groups": ["pertanian", "infrastruktur"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "ha",
        "method": "Laporan luas lahan menurut penggunaan (SP-Lahan), "
                  "diselaraskan dengan Lahan Baku Sawah ATR/BPN.",
        "license_id": "other-open",
        "resources": [
            _csv("lahan-sawah-2024.csv", "Lahan Sawah 2024",
                 "Luas sawah per jenis irigasi (ha).", t_sawah),
        ],
    },
    {
        "name": "data-petani-penerima-pupuk-bersubsidi-erdkk-2026",
        "title": "Data Petani Penerima Pupuk Bersubsidi (e-RDKK) 2026",
        "org": "dinas-pertanian",
        "notes": "Rencana definitif kebutuhan pupuk bersubsidi per petani: "
                 "kelompok tani, luas lahan, komoditas, dan alokasi urea "
                 "serta NPK. Memuat NIK petani: hanya melalui permohonan "
                 "kepada PPID.",
        "tags": ["pertanian", "pupuk bersubsidi", "e-rdkk", "data pribadi"],
        "groups": ["pertanian"],
        "frequency": "tahunan",
        "spatial": "desa",
        "unit": "ha, kg",
        "method": "RDKK yang disusun kelompok tani bersama penyuluh dan "
                  "diinput dalam aplikasi e-RDKK Kementerian Pertanian.",
        "classification": _exempt(
            "terbatas", "h", "000.8.3/0008/PPID/2026",
            "Data memuat NIK, nama, luas lahan garapan, dan alokasi pupuk "
            "bersubsidi setiap petani. Bila dibuka, NIK dan data lahan "
            "dapat disalahgunakan untuk menebus pupuk atas nama petani "
            "yang berhak dan mengungkap kondisi ekonomi petani. Data "
            "diberikan kepada penyuluh, kios pupuk resmi, dan aparat "
            "pengawas melalui permohonan.",
            reason="Data pribadi petani dilindungi selama data disimpan; "
                   "rekap per kelompok tani dapat dibuka terpisah."),
        "resources": [
            _csv("erdkk-pupuk-bersubsidi-2026.csv", "e-RDKK 2026",
                 "Berkas asli e-RDKK per petani. Hanya diberikan melalui "
                 "permohonan kepada PPID.", t_erdkk),
        ],
    },
    # --- Dinas Sosial ------------------------------------------------------
    {
        "name": "penerima-bantuan-sosial-pkh-2024",
        "title": "Penerima Bantuan Sosial Program Keluarga Harapan (PKH) 2024",
        "org": "dinas-sosial",
        "notes": "Jumlah keluarga penerima manfaat (KPM) PKH per kecamatan "
                 "menurut komponen bantuan. Data agregat, tanpa data "
                 "pribadi penerima.",
        "tags": ["bansos", "pkh", "perlindungan sosial"],
        "groups": ["sosial"],
        "frequency": "triwulanan",
        "spatial": "kecamatan",
        "unit": "keluarga, juta rupiah",
        "method": "Rekapitulasi SIKS-NG dan laporan pendamping PKH per tahap "
                  "penyaluran, dijumlahkan setahun.",
        "resources": [
            _csv("penerima-pkh-2024.csv", "KPM PKH 2024",
                 "KPM PKH dan nilai bantuan per kecamatan.", t_pkh),
        ],
    },
    {
        "name": "penerima-bantuan-pangan-non-tunai-2024",
        "title": "Penerima Bantuan Pangan Non Tunai (BPNT) 2024",
        "org": "dinas-sosial",
        "notes": "Jumlah KPM BPNT/program sembako dan realisasi penyaluran "
                 "per kecamatan.",
        "tags": ["bansos", "bpnt", "pangan"],
        "groups": ["sosial"],
        "frequency": "triwulanan",
        "spatial": "kecamatan",
        "unit": "keluarga, %, juta rupiah",
        "method": "Laporan penyaluran bank penyalur dan PT Pos per tahap, "
                  "direkap Dinas Sosial.",
        "resources": [
            _csv("penerima-bpnt-2024.csv", "KPM BPNT 2024",
                 "KPM dan realisasi penyaluran per kecamatan.", t_bpnt),
        ],
    },
    {
        "name": "jumlah-pmks-menurut-jenis-2024",
        "title": "Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS) "
                 "Menurut Jenis 2024",
        "org": "dinas-sosial",
        "notes": "Jumlah PMKS menurut jenis dan jenis kelamin hasil "
                 "pendataan pekerja sosial masyarakat.",
        "tags": ["kesejahteraan sosial", "pmks", "disabilitas"],
        "groups": ["sosial"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "orang",
        "method": "Pendataan PMKS oleh Pekerja Sosial Masyarakat (PSM) dan "
                  "TKSK di setiap kecamatan.",
        "resources": [
            _csv("pmks-2024.csv", "PMKS 2024", "PMKS menurut jenis.",
                 t_pmks),
        ],
    },
    {
        "name": "rekap-dtks-per-kecamatan-2024",
        "title": "Rekapitulasi Data Terpadu Kesejahteraan Sosial (DTKS) per "
                 "Kecamatan 2024",
        "org": "dinas-sosial",
        "notes": "Jumlah rumah tangga, keluarga, dan jiwa yang terdaftar "
                 "dalam DTKS hasil penetapan Desember 2024. Hanya angka "
                 "rekapitulasi; data by name by address tidak dibuka.",
        "tags": ["dtks", "kemiskinan", "bansos"],
        "groups": ["sosial", "kependudukan"],
        "frequency": "bulanan",
        "spatial": "kecamatan",
        "unit": "rumah tangga, keluarga, jiwa, %",
        "method": "Rekapitulasi DTKS hasil penetapan Menteri Sosial bulan "
                  "Desember 2024 (SIKS-NG), tanpa data perseorangan.",
        "resources": [
            _csv("rekap-dtks-2024.csv", "Rekap DTKS 2024",
                 "Rumah tangga, keluarga, dan jiwa per kecamatan.", t_dtks),
        ],
    },
    {
        "name": "data-penerima-bantuan-sosial-per-keluarga-2024",
        "title": "Data Penerima Bantuan Sosial per Keluarga (By Name By "
                 "Address) 2024",
        "org": "dinas-sosial",
        "notes": "Daftar keluarga penerima PKH, BPNT, dan PBI-JK dengan "
                 "NIK, nama, dan alamat kepala keluarga, desil "
                 "kesejahteraan, dan status penyaluran. Angka agregatnya "
                 "terbuka pada dataset PKH, BPNT, dan rekap DTKS.",
        "tags": ["bansos", "dtks", "data pribadi"],
        "groups": ["sosial"],
        "frequency": "triwulanan",
        "spatial": "desa",
        "unit": "keluarga",
        "method": "Ekspor SIKS-NG (DTKS) penerima bantuan per Desember "
                  "2024, dipadankan dengan data SIAK.",
        "classification": _exempt(
            "terbatas", "h", "000.8.3/0007/PPID/2025",
            "Data memuat NIK, nama, dan alamat kepala keluarga beserta "
            "program bantuan dan desil kesejahteraannya. Bila dibuka utuh, "
            "identitas dan kondisi ekonomi keluarga dapat disalahgunakan "
            "untuk penipuan atas nama bansos atau pinjaman daring ilegal "
            "dan menimbulkan stigma bagi penerima. Daftar nama penerima "
            "tanpa NIK diumumkan di kantor desa; data lengkap diberikan "
            "kepada pendamping sosial, pemerintah desa, dan APIP melalui "
            "permohonan.",
            reason="Data pribadi penerima dilindungi selama data disimpan; "
                   "pengecualian ditinjau bila ketentuan publikasi "
                   "penerima bansos berubah."),
        "resources": [
            _csv("penerima-bansos-per-keluarga-2024.csv",
                 "Penerima Bansos per Keluarga 2024",
                 "Kecamatan Sukamaju Kota dan Mekarsari. Hanya diberikan "
                 "melalui permohonan kepada PPID.", t_bansos_per_keluarga),
        ],
    },
    # --- Dinas Pekerjaan Umum dan Penataan Ruang --------------------------
    {
        "name": "panjang-jalan-kabupaten-menurut-kondisi-2024",
        "title": "Panjang Jalan Kabupaten Menurut Kondisi 2024",
        "org": "dinas-pekerjaan-umum",
        "notes": "Panjang jalan kewenangan kabupaten per kecamatan menurut "
                 "kondisi permukaan, dan persentase jalan mantap.",
        "tags": ["infrastruktur", "jalan", "kondisi jalan"],
        "groups": ["infrastruktur"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "km, %",
        "method": "Survei kondisi jalan secara visual per ruas oleh Bidang "
                  "Bina Marga, semester II 2024.",
        "resources": [
            _csv("kondisi-jalan-kabupaten-2024.csv", "Kondisi Jalan 2024",
                 "Panjang jalan menurut kondisi (km).", t_jalan),
            _link("https://dpupr.sukamaju.go.id/data/"
                  "ruas-jalan-kabupaten-2024.xlsx",
                  "Daftar Ruas Jalan Kabupaten (XLSX)",
                  "Daftar ruas jalan berdasarkan SK Bupati, di situs Dinas "
                  "PUPR.", "XLSX"),
        ],
    },
    {
        "name": "jumlah-jembatan-kabupaten-menurut-kondisi-2024",
        "title": "Jumlah Jembatan Kabupaten Menurut Kondisi 2024",
        "org": "dinas-pekerjaan-umum",
        "notes": "Jumlah dan panjang jembatan kewenangan kabupaten per "
                 "kecamatan menurut kondisi.",
        "tags": ["infrastruktur", "jembatan"],
        "groups": ["infrastruktur"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "unit, m",
        "method": "Inventarisasi dan pemeriksaan berkala jembatan kabupaten "
                  "oleh Bidang Bina Marga.",
        "resources": [
            _csv("jembatan-kabupaten-2024.csv", "Jembatan Kabupaten 2024",
                 "Jembatan per kecamatan.", t_jembatan),
        ],
    },
    {
        "name": "daerah-irigasi-kewenangan-kabupaten-2024",
        "title": "Daerah Irigasi Kewenangan Kabupaten 2024",
        "org": "dinas-pekerjaan-umum",
        "notes": "Daftar daerah irigasi (DI) kewenangan kabupaten dengan "
                 "luas layanan, indeks kinerja, dan kondisi jaringan.",
        "tags": ["infrastruktur", "irigasi", "sumber daya air"],
        "groups": ["infrastruktur", "pertanian"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "ha, %",
        "method": "Penilaian Indeks Kinerja Sistem Irigasi (IKSI) oleh Bidang "
                  "Sumber Daya Air.",
        "resources": [
            _csv("daerah-irigasi-2024.csv", "Daerah Irigasi 2024",
                 "Daerah irigasi dan kondisinya.", t_irigasi),
        ],
    },
    {
        "name": "akses-air-minum-dan-sanitasi-layak-2024",
        "title": "Akses Rumah Tangga terhadap Air Minum dan Sanitasi Layak "
                 "2024",
        "org": "dinas-pekerjaan-umum",
        "notes": "Persentase keluarga dengan akses air minum layak dan "
                 "sanitasi layak per kecamatan, serta desa yang belum "
                 "stop buang air besar sembarangan (ODF).",
        "tags": ["infrastruktur", "air minum", "sanitasi"],
        "groups": ["infrastruktur", "kesehatan"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "KK, %, desa",
        "method": "Pendataan akses air minum dan sanitasi dalam aplikasi STBM "
                  "oleh sanitarian puskesmas, diolah Dinas PUPR.",
        "resources": [
            _csv("akses-air-minum-sanitasi-2024.csv",
                 "Air Minum dan Sanitasi 2024",
                 "Akses layak per kecamatan.", t_air_sanitasi),
        ],
    },
    {
        "name": "rencana-lokasi-pengadaan-tanah-kepentingan-umum-2026-2028",
        "title": "Rencana Lokasi Pengadaan Tanah untuk Kepentingan Umum "
                 "2026-2028",
        "org": "dinas-pekerjaan-umum",
        "notes": "Rencana awal lokasi, luas, jumlah bidang, dan perkiraan "
                 "ganti kerugian tanah untuk pembangunan kepentingan umum "
                 "sebelum penetapan lokasi oleh Bupati.",
        "tags": ["infrastruktur", "pengadaan tanah", "tata ruang"],
        "groups": ["infrastruktur"],
        "frequency": "tidak_tentu",
        "spatial": "desa",
        "unit": "m², bidang, juta rupiah",
        "method": "Dokumen perencanaan pengadaan tanah (DPPT) dari instansi "
                  "yang memerlukan tanah: studi kelayakan dan survei awal "
                  "lokasi.",
        "classification": _exempt(
            "terbatas", "e", "000.8.3/0004/PPID/2026",
            "Memuat rencana awal pembelian tanah oleh pemerintah daerah: "
            "lokasi, luas, dan perkiraan nilai ganti kerugian. Bila dibuka "
            "sebelum penetapan lokasi, spekulan dapat membeli tanah lebih "
            "dahulu sehingga harga naik, beban APBD bertambah, dan "
            "pembangunan tertunda. Pengecualian berakhir setelah penetapan "
            "lokasi diumumkan.",
            until="2029-06-30"),
        "resources": [
            _csv("rencana-lokasi-pengadaan-tanah-2026-2028.csv",
                 "Rencana Lokasi Pengadaan Tanah 2026-2028",
                 "Rencana per kegiatan dan desa terdampak. Hanya diberikan "
                 "melalui permohonan kepada PPID.",
                 t_rencana_pengadaan_tanah),
            _link("https://gis.sukamaju.go.id/internal/pengadaan-tanah/"
                  "rencana-lokasi-2026-2028.kml",
                  "Peta Rencana Lokasi (KML)",
                  "Batas rencana lokasi di GIS internal Dinas PUPR.", "KML"),
        ],
    },
    {
        "name": "rincian-hps-paket-pekerjaan-jalan-tahun-jamak-2027-2028",
        "title": "Rincian Harga Perkiraan Sendiri (HPS) Paket Pekerjaan "
                 "Jalan Tahun Jamak 2027-2028",
        "org": "dinas-pekerjaan-umum",
        "notes": "Harga satuan dan volume setiap mata pembayaran paket "
                 "pekerjaan jalan kontrak tahun jamak yang ditenderkan "
                 "bertahap. Nilai total HPS diumumkan bersama pengumuman "
                 "tender di LPSE.",
        "tags": ["infrastruktur", "jalan", "pengadaan barang jasa"],
        "groups": ["infrastruktur"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "rupiah",
        "method": "Disusun Pejabat Pembuat Komitmen dari survei harga "
                  "pasar, standar harga satuan daerah, dan analisa harga "
                  "satuan pekerjaan (AHSP) bidang Bina Marga.",
        "classification": _exempt(
            "terbatas", "b", "000.8.3/0005/PPID/2026",
            "Rincian HPS memuat harga satuan setiap mata pembayaran. Bila "
            "dibuka sebelum tender selesai, calon penyedia dapat "
            "menyesuaikan penawaran dengan HPS atau bersekongkol mengatur "
            "harga, sehingga terjadi persaingan usaha tidak sehat dan "
            "daerah kehilangan harga terbaik. Nilai total HPS tetap "
            "diumumkan.",
            until="2028-12-31"),
        "resources": [
            _csv("rincian-hps-jalan-tahun-jamak-2027-2028.csv",
                 "Rincian HPS Jalan Tahun Jamak 2027-2028",
                 "Volume dan harga satuan per mata pembayaran. Hanya "
                 "diberikan melalui permohonan kepada PPID.", t_rincian_hps),
        ],
    },
    # --- Diskominfo -------------------------------------------------------
    {
        "name": "jumlah-menara-telekomunikasi-per-kecamatan-2024",
        "title": "Jumlah Menara Telekomunikasi (BTS) per Kecamatan 2024",
        "org": "diskominfo",
        "notes": "Jumlah menara telekomunikasi seluler, operator yang "
                 "melayani, dan desa yang masih blank spot per kecamatan.",
        "tags": ["telekomunikasi", "infrastruktur", "bts"],
        "groups": ["infrastruktur"],
        "frequency": "tahunan",
        "spatial": "kecamatan",
        "unit": "unit, desa",
        "method": "Pendataan menara dari perizinan bangunan dan survei "
                  "lapangan blank spot bersama operator seluler.",
        "resources": [
            _csv("menara-telekomunikasi-2024.csv",
                 "Menara Telekomunikasi 2024",
                 "Menara BTS dan blank spot per kecamatan.", t_menara),
        ],
    },
    {
        "name": "titik-wifi-publik-2024",
        "title": "Titik Akses Wi-Fi Publik Pemerintah Kabupaten 2024",
        "org": "diskominfo",
        "notes": "Lokasi Wi-Fi publik gratis yang dikelola Diskominfo, "
                 "beserta kapasitas dan status layanannya.",
        "tags": ["telekomunikasi", "wifi publik", "layanan publik"],
        "groups": ["infrastruktur", "pemerintahan"],
        "frequency": "bulanan",
        "spatial": "titik",
        "unit": "lokasi, Mbps",
        "method": "Inventaris perangkat dan pemantauan jaringan (network "
                  "monitoring) Diskominfo.",
        "resources": [
            _csv("titik-wifi-publik-2024.csv", "Titik Wi-Fi Publik 2024",
                 "Lokasi dan status Wi-Fi publik.", t_wifi),
        ],
    },
    {
        "name": "daftar-aplikasi-layanan-publik-daerah",
        "title": "Daftar Aplikasi Layanan Publik Pemerintah Daerah",
        "org": "diskominfo",
        "notes": "Inventaris aplikasi layanan publik milik Pemerintah "
                 "Kabupaten Sukamaju (SPBE): pengelola, jenis layanan, dan "
                 "status.",
        "tags": ["spbe", "aplikasi", "layanan publik"],
        "groups": ["pemerintahan"],
        "frequency": "tidak_tentu",
        "temporal": (2025, 2025),
        "spatial": "kabupaten",
        "unit": "aplikasi",
        "method": "Inventarisasi aplikasi SPBE dari setiap perangkat daerah, "
                  "diverifikasi Bidang Aplikasi Informatika.",
        "license_id": "other-open",
        "resources": [
            _csv("aplikasi-layanan-publik.csv", "Aplikasi Layanan Publik",
                 "Daftar aplikasi dan pengelolanya.", t_aplikasi),
        ],
    },
    # --- PPID Kabupaten ---------------------------------------------------
    {
        "name": "daftar-informasi-publik-2025",
        "title": "Daftar Informasi Publik (DIP) Kabupaten Sukamaju 2025",
        "org": "ppid-kabupaten",
        "notes": "Daftar Informasi Publik yang ditetapkan PPID Kabupaten "
                 "Sukamaju: ringkasan informasi, penguasa informasi, "
                 "bentuk, dan jenis (berkala, serta merta, setiap saat).",
        "tags": ["ppid", "informasi publik", "dip"],
        "groups": ["pemerintahan"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "informasi",
        "method": "Ditetapkan dengan Keputusan PPID dari usulan PPID Pembantu "
                  "seluruh perangkat daerah.",
        "resources": [
            _csv("daftar-informasi-publik-2025.csv", "DIP 2025",
                 "Daftar informasi publik.", t_dip),
            _link("https://ppid.sukamaju.go.id/dokumen/"
                  "sk-penetapan-dip-2025.pdf",
                  "SK Penetapan DIP 2025 (PDF)",
                  "Keputusan PPID tentang penetapan DIP.", "PDF"),
        ],
    },
    {
        "name": "laporan-layanan-informasi-publik-2024",
        "title": "Laporan Layanan Permohonan Informasi Publik 2024",
        "org": "ppid-kabupaten",
        "notes": "Rekapitulasi bulanan permohonan informasi publik: "
                 "permohonan masuk, dikabulkan, ditolak, informasi tidak "
                 "dikuasai, waktu layanan, dan keberatan.",
        "tags": ["ppid", "informasi publik", "permohonan informasi"],
        "groups": ["pemerintahan"],
        "frequency": "bulanan",
        "spatial": "kabupaten",
        "unit": "permohonan, hari kerja",
        "method": "Register permohonan informasi publik PPID Utama dan PPID "
                  "Pembantu, direkap per bulan.",
        "resources": [
            _csv("layanan-informasi-publik-2024.csv",
                 "Layanan Informasi Publik 2024",
                 "Rekap permohonan per bulan.", t_layanan_informasi),
        ],
    },
    # --- BKPSDM -----------------------------------------------------------
    {
        "name": "nota-dinas-evaluasi-kinerja-pejabat-administrator-2025",
        "title": "Nota Dinas Hasil Evaluasi Kinerja dan Rekomendasi Rotasi "
                 "Pejabat Administrator 2025",
        "org": "bkpsdm",
        "notes": "Pertimbangan Tim Penilai Kinerja PNS kepada Bupati: "
                 "predikat kinerja, hasil uji kompetensi, dan rekomendasi "
                 "rotasi pejabat administrator. Informasi yang "
                 "dikecualikan.",
        "tags": ["kepegawaian", "kinerja", "asn"],
        "groups": ["pemerintahan"],
        "frequency": "tahunan",
        "spatial": "kabupaten",
        "unit": "pegawai, nilai",
        "method": "Penilaian kinerja dalam e-Kinerja dan uji kompetensi "
                  "oleh Tim Penilai Kinerja PNS, dirangkum dalam nota dinas "
                  "kepada Bupati.",
        "classification": _exempt(
            "rahasia", "i", "000.8.3/0006/PPID/2026",
            "Nota dinas ini berisi pertimbangan internal Tim Penilai "
            "Kinerja sebelum Bupati memutuskan rotasi. Bila dibuka, "
            "pengambilan keputusan dapat diintervensi, nama baik pejabat "
            "dirugikan oleh rekomendasi yang belum tentu ditetapkan, dan "
            "penilai enggan memberi pertimbangan secara jujur. Nota ini "
            "juga memuat data pribadi pegawai.",
            until="2030-12-31"),
        "license_id": "other-closed",
        "resources": [
            _csv("evaluasi-kinerja-pejabat-administrator-2025.csv",
                 "Lampiran Nota Dinas",
                 "Lampiran nota dinas. Dikecualikan: tidak diberikan "
                 "melalui portal.", t_evaluasi_kinerja),
        ],
    },
    # --- Kesbangpol -------------------------------------------------------
    {
        "name": "rencana-pengamanan-objek-vital-daerah-2026-2028",
        "title": "Rencana Pengamanan Objek Vital dan Titik Rawan Daerah "
                 "2026-2028",
        "org": "kesbangpol",
        "notes": "Daftar objek vital di wilayah kabupaten dengan tingkat "
                 "kerawanan, pos dan personel pengamanan, pola patroli, "
                 "dan titik rawan. Informasi yang dikecualikan.",
        "tags": ["keamanan", "objek vital", "forkopimda"],
        "groups": ["pemerintahan"],
        "frequency": "tidak_tentu",
        "spatial": "titik",
        "unit": "objek, pos, personel",
        "method": "Disusun Kesbangpol bersama Polres, Kodim, dan Satpol PP "
                  "dari survei kerawanan dan rapat koordinasi Forkopimda.",
        "classification": _exempt(
            "rahasia", "c", "000.8.3/0002/PPID/2026",
            "Dokumen memuat titik rawan, jumlah personel, dan pola patroli "
            "pengamanan objek vital seperti bendungan, gardu induk, dan "
            "instalasi air minum. Bila dibuka, pihak yang berniat jahat "
            "dapat memetakan celah pengamanan dan merencanakan sabotase "
            "yang melumpuhkan layanan dasar dan membahayakan keamanan "
            "daerah.",
            until="2031-12-31"),
        "license_id": "other-closed",
        "resources": [
            _csv("rencana-pengamanan-objek-vital-2026-2028.csv",
                 "Matriks Pengamanan Objek Vital",
                 "Dikecualikan: tidak diberikan melalui portal.",
                 t_objek_vital),
        ],
    },
]

#: Classification proposals waiting for the PPID, made by the producing
#: agency through ``ppidrequest_classification_propose``. While one waits,
#: the dataset is handled as the stricter of its decided class and the
#: proposal.
PROPOSALS: list[dict[str, str]] = [
    {
        # terbatas -> terbuka: the producer argues the table holds no small
        # cells any more
        "dataset": "kunjungan-dan-sepuluh-besar-penyakit-per-puskesmas-2024",
        "user": "produsen-dinkes",
        "classification": "terbuka",
        "note": "Tabel 2024 hanya memuat sepuluh diagnosis umum (ISPA, "
                "hipertensi, dan sejenisnya) dan tidak ada sel di bawah lima "
                "kasus. Produsen data mengusulkan data ini dibuka.",
    },
    {
        # terbuka -> terbatas: handled as terbatas until the PPID decides
        "dataset": "jumlah-kasus-hiv-aids-per-kecamatan-2024",
        "user": "produsen-dinkes",
        "classification": "terbatas",
        "classification_ground": "h",
        "classification_consequence": (
            "Di kecamatan dengan satu sampai tiga kasus baru, angka per "
            "kecamatan yang dipadukan dengan informasi layanan PDP di "
            "puskesmas setempat dapat mengarah pada identitas ODHIV dan "
            "memicu stigma serta diskriminasi. Angka tingkat kabupaten "
            "tetap dibuka; rincian per kecamatan melalui permohonan."),
        "classification_exempt_until": "2029-12-31",
        "note": "Usulan setelah koordinasi dengan Komisi Penanggulangan "
                "AIDS Kabupaten.",
    },
]

# ---------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------

DATASET_FIELDS = ("title", "notes", "license_id", "author", "author_email",
                  "maintainer", "maintainer_email", "url", "version")


class _Seeder:
    """Holds the acting user and the tallies of one :func:`seed` run."""

    def __init__(self, echo: Callable[[str], Any]):
        self.echo = echo
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        self.user = site_user["name"]
        self.stats: Counter[tuple[str, str]] = Counter()
        self.classes: Counter[str] = Counter()  # decided, per demo dataset
        self.org_ids: dict[str, str] = {}

    def context(self) -> dict[str, Any]:
        # A fresh dict per call: actions write into their context.
        return {"user": self.user, "ignore_auth": True}

    def action(self, name: str, data: dict[str, Any]) -> Any:
        return tk.get_action(name)(self.context(), data)

    def show(self, name: str, data: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return self.action(name, data)
        except tk.ObjectNotFound:
            return None

    def tally(self, kind: str, outcome: str, label: str) -> None:
        self.stats[(kind, outcome)] += 1
        if outcome != "unchanged":
            mark = {"created": "+", "updated": "~"}[outcome]
            self.echo(f"  {mark} {kind}: {label}")


def _changed(current: dict[str, Any], wanted: dict[str, Any]
             ) -> dict[str, Any]:
    """The items of ``wanted`` that differ from ``current``."""
    return {k: v for k, v in wanted.items() if (current.get(k) or "") != v}


def _org_contact(org: dict[str, str]) -> dict[str, str]:
    short = org["short"]
    if org["name"] == "ppid-kabupaten":
        return {"author": org["title"],
                "author_email": "ppid@sukamaju.go.id",
                "maintainer": org["title"],
                "maintainer_email": "ppid@sukamaju.go.id",
                "url": "https://ppid.sukamaju.go.id"}
    return {"author": f"{org['title']} {REGENCY}",
            "author_email": f"{short}@sukamaju.go.id",
            "maintainer": f"PPID Pembantu {org['title']}",
            "maintainer_email": f"ppid.{short}@sukamaju.go.id",
            "url": f"https://{short}.sukamaju.go.id"}


def _group_like(s: _Seeder, kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    wanted = {"title": spec["title"], "description": spec["description"]}
    current = s.show(f"{kind}_show", {"id": spec["name"],
                                      "include_datasets": False,
                                      "include_users": False})
    if current is None:
        result = s.action(f"{kind}_create", {"name": spec["name"], **wanted})
        s.tally(kind, "created", spec["name"])
        return result
    changes = _changed(current, wanted)
    if current.get("state") != "active":
        changes["state"] = "active"
    if changes:
        current = s.action(f"{kind}_patch", {"id": current["id"], **changes})
        s.tally(kind, "updated", spec["name"])
    else:
        s.tally(kind, "unchanged", spec["name"])
    return current


def ensure_organization(s: _Seeder, spec: dict[str, Any]) -> dict[str, Any]:
    org = _group_like(s, "organization", spec)
    s.org_ids[spec["name"]] = org["id"]
    return org


def ensure_group(s: _Seeder, spec: dict[str, Any]) -> dict[str, Any]:
    return _group_like(s, "group", spec)


def _password_matches(name: str, password: str) -> bool:
    import ckan.model as model

    user = model.User.by_name(name)
    return bool(user and user.validate_password(password))


def ensure_user(s: _Seeder, spec: dict[str, Any], password: str
                ) -> dict[str, Any]:
    wanted = {"fullname": spec["fullname"], "email": spec["email"],
              "about": spec["about"]}
    current = s.show("user_show", {"id": spec["name"]})
    if current is None:
        data = {"name": spec["name"], "password": password, **wanted}
        if spec.get("sysadmin"):
            # user_create accepts ``sysadmin`` from a sysadmin/ignore_auth
            # context (the ignore_not_sysadmin validator).
            data["sysadmin"] = True
        user = s.action("user_create", data)
        s.tally("user", "created", spec["name"])
    else:
        changes = _changed(current, wanted)
        if bool(current.get("sysadmin")) != bool(spec.get("sysadmin")):
            changes["sysadmin"] = bool(spec.get("sysadmin"))
        if current.get("state") != "active":
            changes["state"] = "active"
        if not _password_matches(spec["name"], password):
            changes["password"] = password
        if changes:
            user = s.action("user_patch", {"id": current["id"], **changes})
            s.tally("user", "updated", spec["name"])
        else:
            user = current
            s.tally("user", "unchanged", spec["name"])
    for kind, memberships in (
            ("organization", spec.get("memberships", [])),
            ("group", [(g, "admin") for g in spec.get("groups", [])])):
        for parent, capacity in memberships:
            _ensure_member(s, kind, parent, spec["name"], capacity)
    return user


def _ensure_member(s: _Seeder, kind: str, parent: str, username: str,
                   capacity: str) -> None:
    shown = s.action(f"{kind}_show", {"id": parent, "include_users": True,
                                      "include_datasets": False})
    for member in shown.get("users", []):
        if member["name"] == username and member["capacity"] == capacity:
            s.tally("membership", "unchanged", f"{username} @ {parent}")
            return
    s.action(f"{kind}_member_create", {"id": parent, "username": username,
                                       "role": capacity})
    s.tally("membership", "created",
            f"{username} is {capacity} of {kind} {parent}")


def render_csv(table: Table) -> bytes:
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def resource_bytes(spec: dict[str, Any]) -> bytes:
    """The CSV file of a resource spec, identical on every run."""
    rng = random.Random(f"{SEED}:{spec['filename']}")
    return render_csv(spec["table"](rng))


def _stored_bytes(resource: dict[str, Any]) -> bytes | None:
    """Content of an uploaded resource as stored, or None if unreadable."""
    import ckan.lib.uploader as uploader

    if resource.get("url_type") != "upload":
        return None
    try:
        upload = uploader.get_resource_uploader(dict(resource))
        path = upload.get_path(resource["id"])
        storage = getattr(upload, "storage", None)
        if storage is not None:  # CKAN 2.12 file storages (file-keeper)
            from ckan.lib import files

            return b"".join(storage.stream(files.FileData(path)))
        with open(path, "rb") as f:
            return f.read()
    except Exception:  # missing file, storage not configured, ...
        return None


def _ensure_resource(s: _Seeder, dataset: dict[str, Any],
                     spec: dict[str, Any], current: dict[str, Any] | None
                     ) -> None:
    label = f"{dataset['name']} / {spec['name']}"
    wanted = {"name": spec["name"], "description": spec["description"],
              "format": spec["format"]}
    if "table" in spec:
        content = resource_bytes(spec)
        need_upload = (current is None
                       or current.get("url_type") != "upload"
                       or _stored_bytes(current) != content)
        changes = _changed(current or {}, wanted)
        if need_upload:
            changes["upload"] = FileStorage(stream=io.BytesIO(content),
                                            filename=spec["filename"],
                                            content_type="text/csv")
            changes["url"] = spec["filename"]
    else:
        wanted["url"] = spec["url"]
        changes = _changed(current or {}, wanted)
        if current and current.get("url_type"):
            changes["url_type"] = ""
            changes["clear_upload"] = True
    if current is None:
        s.action("resource_create", {"package_id": dataset["id"], **wanted,
                                     **changes})
        s.tally("resource", "created", label)
    elif changes:
        s.action("resource_patch", {"id": current["id"], **changes})
        s.tally("resource", "updated", label)
    else:
        s.tally("resource", "unchanged", label)


def _producer_contact(org: dict[str, str]) -> str:
    """Section, phone and email of the producing agency, e.g. "Seksi Data
    dan Informasi Dinas Kesehatan, (0261) 555-0123, dinkes@sukamaju.go.id"."""
    email = _org_contact(org)["author_email"]
    return f"{org['contact']}, {org['phone']}, {email}"


def _temporal(spec: dict[str, Any]) -> tuple[str, str]:
    """Temporal coverage in years: ``temporal`` of the spec, else the year
    or range of years that ends the dataset's name."""
    if "temporal" in spec:
        start, end = spec["temporal"]
        return str(start), str(end)
    match = re.search(r"(\d{4})(?:-(\d{4}))?$", spec["name"])
    if not match:
        return "", ""
    return match.group(1), match.group(2) or match.group(1)


def satu_data_fields(spec: dict[str, Any]) -> dict[str, str]:
    """The Satu Data metadata of a dataset spec, as the schema stores it."""
    org = next(o for o in ORGANIZATIONS if o["name"] == spec["org"])
    start, end = _temporal(spec)
    return {
        "producer_contact": _producer_contact(org),
        "update_frequency": spec["frequency"],
        "temporal_start": start,
        "temporal_end": end,
        "spatial_coverage": spec["spatial"],
        "unit_of_measure": spec["unit"],
        "source_method": spec["method"],
    }


def classification_fields(spec: dict[str, Any]) -> dict[str, str]:
    """The decided classification of a dataset spec and its basis, as the
    validator stores them (an open dataset keeps empty basis fields)."""
    fields = {"classification": C.TERBUKA,
              **{f: "" for f in C.BASIS_FIELDS}}
    fields.update(spec.get("classification") or {})
    if fields["classification"] == C.TERBUKA:
        fields.update({f: "" for f in C.BASIS_FIELDS})
    return fields


def ensure_dataset(s: _Seeder, spec: dict[str, Any]) -> dict[str, Any]:
    org = next(o for o in ORGANIZATIONS if o["name"] == spec["org"])
    decided = classification_fields(spec)
    default_license = ("cc-by" if decided["classification"] == C.TERBUKA
                       else "other-closed")
    wanted: dict[str, Any] = {
        "title": spec["title"],
        "notes": spec["notes"],
        "license_id": spec.get("license_id", default_license),
        "version": spec.get("version", _version(spec["name"])),
        **_org_contact(org),
        **satu_data_fields(spec),
        **decided,
    }
    wanted.update({k: spec[k] for k in DATASET_FIELDS if k in spec})
    tags = sorted(set(spec["tags"]))
    groups = sorted(set(spec.get("groups", [])))
    owner = s.org_ids[spec["org"]]

    current = s.show("package_show", {"id": spec["name"]})
    if current is None:
        dataset = s.action("package_create", {
            "name": spec["name"], "owner_org": owner, "private": False,
            "tags": [{"name": t} for t in tags],
            "groups": [{"name": g} for g in groups],
            **wanted})
        s.tally("dataset", "created", spec["name"])
    else:
        changes = _changed(current, wanted)
        if current.get("owner_org") != owner:
            changes["owner_org"] = owner
        if current.get("private"):
            changes["private"] = False
        if current.get("state") != "active":
            changes["state"] = "active"
        if sorted(t["name"] for t in current.get("tags", [])) != tags:
            changes["tags"] = [{"name": t} for t in tags]
        if sorted(g["name"] for g in current.get("groups", [])) != groups:
            changes["groups"] = [{"name": g} for g in groups]
        if changes:
            dataset = s.action("package_patch", {"id": current["id"],
                                                 **changes})
            s.tally("dataset", "updated", spec["name"])
        else:
            dataset = current
            s.tally("dataset", "unchanged", spec["name"])

    s.classes[dataset.get("classification") or "-"] += 1
    by_name = {r.get("name"): r for r in dataset.get("resources", [])}
    for res in spec["resources"]:
        _ensure_resource(s, dataset, res, by_name.get(res["name"]))
    return dataset


_PROPOSAL_KEYS = ("classification",) + tuple(
    f for f in C.BASIS_FIELDS if f != "classification_decision_ref")


def ensure_proposal(s: _Seeder, spec: dict[str, str]) -> None:
    """Make a pending classification proposal as ``spec["user"]`` through
    ``ppidrequest_classification_propose``, unless the dataset already
    carries that proposal from that user.

    Run after the datasets: any save of a dataset by the PPID (the seed's
    site user included) settles its pending proposal.
    """
    label = (f"{spec['dataset']}: {spec['classification']} proposed by "
             f"{spec['user']}")
    current = s.action("package_show", {"id": spec["dataset"]})
    wanted = {k: spec.get(k, "") for k in _PROPOSAL_KEYS}
    if wanted["classification"] == C.TERBUKA:
        wanted.update({k: "" for k in _PROPOSAL_KEYS[1:]})
    pending = C.proposal_of(current) or {}
    if pending.get("proposed_by") == spec["user"] and all(
            (pending.get(k) or "") == v for k, v in wanted.items()):
        s.tally("proposal", "unchanged", label)
        return
    tk.get_action("ppidrequest_classification_propose")(
        {"user": spec["user"]},
        {"id": current["id"], **wanted, "note": spec.get("note", "")})
    s.tally("proposal", "updated" if pending else "created", label)


def _version(name: str) -> str:
    """The data year at the end of the dataset name, else "1.0"."""
    match = re.search(r"(\d{4})$", name)
    return match.group(1) if match else "1.0"


def _password() -> str:
    return tk.config.get(PASSWORD_OPTION) or DEFAULT_PASSWORD


def _summary(s: _Seeder, password: str, seconds: float) -> Iterable[str]:
    yield ""
    yield f"Demo data for {REGENCY} ready in {seconds:.1f} s."
    kinds = ["organization", "group", "user", "membership", "dataset",
             "resource", "proposal", "request"]
    width = max(len(k) for k in kinds) + 1
    yield f"  {'':<{width}} created  updated  unchanged"
    for kind in kinds:
        c, u, n = (s.stats[(kind, o)] for o in
                   ("created", "updated", "unchanged"))
        yield f"  {kind + 's':<{width}} {c:>7}  {u:>7}  {n:>9}"
    counts = ", ".join(f"{cls} {s.classes[cls]}" for cls in C.CLASSES)
    pending = sum(s.stats[("proposal", o)]
                  for o in ("created", "updated", "unchanged"))
    yield (f"Datasets per classification (decided by the PPID): {counts}; "
           f"pending proposals: {pending}.")
    yield ""
    yield "Logins (all share one password, option " + PASSWORD_OPTION + "):"
    rows = [("username", "peran / role", "password")]
    for u in USERS:
        rows.append((u["name"], f"{u['role_id']} / {u['role_en']}", password))
    w1, w2, w3 = (max(len(r[i]) for r in rows) for i in range(3))
    for i, (a, b, c) in enumerate(rows):
        yield f"  {a:<{w1}}  {b:<{w2}}  {c}"
        if i == 0:
            yield f"  {'-' * w1}  {'-' * w2}  {'-' * w3}"
    url = (tk.config.get("ckan.site_url") or SITE_URL).rstrip("/")
    yield ""
    yield f"Open {url} and log in at {url}/user/login"


def seed(echo: Callable[[str], Any] = print) -> dict[str, int]:
    """Create or update the demo portal. Safe to run any number of times.

    Returns the tallies as ``{"dataset_created": 3, ...}``.
    """
    started = time.monotonic()
    s = _Seeder(echo)
    password = _password()
    echo(f"Seeding demo data for {REGENCY} as {s.user}...")
    for org in ORGANIZATIONS:
        ensure_organization(s, org)
    for group in GROUPS:
        ensure_group(s, group)
    for user in USERS:
        ensure_user(s, user, password)
    for dataset in DATASETS:
        ensure_dataset(s, dataset)
    for proposal in PROPOSALS:
        ensure_proposal(s, proposal)
    from . import requests as demo_requests

    for spec in demo_requests.REQUESTS:
        demo_requests.ensure_request(spec, lambda outcome, spec=spec: s.tally(
            "request", outcome, spec["form"]["information_requested"][:40]))
    for line in _summary(s, password, time.monotonic() - started):
        echo(line)
    return {f"{kind}_{outcome}": n for (kind, outcome), n in s.stats.items()}
