"""Row exports: each format on two invented rows (one without coordinates), empty input, bad calls."""

import csv
import datetime as dt
import io
import json
import logging
import struct

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from peacewatch.errors import PeacewatchError
from peacewatch.present.export import FORMATS, ExportError, write_rows

ROWS = [
    {"id": 1, "type": "ASSAULT", "date_value": dt.date(2031, 5, 6), "place_name": "Ostrava Nova",
     "lat": 47.25, "lon": 31.5, "outlets": ["Daily Example", "Sample Wire"], "extra": {"rule": "drone", "n": 2},
     "evidence": ["Drones struck a depot near the river crossing in the early hours, officials of the district "
                  "council said on a call with reporters."]},
    {"id": 2, "type": "PROTEST", "date_value": "2031-05", "place_name": "[Somewhere]",
     "lat": None, "lon": None, "outlets": [], "extra": None, "evidence": []},
]


def _write(fmt, rows=ROWS, **kwargs):
    buf = io.StringIO()
    write_rows(rows, fmt, buf, **kwargs)
    return buf.getvalue()


def test_table_shows_columns_and_compact_values():
    columns = ["id", "type", "outlets", "evidence"]
    text = _write("table", columns=columns, title="Incidents")
    assert "Incidents" in text
    for name in columns:
        assert name in text
    # Short values keep their width; the long evidence sentence folds over lines to its last word.
    assert "Daily Example, Sample Wire" in text
    assert "Drones struck" in text and "reporters." in text
    assert "…" not in text
    assert len(text.splitlines()) > 8


def test_table_text_is_not_markup():
    text = _write("table", columns=["place_name"])
    assert "[Somewhere]" in text


def test_table_keeps_the_most_important_columns_that_fit():
    rows = [{"id": n, "date_value": f"2031-05-0{n}", "type": "ASSAULT", "source_country": "AAA",
             "target_country": "BBB", "place_name": "Ostrava Nova", "killed_min": 12.0, "empty": None,
             "evidence": ROWS[0]["evidence"][0], "note": "a long note " * 5} for n in (2, 1)]
    columns = ["id", "date_value", "type", "source_country", "target_country", "place_name", "killed_min",
               "empty", "evidence", "note"]
    priority = ["date_value", "type", "evidence", "killed_min", "empty", "place_name", "note", "id"]
    text = _write("table", rows=rows, columns=columns, priority=priority, min_widths={"evidence": 20})
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    # whole dates and numbers, never '202/2' or '12.0'; the sentence folds at no less than 20 characters
    assert "2031-05-02" in text and "12 " in text and "12.0" not in text
    assert "Drones struck a depot" in text
    header = next(line for line in lines if "type" in line)
    assert header.index("date_value") < header.index("type") < header.index("evidence")
    assert "│ empty" not in text and "note" in lines[-1] or "note" in lines[-2]


def test_table_squeezes_many_columns_into_the_console():
    text = _write("table")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "47.25" in text and "31.5" in text


def test_table_dicts_are_compact():
    assert "rule=drone, n=2" in _write("table", columns=["id", "extra"])


def test_table_columns_pick_and_order():
    text = _write("table", columns=["place_name", "id"])
    header = next(line for line in text.splitlines() if "place_name" in line)
    assert header.index("place_name") < header.index("id")
    assert "outlets" not in text


def test_csv_header_lists_and_dicts():
    rows = list(csv.reader(io.StringIO(_write("csv"))))
    assert rows[0] == list(ROWS[0])
    first = dict(zip(rows[0], rows[1], strict=True))
    # several values are a JSON array, never '; '-joined (a sentence may hold '; ' itself)
    assert json.loads(first["outlets"]) == ["Daily Example", "Sample Wire"]
    assert json.loads(first["evidence"]) == ROWS[0]["evidence"]
    assert json.loads(first["extra"]) == {"rule": "drone", "n": 2}
    assert first["date_value"] == "2031-05-06"
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["lat"] == "" and json.loads(second["outlets"]) == [] and second["extra"] == ""


def test_csv_and_table_numbers_as_people_write_them():
    rows = [{"killed_median": 35.0, "share": 0.25, "lat": 47.123456, "confirmed": True, "note": None,
             "figures": [{"outlet": "Daily Example", "killed_min": 3, "injured_min": None}]}]
    first = next(csv.DictReader(io.StringIO(_write("csv", rows=rows))))
    assert first["killed_median"] == "35" and first["share"] == "0.25" and first["lat"] == "47.123456"
    assert first["confirmed"] == "true" and first["note"] == ""
    assert json.loads(first["figures"]) == rows[0]["figures"]
    table = _write("table", rows=rows)
    assert "35.0" not in table and "None" not in table and "35" in table
    assert "outlet=Daily" in table and "killed_min=3" in table and "injured_min" not in table


def test_csv_columns_and_path(tmp_path):
    path = tmp_path / "rows.csv"
    write_rows(ROWS, "csv", path=path, columns=["id", "place_name"])
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert rows == [["id", "place_name"], ["1", "Ostrava Nova"], ["2", "[Somewhere]"]]


