#!/usr/bin/env python
"""Benchmark of the PPID desk's queue: every query the desk page issues,
through the real ``ppidrequest_list`` action, on 100,000 requests.

Run it through the embedded-services wrapper (``make bench-queue``):

    .venv/bin/python dev/embedded.py exec \\
        --database ckan_bench_queue -- .venv/bin/python bench/desk_queue.py

What it does (see bench/README.md):

1. Writes ``.run/bench-queue.ini`` (the portal's ini with notifications
   off), runs ``ckan db upgrade`` for core and the plugins.
2. Generates N requests (default 100,000) with COPY, unless the database
   holds them already: the register of ``bench/request_workflow.py`` (its
   generator: states by age, 12 agencies, six channels, 300 datasets,
   Indonesian names and texts, two years of dates). VACUUM ANALYZE.
3. "Before": downgrades the ``ppidrequest`` migrations to ``3e7a9d1c2b54``
   (the schema before the queue's indexes: ``q`` is ``ILIKE '%q%'`` with
   no index to use), times the kinds of ``--before-kinds`` (default the
   free-text ones), then upgrades again. ``--skip-before`` leaves it out.
4. Times every kind of :func:`kinds` (``--iterations`` calls each after
   ``--warmup`` unmeasured ones) as the PPID and as a PPID Pembantu, with
   the time of the counts-per-state statement apart. Target: every kind
   p95 <= 50 ms. EXPLAIN (ANALYZE, BUFFERS) of the slowest call of each
   kind that misses it (``--explain all`` for every kind).
5. Prints the table and writes JSON to bench/results/.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from typing import Any, Callable

import _common as C
from _common import (ADMIN, BIN, ORGS, ROOT, SqlTimer,
                     say)
import request_workflow as RW

INI = ROOT / ".run" / "bench-queue.ini"
TARGET_MS = 50.0
TABLE = RW.TABLE
PPID_USER = "bench_ppid"
PPID_ORG = "ppid-kabupaten"
PEMBANTU_USER = RW.PEMBANTU_USER
#: the schema before the queue's indexes (migration 9f4b2c7d1e63)
BEFORE_REVISION = "3e7a9d1c2b54"
#: what the desk's search box gets: words of the requests' texts, names
#: and parts of names
WORDS = ["penduduk", "anggaran", "stunting", "padi", "sekolah", "jalan",
         "kecamatan", "bantuan sosial", "imunisasi", "wisatawan"]
NAMES = ["Santoso", "Dewi", "Wahyu Hidayat", "Siti", "Kurnia", "Lestari",
         "Pemerintah Desa", "Yayasan Cahaya"]
STATES = RW.OPEN + RW.FINAL
OTHER_CHANNELS = ["in_person", "letter", "phone", "whatsapp", "email"]


class Timer(SqlTimer):
    """:class:`SqlTimer`, plus the time of the counts-per-state statement."""

    def reset(self) -> None:
        super().reset()
        self.counts_elapsed = 0.0

    def _after(self, conn, cursor, statement, parameters, context, many):
        started = conn.info["_bench_t0"][-1]
        super()._after(conn, cursor, statement, parameters, context, many)
        # grouped by state, or one count per state (the whole register)
        if ("GROUP BY ppidrequest_request.state" in statement
                or statement.lstrip().startswith("SELECT (SELECT count(*)")):
            self.counts_elapsed += time.perf_counter() - started


def ckan_db(*args: str) -> None:
    cmd = [str(BIN / "ckan"), "-c", str(INI), "db", *args]
    say(f"$ {' '.join(cmd[1:])}")
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def ensure_ppid():
    """A PPID who is not a sysadmin: a member of ``ppid-kabupaten``."""
    import ckan.plugins.toolkit as tk
    from ckan import model
    try:
        tk.get_action("organization_show")({"user": ADMIN}, {"id": PPID_ORG})
    except tk.ObjectNotFound:
        tk.get_action("organization_create")(
            {"user": ADMIN}, {"name": PPID_ORG, "title": "PPID Kabupaten"})
    if model.User.by_name(PPID_USER) is None:
        model.Session.add(model.User(name=PPID_USER,
                                     email="ppid@example.org",
                                     password="bench-password-not-used"))
        model.repo.commit()
    tk.get_action("organization_member_create")(
        {"user": ADMIN}, {"id": PPID_ORG, "username": PPID_USER,
                          "role": "editor"})


def samples() -> dict[str, list[str]]:
    """Registration numbers and datasets the desk would look for."""
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        numbers = [r[0] for r in conn.execute(sa.text(
            f"SELECT registration_number FROM {TABLE} "
            "TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 500")).all()]
        datasets = [r[0] for r in conn.execute(sa.text(
            f"SELECT DISTINCT dataset_id FROM {TABLE} "
            "WHERE dataset_id IS NOT NULL")).all()]
    return {"numbers": sorted(numbers), "datasets": sorted(datasets)}


def kinds(rng: random.Random, found: dict[str, list[str]]
          ) -> dict[str, tuple[str, str, Callable[[], dict]]]:
    """label -> (user, what the desk shows, parameters of one call)."""
    orgs = [o[0] for o in ORGS]

    def number() -> str:
        # a whole number, or its first part as typed ("0123/PMH")
        value = rng.choice(found["numbers"])
        return value if rng.random() < 0.5 else value.split("/")[0] + "/PMH"

    out: dict[str, tuple[str, str, Callable[[], dict]]] = {
        "default": (PPID_USER, "first page, all states, by due date",
                    lambda: {}),
        "open": (PPID_USER, "the open states",
                 lambda: {"state": list(RW.OPEN)}),
    }
    for state in STATES:
        out[f"state={state}"] = (PPID_USER, f"tab {state}",
                                 lambda state=state: {"state": state})
    out.update({
        "agency": (PPID_USER, "organization (owner or forwarded to)",
                   lambda: {"organization": rng.choice(orgs)}),
        "agency+open": (PPID_USER, "organization, open states",
                        lambda: {"organization": rng.choice(orgs),
                                 "state": list(RW.OPEN)}),
        "overdue": (PPID_USER, "overdue", lambda: {"overdue": True}),
        "due_within=2": (PPID_USER, "due within 2 working days",
                         lambda: {"due_within": 2}),
        "channel": (PPID_USER, "a channel other than the web",
                    lambda: {"channel": rng.choice(OTHER_CHANNELS)}),
        "channel=web": (PPID_USER, "channel web (70 %)",
                        lambda: {"channel": "web"}),
        "dataset": (PPID_USER, "one dataset",
                    lambda: {"dataset": rng.choice(found["datasets"])}),
        "q=number": (PPID_USER, "q: a registration number or its start",
                     lambda: {"q": number()}),
        "q=name": (PPID_USER, "q: a name or part of one",
                   lambda: {"q": rng.choice(NAMES)}),
        "q=word": (PPID_USER, "q: a word of the request",
                   lambda: {"q": rng.choice(WORDS)}),
        "q=word+open": (PPID_USER, "q: a word, open states",
                        lambda: {"q": rng.choice(WORDS),
                                 "state": list(RW.OPEN)}),
        "sort=due desc": (PPID_USER, "by due date, latest first",
                          lambda: {"sort": "due_date desc"}),
        "sort=received desc": (PPID_USER, "newest first",
                               lambda: {"sort": "received_at desc"}),
        "sort=received asc": (PPID_USER, "oldest first",
                              lambda: {"sort": "received_at asc"}),
        "offset=5000": (PPID_USER, "page 101 (offset 5,000)",
                        lambda: {"offset": 5000}),
        "offset=5000 received": (PPID_USER, "offset 5,000, newest first",
                                 lambda: {"offset": 5000,
                                          "sort": "received_at desc"}),
        "pembantu default": (PEMBANTU_USER, "the agency's inbox", lambda: {}),
        "pembantu open": (PEMBANTU_USER, "open states",
                          lambda: {"state": list(RW.OPEN)}),
        "pembantu forwarded": (PEMBANTU_USER, "tab forwarded",
                               lambda: {"state": "forwarded"}),
        "pembantu overdue": (PEMBANTU_USER, "overdue",
                             lambda: {"overdue": True}),
        "pembantu q=word": (PEMBANTU_USER, "q: a word",
                            lambda: {"q": rng.choice(WORDS)}),
        "pembantu q=number": (PEMBANTU_USER, "q: a registration number",
                              lambda: {"q": number()}),
        "pembantu sort=received desc": (PEMBANTU_USER, "newest first",
                                        lambda: {"sort": "received_at desc"}),
    })
    return out


def run(selected: dict[str, tuple[str, str, Callable[[], dict]]],
        iterations: int, warmup: int, timer: Timer) -> dict[str, Any]:
    import ckan.plugins.toolkit as tk
    from ckan import model
    action = tk.get_action("ppidrequest_list")
    results = {}
    for label, (user, what, make) in selected.items():
        times, counts_times, statements, matched, slowest = [], [], [], [], \
            (0.0, {})
        for i in range(warmup + iterations):
            params = make()
            timer.reset()
            t0 = time.perf_counter()
            out = action({"user": user}, dict(params))
            elapsed = (time.perf_counter() - t0) * 1000
            model.Session.remove()   # the end of the web request
            if i < warmup:
                continue
            times.append(elapsed)
            counts_times.append(timer.counts_elapsed * 1000)
            statements.append(timer.count)
            matched.append(out["count"])
            if elapsed > slowest[0]:
                slowest = (elapsed, params)
        stats = {"user": user, "what": what, "n": len(times),
                 **C.latency(times),
                 "counts_p50": C.percentile(counts_times, 50),
                 "counts_p95": C.percentile(counts_times, 95),
                 "statements": C.percentile(statements, 50),
                 "matched_median": C.percentile(matched, 50),
                 "slowest_params": slowest[1]}
        stats["ok"] = stats["p95"] <= TARGET_MS
        results[label] = stats
        say(f"  {label:<28} p50 {stats['p50']:6.1f}  p95 {stats['p95']:6.1f}"
            f"  max {stats['max']:6.1f} ms  (counts p95 "
            f"{stats['counts_p95']:5.1f} ms; {stats['statements']:.0f} "
            f"statements; median match {stats['matched_median']:.0f})"
            f"  {'OK' if stats['ok'] else 'MISSES TARGET'}")
    return results


def table(results: dict[str, Any], title: str) -> None:
    say(f"\n{title}")
    say(f"{'kind':<30}{'user':<16}{'n':>5}{'p50':>8}{'p95':>8}{'max':>8}"
        f"{'counts95':>10}{'match':>8}  p95<={TARGET_MS:.0f}ms")
    for label, s in results.items():
        say(f"{label:<30}{s['user']:<16}{s['n']:>5}{s['p50']:>8.1f}"
            f"{s['p95']:>8.1f}{s['max']:>8.1f}{s['counts_p95']:>10.1f}"
            f"{s['matched_median']:>8.0f}  {'yes' if s['ok'] else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=100000,
                    help="number of requests in the register (100000)")
    ap.add_argument("--iterations", type=int, default=100,
                    help="measured calls per kind (100)")
    ap.add_argument("--before-iterations", type=int, default=30,
                    help="measured calls per kind before the indexes (30)")
    ap.add_argument("--before-kinds", default="q=",
                    help="kinds timed before the indexes: labels containing "
                         "this text ('q=', the default; '' for all)")
    ap.add_argument("--skip-before", action="store_true",
                    help="do not time the schema before the indexes")
    ap.add_argument("--only", default="",
                    help="time only the kinds whose label contains this")
    ap.add_argument("--explain", choices=["missed", "all", "none"],
                    default="missed",
                    help="EXPLAIN ANALYZE the slowest call of the kinds "
                         "that miss the target (default), of all, or none")
    C.add_common_options(ap, "queue")
    ap.set_defaults(warmup=10)
    args = ap.parse_args(argv)
    if C.need_wrapper("ckan_bench_queue", "desk_queue.py"):
        return 2

    started, report = C.start_report(
        "desk queue", requests_target=args.requests, target_p95_ms=TARGET_MS)
    stamp = f"{started:%Y%m%d-%H%M%S}"
    C.write_quiet_ini(INI, "desk_queue.py")
    app = C.app_for(INI, args.skip_upgrade)
    with app._wsgi_app.test_request_context():
        from ckan import model
        report["postgres"] = C.postgres_report()

        say("\n== 1. the register")
        admin = C.ensure_admin()
        org_ids = C.ensure_orgs()
        ensure_ppid()
        RW.ensure_pembantu(org_ids[ORGS[0][0]])
        report["generation"] = RW.generate(args.requests, args.seed,
                                           org_ids, admin.id)
        RW.vacuum_analyze()
        reg = RW.register_stats()
        report["register"] = reg
        say(f"  {reg['total']} requests ({reg['total_size']} with indexes); "
            f"{reg['open']} open, {reg['overdue']} overdue (today "
            f"{reg['today']}); PPID Pembantu of {ORGS[0][1]}: "
            f"{reg['requests_per_org'].get(ORGS[0][0])} requests of its "
            "agency")
        say("  states: " + ", ".join(f"{k} {v}"
                                     for k, v in reg["states"].items()))

        found = samples()
        timer = Timer(model.meta.engine, TABLE)
        every = kinds(random.Random(args.seed), found)
        if args.only:
            every = {k: v for k, v in every.items() if args.only in k}

        if not args.skip_before:
            before = {k: v for k, v in kinds(random.Random(args.seed),
                                             found).items()
                      if args.before_kinds in k}
            say(f"\n== 2. before the queue's indexes: ppidrequest "
                f"migrations at {BEFORE_REVISION}, {len(before)} kinds, "
                f"{args.before_iterations} calls each")
            model.Session.remove()
            model.meta.engine.dispose()
            ckan_db("downgrade", "-p", "ppidrequest", "-v", BEFORE_REVISION)
            try:
                RW.vacuum_analyze()
                report["before"] = run(before, args.before_iterations,
                                       min(args.warmup, 3), timer)
            finally:
                model.Session.remove()
                model.meta.engine.dispose()
                ckan_db("upgrade", "-p", "ppidrequest")
                RW.vacuum_analyze()

        say(f"\n== 3. the queue: {len(every)} kinds, {args.iterations} "
            f"calls each after {args.warmup} warm-up calls; target p95 <= "
            f"{TARGET_MS:.0f} ms")
        after = run(every, args.iterations, args.warmup, timer)
        report["after"] = after
        explains = {}
        for label, s in after.items():
            if args.explain == "all" or (args.explain == "missed"
                                         and not s["ok"]):
                explains[label] = RW.explain(s["user"], s["slowest_params"],
                                             timer)
        report["explain"] = explains
        for label, plans in explains.items():
            say(f"\n--- EXPLAIN {label}: ppidrequest_list "
                f"{json.dumps(after[label]['slowest_params'])} as "
                f"{after[label]['user']}")
            for text in plans:
                say(text)
        report["machine"]["loadavg_end"] = os.getloadavg()

    say(f"\n== summary ({reg['total']} requests, {reg['open']} open, "
        f"{reg['overdue']} overdue; {os.cpu_count()} CPUs, load "
        f"{report['machine']['loadavg_start'][0]:.2f} -> "
        f"{report['machine']['loadavg_end'][0]:.2f})")
    if report.get("before"):
        table(report["before"], f"before the indexes ({BEFORE_REVISION}), "
              "ms")
    table(after, "with the indexes, ms")
    missed = [k for k, s in after.items() if not s["ok"]]
    say(f"\nevery kind p95 <= {TARGET_MS:.0f} ms: "
        + ("yes" if not missed else "NO: " + ", ".join(missed)))
    C.write_json(report, args.json, f"queue-{stamp}.json")
    # as the other benchmarks: a missed target is reported, not an error
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
