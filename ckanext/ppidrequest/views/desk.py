"""The officers' pages: the PPID desk (queue, request page, steps, days
off) and the PPID Pembantu inbox.

The views carry the form to the actions and their answers to the
templates; who may do what is decided by the actions' auth functions (a
refused step gives the 403 page, a step not possible now its message next
to the form). The PPID sees every request, an agency's PPID Pembantu those
forwarded to their agency, as ``ppidrequest_list`` and
``ppidrequest_show`` give them.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint

import ckan.plugins.toolkit as tk
from ckan.lib.pagination import Page

from ..requests import clock
from ..requests import workflow as W
from . import errors

_ = tk._

bp = errors.register(Blueprint("ppidrequest_desk", __name__))

_PAGE_SIZE = 20
#: the queue's filters, as query parameters of its URL
_FILTERS = ("state", "organization", "channel", "dataset", "overdue", "q",
            "sort")
_SORTS = ("due_date asc", "due_date desc", "received_at desc",
          "received_at asc")
#: the steps with a form on the desk's request page
#: (``templates/ppidrequest/snippets/step_<name>.html``)
STEP_FORMS = ("review", "request_completion", "complete", "forward",
              "submit_data", "extend", "pdp_scan", "fulfil", "reject",
              "not_held", "lapse")
#: fields of a step form that are not the step's own
_NOT_FIELDS = ("_csrf_token", "save")


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name
            if tk.current_user.is_authenticated else ""}


def _desk_role() -> str:
    """``"ppid"`` or ``"pembantu"``; anyone else gets the 403 page (which
    offers to log in when logged out)."""
    role = tk.h.ppidrequest_desk_role()
    if not role:
        raise tk.NotAuthorized(_(
            "The desk is for the PPID and the agencies' PPID Pembantu. "
            "To follow your own request, use Track a request."))
    return role


def _agencies(context) -> list[dict[str, Any]]:
    """The producing agencies (every organization but the PPID's)."""
    ppid = tk.config.get("ckanext.ppidrequest.ppid_organizations")
    orgs = tk.get_action("organization_list")(
        dict(context), {"all_fields": True, "sort": "title asc",
                        "limit": 1000})
    return [o for o in orgs if o["name"] not in ppid]


def _own_agencies(context) -> list[dict[str, Any]]:
    """The agencies in which the current user is PPID Pembantu (admin or
    editor)."""
    ppid = tk.config.get("ckanext.ppidrequest.ppid_organizations")
    orgs = tk.get_action("organization_list_for_user")(
        dict(context), {"id": tk.current_user.id,
                        "permission": "create_dataset"})
    return sorted((o for o in orgs if o["name"] not in ppid),
                  key=lambda o: (o.get("title") or o["name"]).lower())


# -- the queue ---------------------------------------------------------------

def _list_params(filters: dict[str, str]) -> dict[str, Any]:
    params: dict[str, Any] = {k: v for k, v in filters.items()
                              if v and k != "overdue"}
    if filters.get("overdue"):
        params["overdue"] = True
    return params


@bp.route("/ppid/permohonan")
def queue():
    """The PPID's queue of every request, or a PPID Pembantu's inbox of
    the requests forwarded to their agency."""
    role = _desk_role()
    context = _context()
    args = tk.request.args
    filters = {k: args.get(k, "").strip() for k in _FILTERS}
    own: list[dict[str, Any]] = []
    if role == "pembantu":
        own = _own_agencies(context)
        names = [o["name"] for o in own]
        if filters["organization"] not in names and names:
            filters["organization"] = names[0]
    page = max(tk.h.get_page_number(args), 1)
    list_action = tk.get_action("ppidrequest_list")
    paging = {"limit": _PAGE_SIZE, "offset": (page - 1) * _PAGE_SIZE}
    errors_: dict[str, Any] = {}
    try:
        result = list_action(dict(context),
                             dict(_list_params(filters), **paging))
    except tk.ValidationError as error:
        # a filter the action refuses: its message next to it, the
        # unfiltered queue below
        errors_ = error.error_dict
        kept = {k: v for k, v in filters.items()
                if k == "organization" and role == "pembantu"}
        result = list_action(dict(context),
                             dict(_list_params(kept), **paging))

    def url(page: int, **changes) -> str:
        query = {k: v for k, v in dict(filters, **changes).items() if v}
        if page > 1:
            query["page"] = page
        return tk.h.url_for("ppidrequest_desk.queue", **query)

    pager = Page(collection=result["results"], page=page,
                 url=lambda page: url(page), item_count=result["count"],
                 items_per_page=_PAGE_SIZE, presliced_list=True)
    counts = result.get("counts") or {}
    return tk.render("ppidrequest/desk/queue.html", {
        "role": role,
        "requests": result["results"], "count": result["count"],
        "counts": counts, "total": sum(counts.values()),
        "page": pager, "filters": filters, "errors": errors_,
        "states": list(W.STATES),
        "agencies": [(o["name"], o.get("title") or o["name"])
                     for o in (own if role == "pembantu"
                               else _agencies(context))],
        "sorts": list(_SORTS),
        "state_url": lambda state: url(1, state=state),
    }), 400 if errors_ else 200


# -- a request ---------------------------------------------------------------

def _dataset(context, req: dict[str, Any]) -> dict[str, Any] | None:
    if not req.get("dataset"):
        return None
    try:
        return tk.get_action("package_show")(dict(context),
                                             {"id": req["dataset"]["id"]})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return None


def _agency_resources(context, org_id: str | None) -> list[tuple[str, str]]:
    """``(resource id, "dataset: resource")`` of an agency's datasets: what
    its PPID Pembantu may hand over."""
    if not org_id:
        return []
    found = tk.get_action("package_search")(dict(context), {
        "fq": f'owner_org:"{org_id}"', "rows": 100,
        "include_private": True, "sort": "title_string asc"})
    return [(res["id"], f"{pkg['title'] or pkg['name']}: "
                        f"{res.get('name') or res['id']}")
            for pkg in found["results"]
            for res in pkg.get("resources") or []]


def _defaults(req: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What each step form starts with."""
    suggested = req.get("suggested_rejection") or {}
    return {
        "extend": {"days": "7"},
        "fulfil": {"release_submitted": "true"},
        "reject": {"ground": suggested.get("ground") or "",
                   "consequence": suggested.get("consequence") or ""},
        "complete": {"information_requested":
                     req.get("information_requested") or "",
                     "purpose": req.get("purpose") or ""},
    }


def _render_request(id: str, step: str | None = None,
                    data: dict[str, Any] | None = None,
                    errors_: dict[str, Any] | None = None,
                    status: int = 200, uploaded: bool = False):
    role = _desk_role()
    context = _context()
    req = tk.get_action("ppidrequest_show")(dict(context), {"id": id})
    if "step_due_date" not in req:
        # the action shows an officer the working fields; this reader
        # reads it as its applicant
        raise tk.NotAuthorized(_(
            "This request is not on your desk. Follow your own requests "
            "under My requests."))
    events = tk.get_action("ppidrequest_event_list")(dict(context),
                                                     {"id": req["id"]})
    steps = [name for name in req.get("available_actions") or []
             if name in STEP_FORMS]
    values = _defaults(req)
    if step:
        values[step] = data or {}
    dataset = _dataset(context, req)
    forwarded = req.get("forwarded_organization") or {}
    extra: dict[str, Any] = {"grounds": [
        (c["value"], c["label"])
        for c in tk.h.ppidrequest_ground_choices({})]}
    if "forward" in steps:
        extra["organizations"] = [
            (o["name"], o.get("title") or o["name"])
            for o in _agencies(context) if o["id"] != forwarded.get("id")]
    if "submit_data" in steps:
        extra["agency_resources"] = _agency_resources(context,
                                                      forwarded.get("id"))
    if "fulfil" in steps and dataset:
        extra["dataset_resources"] = [
            (r["id"], r.get("name") or r["id"])
            for r in dataset.get("resources") or []]
    return tk.render("ppidrequest/desk/read.html", dict(
        extra, role=role, req=req, events=events, dataset=dataset,
        steps=steps, values=values, open_step=step,
        errors=errors_ or {}, uploaded=uploaded,
        submitted=[d for d in req.get("deliveries") or []
                   if d["stage"] == "submitted"],
    )), status


@bp.route("/ppid/permohonan/<id>")
def read(id: str):
    """A request on the desk: the applicant (as far as the reader may see
    them), what is asked, the dataset and its basis, the history with
    internal notes, and a form for each step the reader may take now."""
    return _render_request(id)


@bp.route("/ppid/permohonan/<id>/<step>", methods=["POST"])
def step(id: str, step: str):
    """Take one step of the workflow (``ppidrequest_<step>``)."""
    if step not in W.STEPS:
        return tk.abort(404, _("Page not found"))
    _desk_role()
    form = tk.request.form
    # a checkbox sends its hidden "false" first, then "true" when ticked
    data = {k: form.getlist(k)[-1].strip() for k in form
            if k not in _NOT_FIELDS}
    # the masking of a file: one select per column
    if form.getlist("masking"):
        data["masking"] = [v for v in form.getlist("masking") if v]
    payload: dict[str, Any] = dict(data, id=id)
    upload = tk.request.files.get("upload")
    if upload is not None and upload.filename:
        payload["upload"] = upload
    try:
        tk.get_action(f"ppidrequest_{step}")(_context(), payload)
    except tk.ValidationError as error:
        return _render_request(id, step, data, error.error_dict, 400,
                               uploaded="upload" in payload)
    tk.h.flash_success(_("Recorded: {step}.").format(
        step=tk.h.ppidrequest_action_label(step)))
    return tk.redirect_to("ppidrequest_desk.read", id=id)


# -- the regency's days off --------------------------------------------------

@bp.route("/ppid/hari-libur", methods=["GET", "POST"])
def holidays():
    """The days off of a year, national and the regency's own; the PPID
    adds and removes the regency's, and sees how many open requests got
    new due dates."""
    context = _context()
    if not tk.current_user.is_authenticated:
        # rather than core's "requires an authenticated user"
        raise tk.NotAuthorized(_("Only the PPID manages the regency's "
                                 "days off"))
    tk.check_access("ppidrequest_holiday_create", dict(context), {})
    year = (tk.request.values.get("year") or "").strip()
    data: dict[str, Any] = {}
    errors_: dict[str, Any] = {}
    if tk.request.method == "POST":
        form = tk.request.form
        remove = form.get("remove", "").strip()
        try:
            if remove:
                result = tk.get_action("ppidrequest_holiday_delete")(
                    dict(context), {"date": remove})
                done = _("The day off {date} was removed.").format(
                    date=tk.h.ppidrequest_format_date(result["date"]))
            else:
                data = {k: form.get(k, "").strip() for k in ("date", "name")}
                result = tk.get_action("ppidrequest_holiday_create")(
                    dict(context), dict(data))
                done = _("The day off {date} was added.").format(
                    date=tk.h.ppidrequest_format_date(result["date"]))
        except tk.ValidationError as error:
            errors_ = error.error_dict
        else:
            n = result["requests_recounted"]
            tk.h.flash_success(done + " " + tk.ungettext(
                "{n} open request got a new due date.",
                "{n} open requests got new due dates.", n).format(n=n))
            return tk.redirect_to("ppidrequest_desk.holidays",
                                  year=result["date"][:4])
    list_action = tk.get_action("ppidrequest_holiday_list")
    try:
        days = list_action(dict(context), {"year": year} if year else {})
    except tk.ValidationError as error:
        errors_.update({"year": error.error_dict.get("year")
                        or list(error.error_dict.values())[0]})
        year = ""
        days = list_action(dict(context), {})
    shown = int(year) if year else clock.today().year
    return tk.render("ppidrequest/desk/holidays.html", {
        "days": days, "year": shown, "data": data, "errors": errors_,
    }), 400 if errors_ else 200


def get_blueprints():
    return [bp]
