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
from ..letters import kinds as letter
from ..model import Delivery
from ..pdp import check as pdp, masking
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
    letters = (letter.EXTENSION,)

    @staticmethod
    @validator_args
    def schema(ignore_empty, int_validator, unicode_safe,
               ppidrequest_long_text):
        return {"reason": [ignore_empty, ppidrequest_long_text,
                           unicode_safe],
                "days": [ignore_empty, int_validator]}

    def unavailable(self, req, known=None) -> str | None:
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


def _has_files(req, known=None) -> bool:
    """Whether the agency handed over a file (``known``: a page's
    ``handed_over``, read for all its rows)."""
    found = known.handed_over if known is not None \
        else deliver.handed_over([req.id])
    return req.id in found


def _unscanned(req, known=None) -> str | None:
    """Why the file steps cannot be taken: no file was scanned yet."""
    found = known.scanned if known is not None else pdp.scanned([req.id])
    if req.id not in found:
        return _("Scan the files for personal data first")
    return None


class _PdpStep(Step):
    """What the steps of the personal-data check share: the PPID's,
    internal, on the files the agency handed over (only into
    data_submitted), once one was scanned."""
    sources = (DATA_SUBMITTED,)
    target = None
    roles = frozenset({PPID})
    applicant_visible = False
    public_note = False

    def unavailable(self, req, known=None) -> str | None:
        return _unscanned(req, known)


def _delivery_ref(move: Move) -> Delivery | None:
    """The handed-over delivery ``delivery_id`` names, with its scan."""
    found = next((d for d in deliveries_of(move.req)
                  if d.id == move.fields.get("delivery_id")
                  and d.stage == "submitted"), None)
    if found is None:
        move.error("delivery_id", _("Choose a file the agency handed over"))
        return None
    if found.id not in pdp.checks_of(move.req.id):
        move.error("delivery_id", _("Scan the file for personal data "
                                    "first"))
        return None
    return found


@register
class PdpScan(_PdpStep):
    """Scan the files the agency handed over for personal data (PPID):
    NIK, family-card numbers, phone numbers, emails and columns whose
    names say personal data. The report per file and column is kept; a
    new scan replaces the previous one and what was decided on it.
    """
    name = "pdp_scan"

    def unavailable(self, req, known=None) -> str | None:
        if not _has_files(req, known):
            return _("No file was handed over to check")
        return None

    def check(self, move: Move) -> None:
        move.fields["files"] = [d for d in deliveries_of(move.req)
                                if d.stage == "submitted"]

    def apply(self, move: Move) -> None:
        move.data["files"] = {
            d.filename: pdp.record_scan(d, move.actor.id).result
            for d in move.fields["files"]}


@register
class PdpMask(_PdpStep):
    """Make the masked copy of a scanned file (PPID): per column keep,
    drop, token (the same value, the same token, within this file;
    nothing reversible) or generalise (``year`` for a birth date,
    ``kecamatan`` for an address). A column holding a NIK or KK is dropped
    or tokenised; a column with personal data is not kept. Only the copy is
    ever released; the original stays for the record.

    :param delivery_id: the handed-over file
    :param masking: ``{column: action}`` (or ``action:column`` strings)
    """
    name = "pdp_mask"

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_pdp_masking):
        return {"delivery_id": [ignore_empty, unicode_safe],
                "masking": [ignore_empty, ppidrequest_pdp_masking]}

    def check(self, move: Move) -> None:
        move.need("masking", _("Choose what to do with the columns"))
        delivery = _delivery_ref(move)
        if delivery is None or move.errors:
            return
        check = pdp.checks_of(move.req.id)[delivery.id]
        if not (check.report or {}).get("scanned"):
            move.error("delivery_id", _(
                "This file's format cannot be scanned or masked here: "
                "justify giving it, or have the agency hand over a CSV or "
                "XLSX file"))
            return
        why = masking.refusals(check.report, move.fields["masking"])
        for column, reason in sorted(why.items()):
            move.error("masking", {
                "unknown": _("The file has no column '{column}'"),
                "kept": _("Column '{column}' holds personal data: drop it, "
                          "replace it by a token or generalise it"),
                "identity": _("Column '{column}' holds a NIK or KK number: "
                              "drop it or replace it by a token (a partly "
                              "masked NIK still reveals region, birth date "
                              "and sex)"),
            }[reason].format(column=column))
        move.fields["delivery"], move.fields["check"] = delivery, check

    def apply(self, move: Move) -> None:
        delivery, check = move.fields["delivery"], move.fields["check"]
        copy = pdp.mask(delivery, check, move.fields["masking"],
                        move.actor.id)
        move.uploads.append(copy)
        move.data.update(file=delivery.filename, masked_file=copy.filename,
                         masking=move.fields["masking"])


