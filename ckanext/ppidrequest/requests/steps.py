"""The steps of a request, one declaration each.

A step says where it may be taken from (``sources``), where it leads
(``target``; ``None`` keeps the state), who may take it (``roles``), its
fields (``schema``, a navl schema), what it checks against the request
(``check``), what it does to the request (``apply``), what the applicant
sees of it and the email template its notifications use
(``templates/ppidrequest/emails/<email>...``).

Each step becomes the action ``ppidrequest_<name>`` with its own auth
function (:mod:`..logic.action`, :mod:`..logic.auth`); the state itself is
changed only by :func:`.workflow.take`. To add a step: one class here, its
email template and its tests.
"""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.logic.schema import validator_args

from ..classification import classes as C
from ..model import Delivery
from . import clock, form
from . import delivery as deliver
from .workflow import (APPLICANT, AWAITING_COMPLETION, CLOCK_STATES,
                       DATA_SUBMITTED, FORWARDED, FULFILLED, IN_REVIEW,
                       LAPSED, NOT_HELD, OPEN_STATES, PDP_RESULTS, PEMBANTU,
                       PPID, REJECTED, SUBMITTED, SYSTEM, WITHDRAWN, Move,
                       Step, register)

_ = tk._


@register
class Review(Step):
    """Take a submitted request into review (PPID): the availability check
    of the service standard."""
    name = "review"
    sources = (SUBMITTED,)
    target = IN_REVIEW
    roles = frozenset({PPID})
    public_note = False


@register
class RequestCompletion(Step):
    """Ask the applicant to complete the request (PPID). The legal clock
    stops; the applicant has 3 working days.

    :param note: what is missing (required; sent to the applicant)
    """
    name = "request_completion"
    sources = (SUBMITTED, IN_REVIEW)
    target = AWAITING_COMPLETION
    roles = frozenset({PPID})

    def check(self, move: Move) -> None:
        if not move.note:
            move.error("note", _("Say what is missing from the request"))

    def apply(self, move: Move) -> None:
        req = move.req
        req.completion_start = move.today
        req.completion_due_date = move.cal.add(move.today,
                                               clock.COMPLETION_DAYS)
        req.due_date = None
        move.data["completion_due_date"] = \
            req.completion_due_date.isoformat()


@register
class Complete(Step):
    """Complete a request (the applicant, or the PPID for them): any field
    of the request form except the applicant type, the dataset and the
    organization. The clock starts again from the complete request."""
    name = "complete"
    sources = (AWAITING_COMPLETION,)
    target = IN_REVIEW
    roles = frozenset({APPLICANT, PPID})
    officers_told = PPID
    #: the step's target sub-deadline starts again even from in_review
    restarts_step = True

    @staticmethod
    def schema():
        ignore_missing = tk.get_validator("ignore_missing")
        fields = form.request_form()
        return {name: [ignore_missing] + fields[name]
                for name in form.COMPLETABLE}

    def check(self, move: Move) -> None:
        changes = {k: v for k, v in move.fields.items() if k in form.COMPLETABLE}
        merged = {name: getattr(move.req, name) for name in form.REQUEST_FIELDS}
        merged.update(changes)
        form.check_request_form(merged, move.errors)
        if merged.get("copy_format") is None:
            changes["copy_format"] = None
        move.fields = {"changes": changes}

    def apply(self, move: Move) -> None:
        req, changes = move.req, move.fields["changes"]
        for name, value in changes.items():
            setattr(req, name, value)
        move.data["changed"] = sorted(changes)
        req.clock_start = move.today
        req.completion_start = req.completion_due_date = None
        req.due_date = move.cal.add(
            move.today, clock.ANSWER_DAYS + req.extension_days)


