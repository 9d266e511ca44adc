"""CKAN search served by PostgreSQL (the ``ppidrequest_pgsearch`` plugin).

CKAN 2.12 has no search-backend interface: the indexer and the query code
call ``make_connection()`` from ``ckan.lib.search.common`` (imported by name
into ``index`` and ``query``) and expect a ``pysolr.Solr``. :func:`install`
points those names at :class:`~.backend.PgSearchConnection`, which answers
the same calls from PostgreSQL. Everything above that seam (the indexer,
``before_dataset_index``, permission labels, ``package_search``, the
``ckan search-index`` commands) is CKAN's own code, unchanged.
"""
from __future__ import annotations

import ckan.lib.search as search
import ckan.lib.search.common as solr_common
import ckan.lib.search.index as solr_index
import ckan.lib.search.query as solr_query

# (aliased: this package has its own ``query`` submodule)
from . import backend

_ORIGINAL = {
    "make_connection": solr_common.make_connection,
    "is_available": solr_common.is_available,
    "check_solr_schema_version": search.check_solr_schema_version,
}


def _check_schema_version(schema_file=None) -> bool:
    # There is no Solr schema to check; report whether the table is there.
    return backend.is_available()


def install() -> None:
    for module in (solr_common, solr_index, solr_query):
        module.make_connection = backend.make_connection
    solr_common.is_available = backend.is_available
    search.is_available = backend.is_available
    search.check_solr_schema_version = _check_schema_version


def uninstall() -> None:
    for module in (solr_common, solr_index, solr_query):
        module.make_connection = _ORIGINAL["make_connection"]
    solr_common.is_available = _ORIGINAL["is_available"]
    search.is_available = _ORIGINAL["is_available"]
    search.check_solr_schema_version = _ORIGINAL["check_solr_schema_version"]


def installed() -> bool:
    return solr_query.make_connection is backend.make_connection