@register
class PdpJustify(_PdpStep):
    """Give a scanned file as it is, with the PPID's written justification
    (the legal basis for giving the personal data, or why what the scan
    found is not personal data).

    :param delivery_id: the handed-over file
    :param justification: the reasons (required)
    """
    name = "pdp_justify"

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_long_text):
        return {"delivery_id": [ignore_empty, unicode_safe],
                "justification": [ignore_empty, ppidrequest_long_text,
                                  unicode_safe]}

    def check(self, move: Move) -> None:
        move.need("justification", _(
            "Write why the file may be given with what the scan found"))
        move.fields["delivery"] = _delivery_ref(move)

    def apply(self, move: Move) -> None:
        delivery = move.fields["delivery"]
        pdp.justify(pdp.checks_of(move.req.id)[delivery.id],
                    move.fields["justification"], move.actor.id)
        move.data["file"] = delivery.filename


@register
class Fulfil(Step):
    """Give the information, whole or in part, after the personal-data
    check (PPID).

    :param pdp_check: clean, masked or justified; required when no file
        is given (the information is shown, not copied): with files, each
        file's own check (``pdp_scan``, ``pdp_mask``, ``pdp_justify``)
        decides, and every handed-over file must have one. A file the PPID
        gives at this step is scanned now; personal data in it needs
        ``justified`` with the reasons in ``pdp_note``
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
    letters = (letter.NOTICE, letter.DELIVERY)

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
        fields["partial"] = bool(fields.get("partial"))
        if fields["partial"]:
            move.need("withheld_note", _(
                "Say what was withheld and on which ground"))
        collect(move, "released")
        given = list(move.deliveries)
        if fields.get("release_submitted", True):
            move.deliveries.extend(_released_after_check(move))
        _check_given(move, given)
        if not fields.get("pdp_check"):
            # the files' own checks say it, when there are files
            fields["pdp_check"] = _overall(pdp.checks_of(req.id))
        move.need("pdp_check", _(
            "Record the personal-data check: clean, masked or justified"))
        if fields.get("pdp_check") in ("masked", "justified") and \
                not pdp.checks_of(req.id):
            move.need("pdp_note", _(
                "Say what was masked, or why the personal data may be "
                "given"))
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
        for delivery, report in move.data.pop("_given_checks", []):
            # the files given at this step: their scan is recorded too
            model.Session.add(delivery)
            model.Session.flush()
            check = pdp.PdpCheck(delivery_id=delivery.id,
                                 request_id=req.id, report=report,
                                 result=pdp.result_of(report),
                                 modified_by=move.actor.id)
            if check.result != pdp.CLEAN:
                pdp.justify(check, fields.get("pdp_note"), move.actor.id)
            model.Session.add(check)
        req.pdp_check = _overall(pdp.checks_of(req.id)) or \
            fields["pdp_check"]
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
    :param exempt_until: the end of the exemption period (YYYY-MM-DD)
    :param exempt_reason: why the exemption has no end date
    :param outcome_note: a note to the applicant
    """
    name = "reject"
    sources = (IN_REVIEW, FORWARDED, DATA_SUBMITTED)
    target = REJECTED
    roles = frozenset({PPID})
    letters = (letter.REJECTION,)

    @staticmethod
    @validator_args
    def schema(ignore_empty, unicode_safe, ppidrequest_choice,
               ppidrequest_long_text, isodate):
        long_ = [ignore_empty, ppidrequest_long_text, unicode_safe]
        return {"ground": [ignore_empty, unicode_safe,
                           ppidrequest_choice(list(C.GROUNDS))],
                "consequence": long_,
                "exempt_until": [ignore_empty, isodate],
                "exempt_reason": long_,
                "outcome_note": long_}

    def check(self, move: Move) -> None:
        basis = suggested_rejection(move.req) or {}
        for name in ("ground", "consequence", "exempt_until",
                     "exempt_reason"):
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
        # the exemption period, for the decision letter
        until = move.fields.get("exempt_until")
        if until:
            move.data["exempt_until"] = until.date().isoformat() \
                if hasattr(until, "date") else str(until)[:10]
        if move.fields.get("exempt_reason"):
            move.data["exempt_reason"] = move.fields["exempt_reason"]


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
    letters = (letter.NOTICE,)

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

    def unavailable(self, req, known=None) -> str | None:
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
            "consequence": extras.get("classification_consequence"),
            "exempt_until": extras.get("classification_exempt_until"),
            "exempt_reason": extras.get("classification_exempt_reason")}


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


