"""The classification enforced on the routes that carry datasets out.

Called from the plugin's IPackageController, IFacets and IPermissionLabels
hooks. Download, preview and dump URLs are guarded in ``views.py``;
activity streams, resource search and the datastore in ``logic/chained.py``
and ``logic/auth.py``.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

import ckan.plugins.toolkit as tk

from . import access, roles
from . import classification as C

# index fields that carry resource URLs or whole copies of the dataset
_SENSITIVE_FIELDS = {"res_url", "urls", "download_url", "data_dict",
                     "validated_data_dict", "text"}
_SENSITIVE_PREFIXES = ("res_extras_",)
PRIVILEGED_LABEL = "ppidrequest-privileged"


def _sensitive(field: str) -> bool:
    return field in _SENSITIVE_FIELDS or field.startswith(_SENSITIVE_PREFIXES)


def add_classification_facet(facets_dict):
    new = OrderedDict()
    new["classification"] = tk._("Classification")
    for key, value in facets_dict.items():
        if key != "classification":
            new[key] = value
    facets_dict.clear()
    facets_dict.update(new)
    return facets_dict


def index_classification(pkg_dict: dict[str, Any]) -> dict[str, Any]:
    decided = pkg_dict.get("classification") or ""
    pkg_dict["classification_decided"] = decided
    pkg_dict["classification_pending"] = bool(C.proposal_of(pkg_dict)) \
        or decided not in C.CLASSES
    # the facet and filters answer "can I get the data?"
    pkg_dict["classification"] = C.handled_as(pkg_dict)
    for key in (C.PROPOSAL_FIELD, "extras_" + C.PROPOSAL_FIELD):
        pkg_dict.pop(key, None)
    return pkg_dict


def label_classification_facet(search_results: dict[str, Any],
                               label) -> None:
    facet = (search_results.get("search_facets") or {}).get("classification")
    for item in (facet or {}).get("items", []):
        item["display_name"] = label(item["name"]) or item["name"]


def guard_search_params(params: dict[str, Any]) -> dict[str, Any]:
    facets = params.get("facet.field")
    if facets:
        if isinstance(facets, str):
            try:
                facets = json.loads(facets)
            except ValueError:
                facets = [facets]
        params["facet.field"] = [f for f in facets if not _sensitive(f)]
    fl = params.get("fl")
    if fl:
        fields = fl if isinstance(fl, list) else str(fl).replace(",", " ").split()
        if any(_sensitive(f) or f == "*" for f in fields) and "id" not in fields:
            fields = ["id"] + fields
        params["fl"] = fields
    return params


def _redact_fl_result(result: dict[str, Any]) -> None:
    for key in list(result):
        if key in ("data_dict", "validated_data_dict") and result[key]:
            try:
                pkg = json.loads(result[key])
            except (TypeError, ValueError):
                result.pop(key)
                continue
            result[key] = json.dumps(access.redact_package(pkg))
        elif _sensitive(key):
            result.pop(key)


def redact_search_results(search_results: dict[str, Any]) -> dict[str, Any]:
    user = roles.Viewer(roles.current_user_name())
    for result in search_results.get("results", []):
        if not isinstance(result, dict):
            continue
        if "resources" in result or "classification" in result:
            fields = result
        else:
            fields = access.package_fields(result.get("id", "")) or {}
        if access.can_access_data(user, fields):
            continue
        if "resources" in result:
            access.redact_package(result)
        _redact_fl_result(result)
    return search_results


def redact_shown_package(context, pkg_dict: dict[str, Any]):
    if context.get("ignore_auth"):
        return pkg_dict  # internal use (indexing, jobs): nothing leaves
    if not access.can_access_data(context.get("user"), pkg_dict):
        access.redact_package(pkg_dict)
    return pkg_dict


def dataset_labels(dataset_obj, labels: list[str]) -> list[str]:
    if not tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata"):
        return labels
    fields = {"classification": dataset_obj.extras.get("classification"),
              C.PROPOSAL_FIELD: dataset_obj.extras.get(C.PROPOSAL_FIELD)}
    if C.handled_as(fields) != C.RAHASIA:
        return labels
    hidden = [label for label in labels if label != "public"]
    if dataset_obj.owner_org:
        hidden.append(f"member-{dataset_obj.owner_org}")
    hidden.append(PRIVILEGED_LABEL)
    return sorted(set(hidden))


def user_labels(user_obj, labels: list[str]) -> list[str]:
    if user_obj and not getattr(user_obj, "is_anonymous", False) and (
            roles.is_ppid(user_obj) or roles.is_walidata(user_obj)):
        labels = labels + [PRIVILEGED_LABEL]
    return labels
