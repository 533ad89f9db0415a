"""Events of one article: mentions found per sentence, their participants named, their dates and
places resolved, and the mentions of one happening merged into one event.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc, Span, Token

from peacewatch.data.event_words import EventWords
from peacewatch.data.lexicons import ActorFile
from peacewatch.extract.actors import describe_actor, party_word
from peacewatch.extract.captions import is_caption
from peacewatch.extract.components import listed_components
from peacewatch.extract.context import (
    COLLECTIVE_PARTIES,
    PAIR_WORDS,
    RECIPROCALS,
    ArticleContext,
    Salient,
    SentenceTime,
    actors_of,
    expand,
    facility_of,
    locate_facility,
    new_context,
    recent_pair,
    released_to,
    remember_subjects,
    row_target,
    same_party,
    sentence_times,
)
from peacewatch.extract.countries import state_actor
from peacewatch.extract.dating import (
    SAYING_TYPES,
    after_publication,
    comparison_frame,
    complement_clause,
    done_by_publication,
    follows_event,
    is_bare_line,
    names_the_act,
    opens_period,
    same_speaker,
    sharing_preposition,
    shifted_from_told_date,
    time_anchor_root,
    time_host,
    told_ahead,
    told_anchor_date,
    told_aside,
    truce_period,
)
from peacewatch.extract.lexicon import Lexicon, get_lexicon
from peacewatch.extract.lists import (
    coordinated_parties,
    exchanged_captives,
    pair_items,
    share_infinitive_reading,
    tolls_by_place,
)
from peacewatch.extract.meetings import directions, host_list, is_gathering, principal_sides
from peacewatch.extract.mentions import WEAPON_NOUNS, Mention, find_mentions
from peacewatch.extract.numbers import (
    Casualties,
    find_casualties,
    is_subset_toll,
    load_casualty_lexicon,
    merge_casualties,
)
from peacewatch.extract.places import (
    FORCE_TYPES,
    adjective_sites,
    based_party,
    borrowed_place,
    departure_place,
    direction_text,
    hyphen_party,
    is_anaphor,
    is_hosted,
    last_named_place,
    list_site,
    listed_member,
    names_no_scene,
    opens_sentence,
    placed_within,
    refines_to,
    scene_of_named_act,
    shares_verb_chain,
    site_places,
    situated_near,
    span_place,
    story_place,
    takes_up_place,
    trails_clause,
)
from peacewatch.extract.speech import read_speech_acts
from peacewatch.extract.weapons import find_weapons, mode_of_words
from peacewatch.grammar import (
    ADDITIVE_ADVERBS,
    DEFINITE_ARTICLES,
    GROUP_LABELS,
    HYPHENS,
    LOOSE_PLACE_LABELS,
    NAME_LABELS,
    OBJECT_DEPS,
    PASSIVE_SUBJECTS,
    PERSON_PLACE_PREPS,
    PLACE_LABELS,
    PLACE_PREPS,
    REPETITION_ADVERBS,
    SUBJECTS,
    SUBORDINATE_DEPS,
    TIME_LABELS,
    TIME_MODIFIER_DEPS,
    hyphen_suffix,
    passive_agents,
)
from peacewatch.nlp import (
    children_of,
    doc_memo,
    entities,
    ents_between,
    lemmas,
    sentences,
    span_sentence,
    text_of,
    tokens_within,
)
from peacewatch.resolve.place import anaphor_nouns, anaphor_precision, is_region_word, unlisted_town
from peacewatch.resolve.time import Offset, reconcile, shift_when
from peacewatch.schema import Actor, Event, Place, Weapon, When

log = logging.getLogger(__name__)
_WORDS = EventWords.load()

PLACE_RANK = {"city": 0, "region": 1, "sea": 2, "country": 3, "continent": 4, None: 5}
# Sentences back from a mention in which its date may be told ('on Sunday ... Russia launched').
NARRATIVE_WINDOW = 2
# Two tellings of one named pair's meeting or statement whose days differ by this much are one
# event with a date conflict (reported in its note), not two events.
RETELLING_SLACK_DAYS = 3
# Types of a meeting: one pair meeting twice within RETELLING_SLACK_DAYS is one meeting told twice.
PAIR_MEETING_TYPES = frozenset({"CONSULT"})
# The rule of a time told as a vague span ('in recent weeks'; resolve/time.py).
VAGUE_RULE = "vague-span"
# Sentences forward in which an act of force told at a country only may be placed by a later
# telling of the same act (_place_by_retelling): a headline and its lead, then the body.
RETELLING_PLACE_WINDOW = 3
# Sentences forward in which a bare casualty count ('Over 115 were injured.') joins a strike.
CASUALTY_WINDOW = 2


@dataclass
class Draft:
    """An event being assembled from one or more mentions."""

    type: str
    mode: str | None
    status: str
    mentions: list[Mention]
    source: Actor | None = None
    target: Actor | None = None
    mediator: Actor | None = None
    dates: list[When] = field(default_factory=list)
    offsets: list[tuple[Offset, str]] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    casualties: list[Casualties] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    count: int | None = None
    note: str | None = None
    others: list[Actor] = field(default_factory=list)  # a meeting's parties beyond the two (meetings.Sides)
    sent_index: int = 0
    site: str | None = None  # the one site (its lemma) a strike on several sites hit (_split_by_site)
    # places told around the act, not by its own clause: its place when it has none, never a
    # reason to merge or keep apart (extract/places.py)
    borrowed: tuple[Place, ...] = ()
    component: str | None = None  # the one named item of an act told of a list (_split_by_list)
    caption: bool = False  # told by a photo caption: the picture's moment (extract/captions.py)

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass
class _Article:
    """What the sentence pass gathers for the article pass."""

    sents: list[Span]
    salient: Salient = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    references: list[tuple[int, Mention]] = field(default_factory=list)
    times_by_sentence: list[list[SentenceTime]] = field(default_factory=list)
    # per sentence, its places, each with whether it names a party's base or a dateline abroad
    # (places.names_no_scene): no scene of an act of force
    places_by_sentence: list[list[tuple[Place, bool]]] = field(default_factory=list)
    acts_by_sentence: list[frozenset[str]] = field(default_factory=list)  # per sentence, the types it tells
    free_times: list[set[int]] = field(default_factory=list)  # per sentence, the times no event of it took
    captions: set[int] = field(default_factory=set)  # the sentences that are photo captions


@dataclass
class _Sentence:
    """One sentence as its events see it: its times and places with the mention each belongs to
    (by id of the span; None when no clause of the sentence holds it), its toll and its weapons."""

    index: int
    sent: Span
    times: list[SentenceTime]
    places: list[tuple[Span, Place]]
    time_owner: dict[int, Mention | object | None]
    place_owner: dict[int, Mention | object | None]
    casualties: Casualties
    weapons: list[Weapon]
    shared: dict[int, Mention] = field(default_factory=dict)  # a conjunct's infinitive (lists.share_infinitive_reading)


def extract_events(doc: Doc, published: date | None = None, lex: Lexicon | None = None,
                   ctx: ArticleContext | None = None) -> list[Event]:
    """The events of one parsed article, one per happening, each with its evidence sentence.

    Args:
        doc: the article parsed by peacewatch.nlp.
        published: the publication date, for relative dates (None leaves them unresolved).
    Returns:
        events in the order the article first tells them.
    """
    lex = lex or get_lexicon()
    ctx = ctx or new_context(doc, published)
    article = _Article(sents=sentences(doc))
    for index, sent in enumerate(article.sents):
        _read_sentence(article, index, sent, ctx, lex)
    drafts = [d for d in article.drafts if _is_worth_reporting(d)]
    merged = _merge(drafts)
    _inherit_attackers(merged)
    _refine_country_places(merged, ctx)
    _resolve_reference_targets(merged, article.references, ctx)
    _drop_self_targets(merged)
    _assign_dates(merged, article.times_by_sentence, article.free_times, article.references, ctx, article.captions)
    kept = {id(d) for d in drafts}
    _date_by_retelling(merged, [d for d in article.drafts if id(d) not in kept])
    _place_at_talks(merged)
    _place_by_retelling(merged)
    for draft in merged:
        if not draft.places and not draft.borrowed:
            # an act told with no place of its own happened where the story is (extract/places.py)
            found = story_place(draft.sent_index, article.places_by_sentence, draft.type, draft.source,
                                article.acts_by_sentence)
            draft.borrowed = (found,) if found is not None else ()
    return [_to_event(d, ctx) for d in merged]


def _read_sentence(article: _Article, index: int, sent: Span, ctx: ArticleContext, lex: Lexicon) -> None:
    """The drafts of one sentence's mentions, with their times, places, tolls and weapons."""
    mentions = read_speech_acts(sent, lex, find_mentions(sent, lex))
    shared = share_infinitive_reading(mentions)
    times = sentence_times(sent, ctx)
    places = _places(sent, ctx)
    time_owner = {id(t.span): _owner(time_anchor_root(t.span, t.offset), mentions, act_nouns=True) for t in times}
    # 'at war with the army since April 2023': a time inside another noun phrase dates that
    # phrase, not the event, and is not the story's time either.
    # 'its deadliest assault this year': a period framing a superlative is no time of the act either.
    # 'declared an Easter truce, effective from Saturday until Sunday': a truce's period (kept for
    # the agreement tracker, which reads the sentence's times itself) is no time of the act.
    times = [t for t in times if not _bound_to_noun(t.span.root, mentions)
             and not comparison_frame(t.span.root, t.when.precision, (m.clause.i for m in mentions))
             and not truce_period(t.span.root)]
    caption = is_caption(sent)
    if caption:  # a photo caption's date is the picture's, the time of no act the story tells
        article.captions.add(index)
    article.times_by_sentence.append(times)
    # a photo caption's place is the picture's, lent to no act told after it (extract/captions.py);
    # a place in the phrase of a party to a statement, sanction or meeting ('firms in X were
    # sanctioned', 'officials in X condemned') says who that is, not where the story is; a strike's
    # parties are often where it happened ('the ministry, near X's square, took several strikes').
    # A party's base ('a London-based monitor said') is where the story of no act of force is.
    told = [] if caption else [(span, p) for span, p in places if not any(
        _is_participant(span, m) for m in mentions if not m.reference and m.type != "ASSAULT")]
    article.places_by_sentence.append([(p, names_no_scene(span, p, ctx.home())) for span, p in told])
    article.acts_by_sentence.append(frozenset(m.type for m in mentions))  # named acts too ('the attack on X')
    article.free_times.append({id(t.span) for t in times if time_owner[id(t.span)] is None})
    place_owner = {id(p[0]): _owner(p[0].root, mentions) for p in places}
    strikes = any(m.type == "ASSAULT" for m in mentions)
    # a toll is a strike's: of one the sentence tells, or else of one told just before it
    # (_add_bare_toll); with neither, the sentence's numbers need no reading
    reached = strikes or _strike_within_reach(article.drafts, index)
    casualties = find_casualties(sent) if reached else Casualties()
    weapons = find_weapons(sent) if strikes else []
    view = _Sentence(index, sent, times, places, time_owner, place_owner, casualties, weapons, shared)
    new: list[Draft] = []
    for mention in mentions:
        if mention.reference or mention.anchor:  # an act told as an anchor dates others, as a reference does
            article.references.append((index, mention))
        if mention.reference:
            continue
        # 'killed in the attack': the definite noun names the strike this clause tells of
        named = [r for r in mentions if r.reference and r.type == mention.type and _is_definite(r.trigger)]
        drafts = _drafts_of(mention, ctx, article.salient, article.sents, index)
        drafts += _exchange_drafts(drafts, mention, ctx, article.salient)
        for draft in drafts:
            draft.sent_index = index
            draft.caption = caption
            draft.mentions.extend(named)
            _date_draft(draft, mention, view)
            if mention.trigger.i == mention.clause.i:  # the verb tells the act ('has proposed talks on X')
                draft.dates = done_by_publication(draft.dates, mention.trigger, ctx.published)
            if caption and not draft.dates:
                # a caption tells one moment, the picture's: its date is that of all it tells
                draft.dates.extend(t.when for t in times if t.offset is None and t.when.value)
            _place_draft(draft, mention, view, lex, ctx.home())
        pieces = pair_items([piece for item in _listed(drafts, mention, view, ctx)
                             for site in _split_by_site(item, mention, ctx) for piece in _split_by_place(site)])
        tolls_by_place(pieces, sent)
        new.extend(pieces)
    if not any(d.type == "ASSAULT" for d in new):
        _add_bare_toll(article.drafts, view)
    acts = [(d.first.trigger, d.type, d.source, d.target) for d in new]
    for draft in new:
        if draft.target is None:
            draft.target = row_target(draft.first.trigger, draft.type, draft.source, acts)
    article.drafts.extend(new)
    remember_subjects(sent, ctx, article.salient)


