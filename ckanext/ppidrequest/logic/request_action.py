"""Actions of requests for information (the public contract of the API).

Each action checks access first, validates with a navl schema, then lets
:mod:`..workflow` change the request; notifications go out after the commit
(see :mod:`..notify`).
"""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk

from .. import signals
from ..classification import classes as C
from ..requests import clock, delivery as deliver
from ..requests import throttle, workflow as W
from ..model import Delivery, Holiday, Request, RequestEvent
from . import request_schema as schema

_ = tk._


def _validate(data_dict: dict, schema_: dict, context) -> dict:
    data, errors = tk.navl_validate(data_dict, schema_, context)
    if errors:
        raise tk.ValidationError(errors)
    return data


def _actor(context) -> W.Actor:
    return W.actor_for(context)


def _get(ref: str) -> Request:
    req = W.find(ref).one_or_none()
    if req is None:
        raise tk.ObjectNotFound(_("Request not found"))
    return req


def _deliveries(req: Request) -> list[Delivery]:
    return (model.Session.query(Delivery)
            .filter(Delivery.request_id == req.id)
            .order_by(Delivery.created).all())


def _commit_and_announce(event: RequestEvent) -> None:
    model.repo.commit()
    signals.request_event.send(event.id)


# -- create ------------------------------------------------------------------

def _check_request(data: dict, errors: dict) -> None:
    """Rules across fields (the service standard's form)."""
    def need(field: str, message: str) -> None:
        if not data.get(field):
            errors.setdefault(field, []).append(message)

    kind = data.get("applicant_type")
    if kind == "individual":
        need("applicant_nik", _("An individual gives their NIK"))
    elif kind == "organization":
        need("applicant_org_registration",
             _("An organization gives its legal registration (akta or "
               "SK Kemenkumham)"))
    if not data.get("applicant_phone") and not data.get("applicant_email"):
        errors.setdefault("applicant_email", []).append(
            _("Give a phone number or an email address"))
    if data.get("delivery_method") == "email":
        need("applicant_email", _("Delivery by email needs an email "
                                  "address"))
    if data.get("delivery_method") == "fax":
        need("applicant_phone", _("Delivery by fax needs a number"))
    if data.get("obtain_method") == "copy":
        need("copy_format", _("Say whether the copy is soft or hard"))
    else:
        data["copy_format"] = None


def ppidrequest_create(context, data_dict):
    """File a request for information.

    Anyone may, unless ``ckanext.ppidrequest.create_requires_login``. A
    PPID officer may register a request that arrived by another channel,
    with its real date of receipt.

    :param applicant_type: individual, organization or government
    :param applicant_name: the applicant's name
    :param applicant_nik: NIK, 16 digits (individuals)
    :param applicant_org_registration: legal registration (organizations)
    :param applicant_address: address
    :param applicant_occupation: occupation (optional)
    :param applicant_phone: phone (a phone or an email is required)
    :param applicant_email: email
    :param applicant_proxy_for: on whose behalf, with a proxy letter
    :param information_requested: what is requested
    :param purpose: the purpose of use
    :param obtain_method: view or copy
    :param copy_format: softcopy or hardcopy (with ``copy``)
    :param delivery_method: in_person, courier, post, fax or email
    :param dataset_id: the dataset concerned (optional)
    :param owner_org: the producing organization (optional)
    :param channel: web (default), in_person, letter, phone, whatsapp or
        email (PPID only)
    :param received_at: date of receipt, YYYY-MM-DD, not in the future
        (PPID only; default today)
    :returns: the request, with ``registration_number``, ``state``,
        ``due_date`` and the ``access_code`` (shown this once only)
    :rtype: dict
    """
    tk.check_access("ppidrequest_create", context, data_dict)
    data, errors = tk.navl_validate(data_dict, schema.request_create(),
                                    context)
    actor = _actor(context)
    _check_request(data, errors)
    if not actor.ppid:
        for field in ("channel", "received_at"):
            if data.get(field) and not (field == "channel"
                                        and data[field] == "web"):
                errors.setdefault(field, []).append(
                    _("Only the PPID registers requests received by "
                      "other channels"))
    if errors:
        raise tk.ValidationError(errors)
    req, code, event = W.create(data, actor)
    _commit_and_announce(event)
    out = W.as_dict(req, actor.roles_on(req), _deliveries(req))
    out["access_code"] = code
    return out


