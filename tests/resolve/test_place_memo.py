"""choose_entry and resolve_place keep their readings per gazetteer: the same answers as reading
anew, a gazetteer set by a test read afresh, a bounded memo, one Place per reading, copied to each caller."""

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
    fresh = module._choose_entry(name, countries=countries, regions=regions)
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


def test_the_memo_is_bounded():
    memo = module._remembered_reading
    assert memo.cache_info().maxsize == module.MAX_READINGS
    before = memo.cache_info().currsize
    for _ in range(2):  # a context no other test reads: one reading kept, then found
        module.choose_entry("Kyiv", countries=["UKR", "MDA", "ROU"])
    assert memo.cache_info().currsize == min(before + 1, module.MAX_READINGS)


def test_nearby_entries_and_unhashable_contexts_are_read_anew():
    near = [e for e in module.get_gazetteer().candidates("Odessa") if e.country == "UKR"][:1]
    before = module._remembered_reading.cache_info().currsize
    assert module.choose_entry("Odessa", near=near) == module._choose_entry("Odessa", near=near)
    assert module.choose_entry("Odessa", countries=[["UKR"]]) == module._choose_entry("Odessa", countries=[["UKR"]])
    assert module._remembered_reading.cache_info().currsize == before


def test_a_reading_gives_each_caller_its_own_copy_of_one_place():
    first = module.resolve_place("Odessa", countries=["UKR"])
    again = module.resolve_place("Odessa", countries=["UKR"])
    assert again == first and again is not first  # an edit to one event's place reaches no other
    assert first == module.to_place(module._choose_entry("Odessa", countries=["UKR"]), "Odessa")
    first.name = "edited"
    assert module.resolve_place("Odessa", countries=["UKR"]).name != "edited"
    assert module.resolve_place(" Odessa ", countries=["UKR"]).text == "Odessa"
    assert module.resolve_place("Nowhereville Zed") is None
