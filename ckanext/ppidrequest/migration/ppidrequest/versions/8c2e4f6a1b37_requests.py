"""Requests for information, their events, the regency's days off, and
deliveries with their download log

Revision ID: 8c2e4f6a1b37
Revises: 5b1d7e2a9c40
Create Date: 2026-11-21 18:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

# revision identifiers, used by Alembic.
revision = "8c2e4f6a1b37"
down_revision = "5b1d7e2a9c40"
branch_labels = None
depends_on = None

OPEN = "state IN ('submitted', 'awaiting_completion', 'in_review', " \
       "'forwarded', 'data_submitted')"


def _text(name, *args, **kw):
    return sa.Column(name, sa.UnicodeText, *args, **kw)


def upgrade():
    op.create_table(
        "ppidrequest_request",
        _text("id", primary_key=True),
        _text("registration_number", nullable=False, unique=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        _text("access_code_hash", nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        _text("applicant_type", nullable=False),
        _text("applicant_name", nullable=False),
        _text("applicant_nik"),
        _text("applicant_org_registration"),
        _text("applicant_address", nullable=False),
        _text("applicant_occupation"),
        _text("applicant_phone"),
        _text("applicant_email"),
        _text("applicant_proxy_for"),
        _text("applicant_user_id"),
        _text("information_requested", nullable=False),
        _text("purpose", nullable=False),
        _text("obtain_method", nullable=False),
        _text("copy_format"),
        _text("delivery_method", nullable=False),
        # no foreign keys into core tables: the register outlives a purge
        _text("dataset_id"),
        _text("owner_org"),
        _text("channel", nullable=False),
        sa.Column("received_at", sa.Date, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        _text("created_by"),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        _text("state", nullable=False),
        sa.Column("clock_start", sa.Date),
        sa.Column("due_date", sa.Date),
        sa.Column("extended", sa.Boolean, nullable=False),
        sa.Column("extension_days", sa.Integer, nullable=False),
        _text("extension_reason"),
        sa.Column("completion_start", sa.Date),
        sa.Column("completion_due_date", sa.Date),
        sa.Column("step_start", sa.Date),
        sa.Column("step_days", sa.Integer),
        sa.Column("step_due_date", sa.Date),
        _text("forwarded_org"),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("partial", sa.Boolean, nullable=False),
        _text("withheld_note"),
        _text("pdp_check"),
        _text("pdp_note"),
        _text("rejection_ground"),
        _text("rejection_consequence"),
        _text("held_by"),
        _text("refusal_proposal"),
        _text("refusal_ground"),
        _text("outcome_note"),
        sa.UniqueConstraint("year", "sequence",
                            name="ppidrequest_request_year_sequence_key"),
    )
    t = "ppidrequest_request"
    op.create_index("ppidrequest_request_state_due_idx", t,
                    ["state", "due_date"])
    # the officers' work lists: open requests by due date
    op.create_index("ppidrequest_request_open_due_idx", t, ["due_date"],
                    postgresql_where=sa.text(OPEN))
    op.create_index("ppidrequest_request_owner_org_idx", t,
                    ["owner_org", "due_date"])
    op.create_index("ppidrequest_request_forwarded_org_idx", t,
                    ["forwarded_org", "due_date"])
    op.create_index("ppidrequest_request_applicant_idx", t,
                    ["applicant_user_id"])
    op.create_index("ppidrequest_request_received_idx", t, ["received_at"])
    op.create_index("ppidrequest_request_dataset_idx", t, ["dataset_id"])

    op.create_table(
        "ppidrequest_request_event",
        _text("id", primary_key=True),
        _text("request_id", sa.ForeignKey("ppidrequest_request.id"),
              nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        _text("actor_id"),
        _text("action", nullable=False),
        _text("from_state"),
        _text("to_state", nullable=False),
        _text("note"),
        sa.Column("data", JSONB, nullable=False),
    )
    op.create_index("ppidrequest_request_event_request_idx",
                    "ppidrequest_request_event", ["request_id", "created"])

    op.create_table(
        "ppidrequest_request_sequence",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last_value", sa.Integer, nullable=False),
    )
    op.create_table(
        "ppidrequest_holiday",
        sa.Column("day", sa.Date, primary_key=True),
        _text("name", nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        _text("created_by"),
    )
    op.create_table(
        "ppidrequest_delivery",
        _text("id", primary_key=True),
        _text("request_id", sa.ForeignKey("ppidrequest_request.id"),
              nullable=False),
        _text("stage", nullable=False),
        _text("resource_id"),
        _text("storage_path"),
        _text("filename"),
        _text("mimetype"),
        sa.Column("size", sa.BigInteger),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        _text("created_by"),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ppidrequest_delivery_request_idx",
                    "ppidrequest_delivery", ["request_id"])
    op.create_table(
        "ppidrequest_download",
        _text("id", primary_key=True),
        _text("delivery_id", sa.ForeignKey("ppidrequest_delivery.id"),
              nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        _text("user_id"),
        _text("ip"),
        _text("user_agent"),
    )
    op.create_index("ppidrequest_download_delivery_idx",
                    "ppidrequest_download", ["delivery_id"])


def downgrade():
    for table in ("ppidrequest_download", "ppidrequest_delivery",
                  "ppidrequest_holiday", "ppidrequest_request_sequence",
                  "ppidrequest_request_event", "ppidrequest_request"):
        op.drop_table(table)
