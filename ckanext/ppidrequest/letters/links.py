"""Links to a letter: the personal download link (signed, like a
delivery's) and the letter as a reader of its request sees it."""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk
from itsdangerous import BadSignature, URLSafeSerializer

from ..model import Letter
from . import kinds, render

_SALT = "ppidrequest-letter"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(tk.config["SECRET_KEY"], salt=_SALT)


def token(letter: Letter) -> str:
    return _serializer().dumps([letter.id, letter.request_id])


def token_matches(letter: Letter, value: str) -> bool:
    try:
        return _serializer().loads(value or "") == [letter.id,
                                                    letter.request_id]
    except BadSignature:
        return False


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
