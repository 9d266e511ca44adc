"""Core actions chained so that no route hands out data it should not.

Resource URLs of non-open datasets are redacted wherever a dataset dict
leaves CKAN for someone who may not get the data: activity streams (which
keep old copies of the dataset and of resource views), resource search,
resource views (whose configuration may hold the URL), tag_show and the
followee lists (which dictize datasets without package_show).
"""
from __future__ import annotations

import copy
from typing import Any

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from .. import roles
from ..classification import access


def _redact_activity(activity: dict[str, Any], user: Any,
                     cache: dict[str, bool]) -> dict[str, Any]:
    data = activity.get("data")
    if not isinstance(data, dict):
        return activity
    package = data.get("package")
    if isinstance(package, dict) and package.get("id"):
        pid = package["id"]
    elif data.get("view_type") and data.get("package_id"):
        # "new/changed resource view": the view with its configuration
        pid = data["package_id"]
    else:
        return activity
    if pid not in cache:
        cache[pid] = access.user_can_access_package_id(user, pid)
    if not cache[pid]:
        # the dict is the Activity object's own: never change that
        activity["data"] = data = copy.deepcopy(data)
        if "package" in data:
            access.redact_package(data["package"])
            # today's class governs, not the one of the old version (a
            # page would offer the download of data open back then)
            data["package"].update(access.classification_fields(pid))
        else:
            access.redact_view(data)
    return activity


def _activity_dataset(activity: dict[str, Any]) -> str | None:
    """The id of the dataset an activity is about, if any."""
    data = activity.get("data")
    if isinstance(data, dict):
        package = data.get("package")
        if isinstance(package, dict) and package.get("id"):
            return package["id"]
        if data.get("view_type") and data.get("package_id"):
            return data["package_id"]
    kind = activity.get("activity_type") or ""
    if kind.endswith("package") or kind.endswith("resource view"):
        return activity.get("object_id")
    return None


def _hidden_from(user: Any, package_id: str | None) -> bool:
    if not package_id:
        return False
    fields = access.package_fields(package_id)
    return fields is not None and not access.can_see_metadata(user, fields)


def _redact_activities(context, result):
    user = roles.Viewer(context.get("user"))
    cache: dict[str, bool] = {}
    if isinstance(result, list):
        if tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata"):
            # CKAN filters the activities of datasets by permission labels,
            # but not those of their resource views
            result = [a for a in result
                      if not _hidden_from(user, _activity_dataset(a))]
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


def _query_fields(data_dict) -> set[str]:
    query = (data_dict or {}).get("query") or []
    if isinstance(query, str):
        query = [query]
    return {pair.split(":", 1)[0] for pair in query
            if isinstance(pair, str) and ":" in pair}


