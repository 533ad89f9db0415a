"""Attributed claims: who said what, in what kind of speech act, and what the article says of its truth.

A claim is a statement the article attributes to someone: a verb of saying with its speaker and
content ('X said that ...', '"...," X wrote', 'X condemned the attack', 'according to X, ...'),
a noun of saying that someone makes ('X returned with demands to ...'), a quotation that goes on
into the next sentence, or a media attribution ('..., per CNN'). The author's own sentences are
not claims. Each claim's status comes from the article's own words about it (data/claims.yaml,
`status_cues`), from a later denial or hedge that points back at it, or from the article
asserting the same thing in its own voice (corroboration).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import cast

from spacy import symbols
from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.parts_of_speech import ADJ, CCONJ, DET, NOUN, NUM, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from peacewatch.data.reading_words import ClaimWords
from peacewatch.extract.actors import describe_actor, is_role_phrase
from peacewatch.extract.context import (
    COLLECTIVE_PARTIES,
    PAIR_WORDS,
    ArticleContext,
    Salient,
    expand,
    first_country,
    phrase,
    recent_pair,
    remember_subjects,
    resolve_pronoun,
    sentence_times,
)
from peacewatch.extract.countries import country_name, country_of
from peacewatch.extract.quotes import quoted_tokens_of
from peacewatch.grammar import (
    CHARGE_PREPS,
    CLOSE_QUOTES,
    COMPLEMENT_PREPS,
    CONDITION_MARKS,
    CONTENT_STOPS,
    CONTRAST_MARKS,
    GROUP_PRONOUNS,
    HYPOTHETICAL_MODALS,
    PERSON_PRONOUNS,
    POINTING_PRONOUNS,
    PREDICATE_PREPS,
    RECIPROCALS,
    RELATIVE_PRONOUNS,
    RELATIVE_SUBJECTS,
    SELF_PRONOUNS,
    SOURCE_PREPS,
    STRAIGHT_QUOTES,
)
from peacewatch.nlp import (
    doc_memo,
    lemmas,
    lowers,
    sentences,
    span_text,
    text_of,
    tokens_of,
    tokens_within,
    words,
)
from peacewatch.schema import Actor, Claim, Event, When

# Prepositions by which a role names the body it serves ('a spokesperson for X', 'the head of X').
ROLE_PREPS = frozenset({"for", "of"})
# Sectors (codes, not words) whose speakers make an article one of conflict or diplomacy.
CONFLICT_SECTORS = {"GOV", "MIL", "REB", "IGO", "NGO"}
# Which kind a merged claim keeps: the lower rank wins.
KIND_RANK = {"demand": 0, "denial": 1, "accusation": 2, "quote": 3, "statement": 4}
# Sentences back in which a quotation's speaker may be found ('"...," he said. "..."').
QUOTE_WINDOW = 1
# Sentences forward in which a later hedge or denial may point back at a claim.
BACK_REFERENCE_WINDOW = 3
# The speaker of what the author passes on as 'reportedly' so.
UNNAMED_REPORTS = "unnamed reports"
# Corroboration: the share of a clause's content words the article's own sentence must repeat.
CORROBORATION_SHARE = 0.6
CORROBORATION_MIN_WORDS = 3
# Two sentences that share this share of their words tell the same thing twice.
REPEAT_SHARE = 0.8
# Words other than names a claim shares with a disputed claim of its side that it retells.
RETOLD_WORDS = 2
# Words a claim must share with another side's confirmation of it (a name among them).
OTHER_SIDE_WORDS = 3
# An own sentence whose content words are this share of the claim's sentence's is a copy of it.
COPY_SHARE = 0.9
# A run of white space, one space in a claim's text.
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ClaimLexicon:
    verb_kinds: dict[str, str]
    object_content: frozenset[str]
    content_preps: dict[str, frozenset[str]]
    quote_only: frozenset[str]
    noun_kinds: dict[str, str]
    speaker_nouns: frozenset[str]
    local_speakers: frozenset[str]
    media_markers: frozenset[str]
    cues: dict[str, tuple[tuple[str, ...], ...]]
    claim_references: frozenset[str]
    accusing_words: frozenset[str]
    membership_words: frozenset[str]
    source_nouns: frozenset[str]
    denying_claims: frozenset[str]
    accusing_verbs: frozenset[str]
    accusation_nouns: frozenset[str]
    confirming_verbs: frozenset[str]
    media_verbs: frozenset[str]
    speaker_head_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    report_adverbs: frozenset[str]
    conflicts: tuple[tuple[str, ...], ...]


# The word lists of data/claims.yaml read as sets.
_WORD_SETS = ("object_content", "quote_only", "speaker_nouns", "local_speakers", "media_markers",
              "claim_references", "membership_words", "source_nouns", "denying_claims", "accusing_verbs",
              "accusation_nouns", "confirming_verbs", "media_verbs", "speaker_head_verbs",
              "naming_verbs", "report_adverbs")


@cache
def claim_lexicon() -> ClaimLexicon:
    """The claims lexicon (data/claims.yaml), loaded once."""
    words = ClaimWords.load()
    verb_kinds = {lemma: kind for kind, lemmas in words.speech_verbs.items() for lemma in lemmas}
    noun_kinds = {lemma: kind for kind, lemmas in words.claim_nouns.items() for lemma in lemmas}
    cues = {status: tuple(tuple(c.lower().split()) for c in phrases) for status, phrases in words.status_cues.items()}
    return ClaimLexicon(
        **{name: frozenset(getattr(words, name)) for name in _WORD_SETS},
        verb_kinds=verb_kinds,
        content_preps={k: frozenset(v) for k, v in words.content_preps.items()},
        noun_kinds=noun_kinds,
        cues=cues,
        conflicts=tuple(tuple(c.lower().split()) for c in words.conflict_cues),
        accusing_words=frozenset(w.lower() for w in words.accusing_words),
    )


@dataclass(frozen=True)
class _Spots:
    """The tokens of a doc where a claim reader may find something, each list in doc order,
    found in one pass over the doc: a reader then visits these tokens of a sentence, not all."""

    speech: list[int]  # a verb of saying, or of denying a claim
    nouns: list[int]  # a noun of saying or a source of figures
    according: list[int]
    media: list[int]  # a media marker ('per') or a media verb ('reports')
    references: list[int]  # a noun that points back at claims
    questions: list[int]  # '?'
    reports: list[int]  # an adverb of unnamed reports ('reportedly')
    every: list[int]  # a token of any of the lists above: a sentence with none starts no reader


@cache
def _spot_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas (lower case) that start the verb and the noun readers."""
    lex = claim_lexicon()
    return frozenset(lex.verb_kinds) | lex.denying_claims, frozenset(lex.noun_kinds) | lex.source_nouns


@cache
def _any_spot_words() -> tuple[frozenset[str], frozenset[str]]:
    """Every lemma and every lower-case form that makes a token a spot of some kind (_find_spots):
    a token with neither, most tokens of an article, is passed over after two look-ups."""
    lex = claim_lexicon()
    speech_lemmas, noun_lemmas = _spot_words()
    return (speech_lemmas | noun_lemmas | lex.media_verbs | lex.claim_references,
            lex.media_markers | lex.report_adverbs | {"according", "?"})


def _spots(doc: Doc) -> _Spots:
    return doc_memo(doc, "pw_claim_spots", _find_spots)


def _find_spots(doc: Doc) -> _Spots:
    lex = claim_lexicon()
    speech_lemmas, noun_lemmas = _spot_words()
    spot_lemmas, spot_lowers = _any_spot_words()
    spots = _Spots([], [], [], [], [], [], [], [])
    for i, (lemma, lower) in enumerate(zip(lemmas(doc), lowers(doc), strict=True)):
        if lemma not in spot_lemmas and lower not in spot_lowers:
            continue
        spots.every.append(i)
        if lemma in speech_lemmas:
            spots.speech.append(i)
        if lemma in noun_lemmas:
            spots.nouns.append(i)
        if lower == "according":
            spots.according.append(i)
        if lower in lex.media_markers or lemma in lex.media_verbs:
            spots.media.append(i)
        if lemma in lex.claim_references:
            spots.references.append(i)
        if lower == "?":
            spots.questions.append(i)
        if lower in lex.report_adverbs:
            spots.reports.append(i)
    return spots


