"""Casualty figures in news text: the counts of a sentence tied to death and injury words.

`find_casualties` ties the counts of a parsed sentence to death and injury words (data/
casualties.yaml); `merge_casualties` gathers the figures of one strike. `parse_number` and
`parse_count`, which read one phrase, live in peacewatch.extract.counts and are named here too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

from spacy.tokens import Span, Token

from peacewatch.data.reading_words import CasualtyWords, NumberWords
from peacewatch.data.time_place import Calendar
from peacewatch.extract.counts import (
    NUMBER_WORDS,
    SCALE_WORDS,
    VAGUE_WORDS,
    extend_hedges,
    hedged_start,
    parse_count,
    parse_number,
)
from peacewatch.extract.weapons import weapon_mode
from peacewatch.grammar import (
    ARTICLES,
    COUNT_COORDINATIONS,
    HARM_LINKS,
    INDEFINITE_ARTICLES,
    OF_WHOM,
    PART_AFTER,
    PART_BEFORE,
)
from peacewatch.nlp import lemmas, lowers, span_text, tokens_of
from peacewatch.schema import Count

log = logging.getLogger(__name__)

__all__ = ["Casualties", "extend_hedges", "find_casualties", "is_subset_toll", "merge_casualties", "parse_count",
           "parse_number"]

# --- casualty figures in a parsed sentence -----------------------------------------------------


@dataclass
class Casualties:
    """The casualty figures of a sentence or an event.

    killed, injured: hedged counts; children_killed, women_killed: the dead among them;
    victims: the head noun of the dead as written ('civilians', 'people', 'soldiers').
    """

    killed: Count | None = None
    injured: Count | None = None
    children_killed: int | None = None
    women_killed: int | None = None
    victims: str | None = None
    whole: bool = False  # the toll of a whole war ('the conflict has killed 300,000'), of no one strike


@dataclass(frozen=True)
class _Lexicon:
    death_verbs: frozenset[str]
    injury_verbs: frozenset[str]
    intransitive_verbs: frozenset[str]
    death_adjectives: frozenset[str]
    injury_adjectives: frozenset[str]
    death_nouns: frozenset[str]
    injury_nouns: frozenset[str]
    life_words: frozenset[str]
    lose_verbs: frozenset[str]
    toll_words: frozenset[str]
    count_nouns: frozenset[str]
    both_nouns: frozenset[str]
    children_words: frozenset[str]
    women_words: frozenset[str]
    group_words: frozenset[str]
    subset_cues: frozenset[str]
    skip_words: frozenset[str]
    not_victims: frozenset[str]
    killing_forms: frozenset[str]
    injuring_forms: frozenset[str]
    person_nouns: frozenset[str]
    person_suffixes: frozenset[str]
    including_words: frozenset[str]
    additive_words: frozenset[str]
    conflict_nouns: frozenset[str]
    conflict_periods: frozenset[str]
    conflict_starts: frozenset[str]
    unrest_nouns: frozenset[str]

    # Unions the tie functions test token by token: built once per lexicon, not per call.
    @cached_property
    def victim_nouns(self) -> frozenset[str]:
        """Nouns that 'no' turns into a zero count: 'no deaths', 'no injuries', 'no casualties'."""
        return self.death_nouns | self.injury_nouns | self.both_nouns

    @cached_property
    def transitive_death_verbs(self) -> frozenset[str]:
        return self.death_verbs - self.intransitive_verbs

    @cached_property
    def harm_verbs(self) -> frozenset[str]:
        return self.death_verbs | self.injury_verbs

    @cached_property
    def toll_nouns(self) -> frozenset[str]:
        """Nouns of a count of the dead that a war can own: 'the death toll of the war', 'deaths in
        the conflict', 'the killing of 100,000 in the insurgency'."""
        return self.death_nouns | self.toll_words | self.count_nouns

    @cached_property
    def harm_adjectives(self) -> frozenset[str]:
        return self.death_adjectives | self.injury_adjectives

    @cached_property
    def death_words(self) -> frozenset[str]:
        """Death nouns and verbs: 'the number of dead', 'the number of killed'."""
        return self.death_nouns | self.death_verbs

    @cached_property
    def injury_words(self) -> frozenset[str]:
        return self.injury_nouns | self.injury_verbs

    @cached_property
    def children_or_women(self) -> frozenset[str]:
        return self.children_words | self.women_words

    @cached_property
    def part_cues(self) -> frozenset[str]:
        """Subset cues that mark the figure after them as a part ('among' may introduce the total)."""
        return self.subset_cues - {"among"}

    @cached_property
    def person_endings(self) -> tuple[str, ...]:
        """The suffixes of person nouns, as str.endswith takes them."""
        return tuple(sorted(self.person_suffixes))


@cache
def load_casualty_lexicon() -> _Lexicon:
    """The casualty words of data/casualties.yaml (lower case), checked once per process."""
    words = CasualtyWords.load()
    return _Lexicon(**{name: frozenset(w.lower() for w in getattr(words, name))
                       for name in _Lexicon.__dataclass_fields__})


# What a figure counts: the dead, the injured, or both ('no casualties').
_Kind = Literal["killed", "injured", "killed+injured"]


@dataclass
class _Figure:
    """One count in the sentence and what it counts."""

    start: int  # first token of the count, hedges included (doc index)
    end: int  # one past its last token
    count: Count
    noun: Token | None = None
    kind: _Kind | None = None
    subset: bool = False
    vague: bool = False  # 'dozens', 'hundreds': a floor, weaker than any written figure
    group: int = -1
    members: list[int] = field(default_factory=list)
    whole: bool = False  # told of a whole war (_of_whole_conflict)


