"""Compile the Solr query syntax CKAN sends into SQL over the document table.

CKAN core and extensions talk to the search index in Lucene/Solr syntax:
``q`` (free text, or ``field:value`` clauses), ``fq``/``fq_list``
(``+organization:"dinkes" +capacity:public``, ``+state:(active OR draft)``,
``-dataset_type:harvest``, ``metadata_modified:[2020-01-01T00:00:00Z TO NOW]``)
and ``sort``. Queries are parsed with luqum, a real Lucene grammar, and every
node is turned into a SQL condition with bound parameters.

Columns of ``ppidrequest_search_doc`` used here:

- ``fields``: ``jsonb`` of every non-text field to its list of normalised
  values (``{"tags": ["kesehatan"], "state": ["active"]}``): exact matches
  by containment (GIN, ``jsonb_path_ops``), ranges, wildcards and facets.
  It is kept small and stored inline so that scanning it stays cheap;
- ``texts``: ``jsonb`` of the analysed text fields (``title``, ``notes``,
  ``extras_*``...), for fielded text queries such as ``title:padi``;
- ``text_tsv``: the catch-all ``text`` field (what Solr builds by copyField),
  analysed with both the ``indonesian`` and the ``simple`` configurations.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta
from luqum import tree
from luqum.exceptions import ParseError
# luqum's module-level parser keeps its lexer's state in one object shared
# by every thread; luqum.thread.parse gives each thread its own lexer
# (a lock around the shared parser measured the same or slightly slower)
from luqum.thread import parse as _lucene_parse

from ckan.lib.search.common import SearchError, SearchQueryError

from . import fields as F

# Indonesian nominalisation wraps a root in ke-..-an, pe(N)-..-an, per-..-an:
# "kependudukan" and "penduduk" share a root the Snowball stemmer reaches by
# different paths. A query term is also stemmed in those derived forms so
# that a search for "penduduk" finds "kependudukan".
_DERIVATIONS = ("{}", "ke{}an", "pe{}an", "per{}an", "{}an")

_WORD_CHARS = re.compile(r"[^\w]+", re.UNICODE)
# Solr date math: NOW, then steps (+1MONTH, -7DAYS) and roundings (/DAY)
# applied from left to right: NOW/DAY-7DAYS, NOW-1YEAR/DAY+1DAY
_DATE_MATH = re.compile(r"^NOW((?:[+-]\d+[A-Z]+|/[A-Z]+)*)$")
_DATE_OP = re.compile(r"([+-]\d+|/)([A-Z]+)")
# a unit (also plural) -> the relativedelta argument of a step; rounding
# to a unit resets every smaller one
_DATE_UNITS = {"YEAR": "years", "MONTH": "months", "DAY": "days",
               "DATE": "days", "HOUR": "hours", "MINUTE": "minutes",
               "SECOND": "seconds"}
_SMALLER = (("month", 1), ("day", 1), ("hour", 0), ("minute", 0),
            ("second", 0), ("microsecond", 0))
_DATE_FLOOR = {unit: dict(_SMALLER[i:]) for i, unit in enumerate(
    ("years", "months", "days", "hours", "minutes", "seconds"))}


@dataclass
class Compiled:
    sql: str
    params: dict[str, Any] = field(default_factory=dict)
    # tsquery expressions of the positive free-text terms, for ranking
    rank_terms: list[str] = field(default_factory=list)


class _Compiler:
    def __init__(self, params: dict[str, Any], prefix: str,
                 now: dt.datetime | None = None):
        self.params = params
        self.prefix = prefix
        self.now = now
        self.rank_terms: list[str] = []
        self.schema = F.solr_schema()

    # parameters -----------------------------------------------------------
    def bind(self, value: Any) -> str:
        name = f"{self.prefix}{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    # nodes ----------------------------------------------------------------
    def compile(self, node: tree.Item, fname: str | None = None,
                negated: bool = False) -> str:
        if isinstance(node, tree.SearchField):
            if node.name == "*" and isinstance(node.expr, tree.Word) \
                    and node.expr.value == "*":
                return "TRUE"
            return self.compile(node.expr, node.name, negated)
        if isinstance(node, (tree.Group, tree.FieldGroup)):
            return self.compile(node.expr, fname, negated)
        if isinstance(node, tree.Boost):
            return self.compile(node.expr, fname, negated)
        if isinstance(node, (tree.Not, tree.Prohibit)):
            return f"NOT ({self.compile(node.a, fname, not negated)})"
        if isinstance(node, tree.Plus):
            return self.compile(node.a, fname, negated)
        if isinstance(node, tree.OrOperation):
            return self._or(node.children, fname, negated)
        if isinstance(node, (tree.AndOperation, tree.UnknownOperation)):
            # CKAN sends q.op=AND: bare clauses are required, like +clauses
            return self._and(node.children, fname, negated)
        if isinstance(node, tree.Range):
            return self._range(fname, node.low, node.high,
                               node.include_low, node.include_high)
        if isinstance(node, tree.From):
            return self._range(fname, node.a, None, node.include, True)
        if isinstance(node, tree.To):
            return self._range(fname, None, node.a, True, node.include)
        if isinstance(node, tree.Fuzzy):
            return self.compile(node.term, fname, negated)
        if isinstance(node, tree.Proximity):
            return self.compile(node.term, fname, negated)
        if isinstance(node, tree.Phrase):
            return self._term(fname, node.value[1:-1], phrase=True,
                              negated=negated)
        if isinstance(node, tree.Word):
            if node.has_wildcard():
                return self._wildcard(fname, node.value)
            return self._term(fname, node.unescaped_value, phrase=False,
                              negated=negated)
        if isinstance(node, tree.Regex):
            raise SearchQueryError("Regular expressions are not supported")
        raise SearchQueryError(f"Unsupported query syntax: {node}")

    def _and(self, children, fname, negated) -> str:
        positive, negative = [], []
        for child in children:
            if isinstance(child, (tree.Not, tree.Prohibit)):
                negative.append(self.compile(child.a, fname, not negated))
            else:
                positive.append(self.compile(child, fname, negated))
        parts = [f"({p})" for p in positive]
        parts += [f"NOT ({n})" for n in negative]
        return " AND ".join(parts) if parts else "TRUE"

    def _or(self, children, fname, negated) -> str:
        exact: dict[str, list[str]] = {}
        others: list[str] = []
        for child in children:
            match = self._exact_value(child, fname)
            if match is not None:
                exact.setdefault(match[0], []).append(match[1])
            else:
                others.append(f"({self.compile(child, fname, negated)})")
        for name, values in exact.items():
            if len(values) == 1:
                others.insert(0, self._contains(name, values[0]))
            else:
                # "field:(a OR b OR c)": one test of the field's values
                others.insert(0, f"(fields->{self.bind(name)} ?| "
                                 f"CAST({self.bind(values)} AS text[]))")
        return " OR ".join(others)

    def _contains(self, name: str, value: str) -> str:
        return f"fields @> CAST({self.bind(json.dumps({name: [value]}))} AS jsonb)"

    def _exact_value(self, node, fname) -> tuple[str, str] | None:
        """``(field, normalised value)`` when ``node`` is an exact match on
        a non-text field, else None."""
        while isinstance(node, (tree.SearchField, tree.Plus)):
            if isinstance(node, tree.SearchField):
                fname, node = node.name, node.expr
            else:
                node = node.a
        if fname is None or fname == "*":
            return None
        kind = self.schema.field(fname).kind
        if kind == F.TEXT:
            return None
        if isinstance(node, tree.Phrase):
            return fname, normalise_value(kind, node.value[1:-1])
        if isinstance(node, tree.Word) and not node.has_wildcard():
            return fname, normalise_value(kind, node.unescaped_value)
        return None

    def _term(self, fname: str | None, value: str, phrase: bool,
              negated: bool) -> str:
        if fname in (None, "text", "*"):
            return self._free_text(value, phrase, negated)
        spec = self.schema.field(fname)
        if spec.kind == F.TEXT:
            p = self.bind(fname)
            vector = (f"(to_tsvector('indonesian', texts->{p})"
                      f" || to_tsvector('simple', texts->{p}))")
            return f"{vector} @@ {self._tsquery(value, phrase)}"
        return self._contains(fname, normalise_value(spec.kind, value))

    def _free_text(self, value: str, phrase: bool, negated: bool) -> str:
        tsq = self._tsquery(value, phrase)
        if not negated:
            self.rank_terms.append(tsq)
        return f"text_tsv @@ {tsq}"

    def _tsquery(self, value: str, phrase: bool) -> str:
        if phrase:
            p = self.bind(value)
            return (f"(phraseto_tsquery('indonesian', {p}) || "
                    f"phraseto_tsquery('simple', {p}))")
        words = [w for w in _WORD_CHARS.split(value.lower()) if w]
        if not words:
            return "''::tsquery"
        if len(words) > 1:
            # "data-kesehatan" behaves as the phrase Solr's tokenizer makes
            p = self.bind(" ".join(words))
            return (f"(phraseto_tsquery('indonesian', {p}) || "
                    f"phraseto_tsquery('simple', {p}))")
        word = words[0]
        parts = [f"plainto_tsquery('simple', {self.bind(word)})"]
        for pattern in _DERIVATIONS:
            parts.append(
                f"plainto_tsquery('indonesian', {self.bind(pattern.format(word))})")
        return "(" + " || ".join(parts) + ")"

    def _wildcard(self, fname: str | None, raw: str) -> str:
        if fname not in (None, "text") and raw == "*":
            return f"fields ? {self.bind(fname)}"
        like = _like_pattern(raw)
        if fname in (None, "text", "*"):
            body = raw.rstrip("*")
            if body and not re.search(r"[*?]", body) \
                    and not _WORD_CHARS.search(body):
                tsq = (f"to_tsquery('simple', "
                       f"{self.bind(body.lower() + ':*')})")
                self.rank_terms.append(tsq)
                return f"text_tsv @@ {tsq}"
            return ("EXISTS (SELECT 1 FROM unnest(tsvector_to_array(text_tsv))"
                    f" AS lex WHERE lex LIKE {self.bind(like.lower())})")
        spec = self.schema.field(fname)
        if spec.kind == F.TEXT:
            return ("EXISTS (SELECT 1 FROM unnest(tsvector_to_array("
                    f"to_tsvector('simple', texts->{self.bind(fname)}))) AS lex"
                    f" WHERE lex LIKE {self.bind(like.lower())})")
        return ("EXISTS (SELECT 1 FROM jsonb_array_elements_text("
                f"fields->{self.bind(fname)}) AS v WHERE v LIKE "
                f"{self.bind(like)})")

    def _range(self, fname, low, high, include_low, include_high) -> str:
        if fname in (None, "*"):
            raise SearchQueryError("A range needs a field name")
        spec = self.schema.field(fname)
        if spec.kind == F.DATE:
            cast = "timestamptz"
            convert = functools.partial(_solr_date, now=self.now)
        elif spec.kind == F.NUMBER:
            cast = "numeric"
            convert = _number
        else:
            cast = 'text COLLATE "C"'
            convert = str
        conds = []
        for bound, inclusive, op in ((low, include_low, ">"),
                                     (high, include_high, "<")):
            if bound is None:
                continue
            value = bound.unescaped_value if isinstance(bound, tree.Term) \
                else str(bound)
            if isinstance(bound, tree.Phrase):
                value = value[1:-1]
            if value == "*":
                continue
            try:
                converted = convert(value)
            except ValueError:
                raise SearchQueryError(
                    f"Invalid range value for {fname}: {value}")
            op = op + ("=" if inclusive else "")
            conds.append(f"v::{cast} {op} {self.bind(converted)}")
        where = " AND ".join(conds) or "TRUE"
        column = "texts" if spec.kind == F.TEXT else "fields"
        return ("EXISTS (SELECT 1 FROM jsonb_array_elements_text("
                f"{column}->{self.bind(fname)}) AS v WHERE {where})")


def _like_pattern(raw: str) -> str:
    out = []
    escaped = False
    for ch in raw:
        if escaped:
            out.append(ch.replace("%", r"\%").replace("_", r"\_"))
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "*":
            out.append("%")
        elif ch == "?":
            out.append("_")
        elif ch in "%_":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def normalise_value(kind: str, value: Any) -> str:
    """The string form a value takes in ``fields`` for its kind."""
    if kind == F.BOOL:
        return "true" if str(value).lower() in ("true", "1", "on") else "false"
    if kind == F.NUMBER:
        try:
            return _format_number(_number(str(value)))
        except ValueError:
            return str(value)
    if kind == F.DATE:
        try:
            return _solr_date(str(value)).isoformat()
        except ValueError:
            return str(value)
    return str(value)


def _number(value: str):
    from decimal import Decimal, InvalidOperation
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(value)


def _format_number(value) -> str:
    text = format(value.normalize(), "f")
    return text


def _solr_date(value: str, now: dt.datetime | None = None) -> dt.datetime:
    """Parse an ISO date or Solr date math (``NOW-7DAYS/DAY``).

    Steps and roundings apply from left to right, as in Solr; a step of
    months or years ends on the last day of a shorter month (31 March
    ``-1MONTH`` is 28 or 29 February), as Solr's calendar arithmetic does.
    ``now`` is the request's NOW (the current time by default).
    """
    match = _DATE_MATH.match(value.strip().upper())
    if match:
        when = now or dt.datetime.now(dt.timezone.utc)
        for op, unit in _DATE_OP.findall(match.group(1)):
            name = _DATE_UNITS.get(unit) or _DATE_UNITS.get(
                unit.removesuffix("S"))
            if name is None:
                raise ValueError(f"Unknown date math unit: {unit}")
            if op == "/":
                when = when.replace(**_DATE_FLOOR[name])
            else:
                when += relativedelta(**{name: int(op)})
        return when
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = dt.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


def _parse(query: str) -> tree.Item:
    try:
        return _lucene_parse(query)
    except (ParseError, TypeError, ValueError) as e:
        # Solr answers a syntax error with an HTTP 400 that CKAN turns into
        # SearchError: the search page says "There was an error while
        # searching", the API answers 409.
        raise SearchError(f"Invalid search query: {query!r} ({e})")


def _plain_words(query: str) -> tree.Item:
    """Dismax reads free text leniently: what the Lucene grammar cannot
    parse (a stray bracket, a lone quote) is searched as plain words."""
    words = [w for w in _WORD_CHARS.split(query) if w]
    if not words:
        return tree.SearchField("*", tree.Word("*"))
    return tree.UnknownOperation(*[tree.Word(w) for w in words]) \
        if len(words) > 1 else tree.Word(words[0])


def compile_filter(query: str, *, params: dict[str, Any] | None = None,
                   prefix: str = "f", now: dt.datetime | None = None
                   ) -> Compiled:
    """One filter in Solr syntax (an ``fq``, or the query of a delete) as a
    SQL condition over the document table.

    The condition's bound parameters are added to ``params`` (a new dict by
    default), named ``<prefix><n>``: several conditions of one statement
    share one dict and differ by prefix. ``now`` is the NOW of date math.
    Raises SearchError for a syntax error, SearchQueryError for syntax the
    backend does not support.
    """
    params = {} if params is None else params
    comp = _Compiler(params, prefix, now)
    return Compiled(comp.compile(_parse(query)), params, comp.rank_terms)


def compile_query(q: str | None, filters: list[str], *, dismax: bool,
                  now: dt.datetime | None = None) -> Compiled:
    """``q`` and the filters of one search as one SQL condition.

    Every ``NOW`` of the search's date math is the same instant, ``now``
    (default: the current time), as in a Solr request.
    """
    now = now or dt.datetime.now(dt.timezone.utc)
    params: dict[str, Any] = {}
    conditions: list[str] = []
    rank_terms: list[str] = []
    if q and q.strip() and q.strip() not in ('*:*', '""', "''"):
        if dismax:
            try:
                node = _lucene_parse(q)
            except (ParseError, TypeError, ValueError):
                node = _plain_words(q)
        else:
            node = _parse(q)
        comp = _Compiler(params, "q", now)
        conditions.append(comp.compile(node))
        rank_terms.extend(comp.rank_terms)
    for i, fq in enumerate(filters):
        if fq and fq.strip():
            conditions.append(compile_filter(
                fq, params=params, prefix=f"f{i}_", now=now).sql)
    sql = " AND ".join(f"({c})" for c in conditions) or "TRUE"
    return Compiled(sql, params, rank_terms)
