"""Letters (numbered, rendered, verifiable) and the personal-data check

Revision ID: b7d3e1a5c902
Revises: b7d3e5a1c920
Create Date: 2026-12-04 03:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

# revision identifiers, used by Alembic.
revision = "b7d3e1a5c902"
down_revision = "b7d3e5a1c920"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "ppidrequest_letter_sequence",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last_value", sa.Integer, nullable=False),
    )
    op.create_table(
        "ppidrequest_letter",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        sa.Column("request_id", sa.UnicodeText,
                  sa.ForeignKey("ppidrequest_request.id"), nullable=False),
        sa.Column("event_id", sa.UnicodeText,
                  sa.ForeignKey("ppidrequest_request_event.id"),
                  nullable=False),
        sa.Column("kind", sa.UnicodeText, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("number", sa.UnicodeText, nullable=False, unique=True),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("token", sa.UnicodeText, nullable=False, unique=True),
        sa.Column("created", _TZ, nullable=False),
        sa.Column("rendered_at", _TZ),
        sa.Column("storage_path", sa.UnicodeText),
        sa.Column("size", sa.BigInteger),
        sa.Column("sha256", sa.UnicodeText),
        sa.UniqueConstraint("event_id", "kind"),
        sa.UniqueConstraint("year", "sequence"),
    )
    op.create_index("ppidrequest_letter_request_id_idx",
                    "ppidrequest_letter", ["request_id"])
    op.create_table(
        "ppidrequest_pdp_check",
        sa.Column("delivery_id", sa.UnicodeText,
                  sa.ForeignKey("ppidrequest_delivery.id"),
                  primary_key=True),
        sa.Column("request_id", sa.UnicodeText,
                  sa.ForeignKey("ppidrequest_request.id"), nullable=False),
        sa.Column("result", sa.UnicodeText, nullable=False),
        sa.Column("report", JSONB, nullable=False),
        sa.Column("masked_id", sa.UnicodeText,
                  sa.ForeignKey("ppidrequest_delivery.id")),
        sa.Column("masking", JSONB),
        sa.Column("justification", sa.UnicodeText),
        sa.Column("modified", _TZ, nullable=False),
        sa.Column("modified_by", sa.UnicodeText),
    )
    op.create_index("ppidrequest_pdp_check_request_id_idx",
                    "ppidrequest_pdp_check", ["request_id"])


def downgrade():
    op.drop_table("ppidrequest_pdp_check")
    op.drop_table("ppidrequest_letter")
    op.drop_table("ppidrequest_letter_sequence")
