"""Authorization: decide only; permissions come from roles and core.

Every read path is an auth path: the PPID sees every request, the PPID
Pembantu of an agency those forwarded to it, an applicant their own, and
nobody else anything. An applicant without an account follows a request
with its access code (``ppidrequest_track``). Each workflow step has its
own auth function, which decides role and state exactly as its action
will (:func:`..requests.workflow.refusal`), so a page may ask
``check_access`` which buttons to show."""
from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from .. import roles
from ..classification import access
from ..requests import workflow as W
from . import chained

_ = tk._

__all__ = [
    "ppidrequest_classification_decide", "ppidrequest_classification_propose",
    "ppidrequest_classification_history", "package_show",
    "ppidrequest_create", "ppidrequest_show", "ppidrequest_event_list",
    "ppidrequest_list", "ppidrequest_track", "ppidrequest_transition",
    "ppidrequest_holiday_list", "ppidrequest_holiday_create",
    "ppidrequest_holiday_delete", "ppidrequest_service_summary",
    "ppidrequest_monitoring_show", "ppidrequest_dip_list",
    "ppidrequest_register_list", "ppidrequest_annual_report_show",
    "ppidrequest_letter_verify", "ppidrequest_letter_download",
]


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



# -- requests ----------------------------------------------------------------

def _roles(context, data_dict) -> set[str] | None:
    req = _request(context, data_dict)
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
def ppidrequest_letter_verify(context, data_dict):
    # public: the page shows what the office issued, nothing personal
    return {"success": True}


@tk.auth_allow_anonymous_access
def ppidrequest_letter_download(context, data_dict):
    """A letter for the holder of its link (the applicant: their email,
    tracking page or account) or an officer of its request. When the
    request was filed from an account, only that account (or an officer)
    may use the link."""
    from ..letters import links
    from ..model import Letter, Request

    letter = model.Session.get(Letter, (data_dict or {}).get("id") or "")
    if letter is None or not links.token_matches(
            letter, (data_dict or {}).get("token")):
        return {"success": False, "msg": _("Letter not found")}
    req = model.Session.get(Request, letter.request_id)
    found = W.actor_for(context).roles_on(req)
    if found & {W.PPID, W.PEMBANTU, W.APPLICANT} or \
            not req.applicant_user_id:
        return {"success": True}
    return {"success": False,
            "msg": _("This letter belongs to another applicant")}


#: set by a step's auth function for its action: why it said no
REFUSAL = "__ppidrequest_refusal"


def _request(context, data_dict):
    """The request ``data_dict["id"]`` names (read once per call)."""
    ref = (data_dict or {}).get("id") or ""
    cache = context.setdefault("__ppidrequest_requests", {})
    if ref not in cache:
        cache[ref] = W.find(ref).one_or_none()
    return cache[ref]


def step_auth(step: W.Step):
    """The auth function of ``step``'s action: yes exactly when the action
    will let the caller take the step now."""
    @tk.auth_allow_anonymous_access
    @tk.auth_sysadmins_check
    def auth(context, data_dict):
        req = _request(context, data_dict)
        if req is None:
            # the action answers "not found"
            return {"success": True}
        refusal = W.caller_refusal(context, step, req,
                                   (data_dict or {}).get("access_code"))
        if refusal is None:
            return {"success": True}
        context[REFUSAL] = refusal
        return {"success": False, "msg": refusal.message}

    auth.__name__ = auth.__qualname__ = f"ppidrequest_{step.name}"
    return auth


STEP_AUTH = {f"ppidrequest_{name}": step_auth(step)
             for name, step in W.STEPS.items()}


@tk.auth_allow_anonymous_access
@tk.auth_sysadmins_check
def ppidrequest_transition(context, data_dict):
    # the step's own auth function decides
    step_name = (data_dict or {}).get("action")
    if step_name in W.STEPS:
        return STEP_AUTH[f"ppidrequest_{step_name}"](context, data_dict)
    # an unknown step: the action says which steps there are
    if context.get("user") or (data_dict or {}).get("access_code"):
        return {"success": True}
    return {"success": False,
            "msg": _("Log in, or give the request's access code")}


@tk.auth_allow_anonymous_access
def ppidrequest_holiday_list(context, data_dict):
    return {"success": True}


@tk.auth_allow_anonymous_access
def ppidrequest_service_summary(context, data_dict):
    """Aggregate counts, public like the PPID's annual report."""
    return {"success": True}


def _ppid_only(context, data_dict):
    if W.actor_for(context).ppid:
        return {"success": True}
    return {"success": False,
            "msg": _("Only the PPID manages the regency's days off")}


ppidrequest_holiday_create = _ppid_only
ppidrequest_holiday_delete = _ppid_only


# -- monitoring and reports ----------------------------------------------------

def ppidrequest_monitoring_show(context, data_dict):
    """The Walidata's dashboard: the Walidata, the PPID and sysadmins."""
    if W.actor_for(context).ppid or roles.is_walidata(context.get("user")):
        return {"success": True}
    return {"success": False,
            "msg": _("The monitoring dashboard is for the Walidata and "
                     "the PPID")}


@tk.auth_allow_anonymous_access
def ppidrequest_dip_list(context, data_dict):
    """Public: the lists a PPID publishes, from public metadata only."""
    return {"success": True}


def ppidrequest_register_list(context, data_dict):
    if W.actor_for(context).ppid:
        return {"success": True}
    return {"success": False,
            "msg": _("The register of requests is kept by the PPID")}


@tk.auth_allow_anonymous_access
def ppidrequest_annual_report_show(context, data_dict):
    """Public, as UU 14/2008 asks: counts only."""
    return {"success": True}


# -- core and datastore ------------------------------------------------------


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


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def package_collaborator_list(next_auth, context, data_dict):
    """CKAN's auth function asserts a user and a dataset: an anonymous
    caller or a missing dataset was an AssertionError (a 500)."""
    if model.User.get(context.get("user") or "") is None:
        return {"success": False,
                "msg": _("Log in to list the collaborators of a dataset")}
    if _package(data_dict or {}) is None:
        raise tk.ObjectNotFound(_("Dataset not found"))
    return next_auth(context, data_dict)


def get_auth_functions():
    """Every auth function the plugin registers: its own, one per workflow
    step, and those of core (and datastore) actions it chains."""
    functions = {name: globals()[name] for name in __all__}
    functions.update(STEP_AUTH)
    functions["package_collaborator_list"] = package_collaborator_list
    functions.update(chained.get_auth_functions())
    if p.plugin_loaded("datastore"):
        functions["datastore_search"] = datastore_search
        functions["datastore_info"] = datastore_info
        functions["datastore_search_sql"] = datastore_search_sql
    return functions
