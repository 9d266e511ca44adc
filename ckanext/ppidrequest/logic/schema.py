from __future__ import annotations

from ckan.logic.schema import validator_args


def _basis(ignore_missing, unicode_safe) -> dict:
    """The dataset's basis fields, as the dataset schema's validator takes
    them (it checks them together)."""
    return {field: [ignore_missing, unicode_safe] for field in (
        "classification_ground", "classification_consequence",
        "classification_exempt_until", "classification_exempt_reason",
        "note")}


@validator_args
def classification_decide(not_empty, unicode_safe, ignore_missing,
                          boolean_validator):
    return {
        "id": [not_empty, unicode_safe],
        # approve the pending proposal as it stands...
        "approve_proposal": [ignore_missing, boolean_validator],
        # ...or decide these values (the dataset fields of the same name)
        "classification": [ignore_missing, unicode_safe],
        "classification_decision_ref": [ignore_missing, unicode_safe],
        **_basis(ignore_missing, unicode_safe),
    }


@validator_args
def classification_propose(not_empty, unicode_safe, ignore_missing):
    return {
        "id": [not_empty, unicode_safe],
        "classification": [not_empty, unicode_safe],
        **_basis(ignore_missing, unicode_safe),
    }


@validator_args
def classification_history(not_empty, unicode_safe):
    return {"id": [not_empty, unicode_safe]}