@register
class Forward(Step):
    """Forward the request to the producing agency's PPID Pembantu (PPID),
    or redirect it to another agency.

    :param organization: the agency's organization (id or name)
    """
    name = "forward"
    sources = (IN_REVIEW, FORWARDED)
    target = FORWARDED
    roles = frozenset({PPID})
    officers_told = PEMBANTU
    public_note = False

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_organization):
        return {"organization": [ignore_empty, unicode_safe,
                                 ppidrequest_organization]}

    def check(self, move: Move) -> None:
        move.need("organization", _("Choose the organization to forward to"))
        if move.errors:
            return
        org = model.Group.get(move.fields["organization"])
        if org.name in tk.config.get(
                "ckanext.ppidrequest.ppid_organizations"):
            move.error("organization", _(
                "Forward to the producing agency, not to the PPID"))
        elif org.id == move.req.forwarded_org:
            move.error("organization", _(
                "The request is already with this organization"))
        move.fields["organization"] = org

    def apply(self, move: Move) -> None:
        req, org = move.req, move.fields["organization"]
        move.data["organization"] = org.name
        if req.forwarded_org:
            move.data["previous_organization"] = req.forwarded_org
        req.forwarded_org = org.id
        if not req.owner_org:
            req.owner_org = org.id


@validator_args
def _delivery_fields(ignore_empty, unicode_safe, ppidrequest_upload):
    return {"upload": [ignore_empty, ppidrequest_upload],
            "resource_id": [ignore_empty, unicode_safe]}


@register
class SubmitData(Step):
    """Hand the data to the PPID (the agency's PPID Pembantu): a file, a
    resource of the agency's datasets, or a reasoned proposal to refuse.

    :param upload: a file
    :param resource_id: a resource of the agency's own datasets
    :param refusal_proposal: the reasons to refuse instead
    :param refusal_ground: its Pasal 17 letter (a-j)
    """
    name = "submit_data"
    sources = (FORWARDED,)
    target = DATA_SUBMITTED
    roles = frozenset({PEMBANTU})
    officers_told = PPID
    applicant_visible = False
    public_note = False

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_choice,
               ppidrequest_long_text):
        return dict(_delivery_fields(), **{
            "refusal_proposal": [ignore_empty, ppidrequest_long_text,
                                 unicode_safe],
            "refusal_ground": [ignore_empty, unicode_safe,
                               ppidrequest_choice(list(C.GROUNDS))],
        })

    def check(self, move: Move) -> None:
        fields = move.fields
        if not (fields.get("upload") or fields.get("resource_id")
                or fields.get("refusal_proposal")):
            move.error("upload", _(
                "Give the data (a file or a resource of your "
                "organization) or a reasoned proposal to refuse"))
        if fields.get("refusal_ground") and not fields.get(
                "refusal_proposal"):
            move.error("refusal_proposal", _("Give the reasons"))
        collect(move, "submitted", own_org=move.req.forwarded_org)

    def apply(self, move: Move) -> None:
        req, fields = move.req, move.fields
        req.refusal_proposal = fields.get("refusal_proposal")
        req.refusal_ground = fields.get("refusal_ground")
        move.data["files"] = len(move.deliveries)
        if req.refusal_proposal:
            move.data["refusal_proposed"] = True


