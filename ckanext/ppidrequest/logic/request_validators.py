"""Validators of the request actions' fields (registered by name)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable, Iterable

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..requests import clock
from ..requests import workflow as W

_ = tk._
Invalid = tk.Invalid

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


def get_validators():
    return {name: fn for name, fn in globals().items()
            if name.startswith("ppidrequest_") and callable(fn)}
