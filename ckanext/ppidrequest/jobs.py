"""Background jobs of the extension, on the ``ppidrequest`` queue.

Every job takes ids, never objects, and has a deterministic job id, so a
job queued twice for the same thing is one job. A worker serves the queue
with ``ckan jobs worker default ppidrequest``.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

import ckan.plugins.toolkit as tk

log = logging.getLogger(__name__)

QUEUE = "ppidrequest"


def enqueue(fn: Callable[..., Any], *args: Any) -> Any:
    """Queue ``fn(*args)`` with the job id ``ppidrequest-<fn>-<args>``."""
    job_id = "-".join(["ppidrequest", fn.__name__, *map(str, args)])
    return tk.enqueue_job(fn, list(args), title=job_id, queue=QUEUE,
                          rq_kwargs={"job_id": job_id})


def announce(event_id: str) -> None:
    """Tell the subscribers of a request event committed by a caller that
    deferred the commit (see :func:`.requests.workflow.commit`)."""
    from .requests import workflow

    workflow.announce(event_id)


def notify_event(event_id: str) -> int:
    """Send the notifications of a committed request event; a retried job
    mails nobody twice (what was sent is recorded)."""
    from .requests import notify

    return notify.send_for_event(event_id)


def daily(days: int = 2, day: str | None = None) -> dict[str, int]:
    """The morning run (``ckan ppidrequest remind``): requests not
    completed in time lapse, then officers get their reminders. ``day``
    (the date the run is for) only names the job: one run a day."""
    from .requests import notify, workflow

    lapsed = workflow.lapse_overdue()
    result = notify.send_reminders(days)
    return dict(result, lapsed=len(lapsed))
