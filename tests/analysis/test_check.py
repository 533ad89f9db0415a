"""The store check: each rule finds the suspect record it is for and leaves sound ones alone,
on incidents and events invented for these tests."""

import json
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from peacewatch.analysis.check import check_old_news, check_store, not_an_actor
from peacewatch.cli import app
from peacewatch.store import Store

DAY = date(2025, 6, 2)


def incident(n, killed=None, outlets=("Wire A",), **fields):
    row = {"type": "ASSAULT", "date_value": (DAY + timedelta(days=n % 20)).isoformat(), "date_precision": "day",
           "country": "XKX", "place_name": f"Town {n}", "place_precision": "city", "lat": 42.0, "lon": 21.0,
           "source_name": "Northern army", "source_country": "AAA", "external_id": f"i{n}", "origin": "test",
           "killed_min": killed, "killed_max": killed, "killed_median": killed, "outlets": list(outlets),
           "evidence": [f"Sentence {n} written for this test."]}
    return row | fields


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    rows = [incident(n, killed=k) for n, k in enumerate([2, 3, 5, 1, 4, 6, 2, 3])]
    rows += [incident(50, killed=3000, evidence=["The long war has killed thousands, officials said."]),
             incident(51, killed=40),  # a bad day, not a suspect scale
             incident(52, place_name="Xland", place_precision="country"),
             incident(53, source_name="three people"),
             incident(54, source_name="Two heavy missiles"),
             incident(55, source_name="its air defence"),
             incident(56, source_name="Southern militia")]
    store.import_incidents(rows)
    return store


def test_a_toll_far_above_the_outlets_scale_is_suspect_and_a_bad_day_is_not(store):
    found = check_store(store, ("toll-scale",))
    assert [f.evidence for f in found] == ["The long war has killed thousands, officials said."]
    assert "times" in found[0].reason and "3,000" in found[0].reason


def test_an_incident_at_the_country_centroid_is_listed(store):
    found = check_store(store, ("country-centroid",))
    assert [f.what for f in found] == ["ASSAULT Xland Northern army"]


def test_attackers_that_are_not_actors(store):
    names = sorted(f.reason.split("'")[1] for f in check_store(store, ("attacker-not-actor",)))
    assert names == ["Two heavy missiles", "its air defence", "three people"]


@pytest.mark.parametrize("name", ["Northern army", "the rebels", "Government forces", "A militia commander",
                                  "Defence ministry"])
def test_actors_pass(name):
    assert not_an_actor(name) is None


@pytest.mark.parametrize(("name", "why"), [("12 soldiers", "number"), ("five residents", "people"),
                                           ("a glide bomb", "weapon"), ("the blast", "thing"),
                                           ("one person", "people")])
def test_non_actors_are_named_with_the_reason(name, why):
    assert why in not_an_actor(name)


def test_news_dated_a_year_before_its_article_is_old():
    events = [{"id": 1, "article_id": "a", "type": "ASSAULT", "date_value": "2021", "date_end": "2021-12-31",
               "evidence": "A recalled battle."},
              {"id": 2, "article_id": "a", "type": "ASSAULT", "date_value": "2024-06-01", "date_end": "2024-06-01"},
              {"id": 3, "article_id": "b", "type": "CONSULT", "date_value": "2024-01-02", "date_end": "2024-01-02"}]
    found = check_old_news(events, {"a": "2024-06-02", "b": "2025-01-02"})
    assert [f.id for f in found] == [1, 3]


def test_unknown_check_is_refused(store):
    with pytest.raises(ValueError, match="unknown check"):
        check_store(store, ("spelling",))


def test_cli_table_json_and_exit_codes(store, tmp_path):
    runner = CliRunner()
    db = store.url
    result = runner.invoke(app, ["check", "--db", db, "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["total"] == len(payload["findings"]) and payload["by_check"]["toll-scale"] == 1
    table = runner.invoke(app, ["check", "--db", db, "--check", "country-centroid"])
    assert table.exit_code == 1 and "Xland" in table.stdout
    clean = Store(f"sqlite:///{tmp_path / 'clean.db'}")
    clean.import_incidents([incident(1, killed=2)])
    assert runner.invoke(app, ["check", "--db", clean.url]).exit_code == 0
    assert runner.invoke(app, ["check", "--db", db, "--check", "nope"]).exit_code == 2
