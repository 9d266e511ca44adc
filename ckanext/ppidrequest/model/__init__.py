"""Tables of the ppidrequest plugin (created by its Alembic migrations)."""
from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
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


# -- requests ----------------------------------------------------------------

class Request(BaseModel):
    """A request for information (permohonan informasi publik).

    Deadlines are dates so that "overdue" and "due soon" are indexed SQL;
    the ``*_start`` dates they were counted from are kept so that a change
    to the regency's days off can count them again."""

    __tablename__ = "ppidrequest_request"

    id: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True,
                                    default=_uuid)
    registration_number: Mapped[str] = mapped_column(
        sa.UnicodeText, nullable=False, unique=True)
    year: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    sequence: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    access_code_hash: Mapped[str] = mapped_column(sa.UnicodeText,
                                                  nullable=False)
    revision: Mapped[int] = mapped_column(sa.Integer, nullable=False,
                                          default=1)

    applicant_type: Mapped[str] = mapped_column(sa.UnicodeText,
                                                nullable=False)
    applicant_name: Mapped[str] = mapped_column(sa.UnicodeText,
                                                nullable=False)
    applicant_nik: Mapped[str | None] = mapped_column(sa.UnicodeText)
    applicant_org_registration: Mapped[str | None] = mapped_column(
        sa.UnicodeText)
    applicant_address: Mapped[str] = mapped_column(sa.UnicodeText,
                                                   nullable=False)
    applicant_occupation: Mapped[str | None] = mapped_column(sa.UnicodeText)
    applicant_phone: Mapped[str | None] = mapped_column(sa.UnicodeText)
    applicant_email: Mapped[str | None] = mapped_column(sa.UnicodeText)
    applicant_proxy_for: Mapped[str | None] = mapped_column(sa.UnicodeText)
    applicant_user_id: Mapped[str | None] = mapped_column(sa.UnicodeText)

    information_requested: Mapped[str] = mapped_column(sa.UnicodeText,
                                                       nullable=False)
    purpose: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    obtain_method: Mapped[str] = mapped_column(sa.UnicodeText,
                                               nullable=False)
    copy_format: Mapped[str | None] = mapped_column(sa.UnicodeText)
    delivery_method: Mapped[str] = mapped_column(sa.UnicodeText,
                                                 nullable=False)
    dataset_id: Mapped[str | None] = mapped_column(sa.UnicodeText)
    owner_org: Mapped[str | None] = mapped_column(sa.UnicodeText)

    channel: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    received_at: Mapped[dt.date] = mapped_column(sa.Date, nullable=False)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    created_by: Mapped[str | None] = mapped_column(sa.UnicodeText)
    modified: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)

    state: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    # the legal clock: 10 working days from clock_start (+ extension_days)
    clock_start: Mapped[dt.date | None] = mapped_column(sa.Date)
    due_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    extended: Mapped[bool] = mapped_column(sa.Boolean, nullable=False,
                                           default=False)
    extension_days: Mapped[int] = mapped_column(sa.Integer, nullable=False,
                                                default=0)
    extension_reason: Mapped[str | None] = mapped_column(sa.UnicodeText)
    # incomplete request: the applicant's 3 working days
    completion_start: Mapped[dt.date | None] = mapped_column(sa.Date)
    completion_due_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    # the current step's target from the service standard (mutu baku)
    step_start: Mapped[dt.date | None] = mapped_column(sa.Date)
    step_days: Mapped[int | None] = mapped_column(sa.Integer)
    step_due_date: Mapped[dt.date | None] = mapped_column(sa.Date)

    forwarded_org: Mapped[str | None] = mapped_column(sa.UnicodeText)

    # outcome
    closed_at: Mapped[dt.datetime | None] = mapped_column(
        sa.DateTime(timezone=True))
    partial: Mapped[bool] = mapped_column(sa.Boolean, nullable=False,
                                          default=False)
    withheld_note: Mapped[str | None] = mapped_column(sa.UnicodeText)
    pdp_check: Mapped[str | None] = mapped_column(sa.UnicodeText)
    pdp_note: Mapped[str | None] = mapped_column(sa.UnicodeText)
    rejection_ground: Mapped[str | None] = mapped_column(sa.UnicodeText)
    rejection_consequence: Mapped[str | None] = mapped_column(sa.UnicodeText)
    held_by: Mapped[str | None] = mapped_column(sa.UnicodeText)
    refusal_proposal: Mapped[str | None] = mapped_column(sa.UnicodeText)
    refusal_ground: Mapped[str | None] = mapped_column(sa.UnicodeText)
    outcome_note: Mapped[str | None] = mapped_column(sa.UnicodeText)

    # what the desk's search box matches: number, name and text, lowercased
    # by PostgreSQL when the row is written (never loaded with the row)
    search_text: Mapped[str | None] = mapped_column(
        sa.UnicodeText,
        sa.Computed("lower(registration_number || chr(10) || applicant_name"
                    " || chr(10) || information_requested)", persisted=True),
        deferred=True)


