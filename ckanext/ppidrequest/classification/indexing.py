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

from .. import roles
from . import access
from . import classes as C

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
    if pkg_dict["classification"] != C.TERBUKA:
        # Indexed, res_url answers queries (res_url:https://host/a*) and
        # feeds the free text: anyone could spell a withheld URL out one
        # character at a time from the result counts. The stored
        # data_dict keeps it for those who may get the data.
        pkg_dict.pop("res_url", None)
        for key in [k for k in pkg_dict if k.startswith("res_extras_")]:
            if key[len("res_extras_"):] not in \
                    access.RESOURCE_METADATA_KEYS:
                pkg_dict.pop(key)
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
        # the API hands a string over as ["a,b"]: split every item
        items = fl if isinstance(fl, list) else [fl]
        fields = [f for item in items
                  for f in str(item).replace(",", " ").split()]
        # the results are checked by id: ask for it
        if "id" not in fields and (
                any(_sensitive(f) or f == "*" for f in fields)
                or tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata")):
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


def _hiding() -> bool:
    """Hidden rahasia datasets are dropped from the results of searches
    made during a request (not jobs or commands), whatever their context:
    a search with ignore_auth skips the permission labels, and CKAN's own
    pages make such searches (the featured groups of the home page)."""
    from flask import has_request_context
    return bool(tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata")
                and has_request_context())


def redact_search_results(search_results: dict[str, Any]) -> dict[str, Any]:
    user = roles.Viewer(roles.current_user_name())
    hiding = _hiding()
    kept = []
    for result in search_results.get("results", []):
        if not isinstance(result, dict):
            kept.append(result)
            continue
        if "resources" in result:
            fields = result     # a whole dataset dict, its proposal included
        else:
            # fields the caller chose: CKAN merges extras_classification
            # (the decided class) over the indexed handled-as one and the
            # proposal is not indexed, so only the database can tell; a
            # result without its id is handled as withheld
            fields = access.package_fields(result.get("id") or "") or {}
        if hiding and not access.can_see_metadata(user, fields):
            continue
        kept.append(result)
        if access.can_access_data(user, fields):
            continue
        if "resources" in result:
            access.redact_package(result)
        _redact_fl_result(result)
    dropped = len(search_results.get("results", [])) - len(kept)
    if dropped:
        search_results["results"] = kept
        search_results["count"] = max(
            0, (search_results.get("count") or 0) - dropped)
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
    if user_obj and not getattr(user_obj, "is_anonymous", False) and \
            roles.Viewer(user_obj).privileged:
        labels = labels + [PRIVILEGED_LABEL]
    return labels