class _Sentence:
    """The sentence being read, each token made once: Doc.__getitem__ makes a new Token on every
    call, and a sentence is read token by token many times. Tokens are looked up by doc index."""

    __slots__ = ("doc", "end", "lowers", "span", "start", "tokens")

    def __init__(self, span: Span) -> None:
        self.span, self.doc, self.start, self.end = span, span.doc, span.start, span.end
        self.tokens = tokens_of(span)
        self.lowers = lowers(span.doc)[span.start:span.end]

    def token(self, i: int) -> Token:
        """The token at doc index i (outside the sentence, from the Doc)."""
        k = i - self.start
        return self.tokens[k] if 0 <= k < len(self.tokens) else self.doc[i]

    def lower(self, i: int) -> str:
        """The lower-case text of the token at doc index i (outside the sentence, from the Doc)."""
        k = i - self.start
        return self.lowers[k] if 0 <= k < len(self.lowers) else self.doc[i].lower_

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens from doc index start to end, within the sentence."""
        return self.tokens[max(start - self.start, 0):max(end - self.start, 0)]

    def lowers_in(self, start: int, end: int) -> list[str]:
        """The lower-case texts of the tokens from doc index start to end, within the sentence."""
        return self.lowers[max(start - self.start, 0):max(end - self.start, 0)]


def find_casualties(sent: Span) -> Casualties:
    """Find the killed and injured figures of one parsed sentence.

    A count is tied to death or injury through the parse and close patterns: 'killing at least
    34 and injuring 117', 'the deaths of 35 civilians, including two children', '74 civilians
    were killed and 17 wounded', 'left 12 dead', 'the death toll rose to 40', 'No one was
    killed' (0/0). Several killed figures: the highest wins (an updated toll, or a total over
    its parts; coordinated parts 'killed 32 in X and 25 in Y' are summed, and so are further
    victims: '3 others', 'another 3', 'were also killed'). A figure counting only children ('two
    children were killed') is both killed and children_killed when the sentence gives no other
    total. A lower bound holds for a bare toll coordinated after it ('killing at least 34 and
    injuring 117': 117 or more); 'killed and injured' together is neither toll; a headline list
    'Three killed, over 70 injured' is two tolls.

    Args:
        sent: a sentence (or any span) of a parsed Doc.
    Returns:
        Casualties; every field None when nothing is found.
    """
    lex = load_casualty_lexicon()
    words = _Sentence(sent)
    figures = _find_figures(words, lex)
    if not figures:
        return Casualties()
    for fig in figures:
        fig.kind = _tie_figure(fig, words, lex)
    _tie_tolls(figures, words, lex)
    _tie_subsets(figures, words, lex)
    _tie_coordinated(figures, words, lex)
    _tie_subsets(figures, words, lex)  # parts of figures tied only through coordination
    _tie_additions(figures, words, lex)
    _share_hedges(figures, words, lex)
    for fig in figures:
        fig.whole = fig.kind is not None and _of_whole_conflict(fig, words, lex)
    return _summarise(figures, lex)


# Words that make a figure without being numbers: zero words, the article of a single victim
# ('a soldier was killed') and vague plurals ('dozens', 'scores of'). Loaded at import: every
# sentence is searched for them.
_NUMBERS = NumberWords.load()
_ZERO_WORDS = frozenset(_NUMBERS.zero_words)  # and 'no' before 'one' or a victim noun
_VAGUE_PLURALS = frozenset(_NUMBERS.vague_plurals)
_VAGUE_BEFORE_OF = frozenset(_NUMBERS.vague_before_of)  # 'scores of', 'tens of thousands'
_VAGUE_UNCHAINED = frozenset(_NUMBERS.vague_unchained)
_VAGUE_MULTIPLIED = frozenset(_NUMBERS.vague_multiplied)
_VAGUE_MULTIPLIERS = frozenset(_NUMBERS.vague_multipliers)
_MONTHS = Calendar.load().month_names()  # data/calendar.yaml, as the dates read them
_AMBIGUOUS_MONTHS = frozenset(_NUMBERS.ambiguous_months)
# Words after a number that make it a measure, not a count of people.
_UNITS_AFTER = frozenset(_NUMBERS.units_after)
# What opens an aside after a count: '35 civilians, including ...', '(mostly women)', '- including
# nine children -' (scraped text often has a hyphen for a dash).
_ASIDE_OPENERS = frozenset({",", "(", "-", "\u2013", "\u2014"})
# The words of the hedges before a count ('over', 'at least'): passed over in a list of tolls.
_HEDGE_WORDS = frozenset(word for hedge in _NUMBERS.prefix_hedges for word in hedge.split())
# Every token a figure can start at is one of these or a number (_is_number_text).
_FIGURE_CUES = _ZERO_WORDS | {"no"} | INDEFINITE_ARTICLES | _VAGUE_PLURALS | _VAGUE_BEFORE_OF
_FIGURE_WORDS = _FIGURE_CUES | NUMBER_WORDS  # the cues of a token without digits or dashes

_NUMBER_DIGITS = re.compile(r"\d[\d,.]*(?:[\u2010-\u2015-]\d[\d,.]*)?\+?")
_DASH = re.compile(r"[\u2010-\u2015-]")
_DIGIT_OR_DASH = re.compile(r"[\d\u2010-\u2015-]")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_CLOCK_OR_DATE = re.compile(r"\d[:/]\d")


def _find_figures(sent: _Sentence, lex: _Lexicon) -> list[_Figure]:
    figures: list[_Figure] = []
    i = sent.start
    for cue in _figure_cues(sent):
        if cue < i:
            continue  # inside the figure before
        i = cue
        token, low = sent.token(i), sent.lower(i)
        if _is_zero_word(i, sent, lex):
            end = i + 2 if low == "no" and sent.lower(i + 1) == "one" else i + 1
            noun = sent.token(i + 1) if low == "no" and sent.lower(i + 1) != "one" else None
            figures.append(_Figure(start=i, end=end, count=Count(min=0, max=0), noun=noun))
            i = end
            continue
        if not _is_number_token(i, sent):
            if _is_single_victim(token, lex):
                n = 1 + _count_bare_conjuncts(token.head, lex)
                figures.append(_Figure(start=i, end=i + 1, count=Count(min=n, max=n), noun=token.head))
            i += 1
            continue
        end = _extend_number(i, sent)
        start = hedged_start(i, end, sent.start, sent.lower)
        text = span_text(sent.doc, start, end)
        i = end
        if _is_excluded(start, end, text, sent):
            continue  # tested first: cheaper than reading the count, and a third of numbers
        count = parse_count(text)
        if count is None:
            log.debug("no count in %r", text)
        else:
            vague = any(low in VAGUE_WORDS for low in sent.lowers_in(start, end))
            noun = _noun_of(start, end, sent, lex)
            if count.min == count.max == 1 and noun is not None:
                n = 1 + _count_bare_conjuncts(noun, lex)  # 'one mother and her child'
                count = Count(min=n, max=n)
            figures.append(_Figure(start=start, end=end, count=count, noun=noun, vague=vague))
    return [f for f in figures if not (f.noun is not None and _lemma(f.noun) in lex.not_victims)]


def _figure_cues(sent: _Sentence) -> list[int]:
    """The doc indices of the tokens a figure can start at (many sentences have none)."""
    if not _DIGIT_OR_DASH.search("".join(sent.lowers)):
        # No token holds a digit or a dash (about half of news sentences): numbers are number words.
        return [sent.start + k for k, low in enumerate(sent.lowers) if low in _FIGURE_WORDS]
    # (_is_number_text of a word with no digit or dash is its being a number word: no call for those)
    return [sent.start + k for k, low in enumerate(sent.lowers)
            if low in _FIGURE_WORDS or _DIGIT_OR_DASH.search(low) is not None and _is_number_text(low)]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_number_text(low: str) -> bool:
    """Whether a token's lower-case text is a number by itself: '35', '1,200', '7-8', '5+',
    'thirty-five', 'hundred'."""
    if low in NUMBER_WORDS:
        return True
    if not _DIGIT_OR_DASH.search(low):
        return False  # most words
    if _NUMBER_DIGITS.fullmatch(low):
        return True
    # Hyphenated number words. A lone en or em dash passes too (it has no part that fails);
    # parse_count then finds no count in it, unless number words follow the dash.
    return all(part in NUMBER_WORDS for part in _DASH.split(low) if part) and bool(low.strip("-"))


def _is_number_token(i: int, sent: _Sentence) -> bool:
    """Whether the token at doc index i is a number or a vague plural ('dozens', 'scores of')."""
    low = sent.lower(i)
    if _is_number_text(low) or low in _VAGUE_PLURALS:
        return True
    # 'scores' and 'tens' count only in 'scores of' / 'tens of thousands'.
    return low in _VAGUE_BEFORE_OF and i + 1 < sent.end and sent.lower(i + 1) == "of"


def _is_zero_word(i: int, sent: _Sentence, lex: _Lexicon) -> bool:
    """'nobody', 'none', 'no one', 'no casualties' at doc index i."""
    low = sent.lower(i)
    if low in _ZERO_WORDS:
        return True
    if low != "no" or i + 1 >= sent.end:
        return False
    return sent.lower(i + 1) == "one" or _lemma(sent.token(i + 1)) in lex.victim_nouns


def _is_single_victim(token: Token, lex: _Lexicon) -> bool:
    """'a soldier was killed', 'including a child': an indefinite singular person counts one."""
    if token.lower_ not in INDEFINITE_ARTICLES or token.dep_ != "det":
        return False
    noun = token.head
    if noun.tag_ != "NN" or not token.i < noun.i <= token.i + 6:  # "a 35-year-old man"
        return False
    lemma = _lemma(noun)
    return (
        lemma not in lex.not_victims
        and (lemma in lex.children_words or lemma in lex.women_words or _is_person_noun(noun, lex))
        and not _is_weapon_word(noun)  # last: the weapon lexicon is the slowest test
    )


def _count_bare_conjuncts(noun: Token, lex: _Lexicon) -> int:
    """'a woman and child', 'a man and his son': the singular persons joined to a single victim
    without a count of their own (one with its own article or number is a figure of its own)."""
    n = 0
    for other in noun.conjuncts:
        if other.i < noun.i or other.tag_ != "NN" or _lemma(other) in lex.not_victims:
            continue
        if any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES) for c in other.children):
            continue
        lemma = _lemma(other)
        if lemma in lex.children_or_women or _is_person_noun(other, lex):
            n += 1
    return n


def _is_person_noun(noun: Token, lex: _Lexicon) -> bool:
    """A rough test for nouns of people: a role suffix or a known person noun of WordNet's kind."""
    lemma = _lemma(noun)
    return lemma in lex.person_nouns or lemma.endswith(lex.person_endings)


def _is_weapon_word(token: Token) -> bool:
    return weapon_mode(_lemma(token)) is not None


def _extend_number(i: int, sent: _Sentence) -> int:
    """One past the last token of the number starting at token i (ranges and 'or more' kept)."""
    end = i + 1
    while end < sent.end:
        low = sent.lower(end)
        nxt_is_number = end + 1 < sent.end and _is_number_token(end + 1, sent)
        if _is_number_token(end, sent) and low not in _VAGUE_UNCHAINED:
            if (sent.token(end - 1).is_digit or sent.token(end).is_digit) and low not in SCALE_WORDS:
                break  # '2016 Two civilians', '2016 6 citizens': a year then a count, not one number
            end += 1
        elif low in _VAGUE_MULTIPLIED and sent.lower(end - 1) == "of":
            end += 1
        elif low in ("-", "\u2013", "\u2014", "to", "or") and nxt_is_number:
            end += 2
        elif low == "and" and nxt_is_number and (
            # 'between 30 and 40'; for a number starting the sentence this reads the last token
            # of the sentence before, as it always has
            sent.lower(end - 1) in SCALE_WORDS or sent.lower(max(i - 1, 0)) == "between"
        ):
            end += 2
        elif low == "of" and end + 1 < sent.end and sent.lower(end + 1) in _VAGUE_MULTIPLIED \
                and sent.lower(end - 1) in _VAGUE_MULTIPLIERS:
            end += 1
        elif low == "+" or (low == "plus" and not nxt_is_number):
            end += 1
            break
        elif low == "or" and end + 1 < sent.end and sent.lower(end + 1) == "more":
            end += 2
            break
        else:
            break
    return end


def _is_excluded(start: int, end: int, text: str, sent: _Sentence) -> bool:
    """Numbers that are not counts: years, ages, times, money, percentages, names ('Route 66').
    text: the text of the tokens from start to end."""
    if end - start == 1 and _YEAR.match(text):
        return True  # a year ('killed in 2019'); counts this large are written '2,019'
    if _CLOCK_OR_DATE.search(text):
        return True
    ents = {token.ent_type_ for token in sent.tokens_in(start, end)}
    # TIME and QUANTITY are left out: the small model tags 'at 16 earlier' a time and '330
    # overnight' a quantity; clock times and measures are caught by their colon or unit below.
    if ents & {"MONEY", "PERCENT", "ORDINAL", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}:
        return True
    prev = sent.token(start - 1) if start > sent.start else None
    if prev is not None and sent.lower(start - 1).rstrip(".") in _MONTHS:
        return True  # 'August 25', 'Feb 22'
    if nxt_token_is_month(end, sent.span):
        return True  # '25 August'

    nxt = sent.token(end) if end < sent.end else None
    nxt2 = sent.token(end + 1) if end + 1 < sent.end else None
    if nxt is not None and sent.lower(end) in ("-", "\u2013") and nxt2 is not None \
            and nxt2.lemma_.lower() in _UNITS_AFTER:
        return True  # '35-year-old', '10-day'
    if nxt is not None and (nxt.lemma_.lower() in _UNITS_AFTER or nxt.text in ("%", ":")):
        return True
    return prev is not None and (prev.is_currency or prev.text in ("$", "#", "No.", "no."))


def nxt_token_is_month(end: int, sent: Span) -> bool:
    """Whether the token after a number is a month name ('25 August'; 'may' only capitalised)."""
    if end >= sent.end:
        return False
    token = sent.doc[end]
    low = token.lower_.rstrip(".")
    return low in _MONTHS and (low not in _AMBIGUOUS_MONTHS or token.text[0].isupper())


def _noun_of(start: int, end: int, sent: _Sentence, lex: _Lexicon) -> Token | None:
    """The noun a count counts ('35 civilians', 'dozens of people', 'a family of five')."""
    last = sent.token(end - 1)
    if last.dep_ in ("nummod", "quantmod", "compound") and last.head.i >= end \
            and last.head.pos_ in ("NOUN", "PROPN"):
        if last.head.i - end <= 2 or _is_name_between(end, last.head.i, sent):
            return last.head
    after = sent.lowers_in(end, min(end + 2, sent.end))
    if tuple(after) in OF_WHOM and end + 2 < sent.end and sent.token(end + 2).pos_ == "NOUN":
        return sent.token(end + 2)  # '5 of them children'
    k = end
    while k < sent.end and k - end < 4:
        token = sent.token(k)
        if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.tag_ == "NNPS"):
            # the noun the count modifies, not a noun of the next phrase ('330 overnight ... sources')
            return token if k == end or sent.lower(end) == "of" or last in token.subtree else None
        if sent.lower(k) == "of" or token.pos_ in ("ADJ", "PROPN") or token.dep_ == "compound":
            k += 1
            continue
        break
    # 'a family of five': the group noun stands for the counted people.
    if start - 2 >= sent.start and sent.lower(start - 1) == "of" \
            and _lemma(sent.token(start - 2)) in lex.group_words:
        return sent.token(start - 2)
    return None


def _is_name_between(start: int, end: int, sent: _Sentence) -> bool:
    """'40 Al-Qaeda militants', '120 rebel group fighters': only a name or compound modifiers
    (with their hyphens) stand between a count and its noun."""
    if end - start > 5:
        return False
    return all(t.dep_ in ("compound", "amod") or t.tag_ == "HYPH" for t in sent.tokens_in(start, end))


def _tie_figure(fig: _Figure, sent: _Sentence, lex: _Lexicon) -> _Kind | None:
    """Whether the figure counts the dead or the injured, from its noun, its left and its right."""
    noun = fig.noun
    if noun is not None and noun.i >= fig.start:
        lemma = _lemma(noun)
        if lemma in lex.death_nouns or noun.lower_ in lex.death_adjectives:
            return "killed"  # '35 deaths', '100 bodies', '35 lives were lost'
        if lemma in lex.injury_nouns or noun.lower_ in lex.injury_adjectives:
            return "injured"
        if _is_zero(fig) and lemma in lex.both_nouns:
            return "killed+injured"  # 'no casualties'
    left, right = _tie_left(fig, sent, lex), _tie_right(fig, sent, lex)
    # '8 persons killed 58 others injured': the predicate after a count is its own; the verb
    # before it belongs to the previous clause when they disagree.
    return right or left or _tie_parse(fig, lex)


def _tie_left(fig: _Figure, sent: _Sentence, lex: _Lexicon) -> _Kind | None:
    """'killing at least 34', 'kills six', 'the deaths of 35', 'claiming the lives of 35'."""
    k = fig.start - 1
    # 'killed a family of five'
    if k - 1 >= sent.start and sent.lower(k) == "of" and _lemma(sent.token(k - 1)) in lex.group_words:
        k -= 2
        if k >= sent.start and sent.token(k).pos_ == "DET":
            k -= 1
    if k < sent.start:
        return None
    prev = sent.token(k)
    lemma, low = _lemma(prev), sent.lower(k)
    if any(child.dep_ == "auxpass" for child in prev.children):
        return None  # '14 were killed 25 were wounded': a passive verb takes no object
    if _is_joint_harm(k, sent, lex):
        return None  # 'killing and wounding dozens': the dead and the injured in one figure
    if low in lex.killing_forms or (lemma in lex.transitive_death_verbs and prev.pos_ == "VERB"):
        return "killed"
    if low in lex.death_adjectives and k - 1 >= sent.start and sent.token(k - 1).pos_ == "VERB":
        return "killed"  # 'shot dead two guards', 'beat dead'
    if low in lex.injuring_forms or (lemma in lex.injury_verbs and prev.pos_ == "VERB"):
        return "injured"
    if low == "of" and k - 1 >= sent.start:
        # the lemma, or the word itself: 'Beheading' tagged as a verb has the lemma 'behead'
        heads = {_lemma(sent.token(k - 1)), sent.lower(k - 1)}
        if heads & lex.death_nouns:
            return "killed"
        if heads & lex.injury_nouns:
            return "injured"
    return None


def _tie_right(fig: _Figure, sent: _Sentence, lex: _Lexicon) -> _Kind | None:
    k = (fig.noun.i + 1) if fig.noun is not None and fig.noun.i >= fig.end else fig.end
    steps = 0
    while k < sent.end and steps < 20:
        steps += 1
        token = sent.token(k)
        low, lemma = sent.lower(k), _lemma(token)
        if low in _ASIDE_OPENERS and k + 1 < sent.end and (
            sent.lower(k + 1) in lex.subset_cues or low == "("
        ):
            k = _skip_aside(k, sent, lex)
            continue
        if low in lex.subset_cues:
            k = _skip_aside(k - 1, sent, lex, closing=False)
            continue
        if low == "in" and k + 1 < sent.end and sent.lower(k + 1) == "total":
            k += 2
            continue
        if lemma in lex.harm_verbs or low in lex.harm_adjectives:
            if _is_active_transitive(token, sent, lex) or _is_joint_harm(k, sent, lex):
                return None  # the killer; or '19 killed and injured', one figure for both
            if lemma in lex.death_verbs or low in lex.death_adjectives:
                return "killed"
            return "injured"
        if lemma in lex.lose_verbs and k + 2 < sent.end and _lemma(sent.token(k + 2)) in lex.life_words:
            return "killed"
        if low in lex.skip_words or lemma in lex.skip_words or token.pos_ in ("ADV", "AUX", "PART"):
            k += 1
            continue
        break
    return None


def _harm_kind(k: int, sent: _Sentence, lex: _Lexicon) -> _Kind | None:
    """Whether the token at doc index k is a word of death or of injury."""
    low, lemma = sent.lower(k), _lemma(sent.token(k))
    if lemma in lex.death_verbs or low in lex.death_adjectives:
        return "killed"
    if lemma in lex.injury_verbs or low in lex.injury_adjectives:
        return "injured"
    return None


def _is_joint_harm(k: int, sent: _Sentence, lex: _Lexicon) -> bool:
    """'19 killed and injured', 'killing or wounding dozens': the harm word at doc index k is
    joined to one of the other kind, so the figure counts the dead and the injured together."""
    kind = _harm_kind(k, sent, lex)
    if kind is None:
        return False
    for other in (k - 2, k + 2):
        if sent.start <= other < sent.end and sent.lower((k + other) // 2) in HARM_LINKS:
            found = _harm_kind(other, sent, lex)
            if found is not None and found != kind:
                return True
    return False


def _skip_aside(k: int, sent: _Sentence, lex: _Lexicon, closing: bool = True) -> int:
    """Past an aside ', including two children,' or '(mostly women)': the index after it."""
    opener = sent.lower(k)
    close = {"(": ")", "-": "-"}.get(opener, ",")
    j = k + 1
    while j < sent.end and j - k < 15:
        if sent.lower(j) in (close, ")", ";", "\u2014"):
            return j + 1
        if not closing and sent.token(j).pos_ in ("AUX", "VERB") and sent.lower(j) not in lex.including_words:
            return j
        if not closing and sent.token(j).pos_ == "CCONJ" and j + 1 < sent.end and sent.token(j + 1).pos_ == "VERB":
            return j  # 'killed 18 people mostly children and wounded 40': the aside ends at 'and
        j += 1
    return sent.end


def _is_active_transitive(token: Token, sent: _Sentence, lex: _Lexicon) -> bool:
    """'the missile killed 5': the count before an active transitive verb is the killer."""
    if _lemma(token) in lex.intransitive_verbs or token.pos_ == "ADJ":
        return False
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children):
        return False
    k = token.i + 1
    while k < sent.end and sent.token(k).pos_ == "ADV":
        k += 1
    if _is_listed_toll(k, sent, lex):
        return False  # 'Nine persons killed 12 injured': the next count has its own predicate
    if any(child.dep_ == "dobj" for child in token.children):
        return True
    return k < sent.end and sent.token(k).pos_ in ("DET", "NUM", "PRON", "NOUN") and token.tag_ != "VBN"


def _is_listed_toll(k: int, sent: _Sentence, lex: _Lexicon) -> bool:
    """Whether a count with its own harm word starts at doc index k: 'killed, over 70 injured',
    'killed 12 injured', 'killed others injured' (a headline's list of tolls, not an object)."""
    while k < sent.end and (sent.lower(k) == "," or sent.lower(k) in _HEDGE_WORDS):
        k += 1
    if k >= sent.end or not (sent.token(k).like_num or sent.lower(k) in lex.additive_words):
        return False
    k += 1
    if k + 1 < sent.end and sent.token(k).pos_ == "NOUN":
        k += 1  # 'killed, 12 civilians injured'
    return k < sent.end and (sent.lower(k) in lex.harm_adjectives or _lemma(sent.token(k)) in lex.skip_words)


def _tie_parse(fig: _Figure, lex: _Lexicon) -> _Kind | None:
    """Ties the parse gives where the word order does not: 'X were killed and 17 wounded'."""
    token = fig.noun if fig.noun is not None else None
    if token is None:
        return None
    head = token.head
    lemma = _lemma(head)
    if token.dep_ in ("nsubjpass", "dobj") or (token.dep_ == "nsubj" and lemma in lex.intransitive_verbs):
        if lemma in lex.death_verbs:
            return "killed"
        if lemma in lex.injury_verbs:
            return "injured"
    return None


def _tie_tolls(figures: list[_Figure], sent: _Sentence, lex: _Lexicon) -> None:
    """'the death toll rose to 40', 'the number of injured reached 40': the first count after it;
    'bringing to 40 the number killed': the count right before it."""
    lemma_of = lemmas(sent.doc)
    for token in sent.tokens:
        if lemma_of[token.i] not in lex.toll_words and lemma_of[token.i] not in lex.count_nouns:
            continue  # (_toll_kind's first test, on the doc's shared lemmas: most words are neither)
        kind = _toll_kind(token, sent, lex)
        if kind is None:
            continue
        raised = next((f for f in figures if f.end < token.i <= f.end + 3 and sent.lower(f.end) in ARTICLES
                       and f.start > sent.start and sent.lower(f.start - 1) == "to"), None)
        if raised is not None and raised.kind in (None, "killed"):
            raised.kind = kind  # 'raising to 40 the death toll'
            continue
        for fig in figures:
            if fig.start > token.i and fig.start - token.i <= 25 and not fig.subset:
                if any(sent.token(k).text in (";", ".") for k in range(token.i, fig.start)):
                    break
                if fig.kind is None or fig.kind == "killed":
                    fig.kind = kind
                break


def _toll_kind(token: Token, sent: _Sentence, lex: _Lexicon) -> _Kind | None:
    """What a toll noun counts: 'the (injury) toll', 'the number of dead', 'the number of people
    injured', 'the number killed'; None for other words."""
    lemma = _lemma(token)
    if lemma in lex.toll_words:
        before = sent.tokens_in(max(token.i - 2, sent.start), token.i)
        return "injured" if any(_lemma(t) in lex.injury_words for t in before) else "killed"
    if lemma not in lex.count_nouns or token.i + 1 >= sent.end:
        return None
    if sent.lower(token.i + 1) == "of":
        following = sent.tokens_in(token.i + 2, min(token.i + 4, sent.end))
    else:  # 'the number killed': a participle or adjective right after the noun
        nxt = sent.token(token.i + 1)
        following = [nxt] if nxt.tag_ == "VBN" or nxt.lower_ in lex.harm_adjectives else []
    for word in following:
        if _lemma(word) in lex.death_words or word.lower_ in lex.death_adjectives:
            return "killed"
        if _lemma(word) in lex.injury_words or word.lower_ in lex.injury_adjectives:
            return "injured"
    return None


def _tie_coordinated(figures: list[_Figure], sent: _Sentence, lex: _Lexicon) -> None:
    """Coordinated parts share a kind and are summed: 'killing 5 soldiers and 3 civilians',
    '16 civilians and three children have been killed', '32 civilians killed in X and 25 in Y'."""
    for n, fig in enumerate(figures):
        fig.group = n
    for left, right in zip(figures, figures[1:], strict=False):
        if left.subset or right.subset or _is_zero(left) or _is_zero(right):
            continue
        left_end = left.noun.i + 1 if left.noun is not None and left.noun.i >= left.end else left.end
        between = sent.lowers_in(left_end, right.start)
        if tuple(between) not in COUNT_COORDINATIONS:
            continue
        if left.kind is not None and right.kind in (None, left.kind):
            right.kind, right.group = left.kind, left.group
        elif right.kind is not None and left.kind is None:
            left.kind = right.kind
            right.group = left.group
    # A bare count coordinated with a tied verb: '32 civilians killed in X and 25 in Y'.
    for fig in figures:
        gov = sent.token(fig.end - 1)
        if fig.kind is not None or fig.noun is not None or gov.dep_ != "conj":
            continue
        if _lemma(gov.head) not in lex.harm_verbs or _own_fate(gov, lex):
            continue
        other = next((f for f in figures
                      if f.kind and f.noun is not None and f.noun.head.i == gov.head.i), None)
        if other is not None and not _is_zero(other):
            fig.kind, fig.group = other.kind, other.group


def _own_fate(word: Token, lex: _Lexicon) -> bool:
    """'killed 280,000 and displaced millions', 'killed and millions displaced': a count with a
    participle of its own that is no harm is not the victims of the verb it is coordinated with."""
    return any(c.dep_ in ("acl", "amod") and c.pos_ == "VERB" and _lemma(c) not in lex.harm_verbs
               for c in word.children)


def _tie_subsets(figures: list[_Figure], sent: _Sentence, lex: _Lexicon) -> None:
    """'35 civilians, including two children': a figure after a subset cue is part of the one before."""
    for n, fig in enumerate(figures):
        before_fig = sent.lowers_in(max(fig.start - 2, sent.start), fig.start)
        # 'including two children', 'mostly women', 'among them 10 children'; but not
        # 'six civilians were among 22 killed', where the figure after 'among' is the total.
        is_part = bool(before_fig) and (
            before_fig[-1] in lex.part_cues
            or tuple(before_fig[-2:]) in PART_BEFORE
        )
        after_fig = sent.lowers_in(fig.end, min(fig.end + 2, sent.end))
        # '12 people were killed, 5 of them children'
        is_part = is_part or tuple(after_fig) in PART_AFTER
        if not is_part or fig.subset:
            continue
        before = [f for f in figures[:n] if f.kind is not None and not f.subset]
        after = [f for f in figures[n + 1:] if f.kind is not None and not f.subset]
        anchor = before[-1] if before else (after[0] if after else None)
        # a part is no larger than a written whole (a vague one is a floor: 'dozens ..., including
        # 37'): 'killed 280,000 ... forced millions to flee, including five million abroad' counts
        # none of the dead
        if anchor is not None:
            fig.subset = True
            fig.kind = anchor.kind if anchor.vague or _value(fig.count) <= _value(anchor.count) else None


def _tie_additions(figures: list[_Figure], sent: _Sentence, lex: _Lexicon) -> None:
    """'killed 5 soldiers and executed 3 others', 'six children were also killed', 'four more
    died': a figure marked as further victims is added to the figure of its kind before it."""
    for n, fig in enumerate(figures):
        if fig.subset or fig.kind not in ("killed", "injured") or _is_zero(fig) or not _is_addition(fig, sent, lex):
            continue
        prev = next((f for f in reversed(figures[:n]) if f.kind == fig.kind and not f.subset
                     and f.group != fig.group and not _is_zero(f)), None)
        if prev is None:
            continue
        old = fig.group
        for other in figures:
            if other.group == old:
                other.group = prev.group


def _is_addition(fig: _Figure, sent: _Sentence, lex: _Lexicon) -> bool:
    """'3 others', '4 more', 'another 3', 'a further 3', '6 children were also killed'."""
    for k in (fig.start, fig.start + 1, fig.end):
        # 'another 3', 'a further 3', '4 more', '3 others'; not the hedge 'more than 20'
        if k < sent.end and sent.lower(k) in lex.additive_words and sent.lower(k + 1) != "than" \
                and (k == fig.end or k < fig.end - 1):
            return True
    noun = fig.noun
    if noun is None or noun.i < fig.start:
        return False
    if noun.lower_ in lex.additive_words:
        return True
    predicate = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    return predicate is not None and any(c.dep_ == "advmod" and c.lower_ in lex.additive_words
                                         for c in predicate.children)


def _share_hedges(figures: list[_Figure], sent: _Sentence, lex: _Lexicon) -> None:
    """'killing at least 34 and injuring 117', 'at least 331 killed and 945 wounded': a lower
    bound before the first of coordinated tolls holds for a bare count after it too."""
    for left, right in zip(figures, figures[1:], strict=False):
        if left.subset or right.subset or left.kind is None or right.kind is None or left.vague or right.vague:
            continue
        if left.count.min is None or left.count.max is not None:
            continue
        if right.count.min is None or right.count.min != right.count.max or _is_zero(right):
            continue
        if not _is_number_text(sent.lower(right.start)):
            continue  # the right count has a hedge of its own ('about 20')
        left_end = left.noun.i + 1 if left.noun is not None and left.noun.i >= left.end else left.end
        between = sent.tokens_in(left_end, right.start)
        if not any(t.lower_ == "and" for t in between):
            continue
        if all(t.lower_ in ("and", ",") or t.pos_ == "AUX" or _harm_kind(t.i, sent, lex) for t in between):
            right.count = Count(min=right.count.min, max=None)


def _is_zero(fig: _Figure) -> bool:
    return fig.count.max == 0


def _is_about(fig: _Figure, words: frozenset[str]) -> bool:
    return fig.noun is not None and (fig.noun.lower_ in words or _lemma(fig.noun) in words)


# The dependents of a clause that can name what a toll is of: its subject ('the war has killed'),
# its object ('put the toll from the conflict at'), a phrase of when or by what ('killed in the
# conflict', 'died during the war', 'killed by the insurgency').
_TOLL_HOLDER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "prep", "agent", "npadvmod"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})


