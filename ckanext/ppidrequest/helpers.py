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
    """Where "Ajukan permohonan data" leads (``request_form_url``); a path
    on this portal keeps the page's language (``/id/permohonan/baru``)."""
    pattern = tk.config.get("ckanext.ppidrequest.request_form_url")
    url = pattern.format(name=pkg.get("name", ""), id=pkg.get("id", ""))
    if url.startswith("/") and not url.startswith("//"):
        return tk.h.url_for(url)
    return url


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


def _officer_menu() -> dict[str, Any]:
    """What the header and the dashboard offer the current user: their
    desk (``desk_role``) and the Walidata's dashboard (``may_monitor``),
    decided once per web request. The header asks in two blocks and the
    dashboard again; each answer would read the user's memberships anew."""
    from .requests import workflow as W

    name = roles.current_user_name()
    try:
        cached = tk.g.get("_ppidrequest_officer_menu")
    except RuntimeError:      # outside a request: nothing to share
        cached = None
    if cached is not None and cached["user"] == name:
        return cached
    menu: dict[str, Any] = {"user": name, "desk_role": None,
                            "may_monitor": False}
    if name:
        context = {"user": name}
        actor = W.actor_for(context)
        menu["desk_role"] = "ppid" if actor.ppid else \
            "pembantu" if actor.officer_orgs else None
        try:
            # the auth function decides, with the actor already read
            tk.check_access("ppidrequest_monitoring_show", context, {})
            menu["may_monitor"] = True
        except tk.NotAuthorized:
            pass
    try:
        tk.g._ppidrequest_officer_menu = menu
    except RuntimeError:
        pass
    return menu


def ppidrequest_desk_role() -> str | None:
    """``"ppid"`` for the PPID, ``"pembantu"`` for an agency's PPID
    Pembantu (admin or editor of an agency), else None: which desk the
    header and the dashboard offer."""
    return _officer_menu()["desk_role"]


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


def ppidrequest_service_summary() -> dict[str, Any]:
    """This year's figures of the request service (the home page)."""
    return tk.get_action("ppidrequest_service_summary")(
        {"user": roles.current_user_name()}, {})


def ppidrequest_answer_days() -> int:
    """The working days the law gives the PPID to answer."""
    from .requests import clock

    return clock.ANSWER_DAYS


@tk.chained_helper
def render_datetime(next_helper, datetime_, date_format=None,
                    with_hours=False, with_seconds=False):
    """CKAN's ``h.render_datetime`` with dates in Indonesian order on the
    Indonesian interface (day, month, year and "14.05 WIB", where CKAN
    writes the month first and the time in UTC): Babel's long date and a
    24 h time in the portal's time zone. Other languages and explicit formats are CKAN's."""
    from babel.dates import format_date as babel_date, format_time

    from .requests import clock
    from .translation import language

    lang = language()
    if date_format or lang != "id":
        return next_helper(datetime_, date_format=date_format,
                           with_hours=with_hours, with_seconds=with_seconds)
    moment = datetime_
    if isinstance(moment, str):
        try:
            moment = tk.h.date_str_to_datetime(moment)
        except (TypeError, ValueError):
            return ""
    if not isinstance(moment, dt.datetime):
        return next_helper(datetime_, date_format=date_format,
                           with_hours=with_hours, with_seconds=with_seconds)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    moment = moment.astimezone(clock.timezone())
    text = babel_date(moment.date(), "long", locale=lang)
    if with_hours or with_seconds:
        time = format_time(moment, "HH.mm.ss z" if with_seconds
                           else "HH.mm z", tzinfo=clock.timezone(),
                           locale=lang)
        text = f"{text}, {time}"
    return text


def ppidrequest_error_page(code: Any, content: Any) -> dict[str, Any]:
    """The title and text of CKAN's error page in the current language:
    werkzeug's names and default descriptions are English, so a page that
    has no message of its own gets ours (CKAN's 500 handler passes the
    code as ``[500]``)."""
    from werkzeug.exceptions import default_exceptions

    if isinstance(code, (list, tuple)):
        code = code[0] if code else 500
    try:
        code = int(code)
    except (TypeError, ValueError):
        code = 500
    titles = {
        400: tk._("The request cannot be read"),
        403: tk._("Access denied"),
        404: tk._("Page not found"),
        405: tk._("The request cannot be read"),
        413: tk._("The file is too large"),
        429: tk._("Too many attempts"),
    }
    defaults = {
        400: tk._("The page received something it cannot use. Go back and "
                  "try again."),
        403: tk._("You may not open this page."),
        404: tk._("There is no page at this address. It may have been "
                  "moved or deleted."),
        413: tk._("The file you sent is larger than this portal accepts."),
        429: tk._("Wait a moment before you try again."),
    }
    fallback = tk._("Something went wrong on our side. Try again in a "
                    "moment; if it happens again, tell the portal's "
                    "administrator.")
    text = str(content or "").strip()
    werkzeug_default = getattr(default_exceptions.get(code), "description",
                               None)
    if not text or text in (werkzeug_default, "Internal server error"):
        text = defaults.get(code, fallback)
    return {"code": code,
            "title": titles.get(code, tk._("Something went wrong")),
            "text": text}


def ppidrequest_may_monitor() -> bool:
    """Whether the current user may open the Walidata's dashboard."""
    return _officer_menu()["may_monitor"]


def ppidrequest_list_entry_url(pkg: dict[str, Any]) -> str | None:
    """The dataset's entry in the DIP or the DIK (None: on neither)."""
    from .monitoring import dip

    kind = dip.kind_of(pkg)
    if not kind or pkg.get("private"):
        return None
    return tk.h.url_for(f"ppidrequest_monitoring.{kind}",
                        dataset=pkg["name"])


def ppidrequest_masking_label(action: str | None) -> str:
    """What a masking action does to a column (:mod:`.pdp.masking`)."""
    from .pdp import masking

    return masking.action_label(action or "")


def get_helpers():
    helpers = {name: fn for name, fn in globals().items()
               if name.startswith("ppidrequest_") and callable(fn)}
    helpers["render_datetime"] = render_datetime
    return helpers
