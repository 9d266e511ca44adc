"""Letters kept as issued: rendered once, stored unchanged with their
SHA-256 in the delivery storage (``letters/<request id>/...``, apart from
the data files), read back
for downloads and emails, and checked on the public verification page.

Rendering happens after the step committed (the signal subscriber
:func:`on_request_event`, or the ``render_letters`` job), never inside the
step's transaction. A letter is locked while it renders, so two renderers
never store it twice; one killed mid-render leaves the letter numbered and
unrendered, and the next call (job retry, download, email,
``ckan ppidrequest letters``) renders it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib import files

from ..model import Letter
from ..requests import delivery as deliver
from . import issue, render

log = logging.getLogger(__name__)


class Unavailable(Exception):
    """The letter cannot be rendered or read now (no storage, or its file
    is missing or altered)."""


def _store():
    store = deliver.storage()
    if store is None:
        raise Unavailable("no delivery storage to keep letters in")
    return store


def ensure_rendered(letter_id: str) -> Letter | None:
    """The letter, rendered and stored (commits). Locks it while it
    renders: a second caller waits, then finds it done."""
    letter = (model.Session.query(Letter).filter(Letter.id == letter_id)
              .populate_existing().with_for_update().one_or_none())
    if letter is None or letter.sha256:
        model.Session.commit()
        return letter
    try:
        content = render.pdf(letter)
        store = _store()
        # a new name per attempt: an attempt killed mid-write leaves at
        # most an orphan, never a half file under the letter's name
        location = store.prepare_location(
            f"letters/{letter.request_id}/{letter.id}-{uuid.uuid4().hex}.pdf")
        stored = store.upload(location, files.make_upload(content))
    except Exception:
        model.Session.rollback()
        raise
    letter.storage_path = stored.location
    letter.size = len(content)
    letter.sha256 = hashlib.sha256(content).hexdigest()
    letter.rendered_at = dt.datetime.now(dt.timezone.utc)
    model.Session.commit()
    return letter


def render_pending(letter_ids: list[str]) -> int:
    """Render each letter not rendered yet; a failure is logged and the
    others still render. Returns how many are rendered now."""
    done = 0
    for letter_id in letter_ids:
        try:
            letter = ensure_rendered(letter_id)
        except Exception:  # noqa: BLE001 - the number is kept; retried later
            log.exception("ppidrequest: letter %s could not be rendered",
                          letter_id)
            continue
        done += bool(letter and letter.sha256)
    return done


def render_for_event(event_id: str) -> int:
    return render_pending([letter.id for letter in issue.of_event(event_id)
                           if not letter.sha256])


def unrendered() -> list[str]:
    return [row.id for row in model.Session.query(Letter.id)
            .filter(Letter.sha256.is_(None))
            .order_by(Letter.year, Letter.sequence)]


def content(letter: Letter) -> bytes:
    """The stored PDF, exactly as issued (rendered first if it was not):
    a file that no longer matches its hash is refused."""
    if not letter.sha256:
        letter = ensure_rendered(letter.id)
    data = _store().content(files.FileData(files.Location(
        letter.storage_path)))
    if hashlib.sha256(data).hexdigest() != letter.sha256:
        raise Unavailable(f"letter {letter.id} does not match its hash")
    return data


def attachments(event_id: str) -> list[tuple[str, bytes]]:
    """The letters of an event as email attachments (file name, PDF)."""
    out = []
    for letter in issue.of_event(event_id):
        try:
            out.append((render.filename(letter), content(letter)))
        except Exception:  # noqa: BLE001 - the email still goes
            log.exception("ppidrequest: letter %s not attached", letter.id)
    return out


def on_request_event(event_id: str, **_kwargs: Any) -> None:
    """Signal subscriber (after commit): render the event's letters, at
    once or through the job queue."""
    try:
        if not issue.of_event(event_id):
            return
        if tk.config.get("ckanext.ppidrequest.letters.render_via_jobs"):
            from .. import job_queue

            job_queue.enqueue("render_letters", event_id)
        else:
            render_for_event(event_id)
    except Exception:  # noqa: BLE001 - the step is saved whatever happens
        log.exception("ppidrequest: letters of event %s failed", event_id)


def by_token(token: str) -> Letter | None:
    if not token or len(token) > 100:
        return None
    return (model.Session.query(Letter).filter(Letter.token == token)
            .one_or_none())


def sha256_of(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(1 << 16), b""):
        digest.update(chunk)
    return digest.hexdigest()