@register
class Extend(Step):
    """Extend the deadline once, by at most 7 working days, with reasons
    sent to the applicant (PPID).

    :param reason: the reasons (required)
    :param days: 1-7 (default 7)
    """
    name = "extend"
    sources = CLOCK_STATES
    target = None
    roles = frozenset({PPID})

    @staticmethod
    @validator_args
    def schema(ignore_empty, int_validator, unicode_safe,
               ppidrequest_long_text):
        return {"reason": [ignore_empty, ppidrequest_long_text,
                           unicode_safe],
                "days": [ignore_empty, int_validator]}

    def unavailable(self, req) -> str | None:
        if req.extended:
            return _("The deadline was already extended once; the law "
                     "allows one extension")
        return None

    def check(self, move: Move) -> None:
        move.need("reason", _("Give the reasons for the extension; they "
                              "are sent to the applicant"))
        days = move.fields.get("days")
        if days is None:
            move.fields["days"] = clock.MAX_EXTENSION_DAYS
        elif not 1 <= days <= clock.MAX_EXTENSION_DAYS:
            move.error("days", _("An extension is 1 to {n} working "
                                 "days").format(n=clock.MAX_EXTENSION_DAYS))

    def apply(self, move: Move) -> None:
        req = move.req
        req.extended = True
        req.extension_days = move.fields["days"]
        req.extension_reason = move.fields["reason"]
        req.due_date = move.cal.add(req.clock_start,
                                    clock.ANSWER_DAYS + req.extension_days)
        move.data.update(days=req.extension_days,
                         due_date=req.due_date.isoformat())
        move.note = move.note or req.extension_reason


@register
class Fulfil(Step):
    """Give the information, whole or in part, after the personal-data
    check (PPID).

    :param pdp_check: clean, masked or justified (required)
    :param pdp_note: what was masked, or why personal data may be given
        (required unless clean)
    :param partial: part of the information is withheld
    :param withheld_note: what was withheld and on which ground (partial)
    :param outcome_note: a note to the applicant
    :param upload: a file to deliver
    :param resource_id: a resource to deliver
    :param release_submitted: release what the agency handed over
        (default true)
    """
    name = "fulfil"
    sources = (IN_REVIEW, DATA_SUBMITTED)
    target = FULFILLED
    roles = frozenset({PPID})

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, boolean_validator,
               ppidrequest_choice, ppidrequest_long_text):
        long_ = [ignore_empty, ppidrequest_long_text, unicode_safe]
        return dict(_delivery_fields(), **{
            "pdp_check": [ignore_empty, unicode_safe,
                          ppidrequest_choice(list(PDP_RESULTS))],
            "pdp_note": long_,
            "partial": [ignore_empty, boolean_validator],
            "withheld_note": long_,
            "outcome_note": long_,
            "release_submitted": [ignore_empty, boolean_validator],
        })

    def check(self, move: Move) -> None:
        fields, req = move.fields, move.req
        move.need("pdp_check", _(
            "Record the personal-data check: clean, masked or justified"))
        if fields.get("pdp_check") in ("masked", "justified"):
            move.need("pdp_note", _(
                "Say what was masked, or why the personal data may be "
                "given"))
        fields["partial"] = bool(fields.get("partial"))
        if fields["partial"]:
            move.need("withheld_note", _(
                "Say what was withheld and on which ground"))
        collect(move, "released")
        if fields.get("release_submitted", True):
            move.deliveries.extend(
                deliver.release(d, move.actor.id)
                for d in deliveries_of(req) if d.stage == "submitted")
        if (req.obtain_method == "copy" and req.copy_format == "softcopy"
                and not move.deliveries and "upload" not in move.errors):
            move.error("upload", _(
                "A soft copy was requested: give the file or the resource "
                "to deliver"))
        expiry = deliver.release_expiry()
        for delivery in move.deliveries:
            delivery.expires_at = expiry

    def apply(self, move: Move) -> None:
        req, fields = move.req, move.fields
        req.partial = fields["partial"]
        req.withheld_note = fields.get("withheld_note")
        req.pdp_check = fields["pdp_check"]
        req.pdp_note = fields.get("pdp_note")
        req.outcome_note = fields.get("outcome_note")
        move.data.update(partial=req.partial, pdp_check=req.pdp_check,
                         files=len(move.deliveries))


