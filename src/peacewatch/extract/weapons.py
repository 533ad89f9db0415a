"""Weapons named in a sentence (with count and model) and the PLOVER ASSAULT mode of attack words.

The names, models and modes are data (data/weapons.yaml); this module holds the matching.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from peacewatch.data.reading_words import NumberWords, WeaponWords
from peacewatch.extract.counts import extend_hedges, parse_count
from peacewatch.grammar import INDEFINITE_ARTICLES
from peacewatch.nlp import text_of
from peacewatch.schema import Weapon

log = logging.getLogger(__name__)

__all__ = ["find_weapons", "load_weapon_lexicon", "mode_of_words", "weapon_mode"]


@dataclass(frozen=True)
class _Model:
    name: str
    weapon: str
    ambiguous: bool


# A weapon found in a sentence: start and end chars, canonical name, model.
_Found = tuple[int, int, str | None, str | None]


@dataclass(frozen=True)
class WeaponLexicon:
    """data/weapons.yaml, compiled: canonical names, modes and the matching patterns."""

    modes: frozenset[str]
    weapons: dict[str, str]  # any spelling (lower case) -> canonical name
    weapon_modes: dict[str, str]  # canonical name -> mode
    attack_modes: dict[str, str]  # attack word (lower case) -> mode
    models: dict[str, _Model]  # any spelling (lower case) -> model
    weapon_pattern: re.Pattern
    model_pattern: re.Pattern


def _phrase_regex(phrase: str) -> str:
    """A phrase as a regex: spaces and hyphens interchangeable."""
    return r"[\s\-\u2010\u2011]?".join(re.escape(part) for part in re.split(r"[\s\-]+", phrase))


@cache
def load_weapon_lexicon() -> WeaponLexicon:
    """Read data/weapons.yaml (checked by its model) and compile it once per process.

    Returns:
        the compiled WeaponLexicon.
    Raises:
        DataError: when an entry names an unknown mode or weapon.
    """
    data = WeaponWords.load()
    weapons: dict[str, str] = {}
    weapon_modes: dict[str, str] = {}
    for name, weapon in data.weapons.items():
        weapon_modes[name] = weapon.mode
        for spelling in [name, *weapon.aliases]:
            weapons[spelling.lower()] = name
    attack_modes = {word.lower(): mode for word, mode in data.attack_words.items()}
    models: dict[str, _Model] = {}
    original: dict[str, str] = {}
    for name, spec in data.models.items():
        model = _Model(name=name, weapon=spec.weapon, ambiguous=spec.ambiguous)
        for spelling in [name, *spec.aliases]:
            models[spelling.lower()] = model
            original[spelling.lower()] = spelling
    blockers = [b.lower() for b in data.not_weapons]
    return WeaponLexicon(frozenset(data.modes), weapons, weapon_modes, attack_modes, models,
                         _weapon_pattern([*weapons, *blockers]), _model_pattern(models, original))


def _weapon_pattern(spellings: list[str]) -> re.Pattern[str]:
    """Weapon names and blockers, longest first, so 'ballistic missile' wins over 'missile'."""
    ordered = sorted(spellings, key=len, reverse=True)
    names = _alternatives([_phrase_regex(s) for s in ordered])
    return re.compile(r"(?<![\w-])(" + names + r")(?:e?s)?(?![\w-])", re.IGNORECASE)


def _model_pattern(models: dict[str, _Model], original: dict[str, str]) -> re.Pattern[str]:
    """Models keep their capital ('Iskander', not 'iskander'); a variant suffix ('-M', '-136')
    and a plural 's' may follow."""
    model_names = sorted(set(models), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(" + _alternatives([re.escape(original[m]) for m in model_names]) + r")"
        r"((?:-[A-Z0-9]{1,4})?)s?(?![\w])"
    )


def _alternatives(names: list[str]) -> str:
    """The regexes of names as one alternation, in order, put under their first letter or digit
    ('b(?:allistic missile|omb)|m(?:issile)'): the regex engine tries every alternative in turn at
    each start of a word, and names of different first characters never match at one place, so
    the order that matters (within a character) and the matches stay those of the plain list,
    found some three times faster (every sentence with a strike is searched). A name opening with
    another character (escaped, or a separator), or two first letters that differ only in case,
    keep the plain list."""
    if not all(name[:1].isascii() and name[:1].isalnum() for name in names):
        return "|".join(names)
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name[1:])
    if len({first.lower() for first in by_first}) < len(by_first):
        return "|".join(names)
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items())


def weapon_mode(name: str) -> str | None:
    """The ASSAULT mode of one word or name.

    Args:
        name: an attack word ('shelling', 'airstrike'), a weapon ('ballistic missile',
            'drones') or a model ('Shahed'); any case, singular or plural.
    Returns:
        the mode ('aerial', 'drone', 'heavy-weapons', 'firearms', 'explosives', 'ground',
        'naval', 'chemical'), or None when the word is not known.
    """
    lex = load_weapon_lexicon()
    key = " ".join(name.strip().lower().split())
    for form in _singulars(key):
        if form in lex.attack_modes:
            return lex.attack_modes[form]
        if form in lex.weapons:
            return lex.weapon_modes[lex.weapons[form]]
        model = lex.models.get(form) or lex.models.get(form.split("-")[0])
        if model is not None:
            return lex.weapon_modes[model.weapon]
    return None


def _singulars(word: str) -> list[str]:
    """The word and its possible singulars ('explosions', 'gunmen', 'MLRS' stays)."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    return forms