def _date_draft(draft: Draft, mention: Mention, view: _Sentence) -> None:
    """The times of the mention's own clause; else an anchored time of the whole sentence."""
    if not view.times:
        return  # (every reading below takes one of the sentence's times)
    for span, when, offset, _ in view.times:
        owner = view.time_owner[id(span)]
        if owner is mention or (owner is not None and owner is view.shared.get(id(mention))):
            if isinstance(offset, Offset) and not shifted_from_told_date(offset, when):
                draft.offsets.append((offset, when.text or span.text))
            else:
                draft.dates.append(when)
    # 'met ..., weeks after Russia invaded Ukraine in February 2022': the invasion's own date
    draft.dates.extend(d for t in view.times
                       if (d := told_anchor_date(t.span, t.when, t.offset, mention.clause)) is not None)
    if not draft.dates and not draft.offsets and not mention.reference:
        # 'launched airstrikes on Monday, in response to a missile attack': nouns told by one verb
        # share the time that verb's clause gave one of them
        draft.dates.extend(t.when for t in view.times if t.offset is None and t.when.value
                           and _shares_clause(view.time_owner[id(t.span)], mention))
    if not draft.dates and not draft.offsets:
        # 'X on Thursday put ... on hold, suspended trade and closed ...': the time of the first of
        # coordinated verbs is the time of them all
        heads, node = set(), mention.clause
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            heads.add(node.i)
        draft.dates.extend(t.when for t in view.times if t.offset is None and t.when.value
                           and t.span.root.head.i in heads and t.span.root.dep_ in TIME_MODIFIER_DEPS)
    if not draft.dates and not draft.offsets:
        # 'the attacks came on Sunday, when rebels shelled the town': a 'when' clause on a time
        # tells what happened then
        moment = _when_clause_time(mention.clause)
        draft.dates.extend(t.when for t in view.times if t.offset is None and t.when.value
                           and moment is not None and t.span.start <= moment.i < t.span.end)
    prep = sharing_preposition(mention) if not draft.dates and not draft.offsets else None
    if prep is not None:
        # 'congratulated him during a meeting', 'suspended talks last September after blaming X'
        draft.dates.extend(t.when for t in view.times if t.offset is None and t.when.value and time_host(
            t.span.root, _owner_clause(view.time_owner[id(t.span)]), prep, t.when.precision))
    if not draft.dates and not draft.offsets:
        # 'A week earlier, the navy said it had destroyed ...': a sentence-wide anchor
        draft.offsets.extend((t.offset, t.when.text or t.span.text) for t in view.times
                             if isinstance(t.offset, Offset) and view.time_owner[id(t.span)] is None)


def _when_clause_time(clause: Token) -> Token | None:
    """The time word a 'when' clause holding `clause` hangs on ('on Sunday, when X shelled Y',
    'in 2014, when X seized Y'), or None."""
    node = clause
    for _ in range(4):
        if node.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in node.children):
            return node.head if node.head.ent_type_ in TIME_LABELS else None
        if node.head.i == node.i or node.dep_ not in ("pcomp", "pobj", "prep", "xcomp", "ccomp", "relcl"):
            return None
        node = node.head
    return None


def _owner_clause(owner: Mention | object | None) -> Token | None:
    """The clause of the mention a time or place belongs to (_owner); None when no mention of the
    sentence holds it or another clause does (ELSEWHERE)."""
    return owner.clause if isinstance(owner, Mention) else None


def _shares_clause(owner: Mention | object | None, mention: Mention) -> bool:
    return (isinstance(owner, Mention) and owner is not mention and not owner.reference
            and owner.clause.i == mention.clause.i and mention.is_noun and owner.is_noun)


def _place_draft(draft: Draft, mention: Mention, view: _Sentence, lex: Lexicon, home: str | None = None) -> None:
    """The places of the mention's own clause; a strike also takes the sentence's toll, weapons
    and free places, a statement the place it was made in. A party's base is where it acts from
    ('briefed X-based diplomats'), never where an act of force happened ('killed ..., a Y-based
    monitor said'), nor is a dateline at a capital abroad (places.names_no_scene; `home` is the
    country the story is about)."""
    located = [(span, place) for span, place in view.places
               if draft.type not in FORCE_TYPES or not names_no_scene(span, place, home)]
    for span, place in located:
        if view.place_owner[id(span)] is mention and not _is_participant(span, mention):
            if is_anaphor(span):
                draft.borrowed += (place,)  # 'the town': a place named before, no sign of the same act
            else:
                draft.places.append(place)
    if draft.type == "ASSAULT":
        if _has_casualties(view.casualties):
            draft.casualties.append(view.casualties)
        draft.weapons.extend(view.weapons)
        if not draft.places:
            draft.places.extend(p for span, p in located if _is_free_place(view.place_owner[id(span)]))
    elif not draft.places and located and (_under_speech(mention, lex) or _sole_event(mention, view, lex)):
        # 'X, at a news conference in Y, said that ...': the statement was made in Y; 'After X
        # released two hostages, ..., in the city of Y, ...': a place no clause took, in a
        # sentence that tells one event, is that event's
        draft.places.extend(p for span, p in located if view.place_owner[id(span)] is None
                            and not _is_participant(span, mention))
    if not draft.places:
        # 'launched airstrikes on X': the noun's place; 'stormed X, set fire to homes and raided
        # the prison': coordinated acts share X
        draft.borrowed += tuple(p for span, p in located if is_hosted(span.root, mention)
                                or shares_verb_chain(view.place_owner[id(span)], mention)
                                or (view.place_owner[id(span)] is None and trails_clause(span, mention))
                                or opens_sentence(span) or scene_of_named_act(view.place_owner[id(span)], draft.type))


def _sole_event(mention: Mention, view: _Sentence, lex: Lexicon) -> bool:
    """Whether the mention is the only event its sentence tells (named events aside)."""
    if not any(owner is None for owner in view.place_owner.values()):
        return False  # no free place to give: spare the second reading of the sentence
    others = [m for m in find_mentions(view.sent, lex) if not m.reference and m.trigger.i != mention.trigger.i]
    return not others


def _is_free_place(owner: Mention | object | None) -> bool:
    """A place no clause took, or one of a named event ('in the attack on X')."""
    return owner is None or (isinstance(owner, Mention) and owner.reference)


def _strike_within_reach(drafts: list[Draft], index: int) -> bool:
    """Whether a strike told just before sentence `index` could take its toll (_last_strike_within_reach)."""
    return _last_strike_within_reach(drafts, index) is not None


def _last_strike_within_reach(drafts: list[Draft], index: int) -> Draft | None:
    """The last strike told at most CASUALTY_WINDOW sentences before sentence `index`, which a toll
    told there without a strike joins (_add_bare_toll). Drafts are kept in the order of their
    sentences."""
    for draft in reversed(drafts):
        if index - draft.sent_index > CASUALTY_WINDOW:
            return None
        if draft.type == "ASSAULT":
            return draft
    return None


def _add_bare_toll(drafts: list[Draft], view: _Sentence) -> None:
    """'Over 115 were injured.': a toll told without a strike joins the strike told just before."""
    if not _has_casualties(view.casualties) or view.casualties.whole:
        return  # (a war's toll is no strike's: 'the war has killed 300,000')
    previous = _last_strike_within_reach(drafts, view.index)
    if previous is not None:
        previous.casualties.append(view.casualties)
        previous.mentions.append(Mention(type="ASSAULT", mode=None, trigger=view.sent.root, clause=view.sent.root,
                                         sent=view.sent, reference=True))


# ---------------------------------------------------------------- article-wide context


def _places(sent: Span, ctx: ArticleContext) -> list[tuple[Span, Place]]:
    """Places named as where something is: objects of 'in', 'at', 'near' ..., the owner of the
    part struck ("X's central district"), the object struck ('shelled X'). A name the model
    took for an organisation or a person counts when it stands where a place stands and the
    gazetteer knows it (the small model labels many towns ORG or PERSON)."""
    out = []
    seen: set[int] = set()
    for ent in ents_between(sent.doc, sent.start, sent.end):
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.label_ in PLACE_LABELS or ent.label_ in LOOSE_PLACE_LABELS:
            loose = ent.label_ not in PLACE_LABELS
            span, root = _with_region_word(ent)  # (a span finds its root anew at each call)
            if not (_is_locative(root) or departure_place(root) or listed_member(root, _is_locative)):
                continue
            place = span_place(span, ctx) or _named_settlement(span)
            if place is None or (loose and place.precision not in ("city", "region")):
                continue
            seen.update(range(span.start, span.end))
            out.append((span, place.model_copy(update={"text": direction_text(span)})))
    out.extend(site_places(sent, ctx, seen, _is_locative))
    out.extend(adjective_sites(sent, seen, _is_locative))
    out.extend(_place_anaphors(sent, ctx, seen))
    return situated_near(placed_within(out))


