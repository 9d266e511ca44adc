"""Authorization of the request actions.

Every read path is an auth path: the PPID sees every request, the PPID
Pembantu of an agency those forwarded to it, an applicant their own, and
nobody else anything. An applicant without an account follows a request
with its access code (``ppidrequest_track``).
"""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ..requests import workflow as W

_ = tk._


def _roles(context, data_dict) -> set[str] | None:
    req = W.find(data_dict.get("id") or "").one_or_none()
    if req is None:
        return None
    return W.actor_for(context).roles_on(req)


@tk.auth_allow_anonymous_access
def ppidrequest_create(context, data_dict):
    if tk.config.get("ckanext.ppidrequest.create_requires_login") and \
            not context.get("user"):
        return {"success": False,
                "msg": _("Log in to file a request")}
    return {"success": True}


def _read(context, data_dict):
    found = _roles(context, data_dict)
    if found is None:
        # the action answers "not found"
        return {"success": True}
    if found:
        return {"success": True}
    return {"success": False,
            "msg": _("You may not see this request")}


def ppidrequest_show(context, data_dict):
    return _read(context, data_dict)


def ppidrequest_event_list(context, data_dict):
    return _read(context, data_dict)


def ppidrequest_list(context, data_dict):
    # logged-in users only; the action lists only what they may see
    if W.actor_for(context).user is None:
        return {"success": False, "msg": _("Log in to list requests")}
    return {"success": True}


@tk.auth_allow_anonymous_access
def ppidrequest_track(context, data_dict):
    return {"success": True}


@tk.auth_allow_anonymous_access
def ppidrequest_transition(context, data_dict):
    # who may do what depends on the request's state: the action checks
    # the role for the action once it holds the request
    if context.get("user") or data_dict.get("access_code"):
        return {"success": True}
    return {"success": False,
            "msg": _("Log in, or give the request's access code")}


@tk.auth_allow_anonymous_access
def ppidrequest_holiday_list(context, data_dict):
    return {"success": True}


def _ppid_only(context, data_dict):
    if W.actor_for(context).ppid:
        return {"success": True}
    return {"success": False,
            "msg": _("Only the PPID manages the regency's days off")}


ppidrequest_holiday_create = _ppid_only
ppidrequest_holiday_delete = _ppid_only


def get_auth_functions():
    return {name: fn for name, fn in globals().items()
            if name.startswith("ppidrequest_") and callable(fn)}
