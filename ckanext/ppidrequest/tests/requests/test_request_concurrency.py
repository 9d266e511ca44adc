"""Two people at once: real concurrent transactions on PostgreSQL."""
from __future__ import annotations

import threading

import pytest

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest.model import RequestEvent

from .test_requests import FORM, act, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _in_threads(app, count, work):
    """Run ``work(n)`` in ``count`` threads released together; each thread
    has its own database session (CKAN's session is thread-scoped)."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(n):
        with app.flask_app.test_request_context():
            barrier.wait()
            try:
                results[n] = work(n)
            except Exception as error:  # noqa: BLE001 - collected
                results[n] = error
            finally:
                model.Session.remove()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_concurrent_creates_get_unique_gap_free_numbers(app, actors):
    results = _in_threads(app, 8, lambda n: [
        act(None, "ppidrequest_create", **FORM)["registration_number"]
        for _i in range(4)])
    numbers = [number for batch in results for number in batch]
    assert len(numbers) == 32
    sequences = sorted(int(number.split("/")[0]) for number in numbers)
    assert sequences == list(range(1, 33))


def test_two_officers_at_once_one_wins(app, actors):
    req = act(None, "ppidrequest_create", **FORM)
    ppid = actors["ppid"]
    results = _in_threads(app, 6, lambda n: move(ppid, req, "review"))
    wins = [r for r in results if isinstance(r, dict)]
    losses = [r for r in results if not isinstance(r, dict)]
    assert len(wins) == 1
    assert len(losses) == 5
    for error in losses:
        assert isinstance(error, tk.ValidationError), repr(error)
        assert set(error.error_dict) & {"revision", "action"}
    events = (model.Session.query(RequestEvent.action)
              .filter(RequestEvent.request_id == req["id"]).all())
    assert sorted(e.action for e in events) == ["create", "review"]


def test_a_held_request_is_a_conflict_at_once(actors):
    """While another transaction holds the request, an action does not
    wait: it says someone else is changing it, and changes nothing."""
    req = act(None, "ppidrequest_create", **FORM)
    with model.meta.engine.connect() as other:
        tx = other.begin()
        other.execute(model.sa.text(
            "SELECT id FROM ppidrequest_request WHERE id = :id FOR UPDATE"),
            {"id": req["id"]})
        with pytest.raises(tk.ValidationError) as error:
            move(actors["ppid"], req, "review")
        assert "revision" in error.value.error_dict
        assert "Someone else" in error.value.error_dict["revision"][0]
        tx.rollback()
    shown = act(actors["ppid"], "ppidrequest_show", id=req["id"])
    assert shown["state"] == "submitted"
    # and once free, it works
    assert move(actors["ppid"], req, "review")["state"] == "in_review"
