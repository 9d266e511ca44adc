"""Validators, registered by name: of the dataset schema (scheming) and
of the request actions' navl schemas."""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Callable, Iterable

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import Missing

from .. import roles
from ..classification import classes as C
from ..classification.history import stash_change
from ..requests import clock
from ..requests import delivery as deliver
from ..requests import workflow as W

_ = tk._
Invalid = tk.Invalid

__all__ = [
    # the dataset schema
    "ppidrequest_classification", "ppidrequest_year",
    "ppidrequest_temporal_coverage",
    # the request actions
    "ppidrequest_choice", "ppidrequest_short_text", "ppidrequest_long_text",
    "ppidrequest_nik", "ppidrequest_phone", "ppidrequest_past_date",
    "ppidrequest_organization", "ppidrequest_dataset",
    "ppidrequest_state_list", "ppidrequest_upload", "ppidrequest_count",
    # the reports
    "ppidrequest_period", "ppidrequest_report_year",
    # config options (checked when CKAN starts)
    "ppidrequest_timezone", "ppidrequest_step_targets",
    "ppidrequest_registration_pattern", "ppidrequest_letter_number_pattern",
    "ppidrequest_letter_logo",
    # letters and the personal-data check
    "ppidrequest_sha256", "ppidrequest_pdp_masking",
]


# -- the dataset schema ------------------------------------------------------

def _value(data: dict, name: str) -> Any:
    value = data.get((name,))
    if value is None or isinstance(value, Missing):
        return ""
    if isinstance(value, str):
        return value.strip()
    return value


