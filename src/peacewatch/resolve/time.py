"""Time expressions in news sentences: find them, and resolve them against the publication date.

A regex grammar over plain strings (no spaCy, so it is fast and testable): one table of rules,
each a pattern with its gate strings, its checks and its resolver; the words of time (months,
named days, number words, relative words) live in data/calendar.yaml.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta

from peacewatch.data.time_place import Calendar
from peacewatch.grammar import PERSONAL_PRONOUNS, SPAN_PREPOSITIONS
from peacewatch.schema import When

__all__ = [
    "KINDS",
    "Offset",
    "anchor_date",
    "TimeMention",
    "DATELINE_CHARS",
    "detect_future_tense",
    "detect_until_ahead",
    "find_dateline",
    "find_time_expressions",
    "parse_offset",
    "reconcile",
    "resolve_all",
    "resolve_mention",
    "resolve_time",
    "shift_when",
]

log = logging.getLogger(__name__)

KINDS = ("absolute", "relative", "named", "anchored", "vague", "span")
_PRECISION_RANK = {"year": 1, "month": 2, "week": 3, "day": 4}


@dataclass
class TimeMention:
    """One time expression: its words, character offsets into the string searched, and its kind."""

    text: str
    start: int
    end: int
    kind: str
    found: _Candidate | None = field(default=None, repr=False, compare=False)  # the reading of the text searched


@dataclass
class Offset:
    """A shift from an anchor: 'two days prior to the attack' is Offset(2, 'day', -1, 'the attack').

    `approximate` marks vague amounts ('days later', 'a few weeks after'): the amount is a
    representative value and a shifted date loses one step of precision.
    """

    amount: int
    unit: str
    direction: int
    anchor: str | None
    approximate: bool = False


Groups = dict[str, str | None]


@dataclass
class _Candidate:
    rule: _Rule
    kind: str
    start: int
    end: int
    groups: Groups
    order: int
    anchor: str | None = None
    prefix: str = ""

    @property
    def name(self) -> str:
        return self.rule.name


class _NeedsPublication(Exception):
    """Raised inside a resolver when the expression is relative and no publication date is known."""


def _group(g: Groups, key: str) -> str:
    """A group every match of the rule fills (a rule's resolver reads only those it has)."""
    value = g.get(key)
    if value is None:
        raise KeyError(f"group {key!r} did not take part in the match")
    return value


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocab:
    """What the rules need of calendar.yaml beyond its own lists (Calendar.load()): derived once."""

    months: dict[str, int]  # every name and abbreviation -> month number
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    numbers: dict[str, int]
    approximate: frozenset[str]
    named_phrases: dict[str, str]  # normalised phrase -> key


def _normalise_phrase(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'").replace("'", "")).strip()


@cache
def _load_vocab() -> _Vocab:
    """The words of calendar.yaml the rules read in derived shapes (made once per process)."""
    data = Calendar.load()
    months = data.month_numbers()
    numbers = dict(data.numbers.exact)
    numbers.update(data.numbers.approximate)
    return _Vocab(
        months=months,
        month_full=tuple(data.months),
        month_abbr=tuple(name for name in months if name not in data.months),
        numbers=numbers,
        approximate=frozenset(data.numbers.approximate),
        named_phrases={_normalise_phrase(key.replace("_", " ")): key for key in data.named_days},
    )


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]?")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


# ---------------------------------------------------------------- grammar

_B = r"(?<![\w'’-])"  # start of a word
_E = r"(?![\w])"  # end of a word
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_POSS = r"(?P<poss>['’]s)?"
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn|first\s+half|second\s+half)\s+of\s+"
    r"|early\s+|late\s+|earlier\s+in\s+|later\s+in\s+|earlier\s+|later\s+|mid-?\s*)?"
)
_REL = r"(?:(?P<rel>last|next|this|past|coming|previous)\s+)?"
_UNITS = r"(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)"
_CONNECTORS = r"(?:before|after|prior\s+to|following|ahead\s+of|earlier\s+than|later\s+than|of)"
_BARE_CONNECTORS = r"(?:later|earlier|afterwards?|beforehand|previously|before|after|prior)"  # 'two days later'
_PREFIX = re.compile(r"(?:^|\s|\()(?P<p>on|in|since|during|until|till|through|throughout|from|as\s+of)\s+$",
                     re.IGNORECASE)
_CONTEXT_CHARS = 200  # far more than the longest context a rule's check reads
_TEMPORAL_PREPOSITION = re.compile(
    r"(?:^|\W)(?:in|on|since|until|till|by|during|from|through|throughout|of|before|after|early|late|mid|"
    r"last|next|this|the|over|to|and|or|between)[\s-]+$",
    re.IGNORECASE,
)
# The part of a day before a date ('late on Tuesday', 'in the early hours of Sunday'), and the
# night between two days ('overnight into Sunday', 'the night of March 29-30'): a night is dated
# by the day it runs into, as reports of overnight strikes are (the day the strikes were counted).
_PART_OF_DAY = (r"(?P<part>(?:later?|early|earlier)(?:\s+on)?\s+|(?:in\s+)?the\s+(?:early|small)\s+hours\s+of\s+"
                r"|before\s+dawn\s+(?:on\s+)?)")


def _night_of(first_day: str | None = None) -> str:
    """The optional words before a day that make it a night or a part of that day. `first_day`,
    when given, is the pattern of the day a night starts from ('Saturday' in 'the night of
    Saturday to Sunday'); the day matched after these words is then the one the night runs into."""
    first = rf"(?:{first_day}\s+(?:to|into|and)\s+)?" if first_day else ""
    night = rf"(?:the\s+)?night\s+of\s+(?:the\s+)?{first}|overnight\s+(?:(?:into|to|on)\s+)?"
    return rf"(?:(?P<night>{night})|{_PART_OF_DAY})?"


_UNTIL = re.compile(r"(?:until|till)\b", re.IGNORECASE)
# a state told as holding now: present tense, present perfect, a headline's 'to remain'
_ONGOING = re.compile(r"\b(?:is|are|am|has|have|remains?|stays?|continues|to\s+(?:remain|stay|be|continue|keep))\b"
                      r"|['’]s\b", re.IGNORECASE)
_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
_ANCHOR_MAX_WORDS = 8
_ANCHOR_YEAR_REACH = 4  # more words an anchor may run to reach the year that dates it
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:.!?()\u2014]+(?:\s|$)|\s--\s|\b(?:that|which|who|because|but|said|says|announced|reported)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- gates
# Most sentences hold no time expression, or one kind, yet every pattern walks every position of
# every sentence. So a rule runs only on a text holding one string of each of its gate sets: each
# rule declares sets of lower-case strings of which every text its pattern matches holds one
# (test_time checks every match of every rule against them). One search finds them all.

_DIGITS = "0123456789"
# what every match of a four-digit year (_YEAR) begins with
_YEAR_GATE = frozenset(str(n) for n in range(180, 210))
_UNIT_GATE = frozenset({"day", "decade", "hour", "minute", "month", "week", "year"})
_QUOTES = "'’"

# Characters that re's IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
# (CPython's extra case equivalences); test_time checks this list against every code point.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # '٣' and the other digits \d matches


def _fold(text: str) -> str:
    """The text in lower case and ASCII digits, so that a gate string is found wherever the pattern's
    IGNORECASE and \\d could match it."""
    if text.isascii():
        return text.lower()
    text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
    return text.translate(_FOLD).lower()


