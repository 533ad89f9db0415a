"""Which event of a sentence a time expression dates, where the dependency parse alone misleads:
complement clauses, gerund and 'during' phrases that share a clause's time, the speaker of a saying.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from spacy.tokens import Span, Token

from peacewatch.data.event_words import EventWords
from peacewatch.data.reading_words import AgreementWords
from peacewatch.data.speech_words import SpeechWords
from peacewatch.extract.lexicon import Lexicon, get_lexicon
from peacewatch.grammar import (
    COMPLEMENT_DEPS,
    NOUN_MODIFIER_DEPS,
    PAST_AUXILIARIES,
    PAST_VERB_TAGS,
    PERIOD_PREPOSITIONS,
    SEQUENCE_PREPS,
    SIMULTANEOUS_PREPS,
    SPAN_PREPOSITIONS,
    SUBJECTS,
    TIME_ADJUNCT_PREPS,
    TIME_LABELS,
    TIME_MODIFIER_DEPS,
    WHEN_ADVERBS,
)
from peacewatch.nlp import tokens_of
from peacewatch.resolve.time import Offset, anchor_date, detect_future_tense
from peacewatch.schema import Actor, When

__all__ = ["SAYING_TYPES", "after_publication", "comparison_frame", "complement_clause", "done_by_publication",
           "follows_event", "is_bare_line", "names_the_act", "opens_period", "same_speaker", "sharing_preposition",
           "shifted_from_told_date", "time_anchor_root", "time_host", "told_ahead", "told_anchor_date", "told_aside",
           "truce_period"]

# The event types a saying makes (CONVENTIONS 3: condemning, appealing or demanding, warning).
SAYING_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})


class _Told(Protocol):
    """What these rules read of a mention (extract/mentions.Mention)."""

    @property
    def clause(self) -> Token: ...

    @property
    def trigger(self) -> Token: ...


# Nouns of a truce (data/agreements.yaml) and verbs of a period's onset (data/speech_words.yaml):
# a time that names or bounds a truce is its period ('an Easter truce', 'a ceasefire starting Monday').
_TRUCE_NOUNS = frozenset(AgreementWords.load().ceasefire_nouns)
_ONSET_VERBS = frozenset(SpeechWords.load().onset_verbs)
# Objects through which a verb acts on a truce ('declared a truce', 'agreed to a truce').
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})

# Nouns of a batch of acts ('a series of attacks', 'a wave of strikes'): data/event_words.yaml.
_BATCH_NOUNS = frozenset(EventWords.load().batch_nouns)
# The most prepositional phrases between a noun and the act noun whose phrase holds it.
_OBJECT_PHRASE_DEPTH = 3

# Precisions of a time that can frame a comparison ('this year', 'since January', 'in months');
# a day never does ('its biggest attack on Sunday' tells when).
_FRAME_PRECISIONS = frozenset({"year", "month", "season", "quarter", "decade"})


def comparison_frame(time_root: Token, precision: str | None, clauses: Iterable[int] = ()) -> bool:
    """'its deadliest assault on Kyiv this year', 'killing 12 in the biggest attack this year', 'the
    largest attack since January', 'the deadliest in months': a period beside a superlative is the
    frame of the comparison, not the time of the act. So is one told in a clause that opens the
    period ('their biggest exchange since the war began three years ago', 'in one of the worst
    strikes since the offensive started in 2022'): neither the act's time nor the story's, unless
    that clause tells an event of its own (`clauses`, the token indices of the sentence's event
    clauses: 'the deadliest attack since shelling killed 40 in May 2019' dates that shelling)."""
    if precision is not None and precision not in _FRAME_PRECISIONS:
        return False
    host = time_root.head
    if host.dep_ == "prep":
        host = host.head
    in_period = opens_period(host) and host.i not in set(clauses)
    if in_period:
        host = host.head
    near = [host, *(c for c in host.children if c.dep_ in ("dobj", "attr", "acomp", "nsubj", "nsubjpass"))]
    words = near + [p for w in near for prep in w.children if prep.dep_ == "prep"
                    for p in prep.children if p.dep_ == "pobj"]
    if in_period:  # 'in one of the worst strikes': the superlative one step further down
        words += [p for w in words for prep in w.children if prep.dep_ == "prep"
                  for p in prep.children if p.dep_ == "pobj"]
    return any(w.tag_ == "JJS" or any(c.dep_ == "amod" and (c.tag_ == "JJS" or any(
        a.lower_ == "most" for a in c.children)) for c in w.children) for w in words)


def told_aside(time_root: Token, when: When | None = None, story: date | None = None) -> bool:
    """A time told in a relative clause, a participle after a name or a clause that opens a period
    ('the talks that they broke off in 2022', 'the war, which began with the invasion in 2022',
    'Crimea, annexed in 2014', 'since the offensive started in May'): the time of the thing that
    clause describes, not the time the story has reached, so it does not date the next sentences'
    acts by narrative (it may still date its own clause's act). A participle after a common noun
    keeps a recent day, the story's own moment ('the attack, carried out on Sunday', 'the scene
    captured by crews on Sunday'), but not a time long past, which describes the noun's history
    ('ties shredded by the invasion three years ago', 'a port built in the 1990s').
    Args: time_root, the root of the time's span; when, its reading; story, the story's day (both
    None: a participle after a common noun keeps its time)."""
    node = time_root
    while node.head.i != node.i:
        if node.dep_ == "relcl" or node.dep_ == "acl" and node.head.pos_ == "PROPN" or opens_period(node):
            return True
        if node.dep_ == "acl" and node.head.pos_ == "NOUN" and not _recent(when, story):
            return True
        node = node.head
    return False


# The most days before the story's day that a time may lie and still be the story's own moment
# (a weekday named without a date reads within the last seven).
RECENT_DAYS = 7


def _recent(when: When | None, story: date | None) -> bool:
    if when is None or story is None:
        return True
    if when.precision != "day" or not when.value:
        return False
    return 0 <= (story - date.fromisoformat(when.value)).days <= RECENT_DAYS


def told_ahead(span: Span) -> bool:
    """A time told in a clause about the future ('the envoy is due in the capital this week',
    'talks will resume later this month'): a time the story has not reached, so it does not date
    the next sentences' acts by narrative (a day after the story's day is left out anyway; these
    are the times of the current week, month or year). A time of a verb told in the past is not,
    whatever cue follows it ('when asked on Thursday if he thinks X will listen')."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.tag_ in PAST_VERB_TAGS:  # told in the past: a time the story has reached
        return False
    sent = span.sent
    return detect_future_tense(sent.text, span.start_char - sent.start_char)


def opens_period(verb: Token) -> bool:
    """A clause that opens or closes a period ('since the war began', 'until the talks end')."""
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SPAN_PREPOSITIONS for c in verb.children)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _opens_with_when(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in WHEN_ADVERBS for c in verb.children)


