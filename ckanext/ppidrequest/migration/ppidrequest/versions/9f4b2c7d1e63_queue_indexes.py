"""Indexes of the PPID desk's queue: trigram search, sorts and filters

Revision ID: 9f4b2c7d1e63
Revises: 3e7a9d1c2b54
Create Date: 2026-12-03 16:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "9f4b2c7d1e63"
down_revision = "3e7a9d1c2b54"
branch_labels = None
depends_on = None

T = "ppidrequest_request"
TRGM_COLUMNS = ("registration_number", "applicant_name",
                "information_requested")


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in TRGM_COLUMNS:
        op.create_index(f"{T}_{column}_trgm_idx", T, [column],
                        postgresql_using="gin",
                        postgresql_ops={column: "gin_trgm_ops"})
    op.create_index(f"{T}_channel_idx", T, ["channel", "state"])
    op.create_index(f"{T}_due_idx", T, [sa.text("due_date")])
    op.create_index(f"{T}_due_desc_idx", T,
                    [sa.text("due_date DESC NULLS LAST")])


def downgrade():
    for name in ("due_desc", "due", "channel"):
        op.drop_index(f"{T}_{name}_idx", table_name=T)
    for column in TRGM_COLUMNS:
        op.drop_index(f"{T}_{column}_trgm_idx", table_name=T)