def _place_anaphors(sent: Span, ctx: ArticleContext, seen: set[int]) -> list[tuple[Span, Place]]:
    """'The gang stormed the city', 'homicides in the state': a bare definite noun of a kind of
    place, where a place stands, is the place of that kind the article named last."""
    out = []
    lemma_of = lemmas(sent.doc)  # anaphor_precision reads a lemma in lower case
    # (most sentences hold no noun of a kind of place: their tokens need no reading)
    for token in tokens_within(doc_memo(sent.doc, "pw:events.place_kind_nouns", _place_kind_nouns), sent):
        if token.pos != NOUN:
            continue  # (the test of takes_up_place that needs no string)
        precision = anaphor_precision(lemma_of[token.i])
        if precision is None or token.i in seen or not takes_up_place(token):
            continue
        if not (_is_locative(token) or departure_place(token)):
            continue
        place = _last_named_place(sent.doc, token.i, precision, ctx)
        if place is not None:
            span = sent.doc[min(c.i for c in token.subtree):token.i + 1]
            out.append((span, place.model_copy(update={"text": text_of(span)})))
    return out


def _place_kind_nouns(doc: Doc) -> list[int]:
    """The tokens of a doc whose lemma names a kind of place ('town', 'province'), found once per doc."""
    kinds = anaphor_nouns().intersection(lemmas(doc))
    return [i for i, lemma in enumerate(lemmas(doc)) if lemma in kinds] if kinds else []


def _last_named_place(doc: Doc, before: int, precision: str, ctx: ArticleContext) -> Place | None:
    # names the model took for an organisation or a person count here as in _places; a party's
    # name or base is taken up by no anaphor ('US-led strikes ... in the east of the country', 'a
    # UK-based monitor said ... in the country': not the US, not the UK)
    ents = [e for e in entities(doc) if e.end <= before and (e.label_ in PLACE_LABELS or e.label_ in LOOSE_PLACE_LABELS)
            and not hyphen_party(e.root) and based_party(e.root) is None]
    return last_named_place(doc, before, precision, ctx, ents)


def _named_settlement(span: Span) -> Place | None:
    """'the southern town of X' with X in no gazetteer: X is still the place, by name."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return unlisted_town(text_of(span), root.head.head.lemma_)
    return None


def _with_region_word(ent: Span) -> tuple[Span, Token]:
    """'the Novgorod region', 'Paktika province': a name that modifies a word of region is the
    region, and the phrase holds the place's role; any other name is itself. With the root of
    the phrase."""
    root = ent.root
    head = root.head
    if root.dep_ == "compound" and head.i == ent.end and is_region_word(head.lower_):
        region = ent.doc[ent.start:head.i + 1]
        return region, region.root
    return ent, root


def _is_locative(root: Token) -> bool:
    node = root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # 'in towns A, B and C': the first conjunct carries the role
    if _is_visited(node):
        return True
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ == "of":  # 'in the regions of X', 'the streets of X', 'the town of X'
            owner = prep.head
            return (owner.dep_ == "pobj" and owner.head.lower_ in PLACE_PREPS) or (
                owner.lemma_.lower() in get_lexicon().place_nouns) or _is_struck(owner) or _is_ground_taken(owner)
        return prep.lower_ in PLACE_PREPS and prep.lower_ != "to"
    if node.dep_ == "poss":
        return node.head.lemma_.lower() in get_lexicon().place_nouns
    if _is_struck(node):
        return True
    if (node.dep_ == "npadvmod" and not hyphen_party(node)) or (node.dep_ == "appos" and _is_locative(node.head)):
        return True
    return False


def _is_struck(node: Token) -> bool:
    """The object of a verb of force: 'shelled X', 'X was stormed', 'seized control of X' (through
    the owner of 'of')."""
    if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
        trigger = get_lexicon().verbs.get(node.head.lemma_.lower())
        return trigger is not None and trigger.type == "ASSAULT"
    return False


def _is_ground_taken(noun: Token) -> bool:
    """A noun of taking ground, whose 'of' names the place taken ('the retaking of X')."""
    trigger = get_lexicon().nouns.get(noun.lemma_.lower())
    return trigger is not None and trigger.type == "ASSAULT" and noun.lemma_.lower() in _WORDS.taking_nouns


def _is_visited(node: Token) -> bool:
    """The object of a verb of visiting ('visited X') or the goal of a visit noun ('a visit to X',
    'postponed his visit to X', where the parse hangs 'to' on the verb): where the visit took place."""
    lex = get_lexicon()
    if node.dep_ == "dobj" and node.head.pos_ == "VERB":
        trigger = lex.verbs.get(node.head.lemma_.lower())
        return trigger is not None and trigger.mode == "visit"
    if node.dep_ == "pobj" and node.head.lower_ == "to":
        head = node.head.head
        nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        return any((trigger := lex.nouns.get(noun.lemma_.lower())) is not None and trigger.mode == "visit"
                   for noun in nouns)
    return False


ELSEWHERE = object()  # _owner: the token belongs to another clause or to a named event


def _owner(token: Token, mentions: list[Mention], act_nouns: bool = False) -> Mention | object | None:
    """The mention whose clause holds a token: the nearest trigger or clause verb above it (with
    `act_nouns`, a time's, also the verb whose object names its act: dating.names_the_act)."""
    by_trigger = {m.trigger.i: m for m in mentions if not m.derived}
    by_clause = {m.clause.i: m for m in mentions if not m.reference and not m.derived}
    lex = get_lexicon()
    node = came_from = token
    for _ in range(12):
        if node.i in by_trigger and node.i != token.i:
            return by_trigger[node.i]
        if node.i in by_clause:
            return by_clause[node.i]
        if node.i != token.i and _speaking_aside(node, came_from):
            came_from, node = node, node.head  # 'X, speaking on Sunday, praised ...': the praising's
            continue
        if act_nouns and node.i != token.i:
            acting = next((m for m in by_clause.values() if names_the_act(node, m)), None)
            if acting is not None:
                return acting  # 'launched a series of attacks throughout the winter': the launching's
        if node.i != token.i and (node.dep_ in SUBORDINATE_DEPS and node.pos_ in ("VERB", "AUX")
                                  and node.lemma_.lower() in lex.verbs or node.lemma_.lower() in lex.nouns):
            return ELSEWHERE  # the time or place of another clause or named event ('where a truce was agreed in July')
        complement = complement_clause(node, by_clause) if node.i != token.i else None
        if complement is not None:
            return by_clause[complement.i]  # 'the decision on Wednesday to suspend': the suspending's
        if node.head.i == node.i:
            return None
        came_from, node = node, node.head
    return None


def _speaking_aside(node: Token, came_from: Token) -> bool:
    """'X, speaking on Sunday night, praised ...', 'Speaking to reporters in Y, X called for ...':
    a participle of speaking (no event of its own) set beside an act tells when and where its
    subject spoke, so a time or place that modifies it (`came_from`, its child on the way up) is
    the act's; what it governs beyond that ('speaking about the attack on X') is not."""
    return (node.tag_ == "VBG" and node.dep_ in ("advcl", "acl") and node.head.i != node.i
            and node.lemma_.lower() in _WORDS.speaking_verbs and came_from.dep_ in TIME_MODIFIER_DEPS)


def _under_speech(mention: Mention, lex: Lexicon) -> bool:
    """A speech act, or an event told in the clause of a verb of saying."""
    node = mention.clause
    for _ in range(4):
        if node.lemma_.lower() in lex.speech_verbs:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _place_at_talks(drafts: list[Draft]) -> None:
    """An offer, acceptance or refusal between the parties of a meeting, on the meeting's day,
    was made at that meeting: it takes the meeting's place (and says so in its note)."""
    meetings = [d for d in drafts if d.type == "CONSULT" and d.places and d.dates]
    for draft in drafts:
        if draft.places or draft.type not in ("AGREE", "REJECT", "REQUEST") or not draft.dates:
            continue
        parties = {a.country for a in (draft.source, draft.target) if a is not None and a.country}
        for meeting in meetings:
            met = {a.country for a in (meeting.source, meeting.target) if a is not None and a.country}
            same_day = {w.value for w in draft.dates} & {w.value for w in meeting.dates}
            if len(parties & met) >= 2 and same_day:
                draft.places = list(meeting.places)
                draft.note = "; ".join(x for x in (draft.note, "placed at the talks told in the article") if x)
                break


def _refine_country_places(drafts: list[Draft], ctx: ArticleContext) -> None:
    """'talks in Saudi Arabia' in an article that names one city of Saudi Arabia: that city."""
    cities: Counter[str] = Counter()
    known: dict[str, Place] = {}
    for place in ctx.place_cache.values():
        if place is not None and place.precision == "city" and place.country:
            cities[place.country] += 1
            known.setdefault(place.country, place)
    for draft in drafts:
        if draft.places and all(p.precision == "country" for p in draft.places):
            country = draft.places[0].country
            if country is not None and cities.get(country) == 1 and refines_to(known[country], draft.places[0]):
                draft.places.insert(0, known[country].model_copy(update={"text": draft.places[0].text}))


def _place_by_retelling(drafts: list[Draft]) -> None:
    """'Air strikes in northern X killed 11 ... The Observatory said the strikes on the market in
    Y killed 11': an act of force whose own words place it in a country only (or in a part of one)
    is where the next act of its kind told within RETELLING_PLACE_WINDOW sentences places itself
    inside that country (in that part), when the two may be one act: the same side or none named,
    dates that agree (a headline's manner of attack is often another word: 'air raids', 'the
    strikes hit'). A headline or lead names the country, the body
    the town; the note says where the place came from."""
    ordered = sorted(drafts, key=lambda d: d.sent_index)
    for n, draft in enumerate(ordered):
        told = draft.places or list(draft.borrowed)
        if draft.type not in FORCE_TYPES or not told or any(p.precision != "country" for p in told):
            continue
        whole = told[0]
        for later in ordered[n + 1:]:
            if later.sent_index - draft.sent_index > RETELLING_PLACE_WINDOW:
                break
            place = _place_key(later)
            if (later.type != draft.type or later.sent_index == draft.sent_index or place is None
                    or place.precision not in ("city", "region") or place.country != whole.country):
                continue
            if (_compatible(_key(draft.source), _key(later.source)) and _same_side(draft.source, later.source)
                    and _dates_compatible(draft, later) and refines_to(place, whole)):
                draft.places.insert(0, place)
                draft.note = "; ".join(x for x in (draft.note, "placed where a later sentence tells the act") if x)
            break


def _bound_to_noun(token: Token, mentions: list[Mention]) -> bool:
    if token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children):
        return False  # "Friday's death toll", "Sunday's strike": the time of the happening
    clauses = {m.clause.i for m in mentions} | {m.trigger.i for m in mentions}
    node, path = token.head, {token.i}
    for _ in range(12):
        path.add(node.i)
        if node.i in clauses or node.pos_ in ("VERB", "AUX") or node.head.i == node.i or complement_clause(
                node, (m.clause.i for m in mentions if not m.reference and not m.derived)) is not None:
            return False
        if node.pos_ in ("NOUN", "PROPN") and node.i != token.i and node.dep_ != "npadvmod":
            if any(names_the_act(node, m) for m in mentions if not m.reference):
                return False  # 'launched a series of attacks throughout the winter': the act's time
            # a name takes no time of its own ('talks in Osaka, Japan on June 28'), nor does a time
            # ('on the first day of the summit on June 28') or the medium of a saying ('said in a
            # statement a day earlier'): the parse hung the clause's time there
            return not (node.ent_type_ in NAME_LABELS or node.ent_type_ in TIME_LABELS or (
                node.dep_ == "pobj" and node.head.head.lemma_.lower() in get_lexicon().speech_verbs
                and node.lemma_.lower() not in get_lexicon().nouns))
        if node.dep_ == "prep" and any(c.dep_ == "pobj" and c.pos_ == "NOUN" and c.i not in path
                                       and c.i not in clauses for c in node.children):
            return True  # 'at war ... since April 2023': the time dates the state 'at war'
        node = node.head
    return False


