from __future__ import annotations

from ckan.logic.schema import validator_args


@validator_args
def classification_decide(not_empty, unicode_safe, ignore_missing,
                          boolean_validator):
    return {
        "id": [not_empty, unicode_safe],
        # approve the pending proposal as it stands...
        "approve_proposal": [ignore_missing, boolean_validator],
        # ...or decide these values (the dataset fields of the same name)
        "classification": [ignore_missing, unicode_safe],
        "classification_ground": [ignore_missing, unicode_safe],
        "classification_consequence": [ignore_missing, unicode_safe],
        "classification_exempt_until": [ignore_missing, unicode_safe],
        "classification_exempt_reason": [ignore_missing, unicode_safe],
        "classification_decision_ref": [ignore_missing, unicode_safe],
        "note": [ignore_missing, unicode_safe],
    }


@validator_args
def classification_propose(not_empty, unicode_safe, ignore_missing):
    return {
        "id": [not_empty, unicode_safe],
        "classification": [not_empty, unicode_safe],
        "classification_ground": [ignore_missing, unicode_safe],
        "classification_consequence": [ignore_missing, unicode_safe],
        "classification_exempt_until": [ignore_missing, unicode_safe],
        "classification_exempt_reason": [ignore_missing, unicode_safe],
        "note": [ignore_missing, unicode_safe],
    }


@validator_args
def classification_history(not_empty, unicode_safe):
    return {"id": [not_empty, unicode_safe]}