def complement_clause(node: Token, clauses: Iterable[int]) -> Token | None:
    """The one event clause a word that tells no event hands its time to.

    'the decision on Wednesday to suspend the treaty' (an infinitive after a noun), 'a development
    on Sunday, when rebels fired ...' (a 'when' clause after a noun), 'disputes led to combat in
    late July that killed dozens' (the complement of a verb that is no event): the time hung on
    the word dates the event its clause tells. A main clause keeps its time ('said on Monday that
    X struck' is the saying's day, and the story's).
    Args: node, the word the time hangs on (through its preposition); clauses, the token indices
    of the event clauses of the sentence.
    Returns: that clause's verb, or None when there is none or more than one.
    """
    if node.head.i == node.i:
        return None
    wanted = set(clauses)
    if node.pos_ in ("NOUN", "PROPN"):
        found = [c for c in node.children if c.i in wanted and (
            c.dep_ == "acl" and _is_infinitive(c) or c.dep_ == "relcl" and _opens_with_when(c))]
    elif node.pos_ == "VERB":
        found = [c for c in node.children if c.i in wanted and c.dep_ in COMPLEMENT_DEPS]
    else:
        return None
    return found[0] if len(found) == 1 else None


def sharing_preposition(mention: _Told) -> Token | None:
    """The preposition through which a mention shares the time of the clause it is told in:
    'during a meeting' (a noun in a phrase of the same time), 'after blaming X' (a gerund
    without its own subject). Returns the preposition, whose head is that clause's verb, or None."""
    word = mention.trigger if mention.trigger.pos_ in ("NOUN", "PROPN") else mention.clause
    prep = word.head
    if word.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    if word.dep_ == "pobj":
        return prep if prep.lower_ in SIMULTANEOUS_PREPS else None
    if word.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in word.children):
        return None
    return prep if prep.lower_ in SIMULTANEOUS_PREPS | SEQUENCE_PREPS else None


def time_host(time_root: Token, owner: Token | None, prep: Token, precision: str | None) -> bool:
    """Whether a time dates the clause of `prep`'s verb (it hangs on that verb, or its owner
    is the event that verb tells) and passes to the act told in the phrase: a time of the same
    moment always; across 'after'/'before' only a month or coarser ('last September after
    blaming X': a sequence inside one month), since the days may differ.
    Args: time_root, the root of the time's span; owner, the clause verb of the event that took
    the time (None if none did); prep, from sharing_preposition; precision, the time's."""
    verb = prep.head
    hangs = time_root.head.i == verb.i and time_root.dep_ in TIME_MODIFIER_DEPS
    if not hangs and (owner is None or owner.i != verb.i):
        return False
    return prep.lower_ not in SEQUENCE_PREPS or precision not in ("day", None)


