"""The download log of open data (Jember step 3, Formulir Unduh Data)

Revision ID: b7d3e5a1c920
Revises: 9f4b2c7d1e63
Create Date: 2026-12-04 03:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "b7d3e5a1c920"
down_revision = "9f4b2c7d1e63"
branch_labels = None
depends_on = None

T = "ppidrequest_open_download"


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
    # the dashboard counts a period's downloads per dataset, agency and
    # purpose from this index alone (index-only scans)
    op.create_index(f"{T}_created_idx", T, ["created"],
                    postgresql_include=["package_id", "owner_org",
                                        "audience", "sector", "purpose"])
    op.create_index(f"{T}_org_created_idx", T, ["owner_org", "created"],
                    postgresql_include=["package_id", "audience",
                                        "sector", "purpose"])


def downgrade():
    op.drop_index(f"{T}_org_created_idx", table_name=T)
    op.drop_index(f"{T}_created_idx", table_name=T)
    op.drop_table(T)
