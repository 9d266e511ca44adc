"""The applicant's pages: the request form, the receipt, tracking, the
applicant's own request page and "Permohonan saya" on the dashboard.

The views only carry the form to the actions and their answers to the
templates. An applicant without an account proves who they are with the
access code: once checked by ``ppidrequest_track`` it is kept in the
session, so that the request page, a download or a withdrawal does not ask
for it again.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, session

import ckan.plugins.toolkit as tk
from ckan.lib.pagination import Page
from ckan.views import dashboard

from ..requests import form as request_form
from . import errors

_ = tk._

bp = errors.register(Blueprint("ppidrequest_applicant", __name__))

#: the session key of the access codes this browser has shown
_CODES = "ppidrequest_codes"
#: the session key of the receipt still to show (its access code, once)
_RECEIPT = "ppidrequest_receipt"
#: the steps an applicant takes on their request page
APPLICANT_STEPS = ("complete", "withdraw")
_PAGE_SIZE = 20


def _context() -> dict[str, Any]:
    return {"user": tk.current_user.name
            if tk.current_user.is_authenticated else ""}


def _form_values() -> dict[str, str]:
    return {k: v.strip() if isinstance(v, str) else v
            for k, v in tk.request.form.items()
            if k not in ("_csrf_token", "save", "g-recaptcha-response")}


def _remember_code(req: dict[str, Any], code: str) -> None:
    codes = dict(session.get(_CODES) or {})
    codes[req["id"]] = [req["registration_number"], code]
    session[_CODES] = codes


def _code_for(request_id: str) -> tuple[str, str] | None:
    found = (session.get(_CODES) or {}).get(request_id)
    return tuple(found) if found else None


# -- the request form -------------------------------------------------------

def _dataset_for(ref: str | None) -> dict[str, Any] | None:
    if not ref:
        return None
    try:
        return tk.get_action("package_show")(_context(), {"id": ref})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return None


def _prefill() -> dict[str, Any]:
    """A new form: the dataset asked for, a logged-in user's details."""
    data: dict[str, Any] = {"applicant_type": "individual",
                            "obtain_method": "copy",
                            "copy_format": "softcopy",
                            "delivery_method": "email"}
    user = tk.current_user
    if user.is_authenticated:
        data["applicant_name"] = user.fullname or user.name
        data["applicant_email"] = user.email or ""
    for key in ("channel",):
        if tk.request.args.get(key):
            data[key] = tk.request.args[key]
    return data


def _organizations() -> list[tuple[str, str]]:
    """The agencies an applicant may name, as ``(name, title)``."""
    orgs = tk.get_action("organization_list")(
        _context(), {"all_fields": True, "sort": "title asc",
                     "limit": 1000})
    ppid = tk.config.get("ckanext.ppidrequest.ppid_organizations")
    return [(o["name"], o["title"] or o["name"]) for o in orgs
            if o["name"] not in ppid]


def _render_form(data: dict[str, Any], errors_: dict[str, Any],
                 dataset: dict[str, Any] | None, status: int = 200):
    officer = tk.h.ppidrequest_is_ppid()
    summary = {}
    for field, messages in errors_.items():
        message = messages[0] if isinstance(messages, list) else messages
        summary[field] = message
    return tk.render("ppidrequest/request/new.html", {
        "data": data, "errors": errors_, "error_summary": summary,
        "dataset": dataset, "officer": officer,
        "organizations": _organizations(),
        "recaptcha": bool(tk.config.get("ckan.recaptcha.privatekey"))
        and not tk.current_user.is_authenticated,
    }), status


@bp.route("/permohonan/baru", methods=["GET", "POST"])
def new():
    """The request form (anyone; the PPID also registers requests received
    in person, by letter, phone or WhatsApp, with their real date)."""
    context = _context()
    tk.check_access("ppidrequest_create", context, {})
    if tk.request.method == "GET":
        dataset = _dataset_for(tk.request.args.get("dataset"))
        data = _prefill()
        if dataset:
            data["dataset_id"] = dataset["id"]
        return _render_form(data, {}, dataset)

    data = _form_values()
    dataset = _dataset_for(data.get("dataset_id"))
    # the action checks it, for the API as for the form
    solved = {request_form.CAPTCHA_FIELD:
              tk.request.form.get(request_form.CAPTCHA_FIELD, "")}
    try:
        req = tk.get_action("ppidrequest_create")(context,
                                                  dict(data, **solved))
    except tk.ValidationError as error:
        return _render_form(data, error.error_dict, dataset, 400)
    session[_RECEIPT] = {"id": req["id"], "code": req["access_code"]}
    _remember_code(req, req["access_code"])
    return tk.redirect_to("ppidrequest_applicant.receipt", id=req["id"])


@bp.route("/permohonan/<id>/tanda-terima")
def receipt(id: str):
    """The receipt: the access code is shown on the first visit only."""
    shown = session.get(_RECEIPT) or {}
    code = None
    if shown.get("id") == id:
        code = shown.get("code")
        session.pop(_RECEIPT, None)
    req = _read(id)
    return tk.render("ppidrequest/request/receipt.html",
                     {"req": req, "access_code": code})


