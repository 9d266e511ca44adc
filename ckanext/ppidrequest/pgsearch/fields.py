"""Field types of CKAN's Solr schema, read from the schema CKAN ships.

The PostgreSQL backend must treat each field the way Solr would: ``title``
and ``notes`` are analysed text, ``tags`` and ``organization`` are exact
strings, ``metadata_modified`` is a date, ``extras_*`` are text, any other
field falls to the ``*`` dynamic string field. Rather than keep a second copy
of those rules, they are read once from ``ckan/config/solr/schema.xml``.
"""
from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import ckan

TEXT = "text"
STRING = "string"
DATE = "date"
NUMBER = "number"
BOOL = "bool"

_KIND_BY_SOLR_TYPE = {
    "text": TEXT, "text_general": TEXT, "text_ngram": TEXT, "textgen": TEXT,
    "string": STRING,
    "date": DATE, "pdate": DATE, "pdates": DATE,
    "boolean": BOOL, "booleans": BOOL,
}
_NUMERIC = {"int", "long", "float", "double", "pint", "plong", "pfloat",
            "pdouble", "pints", "plongs", "pfloats", "pdoubles"}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    stored: bool


@dataclass(frozen=True)
class SolrSchema:
    fields: dict[str, Field]
    # (pattern, Field) ordered longest pattern first, as Solr matches them
    dynamic: tuple[tuple[str, Field], ...]
    # every source that Solr copies into the catch-all ``text`` field
    text_sources: tuple[str, ...]

    def field(self, name: str) -> Field:
        if name in self.fields:
            return self.fields[name]
        for pattern, spec in self.dynamic:
            if pattern == "*":
                return Field(name, spec.kind, spec.stored)
            if pattern.startswith("*") and name.endswith(pattern[1:]):
                return Field(name, spec.kind, spec.stored)
            if pattern.endswith("*") and name.startswith(pattern[:-1]):
                return Field(name, spec.kind, spec.stored)
        return Field(name, STRING, False)

    def feeds_text(self, name: str) -> bool:
        for source in self.text_sources:
            if source == name:
                return True
            if source.endswith("*") and name.startswith(source[:-1]):
                return True
        return False


def _kind(solr_type: str) -> str:
    if solr_type in _NUMERIC:
        return NUMBER
    return _KIND_BY_SOLR_TYPE.get(solr_type, STRING)


def _flag(el: ET.Element, attr: str, default: bool) -> bool:
    value = el.get(attr)
    return default if value is None else value == "true"


@functools.lru_cache(maxsize=None)
def solr_schema(path: str | None = None) -> SolrSchema:
    path = path or os.path.join(
        os.path.dirname(ckan.__file__), "config", "solr", "schema.xml")
    root = ET.parse(path).getroot()
    fields = {
        el.get("name"): Field(el.get("name"), _kind(el.get("type")),
                              _flag(el, "stored", True))
        for el in root.iter("field")
    }
    dynamic = sorted(
        ((el.get("name"), Field(el.get("name"), _kind(el.get("type")),
                                _flag(el, "stored", True)))
         for el in root.iter("dynamicField")),
        key=lambda item: -len(item[0]))
    copies: dict[str, set[str]] = {}
    for el in root.iter("copyField"):
        copies.setdefault(el.get("dest"), set()).add(el.get("source"))
    # resolve copies into ``text`` transitively (urls -> text, url -> urls)
    sources: set[str] = set()
    pending = list(copies.get("text", ()))
    while pending:
        src = pending.pop()
        if src in sources:
            continue
        sources.add(src)
        pending.extend(copies.get(src, ()))
    sources.discard("text")
    return SolrSchema(fields, tuple(dynamic), tuple(sorted(sources)))