def _of_whole_conflict(fig: _Figure, sent: _Sentence, lex: _Lexicon) -> bool:
    """A figure told of a whole war, not of one strike: 'the war has killed 300,000', '191,000
    have been killed in the conflict', 'killed since the conflict began', 'since the start of the
    uprising', 'a conflict that has killed 100,000', 'put the death toll from the conflict at
    470,000', 'the killing of 100,000 in the insurgency', 'The war began in 2011. Since then
    300,000 have been killed'. The war is a noun of casualties.yaml conflict_nouns that the
    figure's clause takes as its subject, object or phrase, that a toll noun above the figure is
    of, that the clause describes (or a stretch of it: 'years of conflict in which'), or whose
    start the sentence before tells ('since then')."""
    node = sent.token(fig.end - 1)
    for _ in range(8):  # up to the clause that tells the figure
        if node.pos_ in _CLAUSE_POS or node.head.i == node.i:
            break
        if (_lemma(node) in lex.toll_nouns and _toll_of_conflict(node, lex)) or any(
                c.dep_ == "prep" and c.lower_ in ("in", "during") and _of_conflict(c, lex, prep=True)
                for c in node.children):
            return True  # 'the killing of at least 100,000 people in the insurgency', '20,000 civilians in the war'
        node = node.head
    told = node
    while told.dep_ == "conj" and told.head.i != told.i:
        told = told.head  # 'the war that began in 2011 and which has since killed 280,000'
    if told.dep_ == "relcl" and (_is_conflict(told.head, lex) or (
            _lemma(told.head) in lex.conflict_periods and _of_conflict(told.head, lex))):
        return True  # 'a conflict that has killed 100,000', 'five years of conflict in which 300,000 died'
    # coordinated verbs share their phrases: 'have been killed and millions displaced since the
    # war began' (the parse hangs the 'since' clause on the last of them); 'are estimated to have
    # been killed since ...' tells its phrase in the verb it governs
    clauses = [node, *(c for c in node.children if c.dep_ in ("conj", "xcomp") and c.pos_ in _CLAUSE_POS)]
    clauses += [g for c in node.children if c.dep_ == "conj" for g in c.children if g.dep_ == "acl"]
    return any(_clause_names_conflict(clause, lex) for clause in clauses)