def _is_participant(span: Span, mention: Mention) -> bool:
    """A place inside a participant's own phrase ('rebels in Yemen fired') says where the
    participant is from, not where the event happened."""
    root = span.root
    if _is_visited(root) and mention.type == "CONSULT":
        # 'visited X': X is whom the visit was paid to and where it took place (a visit called
        # off was not called off there: 'cancelled his visit to X')
        return False
    roles = {role.i for role in mention.sources + (mention.targets if mention.type != "ASSAULT" else [])}
    # in a role's phrase: the role is the place's root or one of the words above it
    inside = root.i in roles or any(above.i in roles for above in root.ancestors)
    # 'talks between X and Y officials in Z': the place of the talks, whatever the parse attached it to
    return (inside and not _where_person_is(root)) or root.i in {t.i for t in mention.parties}


def _where_person_is(token: Token) -> bool:
    """'met President X in Y': a place said of a named person is where that person was, so
    where the act with that person happened ('officials in Y' and 'rebels in Y' are who they
    are, not where they were)."""
    prep = token.head
    person = prep.head
    return (token.dep_ == "pobj" and prep.lower_ in PERSON_PLACE_PREPS and prep.dep_ == "prep"
            and person.pos_ == "PROPN" and person.ent_type_ == "PERSON")


def _has_casualties(casualties: Casualties) -> bool:
    return bool(casualties.killed or casualties.injured or casualties.children_killed)


# ---------------------------------------------------------------- participants


def _drafts_of(mention: Mention, ctx: ArticleContext, salient: Salient, sents: list[Span],
               index: int) -> list[Draft]:
    """Drafts for one mention: one per pair of actors."""
    sources = actors_of(expand(mention.sources), ctx, salient) or _means_sources(mention, ctx, salient)
    targets = actors_of(expand(mention.targets), ctx, salient, keep_event_refs=True)
    targets += coordinated_parties(mention, ctx, salient)
    parties = actors_of(expand(mention.parties), ctx, salient)
    note = None
    mediator = None
    others: list[Actor] = []
    if mention.type in ("CONSULT", "COOPERATE"):
        # 'negotiations toward a ceasefire': an event named as what talks are about is their topic,
        # not a party to them
        targets = [t for t in targets if not _is_event_ref(t)]
    if len(parties) >= 2 and mention.type in ("AGREE", "CONSULT", "COOPERATE", "ACCUSE", "ASSAULT"):
        mediator = sources[0] if sources else None
        sources, targets = [parties[0]], [parties[1]]
        if mediator is not None and mediator.country:
            note = f"mediated by {mediator.name or mediator.text}"
            others = [mediator] if mention.type == "CONSULT" else []
    if not targets and mention.type in ("CONSULT", "AGREE", "COOPERATE") and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:]
    if mention.type == "CONSULT" and is_gathering(mention, sources, targets):
        host = next(iter(actors_of(expand(hosts), ctx, salient)), None) if (hosts := host_list(mention)) else None
        sides = principal_sides(sources, targets, host, note)
        sources, targets, note, others = sides.sources, sides.targets, sides.note, sides.others
    # 'both parties accused each other': the two parties named before.
    if any(t.lower_ in RECIPROCALS for t in mention.targets) or any(
        t.lemma_.lower() in COLLECTIVE_PARTIES for t in mention.sources
    ):
        pair = recent_pair(ctx, sents, index)
        if pair:
            first, second = pair
            return [Draft(type=mention.type, mode=mention.mode, status=mention.status, mentions=[mention],
                          source=a, target=b, note="mutual") for a, b in directions(mention.type, first, second)]
    both = next((t for t in mention.targets if _names_both_parties(t)), None)
    pair = recent_pair(ctx, sents, index) if both is not None and sources else None
    if both is not None and pair is not None:
        # 'X said both sides bear responsibility': one act aimed at each of the two parties named
        # before (CONVENTIONS 2), as the sentence words them
        targets = [a.model_copy(update={"text": text_of(both.doc[both.left_edge.i:both.i + 1])}) for a in pair]
    # one side unnamed is still an event: one draft with that side None
    source_sides: list[Actor | None] = [*sources] or [None]
    target_sides: list[Actor | None] = [*_one_per_people(targets)] or [None]
    drafts = []
    for source in source_sides:
        for target in target_sides:
            if source is not None and target is not None and same_party(source, target):
                continue
            drafts.append(Draft(type=mention.type, mode=mention.mode, status=mention.status, mentions=[mention],
                                source=source, target=target, mediator=mediator, count=mention.count, note=note,
                                others=others))
    return drafts


# Where a strike's means stand beside the verb of its harm ('killed in regime air strikes',
# 'killed by a missile', 'killed after rebel shelling hit the town'), and the marks of a clause
# that tells the moment of the harm by its own doer ('killed when bombs were dropped by army
# helicopters', 'killed as troops stormed the village').
_MEANS_PREPS = frozenset({"in", "by", "after", "following", "from"})
_MOMENT_MARKS = frozenset({"when", "as", "after"})
# The parties a strike's means can name: a state (its government or forces) or an armed group.
_ARMED_SECTORS = frozenset({"GOV", "MIL", "REB"})
_MEANS_SCAN = 6  # words of modifiers read before a means ('a suspected US-led coalition air strike')
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_PARTY_LABELS = frozenset({"NORP", "ORG"})  # 'Russian raids', 'an Islamic State attack'; a place's name is where
_AUTHOR_SUFFIXES = frozenset(w.lower() for w in ActorFile.load().author_suffixes)  # 'US-led strikes'


def _means_sources(mention: Mention, ctx: ArticleContext, salient: Salient) -> list[Actor]:
    """The authors of a strike told with none, as its means name them (_means_authors): states and
    armed groups whose country or name is known. A nationality the parse hangs away from its party
    word ('Syrian Army offensive') gives the party its country. A kind alone ('paramilitary
    attacks', 'terrorist attacks' before any group is named) stays unknown: the strike then joins
    another telling of it, or takes the one attacker the article names (_inherit_attackers)."""
    if mention.type != "ASSAULT" or mention.parties:
        return []
    out = []
    for token, words in _means_authors(mention):
        actor = next(iter(actors_of([token], ctx, salient)), None)
        if actor is not None and actor.country is None and words is not None:
            whole = describe_actor(words)
            actor = whole if whole is not None and whole.country else actor
        if actor is not None and actor.sector in _ARMED_SECTORS and (
                actor.country or (actor.name or "").lower() not in (token.lower_, token.lemma_.lower())):
            out.append(actor)  # (a name of its own: 'Islamic State' read from 'IS', not 'Regime' from 'Regime')
    return out


def _means_authors(mention: Mention) -> list[tuple[Token, Span | None]]:
    """Who a strike told without an author is by, as the words of its means name it: a party word,
    a nationality or a group before the means ('regime barrel bomb attacks', 'Syrian regime
    airstrikes', 'rebel rocket fire', 'a US-led coalition air strike'), or the agent of a
    participle on it ('strikes carried out by X jets', 'a missile fired by X'). The means is the
    trigger noun, the object of the verb's 'in', 'by' or 'after', its subject, or the subject of a
    clause of the moment ('after regime shelling hit X'); such a clause also names its doer
    outright ('when bombs were dropped by X', 'as X stormed the village'). Each author comes with
    the words of its party when they were read in order: the small model often tags a means as a
    verb after a party word ('regime airstrikes'), so the words before a means are read as they
    run, not by the parse alone."""
    trigger = mention.trigger
    found: list[tuple[Token, Span | None]] = []
    means: list[Token] = [trigger] if trigger.pos == NOUN else []
    if trigger.pos_ in ("VERB", "AUX"):
        for child in children_of(trigger):
            if child.dep_ in ("prep", "agent") and child.lower_ in _MEANS_PREPS:
                found.extend(_parties_after(child))
                means.extend(c for c in children_of(child) if c.dep_ == "pobj")
            elif child.dep_ in SUBJECTS:
                means.append(child)
            elif _is_moment_of_force(child):
                found.extend((a, None) for a in passive_agents(child))
                for subject in (c for c in children_of(child) if c.dep_ in SUBJECTS):
                    if _is_means(subject):
                        means.append(subject)
                    else:
                        found.append((subject, None))
    for noun in means:
        if _is_means(noun):
            found.extend(_parties_before(noun.doc, noun.i, noun.sent.start))
            found.extend((a, None) for verb in children_of(noun) if verb.dep_ == "acl" for a in passive_agents(verb))
    first: dict[int, tuple[Token, Span | None]] = {}
    for author in found:
        first.setdefault(author[0].i, author)
    return list(first.values())


def _is_moment_of_force(clause: Token) -> bool:
    """A clause that tells the moment of a harm by an act of force: 'when bombs were dropped on X',
    'as troops stormed the village', 'as the army executed six families', 'after regime shelling
    hit X'; not 'hours after the two powers agreed a truce'. Its verb is a strike's or a killing's,
    or a means is its subject or object."""
    if clause.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in _MOMENT_MARKS
                                         for m in children_of(clause)):
        return False
    lemma = clause.lemma_.lower()
    trigger = get_lexicon().verbs.get(lemma)
    return (trigger is not None and trigger.type == "ASSAULT") or lemma in load_casualty_lexicon().death_verbs or any(
        c.dep_ in SUBJECTS | PASSIVE_SUBJECTS | OBJECT_DEPS and _is_means(c) for c in children_of(clause))


