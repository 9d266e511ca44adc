"""A Solr connection that lives in PostgreSQL.

CKAN's package indexer builds each search document (after every plugin's
``before_dataset_index``) and hands it to ``make_connection().add(docs=...)``;
``package_search`` calls ``make_connection().search(**params)`` with Solr
parameters. :class:`PgSearchConnection` answers those same calls from the
``ppidrequest_search_doc`` table, so every field any extension indexes is
searchable without CKAN or the extensions knowing which backend runs.
"""
from __future__ import annotations

import atexit
import datetime as dt
import json
import logging
import multiprocessing.util
import os
import re
import threading
from typing import Any, Iterable

import sqlalchemy as sa

from ckan.common import config
from ckan.lib.search.common import SearchError, SearchQueryError
from ckan.model import meta

from . import fields as F
from .query import compile_filter, compile_query, normalise_value

log = logging.getLogger(__name__)

TABLE = "ppidrequest_search_doc"


_SORT_COLUMNS = {
    "metadata_modified": ("metadata_modified", "date"),
    "metadata_created": ("metadata_created", "date"),
    "title_string": ('title_string COLLATE "C"', "string"),
    "name": ('name COLLATE "C"', "string"),
    "id": ('id COLLATE "C"', "string"),
}

_UPSERT = sa.text(f"""
    INSERT INTO {TABLE} (index_id, id, name, site_id, title_string,
        metadata_modified, metadata_created, fields, texts, data, text_tsv)
    VALUES (:index_id, :id, :name, :site_id, :title_string,
        CAST(:metadata_modified AS timestamptz),
        CAST(:metadata_created AS timestamptz),
        CAST(:fields AS jsonb), CAST(:texts AS jsonb), CAST(:data AS jsonb),
        setweight(to_tsvector('indonesian', :text_a)
                  || to_tsvector('simple', :text_a), 'A')
        || setweight(to_tsvector('indonesian', :text_b)
                  || to_tsvector('simple', :text_b), 'B')
        || setweight(to_tsvector('indonesian', :text_d)
                  || to_tsvector('simple', :text_d), 'D'))
    ON CONFLICT (index_id) DO UPDATE SET
        id = EXCLUDED.id, name = EXCLUDED.name, site_id = EXCLUDED.site_id,
        title_string = EXCLUDED.title_string,
        metadata_modified = EXCLUDED.metadata_modified,
        metadata_created = EXCLUDED.metadata_created,
        fields = EXCLUDED.fields, texts = EXCLUDED.texts,
        data = EXCLUDED.data, text_tsv = EXCLUDED.text_tsv,
        indexed_at = now()
""")

# Weights of the catch-all text, after CKAN's dismax ``qf``:
# name^4 title^4 tags^2 groups^2 text
_WEIGHT_A = ("name", "title")
_WEIGHT_B = ("tags", "groups")


class Results:
    """The part of ``pysolr.Results`` that CKAN reads."""

    def __init__(self, docs: list[dict[str, Any]], hits: int,
                 facets: dict[str, Any] | None = None):
        self.docs = docs
        self.hits = hits
        self.facets = facets or {}

    def __len__(self) -> int:
        return len(self.docs)

    def __iter__(self):
        return iter(self.docs)


def _engine() -> sa.engine.Engine:
    if meta.engine is None:
        raise SearchError("The database engine is not configured")
    return meta.engine


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if v is not None and v != ""]
    if value == "":
        return []
    return [value]


def _text_of(value: Any) -> str:
    return " ".join(str(v) for v in _as_list(value))


def document_row(doc: dict[str, Any]) -> dict[str, Any]:
    """Turn one Solr document into a row of the document table."""
    schema = F.solr_schema()
    fields: dict[str, list[str]] = {}
    texts: dict[str, list[str]] = {}
    text_a, text_b, text_d = [], [], []
    for name, value in doc.items():
        if name in ("data_dict", "validated_data_dict"):
            continue  # stored, never indexed (indexed="false" in Solr)
        values = _as_list(value)
        if not values:
            continue
        spec = schema.field(name)
        if spec.kind == F.TEXT:
            texts[name] = [str(v) for v in values]
        else:
            fields[name] = list(dict.fromkeys(
                normalise_value(spec.kind, v) for v in values))
        if name == "text" or schema.feeds_text(name):
            bucket = text_a if name in _WEIGHT_A else \
                text_b if name in _WEIGHT_B else text_d
            bucket.append(_text_of(values))
    return {
        "index_id": doc["index_id"],
        "id": doc.get("id"),
        "name": doc.get("name"),
        "site_id": doc.get("site_id"),
        "title_string": doc.get("title_string"),
        "metadata_modified": doc.get("metadata_modified"),
        "metadata_created": doc.get("metadata_created"),
        "fields": json.dumps(fields),
        "texts": json.dumps(texts),
        "data": json.dumps(doc, default=str),
        "text_a": " ".join(text_a),
        "text_b": " ".join(text_b),
        "text_d": " ".join(text_d),
    }


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for v in value:
            out.extend(_split(v))
        return out
    return [v for v in re.split(r"[\s,]+", str(value)) if v]