def _prefix_tree(words: Iterable[str]) -> str:
    """A regex matching the longest of `words` that starts where it is tried ('ab(?:cd|)')."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        alternatives += [""] if "" in node else []  # stopping here is tried last: the longest wins
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(tree)


def _month_stems(v: _Vocab) -> frozenset[str]:
    """Every month name and abbreviation begins with its first three letters ('sept', 'september')."""
    return frozenset(word[:3].lower() for word in (*v.month_full, *v.month_abbr))


def _named_day_words(keys: Iterable[str], first: bool = False) -> frozenset[str]:
    """The longest word of each named day, or its first word, cut at its apostrophe (which the
    pattern lets go): 'new_year's_eve' gives 'year', or 'new'. The first words are a second gate:
    a text that holds only a weekday ('Friday' of 'Good Friday') runs no search for named days."""
    words = set()
    for key in keys:
        parts = [part.split("'")[0] for part in key.lower().split("_")]
        words.add(parts[0] if first else max(parts, key=len))
    return frozenset(words)


# ---------------------------------------------------------------- checks
# What a regex cannot express: capitalisation, 'May' the modal verb, counts that look like years.
# Each check reads the match's groups and the few words either side.


@dataclass(frozen=True)
class _Context:
    groups: Groups
    before: str  # a bounded window: one 200 KB "sentence" must not make each check rescan it all
    after: str


_Check = Callable[[_Context], bool]


def _is_capitalised(word: str | None) -> bool:
    return bool(word) and str(word)[0].isupper()


def _month_capitalised(c: _Context) -> bool:
    mon = c.groups.get("mon")
    return mon is None or _is_capitalised(mon)  # 'march' the protest, 'may' the modal verb


def _weekday_capitalised(c: _Context) -> bool:
    wd = c.groups.get("wd")
    return wd is None or _is_capitalised(wd)


def _overnight_adverb(c: _Context) -> bool:
    # 'struck overnight', 'Overnight, drones ...'; not the adjective of 'an overnight curfew'
    return not re.search(r"\b(?:a|an|the|this|that|its|their|his|her)\s+$|['’]s\s+$", c.before, re.IGNORECASE)


def _weekday_not_a_name(c: _Context) -> bool:
    if c.groups.get("rel") or c.groups.get("night") or c.groups.get("part"):
        return True
    word = re.search(r"([A-Z][\w'’-]*)\s+$", c.before)
    # 'Black Monday', 'Bloody Sunday': a name, not a date
    return not (word and word.group(1).lower() not in Calendar.load().weekday_openers)


def _month_has_context(c: _Context) -> bool:
    g = c.groups
    return bool(g.get("mod") or g.get("rel")) or bool(_TEMPORAL_PREPOSITION.search(c.before))


def _month_not_modal(c: _Context) -> bool:
    # sentence-initial 'May' is as often the modal or a surname as the month
    mon = c.groups.get("mon")
    return not (mon and mon.lower() == "may" and (not _month_has_context(c) or c.groups.get("poss")))


def _month_not_first_name(c: _Context) -> bool:
    # 'April Ryan said': a first name
    return _month_has_context(c) or not re.match(r"\s+[A-Z][a-z]", c.after)


def _year_not_counting(c: _Context) -> bool:
    # a four-digit number that counts something is not a year: '2000 troops', 'over 2000'
    next_word = re.match(r"\s*([A-Za-z]+)", c.after)
    if next_word and next_word.group(1).lower() in Calendar.load().count_nouns:
        return False
    if re.search(r"[$€£#]\s*$|\bNo\.\s*$", c.before) or re.match(r"\s*(%|per\s*cent|percent)", c.after):
        return False
    return bool(c.groups.get("mod")) or not _count_quantifier().search(c.before)


def _short_year_in_context(c: _Context) -> bool:
    return bool(re.search(r"(?:in|of|since|until|by|the|from|to|class)\s+$", c.before, re.I))


def _decade_in_context(c: _Context) -> bool:
    two_digits = len(_group(c.groups, "dec").lstrip("'’")) == 2
    # '90s' alone is too often a number
    return not two_digits or bool(re.search(r"\bthe\s+(?:\w+\s+)?$", c.before, re.I))


def _season_in_context(c: _Context) -> bool:
    g = c.groups
    has_context = bool(g.get("mod") or g.get("rel") or g.get("y") or g.get("the")) or bool(
        re.search(r"(?:in|during|over|since|until|by|through|throughout|this|the)\s+$", c.before, re.I)
    )
    return has_context and not re.search(r"\b(?:a|an)\s+$", c.before, re.I)


def _season_not_a_name(c: _Context) -> bool:
    opener = r"\b(?:In|During|Over|Since|Until|By|This|The)\s+$"
    # 'Arab Spring', 'Prague Spring': a name
    return not (re.search(r"[A-Z]\w*\s+$", c.before) and not re.search(opener, c.before))


def _named_capitalised(c: _Context) -> bool:
    return _is_capitalised(c.groups.get("named"))


def _the_unit_modified(c: _Context) -> bool:
    # 'the year' alone is anaphoric, 'the end of the year' is the current one
    return bool(c.groups.get("mod"))


def _not_part_of_day(c: _Context) -> bool:
    # 'late in the day after falling' is a time of that day, read by the fixed rule, not 'the day after'
    return not re.search(r"\b(?:late|early|later|earlier)\s+in\s+$", c.before, re.IGNORECASE)


def _counted_or_plural(c: _Context) -> bool:
    # 'day after' without a number is not a measure
    return bool(c.groups.get("n")) or _group(c.groups, "unit").lower().endswith("s")


def _of_only_within(c: _Context) -> bool:
    # 'four days of clashes' is a duration; 'within days of' is anchored
    return ((c.groups.get("conn") or "").lower() == "of") == bool(c.groups.get("within"))


def _bare_connector_ends_clause(c: _Context) -> bool:
    # 'two days before' stands alone; 'two days before the vote' is read by the anchored rule
    if (c.groups.get("conn") or "").lower() not in ("before", "after", "prior"):
        return True
    return bool(re.match(r"\s*(?:[,.;:!?)\u2014–-]|$)", c.after))


def _vague_not_resolvable(c: _Context) -> bool:
    unit = (c.groups.get("unit") or "").lower()
    word = (c.groups.get("v") or "").lower()
    # 'last week' is resolved, not vague
    return not (unit and not unit.endswith("s") and word in ("last", "next", "previous", "following"))


# ---------------------------------------------------------------- rules


_Result = tuple[str | None, str | None, str]
_Resolver = Callable[[_Candidate, date | None, bool, str | None], _Result]


@dataclass(frozen=True)
class _Rule:
    """One pattern of the grammar with all that goes with it: the gate strings of which every text
    it matches holds one of each set (lower case), the checks a match must pass, and the resolver
    (None for anchored rules, shifted from their anchor instead)."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    gates: tuple[frozenset[str], ...]
    checks: tuple[_Check, ...] = ()
    resolve: _Resolver | None = None
    anchor: Literal["", "required", "optional"] = ""  # whether an anchor phrase is read after it
    # words every match holds in a row ('days before'), searched before the pattern is run over
    # a text whose gates are met: a rule whose gates are common words fails there at once
    core: re.Pattern[str] | None = None

    def accepts(self, context: _Context) -> bool:
        """Whether a match passes every check of the rule."""
        return all(check(context) for check in self.checks)


def _rule(name: str, kind: str, source: str, gates: Iterable[Iterable[str]], checks: tuple[_Check, ...] = (),
          resolve: _Resolver | None = None, anchor: Literal["", "required", "optional"] = "", core: str = "") -> _Rule:
    return _Rule(name, kind, re.compile(source, re.IGNORECASE), tuple(frozenset(g) for g in gates), checks,
                 resolve, anchor, re.compile(core, re.IGNORECASE) if core else None)