@register
class Reject(Step):
    """Refuse the request on a Pasal 17 ground with its consequence test
    (PPID). For a dataset that is not open both default to its recorded
    basis.

    :param ground: Pasal 17 letter a-j
    :param consequence: the harm if the information were opened
    :param outcome_note: a note to the applicant
    """
    name = "reject"
    sources = (IN_REVIEW, FORWARDED, DATA_SUBMITTED)
    target = REJECTED
    roles = frozenset({PPID})

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_choice,
               ppidrequest_long_text):
        long_ = [ignore_empty, ppidrequest_long_text, unicode_safe]
        return {"ground": [ignore_empty, unicode_safe,
                           ppidrequest_choice(list(C.GROUNDS))],
                "consequence": long_,
                "outcome_note": long_}

    def check(self, move: Move) -> None:
        basis = suggested_rejection(move.req) or {}
        for name in ("ground", "consequence"):
            if not move.fields.get(name) and basis.get(name):
                move.fields[name] = basis[name]
        move.need("ground", _(
            "Give the exemption ground (Pasal 17, letter a-j)"))
        move.need("consequence", _(
            "Give the consequence test: the harm if the information were "
            "opened"))

    def apply(self, move: Move) -> None:
        req = move.req
        req.rejection_ground = move.fields["ground"]
        req.rejection_consequence = move.fields["consequence"]
        req.outcome_note = move.fields.get("outcome_note")
        move.data["ground"] = req.rejection_ground


@register
class NotHeld(Step):
    """Answer that the information is not held, saying who may hold it
    (PPID).

    :param held_by: who may hold it, or that it is not known
    """
    name = "not_held"
    sources = (IN_REVIEW, FORWARDED, DATA_SUBMITTED)
    target = NOT_HELD
    roles = frozenset({PPID})

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_short_text):
        return {"held_by": [ignore_empty, ppidrequest_short_text,
                            unicode_safe]}

    def check(self, move: Move) -> None:
        move.need("held_by", _(
            "Say who may hold the information (or that it is not known)"))

    def apply(self, move: Move) -> None:
        move.req.held_by = move.fields["held_by"]
        move.data["held_by"] = move.req.held_by


@register
class Withdraw(Step):
    """Withdraw the request (the applicant, with their account or the
    access code)."""
    name = "withdraw"
    sources = OPEN_STATES
    target = WITHDRAWN
    roles = frozenset({APPLICANT})
    officers_told = PPID


@register
class Lapse(Step):
    """Close a request that the applicant did not complete in time (the
    PPID, or the daily job)."""
    name = "lapse"
    sources = (AWAITING_COMPLETION,)
    target = LAPSED
    roles = frozenset({PPID, SYSTEM})

    def unavailable(self, req) -> str | None:
        if not req.completion_due_date or \
                req.completion_due_date >= clock.today():
            return _("The applicant still has time to complete the request")
        return None


# -- what steps share --------------------------------------------------------

def deliveries_of(req) -> list[Delivery]:
    return (model.Session.query(Delivery)
            .filter(Delivery.request_id == req.id)
            .order_by(Delivery.created).all())


def suggested_rejection(req) -> dict | None:
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


def collect(move: Move, stage: str, own_org: str | None = None) -> None:
    """Deliveries from ``upload`` and ``resource_id`` (new files go to
    ``move.uploads`` too, so that a failure removes them)."""
    fields, req, actor = move.fields, move.req, move.actor
    if fields.get("resource_id"):
        resource = model.Resource.get(fields["resource_id"])
        pkg = resource.package if resource is not None else None
        if resource is None or resource.state != "active" or pkg is None \
                or pkg.state != "active":
            move.error("resource_id", _("Resource not found"))
        elif own_org and pkg.owner_org != own_org:
            move.error("resource_id", _(
                "Give a resource of your own organization's datasets"))
        else:
            move.deliveries.append(deliver.from_resource(
                resource, stage, actor.id, req.id))
    if fields.get("upload") and not move.errors:
        try:
            delivery = deliver.from_upload(fields["upload"], stage, actor.id,
                                           req.id)
        except tk.ValidationError as error:
            move.errors.update(error.error_dict)
        else:
            move.uploads.append(delivery)
            move.deliveries.append(delivery)