def _int(params: dict[str, Any], key: str, default: int) -> int:
    value = params.get(key, default)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise SearchQueryError(f"Invalid value for {key}: {value!r}")


class PgSearchConnection:
    """Answers the ``pysolr.Solr`` calls CKAN makes, from PostgreSQL."""

    url = "postgresql://ppidrequest_search_doc"
    # documents added with commit=False (``search-index rebuild``), written
    # in batches; shared by every connection of the process, as Solr's
    # uncommitted documents are shared by every client
    _pending: list[dict[str, Any]] = []
    _lock = threading.Lock()

    # writing --------------------------------------------------------------
    def add(self, docs: Iterable[dict[str, Any]], commit: bool = True,
            **kwargs: Any) -> None:
        rows = [document_row(doc) for doc in docs]
        with self._lock:
            PgSearchConnection._pending.extend(rows)
            size = len(PgSearchConnection._pending)
        if not commit:
            _flush_at_exit()
        limit = config.get("ckanext.ppidrequest.pgsearch.buffer_size")
        if commit or size >= limit:
            self.commit()

    def commit(self, **kwargs: Any) -> None:
        with self._lock:
            pending = PgSearchConnection._pending
            PgSearchConnection._pending = []
        if not pending:
            return
        # the last version of a document wins, as in Solr
        latest = {row["index_id"]: row for row in pending}
        with _engine().begin() as conn:
            conn.execute(_UPSERT, list(latest.values()))

    def delete(self, id: Any = None, q: str | None = None,
               commit: bool = True, **kwargs: Any) -> None:
        self.commit()
        with _engine().begin() as conn:
            if id is not None:
                ids = id if isinstance(id, (list, tuple)) else [id]
                conn.execute(sa.text(
                    f"DELETE FROM {TABLE} WHERE index_id = ANY(:ids)"),
                    {"ids": list(ids)})
            if q is not None:
                where = compile_filter(q, prefix="d")
                conn.execute(sa.text(f"DELETE FROM {TABLE} WHERE {where.sql}"),
                             where.params)

    # reading --------------------------------------------------------------
    def search(self, q: str | None = None, **params: Any) -> Results:
        filters = _split_filters(params.get("fq"))
        filters += _split_filters(params.get("fq_list"))
        dismax = params.get("defType") in ("dismax", "edismax")
        compiled = compile_query(q or params.get("q"), filters, dismax=dismax,
                                 now=_now(params))
        rows = _int(params, "rows", 10)
        start = _int(params, "start", 0)
        if rows < 0 or start < 0:
            raise SearchQueryError("rows and start must not be negative")

        rank = "0"
        if compiled.rank_terms:
            rank = ("ts_rank(text_tsv, " + " || ".join(
                f"({t})" for t in compiled.rank_terms) + ")")
        order_by = _order_by(params.get("sort"), rank)
        fl = _split(params.get("fl")) or ["*"]
        sql = (f"SELECT data, {rank} AS score, count(*) OVER () AS hits "
               f"FROM {TABLE} WHERE {compiled.sql} ORDER BY {order_by} "
               f"LIMIT :_rows OFFSET :_start")
        bind = dict(compiled.params, _rows=rows, _start=start)
        self.commit()
        with _engine().connect() as conn:
            result = conn.execute(sa.text(sql), bind).fetchall()
            if result:
                hits = result[0].hits
            else:  # rows=0 (counts only) or a page past the end
                hits = conn.execute(sa.text(
                    f"SELECT count(*) FROM {TABLE} WHERE {compiled.sql}"),
                    compiled.params).scalar_one()
            facets = {}
            if str(params.get("facet", "false")).lower() == "true":
                facets = _facets(conn, compiled, params)
        docs = [_project(row.data, row.score, fl) for row in result]
        return Results(docs, hits, facets)


_flush_registered_in: int | None = None


def _flush_at_exit() -> None:
    """Write deferred documents when this process ends.

    ``ckan search-index rebuild-fast`` forks workers that index with
    deferred commit and exit without committing (Solr keeps their documents
    server-side until the parent commits); here the documents are in the
    worker's memory, so each process writes its own before it exits.
    """
    global _flush_registered_in
    if _flush_registered_in == os.getpid():
        return
    _flush_registered_in = os.getpid()
    flush = PgSearchConnection().commit
    multiprocessing.util.Finalize(None, flush, exitpriority=100)
    atexit.register(flush)


