"""Actions of the ppidrequest plugin (the public contract of the API).

Each action checks access first, validates with a navl schema, then lets
:mod:`..requests.workflow` change the request; notifications go out after
the commit (:mod:`..requests.notify`, through :mod:`..signals`).
"""
from __future__ import annotations

from typing import Any

import ckan.authz as authz
import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ..classification import access
from ..classification import classes as C
from ..model import ClassificationEvent, Holiday, Request, RequestEvent
from ..requests import clock, delivery as deliver
from ..requests import dictize as D
from ..requests import form, listing, steps, summary, throttle, workflow as W
from ..letters import archive as letter_archive, issue as letter_issue
from ..letters import kinds as letter_kinds, links as letter_links
from ..monitoring import annual, dashboard, dip, period, register
from ..pdp import check as pdp_check
from . import chained, edge, schema
from .auth import REFUSAL

_ = tk._

__all__ = [
    "ppidrequest_classification_decide", "ppidrequest_classification_propose",
    "ppidrequest_classification_history",
    "ppidrequest_create", "ppidrequest_show", "ppidrequest_list",
    "ppidrequest_event_list", "ppidrequest_track", "ppidrequest_transition",
    "ppidrequest_holiday_list", "ppidrequest_holiday_create",
    "ppidrequest_holiday_delete", "ppidrequest_service_summary",
    "ppidrequest_monitoring_show", "ppidrequest_dip_list",
    "ppidrequest_register_list", "ppidrequest_annual_report_show",
    "ppidrequest_letter_verify",
]


def _package_or_404(ref: str) -> model.Package:
    pkg = model.Package.get(ref)
    if pkg is None or pkg.state == "deleted":
        raise tk.ObjectNotFound(_("Dataset not found"))
    return pkg


def _patch(context, pkg: model.Package, fields: dict[str, Any],
           note: str | None, decision: bool = False) -> dict[str, Any]:
    """Apply classification fields through package_patch, so that the
    dataset schema's validation and the history hooks run as for a form.
    The caller's own permission was checked; the dataset's edit permission
    (which the PPID of another agency does not hold) is not required."""
    patch_context = {
        "user": context["user"],
        "ignore_auth": True,
        "ppidrequest_note": note,
        # a decision settles a pending proposal even when it keeps the
        # decided classification
        "ppidrequest_decision": decision,
    }
    # package_update skips a dataset whose dict did not change; the pending
    # proposal is part of what a decision settles, so it is always sent
    # (the schema's validator sets its real value).
    fields = dict(fields, id=pkg.id)
    fields[C.PROPOSAL_FIELD] = ""
    return tk.get_action("package_patch")(patch_context, fields)


@tk.validate(schema.classification_decide)
def ppidrequest_classification_decide(context, data_dict):
    """Decide the classification of a dataset (PPID or sysadmin only).

    Either approve the pending proposal as it stands
    (``approve_proposal=true``) or give the classification and its basis.
    Deciding the current classification again settles (rejects) a pending
    proposal.

    :param id: the dataset's id or name
    :param approve_proposal: take the pending proposal as the decision
    :type approve_proposal: bool
    :param classification: terbuka, terbatas or rahasia
    :param classification_ground: Pasal 17 letter a-j (not for terbuka)
    :param classification_consequence: the consequence test
    :param classification_exempt_until: end of the exemption (YYYY-MM-DD)
    :param classification_exempt_reason: why the exemption is indefinite
    :param classification_decision_ref: reference of the PPID's decision
    :param note: a note for the history (optional)
    :returns: the dataset
    :rtype: dict
    """
    tk.check_access("ppidrequest_classification_decide", context, data_dict)
    pkg = _package_or_404(data_dict["id"])
    fields: dict[str, Any]
    if data_dict.get("approve_proposal"):
        proposal = C.proposal_of(pkg.extras)
        if not proposal:
            raise tk.ValidationError({"approve_proposal": [
                _("This dataset has no pending classification proposal")]})
        fields = {k: proposal.get(k, "")
                  for k in ("classification",) + C.BASIS_FIELDS}
        if data_dict.get("classification_decision_ref"):
            fields["classification_decision_ref"] = \
                data_dict["classification_decision_ref"]
    else:
        if "classification" not in data_dict:
            raise tk.ValidationError({"classification": [
                _("Missing value")]})
        fields = {k: data_dict.get(k, "")
                  for k in ("classification",) + C.BASIS_FIELDS}
    return _patch(context, pkg, fields, data_dict.get("note"), decision=True)


