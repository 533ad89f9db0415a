"""The components of one act told as a list of names: 'assaults on A and the B and C camps',
'firing in the regions of A, B and C', 'retook towns including A in April and B in July',
'the targeted bases include A, B and C' (CONVENTIONS 1: each component is an event of its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from peacewatch.extract.mentions import Mention
from peacewatch.grammar import ITEM_OPENERS, LIST_JOINERS, LIST_OPENERS, NUMERIC_LABELS, PLACE_PREPS
from peacewatch.nlp import lowers, sentence_of

# Entity labels a name in a list never has: times and counts ('in April and May'). (A town may be
# labelled a people, NORP: only a plural name is taken for a people, 'Israelis and Palestinians'.)
_NOT_NAMES = NUMERIC_LABELS | {"MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
# How a later item of a list hangs in the parse: coordinated, apposed, or after 'followed by'.
_ITEM_DEPS = frozenset({"conj", "appos", "pobj", "nmod", "compound"})
# What ends the words that describe an item ('A in the north of X, B ...').
# Prepositions whose object may be a list of places or sites acted on ('in A and B', 'from A and B').
_LIST_PREPS = (PLACE_PREPS - {"to", "of"}) | {"from", "against"}
_DESCRIPTION_ENDS = frozenset({",", ";", ".", ":", "\u2014", "\u2013", "(", ")"})


@dataclass(frozen=True)
class Component:
    """One named item of a list: its words, and the time told with it ('Gao in March')."""

    name: Span
    time: Span | None = None


@dataclass(frozen=True)
class ListedAct:
    """The items an act is told of; `keeps_whole` when the act also has its own object beside the
    list ('retook key towns, including A and B': the towns, then A and B)."""

    items: list[Component]
    keeps_whole: bool

    @property
    def span(self) -> Span:
        """The words from the first item's name to the last one's ('A, B and C')."""
        first, last = self.items[0].name, self.items[-1].name
        return first.doc[first.start:last.end]


def listed_components(mention: Mention) -> ListedAct | None:
    """The named items one mention's act is aimed at or held in, when there are several.

    Args:
        mention: an event mention of one clause.
    Returns:
        the list (two items or more, or one beside a whole that keeps its own event), or None.
    """
    for start, keeps_whole in _list_starts(mention):
        items = _read_list(start)
        if len(items) >= (1 if keeps_whole else 2):
            return ListedAct(items=items, keeps_whole=keeps_whole)
    return None


def _list_starts(mention: Mention) -> list[tuple[Token, bool]]:
    """Where a list may begin: after 'including' on an object, at a named object or place, or as
    the object of 'include' whose subject names the act ('the targeted bases include A ...')."""
    starts: list[tuple[Token, bool]] = []
    anchors = list(mention.targets) + _place_objects(mention)
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in LIST_OPENERS:
                starts.extend((_name_of(p), True) for p in prep.children if p.dep_ == "pobj")
        starts.append((_name_of(anchor), False))
    owner = mention.trigger.head if mention.trigger.dep_ == "amod" else mention.trigger
    if owner.dep_ in ("nsubj", "nsubjpass") and owner.head.lemma_.lower() in LIST_OPENERS:
        starts.extend((_name_of(o), False) for o in owner.head.children if o.dep_ == "dobj")
    return starts


def _place_objects(mention: Mention) -> list[Token]:
    """The objects of the places the clause names ('in A', 'from A' of a withdrawal), and of the
    event noun a verb carries ('launched assaults on A and B')."""
    found: list[Token] = []
    heads = {mention.trigger.i: mention.trigger, mention.clause.i: mention.clause}
    heads.update({c.i: c for c in mention.trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"})
    if mention.trigger.dep_ in ("nsubj", "nsubjpass"):
        heads[mention.trigger.head.i] = mention.trigger.head  # 'shelling was reported in A and B'

    for head in heads.values():
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _LIST_PREPS:
                found.extend(p for p in prep.children if p.dep_ == "pobj")
    return found


def _name_of(token: Token) -> Token:
    """The name a noun phrase stands for: 'the city of A' -> A; 'the A and B camps' -> A."""
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                named = [p for p in child.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
                if named:
                    return named[0]
            if child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and child.conjuncts:
                return child
    return token


def _read_list(first: Token) -> list[Component]:
    """The items of a list read along the words from its first item: names joined by commas, 'and',
    'or', 'followed by', each perhaps with words about it ('A in eastern X', 'B, a town in Y') and
    a time (given to the items before it that have none: 'C and D in October')."""
    if first.pos_ != "PROPN" or first.ent_type_ in _NOT_NAMES:
        return []
    doc = first.doc
    end = sentence_of(doc, first.i).end
    items: list[Component] = []
    untimed: list[Span] = []
    i = first.left_edge.i if first.left_edge.i <= first.i else first.i
    while i < end:
        while i < end and doc[i].pos_ in ITEM_OPENERS:
            i += 1
        name = _name_at(doc, i, end)
        if name is None or (items and name.root.dep_ not in _ITEM_DEPS):
            break
        untimed.append(name)
        i = name.end
        i, time = _skip_description(doc, i, end, name)
        if time is not None:
            items.extend(Component(name=n, time=time) for n in untimed)
            untimed = []
        joiner = _joiner_at(doc, i, end)
        if joiner == 0:
            break
        i += joiner
    items.extend(Component(name=n) for n in untimed)
    return items


def _name_at(doc: Doc, i: int, end: int) -> Span | None:
    """A proper name starting at i: proper nouns, and the marks and words inside one entity
    ('Bosnia and Herzegovina', 'Trinidad and Tobago'), never across a comma."""
    j = i
    while j < end:
        token = doc[j]
        # 'Bosnia and Herzegovina' is one name, 'Kharkiv and Kyiv' two, though the model may make both
        # one entity: a conjunct of the name so far starts the next name (the caller asks the
        # gazetteer about the whole)
        inside = j > i and token.ent_iob_ == "I" and token.text != "," and not (
            token.pos_ == "CCONJ" and j + 1 < end and doc[j + 1].dep_ == "conj" and i <= doc[j + 1].head.i < j)
        if (token.pos_ == "PROPN" and token.ent_type_ not in _NOT_NAMES and token.tag_ != "NNPS") or inside:
            j += 1
            continue
        break
    while j > i and doc[j - 1].pos_ != "PROPN":
        j -= 1
    return doc[i:j] if j > i else None


def _skip_description(doc: Doc, i: int, end: int, name: Span) -> tuple[int, Span | None]:
    """Past the words about an item: a phrase of place or time ('in eastern X', 'in April'), an
    apposition ('A, a town in Y,'); returns where the next joiner may stand and the time told."""
    time = None
    while i < end:
        token = doc[i]
        if token.pos_ == "ADP":
            j = i + 1
            while j < end and doc[j].text not in _DESCRIPTION_ENDS and not (
                    doc[j].pos_ == "CCONJ" and doc[j].ent_iob_ != "I"):
                j += 1
            time = next((e for e in doc[i:j].ents if e.label_ in NUMERIC_LABELS), None) or time
            i = j
            continue
        appos = [c for c in name.root.children if c.dep_ == "appos" and c.i > i]
        if token.text == "," and appos and appos[0].left_edge.i == i + 1:
            i = appos[0].right_edge.i + 1
            continue
        break
    return i, time


def _joiner_at(doc: Doc, i: int, end: int) -> int:
    """How many words join two items at i ('and', ', and', 'followed by'); 0 when none does."""
    lower = lowers(doc)
    for joiner in LIST_JOINERS:
        if tuple(lower[i:min(end, i + len(joiner))]) == joiner:
            return len(joiner)
    return 0
