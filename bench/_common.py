"""What the benchmarks share: the synthetic regency, the CKAN environment,
SQL timing and EXPLAIN, statistics, the report.

Imported by ``bench/search.py`` and ``bench/request_workflow.py`` (run as
scripts, so ``bench/`` is first on ``sys.path``).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
BASE_INI = ROOT / ".run" / "ckan.ini"   # written by dev/embedded.py
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
ADMIN = "bench_admin"


def say(msg: str = "") -> None:
    print(msg, flush=True)


# --------------------------------------------------------------------------
# The synthetic regency: its organisations and places
# --------------------------------------------------------------------------

KABUPATEN = "Kabupaten Sukamaju"

# name, title, share of the datasets (and requests), title subjects,
# topical tags
ORGS = [
    ("dinas-kesehatan", "Dinas Kesehatan", 18, [
        "Jumlah Tenaga Kesehatan", "Cakupan Imunisasi Dasar Lengkap",
        "Kasus Stunting pada Balita", "Jumlah Puskesmas dan Posyandu",
        "Angka Kematian Ibu dan Bayi", "Prevalensi Gizi Buruk",
        "Kunjungan Pasien Rawat Jalan", "Kasus Demam Berdarah Dengue",
        "Peserta Jaminan Kesehatan Nasional"],
     ["kesehatan", "puskesmas", "stunting", "imunisasi", "gizi"]),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", 14, [
        "Jumlah Penduduk", "Kepadatan Penduduk", "Jumlah Kelahiran",
        "Kepemilikan KTP Elektronik", "Penduduk Menurut Kelompok Umur",
        "Jumlah Kartu Keluarga", "Perkawinan Tercatat",
        "Mutasi Penduduk Pindah Datang", "Akta Kelahiran Anak"],
     ["penduduk", "kependudukan", "kelahiran", "ktp-el"]),
    ("dinas-pendidikan", "Dinas Pendidikan dan Kebudayaan", 13, [
        "Jumlah Sekolah Dasar", "Jumlah Guru Menurut Jenjang Pendidikan",
        "Angka Partisipasi Kasar", "Jumlah Murid Sekolah Menengah Pertama",
        "Rasio Guru dan Murid", "Angka Putus Sekolah",
        "Sarana Prasarana Pendidikan", "Penerima Beasiswa Pendidikan"],
     ["pendidikan", "sekolah", "guru"]),
    ("dinas-pertanian", "Dinas Pertanian dan Ketahanan Pangan", 11, [
        "Produksi Padi Sawah", "Luas Panen Jagung",
        "Produktivitas Tanaman Pangan", "Populasi Ternak Sapi",
        "Produksi Perikanan Budidaya", "Harga Gabah di Tingkat Petani",
        "Luas Lahan Sawah Irigasi", "Kelompok Tani Penerima Pupuk Bersubsidi"],
     ["pertanian", "padi", "ketahanan pangan", "peternakan", "perikanan"]),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", 9, [
        "Realisasi Anggaran Pendapatan dan Belanja Daerah",
        "Anggaran Belanja Pegawai", "Pendapatan Asli Daerah",
        "Realisasi Pajak Daerah", "Daftar Aset Tetap Daerah",
        "Anggaran Pendidikan dan Kesehatan", "Dana Transfer ke Desa"],
     ["anggaran", "apbd", "pajak daerah", "dana desa"]),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", 8, [
        "Indeks Pembangunan Manusia", "Laju Pertumbuhan Ekonomi",
        "Produk Domestik Regional Bruto", "Persentase Penduduk Miskin",
        "Capaian Indikator Kinerja RPJMD", "Tingkat Pengangguran Terbuka",
        "Usulan Musrenbang Kecamatan"],
     ["ekonomi", "kemiskinan", "ipm", "anggaran"]),
    ("dinas-sosial", "Dinas Sosial", 7, [
        "Penerima Bantuan Sosial", "Keluarga Penerima Manfaat PKH",
        "Penyandang Disabilitas", "Data Terpadu Kesejahteraan Sosial",
        "Anak Terlantar dan Panti Asuhan"],
     ["sosial", "bansos", "kemiskinan", "disabilitas"]),
    ("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", 6, [
        "Panjang Jalan Kabupaten Menurut Kondisi", "Jumlah Jembatan",
        "Cakupan Layanan Air Bersih", "Rumah Tidak Layak Huni",
        "Jaringan Irigasi Kewenangan Kabupaten",
        "Paket Pekerjaan Infrastruktur Jalan"],
     ["infrastruktur", "jalan", "air bersih", "irigasi"]),
    ("dinas-perhubungan", "Dinas Perhubungan", 5, [
        "Jumlah Kendaraan Bermotor", "Trayek Angkutan Umum",
        "Uji Berkala Kendaraan Bermotor", "Titik Rawan Kecelakaan",
        "Retribusi Parkir Tepi Jalan Umum"],
     ["transportasi", "kendaraan", "jalan"]),
    ("dinas-lingkungan-hidup", "Dinas Lingkungan Hidup", 4, [
        "Volume Sampah Harian", "Kualitas Air Sungai", "Ruang Terbuka Hijau",
        "Bank Sampah Aktif", "Kualitas Udara Ambien"],
     ["lingkungan", "sampah", "air bersih"]),
    ("diskominfo", "Dinas Komunikasi dan Informatika", 3, [
        "Menara Telekomunikasi", "Titik Akses Internet Publik",
        "Aplikasi Layanan Pemerintah Daerah",
        "Aduan Masyarakat Melalui Kanal Digital", "Daftar Informasi Publik"],
     ["layanan publik", "umkm"]),
    ("dinas-pariwisata", "Dinas Pariwisata, Pemuda dan Olahraga", 2, [
        "Kunjungan Wisatawan", "Daftar Objek Wisata",
        "Jumlah Hotel dan Kamar", "Event Olahraga dan Kepemudaan",
        "Cagar Budaya"],
     ["pariwisata", "wisatawan", "olahraga"]),
]

KECAMATAN = [
    "Sukamaju", "Cibeureum", "Sindangsari", "Mekarjaya", "Karanganyar",
    "Sumberejo", "Tanjungsari", "Margahayu", "Pasirjambu", "Wanasari",
    "Bojongsari", "Purwodadi", "Cikalong", "Sukaresmi",
]
QUALIFIERS = [
    "Menurut Kecamatan", "per Desa/Kelurahan", "Berdasarkan Jenis Kelamin",
    "Menurut Kelompok Umur", "per Bulan", "Triwulanan", "Semester",
    "", "", "",
]


# --------------------------------------------------------------------------
# CKAN environment
# --------------------------------------------------------------------------

def need_wrapper(database: str, script: str) -> bool:
    """True (after saying how to run) unless started by dev/embedded.py."""
    if os.environ.get("CKAN_SQLALCHEMY_URL"):
        if BASE_INI.exists():
            return False
        say(f"{BASE_INI} is missing (the embedded wrapper creates it)")
        return True
    say("CKAN_SQLALCHEMY_URL is not set. Run me through the wrapper:\n"
        f"  .venv/bin/python dev/embedded.py exec --database {database} "
        f"-- .venv/bin/python bench/{script}")
    return True


def db_upgrade(ini: Path = BASE_INI, plugins: tuple[str, ...] = ()) -> None:
    """``ckan db upgrade``, then the migrations of ``plugins``."""
    base = [str(BIN / "ckan"), "-c", str(ini), "db", "upgrade"]
    t0 = time.perf_counter()
    for extra in [[]] + [["-p", plugin] for plugin in plugins]:
        cmd = base + extra
        say(f"$ {' '.join(cmd[1:])}")
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    say(f"  db upgrade done in {time.perf_counter() - t0:.1f} s")


def write_quiet_ini(path: Path, script: str) -> None:
    """The portal's ini with notifications off, for one benchmark."""
    path.write_text(
        f"# Written by bench/{script} on every run: the portal's ini with\n"
        "# notifications off.\n"
        "[DEFAULT]\n"
        "debug = false\n\n"
        "[app:main]\n"
        f"use = config:{BASE_INI}\n"
        "ckanext.ppidrequest.notify = false\n")


