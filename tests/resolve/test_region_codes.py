"""Each region of places.yaml carries the admin1 code of the region it is: the admin1 table names
that code with the region's own name, its base, or the region its row names (in some spelling)."""

from __future__ import annotations

import pytest

from peacewatch.data.regions import admin1_name
from peacewatch.data.time_place import Places
from peacewatch.resolve.place import get_gazetteer, loosen_name, normalize_name, resolve_place

# Regions whose GeoNames region has another name, not a spelling of theirs: (row name, table name)
OTHER_NAMES = {
    ("Gezira State", "Al Jazirah"),  # the Arabic name of the same state
}


def _key(name: str) -> str:
    return loosen_name(normalize_name(name))


def _coded_rows():
    gazetteer = get_gazetteer()
    for row in Places.load().places:
        if row.precision != "region" or not row.country:
            continue
        entry = next((e for e, tier in gazetteer.exact(normalize_name(row.name)) if tier == 0
                      and e.name == row.name and e.country == row.country and e.precision == "region"), None)
        if entry is not None and entry.admin1 and entry.admin1 != row.name:
            yield row, entry.admin1


CODED = list(_coded_rows())
_ROW_NAMES: dict[str | None, set[str]] = {}
for _row in Places.load().places:
    _ROW_NAMES.setdefault(_row.country, set()).add(_row.name)


def test_places_yaml_regions_have_codes():
    assert len(CODED) > 60


@pytest.mark.parametrize(("row", "code"), CODED, ids=[row.name for row, _ in CODED])
def test_region_code_names_the_region(row, code):
    table = admin1_name(code)
    assert table is not None, f"{row.name}: unknown code {code}"
    if (row.name, table) in OTHER_NAMES or table in _ROW_NAMES.get(row.country, ()):
        return  # another name, or an area filed under a larger region of the file
    names = [_key(n) for n in (row.admin1, row.base, row.name, *row.aliases) if n]
    wanted = _key(table)
    assert any(n in wanted or wanted in n for n in names), f"{row.name} carries {code}, which is {table}"


def test_province_named_after_a_city_is_not_the_city_region():
    # a city that is a first-level region of its own ('X City') lies inside a province named after
    # it ('X Oblast'): the province carries the province's code, not the city's
    bad = [(row.name, admin1_name(code)) for row, code in CODED
           if (admin1_name(code) or "").endswith(" City") and not row.name.endswith(" City")]
    assert not bad


ALIASED = [(row, alias) for row, _ in CODED for alias in row.aliases]


@pytest.mark.parametrize(("row", "alias"), ALIASED, ids=[a for _, a in ALIASED])
def test_other_names_of_a_region_carry_its_code(row, alias):
    # a region's other names (its English name beside the transliterated one) are the region,
    # never a region made from a town of that name ('X province' takes the town's region)
    place = resolve_place(alias, countries=[row.country])
    entry = next(e for e, tier in get_gazetteer().exact(normalize_name(row.name)) if tier == 0 and e.name == row.name
                 and e.country == row.country)
    assert place is not None and place.admin1 == entry.admin1
