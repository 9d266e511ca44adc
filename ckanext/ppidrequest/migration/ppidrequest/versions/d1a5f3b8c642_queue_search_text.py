"""The desk's search box reads one lowercased column

``q`` matched ``ILIKE`` on three columns, each with its trigram index. The
counts per state of a common word ("penduduk", 7,500 of 100,000 requests)
spent most of their time re-checking the three case-insensitive matches on
every candidate row. One stored column, lowercased once when the request
is written, is matched with ``LIKE`` and one trigram index: the same
substring search (number, name or text), 25 -> 15 ms for that count.

Revision ID: d1a5f3b8c642
Revises: c4d8e2a7f915
Create Date: 2026-12-04 03:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d1a5f3b8c642"
down_revision = "c4d8e2a7f915"
branch_labels = None
depends_on = None

T = "ppidrequest_request"
TRGM_COLUMNS = ("registration_number", "applicant_name",
                "information_requested")
#: kept in step with ``Request.search_text`` (model)
SEARCH_TEXT = ("lower(registration_number || chr(10) || applicant_name"
               " || chr(10) || information_requested)")


def upgrade():
    op.add_column(T, sa.Column("search_text", sa.UnicodeText,
                               sa.Computed(SEARCH_TEXT, persisted=True)))
    op.create_index(f"{T}_search_text_trgm_idx", T, ["search_text"],
                    postgresql_using="gin",
                    postgresql_ops={"search_text": "gin_trgm_ops"})
    for column in TRGM_COLUMNS:
        op.drop_index(f"{T}_{column}_trgm_idx", table_name=T)


def downgrade():
    for column in TRGM_COLUMNS:
        op.create_index(f"{T}_{column}_trgm_idx", T, [column],
                        postgresql_using="gin",
                        postgresql_ops={column: "gin_trgm_ops"})
    op.drop_index(f"{T}_search_text_trgm_idx", table_name=T)
    op.drop_column(T, "search_text")
