"""The flat records every layer shares: the columns of a stored event and of an incident, each
declared once (name, type, nullability, size, index, description), and what a date at a
precision spans. The store's tables, fusion, the exports, the API and the CLI take their columns
from this module.

A column is a field of a pydantic model: its annotation gives the Python type and whether it may
be None, `Stored` beside it how the table keeps it (string size, index, keys), its Field the
description the API documents. A column added here is a column of the table (give it an Alembic
migration too: a test compares the two), of the API's documented items and of the exports.
"""

from __future__ import annotations

import dataclasses
import types
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.fields import FieldInfo

from peacewatch.errors import PeacewatchError

__all__ = ["EVENT_ITEM", "INCIDENT_FIELDS", "INCIDENT_ITEM", "TELLING_COLUMNS", "EventColumns", "EventRecord",
           "HappeningColumns", "IncidentColumns", "IncidentRecord", "RecordError", "Stored", "VIOLENT_TYPES",
           "check_fields", "best_figure", "column_names", "date_span", "record_view", "shift_day", "stored",
           "type_text"]


# The event types of force, whose incidents carry tolls (the checks, the map's labels).
VIOLENT_TYPES = ("ASSAULT", "COERCE")


class RecordError(PeacewatchError, ValueError):
    """A column list or a class names a column the record does not have, or types one differently."""


@dataclass(frozen=True)
class Stored:
    """How the store's table keeps a column (beside its type in the record's annotation).

    Attributes:
        size: a string column's length (VARCHAR); None for unbounded text.
        index: the column has an index of its own (many-column indexes are the table's business).
        unique: no two rows share a value (None aside).
        primary_key: the table's key (an integer key counts up by itself).
        references: 'table.column' it is a foreign key to (rows go when the row they name goes).
    """

    size: int | None = None
    index: bool = False
    unique: bool = False
    primary_key: bool = False
    references: str | None = None


class _Record(BaseModel):
    # A key the record does not declare is a mistake to hear of, not to drop in silence.
    model_config = ConfigDict(extra="forbid")


# ------------------------------------------------------------ the declarations


class HappeningColumns(_Record):
    """Columns events and incidents share: what happened, who did it to whom, when and where."""

    type: Annotated[str, Stored(size=16)] = Field(description="PLOVER event type (ASSAULT, PROTEST, AGREE ...).")
    mode: Annotated[str | None, Stored(size=32)] = Field(description="PLOVER mode: how (air-strike, shelling ...).")
    source_name: str | None = Field(description="Who acted, as named.")
    source_country: Annotated[str | None, Stored(size=3)] = Field(description="ISO3 code of who acted.")
    source_sector: Annotated[str | None, Stored(size=8)] = Field(
        description="Sector of who acted (GOV, MIL, REB, CVL ...).")
    target_name: str | None = Field(description="Who was acted on, as named.")
    target_country: Annotated[str | None, Stored(size=3)] = Field(description="ISO3 code of who was acted on.")
    target_sector: Annotated[str | None, Stored(size=8)] = Field(description="Sector of who was acted on.")
    date_value: Annotated[str | None, Stored(size=10)] = Field(
        description="The date as told, at its precision: YYYY, YYYY-MM or YYYY-MM-DD.")
    date_precision: Annotated[str | None, Stored(size=8)] = Field(description="day, week, month or year.")
    date_start: Annotated[str | None, Stored(size=10)] = Field(description="First day the date may be, YYYY-MM-DD.")
    date_end: Annotated[str | None, Stored(size=10)] = Field(description="Last day the date may be, YYYY-MM-DD.")
    place_name: str | None = Field(description="Where, as the gazetteer names it (or as told).")
    admin1: str | None = Field(description="The place's first-level region (province, oblast, state).")
    lat: float | None = Field(description="Latitude of the place, degrees.")
    lon: float | None = Field(description="Longitude of the place, degrees.")
    place_precision: Annotated[str | None, Stored(size=12)] = Field(
        description="What the place is: city, region, sea, country or continent.")


