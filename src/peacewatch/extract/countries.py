"""Countries by name, alias, adjective, demonym or seat of government, read from countries.yaml.

One index is built per process; lookups are exact-case first, then case-insensitive for mixed-case
names only, so 'US' is the United States and the pronoun 'us' is nothing.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from peacewatch.data.reading_words import CountryEntry, CountryList
from peacewatch.schema import Actor

log = logging.getLogger(__name__)

__all__ = ["CountryHit", "country_of", "country_name", "is_metonym", "lookup_country", "country_terms"]

# Kinds of words that name a country, in the order a clash is resolved (a name beats a metonym).
KINDS = ("name", "alias", "adjective", "demonym", "capital", "metonym")
_LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class CountryHit:
    """What a word says about a country: its ISO3, the kind of word, and the sector it implies."""

    iso3: str
    kind: str
    sector: str = "GOV"
    term: str = ""


@lru_cache(maxsize=65536)
def normalize_text(text: str) -> str:
    """Fold accents, typographic apostrophes and spaces so 'Elysée' and 'Russia’s' match their keys."""
    if text.isascii():
        return " ".join(text.split())  # nothing to fold (most words of English news)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


def _is_abbreviation(term: str) -> bool:
    """All-caps short forms ('US', 'UK', 'DRC') must keep their case to match."""
    letters = [ch for ch in term if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 5


@dataclass(frozen=True)
class _Index:
    exact: dict[str, CountryHit]
    folded: dict[str, CountryHit]
    names: dict[str, str]
    max_tokens: int


def _add(index: dict[str, CountryHit], key: str, hit: CountryHit) -> None:
    old = index.get(key)
    if old is not None and old.iso3 != hit.iso3:
        # A clash across countries: keep the stronger kind, and log it so the data can be fixed.
        if KINDS.index(hit.kind) < KINDS.index(old.kind):
            log.debug("country term %r: %s replaces %s", key, hit.iso3, old.iso3)
            index[key] = hit
        return
    if old is None or KINDS.index(hit.kind) < KINDS.index(old.kind):
        index[key] = hit


@cache
def _index() -> _Index:
    """Build the lookup tables from countries.yaml (checked by its model) once per process."""
    exact: dict[str, CountryHit] = {}
    folded: dict[str, CountryHit] = {}
    names: dict[str, str] = {}
    max_tokens = 1
    for entry in CountryList.load().countries:
        names[entry.iso3] = entry.name
        for term, kind, sector in _terms(entry):
            key = normalize_text(term)
            hit = CountryHit(entry.iso3, kind, sector, key)
            _add(exact, key, hit)
            if not _is_abbreviation(key):
                _add(folded, key.casefold(), hit)
            max_tokens = max(max_tokens, len(key.split()))
    return _Index(exact, folded, names, max_tokens)


def _terms(entry: CountryEntry) -> list[tuple[str, str, str]]:
    """Every word of a country with its kind and the sector it implies, in the order of KINDS."""
    terms: list[tuple[str, str, str]] = [(entry.name, "name", "GOV")]
    terms += [(t, "alias", "GOV") for t in entry.aliases]
    terms += [(t, "adjective", "GOV") for t in entry.adjectives]
    terms += [(t, "demonym", "GOV") for t in entry.demonyms]
    terms += [(t, "capital", "GOV") for t in entry.capitals]
    terms += [(term, "metonym", sector) for term, sector in entry.metonyms.items()]
    return terms


@lru_cache(maxsize=65536)
def lookup_country(text: str) -> CountryHit | None:
    """Read `text` as a country word.

    Args:
        text: a name, alias, adjective, demonym, capital or metonym, possibly with 'the' before
            it or a possessive after it ("the Russians", "Russia's").
    Returns:
        the hit (ISO3, kind, implied sector), or None when the text names no country.
    """
    if not text:
        return None
    index = _index()
    raw = normalize_text(text).strip()
    # 'U.K.' keeps its final stop; 'Russia.' at a sentence end loses it.
    key = raw.strip(" ,.;:\"()[]")
    candidates = [raw, key] if raw != key else [key]
    bare = _POSSESSIVE.sub("", key)
    if bare != key:
        candidates.append(bare)
    for cand in list(candidates):
        stripped = _LEADING_THE.sub("", cand)
        if stripped != cand:
            candidates.append(stripped)
    for cand in candidates:
        if cand in index.exact:
            return index.exact[cand]
    # Only words written with a capital may match regardless of case: 'polish' and 'us' never do.
    if any(ch.isupper() for ch in key):
        for cand in candidates:
            hit = index.folded.get(cand.casefold())
            if hit is not None:
                return hit
    return None


def country_of(text: str) -> str | None:
    """The ISO3 code a country word stands for ('Russian' -> 'RUS', 'us' -> None)."""
    hit = lookup_country(text)
    return hit.iso3 if hit else None


def country_name(iso3: str) -> str | None:
    """The canonical short name of an ISO3 code ('GBR' -> 'United Kingdom'), or None."""
    return _index().names.get(iso3)


def state_actor(iso3: str, text: str | None = None, sector: str | None = "GOV") -> Actor:
    """A country's state as an actor: its canonical name, its code and (by default) GOV."""
    return Actor(text=text, name=country_name(iso3), country=iso3, sector=sector)


def is_metonym(text: str) -> bool:
    """True when `text` can stand for a government: a seat ('Kremlin') or a capital ('Kyiv')."""
    hit = lookup_country(text)
    return hit is not None and hit.kind in ("capital", "metonym")


def country_terms() -> list[tuple[str, CountryHit]]:
    """Every indexed term with its hit (exact case), for building entity patterns."""
    return sorted(_index().exact.items())


def max_term_tokens() -> int:
    """The longest country term in whitespace tokens (bounds phrase scans)."""
    return _index().max_tokens
