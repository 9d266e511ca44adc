"""The service standard's request form: its fields, their navl schema and
the rules across fields, for a new request and for a completed one."""
from __future__ import annotations

import requests

import ckan.plugins.toolkit as tk
from ckan.lib import captcha
from ckan.logic.schema import validator_args

_ = tk._

APPLICANT_TYPES = ("individual", "organization", "government")
OBTAIN_METHODS = ("view", "copy")
COPY_FORMATS = ("softcopy", "hardcopy")
DELIVERY_METHODS = ("in_person", "courier", "post", "fax", "email")
CHANNELS = ("web", "in_person", "letter", "phone", "whatsapp", "email")
#: the form field (and API parameter) of CKAN's reCAPTCHA
CAPTCHA_FIELD = "g-recaptcha-response"

REQUEST_FIELDS = (
    "applicant_type", "applicant_name", "applicant_nik",
    "applicant_org_registration", "applicant_address",
    "applicant_occupation", "applicant_phone", "applicant_email",
    "applicant_proxy_for", "information_requested", "purpose",
    "obtain_method", "copy_format", "delivery_method", "dataset_id",
    "owner_org",
)

#: what an applicant may change when completing a request
COMPLETABLE = tuple(name for name in REQUEST_FIELDS
                    if name not in ("applicant_type", "dataset_id",
                                    "owner_org"))


@validator_args
def request_form(not_empty, ignore_empty, unicode_safe, strip_value,
                 ppidrequest_choice, email_validator, ppidrequest_nik,
                 ppidrequest_phone, ppidrequest_dataset,
                 ppidrequest_organization, ppidrequest_past_date,
                 ppidrequest_short_text, ppidrequest_long_text):
    """The navl schema of the form (``ppidrequest_create``)."""
    short = [ppidrequest_short_text, unicode_safe]
    long_ = [ppidrequest_long_text, unicode_safe]
    return {
        "applicant_type": [not_empty, unicode_safe,
                           ppidrequest_choice(list(APPLICANT_TYPES))],
        "applicant_name": [not_empty] + short,
        "applicant_nik": [ignore_empty, unicode_safe, ppidrequest_nik],
        "applicant_org_registration": [ignore_empty] + short,
        "applicant_address": [not_empty] + long_,
        "applicant_occupation": [ignore_empty] + short,
        "applicant_phone": [ignore_empty, unicode_safe, ppidrequest_phone],
        "applicant_email": [ignore_empty, unicode_safe, strip_value,
                            email_validator],
        "applicant_proxy_for": [ignore_empty] + short,
        "information_requested": [not_empty] + long_,
        "purpose": [not_empty] + long_,
        "obtain_method": [not_empty, unicode_safe,
                          ppidrequest_choice(list(OBTAIN_METHODS))],
        "copy_format": [ignore_empty, unicode_safe,
                        ppidrequest_choice(list(COPY_FORMATS))],
        "delivery_method": [not_empty, unicode_safe,
                            ppidrequest_choice(list(DELIVERY_METHODS))],
        "dataset_id": [ignore_empty, unicode_safe, ppidrequest_dataset],
        "owner_org": [ignore_empty, unicode_safe, ppidrequest_organization],
        "channel": [ignore_empty, unicode_safe, ppidrequest_choice(list(CHANNELS))],
        "received_at": [ignore_empty, ppidrequest_past_date],
    }


def check_request_form(data: dict, errors: dict) -> None:
    """Rules across the request form's fields (the service standard's
    form), for a new request and for a completed one."""
    def need(name: str, message: str) -> None:
        if not data.get(name):
            errors.setdefault(name, []).append(message)

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


def check_captcha(response: str | None, errors: dict) -> None:
    """CKAN's reCAPTCHA (``ckan.recaptcha.*``), for an anonymous applicant
    on the form and through the API alike: nothing to check when it is not
    configured."""
    if not tk.config.get("ckan.recaptcha.privatekey"):
        return
    message = _("The CAPTCHA was not solved. Please try again.")
    if not isinstance(response, str) or not response.strip():
        errors.setdefault("captcha", []).append(message)
        return
    from .throttle import client_address
    try:
        captcha.check_recaptcha_v2_base(client_address() or "",
                                        response.strip())
    except (captcha.CaptchaError, requests.RequestException, ValueError,
            KeyError):
        errors.setdefault("captcha", []).append(message)
