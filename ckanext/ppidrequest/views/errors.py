"""Error handlers every blueprint of the plugin shares: an action's
"not found" or "not authorized" becomes CKAN's 404 or 403 page with the
action's own message, so views need not catch them one by one."""
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


def register(blueprint: Blueprint) -> Blueprint:
    blueprint.register_error_handler(tk.ObjectNotFound, _not_found)
    blueprint.register_error_handler(tk.NotAuthorized, _not_authorized)
    return blueprint
