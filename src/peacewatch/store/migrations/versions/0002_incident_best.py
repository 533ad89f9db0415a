"""incidents: best killed and injured figures (the latest independent reports' toll)

Revision ID: 0002
Revises: 0001

Incidents stored before this revision get their median (the higher middle figure) as their
best figure (their sources' publication days were not kept with their figures); incidents fused
from now on get the toll of their latest reports (docs/TOLLS.md).
"""

import math

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
    # in Python, not SQL: casting a float to an integer truncates in SQLite and rounds in PostgreSQL
    incidents = sa.table("incidents", sa.column("id", sa.Integer), sa.column("killed_median", sa.Float),
                         sa.column("injured_median", sa.Float), sa.column("killed_best", sa.Integer),
                         sa.column("injured_best", sa.Integer))
    bind = op.get_bind()
    rows = bind.execute(sa.select(incidents.c.id, incidents.c.killed_median, incidents.c.injured_median).where(
        sa.or_(incidents.c.killed_median.is_not(None), incidents.c.injured_median.is_not(None)))).all()
    if rows:
        # a median between two figures takes the higher, as the best of one day's reports does
        bind.execute(sa.update(incidents).where(incidents.c.id == sa.bindparam("row_id")).values(
            killed_best=sa.bindparam("killed"), injured_best=sa.bindparam("injured")),
            [{"row_id": row_id, "killed": None if killed is None else math.ceil(killed),
              "injured": None if injured is None else math.ceil(injured)} for row_id, killed, injured in rows])


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_column("injured_best")
        batch_op.drop_column("killed_best")
