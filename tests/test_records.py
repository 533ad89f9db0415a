"""One record: the columns of an event and of an incident are declared once (peacewatch.records),
and the store's tables, fusion's working copies, the CLI tables, the ACLED columns and the API's
documented items all follow that declaration; a name or type that strays fails at import."""

import ast
import csv
import dataclasses
import inspect
from pathlib import Path

import pytest
from pydantic import BaseModel, Field
from sqlalchemy import String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from peacewatch.fuse.incidents import (
    INCIDENT_OWN,
    TELLING_OWN,
    Fuser,
    Incident,
    Telling,
    fuse_told,
    incident_values,
)
from peacewatch.present import acled
from peacewatch.present.acled import read_acled_csv
from peacewatch.present.table import TABLE_COLUMNS
from peacewatch.records import (
    EVENT_ITEM,
    INCIDENT_FIELDS,
    INCIDENT_ITEM,
    TELLING_COLUMNS,
    EventColumns,
    EventRecord,
    HappeningColumns,
    IncidentColumns,
    IncidentRecord,
    RecordError,
    check_fields,
    column_names,
    stored,
)
from peacewatch.schema import Actor, Article, Count, Event, Place, Report, When
from peacewatch.store import IMPORTED_COLUMNS, Store, StoredArticle, _event_values
from peacewatch.store.models import EventRow, Happening, IncidentRow, _EventColumns, _IncidentColumns, columns_from

ROWS = [(EventRow, EventRecord), (IncidentRow, IncidentRecord)]


def _event() -> Event:
    return Event(type="ASSAULT", mode="shelling", source=Actor(text="Russian forces", country="RUS", sector="MIL"),
                 target=Actor(text="civilians", country="UKR", sector="CVL"),
                 date=When(text="on Monday", value="2025-04-07", precision="day"),
                 location=Place(text="Kharkiv", name="Kharkiv", country="UKR", lat=49.99, lon=36.23,
                                admin1="Kharkiv Oblast", precision="city"),
                 killed=Count(min=3, max=5), evidence="Shelling killed three to five people in Kharkiv on Monday.")


def _report(article_id: str, source: str) -> StoredArticle:
    return StoredArticle(report=Report(article=Article(id=article_id, source=source, published="2025-04-08"),
                                       events=[_event()]))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('records') / 'r.db'}")
    fuser = Fuser()
    store.add_batch([_report("a" * 32, "Wire One"), _report("b" * 32, "Wire Two")],
                    fuse=lambda writer, told: fuse_told(writer, told, fuser))
    store.import_incidents([{"type": "ASSAULT", "date_value": "2025-03", "date_precision": "month",
                             "country": "SDN", "killed_min": 4, "killed_max": 4, "killed_median": 4,
                             "external_id": "x1", "origin": "acled", "evidence": ["Shells hit a market."],
                             "outlets": ["Test Wire"]}])
    return store


# ------------------------------------------------------------ the tables


@pytest.mark.parametrize(("row", "record"), ROWS)
def test_every_table_column_is_a_record_column_in_the_record_order(row, record):
    assert list(row.__table__.columns.keys()) == list(record.model_fields)


@pytest.mark.parametrize(("row", "record"), ROWS)
def test_a_column_is_stored_as_declared(row, record):
    for name, field in record.model_fields.items():
        column, info = row.__table__.columns[name], stored(field)
        assert column.nullable == (type(None) in getattr(field.annotation, "__args__", ())), name
        assert column.primary_key == info.primary_key and bool(column.index) == info.index, name
        if field.annotation in (str, str | None):
            expected = String(info.size) if info.size else Text()
            assert type(column.type) is type(expected) and getattr(column.type, "length", None) == info.size, name
    assert row.id.primary_key and EventRow.__table__.columns["article_id"].foreign_keys


def test_the_annotations_of_the_column_mixins_list_the_declarations():
    """The `Mapped[...]` annotations the type checker reads are written by hand; the columns are made
    from the records. Here the two lists agree (columns_from checks their types at import)."""
    for mixin, record in ((Happening, HappeningColumns), (_EventColumns, EventColumns),
                          (_IncidentColumns, IncidentColumns)):
        assert list(mixin.__annotations__) == list(record.model_fields), mixin.__name__


def test_a_column_added_to_a_record_is_added_to_the_table():
    class Extended(HappeningColumns):
        casualty_note: str | None = Field(description="A new column.")

    class Base(DeclarativeBase):
        pass

    @columns_from(Extended)
    class Columns:
        type: Mapped[str]

    class Row(Columns, Base):
        __tablename__ = "extended"
        id: Mapped[int] = mapped_column(primary_key=True)

    assert "casualty_note" in Row.__table__.columns and isinstance(Row.__table__.c.casualty_note.type, Text)
    assert Row.__table__.c.type.type.length == 16


def test_a_mistyped_or_stray_annotation_fails_at_import():
    with pytest.raises(RecordError, match=r"lat is annotated Mapped\[str\]"):
        @columns_from(HappeningColumns)
        class Mistyped:
            lat: Mapped[str]
    with pytest.raises(RecordError, match="annotates killed_total, which HappeningColumns does not declare"):
        @columns_from(HappeningColumns)
        class Stray:
            killed_total: Mapped[int]


# ------------------------------------------------------------ the store's rows


def test_an_events_values_are_the_records_columns():
    values = _event_values("a" * 32, 0, _event(), {"type": "ASSAULT"})
    assert list(values) != [] and set(values) == set(EventRecord.model_fields) - {"id"}


