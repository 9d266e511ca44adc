from __future__ import annotations

import os

import yaml

import ckan.plugins as p
from ckan.config.declaration import Declaration, Key
from ckan.config.declaration.option import Flag

from . import install


class PgSearchPlugin(p.SingletonPlugin):
    """Serves ``package_search`` and the search index from PostgreSQL.

    Enable it instead of configuring Solr. Without it CKAN talks to the Solr
    at ``solr_url`` as usual; nothing else in ckanext-ppidrequest depends on
    which backend is active.
    """

    p.implements(p.IConfigurer)
    p.implements(p.IConfigDeclaration)

    def update_config(self, config):
        # IConfigurer runs before CKAN checks the Solr schema at start-up.
        install()

    def declare_config_options(self, declaration: Declaration, key: Key):
        path = os.path.join(os.path.dirname(__file__),
                            "config_declaration.yaml")
        with open(path) as f:
            declaration.load_dict(yaml.safe_load(f))
        # With this backend there is no Solr: solr_url may stay empty.
        declaration[key.solr_url].flags &= ~Flag.required