def same_speaker(a: Actor | None, b: Actor | None) -> bool:
    """Whether two actors may be one speaker: the same country and sector, and, when both are
    named, a word of the name in common ('the Thai army' ... 'the Royal Thai Army'); a former
    rebel leader and the president of one country are two speakers."""
    if a is None or b is None or a.country != b.country:
        return False
    if a.sector and b.sector and a.sector != b.sector:
        return False
    words_a, words_b = (set((x.name or "").lower().split()) for x in (a, b))
    return not words_a or not words_b or bool(words_a & words_b)


# The most words of a line that is no sentence: a photo credit, an agency's name, a section heading.
BARE_LINE_WORDS = 3


def is_bare_line(sent: Span) -> bool:
    """A line of a few words alone, no sentence ('AFP', 'Highlights', 'Related'): a caption's
    credit or a heading, which ends what came before it; a time told above it (a photo's date)
    is not the time of the story told below."""
    tokens = tokens_of(sent)
    if not tokens or not tokens[-1].text.endswith("\n"):
        return False  # most sentences end no line
    words = [t for t in tokens if not t.is_space]
    return 0 < len(words) <= BARE_LINE_WORDS and all(t.is_alpha for t in words)


def follows_event(noun: Token, clause: Token) -> bool:
    """Whether a clause tells what came right after the event a noun names: 'after the talks, X
    said', 'after repelling the attack, officers seized ...' (the noun the object of a gerund
    without its own subject). The clause's act takes that event's day."""
    node = noun
    if node.dep_ == "dobj" and node.head.dep_ == "pcomp" and node.head.tag_ == "VBG" and not any(
            c.dep_ in SUBJECTS for c in node.head.children):
        node = node.head
    elif node.dep_ != "pobj":
        return False
    prep = node.head
    return prep.dep_ == "prep" and prep.lower_ in TIME_ADJUNCT_PREPS and prep.head.i == clause.i


def truce_period(time_root: Token) -> bool:
    """Whether a time is the period of a truce rather than the time of an act on it: the holiday or
    day that names the truce ('declared an Easter truce', 'a Christmas ceasefire'), or a phrase that
    bounds it, on the truce noun, on a word of its taking effect, or on the verb that acts on it
    ('a truce for Easter', 'a ceasefire for 30 days', 'declared a truce, effective from 6 pm Saturday
    until midnight Sunday', 'announced a truce from Saturday to Monday', 'agreed a ceasefire starting
    Monday'). The declaring, agreeing or proposing took place at another time: the sentence's, the
    story's. A truce the act takes place in keeps its time ('strikes during the Christmas truce')."""
    node, bounded, last = time_root, False, time_root
    while node.head.i != node.i and not _is_truce(node) and _in_period_phrase(node):
        bounded = bounded or node.dep_ == "prep" and node.lower_ in PERIOD_PREPOSITIONS
        last, node = node, node.head
    if _is_truce(node):  # the phrase hangs on the truce noun itself
        return (bounded or last.dep_ in NOUN_MODIFIER_DEPS) and not (
            node.dep_ == "pobj" and node.head.lower_ in SIMULTANEOUS_PREPS)
    if not bounded and not (node.lemma_.lower() in _ONSET_VERBS and node.tag_ == "VBG"):
        return False
    if node.pos_ in ("ADJ", "VERB") and node.dep_ in ("advcl", "acl", "amod", "xcomp") and not any(
            c.dep_ in SUBJECTS or c.dep_ == "dobj" for c in node.children):
        node = node.head  # 'effective from ...', 'starting Monday': the period of what it hangs on
        if _is_truce(node):
            return True
    return node.pos_ in ("VERB", "AUX") and _acts_on_truce(node)


def _in_period_phrase(node: Token) -> bool:
    """A word of the phrase a time is told in: its prepositions and the time words they chain
    through ('until midnight Sunday', 'from 18:00 to zero hours from Sunday', 'an Easter truce')."""
    if node.dep_ == "prep":  # 'on Monday' beside a period ('for 30 days on Monday') is no bound of it
        return node.lower_ in PERIOD_PREPOSITIONS
    timely = node.ent_type_ in TIME_LABELS or node.pos_ in ("NUM", "PROPN")
    return timely and (node.dep_ == "pobj" or node.dep_ in NOUN_MODIFIER_DEPS)


def _is_truce(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in _TRUCE_NOUNS or token.lower_ in _TRUCE_NOUNS)


def _acts_on_truce(verb: Token) -> bool:
    """'declared a truce', 'agreed to a ceasefire', 'a truce was announced'."""
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ not in SIMULTANEOUS_PREPS
                for p in c.children if p.dep_ == "pobj"]
    return any(_is_truce(o) for o in objects)


