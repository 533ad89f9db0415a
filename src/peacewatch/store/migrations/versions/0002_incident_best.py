"""incidents: best killed and injured figures (the latest independent reports' toll)

Revision ID: 0002
Revises: 0001

Incidents stored before this revision get their median as their best figure (their sources'
publication days were not kept with their figures); incidents fused from now on get the toll of
their latest reports (docs/TOLLS.md).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("killed_best", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("injured_best", sa.Integer(), nullable=True))
    op.execute("UPDATE incidents SET killed_best = CAST(killed_median AS INTEGER), "
               "injured_best = CAST(injured_median AS INTEGER)")


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_column("injured_best")
        batch_op.drop_column("killed_best")