# -- following a request ----------------------------------------------------

@bp.route("/permohonan/lacak", methods=["GET", "POST"])
def track():
    """Find a request with its registration number and access code."""
    data = {"registration_number":
            tk.request.args.get("registration_number", "")}
    errors_: dict[str, Any] = {}
    if tk.request.method == "POST":
        data = {k: tk.request.form.get(k, "").strip()
                for k in ("registration_number", "access_code")}
        try:
            req = tk.get_action("ppidrequest_track")(_context(), data)
        except tk.ValidationError as error:
            errors_ = error.error_dict
        else:
            _remember_code(req, data["access_code"])
            return tk.redirect_to("ppidrequest_applicant.read",
                                  id=req["id"])
    return tk.render("ppidrequest/request/track.html",
                     {"data": data, "errors": errors_}), \
        400 if errors_ else 200


def _read(id: str) -> dict[str, Any]:
    """The request as its applicant sees it: with the access code this
    browser holds, else with the account that filed it."""
    known = _code_for(id)
    if known:
        try:
            return tk.get_action("ppidrequest_track")(
                _context(), {"registration_number": known[0],
                             "access_code": known[1]})
        except tk.ValidationError:
            codes = dict(session.get(_CODES) or {})
            codes.pop(id, None)
            session[_CODES] = codes
    if not tk.current_user.is_authenticated:
        # no code and no account: ask for them
        raise tk.NotAuthorized(_(
            "Give the registration number and the access code of the "
            "request to follow it."))
    context = _context()
    req = tk.get_action("ppidrequest_show")(context, {"id": id})
    if req.get("applicant_user_id") != tk.current_user.id:
        # the officers' own page shows them more
        raise tk.NotAuthorized(_("This request was filed by someone "
                                 "else."))
    req["events"] = tk.get_action("ppidrequest_event_list")(
        context, {"id": id})
    return req


def _render_request(req: dict[str, Any], step: str | None = None,
                    data: dict[str, Any] | None = None,
                    errors_: dict[str, Any] | None = None,
                    status: int = 200):
    return tk.render("ppidrequest/request/read.html", {
        "req": req,
        "steps": [s for s in APPLICANT_STEPS
                  if s in (req.get("available_actions") or [])],
        "open_step": step, "data": data or {}, "errors": errors_ or {},
    }), status


@bp.route("/permohonan/<id>")
def read(id: str):
    """The applicant's page of their request: where it stands, its
    history, the data given and what they may do now."""
    return _render_request(_read(id))


@bp.route("/permohonan/<id>/<step>", methods=["POST"])
def step(id: str, step: str):
    """The applicant's own steps: complete the request, withdraw it."""
    if step not in APPLICANT_STEPS:
        return tk.abort(404, _("Page not found"))
    req = _read(id)
    data = _form_values()
    payload: dict[str, Any] = {"id": id, "revision": data.get("revision")}
    if step == "complete":
        # an empty field leaves the value as it was
        payload.update({k: v for k, v in data.items()
                        if k in request_form.COMPLETABLE and v})
    if data.get("note"):
        payload["note"] = data["note"]
    known = _code_for(id)
    if known:
        payload["access_code"] = known[1]
    try:
        tk.get_action(f"ppidrequest_{step}")(_context(), payload)
    except tk.ValidationError as error:
        return _render_request(req, step, data, error.error_dict, 400)
    tk.h.flash_success(_("Your request was withdrawn.")
                       if step == "withdraw" else
                       _("Thank you: your request is complete and the PPID "
                         "reviews it again."))
    return tk.redirect_to("ppidrequest_applicant.read", id=id)


# -- Permohonan saya --------------------------------------------------------

@bp.route("/dashboard/permohonan")
def mine():
    """The logged-in applicant's requests (a dashboard tab)."""
    if not tk.current_user.is_authenticated:
        return tk.redirect_to(tk.url_for("user.login",
                                         came_from=tk.request.full_path))
    page = max(tk.h.get_page_number(tk.request.args), 1)
    result = tk.get_action("ppidrequest_list")(_context(), {
        "mine": True, "sort": "received_at desc",
        "limit": _PAGE_SIZE, "offset": (page - 1) * _PAGE_SIZE})
    pager = Page(collection=result["results"], page=page,
                 url=lambda page: tk.url_for(
                     "ppidrequest_applicant.mine", page=page),
                 item_count=result["count"], items_per_page=_PAGE_SIZE,
                 presliced_list=True)
    # what CKAN's dashboard template expects of its views
    extra = dashboard._extra_template_variables(
        {"for_view": True, "user": tk.current_user.name,
         "auth_user_obj": tk.current_user},
        {"user_obj": tk.current_user})
    return tk.render("ppidrequest/request/mine.html", dict(
        extra, requests=result["results"], page=pager,
        count=result["count"]))


def get_blueprints():
    return [bp]