# -- reading -----------------------------------------------------------------

@tk.side_effect_free
def ppidrequest_show(context, data_dict):
    """A request, as its reader may see it (the NIK only for the PPID;
    an agency sees no contact details).

    :param id: the request's id or registration number
    :rtype: dict
    """
    data = _validate(data_dict, schema.request_ref(), context)
    tk.check_access("ppidrequest_show", context, data)
    req = _get(data["id"])
    roles_ = _actor(context).roles_on(req)
    out = W.as_dict(req, roles_, _deliveries(req))
    if W.PPID in roles_:
        out["suggested_rejection"] = suggested_rejection(req)
    return out


def suggested_rejection(req: Request) -> dict[str, Any] | None:
    """The recorded basis of the dataset a request concerns, when it is
    not open: the starting point of a rejection."""
    if not req.dataset_id:
        return None
    pkg = model.Package.get(req.dataset_id)
    if pkg is None:
        return None
    extras = pkg.extras
    handled = C.handled_as(extras)
    if handled == C.TERBUKA or not extras.get("classification_ground"):
        return None
    return {"classification": handled,
            "ground": extras.get("classification_ground"),
            "consequence": extras.get("classification_consequence")}


@tk.side_effect_free
def ppidrequest_list(context, data_dict):
    """Requests the caller may see: all for the PPID, those forwarded to
    their organization for a PPID Pembantu, their own for an applicant.

    :param state: a state or a list of states (optional)
    :param organization: producing or forwarded-to organization
    :param overdue: only open requests past their due date
    :type overdue: bool
    :param due_within: only open requests due within N working days
    :type due_within: int
    :param q: text in the registration number, the applicant's name or
        what is requested
    :param sort: ``due_date asc`` (default), ``due_date desc``,
        ``received_at asc`` or ``received_at desc``
    :param limit: page size (default 50, at most 1000)
    :param offset: skip this many
    :returns: ``{"count": n, "results": [...]}``
    :rtype: dict
    """
    tk.check_access("ppidrequest_list", context, data_dict)
    data = _validate(data_dict, schema.request_list(), context)
    actor = _actor(context)
    query = model.Session.query(Request)
    visible = W.visible_filter(actor)
    if visible is not None:
        query = query.filter(visible)
    if data.get("state"):
        query = query.filter(Request.state.in_(data["state"]))
    if data.get("organization"):
        org = data["organization"]
        query = query.filter(model.sa.or_(Request.owner_org == org,
                                          Request.forwarded_org == org))
    today = clock.today()
    if data.get("overdue"):
        query = query.filter(Request.state.in_(W.CLOCK_STATES),
                             Request.due_date < today)
    if data.get("due_within") is not None and "due_within" in data:
        limit_day = clock.Calendar().add(today, min(data["due_within"], 60))
        query = query.filter(Request.state.in_(W.CLOCK_STATES),
                             Request.due_date <= limit_day)
    if data.get("q"):
        like = "%" + data["q"].replace("\\", "\\\\").replace(
            "%", "\\%").replace("_", "\\_") + "%"
        query = query.filter(model.sa.or_(
            Request.registration_number.ilike(like),
            Request.applicant_name.ilike(like),
            Request.information_requested.ilike(like)))
    count = query.order_by(None).count()
    column, _sep, direction = (data.get("sort") or "due_date asc") \
        .partition(" ")
    sort_col = getattr(Request, column)
    order = sort_col.desc() if direction == "desc" else sort_col.asc()
    limit = min(data.get("limit") or 50, 1000)
    rows = (query.order_by(order.nulls_last(), Request.created.desc(),
                           Request.id)
            .limit(limit).offset(data.get("offset") or 0).all())
    refs = W.Refs(rows)
    return {"count": count,
            "results": [W.as_dict(req, actor.roles_on(req), refs=refs)
                        for req in rows]}