def _is_means(token: Token) -> bool:
    """An attack or a weapon: 'air strikes', 'shelling', 'a missile'."""
    lemma = token.lemma_.lower()
    trigger = get_lexicon().nouns.get(lemma)
    return (trigger is not None and trigger.type == "ASSAULT") or lemma in WEAPON_NOUNS


def _parties_after(prep: Token) -> list[tuple[Token, Span]]:
    """The parties named before the first means after a preposition ('in Syrian regime airstrikes':
    'Syrian regime'); none when no means follows among the words of one noun phrase."""
    doc = prep.doc
    for i in range(prep.i + 1, min(prep.i + 1 + _MEANS_SCAN, prep.sent.end)):
        if _is_means(doc[i]):
            return _parties_before(doc, i, prep.i + 1)
        if not (_is_modifier(doc[i]) or doc[i].pos_ == "DET"):
            break
    return []


def _is_modifier(token: Token) -> bool:
    """A word of a noun's modifiers as the words run: a noun, an adjective, a hyphen, or the
    participle after one ('US-led')."""
    doc = token.doc
    return token.pos_ in _MODIFIER_POS or token.text in HYPHENS or (
        token.tag_ == "VBN" and token.i > 0 and doc[token.i - 1].text in HYPHENS)


def _parties_before(doc: Doc, end: int, start: int) -> list[tuple[Token, Span]]:
    """The parties named by the run of modifiers nearest before doc index `end` (back to `start` at
    most), each as its last word and its words: 'Syrian regime' of 'Syrian regime barrel bomb
    attacks', 'Russian' and 'Syrian regime' of 'Russian and Syrian regime raids', 'US' of 'a US-led
    coalition air strike'. A party word is an actors.yaml role of a state or an armed group, a
    nationality or an organisation; a name hyphened to a word of leading (actors.yaml
    author_suffixes) is the author too, and one hyphened to any other word is not ('rebel-held',
    'Iran-backed')."""
    runs: list[list[int]] = []  # [start, end) of each party, nearest first
    for i in range(end - 1, max(start, end - _MEANS_SCAN) - 1, -1):
        token = doc[i]
        if _is_party_modifier(token):
            if runs and runs[-1][0] == i + 1:
                runs[-1][0] = i
            else:
                runs.append([i, i + 1])
        elif runs and token.pos_ == "CCONJ" and runs[-1][0] == i + 1:
            continue  # 'Russian and Syrian'
        elif runs or not _is_modifier(token):
            break
    return [(doc[e - 1], doc[s:e]) for s, e in reversed(runs)]


def _is_party_modifier(token: Token) -> bool:
    suffix = hyphen_suffix(token.doc, token.i + 1)
    if suffix is not None:
        return suffix in _AUTHOR_SUFFIXES and token.ent_type_ in GROUP_LABELS
    return party_word(token) or token.ent_type_ in _PARTY_LABELS


def _names_both_parties(token: Token) -> bool:
    """'both sides', 'the two countries': the two parties of the conflict together."""
    return token.lemma_.lower() in COLLECTIVE_PARTIES and any(c.lower_ in PAIR_WORDS for c in children_of(token))


def _exchange_drafts(drafts: list[Draft], mention: Mention, ctx: ArticleContext,
                     salient: Salient) -> list[Draft]:
    """'X released hostages in exchange for prisoners': the other side's release, by the side the
    hostages go back to (extract/lists.py)."""
    captives = exchanged_captives(mention)
    if captives is None or not drafts:
        return []
    side = released_to(mention.type, drafts[0].source, drafts[0].target, mention.targets, ctx)
    freed = next(iter(actors_of(expand([captives]), ctx, salient)), None)
    holder = None  # the state the first captives belong to, when it is told and is not the other side's
    if side is not None and side.country and (freed is None or freed.country != side.country):
        holder = state_actor(side.country, side.text)
    return [Draft(type=mention.type, mode=mention.mode, status=mention.status, mentions=[mention],
                  source=holder, target=freed)]


def _one_per_people(actors: list[Actor]) -> list[Actor]:
    """'murdered men and boys': unnamed civilians of one country are one party, not one per word
    (named parties, even of one country, stay apart: CONVENTIONS 2)."""
    out: list[Actor] = []
    for actor in actors:
        if actor.sector == "CVL" and not _is_named(actor) and any(
                o.sector == "CVL" and not _is_named(o) and o.country == actor.country for o in out):
            continue
        out.append(actor)
    return out


def _is_named(actor: Actor) -> bool:
    return bool(actor.name) and actor.name != (actor.name or "").lower()


# ---------------------------------------------------------------- merging


def _trigger_mode(draft: Draft) -> str | None:
    """The manner of attack its words name ('drone attack', 'firing'), weapons aside: read once
    per set of trigger words in an article (merging asks it of every pair of strikes)."""
    told = [m for m in draft.mentions if not m.reference]
    modes = doc_memo(draft.first.trigger.doc, "pw:events.trigger_modes", _no_modes)
    key = tuple(m.trigger.i for m in told)
    if key not in modes:
        modes[key] = mode_of_words(_mode_words(told))
    return modes[key]


def _no_modes(_doc: Doc) -> dict[tuple[int, ...], str | None]:
    return {}


def _mode_words(mentions: list[Mention]) -> list[str]:
    """Trigger words with their noun modifiers ('air strike'), then alone ('strike', 'drone')."""
    phrases = [_trigger_words(m) for m in mentions]
    words = [m.trigger.lemma_.lower() for m in mentions]
    words += [c.lemma_.lower() for m in mentions for c in children_of(m.trigger) if c.dep_ in ("compound", "amod")]
    return phrases + words


# Types of act whose list of named places or sites tells one act per item ('retook A and B',
# 'withdrew from A and B'; CONVENTIONS 1).
LISTED_TYPES = frozenset({"ASSAULT", "RETREAT"})


def _listed(drafts: list[Draft], mention: Mention, view: _Sentence, ctx: ArticleContext) -> list[Draft]:
    """The drafts of one mention, one per named item when it tells a listed act. The reader of
    actors may already have made one draft per target of that list ('attacks on A and the B and C
    camps': A, 'camps'; 'struck the X airport, a factory and depots'): the items, or the sites
    split after, stand for those targets. Drafts of several attackers ('X and Y attacked ...') are
    dyads of their own, not a list."""
    if not drafts or len({_key(d.source) for d in drafts}) != 1:
        return drafts
    # each draft's own list ('attacks on A and the B camp': A, 'camp'); pair_items keeps one per item
    listed = [piece for draft in drafts for piece in _split_by_list(draft, mention, view, ctx)]
    if len(listed) > len(drafts) or any(piece.component for piece in listed):
        return listed
    if drafts[0].type == "ASSAULT" and len(_coordinated_sites(mention)) > 1:
        return drafts[:1]  # one strike per site follows (_split_by_site), whatever its target
    return drafts


def _split_by_list(draft: Draft, mention: Mention, view: _Sentence, ctx: ArticleContext) -> list[Draft]:
    """'Assaults on A and the B and C camps', 'retook towns including A in April and B in July':
    one act per named item, with its place and its own time; the whole stays beside its
    components when it has its own object ('towns including ...'). A list of countries names
    parties (one event per dyad is read from the actors), and a name the gazetteer knows whole
    ('Bosnia and Herzegovina') is no list."""
    listed = listed_components(mention) if draft.type in LISTED_TYPES else None
    if listed is None or ctx.place(text_of(listed.span)) is not None:
        return [draft]
    places = [ctx.place(text_of(item.name)) for item in listed.items]
    if any(p is not None and p.precision in ("country", "continent") for p in places):
        return [draft]
    # a name no gazetteer holds is in the country of the named items beside it, else of the act
    countries = {p.country for p in places if p is not None and p.country} or {
        p.country for p in draft.places if p.country}
    if listed.keeps_whole:  # the whole is placed where its items are not ('towns, including A and B')
        names = {text_of(item.name).lower() for item in listed.items}
        draft.places = [p for p in draft.places if (p.text or p.name or "").lower() not in names]
    out = [draft] if listed.keeps_whole else []
    site = list_site(listed.items[0].name.root)
    for item, place in zip(listed.items, places, strict=True):
        name = text_of(item.name)
        if place is None:
            place = Place(text=name, name=name, country=next(iter(countries)) if len(countries) == 1 else None)
        if site is not None:  # 'the targeted air bases include A and B': the A air base
            place = place.model_copy(update={"name": f"{name} {site}", "precision": place.precision or "city"})
        piece = replace(draft, mentions=list(draft.mentions), dates=list(draft.dates), offsets=list(draft.offsets),
                        places=[place.model_copy(update={"text": name})], casualties=[],
                        weapons=list(draft.weapons), component=name.lower())
        if item.time is not None:
            piece.dates = [t.when for t in view.times if t.offset is None
                           and t.span.start <= item.time.start < t.span.end]
            piece.offsets = [(t.offset, t.when.text or t.span.text) for t in view.times
                             if isinstance(t.offset, Offset) and t.span.start <= item.time.start < t.span.end]
        out.append(piece)
    if not listed.keeps_whole:
        out[0].casualties = list(draft.casualties)  # a toll told for all is not repeated per item
    return out


def _split_by_site(draft: Draft, mention: Mention, ctx: ArticleContext) -> list[Draft]:
    """'The strikes hit the port, a factory and the docks': one strike per coordinated site
    (CONVENTIONS 1: the components of an attack are events of their own)."""
    if draft.type != "ASSAULT":
        return [draft]
    sites = _coordinated_sites(mention)
    if len(sites) < 2:
        return [draft]
    out = []
    for site in sites:
        piece = replace(draft, mentions=list(draft.mentions), dates=list(draft.dates), offsets=list(draft.offsets),
                        places=list(draft.places), casualties=[], weapons=list(draft.weapons), site=site.lemma_.lower(),
                        target=facility_of(site, ctx) or draft.target)
        out.append(piece)
    out[0].casualties = list(draft.casualties)  # a toll told for all is not repeated per site
    return out


def _coordinated_sites(mention: Mention) -> list[Token]:
    """The facilities a strike is aimed at, with their conjuncts and the appositions the parse
    makes of a list ('the port, a factory, and the docks')."""
    found: list[Token] = []
    for target in mention.targets:
        for token in (target, *target.conjuncts):
            found.append(token)
            for appos in (c for c in children_of(token) if c.dep_ == "appos"):
                found.extend([appos, *appos.conjuncts])
    sites = _WORDS.site_nouns
    unique = {t.i: t for t in found if t.lemma_.lower() in sites and t.pos_ == "NOUN"}
    return [unique[i] for i in sorted(unique)]


