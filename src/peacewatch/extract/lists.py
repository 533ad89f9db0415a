"""Several events told by one clause: the pieces of an act split by its list of targets, places or
sites, paired back so that each item is struck once, with its own target (CONVENTIONS 1 and 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Span, Token

from peacewatch.data.event_words import ActorWords
from peacewatch.extract.context import ArticleContext, Salient, actors_of, phrase
from peacewatch.extract.counts import parse_number
from peacewatch.extract.lexicon import get_lexicon
from peacewatch.extract.mentions import Mention
from peacewatch.extract.numbers import Casualties
from peacewatch.grammar import DEFINITE_ARTICLES, EXCHANGE_NOUNS, PLACE_PREPS
from peacewatch.schema import Actor, Count, Place

_WORD = re.compile(r"\w+", re.UNICODE)
# Where the words of a target stop naming what was hit: 'positions in A' names positions, not A
# ('the town of A' names A).
_LOCATING_PREPS = PLACE_PREPS - {"of"}


class Piece(Protocol):
    """What pairing reads and sets of one event being assembled (events.Draft)."""

    type: str
    source: Actor | None
    target: Actor | None
    places: list[Place]
    casualties: list[Casualties]


P = TypeVar("P", bound=Piece)
# People one side holds and frees (data/actor_words.yaml).
_CAPTIVE_NOUNS = ActorWords.load().captive_nouns
# Types whose list of objects names one party per item ('sanctioned a bank and a refinery').
LISTED_PARTY_TYPES = frozenset({"SANCTION"})
# What makes a noun a phrase of its own in a list: its article, number or owner ('a refinery',
# 'one individual', 'its owner').
_OWN_PHRASE_DEPS = frozenset({"det", "nummod", "poss"})
# Tags of a verb with a tense or a participle: no bare infinitive is coordinated with one.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})


def pair_items(pieces: Sequence[P]) -> list[P]:
    """One piece per listed item of one clause, with the target whose words hold that item.

    A clause with several targets ('shelled the A airport and the B camp') gives one piece per
    target, and its list of places one piece per place: the cross of the two tells each item twice
    under the wrong target. Of the pieces of one source at one place, the one whose target names
    that place is kept; when no target names it ('attacks on A and the B and C camps': A is only a
    place), one piece is kept with no target of its own (the place names who was hit). Targets that
    name none of the places (a list of places where 'civilians' were hit) leave the pieces as they are.

    Args:
        pieces: the drafts one mention gave, after every split.
    Returns:
        the pieces kept, in their order; a toll told for all stays on the first one kept.
    """
    groups: dict[tuple[str, str | None], list[P]] = {}
    for piece in pieces:
        groups.setdefault((piece.type, _side(piece.source)), []).append(piece)
    kept: list[P] = []
    for group in groups.values():
        kept.extend(_pair_group(group))
    return [p for p in pieces if any(p is k for k in kept)]


def _pair_group(group: list[P]) -> list[P]:
    placed = [p for p in group if p.places]
    names = list(dict.fromkeys(_place_words(p.places[0]) for p in placed))
    if len(names) < 2 or not any(_names(p.target, words) for p in placed for words in names):
        return group
    kept = [p for p in group if not p.places]
    for words in names:
        here = [p for p in placed if _place_words(p.places[0]) == words]
        own = next((p for p in here if _names(p.target, words)), None)
        if own is None:
            own = here[0]
            own.target = None  # the place alone says who was hit (events._assault_target)
        kept.append(own)
    dropped = [p for p in group if not any(p is k for k in kept)]
    toll = next((p.casualties for p in dropped if p.casualties), None)
    if toll and not any(p.casualties for p in kept):
        kept[0].casualties = list(toll)  # a toll told for all is not lost with the cross's pieces
    return kept


def _side(actor: Actor | None) -> str | None:
    return None if actor is None else actor.country or actor.name or actor.text


def _place_words(place: Place) -> frozenset[str]:
    return _content_words(place.text or place.name or "")


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in DEFINITE_ARTICLES)


def _names(target: Actor | None, words: frozenset[str]) -> bool:
    """The target's own words hold the place's ('the B camp' holds 'B camp' and 'B'; 'positions
    in B' does not: B is where the positions are)."""
    if target is None or not words:
        return False
    own = []
    for word in _WORD.findall((target.text or "").lower()):
        if word in _LOCATING_PREPS:
            break
        own.append(word)
    return words <= _content_words(" ".join(own))


def exchanged_captives(mention: Mention) -> Token | None:
    """'X released 30 hostages in exchange for 600 prisoners' ('in return for', 'in a swap for'):
    the captives the other side frees in return, an act of its own (a concession by the side that
    holds them, CONVENTIONS 4).

    Args:
        mention: an event mention.
    Returns:
        the noun of the captives given in return by the other side, or None.
    """
    if mention.type != "CONCEDE" or mention.reference:
        return None
    # the parse hangs the phrase on the verb or on its object
    heads = [mention.trigger, *(c for c in mention.trigger.children if c.dep_ == "dobj")]
    trades = [p for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "in"
              for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in EXCHANGE_NOUNS]
    # what the verb frees ('release' frees hostages, prisoners, soldiers, bodies ...)
    trigger = get_lexicon().verbs.get(mention.trigger.lemma_.lower())
    freed = (trigger.objects if trigger is not None and trigger.objects else frozenset()) | _CAPTIVE_NOUNS
    captives = [o for trade in trades for prep in trade.children if prep.dep_ == "prep" and prep.lower_ == "for"
                for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in freed]
    return captives[0] if captives else None


def share_infinitive_reading(mentions: list[Mention]) -> dict[int, Mention]:
    """'the decision to suspend the treaty and downgrade ties': a bare verb the parse coordinates
    with a finite verb far before it ('followed ... and downgrade') is the conjunct of the
    infinitive between them, and takes that infinitive's doer and status (a bare verb cannot be
    coordinated with a finite one).

    Args:
        mentions: the mentions of one sentence, changed in place.
    Returns:
        by id of each such conjunct's mention, the infinitive's (whose times are its times too).
    """
    shared: dict[int, Mention] = {}
    for mention in mentions:
        verb = mention.trigger
        if verb.tag_ != "VB" or verb.dep_ != "conj" or verb.head.tag_ not in _FINITE_TAGS:
            continue
        if any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children):
            continue
        siblings = [m for m in mentions if m is not mention and m.trigger.tag_ == "VB"
                    and verb.head.i < m.trigger.i < verb.i and _is_to_infinitive(m.trigger)]
        if siblings:
            nearest = max(siblings, key=lambda m: m.trigger.i)
            mention.sources = list(nearest.sources)
            mention.status = nearest.status
            shared[id(mention)] = nearest
    return shared


