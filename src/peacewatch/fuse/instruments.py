"""Numbered instruments a sentence names ('the 16th package of sanctions', 'the second round of
talks'): two reports of one kind of act naming the same one tell one decision, even some days
apart (fuse/incidents.py). The words are data (data/instruments.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from pydantic import Field

from peacewatch.data import DataFile, Word

# Words that may stand between the ordinal and its noun ('16th sanctions package', 'the second
# full round'): at most this many.
_BETWEEN = 2
_DIGITS = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")
_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


class InstrumentWords(DataFile):
    """data/instruments.yaml: ordinal words and the nouns of numbered instruments, by class."""

    FILE = "instruments.yaml"
    ordinals: dict[Word, int] = Field(min_length=1)
    nouns: dict[Word, list[Word]] = Field(min_length=1)


@cache
def _noun_classes() -> dict[str, str]:
    return {noun.lower(): kind for kind, nouns in InstrumentWords.load().nouns.items() for noun in nouns}


def _number(word: str) -> int | None:
    found = _DIGITS.match(word)
    if found:
        return int(found.group(1))
    return InstrumentWords.load().ordinals.get(word)


def instruments(sentences: Iterable[str | None]) -> frozenset[str]:
    """The numbered instruments these sentences name, as keys ('16 package'): an ordinal and,
    within two words after it, a noun of a numbered instrument."""
    found: set[str] = set()
    for sentence in sentences:
        if sentence:
            found |= _named_in(sentence)
    return frozenset(found)


@lru_cache(maxsize=8192)
def _named_in(sentence: str) -> frozenset[str]:
    """The instruments one sentence names. Memoised: an incident's sentences are read again for
    each telling of an instrument type that meets it (fuse/incidents.py, Fuser._same_instrument)."""
    classes = _noun_classes()
    found: set[str] = set()
    words = [w.lower() for w in _WORD.findall(sentence)]
    for index, word in enumerate(words):
        number = _number(word)
        if number is None:
            continue
        kind = next((classes[w] for w in words[index + 1:index + 2 + _BETWEEN] if w in classes), None)
        if kind is not None:
            found.add(f"{number} {kind}")
    return frozenset(found)
