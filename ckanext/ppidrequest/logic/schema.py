"""navl schemas of the actions (each step's own fields are declared with
the step, in :mod:`..requests.steps`)."""
from __future__ import annotations

from ckan.logic.schema import validator_args

from ..requests import form, listing, workflow as W


# -- classification ----------------------------------------------------------

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


# -- requests ----------------------------------------------------------------

#: the service standard's request form
request_create = form.request_form


@validator_args
def request_ref(not_empty, unicode_safe):
    return {"id": [not_empty, unicode_safe]}


@validator_args
def request_list(ignore_empty, unicode_safe, boolean_validator,
                 ppidrequest_count, ppidrequest_choice,
                 ppidrequest_state_list, ppidrequest_organization,
                 ppidrequest_dataset, ppidrequest_short_text):
    return {
        "state": [ignore_empty, ppidrequest_state_list],
        "organization": [ignore_empty, unicode_safe,
                         ppidrequest_organization],
        "channel": [ignore_empty, unicode_safe,
                    ppidrequest_choice(list(form.CHANNELS))],
        "dataset": [ignore_empty, unicode_safe, ppidrequest_dataset],
        "mine": [ignore_empty, boolean_validator],
        "overdue": [ignore_empty, boolean_validator],
        "due_within": [ignore_empty, ppidrequest_count],
        "q": [ignore_empty, ppidrequest_short_text, unicode_safe],
        "sort": [ignore_empty, unicode_safe,
                 ppidrequest_choice(list(listing.SORTS))],
        "limit": [ignore_empty, ppidrequest_count],
        "offset": [ignore_empty, ppidrequest_count],
    }


@validator_args
def request_track(not_empty, unicode_safe, strip_value):
    return {
        "registration_number": [not_empty, unicode_safe, strip_value],
        "access_code": [not_empty, unicode_safe, strip_value],
    }


@validator_args
def step_base(not_empty, ignore_empty, unicode_safe,
              ppidrequest_count, ppidrequest_long_text):
    """The fields every step takes (each step adds its own, see
    :mod:`..requests.steps`)."""
    return {
        "id": [not_empty, unicode_safe],
        "note": [ignore_empty, ppidrequest_long_text, unicode_safe],
        "revision": [ignore_empty, ppidrequest_count],
        "access_code": [ignore_empty, unicode_safe],
    }


@validator_args
def transition(not_empty, unicode_safe, ppidrequest_choice):
    """``ppidrequest_transition``: the step to take, by name."""
    return dict(step_base(), action=[
        not_empty, unicode_safe, ppidrequest_choice(list(W.STEPS))])


@validator_args
def holiday_create(not_empty, unicode_safe, strip_value, isodate,
                   ppidrequest_short_text):
    return {
        "date": [not_empty, isodate],
        "name": [not_empty, ppidrequest_short_text, unicode_safe],
    }


@validator_args
def holiday_delete(not_empty, isodate):
    return {"date": [not_empty, isodate]}


@validator_args
def holiday_list(ignore_empty, int_validator):
    return {"year": [ignore_empty, int_validator]}


@validator_args
def service_summary(ignore_empty, int_validator, ppidrequest_year):
    return {"year": [ignore_empty, ppidrequest_year, int_validator]}


# -- monitoring and reports ----------------------------------------------------

@validator_args
def monitoring_show(ignore_empty, unicode_safe, ppidrequest_period,
                    ppidrequest_organization):
    return {
        "period": [ignore_empty, unicode_safe, ppidrequest_period],
        "organization": [ignore_empty, unicode_safe,
                         ppidrequest_organization],
    }


@validator_args
def dip_list(not_empty, ignore_empty, unicode_safe, ppidrequest_choice,
             ppidrequest_organization, ppidrequest_dataset,
             ppidrequest_short_text):
    from ..monitoring import dip

    return {
        "kind": [not_empty, unicode_safe, ppidrequest_choice(list(dip.KINDS))],
        "q": [ignore_empty, ppidrequest_short_text, unicode_safe],
        "organization": [ignore_empty, unicode_safe,
                         ppidrequest_organization],
        "dataset": [ignore_empty, unicode_safe, ppidrequest_dataset],
    }


@validator_args
def register_list(ignore_empty, unicode_safe, natural_number_validator,
                  ppidrequest_period, ppidrequest_organization,
                  ppidrequest_state_list, boolean_validator):
    return {
        "period": [ignore_empty, unicode_safe, ppidrequest_period],
        "organization": [ignore_empty, unicode_safe,
                         ppidrequest_organization],
        "state": [ignore_empty, ppidrequest_state_list],
        "limit": [ignore_empty, natural_number_validator],
        "offset": [ignore_empty, natural_number_validator],
        "all": [ignore_empty, boolean_validator],
    }


@validator_args
def annual_report_show(ignore_empty, ppidrequest_report_year):
    return {"year": [ignore_empty, ppidrequest_report_year]}


@validator_args
def letter_verify(not_empty, ignore_empty, unicode_safe, ppidrequest_sha256):
    return {"token": [not_empty, unicode_safe],
            "sha256": [ignore_empty, unicode_safe, ppidrequest_sha256]}