@tk.side_effect_free
def ppidrequest_event_list(context, data_dict):
    """The events of a request, oldest first. An applicant sees the steps
    meant for them, without internal notes.

    :param id: the request's id or registration number
    :rtype: list of dicts
    """
    data = _validate(data_dict, schema.request_ref(), context)
    tk.check_access("ppidrequest_event_list", context, data)
    req = _get(data["id"])
    view = W.view_of(_actor(context).roles_on(req))
    return _events(req, view)


def _events(req: Request, view: str | None) -> list[dict]:
    events = (model.Session.query(RequestEvent)
              .filter(RequestEvent.request_id == req.id)
              .order_by(RequestEvent.created, RequestEvent.id).all())
    if view not in (W.PPID, W.PEMBANTU):
        events = [e for e in events if W.applicant_visible(e)]
    return [W.event_dict(e, view) for e in events]


@tk.side_effect_free
def ppidrequest_track(context, data_dict):
    """Follow a request with its registration number and access code
    (no account needed). Wrong codes are throttled.

    :param registration_number: the number on the receipt
    :param access_code: the code given when the request was filed
    :returns: state, due date, outcome and the applicant's history
    :rtype: dict
    """
    tk.check_access("ppidrequest_track", context, data_dict)
    data = _validate(data_dict, schema.request_track(), context)
    req = verified_request(data["registration_number"],
                           data["access_code"])
    out = W.as_dict(req, {W.APPLICANT}, _deliveries(req))
    keep = ("id", "registration_number", "state", "received_at",
            "due_date", "extended", "extension_reason",
            "completion_due_date", "partial", "withheld_note",
            "rejection_ground", "rejection_consequence", "held_by",
            "outcome_note", "information_requested", "closed_at", "open",
            "overdue", "deliveries", "dataset", "available_actions")
    out = {k: out.get(k) for k in keep}
    out["events"] = _events(req, W.APPLICANT)
    return out


def verified_request(number: str, code: str) -> Request:
    """The request whose access code is ``code``, counting failures."""
    number = number.strip().upper()
    throttle.check(number)
    req = (model.Session.query(Request)
           .filter(model.sa.func.upper(Request.registration_number)
                   == number).one_or_none())
    if req is None or not W.check_access_code(req, code):
        throttle.failed(number)
        raise tk.ValidationError({"access_code": [
            _("The registration number or the access code is wrong")]})
    return req


# -- transitions -------------------------------------------------------------

