#!/usr/bin/env python
"""Benchmark of CKAN search served by the ``ppidrequest_pgsearch`` backend.

Run it through the embedded-services wrapper, which starts PostgreSQL and
Redis and puts CKAN_SQLALCHEMY_URL / CKAN_REDIS_URL in the environment:

    .venv/bin/python dev/embedded.py exec --database ckan_bench \\
        -- .venv/bin/python bench/search.py [--datasets 10000]

What it does (see bench/README.md):

1. ``ckan db upgrade`` on the bench database, then loads ``.run/ckan.ini``
   (which ``use``s demo.ini: ppidrequest_pgsearch is enabled) in-process.
2. Generates N realistic datasets (12 organisations, 40 skewed tags, 1-3
   resources, Indonesian titles and notes) unless the database already holds
   at least N active datasets.
3. Times a full index rebuild: ``ckan.lib.search.rebuild()`` in-process and
   ``ckan search-index rebuild`` through the CLI. Target: <= 60 s.
4. Times ``package_search`` (the real action) for five query kinds, each at
   least 200 times after a warm-up, as an anonymous user, plus one kind as a
   sysadmin. Target: p95 <= 100 ms.
5. Prints a summary table, EXPLAIN ANALYZE of the slowest query of every kind
   that misses its target, and writes JSON to bench/results/.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import subprocess
import sys
import time
from typing import Any, Callable

from _common import (ADMIN, BASE_INI as INI, BIN, KABUPATEN, KECAMATAN,
                     ORGS, QUALIFIERS, ROOT, SqlTimer, add_common_options,
                     db_upgrade, ensure_admin, ensure_orgs, latency,
                     load_app, need_wrapper, percentile, postgres_report,
                     say, start_report, vacuum_analyze, write_json)

QUERY_TARGET_MS = 100.0
REBUILD_TARGET_S = 60.0
SEARCH_TABLE = "ppidrequest_search_doc"

log = logging.getLogger("bench.search")


# --------------------------------------------------------------------------
# Synthetic Satu Data portal: word lists (organisations and places are in
# _common.py)
# --------------------------------------------------------------------------

# 40 tags, most popular first: drawn with a Zipf-like weight 1/rank^1.1
TAGS = [
    "kesehatan", "penduduk", "pendidikan", "anggaran", "pertanian",
    "kemiskinan", "infrastruktur", "apbd", "sekolah", "kependudukan",
    "puskesmas", "sosial", "ekonomi", "jalan", "lingkungan",
    "padi", "stunting", "bansos", "pajak daerah", "transportasi",
    "pariwisata", "guru", "air bersih", "imunisasi", "ketahanan pangan",
    "sampah", "umkm", "irigasi", "peternakan", "perikanan",
    "kelahiran", "ktp-el", "disabilitas", "dana desa", "gizi",
    "ipm", "kendaraan", "layanan publik", "wisatawan", "olahraga",
]

FREQUENCIES = ["bulanan", "triwulanan", "semesteran", "tahunan", "berkala"]
UNITS = ["jiwa", "orang", "unit", "hektar", "ton", "rupiah", "persen",
         "kilometer", "kasus", "keluarga"]
SENTENCES = [
    "Data ini digunakan sebagai bahan perencanaan pembangunan daerah dan "
    "penyusunan anggaran tahunan.",
    "Angka penduduk yang digunakan mengacu pada data kependudukan hasil "
    "konsolidasi Dinas Kependudukan dan Pencatatan Sipil.",
    "Indikator ini termasuk dalam Standar Pelayanan Minimal bidang "
    "kesehatan dan pendidikan.",
    "Pengumpulan data dilakukan oleh petugas di tingkat kecamatan dan "
    "desa, kemudian diverifikasi oleh Walidata.",
    "Dataset mendukung program pengentasan kemiskinan dan peningkatan "
    "kesejahteraan masyarakat.",
    "Realisasi anggaran disajikan dalam satuan rupiah sesuai laporan "
    "keuangan pemerintah daerah.",
    "Sektor pertanian masih menjadi penyumbang terbesar perekonomian "
    "Kabupaten Sukamaju.",
    "Data bersifat sementara dan dapat berubah setelah dilakukan "
    "pemutakhiran.",
    "Metadata disusun mengikuti prinsip Satu Data Indonesia: standar data, "
    "metadata baku, interoperabilitas dan kode referensi.",
    "Untuk data rinci per individu silakan ajukan permohonan informasi "
    "kepada PPID Kabupaten.",
    "Jumlah penduduk miskin dihitung berdasarkan garis kemiskinan "
    "kabupaten.",
    "Fasilitas kesehatan meliputi rumah sakit, puskesmas, pustu dan "
    "posyandu.",
    "Data pendidikan mencakup satuan pendidikan negeri dan swasta.",
    "Capaian target dibandingkan dengan indikator kinerja utama perangkat "
    "daerah.",
]
FORMATS = [("CSV", 50), ("XLSX", 25), ("PDF", 15), ("JSON", 10)]
LICENSES = ["cc-by", "cc-by-sa", "odc-by", "other-open", "cc-zero"]

# query terms: single words (various selectivity) and two-word queries
Q_SINGLE = [
    "penduduk", "kependudukan", "kesehatan", "pendidikan", "pertanian",
    "anggaran", "sekolah", "padi", "puskesmas", "stunting", "kemiskinan",
    "jalan", "sampah", "wisatawan", "guru", "imunisasi", "kelahiran",
    "irigasi", "bansos", "pajak", "kecamatan", "data",
]
Q_DOUBLE = [
    "jumlah penduduk", "anggaran pendidikan", "produksi padi",
    "realisasi anggaran", "tenaga kesehatan", "penduduk miskin",
    "sekolah dasar", "air bersih", "kendaraan bermotor", "ternak sapi",
    "pembangunan manusia", "pajak daerah",
]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Generator:
    """Deterministic (seeded) synthetic datasets."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.tag_weights = [1.0 / (i + 1) ** 1.1 for i in range(len(TAGS))]
        self.org_weights = [o[2] for o in ORGS]

    def tags(self, topical: list[str]) -> list[str]:
        rng = self.rng
        chosen = [rng.choice(topical)]
        for _ in range(rng.choices([0, 1, 2, 3], [20, 40, 30, 10])[0]):
            chosen.append(rng.choices(TAGS, self.tag_weights)[0])
        return list(dict.fromkeys(chosen))

    def dataset(self, seq: int, org_ids: dict[str, str]) -> dict[str, Any]:
        rng = self.rng
        org = rng.choices(ORGS, self.org_weights)[0]
        name, org_title, _, subjects, topical = org
        subject = rng.choice(subjects)
        qualifier = rng.choice(QUALIFIERS)
        year = rng.randint(2015, 2025)
        place = (f"Kecamatan {rng.choice(KECAMATAN)}"
                 if rng.random() < 0.25 else KABUPATEN)
        title = " ".join(p for p in (subject, qualifier, "di", place,
                                     f"Tahun {year}") if p)
        notes = " ".join([
            f"Dataset ini memuat {subject.lower()}"
            f"{' ' + qualifier.lower() if qualifier else ''} di {place} "
            f"tahun {year}.",
            f"Data bersumber dari {org_title} dan diperbarui secara "
            f"{rng.choice(FREQUENCIES)}.",
            *rng.sample(SENTENCES, rng.randint(1, 3)),
            f"Satuan: {rng.choice(UNITS)}.",
        ])
        resources = []
        for i in range(rng.choices([1, 2, 3], [50, 35, 15])[0]):
            fmt = rng.choices([f for f, _ in FORMATS],
                              [w for _, w in FORMATS])[0]
            label = subject if i == 0 else f"{subject} {rng.choice(KECAMATAN)}"
            resources.append({
                "name": f"{label} {year} ({fmt})",
                "description": f"Tabel {subject.lower()} tahun {year} "
                               f"dalam format {fmt}.",
                "format": fmt,
                "url": f"https://data.sukamajukab.go.id/unduh/"
                       f"{_slug(label)}-{year}-{seq}-{i}.{fmt.lower()}",
            })
        return {
            "name": f"{_slug(title)[:80]}-{seq:06d}",
            "title": title,
            "notes": notes,
            "owner_org": org_ids[name],
            "private": rng.random() < 0.05,
            "license_id": rng.choice(LICENSES),
            "tags": [{"name": t} for t in self.tags(topical)],
            "resources": resources,
            "author": org_title,
            "maintainer": "Walidata " + KABUPATEN,
            "maintainer_email": "satudata@sukamajukab.go.id",
            "version": str(year),
            # required by the extension's dataset schema (scheming)
            "classification": "terbuka",
        }


