"""The tables of the demo datasets' CSV files, generated in code.

Each generator takes its own ``random.Random``, seeded with :data:`SEED` and
the file name (:func:`resource_bytes`), and returns (header, rows); the
numbers are invented but plausible and consistent (for instance every table
per kecamatan scales with its population). Reruns produce byte-identical
files, and adding a dataset never changes the others. ``data/datasets.yaml``
names a generator by its name without ``t_`` (``table: penduduk_kecamatan``)
and gives its extra arguments, if any, as ``args``.
"""
from __future__ import annotations

import csv
import io
import random
from collections import Counter
from typing import Any, Callable, Iterable

from babel.dates import get_month_names

SEED = 2026
YEAR = 2024

Row = list[Any]
Table = tuple[list[str], list[Row]]
Generator = Callable[..., Table]

#: The generators by name, as ``data/datasets.yaml`` refers to them.
TABLES: dict[str, Generator] = {}


def table(generator: Generator) -> Generator:
    """Register a generator in :data:`TABLES` under its name without
    ``t_``."""
    TABLES[generator.__name__.removeprefix("t_")] = generator
    return generator


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

#: month names for the CSV columns, from CLDR (the data files are in
#: Indonesian whatever the portal's language)
BULAN = [get_month_names("wide", locale="id")[m] for m in range(1, 13)]


# ---------------------------------------------------------------------------
# Open data: aggregates per kecamatan, per year or per month
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


@table
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


@table
def t_penduduk_desa(rng: random.Random, kecamatan: str) -> Table:
    male, female, kk = _population()[kecamatan]
    desa = DESA[kecamatan]
    totals = _split(rng, male + female, len(desa))
    # Each desa near the kecamatan's sex ratio and household size; the last
    # one takes the remainder so the desa add up to the kecamatan.
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


@table
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


@table
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


@table
def t_mutasi_penduduk(rng: random.Random) -> Table:
    rows = []
    for bulan in BULAN:
        rows.append([bulan, rng.randint(720, 910), rng.randint(290, 410),
                     rng.randint(180, 320), rng.randint(210, 360), YEAR])
    return (["bulan", "lahir", "mati", "datang", "pindah", "tahun"], rows)


@table
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


