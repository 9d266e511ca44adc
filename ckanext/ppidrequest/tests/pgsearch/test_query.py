"""The Solr syntax compiler of the PostgreSQL search backend, without the
database: date math and parsing under concurrent threads."""
from __future__ import annotations

import datetime as dt
import sys
import threading

import pytest

from ckan.lib.search.common import SearchQueryError

from ckanext.ppidrequest.pgsearch.query import compile_filter, compile_query

UTC = dt.timezone.utc


def _bounds(fq: str, now: dt.datetime) -> list[dt.datetime]:
    compiled = compile_query(None, [fq], dismax=False, now=now)
    return sorted(v for v in compiled.params.values()
                  if isinstance(v, dt.datetime))


@pytest.mark.parametrize("now, math, expected", [
    # month ends: a month or a year away has no such day
    (dt.datetime(2026, 3, 31, 10, 30, tzinfo=UTC), "NOW-1MONTH",
     dt.datetime(2026, 2, 28, 10, 30, tzinfo=UTC)),
    (dt.datetime(2028, 2, 29, 10, 30, tzinfo=UTC), "NOW-1YEAR",
     dt.datetime(2027, 2, 28, 10, 30, tzinfo=UTC)),
    (dt.datetime(2026, 1, 31, 10, 30, tzinfo=UTC), "NOW+1MONTH/DAY",
     dt.datetime(2026, 2, 28, tzinfo=UTC)),
    (dt.datetime(2028, 1, 31, 10, 30, tzinfo=UTC), "NOW+1MONTH",
     dt.datetime(2028, 2, 29, 10, 30, tzinfo=UTC)),
    (dt.datetime(2026, 5, 31, tzinfo=UTC), "NOW-3MONTHS",
     dt.datetime(2026, 2, 28, tzinfo=UTC)),
    (dt.datetime(2026, 12, 31, tzinfo=UTC), "NOW+2MONTHS",
     dt.datetime(2027, 2, 28, tzinfo=UTC)),
    (dt.datetime(2026, 1, 31, tzinfo=UTC), "NOW-13MONTHS",
     dt.datetime(2024, 12, 31, tzinfo=UTC)),
    # days, hours and rounding, applied from left to right
    (dt.datetime(2026, 3, 1, 0, 30, tzinfo=UTC), "NOW-1DAY",
     dt.datetime(2026, 2, 28, 0, 30, tzinfo=UTC)),
    (dt.datetime(2026, 3, 15, 10, 30, 45, 500, tzinfo=UTC), "NOW/DAY-7DAYS",
     dt.datetime(2026, 3, 8, tzinfo=UTC)),
    (dt.datetime(2026, 3, 15, 10, 30, tzinfo=UTC), "NOW-1YEAR/DAY+1DAY",
     dt.datetime(2025, 3, 16, tzinfo=UTC)),
    (dt.datetime(2026, 3, 15, 10, 30, tzinfo=UTC), "NOW/MONTH",
     dt.datetime(2026, 3, 1, tzinfo=UTC)),
    (dt.datetime(2026, 3, 15, 10, 30, tzinfo=UTC), "NOW/YEAR",
     dt.datetime(2026, 1, 1, tzinfo=UTC)),
    (dt.datetime(2026, 3, 15, 10, 30, 45, tzinfo=UTC), "NOW+90MINUTES/HOUR",
     dt.datetime(2026, 3, 15, 12, tzinfo=UTC)),
])
def test_date_math(now, math, expected):
    assert _bounds(f"metadata_modified:[{math} TO *]", now) == [expected]


def test_every_now_of_a_search_is_the_same_instant():
    now = dt.datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert _bounds("metadata_modified:[NOW-1DAY TO NOW] "
                   "metadata_created:[* TO NOW]", now) == [
        now - dt.timedelta(days=1), now, now]


def test_filters_of_one_statement_share_their_parameters():
    params: dict = {}
    first = compile_filter("organization:dinkes", params=params, prefix="a")
    second = compile_filter('tags:"gizi"', params=params, prefix="b")
    assert first.params is second.params is params
    assert sorted(params) == ["a0", "b1"]
    assert compile_filter("*:*").sql == "TRUE"
    assert compile_filter("+site_id:x").params == {"f0": '{"site_id": ["x"]}'}


@pytest.mark.parametrize("math", ["NOW-1FORTNIGHT", "NOW/WEEK", "NOW-MONTH",
                                  "NOW+1", "2026-02-30T00:00:00Z"])
def test_invalid_date_math_is_a_query_error(math):
    with pytest.raises(SearchQueryError, match="Invalid range value"):
        compile_query(None, [f"metadata_modified:[{math} TO NOW]"],
                      dismax=False)


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