def _split_by_place(draft: Draft) -> list[Draft]:
    """'Heavy firing in A, B and C': one strike per town (the towns, not the region holding them)."""
    towns = [p for p in draft.places if p.precision == "city"]
    # 'in A and in the governorate of B': a region holding none of the towns is a place of its own
    # (a region whose admin1 is its own name is not placed in the admin1 scheme: unknown)
    towns += [p for p in draft.places if p.precision == "region" and towns and p.admin1 not in (None, p.name)
              and all(t.admin1 != p.admin1 for t in towns)]
    if draft.type != "ASSAULT" or len({p.name for p in towns}) < 2:
        return [draft]
    out = []
    for town in {p.name: p for p in towns}.values():
        piece = replace(draft, places=[town], mentions=list(draft.mentions), dates=list(draft.dates),
                        offsets=list(draft.offsets), casualties=[], weapons=list(draft.weapons))
        out.append(piece)
    out[0].casualties = list(draft.casualties)  # a toll told for all is not repeated per town
    return out


# Acts whose author, left unnamed ('heavy firing was reported', 'the new sanctions blacklist
# tankers', 'two firms were also sanctioned'), is the one author of that kind the article has
# named so far: the word the note gives it. A strike's attackers are told apart by country; a
# sanction's by country or, for a body of no country (the EU), by name.
_INHERITED_AUTHORS = {"ASSAULT": "attacker", "SANCTION": "sanctioning side"}


def _inherit_attackers(drafts: list[Draft]) -> None:
    """An act of _INHERITED_AUTHORS told with no author is by the one author the article has named
    so far for acts of its kind, when it has named exactly one; the note says so."""
    for kind, word in _INHERITED_AUTHORS.items():
        authors: list[Actor] = []
        for draft in sorted(drafts, key=lambda d: d.sent_index):
            if draft.type != kind:
                continue
            if draft.source is not None:
                authors.append(draft.source)
                continue
            keys = {_author_key(kind, a) for a in authors} - {None}
            if any(m.sources for m in draft.mentions if m.anchor):
                continue  # 'following the army's retaking of X': its author is named, if not known
            if len(keys) == 1 and not _own_target(kind, draft, keys):
                draft.source = next(a for a in reversed(authors) if _author_key(kind, a))
                draft.note = "; ".join(x for x in (draft.note, f"{word} from earlier in the article") if x)


def _author_key(kind: str, actor: Actor) -> str | None:
    return actor.country if kind == "ASSAULT" else _key(actor)


def _own_target(kind: str, draft: Draft, keys: set[str | None]) -> bool:
    """Whether the one author would be the act's own target: a state does not sanction itself
    (a strike may hit its attacker's country: a civil war)."""
    return kind != "ASSAULT" and draft.target is not None and _key(draft.target) in keys


def _is_event_ref(actor: Actor | None) -> bool:
    return actor is not None and (actor.name or "").startswith("event:")


def _drop_self_targets(drafts: list[Draft]) -> None:
    """No one acts on themselves: a target that is the source (as read from a reference to another
    event, or a party read twice) is left unnamed."""
    for draft in drafts:
        if draft.source is not None and draft.target is not None and same_party(draft.source, draft.target):
            draft.target = None


def _is_worth_reporting(draft: Draft) -> bool:
    if draft.site is not None:
        return True  # one of several sites struck, named in the sentence
    if draft.source is not None or (draft.target is not None and not (draft.target.name or "").startswith("event:")):
        return True
    return draft.type == "ASSAULT" and bool(draft.casualties or draft.places or draft.weapons)


def _key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.name


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _place_key(draft: Draft) -> Place | None:
    return min(draft.places, key=lambda p: PLACE_RANK.get(p.precision, 5)) if draft.places else None


def _places_compatible(a: Draft, b: Draft) -> bool:
    pa, pb = _place_key(a), _place_key(b)
    if pa is None or pb is None:
        return True
    if pa.name == pb.name:
        return True
    # A country-level place holds any city of that country.
    if "country" in (pa.precision, pb.precision) and pa.country == pb.country:
        return True
    return False


def _tolls_compatible(a: Draft, b: Draft) -> bool:
    """Two tellings with different death tolls of their own are two strikes ('last week's strikes
    killed more than 100' and 'at least 15 were killed in fresh strikes'), unless one of them
    only names the other or counts children or women only."""
    if _whole_toll(a) != _whole_toll(b):
        return False  # a war's toll ('the conflict has killed 300,000') is not a strike's
    if not a.casualties or not b.casualties or all(m.reference for m in b.mentions):
        return True
    if a.first.sent.start == b.first.sent.start:
        return True  # one sentence tells one toll: a strike on X killed 12
    ma, mb = merge_casualties(a.casualties), merge_casualties(b.casualties)
    ka, kb = ma.killed, mb.killed
    if ka is None or kb is None or is_subset_toll(ma) or is_subset_toll(mb):
        return True
    return (ka.min, ka.max) == (kb.min, kb.max)


def _whole_toll(draft: Draft) -> bool:
    """The draft's only tolls are a whole war's (numbers.Casualties.whole)."""
    return bool(draft.casualties) and all(c.whole for c in draft.casualties)


def _is_definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in children_of(token))


def _dates_compatible(a: Draft, b: Draft, slack: int = 0) -> bool:
    """Day dates that agree, or lie within `slack` days: the same meeting told as 'on Thursday'
    and 'on Friday' is one meeting with a conflict to report, not two meetings. A day and a month
    agree when the day falls in the month ('on Monday' is not 'in late July')."""
    da = {date.fromisoformat(w.value) for w in a.dates if w.value and w.precision == "day"}
    db = {date.fromisoformat(w.value) for w in b.dates if w.value and w.precision == "day"}
    if da and db:
        return any(abs((x - y).days) <= slack for x in da for y in db)
    ma = {w.value[:7] for w in a.dates if w.value and w.precision in ("day", "month")}
    mb = {w.value[:7] for w in b.dates if w.value and w.precision in ("day", "month")}
    return slack > 0 or not ma or not mb or bool(ma & mb)


def _mergeable(a: Draft, b: Draft) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if (a.caption or b.caption) and a.first.sent.start != b.first.sent.start:
        return False  # a photo caption's moment is not an act the story tells elsewhere
    if a.type == "ASSAULT":
        return (_compatible(_key(a.source), _key(b.source)) and _same_side(a.source, b.source)
                and _places_compatible(a, b) and _tolls_compatible(a, b)
                and _dates_compatible(a, b) and _compatible(_trigger_mode(a), _trigger_mode(b))
                and _same_strike(a, b))
    return (_same_actor(a.source, b.source) and _same_actor(a.target, b.target)
            and _dates_compatible(a, b, slack=RETELLING_SLACK_DAYS)
            and (a.first.sent.start != b.first.sent.start or a.caption)  # a caption shows one moment
            and not _told_again(a, b) and not _told_again(b, a)
            and (a.type in PAIR_MEETING_TYPES or _same_telling(a, b)))


def _told_again(later: Draft, earlier: Draft) -> bool:
    """'The two sides met on Monday. Both sides met again on Thursday.': an act told as done again,
    after a telling of it in an earlier sentence, is another act than that one."""
    return later.first.sent.start > earlier.first.sent.start and any(
        c.dep_ == "advmod" and c.lower_ in REPETITION_ADVERBS
        for m in later.mentions for word in dict.fromkeys([m.trigger, m.clause]) for c in children_of(word))


STATE_SECTORS = frozenset({"GOV", "MIL"})


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """Warships of a government and rebels of the same country are two sides, not one attacker
    told twice; a state told as its government or its army is one."""
    if a is None or b is None or not a.sector or not b.sector:
        return True
    return (a.sector in STATE_SECTORS) == (b.sector in STATE_SECTORS)


def _same_telling(a: Draft, b: Draft) -> bool:
    """Positive evidence that two tellings of one pair's act of the same type are one act: the
    same trigger word, or a definite noun taking it up ('the sanctions', 'the drills'). A package
    and the measures it holds ('approved sanctions' ... 'also blacklisted tankers') stay apart.
    (A pair's meeting told twice within days is one meeting whatever the words: PAIR_MEETING_TYPES.)"""
    if {m.trigger.lemma_.lower() for m in a.mentions} & {m.trigger.lemma_.lower() for m in b.mentions}:
        return True
    return any(all(m.reference or (m.is_noun and _is_definite(m.trigger)) for m in d.mentions) for d in (a, b))


def _same_strike(a: Draft, b: Draft) -> bool:
    """Positive evidence that two compatible tellings of force are one strike: told in one
    sentence, or both placed at the same site below the country (the same town or region).
    An aggregate ('strikes on the port city') and its parts ('the strikes hit the port and a
    factory'), or two strikes of one attacker in one country, stay apart (CONVENTIONS 1)."""
    if a.site != b.site and (a.first.sent.start != b.first.sent.start or None not in (a.site, b.site)):
        return False  # one site struck is not another, nor the whole attack told elsewhere
    if a.component != b.component and a.first.sent.start == b.first.sent.start:
        return False  # one item of a list is not another, nor the whole the list is of
    if a.first is b.first:
        return False  # 'X and Y murdered ...': one telling's pairs of actors are one event each (CONVENTIONS 2)
    if a.first.sent.start != b.first.sent.start and _is_additional(max(a, b, key=lambda d: d.first.sent.start)):
        return False  # 'X also said it attacked ...': one more strike, not the one told before
    if a.component != b.component:
        # one item of a list is taken up elsewhere only by a telling that refers back to it ('the
        # strike on A'), not by another telling of force at A (the whole, or a campaign there)
        return _is_retelling(b, a) if a.component else _is_retelling(a, b)
    if a.first.sent.start != b.first.sent.start and _campaign_and_strike(a, b):
        return False
    if _compared_past(a, b):
        return False
    if a.first.sent.start == b.first.sent.start:
        # 'stepped up attacks following the army's retaking of X': what a clause came after is another act
        return not _coordinated_acts(a, b) and not _anchor_of_other(a, b)
    if a.site is not None:
        return True  # the same site struck, told again
    pa, pb = _place_key(a), _place_key(b)
    if pa is not None and pb is not None:
        return pa.name == pb.name and pa.precision != "country"
    return _same_toll(a, b) or _is_retelling(b, a) or _is_retelling(a, b)


def _is_additional(draft: Draft) -> bool:
    """Whether a draft's first telling is marked as one act more than those told before it: an
    additive adverb on its verb, or on the verb of saying whose clause tells it ('X also said it
    struck Y'). One that takes up a strike by a definite noun tells more of that strike ('the
    attack also killed two')."""
    mention = draft.first
    if mention.reference or _refers_back(draft):
        return False
    nouns = get_lexicon().nouns
    if any(c.dep_ in SUBJECTS and c.lemma_.lower() in nouns and _is_definite(c) for c in children_of(mention.clause)):
        return False  # 'the attack also killed two': the toll of the attack told before
    node = mention.clause
    for _ in range(3):
        if any(c.dep_ == "advmod" and c.lower_ in ADDITIVE_ADVERBS for c in children_of(node)):
            return True
        if node.dep_ not in ("ccomp", "xcomp") or node.head.i == node.i:
            break
        node = node.head
    return False