@tk.validate(schema.classification_propose)
def ppidrequest_classification_propose(context, data_dict):
    """Propose a classification for a dataset (producing agency, Walidata).

    The dataset keeps its decided classification; the proposal waits for
    the PPID. While it waits, the dataset's data is handled as the stricter
    of the two.

    :param id: the dataset's id or name
    :param classification: terbuka, terbatas or rahasia
    :param classification_ground: Pasal 17 letter a-j (not for terbuka)
    :param classification_consequence: the consequence test
    :param classification_exempt_until: end of the exemption (YYYY-MM-DD)
    :param classification_exempt_reason: why the exemption is indefinite
    :param note: a note for the history (optional)
    :returns: the dataset
    :rtype: dict
    """
    tk.check_access("ppidrequest_classification_propose", context, data_dict)
    pkg = _package_or_404(data_dict["id"])
    fields = {k: data_dict.get(k, "")
              for k in ("classification",) + C.BASIS_FIELDS
              if k != "classification_decision_ref"}
    return _patch(context, pkg, fields, data_dict.get("note"))


@tk.side_effect_free
@tk.validate(schema.classification_history)
def ppidrequest_classification_history(context, data_dict):
    """The classification history of a dataset, newest first: who proposed
    or decided what, when, and on which basis.

    :param id: the dataset's id or name
    :rtype: list of dicts
    """
    tk.check_access("ppidrequest_classification_history", context, data_dict)
    pkg = _package_or_404(data_dict["id"])
    events = (model.Session.query(ClassificationEvent)
              .filter(ClassificationEvent.package_id == pkg.id)
              .order_by(ClassificationEvent.created.desc(),
                        ClassificationEvent.id.desc())
              .all())
    out = [event.as_dict() for event in events]
    fields = access.package_fields(pkg.id) or {}
    if C.proposal_of(fields) and not context.get("ignore_auth") and \
            not access.can_access_data(context.get("user"), fields):
        # who proposed what and why is internal while the PPID has not
        # decided, as package_show keeps only the proposed class
        for event in out:
            if event["kind"] != "proposal":
                break
            for key in _PROPOSAL_INTERNAL:
                event[key] = None
    return out


#: what a pending proposal's history event shows only to those who may get
#: the data (the rest: its kind, date and the classes)
_PROPOSAL_INTERNAL = ("actor", "actor_display_name", "ground", "consequence",
                      "exempt_until", "exempt_reason", "decision_ref",
                      "note")


# -- requests ----------------------------------------------------------------

def _validate(data_dict: dict, schema_: dict, context) -> dict:
    data, errors = tk.navl_validate(data_dict, schema_, context)
    if errors:
        raise tk.ValidationError(errors)
    return data


def _actor(context) -> W.Actor:
    return W.actor_for(context)


def _check_read(name: str, context, data_dict) -> None:
    """check_access, answering "not found" to whoever may not see the
    request: numbers are sequential, and a 403 for an existing one and a
    404 for a missing one told anyone which requests exist."""
    try:
        tk.check_access(name, context, data_dict)
    except tk.NotAuthorized:
        raise tk.ObjectNotFound(_("Request not found"))


def _get(ref: str) -> Request:
    req = W.find(ref).one_or_none()
    if req is None:
        raise tk.ObjectNotFound(_("Request not found"))
    return req


