#!/usr/bin/env python
"""Benchmark of the request workflow: ``ppidrequest_list`` on a large
register and ``ppidrequest_create`` through the HTTP API.

Run it through the embedded-services wrapper, which starts PostgreSQL and
Redis and puts CKAN_SQLALCHEMY_URL / CKAN_REDIS_URL in the environment:

    .venv/bin/python dev/embedded.py exec \\
        --database ckan_bench_req -- .venv/bin/python bench/request_workflow.py

What it does (see bench/README.md):

1. Writes ``.run/bench-requests.ini`` (``use = config:ckan.ini``, plus
   ``ckanext.ppidrequest.notify = false``: no SMTP), runs ``ckan db
   upgrade`` and ``ckan db upgrade -p`` for ppidrequest,
   ppidrequest_pgsearch and activity on the bench database, then loads the
   ini in-process.
2. Generates N requests (default 100,000) with COPY, in realistic states
   and dates over the last two years, unless the database already holds at
   least N; sets ``ppidrequest_request_sequence`` to the last number of
   every year; VACUUM ANALYZE.
3. Times ``ppidrequest_list`` (the real action, in-process, as the
   sysadmin ``bench_admin``): the target kind 300 times, six other kinds
   100 times each, after 20 warm-up calls. Target: the officers' overdue
   list (open states + organization + overdue, ``due_date asc``, 50 a
   page, varying organisations and offsets) p95 <= 50 ms. EXPLAIN ANALYZE
   of its slowest call.
4. ``ppidrequest_create``: 20 calls in-process one at a time, measuring how
   long the year's sequence row stays locked; then a real CKAN web server
   on the bench database (gunicorn with 4 sync workers, and ``ckan run
   --threaded``) and 4 concurrent anonymous clients posting to
   ``/api/3/action/ppidrequest_create`` for 20 s each: requests/s,
   p50/p95/p99 latency, errors. Then checks that registration numbers are
   unique and gap-free. Servers are stopped in ``finally`` (and get SIGTERM
   if the benchmark is killed).
5. Prints a summary table and writes JSON to bench/results/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import io
import json
import logging
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable

import _common as C
from _common import (ADMIN, BASE_INI, BIN, KECAMATAN, ORGS, QUALIFIERS,
                     RESULTS, ROOT, SqlTimer, latency, percentile, say)

INI = ROOT / ".run" / "bench-requests.ini"
LIST_TARGET_MS = 50.0
TARGET_KIND = "a_overdue_org"
PEMBANTU_USER = "bench_pembantu"
TABLE = "ppidrequest_request"

log = logging.getLogger("bench.request_workflow")


# --------------------------------------------------------------------------
# Synthetic register of requests
# --------------------------------------------------------------------------

OPEN = ("submitted", "awaiting_completion", "in_review", "forwarded",
        "data_submitted")
CLOCKED = ("submitted", "in_review", "forwarded", "data_submitted")
FINAL = ("fulfilled", "rejected", "not_held", "withdrawn", "lapsed")

#: state weights by age of the request in calendar days: recent requests
#: are mostly open, older ones closed but for a few stragglers (overdue)
STATE_BY_AGE: list[tuple[int | None, dict[str, float]]] = [
    (2, {"submitted": 70, "in_review": 24, "awaiting_completion": 6}),
    (14, {"submitted": 6, "in_review": 22, "forwarded": 26,
          "data_submitted": 12, "awaiting_completion": 6, "fulfilled": 20,
          "rejected": 2, "not_held": 3, "withdrawn": 3}),
    (30, {"submitted": 1, "in_review": 5, "forwarded": 12,
          "data_submitted": 8, "awaiting_completion": 1, "fulfilled": 55,
          "rejected": 6, "not_held": 5, "withdrawn": 4, "lapsed": 3}),
    (None, {"submitted": 0.1, "in_review": 0.5, "forwarded": 1.4,
            "data_submitted": 0.8, "awaiting_completion": 0.1,
            "fulfilled": 70, "rejected": 9, "not_held": 7, "withdrawn": 5,
            "lapsed": 4}),
]
REVISIONS = {"submitted": 1, "in_review": 2, "awaiting_completion": 2,
             "forwarded": 3, "data_submitted": 4, "fulfilled": 5,
             "rejected": 4, "not_held": 4, "withdrawn": 2, "lapsed": 3}
CHANNELS = [("web", 70), ("in_person", 10), ("letter", 8), ("email", 6),
            ("whatsapp", 4), ("phone", 2)]
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Eko", "Rina",
         "Andi", "Nur", "Hendra", "Wahyu", "Yuni", "Fajar", "Indah", "Dian",
         "Bambang", "Lestari", "Teguh", "Ayu", "Rizky", "Putri", "Joko",
         "Ratna", "Arif", "Wulan", "Dedi", "Maya", "Imam", "Fitri"]
LAST = ["Santoso", "Wijaya", "Lestari", "Saputra", "Hidayat", "Rahmawati",
        "Pratama", "Susanti", "Nugroho", "Kurniawan", "Setiawan", "Wahyuni",
        "Purnomo", "Hartono", "Utami", "Gunawan", "Suryani", "Firmansyah",
        "Permana", "Handayani"]
OCCUPATIONS = ["Mahasiswa", "Peneliti", "Wartawan", "Wiraswasta", "Guru",
               "Petani", "Karyawan swasta", "Aktivis LSM", "Dosen",
               "Pegawai negeri"]
PURPOSES = ["Penelitian skripsi", "Penulisan tesis", "Bahan pemberitaan",
            "Kajian kebijakan publik", "Perencanaan usaha",
            "Advokasi masyarakat desa", "Tugas kuliah",
            "Penyusunan proposal program", "Pengawasan anggaran"]
APPLICANT_ORGS = ["Yayasan Cahaya Desa", "LSM Pantau Anggaran",
                  "Koperasi Tani Makmur", "Perkumpulan Jurnalis Sukamaju",
                  "CV Sumber Rejeki", "Universitas Sukamaju"]
STEP_TARGETS = {"submitted": 1, "in_review": 3, "forwarded": 4,
                "data_submitted": 6}
DATASETS_PER_ORG = 25

COLUMNS = [
    "id", "registration_number", "year", "sequence", "access_code_hash",
    "revision", "applicant_type", "applicant_name", "applicant_nik",
    "applicant_org_registration", "applicant_address",
    "applicant_occupation", "applicant_phone", "applicant_email",
    "applicant_proxy_for", "applicant_user_id", "information_requested",
    "purpose", "obtain_method", "copy_format", "delivery_method",
    "dataset_id", "owner_org", "channel", "received_at", "created",
    "created_by", "modified", "state", "clock_start", "due_date",
    "extended", "extension_days", "extension_reason", "completion_start",
    "completion_due_date", "step_start", "step_days", "step_due_date",
    "forwarded_org", "closed_at", "partial", "withheld_note", "pdp_check",
    "pdp_note", "rejection_ground", "rejection_consequence", "held_by",
    "refusal_proposal", "refusal_ground", "outcome_note",
]


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value)
    return (text.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


class RequestGenerator:
    """Deterministic (seeded) requests for information."""

    def __init__(self, seed: int, today: dt.date, cal, org_ids: list[str],
                 datasets: dict[str, list[str]], officer_id: str,
                 access_code_hash: str, pattern: str):
        self.rng = random.Random(seed)
        self.today = today
        self.cal = cal
        self.org_ids = org_ids
        self.org_weights = [o[2] for o in ORGS]
        self.subjects = {oid: o[3] for oid, o in zip(org_ids, ORGS)}
        self.datasets = datasets
        self.officer_id = officer_id
        self.hash = access_code_hash
        self.pattern = pattern
        self.tz = dt.timezone(dt.timedelta(hours=7))   # WIB

    # -- pieces ---------------------------------------------------------------
    def received(self) -> dt.date:
        """A day in the last two years: fewer on weekends, slowly growing."""
        rng = self.rng
        while True:
            back = rng.randrange(730)
            day = self.today - dt.timedelta(days=back)
            weight = (0.3 if day.weekday() >= 5 else 1.0) * \
                (1.3 - 0.6 * back / 730)
            if rng.random() * 1.3 < weight:
                return day

    def state(self, age: int) -> str:
        for max_age, weights in STATE_BY_AGE:
            if max_age is None or age <= max_age:
                return self.rng.choices(list(weights),
                                        list(weights.values()))[0]
        raise AssertionError

    def nik(self) -> str:
        rng = self.rng
        day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
        return (f"3509{rng.randint(1, 31):02d}{day:02d}"
                f"{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}"
                f"{rng.randint(1, 9999):04d}")

    def moment(self, day: dt.date) -> dt.datetime:
        rng = self.rng
        return dt.datetime.combine(day, dt.time(
            rng.randint(7, 21), rng.randint(0, 59), rng.randint(0, 59),
            rng.randint(0, 999999)), self.tz)

    def between(self, start: dt.date, end: dt.date) -> dt.date:
        if end <= start:
            return start
        return start + dt.timedelta(days=self.rng.randint(
            0, (end - start).days))

    # -- one request ----------------------------------------------------------
    def request(self) -> dict[str, Any]:
        rng, cal, today = self.rng, self.cal, self.today
        received = self.received()
        age = (today - received).days
        state = self.state(age)
        r: dict[str, Any] = dict.fromkeys(COLUMNS)
        r["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        r["access_code_hash"] = self.hash
        r["revision"] = REVISIONS[state] + (1 if rng.random() < 0.1 else 0)
        r["state"] = state
        r["received_at"] = received
        r["year"] = received.year

        # applicant
        kind = rng.choices(["individual", "organization", "government"],
                           [80, 15, 5])[0]
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        r["applicant_type"] = kind
        if kind == "individual":
            r["applicant_name"] = person
            r["applicant_nik"] = self.nik()
            r["applicant_occupation"] = rng.choice(OCCUPATIONS)
        elif kind == "organization":
            r["applicant_name"] = rng.choice(APPLICANT_ORGS)
            r["applicant_org_registration"] = \
                f"AHU-{rng.randint(1000, 99999):05d}.AH.01.{rng.randint(1, 12):02d}"
            r["applicant_proxy_for"] = None
        else:
            r["applicant_name"] = f"Pemerintah Desa {rng.choice(KECAMATAN)}"
        r["applicant_address"] = (
            f"Jl. {rng.choice(LAST)} No. {rng.randint(1, 200)}, Kecamatan "
            f"{rng.choice(KECAMATAN)}, Kabupaten Sukamaju")
        r["applicant_phone"] = (f"08{rng.randint(11, 99)}-{rng.randint(1000, 9999)}"
                                f"-{rng.randint(1000, 9999)}"
                                if rng.random() < 0.85 else None)
        if rng.random() < 0.7 or r["applicant_phone"] is None:
            r["applicant_email"] = (f"{person.split()[0].lower()}"
                                    f"{rng.randint(1, 9999)}@example.com")

        # what is asked, of whom
        owner = rng.choices(self.org_ids, self.org_weights)[0]
        subject = rng.choice(self.subjects[owner])
        r["information_requested"] = (
            f"{subject} {rng.choice(QUALIFIERS)} tahun "
            f"{rng.randint(2018, received.year)}").replace("  ", " ")
        r["purpose"] = rng.choice(PURPOSES)
        if rng.random() < 0.85:
            r["obtain_method"] = "copy"
            r["copy_format"] = "softcopy" if rng.random() < 0.8 \
                else "hardcopy"
        else:
            r["obtain_method"] = "view"
        methods = ["in_person", "courier", "post"]
        if r["applicant_email"]:
            methods += ["email"] * 6
        if r["applicant_phone"]:
            methods.append("fax")
        r["delivery_method"] = rng.choice(methods)
        if rng.random() < 0.55 and self.datasets.get(owner):
            r["dataset_id"] = rng.choice(self.datasets[owner])
            r["owner_org"] = owner
        elif rng.random() < 0.7:
            r["owner_org"] = owner
        r["channel"] = rng.choices([c for c, _ in CHANNELS],
                                   [w for _, w in CHANNELS])[0]
        created = self.moment(received)
        r["created"] = created
        r["created_by"] = None if r["channel"] == "web" else self.officer_id

        # the clock
        r["clock_start"] = received
        if state not in ("awaiting_completion", "lapsed", "withdrawn") and \
                rng.random() < 0.08:
            r["extended"] = True
            r["extension_days"] = 7 if rng.random() < 0.7 \
                else rng.randint(1, 6)
            r["extension_reason"] = ("Data masih dihimpun dari perangkat "
                                     "daerah terkait")
        else:
            r["extended"], r["extension_days"] = False, 0
        due = cal.add(received, 10 + r["extension_days"])
        r["due_date"] = due
        r["partial"] = False

        # forwarded to the producing agency
        went_to_agency = state in ("forwarded", "data_submitted") or (
            state in ("fulfilled", "rejected", "not_held")
            and rng.random() < 0.6)
        if went_to_agency:
            if r["owner_org"] and rng.random() < 0.9:
                r["forwarded_org"] = r["owner_org"]
            else:
                r["forwarded_org"] = rng.choices(self.org_ids,
                                                 self.org_weights)[0]
                r["owner_org"] = r["owner_org"] or r["forwarded_org"]

        # where it stands
        if state == "awaiting_completion" or state == "lapsed":
            start = self.between(received, min(today, cal.add(received, 2)))
            r["completion_start"] = start
            r["completion_due_date"] = cal.add(start, 3)
            r["due_date"] = None
        if state in OPEN:
            step_start = self.between(received, today)
            if state == "submitted":
                step_start = received
            r["step_start"] = step_start
            if state in STEP_TARGETS:
                r["step_days"] = STEP_TARGETS[state]
                step_due = cal.add(step_start, r["step_days"])
                if r["due_date"] and step_due > r["due_date"]:
                    step_due = r["due_date"]
                r["step_due_date"] = step_due
            else:
                r["step_start"] = None
            r["modified"] = max(created, self.moment(step_start))
            if state == "data_submitted" and rng.random() < 0.1:
                r["refusal_proposal"] = ("Data memuat informasi pribadi "
                                         "penerima bantuan")
                r["refusal_ground"] = "h"
        else:
            if state == "lapsed":
                closed = cal.add(r["completion_due_date"], 1)
            elif state == "withdrawn":
                closed = self.between(received, min(today, due))
            elif rng.random() < 0.85:
                closed = self.between(received, min(today, due))
            else:
                closed = due + dt.timedelta(days=rng.randint(1, 10))
            closed = min(closed, today)
            closed_at = max(created, self.moment(closed))
            r["closed_at"] = closed_at
            r["modified"] = closed_at
            if state == "fulfilled":
                r["pdp_check"] = rng.choices(
                    ["clean", "masked", "justified"], [70, 20, 10])[0]
                if r["pdp_check"] != "clean":
                    r["pdp_note"] = "NIK dan alamat penerima disamarkan"
                if rng.random() < 0.1:
                    r["partial"] = True
                    r["withheld_note"] = ("Data per individu dikecualikan "
                                          "(Pasal 17 huruf h)")
            elif state == "rejected":
                r["rejection_ground"] = rng.choice("aceghj")
                r["rejection_consequence"] = (
                    "Membuka informasi ini dapat mengungkap data pribadi "
                    "dan merugikan pihak yang bersangkutan")
            elif state == "not_held":
                r["held_by"] = rng.choice(
                    ["Badan Pusat Statistik", "Pemerintah Provinsi",
                     "Tidak diketahui", "Kementerian terkait"])
        return r


def org_ids_in_order(org_ids: dict[str, str]) -> list[str]:
    return [org_ids[o[0]] for o in ORGS]


def ensure_datasets(org_ids: dict[str, str]) -> dict[str, list[str]]:
    """A few minimal datasets per organisation (plain rows in ``package``:
    what ``as_dict`` reads of a request's dataset), so that listed requests
    point to real datasets."""
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.begin() as conn:
        for name, title, _share, subjects, _tags in ORGS:
            for i in range(DATASETS_PER_ORG):
                subject = subjects[i % len(subjects)]
                conn.execute(sa.text(
                    "INSERT INTO package (id, name, title, state, type, "
                    "owner_org, private, metadata_created, "
                    "metadata_modified, extras) VALUES (:id, :name, "
                    ":title, 'active', 'dataset', :org, false, "
                    "now() at time zone 'utc', now() at time zone 'utc', "
                    "'{}'::jsonb) ON CONFLICT (name) DO NOTHING"),
                    {"id": str(uuid.uuid4()),
                     "name": f"bench-req-{name}-{i:02d}",
                     "title": f"{subject} ({title}) #{i}",
                     "org": org_ids[name]})
        rows = conn.execute(sa.text(
            "SELECT owner_org, id FROM package WHERE name LIKE 'bench-req-%' "
            "AND state = 'active' ORDER BY name")).all()
    out: dict[str, list[str]] = {}
    for org, pkg in rows:
        out.setdefault(org, []).append(pkg)
    return out


def request_count() -> int:
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        return conn.execute(sa.text(
            f"SELECT count(*) FROM {TABLE}")).scalar_one()


def generate(n: int, seed: int, org_ids: dict[str, str],
             admin_id: str) -> dict[str, Any]:
    """Insert requests until there are ``n``."""
    import ckan.plugins.toolkit as tk
    from ckan import model
    import sqlalchemy as sa
    from ckanext.ppidrequest.requests import clock, numbering

    existing = request_count()
    if existing >= n:
        say(f"  the database already holds {existing} requests >= {n}: "
            "generation skipped")
        return {"skipped": True, "existing": existing}
    todo = n - existing
    say(f"  generating {todo} requests ({existing} exist) with COPY")
    t0 = time.perf_counter()
    datasets = ensure_datasets(org_ids)
    gen = RequestGenerator(
        seed + existing, clock.today(), clock.Calendar(),
        org_ids_in_order(org_ids), datasets, admin_id,
        # one hash for all: 60,000 PBKDF2 rounds per request would take an
        # hour; the code of every generated request is BENCH-00000
        numbering.hash_access_code("BENCH-00000"),
        tk.config.get("ckanext.ppidrequest.registration_pattern"))
    rows = [gen.request() for _ in range(todo)]
    rows.sort(key=lambda r: r["created"])
    with model.meta.engine.connect() as conn:
        last = dict(conn.execute(sa.text(
            f"SELECT year, max(sequence) FROM {TABLE} GROUP BY year")).all())
        last_seq = dict(conn.execute(sa.text(
            "SELECT year, last_value FROM ppidrequest_request_sequence"))
            .all())
    for year, value in last_seq.items():
        last[year] = max(last.get(year) or 0, value)
    roman = numbering._ROMAN
    for r in rows:
        seq = last.get(r["year"], 0) + 1
        last[r["year"]] = seq
        received = r["received_at"]
        r["sequence"] = seq
        r["registration_number"] = gen.pattern.format(
            seq=seq, year=received.year, month=received.month,
            month_roman=roman[received.month - 1])
    build_s = time.perf_counter() - t0

    t1 = time.perf_counter()
    raw = model.meta.engine.raw_connection()
    try:
        cur = raw.cursor()
        chunk = 20000
        for start in range(0, len(rows), chunk):
            buf = io.StringIO()
            for r in rows[start:start + chunk]:
                buf.write("\t".join(_copy_value(r[c]) for c in COLUMNS))
                buf.write("\n")
            buf.seek(0)
            cur.copy_expert(
                f"COPY {TABLE} ({', '.join(COLUMNS)}) FROM STDIN", buf)
            say(f"    {min(start + chunk, len(rows))}/{len(rows)} rows")
        # the next number of every year follows the last one given
        cur.execute(
            "INSERT INTO ppidrequest_request_sequence (year, last_value) "
            f"SELECT year, max(sequence) FROM {TABLE} GROUP BY year "
            "ON CONFLICT (year) DO UPDATE SET last_value = GREATEST("
            "ppidrequest_request_sequence.last_value, "
            "excluded.last_value)")
        raw.commit()
    finally:
        raw.close()
    copy_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    vacuum_analyze()
    analyze_s = time.perf_counter() - t2
    total = time.perf_counter() - t0
    say(f"  generated {todo} requests in {total:.1f} s (build {build_s:.1f} "
        f"s, COPY {copy_s:.1f} s, VACUUM ANALYZE {analyze_s:.1f} s)")
    return {"skipped": False, "created": todo, "seconds": round(total, 2),
            "build_s": round(build_s, 2), "copy_s": round(copy_s, 2),
            "vacuum_analyze_s": round(analyze_s, 2)}


def vacuum_analyze() -> None:
    C.vacuum_analyze(TABLE, "ppidrequest_request_sequence", "package",
                     '"group"')


def register_stats() -> dict[str, Any]:
    """Shape of the register: states, open, overdue, per organisation."""
    from ckan import model
    import sqlalchemy as sa
    from ckanext.ppidrequest.requests import clock
    today = clock.today()
    with model.meta.engine.connect() as conn:
        states = dict(conn.execute(sa.text(
            f"SELECT state, count(*) FROM {TABLE} GROUP BY state "
            "ORDER BY 2 DESC")).all())
        overdue = conn.execute(sa.text(
            f"SELECT count(*) FROM {TABLE} WHERE state = ANY(:s) "
            "AND due_date < :t"), {"s": list(CLOCKED), "t": today}
        ).scalar_one()
        per_org = conn.execute(sa.text(
            f"SELECT g.name, count(*) FILTER (WHERE r.state = ANY(:s) "
            "AND r.due_date < :t), count(*) FROM \"group\" g JOIN "
            f"{TABLE} r ON r.owner_org = g.id OR r.forwarded_org = g.id "
            "GROUP BY g.name ORDER BY 2 DESC"),
            {"s": list(CLOCKED), "t": today}).all()
        size = conn.execute(sa.text(
            f"SELECT pg_size_pretty(pg_total_relation_size('{TABLE}')), "
            f"pg_size_pretty(pg_relation_size('{TABLE}'))")).one()
    total = sum(states.values())
    open_ = sum(states.get(s, 0) for s in OPEN)
    return {"total": total, "states": states, "open": open_,
            "overdue": overdue, "today": today.isoformat(),
            "overdue_per_org": {name: o for name, o, _n in per_org},
            "requests_per_org": {name: n for name, _o, n in per_org},
            "total_size": size[0], "heap_size": size[1]}


# --------------------------------------------------------------------------
# CKAN environment
# --------------------------------------------------------------------------

def write_ini() -> None:
    INI.write_text(
        "# Written by bench/request_workflow.py on every run: the portal's ini with\n"
        "# notifications off, so that no request goes through SMTP.\n"
        "[DEFAULT]\n"
        "debug = false\n\n"
        "[app:main]\n"
        f"use = config:{BASE_INI}\n"
        "ckanext.ppidrequest.notify = false\n")


def ensure_pembantu(org_id: str):
    """A PPID Pembantu: editor of the largest organisation."""
    import ckan.plugins.toolkit as tk
    from ckan import model
    user = model.User.by_name(PEMBANTU_USER)
    if user is None:
        user = model.User(name=PEMBANTU_USER, email="pembantu@example.org",
                          password="bench-password-not-used")
        model.Session.add(user)
        model.repo.commit()
    tk.get_action("organization_member_create")(
        {"user": ADMIN}, {"id": org_id, "username": PEMBANTU_USER,
                          "role": "editor"})
    return user


# --------------------------------------------------------------------------
# ppidrequest_list
# --------------------------------------------------------------------------

def list_kinds(rng: random.Random, reg: dict[str, Any],
               sample_numbers: list[str]
               ) -> dict[str, tuple[str, Callable[[], dict]]]:
    orgs = [o[0] for o in ORGS]
    overdue = reg["overdue_per_org"]

    def offset_in(n: int) -> int:
        # most officers look at the first pages; some page further
        last_page = max(0, (n - 1) // 50)
        if rng.random() < 0.7:
            return 50 * rng.randint(0, min(2, last_page))
        return 50 * rng.randint(0, last_page)

    def overdue_org():
        org = rng.choice(orgs)
        return {"state": list(OPEN), "organization": org, "overdue": True,
                "sort": "due_date asc", "limit": 50,
                "offset": offset_in(overdue.get(org, 0))}

    def number():
        # a whole number or its first part ("0123/PMH")
        value = rng.choice(sample_numbers)
        return {"q": value if rng.random() < 0.5
                else value.split("/")[0] + "/PMH", "limit": 50}

    return {
        TARGET_KIND: (ADMIN, overdue_org),
        "b_unfiltered": (ADMIN, lambda: {"limit": 50}),
        "c_open_org": (ADMIN, lambda: {
            "state": list(OPEN), "organization": rng.choice(orgs),
            "sort": "due_date asc", "limit": 50}),
        "d_due_within_2": (ADMIN, lambda: {
            "due_within": 2, "sort": "due_date asc", "limit": 50}),
        "e_q_number": (ADMIN, number),
        "f_q_text": (ADMIN, lambda: {
            "q": rng.choice(["penduduk", "anggaran", "stunting", "padi",
                             "Santoso", "Dewi"]), "limit": 50}),
        "g_pembantu_open": (PEMBANTU_USER, lambda: {
            "state": list(OPEN), "sort": "due_date asc", "limit": 50,
            "offset": 50 * rng.randint(0, 1)}),
    }


def run_list(kinds, iterations: int, warmup: int, timer: SqlTimer,
             target_iterations: int) -> dict[str, Any]:
    import ckan.plugins.toolkit as tk
    from ckan import model
    action = tk.get_action("ppidrequest_list")
    results = {}
    for label, (user, make) in kinds.items():
        n = target_iterations if label == TARGET_KIND else iterations
        times, sql_times, req_times, sql_counts, counts, rows, samples = \
            [], [], [], [], [], [], []
        for i in range(warmup + n):
            params = make()
            timer.reset()
            t0 = time.perf_counter()
            out = action({"user": user}, dict(params))
            elapsed = (time.perf_counter() - t0) * 1000
            model.Session.remove()  # end of "request"
            if i < warmup:
                continue
            times.append(elapsed)
            sql_times.append(timer.elapsed * 1000)
            req_times.append(timer.table_elapsed * 1000)
            sql_counts.append(timer.count)
            counts.append(out["count"])
            rows.append(len(out["results"]))
            samples.append((elapsed, params))
        slowest = max(samples, key=lambda s: s[0])
        target = label == TARGET_KIND
        stats = {
            "user": user, "n": len(times),
            **latency(times),
            "sql_p50": percentile(sql_times, 50),
            "sql_p95": percentile(sql_times, 95),
            "request_table_sql_p50": percentile(req_times, 50),
            "request_table_sql_p95": percentile(req_times, 95),
            "statements_median": percentile(sql_counts, 50),
            "count_median": percentile(counts, 50),
            "rows_median": percentile(rows, 50),
            "slowest_params": slowest[1],
            "target_ms": LIST_TARGET_MS if target else None,
        }
        stats["ok"] = stats["p95"] <= LIST_TARGET_MS if target else None
        results[label] = stats
        verdict = {True: "OK", False: "MISSES TARGET", None: "(info)"}[
            stats["ok"]]
        say(f"  {label:<24} p50 {stats['p50']:6.1f}  p95 {stats['p95']:6.1f}"
            f"  p99 {stats['p99']:6.1f}  max {stats['max']:6.1f} ms; SQL "
            f"p50 {stats['sql_p50']:.1f} ms in "
            f"{stats['statements_median']:.0f} statements, of which count "
            f"+ page {stats['request_table_sql_p50']:.1f} ms; median count "
            f"{stats['count_median']:.0f}, rows {stats['rows_median']:.0f}"
            f"  {verdict}")
    return results


def explain(user: str, params: dict[str, Any], timer: SqlTimer) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of the statements on the request table
    that one ``ppidrequest_list`` call issues (the count and the page)."""
    import ckan.plugins.toolkit as tk
    return timer.explain(lambda: tk.get_action("ppidrequest_list")(
        {"user": user}, dict(params)))


# --------------------------------------------------------------------------
# ppidrequest_create over HTTP
# --------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_with_parent() -> None:
    """In the server's process: get SIGTERM when the benchmark dies, even
    by SIGKILL (Linux ``PR_SET_PDEATHSIG``)."""
    import ctypes
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class Server:
    """A CKAN web server in its own process group, stopped on exit."""

    def __init__(self, kind: str, workers: int, log_path: Path):
        self.kind = kind
        self.workers = workers
        self.port = free_port()
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    @property
    def label(self) -> str:
        if self.kind == "gunicorn":
            return f"gunicorn, {self.workers} sync workers"
        if self.kind == "ckan-threaded":
            return "ckan run --threaded"
        return f"ckan run --processes {self.workers} (fork per request)"

    def command(self) -> list[str]:
        if self.kind == "gunicorn":
            # the app is loaded once, then forked into the workers (their
            # database connections are not shared: pgsearch disposes the
            # engine's pool in every forked child)
            return [str(BIN / "gunicorn"), "--bind",
                    f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                    "--worker-class", "sync", "--preload",
                    "--access-logfile", "-", "--pythonpath",
                    str(ROOT / "bench"), "wsgi:application"]
        cmd = [str(BIN / "ckan"), "-c", str(INI), "run", "--host",
               "127.0.0.1", "--port", str(self.port), "--disable-reloader",
               "--disable-debugger"]
        if self.kind == "ckan-threaded":
            return cmd + ["--threaded"]
        return cmd + ["--processes", str(self.workers)]

    def __enter__(self) -> "Server":
        self.log_file = open(self.log_path, "ab")
        say(f"  $ {' '.join(self.command()[1:])}  (log: "
            f"{self.log_path.relative_to(ROOT)})")
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            self.command(), cwd=ROOT, stdout=self.log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
            env=dict(os.environ, CKAN_INI=str(INI)),
            preexec_fn=_stop_with_parent)
        try:
            self._wait_until_up()
        except BaseException:
            self.stop()
            raise
        self.startup_s = time.perf_counter() - t0
        say(f"    answering after {self.startup_s:.1f} s on port {self.port}")
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with "
                                   f"{self.proc.returncode}: see "
                                   f"{self.log_path}")
            try:
                status, _body = http_call(self.port, "GET",
                                          "/api/3/action/status_show", None,
                                          timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        else:
            raise RuntimeError("the server did not answer within 90 s")

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            # the process group we started (the server and its workers)
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        # workers of a process group whose leader is gone
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            pass
        else:
            time.sleep(0.5)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.log_file.close()
        say(f"    server stopped (rc {proc.returncode})")


def http_call(port: int, method: str, path: str, body: dict | None,
              timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if data else {}
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def create_payload(rng: random.Random) -> dict:
    """A request filed on the web form by someone without an account."""
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org = rng.choice(ORGS)
    data = {
        "applicant_type": "individual",
        "applicant_name": person,
        "applicant_nik": f"3509{rng.randint(1, 31):02d}"
                         f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}"
                         f"{rng.randint(60, 99):02d}"
                         f"{rng.randint(1, 9999):04d}",
        "applicant_address": f"Jl. {rng.choice(LAST)} No. "
                             f"{rng.randint(1, 200)}, Sukamaju",
        "applicant_occupation": rng.choice(OCCUPATIONS),
        "applicant_phone": f"0812-{rng.randint(1000, 9999)}-"
                           f"{rng.randint(1000, 9999)}",
        "applicant_email": f"{person.split()[0].lower()}"
                           f"{rng.randint(1, 9999)}@example.com",
        "information_requested": f"{rng.choice(org[3])} per kecamatan tahun "
                                 f"{rng.randint(2019, 2026)}",
        "purpose": rng.choice(PURPOSES),
        "obtain_method": "copy",
        "copy_format": "softcopy",
        "delivery_method": "email",
    }
    if rng.random() < 0.6:
        data["owner_org"] = org[0]
    return data


def sequence_state() -> dict[int, int]:
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        return dict(conn.execute(sa.text(
            "SELECT year, last_value FROM ppidrequest_request_sequence"))
            .all())


def measure_lock_hold(n: int, seed: int) -> dict[str, Any]:
    """``ppidrequest_create`` in-process, one at a time, anonymous: its
    time, and how long the year's sequence row stays locked (from the
    ``INSERT .. ON CONFLICT`` on ``ppidrequest_request_sequence`` to the
    commit: concurrent creates wait for it), and the access code's PBKDF2
    hash (which ``workflow.create`` computes before taking the number
    since b098e6a; inside that window before)."""
    import ckan.plugins.toolkit as tk
    from ckan import model
    import sqlalchemy as sa
    from ckanext.ppidrequest.requests import numbering
    engine = model.meta.engine
    marks: dict[str, float] = {}

    def before(conn, cursor, statement, parameters, context, many):
        if "INTO ppidrequest_request_sequence" in statement:
            marks["lock"] = time.perf_counter()

    def on_commit(conn):
        marks["commit"] = time.perf_counter()

    original_hash = numbering.hash_access_code
    hash_ms: list[float] = []

    def timed_hash(code):
        t0 = time.perf_counter()
        try:
            return original_hash(code)
        finally:
            hash_ms.append((time.perf_counter() - t0) * 1000)

    sa.event.listen(engine, "before_cursor_execute", before)
    sa.event.listen(engine, "commit", on_commit)
    numbering.hash_access_code = timed_hash
    action = tk.get_action("ppidrequest_create")
    rng = random.Random(seed)
    total, held, created = [], [], []
    try:
        for i in range(n + 3):
            marks.clear()
            t0 = time.perf_counter()
            out = action({"user": ""}, create_payload(rng))
            elapsed = (time.perf_counter() - t0) * 1000
            model.Session.remove()
            created.append((out["registration_number"], out["year"],
                            out["sequence"], out["id"]))
            if i < 3:
                hash_ms.clear()
                continue
            total.append(elapsed)
            held.append((marks["commit"] - marks["lock"]) * 1000)
    finally:
        numbering.hash_access_code = original_hash
        sa.event.remove(engine, "before_cursor_execute", before)
        sa.event.remove(engine, "commit", on_commit)
    out = {"server": "in-process, one at a time", "kind": "in-process",
           "n": len(total), "p50": percentile(total, 50),
           "p95": percentile(total, 95),
           "lock_held_p50": percentile(held, 50),
           "lock_held_p95": percentile(held, 95),
           "hash_p50": percentile(hash_ms, 50), "created": created}
    say(f"  in-process ppidrequest_create, one at a time: p50 "
        f"{out['p50']:.1f} ms, p95 {out['p95']:.1f} ms; the year's sequence "
        f"row is locked for {out['lock_held_p50']:.1f} ms (p50; p95 "
        f"{out['lock_held_p95']:.1f}); the PBKDF2 hash of the access "
        f"code takes {out['hash_p50']:.1f} ms (creates queue on that row: "
        f"at most about {1000 / out['lock_held_p50']:.0f} creates/s "
        "whatever the server)")
    return out


def run_creates(server: Server, clients: int, duration: float,
                warmup_each: int, seed: int) -> dict[str, Any]:
    lock = threading.Lock()
    latencies: list[float] = []
    created: list[tuple[str, int, int, str]] = []  # number, year, seq, id
    errors: list[str] = []
    statuses: dict[int, int] = {}
    path = "/api/3/action/ppidrequest_create"

    def one(rng: random.Random, measured: bool) -> None:
        payload = create_payload(rng)
        t0 = time.perf_counter()
        try:
            status, body = http_call(server.port, "POST", path, payload)
        except OSError as e:
            with lock:
                errors.append(f"{type(e).__name__}: {e}")
            return
        elapsed = (time.perf_counter() - t0) * 1000
        try:
            out = json.loads(body)
        except ValueError:
            out = {}
        ok = status == 200 and out.get("success") is True
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if ok:
                res = out["result"]
                created.append((res["registration_number"], res["year"],
                                res["sequence"], res["id"]))
                if measured:
                    latencies.append(elapsed)
            else:
                errors.append(f"HTTP {status}: {body[:300]!r}")

    # warm-up: every worker process loads its templates, plugins, pools
    for i in range(warmup_each * max(1, server.workers)):
        one(random.Random(seed * 1000 + i), False)

    before = sequence_state()
    stop_at = time.monotonic() + duration

    def client(n: int) -> None:
        rng = random.Random(seed * 7919 + n)
        while time.monotonic() < stop_at:
            one(rng, True)

    threads = [threading.Thread(target=client, args=(n,), daemon=True)
               for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 120)
    wall = time.perf_counter() - t0
    after = sequence_state()
    n_ok = len(latencies)
    return {
        "server": server.label, "kind": server.kind,
        "workers": server.workers, "clients": clients,
        "duration_s": round(wall, 2), "startup_s": round(server.startup_s, 2),
        "ok": n_ok, "errors": len(errors), "error_samples": errors[:5],
        "statuses": statuses,
        "rps": n_ok / wall if wall else 0.0,
        **latency(latencies),
        "created": created, "sequence_before": before,
        "sequence_after": after,
    }


def check_numbers(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Registration numbers: unique, and every year's sequence 1..last with
    no gap, matching the sequence table; the numbers this run created are
    consecutive."""
    from ckan import model
    import sqlalchemy as sa
    with model.meta.engine.connect() as conn:
        per_year = conn.execute(sa.text(
            f"SELECT r.year, count(*), count(DISTINCT r.sequence), "
            "min(r.sequence), max(r.sequence), "
            "count(DISTINCT r.registration_number), max(s.last_value) "
            f"FROM {TABLE} r LEFT JOIN ppidrequest_request_sequence s "
            "ON s.year = r.year GROUP BY r.year ORDER BY r.year")).all()
        dup_numbers = conn.execute(sa.text(
            f"SELECT count(*) - count(DISTINCT registration_number) "
            f"FROM {TABLE}")).scalar_one()
    years = []
    ok = dup_numbers == 0
    for year, n, distinct, lo, hi, numbers, last in per_year:
        good = n == distinct == hi == numbers == last and lo == 1
        ok = ok and good
        years.append({"year": year, "requests": n, "min": lo, "max": hi,
                      "distinct_sequences": distinct,
                      "distinct_numbers": numbers, "last_value": last,
                      "gap_free": good})
    created = [c for run in runs for c in run["created"]]
    numbers = [c[0] for c in created]
    by_year: dict[int, list[int]] = {}
    for _number, year, seq, _id in created:
        by_year.setdefault(year, []).append(seq)
    run_ok = len(set(numbers)) == len(numbers)
    consecutive = {}
    for year, seqs in by_year.items():
        seqs.sort()
        contiguous = seqs == list(range(seqs[0], seqs[0] + len(seqs)))
        consecutive[year] = {"created": len(seqs), "first": seqs[0],
                             "last": seqs[-1], "consecutive": contiguous}
        run_ok = run_ok and contiguous
    return {"ok": ok and run_ok, "table_ok": ok, "run_ok": run_ok,
            "duplicate_numbers": dup_numbers, "years": years,
            "created_this_run": len(created),
            "created_unique": len(set(numbers)),
            "created_consecutive": consecutive}


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=100000,
                    help="number of requests in the register (100000)")
    ap.add_argument("--iterations", type=int, default=100,
                    help="measured ppidrequest_list calls per kind "
                         "given for information (100)")
    ap.add_argument("--target-iterations", type=int, default=300,
                    help="measured calls of the target kind (300)")
    ap.add_argument("--servers", default="gunicorn,ckan-threaded",
                    help="web servers to file requests through, comma "
                         "separated: gunicorn, ckan-threaded, "
                         "ckan-processes, or none "
                         "(default gunicorn,ckan-threaded)")
    ap.add_argument("--workers", type=int, default=4,
                    help="gunicorn workers and --processes of "
                         "ckan-processes (4)")
    ap.add_argument("--clients", type=int, default=4,
                    help="concurrent HTTP clients (4)")
    ap.add_argument("--duration", type=float, default=20.0,
                    help="seconds of filing per server (20)")
    ap.add_argument("--explain", choices=["target", "missed", "all", "none"],
                    default="target",
                    help="EXPLAIN ANALYZE the slowest call of the target "
                         "kind (default), of the kinds that miss their "
                         "target, of all kinds, or none")
    C.add_common_options(ap, "requests")
    args = ap.parse_args(argv)

    if C.need_wrapper("ckan_bench_req", "request_workflow.py"):
        return 2
    servers = [s for s in args.servers.split(",") if s and s != "none"]
    for s in servers:
        if s not in ("gunicorn", "ckan-threaded", "ckan-processes"):
            ap.error(f"unknown server {s}")

    # the wrapper stops the benchmark with SIGTERM: run the finally blocks
    def on_term(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_term)

    started, report = C.start_report(
        "request workflow", requests_target=args.requests,
        targets={"list_p95_ms": LIST_TARGET_MS, "list_kind": TARGET_KIND},
        ini=str(INI.relative_to(ROOT)), notify=False)
    stamp = f"{started:%Y%m%d-%H%M%S}"
    RESULTS.mkdir(parents=True, exist_ok=True)
    write_ini()
    say(f"   {INI.relative_to(ROOT)}: use = config:{BASE_INI.name}, "
        "ckanext.ppidrequest.notify = false")
    if not args.skip_upgrade:
        C.db_upgrade(INI, ("ppidrequest", "ppidrequest_pgsearch",
                           "activity"))

    app = C.load_app(INI)
    if args.sql_log:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    with app._wsgi_app.test_request_context():
        import ckan.plugins.toolkit as tk
        from ckan import model
        import sqlalchemy as sa
        assert not tk.config.get("ckanext.ppidrequest.notify")
        report["postgres"] = C.postgres_report()

        say("\n== 1. requests")
        admin = C.ensure_admin()
        admin_id = admin.id
        org_ids = C.ensure_orgs()
        pembantu_org = ORGS[0][0]
        ensure_pembantu(org_ids[pembantu_org])
        report["generation"] = generate(args.requests, args.seed, org_ids,
                                        admin_id)
        reg = register_stats()
        report["register"] = reg
        say(f"  {reg['total']} requests ({reg['total_size']} with indexes, "
            f"heap {reg['heap_size']}); {reg['open']} open, "
            f"{reg['overdue']} overdue (today {reg['today']})")
        say("  states: " + ", ".join(f"{k} {v}"
                                     for k, v in reg["states"].items()))
        say("  overdue per organization (owner or forwarded-to): "
            + ", ".join(f"{k} {v}"
                        for k, v in reg["overdue_per_org"].items()))

        say(f"\n== 2. ppidrequest_list, {args.target_iterations} measured "
            f"calls of {TARGET_KIND} (target p95 <= {LIST_TARGET_MS:.0f} "
            f"ms), {args.iterations} of each other kind, {args.warmup} "
            "warm-up calls first")
        with model.meta.engine.connect() as conn:
            sample_numbers = [r[0] for r in conn.execute(sa.text(
                f"SELECT registration_number FROM {TABLE} "
                "TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 500")).all()]
        timer = SqlTimer(model.meta.engine, TABLE)
        rng = random.Random(args.seed)
        kinds = list_kinds(rng, reg, sample_numbers)
        lists = run_list(kinds, args.iterations, args.warmup, timer,
                         args.target_iterations)
        report["list"] = lists
        explains = {}
        for label, stats in lists.items():
            wanted = (args.explain == "all"
                      or (args.explain in ("missed", "target")
                          and stats["ok"] is False)
                      or (args.explain == "target" and label == TARGET_KIND))
            if wanted:
                explains[label] = explain(stats["user"],
                                          stats["slowest_params"], timer)
        report["explain"] = explains
        for label, plans in explains.items():
            say(f"\n--- EXPLAIN {label}: ppidrequest_list "
                f"{json.dumps(lists[label]['slowest_params'])} as "
                f"{lists[label]['user']}")
            for text in plans:
                say(text)

        say(f"\n== 3. ppidrequest_create over HTTP, {args.clients} "
            f"concurrent anonymous clients, {args.duration:.0f} s per server")
        runs = [measure_lock_hold(20, args.seed)] if servers else []
        model.Session.remove()
        for kind in servers:
            log_path = RESULTS / f"requests-{stamp}-server-{kind}.log"
            try:
                with Server(kind, args.workers, log_path) as server:
                    run = run_creates(server, args.clients, args.duration,
                                      2, args.seed + len(runs))
            except RuntimeError as e:
                say(f"  {kind}: {e}")
                runs.append({"server": kind, "kind": kind, "failed": str(e),
                             "created": []})
                continue
            runs.append(run)
            say(f"  {run['server']}: {run['ok']} created in "
                f"{run['duration_s']:.1f} s = {run['rps']:.1f} req/s; "
                f"p50 {run['p50']:.0f} ms, p95 {run['p95']:.0f} ms, "
                f"p99 {run['p99']:.0f} ms; {run['errors']} errors "
                f"{run['statuses']}")
            for sample in run["error_samples"]:
                say(f"    error: {sample}")
        numbers = check_numbers(runs) if runs else None
        report["create"] = [{k: v for k, v in r.items() if k != "created"}
                            for r in runs]
        report["numbers"] = numbers
        if numbers:
            say(f"  registration numbers: "
                f"{'unique and gap-free' if numbers['ok'] else 'PROBLEM'}; "
                f"{numbers['created_this_run']} created this run, "
                f"{numbers['created_unique']} distinct; duplicates in the "
                f"table: {numbers['duplicate_numbers']}")
            for year, c in numbers["created_consecutive"].items():
                say(f"    {year}: created {c['first']}..{c['last']} "
                    f"({c['created']}), consecutive: "
                    f"{'yes' if c['consecutive'] else 'NO'}")
            for y in numbers["years"]:
                say(f"    {y['year']}: {y['requests']} requests, sequence "
                    f"{y['min']}..{y['max']}, {y['distinct_sequences']} "
                    f"distinct, sequence table last_value {y['last_value']}"
                    f": {'gap-free' if y['gap_free'] else 'GAP/DUPLICATE'}")
        report["machine"]["loadavg_end"] = os.getloadavg()

    # summary ---------------------------------------------------------------
    say(f"\n== summary ({reg['total']} requests, {reg['open']} open, "
        f"{reg['overdue']} overdue; {os.cpu_count()} CPUs, load "
        f"{report['machine']['loadavg_start'][0]:.2f} -> "
        f"{report['machine']['loadavg_end'][0]:.2f})")
    gen = report["generation"]
    if gen.get("skipped"):
        say(f"generation: skipped ({gen['existing']} requests already "
            "there)")
    else:
        say(f"generation: {gen['created']} requests in {gen['seconds']:.1f} "
            f"s (COPY {gen['copy_s']:.1f} s)")
    say(f"{'ppidrequest_list kind':<26}{'user':<16}{'n':>5}{'p50':>8}"
        f"{'p95':>8}{'p99':>8}{'max':>8}{'SQL#':>6}  target")
    for label, s in lists.items():
        verdict = ("-" if s["ok"] is None else
                   f"p95<={LIST_TARGET_MS:.0f}ms "
                   + ("yes" if s["ok"] else "NO"))
        say(f"{label:<26}{s['user']:<16}{s['n']:>5}{s['p50']:>8.1f}"
            f"{s['p95']:>8.1f}{s['p99']:>8.1f}{s['max']:>8.1f}"
            f"{s['statements_median']:>6.0f}  {verdict}")
    say(f"{'ppidrequest_create server':<50}{'ok':>6}{'req/s':>8}{'p50':>7}"
        f"{'p95':>7}{'p99':>7}{'errors':>8}")
    for r in report["create"]:
        if r["kind"] == "in-process":
            continue
        if r.get("failed"):
            say(f"{r['server']:<50} FAILED: {r['failed']}")
            continue
        say(f"{r['server']:<50}{r['ok']:>6}{r['rps']:>8.1f}{r['p50']:>7.0f}"
            f"{r['p95']:>7.0f}{r['p99']:>7.0f}{r['errors']:>8}")
    for r in report["create"]:
        if r["kind"] == "in-process":
            say(f"in-process create: p50 {r['p50']:.1f} ms; sequence row "
                f"locked {r['lock_held_p50']:.1f} ms per create (p50); "
                f"PBKDF2 hash {r['hash_p50']:.1f} ms")
    if numbers:
        say("registration numbers unique and gap-free: "
            + ("yes" if numbers["ok"] else "NO"))

    C.write_json(report, args.json, f"requests-{stamp}.json")
    # as bench/search.py: a missed target is reported, not an error; wrong
    # registration numbers are
    return 0 if numbers is None or numbers["ok"] else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