def _after_fork_in_child() -> None:
    # A forked worker must not reuse the parent's pooled connections, nor
    # the parent's deferred documents (the parent writes those itself).
    PgSearchConnection._pending = []
    PgSearchConnection._lock = threading.Lock()
    if meta.engine is not None:
        meta.engine.dispose(close=False)


os.register_at_fork(after_in_child=_after_fork_in_child)


def _now(params: dict[str, Any]) -> dt.datetime | None:
    """Solr's ``NOW`` request parameter (milliseconds since the epoch): the
    instant the request's date math starts from (default: the current
    time)."""
    value = params.get("NOW")
    if value in (None, ""):
        return None
    try:
        return dt.datetime.fromtimestamp(int(value) / 1000, dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise SearchQueryError(f"Invalid value for NOW: {value!r}")


def _split_filters(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v]
    return [str(value)] if value else []


def _order_by(sort: Any, rank: str) -> str:
    clauses = []
    text = ",".join(sort) if isinstance(sort, (list, tuple)) else (sort or "")
    for part in [p.strip() for p in text.split(",") if p.strip()]:
        bits = part.split()
        if len(bits) != 2 or bits[1].lower() not in ("asc", "desc"):
            raise SearchQueryError('Invalid "sort" parameter')
        fname, direction = bits[0], bits[1].upper()
        if fname == "score":
            if rank != "0":  # without free text every score is equal
                clauses.append(f"{rank} {direction}")
            continue
        if not re.fullmatch(r"[\w.\-]+", fname):
            raise SearchQueryError('Invalid "sort" parameter')
        if fname in _SORT_COLUMNS:
            column = _SORT_COLUMNS[fname][0]
        else:
            kind = F.solr_schema().field(fname).kind
            raw = f"(fields->'{fname}'->>0)"
            if kind == F.NUMBER:
                column = f"CAST({raw} AS numeric)"
            elif kind == F.DATE:
                column = f"CAST({raw} AS timestamptz)"
            else:
                column = f'{raw} COLLATE "C"'
        # Solr's sortMissingLast: documents without the field come last
        clauses.append(f"{column} {direction} NULLS LAST")
    clauses.append('index_id COLLATE "C" ASC')  # stable paging
    return ", ".join(clauses)


def _project(data: dict[str, Any], score: float,
             fl: list[str]) -> dict[str, Any]:
    schema = F.solr_schema()
    if "*" in fl:
        doc = {k: v for k, v in data.items() if schema.field(k).stored}
    else:
        doc = {k: data[k] for k in fl if k in data}
    if "score" in fl:
        doc["score"] = float(score)
    return doc


def _facets(conn, compiled, params: dict[str, Any]) -> dict[str, Any]:
    names = params.get("facet.field") or []
    if isinstance(names, str):
        names = [names]
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        return {"facet_fields": {}}
    limit = _int(params, "facet.limit", 50)
    mincount = _int(params, "facet.mincount", 1)
    bind = dict(compiled.params, _min=max(mincount, 1))
    lim = "" if limit < 0 else f"LIMIT {int(limit)}"
    columns, selects = [], []
    for i, name in enumerate(names):
        bind[f"_fn{i}"] = name
        columns.append(f"fields->:_fn{i} AS f{i}")
        selects.append(
            f"(SELECT {i} AS f, v, count(*) AS c FROM m, "
            f"jsonb_array_elements_text(m.f{i}) AS v "
            f"GROUP BY v HAVING count(*) >= :_min "
            f'ORDER BY c DESC, v COLLATE "C" ASC {lim})')
    # read each matching document's facet fields once, then count per field
    sql = (f"WITH m AS MATERIALIZED (SELECT {', '.join(columns)} "
           f"FROM {TABLE} WHERE {compiled.sql}) "
           + " UNION ALL ".join(selects))
    out: dict[str, list[Any]] = {name: [] for name in names}
    for row in conn.execute(sa.text(sql), bind):
        out[names[row.f]].extend([row.v, row.c])
    if mincount <= 0:
        log.debug("facet.mincount=0 is answered as 1: values absent from "
                  "every matching dataset are not listed")
    return {"facet_fields": out}


def is_available() -> bool:
    if meta.engine is None:
        return False  # start-up check before the engine exists
    try:
        with _engine().connect() as conn:
            conn.execute(sa.text(f"SELECT 1 FROM {TABLE} LIMIT 1"))
        return True
    except Exception as e:  # noqa: BLE001 - mirrors CKAN's Solr check
        log.warning("PostgreSQL search table is not available: %s", e)
        return False


def make_connection(decode_dates: bool = True) -> PgSearchConnection:
    return PgSearchConnection()
