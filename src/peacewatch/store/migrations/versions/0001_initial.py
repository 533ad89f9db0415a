"""initial schema: articles, events, claims, agreements, steps, incidents

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=512), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=256), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("copy_of", sa.String(length=32), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("boilerplate", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["copy_of"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_copy_of"), ["copy_of"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("date_value", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("date_start", sa.String(length=10), nullable=True),
        sa.Column("date_end", sa.String(length=10), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("place_precision", sa.String(length=12), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("source_country", sa.String(length=3), nullable=True),
        sa.Column("source_sector", sa.String(length=8), nullable=True),
        sa.Column("target_name", sa.Text(), nullable=True),
        sa.Column("target_country", sa.String(length=3), nullable=True),
        sa.Column("target_sector", sa.String(length=8), nullable=True),
        sa.Column("killed_median", sa.Float(), nullable=True),
        sa.Column("killed_min", sa.Integer(), nullable=True),
        sa.Column("killed_max", sa.Integer(), nullable=True),
        sa.Column("injured_median", sa.Float(), nullable=True),
        sa.Column("injured_min", sa.Integer(), nullable=True),
        sa.Column("injured_max", sa.Integer(), nullable=True),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("external_id"),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index("ix_incidents_block", ["type", "country", "date_start"], unique=False)
        batch_op.create_index("ix_incidents_date", ["date_start"], unique=False)
        batch_op.create_index("ix_incidents_source_date", ["source_country", "date_start"], unique=False)

    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("duration_days", sa.Integer(), nullable=True),
        sa.Column("mediator", sa.String(length=3), nullable=True),
        sa.Column("parties", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_status"), ["status"], unique=False)

    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("speaker_country", sa.String(length=3), nullable=True),
        sa.Column("speaker_sector", sa.String(length=8), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("date_value", sa.String(length=10), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_date_value"), ["date_value"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_speaker_country"), ["speaker_country"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_status"), ["status"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("source_country", sa.String(length=3), nullable=True),
        sa.Column("source_sector", sa.String(length=8), nullable=True),
        sa.Column("target_name", sa.Text(), nullable=True),
        sa.Column("target_country", sa.String(length=3), nullable=True),
        sa.Column("target_sector", sa.String(length=8), nullable=True),
        sa.Column("date_value", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("date_start", sa.String(length=10), nullable=True),
        sa.Column("date_end", sa.String(length=10), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_country", sa.String(length=3), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("place_precision", sa.String(length=12), nullable=True),
        sa.Column("killed_min", sa.Integer(), nullable=True),
        sa.Column("killed_max", sa.Integer(), nullable=True),
        sa.Column("injured_min", sa.Integer(), nullable=True),
        sa.Column("injured_max", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index("ix_events_date", ["date_start"], unique=False)
        batch_op.create_index("ix_events_place_date", ["place_country", "date_start"], unique=False)
        batch_op.create_index("ix_events_source_date", ["source_country", "date_start"], unique=False)
        batch_op.create_index("ix_events_target_date", ["target_country", "date_start"], unique=False)
        batch_op.create_index("ix_events_type_date", ["type", "date_start"], unique=False)

    op.create_table(
        "agreement_steps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=3), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("date_value", sa.String(length=10), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreement_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_steps_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_steps_party"), ["party"], unique=False)
        batch_op.create_index("ix_steps_action_date", ["action", "date_value"], unique=False)

    op.create_table(
        "incident_members",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("independent", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("incident_id", "event_id"),
        sa.UniqueConstraint("event_id"),
    )
    with op.batch_alter_table("incident_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_members_article_id"), ["article_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_members_article_id"))

    op.drop_table("incident_members")
    with op.batch_alter_table("agreement_steps", schema=None) as batch_op:
        batch_op.drop_index("ix_steps_action_date")
        batch_op.drop_index(batch_op.f("ix_agreement_steps_party"))
        batch_op.drop_index(batch_op.f("ix_agreement_steps_agreement_id"))

    op.drop_table("agreement_steps")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_date")
        batch_op.drop_index("ix_events_target_date")
        batch_op.drop_index("ix_events_source_date")
        batch_op.drop_index("ix_events_place_date")
        batch_op.drop_index("ix_events_date")
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_status"))
        batch_op.drop_index(batch_op.f("ix_claims_speaker_country"))
        batch_op.drop_index(batch_op.f("ix_claims_date_value"))
        batch_op.drop_index(batch_op.f("ix_claims_article_id"))

    op.drop_table("claims")
    op.drop_table("article_signatures")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_status"))
        batch_op.drop_index(batch_op.f("ix_agreements_kind"))
        batch_op.drop_index(batch_op.f("ix_agreements_article_id"))

    op.drop_table("agreements")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_source_date")
        batch_op.drop_index("ix_incidents_date")
        batch_op.drop_index("ix_incidents_block")

    op.drop_table("incidents")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))
        batch_op.drop_index(batch_op.f("ix_articles_copy_of"))

    op.drop_table("articles")
