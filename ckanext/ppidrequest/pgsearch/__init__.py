"""CKAN search served by PostgreSQL (the ``ppidrequest_pgsearch`` plugin).

CKAN 2.12 has no search-backend interface: the indexer and the query code
call ``make_connection()`` from ``ckan.lib.search.common`` (imported by name
into ``index``, ``query`` and the ``ckan.lib.search`` package itself) and
expect a ``pysolr.Solr``. :func:`install` points every one of those names,
listed once in :data:`PATCHES`, at :class:`~.backend.PgSearchConnection`,
which answers the same calls from PostgreSQL. Everything above that seam
(the indexer, ``before_dataset_index``, permission labels,
``package_search``, the ``ckan search-index`` commands) is CKAN's own code,
unchanged.

There is no ``uninstall``: CKAN 2.12 tells no plugin that it is itself being
unloaded (``ckan.plugins.core.unload`` drops it before notifying
``IPluginObserver``), and the patch staying after ``unload_all()`` is what
lets CKAN's test runner, which unloads every plugin between tests, keep
searching without a Solr.
"""
from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, NamedTuple

import ckan.lib.search as search
import ckan.lib.search.common as solr_common
import ckan.lib.search.index as solr_index
import ckan.lib.search.query as solr_query

from . import backend


def _check_schema_version(schema_file: str | None = None) -> bool:
    # There is no Solr schema to check; report whether the table is there.
    return backend.is_available()


class Patch(NamedTuple):
    module: ModuleType
    name: str
    replacement: Callable[..., Any]


#: Every name through which CKAN reaches Solr, and what answers instead.
PATCHES: tuple[Patch, ...] = tuple(
    Patch(module, name, replacement)
    for name, replacement, modules in (
        ("make_connection", backend.make_connection,
         (solr_common, solr_index, solr_query, search)),
        ("is_available", backend.is_available, (solr_common, search)),
        ("check_solr_schema_version", _check_schema_version, (search,)),
    )
    for module in modules
)


def install() -> None:
    """Apply :data:`PATCHES` (idempotent)."""
    for patch in PATCHES:
        setattr(patch.module, patch.name, patch.replacement)


def installed() -> bool:
    return all(getattr(patch.module, patch.name) is patch.replacement
               for patch in PATCHES)