class EventColumns(_Record):
    """Columns only a stored event has: its article, its status, its own figures and sentence."""

    id: Annotated[int, Stored(primary_key=True)] = Field(description="The event's number in the store.")
    article_id: Annotated[str, Stored(size=32, index=True, references="articles.id")] = Field(
        description="The article that tells it (a hash of its clean text).")
    position: int = Field(description="Its place among the article's events, from 0.")
    status: Annotated[str, Stored(size=16)] = Field(
        description="occurred, planned or negated (only occurred events join incidents).")
    place_country: Annotated[str | None, Stored(size=3)] = Field(description="ISO3 code of the place's country.")
    killed_min: int | None = Field(description="Fewest killed the article tells.")
    killed_max: int | None = Field(description="Most killed the article tells.")
    injured_min: int | None = Field(description="Fewest injured the article tells.")
    injured_max: int | None = Field(description="Most injured the article tells.")
    evidence: str = Field(description="The sentence the event was read from.")
    data: dict = Field(description="The whole event in the exchange format (peacewatch.schema.Event).")


class IncidentColumns(_Record):
    """Columns only an incident has: its country, consensus figures, sources and origin."""

    id: Annotated[int, Stored(primary_key=True)] = Field(description="The incident's number in the store.")
    country: Annotated[str | None, Stored(size=3)] = Field(
        description="ISO3 code of where it happened (the place's, else the target's, else the source's).")
    killed_median: float | None = Field(description="Median killed over independent sources.")
    killed_min: int | None = Field(description="Fewest killed any source tells (the low estimate).")
    killed_max: int | None = Field(description="Most killed any source tells (the high estimate).")
    injured_median: float | None = Field(description="Median injured over independent sources.")
    injured_min: int | None = Field(description="Fewest injured any source tells (the low estimate).")
    injured_max: int | None = Field(description="Most injured any source tells (the high estimate).")
    killed_best: int | None = Field(description="Best estimate of the killed: what the latest independent "
                                    "reports (by publication day) tell; see docs/TOLLS.md.")
    injured_best: int | None = Field(description="Best estimate of the injured, read as killed_best is.")
    sources: int = Field(default=0, description="Independent reports (a copy of an article is not one).")
    reports: int = Field(default=0, description="All reports, copies included.")
    origin: Annotated[str, Stored(size=16)] = Field(
        default="peacewatch", description="Who made it: peacewatch (fused), acled or import.")
    external_id: Annotated[str | None, Stored(size=64, unique=True)] = Field(
        description="Its id in the data set it was imported from (ACLED's event_id_cnty).")
    figures: list[dict] = Field(default_factory=list, description="Every telling's own figures, outlet and sentence.")
    evidence: list[str] = Field(default_factory=list, description="The sentences that tell it, once each.")
    note: str | None = Field(description="A note on the incident.")


# Field order is the table's column order (and the order of keys in the API and the exports):
# pydantic takes the fields of the bases last to first, so a record's own columns come first.
class EventRecord(HappeningColumns, EventColumns):
    """A stored event: one row of the events table."""


class IncidentRecord(HappeningColumns, IncidentColumns):
    """An incident: one row of the incidents table."""


# ------------------------------------------------------------ reading the declarations


def stored(field: FieldInfo) -> Stored:
    """How the table keeps a column: its Stored note, or the plain default."""
    return next((m for m in field.metadata if isinstance(m, Stored)), Stored())


def type_text(annotation: Any) -> str:
    """A type as written in an annotation ('str | None', 'list[dict]'), to compare annotations by."""
    if annotation is type(None):
        return "None"
    if isinstance(annotation, type) and not isinstance(annotation, types.GenericAlias):
        return annotation.__name__
    if get_origin(annotation) in (Union, types.UnionType):
        return " | ".join(type_text(arg) for arg in get_args(annotation))
    return repr(annotation).replace("typing.", "")


def _squash(text: str) -> str:
    return text.replace(" ", "").replace("'", "")


