"""Core actions chained so that no route hands out data it should not.

Resource URLs of non-open datasets are redacted wherever a dataset dict
leaves CKAN for someone who may not get the data: activity streams (which
keep old copies of the dataset) and resource search.
"""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from .. import access, roles


def _redact_activity(activity: dict[str, Any], user: Any,
                     cache: dict[str, bool]) -> dict[str, Any]:
    data = activity.get("data") or {}
    package = data.get("package") if isinstance(data, dict) else None
    if not isinstance(package, dict) or not package.get("id"):
        return activity
    pid = package["id"]
    if pid not in cache:
        cache[pid] = access.user_can_access_package_id(user, pid)
    if not cache[pid]:
        access.redact_package(package)
    return activity


def _redact_activities(context, result):
    user = roles.Viewer(context.get("user"))
    cache: dict[str, bool] = {}
    if isinstance(result, list):
        return [_redact_activity(a, user, cache) for a in result]
    if isinstance(result, dict):
        return _redact_activity(result, user, cache)
    return result


def _chain(name: str):
    @tk.chained_action
    @tk.side_effect_free
    def chained(next_action, context, data_dict):
        return _redact_activities(context, next_action(context, data_dict))
    chained.__name__ = name
    chained.__doc__ = f"{name}, with resource URLs of non-open datasets " \
        "removed for those who may not get the data."
    return chained


ACTIVITY_ACTIONS = (
    "package_activity_list", "user_activity_list", "group_activity_list",
    "organization_activity_list", "recently_changed_packages_activity_list",
    "dashboard_activity_list", "activity_show",
)


@tk.chained_action
@tk.side_effect_free
def resource_search(next_action, context, data_dict):
    """resource_search, with URLs of non-open datasets' resources removed
    for those who may not get the data."""
    result = next_action(context, data_dict)
    user = roles.Viewer(context.get("user"))
    cache: dict[str, bool] = {}
    for resource in result.get("results", []):
        pid = resource.get("package_id")
        if pid not in cache:
            cache[pid] = access.user_can_access_package_id(user, pid)
        if not cache[pid]:
            access.redact_resource(resource)
    return result


def get_actions() -> dict[str, Any]:
    actions: dict[str, Any] = {"resource_search": resource_search}
    if "activity" in tk.aslist(tk.config.get("ckan.plugins")):
        actions.update({name: _chain(name) for name in ACTIVITY_ACTIONS})
    return actions


def _activity_package_id(data_dict) -> str | None:
    import ckan.model as model
    from ckanext.activity.model import Activity

    activity = model.Session.get(Activity, (data_dict or {}).get("id", ""))
    if activity is None:
        return None
    data = activity.data or {}
    package = data.get("package") if isinstance(data, dict) else None
    if isinstance(package, dict) and package.get("id"):
        return package["id"]
    return None


def _activity_data_auth(next_auth, context, data_dict):
    result = next_auth(context, data_dict)
    if not result.get("success"):
        return result
    pid = _activity_package_id(data_dict)
    if pid and not access.user_can_access_package_id(context.get("user"),
                                                      pid):
        return {"success": False,
                "msg": tk._("The data of this dataset is not open: request "
                            "it from the PPID")}
    return result


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def activity_data_show(next_auth, context, data_dict):
    return _activity_data_auth(next_auth, context, data_dict)


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def activity_diff(next_auth, context, data_dict):
    return _activity_data_auth(next_auth, context, data_dict)


def get_auth_functions() -> dict[str, Any]:
    if "activity" in tk.aslist(tk.config.get("ckan.plugins")):
        return {"activity_data_show": activity_data_show,
                "activity_diff": activity_diff}
    return {}
