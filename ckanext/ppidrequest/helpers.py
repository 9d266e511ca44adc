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


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """A date, or the local date of a moment, from an action's ISO
    string."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
        if value.tzinfo is None and len(value.isoformat()) <= 19 \
                and value.time() == dt.time():
            return value.date()
    if isinstance(value, dt.datetime):
        from .requests import clock

        if value.tzinfo is not None:
            value = value.astimezone(clock.timezone())
        return value.date()
    return value


def ppidrequest_format_date(day: dt.date | str | None) -> str:
    """A date (or an ISO string from an action) in the current language
    (:func:`format_date`)."""
    return format_date(_as_date(day))


def ppidrequest_format_datetime(moment: dt.datetime | str | None) -> str:
    """A moment in the portal's timezone and the current language: the
    date as :func:`format_date` writes it, and the time (24 h)."""
    from babel.dates import format_time

    from .requests import clock
    from .translation import language

    if isinstance(moment, str):
        try:
            moment = dt.datetime.fromisoformat(moment)
        except ValueError:
            return moment
    if moment is None:
        return "-"
    if moment.tzinfo is not None:
        moment = moment.astimezone(clock.timezone())
    try:
        time = format_time(moment, "HH.mm" if language() == "id"
                           else "HH:mm", locale=language())
    except (ValueError, TypeError):
        time = moment.strftime("%H:%M")
    return f"{format_date(moment.date())}, {time}"


def ppidrequest_choice_label(kind: str, value: str | None) -> str:
    """The label of a request form's stored choice (``kind``: a table of
    :mod:`.requests.labels`, e.g. ``delivery_method``)."""
    return labels.label(labels.CHOICES.get(kind, {}), value)


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


def ppidrequest_choice_pairs(kind: str) -> list[tuple[str, str]]:
    """``(value, label)`` of every choice of a request form's field, in
    the form's order (for a select)."""
    return [(value, labels.label(table_, value))
            for table_ in [labels.CHOICES.get(kind, {})]
            for value in table_]


def ppidrequest_desk_summary() -> dict[str, int] | None:
    """What waits on the current officer's desk: open requests, those due
    within 2 working days and those overdue (None for others)."""
    from .requests import workflow as W

    if not ppidrequest_desk_role():
        return None
    context = {"user": roles.current_user_name()}
    count = tk.get_action("ppidrequest_list")

    def n(**filters) -> int:
        return count(dict(context), dict(filters, limit=1))["count"]

    return {"open": n(state=list(W.OPEN_STATES)),
            "due_soon": n(due_within=2), "overdue": n(overdue=True)}


def get_helpers():
    return {name: fn for name, fn in globals().items()
            if name.startswith("ppidrequest_") and callable(fn)}
