"""Typed loaders of the data files of time and place (resolve/): calendar.yaml, places.yaml,
place_names.yaml and country_points.yaml, each validated once, at first use, by its model."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from peacewatch.data import DataFile, Word

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]
Precision = Literal["city", "region", "country", "sea", "continent"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- calendar.yaml


class NumberWords(_Strict):
    """Number words: exact amounts, and approximate ones ('a few') that coarsen a precision."""

    exact: dict[Word, int]
    approximate: dict[Word, int]


class NamedDayRule(_Strict):
    """How a named day falls in a year: from Easter, on a fixed date, on the n-th weekday of a
    month, or per country from a table."""

    easter: int | None = None
    method: Literal["orthodox"] | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    weekday: Word | None = None
    nth: int | None = None
    country_table: Word | None = None

    @model_validator(mode="after")
    def _has_a_rule(self) -> NamedDayRule:
        if self.easter is None and self.month is None and self.country_table is None:
            raise ValueError("a named day needs 'easter', 'month' or 'country_table'")
        if self.month is not None and self.easter is None and self.day is None and self.weekday is None:
            raise ValueError("a named day with 'month' needs 'day' or 'weekday' and 'nth'")
        if self.weekday is not None and self.nth is None:
            raise ValueError("a named day with 'weekday' needs 'nth'")
        return self


def _check_month(spec: list[int | str]) -> list[int | str]:
    number = spec[0] if spec else None
    if not isinstance(number, int) or not 1 <= number <= 12:
        raise ValueError(f"a month must start with its number 1-12, not {number!r}")
    if any(not isinstance(a, str) for a in spec[1:]):
        raise ValueError("a month's abbreviations must be words")
    return spec


# [number, abbreviations...]
MonthSpec = Annotated[list[int | Word], AfterValidator(_check_month)]


class Calendar(DataFile):
    """data/calendar.yaml: the words of time (see the comment at its top)."""

    FILE = "calendar.yaml"

    months: dict[Word, MonthSpec]
    weekdays: tuple[Word, ...] = Field(min_length=7, max_length=7)
    numbers: NumberWords
    seasons: dict[Word, tuple[Annotated[int, Field(ge=1, le=12)], ...]]
    named_days: dict[Word, NamedDayRule]
    independence_days: dict[Iso3, Annotated[str, StringConstraints(pattern=r"^\d\d-\d\d$")]]
    count_nouns: frozenset[Word]
    count_quantifiers: tuple[Word, ...]
    future_cues: tuple[Word, ...]
    deictic_days: dict[Word, int]
    quarters: dict[Word, Annotated[int, Field(ge=1, le=4)]]
    relative_years: dict[Word, int]
    past_words: frozenset[Word]
    future_words: frozenset[Word]
    backward_connectors: frozenset[Word]
    unit_days: dict[Word, int]
    anchor_stop_words: frozenset[Word]
    weekday_openers: frozenset[Word]

    def month_numbers(self) -> dict[str, int]:
        """Every name of a month, full names and abbreviations ('sept'), -> its number; in the
        file's order, each month's full name before its abbreviations."""
        return {name: int(spec[0]) for month, spec in self.months.items()
                for name in (month, *(part for part in spec[1:] if isinstance(part, str)))}

    def month_names(self) -> frozenset[str]:
        """Every name of a month: the full names and their abbreviations."""
        return frozenset(self.month_numbers())

    @model_validator(mode="after")
    def _check_tables(self) -> Calendar:
        for key, rule in self.named_days.items():
            if rule.country_table is not None and rule.country_table != "independence_days":
                raise ValueError(f"named day {key!r}: unknown country_table {rule.country_table!r}")
            if rule.weekday is not None and rule.weekday not in self.weekdays:
                raise ValueError(f"named day {key!r}: unknown weekday {rule.weekday!r}")
        return self


# ---------------------------------------------------------------- places.yaml


class PlaceRow(_Strict):
    """One place that the city lists miss: a sea, a region, a camp."""

    name: Word
    precision: Precision
    country: Iso3 | None = None
    lat: Latitude
    lon: Longitude
    aliases: list[Word] = []
    base: Word | None = None
    adjectives: list[Word] = []
    population: int | None = None
    geonameid: int | None = None
    admin1: Word | None = None  # the first-level region holding an area, as data/admin1.json names it


class Places(DataFile):
    """data/places.yaml: seas, regions and other places, continent names and ruler exclusions."""

    FILE = "places.yaml"

    places: list[PlaceRow]
    continent_aliases: dict[Word, list[Word]]
    continent_adjectives: dict[Word, list[Word]]
    ruler_exclude: list[Word]


# ---------------------------------------------------------------- landforms.yaml


class LandformRow(_Strict):
    """One physical feature: a desert, a river, a mountain system, an island, a lake."""

    name: Word
    country: Iso3 | None = None
    lat: Latitude
    lon: Longitude
    aliases: list[Word] = []


class Landforms(DataFile):
    """data/landforms.yaml: the world's major physical features, each class whole above a size."""

    FILE = "landforms.yaml"

    deserts: list[LandformRow]
    rivers: list[LandformRow]
    mountains: list[LandformRow]
    islands: list[LandformRow]
    lakes: list[LandformRow]

    def rows(self) -> list[tuple[str, LandformRow]]:
        """(class, row) of every feature, class by class."""
        return [(kind, row) for kind in ("deserts", "rivers", "mountains", "islands", "lakes")
                for row in getattr(self, kind)]


# ---------------------------------------------------------------- country_points.yaml

Point = tuple[Latitude, Longitude]


class SharedReading(_Strict):
    """One place a shared name may stand for: a country, or a first-level region of it."""

    country: Iso3
    region: Word | None = None


class CountryPoints(DataFile):
    """data/country_points.yaml: points and extra names of countries, US states and other regions."""

    FILE = "country_points.yaml"

    countries: dict[Iso3, Point]
    aliases: dict[Iso3, list[Word]]
    us_states: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")], tuple[Latitude, Longitude, int]]
    state_abbreviations: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")], list[Word]]
    region_abbreviations: dict[Iso3, dict[Word, list[Word]]] = {}
    shared_names: dict[Word, list[SharedReading]] = {}


# ---------------------------------------------------------------- place_names.yaml


class PlaceNames(DataFile):
    """data/place_names.yaml: the words of place names, for normalising and joining them."""

    FILE = "place_names.yaml"

    arabic_articles: list[Word]
    abbreviations: dict[Word, Word]
    region_suffixes: list[Word]
    base_suffixes: list[Word]
    ruler_region_suffixes: list[Word]
    formal_modifiers: list[Word]
    formal_heads: list[Word]
    direction_words: list[Word]
    part_words: list[Word] = []
    place_nouns: list[Word] = []
    joiners: list[Word]
    peoples: list[Word] = []
    airport_words: list[Word] = []
    airport_kinds_left_out: list[Word] = []
    spellings: dict[Word, Word] = {}
    generic_names: list[Word] = []
    letters: dict[Annotated[str, StringConstraints(min_length=1, max_length=1)], str]
