"""The store's tables: articles (with their removed boilerplate), events, claims, agreements and
their steps, incidents and their member events, and the MinHash signatures of articles.

The migrations under store/migrations create exactly these tables; a test checks that they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # hash of the clean text
    external_id: Mapped[str | None] = mapped_column(String(512))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(256))
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    words: Mapped[int] = mapped_column(Integer, default=0)
    copy_of: Mapped[str | None] = mapped_column(ForeignKey("articles.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    boilerplate: Mapped[list] = mapped_column(JSON, default=list)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    report: Mapped[dict] = mapped_column(JSON)  # the whole report in the exchange format
    ingested_at: Mapped[str] = mapped_column(String(32))


class SignatureRow(Base):
    __tablename__ = "article_signatures"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class Happening:
    """Columns events and incidents share: who, when (value, precision, first and last day), where."""

    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(32))
    source_name: Mapped[str | None] = mapped_column(Text)
    source_country: Mapped[str | None] = mapped_column(String(3))
    source_sector: Mapped[str | None] = mapped_column(String(8))
    target_name: Mapped[str | None] = mapped_column(Text)
    target_country: Mapped[str | None] = mapped_column(String(3))
    target_sector: Mapped[str | None] = mapped_column(String(8))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    place_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str | None] = mapped_column(String(12))


class EventRow(Happening, Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    place_country: Mapped[str | None] = mapped_column(String(3))
    killed_min: Mapped[int | None] = mapped_column(Integer)
    killed_max: Mapped[int | None] = mapped_column(Integer)
    injured_min: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_events_type_date", "type", "date_start"),
        Index("ix_events_source_date", "source_country", "date_start"),
        Index("ix_events_target_date", "target_country", "date_start"),
        Index("ix_events_place_date", "place_country", "date_start"),
        Index("ix_events_date", "date_start"),
    )


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    speaker_country: Mapped[str | None] = mapped_column(String(3), index=True)
    speaker_sector: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(10), index=True)
    evidence: Mapped[str] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON)


class AgreementRow(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    scope: Mapped[str | None] = mapped_column(Text)
    duration_days: Mapped[int | None] = mapped_column(Integer)
    mediator: Mapped[str | None] = mapped_column(String(3))
    parties: Mapped[str] = mapped_column(String(64))  # ISO3 codes joined by ',' (',RUS,UKR,' for LIKE filters)
    status: Mapped[str] = mapped_column(String(16), index=True)
    evidence: Mapped[list] = mapped_column(JSON)
    data: Mapped[dict] = mapped_column(JSON)


class StepRow(Base):
    __tablename__ = "agreement_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    party: Mapped[str | None] = mapped_column(String(3), index=True)
    action: Mapped[str] = mapped_column(String(20))
    date_value: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_steps_action_date", "action", "date_value"),)


class IncidentRow(Happening, Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    country: Mapped[str | None] = mapped_column(String(3))
    killed_median: Mapped[float | None] = mapped_column(Float)
    killed_min: Mapped[int | None] = mapped_column(Integer)
    killed_max: Mapped[int | None] = mapped_column(Integer)
    injured_median: Mapped[float | None] = mapped_column(Float)
    injured_min: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    sources: Mapped[int] = mapped_column(Integer, default=0)  # independent reports
    reports: Mapped[int] = mapped_column(Integer, default=0)  # all reports, copies included
    origin: Mapped[str] = mapped_column(String(16), default="peacewatch")
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    figures: Mapped[list] = mapped_column(JSON, default=list)  # every source's own figures
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_incidents_block", "type", "country", "date_start"),
        Index("ix_incidents_date", "date_start"),
        Index("ix_incidents_source_date", "source_country", "date_start"),
    )


class MemberRow(Base):
    __tablename__ = "incident_members"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True,
                                          unique=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    independent: Mapped[bool] = mapped_column(Boolean, default=True)
