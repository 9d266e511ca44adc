"""What every action of the plugin refuses before anything reads its
input: text PostgreSQL cannot store (a NUL character) or that is not
Unicode (an unpaired surrogate, which JSON's ``\\ud800`` lets through), and
structures nested deeper than any field needs. Checked once, here, for
every ``ppidrequest_*`` action, before its auth function: auth functions
look requests up by the ids they are given. Numbers are bounded by their
validators (``ppidrequest_count``).
"""
from __future__ import annotations

import functools
import re
from typing import Any, Callable

import ckan.plugins.toolkit as tk

_ = tk._

_BAD = re.compile("[\x00\ud800-\udfff]")
#: a field's value may be a list of dicts of lists (filters, uploads...)
MAX_DEPTH = 8


def _bad(value: Any, depth: int = 0) -> str | None:
    """Why ``value`` cannot be taken, or None."""
    if isinstance(value, str):
        if _BAD.search(value):
            return _("Contains a character that is not allowed (a NUL "
                     "character or an unpaired surrogate)")
        return None
    if isinstance(value, (list, tuple, dict)):
        if depth >= MAX_DEPTH:
            return _("Nested too deeply")
        items = value.items() if isinstance(value, dict) else \
            ((None, v) for v in value)
        for key, item in items:
            reason = (_bad(key, depth + 1) if key is not None else None) \
                or _bad(item, depth + 1)
            if reason:
                return reason
    return None


#: fields auth functions read before the schema does: text or nothing
TEXT_FIELDS = ("id", "access_code", "action", "registration_number")


def check(data_dict: Any) -> None:
    """Raise ``ValidationError`` naming each field that cannot be taken."""
    if not isinstance(data_dict, dict):
        return
    errors: dict[str, list[str]] = {}
    for key, value in data_dict.items():
        reason = _bad(key) or _bad(value)
        if not reason and key in TEXT_FIELDS and value is not None \
                and not isinstance(value, str):
            reason = _("Must be text")
        if reason:
            name = key if isinstance(key, str) and not _BAD.search(key) \
                else "__key"
            errors[name] = [reason]
    if errors:
        raise tk.ValidationError(errors)


def guarded(action: Callable) -> Callable:
    """``action``, refusing what :func:`check` refuses first."""
    @functools.wraps(action)
    def wrapper(context, data_dict):
        check(data_dict)
        return action(context, data_dict)
    return wrapper
