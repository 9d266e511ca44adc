"""Labels of the request workflow's stored values.

The tables hold English msgids, each with a context (msgctxt) so that a
short word such as "Organization" never replaces CKAN's own translation of
it; :func:`label` translates them when they are shown, in the current
language or in the one asked for (an email in its recipient's language).
"""
from __future__ import annotations


def NC_(context: str, msgid: str) -> tuple[str, str]:
    """Mark a msgid and its context for extraction (``pybabel extract``
    reads ``NC_:1c,2``, see babel.cfg); translated where it is shown."""
    return (context, msgid)


STATES = {
    "submitted": NC_("request state", "Submitted"),
    "awaiting_completion": NC_("request state", "Awaiting completion"),
    "in_review": NC_("request state", "In review"),
    "forwarded": NC_("request state", "Forwarded to the agency"),
    "data_submitted": NC_("request state", "Data handed to the PPID"),
    "fulfilled": NC_("request state", "Fulfilled"),
    "rejected": NC_("request state", "Rejected"),
    "not_held": NC_("request state", "Information not held"),
    "withdrawn": NC_("request state", "Withdrawn"),
    "lapsed": NC_("request state", "Lapsed (not completed)"),
}

ACTIONS = {
    "create": NC_("request step", "Request received"),
    "review": NC_("request step", "Reviewed by the PPID"),
    "request_completion": NC_("request step", "Completion requested"),
    "complete": NC_("request step", "Completed by the applicant"),
    "forward": NC_("request step", "Forwarded to the agency"),
    "submit_data": NC_("request step", "Data handed over by the agency"),
    "extend": NC_("request step", "Deadline extended"),
    "fulfil": NC_("request step", "Fulfilled"),
    "reject": NC_("request step", "Rejected"),
    "not_held": NC_("request step", "Information not held"),
    "pdp_scan": NC_("request step", "Files scanned for personal data"),
    "pdp_mask": NC_("request step", "Personal data masked in a file"),
    "pdp_justify": NC_("request step",
                       "File given with personal data, justified"),
    "withdraw": NC_("request step", "Withdrawn"),
    "lapse": NC_("request step", "Lapsed"),
}

APPLICANT_TYPES = {
    "individual": NC_("applicant type", "Individual"),
    "organization": NC_("applicant type", "Organization"),
    "government": NC_("applicant type", "Government agency"),
}

OBTAIN_METHODS = {
    "view": NC_("obtain method", "See it (read or listen)"),
    "copy": NC_("obtain method", "Get a copy"),
}

COPY_FORMATS = {
    "softcopy": NC_("copy format", "Soft copy (file)"),
    "hardcopy": NC_("copy format", "Hard copy (printed)"),
}

DELIVERY_METHODS = {
    "email": NC_("delivery method", "By email / download"),
    "in_person": NC_("delivery method", "Collect in person"),
    "courier": NC_("delivery method", "By courier"),
    "post": NC_("delivery method", "By post"),
    "fax": NC_("delivery method", "By fax"),
}

CHANNELS = {
    "web": NC_("request channel", "Portal (web)"),
    "in_person": NC_("request channel", "In person"),
    "letter": NC_("request channel", "Letter"),
    "phone": NC_("request channel", "Phone"),
    "whatsapp": NC_("request channel", "WhatsApp"),
    "email": NC_("request channel", "Email"),
}

PDP_RESULTS = {
    "clean": NC_("personal-data check", "No personal data"),
    "masked": NC_("personal-data check", "Personal data masked"),
    "justified": NC_("personal-data check",
                     "Personal data given, with a legal basis"),
    "flagged": NC_("personal-data check", "Personal data found"),
    "unscannable": NC_("personal-data check", "Not scannable"),
}

#: the tables by the name of the field that stores the value
CHOICES = {
    "state": STATES, "action": ACTIONS, "applicant_type": APPLICANT_TYPES,
    "obtain_method": OBTAIN_METHODS, "copy_format": COPY_FORMATS,
    "delivery_method": DELIVERY_METHODS, "channel": CHANNELS,
    "pdp_check": PDP_RESULTS,
}


def label(table: dict[str, tuple[str, str]], value: str | None,
          lang: str | None = None) -> str:
    """The label of a stored value in ``lang`` (default: the current
    language); an unknown value is shown as it is."""
    from ..translation import table_label

    return table_label(table, value, lang, default=value or "")