# -- filing a request ------------------------------------------------------------------

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
    :param g-recaptcha-response: the solved reCAPTCHA, required of
        anonymous callers when ``ckan.recaptcha.privatekey`` is set
    :returns: the request, with ``registration_number``, ``state``,
        ``due_date`` and the ``access_code`` (shown this once only)
    :rtype: dict

    Anyone but the PPID is throttled per client address and per recipient
    email (``ckanext.ppidrequest.create_limit_*``).
    """
    tk.check_access("ppidrequest_create", context, data_dict)
    data_dict = dict(data_dict)
    captcha_response = data_dict.pop(form.CAPTCHA_FIELD, None)
    data, errors = tk.navl_validate(data_dict, schema.request_create(),
                                    context)
    actor = _actor(context)
    throttled = not actor.ppid and not context.get("ignore_auth")
    if throttled:
        throttle.check_create(data.get("applicant_email"))
    if actor.user is None and not context.get("ignore_auth"):
        form.check_captcha(captcha_response, errors)
    form.check_request_form(data, errors)
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
    if W.commit(context, event):
        W.announce(event.id)
    if throttled:
        throttle.created(data.get("applicant_email"))
    out = D.as_dict(req, actor.roles_on(req), steps.deliveries_of(req))
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
    _check_read("ppidrequest_show", context, data)
    req = _get(data["id"])
    roles_ = _actor(context).roles_on(req)
    # the buttons a page shows: the steps whose auth function says yes
    ask = dict(context, ignore_auth=False)
    available = [name for name in W.STEPS
                 if authz.is_authorized(f"ppidrequest_{name}", ask,
                                        {"id": req.id})["success"]]
    out = D.as_dict(req, roles_, steps.deliveries_of(req),
                    available=available)
    out["letters"] = _letters(req)
    if W.PPID in roles_:
        out["suggested_rejection"] = steps.suggested_rejection(req)
        # the personal-data check of each file: the PPID's alone
        by_id = {d.id: d for d in steps.deliveries_of(req)}
        out["pdp_checks"] = [pdp_check.as_dict(c, by_id.get(c.delivery_id))
                             for c in pdp_check.checks_of(req.id).values()]
    return out


@tk.side_effect_free
def ppidrequest_list(context, data_dict):
    """Requests the caller may see: all for the PPID, those forwarded to
    their organization for a PPID Pembantu, their own for an applicant
    (the queue itself is :mod:`..requests.listing`).

    :param state: a state or a list of states (optional)
    :param organization: producing or forwarded-to organization
    :param channel: how the request came in (``web``, ``in_person``,
        ``letter``, ``phone``, ``whatsapp`` or ``email``)
    :param dataset: the requested dataset's id or name
    :param mine: only requests filed from the caller's own account (an
        officer's "Permohonan saya")
    :type mine: bool
    :param overdue: only requests whose clock runs past their due date
    :type overdue: bool
    :param due_within: only requests whose clock runs, due within N
        working days
    :type due_within: int
    :param q: text in the registration number, the applicant's name or
        what is requested (substring, case-insensitive)
    :param sort: ``due_date asc`` (default), ``due_date desc``,
        ``received_at asc`` or ``received_at desc``
    :param limit: page size (default 50, at most 1000)
    :param offset: skip this many
    :returns: ``{"count": n, "counts": {state: n}, "results": [...]}``;
        ``counts`` has every state, under the same filters except
        ``state``; each result has ``due_status`` (``overdue``,
        ``due_soon``, ``on_time`` or None when the clock does not run)
    :rtype: dict
    """
    tk.check_access("ppidrequest_list", context, data_dict)
    data = _validate(data_dict, schema.request_list(), context)
    actor = _actor(context)
    found = listing.page(actor, data)
    refs = D.Refs(found["rows"])
    return {"count": found["count"], "counts": found["counts"],
            "results": [D.as_dict(req, actor.roles_on(req), refs=refs)
                        for req in found["rows"]]}


@tk.side_effect_free
def ppidrequest_event_list(context, data_dict):
    """The events of a request, oldest first. An applicant sees the steps
    meant for them, without internal notes.

    :param id: the request's id or registration number
    :rtype: list of dicts
    """
    data = _validate(data_dict, schema.request_ref(), context)
    _check_read("ppidrequest_event_list", context, data)
    req = _get(data["id"])
    view = W.view_of(_actor(context).roles_on(req))
    return _events(req, view)


def _events(req: Request, view: str | None) -> list[dict]:
    events = (model.Session.query(RequestEvent)
              .filter(RequestEvent.request_id == req.id)
              .order_by(RequestEvent.created, RequestEvent.id).all())
    if view not in (W.PPID, W.PEMBANTU):
        events = [e for e in events if D.applicant_visible(e)]
    return [D.event_dict(e, view, req.applicant_user_id) for e in events]


def ppidrequest_track(context, data_dict):
    """Follow a request with its registration number and access code
    (no account needed). Wrong codes are throttled per client address.
    POST only: a code in a URL lands in access logs.

    :param registration_number: the number on the receipt
    :param access_code: the code given when the request was filed
    :returns: state, due date, outcome and the applicant's history
    :rtype: dict
    """
    tk.check_access("ppidrequest_track", context, data_dict)
    data = _validate(data_dict, schema.request_track(), context)
    req = throttle.verified_request(data["registration_number"],
                                    data["access_code"])
    out = D.as_dict(req, {W.APPLICANT}, steps.deliveries_of(req))
    keep = ("id", "registration_number", "state", "received_at",
            "due_date", "extended", "extension_reason",
            "completion_due_date", "partial", "withheld_note",
            "rejection_ground", "rejection_consequence", "held_by",
            "outcome_note", "information_requested", "closed_at", "open",
            "overdue", "deliveries", "dataset", "available_actions")
    out = {k: out.get(k) for k in keep}
    out["letters"] = _letters(req)
    out["events"] = _events(req, W.APPLICANT)
    return out


def _letters(req: Request) -> list[dict]:
    return [letter_links.as_dict(letter)
            for letter in letter_issue.of_request(req.id)]


# -- letters -----------------------------------------------------------------

@tk.side_effect_free
def ppidrequest_letter_verify(context, data_dict):
    """Check a letter by the key its QR code carries (anyone): what the
    office issued under it, nothing about the applicant. With ``sha256``
    (of a PDF someone holds), also whether it is the letter as issued.

    :param token: the key in the verification URL
    :param sha256: the SHA-256 of a PDF to compare (optional)
    :returns: ``{number, issued_on, subject, office, sha256, matches}``;
        ``matches`` is None without ``sha256``
    :rtype: dict
    """
    tk.check_access("ppidrequest_letter_verify", context, data_dict)
    data = _validate(data_dict, schema.letter_verify(), context)
    letter = letter_archive.by_token(data["token"])
    if letter is None:
        raise tk.ObjectNotFound(_("No letter was issued under this code"))
    if not letter.sha256:
        letter = letter_archive.ensure_rendered(letter.id)
    given = data.get("sha256")
    return {
        "number": letter.number,
        "issued_on": letter.issued_on.isoformat(),
        "subject": letter_kinds.subject(letter.kind),
        "kind": letter.kind,
        "office": tk.config.get("ckanext.ppidrequest.letters.office"),
        "government": tk.config.get(
            "ckanext.ppidrequest.letters.government"),
        "sha256": letter.sha256,
        "matches": None if not given else given == letter.sha256,
    }


# -- the workflow's steps ----------------------------------------------------

_STEP_PARAMS = """
    :param id: the request's id or registration number
    :param note: a note (internal for review, forward and submit_data)
    :param revision: the revision the caller saw (optional): a request
        changed since then is a conflict
    :param access_code: for an applicant without an account
    :returns: the request
    :rtype: dict
