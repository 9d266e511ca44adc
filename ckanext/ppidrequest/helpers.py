"""Template helpers (``h.ppidrequest_*``); the language they use comes from
:mod:`.translation`."""
from __future__ import annotations

import datetime as dt
from typing import Any

import ckan.plugins.toolkit as tk

from . import roles
from .classification import access
from .classification import classes as C
from .requests import labels
from .translation import format_date


def ppidrequest_classification_label(value: str | None) -> str:
    return C.label(value)


def ppidrequest_handled_as(pkg: dict[str, Any]) -> str:
    return C.handled_as(pkg)


def ppidrequest_pending(pkg: dict[str, Any]) -> bool:
    return pkg.get("classification") not in C.CLASSES \
        or bool(C.proposal_of(pkg))


def ppidrequest_proposal(pkg: dict[str, Any]) -> dict[str, Any] | None:
    return C.proposal_of(pkg)


def ppidrequest_can_access_data(pkg: dict[str, Any]) -> bool:
    return access.can_access_data(roles.current_user_name(), pkg)


def ppidrequest_is_ppid() -> bool:
    return roles.is_ppid(roles.current_user_name())


def ppidrequest_may_propose(pkg: dict[str, Any]) -> bool:
    return roles.may_propose(roles.current_user_name(), pkg.get("owner_org"))


def ppidrequest_ground_label(letter: str | None) -> str:
    return C.ground_label(letter)


def ppidrequest_ground_choices(field: dict[str, Any]) -> list[dict[str, str]]:
    """Choices of the exemption ground field, in the current language."""
    return [{"value": letter, "label": f"{letter}. {C.ground_label(letter)}"}
            for letter in C.GROUNDS]


def ppidrequest_request_url(pkg: dict[str, Any]) -> str:
    pattern = tk.config.get("ckanext.ppidrequest.request_form_url")
    return pattern.format(name=pkg.get("name", ""), id=pkg.get("id", ""))


def ppidrequest_classification_history(pkg_id: str) -> list[dict[str, Any]]:
    try:
        return tk.get_action("ppidrequest_classification_history")(
            {"user": roles.current_user_name() or ""}, {"id": pkg_id})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return []


def ppidrequest_state_label(state: str | None) -> str:
    return labels.label(labels.STATES, state)


def ppidrequest_action_label(action: str | None) -> str:
    return labels.label(labels.ACTIONS, action)


def ppidrequest_applicant_type_label(kind: str | None) -> str:
    return labels.label(labels.APPLICANT_TYPES, kind)


def ppidrequest_format_date(day: dt.date | None) -> str:
    """A date in the current language (:func:`format_date`)."""
    return format_date(day)


def ppidrequest_desk_role() -> str | None:
    """``"ppid"`` for the PPID, ``"pembantu"`` for an agency's PPID
    Pembantu (admin or editor of an agency), else None: which desk the
    header and the dashboard offer."""
    from .requests import workflow as W

    name = roles.current_user_name()
    if not name:
        return None
    actor = W.Actor(name)
    if actor.ppid:
        return "ppid"
    return "pembantu" if actor.officer_orgs else None


def get_helpers():
    return {name: fn for name, fn in globals().items()
            if name.startswith("ppidrequest_") and callable(fn)}