@dataclass
class Draft:
    """A claim being read: one speaker, one speech act (merged per speaker and sentence)."""

    speaker: Actor | None
    speaker_token: Token | None
    kind: str
    content: list[Token]
    text: str
    first: int  # first sentence index of the evidence
    last: int  # last sentence index of the evidence
    verb: Token | None = None
    quoted: bool = False
    person: bool = False
    accused: Actor | None = None
    status: str = "not_assessed"
    cues: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    date: When | None = None
    # the content list its kind was last refined for (_refine_kind): a merge or a quotation that
    # goes on gives the draft a new list, and only then is the kind read again
    refined: list[Token] | None = None


def extract_claims(doc: Doc, ctx: ArticleContext, events: list[Event] | None = None) -> list[Claim]:
    """The attributed claims of one parsed article.

    Args:
        doc: the article parsed by peacewatch.nlp.
        ctx: the article's context (shared with the event reader).
        events: the article's events, for the country of local speakers ('the mayor said').
    Returns:
        claims in the order the article makes them, each with its evidence sentence(s).
    """
    lex = claim_lexicon()
    sents = sentences(doc)
    quoted = quoted_tokens_of(doc)
    home = ctx.home() or _story_country(events or [])
    salient: Salient = []
    drafts: list[Draft] = []
    spots = _spots(doc)
    for index, sent in enumerate(sents):
        if not _may_claim(sent, spots, quoted):
            remember_subjects(sent, ctx, salient)
            continue
        found = _verb_claims(sent, index, sents, quoted, ctx, salient, drafts, lex)
        found += _noun_claims(sent, index, quoted, ctx, salient, drafts, lex, found)
        found += _according_claims(sent, index, quoted, ctx, salient, drafts, lex, found)
        if not found:
            found = _media_claims(sent, index, ctx, lex)
        if not found:
            found = _reported_claims(sent, index, quoted, lex)
        if not found:
            found = _continued_quote(sent, index, sents, quoted, drafts)
        for draft in found:
            _localise(draft, home, lex)
            draft.date = draft.date or _claim_date(draft, sents, ctx)
        drafts.extend(_merge_by_speaker(found))
        remember_subjects(sent, ctx, salient)
    if not events and not any(d.speaker is not None and d.speaker.sector in CONFLICT_SECTORS for d in drafts):
        return []  # no conflict or diplomacy in the article: its quotations are not our claims
    told = {i for d in drafts for i in range(d.first, d.last + 1)}  # a repeat dropped is still not the author's
    drafts = _without_repeats(drafts, sents)
    _assess(drafts, sents, quoted, lex, told)
    return [_to_claim(d, sents) for d in drafts]


def _may_claim(sent: Span, spots: _Spots, quoted: frozenset[int]) -> bool:
    """Whether a claim reader can find something in the sentence: a spot of one (a verb or noun of
    saying, 'according', a media word, 'reportedly') or a quotation, which may go on from the claim
    before. Most sentences have neither: their readers would all return empty-handed."""
    every = spots.every
    i = bisect_left(every, sent.start)  # (no token made: this is asked of every sentence)
    return i < len(every) and every[i] < sent.end or bool(quoted) and not quoted.isdisjoint(range(sent.start, sent.end))


def _without_repeats(drafts: list[Draft], sents: list[Span]) -> list[Draft]:
    """A sentence the article tells twice (a lead repeated in the body) is one claim: of two claims
    of one speaker whose sentences are the same but for a few words, the one that says more stays."""
    if len(drafts) < 2:
        return drafts
    doc = sents[0].doc
    lows, alpha = lowers(doc), doc.to_array(IS_ALPHA).tolist()
    words = {first: {lows[i] for i in range(sents[first].start, sents[first].end) if alpha[i]}
             for first in {d.first for d in drafts}}
    dropped: set[int] = set()
    for i, first in enumerate(drafts):
        for j in range(i + 1, len(drafts)):
            later = drafts[j]
            if i in dropped or j in dropped or later.first == first.first \
                    or not _same_speaker(first.speaker, later.speaker):
                continue
            a, b = words[first.first], words[later.first]
            if a and b and len(a & b) >= REPEAT_SHARE * len(a | b):
                dropped.add(i if len(first.content) < len(later.content) else j)
    return [d for n, d in enumerate(drafts) if n not in dropped]


# ---------------------------------------------------------------- quotations


def _quote_tokens(sent: Span, quoted: frozenset[int]) -> list[Token]:
    return [t for t in tokens_of(sent) if t.i in quoted]


def _all_quoted(sent: Span, quoted: frozenset[int]) -> bool:
    words = [t for t in tokens_of(sent) if not t.is_punct and not t.is_space]
    return bool(words) and all(t.i in quoted for t in words)


def _quote_continues(sents: list[Span], index: int, quoted: frozenset[int]) -> int:
    """The last sentence of a quotation that opens in sentence `index` and runs on."""
    last = index
    while last + 1 < len(sents) and _ends_open(sents[last], quoted) and last - index < 3:
        last += 1
    return last


def _ends_open(sent: Span, quoted: frozenset[int]) -> bool:
    """The sentence ends inside a quotation (the closing mark is in a later sentence)."""
    end = next((t for t in reversed(tokens_of(sent)) if not t.is_space), None)
    if end is None:
        return False
    if end.text in CLOSE_QUOTES or end.text in STRAIGHT_QUOTES:
        return False
    return end.i in quoted or (end.is_punct and end.i - 1 in quoted)


# ---------------------------------------------------------------- verbs of saying


def _verb_claims(sent: Span, index: int, sents: list[Span], quoted: frozenset[int], ctx: ArticleContext,
                 salient: Salient, drafts: list[Draft], lex: ClaimLexicon) -> list[Draft]:
    out: list[Draft] = []
    taken: set[int] = set()
    # Once per sentence, not per verb: a long run-on sentence has many verbs of saying.
    spots = _spots(sent.doc)
    if any(t.i not in quoted and t.i - 1 not in quoted for t in tokens_within(spots.questions, sent)):
        return out  # a question asks, it claims nothing
    lems = lemmas(sent.doc)
    for verb in tokens_within(spots.speech, sent):
        lemma = lems[verb.i]
        kind = _speech_kind(verb, lems, lex)
        if kind is None or verb.i in quoted or verb.i in taken or verb.pos_ not in ("VERB", "AUX"):
            continue
        if not _is_asserted(verb):
            continue
        if _nested_in_speech(verb, lex):
            continue
        content, quoted_only = _content(verb, sent, quoted, lex)
        if not _content_words(content) and kind != "denial":
            continue  # nothing said: 'X said so', 'X confirmed it'
        if lemma in lex.naming_verbs and _prep_content(verb, sent, quoted, lex) is None:
            if verb.dep_ == "acl":
                continue  # 'a town called X': a name, no one speaks
            kind = "statement"  # 'called it fabricated': naming, not demanding
        last = index
        if quoted_only and _ends_open(sent, quoted):
            last = _quote_continues(sents, index, quoted)
            content = content + [t for s in sents[index + 1:last + 1] for t in tokens_of(s) if t.i in quoted]
        taken.update(t.i for t in content)
        speakers = _speakers(verb, sent, index, sents, ctx, salient, drafts, lex)
        text = _text_of(verb, content, kind, lex) if speakers else ""
        for speaker_token, speaker, person in speakers:
            draft = Draft(speaker=speaker, speaker_token=speaker_token, kind=kind, content=content,
                          text=text, first=index, last=last, verb=verb, quoted=quoted_only, person=person)
            if lemma in lex.confirming_verbs:
                draft.status = "confirmed"
                draft.cues.append(f"speech verb '{verb.text}'")
            _accusation_target(draft, verb, ctx, salient)
            out.append(draft)
    return out