@cache
def _rules() -> tuple[_Rule, ...]:
    """The rules, in order of preference for matches of equal length (compiled once per process)."""
    v = _load_vocab()
    mon_full = _alternation(v.month_full)
    mon_any = "(?:" + mon_full + "|" + _alternation(v.month_abbr) + r"\.?)"
    wd = _alternation(Calendar.load().weekdays)
    num = r"(?:\d{1,3}|" + _alternation(list(v.numbers)) + ")"
    seasons = _alternation(list(Calendar.load().seasons))
    named = _alternation([k.replace("_", " ") for k in Calendar.load().named_days])
    wd_prefix = rf"(?:(?P<wd>{wd}),?\s+)?"
    months, weekdays = _month_stems(v), [w.lower() for w in Calendar.load().weekdays]
    day_month = (_month_capitalised, _weekday_capitalised)
    anchored_units = {"day", "night", "morning", "evening", "week", "month", "year"}
    return (
        _rule("iso", "absolute", rf"{_B}(?P<y>{_YEAR})-(?P<m>0?[1-9]|1[0-2])-(?P<d>{_DAY}){_E}",
              [_YEAR_GATE, [d + "-" for d in _DIGITS]], resolve=_resolve_iso),
        _rule("numeric", "absolute", rf"{_B}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})"
                                     r"(?P=sep)(?P<y>\d{4}|\d{2})"
                                     rf"(?![\w/.]\d)",
              [[d + s for d in _DIGITS for s in "./"]], resolve=_resolve_numeric),
        _rule("mdy", "absolute", rf"{_B}{_night_of()}{wd_prefix}(?P<mon>{mon_any})\s*(?P<d>{_DAY}){_ORD}(?!\d)"
                                 rf"(?:\s*(?:[-–/]|(?(night)(?:to|into)|(?!)))\s*(?P<d2>{_DAY}){_ORD}(?!\d))?"
                                 rf"(?:\s*,?\s*(?P<y>{_YEAR}))?{_E}",
              [months, _DIGITS], day_month, _resolve_day_month),
        _rule("dmy", "absolute", rf"{_B}{_night_of()}{wd_prefix}(?:the\s+)?(?P<d>{_DAY}){_ORD}"
                                 rf"(?:\s*(?:[-–/]|(?(night)(?:to|into)|(?!)))\s*(?P<d2>{_DAY}){_ORD})?\s+(?:of\s+)?"
                                 rf"(?P<mon>{mon_any})(?:,?\s+(?P<y>{_YEAR}))?{_E}",
              [months, _DIGITS], day_month, _resolve_day_month),
        _rule("month_year", "absolute", rf"{_B}{_MOD}(?P<mon>{mon_any}),?\s+(?:of\s+)?(?P<y>{_YEAR}){_E}",
              [_YEAR_GATE, months], (_month_capitalised,), _resolve_month_year),
        _rule("month", "absolute", rf"{_B}{_MOD}{_REL}(?P<mon>{mon_full}){_POSS}"
                                   r"(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?" + _E,
              [v.month_full], (_month_capitalised, _month_not_modal, _month_not_first_name), _resolve_month),
        _rule("year", "absolute", rf"{_B}{_MOD}(?:the\s+year\s+)?(?P<y>{_YEAR}){_E}",
              [_YEAR_GATE], (_year_not_counting,), _resolve_year),
        _rule("short_year", "absolute", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])",
              [[q + d for q in _QUOTES for d in _DIGITS]], (_short_year_in_context,), _resolve_short_year),
        _rule("decade", "span", rf"{_B}(?:the\s+)?(?:(?P<mod>early|late|mid)-?\s*)?"
                                r"(?P<dec>1[89]\d0|20\d0|['’]\d0|\d0)"
                                rf"['’]?s{_E}",
              [[d + "0" for d in _DIGITS]], (_decade_in_context,), _resolve_decade, core=r"\d0['’]?s"),
        _rule("quarter", "absolute",
              rf"{_B}(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
              rf"[-\s]+quarter(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<yrel>this|last|next)\s+year))?{_E}",
              [["quarter"], ["first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd", "4th"]],
              resolve=_resolve_quarter),
        _rule("quarter", "absolute", rf"{_B}Q(?P<q>[1-4])\s*(?P<y>{_YEAR})?{_E}",
              [["q1", "q2", "q3", "q4"]], resolve=_resolve_quarter),
        _rule("weekday", "relative", rf"{_B}{_night_of(wd)}{_REL}(?P<wd>{wd}){_POSS}"
                                     r"(?:\s+(?P<tod>morning|afternoon|evening|night|overnight))?" + _E,
              [weekdays], (_weekday_capitalised, _weekday_not_a_name), _resolve_weekday),
        _rule("overnight", "relative", rf"{_B}(?P<night>overnight){_E}", [["overnight"]], (_overnight_adverb,),
              _resolve_overnight),
        _rule("deictic", "relative",
              rf"{_B}(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
              r"yesterday|"
              r"today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|"
              r"earlier\s+today|later\s+today)"
              rf"{_POSS}(?:\s+(?P<tod>morning|afternoon|evening|night))?{_E}",
              [["yesterday", "today", "tomorrow", "night", "morning", "afternoon", "evening"]],
              resolve=_resolve_deictic,
              core=r"yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"),
        _rule("unit_rel", "relative", rf"{_B}{_MOD}(?P<rel>last|this|next)\s+(?P<unit>week|month|year|weekend)"
                                      rf"{_POSS}{_E}",
              [["last", "this", "next"], ["week", "month", "year"]], resolve=_resolve_unit_rel),
        _rule("unit_rel", "relative", rf"{_B}{_MOD}(?P<rel>the)\s+(?P<unit>week|month|year){_E}",
              [["the"], ["week", "month", "year"]], (_the_unit_modified,), _resolve_unit_rel),
        _rule("ago", "relative", rf"{_B}(?:(?P<n>{num})\s+)?(?P<unit>{_UNITS})\s+ago{_E}",
              [["ago"], _UNIT_GATE], (_counted_or_plural,), _resolve_ago),
        # 'three years back' (counted: 'spent years back home' is no time)
        _rule("ago", "relative", rf"{_B}(?P<n>{num})\s+(?P<unit>{_UNITS})\s+back{_E}",
              [["back"], _UNIT_GATE], (_counted_or_plural,), _resolve_ago),
        _rule("season", "relative",
              rf"{_B}{_MOD}(?P<the>the\s+)?{_REL}(?P<season>{seasons})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?{_E}",
              [Calendar.load().seasons], (_season_in_context, _season_not_a_name), _resolve_season),
        _rule("named", "named", rf"{_B}{_REL}(?P<named>{named}){_POSS}(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?{_E}",
              [_named_day_words(Calendar.load().named_days), _named_day_words(Calendar.load().named_days, first=True)],
              (_named_capitalised,), _resolve_named),
        _rule("vague", "vague", rf"{_B}(?:(?:in|over|during|for|within|throughout)\s+)?(?:the\s+)?"
                                r"(?P<v>recent|past|last|coming|next|previous|following|upcoming)\s+"
                                rf"(?:(?P<n>{num})\s+)?(?P<unit>{_UNITS}){_E}",
              [_UNIT_GATE, ["recent", "past", "last", "coming", "next", "previous", "following"]],
              (_vague_not_resolvable,), _resolve_vague),
        _rule("vague", "vague", rf"{_B}(?P<v>recently|lately|in\s+recent\s+times){_E}",
              [["recent", "lately"]], resolve=_resolve_vague),
        _rule("anchored", "anchored", rf"{_B}(?:(?P<n>{num})\s+|(?P<within>within)\s+)?(?P<unit>{_UNITS})\s+"
                                      rf"(?P<conn>{_CONNECTORS})\s+",
              [_UNIT_GATE, ["before", "after", "prior", "following", "of", "than"]],
              (_counted_or_plural, _of_only_within), anchor="required", core=rf"{_UNITS}\s+{_CONNECTORS}\s"),
        _rule("anchored_the", "anchored",
              rf"{_B}the\s+(?P<unit>day|night|morning|evening|week|month|year)\s+"
              r"(?P<conn>before|after|prior\s+to|following|previous|prior)(?:\s+|(?=\s*[,.;:!?)]|\s*$))",
              [anchored_units, ["before", "after", "prior", "following", "previous"]], (_not_part_of_day,),
              anchor="optional", core=r"the\s+(?:day|night|morning|evening|week|month|year)\s+"
                                      r"(?:before|after|prior|following|previous)"),
        _rule("anchored_eve", "anchored", rf"{_B}the\s+eve\s+of\s+", [["the"], ["eve"]], anchor="required"),
        _rule("anchored_bare", "anchored", rf"{_B}(?:(?P<n>{num})\s+)?(?P<unit>{_UNITS})\s+"
                                           rf"(?P<conn>{_BARE_CONNECTORS}){_E}",
              [_UNIT_GATE, ["later", "earlier", "after", "before", "previously", "prior"]],
              (_counted_or_plural, _bare_connector_ends_clause), core=rf"{_UNITS}\s+{_BARE_CONNECTORS}"),
        _rule("anchored_fixed", "anchored",
              rf"{_B}(?P<p>the\s+(?P<dir>next|following|previous|preceding|prior)\s+"
              r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)"
              r"|(?:that|the)\s+same\s+(?:day|week|month|year|night|morning|evening|period|quarter)"
              r"(?:\s+(?P<ago>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year))?"
              r"|(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|week|month|year|morning|evening|night)"
              r"|(?:later|earlier|late|early)\s+in\s+the\s+day"
              r"|(?:on|for|during|throughout|at\s+the\s+(?:start|end|close)\s+of|"
              r"(?:end|finish|clos|start)(?:e|ed|es|s|ing)?)"
              r"\s+the\s+day(?!\s+(?:before|after|of|when|that))"
              r"|that\s+(?:day|night|morning|evening|afternoon))" + _E,
              [["day", "week", "month", "year", "night", "morning", "evening", "afternoon", "period", "quarter"],
               ["next", "following", "previous", "preceding", "prior", "same", "later", "earlier", "late",
                "early", "day", "that"]],
              # each form holds 'the' or 'that' and the next word: 'the next', 'the same', 'the day', 'that week'
              core=r"(?:the|that)\s+(?:next|following|previous|preceding|prior|same|day|night|morning|evening"
                   r"|afternoon|week|month|year)"),
    )


