"""Classification history of datasets

Revision ID: 5b1d7e2a9c40
Revises:
Create Date: 2026-11-21 15:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "5b1d7e2a9c40"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ppidrequest_classification_event",
        sa.Column("id", sa.UnicodeText, primary_key=True),
        # no foreign key into core tables: history outlives a purge
        sa.Column("package_id", sa.UnicodeText, nullable=False),
        # proposal | decision | proposal_rejected | bulk
        sa.Column("kind", sa.UnicodeText, nullable=False),
        sa.Column("actor_id", sa.UnicodeText),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_classification", sa.UnicodeText),
        sa.Column("to_classification", sa.UnicodeText),
        sa.Column("ground", sa.UnicodeText),
        sa.Column("consequence", sa.UnicodeText),
        sa.Column("exempt_until", sa.Date),
        sa.Column("exempt_reason", sa.UnicodeText),
        sa.Column("decision_ref", sa.UnicodeText),
        sa.Column("note", sa.UnicodeText),
    )
    op.create_index("ppidrequest_classification_event_package_idx",
                    "ppidrequest_classification_event",
                    ["package_id", "created"])


def downgrade():
    op.drop_table("ppidrequest_classification_event")