def _overall(checks: dict) -> str | None:
    """The request's personal-data outcome from its files' checks."""
    results = {c.result for c in checks.values()}
    for result in (pdp.MASKED, pdp.JUSTIFIED):
        if result in results:
            return result
    return pdp.CLEAN if results else None


def _released_after_check(move: Move) -> list[Delivery]:
    """The applicant's copies of what the agency handed over: each file as
    its recorded personal-data check allows, the masked copy instead of a
    masked original. A file without a check, or whose check is not
    settled, stops the step."""
    req, actor = move.req, move.actor
    checks = pdp.checks_of(req.id)
    masked = {d.id: d for d in deliveries_of(req) if d.stage == "masked"}
    out = []
    for delivery in deliveries_of(req):
        if delivery.stage != "submitted":
            continue
        check = checks.get(delivery.id)
        if check is None:
            move.error("pdp_check", _(
                "{file}: scan it for personal data before fulfilling")
                .format(file=delivery.filename))
        elif check.result == pdp.FLAGGED:
            move.error("pdp_check", _(
                "{file}: personal data found ({columns}). Mask the file or "
                "justify giving it before fulfilling.").format(
                file=delivery.filename,
                columns=", ".join(check.report.get("personal") or [])))
        elif check.result == pdp.UNSCANNABLE:
            move.error("pdp_check", _(
                "{file}: this format cannot be scanned for personal data. "
                "Justify giving it, or have the agency hand over a CSV or "
                "XLSX file.").format(file=delivery.filename))
        elif check.result == pdp.MASKED:
            out.append(deliver.release(masked[check.masked_id], actor.id))
        else:
            out.append(deliver.release(delivery, actor.id))
    return out


def _check_given(move: Move, given: list[Delivery]) -> None:
    """Files the PPID gives at the step itself are scanned too; personal
    data in them needs ``pdp_check=justified`` with the reasons in
    ``pdp_note``."""
    checked = []
    if move.errors:
        # a refused file is not kept: nothing to scan
        move.data["_given_checks"] = checked
        return
    for delivery in given:
        if delivery.storage_path or delivery.resource_id:
            report = pdp.scan_delivery(delivery)
        else:
            continue
        result = pdp.result_of(report)
        if result != pdp.CLEAN and not (
                move.fields.get("pdp_check") == pdp.JUSTIFIED
                and move.fields.get("pdp_note")):
            field = "upload" if delivery.storage_path else "resource_id"
            move.error(field, _(
                "{file}: personal data found ({columns}), or a format that "
                "cannot be scanned. Give a masked file, or record the check "
                "as justified with the reasons.").format(
                file=delivery.filename,
                columns=", ".join(report.get("personal") or []) or "-"))
        checked.append((delivery, report))
    move.data["_given_checks"] = checked