def _is_to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def coordinated_parties(mention: Mention, ctx: ArticleContext, salient: Salient) -> list[Actor]:
    """'sanctioned two banks and a refinery', 'the firm and one individual were sanctioned': the
    objects coordinated with a target, each a noun phrase of its own (with its article, number or
    owner), are parties of their own (CONVENTIONS 2: sanctions on two companies are two events).
    Named and plural conjuncts are read as parties already (context.expand); these are the
    singular common nouns, kept as written when no country or sector is told.

    Args:
        mention: an event mention; ctx, salient: what the actors are read with.
    Returns:
        one actor per such conjunct, for the types whose targets are told as such lists.
    """
    if mention.type not in LISTED_PARTY_TYPES:
        return []
    nouns = [c for target in mention.targets for c in target.conjuncts if c.pos_ == "NOUN" and c.tag_ == "NN"
             and not c.ent_type_ and any(d.dep_ in _OWN_PHRASE_DEPS for d in c.children)]
    out: list[Actor] = []
    for noun in nouns:
        read = actors_of([noun], ctx, salient)
        out.extend(read or [Actor(text=phrase(noun).text)])
    return out


def tolls_by_place(pieces: Sequence[P], sent: Span) -> None:
    """'killed three people in A and two in B': each place's strike takes the count told with it,
    when the counts told with the places add up to the toll read for the whole sentence, or that
    toll is the first of them (the sentence's reader sums a list of counts or takes its first).
    Changes the pieces in place; any other toll leaves them as they are."""
    placed = [p for p in pieces if p.type == "ASSAULT" and p.places]
    toll = next((c for p in placed for c in p.casualties), None)
    if len(placed) < 2 or toll is None:
        return
    counts = [_count_at(sent, p.places[0]) for p in placed]
    if any(n is None for n in counts):
        return
    total = sum(n for n in counts if n is not None)
    for kind in ("killed", "injured"):
        told = getattr(toll, kind)
        if told is not None and told.min == told.max and told.min in (total, counts[0]):
            for index, (piece, n) in enumerate(zip(placed, counts, strict=True)):
                own = replace(toll) if index == 0 else Casualties(victims=toll.victims)
                setattr(own, kind, Count(min=n, max=n))
                piece.casualties = [own]
            return


def _count_at(sent: Span, place: Place) -> int | None:
    """The number told with a place: 'two in B' (the number holds the place) or 'killed three
    people in A' (the verb holds the place, its object the number)."""
    words = (place.text or "").split()
    if not words:
        return None
    doc = sent.doc
    for token in sent:
        if doc[token.i:token.i + len(words)].text != " ".join(words):
            continue
        name = doc[token.i + len(words) - 1]
        if name.dep_ != "pobj" or name.head.dep_ != "prep":
            return None
        holder = name.head.head
        if holder.like_num:
            return parse_number(holder.text)
        # 'three villagers in A' (the noun holds the place), 'killed three people in A' (the verb does)
        nouns = [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")] if holder.pos_ == "VERB" else [holder]
        numbers = [c for n in nouns for c in n.children if c.dep_ == "nummod"]
        return parse_number(numbers[0].text) if len(numbers) == 1 else None
    return None
