"""The Solr syntax compiler of the PostgreSQL search backend, without the
database: date math and parsing under concurrent threads."""
from __future__ import annotations

import sys
import threading

from ckanext.ppidrequest.pgsearch.query import compile_query


# What CKAN sends: its permission and site filters as fq, users' q as dismax
FILTERS = [
    '+capacity:public +owner_org:"3eacb1d8-f465-4b95-8974-136a4941e552" '
    '+state:(active)',
    '+site_id:"test.ckan.net" +entity_type:package +dataset_type:dataset',
    'permission_labels:("public" OR "creator-1f0e" OR "member-9a2c")',
    '-organization:dinkes +res_format:(CSV OR XLSX) tags:"kesehatan"',
]
QUERIES = [
    "jumlah penduduk kecamatan",
    'title:padi AND notes:"hasil panen"',
    "kependu*",
    'name:"angka-stunting" OR id:"angka-stunting"',
]


def test_parsing_is_thread_safe():
    """Threads of one server parse at once (4 x 3,000 searches here). With
    one lexer shared by all threads, parses failed ("Invalid search query"
    for valid filters) or came back wrong, e.g. CKAN's permission filter cut
    to ``+capacity:public +-private:true``."""
    cases = [(q, fq) for q in QUERIES for fq in FILTERS]
    expected = [compile_query(q, [fq], dismax=True) for q, fq in cases]
    failures: list[str] = []

    def work(offset: int) -> None:
        for i in range(3000):
            k = (i + offset) % len(cases)
            q, fq = cases[k]
            try:
                got = compile_query(q, [fq], dismax=True)
            except Exception as e:  # noqa: BLE001 - any failure counts
                failures.append(f"{type(e).__name__}: {e}")
            else:
                if got != expected[k]:
                    failures.append(f"wrong: q={q!r} fq={fq!r}: {got.sql}")

    interval = sys.getswitchinterval()
    # switch threads often, as a busy threaded server does
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(n,))
                   for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not failures, f"{len(failures)} of 12000: {failures[:3]}"