@dataclass(frozen=True, eq=False)  # (hashed as itself: a key of the memo of _chunk_gates)
class _Grammar:
    rules: tuple[_Rule, ...]
    gates: tuple[frozenset[int], ...]  # by rule: the numbers of its gate sets
    gate_sets: tuple[frozenset[str], ...]  # by number
    finder: re.Pattern[str]  # at each position of a folded text, the longest gate string starting there
    gates_of: dict[str, frozenset[int]]  # gate string -> the gate sets holding it or one of its prefixes


def _gates_met(text: str, grammar: _Grammar) -> set[int]:
    """The numbers of the gate sets of which `text` holds a string. No gate string holds white
    space, so the text's are those of its chunks between spaces, whose words recur article after
    article: each chunk is searched once per process (_chunk_gates)."""
    met: set[int] = set()
    for chunk in text.split():
        found = _chunk_gates(chunk, grammar)
        if found:
            met |= found
    return met


# Distinct chunks of text between spaces whose gate sets are kept (some 20,000 words come in 300
# news articles; a chunk and its sets weigh some 200 bytes).
MAX_GATE_CHUNKS = 50_000


@lru_cache(maxsize=MAX_GATE_CHUNKS)
def _chunk_gates(chunk: str, grammar: _Grammar) -> frozenset[int]:
    """The gate sets of which a chunk holds a string. Every gate string found at a position is a
    prefix of the longest one found there, so the longest ones tell all."""
    return frozenset().union(*(grammar.gates_of[word] for word in set(grammar.finder.findall(_fold(chunk)))))


@cache
def _grammar() -> _Grammar:
    """The rules and the one search for the gate strings of them all, compiled once per process."""
    rules = _rules()
    gate_numbers: dict[frozenset[str], int] = {}  # one per distinct gate set, shared by the rules
    gates = tuple(frozenset(gate_numbers.setdefault(g, len(gate_numbers)) for g in rule.gates) for rule in rules)
    words = {word for strings in gate_numbers for word in strings}
    gates_of = {
        word: frozenset(n for strings, n in gate_numbers.items() if any(word.startswith(s) for s in strings))
        for word in words
    }
    return _Grammar(rules, gates, tuple(gate_numbers), re.compile(f"(?=({_prefix_tree(words)}))"), gates_of)


# ---------------------------------------------------------------- finding


@cache
def _count_quantifier() -> re.Pattern[str]:
    """A quantifier of calendar.yaml right before the end ('over ' in 'over 2000'): one search for all."""
    words = "|".join(map(re.escape, Calendar.load().count_quantifiers))
    return re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE)


@cache
def _future_cue() -> re.Pattern[str]:
    """A future cue of calendar.yaml as a word: one search for all."""
    words = "|".join(map(re.escape, Calendar.load().future_cues))
    return re.compile(rf"(?<![\w'])(?:{words})(?!\w)", re.IGNORECASE)


def _trim_anchor(text: str, start: int) -> tuple[str | None, int]:
    """The anchor phrase starting at `start`: up to a clause boundary, at most eight words, or up to
    a year told a few words further on in the same clause ('two weeks after the military seized
    power in a coup in March 2021': the year dates the anchor, which would otherwise lose it)."""
    stop = Calendar.load().anchor_stop_words
    words: list[tuple[str, int]] = []
    for m in re.finditer(r"[^\s,.;:!?()\"“”—–]+(?:\.(?=\w))?|[,.;:!?()\"“”—–]", text[start:start + 160]):
        token = m.group()
        if not re.match(r"[\w'’$-]", token) or (words and token.lower() in stop):
            break
        if not words and (token.lower() in stop or token.lower() in PERSONAL_PRONOUNS):
            return None, start
        words.append((token, start + m.end()))
        if len(words) >= _ANCHOR_MAX_WORDS + _ANCHOR_YEAR_REACH:
            break
    if not words:
        return None, start
    cut = min(len(words), _ANCHOR_MAX_WORDS)
    reach = next((i for i in range(len(words) - 1, cut - 1, -1) if re.fullmatch(_YEAR, words[i][0])), None)
    end = words[reach if reach is not None else cut - 1][1]
    return text[start:end], end


def _match_rule(rule: _Rule, order: int, text: str) -> list[_Candidate]:
    """The accepted matches of one rule in `text`, anchored ones extended over their anchor phrase."""
    out = []
    for m in rule.pattern.finditer(text):
        start, end = m.span()
        anchor = None
        if rule.anchor:
            # the regex stops at the connector; the anchor phrase is read on from there
            anchor, anchor_end = _trim_anchor(text, end)
            if anchor is None and rule.anchor == "required":
                continue  # 'two days after,' needs its anchor; 'the day before,' does not
            end = anchor_end if anchor else start + len(m.group().rstrip())
        if end <= start:
            continue
        g = m.groupdict()
        context = _Context(g, text[max(0, start - _CONTEXT_CHARS):start], text[end:end + _CONTEXT_CHARS])
        if rule.accepts(context):
            out.append(_Candidate(rule, rule.kind, start, end, g, order, anchor))
    return out


