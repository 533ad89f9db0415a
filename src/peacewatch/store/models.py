"""The store's tables: articles (with their removed boilerplate), events, claims, agreements and
their steps, incidents and their member events, and the MinHash signatures of articles.

The columns of events and incidents are made from their records (peacewatch.records); the
`Mapped[...]` annotations beside them are for the type checker and must agree with the records.
The migrations under store/migrations create exactly these tables; a test checks that they agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
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
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column
from sqlalchemy.types import TypeEngine

from peacewatch.records import (
    EventColumns,
    HappeningColumns,
    IncidentColumns,
    RecordError,
    stored,
    type_text,
)

T = TypeVar("T")
# The shared columns of an event or incident come after the table's own (sort_order), as the
# records list them.
SHARED_AFTER = 100
SQL_TYPES: dict[Any, type[TypeEngine[Any]]] = {int: Integer, float: Float, bool: Boolean, list: JSON, dict: JSON}


class Base(DeclarativeBase):
    pass


def column_of(field: FieldInfo, position: int) -> MappedColumn[Any]:
    """The table column of a record's field: its SQL type, nullability, keys, index and default."""
    info = stored(field)
    kwargs: dict[str, Any] = {"nullable": _nullable(field), "sort_order": position}
    if info.primary_key:
        kwargs.update(primary_key=True, autoincrement=True)
    if info.index:
        kwargs["index"] = True
    if info.unique:
        kwargs["unique"] = True
    if field.default_factory is not None:
        kwargs["default"] = field.default_factory
    elif field.default is not PydanticUndefined and field.default is not None:
        kwargs["default"] = field.default
    # a row goes with the row it names (an event with its article)
    keys = [ForeignKey(info.references, ondelete="CASCADE")] if info.references else []
    return mapped_column(_sql_type(field), *keys, **kwargs)


def columns_from(fields: type[BaseModel], first: int = 0) -> Callable[[type[T]], type[T]]:
    """A class decorator: a mixin gets a mapped column for each field of a record, in the record's
    order from `first`. The mixin's `Mapped[...]` annotations (kept for the type checker) must
    type each field as the record does; a field without one still gets its column (and a test
    asks for the annotation).

    Raises:
        RecordError: an annotation names a column the record lacks, or types it otherwise.
    """
    def build(cls: type[T]) -> type[T]:
        annotations: dict[str, Any] = cls.__dict__.get("__annotations__", {})
        strays = [name for name in annotations if name not in fields.model_fields]
        if strays:
            raise RecordError(f"{cls.__name__} annotates {', '.join(strays)}, which {fields.__name__} does not declare")
        for position, (name, field) in enumerate(fields.model_fields.items(), start=first):
            declared = f"Mapped[{type_text(field.annotation)}]"
            written = _annotation_text(annotations.get(name, declared))
            if written.replace(" ", "") != declared.replace(" ", ""):
                raise RecordError(f"{cls.__name__}.{name} is annotated {written}, but "
                                  f"{fields.__name__} declares {declared}")
            setattr(cls, name, column_of(field, position))
        return cls
    return build


def _annotation_text(annotation: Any) -> str:
    """'Mapped[str | None]' as written (a string, under postponed annotations) or evaluated."""
    return re.sub(r"\w+\.", "", str(annotation))


def _nullable(field: FieldInfo) -> bool:
    return get_origin(field.annotation) in (Union, UnionType) and type(None) in get_args(field.annotation)


def _sql_type(field: FieldInfo) -> TypeEngine[Any]:
    """str -> VARCHAR(size) or TEXT, int, float, and JSON for lists and dicts."""
    kind = field.annotation
    if _nullable(field):
        kind = next(a for a in get_args(kind) if a is not type(None))
    kind = get_origin(kind) or kind
    if kind is str:
        size = stored(field).size
        return String(size) if size else Text()
    if kind in SQL_TYPES:
        return SQL_TYPES[kind]()
    raise RecordError(f"no column type for {type_text(field.annotation)}")



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
    ingested_at: Mapped[str] = mapped_column(String(32), index=True)  # the order of commits (store.BatchWriter)


class SignatureRow(Base):
    __tablename__ = "article_signatures"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


@columns_from(HappeningColumns, first=SHARED_AFTER)
class Happening:
    """Columns events and incidents share: who, when (value, precision, first and last day), where."""

    type: Mapped[str]
    mode: Mapped[str | None]
    source_name: Mapped[str | None]
    source_country: Mapped[str | None]
    source_sector: Mapped[str | None]
    target_name: Mapped[str | None]
    target_country: Mapped[str | None]
    target_sector: Mapped[str | None]
    date_value: Mapped[str | None]
    date_precision: Mapped[str | None]
    date_start: Mapped[str | None]
    date_end: Mapped[str | None]
    place_name: Mapped[str | None]
    admin1: Mapped[str | None]
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    place_precision: Mapped[str | None]


@columns_from(EventColumns)
class _EventColumns:
    id: Mapped[int]
    article_id: Mapped[str]
    position: Mapped[int]
    status: Mapped[str]
    place_country: Mapped[str | None]
    killed_min: Mapped[int | None]
    killed_max: Mapped[int | None]
    injured_min: Mapped[int | None]
    injured_max: Mapped[int | None]
    evidence: Mapped[str]
    data: Mapped[dict]


class EventRow(_EventColumns, Happening, Base):
    __tablename__ = "events"

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


@columns_from(IncidentColumns)
class _IncidentColumns:
    id: Mapped[int]
    country: Mapped[str | None]
    killed_median: Mapped[float | None]
    killed_min: Mapped[int | None]
    killed_max: Mapped[int | None]
    injured_median: Mapped[float | None]
    injured_min: Mapped[int | None]
    injured_max: Mapped[int | None]
    killed_best: Mapped[int | None]
    injured_best: Mapped[int | None]
    sources: Mapped[int]
    reports: Mapped[int]
    origin: Mapped[str]
    external_id: Mapped[str | None]
    figures: Mapped[list[dict]]
    evidence: Mapped[list[str]]
    note: Mapped[str | None]


class IncidentRow(_IncidentColumns, Happening, Base):
    __tablename__ = "incidents"

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