def test_stored_rows_are_valid_records(store):
    events, incidents = store.events(), store.incidents()
    assert len(events) == 2 and len(incidents) == 2
    for row in events:
        assert list(EVENT_ITEM.model_validate(row).model_dump()) == list(row)
    for row in incidents:
        assert list(INCIDENT_ITEM.model_validate(row).model_dump()) == list(row)
    found = store.incident(next(i["id"] for i in incidents if i["origin"] == "peacewatch"))
    assert found is not None and found.pop("outlets") == ["Wire One", "Wire Two"]
    assert list(IncidentRecord.model_validate(found).model_dump()) == list(found)


def test_imported_columns_are_incident_columns():
    assert set(IMPORTED_COLUMNS) <= set(IncidentRecord.model_fields)


# ------------------------------------------------------------ fusion


def test_fusions_columns_are_record_columns():
    assert set(TELLING_COLUMNS) <= set(EventRecord.model_fields)
    assert set(INCIDENT_FIELDS) <= set(IncidentRecord.model_fields)
    check_fields(Telling, EventRecord, own=TELLING_OWN)
    check_fields(Incident, IncidentRecord, own=INCIDENT_OWN)
    told = {f.name for f in dataclasses.fields(Telling)} - set(TELLING_OWN)
    assert told == {"type", "article_id", *TELLING_COLUMNS}


def test_an_incidents_values_are_the_records_columns():
    telling = Telling(event_id=1, article_id="a", root="a", type="ASSAULT", country="UKR", date_value="2025-04-07",
                      date_precision="day", evidence="It happened.")
    incident = Fuser().fuse(telling)
    assert incident is not None
    # fusion writes every column but the id, the origin and those only imports have
    assert set(incident_values(incident)) | {"id", "origin", "external_id", "note"} == set(
        IncidentRecord.model_fields)


def test_a_working_copy_that_strays_from_the_record_fails():
    @dataclasses.dataclass
    class Mistyped:
        lat: str | None = None

    @dataclasses.dataclass
    class Unknown:
        killed_total: int | None = None

    with pytest.raises(RecordError, match="Mistyped.lat is str\\|None, but EventRecord declares float\\|None"):
        check_fields(Mistyped, EventRecord)
    with pytest.raises(RecordError, match="Unknown.killed_total is not a column of EventRecord"):
        check_fields(Unknown, EventRecord)


# ------------------------------------------------------------ the CLI tables and the exports


def test_a_subset_naming_a_column_the_record_lacks_fails_with_the_columns_it_has():
    with pytest.raises(RecordError, match=r"EventItem has no column 'killed'; its columns: id, article_id"):
        column_names(EVENT_ITEM, "id", "killed")
    assert column_names(EVENT_ITEM, "id", "lat") == ["id", "lat"]


def test_the_cli_tables_show_record_columns():
    for kind, item in (("events", EVENT_ITEM), ("incidents", INCIDENT_ITEM)):
        columns = TABLE_COLUMNS[kind]
        assert set(columns.shown) <= set(item.model_fields)
        assert set(columns.priority) == set(columns.shown)  # every shown column has its rank


def test_acled_reads_and_writes_incident_columns(tmp_path):
    path = tmp_path / "acled.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=acled.ACLED_COLUMNS)
        writer.writeheader()
        writer.writerow(dict.fromkeys(acled.ACLED_COLUMNS, "") | {
            "event_id_cnty": "SDN1", "event_date": "2025-03-02", "event_type": "Battles",
            "sub_event_type": "Armed clash", "country": "Sudan", "fatalities": "3", "source": "Wire"})
    read = list(read_acled_csv(path))
    assert len(read) == 1 and set(read[0]) <= set(INCIDENT_ITEM.model_fields)
    # every key the ACLED writer reads of an incident is a column ('region' is ACLED's, never stored)
    source = ast.parse(inspect.getsource(acled.to_acled_row) + inspect.getsource(acled._tags)
                       + inspect.getsource(acled._notes) + inspect.getsource(acled._fatalities))
    keys = {node.args[0].value for node in ast.walk(source) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "incident"
            and node.args and isinstance(node.args[0], ast.Constant)}
    assert keys and keys - {"region"} <= set(INCIDENT_ITEM.model_fields)


# ------------------------------------------------------------ the API


def test_the_api_items_are_the_records_as_listed():
    assert list(EVENT_ITEM.model_fields) == [n for n in EventRecord.model_fields if n != "data"]
    assert list(INCIDENT_ITEM.model_fields) == [*IncidentRecord.model_fields, "outlets"]


def test_openapi_documents_every_field_of_the_list_and_incident_answers(store):
    from peacewatch.api import Settings, create_app

    spec = create_app(Settings(), store=store).openapi()
    schemas = spec["components"]["schemas"]
    for name, item in (("EventItem", EVENT_ITEM), ("IncidentItem", INCIDENT_ITEM)):
        properties = schemas[name]["properties"]
        assert list(properties) == list(item.model_fields)
        assert all(p.get("description") for p in properties.values()), name

    def answer(path):
        return spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]

    assert answer("/api/events").endswith("/EventPage") and answer("/api/incidents").endswith("/IncidentPage")
    assert answer("/api/incidents/{incident_id}").endswith("/IncidentItem")
    assert schemas["EventPage"]["properties"]["items"]["items"]["$ref"].endswith("/EventItem")


def test_the_records_module_stays_in_the_bottom_layer():
    source = Path(inspect.getfile(EventRecord)).read_text(encoding="utf-8")
    imported = {node.module.split(".")[0] if node.module != "peacewatch.errors" else node.module
                for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= {"__future__", "calendar", "dataclasses", "datetime", "typing", "pydantic",
                        "peacewatch.errors"}
    assert issubclass(EVENT_ITEM, BaseModel)