def _anchor_of_other(a: Draft, b: Draft) -> bool:
    """One of two tellings in a sentence is only an act another clause came after ('since',
    'following'): it is the same act only as a clause of its own phrase tells it ('after X's
    assault on April 23, in which it fired ...')."""
    return any(all(m.anchor for m in d.mentions) and not any(t.i == o.first.trigger.i for t in d.first.clause.subtree)
               for d, o in ((a, b), (b, a)))


def _campaign_and_strike(a: Draft, b: Draft) -> bool:
    """'In recent weeks, X stepped up attacks on A' and 'X's attack on A on Friday': force told over
    a period (a vague span, a month or longer: _period_only) is a campaign, not the strike of a day
    told elsewhere, unless a definite noun takes that strike up ('the attack this month')."""
    period = [d for d in (a, b) if _period_only(d) and not _refers_back(d)]
    dated = [d for d in (a, b) if _has_date(d) and any(w.precision == "day" for w in d.dates)]
    return len(period) == 1 and len(dated) == 1 and period[0] is not dated[0]


def _compared_past(a: Draft, b: Draft) -> bool:
    """'its largest attack since the invasion began in 2022', 'the deadliest strike since shelling
    killed 40 in May 2019': the act of a clause that opens the compared period is a past act of its
    own, never the act the sentence tells nor one told elsewhere of a day."""
    return sum(any(opens_period(m.clause) for m in d.mentions if not m.reference) for d in (a, b)) == 1


def _coordinated_acts(a: Draft, b: Draft) -> bool:
    """'Gunmen stormed the village, set fire to homes and looted the market': coordinated verbs,
    each with its object, tell one act each; a verb of harm beside them ('and killed five')
    tells the toll of the same act."""
    harm = load_casualty_lexicon().harm_verbs
    for first in a.mentions:
        for second in b.mentions:
            verbs = (first.trigger, second.trigger)
            if first.reference or second.reference or any(v.pos_ != "VERB" for v in verbs):
                continue
            if any(v.lemma_.lower() in harm for v in verbs) or verbs[1] not in verbs[0].conjuncts:
                continue
            if all(any(c.dep_ in OBJECT_DEPS for c in children_of(v)) for v in verbs):
                return True
    return False


def _same_toll(a: Draft, b: Draft) -> bool:
    """The same death toll told twice ('killing 35 civilians' ... 'claiming the lives of 35')."""
    if not a.casualties or not b.casualties:
        return False
    ka, kb = merge_casualties(a.casualties).killed, merge_casualties(b.casualties).killed
    return ka is not None and kb is not None and (ka.min, ka.max) == (kb.min, kb.max)


def _is_retelling(draft: Draft, other: Draft) -> bool:
    """A telling that takes up a strike told before: 'the strike on X was ...', 'killed in the
    attack', a telling with neither attacker nor place ('At least 18 were killed'), or the same
    verb with its attacker only a pronoun ('X targeted ...' ... 'it targeted ...')."""
    own = [m for m in draft.mentions if not m.reference]
    if _refers_back(draft):
        return True
    if draft.places:
        return False
    if any(_is_anaphoric_place(t) for m in own for t in m.targets):
        return True  # 'attacked the Ukrainian capital': a place named before, taken up by a description
    if all(not m.sources for m in own):
        # a toll or a strike told with neither attacker nor place; but a period dated only to a
        # month or longer ('combat in late July that killed dozens') is no strike of a day, and
        # takes up none nor is taken up so
        return not (_period_only(draft) or _period_only(other))
    told = {m.trigger.lemma_.lower() for m in other.mentions}
    return all(m.sources and all(t.pos_ == "PRON" for t in m.sources) and m.trigger.lemma_.lower() in told
               for m in own)


def _refers_back(draft: Draft) -> bool:
    """A telling that takes up a strike by a definite noun ('the strike on X was ...', 'killed in
    the attack'), whatever time its clause names."""
    own = [m for m in draft.mentions if not m.reference]
    return any(m.reference and _is_definite(m.trigger) for m in draft.mentions) or (
        bool(own) and all(m.is_noun and _is_definite(m.trigger) for m in own))


def _period_only(draft: Draft) -> bool:
    """A telling of a period, not of a day: its only times are vague spans ('in recent weeks') or
    span a month or longer ('in late July', 'last year')."""
    spans = [w for w in draft.dates if w.value or w.rule == VAGUE_RULE]
    return bool(spans) and all(not w.value or w.precision not in ("day", "week") for w in spans)


def _is_anaphoric_place(token: Token) -> bool:
    """'the city', 'the Ukrainian capital', "the town's market": a definite place noun with no
    name of its own, taking up a place the article named before."""
    nodes = [token, *(c for c in token.children if c.dep_ == "poss")]
    return any(takes_up_place(n) for n in nodes)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    return _key(a) == _key(b) and (a.name == b.name or not a.name or not b.name)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per happening; merged again while a merge brings two drafts together (a later
    telling can show that an earlier one and a still earlier one are the same)."""
    merged = _merge_once(drafts)
    while len(again := _merge_once(merged)) < len(merged):
        merged = again
    return merged


def _merge_once(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        home = next((m for m in merged if _mergeable(m, draft)), None)
        if home is None:
            merged.append(draft)
            continue
        home.mentions.extend(draft.mentions)
        home.source = home.source or draft.source
        if home.target is None or (draft.target is not None and (home.target.name or "").startswith("event:")):
            home.target = draft.target
        home.dates.extend(draft.dates)
        home.offsets.extend(draft.offsets)
        home.places.extend(draft.places)
        home.borrowed += draft.borrowed
        home.casualties.extend(draft.casualties)
        home.weapons.extend(draft.weapons)
        home.mode = home.mode or draft.mode
        home.count = home.count or draft.count
        home.note = home.note or draft.note
        home.others = home.others or draft.others
    return merged


def _resolve_reference_targets(drafts: list[Draft], references: list[tuple[int, Mention]],
                               ctx: ArticleContext) -> None:
    """'condemned the attack on X': the accused is whoever carried out that attack."""
    for draft in drafts:
        target = draft.target
        name = target.name or "" if target is not None else ""
        if not name.startswith("event:"):
            continue
        token = ctx.doc[int(name.split(":", 1)[1])]
        kind = get_lexicon().nouns[token.lemma_.lower()].type
        event = _find_event(drafts, kind, token)
        if event is not None and event is not draft and any(
                m.trigger.lemma_ == token.lemma_ for m in event.mentions):
            draft.target = event.source
            continue
        # 'rejected the same proposal': whose proposal an earlier sentence said ('the US proposal')
        earlier = [d for d in drafts if d is not draft and d.target is not None and d.first.trigger.i < token.i
                   and any(t.head.lemma_ == token.lemma_ for m in d.mentions for t in m.targets)]
        if earlier:
            draft.target = earlier[-1].target
        else:
            draft.target = event.source if event is not None and event is not draft else None


def _find_event(drafts: list[Draft], kind: str, noun: Token) -> Draft | None:
    """The event a noun names: same type, the place it names when it names one, the same
    word when one was used ('the same proposal'), and the last one told before it."""
    names = {t.text for t in noun.subtree if t.ent_type_ in PLACE_LABELS}
    candidates = [d for d in drafts if d.type == kind and d.source is not None]
    if names:
        near = [d for d in candidates if any(p.text in names or p.name in names for p in d.places)]
        candidates = near or candidates
    same_word = [d for d in candidates if any(m.trigger.lemma_ == noun.lemma_ for m in d.mentions)]
    candidates = same_word or candidates
    before = [d for d in candidates if d.first.trigger.i < noun.i]
    return before[-1] if before else None


# ---------------------------------------------------------------- dates


def _assign_dates(drafts: list[Draft], sentence_times: list[list[SentenceTime]],
                  free_times: list[set[int]], references: list[tuple[int, Mention]], ctx: ArticleContext,
                  captions: Set[int]) -> None:
    ordered = sorted(drafts, key=lambda d: d.sent_index)
    bare = {i for i, sent in enumerate(sentences(ctx.doc)) if is_bare_line(sent)}
    story = ctx.story()
    for draft in ordered:
        if _has_date(draft) or _vague_only(draft) or draft.offsets or draft.first.derived or _is_background(draft):
            continue  # a promise or threat is dated by its saying; a past perfect tells what came before
        # a caption's time dates only what the caption shows
        skipped = frozenset() if draft.caption else captions
        told = _narrative_date(draft, sentence_times, free_times, ctx, ordered, bare, skipped) or _after_event_date(
            draft, ordered, references)
        if told is not None:
            draft.dates.append(told)
    # Event-anchored dates: 'two days prior to the attack', 'two weeks later'.
    times_told = _TimesTold(sentence_times, ctx)
    for draft in ordered:
        if not _has_date(draft) and not _vague_only(draft) and draft.offsets:
            draft.dates.append(_offset_date(draft, ordered, times_told, references, story))
    for draft in ordered:
        if not _has_date(draft) and not _vague_only(draft) and story is not None and not _is_background(draft):
            draft.dates.append(story.model_copy(update={"text": None, "rule": f"undated current news: {story.rule}"}))


def _date_by_retelling(drafts: list[Draft], dropped: list[Draft]) -> None:
    """'insurgents who had declared a blockade ...', then 'the group announced the blockade last
    week': a definite noun taking up an event still undated tells its time, even where it names
    no actor to report an event of its own."""
    for retelling in dropped:
        dated = [w for w in retelling.dates if w.value]
        if not dated or not all(m.is_noun and _is_definite(m.trigger) for m in retelling.mentions):
            continue
        lemmas = {m.trigger.lemma_ for m in retelling.mentions}
        told = [d for d in drafts if d.type == retelling.type and d.first.trigger.i < retelling.first.trigger.i
                and any(m.trigger.lemma_ in lemmas for m in d.mentions)]
        if told and not _has_date(told[-1]):
            told[-1].dates.extend(dated)


def _has_date(draft: Draft) -> bool:
    return any(w.value for w in draft.dates)


def _vague_only(draft: Draft) -> bool:
    """One telling whose only time is a vague span ('in recent weeks'): its date is unknown (rule 6).
    Told more than once, the vague telling gives way to the others' dates."""
    return bool(draft.dates) and not _has_date(draft) and len(draft.mentions) == 1


