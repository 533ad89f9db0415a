"""articles: an index on the time each was stored

Revision ID: 0003
Revises: 0002

Writers stamp a batch's articles with the later of now and the latest stamp stored, and a
process's copy index catches up with what other processes stored since its own latest stamp:
both look the latest stamps up by this index.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])


def downgrade() -> None:
    op.drop_index("ix_articles_ingested_at", table_name="articles")
