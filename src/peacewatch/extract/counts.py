"""Counts written in words or digits: one number ('thirty-five', '1.5 million') or a hedged count
('at least 34', '7-8', 'dozens'). The words are data (data/numbers.yaml); the grammar is here.

A lower module of its own: the casualty reader (numbers) and the weapon reader (weapons) both
read counts, and the casualty reader asks the weapon reader whether a noun is a weapon.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from peacewatch.data.reading_words import NumberWords
from peacewatch.grammar import INDEFINITE_ARTICLES, RANGE_LINKS, RANGE_PREPS
from peacewatch.schema import Count

__all__ = ["extend_hedges", "hedged_start", "parse_count", "parse_number"]

# Loaded at import: parse_number runs on every number of every sentence.
_WORDS = NumberWords.load()
_UNITS = _WORDS.units
_TENS = _WORDS.tens
_MULTIPLIERS = _WORDS.multipliers
_SCALES = _WORDS.scales
SCALE_WORDS = frozenset(_WORDS.scale_words)
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | frozenset(_MULTIPLIERS)
# Scales written after digits ('5 thousand', '1.5bn'): the scale words and their abbreviations.
_DIGIT_SCALES = {**_WORDS.scale_abbreviations, **_SCALES,
                 **{word: value for word, value in _MULTIPLIERS.items() if word in SCALE_WORDS}}
_IDIOMS = {tuple(phrase.split()): word for phrase, word in _WORDS.idioms.items()}
# The longest idiom's words less one (the most it takes on either side of a count), and their first words.
_IDIOM_REACH = max((len(phrase) - 1 for phrase in _IDIOMS), default=0)
_IDIOM_OPENERS = frozenset(phrase[0] for phrase in _IDIOMS)
_ARTICLE_OR_ONE = INDEFINITE_ARTICLES | {"one"}

# Vague plurals: the smallest number the plural can mean ('dozens' is at least two dozen).
_VAGUE = _WORDS.vague_counts
VAGUE_WORDS = frozenset(_WORDS.vague_words)
_ZERO = frozenset(_WORDS.zero_phrases)
_COUNTED_MULTIPLIERS = frozenset(_WORDS.counted_multipliers)
_VAGUE_QUANTIFIERS = frozenset(_WORDS.vague_quantifiers)

# Hedges before a number: 'min' keeps the number as a lower bound, 'max' as an upper bound,
# 'approx' as min = max (an approximate figure is coded like an exact one; CONVENTIONS rule 7
# names only the open-ended hedges).
_PREFIX_HEDGES = _WORDS.prefix_hedges
_SUFFIX_HEDGES = _WORDS.suffix_hedges
_HEDGE_WORDS = max(len(h.split()) for h in _PREFIX_HEDGES)
# Longest first, so 'or more' is read before a shorter hedge it ends with; sorted once, not per count.
_SUFFIX_HEDGES_LONGEST_FIRST = sorted(_SUFFIX_HEDGES.items(), key=lambda kv: -len(kv[0]))

_DIGITS = re.compile(
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?\s*"
    r"(?P<scale>" + "|".join(re.escape(w) for w in sorted(_DIGIT_SCALES, key=len, reverse=True)) + r")?"
)
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$")
_WORD_SEPARATORS = re.compile(r"[\s\u2010-\u2015-]+")
_RANGE_WORDS = re.compile(r"(?:between|from) (.+?) (?:and|to) (.+)")
_RANGE_CONNECTORS = (" to ", " or ", " and ")


def parse_number(text: str) -> int | None:
    """Read one number written in digits or words.

    Args:
        text: '1,200', '1.5 million', 'thirty-five', 'two hundred and ten', 'a dozen', 'two dozen'.
    Returns:
        the integer, or None when the text is not a cardinal number (ordinals such as 'third'
        or '5th' are not counts, nor are fractions like '2.5').
    """
    s = " ".join(text.strip().lower().replace("\u00a0", " ").split())
    if not s or _ORDINAL_DIGITS.match(s):
        return None
    match = _DIGITS.fullmatch(s)
    if match:
        return _read_digits(match)
    words = [w for w in _WORD_SEPARATORS.split(s) if w]
    return _read_words(words)


def _read_digits(match: re.Match[str]) -> int | None:
    whole = int(match["int"].replace(",", ""))
    frac = match["frac"] or ""
    scale_word = match["scale"]
    scale = _DIGIT_SCALES[scale_word] if scale_word else 1
    value = (whole * 10 ** len(frac) + int(frac or 0)) * scale
    if value % 10 ** len(frac):
        return None  # '2.5' alone is not a count of people
    return value // 10 ** len(frac)


def _read_words(words: list[str]) -> int | None:
    words = _rewrite_idioms(words)
    total = current = 0
    seen = False
    for word in words:
        if word == "and":
            continue  # 'two hundred and ten'
        step = _add_word(word, total, current, seen)
        if step is None:
            return None
        total, current = step
        seen = True
    return total + current if seen else None


def _rewrite_idioms(words: list[str]) -> list[str]:
    """'half a dozen' is 'six', 'a quarter of a million' 'two hundred fifty thousand'; 'a dozen'
    is 'one dozen'."""
    for phrase, word in _IDIOMS.items():
        if tuple(words[:len(phrase)]) == phrase:
            return [*word.split(), *words[len(phrase):]]
    if words and words[0] in _ARTICLE_OR_ONE and len(words) > 1:
        words = ["one", *words[1:]]
    return words


def _add_word(word: str, total: int, current: int, seen: bool) -> tuple[int, int] | None:
    """The running total and current group after one more number word, or None when the word
    does not continue the number."""
    if word in _UNITS:
        rest = current % 100
        if rest and (rest < 20 or rest % 10):
            return None  # 'seven eight' is two numbers, 'twenty-five' one
        return total, current + _UNITS[word]
    if word in _TENS:
        return None if current % 100 else (total, current + _TENS[word])
    if word in _MULTIPLIERS:
        return total, (current or 1) * _MULTIPLIERS[word]
    if word in _SCALES:
        return total + (current or 1) * _SCALES[word], 0
    if word.isdecimal() and not seen:
        return total, int(word)  # '5 thousand'; '7-8' is a range, not a number
    return None


def parse_count(text: str) -> Count | None:
    """Read a hedged count into a Count(min, max).

    Exact '35' -> 35/35. Lower bounds ('at least', 'more than', 'over', 'N or more', 'N+')
    -> min N, max None. Upper bounds ('up to', 'as many as', 'nearly', 'almost', 'fewer than')
    -> min None, max N. Approximations ('around', 'about', 'some', 'an estimated') -> min = max
    = N, as an exact figure. Ranges ('7-8', '7–8', 'between 32 and 74', '32 to 74', '7 or 8')
    -> min and max. Vague plurals give their smallest sense as min: 'dozens' 24, 'scores' 40,
    'hundreds' 200, 'thousands' 2000. 'a dozen' is 12; 'no one', 'none' 0/0; 'several', 'many',
    'a few' -> None (no number).

    Args:
        text: the words of the count, without the counted noun.
    Returns:
        the Count, or None when the words carry no number.
    """
    s = " ".join(text.strip().lower().replace("\u00a0", " ").split()).rstrip(".,;:")
    if s.endswith(" of"):
        s = s[:-3]
    if not s:
        return None
    if s in _ZERO:
        return Count(min=0, max=0)
    s, suffix_kind = _strip_suffix_hedge(s)
    s, prefix_kind = _strip_prefix_hedge(s)
    kind = prefix_kind or suffix_kind
    core = _read_core(s)
    if core is None:
        return None
    if kind == "min":
        return Count(min=core.min if core.min is not None else core.max, max=None)
    if kind == "max":
        return Count(min=None, max=core.max if core.max is not None else core.min)
    return core


def _strip_suffix_hedge(s: str) -> tuple[str, str | None]:
    """The count without a hedge after it ('35 or more'), and the hedge's kind."""
    for hedge, hedge_kind in _SUFFIX_HEDGES_LONGEST_FIRST:
        if s.endswith(hedge) and len(s) > len(hedge):
            return s[: -len(hedge)].strip(), hedge_kind
    return s, None


