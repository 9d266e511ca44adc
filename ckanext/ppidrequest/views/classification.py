"""The PPID's decision on a pending classification proposal (dataset page)."""
from __future__ import annotations

from flask import Blueprint

import ckan.plugins.toolkit as tk

from ..classification import classes as C
from . import errors

bp = errors.register(Blueprint("ppidrequest_classification", __name__))


@bp.route("/dataset/<id>/classification/decide", methods=["POST"])
def decide(id: str):
    form = tk.request.form
    context = {"user": tk.current_user.name}
    try:
        pkg = tk.get_action("package_show")(context, {"id": id})
        if form.get("approve_proposal"):
            data = {"id": id, "approve_proposal": True,
                    "classification_decision_ref":
                        form.get("classification_decision_ref", "")}
        else:
            # keep the decided classification: settles the proposal
            data = {"id": id, "classification": pkg.get("classification"),
                    **{f: pkg.get(f) or "" for f in C.BASIS_FIELDS}}
        tk.get_action("ppidrequest_classification_decide")(context, data)
    except tk.ValidationError as e:
        for field, messages in (e.error_dict or {}).items():
            for message in messages if isinstance(messages, list) \
                    else [messages]:
                tk.h.flash_error(f"{message}")
        return tk.redirect_to("dataset.read", id=id)
    tk.h.flash_success(tk._("The classification decision was recorded."))
    return tk.redirect_to("dataset.read", id=id)


def get_blueprints():
    return [bp]