# --------------------------------------------------------------------------
# CKAN environment
# --------------------------------------------------------------------------

def active_dataset_count() -> int:
    from ckan import model
    return (model.Session.query(model.Package)
            .filter(model.Package.state == "active",
                    model.Package.type == "dataset").count())


def index_count() -> int:
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        return conn.execute(sa.text(
            f"SELECT count(*) FROM {SEARCH_TABLE}")).scalar_one()


def probe_search_show() -> str | None:
    """``package_show`` reads a dataset from the search index first
    (``ckan.lib.search.show``) and falls back to the database on a
    ``SearchError``. Return the error when that lookup fails otherwise."""
    from ckan.lib import search
    try:
        search.show("bench-probe-no-such-dataset")
    except search.SearchError:
        return None
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        return f"{type(e).__name__}: {str(e).splitlines()[0]}"
    return None


def generate(n: int, seed: int, index_on_create: bool) -> dict[str, Any]:
    """Create datasets until there are ``n`` active ones."""
    import ckan.plugins.toolkit as tk
    from ckan import model
    from ckan.lib import search
    import sqlalchemy as sa

    existing = active_dataset_count()
    if existing >= n:
        say(f"  the database already holds {existing} active datasets "
            f">= {n}: generation skipped")
        return {"skipped": True, "existing": existing}
    ensure_admin()
    org_ids = ensure_orgs()
    todo = n - existing
    total_pkgs = model.Session.query(model.Package).count()
    gen = Generator(seed + total_pkgs)
    create = tk.get_action("package_create")
    broken = probe_search_show()
    original_show = search.show
    if broken:
        # package_create -> activity plugin -> package_show -> search.show
        # would fail on every dataset. A dataset created with defer_commit is
        # not in the index anyway, so answer "not indexed" as a working
        # backend would (SearchError: package_show then reads the database).
        say("  WARNING (backend bug): ckan.lib.search.show() fails with the search backend"
            f" ({broken}); package_show, and so package_create with the "
            "activity plugin, is broken. Generation works around it by "
            "treating the lookup as 'not indexed'.")

        def show(reference):
            try:
                return original_show(reference)
            except search.SearchError:
                raise
            except Exception as e:  # noqa: BLE001
                raise search.SearchError(str(e))
        search.show = show
    say(f"  creating {todo} datasets ({existing} exist) with package_create"
        + (" (indexed on create)" if index_on_create
           else " (defer_commit: indexed by the rebuild below)"))
    t0 = time.perf_counter()
    batch = 200
    for i in range(todo):
        data = gen.dataset(total_pkgs + i, org_ids)
        context = {"user": ADMIN}
        if not index_on_create:
            context.update(defer_commit=True, return_id_only=True)
        create(context, data)
        if not index_on_create and (i + 1) % batch == 0:
            model.repo.commit()
            model.Session.remove()
        if (i + 1) % 1000 == 0 or i + 1 == todo:
            elapsed = time.perf_counter() - t0
            say(f"    {i + 1}/{todo} datasets, {elapsed:.0f} s "
                f"({(i + 1) / elapsed:.1f}/s)")
    model.repo.commit()
    model.Session.remove()
    create_s = time.perf_counter() - t0
    search.show = original_show

    # Spread creation/modification dates over four years, as on a portal
    # that has run for a while (package_create stamps them all "now").
    with model.meta.engine.begin() as conn:
        conn.execute(sa.text("SELECT setseed(:s)"),
                     {"s": (seed % 1000) / 1000.0})
        conn.execute(sa.text(
            "UPDATE package SET metadata_created = now() at time zone 'utc'"
            " - random() * interval '1460 days' WHERE type = 'dataset'"))
        conn.execute(sa.text(
            "UPDATE package SET metadata_modified = metadata_created"
            " + random() * ((now() at time zone 'utc') - metadata_created)"
            " WHERE type = 'dataset'"))
    total_s = time.perf_counter() - t0
    say(f"  generated {todo} datasets in {total_s:.1f} s "
        f"({todo / total_s:.1f} datasets/s, {1000 * create_s / todo:.1f} ms "
        f"per package_create)")
    return {"skipped": False, "created": todo, "seconds": round(total_s, 2),
            "ms_per_package_create": round(1000 * create_s / todo, 2),
            "indexed_on_create": index_on_create}