def _speech_kind(verb: Token, lems: list[str], lex: ClaimLexicon) -> str | None:
    """The kind of speech act of a verb of saying, or of denying a claim ('rejected the accusation')."""
    lemma = lems[verb.i]
    kind = lex.verb_kinds.get(lemma)
    if kind is None and lemma in lex.denying_claims and any(
            c.dep_ == "dobj" and lems[c.i] in lex.claim_references for c in verb.children):
        return "denial"
    return kind


def _is_asserted(verb: Token) -> bool:
    """The speech act happened: not negated, not hypothetical (a question is checked by the caller)."""
    has_aux = False
    for c in verb.children:  # (one pass, the labels as ids: every verb of saying is asked)
        dep = c.dep
        if dep == symbols.neg:
            return False
        if dep in (symbols.aux, symbols.auxpass) and c.lower_ in HYPOTHETICAL_MODALS:
            return False
        if dep == symbols.mark and c.lower_ in CONDITION_MARKS:
            return False
        has_aux = has_aux or dep == symbols.aux
    if verb.tag_ == "VB" and not has_aux and verb.dep_ in ("xcomp", "ROOT"):
        return False  # an infinitive or an imperative: 'urged to say', 'Say it.'
    return True


def _nested_in_speech(verb: Token, lex: ClaimLexicon) -> bool:
    """A verb of saying inside what someone else says ('he said they would hope ...'); one set
    against it with its own speaker ('..., while Y said ...') is an account of its own."""
    if _own_account(verb) or _second_act(verb, lex) is not None:
        return False
    table = words(verb.doc)  # (the walk up reads the doc's lists: no Token made per step)
    node = verb.i
    for _ in range(6):
        head = node + table.head[node]
        if head == node:
            return False
        dep = table.dep[node]
        if dep in (symbols.ccomp, symbols.xcomp) and table.lemma[head] in lex.verb_kinds and head < verb.i:
            return True  # a frame after the clause ('X said Y, Z reports') does not own it
        if dep == symbols.pobj and table.lower[head] == "to" and table.lower[head + table.head[head]] == "according":
            return True
        node = head
    return False


def _content(verb: Token, sent: Span, quoted: frozenset[int], lex: ClaimLexicon) -> tuple[list[Token], bool]:
    """What the verb says, and whether it is only a quotation: the first reader that finds it,
    without another speaker's account set against it ('..., while Y said ...')."""
    for read in _CONTENT_READERS:
        found = read(verb, sent, quoted, lex)
        if found is not None:
            tokens, only_quoted = found
            lems = lemmas(verb.doc)
            other = {t.i for a in tokens if a.i != verb.i and lems[a.i] in lex.verb_kinds
                     and (_own_account(a) or _second_act(a, lex) is not None) for t in a.subtree}
            return (_trim([t for t in tokens if t.i not in other]) if other else tokens), only_quoted
    return [], False


def _second_act(verb: Token, lex: ClaimLexicon) -> Token | None:
    """'X said troops patrol the area and accused Y of ...': a verb of saying joined to the clause
    X says, in X's tense and with no subject of its own, is X's second act; its frame verb."""
    frame = verb.head.head
    if verb.dep_ != "conj" or verb.head.dep_ != "ccomp" or frame.lemma_.lower() not in lex.verb_kinds:
        return None
    if verb.tag_ != frame.tag_ or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return frame


def _own_account(verb: Token) -> bool:
    """'..., while a source close to the group said ...': a speaker's account set against another's."""
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in children) and any(
        c.dep_ == "nsubj" for c in children)


_Content = tuple[list[Token], bool]


def _clause_content(verb: Token, sent: Span, quoted: frozenset[int], lex: ClaimLexicon) -> _Content | None:
    """'X said that ...', 'X said: "..."': the clause the verb governs."""
    children = list(verb.children)
    # a clause told by another verb of saying is its own account ('Y accused Z, X said'), unless
    # it is a speech act nested in this one, and so no claim of its own ('X said that he hopes ...')
    clauses = [c for c in children if c.dep_ in ("ccomp", "parataxis")
               and (c.lemma_.lower() not in lex.verb_kinds or _is_asserted(c) and _nested_in_speech(c, lex))]
    if not (clauses and verb.lemma_.lower() not in lex.quote_only
            or (clauses and any(t.i in quoted for c in clauses for t in c.subtree))):
        return None
    tokens = [t for c in clauses for t in c.subtree]
    # 'stated that X was unacceptable as, according to Y, it fails ...': the reason is said too
    last = max(t.i for t in tokens)
    tokens += [t for c in children if c.i > last and (c.dep_ == "advcl" or (
        c.dep_ == "conj" and c.lemma_.lower() not in lex.verb_kinds
        and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children))) for t in c.subtree]
    if all(t.i in quoted for t in tokens if not t.is_punct):
        return _trim(_quote_tokens(sent, quoted)), True  # the whole quotation, its '?' and '!' too
    return _trim(tokens), False


