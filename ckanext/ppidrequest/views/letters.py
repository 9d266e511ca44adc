"""Letters: the personal download of a request's letter, and the public
page that verifies a printed letter from its QR code."""
from __future__ import annotations

from flask import Blueprint, Response, request

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..letters import archive, render
from ..model import Letter
from . import errors

_ = tk._

blueprint = errors.register(Blueprint("ppidrequest_letters", __name__))


def _context() -> dict:
    return {"user": tk.current_user.name
            if tk.current_user.is_authenticated else ""}


def download(letter_id: str):
    """The letter's PDF as issued (rendered first if its render had not
    happened yet)."""
    tk.check_access("ppidrequest_letter_download", _context(),
                    {"id": letter_id, "token": request.args.get("token")})
    letter = model.Session.get(Letter, letter_id)
    try:
        content = archive.content(letter)
    except archive.Unavailable:
        return tk.abort(503, _("The letter cannot be read now; try again "
                               "later or ask the PPID"))
    response = Response(content, mimetype="application/pdf")
    response.headers.set("Content-Disposition", "attachment",
                         filename=render.filename(letter))
    return response


def verify(token: str):
    """What the office issued under the QR code's key, and, for a PDF
    given in the form, whether it is that letter unchanged."""
    data = {"token": token}
    errors_: dict = {}
    upload = request.files.get("letter") if request.method == "POST" \
        else None
    if request.method == "POST":
        if upload is None or not upload.filename:
            errors_["letter"] = [_("Choose the PDF file of the letter")]
        else:
            data["sha256"] = archive.sha256_of(upload.stream)
    letter = tk.get_action("ppidrequest_letter_verify")(_context(), data)
    return tk.render("ppidrequest/letters/verify.html", {
        "letter": letter, "errors": errors_, "checked": "sha256" in data,
    }), 400 if errors_ else 200


blueprint.add_url_rule("/permohonan/surat/<letter_id>", view_func=download)
blueprint.add_url_rule("/surat/verifikasi/<token>", view_func=verify,
                       methods=["GET", "POST"])


def get_blueprints():
    return [blueprint]
