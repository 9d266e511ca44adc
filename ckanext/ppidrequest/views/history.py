"""The activity plugin's resource history page, through the actions.

CKAN's own view (``activity.resource_history``) reads the activity row
and renders the dataset stored in it: past ``activity_show``, its
permission labels and the redaction of withheld data. For a dataset that
was open when the activity was recorded, the page showed its URL and a
download button. :func:`resource_history` answers that route instead
(``guard.py`` dispatches to it): the old version comes from
``activity_show``, which redacts by today's classification
(``logic/chained.py``), and an activity without a dataset in it (a
resource view's) is a 404, not a KeyError.
"""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.views.dataset import _get_pkg_template

_ = tk._

ENDPOINT = "activity.resource_history"


def resource_history(id: str, resource_id: str, activity_id: str):
    context: dict[str, Any] = {"auth_user_obj": tk.g.userobj,
                               "for_view": True,
                               "user": tk.g.user or ""}
    try:
        current = tk.get_action("package_show")(context, {"id": id})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, _("Dataset not found"))
    try:
        activity = tk.get_action("activity_show")(
            dict(context), {"id": activity_id, "include_data": True})
    except tk.ObjectNotFound:
        return tk.abort(404, _("Activity not found"))
    except tk.NotAuthorized:
        return tk.abort(403, _("Unauthorized to view activity data"))
    data = activity.get("data")
    package = data.get("package") if isinstance(data, dict) else None
    if not isinstance(package, dict) or package.get("id") != current["id"]:
        # a resource view's activity, or another dataset's
        return tk.abort(404, _("Activity not found"))
    package["name"] = current["name"]
    package.setdefault("resources", [])
    resource = next((r for r in package["resources"]
                     if r.get("id") == resource_id), None)
    if resource is None:
        return tk.abort(404, _("Resource not found"))
    try:
        package["isopen"] = model.Package.get_license_register()[
            package.get("license_id")].isopen()
    except KeyError:
        package["isopen"] = False
    try:
        views = tk.get_action("resource_view_list")(
            dict(context), {"id": resource_id})
    except tk.ObjectNotFound:
        views = []   # the resource was deleted since this version
    resource["has_views"] = bool(views) and resource.get("has_views", True)
    current_view = None
    if resource["has_views"]:
        view_id = tk.request.args.get("view_id")
        if view_id:
            current_view = next((v for v in views if v["id"] == view_id),
                                None)
            if current_view is None:
                return tk.abort(404, _("Resource view not found"))
        else:
            current_view = views[0]
    pkg = model.Package.get(current["id"])
    tk.g.package = tk.g.pkg_dict = package
    tk.g.resource = resource
    tk.g.pkg = pkg
    return tk.render("package/resource_history.html", {
        "base_template": _get_pkg_template("resource_template", pkg.type),
        "resource_views": views, "current_resource_view": current_view,
        "dataset_type": pkg.type, "pkg_dict": package, "package": package,
        "resource": resource, "pkg": pkg,
    })
