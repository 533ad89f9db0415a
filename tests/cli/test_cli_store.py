"""The store commands through Typer's runner: ingest a small folder, query it in every format,
export ACLED CSV and import it back."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from peacewatch.cli import app

runner = CliRunner()

ARTICLES = {
    "a.txt": "Russian forces shelled the town of Vovchansk on Monday, killing four civilians, officials said.",
    "b.txt": "Sudan's army said on Sunday that RSF fighters attacked the city of El Obeid, killing 12 people.",
    "c.txt": "Ukraine accepted a US proposal for a 30-day ceasefire on Tuesday.",
    "d.bin": "\x00\x01\x02 binary junk \x00",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path_factory.mktemp("db") / "store.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2025-05-07", "-q"])
    assert result.exit_code == 0, result.output
    assert "new" in result.output and "binary" in result.output
    return str(db)


def test_help_has_examples():
    for command in ("ingest", "events", "incidents", "claims", "agreements", "export", "import-acled"):
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output, command


def test_second_ingest_adds_nothing(db, tmp_path):
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"])
    assert result.exit_code == 0
    assert "duplicate" in result.output
    lines = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in result.output.splitlines()
             if line.count("│") == 3}
    assert lines["new"] == "0" and lines["duplicate"] == "1"


def test_events_as_json_csv_and_geojson(db):
    result = runner.invoke(app, ["events", "--db", db, "--type", "ASSAULT", "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.output)
    assert {e["place_name"] for e in events} == {"Vovchansk", "El Obeid"}
    result = runner.invoke(app, ["events", "--db", db, "--country", "SDN", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["place_name"] for r in rows] == ["El Obeid"]
    result = runner.invoke(app, ["incidents", "--db", db, "--format", "geojson"])
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) >= 2


def test_parquet_needs_a_file_and_writes_one(db, tmp_path):
    assert runner.invoke(app, ["events", "--db", db, "--format", "parquet"]).exit_code != 0
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["events", "--db", db, "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows >= 2


def test_claims_agreements_and_table(db):
    result = runner.invoke(app, ["agreements", "--db", db, "--country", "UKR", "--format", "json", "--per-article"])
    agreements = json.loads(result.output)
    assert agreements[0]["kind"] == "ceasefire" and agreements[0]["status"] == "proposed"
    result = runner.invoke(app, ["agreements", "--db", db, "--format", "json"])
    tracked = json.loads(result.output)
    assert tracked[0]["kind"] == "ceasefire" and tracked[0]["articles"] == 1 and tracked[0]["mediator"] == "USA"
    result = runner.invoke(app, ["claims", "--db", db, "--format", "json"])
    assert any(c["speaker_country"] == "SDN" for c in json.loads(result.output))
    assert runner.invoke(app, ["incidents", "--db", db]).exit_code == 0


def test_acled_export_and_import_round_trip(db, tmp_path):
    out = tmp_path / "acled.csv"
    result = runner.invoke(app, ["export", "--format", "acled-csv", "--db", db, "--out", str(out),
                                 "--type", "ASSAULT"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["location"] for r in rows} == {"Vovchansk", "El Obeid"}
    assert {r["event_type"] for r in rows} <= {"Explosions/Remote violence", "Battles", "Violence against civilians"}
    other = tmp_path / "other.db"
    result = runner.invoke(app, ["import-acled", str(out), "--db", str(other)])
    assert result.exit_code == 0 and "2 incidents added" in result.output
    result = runner.invoke(app, ["incidents", "--db", str(other), "--format", "json"])
    imported = json.loads(result.output)
    assert sorted(i["killed_min"] for i in imported) == [4, 12]
    assert all(i["origin"] == "acled" for i in imported)


def test_tables_fit_80_columns_by_date_and_columns_can_be_chosen(db):
    for command in ("events", "incidents", "claims", "agreements"):
        result = runner.invoke(app, [command, "--db", db], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        assert max(len(line) for line in result.output.splitlines()) <= 80, command
        assert "None" not in result.output and ".0 " not in result.output, command
    result = runner.invoke(app, ["events", "--db", db, "--format", "json"])
    days = [e["date_value"] for e in json.loads(result.output)]
    dated = [d for d in days if d]
    assert dated == sorted(dated) and days[:len(dated)] == dated  # by date, the undated last
    result = runner.invoke(app, ["events", "--db", db, "--columns", "date_value,evidence"], env={"COLUMNS": "80"})
    assert result.exit_code == 0 and "evidence" in result.output and "type" not in result.output
    wide = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "200"})
    assert "2025-05-0" in wide.output and "evidence" in wide.output
    result = runner.invoke(app, ["events", "--db", db, "--columns", "date_value,nothing"])
    assert result.exit_code != 0 and "nothing" in result.output


def test_tracker_json_steps_carry_party_date_and_evidence(db):
    result = runner.invoke(app, ["agreements", "--db", db, "--format", "json"])
    steps = [s for a in json.loads(result.output) for s in a["history"]]
    assert steps and all(set(s) == {"date", "told", "party", "action", "evidence"} for s in steps)
    assert all(s["evidence"] for s in steps)
