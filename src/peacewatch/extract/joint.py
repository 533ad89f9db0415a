"""Acts done together: 'X joined Y in urging W', 'X joined Y in condemning the attack'. The act
the gerund tells is each joiner's own (one event per dyad, CONVENTIONS 2)."""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.data.event_words import EventWords

_WORDS = EventWords.load()


def joined_act(verb: Token) -> Token | None:
    """The verb of joining whose shared act `verb` tells: 'joined Y in urging W' -> 'joined'.

    Args:
        verb: a gerund (the act).
    Returns:
        the joining verb, or None when `verb` is not the act of a joining.
    """
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    join = prep.head
    return join if join.pos_ == "VERB" and join.lemma_.lower() in _WORDS.joining_verbs else None


def partners(join: Token) -> list[Token]:
    """Y of 'X joined Y in urging W': whom the subject joined, a doer of the act too."""
    return [c for c in join.children if c.dep_ == "dobj"]