def mode_of_words(words: Iterable[str]) -> str | None:
    """The ASSAULT mode of a trigger and its weapons: the first word with a mode, in order.

    The caller passes the trigger (lemma or phrase) first, then the weapon names. Within a
    phrase the first word with a mode wins, longest phrase first: 'drone attack' -> drone,
    'shelling' -> heavy-weapons, 'explosions' -> explosives, and 'ground and aerial assaults'
    -> ground (the first-named way of attacking, as the gold coding does).

    Args:
        words: words or phrases, in the order of preference.
    Returns:
        the mode, or None when no word has one.
    """
    for phrase in words:
        if not phrase:
            continue
        mode = weapon_mode(phrase)
        if mode:
            return mode
        parts = [p for p in re.split(r"[\s\-]+", phrase.strip()) if p]
        for i in range(len(parts)):
            for j in range(len(parts), i, -1):
                if j - i == len(parts):
                    continue  # the whole phrase was tried above
                mode = weapon_mode(" ".join(parts[i:j]))
                if mode:
                    return mode
    return None


def find_weapons(sent: Span) -> list[Weapon]:
    """The weapons named in a sentence, each once, with count and model.

    'two Iskander ballistic missiles' -> Weapon('ballistic missile', 2, 'Iskander');
    'ballistic missiles' -> count None; 'a glide bomb' -> count 1; 'Shahed drones' -> 'drone'
    with model 'Shahed'; '80 drones and seven missiles' -> two weapons. A bare generic name
    ('the missiles') is dropped when a more specific weapon of the same kind is in the sentence.

    Args:
        sent: a sentence (or any span) of a parsed Doc.
    Returns:
        the weapons in the order they appear.
    """
    lex = load_weapon_lexicon()
    text = text_of(sent)
    base = sent.start_char
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for match in lex.weapon_pattern.finditer(text):
        spelling = " ".join(re.split(r"[\s\-\u2010\u2011]+", match[1].lower()))
        canonical = lex.weapons.get(spelling) or lex.weapons.get(match[1].lower())
        taken.append(match.span())
        if canonical is not None:
            found.append((match.start(), match.end(), canonical, None))
    for match in lex.model_pattern.finditer(text):
        model = lex.models[match[1].lower()]
        if any(s <= match.start() < e for s, e in taken):
            continue
        generic = _generic_after(found, match.end(), text)
        if generic is not None:
            idx = found.index(generic)
            found[idx] = (match.start(), generic[1], generic[2], model.name)
            continue
        if model.ambiguous and not _count_before(sent, base + match.start()):
            continue
        found.append((match.start(), match.end(), model.weapon, model.name))
    found.sort()
    weapons: list[Weapon] = []
    for start, end, name, model_name in found:
        if name is None:
            continue
        count = _count_before(sent, base + start)
        if count == 1 and _is_plural(text[start:end]):
            count = None  # 'a barrage of missiles': the article counts the barrage
        weapons.append(Weapon(name=name, count=count, model=model_name))
    return _deduplicate(weapons)


