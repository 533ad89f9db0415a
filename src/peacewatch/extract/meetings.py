"""Meetings of more than two parties: one CONSULT between the principal parties, the others and
the host or mediator named in its note (CONVENTIONS 2), and who hosts a meeting ('hosted by X')."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from peacewatch.data.event_words import EventWords
from peacewatch.extract.context import same_party
from peacewatch.extract.mentions import MEETING_TYPES, Mention
from peacewatch.schema import Actor

_WORDS = EventWords.load()

# Dependents of a meeting's noun or verb that tell who brought it about: 'talks hosted by X'
# (acl), 'the Kazakh-brokered talks' (amod), 'the talks were hosted by X' (the verb itself).
_HOSTING_DEPS = frozenset({"acl", "amod", "relcl"})
# Dependents of a hosting word that name the host: 'by X' (agent), 'X-brokered' (npadvmod, compound).
_NAME_DEPS = frozenset({"npadvmod", "compound", "nmod"})


@dataclass
class Sides:
    """The two principal parties of a meeting as drafts take them, what the note says of the rest,
    and the rest themselves (those also present, the host)."""

    sources: list[Actor]
    targets: list[Actor]
    note: str | None
    others: list[Actor]


def is_gathering(mention: Mention, sources: list[Actor], targets: list[Actor]) -> bool:
    """A meeting in person of more than two parties, or one whose words name its host, or one call
    that several parties hold together with another ('A, B and C held a call with X': a conference
    call). Other calls are not: 'X called A and B' tells two calls; nor visits to several places
    ('visited A and B'); nor a conversation not told as a meeting ('X spoke with A and B' may be
    two calls)."""
    if bool(host_list(mention)):
        return True
    if mention.mode == "phone":
        return len(sources) >= 2 and bool(targets) and is_one_held_call(mention)
    if mention.mode is None or (mention.mode == "visit" and len(targets) > 1):
        return False
    return len(sources) + len(targets) > 2


def is_one_held_call(mention: Mention) -> bool:
    """A single call its subjects hold, engage in or join together: a noun in the singular carried
    by a verb ('A and B held a call with X', 'joined a video call with X'), not the verb 'call'
    itself nor 'calls' (one each)."""
    noun = mention.trigger
    return mention.is_noun and noun.tag_ == "NN" and mention.clause.i != noun.i


def host_list(mention: Mention) -> list[Token]:
    """Who hosts or mediates a meeting, as its words tell it: 'talks hosted by X', 'a meeting
    convened by X', 'the talks were mediated by X', 'X-brokered talks'.

    Args:
        mention: a CONSULT mention.
    Returns:
        the host's head word, or nothing when the sentence names none.
    """
    for head in dict.fromkeys([mention.trigger, mention.clause]):
        words = [head] if _hosting(head) else []
        words += [c for c in head.children if c.dep_ in _HOSTING_DEPS and _hosting(c)]
        for word in words:
            found = _named_by(word)
            if found is not None:
                return [found]
    return []


def _hosting(token: Token) -> bool:
    return token.lemma_.lower() in _WORDS.hosting_verbs


def _named_by(word: Token) -> Token | None:
    """X of 'hosted by X' or of 'X-brokered'."""
    for child in word.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
        if child.dep_ in _NAME_DEPS and child.pos_ == "PROPN" and child.i < word.i:
            return child
    return None


def principal_sides(sources: list[Actor], targets: list[Actor], host: Actor | None, note: str | None) -> Sides:
    """One meeting of several parties as one dyad between its principal parties (CONVENTIONS 2):
    the first party of each side ('A, B and C met D': A and D; 'A, B and C met': A and B; on the
    other side, the first of another country than A's), the others listed in the note as present.
    A host or mediator is no principal party: it is named in the note, and when it stood on one
    side ('X met A and B, hosted by X') the other side's first two parties meet.

    Args:
        sources, targets: the meeting's parties as the sentence puts them (either may be empty).
        host: who hosted or mediated it, when its words say so (host_list).
        note: the note the meeting has so far.
    Returns:
        at most one source and one target, the note, and the parties beyond the two.
    """
    notes = [note] if note else []
    hosts: list[Actor] = []
    guests = [a for a in [*sources, *targets] if host is None or not _is_host(a, host)]
    if host is not None and len(guests) >= 2:
        # a host with one guest met that guest: it is a party (and named as such)
        sources = [a for a in sources if not _is_host(a, host)]
        targets = [a for a in targets if not _is_host(a, host)]
        notes.append(f"hosted by {host.name or host.text}")
        hosts.append(host)
    if not sources:
        sources, targets = targets[:1], targets[1:]
    if not targets:
        sources, targets = sources[:1], sources[1:]
    principals = [*sources[:1], *_counterpart(sources[:1], targets)]
    others = [a for a in [*sources, *targets] if not any(a is p or same_party(a, p) for p in principals)]
    names = [name for a in others if (name := a.name or a.text)]
    if names:
        notes.append("also present: " + ", ".join(dict.fromkeys(names)))
    return Sides(sources=principals[:1], targets=principals[1:2], note="; ".join(notes) or None,
                 others=[*others, *hosts])


def _counterpart(source: list[Actor], targets: list[Actor]) -> list[Actor]:
    """The principal party across the table from `source`: the first other party of another
    country ('X met his own aides and the foreign minister of Y': Y's), else the first one."""
    country = source[0].country if source else None
    foreign = [a for a in targets if a.country and country and a.country != country]
    return (foreign or targets)[:1]


def _is_host(party: Actor, host: Actor) -> bool:
    """The host read as a party: the same actor, or a phrase that holds the host's name ('the
    X-brokered' read as an author)."""
    return same_party(party, host) or bool(host.text and host.text in (party.text or "").split("-"))


def directions(kind: str, first: Actor, second: Actor) -> list[tuple[Actor, Actor]]:
    """The dyads of an act the two parties did to each other ('the two sides met', 'both sides
    accused each other'): a meeting, an agreement or a joint action is one act between them
    (CONVENTIONS 2: one CONSULT per meeting); mutual accusations or attacks are one each way.
    """
    if kind in MEETING_TYPES:
        return [(first, second)]
    return [(first, second), (second, first)]
