"""Airports as places: the airports of the airportsdata package that have an IATA code (the
ones with scheduled flights or a military role, the size news name), with the names news use.

An airport is named by its own name as the data write it ('Washington Dulles International
Airport'), by its core name with 'Airport' ('Dulles Airport', 'Dulles International Airport'),
and, when it is one word other than its city's, by that word alone ('Heathrow', 'Schiphol'): the gazetteer
(peacewatch.resolve.place) decides whether a bare word is free to be the airport's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from peacewatch.data.time_place import PlaceNames
from peacewatch.errors import DataError

__all__ = ["Airport", "read_airports"]

_NAMES = PlaceNames.load()
_DROPPED = frozenset(w.lower() for w in _NAMES.airport_words)
_LEFT_OUT = frozenset(w.lower() for w in _NAMES.airport_kinds_left_out)
_PARENTHESES = re.compile(r"\([^)]*\)?")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Airport:
    """One airport: its name as written, its city, ISO2 country and point, and its names.

    own: names only the airport has ('Heathrow Airport', 'London Heathrow Airport');
    bare: a one-word name news give it alone ('Heathrow'), empty when there is none.
    """

    name: str
    city: str
    country: str
    lat: float
    lon: float
    own: tuple[str, ...]
    bare: tuple[str, ...]


def core_name(name: str) -> str:
    """An airport's name without brackets and airport words: 'Amsterdam Airport Schiphol' ->
    'Amsterdam Schiphol', 'Kabul International Airport' -> 'Kabul'."""
    words = _WORD.findall(_PARENTHESES.sub(" ", name))
    return " ".join(w for w in words if w.lower().strip(",") not in _DROPPED).strip(" ,-/")


def _without_city(core: str, city: str) -> str:
    """The core name after the name of its city ('London Heathrow' -> 'Heathrow'), or ''."""
    if city and core.lower().startswith(city.lower() + " "):
        return core[len(city) + 1:].strip(" -/")
    return ""


def airport_names(name: str, city: str, city_airports: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The own names and the bare one-word names of an airport (see Airport).

    Args:
        name: the airport's name as written by the data.
        city: the city it serves.
        city_airports: how many airports serve that city: '<city> Airport' is one's own name
            only when it is the only one.
    """
    own = [name]
    bare = []
    core = core_name(name)
    for form in dict.fromkeys(f for f in (core, _without_city(core, city)) if f):
        own.extend((f"{form} Airport", f"{form} International Airport"))
        # with no city given, a one-word core is the name of the town the airport is at
        if city and " " not in form and form.lower() != city.lower():
            bare.append(form)
    if city and city_airports == 1:
        own.append(f"{city} Airport")
    return tuple(dict.fromkeys(own)), tuple(bare)


def _rows() -> Iterator[dict]:
    try:
        import airportsdata
    except ModuleNotFoundError as exc:  # pragma: no cover - a declared dependency
        raise DataError("the airportsdata package is missing; reinstall peacewatch") from exc
    for row in airportsdata.load("IATA").values():
        if row.get("iata") and row.get("name") and not _LEFT_OUT & set(row["name"].lower().split()):
            yield dict(row)


def read_airports() -> list[Airport]:
    """The airports with an IATA code, less the kinds news do not name (seaplane bases, heliports)."""
    rows = list(_rows())
    per_city: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["country"], (row.get("city") or "").strip().lower())
        per_city[key] = per_city.get(key, 0) + 1
    out = []
    for row in rows:
        city = (row.get("city") or "").strip()
        own, bare = airport_names(row["name"].strip(), city, per_city[(row["country"], city.lower())])
        out.append(Airport(name=row["name"].strip(), city=city, country=row["country"],
                           lat=float(row["lat"]), lon=float(row["lon"]), own=own, bare=bare))
    return out
