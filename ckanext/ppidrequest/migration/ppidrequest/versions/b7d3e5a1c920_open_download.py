"""The download log of open data (Jember step 3, Formulir Unduh Data), its
monthly counts, and the index the dashboard's request figures read

Revision ID: b7d3e5a1c920
Revises: d1a5f3b8c642
Create Date: 2026-12-04 03:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "b7d3e5a1c920"
down_revision = "d1a5f3b8c642"
branch_labels = None
depends_on = None

T = "ppidrequest_open_download"
COUNTS = "ppidrequest_open_download_count"
R = "ppidrequest_request"
#: what the dashboard and the annual report read of a request: with the
#: received date, an index-only scan serves every figure of a period
REQUEST_FIGURES = ["owner_org", "forwarded_org", "dataset_id", "state",
                   "due_date", "step_due_date", "clock_start", "closed_at",
                   "partial", "extended", "channel", "rejection_ground"]


def upgrade():
    op.create_table(
        T,
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("package_id", sa.UnicodeText, nullable=False),
        sa.Column("owner_org", sa.UnicodeText),
        sa.Column("resource_id", sa.UnicodeText),
        # how the answers came: form, skipped, api (parameters or headers),
        # none (the form is off, or an API client sent nothing)
        sa.Column("via", sa.UnicodeText, nullable=False),
        sa.Column("audience", sa.UnicodeText),
        sa.Column("sector", sa.UnicodeText),
        sa.Column("purpose", sa.UnicodeText),
    )
    op.create_index(f"{T}_created_idx", T, ["created"])


    # downloads counted per month: periods are years, quarters and months,
    # so a period's counts are a sum of a few thousand rows, whatever the
    # size of the log. dimension "dataset" counts per package_id (value
    # ''); "audience", "sector", "purpose" per answer (package_id '';
    # value '' when not answered).
    op.create_table(
        COUNTS,
        sa.Column("month", sa.Date, nullable=False),
        sa.Column("dimension", sa.UnicodeText, nullable=False),
        sa.Column("owner_org", sa.UnicodeText, nullable=False),
        sa.Column("package_id", sa.UnicodeText, nullable=False),
        sa.Column("value", sa.UnicodeText, nullable=False),
        sa.Column("n", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("month", "dimension", "owner_org",
                                "package_id", "value"),
    )
    op.create_index(f"{R}_figures_idx", R, ["received_at"],
                    postgresql_include=REQUEST_FIGURES)


def downgrade():
    op.drop_index(f"{R}_figures_idx", table_name=R)
    op.drop_table(COUNTS)
    op.drop_index(f"{T}_created_idx", table_name=T)
    op.drop_table(T)
