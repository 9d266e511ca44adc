"""Tables of the ppidrequest plugin (created by its Alembic migrations)."""
from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

import ckan.model as model
from ckan.plugins.toolkit import BaseModel


def _uuid() -> str:
    return str(uuid.uuid4())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class ClassificationEvent(BaseModel):
    """One step in a dataset's classification history: a proposal, a
    decision, a rejected proposal or a bulk classification. Append-only."""

    __tablename__ = "ppidrequest_classification_event"

    id: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True,
                                    default=_uuid)
    package_id: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    kind: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    actor_id: Mapped[str | None] = mapped_column(sa.UnicodeText)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    from_classification: Mapped[str | None] = mapped_column(sa.UnicodeText)
    to_classification: Mapped[str | None] = mapped_column(sa.UnicodeText)
    ground: Mapped[str | None] = mapped_column(sa.UnicodeText)
    consequence: Mapped[str | None] = mapped_column(sa.UnicodeText)
    exempt_until: Mapped[dt.date | None] = mapped_column(sa.Date)
    exempt_reason: Mapped[str | None] = mapped_column(sa.UnicodeText)
    decision_ref: Mapped[str | None] = mapped_column(sa.UnicodeText)
    note: Mapped[str | None] = mapped_column(sa.UnicodeText)

    def as_dict(self) -> dict:
        actor = model.User.get(self.actor_id) if self.actor_id else None
        return {
            "id": self.id,
            "package_id": self.package_id,
            "kind": self.kind,
            "actor": actor.name if actor else None,
            "actor_display_name": actor.display_name if actor else None,
            "created": self.created.isoformat(),
            "from_classification": self.from_classification,
            "to_classification": self.to_classification,
            "ground": self.ground,
            "consequence": self.consequence,
            "exempt_until": self.exempt_until.isoformat()
            if self.exempt_until else None,
            "exempt_reason": self.exempt_reason,
            "decision_ref": self.decision_ref,
            "note": self.note,
        }