def _key(data: dict) -> str:
    """The dataset's id (update) or name (create)."""
    return _value(data, "id") or _value(data, "name")


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
        until = C.parse_date(basis["classification_exempt_until"])
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
    after_dataset_create/update (see :func:`..classification.history.stash_change`), which writes the
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
            stash_change(_key(data), None)
            return
        data[(C.PROPOSAL_FIELD,)] = ""
        stash_change(_key(data), {
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
        stash_change(_key(data), None)
        return
    previous = C.proposal_of({C.PROPOSAL_FIELD: old_proposal}) or {}
    if {k: previous.get(k) for k in proposal} == proposal:
        data[(C.PROPOSAL_FIELD,)] = old_proposal  # the same proposal again
        stash_change(_key(data), None)
        return
    obj = model.User.get(user) if user else None
    proposal.update({
        "proposed_by": obj.name if obj else None,
        "proposed_at": dt.datetime.now(dt.timezone.utc).isoformat(),
    })
    data[(C.PROPOSAL_FIELD,)] = json.dumps(proposal)
    stash_change(_key(data), {"kind": "proposal", "from": old_cls, "to": cls,
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


# -- the request actions -----------------------------------------------------

SHORT_TEXT = 300
LONG_TEXT = 5000


def ppidrequest_choice(choices: Iterable[str]) -> Callable[[Any], Any]:
    allowed = list(choices)

    def validator(value: Any) -> Any:
        if value not in allowed:
            raise Invalid(_("Choose one of: {choices}").format(
                choices=", ".join(allowed)))
        return value
    return validator


def _text(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise Invalid(_("Must be text"))
    return value.strip()


def ppidrequest_short_text(value: Any) -> Any:
    value = _text(value)
    if len(value) > SHORT_TEXT:
        raise Invalid(_("At most {n} characters").format(n=SHORT_TEXT))
    return value


def ppidrequest_long_text(value: Any) -> Any:
    value = _text(value)
    if len(value) > LONG_TEXT:
        raise Invalid(_("At most {n} characters").format(n=LONG_TEXT))
    return value


#: the largest count, limit, offset or revision taken (a PostgreSQL integer)
MAX_COUNT = 2 ** 31 - 1


def ppidrequest_count(value: Any) -> int:
    """A whole number from 0 to :data:`MAX_COUNT`, given as a number or as
    digits (a page size, an offset, a revision, a number of days)."""
    if isinstance(value, bool):
        value = None
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*\d{1,10}\s*", value):
        value = int(value)
    if not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise Invalid(_("Give a whole number from 0 to {max}").format(
            max=MAX_COUNT))
    return value


def ppidrequest_nik(value: Any) -> str:
    """A NIK: 16 digits; province code, and a birth date of DDMMYY with 40
    added to the day for women."""
    nik = re.sub(r"[\s.-]", "", str(value))
    if not re.fullmatch(r"\d{16}", nik):
        raise Invalid(_("A NIK has 16 digits"))
    day, month = int(nik[6:8]), int(nik[8:10])
    if int(nik[:2]) < 11 or not (1 <= day <= 31 or 41 <= day <= 71) \
            or not 1 <= month <= 12:
        raise Invalid(_("This is not a valid NIK"))
    return nik


def ppidrequest_phone(value: Any) -> str:
    phone = str(value).strip()
    digits = re.sub(r"\D", "", phone)
    if not re.fullmatch(r"\+?[\d\s().-]+", phone) or \
            not 8 <= len(digits) <= 15:
        raise Invalid(_("Enter a phone number of 8 to 15 digits"))
    return phone


def ppidrequest_past_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise Invalid(_("Enter a date as YYYY-MM-DD"))
    if day > clock.today():
        raise Invalid(_("The date of receipt cannot be in the future"))
    if day.year < 2008:
        raise Invalid(_("The date of receipt is too far in the past"))
    return day


def ppidrequest_organization(value: Any, context) -> str:
    org = model.Group.get(str(value))
    if org is None or org.state != "active" or not org.is_organization:
        raise Invalid(_("Organization not found"))
    return org.id


def ppidrequest_dataset(value: Any, context) -> str:
    pkg = model.Package.get(str(value))
    if pkg is None or pkg.state != "active":
        raise Invalid(_("Dataset not found"))
    if pkg.private:
        try:
            tk.check_access("package_show",
                            {"user": context.get("user")}, {"id": pkg.id})
        except tk.NotAuthorized:
            raise Invalid(_("Dataset not found"))
    return pkg.id


def ppidrequest_state_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [v for v in re.split(r"[\s,]+", value) if v]
    if not isinstance(value, list) or not all(
            isinstance(v, str) for v in value):
        raise Invalid(_("Give states as a list"))
    unknown = [v for v in value if v not in W.STATES]
    if unknown:
        raise Invalid(_("Unknown state: {states}").format(
            states=", ".join(unknown)))
    return value


def ppidrequest_upload(value: Any) -> Any:
    """A file sent with the form (not a text or a path)."""
    if not deliver.is_upload(value):
        raise Invalid(_("Send a file"))
    return value


# -- the reports -------------------------------------------------------------

def ppidrequest_period(value: Any) -> str:
    """A year (2026), a quarter (2026-Q3) or a month (2026-11)."""
    from ..monitoring import period

    try:
        return period.parse(str(value)).value
    except ValueError:
        raise Invalid(_("Give a period as a year (2026), a quarter "
                        "(2026-Q3) or a month (2026-11), from 2008 on"))


def ppidrequest_report_year(value: Any) -> int:
    from ..monitoring import period

    text = str(value).strip()
    if not text.isdigit() or not \
            period.MIN_YEAR <= int(text) <= clock.today().year + 1:
        raise Invalid(_("Give a year from 2008 to next year"))
    return int(text)


# -- config options ----------------------------------------------------------

def ppidrequest_timezone(value: Any) -> Any:
    """An IANA time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(_("Unknown time zone {zone}: use e.g. Asia/Jakarta "
                        "(WIB), Asia/Makassar (WITA) or Asia/Jayapura "
                        "(WIT)").format(zone=value))
    return value


def ppidrequest_step_targets(value: Any) -> Any:
    """``state:days`` pairs of open states and whole working days."""
    items = value.split() if isinstance(value, str) else list(value or [])
    for item in items:
        state, sep, days = str(item).partition(":")
        if not sep or state.strip() not in W.OPEN_STATES \
                or not days.strip().isdigit():
            raise Invalid(_("{item} is not state:days with an open state "
                            "({states}) and a number of working days")
                          .format(item=item,
                                  states=", ".join(W.OPEN_STATES)))
    return value


def ppidrequest_registration_pattern(value: Any) -> Any:
    """A pattern that formats with {seq}, {year}, {month}, {month_roman}
    and keeps {year} (the sequence restarts every year)."""
    try:
        sample = str(value).format(seq=1, year=2026, month=1,
                                   month_roman="I")
    except (KeyError, IndexError, ValueError):
        raise Invalid(_("Use only {{seq}}, {{year}}, {{month}} and "
                        "{{month_roman}} in the registration pattern")
                      .format())
    if "2026" not in sample:
        raise Invalid(_("Keep {{year}} in the registration pattern: the "
                        "sequence restarts every year").format())
    return value


def ppidrequest_letter_number_pattern(value: Any) -> Any:
    """A letter number pattern: {seq}, {year}, {month}, {month_roman},
    {kind}, keeping {year} and {seq}."""
    try:
        sample = str(value).format(seq=987654, year=2026, month=1,
                                   month_roman="I", kind="receipt")
    except (KeyError, IndexError, ValueError):
        raise Invalid(_("Use only {{seq}}, {{year}}, {{month}}, "
                        "{{month_roman}} and {{kind}} in the letter number "
                        "pattern").format())
    if "2026" not in sample or "987654" not in sample:
        raise Invalid(_("Keep {{seq}} and {{year}} in the letter number "
                        "pattern: the sequence restarts every year")
                      .format())
    return value


def ppidrequest_letter_logo(value: Any) -> Any:
    """Empty, or a PNG, JPEG or SVG file that exists."""
    import os

    if not value:
        return value
    if not str(value).lower().endswith((".png", ".jpg", ".jpeg", ".svg")):
        raise Invalid(_("The logo must be a PNG, JPEG or SVG file"))
    if not os.path.isfile(str(value)):
        raise Invalid(_("The logo file does not exist: {path}").format(
            path=value))
    return value


def ppidrequest_pdp_masking(value: Any, context) -> Any:
    """What to do with each column of a file: a dict ``{column: action}``,
    or a list of ``action:column`` strings (an HTML form's selects), or
    JSON of either. Actions: keep, drop, token, year, kecamatan."""
    from ..pdp import masking

    if isinstance(value, str):
        text = value.strip()
        try:
            value = json.loads(text) if text[:1] in "[{" else [text]
        except ValueError:
            raise Invalid(_("Give each column's masking as "
                            "action:column"))
    if isinstance(value, list):
        pairs = {}
        for item in value:
            action, sep, column = str(item).partition(":")
            if not sep:
                raise Invalid(_("Give each column's masking as "
                                "action:column"))
            pairs[column] = action
        value = pairs
    if not isinstance(value, dict) or not value:
        raise Invalid(_("Choose what to do with the columns"))
    for column, action in value.items():
        if action not in masking.ACTIONS:
            raise Invalid(_("Unknown masking '{action}' for column "
                            "'{column}'").format(action=action,
                                                 column=column))
    return {str(k): str(v) for k, v in value.items()}


def ppidrequest_sha256(value: Any) -> Any:
    """64 hexadecimal digits (lower-cased)."""
    text = str(value).strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise Invalid(_("A SHA-256 is 64 hexadecimal digits"))
    return text
