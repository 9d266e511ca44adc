#!/usr/bin/env python
"""Benchmark of the monitoring pages: the Walidata's dashboard (and the
DIP, the DIK, the register and the annual report) served through CKAN's
Flask app, on 100,000 requests and 1,000,000 logged downloads.

Run it through the embedded-services wrapper (``make bench-monitoring``):

    .venv/bin/python dev/embedded.py exec \\
        --database ckan_bench_monitoring -- .venv/bin/python bench/monitoring.py

What it does:

1. Writes ``.run/bench-monitoring.ini`` (the portal's ini, notifications
   off), runs ``ckan db upgrade`` for core and the plugins.
2. Generates N requests (default 100,000) with COPY unless they exist: the
   register of ``bench/request_workflow.py`` (states by age, 12 agencies,
   300 datasets, two years of dates); gives the datasets update
   frequencies and ages, so some are late; and M downloads (default
   1,000,000) over the same two years with the download form's answers,
   with COPY. VACUUM ANALYZE.
3. Times every page of :func:`pages` as a Walidata (the register as the
   PPID) through the WSGI app (routing, auth, the action, the charts, the
   template), ``--iterations`` requests each after ``--warmup``. Target:
   p95 <= 300 ms per page.
4. Prints the table and writes JSON to bench/results/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import time
from typing import Any

import _common as C
from _common import ADMIN, BASE_INI, ORGS, ROOT, say
import request_workflow as RW

INI = ROOT / ".run" / "bench-monitoring.ini"
TARGET_MS = 300.0
WALIDATA_USER = "bench_walidata"
WALIDATA_ORG = "diskominfo"
PPID_USER = "bench_ppid"
PPID_ORG = "ppid-kabupaten"
DOWNLOADS = "ppidrequest_open_download"
AUDIENCES = ["individual", "student", "researcher", "business",
             "government", "ngo", None]
PURPOSES = ["research", "policy", "business", "journalism", "education",
            "advocacy", "personal", "other", None]
SECTORS = ["education", "health", "economy", "agriculture", "population",
           "infrastructure", "governance", "media", "other", None]
VIA = ["form", "form", "form", "skipped", "api", "none"]
FREQUENCIES = ["bulanan", "triwulanan", "semesteran", "tahunan",
               "tidak_tentu"]


def write_ini() -> None:
    INI.write_text(
        "# Written by bench/monitoring.py on every run: the portal's ini\n"
        "# with notifications off.\n"
        "[DEFAULT]\n"
        "debug = false\n\n"
        "[app:main]\n"
        f"use = config:{BASE_INI}\n"
        "ckanext.ppidrequest.notify = false\n")


def ensure_member(user: str, org: str, title: str) -> None:
    import ckan.plugins.toolkit as tk
    from ckan import model
    try:
        tk.get_action("organization_show")({"user": ADMIN}, {"id": org})
    except tk.ObjectNotFound:
        tk.get_action("organization_create")(
            {"user": ADMIN}, {"name": org, "title": title})
    if model.User.by_name(user) is None:
        model.Session.add(model.User(name=user, email=f"{user}@example.org",
                                     password="bench-password-not-used"))
        model.repo.commit()
    tk.get_action("organization_member_create")(
        {"user": ADMIN}, {"id": org, "username": user, "role": "editor"})


def token(user: str) -> str:
    import ckan.plugins.toolkit as tk
    return tk.get_action("api_token_create")(
        {"user": ADMIN}, {"user": user, "name": "bench"})["token"]


def age_datasets(seed: int) -> int:
    """Update frequencies and last-modified dates for the generated
    datasets, so that the dashboard has late ones to list."""
    from ckan import model
    import sqlalchemy as sa
    rng = random.Random(seed)
    with model.meta.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(sa.text(
            "SELECT id FROM package WHERE name LIKE 'bench-req-%'")).all()]
        for pkg_id in ids:
            conn.execute(sa.text(
                "UPDATE package SET extras = extras || jsonb_build_object("
                "'update_frequency', CAST(:freq AS text), "
                "'classification', 'terbuka'), "
                "metadata_modified = now() - make_interval(days => :age) "
                "WHERE id = :id"),
                {"freq": rng.choice(FREQUENCIES), "age": rng.randint(0, 500),
                 "id": pkg_id})
    return len(ids)


def download_count() -> int:
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        return conn.execute(sa.text(
            f"SELECT count(*) FROM {DOWNLOADS}")).scalar_one()


def generate_downloads(n: int, seed: int) -> dict[str, Any]:
    """Downloads over the last two years, most of the popular datasets,
    written with COPY."""
    from ckan import model
    import sqlalchemy as sa
    existing = download_count()
    if existing >= n:
        say(f"  {existing} downloads logged >= {n}: generation skipped")
        return {"skipped": True, "existing": existing}
    todo = n - existing
    t0 = time.perf_counter()
    with model.meta.engine.connect() as conn:
        datasets = conn.execute(sa.text(
            "SELECT id, owner_org FROM package WHERE name LIKE 'bench-req-%' "
            "ORDER BY name")).all()
    rng = random.Random(seed + existing)
    now = dt.datetime.now(dt.timezone.utc)
    # a few datasets are downloaded far more than the rest
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(datasets))]
    rng.shuffle(weights)
    chosen = rng.choices(datasets, weights=weights, k=todo)
    raw = model.meta.engine.raw_connection()
    try:
        cur = raw.cursor()
        chunk = 200000
        for start in range(0, todo, chunk):
            buf = io.StringIO()
            for pkg_id, org in chosen[start:start + chunk]:
                created = now - dt.timedelta(seconds=rng.randint(
                    0, 730 * 86400))
                via = rng.choice(VIA)
                answered = via in ("form", "api")
                values = [created.isoformat(), pkg_id, org, via,
                          rng.choice(AUDIENCES) if answered else None,
                          rng.choice(SECTORS) if answered else None,
                          rng.choice(PURPOSES) if answered else None]
                buf.write("\t".join("\\N" if v is None else str(v)
                                    for v in values) + "\n")
            buf.seek(0)
            cur.copy_expert(
                f"COPY {DOWNLOADS} (created, package_id, owner_org, via, "
                "audience, sector, purpose) FROM STDIN", buf)
            say(f"    {min(start + chunk, todo)}/{todo} downloads")
        raw.commit()
    finally:
        raw.close()
    seconds = time.perf_counter() - t0
    say(f"  logged {todo} downloads in {seconds:.1f} s")
    return {"skipped": False, "created": todo, "seconds": round(seconds, 1)}


def pages(rng: random.Random, org_names: list[str]) -> dict[str, tuple]:
    """label -> (user, what, path maker)."""
    year = dt.date.today().year
    month = dt.date.today().month
    return {
        "baseline about": (WALIDATA_USER, "CKAN's own /about page, for "
                           "the cost of any page on this machine",
                           lambda: "/about"),
        "dashboard": (WALIDATA_USER, "this year, every agency",
                      lambda: "/walidata/monitoring"),
        "dashboard last year": (WALIDATA_USER, "last year",
                                lambda: f"/walidata/monitoring?period="
                                        f"{year - 1}"),
        "dashboard quarter": (WALIDATA_USER, "a quarter of last year",
                              lambda: f"/walidata/monitoring?period="
                                      f"{year - 1}-Q{rng.randint(1, 4)}"),
        "dashboard month": (WALIDATA_USER, "this month",
                            lambda: f"/walidata/monitoring?period="
                                    f"{year}-{month:02d}"),
        "dashboard agency": (WALIDATA_USER, "this year, one agency",
                             lambda: "/walidata/monitoring?organization="
                                     + rng.choice(org_names)),
        "dashboard csv": (WALIDATA_USER, "one table as CSV",
                          lambda: "/walidata/monitoring?format=csv&table="
                                  + rng.choice(["speed", "unmet", "late",
                                                "purpose"])),
        "annual report": (WALIDATA_USER, "the annual report page",
                          lambda: f"/laporan-tahunan?year={year - 1}"),
        "dip": (WALIDATA_USER, "the Daftar Informasi Publik",
                lambda: "/informasi-publik"),
        "dik": (WALIDATA_USER, "the list of exempted information",
                lambda: "/informasi-dikecualikan"),
        "register": (PPID_USER, "the register, a page of 50",
                     lambda: f"/ppid/register?period={year - 1}&page="
                             f"{rng.randint(1, 200)}"),
    }


def run(client, tokens: dict[str, str], selected: dict[str, tuple],
        iterations: int, warmup: int) -> dict[str, Any]:
    from ckan import model
    results = {}
    for label, (user, what, make) in selected.items():
        times, slowest = [], (0.0, "")
        for i in range(warmup + iterations):
            path = make()
            t0 = time.perf_counter()
            resp = client.get(path, headers={"Authorization": tokens[user]})
            elapsed = (time.perf_counter() - t0) * 1000
            model.Session.remove()
            if resp.status_code != 200:
                raise SystemExit(f"{path}: HTTP {resp.status_code}")
            if i < warmup:
                continue
            times.append(elapsed)
            if elapsed > slowest[0]:
                slowest = (elapsed, path)
        stats = {"user": user, "what": what, "n": len(times),
                 **C.latency(times), "slowest_path": slowest[1]}
        stats["ok"] = stats["p95"] <= TARGET_MS
        results[label] = stats
        say(f"  {label:<22} p50 {stats['p50']:6.1f}  p95 {stats['p95']:6.1f}"
            f"  max {stats['max']:6.1f} ms  "
            f"{'OK' if stats['ok'] else 'MISSES TARGET'}")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=100000,
                    help="requests in the register (100000)")
    ap.add_argument("--downloads", type=int, default=1000000,
                    help="downloads in the log (1000000)")
    ap.add_argument("--iterations", type=int, default=40,
                    help="measured requests per page (40)")
    ap.add_argument("--only", default="",
                    help="time only the pages whose label contains this")
    C.add_common_options(ap, "monitoring")
    ap.set_defaults(warmup=3)
    args = ap.parse_args(argv)
    if C.need_wrapper("ckan_bench_monitoring", "monitoring.py"):
        return 2

    started, report = C.start_report(
        "monitoring", requests_target=args.requests,
        downloads_target=args.downloads, target_p95_ms=TARGET_MS)
    write_ini()
    if not args.skip_upgrade:
        C.db_upgrade(INI, ("ppidrequest", "ppidrequest_pgsearch",
                           "activity"))
    app = C.load_app(INI)
    flask_app = app._wsgi_app
    with flask_app.test_request_context():
        report["postgres"] = C.postgres_report()
        say("\n== 1. the register and the download log")
        admin = C.ensure_admin()
        org_ids = C.ensure_orgs()
        ensure_member(WALIDATA_USER, WALIDATA_ORG, "Diskominfo")
        ensure_member(PPID_USER, PPID_ORG, "PPID Kabupaten")
        report["generation"] = RW.generate(args.requests, args.seed,
                                           org_ids, admin.id)
        report["datasets_aged"] = age_datasets(args.seed)
        report["downloads"] = generate_downloads(args.downloads, args.seed)
        from ckanext.ppidrequest.monitoring import downloads
        t0 = time.perf_counter()
        report["download_count_rows"] = downloads.rebuild_counts()
        say(f"  monthly download counts rebuilt from the log: "
            f"{report['download_count_rows']} rows in "
            f"{time.perf_counter() - t0:.1f} s")
        RW.vacuum_analyze()
        C.vacuum_analyze(DOWNLOADS, "ppidrequest_open_download_count")
        report["register"] = {"requests": RW.request_count(),
                              "downloads": download_count()}
        say(f"  {report['register']['requests']} requests, "
            f"{report['register']['downloads']} downloads")
        tokens = {user: token(user) for user in (WALIDATA_USER, PPID_USER)}
    every = pages(random.Random(args.seed), [o[0] for o in ORGS])
    if args.only:
        every = {k: v for k, v in every.items() if args.only in k}
    say(f"\n== 2. the pages: {len(every)} kinds, {args.iterations} requests "
        f"each after {args.warmup} warm-up ones; target p95 <= "
        f"{TARGET_MS:.0f} ms")
    with flask_app.test_client() as client:
        results = run(client, tokens, every, args.iterations, args.warmup)
    report["pages"] = results
    report["machine"]["loadavg_end"] = os.getloadavg()
    say(f"\n== summary ({report['register']['requests']} requests, "
        f"{report['register']['downloads']} downloads; {os.cpu_count()} "
        f"CPUs, load {report['machine']['loadavg_start'][0]:.2f} -> "
        f"{report['machine']['loadavg_end'][0]:.2f})")
    say(f"{'page':<24}{'user':<16}{'n':>5}{'p50':>8}{'p95':>8}{'max':>8}"
        f"  p95<={TARGET_MS:.0f}ms")
    for label, s in results.items():
        say(f"{label:<24}{s['user']:<16}{s['n']:>5}{s['p50']:>8.1f}"
            f"{s['p95']:>8.1f}{s['max']:>8.1f}  "
            f"{'yes' if s['ok'] else 'NO'}")
    missed = [k for k, s in results.items() if not s["ok"]]
    say(f"\nevery page p95 <= {TARGET_MS:.0f} ms: "
        + ("yes" if not missed else "NO: " + ", ".join(missed)))
    C.write_json(report, args.json,
                 f"monitoring-{started:%Y%m%d-%H%M%S}.json")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