"""


def _check_step_access(name: str, context, data_dict) -> None:
    """check_access, reporting a refusal about the request's state (or a
    wrong access code) as a validation error of that field, as before."""
    context.pop(REFUSAL, None)
    try:
        tk.check_access(name, context, data_dict)
    except tk.NotAuthorized:
        refusal = context.pop(REFUSAL, None)
        if refusal is not None:
            _raise(refusal)
        raise


def _raise(refusal: W.Refusal) -> None:
    if refusal.hidden:
        raise tk.ObjectNotFound(refusal.message)
    if refusal.field:
        raise tk.ValidationError({refusal.field: [refusal.message]})
    raise tk.NotAuthorized(refusal.message)


def _take_step(step: W.Step, context, data_dict) -> dict:
    base_schema = schema.step_base()
    base = _validate({k: v for k, v in data_dict.items()
                      if k in base_schema}, base_schema, context)
    step_schema = step.schema()
    fields, errors = tk.navl_validate(
        {k: v for k, v in data_dict.items() if k in step_schema},
        step_schema, context)
    if errors:
        raise tk.ValidationError(errors)
    actor = _actor(context)
    move = None
    committed = False
    try:
        try:
            req = W.lock(base["id"])
        except W.Conflict:
            raise _conflict()
        if req is None:
            raise tk.ObjectNotFound(_("Request not found"))
        refusal = W.caller_refusal(context, step, req,
                                   base.get("access_code"))
        if refusal is not None:
            _raise(refusal)
        if base.get("revision") and base["revision"] != req.revision:
            raise _conflict()
        move = W.Move(req, actor, fields, base.get("note"))
        outcome = W.take(step, move)
        committed = W.commit(context, outcome.event)
    except Exception:
        model.Session.rollback()
        if move is not None:
            deliver.discard(move.uploads)
        raise
    if committed:
        W.announce(outcome.event.id)
    code_ok = context.get("__ppidrequest_codes", {}).get(
        (req.id, base.get("access_code"))) is True
    return D.as_dict(req, actor.roles_on(req, code_ok=code_ok),
                     steps.deliveries_of(req))


def _conflict() -> tk.ValidationError:
    return tk.ValidationError({"revision": [_(
        "Someone else changed this request at the same time. Reload it "
        "and try again.")]})


def _step_action(step: W.Step):
    name = f"ppidrequest_{step.name}"

    def action(context, data_dict):
        _check_step_access(name, context, data_dict)
        return _take_step(step, context, data_dict)

    action.__name__ = action.__qualname__ = name
    action.__doc__ = (step.__doc__ or "").rstrip() + "\n" + _STEP_PARAMS
    return action


STEP_ACTIONS = {f"ppidrequest_{name}": _step_action(step)
                for name, step in W.STEPS.items()}


def ppidrequest_transition(context, data_dict):
    """Move a request along the workflow: the step ``action`` (review,
    request_completion, complete, forward, submit_data, extend, fulfil,
    reject, not_held, withdraw or lapse) with that step's fields. The same
    as calling ``ppidrequest_<action>``; see each for its fields.

    :param id: the request's id or registration number
    :param action: the step to take
    :param note: a note (required for request_completion: what is missing)
    :param revision: the revision the caller saw (optional): a request
        changed since then is a conflict
    :param access_code: for an applicant without an account (complete,
        withdraw)
    :returns: the request
    :rtype: dict
    """
    _check_step_access("ppidrequest_transition", context, data_dict)
    transition_schema = schema.transition()
    data = _validate({k: v for k, v in data_dict.items()
                      if k in transition_schema}, transition_schema, context)
    return _take_step(W.STEPS[data["action"]], context, data_dict)


# -- the service's figures ---------------------------------------------------

@tk.side_effect_free
def ppidrequest_service_summary(context, data_dict):
    """The service's figures for the requests received in a year: counts
    only, nothing about any applicant (the home page shows this year's).

    :param year: the year (default: this year)
    :rtype: dict ``{year, received, answered, answered_on_time,
        on_time_percent, open, overdue}``; ``answered`` counts fulfilled,
        rejected and not-held requests, ``answered_on_time`` those closed
        on or before their due date (extension included);
        ``on_time_percent`` is ``None`` when none was answered
    """
    tk.check_access("ppidrequest_service_summary", context, data_dict)
    data = _validate(data_dict, schema.service_summary(), context)
    return summary.for_year(data.get("year") or clock.today().year)


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
    if not context.get("defer_commit"):
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
    if not context.get("defer_commit"):
        model.repo.commit()
    return {"date": day.isoformat(), "requests_recounted": changed}


# -- monitoring and reports ----------------------------------------------------

def _with_orgs(rows: list[dict], key: str = "org") -> list[dict]:
    """Rows with ``organization`` (name) and ``organization_title`` for
    their organization id under ``key``."""
    orgs = dashboard.organizations(r.get(key) for r in rows)
    for row in rows:
        org = orgs.get(row.get(key)) or {}
        row["organization"] = org.get("name")
        row["organization_title"] = org.get("title")
    return rows


@tk.side_effect_free
def ppidrequest_monitoring_show(context, data_dict):
    """The Walidata's dashboard: demand and availability in a period, for
    every agency or one (the Walidata, the PPID and sysadmins).

    :param period: a year (``2026``), quarter (``2026-Q3``) or month
        (``2026-11``); default this year
    :param organization: an agency's id or name (optional)
    :rtype: dict ``{period, organization, totals, agencies, step_targets,
        datasets, months, unmet, late_datasets, downloads}``: requests
        per agency (received, answered, on time, median working days to
        answer, open, overdue now, past a step's target per state, late
        datasets), per dataset and per month; ``unmet``: requests naming
        no dataset or answered "not held", their texts grouped by their
        most shared word; ``late_datasets``: datasets older than their
        update frequency allows; ``downloads``: downloads of open data
        per dataset and per answer of the download form
    """
    tk.check_access("ppidrequest_monitoring_show", context, data_dict)
    data = _validate(data_dict, schema.monitoring_show(), context)
    span = period.parse(data.get("period") or period.default())
    org = data.get("organization")
    out = dashboard.figures(span, org)
    _with_orgs(out["agencies"])
    _with_orgs(out["datasets"])
    _with_orgs(out["late_datasets"])
    _with_orgs(out["downloads"]["datasets"])
    for group in out["unmet"]["groups"]:
        _with_orgs(group["items"])
    out["period"] = span.as_dict()
    out["organization"] = dashboard.organizations([org]).get(org) \
        if org else None
    return out


@tk.side_effect_free
def ppidrequest_dip_list(context, data_dict):
    """The Daftar Informasi Publik (``kind=dip``: the terbuka datasets) or
    the Daftar Informasi yang Dikecualikan (``kind=dik``: terbatas and
    rahasia, with the Pasal 17 ground, the consequence test and the
    exemption period), from the public catalogue: public metadata only,
    never a resource URL.

    :param kind: ``dip`` or ``dik``
    :param q: words of the title or description (optional)
    :param organization: an agency's id or name (optional)
    :param dataset: one dataset's id or name (optional)
    :rtype: dict ``{kind, count, results}``
    """
    tk.check_access("ppidrequest_dip_list", context, data_dict)
    data = _validate(data_dict, schema.dip_list(), context)
    rows = dip.entries(data["kind"], q=data.get("q"),
                       organization=data.get("organization"),
                       dataset=data.get("dataset"))
    return {"kind": data["kind"], "count": len(rows), "results": rows}


@tk.side_effect_free
def ppidrequest_register_list(context, data_dict):
    """The PPID's register of requests: every request of a period with its
    dates, steps, outcome and working days to answer (PPID only; never
    the NIK or contact details).

    :param period: year, quarter or month (default this year)
    :param organization: an agency (owner or forwarded to)
    :param state: states, a list or comma-separated
    :param limit: rows per page (default 50, at most 1000)
    :param offset: rows to skip
    :param all: every row (the export), ignoring limit and offset
    :rtype: dict ``{period, count, results}``
    """
    tk.check_access("ppidrequest_register_list", context, data_dict)
    data = _validate(data_dict, schema.register_list(), context)
    span = period.parse(data.get("period") or period.default())
    found = register.page(span, data, None if data.get("all")
                          else data.get("limit") or 50)
    return {"period": span.as_dict(), "count": found["count"],
            "results": found["rows"]}


@tk.side_effect_free
def ppidrequest_annual_report_show(context, data_dict):
    """The annual report on information services for a year: requests
    received, answered, granted in whole and in part, rejected (per
    Pasal 17 ground), not held, withdrawn, lapsed, still open, extended,
    on time; working days to answer (median, mean, distribution); by
    channel and by agency. Public: counts only. ``objections`` is None
    while the portal does not record objections.

    :param year: the year (default this year)
    :rtype: dict
    """
    tk.check_access("ppidrequest_annual_report_show", context, data_dict)
    data = _validate(data_dict, schema.annual_report_show(), context)
    return annual.report(data.get("year") or clock.today().year)


def get_actions() -> dict[str, Any]:
    """Every action the plugin registers: its own, one per workflow step,
    and the core (and DCAT) actions it chains."""
    actions = {name: globals()[name] for name in __all__}
    actions.update(STEP_ACTIONS)
    # bad text and nesting refused before any auth function reads the ids
    actions = {name: edge.guarded(fn) for name, fn in actions.items()}
    actions.update(chained.get_actions())
    if p.plugin_loaded("dcat"):
        # keep the access profile in every DCAT serialization, whatever
        # ?profiles= a caller asks for
        from ..classification import dcat
        actions.update(dcat.get_actions())
    return actions
