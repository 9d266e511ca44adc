"""The applicant's personal download of the data given for a request."""
from __future__ import annotations

from flask import Blueprint, request

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..model import Delivery, Download, Request
from ..requests import delivery as deliver
from ..requests import workflow as W
from . import errors

_ = tk._

blueprint = errors.register(Blueprint("ppidrequest_delivery", __name__))


def download(delivery_id: str):
    """A released delivery, for the holder of its link. When the request
    was filed from an account, that account must be logged in too (the
    PPID may always open it). Every download is logged."""
    delivery = model.Session.get(Delivery, delivery_id)
    if delivery is None or delivery.stage != "released" or \
            not deliver.token_matches(delivery,
                                      request.args.get("token", "")):
        return tk.abort(404, _("Download not found"))
    req = model.Session.get(Request, delivery.request_id)
    user = tk.current_user if tk.current_user.is_authenticated else None
    actor = W.Actor(user.name if user else None)
    if req.applicant_user_id and not actor.ppid and \
            (user is None or user.id != req.applicant_user_id):
        if user is None:
            return tk.redirect_to(tk.url_for(
                "user.login", came_from=request.full_path))
        return tk.abort(403, _("This download belongs to another "
                               "applicant"))
    if deliver.expired(delivery) and not actor.ppid:
        return tk.abort(410, _("This download link has expired. Ask the "
                               "PPID for a new one."))
    model.Session.add(Download(
        delivery_id=delivery.id, user_id=user.id if user else None,
        ip=request.remote_addr,
        user_agent=(request.user_agent.string or "")[:500]))
    model.repo.commit()
    return deliver.response(delivery)


blueprint.add_url_rule("/permohonan/unduh/<delivery_id>",
                       view_func=download)


def get_blueprints():
    return [blueprint]