def _prep_content(verb: Token, sent: Span, quoted: frozenset[int], lex: ClaimLexicon) -> _Content | None:
    """'called for a ceasefire': the object of the verb's own preposition."""
    preps = lex.content_preps.get(verb.lemma_.lower())
    if preps is None:
        return None
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in preps:
            objects = [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
            if objects:
                return _trim(objects), False
    return None


def _charge_content(verb: Token, sent: Span, quoted: frozenset[int], lex: ClaimLexicon) -> _Content | None:
    """'accused X of Y', 'blamed X for Y': the charge."""
    if verb.lemma_.lower() not in lex.accusing_verbs:
        return None
    of = [t for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in CHARGE_PREPS for t in prep.subtree]
    return (_trim(of[1:]), False) if of else None


def _object_content(verb: Token, sent: Span, quoted: frozenset[int], lex: ClaimLexicon) -> _Content | None:
    """'condemned the attack', 'described X as Y': the object, with its 'as', 'of' or 'for' phrase."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.object_content and lemma not in lex.denying_claims:
        return None
    children = list(verb.children)
    objects = [c for c in children
               if c.dep_ in ("dobj", "ccomp", "xcomp")
               and not (c.pos_ in ("VERB", "AUX") and c.lemma_.lower() in lex.verb_kinds)]
    if not objects:
        return None
    tokens = [t for c in objects for t in c.subtree]
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in PREDICATE_PREPS:
            tokens.extend(prep.subtree)
    return _trim(sorted(tokens, key=lambda t: t.i)), False


def _own_quote_content(verb: Token, sent: Span, quoted: frozenset[int], lex: ClaimLexicon) -> _Content | None:
    """'"...," X wrote.', 'He tweeted, "..."': the quotation next to the verb."""
    quote = _quote_tokens(sent, quoted)
    if quote and _quote_is_own(verb, quote):
        return _trim(quote), True
    return None


# The ways a verb of saying holds what it says, in the order they are tried.
_CONTENT_READERS: tuple[Callable[[Token, Span, frozenset[int], ClaimLexicon], _Content | None], ...] = (
    _clause_content, _prep_content, _charge_content, _object_content, _own_quote_content)


def _quote_is_own(verb: Token, quote: list[Token]) -> bool:
    """A quotation in the verb's sentence that no other clause of saying owns."""
    return not any(t.i == verb.i for t in quote)


def _trim(tokens: list[Token]) -> list[Token]:
    """Content words without a leading 'that' and without what follows a dash or semicolon
    ('..., – assertions that remain unverified' is the author's aside)."""
    if not tokens:
        return []
    tokens = sorted(tokens, key=_position)
    out: list[Token] = []
    lex = claim_lexicon()
    table = words(tokens[0].doc)  # (one list look-up per question, no Token attribute read)
    lows, punct = table.lower, table.punct  # punctuation has no case: its lower form is its text
    for token in tokens:
        if lows[token.i] in CONTENT_STOPS and out:
            break
        if lows[token.i] == "," and out and _starts_remark(token, lex):
            break  # '..., a claim that could not be verified': the author's remark on it
        out.append(token)
    while out and (punct[out[0].i] or (table.dep[out[0].i] == symbols.mark and lows[out[0].i] == "that")):
        out.pop(0)
    while out and (punct[out[-1].i] and lows[out[-1].i] not in ("!", "?") or table.pos[out[-1].i] == CCONJ):
        out.pop()
    return out


# A token's place in its doc, the key its content is sorted by.
_position = attrgetter("i")


def _starts_remark(comma: Token, lex: ClaimLexicon) -> bool:
    table = words(comma.doc)
    i = comma.i + 1
    while i < len(table.pos) and table.pos[i] in (DET, ADJ):
        i += 1
    return i < len(table.pos) and table.lemma[i] in lex.claim_references and table.pos[i] == NOUN


def _text_of(verb: Token | None, content: list[Token], kind: str, lex: ClaimLexicon) -> str:
    if not content:
        return ""
    doc = content[0].doc
    start, end = content[0].i, content[-1].i + 1
    if verb is not None and kind in ("accusation", "denial") and verb.lemma_.lower() in lex.object_content \
            and verb.i < start and verb.lemma_.lower() not in lex.accusing_verbs:
        # 'condemned the attack on X': the act of saying is the claim's content
        start = min([verb.i] + [c.i for c in verb.children if c.dep_ == "advmod" and c.i < verb.i])
    text = span_text(doc, start, end)
    return _SPACES.sub(" ", text).strip(" \"“”'")


# ---------------------------------------------------------------- speakers


def _speakers(verb: Token, sent: Span, index: int, sents: list[Span], ctx: ArticleContext,
              salient: Salient, drafts: list[Draft],
              lex: ClaimLexicon) -> list[tuple[Token, Actor, bool]]:
    """Who says it: (token, actor, is a person) for each speaker of the verb."""
    subject = _subject(verb)
    if subject is None:
        return []
    if subject.lower_ in SELF_PRONOUNS and subject.text != "US":
        return []
    if subject.lower_ in RELATIVE_SUBJECTS or _has_relative_pronoun(subject):
        antecedent = _antecedent(subject)
        if antecedent is None:
            return []
        tokens = expand([antecedent])
        if antecedent.dep_ == "conj":
            tokens = expand([antecedent.head])
        return [r for t in tokens if (r := _speaker(t, index, ctx, salient, drafts, lex)) is not None]
    if subject.lemma_.lower() in COLLECTIVE_PARTIES and any(c.lower_ in PAIR_WORDS for c in subject.children):
        pair = recent_pair(ctx, sents, index)
        if pair:
            return [(subject, pair[0], False), (subject, pair[1], False)]
        return []
    tokens = expand([subject])
    if len(tokens) > 1:
        # 'UN Resident and Humanitarian Coordinator X': two posts of one speaker
        tokens = [t for t in tokens if t.dep_ != "conj" or not is_role_phrase(phrase(t))]
    return [r for t in tokens if (r := _speaker(t, index, ctx, salient, drafts, lex)) is not None]


def _has_relative_pronoun(subject: Token) -> bool:
    """'both of whom said', 'X, which has waged ..., said': a relative pronoun among the phrase's
    own words (not those of its relative clauses)."""
    lows = lowers(subject.doc)
    if RELATIVE_PRONOUNS.isdisjoint(lows[subject.left_edge.i:subject.right_edge.i + 1]):
        return False  # a phrase's words lie between its edges: most phrases hold none
    return any(lows[c.i] in RELATIVE_PRONOUNS for c in _own_words(subject))


def _own_words(token: Token) -> list[Token]:
    """A phrase's words without its relative clauses ('X, which has waged ..., said')."""
    inside = {t.i for c in token.subtree if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in token.subtree if t.i not in inside]


def _subject(verb: Token) -> Token | None:
    """The speaker's token: the subject, the agent of a passive, or the subject the verb shares
    with the clause it hangs from ('posted on X stating that ...', 'adds, and tells ...')."""
    node = _second_act(verb, claim_lexicon()) or verb
    for _ in range(3):
        children = list(node.children)  # (spaCy makes each child anew at every pass)
        subjects = [c for c in children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # 'Bangkok, Oct 29 (AP) – A rebel group announced ...': the dateline parsed as a subject too
            return next((c for c in subjects if not _is_dateline(c)), subjects[0])
        if any(c.dep_ == "nsubjpass" for c in children):
            agents = [p for a in children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            return agents[0] if agents else None
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # 'with both parties accusing each other'
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep" and node.head.head.pos_ == "VERB":
            objects = [c for c in node.head.head.children if c.dep_ == "dobj"]
            if node.head.lower_ == "as":
                return objects[0] if objects else None  # 'Reuters quoted X as saying': X says
            node = node.head.head  # 'X suspended the talks after blaming Y for ...': X blames
            continue
        if node.dep_ == "pobj" and node.tag_ == "VBG":
            # 'despite Mr. X claiming that ...': the gerund's subject is parsed as its sibling
            before = [c for c in node.head.children
                      if c.dep_ == "pobj" and c.i < node.i and c.pos_ in ("PROPN", "NOUN")]
            return before[-1] if before else None
        if node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i and node.tag_ in ("VBG", "VBZ", "VBD",
                                                                                               "VBP", "VBN"):
            node = _nearer_clause(node) or node.head
            continue
        return None
    return None


def _nearer_clause(participle: Token) -> Token | None:
    """'X accused Y, a claim Z denied, calling it ...': a participle after a comma speaks for the
    nearest clause of saying before it, which the parse may not have made its head."""
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.head.i > participle.i:
        return None
    speech = _spot_words()[0]
    for token in reversed(participle.doc[participle.head.i + 1:participle.i]):
        if token.pos_ == "VERB" and token.lemma_.lower() in speech and any(
                c.dep_ == "nsubj" for c in token.children):
            return token
    return None


def _is_dateline(token: Token) -> bool:
    """The place of a dateline at the head of a sentence ('Bangkok, Oct 29 (AP) – ...')."""
    doc = token.doc
    return (token.ent_type_ == "GPE" and token.left_edge.i == token.sent.start and token.i + 1 < len(doc)
            and doc[token.i + 1].text == ",")


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative or 'both of whom' subject stands for: the noun before its clause."""
    doc = relative.doc
    i = relative.left_edge.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ in ("CCONJ", "ADP")):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN"):
        return None
    token = doc[i]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return token


def _speaker(token: Token, index: int, ctx: ArticleContext, salient: Salient,
             drafts: list[Draft], lex: ClaimLexicon) -> tuple[Token, Actor, bool] | None:
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        earlier = _earlier_speaker(index, drafts)
        actor = earlier if earlier is not None else resolve_pronoun(token, ctx, salient)
        return (token, actor.model_copy(update={"text": token.text}), True) if actor is not None else None
    if lower in GROUP_PRONOUNS or token.pos_ == "PRON":
        actor = _group_antecedent(token, index, ctx, drafts, lex) or resolve_pronoun(token, ctx, salient)
        return (token, actor.model_copy(update={"text": token.text}), False) if actor is not None else None
    if token.dep_ == "appos" and token.head.pos_ in ("PROPN", "NOUN"):
        token = token.head  # 'UK Prime Minister Sir X': the title and the name are one phrase
    actor = ctx.describe(token)
    span, table = phrase(token), words(token.doc)
    person = table.ent[token.i] == symbols.PERSON or symbols.PERSON in table.ent[span.start:span.end]
    if actor is None:
        if lex.speaker_nouns.isdisjoint(table.lemma[span.start:span.end]):
            return None
        text = phrase(token).text
        actor = Actor(text=text, name=_bare_name(phrase(token)), country=None, sector=None)
    if actor.country is None:
        country = _membership_country(token, ctx, lex)
        if country:
            actor = actor.model_copy(update={"country": country})
    return token, actor, person


def _earlier_speaker(index: int, drafts: list[Draft]) -> Actor | None:
    """The speaker of a recent claim that 'he' or 'she' stands for: a person, else one named by a
    noun that is neither a medium nor a country."""
    recent = [(d, d.speaker) for d in reversed(drafts[-6:]) if d.speaker is not None and index - d.last <= 3]
    for draft, speaker in recent:
        if draft.person:
            return speaker
    for draft, speaker in recent:
        if draft.speaker_token is not None and draft.speaker_token.tag_ in ("NNP", "NN") \
                and speaker.sector != "MED" and speaker.name != country_name(speaker.country or ""):
            return speaker
    return None


def _membership_country(token: Token, ctx: ArticleContext, lex: ClaimLexicon) -> str | None:
    """'X, who was part of the Ukrainian delegation, said', 'a source close to the group': the
    country of the body the speaker belongs to or is close to, told in a relative clause,
    apposition or adjective phrase; 'a spokesperson for the Kremlin': the body a role serves."""
    role = token.lemma_.lower() in lex.membership_words
    for clause in (c for c in token.children if c.dep_ in ("relcl", "appos", "acl", "amod")
                   or (role and c.dep_ == "prep" and c.lower_ in ROLE_PREPS)):
        words = list(clause.subtree)
        if clause.dep_ == "prep" or any(w.lemma_.lower() in lex.membership_words for w in words):
            code = first_country(words) or next(
                (code for w in words if w.pos_ == "PROPN" and (code := country_of(w.text))), None) or next(
                (actor.country for w in words if w.pos_ == "PROPN" and w.dep_ != "compound"
                 and (actor := ctx.describe(w)) is not None and actor.country), None)
            if code:
                return code
    return None


def _bare_name(span: Span) -> str:
    return " ".join(t.text for t in span if t.dep_ not in ("det", "poss") and not t.is_punct) or span.text


def _group_antecedent(token: Token, index: int, ctx: ArticleContext, drafts: list[Draft],
                      lex: ClaimLexicon) -> Actor | None:
    """'"...," it reads': the document or body named as a subject just before."""
    doc = token.doc
    start = max(0, token.sent.start - 400)
    quoted = quoted_tokens_of(doc)
    for candidate in reversed(doc[start:token.i]):
        if candidate.i in quoted:
            continue
        if candidate.dep_ in ("nsubj", "nsubjpass") and candidate.pos_ in ("NOUN", "PROPN") and (
                candidate.lemma_.lower() in lex.speaker_nouns or candidate.ent_type_ in ("ORG", "GPE", "NORP")):
            span = phrase(candidate)
            actor = ctx.describe(candidate)
            if actor is not None:
                return actor
            return Actor(text=span.text, name=_bare_name(span), country=None, sector=None)
    return None


def _localise(draft: Draft, home: str | None, lex: ClaimLexicon) -> None:
    """'the mayor said', 'authorities said', 'local reports said': a speaker named by a word of a
    local role speaks for the place where the story happens (docs/CODEBOOK.md, "Local speakers").
    A person or body named with no country of its own keeps none: a name alone does not say whose
    it is (a foreign official, a correspondent, a newspaper quoted in the story), and unknown is
    null, not a guess. International bodies and known media keep none."""
    speaker = draft.speaker
    if speaker is None or speaker.country or home is None or speaker.sector in ("IGO", "MED"):
        return
    token = draft.speaker_token
    words = {t.lemma_.lower() for t in phrase(token)} if token is not None else set()
    if words & lex.local_speakers:
        draft.speaker = speaker.model_copy(update={"country": home})
        draft.notes.append("speaker's country: the country where the story happens (a local speaker)")


def _story_country(events: list[Event]) -> str | None:
    """The country where the article's story happens: that of its first located violent event,
    else of its first located event."""
    located = [e for e in events if e.location is not None and e.location.country]
    violent = [e for e in located if e.type == "ASSAULT"]
    location = next((e.location for e in violent or located), None)
    return location.country if location is not None else None


def _accusation_target(draft: Draft, verb: Token, ctx: ArticleContext, salient: Salient) -> None:
    """Whom an accusation accuses: the object of 'accuse'/'blame', or the subject of the
    wrongdoing it reports."""
    if draft.kind != "accusation" or verb.lemma_.lower() not in claim_lexicon().accusing_verbs:
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and objects[0].lower_ in RECIPROCALS:
        return  # set per speaker by _merge_by_speaker for mutual accusations
    if objects and objects[0].pos_ != "PRON":
        accused = objects[0]
        # 'accused rebels of using gas' may hang 'of using gas' on the object: the accused ends before it
        charge = [c for c in accused.children if c.dep_ == "prep" and c.lower_ in CHARGE_PREPS and c.i > accused.i]
        span = phrase(accused)
        if charge:
            span = span.doc[span.start:charge[0].i]
        draft.accused = describe_actor(span, persons=ctx.persons) if len(span) else None
        if draft.accused is not None and accused.i not in {t.i for t in draft.content}:
            draft.text = f"{span.text} {draft.text}"


# ---------------------------------------------------------------- other ways of attributing


def _noun_claims(sent: Span, index: int, quoted: frozenset[int], ctx: ArticleContext,
                 salient: Salient, drafts: list[Draft], lex: ClaimLexicon,
                 found: list[Draft]) -> list[Draft]:
    """'X returned with additional demands to lift sanctions'; 'X's call for a ceasefire'."""
    out: list[Draft] = []
    covered = {t.i for d in found for t in d.content}
    spots = _spots(sent.doc)
    for noun in tokens_within(spots.nouns, sent):
        if noun.lemma_.lower() in lex.source_nouns and noun.pos_ == "NOUN" and noun.i not in quoted | covered:
            draft = _sourced_figure(noun, index, ctx, salient, drafts, lex)
            if draft is not None:
                out.append(draft)
            continue
        kind = lex.noun_kinds.get(noun.lemma_.lower())
        if kind is None or noun.pos_ != "NOUN" or noun.i in quoted or noun.i in covered:
            continue
        complement = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.tag_ in ("VB", "VBZ", "VBD")
                      and any(a.lower_ == "to" or a.dep_ == "mark" for a in c.children)]
        complement += [c for c in noun.children if c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS and any(
            p.dep_ in ("pobj", "pcomp") for p in c.children)]
        if not complement:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            node = noun
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head  # 'responded with anger and a call for ...'
            head = node.head.head if node.dep_ == "pobj" else node.head
            if node.dep_ in ("dobj", "pobj") and head.lemma_.lower() in lex.speaker_head_verbs and _is_asserted(head):
                owner = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if owner is None:
            continue
        spoken = _speaker(owner, index, ctx, salient, drafts, lex)
        if spoken is None:
            continue
        content = _trim(list(noun.subtree))
        start = min([t.i for t in content] + [c.i for c in noun.children if c.dep_ in ("amod",)])
        text = sent.doc[start:content[-1].i + 1].text if content else noun.text
        out.append(Draft(speaker=spoken[1], speaker_token=spoken[0], kind=kind, content=content, text=text,
                         first=index, last=index, person=spoken[2]))
    return out


def _sourced_figure(noun: Token, index: int, ctx: ArticleContext, salient: Salient,
                    drafts: list[Draft], lex: ClaimLexicon) -> Draft | None:
    """'Early reports from a volunteer aid group put the death toll at 57': the group says it."""
    source = next((p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in SOURCE_PREPS
                   for p in prep.children if p.dep_ == "pobj"), None)
    verb = next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    if verb is None and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        verb = noun.head
    if source is None or verb is None:
        return None
    spoken = _speaker(source, index, ctx, salient, drafts, lex)
    if spoken is None:
        return None
    skip = {t.i for t in noun.subtree if t.i < verb.i} if verb.head.i == noun.i else {t.i for t in noun.subtree}
    content = _trim([t for t in verb.subtree if t.i not in skip and t.i != noun.i])
    if not content:
        return None
    return Draft(speaker=spoken[1], speaker_token=spoken[0], kind="statement", content=content,
                 text=_text_of(None, content, "statement", lex), first=index, last=index, person=spoken[2])


def _according_claims(sent: Span, index: int, quoted: frozenset[int], ctx: ArticleContext,
                      salient: Salient, drafts: list[Draft], lex: ClaimLexicon,
                      found: list[Draft]) -> list[Draft]:
    """'According to X, ...': X says the rest of the sentence."""
    out: list[Draft] = []
    spots = _spots(sent.doc)
    for token in tokens_within(spots.according, sent):
        if token.lower_ != "according" or token.i in quoted:
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None or any(token.i in {t.i for t in d.content} for d in found):
            continue
        if _nested_in_speech(token.head, lex) or token.head.lemma_.lower() in lex.verb_kinds:
            continue
        spoken = _speaker(source, index, ctx, salient, drafts, lex)
        if spoken is None:
            continue
        skip = {t.i for t in token.subtree}
        content = _trim([t for t in tokens_of(sent) if t.i not in skip])
        out.append(Draft(speaker=spoken[1], speaker_token=spoken[0], kind="statement", content=content,
                         text=_text_of(None, content, "statement", lex), first=index, last=index, person=spoken[2]))
    return out


def _media_claims(sent: Span, index: int, ctx: ArticleContext, lex: ClaimLexicon) -> list[Draft]:
    """'..., per CNN', 'X reports': the outlet's own claim when no one else in the sentence speaks."""
    spots = _spots(sent.doc)
    for token in tokens_within(spots.media, sent):
        if token.lower_ in lex.media_markers and token.dep_ == "prep":
            source = next((c for c in token.children if c.dep_ == "pobj"), None)
        elif token.lemma_.lower() in lex.media_verbs and token.pos_ == "VERB":
            source = next((c for c in token.children if c.dep_ == "nsubj"), None)
        else:
            continue
        if source is None:
            continue
        actor = ctx.describe(source)
        if actor is None or actor.sector != "MED":
            continue
        skip = {t.i for t in token.subtree} | {token.i}
        if token.lemma_.lower() in lex.media_verbs:
            skip = {t.i for t in source.subtree} | {token.i}
        content = _trim([t for t in tokens_of(sent) if t.i not in skip])
        if not any(t.pos_ in ("VERB", "AUX") for t in content):
            continue  # '(Photo: X via AP)': a credit line says nothing
        return [Draft(speaker=actor, speaker_token=source, kind="statement", content=content,
                      text=_text_of(None, content, "statement", lex), first=index, last=index)]
    return []


def _reported_claims(sent: Span, index: int, quoted: frozenset[int], lex: ClaimLexicon) -> list[Draft]:
    """'It reportedly carried out raids on the capital.': the author passes on unnamed reports."""
    spots = _spots(sent.doc)
    for token in tokens_within(spots.reports, sent):
        if token.i in quoted or token.head.pos_ not in ("VERB", "AUX"):
            continue
        content = _trim([t for t in token.head.subtree if t.i != token.i and t.dep_ not in ("mark", "cc")
                         and not (t.head.i == token.head.i and t.dep_ == "prep" and t.lower_ == "with")])
        if not _content_words(content):
            continue
        speaker = Actor(text=token.text, name=UNNAMED_REPORTS, country=None, sector=None)
        return [Draft(speaker=speaker, speaker_token=None, kind="statement", content=content,
                      text=_text_of(None, content, "statement", lex), first=index, last=index)]
    return []


def _continued_quote(sent: Span, index: int, sents: list[Span], quoted: frozenset[int],
                     drafts: list[Draft]) -> list[Draft]:
    """A sentence that is all quotation, right after a quoted claim: the same speaker goes on."""
    if not drafts:
        return []
    previous = drafts[-1]
    if not previous.quoted or index - previous.last > QUOTE_WINDOW or previous.last >= index:
        return []
    if not _all_quoted(sent, quoted):
        return []
    content = _trim([t for t in tokens_of(sent) if t.i in quoted])
    if not content:
        return []
    if previous.kind == "quote" and previous.last == index - 1 and _ends_open(sents[index - 1], quoted):
        # the quotation opened after the speaker's sentence runs on: one quotation, one claim
        previous.last = index
        previous.content = previous.content + content
        previous.text = f"{previous.text}. {_text_of(None, content, 'quote', claim_lexicon())}"
        return []
    return [Draft(speaker=previous.speaker, speaker_token=previous.speaker_token, kind="quote", content=content,
                  text=_text_of(None, content, "quote", claim_lexicon()), first=index, last=index, quoted=True,
                  person=previous.person, notes=["a quotation that goes on from the sentence before"])]


def _merge_by_speaker(found: list[Draft]) -> list[Draft]:
    """One claim per speaker, sentence and speech act: 'said X and added Y' is one statement,
    'denied X, saying Y' one denial; 'acknowledged X and urged Y' are a statement and a demand."""
    out: list[Draft] = []
    lex = claim_lexicon()
    for draft in found:
        _refine_kind(draft, lex)
        key = _speaker_key(draft.speaker)
        same = next((d for d in out if key is not None and _speaker_key(d.speaker) == key and d.first == draft.first
                     and d.accused == draft.accused and _one_act(d, draft)), None)
        if same is None:
            out.append(draft)
            continue
        same.kind = min(same.kind, draft.kind, key=KIND_RANK.__getitem__)
        same.content = sorted({t.i: t for t in same.content + draft.content}.values(), key=lambda t: t.i)
        same.text = same.text if draft.text in same.text else f"{same.text}; {draft.text}" if same.text else draft.text
        same.last = max(same.last, draft.last)
        same.quoted = same.quoted and draft.quoted
        if draft.status != "not_assessed":
            same.status, same.cues = draft.status, same.cues + draft.cues
    # 'both parties accusing each other': each accuses the other
    mutual = [d for d in out if d.kind == "accusation" and d.verb is not None
              and any(c.lower_ in RECIPROCALS for c in d.verb.children if c.dep_ == "dobj")]
    if len(mutual) == 2:
        mutual[0].accused, mutual[1].accused = mutual[1].speaker, mutual[0].speaker
        for draft in mutual:
            if draft.accused is not None:
                draft.text = f"{draft.accused.name or draft.accused.text} {draft.text}"
    return out


def _one_act(first: Draft, later: Draft) -> bool:
    """Two readings of one speech act: the same words; a participle of saying that only restates
    or names ('denied the charge, saying ...', '..., calling it ...'; a quotation or accusation
    there is an act of its own); or
    the same kind, a statement and a quotation counting as one ('"...," he adds, and tells ...')."""
    if {t.i for t in first.content} & {t.i for t in later.content}:
        return True
    verb = later.verb
    if verb is not None and first.verb is not None and verb.dep_ == "advcl" and verb.tag_ == "VBG" \
            and (_nearer_clause(verb) or verb.head).i == first.verb.i:
        return later.kind == "statement" or verb.lemma_.lower() in claim_lexicon().naming_verbs
    if any(d.verb is not None and d.verb.dep_ == "relcl" for d in (first, later)):
        return False  # 'X, which says A, also said B': two statements
    return _NEUTRAL_KINDS.get(first.kind, first.kind) == _NEUTRAL_KINDS.get(later.kind, later.kind)


# Kinds that say something without accusing, denying or demanding: one act when merged.
_NEUTRAL_KINDS = {"quote": "statement"}


def _speaker_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return (actor.name or actor.text or "").lower() or actor.country


def _claim_date(draft: Draft, sents: list[Span], ctx: ArticleContext) -> When | None:
    """When it was said: a time expression outside the content and not in a clause of another verb
    ('the war that X launched three years ago', 'since X invaded Y in 2022' date no saying), else
    the publication date."""
    inside: set[int] | None = None  # made for the first time told (most sentences tell none)
    for span, when, offset, _ in sentence_times(sents[draft.first], ctx):
        if offset is not None or not when.value:
            continue
        if inside is None:
            inside = {t.i for t in draft.content}
        root = span.root
        if root.i not in inside and not _in_other_clause(root, draft.verb):
            return when
    return ctx.publication()


# Clauses whose time is theirs, not the saying's: 'the war that X launched three years ago', 'since
# X invaded Y in 2022', 'X said Y would attack on Monday'.
_OWN_TIME_CLAUSES = frozenset({"relcl", "advcl", "ccomp"})


def _in_other_clause(token: Token, verb: Token | None) -> bool:
    """Whether a word hangs on a clause of another verb (not one of saying: 'speaking on Sunday')
    before it reaches the verb of saying."""
    if verb is None:
        return False
    speech = _spot_words()[0]
    node = token
    while node.head.i != node.i and node.i != verb.i:
        node = node.head
        if node.i != verb.i and node.dep_ in _OWN_TIME_CLAUSES and node.lemma_.lower() not in speech \
                and not _simultaneous(node):
            return True
    return False


def _simultaneous(verb: Token) -> bool:
    """A present participle with no subject or conjunction of its own ('X, speaking on Sunday night,
    lauded ...') happens when its main clause does: its time is that clause's."""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


# ---------------------------------------------------------------- kind and status


def _assess(drafts: list[Draft], sents: list[Span], quoted: frozenset[int], lex: ClaimLexicon,
            claimed_sents: set[int]) -> None:
    for draft in drafts:
        _refine_kind(draft, lex)
        if draft.status != "not_assessed":
            continue
        cue = _cue_in(draft, sents, lex)
        if cue:
            draft.status, _ = cue
            draft.cues.append(cue[1])
    _later_references(drafts, sents, claimed_sents, lex)
    _conflicting_accounts(drafts, sents, claimed_sents, lex)
    _denials(drafts)
    _retold(drafts)
    _confirmed_by_the_other_side(drafts)
    _corroborate(drafts, sents, claimed_sents, quoted)


def _refine_kind(draft: Draft, lex: ClaimLexicon) -> None:
    """A statement or quotation whose content accuses is an accusation; a statement all quoted, a
    quotation. Read again only for new content (the kind, content and quoting change together)."""
    if draft.kind not in ("statement", "quote") or draft.refined is draft.content:
        return
    draft.refined = draft.content
    if _accuses(draft.content, lex):
        draft.kind = "accusation"
    elif draft.quoted:
        draft.kind = "quote"


def _accuses(content: list[Token], lex: ClaimLexicon) -> bool:
    """The content holds an accusing word ('war crime' as words in a row)."""
    if not content:
        return False
    doc = content[0].doc
    lows, lems = lowers(doc), lemmas(doc)
    at = [t.i for t in content]
    content_lowers = [lows[i] for i in at]
    if not lex.accusing_words.isdisjoint(content_lowers) or not lex.accusing_words.isdisjoint([lems[i] for i in at]):
        return True
    phrases = _accusing_phrases()
    if not phrases:
        return False
    text = " ".join(content_lowers)
    return any(w in text for w in phrases)


@cache
def _accusing_phrases() -> tuple[str, ...]:
    """The accusing words of more than one word, found in the content's text."""
    return tuple(w for w in claim_lexicon().accusing_words if " " in w)


def _cue_in(draft: Draft, sents: list[Span], lex: ClaimLexicon) -> tuple[str, str] | None:
    """The strongest verification cue the claim's own sentence gives."""
    if draft.verb is not None and _under_despite(draft.verb):
        return "disputed", "'despite' before the claim: the article contradicts it"
    words = " ".join(text_of(s) for s in sents[draft.first:draft.last + 1])
    for status in ("disputed", "unverified", "confirmed"):
        if status == "disputed" and draft.kind == "denial":
            continue
        cue = _first_cue(words, lex.cues.get(status, ()))
        if cue is not None:
            return status, f"'{' '.join(cue)}'"
    return None


def _under_despite(verb: Token) -> bool:
    """'Despite X's claims that ...': the verb of saying hangs under 'despite'."""
    table = words(verb.doc)  # (up the head offsets, as Token.ancestors goes: no Token made per step)
    node = verb.i
    for _ in range(len(table.head)):  # (spaCy's bound on a walk up a malformed parse)
        head = node + table.head[node]
        if head == node:
            return False
        if table.lower[head] == "despite":
            return True
        node = head
    return False


def _first_cue(text: str, cues: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The first of `cues`, in lexicon order, whose words the text holds in order, as words
    ('cannot' is one word there, two in a parse); one search for all of them says whether any is."""
    if not cues:
        return None
    words, pattern = _cue_search(cues)
    if text.isascii():  # a cue's longest word must be in the text (IGNORECASE folds only ASCII here)
        lowered = text.lower()
        if not any(word in lowered for word in words):
            return None
    if pattern.search(text) is None:
        return None
    return next(cue for cue in cues if _cue_pattern((cue,)).search(text) is not None)


@cache
def _cue_search(cues: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], re.Pattern]:
    """The longest word of each cue, once each (a text without any of them holds no cue), and the
    search for them all: one look-up of the cues per text (a tuple of cues is hashed at each)."""
    return tuple(dict.fromkeys(max(cue, key=len) for cue in cues)), _cue_pattern(cues)


@cache
def _cue_pattern(cues: tuple[tuple[str, ...], ...]) -> re.Pattern:
    return re.compile("|".join(r"\b" + r"\s+".join(map(re.escape, cue)) + r"\b" for cue in cues), re.I)


def _later_references(drafts: list[Draft], sents: list[Span], claimed: set[int], lex: ClaimLexicon) -> None:
    """'Moreover, X has failed to provide evidence bolstering its claims.': a hedge in a later
    sentence of the author's that points back at the claims."""
    spots = _spots(sents[0].doc) if sents else None
    for index, sent in enumerate(sents):
        if index in claimed or spots is None:
            continue
        refs = [t for t in tokens_within(spots.references, sent) if t.pos_ == "NOUN"
                and any(c.dep_ in ("poss", "det") for c in t.children)]
        if not refs:
            continue
        words = text_of(sent)
        found = next(((status, cue) for status in ("disputed", "unverified")
                      if (cue := _first_cue(words, lex.cues[status])) is not None), None)
        if found is None:
            continue
        earlier = [d for d in drafts if 0 < index - d.last <= BACK_REFERENCE_WINDOW and d.status == "not_assessed"]
        if not earlier:
            continue
        last = max(d.first for d in earlier)
        for draft in earlier:
            if draft.first == last:
                draft.status = found[0]
                draft.cues.append(f"'{' '.join(found[1])}' in a later sentence")


def _conflicting_accounts(drafts: list[Draft], sents: list[Span], claimed: set[int], lex: ClaimLexicon) -> None:
    """'The sides gave conflicting accounts.' and then each side's account: the author's sentence
    disputes the claims told in the sentences after it."""
    for index, sent in enumerate(sents):
        if index in claimed:
            continue
        cue = _first_cue(text_of(sent), lex.conflicts)
        if cue is None:
            continue
        for draft in drafts:
            if 0 < draft.first - index <= BACK_REFERENCE_WINDOW:
                _dispute(draft, f"'{' '.join(cue)}' in the sentence before")


def _denials(drafts: list[Draft]) -> None:
    """A denial disputes what another speaker claimed before it: the claims whose words it
    repeats a few sentences back, else the claim it names ('denied the accusation', 'dismissed
    it': the last accusation of another side, or the last claim). The denial is then disputed
    too: the article reports both sides (CONVENTIONS rule 9)."""
    for denial in (d for d in drafts if d.kind == "denial"):
        before = [d for d in drafts if d is not denial and d.kind != "denial" and d.first <= denial.first
                  and _speaker_key(d.speaker) != _speaker_key(denial.speaker)
                  and not _same_side(d.speaker, denial.speaker)]
        recent = [d for d in before if denial.first - d.first <= BACK_REFERENCE_WINDOW]
        answered = [d for d in recent if _content_words(d.content) & _content_words(denial.content)
                    or (d.first == denial.first and _denies_in_place(denial))]
        if not answered and _points_back(denial):
            accusations = [d for d in before if d.kind == "accusation"]
            named = accusations if accusations else [d for d in recent if _names_kind(denial, d)]
            answered = named[-1:]
        for other in answered:
            _dispute(other, f"denied by {denial.speaker.name if denial.speaker else 'another speaker'}")
        if answered:
            _dispute(denial, "it answers a claim of the other side")


def _denies_in_place(denial: Draft) -> bool:
    """'X accused Y of Z, a claim W denied': the denial hangs on a noun that names the claim."""
    verb = denial.verb
    return verb is not None and verb.dep_ == "relcl" and verb.head.lemma_.lower() in claim_lexicon().claim_references


def _retold(drafts: list[Draft]) -> None:
    """A disputed claim its side tells again a few sentences on ('Russia accused Ukraine of
    attacking the residence, a claim Kyiv denied. Lavrov said Ukraine attacked the residence.')
    is disputed again: the retelling shares at least two of its words other than names."""
    for disputed in [d for d in drafts if d.status == "disputed" and d.kind != "denial"]:
        words = _content_words(disputed.content) - _names(disputed.content)
        for draft in drafts:
            if draft.status == "not_assessed" and 0 < draft.first - disputed.first <= BACK_REFERENCE_WINDOW \
                    and draft.kind != "denial" and _same_side(draft.speaker, disputed.speaker) \
                    and len(words & _content_words(draft.content)) >= RETOLD_WORDS:
                _dispute(draft, "it retells a disputed claim of its side")


def _confirmed_by_the_other_side(drafts: list[Draft]) -> None:
    """'Israel said it killed X' and 'Hezbollah confirmed that X was killed in an Israeli strike':
    what one side confirms of what another side claims (the same name and at least two more of
    its words) is confirmed."""
    confirming = [d for d in drafts if d.verb is not None and d.status == "confirmed"
                  and d.verb.lemma_.lower() in claim_lexicon().confirming_verbs]
    if not confirming:
        return  # (most articles: no claim's words need reading)
    for draft in drafts:
        if draft.status != "not_assessed" or draft.speaker is None:
            continue
        words, names = _content_words(draft.content), _names(draft.content)
        for other in confirming:
            if _speaker_key(other.speaker) == _speaker_key(draft.speaker) or _same_side(other.speaker, draft.speaker):
                continue
            if names & _names(other.content) and len(words & _content_words(other.content)) >= OTHER_SIDE_WORDS:
                draft.status = "confirmed"
                draft.cues.append(f"confirmed by {other.speaker.name if other.speaker else 'another speaker'}")
                break


def _names(tokens: list[Token]) -> set[str]:
    if not tokens:
        return set()
    table = words(tokens[0].doc)
    return {table.lower[t.i] for t in tokens if table.pos[t.i] == PROPN}


def _dispute(draft: Draft, cue: str) -> None:
    if draft.status == "not_assessed":
        draft.status = "disputed"
        draft.cues.append(cue)


def _same_speaker(a: Actor | None, b: Actor | None) -> bool:
    """One speaker named in full and in short ('Sergei Lavrov', 'Lavrov')."""
    ka, kb = _speaker_key(a), _speaker_key(b)
    if ka is None or kb is None:
        return False
    wa, wb = set(ka.split()), set(kb.split())
    return wa <= wb or wb <= wa


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """Two speakers of one country ('Kyiv' and 'Ukraine's president'): one side."""
    return a is not None and b is not None and a.country is not None and a.country == b.country


def _names_kind(denial: Draft, claim: Draft) -> bool:
    """'the accusation' names an accusation; 'the claim', 'it' name any claim."""
    nouns = {t.lemma_.lower() for t in denial.content[:3]}
    if nouns & claim_lexicon().accusation_nouns:
        return claim.kind == "accusation"
    return True


def _points_back(denial: Draft) -> bool:
    lex = claim_lexicon()
    return any(t.lemma_.lower() in lex.claim_references or t.lower_ in POINTING_PRONOUNS
               for t in denial.content[:3])


def _content_words(tokens: list[Token]) -> set[str]:
    """The lemmas of the nouns, proper nouns, verbs, adjectives and numbers that are no stop words."""
    if not tokens:
        return set()
    words = doc_memo(tokens[0].doc, "pw_claim_content_words", _find_content_words)
    found = {words[token.i] for token in tokens}
    found.discard(None)
    return cast(set[str], found)


def _content_words_between(doc: Doc, start: int, end: int) -> set[str]:
    """The content words of doc[start:end] (`_content_words` of its tokens, no token made)."""
    words = doc_memo(doc, "pw_claim_content_words", _find_content_words)
    found = set(words[start:end])
    found.discard(None)
    return cast(set[str], found)


_CONTENT_POS = frozenset({NOUN, PROPN, VERB, ADJ, NUM})


def _find_content_words(doc: Doc) -> list[str | None]:
    """Each token's content word (None for another token), read once per doc: the claims of an
    article are compared pair by pair through them."""
    stops = doc.to_array(IS_STOP).tolist() if len(doc) else []
    table = words(doc)
    return [lemma if pos in _CONTENT_POS and not stop else None
            for pos, stop, lemma in zip(table.pos, stops, table.lemma, strict=True)]


def _corroborate(drafts: list[Draft], sents: list[Span], claimed: set[int], quoted: frozenset[int]) -> None:
    """A claim the article itself asserts elsewhere, in its own voice, is confirmed; a copy of the
    claim's own sentence without its attribution (a highlights box, a caption) is not another voice."""
    if not sents or all(draft.status != "not_assessed" for draft in drafts):
        return
    doc = sents[0].doc
    spots = _spots(doc)
    own = [s for i, s in enumerate(sents) if i not in claimed
           and not tokens_within(spots.questions, s) and quoted.isdisjoint(range(s.start, s.end))]
    own_words: dict[int, set[str]] = {}  # content words of each own sentence, read when first needed
    for draft in drafts:
        if draft.status != "not_assessed":
            continue
        told = _content_words_between(doc, sents[draft.first].start, sents[draft.last].end)
        for clause in _content_clauses(draft):
            sent = _own_sentence_saying(clause, told, own, own_words)
            if sent is not None:
                draft.status = "confirmed"
                draft.cues.append(f"the article says it in its own words: {sent.text.strip()[:80]!r}")
                break


def _own_sentence_saying(clause: list[Token], told: set[str], own: list[Span],
                         own_words: dict[int, set[str]]) -> Span | None:
    """The first of the author's own sentences that says what the clause says: enough of its
    content words and one of its heads, and no copy of the claim's sentence (`told`, its words).
    `own_words` keeps each own sentence's content words once read."""
    words = _content_words(clause)
    if len(words) < CORROBORATION_MIN_WORDS:
        return None
    heads: set[str] | None = None  # read when a sentence first shares enough words (most never do)
    for n, sent in enumerate(own):
        if n not in own_words:
            own_words[n] = _content_words_between(sent.doc, sent.start, sent.end)
        other = own_words[n]
        shared = words & other
        if len(other & told) >= COPY_SHARE * len(other):
            continue
        if len(shared) < CORROBORATION_MIN_WORDS or len(shared) < CORROBORATION_SHARE * len(words):
            continue
        if heads is None:
            heads = _clause_heads(clause) & words
            if not heads:
                return None
        if heads & other:
            return sent
    return None


def _clause_heads(clause: list[Token]) -> set[str]:
    """The lemmas of a clause's heads: its root or complement verbs, and the words that hang
    from a word outside it."""
    lems = lemmas(clause[0].doc)
    inside = {c.i for c in clause}
    return {lems[t.i] for t in clause if t.dep_ in ("ROOT", "ccomp") or t.head.i not in inside}


def _content_clauses(draft: Draft) -> list[list[Token]]:
    """The content cut into the sentences it spans, questions left out."""
    out: list[list[Token]] = []
    current: list[Token] = []
    lows = lowers(draft.content[0].doc) if draft.content else []  # (a mark's lower form is its text)
    for token in draft.content:
        current.append(token)
        if lows[token.i] in ("?", "!", "."):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return [c for c in out if not any(lows[t.i] == "?" for t in c)]


def _to_claim(draft: Draft, sents: list[Span]) -> Claim:
    doc = sents[0].doc
    evidence = span_text(doc, sents[draft.first].start, sents[draft.last].end).strip()
    notes = list(draft.notes) + [f"status from {c}" for c in draft.cues]
    return Claim(speaker=draft.speaker, text=draft.text or evidence, kind=draft.kind, status=draft.status,
                 date=draft.date, evidence=evidence, accused=draft.accused, note="; ".join(notes) or None)
