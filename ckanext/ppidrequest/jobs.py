"""Background jobs of the extension, queued by name with
:func:`.job_queue.enqueue` on the ``ppidrequest`` queue."""
from __future__ import annotations

from .letters import archive
from .requests import notify, workflow


def announce(event_id: str) -> None:
    """Tell the subscribers of a request event committed by a caller that
    deferred the commit (see :func:`.requests.workflow.commit`)."""
    workflow.announce(event_id)


def notify_event(event_id: str) -> int:
    """Send the notifications of a committed request event; a retried job
    mails nobody twice (what was sent is recorded)."""
    return notify.send_for_event(event_id)


def daily(days: int = 2, day: str | None = None) -> dict[str, int]:
    """The morning run (``ckan ppidrequest remind``): requests not
    completed in time lapse, then officers get their reminders. ``day``
    (the date the run is for) only names the job: one run a day."""
    lapsed = workflow.lapse_overdue()
    result = notify.send_reminders(days)
    return dict(result, lapsed=len(lapsed))


def render_letters(event_id: str) -> int:
    """Render the letters a committed step issued (numbered already); a
    retried job renders only what is still missing."""
    return archive.render_for_event(event_id)
