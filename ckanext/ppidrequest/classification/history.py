"""Write the classification history handed over by the dataset validator."""
from __future__ import annotations

from typing import Any

import ckan.model as model

from ..logic.validators import parse_date, take_change
from ..model import ClassificationEvent


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