def ppidrequest_transition(context, data_dict):
    """Move a request along the workflow.

    :param id: the request's id or registration number
    :param action: review, request_completion, complete, forward,
        submit_data, extend, fulfil, reject, not_held, withdraw or lapse
    :param note: a note (required for request_completion: what is missing)
    :param revision: the revision the caller saw (optional): a request
        changed since then is a conflict
    :param access_code: for an applicant without an account (complete,
        withdraw)

    The action's own fields:

    - complete: any field of the request form except the applicant type,
      the dataset and the organization
    - forward: ``organization``
    - submit_data: ``upload`` (a file) and/or ``resource_id`` (a resource
      of the organization), or ``refusal_proposal`` with its
      ``refusal_ground`` (Pasal 17 letter)
    - extend: ``reason`` (required), ``days`` (1-7, default 7)
    - fulfil: ``pdp_check`` (clean, masked or justified; required),
      ``pdp_note`` (required unless clean), ``partial`` with
      ``withheld_note``, ``outcome_note``, ``upload`` / ``resource_id``,
      ``release_submitted`` (default true: release what the agency gave)
    - reject: ``ground`` (Pasal 17 letter a-j) and ``consequence``; for a
      dataset that is not open both default to its recorded basis
    - not_held: ``held_by`` (who may hold it, or that it is not known)

    :returns: the request
    :rtype: dict
    """
    tk.check_access("ppidrequest_transition", context, data_dict)
    base = _validate({k: v for k, v in data_dict.items()
                      if k in schema.transition_base()},
                     schema.transition_base(), context)
    action = base["action"]
    actor = _actor(context)
    errors: dict[str, list[str]] = {}
    fields = _transition_fields(action, data_dict, context, errors)
    if errors:
        raise tk.ValidationError(errors)

    uploads: list[Delivery] = []
    try:
        try:
            req = W.lock(base["id"])
        except W.Conflict:
            raise _conflict()
        if req is None:
            raise tk.ObjectNotFound(_("Request not found"))
        code_ok = False
        if base.get("access_code"):
            code_ok = verified_request(req.registration_number,
                                       base["access_code"]).id == req.id
        roles_ = actor.roles_on(req, code_ok=code_ok)
        if not roles_:
            raise tk.NotAuthorized(_("You may not act on this request"))
        if base.get("revision") and base["revision"] != req.revision:
            raise _conflict()
        step = W.TRANSITIONS[action]
        if not step.roles & roles_:
            raise tk.NotAuthorized(_(
                "Your role does not allow the action "
                "'{action}' on this request").format(action=action))
        if req.state not in step.sources:
            raise tk.ValidationError({"action": [_(
                "The request is {state}: '{action}' is not possible "
                "now").format(state=state_label(req.state),
                              action=action)]})
        _prepare(req, action, actor, fields, base.get("note"), uploads)
        outcome = W.transition(req, action, actor, fields, base.get("note"))
        _commit_and_announce(outcome.event)
    except Exception:
        model.Session.rollback()
        deliver.discard(uploads)
        raise
    roles_ = actor.roles_on(req, code_ok=code_ok)
    return W.as_dict(req, roles_, _deliveries(req))


def _conflict() -> tk.ValidationError:
    return tk.ValidationError({"revision": [_(
        "Someone else changed this request at the same time. Reload it "
        "and try again.")]})


def state_label(state: str) -> str:
    from ..helpers import ppidrequest_state_label

    return ppidrequest_state_label(state)


def _transition_fields(action: str, data_dict: dict, context,
                       errors: dict) -> dict:
    if action == "complete":
        changes = {k: v for k, v in data_dict.items()
                   if k in schema.COMPLETABLE}
        create_schema = schema.request_create()
        sub = {k: create_schema[k] for k in changes}
        data, errs = tk.navl_validate(changes, sub, context)
        errors.update(errs)
        return {"changes": data}
    fields_schema = schema.transition_fields()
    data, errs = tk.navl_validate(
        {k: v for k, v in data_dict.items() if k in fields_schema},
        fields_schema, context)
    errors.update(errs)
    for name in ("upload",):
        if data_dict.get(name) not in (None, ""):
            if not deliver.is_upload(data_dict[name]):
                errors.setdefault(name, []).append(_("Send a file"))
            else:
                data[name] = data_dict[name]
    return data


def _required(fields: dict, name: str, message: str,
              errors: dict) -> None:
    if not fields.get(name):
        errors.setdefault(name, []).append(message)


