"""A letter as HTML (its Jinja2 template) and as PDF (WeasyPrint).

The template ``templates/ppidrequest/letters/<kind>.html`` extends
``letters/base.html``, which lays out the official letter: letterhead,
number, attachments, subject, addressee, body (the kind's block), place and
date, signer, copies and the verification QR code. Texts are msgids
translated into the letters' language
(``ckanext.ppidrequest.letters.language``, Indonesian by default); every
value comes from the request, the event that issued the letter and the
configuration, so the same letter renders the same way again.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import mimetypes
import os
import threading
from typing import Any

import segno

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..classification import classes as C
from ..model import Delivery, Letter, PdpCheck, Request, RequestEvent
from ..requests import labels
from ..translation import format_date, in_language
from . import kinds

_PLACEHOLDER_LOGO = os.path.join(os.path.dirname(__file__), "..", "assets",
                                 "letter-logo.svg")


def language() -> str:
    return tk.config.get("ckanext.ppidrequest.letters.language") or "id"


def verify_url(letter: Letter) -> str:
    """The public verification page of the letter (its QR code)."""
    return tk.config["ckan.site_url"].rstrip("/") + \
        f"/surat/verifikasi/{letter.token}"


def filename(letter: Letter) -> str:
    """``surat-000.8.3-0012-PPID-2026.pdf``."""
    safe = "".join(ch if ch.isalnum() or ch in ".-" else "-"
                   for ch in letter.number)
    return f"surat-{safe}.pdf"


@functools.lru_cache(maxsize=8)
def _data_uri(path: str) -> str:
    mime = mimetypes.guess_type(path)[0] or "image/png"
    with open(path, "rb") as fh:
        return f"data:{mime};base64," + base64.b64encode(fh.read()).decode()


def _logo() -> str:
    path = tk.config.get("ckanext.ppidrequest.letters.logo") or \
        os.path.normpath(_PLACEHOLDER_LOGO)
    return _data_uri(path)


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=3, border=0)


def _org_title(org_id: str | None) -> str | None:
    org = model.Group.get(org_id) if org_id else None
    return (org.title or org.name) if org else None


def _masked(check: PdpCheck | None) -> list[dict[str, str]]:
    """What was blacked out of a file, column by column."""
    if check is None or check.result != "masked":
        return []
    from ..pdp import masking

    return [{"column": column,
             "action": masking.action_label(action, language())}
            for column, action in (check.masking or {}).items()
            if action != masking.KEEP]


def _deliveries(req: Request) -> list[dict[str, Any]]:
    """The files released to the applicant, each with what was blacked
    out of it (a masked copy is released with its check's masking)."""
    rows = (model.Session.query(Delivery)
            .filter(Delivery.request_id == req.id,
                    Delivery.stage == "released")
            .order_by(Delivery.created, Delivery.id).all())
    by_path = {masked.storage_path: check for check, masked in (
        model.Session.query(PdpCheck, Delivery)
        .join(Delivery, Delivery.id == PdpCheck.masked_id)
        .filter(PdpCheck.request_id == req.id))}
    return [{"filename": d.filename, "size": d.size,
             "format": (os.path.splitext(d.filename or "")[1].lstrip(".")
                        or "-").upper(),
             "masked": _masked(by_path.get(d.storage_path))
             if d.storage_path else []}
            for d in rows]


def context(letter: Letter) -> dict[str, Any]:
    """Everything the letter's template is given."""
    config = tk.config
    req = model.Session.get(Request, letter.request_id)
    event = model.Session.get(RequestEvent, letter.event_id)
    data = dict(event.data or {}) if event else {}
    lang = language()
    agency = _org_title(req.forwarded_org)
    copies = [c for c in config.get("ckanext.ppidrequest.letters.copies")
              if c.strip()]
    if agency and letter.kind in (kinds.NOTICE, kinds.DELIVERY,
                                  kinds.REJECTION):
        copies.append(agency)
    dataset = model.Package.get(req.dataset_id) if req.dataset_id else None

    def date(day: dt.date | str | None) -> str:
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return format_date(day, lang, weekday=False)

    def choice(kind: str, value: str | None) -> str:
        return labels.label(labels.CHOICES.get(kind, {}), value, lang) \
            if value else "-"

    ground = letter.kind == kinds.REJECTION and \
        (data.get("ground") or req.rejection_ground)
    return {
        "lang": lang,
        "letter": letter,
        "kind": letter.kind,
        "subject": kinds.subject(letter.kind, lang),
        "req": req,
        "event": event,
        "data": data,
        "date": date,
        "choice": choice,
        "issued": date(letter.issued_on),
        "government": config.get("ckanext.ppidrequest.letters.government"),
        "office": config.get("ckanext.ppidrequest.letters.office"),
        "address": config.get("ckanext.ppidrequest.letters.address"),
        "contact": config.get("ckanext.ppidrequest.letters.contact"),
        "place": config.get("ckanext.ppidrequest.letters.place"),
        "signer_position": config.get(
            "ckanext.ppidrequest.letters.signer_position"),
        "signer_name": config.get("ckanext.ppidrequest.letters.signer_name"),
        "signer_nip": config.get("ckanext.ppidrequest.letters.signer_nip"),
        "objection_office": config.get(
            "ckanext.ppidrequest.letters.objection_office"),
        "copies": copies,
        "agency": agency,
        "dataset_title": (dataset.title or dataset.name)
        if dataset is not None else None,
        "deliveries": _deliveries(req)
        if letter.kind in (kinds.NOTICE, kinds.DELIVERY) else [],
        "ground": ground or None,
        "ground_label": C.ground_label(ground, lang) if ground else None,
        "logo": _logo(),
        "verify_url": verify_url(letter),
        "qr": _qr(verify_url(letter)),
    }


def html(letter: Letter) -> str:
    """The letter's HTML, in the letters' language."""
    import flask

    ctx = context(letter)
    with in_language(ctx["lang"]):
        template = flask.current_app.jinja_env.get_template(
            f"ppidrequest/letters/{letter.kind}.html")
        return template.render(ctx)


_THREAD = threading.local()


def _font_config():
    """WeasyPrint's font configuration, made once per thread: making it
    for every letter costs about a third of the render."""
    from weasyprint.text.fonts import FontConfiguration

    config = getattr(_THREAD, "font_config", None)
    if config is None:
        config = _THREAD.font_config = FontConfiguration()
    return config


def pdf(letter: Letter) -> bytes:
    """The letter as PDF (A4)."""
    import weasyprint

    document = weasyprint.HTML(string=html(letter))
    return document.write_pdf(font_config=_font_config())