def _clause_names_conflict(node: Token, lex: _Lexicon) -> bool:
    for child in node.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in child.children):
            if any(c.dep_ in ("nsubj", "nsubjpass") and _starts_conflict(c, child, lex) for c in child.children):
                return True  # 'killed since the conflict began', 'since protests erupted'
        elif child.dep_ == "prep" and child.lower_ == "since" and any(
                c.lower_ == "then" for c in child.children if c.dep_ in ("pcomp", "pobj", "advmod")):
            if _war_began_before(child, lex):
                return True  # 'The war began in 2011. Since then, 300,000 have been killed.'
        elif child.dep_ in _TOLL_HOLDER_DEPS and _names_conflict(child, lex):
            return True
    return False


def _starts_conflict(subject: Token, verb: Token, lex: _Lexicon) -> bool:
    """The subject of a 'since' clause opens a war's span: a war ('since the conflict began'), or
    an unrest told as starting ('since protests against the regime erupted')."""
    return _is_conflict(subject, lex) or (_lemma(subject) in lex.unrest_nouns and _lemma(verb) in lex.conflict_starts)


def _war_began_before(since: Token, lex: _Lexicon) -> bool:
    """'Since then' points to the sentence before: it tells when a war began when it names a war
    with a verb of starting or a 'since' of its own ('The conflict broke out in 2011 when ...', 'The
    country has been locked in a civil war since 2012'). An operation or an offensive begun there
    is no war: its toll is the campaign's, told as the strike's."""
    sent = since.sent
    if sent.start == 0:
        return False
    before = since.doc[sent.start - 1].sent
    return any(_is_conflict(t, lex) for t in before) and any(
        _lemma(t) in lex.conflict_starts or (t.lower_ == "since" and t.dep_ in ("prep", "mark")) for t in before)