class RequestEvent(BaseModel):
    """One step of a request: who, when, which action, from and to which
    state, the note and the action's data. Append-only."""

    __tablename__ = "ppidrequest_request_event"

    id: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True,
                                    default=_uuid)
    request_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_request.id"),
        nullable=False)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    actor_id: Mapped[str | None] = mapped_column(sa.UnicodeText)
    action: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    from_state: Mapped[str | None] = mapped_column(sa.UnicodeText)
    to_state: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    note: Mapped[str | None] = mapped_column(sa.UnicodeText)
    data: Mapped[dict] = mapped_column(JSONB, nullable=False, default=dict)


class NotificationSent(BaseModel):
    """An email sent for a request event, so that a retried notification
    job mails nobody twice."""

    __tablename__ = "ppidrequest_notification_sent"

    event_id: Mapped[str] = mapped_column(
        sa.UnicodeText,
        sa.ForeignKey("ppidrequest_request_event.id", ondelete="CASCADE"),
        primary_key=True)
    address: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True)
    subject: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True)
    sent_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)


class RequestSequence(BaseModel):
    """The last registration number given in a year. Incremented inside the
    creating transaction, so numbers have no gaps: a rolled-back request
    gives its number back."""

    __tablename__ = "ppidrequest_request_sequence"

    year: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(sa.Integer, nullable=False)


class Holiday(BaseModel):
    """A regency's own day off (on top of national holidays)."""

    __tablename__ = "ppidrequest_holiday"

    day: Mapped[dt.date] = mapped_column(sa.Date, primary_key=True)
    name: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    created_by: Mapped[str | None] = mapped_column(sa.UnicodeText)


class Delivery(BaseModel):
    """A file or a resource given for a request: submitted by the agency
    (``stage='submitted'``) and released by the PPID to the applicant
    (``stage='released'``, with an expiry)."""

    __tablename__ = "ppidrequest_delivery"

    id: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True,
                                    default=_uuid)
    request_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_request.id"),
        nullable=False)
    stage: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    resource_id: Mapped[str | None] = mapped_column(sa.UnicodeText)
    storage_path: Mapped[str | None] = mapped_column(sa.UnicodeText)
    filename: Mapped[str | None] = mapped_column(sa.UnicodeText)
    mimetype: Mapped[str | None] = mapped_column(sa.UnicodeText)
    size: Mapped[int | None] = mapped_column(sa.BigInteger)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    created_by: Mapped[str | None] = mapped_column(sa.UnicodeText)
    expires_at: Mapped[dt.datetime | None] = mapped_column(
        sa.DateTime(timezone=True))


class Download(BaseModel):
    """One download of a released delivery."""

    __tablename__ = "ppidrequest_download"

    id: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True,
                                    default=_uuid)
    delivery_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_delivery.id"),
        nullable=False)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    user_id: Mapped[str | None] = mapped_column(sa.UnicodeText)
    ip: Mapped[str | None] = mapped_column(sa.UnicodeText)
    user_agent: Mapped[str | None] = mapped_column(sa.UnicodeText)