def _prepare(req: Request, action: str, actor: W.Actor, fields: dict,
             note: str | None, uploads: list[Delivery]) -> None:
    """Check the action's fields against the request and turn files and
    resources into deliveries (``uploads`` collects new files so that a
    failure removes them)."""
    errors: dict[str, list[str]] = {}
    if action == "request_completion" and not note:
        errors["note"] = [_("Say what is missing from the request")]
    elif action == "complete":
        merged = {name: getattr(req, name) for name in W.REQUEST_FIELDS}
        merged.update(fields["changes"])
        _check_request(merged, errors)
        fields["changes"] = {k: v for k, v in fields["changes"].items()
                             if k in schema.COMPLETABLE}
        if merged.get("copy_format") is None:
            fields["changes"]["copy_format"] = None
    elif action == "forward":
        _required(fields, "organization",
                  _("Choose the organization to forward to"), errors)
        org = model.Group.get(fields.get("organization") or "")
        if org is not None and org.name in tk.config.get(
                "ckanext.ppidrequest.ppid_organizations"):
            errors["organization"] = [_(
                "Forward to the producing agency, not to the PPID")]
        elif org is not None and org.id == req.forwarded_org:
            errors["organization"] = [_(
                "The request is already with this organization")]
        fields["organization"] = org
    elif action == "submit_data":
        if not (fields.get("upload") or fields.get("resource_id")
                or fields.get("refusal_proposal")):
            errors["upload"] = [_(
                "Give the data (a file or a resource of your "
                "organization) or a reasoned proposal to refuse")]
        if fields.get("refusal_ground") and not fields.get(
                "refusal_proposal"):
            errors["refusal_proposal"] = [_("Give the reasons")]
        _collect(req, fields, "submitted", actor, errors, uploads,
                 own_org=req.forwarded_org)
    elif action == "extend":
        if req.extended:
            errors["action"] = [_(
                "The deadline was already extended once; the law allows "
                "one extension")]
        _required(fields, "reason", _("Give the reasons for the "
                                      "extension; they are sent to the "
                                      "applicant"), errors)
        days = fields.get("days")
        if days is None:
            fields["days"] = clock.MAX_EXTENSION_DAYS
        elif not 1 <= days <= clock.MAX_EXTENSION_DAYS:
            errors["days"] = [_("An extension is 1 to {n} working "
                                "days").format(n=clock.MAX_EXTENSION_DAYS)]
    elif action == "fulfil":
        _required(fields, "pdp_check", _(
            "Record the personal-data check: clean, masked or justified"),
            errors)
        if fields.get("pdp_check") in ("masked", "justified"):
            _required(fields, "pdp_note", _(
                "Say what was masked, or why the personal data may be "
                "given"), errors)
        fields["partial"] = bool(fields.get("partial"))
        if fields["partial"]:
            _required(fields, "withheld_note", _(
                "Say what was withheld and on which ground"), errors)
        _collect(req, fields, "released", actor, errors, uploads)
        if fields.get("release_submitted", True):
            fields.setdefault("deliveries", []).extend(
                deliver.release(d, actor.id) for d in _deliveries(req)
                if d.stage == "submitted")
        if (req.obtain_method == "copy" and req.copy_format == "softcopy"
                and not fields.get("deliveries") and "upload" not in errors):
            errors["upload"] = [_(
                "A soft copy was requested: give the file or the resource "
                "to deliver")]
        expiry = deliver.release_expiry()
        for delivery in fields.get("deliveries", []):
            delivery.expires_at = expiry
    elif action == "reject":
        basis = suggested_rejection(req) or {}
        fields.setdefault("ground", basis.get("ground"))
        fields.setdefault("consequence", basis.get("consequence"))
        if not fields.get("ground"):
            fields.pop("ground", None)
        _required(fields, "ground", _(
            "Give the exemption ground (Pasal 17, letter a-j)"), errors)
        if not fields.get("consequence"):
            fields.pop("consequence", None)
        _required(fields, "consequence", _(
            "Give the consequence test: the harm if the information were "
            "opened"), errors)
    elif action == "not_held":
        _required(fields, "held_by", _(
            "Say who may hold the information (or that it is not known)"),
            errors)
    elif action == "lapse":
        if not req.completion_due_date or \
                req.completion_due_date >= clock.today():
            errors["action"] = [_(
                "The applicant still has time to complete the request")]
    if errors:
        raise tk.ValidationError(errors)


