"""Links to a letter: the personal download link (signed, like a
delivery's) and the letter as a reader of its request sees it."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

from ..model import Letter
from ..requests import delivery as deliver
from . import kinds, render

_SALT = "ppidrequest-letter"


def token(letter: Letter) -> str:
    return deliver.sign(_SALT, letter.id, letter.request_id)


def token_matches(letter: Letter, value: str | None) -> bool:
    return deliver.signed(_SALT, value, letter.id, letter.request_id)


def download_url(letter: Letter) -> str:
    return tk.config["ckan.site_url"].rstrip("/") + tk.url_for(
        "ppidrequest_letters.download", letter_id=letter.id,
        token=token(letter))


def as_dict(letter: Letter) -> dict[str, Any]:
    """A letter in ``ppidrequest_show`` and ``ppidrequest_track``."""
    return {
        "id": letter.id,
        "kind": letter.kind,
        "subject": kinds.subject(letter.kind),
        "number": letter.number,
        "issued_on": letter.issued_on.isoformat(),
        "rendered": bool(letter.sha256),
        "sha256": letter.sha256,
        "filename": render.filename(letter),
        "download_url": download_url(letter),
        "verify_url": render.verify_url(letter),
    }