def _strip_prefix_hedge(s: str) -> tuple[str, str | None]:
    """The count without a hedge before it, and the hedge's kind. The longest hedge of whole
    words before a space: 'at least some 5' is 'at least some'."""
    words = s.split(" ", _HEDGE_WORDS)
    for size in range(min(_HEDGE_WORDS, len(words) - 1), 0, -1):
        hedge = " ".join(words[:size])
        if hedge in _PREFIX_HEDGES:
            return s[len(hedge) + 1:].strip(), _PREFIX_HEDGES[hedge]
    return s, None


def _read_core(s: str) -> Count | None:
    """An exact number, a range or a vague plural, without hedges."""
    if s in _VAGUE:
        return Count(min=_VAGUE[s], max=None)
    value = parse_number(s)
    if value is not None:
        return Count(min=value, max=value)
    match = _RANGE_WORDS.fullmatch(s)
    if match:
        return _read_range(match[1], match[2])
    for connector in _RANGE_CONNECTORS:
        if connector in s:
            low, _, high = s.partition(connector)
            found = _read_range(low, high)
            if found:
                return found
    # A dash range: try every dash, since 'thirty-five' also holds one.
    dashes = list(_DASHES.finditer(s))
    for dash in dashes:
        found = _read_range(s[: dash.start()], s[dash.end():])
        if found:
            return found
    return None


