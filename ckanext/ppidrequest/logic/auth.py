"""Authorization: decide only; permissions come from roles and core."""
from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from .. import roles
from ..classification import access

_ = tk._


def _package(data_dict) -> model.Package | None:
    return model.Package.get(data_dict.get("id") or "")


def ppidrequest_classification_decide(context, data_dict):
    if roles.is_ppid(context.get("user")):
        return {"success": True}
    return {"success": False,
            "msg": _("Only the PPID can decide the classification of a "
                     "dataset")}


def ppidrequest_classification_propose(context, data_dict):
    pkg = _package(data_dict)
    owner = pkg.owner_org if pkg else None
    if roles.may_propose(context.get("user"), owner):
        return {"success": True}
    return {"success": False,
            "msg": _("Only the producing agency, the Walidata or the PPID "
                     "can propose a classification")}


@tk.auth_allow_anonymous_access
def ppidrequest_classification_history(context, data_dict):
    # the history is part of the dataset's public record, like its metadata
    return authz.is_authorized("package_show", context,
                               {"id": data_dict.get("id")})


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def package_show(next_auth, context, data_dict):
    result = next_auth(context, data_dict)
    if not result.get("success"):
        return result
    if not tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata"):
        return result
    pkg = context.get("package") or _package(data_dict or {})
    if pkg is None:
        return result
    fields = access.package_fields(pkg.id)
    if fields and not access.can_see_metadata(context.get("user"), fields):
        return {"success": False,
                "msg": _("This dataset is exempted information")}
    return result


def _resource_data_auth(next_auth, context, data_dict):
    result = next_auth(context, data_dict)
    if not result.get("success"):
        return result
    resource_id = (data_dict or {}).get("resource_id") or \
        (data_dict or {}).get("id")
    fields = access.package_for_resource(resource_id) if resource_id else None
    if fields and not access.can_access_data(context.get("user"), fields):
        return access.refusal()
    return result


# The datastore's own auth functions (search, info, dumps go through
# datastore_search or datastore_info; SQL search below) are chained so that
# rows of non-open datasets reach only those who may get the data.
@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def datastore_search(next_auth, context, data_dict):
    return _resource_data_auth(next_auth, context, data_dict)


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def datastore_info(next_auth, context, data_dict):
    return _resource_data_auth(next_auth, context, data_dict)


def _datastore_table_fields(name: str):
    fields = access.package_for_resource(name)
    if fields is None:
        # an alias (a view) of a resource's table
        from ckanext.datastore.backend import DatastoreBackend
        try:
            exists, real_id = DatastoreBackend.get_active_backend() \
                .resource_id_from_alias(name)
        except Exception:  # noqa: BLE001 - no backend: core refuses
            return None
        if exists and real_id:
            fields = access.package_for_resource(real_id)
    return fields


# datastore_search_sql checks resource_show, not datastore_search, on each
# table of the query: without this, SELECT * FROM "<resource id>" hands the
# rows of a non-open dataset to anyone who may see its metadata.
@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def datastore_search_sql(next_auth, context, data_dict):
    # a generator in CKAN: read it once, for the core check and ours
    names = list(context.get("table_names") or [])
    context["table_names"] = names
    result = next_auth(context, data_dict)
    if not result.get("success"):
        return result
    for name in names:
        fields = _datastore_table_fields(name)
        if fields and not access.can_access_data(context.get("user"),
                                                 fields):
            return {"success": False,
                    "msg": _("The data of this dataset is not open: "
                             "request it from the PPID")}
    return result


def get_auth_functions():
    functions = {
        "ppidrequest_classification_decide": ppidrequest_classification_decide,
        "ppidrequest_classification_propose":
            ppidrequest_classification_propose,
        "ppidrequest_classification_history":
            ppidrequest_classification_history,
        "package_show": package_show,
    }
    if "datastore" in tk.aslist(tk.config.get("ckan.plugins")):
        functions["datastore_search"] = datastore_search
        functions["datastore_info"] = datastore_info
        functions["datastore_search_sql"] = datastore_search_sql
    return functions