def column_names(record: type[BaseModel], *names: str) -> list[str]:
    """A chosen subset of a record's columns, checked: a name it does not declare is an error now
    (at import), not a column of empty cells later.

    Raises:
        RecordError: a name is not a field of `record`.
    """
    unknown = [name for name in names if name not in record.model_fields]
    if unknown:
        raise RecordError(f"{record.__name__} has no column {', '.join(map(repr, unknown))}; "
                          f"its columns: {', '.join(record.model_fields)}")
    return list(names)


def check_fields(owner: type, record: type[BaseModel], own: tuple[str, ...] = ()) -> None:
    """Check that a dataclass working on a record (fusion's Telling, Incident) types every field it
    shares with the record as the record does (or as that or None, for a field with a default).

    Args:
        owner: the dataclass.
        record: the record it works on.
        own: the dataclass's fields the record does not have (they are not checked).
    Raises:
        RecordError: a field is not in the record nor in `own`, or is typed differently.
    """
    for item in dataclasses.fields(owner):
        if item.name in own:
            continue
        field = record.model_fields.get(item.name)
        if field is None:
            raise RecordError(f"{owner.__name__}.{item.name} is not a column of {record.__name__} "
                              f"(declare it in peacewatch.records, or name it among the class's own fields)")
        written = _squash(item.type if isinstance(item.type, str) else type_text(item.type))
        declared = _squash(type_text(field.annotation))
        if written not in (declared, declared + "|None"):
            raise RecordError(f"{owner.__name__}.{item.name} is {written}, but {record.__name__} "
                              f"declares {declared}")


def record_view(record: type[BaseModel], name: str, *, drop: tuple[str, ...] = (),
                add: dict[str, tuple[Any, FieldInfo]] | None = None) -> type[BaseModel]:
    """A model of a record as it is shown (the API's items): its columns in order, less `drop`,
    then `add` (fields the store adds to its rows)."""
    column_names(record, *drop)
    fields: dict[str, Any] = {key: (field.annotation, field) for key, field in record.model_fields.items()
                              if key not in drop}
    fields.update(add or {})
    return create_model(name, __config__=ConfigDict(extra="forbid"), __doc__=record.__doc__, **fields)


# An event as the store lists it (its exchange-format dump, `data`, left out).
EVENT_ITEM = record_view(EventRecord, "EventItem", drop=("data",))
# An incident as the store lists it, with the outlets that told it.
INCIDENT_ITEM = record_view(IncidentRecord, "IncidentItem", add={
    "outlets": (list[str], Field(description="The outlets whose figures the incident holds, in order."))})

# An incident's own description: what fusion keeps of its best-told event.
INCIDENT_FIELDS = tuple(column_names(
    IncidentRecord, "type", "mode", "country", "date_value", "date_precision", "place_name", "admin1", "lat", "lon",
    "place_precision", "source_name", "source_country", "source_sector", "target_name", "target_country",
    "target_sector"))
# The columns of a stored event that fusion takes as they are.
TELLING_COLUMNS = tuple(column_names(
    EventRecord, "date_value", "date_precision", "place_name", "place_country", "admin1", "lat", "lon",
    "place_precision", "mode",
    "source_name", "source_country", "source_sector", "target_name", "target_country", "target_sector",
    "killed_min", "killed_max", "injured_min", "injured_max", "evidence"))


# ------------------------------------------------------------ date spans


def date_span(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day a date at a precision may be: '2025-04' -> April 1 to 30."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
    except ValueError:
        return None
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], monthrange(parts[0], parts[1])[1])
    day = date(*parts)
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def shift_day(day: str, days: int) -> str:
    """An ISO day moved by a number of days."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def best_figure(incident: dict[str, Any], what: str = "killed") -> float | None:
    """An incident's figure as every screen shows and counts it (`what` is 'killed' or 'injured'):
    its best (from its latest independent reports, docs/TOLLS.md), else the median of its sources
    (a store fused before the best was kept), else the lowest, else the highest; None if no source
    gives one."""
    for key in (f"{what}_best", f"{what}_median", f"{what}_min", f"{what}_max"):
        value = incident.get(key)
        if value not in (None, ""):
            return float(value)
    return None