def _read_range(low_text: str, high_text: str) -> Count | None:
    low, high = parse_number(low_text), parse_number(high_text)
    if low is None or high is None:
        return None
    if high < low and high < 10 <= low and parse_number(str(low // 10 * 10 + high)) is not None:
        return None  # 'thirty-five' split at its dash is 30 and 5, not a range
    if high < low:
        return None  # '7-6' is a score, not a range
    return Count(min=low, max=high)


def extend_hedges(start: int, end: int, sent: Span) -> int:
    """The start of a count with its hedge ('at least', 'more than', the 'a' of 'a dozen').

    Args:
        start, end: the doc token indices of the number words.
        sent: the sentence holding them.
    Returns:
        the doc index where the hedged count starts.
    """
    doc = sent.doc
    return hedged_start(start, end, sent.start, lambda i: doc[i].lower_)


def hedged_start(start: int, end: int, first: int, lower: Callable[[int], str]) -> int:
    """extend_hedges, with the sentence's first doc index and the lower-case text of a doc index."""
    multiplier = lower(start) in _COUNTED_MULTIPLIERS
    if start > first and lower(start - 1) in INDEFINITE_ARTICLES and multiplier:
        start -= 1
    start -= _idiom_words_before(start, end, first, lower)
    if start > first and lower(start - 1) in _VAGUE_QUANTIFIERS and lower(start) in _COUNTED_MULTIPLIERS:
        start -= 2 if start - 2 >= first and lower(start - 2) == "a" else 1
    if start > first and lower(start - 1) in RANGE_PREPS and any(
        lower(k) in RANGE_LINKS for k in range(start, end)
    ):
        return start - 1
    for size in range(_HEDGE_WORDS, 0, -1):
        if start - size < first:
            continue
        words = " ".join(lower(k) for k in range(start - size, start))
        if words in _PREFIX_HEDGES:
            # 'at at least 70' and 'the death toll at 57': 'at' alone is not a hedge.
            return start - size
    return start


def _idiom_words_before(start: int, end: int, first: int, lower: Callable[[int], str]) -> int:
    """How many words before a count open an idiom the count ends ('half a' of 'half a dozen',
    'a quarter of' of 'a quarter of a million'): they belong to the count."""
    # the words an idiom may take before the count and from it, read once for all the idioms
    before = [lower(k) for k in range(max(first, start - _IDIOM_REACH), start)]
    if _IDIOM_OPENERS.isdisjoint(before):
        return 0  # (an idiom's first word opens what it takes before the count: most counts have none)
    after = [lower(k) for k in range(start, min(end, start + _IDIOM_REACH))]
    for phrase in _IDIOMS:
        for n in range(len(phrase) - 1, 0, -1):
            rest = len(phrase) - n
            if (n <= len(before) and rest <= len(after) and tuple(before[len(before) - n:]) == phrase[:n]
                    and tuple(after[:rest]) == phrase[n:]):
                return n
    return 0
