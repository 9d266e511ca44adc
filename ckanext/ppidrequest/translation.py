"""The language to use, and texts in it: one translation path, gettext.

Texts are English msgids (``tk._`` in code, ``_()`` and ``{% trans %}`` in
templates) translated by the catalogues in ``i18n/`` (Indonesian:
``i18n/id/LC_MESSAGES/ckanext-ppidrequest.po``). :func:`language` says which
language to use now; :func:`in_language` switches to another one for a
block (an email in its recipient's language, a DCAT statement per offered
locale), in a web request, a background job or a command alike.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from typing import Iterator

import ckan.plugins.toolkit as tk


def default_language() -> str:
    """The portal's language (``ckan.locale_default``)."""
    return tk.config.get("ckan.locale_default") or "en"


def language() -> str:
    """The language to use now: the one :func:`in_language` set, else the
    page's (the web request's locale), else the portal's default (a job, a
    command)."""
    import flask
    import flask_babel

    if flask.has_request_context():
        locale = flask_babel.get_locale()
        if locale is not None:
            return str(locale)
    return default_language()


@contextlib.contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Inside the block, ``tk._``, templates (``_()``, ``{% trans %}``) and
    :func:`format_date` speak ``lang``, which falls back to the English
    msgids when it has no catalogue.

    Outside a web request (a job, a command, a test) it uses the request
    context CKAN's own ``url_for`` uses there, so gettext finds the
    catalogues of every plugin."""
    import flask
    import flask_babel
    from babel import Locale, UnknownLocaleError
    from ckan.lib.helpers import _get_auto_flask_context

    try:
        Locale.parse(lang)
    except (ValueError, TypeError, UnknownLocaleError):
        lang = "en"
    context = None if flask.has_request_context() \
        else _get_auto_flask_context()
    with context or contextlib.nullcontext():
        with flask_babel.force_locale(lang):
            yield


def translate(msgid: str, lang: str | None = None,
              context: str | None = None) -> str:
    """``msgid`` (with its msgctxt ``context``, if any) in ``lang``
    (default: :func:`language`). For the msgids module-level tables hold;
    code that runs at use time calls ``tk._`` itself."""
    import flask
    import flask_babel

    def gettext() -> str:
        if context:
            return flask_babel.pgettext(context, msgid)
        return tk._(msgid)

    if not msgid:
        return ""
    if flask.has_request_context() and lang in (None, language()):
        return gettext()
    with in_language(lang or language()):
        return gettext()


def table_label(table: dict[str, tuple[str, str]], key: str | None,
                lang: str | None = None, default: str = "") -> str:
    """The translation of ``table[key]``, a ``(context, msgid)`` pair
    marked with ``NC_``; ``default`` for a key the table lacks."""
    if key not in table:
        return default
    context, msgid = table[key]
    return translate(msgid, lang, context=context)


def format_date(day: dt.date | None, lang: str | None = None,
                weekday: bool = True) -> str:
    """A date as letters and emails write it, day first, with the names of
    the day and the month from Babel (CLDR) and the pattern from the
    catalogue: "Wednesday 8 April 2026" in English, the same with a comma
    after the day's name in Indonesian; without ``weekday`` as letters
    date them (day, month name, year). ``-`` for no date."""
    from babel.dates import format_date as babel_format_date

    if day is None:
        return "-"
    lang = lang or language()
    with in_language(lang):
        # Translators: how emails and letters write a date, as a CLDR date
        # pattern: EEEE the day of the week, d the day of the month, MMMM
        # the month's name, y the year (Babel fills in the names).
        pattern = tk._("EEEE d MMMM y")
        if not weekday:
            # Translators: how official letters write a date ("3 December
            # 2026"), as a CLDR date pattern: d the day, MMMM the month's
            # name, y the year.
            pattern = tk._("d MMMM y")
    try:
        return babel_format_date(day, pattern, locale=lang)
    except (ValueError, TypeError):
        return babel_format_date(day, pattern, locale="en")


# -- template helpers --------------------------------------------------------