def _int(value: Any, default: int | None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@tk.chained_action
@tk.side_effect_free
def resource_search(next_action, context, data_dict):
    """resource_search, with URLs of non-open datasets' resources removed
    for those who may not get the data.

    A query on a field that is withheld (``url``, ``hash``, extras...)
    leaves out, count included, the resources of datasets whose data the
    user may not get: its ``count`` would otherwise tell whether a URL
    contains a string, and a URL can be spelled out one character at a
    time. So do hidden rahasia datasets when their metadata is hidden."""
    if context.get("search_query"):
        return next_action(context, data_dict)
    user = roles.Viewer(context.get("user"))
    data_query = any(f not in access.RESOURCE_METADATA_KEYS
                     for f in _query_fields(data_dict))
    hide = tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata")
    cache: dict[str, tuple[bool, bool]] = {}

    def allowed(pid: str) -> tuple[bool, bool]:
        if pid not in cache:
            fields = access.package_fields(pid) or {}
            cache[pid] = (access.can_access_data(user, fields),
                          access.can_see_metadata(user, fields))
        return cache[pid]

    if not (data_query or hide):
        result = next_action(context, data_dict)
        for resource in result.get("results", []):
            if not allowed(resource.get("package_id"))[0]:
                access.redact_resource(resource)
        return result

    everything = next_action(context, dict(data_dict, offset=None,
                                           limit=None))
    kept = []
    for resource in everything.get("results", []):
        data, metadata = allowed(resource.get("package_id"))
        if not metadata or (data_query and not data):
            continue
        if not data:
            access.redact_resource(resource)
        kept.append(resource)
    offset = _int(data_dict.get("offset"), 0) or 0
    limit = _int(data_dict.get("limit"), None)
    page = kept[offset:] if limit is None else kept[offset:offset + limit]
    return {"count": len(kept), "results": page}


def _visible_packages(user: Any, packages: list[dict[str, Any]]):
    """Datasets dictized without package_show: leave out hidden rahasia
    ones, redact those whose data the user may not get."""
    kept = []
    for pkg in packages:
        fields = access.package_fields(pkg.get("id") or "")
        if fields is None:
            continue
        if not access.can_see_metadata(user, fields):
            continue
        if not access.can_access_data(user, fields):
            access.redact_package(pkg)
        kept.append(pkg)
    return kept


@tk.chained_action
@tk.side_effect_free
def tag_show(next_action, context, data_dict):
    """tag_show, whose ``include_datasets`` reads the datasets' whole
    dicts from the search index, past package_show and its permission
    labels."""
    result = next_action(context, data_dict)
    if isinstance(result.get("packages"), list):
        result["packages"] = _visible_packages(
            roles.Viewer(context.get("user")), result["packages"])
    return result


@tk.chained_action
@tk.side_effect_free
def dataset_followee_list(next_action, context, data_dict):
    """dataset_followee_list, which dictizes the followed datasets past
    package_show."""
    return _visible_packages(roles.Viewer(context.get("user")),
                             next_action(context, data_dict))


@tk.chained_action
@tk.side_effect_free
def followee_list(next_action, context, data_dict):
    """followee_list, whose datasets come from dataset_followee_list's
    core function, not the chained action."""
    user = roles.Viewer(context.get("user"))
    kept = []
    for item in next_action(context, data_dict):
        if item.get("type") == "dataset" and isinstance(item.get("dict"),
                                                        dict):
            if not _visible_packages(user, [item["dict"]]):
                continue
        kept.append(item)
    return kept


@tk.chained_action
@tk.side_effect_free
def package_list(next_action, context, data_dict):
    """package_list, which ignores permission labels: without the hidden
    rahasia datasets for those who may not see them."""
    names = next_action(context, data_dict)
    if not tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata"):
        return names
    user = roles.Viewer(context.get("user"))
    return [name for name in names if not _hidden_from(user, name)]


def _redact_views(context, views: list[dict[str, Any]]):
    if context.get("ignore_auth"):
        return views  # internal use: default views, templates of editors
    user = roles.Viewer(context.get("user"))
    cache: dict[str, bool] = {}
    for view in views:
        fields = access.package_for_resource(view.get("resource_id") or "")
        if fields is None:
            continue
        if fields["id"] not in cache:
            cache[fields["id"]] = access.can_access_data(user, fields)
        if not cache[fields["id"]]:
            access.redact_view(view)
    return views


@tk.chained_action
@tk.side_effect_free
def resource_view_show(next_action, context, data_dict):
    """resource_view_show, without the view's configuration (image_url,
    page_url...) for those who may not get the data."""
    view = next_action(context, data_dict)
    _redact_views(context, [view])
    return view


@tk.chained_action
@tk.side_effect_free
def resource_view_list(next_action, context, data_dict):
    """resource_view_list, without the views' configuration (image_url,
    page_url...) for those who may not get the data."""
    return _redact_views(context, next_action(context, data_dict))


def get_actions() -> dict[str, Any]:
    actions: dict[str, Any] = {
        "resource_search": resource_search,
        "tag_show": tag_show,
        "dataset_followee_list": dataset_followee_list,
        "followee_list": followee_list,
        "resource_view_show": resource_view_show,
        "resource_view_list": resource_view_list,
        "package_list": package_list,
    }
    if p.plugin_loaded("activity"):
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
        return access.refusal()
    return result


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def activity_data_show(next_auth, context, data_dict):
    return _activity_data_auth(next_auth, context, data_dict)


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def activity_diff(next_auth, context, data_dict):
    return _activity_data_auth(next_auth, context, data_dict)


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def activity_show(next_auth, context, data_dict):
    """CKAN's auth function reads ``include_data`` unconditionally (a
    KeyError without it) while the action always returns the data: ask
    as for the data unless told otherwise."""
    data_dict = dict(data_dict or {})
    data_dict.setdefault("include_data", True)
    return next_auth(context, data_dict)


def get_auth_functions() -> dict[str, Any]:
    if p.plugin_loaded("activity"):
        return {"activity_data_show": activity_data_show,
                "activity_diff": activity_diff,
                "activity_show": activity_show}
    return {}
