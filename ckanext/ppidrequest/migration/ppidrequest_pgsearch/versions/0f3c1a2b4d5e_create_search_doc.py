"""Create the PostgreSQL search document table

Revision ID: 0f3c1a2b4d5e
Revises:
Create Date: 2026-11-21 14:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0f3c1a2b4d5e"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ppidrequest_search_doc",
        # Solr's unique key: md5(id + site_id), built by CKAN's indexer
        sa.Column("index_id", sa.UnicodeText, primary_key=True),
        sa.Column("id", sa.UnicodeText, nullable=False),
        sa.Column("name", sa.UnicodeText),
        sa.Column("site_id", sa.UnicodeText),
        sa.Column("title_string", sa.UnicodeText),
        sa.Column("metadata_modified", sa.DateTime(timezone=True)),
        sa.Column("metadata_created", sa.DateTime(timezone=True)),
        # every non-text field: name -> list of normalised values (exact
        # matches, ranges, facets); kept small and inline, see below
        sa.Column("fields", postgresql.JSONB, nullable=False),
        # the analysed text fields (title, notes, extras_*...) for fielded
        # text queries such as title:padi
        sa.Column("texts", postgresql.JSONB, nullable=False),
        # the document exactly as CKAN sent it (returned through ``fl``)
        sa.Column("data", postgresql.JSONB, nullable=False),
        # Solr's catch-all ``text`` field, indonesian + simple, weighted
        sa.Column("text_tsv", postgresql.TSVECTOR, nullable=False),
        sa.Column("indexed_at", sa.DateTime(timezone=True),
                  server_default=sa.func.now(), nullable=False),
    )
    # Filters and facets read ``fields`` of every matching row: keep it in
    # the heap tuple (compressed) and let the large, rarely read columns go
    # to TOAST first, so a scan does not fetch TOAST chunks row by row.
    op.execute("ALTER TABLE ppidrequest_search_doc "
               "ALTER COLUMN fields SET STORAGE MAIN")
    op.create_index("ppidrequest_search_doc_fields_idx",
                    "ppidrequest_search_doc", ["fields"],
                    postgresql_using="gin",
                    postgresql_ops={"fields": "jsonb_path_ops"})
    op.create_index("ppidrequest_search_doc_text_idx",
                    "ppidrequest_search_doc", ["text_tsv"],
                    postgresql_using="gin")
    op.create_index("ppidrequest_search_doc_modified_idx",
                    "ppidrequest_search_doc", ["metadata_modified"])
    op.create_index("ppidrequest_search_doc_id_idx",
                    "ppidrequest_search_doc", ["id"])


def downgrade():
    op.drop_table("ppidrequest_search_doc")