def _names_conflict(word: Token, lex: _Lexicon) -> bool:
    """The word is a war ('the war'), a phrase of one ('in the conflict', 'since the start of the
    uprising', 'over three years of turmoil'), or a toll of one ('the toll from the conflict')."""
    if _is_conflict(word, lex):
        return True
    if word.dep_ in ("prep", "agent"):
        return any(c.dep_ == "pobj" and (_is_conflict(c, lex) or _lemma(c) in lex.conflict_periods
                                         and _of_conflict(c, lex)) for c in word.children)
    return _lemma(word) in lex.toll_nouns and _toll_of_conflict(word, lex)


def _toll_of_conflict(noun: Token, lex: _Lexicon) -> bool:
    """'the toll from the conflict', "the war's toll", 'deaths in the war'."""
    return any(c.dep_ == "poss" and _is_conflict(c, lex) for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "during") and _of_conflict(c, lex, prep=True)
        for c in noun.children)


def _of_conflict(word: Token, lex: _Lexicon, prep: bool = False) -> bool:
    """A preposition whose object is a war (prep=True), or a noun with 'of' a war ('the start of
    the uprising', 'years of turmoil')."""
    preps = [word] if prep else [c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(c.dep_ == "pobj" and _is_conflict(c, lex) for p in preps for c in p.children)


def _is_conflict(word: Token, lex: _Lexicon) -> bool:
    return _lemma(word) in lex.conflict_nouns


def _summarise(figures: list[_Figure], lex: _Lexicon) -> Casualties:
    # 'five were killed in the strike, raising the toll of the war to 35,000': the war's toll is
    # not the strike's; a sentence that tells only a war's toll gives it, marked whole.
    own = [f for f in figures if f.kind is not None and not f.whole]
    out = Casualties(whole=not own and any(f.kind is not None for f in figures))
    if own:
        figures = [f for f in figures if not f.whole]
    for kind in ("killed", "injured"):
        tied = [f for f in figures if f.kind in (kind, "killed+injured")]
        if not tied:
            continue
        totals = _group_totals([f for f in tied if not f.subset], lex)
        if kind == "killed":
            adults = [(c, f) for c, f in totals if not _is_about(f, lex.children_or_women)]
            pool = adults or totals
        else:
            pool = totals
        if not pool:
            pool = [(f.count, f) for f in tied]
        # An exact figure beats a vague floor ('At least 19 were killed ... after an attack left
        # dozens dead'); among the rest the highest wins (an updated toll, a total over parts).
        count, fig = max(pool, key=lambda cf: (not cf[1].vague, _value(cf[0]), cf[1].start))
        if fig.vague:
            # 'dozens were killed, including at least 29 in one town': the written part is a floor
            parts = [_value(f.count) for f in tied if f.subset and not f.vague]
            if parts and max(parts) > _value(count):
                count = Count(min=max(parts), max=None)
            else:  # the figure is the vague word's smallest sense: say so (fusion prefers written counts)
                count = Count(min=count.min, max=count.max, vague=True)
        if kind == "killed":
            out.killed = count
            out.victims = fig.noun.lower_ if fig.noun is not None and fig.count.max != 0 else None
            if out.victims in ("one",):
                out.victims = None
            children = [f for f in tied if _is_about(f, lex.children_words)]
            women = [f for f in tied if _is_about(f, lex.women_words)]
            if children:
                out.children_killed = max(_value(f.count) for f in children)
            if women:
                out.women_killed = max(_value(f.count) for f in women)
        else:
            out.injured = count
    return out


def _group_totals(figures: list[_Figure], lex: _Lexicon) -> list[tuple[Count, _Figure]]:
    """Each figure, and the sum of each coordination ('nine children and 14 others' is 23),
    represented by its first member that is not only children or women."""
    groups: dict[int, list[_Figure]] = {}
    for fig in figures:
        groups.setdefault(fig.group, []).append(fig)
    out = [(fig.count, fig) for fig in figures]
    for members in groups.values():
        if len(members) > 1:
            adult = [f for f in members if not _is_about(f, lex.children_or_women)]
            out.append((_sum_counts(f.count for f in members), (adult or members)[0]))
    return out


def _sum_counts(counts: Iterable[Count]) -> Count:
    counts = list(counts)
    mins = [c.min for c in counts]
    maxes = [c.max for c in counts]
    return Count(
        min=sum(mins) if all(m is not None for m in mins) else None,
        max=sum(maxes) if all(m is not None for m in maxes) else None,
    )


def _value(count: Count) -> int:
    return count.min if count.min is not None else (count.max or 0)


def is_subset_toll(casualties: Casualties) -> bool:
    """A toll of children or women only ('two children were killed') is part of a strike's toll,
    not a rival figure for it."""
    if casualties.killed is None:
        return False
    lex = load_casualty_lexicon()
    return ((casualties.victims or "").lower() in lex.children_or_women
            or casualties.killed.min in (casualties.children_killed, casualties.women_killed))


def merge_casualties(items: list[Casualties], conflict: Literal["range", "max"] = "range") -> Casualties:
    """Gather the figures told by several mentions of one strike.

    Killed: with conflict='max' the highest figure (the latest among equals, as an updated
    toll); with conflict='range' differing figures become a range from the lowest to the
    highest (CONVENTIONS rule 7), open-ended when the highest is itself 'at least N'.
    Injured is always the highest (rule 7: the latest or highest). Children and women killed:
    the highest. Victims: those of the chosen killed figure.

    Args:
        items: the Casualties of each mention, in text order.
        conflict: 'range' or 'max'.
    Returns:
        one Casualties.
    """
    if conflict not in ("range", "max"):
        raise ValueError(f"conflict must be 'range' or 'max', not {conflict!r}")
    out = Casualties()
    killed = [(c.killed, c) for c in items if c.killed is not None]
    # A toll of children or women only is part of the strike's total, not a rival figure.
    totals = [(k, c) for k, c in killed if not is_subset_toll(c)]
    killed = totals or killed
    if killed:
        best, owner = max(reversed(killed), key=lambda kc: _value(kc[0]))
        out.killed, out.victims = best, owner.victims
        distinct = {(k.min, k.max) for k, _ in killed}
        # Only exact tolls conflict (rule 7: 32 and 74 -> 32-74); a floor such as 'dozens' or
        # 'at least 34' beside a higher figure is superseded by it.
        exact = all(k.min is not None and k.min == k.max for k, _ in killed)
        if conflict == "range" and len(distinct) > 1 and exact:
            low = min(_value(k) for k, _ in killed)
            high = None if best.max is None else max(k.max or k.min or 0 for k, _ in killed)
            out.killed = Count(min=low, max=high)
            if out.killed.max is not None and out.killed.max == low:
                out.killed = best
    injured = [c.injured for c in items if c.injured is not None]
    if injured:
        out.injured = max(reversed(injured), key=_value)
    children = [c.children_killed for c in items if c.children_killed is not None]
    women = [c.women_killed for c in items if c.women_killed is not None]
    out.children_killed = max(children) if children else None
    out.women_killed = max(women) if women else None
    if out.victims is None:
        out.victims = next((c.victims for c in items if c.victims), None)
    return out
