from __future__ import annotations

import pytest


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """CKAN's clean_db, then this package's own tables.

    ``reset_db`` drops every table the first time it runs in a session,
    plugin tables included (activity, the search documents of
    ``ppidrequest_pgsearch``, ours), so plugin migrations run again after it.
    """
    reset_db()
    for plugin in ("activity", "ppidrequest_pgsearch", "ppidrequest"):
        migrate_db_for(plugin)


@pytest.fixture
def org():
    """The producing agency (OPD) that owns datasets by default: the portal
    does not allow datasets without an organization."""
    from ckan.tests import factories

    return factories.Organization(name="opd-default", title="OPD Default")