# --------------------------------------------------------------------------
# Rebuild
# --------------------------------------------------------------------------

def _db_now():
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        return conn.execute(sa.text("SELECT clock_timestamp()")).scalar()


def _written_since(since) -> int:
    """Documents the rebuild really wrote (``indexed_at`` is set on insert
    and on update), so that documents a rebuild loses are noticed."""
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        return conn.execute(sa.text(
            f"SELECT count(*) FROM {SEARCH_TABLE} WHERE indexed_at >= :t"),
            {"t": since}).scalar_one()


def rebuild_inprocess(n_docs: int, defer_commit: bool) -> dict[str, Any]:
    from ckan.lib import search
    from ckan import model
    label = ("rebuild() defer_commit=True + commit()" if defer_commit
             else "rebuild() (defaults: commit each dataset)")
    say(f"  {label} ...")
    model.Session.remove()
    since = _db_now()
    t0 = time.perf_counter()
    search.rebuild(quiet=True, defer_commit=defer_commit)
    if defer_commit:
        search.commit()
    secs = time.perf_counter() - t0
    written = _written_since(since)
    say(f"    {secs:.1f} s, {written / secs:.0f} docs/s "
        f"({written} documents written)")
    return {"label": label, "seconds": round(secs, 2),
            "docs_per_s": round(written / secs, 1), "written": written,
            "ok": secs <= REBUILD_TARGET_S and written >= n_docs}


