"""Demo requests for information: one or more in every state of the
workflow (``data/requests.yaml``), walked through the public actions by the
demo users, so that the PPID, the Dinas Kesehatan's PPID Pembantu and the
applicant each have work on their dashboards. Idempotent: a request whose
applicant and subject exist is left alone.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Any, Callable

from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk


def _received(days_ago: int) -> dt.date:
    """The day of receipt of a request registered by the PPID: ``days_ago``
    days before today in the portal's time zone, moved back to a weekday.

    The only use of the requests package's internals: keep it so when the
    workflow modules change."""
    from ..requests import clock

    day = clock.today() - dt.timedelta(days=days_ago)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _act(user: str, name: str, data: dict[str, Any]) -> dict[str, Any]:
    return tk.get_action(name)({"user": user, "ignore_auth": False}, data)


def _exists(form: dict[str, Any]) -> bool:
    """Whether a request from this applicant about this subject exists, as
    the PPID's own list shows it."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    found = tk.get_action("ppidrequest_list")(
        {"user": site_user["name"], "ignore_auth": True},
        {"q": form["information_requested"], "limit": 1000})
    return any(r["applicant_name"] == form["applicant_name"]
               and r["information_requested"] == form["information_requested"]
               for r in found["results"])


def _upload(filename: str, content: str) -> FileStorage:
    return FileStorage(stream=io.BytesIO(content.encode()),
                       filename=filename, content_type="text/csv")


def ensure_request(spec: dict[str, Any], tally: Callable[[str], None]):
    """File the request of ``spec`` as ``spec["filed_by"]`` with
    ``ppidrequest_create``, then take its steps with
    ``ppidrequest_transition``, each as the step's user."""
    form = dict(spec["form"])
    if _exists(form):
        tally("unchanged")
        return
    if spec["channel"] != "web":
        form.update(channel=spec["channel"],
                    received_at=_received(spec["days_ago"]).isoformat())
    form = {k: v for k, v in form.items() if v != ""}
    req = _act(spec["filed_by"], "ppidrequest_create", form)
    for step in spec["steps"]:
        fields = {k: v for k, v in step.items() if k not in ("by", "action")}
        if "file" in fields:
            file = fields.pop("file")
            fields["upload"] = _upload(file["name"], file["content"])
        _act(step["by"], "ppidrequest_transition",
             dict(fields, id=req["id"], action=step["action"]))
    tally("created")