def _narrative_date(draft: Draft, sentence_times: list[list[SentenceTime]],
                    free_times: list[set[int]], ctx: ArticleContext, ordered: list[Draft],
                    bare: set[int], skipped: Set[int]) -> When | None:
    """A date told earlier in the same or the previous sentences, that no other event took, up to
    a bare line (a credit or a heading). A saying takes an earlier sentence's time only when the
    same speaker speaks there ('X said on Thursday ...' does not date Y's words)."""
    first = draft.sent_index
    last = max(0, first - NARRATIVE_WINDOW)
    saying = draft.type in SAYING_TYPES
    for back in range(first, last - 1, -1):
        if back in bare:
            break
        if back in skipped:
            continue
        if back != first and saying and not any(same_speaker(a, draft.source)
                                                for a in _speakers(back, sentence_times[back], ordered, ctx)):
            continue
        # in the event's own sentence, only a time no other clause took; before it, the story's time
        plain = [t.when for t in sentence_times[back] if t.offset is None and t.when.value
                 and not after_publication(t.when, ctx.published)
                 and (id(t.span) in free_times[back] if back == first
                      else not told_aside(t.span.root, t.when, ctx.published) and not told_ahead(t.span))]
        if plain:
            return plain[0].model_copy(update={"rule": (plain[0].rule or "") + "; narrative"})
    return None


def _after_event_date(draft: Draft, ordered: list[Draft], references: list[tuple[int, Mention]]) -> When | None:
    """'After repelling the attack, officers seized ...': the day of the event the noun takes up."""
    for index, ref in references:
        if index == draft.sent_index and _is_definite(ref.trigger) and follows_event(ref.trigger, draft.first.clause):
            event = _find_event(ordered, ref.type, ref.trigger)
            best = _best_date(event) if event is not None and event is not draft else None
            if best is not None and best.precision == "day":
                return best.model_copy(update={"rule": f"{best.rule}; the day of the {ref.trigger.lower_} it follows"})
    return None


def _speakers(index: int, times: list[SentenceTime], ordered: list[Draft],
              ctx: ArticleContext) -> list[Actor | None]:
    """Who speaks in a sentence: the sources of its sayings and the subjects of its verbs of saying."""
    told = [d for d in ordered if d.sent_index == index]
    sents = [span_sentence(t.span) for t in times[:1]] or [d.first.sent for d in told[:1]]
    speech = get_lexicon().speech_verbs
    return [d.source for d in told if d.type in SAYING_TYPES] + [
        ctx.describe(c) for sent in sents for t in sent if t.lemma_.lower() in speech
        for c in t.children if c.dep_ in SUBJECTS]


def _offset_date(draft: Draft, ordered: list[Draft], told: _TimesTold, references: list[tuple[int, Mention]],
                 story: When | None) -> When:
    """The date of an anchored offset: shifted from the time the story told last before it ('on
    Monday ... a day earlier'), else from its anchor event, else (a same-day offset that opens the
    story, 'earlier in the day') from the story's day."""
    offset, text = draft.offsets[0]
    base = told.before(offset) if offset.anchor is None else None
    if base is None:
        anchor = _anchor_event(draft, offset, ordered, references)
        base = _best_date(anchor) if anchor is not None else None
    if base is None and offset.anchor is None and story is not None and not _is_background_offset(offset):
        base = story
    if base is not None and base.value:
        return shift_when(base, offset, text)
    return When(text=text, value=None, precision=None, rule="anchored, anchor not dated", anchor=offset.anchor)


class _TimesTold:
    """The dated times the text tells, in order, for offsets without anchor phrase: 'hours
    earlier' counts from the story's time where the reader is, not from the last event that has a
    date. Built once per article (an article may hold thousands of offsets)."""

    def __init__(self, sentence_times: list[list[SentenceTime]], ctx: ArticleContext) -> None:
        self.sentence_times = sentence_times
        self.ctx = ctx
        self.where = {id(t.offset): (i, t.span) for i, times in enumerate(sentence_times) for t in times
                      if t.offset is not None}
        self.last: list[When | None] = []  # per sentence, the last dated time told before it
        last: When | None = None
        for times in sentence_times:
            self.last.append(last)
            plain = self._plain(times)
            last = plain[-1] if plain else last

    def _plain(self, times: list[SentenceTime], end: int | None = None) -> list[When]:
        return [t.when for t in times if t.offset is None and t.when.value
                and not after_publication(t.when, self.ctx.published) and (end is None or t.span.start < end)]

    def before(self, offset: Offset) -> When | None:
        """The last dated time told before `offset` (in its sentence first), or None."""
        where = self.where.get(id(offset))
        if where is None:
            return None
        index, at = where
        same = self._plain(self.sentence_times[index], at.start)
        return same[-1] if same else self.last[index]


def _is_background_offset(offset: Offset) -> bool:
    """Only a same-day offset ('earlier in the day') with nothing before it counts from the news day."""
    return offset.amount != 0


def _is_background(draft: Draft) -> bool:
    """The past perfect tells background, not the news of the day (except in reported speech,
    where 'said it had deployed' is the tense of the reporting); so does an act told only as what
    another came after ('since the arrest of X'): it has no date but its own."""
    if all(m.anchor for m in draft.mentions):
        return True
    clause = draft.first.clause
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in get_lexicon().speech_verbs:
        return False
    return clause.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_ == "aux" for c in clause.children)


def _anchor_event(draft: Draft, offset: Offset, ordered: list[Draft],
                  references: list[tuple[int, Mention]]) -> Draft | None:
    anchor_text = offset.anchor
    if anchor_text:
        for index, ref in references:
            if index == draft.sent_index and ref.trigger.text in anchor_text:
                event = _find_event(ordered, ref.type, ref.trigger)
                if event is not None and event is not draft:
                    return event
        return None
    earlier = [d for d in ordered if d.sent_index < draft.sent_index and d.dates]
    return earlier[-1] if earlier else None


def _best_date(draft: Draft) -> When | None:
    best, _ = reconcile(draft.dates) if draft.dates else (None, [])
    return best


# ---------------------------------------------------------------- records


def _to_event(draft: Draft, ctx: ArticleContext) -> Event:
    when, conflicts = reconcile(draft.dates) if draft.dates else (None, [])
    place = _place_key(draft) or borrowed_place(draft.borrowed)
    casualties = merge_casualties(draft.casualties) if draft.casualties else Casualties()
    target = draft.target
    if draft.type == "ASSAULT":
        target = _assault_target(target, casualties, place, draft.source,
                                 dead_doers=any(_died_doing(m) for m in draft.mentions if not m.reference))
    target = locate_facility(target, place.country if place is not None else None, ctx)
    target = released_to(draft.type, draft.source, target, [t for m in draft.mentions for t in m.targets], ctx)
    mode = draft.mode
    if draft.type == "ASSAULT" and mode is None:
        # the weapon named says more than the verb ('fired three cruise missiles')
        mode = mode_of_words([w.name for w in draft.weapons] + _mode_words(draft.mentions))
    evidence, also = _evidence(draft)
    notes = [n for n in (draft.note, *conflicts) if n]
    return Event(
        type=draft.type, mode=mode, status=draft.status, source=draft.source, target=target, date=when,
        location=place, count=draft.count, killed=casualties.killed, injured=casualties.injured,
        children_killed=casualties.children_killed, women_killed=casualties.women_killed,
        weapons=_unique_weapons(draft.weapons), evidence=evidence, also_evidence=also,
        trigger=draft.first.trigger.text, note="; ".join(notes) or None, others=draft.others,
    )


def _trigger_words(mention: Mention) -> str:
    """The trigger with its noun modifiers: 'air strike', 'drone attack'."""
    modifiers = [c.lemma_.lower() for c in children_of(mention.trigger) if c.dep_ in ("compound", "amod")
                 and c.i < mention.trigger.i]
    return " ".join([*modifiers, mention.trigger.lemma_.lower()])


def _assault_target(target: Actor | None, casualties: Casualties, place: Place | None,
                    source: Actor | None, dead_doers: bool = False) -> Actor | None:
    """The target of a strike: its victims (unless they are its doers: _died_doing), else the target
    read, else the country of its place, unless that place is only the attacking state's own
    country ('throughout Russia's invasion', placed in Russia by the sentence before, is no attack
    on Russia; rebels or an army fighting in their own country are another matter)."""
    if casualties.victims and not dead_doers:
        victim = describe_actor_text(casualties.victims)
        if victim is not None:
            victim = victim.model_copy()  # the cached reading is shared; each event gets its own
            if victim.country is None and target is not None and target.country and victim.text \
                    and victim.text.lower() in (target.text or "").lower():
                # the same people read in the article ('members of the group': the group's)
                victim = victim.model_copy(update={"country": target.country})
            if victim.country is None and place is not None:
                victim = victim.model_copy(update={"country": place.country})
            return victim
    if target is not None and (target.country or target.sector):
        return target
    if place is not None and place.country and not (
            place.precision == "country" and source is not None and source.sector == "GOV"
            and source.country == place.country):
        return state_actor(place.country, place.text, sector=None)
    return target


def _died_doing(mention: Mention) -> bool:
    """'Three soldiers died fighting the rebels': the act is told of those who died doing it, so the
    dead are its doers' side, not its target. The act's verb hangs on a verb of dying whose subject
    is the act's own doer."""
    trigger = mention.trigger
    if trigger.dep_ not in ("xcomp", "advcl") or trigger.head.lemma_.lower() not in load_casualty_lexicon().death_verbs:
        return False
    return any(source.head.i == trigger.head.i and source.dep_ in SUBJECTS | PASSIVE_SUBJECTS
               for source in mention.sources)


@cache
def describe_actor_text(text: str) -> Actor | None:
    """An actor from a bare phrase ('civilians', 'soldiers'), parsed with the shared pipeline."""
    from peacewatch.nlp import get_nlp

    doc = get_nlp().make_doc(text)
    for name, proc in get_nlp().pipeline:
        if name in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"):
            doc = proc(doc)
    return describe_actor(doc[:], persons=None)


def _evidence(draft: Draft) -> tuple[str, list[str]]:
    def score(mention: Mention) -> int:
        # a relative clause tells an event in passing ('an attack by X that struck Y'): a sentence
        # of its own that tells it says more
        return (3 * (not mention.reference) + 2 * bool(mention.sources) + bool(mention.targets)
                + (mention.trigger.pos_ == "VERB") - (mention.clause.dep_ == "relcl"))

    sentences: list[str] = []
    for mention in sorted(draft.mentions, key=score, reverse=True):
        text = text_of(mention.sent).strip()
        if text and text not in sentences:
            sentences.append(text)
    return sentences[0], sentences[1:]


def _unique_weapons(weapons: list[Weapon]) -> list[Weapon]:
    out: dict[tuple[str, str | None], Weapon] = {}
    for weapon in weapons:
        key = (weapon.name, weapon.model)
        known = out.get(key)
        if known is None or (known.count is None and weapon.count is not None):
            out[key] = weapon
    # A bare name ('ballistic missile') is the same as the same name with a model.
    models = {w.name for w in out.values() if w.model}
    return [w for w in out.values() if w.model or w.name not in models]


__all__ = ["extract_events"]
