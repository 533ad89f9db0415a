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

from peacewatch.data import load_data
from peacewatch.errors import DataError
from peacewatch.extract.numbers import extend_hedges, parse_count
from peacewatch.schema import Weapon

log = logging.getLogger(__name__)

__all__ = ["find_weapons", "load_weapon_lexicon", "mode_of_words", "weapon_mode"]


@dataclass(frozen=True)
class _Model:
    name: str
    weapon: str
    ambiguous: bool


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
    """Read and check data/weapons.yaml once per process.

    Returns:
        the compiled WeaponLexicon.
    Raises:
        DataError: when an entry names an unknown mode or weapon.
    """
    data = load_data("weapons.yaml")
    if not isinstance(data, dict):
        raise DataError("weapons.yaml must be a mapping")
    modes = frozenset(data.get("modes") or [])
    weapons: dict[str, str] = {}
    weapon_modes: dict[str, str] = {}
    for name, spec in (data.get("weapons") or {}).items():
        if not isinstance(spec, dict) or spec.get("mode") not in modes:
            raise DataError(f"weapons.yaml: weapon {name!r} needs a mode among {sorted(modes)}")
        weapon_modes[name] = spec["mode"]
        for spelling in [name, *(spec.get("aliases") or [])]:
            weapons[spelling.lower()] = name
    attack_modes: dict[str, str] = {}
    for word, mode in (data.get("attack_words") or {}).items():
        if mode not in modes:
            raise DataError(f"weapons.yaml: attack word {word!r} has unknown mode {mode!r}")
        attack_modes[word.lower()] = mode
    models: dict[str, _Model] = {}
    for name, spec in (data.get("models") or {}).items():
        if not isinstance(spec, dict) or spec.get("weapon") not in weapon_modes:
            raise DataError(f"weapons.yaml: model {name!r} needs a weapon among the weapons")
        model = _Model(name=name, weapon=spec["weapon"], ambiguous=bool(spec.get("ambiguous")))
        for spelling in [name, *(spec.get("aliases") or [])]:
            models[spelling.lower()] = model
    blockers = [b.lower() for b in data.get("not_weapons") or []]
    # Longest first, so 'ballistic missile' wins over 'missile'; blockers are matched with them.
    spellings = sorted([*weapons, *blockers], key=len, reverse=True)
    weapon_pattern = re.compile(
        r"(?<![\w-])(" + "|".join(_phrase_regex(s) for s in spellings) + r")(?:e?s)?(?![\w-])",
        re.IGNORECASE,
    )
    model_names = sorted({spelling for spelling in models}, key=len, reverse=True)
    # Models keep their capital ('Iskander', not 'iskander'); a variant suffix ('-M', '-136')
    # and a plural 's' may follow.
    original = {m.lower(): m for spec_name, spec in (data.get("models") or {}).items()
                for m in [spec_name, *(spec.get("aliases") or [])]}
    model_pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(original[m]) for m in model_names) + r")"
        r"((?:-[A-Z0-9]{1,4})?)s?(?![\w])"
    )
    return WeaponLexicon(modes, weapons, weapon_modes, attack_modes, models, weapon_pattern, model_pattern)


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
    text = sent.text
    base = sent.start_char
    found: list[tuple[int, int, str | None, str | None]] = []  # start, end chars, name, model
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
    for start, end, name, model in found:
        if name is None:
            continue
        count = _count_before(sent, base + start)
        if count == 1 and _is_plural(text[start:end]):
            count = None  # 'a barrage of missiles': the article counts the barrage
        weapons.append(Weapon(name=name, count=count, model=model))
    return _deduplicate(weapons)


def _generic_after(found: list, end: int, text: str) -> tuple | None:
    """The weapon name right after a model ('Iskander ballistic missiles', 'Shahed-type drones')."""
    for item in found:
        gap = text[end:item[0]]
        if item[3] is None and 0 <= item[0] - end <= 12 \
                and re.fullmatch(r"[\s\-]*(?:type|class|made)?[\s\-]*", gap):
            return item
    return None


def _is_plural(words: str) -> bool:
    return words.lower().endswith("s") and not words.lower().endswith("ss")


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
        if token.like_num or token.lower_ in ("a", "an", "one", "dozen", "dozens", "hundreds"):
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
    while k - 1 >= sent.start and (doc[k - 1].like_num or doc[k - 1].lower_ in ("a", "an", "half")):
        k -= 1
    if end - k == 1 and doc[k].lower_ in ("a", "an"):
        return 1  # 'a glide bomb'; a plural after 'a' ('a barrage of ...') is handled by the caller
    k = extend_hedges(k, end, sent)
    count = parse_count(doc[k:end].text)
    if count is None:
        return None
    if count.min is not None and count.min == count.max:
        return count.min
    if doc[end - 1].lower_ in ("dozens", "hundreds", "thousands", "scores"):
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
