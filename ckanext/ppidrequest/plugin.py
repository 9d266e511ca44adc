from __future__ import annotations

from typing import Any

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultPermissionLabels, DefaultTranslation

from . import helpers, signals, views
from .classification import history, indexing
from .requests import notify
from .logic import (action, auth, chained, request_action, request_auth,
                    request_validators, validators)


@tk.blanket.config_declarations
@tk.blanket.cli
class PpidrequestPlugin(p.SingletonPlugin, DefaultTranslation,
                        DefaultPermissionLabels):
    """Classification, data requests and the PPID workflow for Satu Data."""

    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IActions)
    p.implements(p.IAuthFunctions)
    p.implements(p.IValidators)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IBlueprint)
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

    # IActions / IAuthFunctions / IValidators / ITemplateHelpers
    def get_actions(self):
        actions = {**action.get_actions(), **chained.get_actions(),
                   **request_action.get_actions()}
        if "dcat" in tk.aslist(tk.config.get("ckan.plugins")):
            # keep the access profile in every DCAT serialization, whatever
            # ?profiles= a caller asks for
            from .classification import dcat
            actions.update(dcat.get_actions())
        return actions

    def get_auth_functions(self):
        return {**auth.get_auth_functions(), **chained.get_auth_functions(),
                **request_auth.get_auth_functions()}

    def get_validators(self):
        return {**validators.get_validators(),
                **request_validators.get_validators()}

    def get_helpers(self):
        return helpers.get_helpers()

    # IBlueprint
    def get_blueprint(self):
        return views.get_blueprints()

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
        return {signals.request_event: [notify.on_request_event]}