def app_for(ini: Path, skip_upgrade: bool = False):
    """``ckan db upgrade`` with the plugins (unless skipped), then the
    app of ``ini``."""
    if not skip_upgrade:
        db_upgrade(ini, ("ppidrequest", "ppidrequest_pgsearch", "activity"))
    return load_app(ini)


def load_app(ini: Path = BASE_INI):
    from ckan.cli import load_config
    from ckan.config.middleware import make_app
    return make_app(load_config(str(ini)))


def postgres_report() -> dict[str, Any]:
    """The server's version and the settings that shape query plans."""
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        pg_version = conn.execute(sa.text("SHOW server_version")).scalar()
        settings = dict(conn.execute(sa.text(
            "SELECT name, setting || coalesce(unit, '') FROM pg_settings "
            "WHERE name IN ('shared_buffers', 'work_mem', "
            "'effective_cache_size', 'max_parallel_workers_per_gather', "
            "'jit', 'random_page_cost')")).all())
    say(f"   PostgreSQL {pg_version}; "
        + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())))
    return {"version": pg_version, "settings": settings}


def vacuum_analyze(*tables: str) -> None:
    from ckan import model
    with model.meta.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT") as conn:
        for table in tables:
            conn.exec_driver_sql(f"VACUUM ANALYZE {table}")


