"""Who may get a dataset's data, and redaction of what they may not get.

Data of a dataset handled as terbatas or rahasia reaches only sysadmins,
the PPID, the Walidata and members of the producing organization. Everyone
else sees the metadata (that the data exists, so that they can request it)
but no resource URL, no uploaded file and no data row, on every route out
of CKAN. Rahasia metadata is public too unless
``ckanext.ppidrequest.hide_rahasia_metadata`` is on.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

import ckan.model as model
import ckan.plugins.toolkit as tk

from .. import roles
from . import classes as C

REDACTED_FLAG = "ppidrequest_data_withheld"
# what a withheld resource keeps: its description, never where the data is.
# A list of what may stay, not of what must go: schemas and extensions add
# resource fields (download_url, access_url, uri...) that can point at data.
RESOURCE_METADATA_KEYS = frozenset((
    "id", "package_id", "name", "description", "format", "mimetype",
    "mimetype_inner", "created", "metadata_modified", "position", "state",
    "resource_type", "language", "name_translated", "description_translated",
    "has_views", "tracking_summary",
))


def can_access_data(user: Any, pkg: Mapping[str, Any]) -> bool:
    """``user`` may be a name, id, User, or a :class:`roles.Viewer` built
    once for checks over many datasets."""
    if C.is_open(pkg):
        return True
    if user is None or user == "":
        return False
    viewer = user if isinstance(user, roles.Viewer) else roles.Viewer(user)
    return viewer.can_access(pkg.get("owner_org"))


def refusal() -> dict[str, Any]:
    """The auth answer of every route that would hand out withheld data."""
    return {"success": False,
            "msg": tk._("The data of this dataset is not open: request it "
                        "from the PPID")}


def can_see_metadata(user: Any, pkg: Mapping[str, Any]) -> bool:
    if C.handled_as(pkg) != C.RAHASIA:
        return True
    if not tk.config.get("ckanext.ppidrequest.hide_rahasia_metadata"):
        return True
    return can_access_data(user, pkg)


def redact_resource(resource: dict[str, Any]) -> dict[str, Any]:
    for key in list(resource):
        if key not in RESOURCE_METADATA_KEYS:
            del resource[key]
    resource["url"] = ""
    resource["url_type"] = None
    resource["datastore_active"] = False
    resource["has_views"] = False
    resource[REDACTED_FLAG] = True
    return resource


def redact_package(pkg: dict[str, Any]) -> dict[str, Any]:
    for resource in pkg.get("resources") or []:
        redact_resource(resource)
    # who proposed what, and why, is internal to the PPID procedure; the
    # proposed class stays, since it governs how the dataset is handled
    proposal = C.proposal_of(pkg)
    if proposal:
        pkg[C.PROPOSAL_FIELD] = json.dumps(
            {"classification": proposal.get("classification")})
    else:
        pkg.pop(C.PROPOSAL_FIELD, None)
    pkg[REDACTED_FLAG] = True
    return pkg


# what a withheld resource view keeps: its configuration (image_url of an
# image view, page_url of a web page view, filters...) points at the data
_VIEW_METADATA_KEYS = frozenset((
    "id", "resource_id", "package_id", "title", "description", "view_type",
    "order",
))


def redact_view(view: dict[str, Any]) -> dict[str, Any]:
    for key in list(view):
        if key not in _VIEW_METADATA_KEYS:
            del view[key]
    view[REDACTED_FLAG] = True
    return view


def package_for_resource(resource_id: str) -> dict[str, Any] | None:
    """The classification fields of the dataset that holds a resource,
    read straight from the database (no auth, no dictization)."""
    resource = model.Resource.get(resource_id)
    if resource is None:
        return None
    return package_fields(resource.package_id)


def package_fields(package_id: str) -> dict[str, Any] | None:
    pkg = model.Package.get(package_id)
    if pkg is None:
        return None
    extras = pkg.extras
    return {
        "id": pkg.id,
        "name": pkg.name,
        "owner_org": pkg.owner_org,
        "classification": extras.get("classification"),
        C.PROPOSAL_FIELD: extras.get(C.PROPOSAL_FIELD),
    }


def classification_fields(package_id: str) -> dict[str, Any]:
    """The dataset's classification today and its pending proposal (only
    the proposed class), for an old version of it that is shown."""
    fields = package_fields(package_id) or {}
    proposal = C.proposal_of(fields)
    return {"classification": fields.get("classification"),
            C.PROPOSAL_FIELD: json.dumps(
                {"classification": proposal.get("classification")})
            if proposal else ""}


def user_can_access_package_id(user: Any, package_id: str) -> bool:
    fields = package_fields(package_id)
    return fields is not None and can_access_data(user, fields)
