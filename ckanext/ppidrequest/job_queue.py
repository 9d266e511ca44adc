"""The extension's job queue, ``ppidrequest``.

Jobs are named by their function in :mod:`.jobs` and take ids, never
objects; the job id is ``ppidrequest-<job>-<args>``, so the same job queued
twice is one job. A worker serves the queue with
``ckan jobs worker default ppidrequest``.
"""
from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

NAME = "ppidrequest"


def enqueue(job: str, *args: Any) -> Any:
    """Queue ``ckanext.ppidrequest.jobs.<job>(*args)``."""
    job_id = "-".join(["ppidrequest", job, *map(str, args)])
    return tk.enqueue_job(f"ckanext.ppidrequest.jobs.{job}", list(args),
                          title=job_id, queue=NAME,
                          rq_kwargs={"job_id": job_id})
