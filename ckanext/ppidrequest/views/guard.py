"""Blueprints of the ppidrequest plugin.

``guard_data_routes`` runs before every request and refuses the routes
that hand out a non-open dataset's data (file downloads, resource view
renderings, datastore dumps) to those who may not get it. The dataset and
resource pages themselves stay open: they show the metadata and how to
request the data. The activity plugin's resource history page is
answered by :mod:`.history`, through the actions that redact.
"""
from __future__ import annotations

from flask import Blueprint, request, session

import ckan.plugins.toolkit as tk

from .. import roles
from ..classification import access, classes as C
from ..monitoring import downloads
from . import history

ppidrequest = Blueprint("ppidrequest", __name__)

# endpoint suffix -> the view argument that names the resource
_DATA_ENDPOINTS = {
    "resource.download": "resource_id",
    "resource.view": "resource_id",
    "resource.embedded_dataviewer": "resource_id",
    "datastore.dump": "resource_id",
}


def _guarded(endpoint: str | None) -> str | None:
    if not endpoint:
        return None
    for suffix, arg in _DATA_ENDPOINTS.items():
        # dataset types get their own prefixed copies: dataset_resource.download
        if endpoint == suffix or endpoint.endswith("_" + suffix):
            return arg
    return None


def _bad_request(message: str):
    from flask import jsonify
    return jsonify({"success": False, "error": {
        "__type": "Bad request", "message": message}}), 400


@ppidrequest.before_app_request
def guard_api_body():
    """A JSON body nested deeper than Python's recursion limit made CKAN's
    API raise RecursionError (a 500) in any action. The body is parsed
    here once; CKAN reuses the parsed value."""
    if request.method not in ("POST", "PUT") or not (
            request.endpoint or "").startswith("api."):
        return None
    try:
        if request.form and len(request.form) == 1 and \
                list(request.form.values())[0] in ("1", ""):
            import json
            json.loads(list(request.form.keys())[0])   # CKAN's form JSON
        elif request.data:
            request.get_json(silent=True)
    except RecursionError:
        return _bad_request(tk._("The request body is nested too deeply"))
    except ValueError:
        return None   # CKAN's own message
    return None


@ppidrequest.before_app_request
def guard_data_routes():
    if request.endpoint == history.ENDPOINT:
        # the core view renders the stored dataset past every check
        return history.resource_history(**(request.view_args or {}))
    arg = _guarded(request.endpoint)
    if arg is None:
        return None
    resource_id = (request.view_args or {}).get(arg)
    fields = access.package_for_resource(resource_id) if resource_id else None
    if fields is None:
        return None  # the core view answers 404
    if access.can_access_data(roles.current_user_name(), fields):
        if C.is_open(fields) and request.endpoint.endswith(
                "resource.download"):
            return download_form_gate(fields, resource_id)
        return None
    # CKAN's 403 page, with the way to request the data
    return tk.render("ppidrequest/withheld.html", {
        "code": 403, "pkg": fields,
        "content": tk._("The data of this dataset is not open. You can "
                        "request it from the PPID."),
        "request_url": tk.h.ppidrequest_request_url(fields),
        "show_login_redirect_link": not tk.current_user.is_authenticated,
    }), 403


def download_form_gate(fields, resource_id: str):
    """Jember's step 3 before a download of open data: log it with the
    download form's answers, and send a browser that has not answered
    this session to the form first (``download_form`` optional or
    required). An API client is never stopped."""
    answers = downloads.from_client(request.args, request.headers)
    if answers:
        downloads.log(fields, resource_id, "api", answers)
        return None
    if downloads.mode() == "off" or not downloads.is_browser(request.headers):
        downloads.log(fields, resource_id, "none", {})
        return None
    saved = session.get(downloads.SESSION_KEY)
    if saved:
        downloads.log(fields, resource_id, saved.get("via") or "form",
                      downloads.clean_answers(saved.get("answers") or {}))
        return None
    return tk.redirect_to(tk.h.url_for(
        "ppidrequest_monitoring.download_form", next=request.full_path))


def get_blueprints():
    return [ppidrequest]