@table
def t_aki_akb_kecamatan(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        births = round(total * rng.uniform(0.0160, 0.0178))
        rows.append([name, births, rng.randint(0, 2), rng.randint(3, 11),
                     YEAR])
    return (["kecamatan", "kelahiran_hidup", "kematian_ibu",
             "kematian_bayi", "tahun"], rows)


@table
def t_stunting(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        balita = round(total * rng.uniform(0.072, 0.081))
        diukur = round(balita * rng.uniform(0.88, 0.97))
        stunting = round(diukur * rng.uniform(0.11, 0.24))
        rows.append([name, balita, diukur, stunting,
                     _pct(stunting, diukur), BULAN[7], YEAR])
    return (["kecamatan", "jumlah_balita", "balita_diukur", "balita_stunting",
             "prevalensi_stunting_persen", "bulan_penimbangan", "tahun"],
            rows)


@table
def t_faskes(rng: random.Random) -> Table:
    rows = []
    for i, (name, total, _) in enumerate(KECAMATAN):
        rows.append([name, 2 if i == 0 else rng.choice([0, 0, 0, 1]),
                     2 if total > 55000 else 1, rng.randint(3, 7),
                     round(total / rng.uniform(650, 900)),
                     rng.randint(1, 6), rng.randint(2, 14), YEAR])
    return (["kecamatan", "rumah_sakit", "puskesmas", "puskesmas_pembantu",
             "posyandu", "klinik_pratama", "apotek", "tahun"], rows)


@table
def t_imunisasi(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        sasaran = round(total * rng.uniform(0.0158, 0.0172))
        idl = round(sasaran * rng.uniform(0.86, 0.99))
        rows.append([name, sasaran, idl, _pct(idl, sasaran), YEAR])
    return (["kecamatan", "sasaran_bayi", "imunisasi_dasar_lengkap",
             "cakupan_idl_persen", "tahun"], rows)


@table
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


@table
def t_penyakit_menular(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        dbd = round(total / 1e5 * rng.uniform(20, 75))
        tb = round(total / 1e5 * rng.uniform(180, 320))
        rows.append([name, dbd, rng.choice([0, 0, 0, 1]), tb,
                     round(tb * rng.uniform(0.78, 0.92)), YEAR])
    return (["kecamatan", "kasus_dbd", "kematian_dbd", "kasus_tbc_ditemukan",
             "kasus_tbc_sembuh_lengkap", "tahun"], rows)


@table
def t_sd(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        negeri = round(total / rng.uniform(1700, 2200))
        swasta = rng.randint(1, 6)
        rows.append([name, negeri, swasta, negeri + swasta,
                     round(total * rng.uniform(0.105, 0.118)), YEAR])
    return (["kecamatan", "sd_negeri", "sd_swasta", "jumlah_sd",
             "jumlah_siswa_sd", "tahun"], rows)


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
def t_makro(rng: random.Random) -> Table:
    rows = []
    for year in range(2019, 2025):
        growth = -1.9 if year == 2020 else round(rng.uniform(3.6, 5.4), 2)
        rows.append([year, growth, round(rng.uniform(1.6, 4.2), 2),
                     round(rng.uniform(4.3, 7.1), 2),
                     round(rng.uniform(0.33, 0.38), 3)])
    return (["tahun", "pertumbuhan_ekonomi_persen", "inflasi_persen",
             "tingkat_pengangguran_terbuka_persen", "rasio_gini"], rows)


@table
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


@table
def t_padi(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        tanam = round(area * rng.uniform(18, 46) * (0.3 if area < 30 else 1))
        panen = round(tanam * rng.uniform(0.93, 0.99))
        prod = round(rng.uniform(52.0, 61.5), 2)  # kuintal/ha
        rows.append([name, tanam, panen, prod, round(panen * prod / 10), YEAR])
    return (["kecamatan", "luas_tanam_ha", "luas_panen_ha",
             "produktivitas_ku_per_ha", "produksi_gkg_ton", "tahun"], rows)


@table
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


@table
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


@table
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


@table
def t_kelompok_tani(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        kt = round(area * rng.uniform(0.5, 1.0)) + 8
        rows.append([name, kt, rng.randint(6, 14), kt * rng.randint(22, 32),
                     rng.randint(2, 5), YEAR])
    return (["kecamatan", "kelompok_tani", "gapoktan", "anggota_kelompok_tani",
             "penyuluh_pertanian", "tahun"], rows)


@table
def t_sawah(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        total = round(area * rng.uniform(9, 22) * (0.4 if area < 30 else 1))
        parts = _split(rng, total, 4)
        rows.append([name, *parts, total, YEAR])
    return (["kecamatan", "irigasi_teknis_ha", "irigasi_setengah_teknis_ha",
             "irigasi_sederhana_ha", "tadah_hujan_ha", "jumlah_ha", "tahun"],
            rows)


@table
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


@table
def t_bpnt(rng: random.Random) -> Table:
    rows = []
    for name, total, _ in KECAMATAN:
        kpm = round(total * rng.uniform(0.045, 0.07))
        rows.append([name, kpm, round(rng.uniform(94.5, 99.8), 2),
                     round(kpm * 0.2 * 12, 1), YEAR])
    return (["kecamatan", "kpm_bpnt", "realisasi_penyaluran_persen",
             "nilai_bantuan_setahun_juta_rp", "tahun"], rows)


@table
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


@table
def t_dtks(rng: random.Random) -> Table:
    pop = _population()
    rows = []
    for name, total, _ in KECAMATAN:
        jiwa = round(total * rng.uniform(0.24, 0.36))
        kel = round(jiwa / rng.uniform(3.2, 3.7))
        rt = round(kel / rng.uniform(1.02, 1.08))
        rows.append([name, rt, kel, jiwa, _pct(kel, pop[name][2]),
                     BULAN[11], YEAR])
    return (["kecamatan", "rumah_tangga", "keluarga", "jiwa",
             "persen_keluarga_terdaftar", "bulan_penetapan", "tahun"], rows)


@table
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


@table
def t_jembatan(rng: random.Random) -> Table:
    rows = []
    for name, _, area in KECAMATAN:
        n = round(area / rng.uniform(6, 11))
        rusak = rng.randint(0, max(1, n // 4))
        rows.append([name, n, round(n * rng.uniform(9, 22), 1), n - rusak,
                     rusak, YEAR])
    return (["kecamatan", "jumlah_jembatan", "panjang_total_m",
             "kondisi_baik", "kondisi_rusak", "tahun"], rows)


@table
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


@table
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


@table
def t_menara(rng: random.Random) -> Table:
    rows = []
    for name, total, area in KECAMATAN:
        menara = round(total / rng.uniform(2500, 4200))
        rows.append([name, menara, rng.randint(2, 4),
                     rng.randint(0, 3) if area > 60 else 0, YEAR])
    return (["kecamatan", "jumlah_menara_bts", "operator_seluler",
             "desa_blank_spot", "tahun"], rows)


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


@table
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


def render_csv(rows: Table) -> bytes:
    header, body = rows
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue().encode("utf-8")


def resource_bytes(spec: dict[str, Any]) -> bytes:
    """The CSV file of a resource spec, identical on every run."""
    rng = random.Random(f"{SEED}:{spec['filename']}")
    return render_csv(TABLES[spec["table"]](rng, *spec.get("args", ())))