def _choose_longest(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap (on a tie, the earlier rule), in text order."""
    candidates.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    chosen: list[_Candidate] = []
    for c in candidates:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _absorb_prefixes(text: str, chosen: list[_Candidate]) -> None:
    """Take in a leading preposition ('on Sunday', 'since February'): the words the analyst reads."""
    previous_end = 0
    for c in chosen:
        if c.kind != "anchored":
            m = _PREFIX.search(text[previous_end:c.start])
            if m:
                c.prefix = m.group("p").lower()
                c.start = previous_end + m.start("p")
                if c.prefix in SPAN_PREPOSITIONS:
                    c.kind = "span"
        previous_end = c.end


def _scan(text: str) -> list[_Candidate]:
    """All accepted candidates, then the longest non-overlapping ones in order of position."""
    met = _gates_met(text, _grammar())
    candidates: list[_Candidate] = []
    for order, rule in _rules_gated_in(frozenset(met)):
        # else the text lacks the words in a row that every match of this rule holds
        if rule.core is None or rule.core.search(text):
            candidates += _match_rule(rule, order, text)
    chosen = _choose_longest(candidates)
    _absorb_prefixes(text, chosen)
    return chosen


# Combinations of gate sets met whose rules are kept (some hundreds come in 2,000 sentences).
MAX_GATE_COMBINATIONS = 4096


@lru_cache(maxsize=MAX_GATE_COMBINATIONS)
def _rules_gated_in(met: frozenset[int]) -> tuple[tuple[int, _Rule], ...]:
    """The rules, with their order, whose every gate set is among the sets `met` (a text that meets
    no other may hold a match of these only): a text's gates come in a few combinations."""
    grammar = _grammar()
    return tuple((order, rule) for order, (rule, gates) in enumerate(zip(grammar.rules, grammar.gates, strict=True))
                 if gates <= met)


def find_time_expressions(text: str) -> list[TimeMention]:
    """Find the time expressions in one sentence.

    Args:
        text: a sentence (any string).
    Returns:
        The mentions, longest match first, without overlaps, in order of position; offsets
        index `text`.
    """
    return [TimeMention(text[c.start:c.end], c.start, c.end, c.kind, c) for c in _scan(text)]


def detect_future_tense(text: str, start: int = 0) -> bool:
    """Tell whether the sentence part around position `start` of `text` speaks of the future.

    A cue from calendar.yaml ('will', 'is expected to', 'scheduled', 'deadline') in the same
    clause marks the future; clauses end at punctuation and at words that open a new one
    ('announced Friday that it will...' is past: the cue is in the next clause).
    Args: text, a sentence; start, the offset of a time expression.
    Returns: True for future tense.
    """
    # bounded windows: one 200 KB "sentence" must not make each of its mentions rescan it all
    left = _CLAUSE_BOUNDARY.split(text[max(0, start - _CONTEXT_CHARS):start])[-1]
    right = text[start:start + _CONTEXT_CHARS]
    boundary = _CLAUSE_BOUNDARY.search(right)  # the clause ends at the first one
    clause = left + (right[:boundary.start()] if boundary is not None else right)
    return _future_cue().search(clause) is not None or detect_until_ahead(text, start)


def detect_until_ahead(text: str, start: int) -> bool:
    """Tell whether an 'until' expression at `start` of `text` ends a state still holding.

    'closed until Friday': the end of a state the clause tells as holding now ('remain', 'has
    continued', a headline's 'to remain') is still ahead; one told in the past ('was closed') is not.
    Args: text, a sentence; start, the offset of a time expression (its 'until' included).
    Returns: True when the expression's day lies ahead of the story's day.
    """
    if not _UNTIL.match(text, start):
        return False
    left = _CLAUSE_BOUNDARY.split(text[max(0, start - _CONTEXT_CHARS):start])[-1]
    return bool(_ONGOING.search(left)) and not _PAST_AUXILIARY.search(left)

# ---------------------------------------------------------------- resolving helpers


def _need(published: date | None) -> date:
    if published is None:
        raise _NeedsPublication
    return published


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _format(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        return _monday(d).isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _number(word: str | None) -> tuple[int, bool]:
    """The amount a number word stands for, and whether it is approximate."""
    if word is None:
        return 2, True  # bare plural: 'days later' means a few days
    word = _normalise_phrase(word)
    if word.isdecimal():
        return int(word), False
    v = _load_vocab()
    for key, value in v.numbers.items():
        if _normalise_phrase(key) == word:
            return value, key in v.approximate
    return 1, True


def _unit(word: str) -> str:
    unit = word.lower().rstrip("s")
    return unit


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# How far ahead of publication a date without year may be read as coming rather than past.
UPCOMING_DAYS = 14


def _pick_occurrence(make: Callable[[int], date | None], published: date, future: bool,
                     rel: str | None) -> date | None:
    """The occurrence of a yearly day nearest to publication: before it (or after, if future).

    `make(year)` gives the day in a year (None when it does not exist, as Feb 29 in 2025);
    'last'/'past' ask for one strictly before, 'next'/'coming' strictly after, 'this' the
    publication year's.
    """
    rel = (rel or "").lower()
    if rel == "this":
        return make(published.year)
    days = [d for y in range(published.year - 8, published.year + 9) if (d := make(y)) is not None]
    if rel in Calendar.load().past_words:
        before = [d for d in days if d < published]
        return max(before) if before else None
    if rel in Calendar.load().future_words or future:
        after = [d for d in days if (d > published if rel else d >= published)]
        return min(after) if after else None
    before = [d for d in days if d <= published]
    after = [d for d in days if d > published]
    # 'talks on May 15' in a report of May 11: a day a few days ahead is the coming one, not the
    # one almost a year ago (a report about that one would give its year)
    if after and (min(after) - published).days <= UPCOMING_DAYS and (
            not before or (published - max(before)).days > 2 * UPCOMING_DAYS):
        return min(after)
    return max(before) if before else None


def _pick_month(month: int, published: date, future: bool, rel: str | None) -> date:
    """The month nearest to publication, the current month included unless 'last'/'next'."""
    rel = (rel or "").lower()
    here = published.month
    if rel == "this":
        year = published.year
    elif rel in Calendar.load().past_words:
        year = published.year if month < here else published.year - 1
    elif rel in Calendar.load().future_words:
        year = published.year if month > here else published.year + 1
    elif future:
        year = published.year if month >= here else published.year + 1
    else:
        year = published.year if month <= here else published.year - 1
    return date(year, month, 1)


def _mod_note(g: dict[str, str | None]) -> str:
    mod = " ".join((g.get("mod") or "").lower().split())
    return f" ({mod})" if mod else ""


# ---------------------------------------------------------------- resolvers
# Each takes (candidate, published, future, country) and returns (value, precision, rule).


def _resolve_iso(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    d = _safe_date(int(_group(g, "y")), int(_group(g, "m")), int(_group(g, "d")))
    return (d.isoformat(), "day", "explicit-iso-date") if d else (None, None, "invalid-date")


def _resolve_numeric(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    a, b, y = int(_group(g, "a")), int(_group(g, "b")), _group(g, "y")
    if len(y) == 2:
        pivot = (published.year % 100 + 1) if published else 30
        year = (2000 if int(y) <= pivot else 1900) + int(y)
    else:
        year = int(y)
    if _group(g, "sep") == ".":
        readings = [("dmy", _safe_date(year, b, a))]  # dotted dates are day-first wherever they are used
    else:
        readings = [("mdy", _safe_date(year, a, b)), ("dmy", _safe_date(year, b, a))]
    options = [(order, d) for order, d in readings if d is not None]
    if not options:
        return None, None, "invalid-date"
    if len(options) > 1 and options[0][1] != options[1][1]:
        if published is None:
            order, d = options[0]
            return d.isoformat(), "day", f"numeric-date-{order}-assumed"
        # day and month are ambiguous: take the reading nearest before publication
        past = [o for o in options if o[1] <= published] or options
        order, d = min(past, key=lambda o: abs((published - o[1]).days))
        return d.isoformat(), "day", f"numeric-date-{order}-nearest-publication"
    order, d = options[0]
    return d.isoformat(), "day", f"numeric-date-{order}"


def _resolve_day_month(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    v = _load_vocab()
    month = v.months[_group(g, "mon").lower().rstrip(".")]
    day = int(_group(g, "d"))
    # 'the night of March 29-30' is dated by the day the night runs into; other ranges by their first day
    night = " (night: the day it runs into)" if g.get("night") and g.get("d2") else ""
    if night:
        day = int(_group(g, "d2"))
    if g.get("y"):
        d = _safe_date(int(_group(g, "y")), month, day)
        return (d.isoformat(), "day", "explicit-date" + night) if d else (None, None, "invalid-date")
    pub = _need(published)
    d = _pick_occurrence(lambda y: _safe_date(y, month, day), pub, future, None)
    if d is None:
        return None, None, "invalid-date"
    side = "after" if future else "before"
    return d.isoformat(), "day", f"date-without-year-nearest-{side}-publication" + night


def _resolve_overnight(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    # a news report's 'overnight' is the night that ran into the day of the report
    return _need(published).isoformat(), "day", "overnight-into-publication-day"


def _resolve_month_year(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    month = _load_vocab().months[_group(g, "mon").lower().rstrip(".")]
    return f"{int(_group(g, 'y')):04d}-{month:02d}", "month", "explicit-month-year" + _mod_note(g)


def _resolve_month(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    month = _load_vocab().months[_group(g, "mon").lower()]
    pub = _need(published)
    if g.get("yrel"):
        year = pub.year + Calendar.load().relative_years[_group(g, "yrel").lower()]
        return f"{year:04d}-{month:02d}", "month", f"month-of-{_group(g, 'yrel').lower()}-year" + _mod_note(g)
    d = _pick_month(month, pub, future, g.get("rel"))
    rel = (g.get("rel") or "").lower()
    side = "after" if (future or rel in Calendar.load().future_words) else "before"
    rule = f"{rel}-month-name" if rel else f"month-name-nearest-{side}-publication"
    return _format(d, "month"), "month", rule + _mod_note(g)


def _year_edge(g: Groups) -> int | None:
    """The month a year's edge names: 'the start of the year' is January, 'the end of 2024' December."""
    words = (g.get("mod") or "").lower().split()
    if "start" in words or "beginning" in words:
        return 1
    if "end" in words:
        return 12
    return None


def _year_value(year: int, g: Groups, rule: str) -> _Result:
    month = _year_edge(g)
    if month is None:
        return f"{year:04d}", "year", rule + _mod_note(g)
    return f"{year:04d}-{month:02d}", "month", rule + _mod_note(g)


def _resolve_year(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    return _year_value(int(_group(c.groups, "y")), c.groups, "explicit-year")


def _resolve_short_year(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    yy = int(_group(c.groups, "yy"))
    pivot = published.year if published else 2030
    year = (pivot // 100) * 100 + yy
    if year > pivot:
        year -= 100
    return f"{year:04d}", "year", "two-digit-year-nearest-before-publication"


def _resolve_decade(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    # the exchange format has no decade precision; a single year would overstate what is known
    return None, None, "decade-span" + _mod_note(c.groups)


def _resolve_quarter(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    if g.get("y"):
        return _group(g, "y"), "year", "quarter-of-explicit-year"
    pub = _need(published)
    rel = (g.get("yrel") or "").lower()
    if rel:
        year = pub.year + Calendar.load().relative_years[rel]
        return f"{year:04d}", "year", f"quarter-of-{rel}-year"
    q = Calendar.load().quarters.get(_group(g, "q").lower())
    q = q or int(_group(g, "q")[0])
    current = (pub.month - 1) // 3 + 1
    year = pub.year if (q <= current or future) else pub.year - 1
    return f"{year:04d}", "year", "quarter-nearest-publication"


def _resolve_weekday(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    pub = _need(published)
    wd = [w.lower() for w in Calendar.load().weekdays].index(_group(g, "wd").lower())
    rel = (g.get("rel") or "").lower()
    if rel in Calendar.load().past_words:
        d = pub - timedelta(days=((pub.weekday() - wd) % 7) or 7)
        rule = "weekday-last-before-publication"
    elif rel in Calendar.load().future_words:
        d = pub + timedelta(days=((wd - pub.weekday()) % 7) or 7)
        rule = "weekday-next-after-publication"
    elif future:
        d = pub + timedelta(days=(wd - pub.weekday()) % 7)
        rule = "weekday-after-publication"
    else:
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        rule = "weekday-before-publication"
    return d.isoformat(), "day", rule


def _resolve_deictic(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    word = re.sub(r"\s+", " ", _group(c.groups, "w").lower())
    pub = _need(published)
    shift = Calendar.load().deictic_days[word]
    return (pub + timedelta(days=shift)).isoformat(), "day", f"{word.replace(' ', '-')}-from-publication"


def _resolve_unit_rel(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    pub = _need(published)
    rel, unit = _group(g, "rel").lower(), _group(g, "unit").lower()
    rel = "this" if rel == "the" else rel  # 'the end of the year' speaks of the current one
    step = Calendar.load().relative_years[rel]
    note = _mod_note(g)
    if unit == "week":
        return _format(pub + timedelta(weeks=step), "week"), "week", f"{rel}-week-monday{note}"
    if unit == "weekend":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)  # most recent Saturday, today included
        if rel == "last" and pub.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        elif rel == "next" or (rel == "this" and future and saturday < pub - timedelta(days=1)):
            saturday += timedelta(weeks=1)
        return _format(saturday, "week"), "week", f"{rel}-weekend-week{note}"
    if unit == "month":
        return _format(pub + relativedelta(months=step), "month"), "month", f"{rel}-month{note}"
    return _year_value(pub.year + step, g, f"{rel}-year")


def _resolve_ago(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    pub = _need(published)
    amount, approximate = _number(g.get("n"))
    unit = _unit(_group(g, "unit"))
    if unit in ("hour", "minute"):
        return pub.isoformat(), "day", f"{unit}s-ago-publication-day"
    if unit == "decade":
        year = pub.year - 10 * amount
        return (f"{year:04d}", "year", "decades-ago") if year >= 1 else (None, None, "decades-ago-before-year-1")
    delta = {"day": relativedelta(days=amount), "week": relativedelta(weeks=amount),
             "month": relativedelta(months=amount), "year": relativedelta(years=amount)}[unit]
    # 'two weeks ago' is not a day: the precision is the unit's (week for weeks, as the codebook says);
    # but 'a week ago' names the same weekday one week back ('a week ago Friday')
    precision = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
    if unit == "week" and amount == 1 and not approximate:
        return (pub - delta).isoformat(), "day", "a-week-ago-same-weekday"
    if approximate:
        precision = _coarser(precision)
    rule = f"{unit}s-ago" + ("-approximate" if approximate else "")
    return _format(pub - delta, precision), precision, rule


def _season_bounds(season: str, label: int) -> tuple[date, date]:
    """First and last day of a season, labelled by the year of its last month."""
    months = Calendar.load().seasons[season]
    first_year = label - 1 if months[0] > months[-1] else label
    start = date(first_year, months[0], 1)
    end = date(label, months[-1], 1) + relativedelta(months=1) - timedelta(days=1)
    return start, end


def _resolve_season(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    season = _group(g, "season").lower()
    # the exchange format has no season precision: a season gives its year (winter: the year it ends)
    if g.get("y"):
        return _group(g, "y"), "year", "season-of-explicit-year"
    pub = _need(published)
    rel = (g.get("rel") or "").lower()
    labels = range(pub.year - 2, pub.year + 3)
    bounds = {y: _season_bounds(season, y) for y in labels}
    if rel == "this":
        # the season under way, else the one of the publication year's cycle nearest to it
        label = min(labels, key=lambda y: 0 if bounds[y][0] <= pub <= bounds[y][1]
                    else min(abs((bounds[y][0] - pub).days), abs((bounds[y][1] - pub).days)))
    elif rel in Calendar.load().past_words:
        label = max(y for y in labels if bounds[y][1] < pub)
    elif rel in Calendar.load().future_words:
        label = min(y for y in labels if bounds[y][0] > pub)
    elif future:
        label = min(y for y in labels if bounds[y][1] >= pub)
    else:
        label = max(y for y in labels if bounds[y][0] <= pub)
    return f"{label:04d}", "year", f"season-{rel or 'nearest'}-year"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth weekday of a month (nth -1: the last)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, 1) + relativedelta(months=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


def _named_day(key: str, year: int, country: str | None) -> date | None:
    rule = Calendar.load().named_days[key]
    if rule.easter is not None:
        method: Literal[1, 2, 3] = EASTER_ORTHODOX if rule.method == "orthodox" else EASTER_WESTERN
        return easter(year, method) + timedelta(days=rule.easter)
    if rule.country_table is not None:
        mmdd = Calendar.load().independence_days.get(country.upper()) if country else None
        if not mmdd:
            return None
        month, day = (int(x) for x in mmdd.split("-"))
        return _safe_date(year, month, day)
    if rule.month is None:
        return None  # calendar.yaml's checks leave no other kind of rule
    if rule.weekday is not None and rule.nth is not None:
        return _nth_weekday(year, rule.month, list(Calendar.load().weekdays).index(rule.weekday), rule.nth)
    return _safe_date(year, rule.month, rule.day or 0)


def _resolve_named(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    g = c.groups
    key = _load_vocab().named_phrases[_normalise_phrase(_group(g, "named"))]
    if Calendar.load().named_days[key].country_table is not None and (
        not country or _named_day(key, 2000, country) is None
    ):
        return None, None, f"{key}-needs-country"
    if g.get("y"):
        d = _named_day(key, int(_group(g, "y")), country)
        return (d.isoformat() if d else None), ("day" if d else None), f"{key}-of-explicit-year"
    pub = _need(published)
    d = _pick_occurrence(lambda y: _named_day(key, y, country), pub, future, g.get("rel"))
    if d is None:
        return None, None, f"{key}-not-found"
    side = "after" if future or (g.get("rel") or "").lower() in Calendar.load().future_words else "before"
    return d.isoformat(), "day", f"{key}-nearest-{side}-publication"


def _resolve_vague(c: _Candidate, published: date | None, future: bool, country: str | None) -> _Result:
    return None, None, "vague-span"


# ---------------------------------------------------------------- offsets and anchors


def _offset_of(c: _Candidate) -> Offset | None:
    g = c.groups
    if c.name == "anchored_eve":
        return Offset(1, "day", -1, c.anchor)
    if c.name == "anchored_fixed":
        phrase = re.sub(r"\s+", " ", _group(g, "p").lower())
        if g.get("dir"):
            direction = 1 if _group(g, "dir").lower() in ("next", "following") else -1
            unit = _group(g, "unit").lower()
            unit = unit if unit in Calendar.load().unit_days else "day"
            return Offset(1, unit, direction, None)
        if g.get("ago"):
            return Offset(1, "year", -1, None)  # 'the same month a year ago': the period told before, a year back
        unit = next((u for u in ("week", "month", "year") if u in phrase), "day")
        return Offset(0, unit, 1, None)
    if c.name not in ("anchored", "anchored_the", "anchored_bare"):
        return None
    unit = _unit(_group(g, "unit"))
    if c.name == "anchored_the":
        amount, approximate = 1, False
    else:
        amount, approximate = _number(g.get("n"))
    if unit in ("hour", "minute"):
        # hours after an event are, most often, the same day
        amount, unit, approximate = 0, "day", False
    elif unit in ("morning", "evening", "night"):
        unit = "day"
    elif unit == "decade":
        amount, unit = amount * 10, "year"
    conn = re.sub(r"\s+", " ", (g.get("conn") or "").lower())
    direction = -1 if conn in Calendar.load().backward_connectors else 1
    return Offset(amount, unit, direction, c.anchor, approximate)


def parse_offset(text: str) -> Offset | None:
    """The shift an event-anchored expression states.

    Args:
        text: an expression such as 'two days prior to the attack on X' or 'two weeks later'.
    Returns:
        Offset (amount, unit, direction, anchor phrase or None for 'the previous event'), or
        None when `text` holds no anchored expression.
    """
    for c in sorted(_scan(text), key=lambda c: c.start - c.end):
        offset = _offset_of(c)
        if offset is not None:
            return offset
    return None


def _coarser(precision: str) -> str:
    return {"day": "week", "week": "month", "month": "year", "year": "year"}[precision]


def _parse_value(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def shift_when(base: When, offset: Offset, text: str) -> When:
    """Apply an offset to the resolved date of its anchor.

    Precision never gets finer than the anchor's: a day shifted by days or weeks stays a day; a
    month shifted by less than four weeks stays that month (shifts of four weeks or more move
    it by whole months); a shift in months gives month precision and one in years keeps the
    anchor's precision but never finer than month. An approximate offset ('days later') loses
    one step of precision.
    Args: base, the anchor's When; offset, from parse_offset; text, the expression as written.
    Returns: a When with the shifted value, the rule that explains it and the anchor.
    """
    anchor = offset.anchor if offset.anchor is not None else base.text
    if not base.value:
        return When(text=text, value=None, precision=None, rule="anchor-unresolved", anchor=anchor)
    precision = base.precision or {4: "year", 7: "month", 10: "day"}[len(base.value)]
    d = _parse_value(base.value)
    sign = offset.direction
    days = offset.amount * Calendar.load().unit_days[offset.unit]
    if offset.unit in ("day", "week"):
        shifted = d + timedelta(days=sign * days)
    else:
        step = sign * offset.amount
        shifted = d + (relativedelta(months=step) if offset.unit == "month" else relativedelta(years=step))
    how = f"{'+' if sign > 0 else '-'}{offset.amount} {offset.unit}"
    if precision == "day":
        result = "day" if offset.unit in ("day", "week") else "month"
        note = "day anchor"
    elif precision == "week":
        result = "week" if offset.unit in ("day", "week") else "month"
        note = "week anchor"
    elif precision == "month":
        result = "month"
        if offset.unit in ("day", "week"):
            # inside a month-precision anchor, a short shift cannot be placed: keep the month
            months = round(days / 30.4) if days >= 28 else 0
            shifted = d + relativedelta(months=sign * months)
            note = "month anchor, shift under four weeks keeps the month" if not months else "month anchor"
        else:
            note = "month anchor"
    else:
        result = "year"
        shifted = d + relativedelta(years=sign * (offset.amount if offset.unit == "year" else 0))
        note = "year anchor keeps its year unless shifted by years"
    if offset.amount == 0 and _PRECISION_RANK[offset.unit] < _PRECISION_RANK[result]:
        result = offset.unit  # 'that same year' after a day speaks of the year
        note += f", same {offset.unit}"
    if offset.approximate:
        result = _coarser(result)
        note += ", approximate amount"
    return When(text=text, value=_format(shifted, result), precision=result,
                rule=f"shift {how} from anchor ({note})", anchor=anchor)


# ---------------------------------------------------------------- public resolution


def _resolve_candidate(c: _Candidate, words: str, published: date | None, future: bool,
                       country: str | None) -> When:
    """The When of one candidate; `words` are its words as written."""
    if c.kind == "anchored":
        offset = _offset_of(c)
        base = anchor_date(offset.anchor, published, future, country) if offset is not None else None
        if base is not None and offset is not None:
            # the anchor names its own date ('a day after the attack on Sunday'): shift from it
            return shift_when(base, offset, words)
        return When(text=words, value=None, precision=None,
                    rule="anchored-to-named-event" if c.anchor else "anchored-to-previous-event",
                    anchor=c.anchor)
    try:
        resolve = c.rule.resolve
        if resolve is None:
            raise TypeError(f"rule {c.name!r} has no resolver")
        value, precision, rule = resolve(c, published, future, country)
    except _NeedsPublication:
        value, precision, rule = None, None, f"{c.name}-needs-publication-date"
    if c.prefix in SPAN_PREPOSITIONS:
        rule = f"span-start-{c.prefix} ({rule})"
    return When(text=words, value=value, precision=precision, rule=rule, anchor=None)


def anchor_date(anchor: str | None, published: date | None, future: bool = False,
                country: str | None = None) -> When | None:
    """The date an anchor phrase names of its own ('the attack on Sunday', 'Russia invaded Ukraine
    in February 2022'): its first time that is not itself anchored, resolved; None when it names
    none, or one that cannot be placed (a weekday with no publication date)."""
    inner = [x for x in _scan(anchor) if x.kind != "anchored"] if anchor else []
    if not inner or anchor is None:
        return None
    base = _resolve_candidate(inner[0], anchor[inner[0].start:inner[0].end], published, future, country)
    return base if base.value else None


def _as_date(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    return date.fromisoformat(str(published)[:10])


def resolve_time(text: str, published: date | None, *, future: bool = False,
                 country: str | None = None) -> When:
    """Resolve one time expression against the publication date.

    Args:
        text: the expression as written ('on Sunday', 'two weeks ago', 'March 11').
        published: the article's publication date (a date or an ISO string), or None.
        future: the tense is future: weekdays, dates without year and named days move forward.
        country: ISO3 code, for country-specific named days ('Independence Day').
    Returns:
        When with value at its precision, the rule used and, for anchored expressions, the
        anchor phrase (value None unless the anchor states its own date). Relative expressions
        without a publication date, vague spans and decades give value None.
    """
    pub = _as_date(published)
    candidates = _scan(text)
    if not candidates:
        log.debug("no time expression in %r", text)
        return When(text=text, value=None, precision=None, rule="unrecognised")
    c = max(candidates, key=lambda c: c.end - c.start)
    return _resolve_candidate(c, text[c.start:c.end], pub, future, country)


def resolve_mention(mention: TimeMention, published: date | None, *, future: bool = False,
                    country: str | None = None) -> When:
    """Resolve a mention of find_time_expressions as it was read in its sentence: the words around
    it chose its rule ('must be signed by May' reads a month that 'May' alone does not, since the
    word alone may be the modal verb). Arguments as resolve_time's."""
    if mention.found is None:
        return resolve_time(mention.text, published, future=future, country=country)
    return _resolve_candidate(mention.found, mention.text, _as_date(published), future, country)


def resolve_all(text: str, published: date | None, *, country: str | None = None,
                previous: When | None = None) -> list[tuple[TimeMention, When]]:
    """Find and resolve every time expression of a sentence, in order (the second pass included).

    Tense is read per mention with detect_future_tense; an anchored expression without an
    anchor phrase ('two weeks later', 'the next day') is shifted from the previous resolved
    date (from this text, or `previous` carried over from earlier sentences); offsets in days
    count only from a day-precision date. Callers may seed `previous` with the publication
    date, the usual reference of a news story's first event.
    Args: text, a sentence; published, the publication date; country, ISO3 for named days;
    previous, the last resolved When before this sentence.
    Returns: (mention, When) pairs.
    """
    pub = _as_date(published)
    out = []
    previous_day = previous if previous is not None and previous.precision == "day" else None
    for c in _scan(text):
        mention = TimeMention(text[c.start:c.end], c.start, c.end, c.kind, c)
        when = _resolve_candidate(c, mention.text, pub, detect_future_tense(text, c.start), country)
        offset = _offset_of(c) if c.kind == "anchored" and c.anchor is None and when.value is None else None
        if offset is not None:
            # 'the next day' needs a day to count from; 'two weeks later' can follow a month
            base = previous_day if offset.unit == "day" else previous
            if base is not None:
                when = shift_when(base, offset, mention.text)
        if when.value:
            previous = when
            if when.precision == "day":
                previous_day = when
        out.append((mention, when))
    return out


# A dateline opens a line with the place the story was filed from and, often, its day:
# 'CITY, April 24:', 'CITY, Country, Oct. 29 (Agency) --' (or the line's end, where a page
# cleaner took the dash). Read in the article's first characters,
# and only when that day lies within DATELINE_DAYS before the publication date (or the day after).
DATELINE_CHARS = 2000
DATELINE_DAYS = 7


@cache
def _dateline_pattern() -> re.Pattern[str]:
    v = _load_vocab()
    month = "(?:" + _alternation(v.month_full) + "|" + _alternation(v.month_abbr) + r"\.?)"
    place = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
    day = rf"(?i:{month}\s*{_DAY}{_ORD}(?:,?\s*{_YEAR})?|{_DAY}{_ORD}\s+{month}(?:,?\s*{_YEAR})?)"
    return re.compile(rf"^[ \t]*{place}(?:,\s*{place})?,\s+(?P<day>{day})(?!\d)\s*(?:\([^()\n]{{1,40}}\)\s*)?"
                      r"(?:--|[:—–-]|$)", re.MULTILINE)


def find_dateline(text: str, published: date | None) -> When | None:
    """The story's day a dateline states ('Islamabad, April 24: ...' in a paper of April 25), when
    it lies within DATELINE_DAYS before the publication date or on the day after it.

    Args: text, the article's opening (DATELINE_CHARS are read); published, its publication date.
    Returns: a day-precision When whose rule says it is the dateline's, or None (no dated dateline).
    """
    if published is None:
        return None
    m = _dateline_pattern().search(text[:DATELINE_CHARS])
    if m is None:
        return None
    when = resolve_time(m.group("day"), published)
    if when.value is None or when.precision != "day":
        return None
    days = (date.fromisoformat(when.value) - published).days
    if not -DATELINE_DAYS <= days <= 1:
        return None
    return When(text=m.group("day"), value=when.value, precision="day", rule="dateline: the story's day")


def _explicit(when: When) -> bool:
    rule = when.rule or ""
    return rule.startswith(("explicit", "numeric", "quarter-of-explicit", "season-of-explicit")) or (
        "-of-explicit-year" in rule
    )


def _contains(coarse: When, fine: When) -> bool:
    """Whether the finer date lies inside the coarser one (both have a value)."""
    if fine.value is None or coarse.value is None:
        return False
    if coarse.precision == "week":
        return 0 <= (_parse_value(fine.value) - _parse_value(coarse.value)).days <= 6
    return fine.value.startswith(coarse.value)


def reconcile(whens: list[When]) -> tuple[When | None, list[str]]:
    """Choose one date for an event stated several times, and report disagreements.

    Args:
        whens: the dates of one event from several mentions.
    Returns:
        (the best When: most precise, explicit before relative, first mentioned on a tie; None
        when none has a value), and messages for day-precision values that disagree and for a
        coarser date that does not contain a finer one.
    """
    dated = [w for w in whens if w.value]
    if not dated:
        return None, []
    best = max(
        enumerate(dated),
        key=lambda iw: (_PRECISION_RANK.get(iw[1].precision or "", 0), _explicit(iw[1]), -iw[0]),
    )[1]
    conflicts: list[str] = []
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if a.precision == b.precision == "day":
                if a.value != b.value:
                    conflicts.append(
                        f"conflicting dates: {a.text!r} gives {a.value} ({a.rule}), "
                        f"{b.text!r} gives {b.value} ({b.rule})"
                    )
                continue
            ra, rb = _PRECISION_RANK.get(a.precision or "", 0), _PRECISION_RANK.get(b.precision or "", 0)
            coarse, fine = (a, b) if ra < rb else (b, a)
            if ra != rb and not _contains(coarse, fine):
                conflicts.append(
                    f"inconsistent dates: {fine.text!r} gives {fine.value}, outside "
                    f"{coarse.text!r} = {coarse.value}"
                )
            elif ra == rb and a.value != b.value and a.precision != "week":
                conflicts.append(f"conflicting dates: {a.text!r} gives {a.value}, {b.text!r} gives {b.value}")
    if conflicts:
        log.info("date conflicts: %s", "; ".join(conflicts))
    return best, conflicts