def _generic_after(found: list[_Found], end: int, text: str) -> _Found | None:
    """The weapon name right after a model ('Iskander ballistic missiles', 'Shahed-type drones')."""
    gap_pattern = _model_gap()
    for item in found:
        gap = text[end:item[0]]
        if item[3] is None and 0 <= item[0] - end <= 12 and gap_pattern.fullmatch(gap):
            return item
    return None


@cache
def _model_gap() -> re.Pattern[str]:
    """What may stand between a model and its weapon name: spaces, hyphens and a link word."""
    links = "|".join(re.escape(word) for word in WeaponWords.load().model_links)
    return re.compile(r"[\s\-]*(?:" + links + r")?[\s\-]*")


def _is_plural(words: str) -> bool:
    return words.lower().endswith("s") and not words.lower().endswith("ss")


# The words a count of weapons ends with ('a', 'two dozen', 'hundreds') and starts with ('half a
# dozen'), and the vague plurals that are no count of weapons.
_NUMBERS = NumberWords.load()
_COUNT_ENDS = INDEFINITE_ARTICLES | frozenset(_NUMBERS.weapon_count_words)
_COUNT_STARTS = INDEFINITE_ARTICLES | frozenset(_NUMBERS.weapon_count_fractions)
_VAGUE_FLOORS = frozenset(_NUMBERS.vague_floors)


def _count_before(sent: Span, char: int) -> int | None:
    """The count written before a weapon: 'two', '80', 'a', 'at least 20' (its lower bound)."""
    doc = sent.doc
    first = next((t for t in sent if t.idx >= char), None)
    if first is None:
        return None
    k = first.i - 1
    skipped = 0
    # Pass over the words between count and weapon: 'two large Russian-made Iskander ...'.
    while k >= sent.start and skipped < 4:
        token = doc[k]
        if token.like_num or token.lower_ in _COUNT_ENDS:
            break
        if token.pos_ in ("ADJ", "PROPN", "VERB") and token.tag_ in ("JJ", "JJR", "NNP", "VBN", "VBG") \
                or token.text in ("-", "\u2011") or token.dep_ == "compound":
            k -= 1
            skipped += 1
            continue
        return None
    if k < sent.start:
        return None
    end = k + 1
    while k - 1 >= sent.start and (doc[k - 1].like_num or doc[k - 1].lower_ in _COUNT_STARTS):
        k -= 1
    if end - k == 1 and doc[k].lower_ in INDEFINITE_ARTICLES:
        return 1  # 'a glide bomb'; a plural after 'a' ('a barrage of ...') is handled by the caller
    k = extend_hedges(k, end, sent)
    count = parse_count(doc[k:end].text)
    if count is None:
        return None
    if count.min is not None and count.min == count.max:
        return count.min
    if doc[end - 1].lower_ in _VAGUE_FLOORS:
        return None  # a vague plural is not a count of weapons
    return count.min if count.min is not None else count.max


def _deduplicate(weapons: list[Weapon]) -> list[Weapon]:
    """One entry per weapon and model; a bare generic name yields to a specific one."""
    merged: dict[tuple[str, str | None], Weapon] = {}
    for weapon in weapons:
        key = (weapon.name, weapon.model)
        if key in merged:
            if merged[key].count is None and weapon.count is not None:
                merged[key] = weapon
            continue
        merged[key] = weapon
    out = list(merged.values())
    keep = []
    for weapon in out:
        if weapon.model is None and weapon.count is None and any(
            other is not weapon
            and (other.name.endswith(" " + weapon.name) or (other.name == weapon.name and other.model))
            for other in out
        ):
            continue
        keep.append(weapon)
    return keep