def ensure_admin():
    from ckan import model
    user = model.User.by_name(ADMIN)
    if user is None:
        user = model.User(name=ADMIN, email="bench@example.org",
                          password="bench-password-not-used",
                          sysadmin=True)
        model.Session.add(user)
        model.repo.commit()
    elif not user.sysadmin:
        user.sysadmin = True
        model.repo.commit()
    return user


def ensure_orgs() -> dict[str, str]:
    """The organisations of :data:`ORGS`: name -> id."""
    import ckan.plugins.toolkit as tk
    out = {}
    for name, title, *_ in ORGS:
        try:
            org = tk.get_action("organization_show")(
                {"user": ADMIN}, {"id": name})
        except tk.ObjectNotFound:
            org = tk.get_action("organization_create")(
                {"user": ADMIN},
                {"name": name, "title": title,
                 "description": f"{title} {KABUPATEN}"})
        out[name] = org["id"]
    return out


def git_commit() -> str:
    """The commit measured (``+`` when the extension's code differs)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                              cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--",
                                "ckanext"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+" if dirty else "")


# --------------------------------------------------------------------------
# SQL timing and EXPLAIN
# --------------------------------------------------------------------------

class SqlTimer:
    """Statements and time spent in SQL, in all and on one ``table``
    (statements reading ``FROM`` it); the statements themselves while
    ``capture`` is a list."""

    def __init__(self, engine, table: str):
        import sqlalchemy as sa
        self.engine = engine
        self._on_table = re.compile(rf"\bFROM {re.escape(table)}\b").search
        self.capture: list[tuple[str, Any]] | None = None
        self.reset()
        sa.event.listen(engine, "before_cursor_execute", self._before)
        sa.event.listen(engine, "after_cursor_execute", self._after)

    def on_table(self, statement: str) -> bool:
        return self._on_table(statement) is not None

    def reset(self) -> None:
        self.elapsed, self.count = 0.0, 0
        self.table_elapsed, self.table_count = 0.0, 0

    def _before(self, conn, cursor, statement, parameters, context, many):
        conn.info.setdefault("_bench_t0", []).append(time.perf_counter())

    def _after(self, conn, cursor, statement, parameters, context, many):
        spent = time.perf_counter() - conn.info["_bench_t0"].pop()
        self.elapsed += spent
        self.count += 1
        if self.on_table(statement):
            self.table_elapsed += spent
            self.table_count += 1
        if self.capture is not None:
            self.capture.append((statement, parameters))

    def explain(self, call: Callable[[], Any]) -> list[str]:
        """Run ``call`` once, then EXPLAIN (ANALYZE, BUFFERS) every
        statement it sent on the table (shown with its parameters inlined),
        and count the others per table."""
        from ckan import model
        self.capture = []
        try:
            call()
        finally:
            captured, self.capture = self.capture, None
            model.Session.remove()
        out = []
        others: dict[str, int] = {}
        with self.engine.connect() as conn:
            for statement, parameters in captured:
                if not self.on_table(statement):
                    first = statement.split("FROM", 1)[-1].split()[0]
                    others[first] = others.get(first, 0) + 1
                    continue
                rows = conn.exec_driver_sql(
                    "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                plan = "\n".join(r[0] for r in rows)
                literal = statement
                if isinstance(parameters, dict):
                    for key in sorted(parameters, key=len, reverse=True):
                        literal = literal.replace(
                            f"%({key})s", sql_literal(parameters[key]))
                out.append(f"-- SQL:\n{literal}\n"
                           f"-- EXPLAIN (ANALYZE, BUFFERS):\n{plan}")
        if others:
            out.append("-- other statements of the same call (table: "
                       "count): " + ", ".join(
                           f"{k}: {v}" for k, v in sorted(others.items())))
        return out


def sql_literal(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "ARRAY[" + ", ".join(sql_literal(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value).replace("'", "''")
    if "\x1f" in text:
        return "E'" + text.replace("\\", "\\\\").replace("\x1f", "\\x1f") + "'"
    return f"'{text}'"


def add_common_options(ap, results_name: str) -> None:
    """The options both benchmarks take."""
    ap.add_argument("--warmup", type=int, default=20,
                    help="unmeasured calls per kind first (20)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--skip-upgrade", action="store_true",
                    help="do not run the db upgrades first")
    ap.add_argument("--sql-log", action="store_true",
                    help="log every SQL statement (sqlalchemy.engine INFO)")
    ap.add_argument("--json", default=None,
                    help="where to write the JSON results (default "
                         f"bench/results/{results_name}-<time>.json; '-' for "
                         "none)")


# --------------------------------------------------------------------------
# Statistics and the report
# --------------------------------------------------------------------------

def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    k = (len(ordered) - 1) * pct / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def latency(times: list[float]) -> dict[str, float]:
    """p50/p95/p99/max/mean of ``times``."""
    return {"p50": percentile(times, 50), "p95": percentile(times, 95),
            "p99": percentile(times, 99),
            "max": max(times) if times else math.nan,
            "mean": sum(times) / len(times) if times else math.nan}


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "loadavg_start": os.getloadavg()}


def start_report(title: str, **fields: Any
                 ) -> tuple[dt.datetime, dict[str, Any]]:
    """When a benchmark starts: its report (the start, ``fields``, the
    machine and the commit measured) and the header line every benchmark
    prints, so that figures can be read against the machine's load."""
    started = dt.datetime.now()
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"),
                              **fields, "machine": machine(),
                              "commit": git_commit()}
    say(f"== ckanext-ppidrequest {title} benchmark "
        f"({started:%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.2f}, commit {report['commit']})")
    return started, report


def write_json(report: dict[str, Any], where: str | None,
               default_name: str) -> None:
    """The report as JSON at ``where`` (default ``bench/results/
    <default_name>``; ``-`` for none)."""
    if where == "-":
        return
    path = Path(where) if where else RESULTS / default_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False,
                               default=str))
    say(f"\nJSON: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
