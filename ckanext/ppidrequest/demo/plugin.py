from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.exceptions import CkanConfigurationException

from . import validators


@tk.blanket.cli
@tk.blanket.config_declarations
@tk.blanket.validators(validators)
class PpidrequestDemoPlugin(p.SingletonPlugin):
    """The demo portal's seed command and its password option. Demo portals
    only: never enable it on a portal with real accounts."""

    p.implements(p.IConfigurable)

    # IConfigurable
    def configure(self, config):
        if not p.plugin_loaded("ppidrequest"):
            raise CkanConfigurationException(
                "ppidrequest_demo seeds the ppidrequest plugin's portal: "
                "add ppidrequest to ckan.plugins")