def _collect(req: Request, fields: dict, stage: str, actor: W.Actor,
             errors: dict, uploads: list[Delivery],
             own_org: str | None = None) -> None:
    """Deliveries from ``upload`` and ``resource_id``."""
    found: list[Delivery] = []
    if fields.get("resource_id"):
        resource = model.Resource.get(fields["resource_id"])
        pkg = resource.package if resource is not None else None
        if resource is None or resource.state != "active" or pkg is None \
                or pkg.state != "active":
            errors["resource_id"] = [_("Resource not found")]
        elif own_org and pkg.owner_org != own_org:
            errors["resource_id"] = [_(
                "Give a resource of your own organization's datasets")]
        else:
            found.append(deliver.from_resource(resource, stage, actor.id,
                                               req.id))
    if fields.get("upload") and not errors:
        try:
            delivery = deliver.from_upload(fields["upload"], stage, actor.id,
                                           req.id)
        except tk.ValidationError as error:
            errors.update(error.error_dict)
        else:
            uploads.append(delivery)
            found.append(delivery)
    fields["deliveries"] = found


# -- the regency's days off --------------------------------------------------

@tk.side_effect_free
def ppidrequest_holiday_list(context, data_dict):
    """Days off of a year: national holidays, cuti bersama (when counted)
    and the regency's own, each with its source.

    :param year: the year (default: this year)
    :rtype: list of dicts ``{date, name, source}``, source ``national``
        or ``regency``
    """
    tk.check_access("ppidrequest_holiday_list", context, data_dict)
    data = _validate(data_dict, schema.holiday_list(), context)
    year = data.get("year") or clock.today().year
    if not 2000 <= year <= 2100:
        raise tk.ValidationError({"year": [_("Give a year between 2000 "
                                             "and 2100")]})
    days = [{"date": day.isoformat(), "name": name, "source": "national"}
            for day, name in clock.national_holidays(year).items()]
    days += [{"date": day.isoformat(), "name": name, "source": "regency"}
             for day, name in clock.regency_days_off().items()
             if day.year == year]
    return sorted(days, key=lambda d: (d["date"], d["source"]))


def ppidrequest_holiday_create(context, data_dict):
    """Add a regency day off (PPID). The due dates of open requests are
    counted again.

    :param date: YYYY-MM-DD
    :param name: what the day is
    :returns: the day, and how many open requests got new dates
    :rtype: dict
    """
    tk.check_access("ppidrequest_holiday_create", context, data_dict)
    data = _validate(data_dict, schema.holiday_create(), context)
    day = data["date"].date()
    if model.Session.get(Holiday, day) is not None:
        raise tk.ValidationError({"date": [_("This day is already a day "
                                             "off")]})
    model.Session.add(Holiday(day=day, name=data["name"],
                              created_by=_actor(context).id))
    model.Session.flush()
    changed = W.recount_open()
    model.repo.commit()
    return {"date": day.isoformat(), "name": data["name"],
            "source": "regency", "requests_recounted": changed}


def ppidrequest_holiday_delete(context, data_dict):
    """Remove a regency day off (PPID); open requests are counted again.

    :param date: YYYY-MM-DD
    :rtype: dict
    """
    tk.check_access("ppidrequest_holiday_delete", context, data_dict)
    data = _validate(data_dict, schema.holiday_delete(), context)
    day = data["date"].date()
    holiday = model.Session.get(Holiday, day)
    if holiday is None:
        raise tk.ObjectNotFound(_("This day is not a regency day off"))
    model.Session.delete(holiday)
    model.Session.flush()
    changed = W.recount_open()
    model.repo.commit()
    return {"date": day.isoformat(), "requests_recounted": changed}


def get_actions():
    return {name: fn for name, fn in globals().items()
            if name.startswith("ppidrequest_") and callable(fn)}

