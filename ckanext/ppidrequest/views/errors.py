"""Error handlers every blueprint of the plugin shares: an action's
"not found", "not authorized" or a validation error a view does not catch
itself becomes CKAN's 404, 403 or 400 page with the action's own message,
so views need not catch them one by one."""
from __future__ import annotations

from flask import Blueprint

import ckan.plugins.toolkit as tk


def _page(code: int, message: str):
    # no werkzeug name ("Forbidden"): it would be English on every page
    return tk.render("error_document_template.html", {
        "code": code, "content": message,
        "show_login_redirect_link": code == 403
        and not tk.current_user.is_authenticated}), code


def _not_found(error: tk.ObjectNotFound):
    return _page(404, str(error.message or error))


def _not_authorized(error: tk.NotAuthorized):
    return _page(403, str(error.message or error))


def _invalid(error: tk.ValidationError):
    # an id in the URL the actions refuse (a NUL, an unpaired surrogate):
    # views that take form fields catch their own validation errors
    messages = [m for ms in (error.error_dict or {}).values()
                for m in (ms if isinstance(ms, list) else [ms])]
    return _page(400, " ".join(map(str, messages)) or str(error))


def register(blueprint: Blueprint) -> Blueprint:
    blueprint.register_error_handler(tk.ObjectNotFound, _not_found)
    blueprint.register_error_handler(tk.NotAuthorized, _not_authorized)
    blueprint.register_error_handler(tk.ValidationError, _invalid)
    return blueprint