def rebuild_cli(n_docs: int, command: str = "rebuild") -> dict[str, Any]:
    base = [str(BIN / "ckan"), "-c", str(INI)]
    # CKAN start-up cost (app + one small query), to tell it apart
    t0 = time.perf_counter()
    subprocess.run(base + ["sysadmin", "list"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    startup_s = time.perf_counter() - t0
    cmd = base + ["search-index", command]
    if command == "rebuild":
        cmd.append("--quiet")
        label = "ckan search-index rebuild (CLI, defer_commit)"
    else:
        label = f"ckan search-index {command} (CLI)"
    say(f"  $ {' '.join(cmd[1:])} ...")
    since = _db_now()
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                              timeout=1200)
    except subprocess.TimeoutExpired as e:
        proc = subprocess.CompletedProcess(cmd, -1, "", f"timeout: {e}")
    secs = time.perf_counter() - t0
    written = _written_since(since)
    errors = [line for line in proc.stderr.splitlines()
              if "Error" in line or "Traceback" in line]
    if proc.returncode or errors:
        say(f"    rc={proc.returncode}, {len(errors)} error lines; last "
            "lines of stderr:\n      " + "\n      ".join(
                proc.stderr.strip().splitlines()[-6:]))
    say(f"    {secs:.1f} s wall, {written / secs:.0f} docs/s, {written} "
        f"documents written (CKAN start-up alone: {startup_s:.1f} s)")
    return {"label": label, "seconds": round(secs, 2),
            "docs_per_s": round(written / secs, 1), "written": written,
            "startup_s": round(startup_s, 2), "rc": proc.returncode,
            "error_lines": len(errors),
            "ok": (secs <= REBUILD_TARGET_S and written >= n_docs
                   and not proc.returncode and not errors)}


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------

def query_kinds(rng: random.Random, n_docs: int) -> dict[str, Callable]:
    orgs = [o[0] for o in ORGS]
    facets = ["organization", "tags", "res_format"]

    def text_q():
        if rng.random() < 0.5:
            return rng.choice(Q_SINGLE)
        return rng.choice(Q_DOUBLE)

    def org_and_text():
        # mostly a word of the organisation's own topics, as a user who
        # narrowed to an organisation would type; sometimes anything
        org = rng.choice(ORGS)
        if rng.random() < 0.7:
            return org[0], rng.choice(org[4])
        return org[0], text_q()

    def combined():
        org, q = org_and_text()
        return {"q": q, "rows": 20, "fq": f"organization:{org}",
                "facet.field": json.dumps(facets), "include_private": True}

    def offset():
        # half the requests on the first five pages, half anywhere (crawlers)
        if rng.random() < 0.5:
            return 20 * rng.randint(0, 4)
        return 20 * rng.randint(0, max(0, n_docs // 20 - 1))

    # include_private=True and rows=20, as the /dataset page sends them with
    # demo.ini (ckan.search.default_include_private = true); what a user
    # may see is then decided by the permission labels
    common = {"rows": 20, "include_private": True}
    return {
        "a_text": lambda: dict(common, q=text_q()),
        "b_fq_org": lambda: dict(common,
                                 fq=f"organization:{rng.choice(orgs)}"),
        "c_facets": lambda: dict(common, q="*:*",
                                 **{"facet.field": json.dumps(facets)}),
        "d_sort_offset": lambda: dict(common, sort="metadata_modified desc",
                                      start=offset()),
        "e_combined": combined,
    }


def run_queries(kinds: dict[str, Callable], plan: list[tuple[str, str, str]],
                iterations: int, warmup: int, timer: SqlTimer):
    import ckan.plugins.toolkit as tk
    from ckan import model
    search = tk.get_action("package_search")
    results = {}
    for label, kind, user in plan:
        make = kinds[kind]
        times, sql_times, hits, samples = [], [], [], []
        for i in range(warmup + iterations):
            params = make()
            context = {"user": user}
            timer.reset()
            t0 = time.perf_counter()
            out = search(context, dict(params))
            elapsed = time.perf_counter() - t0
            model.Session.remove()  # end of "request"
            if i < warmup:
                continue
            times.append(elapsed * 1000)
            sql_times.append(timer.table_elapsed * 1000)
            hits.append(out["count"])
            samples.append((elapsed * 1000, params, user))
        slowest = max(samples, key=lambda s: s[0])
        stats = {
            "kind": kind, "user": user or "anonymous", "n": len(times),
            **latency(times),
            "sql_p50": percentile(sql_times, 50),
            "sql_p95": percentile(sql_times, 95),
            "hits_median": percentile(hits, 50),
            "slowest_params": slowest[1],
        }
        stats["ok"] = stats["p95"] <= QUERY_TARGET_MS
        results[label] = stats
        say(f"  {label:<22} p50 {stats['p50']:7.1f}  p95 {stats['p95']:7.1f}"
            f"  p99 {stats['p99']:7.1f}  max {stats['max']:7.1f} ms"
            f"  (SQL p50 {stats['sql_p50']:.1f} / p95 {stats['sql_p95']:.1f};"
            f" median hits {stats['hits_median']:.0f})"
            f"  {'OK' if stats['ok'] else 'MISSES TARGET'}")
    return results


def explain(params: dict[str, Any], user: str, timer: SqlTimer) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of every search-table statement that one
    ``package_search`` call issues."""
    import ckan.plugins.toolkit as tk
    return timer.explain(lambda: tk.get_action("package_search")(
        {"user": user}, dict(params)))


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", type=int, default=10000,
                    help="number of active datasets to benchmark (10000)")
    ap.add_argument("--iterations", type=int, default=200,
                    help="measured queries per kind (200)")
    ap.add_argument("--index-on-create", action="store_true",
                    help="let package_create index each dataset (slower); "
                         "by default datasets are created with defer_commit "
                         "and indexed by the measured rebuild")
    ap.add_argument("--skip-rebuild", action="store_true",
                    help="do not time rebuilds (one still runs if the index "
                         "is incomplete)")
    ap.add_argument("--skip-cli-rebuild", action="store_true",
                    help="do not time 'ckan search-index rebuild'")
    ap.add_argument("--rebuild-defer", action="store_true",
                    help="also time rebuild(defer_commit=True) in-process")
    ap.add_argument("--rebuild-fast", action="store_true",
                    help="also time 'ckan search-index rebuild-fast' (one "
                         "process per CPU)")
    ap.add_argument("--no-analyze", action="store_true",
                    help="do not VACUUM ANALYZE the search table before "
                         "the queries")
    ap.add_argument("--explain", choices=["missed", "all", "none"],
                    default="missed",
                    help="EXPLAIN ANALYZE the slowest query of the kinds "
                         "that miss the target (default), of all, or none")
    add_common_options(ap, "search")
    args = ap.parse_args(argv)

    if need_wrapper("ckan_bench", "search.py"):
        return 2

    started, report = start_report(
        "pgsearch", datasets_target=args.datasets,
        targets={"query_p95_ms": QUERY_TARGET_MS,
                 "rebuild_s": REBUILD_TARGET_S})
    if not args.skip_upgrade:
        db_upgrade()

    app = load_app()
    # one warning per resource about the (disabled) datatables_view plugin
    logging.getLogger("ckan.lib.datapreview").setLevel(logging.ERROR)
    if args.sql_log:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    with app._wsgi_app.test_request_context():
        from ckan import model
        import ckan.lib.search as search
        import sqlalchemy as sa
        report["postgres"] = postgres_report()
        from ckanext.ppidrequest import pgsearch
        if not pgsearch.installed():
            say("ppidrequest_pgsearch is not active: check ckan.plugins")
            return 2

        say("\n== 1. datasets")
        ensure_admin()
        report["generation"] = generate(args.datasets, args.seed,
                                        args.index_on_create)
        n_docs = active_dataset_count()
        report["datasets"] = n_docs
        say(f"  {n_docs} active datasets")

        say("\n== 2. full index rebuild (target <= "
            f"{REBUILD_TARGET_S:.0f} s)")
        rebuilds = []
        if not args.skip_rebuild:
            rebuilds.append(rebuild_inprocess(n_docs, defer_commit=False))
            if args.rebuild_defer:
                rebuilds.append(rebuild_inprocess(n_docs, defer_commit=True))
            if args.rebuild_fast:
                rebuilds.append(rebuild_cli(n_docs, "rebuild-fast"))
            if not args.skip_cli_rebuild:
                rebuilds.append(rebuild_cli(n_docs))
        elif index_count() < n_docs:
            say("  the index is incomplete: rebuilding (not a measurement)")
            search.rebuild(quiet=True, defer_commit=True)
            search.commit()
        report["rebuild"] = rebuilds
        if not args.no_analyze:
            t0 = time.perf_counter()
            vacuum_analyze(SEARCH_TABLE)
            say(f"  VACUUM ANALYZE {SEARCH_TABLE}: "
                f"{time.perf_counter() - t0:.1f} s")
        with model.meta.engine.connect() as conn:
            sizes = conn.execute(sa.text(
                f"SELECT count(*), pg_size_pretty(pg_total_relation_size("
                f"'{SEARCH_TABLE}')), pg_size_pretty(pg_relation_size("
                f"'{SEARCH_TABLE}')), pg_size_pretty(pg_database_size("
                f"current_database())) FROM {SEARCH_TABLE}")).one()
        report["index"] = {"documents": sizes[0], "total_size": sizes[1],
                           "heap_size": sizes[2], "database_size": sizes[3]}
        say(f"  {SEARCH_TABLE}: {sizes[0]} documents, {sizes[1]} with "
            f"indexes and TOAST (heap {sizes[2]}); database {sizes[3]}")

        say(f"\n== 3. package_search, {args.iterations} measured + "
            f"{args.warmup} warm-up queries per kind (target p95 <= "
            f"{QUERY_TARGET_MS:.0f} ms)")
        timer = SqlTimer(model.meta.engine, SEARCH_TABLE)
        rng = random.Random(args.seed)
        kinds = query_kinds(rng, n_docs)
        plan = [(k, k, "") for k in kinds]
        plan.append(("a_text (sysadmin)", "a_text", ADMIN))
        queries = run_queries(kinds, plan, args.iterations, args.warmup,
                              timer)
        report["queries"] = queries
        report["machine"]["loadavg_end"] = os.getloadavg()

        explains = {}
        for label, stats in queries.items():
            if args.explain == "all" or (args.explain == "missed"
                                         and not stats["ok"]):
                explains[label] = explain(
                    stats["slowest_params"],
                    "" if stats["user"] == "anonymous" else stats["user"],
                    timer)
        report["explain"] = explains
        if explains:
            say("\n== EXPLAIN ANALYZE of the slowest query of "
                + ("every kind" if args.explain == "all"
                   else "each kind that missed its target"))
            for label, plans in explains.items():
                say(f"\n--- {label}: package_search "
                    f"{json.dumps(queries[label]['slowest_params'], ensure_ascii=False)}")
                for text in plans:
                    say(text)

    # summary ---------------------------------------------------------------
    say("\n== summary "
        f"({n_docs} datasets, {os.cpu_count()} CPUs, load "
        f"{report['machine']['loadavg_start'][0]:.2f} -> "
        f"{report['machine']['loadavg_end'][0]:.2f})")
    gen = report["generation"]
    if gen.get("skipped"):
        say(f"generation: skipped ({gen['existing']} datasets already there)")
    else:
        say(f"generation: {gen['created']} datasets in {gen['seconds']:.1f} s "
            f"({gen['ms_per_package_create']:.1f} ms per package_create)")
    say(f"{'query kind':<22}{'user':<13}{'n':>5}{'p50':>9}{'p95':>9}"
        f"{'p99':>9}{'max':>9}  p95<=100ms")
    for label, s in queries.items():
        say(f"{label:<22}{s['user']:<13}{s['n']:>5}{s['p50']:>9.1f}"
            f"{s['p95']:>9.1f}{s['p99']:>9.1f}{s['max']:>9.1f}  "
            f"{'yes' if s['ok'] else 'NO'}")
    for r in report["rebuild"]:
        say(f"rebuild: {r['label']:<45} {r['seconds']:7.1f} s "
            f"{r['docs_per_s']:7.0f} docs/s {r['written']:6d} written  "
            f"<=60s: {'yes' if r['ok'] else 'NO'}")

    write_json(report, args.json, f"search-{started:%Y%m%d-%H%M%S}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
