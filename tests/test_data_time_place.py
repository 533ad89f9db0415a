"""The data files of time and place load through their typed loaders; a wrong entry fails naming
the file and the entry."""

from __future__ import annotations

import copy

import pytest

from peacewatch.data import load_data, validate_data
from peacewatch.data.time_place import Calendar, CountryPoints, Landforms, PlaceNames, Places
from peacewatch.errors import DataError


def test_every_file_loads():
    assert Calendar.load().weekdays[0] == "monday"
    assert Calendar.load().deictic_days["yesterday"] == -1
    assert any(row.name == "Black Sea" for row in Places.load().places)
    assert CountryPoints.load().countries["UKR"]
    assert "al" in PlaceNames.load().arabic_articles
    assert {kind for kind, _ in Landforms.load().rows()} == {"deserts", "rivers", "mountains", "islands", "lakes"}


# (file, model, a change that breaks one entry, the entry's path the message must name, case)
BROKEN = [
    ("calendar.yaml", Calendar, lambda d: d["months"].update(march=[13, "mar"]), "months",
     "a month number out of range"),
    ("calendar.yaml", Calendar, lambda d: d["named_days"].update(bad_day={"day": 3}), "named_days.bad_day",
     "a named day without a rule"),
    ("calendar.yaml", Calendar, lambda d: d["quarters"].update(fifth=5), "quarters.fifth",
     "a quarter past the fourth"),
    ("calendar.yaml", Calendar, lambda d: d["anchor_stop_words"].append(True), "anchor_stop_words.27",
     "an unquoted 'on' read by YAML as a boolean"),
    ("calendar.yaml", Calendar, lambda d: d.update(unknown_list=["x"]), "unknown_list",
     "a list no code reads"),
    ("places.yaml", Places, lambda d: d["places"][0].update(precision="ocean"), "places.0.precision",
     "an unknown precision"),
    ("places.yaml", Places, lambda d: d["places"][1].update(lat=123.0), "places.1.lat",
     "a latitude out of range"),
    ("places.yaml", Places, lambda d: d["places"][2].update(country="Ukraine"), "places.2.country",
     "a country that is not ISO3"),
    ("landforms.yaml", Landforms, lambda d: d["rivers"][0].update(lon=200.0), "rivers.0.lon",
     "a longitude out of range"),
    ("country_points.yaml", CountryPoints, lambda d: d["countries"].update(UKR=[48.0]), "countries.UKR",
     "a point without longitude"),
    ("place_names.yaml", PlaceNames, lambda d: d["joiners"].append(""), "joiners.",
     "an empty word"),
    ("place_names.yaml", PlaceNames, lambda d: d["letters"].update(ab="x"), "letters.ab",
     "a letter of two characters"),
]


@pytest.mark.parametrize(("name", "model", "breaks", "entry", "case"), BROKEN)
def test_a_wrong_entry_fails_naming_file_and_entry(name, model, breaks, entry, case):
    raw = copy.deepcopy(load_data(name))
    breaks(raw)
    with pytest.raises(DataError) as error:
        validate_data(name, raw, model)
    assert name in str(error.value), case
    assert entry in str(error.value), case