def test_json_array_with_iso_dates():
    data = json.loads(_write("json"))
    assert isinstance(data, list) and len(data) == 2
    assert data[0]["date_value"] == "2031-05-06"
    assert data[0]["outlets"] == ["Daily Example", "Sample Wire"]
    assert data[1]["lat"] is None


def test_json_keeps_non_ascii_and_indents():
    text = _write("json", rows=[{"place_name": "Łódź-Süd"}])
    assert "Łódź-Süd" in text
    assert '\n "place_name"' not in text and '\n  "place_name"' in text  # indent 1 inside an array


def test_geojson_points_and_rows_left_out(caplog):
    with caplog.at_level(logging.INFO, logger="peacewatch.present.export"):
        data = json.loads(_write("geojson"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 1
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [31.5, 47.25]}
    assert "lat" not in feature["properties"] and "lon" not in feature["properties"]
    assert feature["properties"]["date_value"] == "2031-05-06"
    assert "1 of 2" in caplog.text


def test_geojson_properties_are_flat_and_gdal_reads_them(tmp_path):
    raw = pytest.importorskip("pyogrio.raw")
    rows = [ROWS[0] | {"killed_median": 12.0, "figures": [{"outlet": "Daily Example", "killed_min": 3}]}]
    path = tmp_path / "rows.geojson"
    write_rows(rows, "geojson", path=path)
    properties = json.loads(path.read_text(encoding="utf-8"))["features"][0]["properties"]
    assert all(not isinstance(v, list | dict) for v in properties.values())
    meta, _, geometry, values = raw.read(path)
    first = {name: column[0] for name, column in zip(meta["fields"], values, strict=True)}
    # every property a field of a plain type: text, number, date; none a list GDAL reads badly
    assert all(str(dtype) != "object" or isinstance(first[name], str)
               for name, dtype in zip(meta["fields"], meta["dtypes"], strict=True))
    assert json.loads(first["outlets"]) == ["Daily Example", "Sample Wire"]
    assert json.loads(first["figures"]) == [{"outlet": "Daily Example", "killed_min": 3}]
    assert json.loads(first["extra"]) == {"rule": "drone", "n": 2}
    assert first["killed_median"] == 12 and first["place_name"] == "Ostrava Nova"
    assert struct.unpack("<BIdd", geometry[0][:21])[2:] == (31.5, 47.25)  # a WKB point, x then y


def test_geojson_needs_numbers():
    rows = [{"lat": "47.2", "lon": "31.5"}, {"lat": True, "lon": 3.0}, {"lat": 95.0, "lon": 3.0}]
    assert json.loads(_write("geojson", rows=rows))["features"] == []


def test_parquet_reads_back(tmp_path):
    path = tmp_path / "rows.parquet"
    write_rows(ROWS, "parquet", path=path)
    table = pq.read_table(path)
    assert table.column_names == list(ROWS[0])
    assert table.schema.field("outlets").type == pa.list_(pa.string())
    back = table.to_pylist()
    assert back[0]["outlets"] == ["Daily Example", "Sample Wire"]
    assert json.loads(back[0]["extra"]) == {"rule": "drone", "n": 2}
    assert back[1]["extra"] is None and back[1]["lat"] is None
    assert back[0]["id"] == 1 and back[0]["lat"] == 47.25


def test_parquet_mixed_and_empty_columns_become_text(tmp_path):
    path = tmp_path / "mixed.parquet"
    write_rows([{"a": 1, "b": None}, {"a": "two", "b": None}], "parquet", path=path)
    table = pq.read_table(path)
    assert table.schema.field("a").type == pa.string()
    assert table.schema.field("b").type == pa.string()
    assert table.column("a").to_pylist() == ["1", "two"]


def test_parquet_needs_a_path():
    with pytest.raises(ValueError, match="path"):
        write_rows(ROWS, "parquet", io.StringIO())


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "geojson"])
def test_empty_rows_text_formats(fmt):
    text = _write(fmt, rows=[])
    if fmt == "json":
        assert json.loads(text) == []
    elif fmt == "geojson":
        assert json.loads(text) == {"type": "FeatureCollection", "features": []}
    elif fmt == "csv":
        assert text == ""
        assert list(csv.reader(io.StringIO(_write(fmt, rows=[], columns=["id", "type"])))) == [["id", "type"]]
    else:
        assert "no rows" in text
        assert "type" in _write(fmt, rows=[], columns=["id", "type"])


def test_empty_rows_parquet(tmp_path):
    path = tmp_path / "empty.parquet"
    write_rows([], "parquet", path=path, columns=["id", "type"])
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema == pa.schema([("id", pa.string()), ("type", pa.string())])


def test_unknown_format_names_the_formats():
    with pytest.raises(ValueError) as info:
        write_rows(ROWS, "xlsx", io.StringIO())
    assert isinstance(info.value, ExportError) and isinstance(info.value, PeacewatchError)
    for fmt in FORMATS:
        assert fmt in str(info.value)


def test_default_output_is_stdout(capsys):
    write_rows(ROWS[:1], "json")
    assert json.loads(capsys.readouterr().out)[0]["id"] == 1
