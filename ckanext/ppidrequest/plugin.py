from __future__ import annotations

from typing import Any

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultPermissionLabels, DefaultTranslation

from . import helpers, signals, views
from .classification import history, indexing
from .letters import archive as letters
from .requests import notify
from .logic import action, auth


@tk.blanket.config_declarations
@tk.blanket.cli
@tk.blanket.actions(action.get_actions)
@tk.blanket.auth_functions(auth.get_auth_functions)
@tk.blanket.validators
@tk.blanket.helpers(helpers.get_helpers)
@tk.blanket.blueprints(views.get_blueprints)
class PpidrequestPlugin(p.SingletonPlugin, DefaultTranslation,
                        DefaultPermissionLabels):
    """Classification, data requests and the PPID workflow for Satu Data."""

    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)
    p.implements(p.IPermissionLabels)
    p.implements(p.ISignal)

    # IConfigurer
    def update_config(self, config):
        tk.add_template_directory(config, "templates")
        tk.add_public_directory(config, "public")
        tk.add_resource("assets", "ppidrequest")

    # ITranslation
    def i18n_domain(self):
        return "ckanext-ppidrequest"

    # IFacets
    def dataset_facets(self, facets_dict, package_type):
        return indexing.add_classification_facet(facets_dict)

    def organization_facets(self, facets_dict, organization_type,
                            package_type):
        return indexing.add_classification_facet(facets_dict)

    def group_facets(self, facets_dict, group_type, package_type):
        return indexing.add_classification_facet(facets_dict)

    # IPackageController
    def before_dataset_index(self, pkg_dict: dict[str, Any]):
        return indexing.index_classification(pkg_dict)

    def before_dataset_search(self, search_params: dict[str, Any]):
        return indexing.guard_search_params(search_params)

    def after_dataset_search(self, search_results, search_params):
        indexing.label_classification_facet(search_results,
                                               helpers.ppidrequest_classification_label)
        return indexing.redact_search_results(search_results)

    def after_dataset_show(self, context, pkg_dict):
        return indexing.redact_shown_package(context, pkg_dict)

    def after_dataset_create(self, context, pkg_dict):
        history.record_changes(context, pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        history.record_changes(context, pkg_dict)

    # IPermissionLabels
    def get_dataset_labels(self, dataset_obj):
        labels = super().get_dataset_labels(dataset_obj)
        return indexing.dataset_labels(dataset_obj, labels)

    def get_user_dataset_labels(self, user_obj):
        labels = super().get_user_dataset_labels(user_obj)
        return indexing.user_labels(user_obj, labels)

    # ISignal
    def get_signal_subscriptions(self):
        # the letters first: the applicant's email carries them
        return {signals.request_event: [letters.on_request_event,
                                        notify.on_request_event]}
