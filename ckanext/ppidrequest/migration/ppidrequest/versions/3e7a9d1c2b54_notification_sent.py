"""Record of the notifications sent for each request event

Revision ID: 3e7a9d1c2b54
Revises: 8c2e4f6a1b37
Create Date: 2026-12-03 12:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "3e7a9d1c2b54"
down_revision = "8c2e4f6a1b37"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ppidrequest_notification_sent",
        sa.Column("event_id", sa.UnicodeText,
                  sa.ForeignKey("ppidrequest_request_event.id",
                                ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("address", sa.UnicodeText, primary_key=True),
        sa.Column("subject", sa.UnicodeText, primary_key=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade():
    op.drop_table("ppidrequest_notification_sent")
