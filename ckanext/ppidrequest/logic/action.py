"""Actions of the ppidrequest plugin."""
from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..classification import classes as C
from ..model import ClassificationEvent
from . import schema

_ = tk._


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
    return [event.as_dict() for event in events]


def get_actions():
    return {
        "ppidrequest_classification_decide": ppidrequest_classification_decide,
        "ppidrequest_classification_propose":
            ppidrequest_classification_propose,
        "ppidrequest_classification_history":
            ppidrequest_classification_history,
    }