def _act_objects(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Each trigger verb's nouns that name its act as its object ('launch' -> 'attack', ...)."""
    return {lemma: frozenset(trigger.objects or ()) | frozenset(trigger.object_types) | frozenset(trigger.light_types)
            for lemma, trigger in lex.verbs.items()}


def names_the_act(noun: Token, mention: _Told) -> bool:
    """Whether a noun is the object through which the mention's verb tells its act ('launched
    attacks', 'has launched a series of attacks'): its lemma one the verb's trigger takes as the
    object of its event, the verb's direct object or the counted noun of a batch that is. A time the
    parse hung on that noun ('a series of attacks throughout the winter'), or on a noun of its phrase
    ('strikes on the depots throughout the winter'), dates the act.
    Args: noun, the noun a time hangs on; mention, an event mention of its sentence."""
    lemma = mention.trigger.lemma_.lower()
    lex = get_lexicon()
    if lemma not in lex.verbs or mention.trigger.pos_ not in ("VERB", "AUX"):
        return False
    objects = lex.gathered("dating.act_objects", _act_objects)[lemma]
    for _ in range(_OBJECT_PHRASE_DEPTH):
        # 'strikes on the island's depots throughout the winter': a noun of the act noun's own phrase
        if noun.lemma_.lower() in objects or noun.dep_ != "pobj" or noun.head.head.pos_ != "NOUN":
            break
        noun = noun.head.head
    if noun.lemma_.lower() not in objects:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _BATCH_NOUNS:
        noun = noun.head.head
    return noun.dep_ == "dobj" and noun.head.i == mention.trigger.i


def done_by_publication(dates: list[When], verb: Token, published: date | None) -> list[When]:
    """The dates an act told as done can have. 'Putin has proposed talks in Istanbul on May 15', in
    an article of May 11: an act told in the past (a past verb, or a perfect one with 'has', 'have' or
    'had') had happened by the day it was published, so a day after that is the time of what the act
    is about (the talks proposed), not of the act, and is dropped; the act then takes the sentence's
    or the story's time."""
    if published is None or not _told_as_done(verb):
        return dates
    return [when for when in dates if not after_publication(when, published)]


def _told_as_done(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in PAST_AUXILIARIES for c in verb.children)


def after_publication(when: When, published: date | None) -> bool:
    """Whether a date lies wholly after the news day, at its own precision ('next week'): it
    cannot be the date of what the story tells."""
    if published is None or not when.value:
        return False
    return when.value > published.isoformat()[:len(when.value)]


def shifted_from_told_date(offset: Offset | None, when: When) -> bool:
    """A time anchored on an act whose own date the anchor phrase tells ('weeks after X invaded Y
    in February 2022', 'days after the 2014 annexation'): the resolver shifted it from that date
    already (at the precision the shift allows), so it dates the act as it is; no event of the
    article is needed to anchor it.
    A day or month named without its year ('a week after the attack on Tuesday') needs the
    publication date to be placed: it is left to the anchor event's own date (extract/events._offset_date).
    Args: offset, the time's offset (None: no offset); when, its reading.
    """
    if offset is None or not when.value:
        return False
    return anchor_date(offset.anchor, None) is not None


def time_anchor_root(span: Span, offset: Offset | None) -> Token:
    """The word a time hangs on, for finding the act it dates: 'met in X, weeks after Russia invaded
    Y in 2022' is parsed as one span whose root is the anchor's own verb ('invaded', a clause under
    'met'); the time dates the clause above it, not the act it counts from.
    Args: span, the time's words; offset, its offset (None: no offset).
    Returns: the verb above an anchoring clause, else the span's root."""
    root = span.root
    if offset is None or offset.anchor is None or root.dep_ not in _ANCHOR_CLAUSE_DEPS or root.head.i == root.i:
        return root
    return root.head if root.pos_ in ("VERB", "AUX") else root


# How an anchoring clause hangs on the clause it dates ('met ..., weeks after X invaded Y').
_ANCHOR_CLAUSE_DEPS = frozenset({"advcl"})


def told_anchor_date(span: Span, when: When, offset: Offset | None, clause: Token) -> When | None:
    """The date of the act a time counts from, when that act's clause is the time's own anchor and
    tells its date ('weeks after Russia invaded Ukraine in February 2022': the invasion's is
    February 2022), read from the anchor's own words with no publication date (resolve.time.anchor_date).
    Args: span, when, offset: a time of the sentence; clause, the verb of an act.
    Returns: the anchor's date, or None when `clause` is not the anchor's verb or it tells none."""
    if offset is None or not when.value or span.root.i != clause.i:
        return None
    return anchor_date(offset.anchor, None)
