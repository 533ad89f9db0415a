"""choose_entry keeps its readings per gazetteer: the same answers as reading anew, a gazetteer
set by a test read afresh, and a bounded memo."""

from __future__ import annotations

import pytest

from peacewatch.resolve import place as module

# (name, countries, regions): names and contexts of the kinds an article gives
CONTEXTS = [
    ("Odessa", (), frozenset()),
    ("Odessa", ("UKR",), frozenset()),
    ("Odessa", ("USA",), frozenset()),
    ("Paris", ["FRA", "USA"], frozenset()),
    ("Georgia", ("USA",), frozenset()),
    ("Georgia", ("GEO", "RUS"), frozenset()),
    ("Springfield", ("USA",), frozenset({"Illinois"})),
    ("Springfield", ("USA",), frozenset({"Missouri"})),
    ("Nowhereville Zed", (), frozenset()),
]


@pytest.mark.parametrize("name,countries,regions", CONTEXTS)
def test_a_remembered_reading_is_the_reading(name, countries, regions):
    fresh = module.choose_entry.__wrapped__(name, countries=countries, regions=regions)
    for _ in range(2):  # read, then remembered
        assert module.choose_entry(name, countries=countries, regions=regions) == fresh


def test_readings_differ_by_context():
    assert module.choose_entry("Odessa", countries=["UKR"]).country == "UKR"
    assert module.choose_entry("Odessa", countries=["USA"]).country == "USA"


def test_a_gazetteer_set_anew_is_read_anew(monkeypatch):
    module.choose_entry("Millbrook", countries=["USA"])  # a reading in the real gazetteer first
    entries = [(module.GazetteerEntry("Millbrook", "USA", "Northland", 46.0, -101.0, 13, 40_000, "city"),
                ["Millbrook"], [])]
    invented = module.Gazetteer(entries)
    monkeypatch.setattr(module, "get_gazetteer", lambda: invented)
    assert module.choose_entry("Millbrook", countries=["USA"]).admin1 == "Northland"


def test_the_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(module, "MAX_READINGS", 3)
    names = ["Kyiv", "Lviv", "Kharkiv", "Odesa", "Dnipro", "Sumy", "Poltava"]
    for name in names:
        module.choose_entry(name, countries=["UKR"])
        assert len(module.choose_entry.readings) <= 3
    assert module.choose_entry("Kyiv", countries=["UKR"]).name == "Kyiv"


def test_nearby_entries_and_unhashable_contexts_are_read_anew():
    near = [e for e in module.get_gazetteer().candidates("Odessa") if e.country == "UKR"][:1]
    assert module.choose_entry("Odessa", near=near) == module.choose_entry.__wrapped__("Odessa", near=near)
    assert module.choose_entry("Odessa", countries=[["UKR"]]) == module.choose_entry.__wrapped__(
        "Odessa", countries=[["UKR"]])
