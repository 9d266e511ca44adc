"""The classification history: the change a dataset's validation made,
written as an event when the dataset is saved.

The dataset schema's validator (``ppidrequest_classification``) works on a
copy of the action's context, so it leaves the change in the session's
``info``, which belongs to the transaction that saves the dataset; the
plugin's ``after_dataset_create``/``_update`` take it from there. The
end of the transaction forgets what was not taken.
"""
from __future__ import annotations

from typing import Any

import ckan.model as model
from sqlalchemy import event, orm

from ..model import ClassificationEvent
from .classes import parse_date

_PENDING = "ppidrequest_classification_changes"


def stash_change(key: str, change: dict[str, Any] | None) -> None:
    """Keep (or, with None, drop) the change validated for the dataset
    whose id or name is ``key``."""
    store = model.Session.info.setdefault(_PENDING, {})
    if change is None:
        store.pop(key, None)
    else:
        store[key] = change


def take_change(pkg_dict: dict[str, Any]) -> dict[str, Any] | None:
    """The classification change validated for this dataset, if any."""
    store = model.Session.info.get(_PENDING) or {}
    change = None
    for key in (pkg_dict.get("id"), pkg_dict.get("name")):
        if key in store:
            change = store.pop(key)
    return change


@event.listens_for(orm.Session, "after_commit")
@event.listens_for(orm.Session, "after_rollback")
def _forget(session) -> None:
    session.info.pop(_PENDING, None)


def record_changes(context: dict[str, Any], pkg_dict: dict[str, Any]) -> None:
    change = take_change(pkg_dict)
    if change is None:
        return
    user = model.User.get(context.get("user") or "")
    note = context.get("ppidrequest_note")
    basis = change["basis"]
    model.Session.add(ClassificationEvent(
        package_id=pkg_dict["id"],
        kind=context.get("ppidrequest_event_kind") or change["kind"],
        actor_id=user.id if user else None,
        from_classification=change["from"],
        to_classification=change["to"],
        ground=basis.get("classification_ground") or None,
        consequence=basis.get("classification_consequence") or None,
        exempt_until=parse_date(basis.get("classification_exempt_until")),
        exempt_reason=basis.get("classification_exempt_reason") or None,
        decision_ref=basis.get("classification_decision_ref") or None,
        note=note,
    ))