class OpenDownload(BaseModel):
    """One download of an open dataset's file, with the download form's
    answers (Jember step 3): who downloads, in which sector, for what. No
    personal data: no user, no address."""

    __tablename__ = "ppidrequest_open_download"

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(),
                                    primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    package_id: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    owner_org: Mapped[str | None] = mapped_column(sa.UnicodeText)
    resource_id: Mapped[str | None] = mapped_column(sa.UnicodeText)
    via: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    audience: Mapped[str | None] = mapped_column(sa.UnicodeText)
    sector: Mapped[str | None] = mapped_column(sa.UnicodeText)
    purpose: Mapped[str | None] = mapped_column(sa.UnicodeText)


class OpenDownloadCount(BaseModel):
    """Downloads of open data counted per month: per dataset (``dimension``
    ``dataset``) and per answer of the download form (``audience``,
    ``sector``, ``purpose``; ``value`` '' when not answered). Kept by
    :func:`..monitoring.downloads.log` with the log itself."""

    __tablename__ = "ppidrequest_open_download_count"

    month: Mapped[dt.date] = mapped_column(sa.Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True)
    owner_org: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True)
    package_id: Mapped[str] = mapped_column(sa.UnicodeText,
                                            primary_key=True)
    value: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True)
    n: Mapped[int] = mapped_column(sa.BigInteger, nullable=False)


# -- letters -----------------------------------------------------------------

class LetterSequence(BaseModel):
    """The last letter number given in a year (one agenda per year for
    every kind of letter). Incremented in the transaction of the step that
    issues the letter, so numbers have no gaps: a step rolled back gives its
    number back, and a render that fails keeps it."""

    __tablename__ = "ppidrequest_letter_sequence"

    year: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(sa.Integer, nullable=False)


class Letter(BaseModel):
    """An official letter of a request: numbered when the step that owes it
    is taken, rendered to PDF after the commit (``sha256`` and
    ``storage_path`` stay empty until then) and kept unchanged. ``token``
    is the unguessable key of its public verification page."""

    __tablename__ = "ppidrequest_letter"
    __table_args__ = (sa.UniqueConstraint("event_id", "kind"),
                      sa.UniqueConstraint("year", "sequence"))

    id: Mapped[str] = mapped_column(sa.UnicodeText, primary_key=True,
                                    default=_uuid)
    request_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_request.id"),
        nullable=False)
    event_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_request_event.id"),
        nullable=False)
    kind: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    year: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    sequence: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    number: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False,
                                        unique=True)
    issued_on: Mapped[dt.date] = mapped_column(sa.Date, nullable=False)
    token: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False,
                                       unique=True)
    created: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    rendered_at: Mapped[dt.datetime | None] = mapped_column(
        sa.DateTime(timezone=True))
    storage_path: Mapped[str | None] = mapped_column(sa.UnicodeText)
    size: Mapped[int | None] = mapped_column(sa.BigInteger)
    sha256: Mapped[str | None] = mapped_column(sa.UnicodeText)


# -- the personal-data check -------------------------------------------------

class PdpCheck(BaseModel):
    """The personal-data check of one delivery the agency handed over: the
    scan's report (per column: what was found, with masked examples), and
    the PPID's outcome: ``clean`` (the scan found nothing), ``flagged``
    (found something, nothing decided yet), ``masked`` (``masked_id`` is
    the cleaned copy that is delivered instead), ``justified`` (the PPID's
    written reason to give it as it is) or ``unscannable`` (a format the
    scan does not read: it needs a justification)."""

    __tablename__ = "ppidrequest_pdp_check"

    delivery_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_delivery.id"),
        primary_key=True)
    request_id: Mapped[str] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_request.id"),
        nullable=False)
    result: Mapped[str] = mapped_column(sa.UnicodeText, nullable=False)
    report: Mapped[dict] = mapped_column(JSONB, nullable=False, default=dict)
    masked_id: Mapped[str | None] = mapped_column(
        sa.UnicodeText, sa.ForeignKey("ppidrequest_delivery.id"))
    masking: Mapped[dict | None] = mapped_column(JSONB)
    justification: Mapped[str | None] = mapped_column(sa.UnicodeText)
    modified: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, default=_now)
    modified_by: Mapped[str | None] = mapped_column(sa.UnicodeText)
