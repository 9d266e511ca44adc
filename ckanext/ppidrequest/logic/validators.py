"""Validators of the dataset schema (registered by name for scheming)."""
from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import Missing

from .. import roles
from ..classification import classes as C

_ = tk._

# navl validates with a copy of the action's context, so the change a
# validation makes is handed to the after_dataset_* hooks through this
# thread-local stash, keyed by the dataset's id (update) or name (create).
_pending = threading.local()


def _stash(data: dict, change: dict[str, Any] | None) -> None:
    key = _value(data, "id") or _value(data, "name")
    store = getattr(_pending, "changes", None)
    if store is None:
        store = _pending.changes = {}
    if change is None:
        store.pop(key, None)
    else:
        store[key] = change


def take_change(pkg_dict: dict[str, Any]) -> dict[str, Any] | None:
    """The classification change validated for this dataset, if any."""
    store = getattr(_pending, "changes", None) or {}
    change = None
    for key in (pkg_dict.get("id"), pkg_dict.get("name")):
        if key in store:
            change = store.pop(key)
    return change


def _value(data: dict, name: str) -> Any:
    value = data.get((name,))
    if value is None or isinstance(value, Missing):
        return ""
    if isinstance(value, str):
        return value.strip()
    return value


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(value)


def _existing(data: dict) -> model.Package | None:
    ref = _value(data, "id") or _value(data, "name")
    return model.Package.get(ref) if ref else None


def _basis_errors(cls: str, basis: dict[str, Any],
                  stored_until: Any = None) -> dict[str, str]:
    """What is missing from the legal basis of a non-open classification:
    the Pasal 17 ground, the consequence test and the exemption period.
    An end date already stored is not re-checked against today: a
    dataset whose exemption has ended can still be edited."""
    errors: dict[str, str] = {}
    if cls == C.TERBUKA:
        return errors
    if basis["classification_ground"] not in C.GROUNDS:
        errors["classification_ground"] = _(
            "Choose the exemption ground of Article 17 (letters a to j) "
            "for data that is not open")
    if len(basis["classification_consequence"]) < 20:
        errors["classification_consequence"] = _(
            "Describe the consequence test: what harm opening this data "
            "would cause (at least 20 characters)")
    try:
        until = parse_date(basis["classification_exempt_until"])
    except ValueError:
        until = None
        errors["classification_exempt_until"] = _(
            "Use a date in the form YYYY-MM-DD")
    reason = basis["classification_exempt_reason"]
    if until is None and not reason and \
            "classification_exempt_until" not in errors:
        errors["classification_exempt_until"] = _(
            "Give the end of the exemption period, or state why the "
            "exemption is indefinite")
    if until is not None and until <= dt.date.today() and \
            str(basis["classification_exempt_until"])[:10] != \
            str(stored_until or "")[:10]:
        errors["classification_exempt_until"] = _(
            "The end of the exemption period must be in the future")
    if until is not None and reason:
        errors["classification_exempt_reason"] = _(
            "Give either an end date or a reason for an indefinite "
            "exemption, not both")
    return errors


def ppidrequest_classification(key, data, errors, context):
    """Validate a classification with its basis, and let only the PPID
    make it effective.

    Submitted by the PPID (or a sysadmin): the classification and its basis
    become the dataset's decided classification and any pending proposal is
    settled. Submitted by anyone else (the producing agency, the Walidata):
    the decided classification stays as it was and the submission is kept
    as a proposal for the PPID. The change is handed to the plugin's
    after_dataset_create/update (see :func:`take_change`), which writes the
    history.
    """
    cls = _value(data, "classification")
    if cls not in C.CLASSES:
        errors[key].append(_("Choose terbuka, terbatas or rahasia"))
        return
    basis = {f: _value(data, f) for f in C.BASIS_FIELDS}
    if cls == C.TERBUKA:
        basis = {f: "" for f in C.BASIS_FIELDS}
    existing = _existing(data)
    old_extras = dict(existing.extras) if existing else {}
    for field, message in _basis_errors(
            cls, basis, old_extras.get("classification_exempt_until")).items():
        errors.setdefault((field,), []).append(message)
    if any(errors.get((f,)) for f in C.BASIS_FIELDS):
        return

    old_cls = old_extras.get("classification") or None
    old_basis = {f: old_extras.get(f, "") or "" for f in C.BASIS_FIELDS}
    old_proposal = old_extras.get(C.PROPOSAL_FIELD) or ""
    user = context.get("user")
    deciding = roles.is_ppid(user)

    if deciding:
        if not basis["classification_decision_ref"] and cls != C.TERBUKA:
            errors.setdefault(("classification_decision_ref",), []).append(_(
                "Give the reference of the PPID decision (number of the "
                "decree or minutes)"))
            return
        changed = cls != old_cls or basis != old_basis
        for field, value in basis.items():
            data[(field,)] = value
        settling = context.get("ppidrequest_decision")
        if not changed and not settling:
            # the PPID edits something else (a resource, the title): a
            # pending proposal stays pending
            data[(C.PROPOSAL_FIELD,)] = old_proposal
            _stash(data, None)
            return
        data[(C.PROPOSAL_FIELD,)] = ""
        _stash(data, {
            "kind": "decision" if changed else "proposal_rejected",
            "from": old_cls, "to": cls, "basis": basis}
            if changed or old_proposal else None)
        return

    # not the PPID: keep what was decided, record a proposal
    proposal = {"classification": cls, **basis}
    unchanged = existing is not None and cls == old_cls and basis == old_basis
    data[key] = old_cls or ""
    for field in C.BASIS_FIELDS:
        data[(field,)] = old_basis[field]
    if unchanged:
        data[(C.PROPOSAL_FIELD,)] = old_proposal
        _stash(data, None)
        return
    previous = C.proposal_of({C.PROPOSAL_FIELD: old_proposal}) or {}
    if {k: previous.get(k) for k in proposal} == proposal:
        data[(C.PROPOSAL_FIELD,)] = old_proposal  # the same proposal again
        _stash(data, None)
        return
    obj = model.User.get(user) if user else None
    proposal.update({
        "proposed_by": obj.name if obj else None,
        "proposed_at": dt.datetime.now(dt.timezone.utc).isoformat(),
    })
    data[(C.PROPOSAL_FIELD,)] = json.dumps(proposal)
    _stash(data, {"kind": "proposal", "from": old_cls, "to": cls,
                  "basis": basis})


def ppidrequest_year(value: Any, context) -> Any:
    if value in (None, "") or isinstance(value, Missing):
        return value
    try:
        year = int(str(value).strip())
    except ValueError:
        raise tk.Invalid(_("Use a four-digit year, e.g. 2024"))
    if not 1900 <= year <= dt.date.today().year + 50:
        raise tk.Invalid(_("Use a four-digit year, e.g. 2024"))
    return str(year)


def ppidrequest_temporal_coverage(key, data, errors, context):
    start = _value(data, "temporal_start")
    end = _value(data, "temporal_end")
    if start and end and str(start).isdigit() and str(end).isdigit() \
            and int(start) > int(end):
        errors[key].append(_("The end year must not be before the start "
                             "year"))


def get_validators() -> dict[str, Any]:
    return {
        "ppidrequest_classification": ppidrequest_classification,
        "ppidrequest_year": ppidrequest_year,
        "ppidrequest_temporal_coverage": ppidrequest_temporal_coverage,
    }
