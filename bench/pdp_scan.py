#!/usr/bin/env python
"""Benchmark of the personal-data scan: a generated 50 MB CSV of the kind
an agency hands over (names, NIK, birth dates, addresses, phones, emails,
counts, free text), scanned by :func:`ckanext.ppidrequest.pdp.scan.
scan_csv` as the ``pdp_scan`` step does, with the time and the process's
peak resident memory at two file sizes (the smaller first): memory must
not grow with the file. Target: 50 MB within 10 s.

    .venv/bin/python bench/pdp_scan.py            (``make bench-pdp``)

No database is needed.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time

import _common as C
from _common import say

TARGET_S = 10.0
HEADER = ("nama_lengkap,nik,tanggal_lahir,alamat,no_hp,email,desa,"
          "jumlah_balita,kode_barang,keterangan\n")
FIRST = ["Siti", "Budi", "Dewi", "Agus", "Sri", "Wahyu", "Nur", "Eko"]
LAST = ["Aminah", "Santoso", "Lestari", "Hidayat", "Wahyuni", "Kurnia"]
VILLAGES = ["Cibeureum", "Mekarsari", "Sukamaju Kota", "Kenanga", "Melati"]


def generate(path: str, megabytes: int, seed: int) -> int:
    """Write a CSV of about ``megabytes`` MB; returns its rows."""
    rng = random.Random(seed)
    rows = 0
    limit = megabytes * 1024 * 1024
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        size = len(HEADER)
        while size < limit:
            day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
            nik = (f"3509{rng.randint(10, 31):02d}{day:02d}"
                   f"{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}"
                   f"{rng.randint(1, 9999):04d}")
            note = rng.choice(["", "ibu hamil", f"NIK suami {nik[::-1]}",
                               "pindah datang", ""])
            line = (f"{rng.choice(FIRST)} {rng.choice(LAST)},{nik},"
                    f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-"
                    f"{rng.randint(1950, 2005)},Jl. {rng.choice(VILLAGES)} "
                    f"{rng.randint(1, 99)} Kec. Sumbersari,08{rng.randint(1, 9)}"
                    f"{rng.randint(10000000, 99999999)},"
                    f"warga{rows}@example.com,{rng.choice(VILLAGES)},"
                    f"{rng.randint(0, 5)},{rng.randint(10**15, 10**16 - 1)},"
                    f"{note}\n")
            out.write(line)
            size += len(line.encode())
            rows += 1
    return rows


def measure(path: str) -> dict:
    from ckanext.ppidrequest.pdp import scan

    t0, c0 = time.perf_counter(), time.process_time()
    with open(path, "rb") as stream:
        report = scan.scan_csv(stream)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    # the process's peak resident memory so far: the small file runs
    # first, so a scan whose memory grew with the file would raise it
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"bytes": os.path.getsize(path), "rows": report["rows"],
            "seconds": wall, "cpu_seconds": cpu,
            "peak_rss_kib": peak,
            "personal": report["personal"],
            "found": {c["name"]: c["found"] for c in report["columns"]
                      if c["found"]}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--megabytes", type=int, default=50)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    started, report = C.start_report("personal-data scan",
                                     target_s=TARGET_S, runs=[])
    with tempfile.TemporaryDirectory(prefix="ppid-pdp-bench-") as folder:
        for megabytes in (max(args.megabytes // 10, 1), args.megabytes):
            path = os.path.join(folder, f"data-{megabytes}.csv")
            rows = generate(path, megabytes, args.seed)
            run = measure(path)
            report["runs"].append(run)
            say(f"  {run['bytes'] / 1024 ** 2:5.1f} MB, {rows} rows: "
                f"{run['seconds']:.2f} s (CPU {run['cpu_seconds']:.2f} s), "
                f"peak RSS {run['peak_rss_kib'] / 1024:.0f} MiB; personal "
                f"columns {', '.join(run['personal'])}")
    small, large = report["runs"]
    ok = large["seconds"] <= TARGET_S
    say(f"\n{args.megabytes} MB within {TARGET_S:.0f} s: "
        f"{'yes' if ok else 'NO'}; peak RSS {small['peak_rss_kib'] / 1024:.0f}"
        f" -> {large['peak_rss_kib'] / 1024:.0f} MiB for a file "
        f"{large['bytes'] / small['bytes']:.0f}x larger")
    report["machine"]["loadavg_end"] = os.getloadavg()
    C.write_json(report, args.json, f"pdp-scan-{started:%Y%m%d-%H%M%S}.json")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
