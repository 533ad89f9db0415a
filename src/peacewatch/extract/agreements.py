"""Agreements: ceasefires, peace deals, deals and proposals, each with the history of what the
parties did about it and its status as of publication.

Every sentence is searched for agreement mentions ('an initial 30-day ceasefire between A and
B', 'the US proposal for a ceasefire', 'the agreement', 'the same proposal', 'peace talks', 'the
2023 X Declaration', 'the second phase of the truce', 'a US push to end the war'). A mention that
points back, or that repeats what an earlier one said, joins that agreement; one with a scope of
its own starts a new one, as do a title of its own, a later phase and 'previous ceasefires'. The
verb a mention hangs on gives a step of the history ('A rejected the same proposal' -> rejected by
A; 'A put the accord on hold' -> collapsed by A), with the step's date from its sentence; a step
under 'threatened to', 'set to', 'will begin' is not taken. The status comes from the steps and
from what the article says of the agreement itself ('leaving the deal unresolved'; a threat to
suspend it, or an accusation of breaking it, tells it is in force), never from a word near it.
The lexicon is data/agreements.yaml; the rules are in docs/CODEBOOK.md, "Agreements".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy import symbols
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from peacewatch.data.event_words import EventWords
from peacewatch.data.reading_words import AgreementWords, ScopeWords
from peacewatch.extract.claims import claim_lexicon
from peacewatch.extract.context import (
    COLLECTIVE_PARTIES,
    ArticleContext,
    Salient,
    actor_of,
    first_country,
    recent_pair,
    remember_subjects,
    sentence_times,
)
from peacewatch.extract.countries import country_of, state_actor
from peacewatch.extract.counts import parse_number
from peacewatch.grammar import (
    AIMED_AT_PREPS,
    ANCHOR_PREPS,
    ARTICLES,
    COMPLEMENT_PREPS,
    CONDITION_MARKS,
    DEFINITE_DETERMINERS,
    FUTURE_MARKS,
    GROUP_SUBJECT_PRONOUNS,
    MANNER_PREPS,
    MEANS_PREPS,
    MODALS,
    NONSPECIFIC_DETERMINERS,
    PARTNER_PREPS,
    PERFECT_AUXILIARIES,
    PRESENT_TAGS,
    RECIPROCALS,
    RELATIVE_CLAUSE_WORDS,
    SCOPE_PREPS,
    SOURCE_PREPS,
    TOWARDS_PREPS,
)
from peacewatch.nlp import (
    doc_memo,
    doc_tokens,
    lemmas,
    lowers,
    sentence_of,
    sentences,
    text_of,
    tokens_of,
    tokens_within,
    words,
)
from peacewatch.resolve.time import resolve_mention, shift_when
from peacewatch.schema import Actor, Agreement, Claim, Event, HistoryStep, When

# Units of a duration in days ('a 30-day ceasefire'), from data/agreements.yaml.
UNIT_DAYS = AgreementWords.load().unit_days
DURATION = re.compile(r"^(\w+)-(" + "|".join(map(re.escape, UNIT_DAYS)) + r")s?$", re.I)
# Steps (codes of the history, not words) a party takes on its own.
PARTY_ACTIONS = {"accepted", "rejected", "violated", "accused_violation", "demanded", "signed"}
# Steps whose party is the subject of the verb that takes the agreement as object ('Pakistan put the
# accord on hold': collapsed by Pakistan); of those, the steps every coordinated subject takes.
OBJECT_PARTY_ACTIONS = {"violated", "rejected", "accepted", "proposed", "signed", "collapsed"}
SHARED_ACTIONS = {"signed", "accepted"}
# Prepositions after which a violation is told as a fact ('amid ceasefire violations').
FACT_PREPS = ANCHOR_PREPS | {"amid", "despite"}
# Entity labels under which the parser names a treaty or declaration by its title.
TITLE_LABELS = frozenset({"LAW", "EVENT"})
YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Dependents of an agreement's noun that name it or tell its terms ('an Easter truce', 'a truce
# beginning May 12', 'the 1994 Volta Treaty'): their times are not the date of a verb's step.
OWN_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
# Prepositions of a stated end ('until midnight on Sunday'), and how far after one its time may
# start ('until midnight on April 21'); the clauses through which it may belong to the agreement.
END_PREPS = frozenset({"until", "till", "through"})
END_WORDS = 4
# ... and of the end of a span 'from 6 pm Saturday to midnight Sunday', only after its start.
SPAN_START_PREPS, SPAN_END_PREPS, SPAN_WORDS = frozenset({"from"}), frozenset({"to"}), 8
END_CLAUSE_DEPS = frozenset({"conj", "xcomp", "amod", "acl", "relcl", "advcl", "acomp", "oprd"})
# Steps that put an agreement in existence; without one, a ceasefire the article names as a fact
# ('This was followed by a 30-day maritime ceasefire') was agreed.
EXISTENCE = {"agreed", "signed", "in_force", "accepted", "proposed", "rejected"}
@dataclass(frozen=True)
class AgreementLexicon:
    ceasefire_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    proposal_nouns: frozenset[str]
    negotiation_nouns: frozenset[str]
    instrument_nouns: frozenset[str]
    instrument_complements: dict[str, str]
    titled_peace_nouns: frozenset[str]
    subject_nouns: frozenset[str]
    effort_nouns: frozenset[str]
    ending_verbs: frozenset[str]
    war_nouns: frozenset[str]
    phase_nouns: frozenset[str]
    first_words: frozenset[str]
    later_words: frozenset[str]
    earlier_modifiers: frozenset[str]
    ideal_modifiers: frozenset[str]
    peace_words: frozenset[str]
    abstract_modifiers: frozenset[str]
    step_verbs: dict[str, str]
    subject_steps: dict[tuple[str, ...], str]
    hold_phrases: dict[tuple[str, str], str]
    exit_phrases: dict[str, tuple[str, ...]]
    unrealised_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    effect_verbs: frozenset[str]
    effect_nouns: frozenset[str]
    wish_verbs: frozenset[str]
    rejecting_adjectives: frozenset[str]
    step_nouns: dict[str, str]
    required_particles: dict[str, str]
    particle_steps: dict[tuple[str, str], str]
    demand_nouns: frozenset[str]
    unresolved_words: frozenset[str]
    partial_words: frozenset[str]
    scope_stopwords: frozenset[str]
    scope_verbs: frozenset[str]
    attack_nouns: frozenset[str]
    definite_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    purpose_verbs: frozenset[str]
    brokering_modifiers: frozenset[str]
    mediating_modifiers: frozenset[str]
    mediating_suffixes: tuple[str, ...]
    negotiating_verbs: frozenset[str]
    deliberation_verbs: frozenset[str]  # event_words.yaml: talking over, and prospects no step takes
    examining_verbs: frozenset[str]
    proposing_verbs: frozenset[str]
    cover_words: frozenset[str]
    hyphen_tails: frozenset[str]  # the last parts of hyphenated ceasefire nouns ('fire' of 'cease-fire')


# The word lists of data/agreements.yaml read as sets.
_WORD_SETS = ("ceasefire_nouns", "generic_nouns", "proposal_nouns", "negotiation_nouns", "instrument_nouns",
              "titled_peace_nouns", "subject_nouns", "effort_nouns", "ending_verbs", "war_nouns", "phase_nouns",
              "first_words", "later_words", "earlier_modifiers", "ideal_modifiers", "unrealised_verbs",
              "threat_verbs", "effect_verbs", "effect_nouns", "peace_words", "abstract_modifiers", "wish_verbs",
              "rejecting_adjectives", "demand_nouns", "unresolved_words",
              "partial_words", "scope_stopwords", "scope_verbs", "attack_nouns", "definite_modifiers",
              "hypothetical_modifiers", "purpose_verbs", "brokering_modifiers", "mediating_modifiers",
              "negotiating_verbs", "examining_verbs", "proposing_verbs")


@cache
def agreement_lexicon() -> AgreementLexicon:
    """The agreements lexicon (data/agreements.yaml, and the verbs of deliberation of
    data/event_words.yaml), loaded once."""
    words = AgreementWords.load()
    return AgreementLexicon(
        **{name: frozenset(getattr(words, name)) for name in _WORD_SETS},
        step_verbs={lemma: action for action, lemmas in words.step_verbs.items() for lemma in lemmas},
        subject_steps={tuple(phrase): action for action, phrases in words.subject_steps.items() for phrase in phrases},
        hold_phrases={(phrase[0], phrase[-1]): action for action, phrases in words.hold_phrases.items()
                      for phrase in phrases},
        step_nouns={lemma: action for action, lemmas in words.step_nouns.items() for lemma in lemmas},
        mediating_suffixes=tuple(words.mediating_suffixes),
        exit_phrases={phrase[0]: tuple(phrase[1:]) for phrase in words.exit_phrases},
        instrument_complements=dict(words.instrument_complements),
        required_particles=dict(words.required_particles),
        particle_steps={_verb_and_particle(phrase): step for phrase, step in words.particle_steps.items()},
        cover_words=(frozenset(word for cues in ScopeWords.load().scopes.values() for cue in cues
                               for word in cue.lower().split()) | frozenset(words.subject_nouns))
        - frozenset([*words.ceasefire_nouns, *words.generic_nouns, *words.proposal_nouns]),
        hyphen_tails=frozenset(noun.rsplit("-", 1)[1] for noun in words.ceasefire_nouns if "-" in noun),
        deliberation_verbs=_talking_over_verbs(words),
    )


def _talking_over_verbs(words: AgreementWords) -> frozenset[str]:
    """The verbs for which an agreement they take is talked over: event_words.yaml's verbs of
    deliberation, and its verbs that speak of an act as a possibility ('hinted at a truce') save
    those that take a step here ('floated a truce' proposes one) or threaten ('warned of')."""
    event_words = EventWords.load()
    taken = {verb for verbs in words.step_verbs.values() for verb in verbs} | set(words.threat_verbs)
    return frozenset(event_words.deliberation_verbs) | frozenset(event_words.prospect_verbs) - taken


def _verb_and_particle(phrase: str) -> tuple[str, str]:
    verb, _, particle = phrase.partition(" ")
    return verb, particle


@dataclass
class Step:
    party: str | None
    action: str
    date: When | None
    sent_index: int
    evidence: str
    inferred: bool = False  # not told by a verb: 'agreed' for an agreement named as in existence
    declarer: str | None = None  # who declared or announced it: its party unless others are named


@dataclass
class MentionInfo:
    """One mention of an agreement in one sentence."""

    head: Token
    sent_index: int
    kind: str | None  # None: a reference that needs an agreement named before ('the agreement')
    aspect: str  # agreement / proposal / negotiation / violation
    definite: bool
    partial: bool
    scope: str | None
    duration: int | None
    proposer: str | None
    mediator: str | None
    parties: list[str]
    wished: bool = False
    phase: str | None = None  # 'second phase': a later phase of an agreement, an agreement of its own
    named: bool = False  # named by a title ('the Dayton Agreement'): joins only the same title
    earlier: bool = False  # 'previous ceasefires': one before the story's own
    plural: bool = False
    signers: list[str] = field(default_factory=list)  # the subjects of 'X and Y signed a deal'
    in_effect: bool = False  # 'threatened to suspend the truce': it is in force
    fallback: str | None = None  # the kind of a reference that meets no agreement named before


@dataclass
class Draft:
    kind: str
    mentions: list[MentionInfo]
    scope: str | None = None
    duration: int | None = None
    proposer: str | None = None
    mediator: str | None = None
    parties: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    unresolved: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def in_effect(self) -> bool:
        """The article implies it is in force ('threatened to suspend the truce')."""
        return any(m.in_effect for m in self.mentions)

    @property
    def background(self) -> bool:
        """Named only as earlier agreements ('previous ceasefires') or in the plural, no single one."""
        return self.mentions[0].earlier or all(m.plural for m in self.mentions)

    @property
    def phase(self) -> str | None:
        return self.mentions[0].phase if self.mentions else None

    @property
    def named(self) -> bool:
        return any(m.named for m in self.mentions)

    @property
    def talks_only(self) -> bool:
        """Named only as talks or as a later phase, never as a deal reached."""
        return all(m.aspect in ("negotiation", "phase") for m in self.mentions)

    @property
    def is_proposal(self) -> bool:
        return any(m.aspect == "proposal" for m in self.mentions) or any(s.action == "proposed" for s in self.steps)

    @property
    def is_agreed(self) -> bool:
        """Agreed by a step, or named as a fact (not asked for, proposed or negotiated)."""
        if any(s.action in ("agreed", "signed", "in_force") for s in self.steps):
            return True
        return not self.is_proposal and any(m.aspect == "agreement" and not m.wished for m in self.mentions)

    def absorb(self, mention: MentionInfo) -> None:
        self.mentions.append(mention)
        self.scope = self.scope or mention.scope
        self.duration = self.duration or mention.duration
        self.proposer = self.proposer or mention.proposer
        self.mediator = self.mediator or mention.mediator
        self.parties.extend(p for p in [*mention.parties, *mention.signers] if p not in self.parties)
        if self.kind == "proposal" and mention.kind in ("ceasefire", "peace_deal"):
            self.kind = mention.kind


def extract_agreements(doc: Doc, ctx: ArticleContext, events: list[Event] | None = None,
                       claims: list[Claim] | None = None) -> list[Agreement]:
    """The agreements of one parsed article, each with its history and status.

    Also links what the events and claims say about them: an AGREE, REJECT or REQUEST event told
    in a sentence that takes a step of an agreement gets that agreement's position in
    `agreement`; an agreement reached whose parties only the agreement reader knows becomes an
    AGREE event (told_agreements); an accusation that a party violated an agreement is confirmed when the article
    itself says that party violated it.

    Args:
        doc: the article parsed by peacewatch.nlp.
        ctx: the article's context (shared with the event and claim readers).
        events, claims: the article's events and claims (changed in place to point at agreements).
    Returns:
        agreements in the order the article first names them.
    """
    lex = agreement_lexicon()
    sents = sentences(doc)
    drafts: list[Draft] = []
    salient: Salient = []
    for index, sent in enumerate(sents):
        for mention in _mentions(sent, index, ctx, lex):
            draft = _link(mention, drafts, lex)
            if draft is None:
                mention.kind = mention.kind or _fallback_kind(mention, drafts)
                if mention.kind is None:
                    continue
                draft = Draft(kind=mention.kind, mentions=[])
                drafts.append(draft)
            draft.absorb(mention)
            for step in _steps(mention, sent, index, sents, ctx, salient, drafts, lex):
                if not any(s.action == step.action and s.party == step.party and s.sent_index == step.sent_index
                           for s in draft.steps):
                    draft.steps.append(step)
            draft.mediator = draft.mediator or mention.mediator  # a negotiator found among the steps
            if any(_leaves_open(token, mention.head) for token in tokens_within(_spots(doc).unresolved, sent)):
                draft.unresolved = True
        remember_subjects(sent, ctx, salient)
    for draft in drafts:
        _complete(draft, sents, ctx, drafts, lex)
    agreements = [_to_agreement(d, sents, ctx.published) for d in drafts]
    _link_events(drafts, events or [], sents)
    if events is not None:
        events.extend(told_agreements(drafts, events))
    _confirm_claims(drafts, claims or [], sents)
    return agreements


def _fallback_kind(mention: MentionInfo, drafts: list[Draft]) -> str | None:
    """The kind of a mention that meets no agreement named before: its own fallback, or for a later
    phase of 'the deal', the kind of the latest agreement it is a phase of."""
    if mention.fallback == "phase":
        return next((d.kind for d in reversed(drafts) if d.phase is None), None)
    return mention.fallback


# ---------------------------------------------------------------- mentions


@dataclass(frozen=True)
class _Spots:
    """The tokens of a doc that may name an agreement, and those of words that leave one
    unresolved, in doc order, found in one pass: a sentence is then read at these tokens only."""

    names: list[int]  # a ceasefire, agreement or proposal noun
    unresolved: list[int]


def _spots(doc: Doc) -> _Spots:
    return doc_memo(doc, "pw_agreement_spots", _find_spots)


@cache
def _spot_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The lemmas of the nouns that may name an agreement; every lemma and every lower-case form
    that makes a token a spot of some kind (_find_spots), so that a token with neither, most
    tokens of an article, is passed over after two look-ups."""
    lex = agreement_lexicon()
    names = (lex.ceasefire_nouns | lex.generic_nouns | lex.proposal_nouns | lex.negotiation_nouns
             | lex.instrument_nouns | lex.effort_nouns)
    return names, names | lex.unresolved_words, lex.ceasefire_nouns | lex.negotiation_nouns | lex.hyphen_tails


def _find_spots(doc: Doc) -> _Spots:
    lex = agreement_lexicon()
    names, spot_lemmas, spot_lowers = _spot_words()
    spots = _Spots([], [])
    for i, (lemma, lower) in enumerate(zip(lemmas(doc), lowers(doc), strict=True)):
        if lemma not in spot_lemmas and lower not in spot_lowers:
            continue
        if lemma in names or lower in lex.ceasefire_nouns or lower in lex.negotiation_nouns or (
                lower in lex.hyphen_tails and _hyphen_truce(doc[i], lex)):
            spots.names.append(i)
        if lemma in lex.unresolved_words:
            spots.unresolved.append(i)
    return spots


def _hyphen_truce(token: Token, lex: AgreementLexicon) -> bool:
    """The last word of a ceasefire noun the tokenizer split at its hyphen ('cease-fire' read as
    'cease', '-', 'fire')."""
    i, doc = token.i, token.doc
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
        and f"{doc[i - 2].lower_}-{token.lower_}" in lex.ceasefire_nouns


def _is_truce_word(token: Token, lex: AgreementLexicon) -> bool:
    return token.lemma_.lower() in lex.ceasefire_nouns or token.lower_ in lex.ceasefire_nouns \
        or _hyphen_truce(token, lex)


def _mentions(sent: Span, index: int, ctx: ArticleContext, lex: AgreementLexicon) -> list[MentionInfo]:
    out: list[MentionInfo] = []
    used: set[int] = set()
    for token in tokens_within(_spots(sent.doc).names, sent):
        if token.i in used or token.pos_ not in ("NOUN", "PROPN"):
            continue
        mention = _mention_at(token, index, ctx, lex, used)
        if mention is not None:
            mention.earlier = any(c.lower_ in lex.earlier_modifiers for c in mention.head.children
                                  if c.dep_ in ("amod", "advmod"))
            mention.plural = mention.head.tag_ in ("NNS", "NNPS") and mention.aspect == "agreement"
            out.append(mention)
    return out


def _mention_at(token: Token, index: int, ctx: ArticleContext, lex: AgreementLexicon,
                used: set[int]) -> MentionInfo | None:
    """The agreement a noun names, by the class of the noun."""
    lemma = token.lemma_.lower()
    if _is_titled(token, lex):
        return _titled(token, index, ctx, lex)
    if _is_truce_word(token, lex):
        return _ceasefire_mention(token, index, ctx, lex, used)
    if lemma in lex.negotiation_nouns or token.lower_ in lex.negotiation_nouns:
        return _talks_mention(token, index, ctx, lex)
    if lemma in lex.effort_nouns:
        return _effort_mention(token, index, ctx, lex)
    if lemma in lex.generic_nouns or lemma in lex.proposal_nouns:
        return _generic_mention(token, index, ctx, lex, used)
    return None


def _ceasefire_mention(token: Token, index: int, ctx: ArticleContext, lex: AgreementLexicon,
                       used: set[int]) -> MentionInfo:
    head, aspect = _ceasefire_head(token, lex)
    used.update({token.i, head.i})
    # 'a ceasefire violation in X' tells of an agreement named before, never of a new one
    kind = None if aspect == "violation" else "ceasefire"
    mention = _describe(head, token, kind, aspect, index, ctx, lex)
    if aspect == "violation":
        mention.definite, mention.scope = True, None
    if head.lemma_.lower() in lex.phase_nouns:
        mention.phase = _later_phase(head, lex)
        if mention.phase:
            mention.aspect, mention.scope = "phase", mention.phase
    return mention


def _generic_mention(token: Token, index: int, ctx: ArticleContext, lex: AgreementLexicon,
                     used: set[int]) -> MentionInfo | None:
    lemma = token.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
    if modifiers & lex.abstract_modifiers or any(
            c.lower_ in NONSPECIFIC_DETERMINERS for c in token.children if c.dep_ == "det"):
        return None  # 'by mutual agreement', 'rejected any agreement that ...'
    if lemma in lex.generic_nouns and token.head.lower_ in MANNER_PREPS and token.dep_ == "pobj":
        return None  # 'by agreement', 'in agreement with'
    aspect = "proposal" if lemma in lex.proposal_nouns else "agreement"
    inner = _inner_agreement(token, lex)
    if inner is not None:
        used.add(inner.i)
        return _describe(token, inner, "ceasefire", aspect, index, ctx, lex)
    if modifiers & lex.peace_words or aspect == "agreement" and _ends_war(token, lex):
        kind: str | None = "proposal" if aspect == "proposal" else "peace_deal"
    elif aspect == "agreement" and (modifiers & lex.subject_nouns or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in lex.scope_stopwords
            for c in token.children)):
        kind = "deal"  # 'grain deal', 'prisoner exchange agreement', 'the nuclear deal'
    else:
        kind = None
    phase = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if phase is not None and phase.lemma_.lower() in lex.phase_nouns:
        # 'the second stage of the deal': a later phase is an agreement of its own, of the deal's kind
        mention = _describe(phase, token, kind, aspect, index, ctx, lex)
        mention.phase = _later_phase(phase, lex)
        if mention.phase:
            mention.aspect, mention.scope, mention.fallback = "phase", mention.phase, "phase"
        return mention
    mention = _describe(token, token, kind, aspect, index, ctx, lex)
    if kind is None and any(c.lower_ in RECIPROCALS for c in token.children if c.dep_ == "amod"):
        return None  # 'other accords'
    if kind is None and aspect == "agreement" and (mention.mediator or _stepped(token, lex)):
        # 'a deal brokered by the UAE', 'the two sides reached an agreement': an agreement of its
        # own when none named before is meant (a bare 'plan' or 'offer' may be any plan)
        mention.fallback = "deal"
    elif kind is None and not mention.definite and not mention.proposer:
        return None  # 'an agreement': no agreement named before
    talks = _talks_offered(token, lex) if kind is None and aspect == "proposal" else None
    offered = _talks_mention(talks, index, ctx, lex) if talks is not None else None
    if offered is not None:
        mention.fallback = offered.kind  # 'his proposal to restart the peace talks', none held before
    return mention


def _stepped(token: Token, lex: AgreementLexicon) -> bool:
    """The noun is the object of a verb that takes a step of an agreement ('signed a deal'), told as
    done ('expected both sides to finalize an agreement' is not)."""
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":  # 'the deal fell apart'
        return _action(token.head, "subject", lex) is not None and _is_asserted(token.head, lex)
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and verb.pos_ == "VERB" and lex.step_verbs.get(verb.lemma_.lower()) not in (
        None, "proposed") and _is_asserted(verb, lex) and not _under_wish(token, lex)


def _ends_war(token: Token, lex: AgreementLexicon) -> bool:
    """'a deal to end the war', 'a negotiated settlement to the conflict', 'signed a deal to end the
    war': a peace deal."""
    governed = [c for c in token.head.children if c.dep_ == "advcl"] if token.dep_ in ("dobj", "nsubjpass") else []
    for child in (*token.children, *governed):
        if child.dep_ in ("acl", "relcl", "advcl") and child.lemma_.lower() in lex.ending_verbs:
            if any(o.dep_ == "dobj" and o.lemma_.lower() in lex.war_nouns for o in child.children):
                return True
        if child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS | {"of"}:
            if any(o.dep_ == "pobj" and o.lemma_.lower() in lex.war_nouns for o in child.children):
                return True
    return False


def _talks_mention(token: Token, index: int, ctx: ArticleContext, lex: AgreementLexicon) -> MentionInfo | None:
    """'peace talks', 'peace negotiations': a peace deal under negotiation; talks that only date
    something ('after today's peace talks') name none."""
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
    if not modifiers & lex.peace_words or modifiers & lex.ideal_modifiers:
        return None
    if token.dep_ == "pobj" and token.head.lower_ in ANCHOR_PREPS:
        return None
    return _describe(token, token, "peace_deal", "negotiation", index, ctx, lex)


def _effort_mention(token: Token, index: int, ctx: ArticleContext, lex: AgreementLexicon) -> MentionInfo | None:
    """'a US push to end hostilities between A and B': a peace deal sought, the pusher mediating."""
    clauses = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    if token.dep_ in ("dobj", "nsubjpass"):
        clauses += [c for c in token.head.children if c.dep_ == "advcl" and c.i > token.i]
    for clause in clauses:
        if clause.lemma_.lower() not in lex.ending_verbs:
            continue
        war = next((c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.war_nouns), None)
        if war is None:
            continue
        mention = _describe(token, token, "peace_deal", "proposal", index, ctx, lex)
        mention.proposer, mention.scope = None, _text([clause, *war.subtree])
        mention.parties = [p for p in _parties(war, war) if p not in mention.parties] + mention.parties
        owner = next((c for c in token.children if c.dep_ in ("compound", "poss", "amod")
                      and country_of(c.text)), None)
        code = country_of(owner.text) if owner is not None else None
        if code and code not in mention.parties:
            mention.mediator = code
        return mention
    return None


def _is_titled(token: Token, lex: AgreementLexicon) -> bool:
    """A treaty or declaration named by its title: 'the Dayton Agreement', 'the 2019 Code of Conduct'."""
    if token.lemma_.lower() not in lex.instrument_nouns and token.lower_ not in lex.instrument_nouns:
        return False
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    needed = lex.instrument_complements.get(token.lower_)
    if needed and not any(p.lower_ == needed for c in token.rights if c.lower_ == "of" for p in c.children):
        return False  # 'the Criminal Code'
    return token.ent_type_ in TITLE_LABELS or any(YEAR.match(c.text) for c in token.children
                                                  if c.dep_ in ("nummod", "compound", "amod"))


def _titled(token: Token, index: int, ctx: ArticleContext, lex: AgreementLexicon) -> MentionInfo:
    left = [t for c in token.lefts if c.dep_ in ("compound", "nummod", "amod", "nmod") for t in c.subtree]
    right = [t for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
             for t in c.subtree if t.text[:1].isupper() or t.i == c.i]
    title = [t for t in sorted([*left, token, *right], key=lambda t: t.i) if not YEAR.match(t.text)]
    words = {t.lower_ for t in title}
    if words & lex.ceasefire_nouns:
        kind = "ceasefire"
    elif words & lex.peace_words or (token.lower_ in lex.titled_peace_nouns and not words & lex.subject_nouns):
        kind = "peace_deal"
    else:
        kind = "deal"
    mention = _describe(token, token, kind, "agreement", index, ctx, lex)
    mention.named, mention.definite, mention.scope = True, False, _text(title)
    return mention


def _later_phase(phase: Token, lex: AgreementLexicon) -> str | None:
    """'second phase' of 'the second phase of the truce', 'final stage' of 'the final stage of the
    deal'; None for the first phase, which is the agreement itself."""
    for child in phase.children:
        if child.dep_ in ("amod", "nummod", "compound") and child.i < phase.i and (
                child.ent_type_ == "ORDINAL" or child.lower_ in lex.later_words):
            return None if child.lower_ in lex.first_words else f"{child.lower_} {phase.lower_}"
    return None


def _leaves_open(word: Token, head: Token) -> bool:
    """A word of an open state said of the agreement itself: 'leaving the truce unresolved', 'the
    fate of the deal is unclear', 'talks in limbo'; not 'cast doubt over' something near it."""
    if word.dep_ == "amod":
        return head in word.head.subtree
    if word.dep_ == "pobj" and word.head.lower_ == "in":
        verb = word.head.head
    elif word.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "attr"):
        verb = word.head
    else:
        return False
    holders = [c for c in (*verb.children, *word.children) if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(head in holder.subtree for holder in holders)


def _misread_heading(token: Token, lex: AgreementLexicon) -> tuple[Token, str] | None:
    """A heading the parser reads as a clause: 'Ceasefire violations' (violations named by the
    article), 'Ceasefire talks: ...' with 'talks' read as its verb (talks, not a truce)."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None:
        return None
    if following.lemma_.lower() in lex.step_nouns and following.head.i in (token.i, following.i):
        return following, "violation"
    if following.lower_ in lex.negotiation_nouns and token.head.i == following.i and following.pos_ == "VERB":
        return token, "negotiation"
    return None


def _ceasefire_head(token: Token, lex: AgreementLexicon) -> tuple[Token, str]:
    """The noun a ceasefire word names an agreement through: 'ceasefire proposal', 'proposal for a
    ceasefire', 'ceasefire negotiations', or the word itself."""
    head = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in lex.phase_nouns:
        return token.head.head, "agreement"  # 'the second phase of the ceasefire'
    misread = _misread_heading(token, lex)
    if misread is not None:
        return misread
    if token.dep_ == "compound":
        lemma = head.lemma_.lower()
        if lemma in lex.proposal_nouns:
            return head, "proposal"
        if lemma in lex.negotiation_nouns or head.lower_ in lex.negotiation_nouns:
            return head, "negotiation"
        if lemma in lex.step_nouns:
            return head, "violation"
        if lemma in lex.generic_nouns:
            return head, "agreement"
    node = token
    for _ in range(3):  # 'proposal for a 30-day ceasefire', 'proposal to enact a ceasefire'
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in lex.proposal_nouns:
            return node, "proposal"
        if node.pos_ == "NOUN":
            break
    return token, "agreement"


def _inner_agreement(token: Token, lex: AgreementLexicon) -> Token | None:
    """A ceasefire word inside a proposal's or deal's own phrase ('offer to enter into a ceasefire')."""
    for inner in token.subtree:
        if inner.i != token.i and _is_truce_word(inner, lex) and inner.dep_ != "compound":
            return inner
    return None


def _describe(head: Token, core: Token, kind: str | None, aspect: str, index: int, ctx: ArticleContext,
              lex: AgreementLexicon) -> MentionInfo:
    duration = _duration(head, core)
    scope = _scope(head, core, lex)
    children = list(head.children)  # (spaCy makes each child anew at every pass)
    determiners = {c.lower_ for c in children if c.dep_ in ("det", "poss")} | {
        c.lower_ for c in children if c.dep_ == "amod" and c.lower_ in lex.definite_modifiers}
    has_article = any(c.dep_ == "det" for c in children) or any(c.dep_ == "poss" for c in children)
    definite = bool(determiners & (DEFINITE_DETERMINERS | lex.definite_modifiers)) or any(
        c.dep_ == "poss" for c in children) or not has_article
    partial = any(c.lemma_.lower() in lex.partial_words for c in (*children, *core.children))
    return MentionInfo(head=head, sent_index=index, kind=kind, aspect=aspect, definite=definite, partial=partial,
                       scope=scope, duration=duration, proposer=_proposer(head, aspect, ctx, lex),
                       mediator=_mediator(head, core, lex), parties=_parties(head, core, ctx), wished=False,
                       signers=_signers(head, ctx, lex))


def _signers(head: Token, ctx: ArticleContext, lex: AgreementLexicon) -> list[str]:
    """'Rwanda and the DRC signed a peace agreement': the states whose subject signs or accepts it."""
    verb = head.head if head.dep_ == "dobj" else head.head.head if head.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB" or lex.step_verbs.get(verb.lemma_.lower()) not in SHARED_ACTIONS:
        return []
    subject = _subject(verb)
    out: list[str] = []
    for token in (subject, *subject.conjuncts) if subject is not None else ():
        actor = ctx.describe(token)
        if actor is not None and actor.country and actor.country not in out:
            out.append(actor.country)
    return out


def _duration(head: Token, core: Token) -> int | None:
    """'30-day', 'thirty-day', '30 day' before the noun, or 'for 30 days' after it."""
    tokens = sorted({t.i: t for n in (head, core) for t in n.subtree if t.i <= n.i or t.dep_ == "prep"}.values(),
                    key=lambda t: t.i)
    lows, lems = lowers(head.doc), lemmas(head.doc)
    for i, token in enumerate(tokens):
        # (a duration in one word has a hyphen; most words have none, and are not matched)
        match = DURATION.match(token.text) if "-" in lows[token.i] else None
        if match:
            amount = parse_number(match.group(1))
            if amount:
                return int(amount * UNIT_DAYS[match.group(2).lower()])
        unit = lems[token.i]
        if unit in UNIT_DAYS and i > 0:
            j = i - 1
            if lows[tokens[j].i] == "-" and j > 0:
                j -= 1
            amount = parse_number(tokens[j].text) if tokens[j].like_num or tokens[j].pos_ == "NUM" else None
            if amount:
                return int(amount * UNIT_DAYS[unit])
    return None


def _scope(head: Token, core: Token, lex: AgreementLexicon) -> str | None:
    """What the agreement covers: its modifiers ('maritime', 'energy'), where it applies ('in the
    Black Sea', 'across all fronts') and its purpose ('to cease attacks on energy infrastructure')."""
    parts = _governor_purposes(head, lex)
    for noun in dict.fromkeys((core, head)):
        parts.extend(_scope_of_child(child, noun, lex) for child in noun.children)
    seen: list[str] = []
    for part in parts:
        if part and part.lower() not in (s.lower() for s in seen):
            seen.append(part)
    return ", ".join(seen) or None


def _governor_purposes(head: Token, lex: AgreementLexicon) -> list[str | None]:
    """'negotiated a ceasefire ... to cease attacks on energy infrastructure': the purpose clause
    of the verb the agreement is the object of."""
    if head.dep_ not in ("dobj", "nsubjpass"):
        return []
    return [_purpose_object(child, lex) for child in head.head.children
            if child.dep_ == "advcl" and child.lemma_.lower() in lex.scope_verbs
            and any(a.lower_ == "to" for a in child.children)]


def _scope_of_child(child: Token, noun: Token, lex: AgreementLexicon) -> str | None:
    """The scope one dependent of an agreement noun tells: a modifier, a place or a purpose."""
    if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i \
            and child.lemma_.lower() not in lex.brokering_modifiers:
        return _text([t for t in child.subtree if _is_scope_word(t, lex) and _tells_cover(t, lex)])
    if child.dep_ == "prep" and child.lower_ in SCOPE_PREPS:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects and objects[0].ent_type_ not in ("DATE", "TIME") and not country_of(objects[0].text) \
                and any(_tells_cover(t, lex) for t in objects[0].subtree):
            return _text([t for t in objects[0].subtree if t.lower_ not in ARTICLES])
        return None
    if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lex.scope_verbs | lex.purpose_verbs:
        return _purpose_object(child, lex)
    return None


def _tells_cover(token: Token, lex: AgreementLexicon) -> bool:
    """Whether a word says what an agreement covers: a word of the documented scope classes
    (data/agreement_scopes.yaml) or of what a deal is about (subject_nouns), or the name of a place
    or an occasion ('Black Sea', 'Easter'). Not a judgement, a hedge or a person ('alleged', 'swift',
    'final', 'Trump'), nor the war it would end ('in its battle against X')."""
    if token.is_stop or token.like_url or token.is_punct:
        return False  # 'in the works', a link pasted after the sentence
    if token.lower_ in lex.cover_words or token.lemma_.lower() in lex.cover_words:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "ORG", "NORP") and not country_of(token.text)


def _text(tokens: list[Token]) -> str:
    """Tokens as written, with the article's own spacing between neighbours."""
    if not tokens:
        return ""
    out = ""
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        out += token.text + (token.whitespace_ if following is not None and following.i == token.i + 1 else " ")
    return out.strip()


def _is_scope_word(token: Token, lex: AgreementLexicon) -> bool:
    lower = token.lower_
    return not (lower in lex.scope_stopwords or token.like_num or token.is_punct or country_of(token.text)
                or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL")
                or DURATION.match(token.text) or token.pos_ in ("DET", "NUM", "ADP", "CCONJ")
                or lower in lex.ceasefire_nouns or token.lemma_.lower() in lex.proposal_nouns)


def _purpose_object(verb: Token, lex: AgreementLexicon) -> str | None:
    """'to cease attacks on energy infrastructure' -> 'energy infrastructure';
    'aimed at halting cross-border hostilities' -> 'cross-border hostilities'."""
    node = verb
    for _ in range(3):
        objects = [c for c in node.children if c.dep_ == "dobj"]
        if objects:
            target = objects[0]
            on = [p for prep in target.children if prep.dep_ == "prep" and prep.lower_ in AIMED_AT_PREPS
                  for p in prep.children if p.dep_ == "pobj"]
            if target.lemma_.lower() in lex.attack_nouns and on:
                target = on[0]
            if not any(_tells_cover(t, lex) for t in target.subtree):
                return None  # 'to end the war in X': the war it would end, no part of it
            return _text([t for t in target.subtree if t.dep_ != "det"])
        nxt = [c for c in node.children if c.dep_ in ("prep", "pcomp", "xcomp")]
        if not nxt:
            return None
        node = next((c for c in nxt[0].children if c.dep_ in ("pcomp", "pobj")), nxt[0])
    return None


def _proposer(head: Token, aspect: str, ctx: ArticleContext, lex: AgreementLexicon) -> str | None:
    if aspect != "proposal":
        return None
    core = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    for child in [*head.children, *(g for c in core for g in c.children)]:
        if child.dep_ in ("compound", "poss", "nmod", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            code = country_of(child.text)
            if code:
                return code
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            for pobj in child.children:
                actor = ctx.describe(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.country:
                    return actor.country
    author = _author(head, ctx, lex)
    if author:
        return author
    # 'X has made an offer', 'X put forward a plan'
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lex.proposing_verbs:
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            actor = ctx.describe(subject)
            if actor is not None and actor.country:
                return actor.country
    return None


def _author(head: Token, ctx: ArticleContext, lex: AgreementLexicon) -> str | None:
    """'a proposal put forward by Egypt', 'a plan drafted by the US': the proposer."""
    for clause in (c for c in head.children if c.dep_ == "acl" and lex.step_verbs.get(c.lemma_.lower()) == "proposed"):
        needed = lex.required_particles.get(clause.lemma_.lower())
        if needed is not None and not any(c.lower_ == needed for c in clause.children):
            continue
        by = [p for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        actor = ctx.describe(by[0]) if by else None
        if actor is not None and actor.country:
            return actor.country
    return None


def _mediator(head: Token, core: Token, lex: AgreementLexicon) -> str | None:
    """'the US-mediated accord', 'a Qatar-brokered truce', 'a truce mediated by Egypt', 'the deal,
    negotiated through Qatar'."""
    for noun in dict.fromkeys((head, core)):
        for child in noun.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lex.negotiating_verbs:
                code = next((country_of(p.text) for prep in child.children if prep.lower_ in MEANS_PREPS | {"through"}
                             for p in prep.children if p.dep_ == "pobj" and country_of(p.text)), None)
                if code:
                    return code
            if child.lemma_.lower() in lex.mediating_modifiers or child.lower_.endswith(lex.mediating_suffixes):
                for inner in child.subtree:
                    code = country_of(inner.text.split("-")[0]) if inner.i != child.i or "-" in inner.text else None
                    if code:
                        return code
    return None


def _parties(head: Token, core: Token, ctx: ArticleContext | None = None) -> list[str]:
    """'between Russia and Ukraine', 'a truce with Hamas', 'India-Pakistan ceasefire'."""
    out: list[str] = []
    for noun in dict.fromkeys((head, core)):
        for child in noun.children:
            if child.dep_ == "prep" and (child.lower_ == "between" or child.lower_ in PARTNER_PREPS):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for token in (pobj, *pobj.conjuncts):
                        # 'South Sudan': the name with its compounds; 'Hamas', 'Myanmar rebels': the actor
                        code = country_of(_text([*(c for c in token.lefts if c.dep_ == "compound"), token]))
                        if code is None and ctx is not None:
                            actor = ctx.describe(token)
                            code = actor.country if actor is not None else None
                        if code and code not in out:
                            out.append(code)
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and country_of(c.text)]
        if len(modifiers) >= 2:
            out.extend(c for c in (country_of(m.text) for m in modifiers) if c and c not in out)
    return out


# ---------------------------------------------------------------- linking mentions


def _link(mention: MentionInfo, drafts: list[Draft], lex: AgreementLexicon) -> Draft | None:
    """The agreement named before that a mention stands for, or None for a new one."""
    candidates = _candidates(mention, drafts)
    if mention.aspect == "proposal" and mention.kind is None:
        # a bare 'the proposal', 'his offer': the offer it names or points back at, not any agreement
        # still open ('the proposal from X' after a ceasefire X never offered)
        offered = _offered(mention, drafts, lex)
        candidates = [d for d in candidates if d in offered]
    if mention.named:
        # 'the Dayton Accord' after 'the Dayton Agreement'; another title is another agreement
        return next((d for d in candidates if d.named and _scopes_compatible(mention.scope, d.scope, False, d)), None)
    if mention.partial and not mention.scope:
        # 'a limited ceasefire': one of the partial agreements named before, preferring the one
        # whose story it continues (one with violations when it is said to be violated)
        partial = [d for d in candidates if d.scope and not d.scope.lower().startswith("all")]
        violated = [d for d in partial if any(s.action in ("accused_violation", "violated") for s in d.steps)]
        chosen = violated or list(reversed(partial))
        return chosen[0] if chosen else None
    for draft in candidates:
        if not _scopes_compatible(mention.scope, draft.scope, mention.definite, draft) and not _same_parties(
                mention, draft):
            continue
        if mention.duration and draft.duration and mention.duration != draft.duration or _tells_another(mention, draft):
            continue
        if mention.proposer and draft.proposer and mention.proposer != draft.proposer:
            continue
        return draft
    return None


def _offered(mention: MentionInfo, drafts: list[Draft], lex: AgreementLexicon) -> list[Draft]:
    """The agreements a bare proposal stands for: the talks its own phrase names ('his proposal to
    restart the peace talks'); else those of the offer told last before it, a proposal noun or a
    verb of proposing an agreement or talks ('X proposed a truce', 'X proposed to resume talks').
    None when that offer is of no agreement named (talks the article names with no word of peace)."""
    head = mention.head
    if _talks_offered(head, lex) is not None:
        return [d for d in drafts if any(m.aspect == "negotiation" for m in d.mentions)]
    offer = next((t for t in reversed(head.doc[:head.i]) if _is_offer(t, lex)), None)
    if offer is None:
        return []
    return [d for d in drafts if any(m.head == offer or offer in m.head.ancestors and m.head.sent == offer.sent
                                     for m in d.mentions)]


def _talks_offered(proposal: Token, lex: AgreementLexicon) -> Token | None:
    """The noun of the talks a proposal's own phrase offers ('a proposal to restart peace talks')."""
    return next((t for t in proposal.subtree if t.i != proposal.i and t.pos_ in ("NOUN", "PROPN") and (
        t.lemma_.lower() in lex.negotiation_nouns or t.lower_ in lex.negotiation_nouns)), None)


def _is_offer(token: Token, lex: AgreementLexicon) -> bool:
    """A proposal noun, or a verb of proposing whose object, or its clause's object, is an agreement or
    talks ('proposed a truce', 'proposed to resume the talks'; not 'offered condolences')."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        return lemma in lex.proposal_nouns
    if token.pos_ != "VERB" or lex.step_verbs.get(lemma) != "proposed":
        return False
    clauses = [token, *(c for c in token.children if c.dep_ == "xcomp")]
    return any(o.dep_ == "dobj" and _is_offer_object(o, lex) for c in clauses for o in c.children)


def _is_offer_object(token: Token, lex: AgreementLexicon) -> bool:
    """A noun of an agreement or of talks."""
    return token.pos_ in ("NOUN", "PROPN") and (
        _is_truce_word(token, lex) or token.lemma_.lower() in lex.generic_nouns | lex.negotiation_nouns
        or token.lower_ in lex.negotiation_nouns)


def _tells_another(mention: MentionInfo, draft: Draft) -> bool:
    """'a 30-day ceasefire', 'a Christmas truce' after 'the Easter ceasefire': a mention with an
    article of its own that states a duration or a day of its own is not one named before with a
    scope it does not share (its sentences, duration and steps stay its own)."""
    if mention.definite or mention.scope or draft.duration or not (draft.scope or any(
            _names_day(m.head) for m in draft.mentions)):
        return False
    return bool(mention.duration) or _names_day(mention.head)


def _names_day(head: Token) -> bool:
    """'a Christmas truce', 'the Easter ceasefire': an agreement named by its day or season."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "DATE" and not c.like_num
               and not DURATION.match(c.text) and c.lemma_.lower() not in UNIT_DAYS for c in head.children)


def _candidates(mention: MentionInfo, drafts: list[Draft]) -> list[Draft]:
    """The agreements named before that a mention may stand for, the latest first."""
    out = [d for d in reversed(drafts) if _kinds_compatible(mention, d)
           # a later phase, and earlier agreements, are joined only by their own mentions
           and d.phase == mention.phase and d.mentions[0].earlier == mention.earlier]
    if mention.plural:
        # 'had breached agreements not to ...': several agreements, not the one named before
        out = [d for d in out if d.background]
    if mention.aspect in ("proposal", "negotiation"):
        # a proposal, or talks, are not an agreement already reached
        out = [d for d in out if d.is_proposal or not d.is_agreed]
    if mention.aspect == "agreement" and not mention.definite:
        # 'a peace deal' is not the talks named before ('suspended peace talks ... the FARC, which
        # agreed a peace deal in 2016')
        out = [d for d in out if not d.talks_only]
    return out


def _same_parties(mention: MentionInfo, draft: Draft) -> bool:
    """'the peace agreement with Rwanda' ... 'Rwanda and the DRC signed a peace agreement to end the
    fighting': a scope told for one named before without one, between the same parties."""
    return bool(mention.scope and not draft.scope and mention.kind == draft.kind
                and set(mention.parties + mention.signers) & set(draft.parties))


def _kinds_compatible(mention: MentionInfo, draft: Draft) -> bool:
    if mention.kind is None or draft.kind == mention.kind:
        return True
    return "proposal" in (mention.kind, draft.kind)


def _scopes_compatible(mine: str | None, theirs: str | None, definite: bool, draft: Draft) -> bool:
    if not mine:
        return True
    if not theirs:
        return definite or draft.is_proposal
    a = {w for w in re.findall(r"\w+", mine.lower())}
    b = {w for w in re.findall(r"\w+", theirs.lower())}
    return bool(a & b)


# ---------------------------------------------------------------- steps


def _steps(mention: MentionInfo, sent: Span, index: int, sents: list[Span], ctx: ArticleContext,
           salient: Salient, drafts: list[Draft], lex: AgreementLexicon) -> list[Step]:
    """The steps of the agreement's history one mention tells: a proposer's proposal, what the
    verbs it hangs on do with it, a party's act named by a noun, and demands added to it."""
    head = mention.head
    if _under_wish(head, lex):
        mention.wished = True
        return []
    evidence = text_of(sent).strip()
    out: list[Step] = []
    if mention.proposer and not any(s.action == "proposed" and s.party == mention.proposer
                                    for d in drafts for s in d.steps if mention in d.mentions):
        # 'the US proposal': proposed by the US, on a date the phrase does not tell
        out.append(Step(mention.proposer, "proposed", None, index, evidence))
    for verb, role in _governing_verbs(head):
        out.extend(_verb_steps(mention, verb, role, sent, sents, ctx, salient, drafts, lex))
    if mention.aspect == "violation":
        out.extend(_violation_steps(head, index, sent, ctx, salient, lex))
    out.extend(_noun_steps(head, index, sent, ctx, salient, lex))
    out.extend(_demands(head, sent, index, ctx, salient, lex))
    if not any(s.action in ("proposed", "rejected") for s in out):
        out.extend(_stated_end(mention, sent, ctx))  # the terms of an offer are not those of a truce
    return out


def _verb_steps(mention: MentionInfo, verb: Token, role: str, sent: Span, sents: list[Span], ctx: ArticleContext,
                salient: Salient, drafts: list[Draft], lex: AgreementLexicon) -> list[Step]:
    """The steps one verb the agreement hangs on takes ('Pakistan put the accord on hold'), and the
    effect a clause of that verb tells ('announced a truce, bringing a pause to the clashes')."""
    action = _exit(verb, mention.head, lex) or _action(verb, role, lex)
    if role == "object" and _talks_over(verb, lex):
        return []  # 'agreed to negotiate a truce': talks ahead, no step of the truce
    if not _is_asserted(verb, lex):
        threat = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.threat_verbs
        if threat and action in ("collapsed", "expired") and mention.aspect == "agreement":
            mention.in_effect = True  # a threat to end it: it is in force (not so for talks or a proposal)
        return []
    index, evidence = mention.sent_index, text_of(sent).strip()
    date = _date(verb, sent, ctx, drafts, mention.head)
    out = [Step(None, "in_force", date, index, evidence)] if _brings_effect(verb, role, lex) else []
    if action is None or action in ("in_force", "agreed", "signed", "accepted") and mention.aspect == "negotiation":
        return out  # talks that begin, or that sides agree to hold or support, are not an agreement reached
    if action == "agreed" and mention.aspect == "proposal" and role == "object":
        action = "accepted"  # 'Ukraine agreed to the proposal'
        if not _subject(verb):
            return out
    if action in OBJECT_PARTY_ACTIONS and role == "object" or action == "rejected" or _exit(verb, mention.head, lex):
        out.extend(Step(party, speaker_act, date, index, evidence)
                   for party, speaker_act in _parties_of(verb, action, index, sents, ctx, salient))
    else:
        out.append(Step(None, action, date, index, evidence, declarer=_declarer(verb, action, ctx)))
        if action == "agreed":
            _mediator_from_subject(verb, mention, ctx, lex)
    return out


def _declarer(verb: Token, action: str, ctx: ArticleContext) -> str | None:
    """'Russia declared a truce', 'X announced a unilateral ceasefire': an agreement told by a verb of
    saying is the speaker's declaration; the speaker's country (its party, see _complete)."""
    if action != "agreed" or claim_lexicon().verb_kinds.get(verb.lemma_.lower()) != "statement":
        return None
    # the subject nearest the verb (a dateline's place before it may be read as a second subject)
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None) or _subject(verb)
    if subject is None:
        return None
    # the country its own words name ('a rebel group in X', 'the Russian side'), else the actor it is
    code = first_country(subject.subtree)
    actor = ctx.describe(subject) if code is None else None
    return code or (actor.country if actor is not None else None)


def _exit(verb: Token, head: Token, lex: AgreementLexicon) -> str | None:
    """'collapsed' when the verb's subject leaves the agreement: 'pulled out of the deal', 'withdrew
    from the accord', 'quit the pact'."""
    words = lex.exit_phrases.get(verb.lemma_.lower())
    if words is None:
        return None
    via = head.head.lower_ if head.dep_ == "pobj" else None
    if not words:
        return "collapsed" if head.dep_ == "dobj" else None
    particles = {c.lower_ for c in verb.children} | {via}
    return "collapsed" if via == words[-1] and all(w in particles for w in words[:-1]) else None


def _brings_effect(verb: Token, role: str, lex: AgreementLexicon) -> bool:
    """The verb, or a clause of it, brings a pause or an end to something ('announced a truce,
    bringing a pause to the fighting'; 'the truce brought a halt to ...')."""
    clauses = [c for c in verb.children if c.dep_ == "advcl"] + ([verb] if role == "subject" else [])
    return any(c.lemma_.lower() in lex.effect_verbs and any(
        o.dep_ == "dobj" and o.lemma_.lower() in lex.effect_nouns for o in c.children) for c in clauses)


def _violation_steps(noun: Token, index: int, sent: Span, ctx: ArticleContext, salient: Salient,
                     lex: AgreementLexicon) -> list[Step]:
    """'ceasefire violations': told by someone, an accusation by the speaker; told by the article
    itself, a violation (by the side a modifier names: 'Israeli ceasefire violations'). Violations
    that may come ('possible violations of the truce', 'any breaches') are neither."""
    if _is_hypothetical_violation(noun, lex):
        return []
    speech = _speech_above(noun)
    evidence = text_of(sent).strip()
    if speech is not None:
        subject = _subject(speech)
        return [Step(_country(subject, ctx, salient) if subject is not None else None, "accused_violation", None,
                     index, evidence)]
    told = noun.dep_ == "ROOT" or noun.dep_ == "nsubj" or noun.dep_ == "pobj" and noun.head.lower_ in FACT_PREPS
    if not told or not _told_as_fact(noun, lex):
        return []  # 'sanctions in the event of a ceasefire violation', 'to prevent ceasefire violations'
    owner = next((c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in (
        "GPE", "NORP")), None)
    return [Step(_country(owner, ctx, salient) if owner is not None else None, "violated", None, index, evidence)]


def _is_hypothetical_violation(head: Token, lex: AgreementLexicon) -> bool:
    """'possible ceasefire violations', 'any violations of the truce', 'potential breaches': the word
    of violation (the mention's head, or the word an agreement noun hangs on or modifies) is said of
    no act yet, by a hypothetical modifier or a determiner of no one act."""
    if head.lemma_.lower() in lex.step_nouns:
        word = head
    elif head.dep_ == "compound":
        word = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "of":
        word = head.head.head
    else:
        return False
    return any(c.lower_ in lex.hypothetical_modifiers or c.lower_ in NONSPECIFIC_DETERMINERS
               for c in word.children if c.dep_ in ("amod", "det"))


def _governing_verbs(head: Token) -> list[tuple[Token, str]]:
    """The verbs an agreement noun is the object or the subject of ('rejected the proposal', 'the
    truce took effect', 'the deal, which X signed')."""
    verbs: list[tuple[Token, str]] = []
    if head.dep_ in ("dobj", "nsubjpass"):
        verbs.append((head.head, "object"))
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
        verbs.append((head.head.head, "object"))
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("ADP", "ADV") and head.head.head.head.pos_ == "VERB":
        verbs.append((head.head.head.head, "object"))  # 'pulled out of the deal', 'walked away from it'
    elif head.dep_ in ("nsubj",):
        verbs.append((head.head, "subject"))
    for child in head.children:
        if child.dep_ != "relcl":
            continue
        relatives = [c.dep_ for c in child.children if c.lower_ in RELATIVE_CLAUSE_WORDS]
        if any(dep in ("dobj", "nsubjpass") for dep in relatives):
            verbs.append((child, "object"))
        elif "nsubj" in relatives:
            verbs.append((child, "subject"))
    return verbs


def _under_wish(token: Token, lex: AgreementLexicon) -> bool:
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in lex.wish_verbs:
            return True
    return False


def _unrealised(verb: Token, lex: AgreementLexicon) -> bool:
    """A clause not done yet: 'threatened to suspend the truce', 'set to negotiate a second phase',
    'expected both sides to finalize an agreement', 'efforts to broker a settlement'."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # 'expected both sides to step up and finalize an agreement'
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in lex.unrealised_verbs:
        return True
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "ADJ":
        return True  # a disposition: 'keen on negotiating an agreement', 'interested in signing a deal'
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in lex.effort_nouns


def _is_asserted(verb: Token, lex: AgreementLexicon) -> bool:
    if _unrealised(verb, lex):
        return False
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if verb.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in verb.head.children):
        return False  # 'does not exclude accepting a truce', 'did not agree to sign'
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return False  # 'left without signing the deal'
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in FUTURE_MARKS for c in children) and _present(verb):
        return False  # 'once a peace deal is reached', 'until a truce is agreed': not yet
    return not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children)


def _present(verb: Token) -> bool:
    """A clause in the present tense (its verb or its auxiliary): 'is reached', 'agree'."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(t.tag_ in PRESENT_TAGS for t in (verb, *auxiliaries))


def _action(verb: Token, role: str, lex: AgreementLexicon) -> str | None:
    lemma = verb.lemma_.lower()
    if role == "subject":
        # 'the agreement failed to take off'; 'the truce took effect'; 'the proposal was unacceptable'
        if any(c.dep_ == "acomp" and c.lemma_.lower() in lex.rejecting_adjectives for c in verb.children):
            return "rejected"
        step = _subject_step(verb, lex)
        if step is None and lemma not in lex.unrealised_verbs:
            # 'the ceasefire appeared to be holding' (not 'the truce is set to expire')
            step = next((_subject_step(c, lex) for c in verb.children if c.dep_ == "xcomp"), None)
        return step
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        held = next((lex.hold_phrases[lemma, p.lemma_.lower()] for p in prep.children
                     if (lemma, p.lemma_.lower()) in lex.hold_phrases), None)
        if held:
            return held  # 'put the accord on hold'
    needed = lex.required_particles.get(lemma)
    if needed is not None and not any(c.lower_ == needed for c in verb.children):
        return None
    for (particle_verb, particle), step in lex.particle_steps.items():
        if particle_verb == lemma and any(c.lower_ == particle for c in verb.children):
            return step
    return lex.step_verbs.get(lemma)


def _subject_step(verb: Token, lex: AgreementLexicon) -> str | None:
    """The step a verb takes with the agreement as its subject ('took effect', 'fell apart')."""
    lemma = verb.lemma_.lower()
    particles = tuple(c.lemma_.lower() for c in verb.children if c.dep_ in ("prt", "dobj", "prep", "advmod"))
    return next((step for words, step in lex.subject_steps.items()
                 if words[0] == lemma and all(w in particles for w in words[1:])), None)


def _parties_of(verb: Token, action: str, index: int, sents: list[Span], ctx: ArticleContext,
                salient: Salient) -> list[tuple[str | None, str]]:
    """Who takes the step: the verb's subject; for a violation told by someone else ('accusing
    each other of violating', 'said X violated'), the accusers, as accused_violation."""
    speech = claim_lexicon().verb_kinds
    node = verb
    for _ in range(5):
        if node.head.i == node.i:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in speech and node.pos_ == "VERB":
            subject = _subject(node)
            if subject is None:
                break
            if action == "violated":
                if subject.lemma_.lower() in COLLECTIVE_PARTIES or any(
                        c.lower_ in RECIPROCALS for c in node.children if c.dep_ == "dobj"):
                    pair = recent_pair(ctx, sents, index)
                    return [(a.country, "accused_violation") for a in pair] if pair else []
                return [(_country(subject, ctx, salient), "accused_violation")]
            if action == "rejected":
                return [(_country(subject, ctx, salient), "rejected")]
            break
    subject = _subject(verb)
    if subject is None:
        return [(None, action)]
    if action in SHARED_ACTIONS:  # 'Rwanda and the DRC signed': each signed
        return [(_country(s, ctx, salient), action) for s in (subject, *subject.conjuncts)]
    return [(_country(subject, ctx, salient), action)]


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj",)]
        if subjects:
            return subjects[0]
        agents = [p for a in node.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents:
            return agents[0]
        if node.dep_ in ("xcomp", "acomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head
            continue
        owner = next((c for c in node.head.children if c.dep_ in ("poss", "amod") and c.ent_type_ in (
            "GPE", "NORP")), None) if node.dep_ == "acl" else None
        if owner is not None:
            return owner  # 'the Indian decision to suspend the treaty'
        if node.dep_ == "acl" and node.head.dep_ in ("dobj", "attr"):
            node = node.head.head  # 'Ukraine expressed readiness to accept ...'
            continue
        return None
    return None


def _country(token: Token, ctx: ArticleContext, salient: Salient) -> str | None:
    if token.lower_ in GROUP_SUBJECT_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass"):
        # 'Russia rejected X, opting for Y, which it violated': the main clause's subject
        for earlier in token.sent:
            if earlier.i >= token.i:
                break
            if earlier.dep_ in ("nsubj", "nsubjpass") and earlier.pos_ != "PRON" and earlier.head.dep_ == "ROOT":
                actor = ctx.describe(earlier)
                if actor is not None and actor.country:
                    return actor.country
    actor = actor_of(token, ctx, salient)
    return actor.country if actor is not None else None


def _mediator_from_subject(verb: Token, mention: MentionInfo, ctx: ArticleContext, lex: AgreementLexicon) -> None:
    """'US officials negotiated a ceasefire between A and B': the negotiator is the mediator."""
    if verb.lemma_.lower() not in lex.negotiating_verbs or mention.mediator:
        return
    subject = _subject(verb)
    actor = ctx.describe(subject) if subject is not None else None
    if actor is not None and actor.country and actor.country not in mention.parties:
        mention.mediator = actor.country


def _noun_steps(head: Token, index: int, sent: Span, ctx: ArticleContext, salient: Salient,
                lex: AgreementLexicon) -> list[Step]:
    """"X's violation of the truce": a party's act named by a noun; 'struck in violation of the truce':
    the striker's; 'accused X of ... in violation of the truce': the accuser's accusation."""
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return []
    noun = head.head.head
    action = lex.step_nouns.get(noun.lemma_.lower())
    if action is None or action == "violated" and _is_hypothetical_violation(head, lex):
        return []
    evidence = text_of(sent).strip()
    speech = _speech_above(noun)
    if action == "violated" and speech is not None:
        subject = _subject(speech)
        return [Step(_country(subject, ctx, salient) if subject is not None else None, "accused_violation", None,
                     index, evidence)]
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and action == "violated" and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        owner = _subject(noun.head.head)
    if owner is None:
        return []
    return [Step(_country(owner, ctx, salient), action, None, index, evidence)]


def _speech_above(token: Token) -> Token | None:
    speech = claim_lexicon().verb_kinds
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in speech:
            return ancestor
    return None


def _demands(head: Token, sent: Span, index: int, ctx: ArticleContext, salient: Salient,
             lex: AgreementLexicon) -> list[Step]:
    """'X returned with additional demands ..., leaving the agreement unresolved': X demanded. Not
    demands the sentence says there are none of ('without any preconditions'), nor another side's
    that X speaks of ('X slammed European ultimatums')."""
    out = []
    for noun in tokens_of(sent):
        if noun.lemma_.lower() not in lex.demand_nouns or noun.pos_ != "NOUN" or head in noun.subtree:
            continue
        if any(c.lower_ in NONSPECIFIC_DETERMINERS for c in noun.children if c.dep_ == "det") or (
                noun.dep_ == "pobj" and noun.head.lower_ == "without"):
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None:
            continue
        party = _country(subject, ctx, salient)
        owner = next((c for c in noun.children if c.dep_ in ("poss", "amod", "compound")
                      and c.ent_type_ in ("GPE", "NORP")), None)
        if owner is not None and _country(owner, ctx, salient) != party:
            continue
        out.append(Step(party, "demanded", None, index, text_of(sent).strip()))
    return out


def _date(token: Token, sent: Span, ctx: ArticleContext, drafts: list[Draft], name: Token | None = None) -> When | None:
    """The step's date: the time expression of its sentence nearest the verb ('on March 11'), not
    one of the agreement's own phrase (`name`: 'the 1994 Volta Treaty', 'an Easter truce', 'a
    truce which will begin on Monday'); an offset ('two weeks later') from the date of the step
    told before; the publication date for a present-tense step; else unknown."""
    times = [t for t in sentence_times(sent, ctx) if (name is None or not _of_own_phrase(t.span.root, name, token))
             and not _ends_term(t.span)]
    if times:
        span, when, offset, _ = min(times, key=lambda t: abs(t.span.root.i - token.i))
        if offset is None and when.value:
            return when
        if offset is not None:
            previous = next((s.date for d in reversed(drafts) for s in reversed(d.steps) if s.date and s.date.value),
                            None)
            if previous is not None:
                return shift_when(previous, offset, span.text)
    if token.tag_ in PRESENT_TAGS or any(c.lower_ in PERFECT_AUXILIARIES for c in token.children if c.dep_ == "aux"):
        return ctx.publication()
    return None


def _of_own_phrase(word: Token, head: Token, verb: Token) -> bool:
    """A word of a modifier of the agreement's noun ('an *Easter* truce', 'the *1994* treaty'), or of
    a clause of it that tells when it takes effect ('a truce *beginning May 12*', 'which will start
    on Monday'): it names the agreement or tells its terms, not when a verb outside that phrase
    acted on it. A time a preposition of the noun gives ('a ceasefire on Sunday') is the verb's."""
    node = word
    while node.head.i != node.i:
        if node.head.i == head.i:
            if verb in node.subtree:
                return False
            if node.dep_ in ("acl", "relcl"):
                return _subject_step(node, agreement_lexicon()) == "in_force"
            return node.dep_ in OWN_PHRASE_DEPS
        node = node.head
    return False


def _stated_end(mention: MentionInfo, sent: Span, ctx: ArticleContext) -> list[Step]:
    """The end an agreement's terms state ('a truce effective until midnight on Sunday', 'the truce
    will last until April 21', 'declares a truce to last until Monday'): an `expired` step dated
    that day. A stated end not yet reached at publication leaves the status alone (status_of)."""
    if mention.aspect != "agreement":
        return []  # the end of a proposal's or of talks' terms is not one of an agreement in existence
    table, tokens = words(sent.doc), doc_tokens(sent.doc)
    for prep in (tokens[i] for i in range(sent.start, sent.end)
                 if table.lower[i] in END_PREPS and table.dep[i] == symbols.prep):
        clause = _agreement_clause(prep.head, mention.head)
        if clause is None or any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                 for c in clause.children):
            continue
        end = next((t for t in sentence_times(sent, ctx) if _end_prep(t.span) == prep), None)
        if end is None:
            continue
        # a term is stated ahead ('will last until Monday', 'declared a truce until Monday'), unless
        # the agreement itself is told to have lasted ('the truce lasted until Monday')
        past = prep.head.tag_ == "VBD" and mention.head.dep_ == "nsubj" and mention.head.head.i == prep.head.i
        when = resolve_mention(end.found, ctx.story_day(), future=not past)
        if when.value and when.precision == "day":
            return [Step(None, "expired", when, mention.sent_index, text_of(sent).strip())]
    return []


def _end_prep(span: Span) -> Token | None:
    """The preposition of a stated end a time expression follows ('until midnight on Sunday', 'from
    6 pm to midnight Sunday')."""
    doc = span.doc
    table, tokens = words(doc), doc_tokens(doc)  # (the doc's lists and shared sentences: no Span made)
    first = max(span.start - END_WORDS, sentence_of(doc, span.start).start)
    return next((tokens[i] for i in range(span.start, first - 1, -1) if table.dep[i] == symbols.prep and (
        table.lower[i] in END_PREPS or table.lower[i] in SPAN_END_PREPS
        and _within_span(tokens[i], SPAN_START_PREPS, -SPAN_WORDS))), None)


def _within_span(token: Token, words: frozenset[str], reach: int) -> bool:
    """One of `words` in the sentence within `reach` tokens after (before, if negative) the token."""
    sent, lows = sentence_of(token.doc, token.i), lowers(token.doc)
    near = lows[max(token.i + reach, sent.start):token.i] if reach < 0 else lows[token.i + 1:min(token.i + reach,
                                                                                                 sent.end)]
    return not words.isdisjoint(near)


def _ends_term(span: Span) -> bool:
    """A time of an agreement's terms, its end ('until midnight on Sunday') or the start of a span
    with an end ('from 6 pm to midnight Sunday'): the date of no other step."""
    lows, tokens = lowers(span.doc), doc_tokens(span.doc)
    start = next((tokens[i] for i in range(max(span.start - 1, sentence_of(span.doc, span.start).start), span.start + 1)
                  if lows[i] in SPAN_START_PREPS), None)
    return _end_prep(span) is not None or start is not None and _within_span(start, SPAN_END_PREPS | END_PREPS,
                                                                             SPAN_WORDS)


def _agreement_clause(word: Token, head: Token) -> Token | None:
    """The clause a stated end tells of the agreement's noun `head`: from `word`, the word the end's
    preposition hangs on, up a few steps to the noun itself or the verb it hangs on ('the truce will
    begin ... and will last until', 'a truce, effective until'); None when the end is another clause's."""
    node = word
    for _ in range(3):
        if node.i == head.i or head.head.i == node.i:
            return node
        if node.dep_ not in END_CLAUSE_DEPS or node.head.i == node.i:
            return None
        node = node.head
    return None


# ---------------------------------------------------------------- completing and reporting


def _complete(draft: Draft, sents: list[Span], ctx: ArticleContext, drafts: list[Draft],
              lex: AgreementLexicon) -> None:
    actions = {s.action for s in draft.steps}
    if not actions & EXISTENCE and draft.kind != "proposal" and not draft.is_proposal and not draft.background \
            and not any(m.wished or m.aspect in ("negotiation", "phase") for m in draft.mentions) and any(
            _told_as_fact(m.head, lex) and _in_statement(m.head) for m in draft.mentions):
        # named as a fact ('This was followed by a 30-day maritime ceasefire'): it was agreed
        first = draft.mentions[0]
        earlier = drafts[:drafts.index(draft)]
        date = _date(first.head, sents[first.sent_index], ctx, earlier)
        draft.steps.insert(0, Step(None, "agreed", date, first.sent_index, sents[first.sent_index].text.strip(),
                                   inferred=True))
        draft.notes.append("'agreed': the article names it as in existence")
    for step in draft.steps:
        if step.action in PARTY_ACTIONS and step.party and step.party not in draft.parties \
                and step.party != draft.mediator and not (step.action == "demanded" and draft.parties):
            draft.parties.append(step.party)
    for step in draft.steps:
        # a declaration is its declarer's act ('X announced a truce with Y' too), unless the agreement
        # names two other parties (then the declarer announces a deal between them: 'X announced a
        # ceasefire between A and B')
        if step.declarer and step.party is None and step.declarer != draft.mediator and (
                len(draft.parties) < 2 or step.declarer in draft.parties):
            step.party = step.declarer
            if step.declarer not in draft.parties:
                draft.parties.append(step.declarer)
    if draft.proposer and draft.parties and draft.proposer not in draft.parties and draft.mediator is None:
        # a proposer beside known parties is their mediator; with no party known, whether the
        # proposer is one is not told: unknown
        draft.mediator = draft.proposer
        draft.notes.append("mediator: the proposer, not a party")
    if draft.mediator in draft.parties:
        draft.parties.remove(draft.mediator)


def _told_as_fact(head: Token, lex: AgreementLexicon) -> bool:
    """The article names the agreement as something that exists: not a possible, planned or
    hoped-for one ('a possible ceasefire', 'talks on a maritime ceasefire would begin', 'did not
    sign the deal', 'left without signing', 'which could include a ceasefire')."""
    if any(c.lower_ in lex.hypothetical_modifiers for c in head.children if c.dep_ in ("amod", "compound")):
        return False
    if head.dep_ == "pobj" and head.head.lower_ in TOWARDS_PREPS:
        return False  # 'negotiations towards a ceasefire', 'talks on a truce'
    if _exhorted(head) or _under_talks(head, lex) or _deliberated(head, lex):
        return False
    node = head
    for _ in range(6):
        if any(c.dep_ == "neg" for c in node.children) or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in node.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return False
        if node.dep_ == "pcomp" and node.head.lower_ == "without" or _unrealised(node, lex):
            return False
        if node.head.i == node.i:
            break
        node = node.head
    return True


def _under_talks(head: Token, lex: AgreementLexicon) -> bool:
    """Named inside the phrase of talks ('technical negotiations on implementation of a maritime
    ceasefire'): an agreement under negotiation, not one in existence."""
    node = head
    for _ in range(6):
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head  # 'negotiations on a maritime ceasefire, full ceasefire and peace'
        elif node.dep_ == "pobj" and node.head.head.i != node.head.i and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
            if node.lemma_.lower() in lex.negotiation_nouns or node.lower_ in lex.negotiation_nouns:
                return True
        else:
            break
    return False


def _deliberated(head: Token, lex: AgreementLexicon) -> bool:
    """Talked over ('agreed to discuss a new truce', 'will consider the deal', 'talked about a truce',
    'agreed to negotiate a truce'): an agreement under negotiation, not one named as reached."""
    return any(role == "object" and _talks_over(verb, lex) for verb, role in _governing_verbs(head))


def _talks_over(verb: Token, lex: AgreementLexicon) -> bool:
    """A verb of deliberation or of examining ('will consider the plan', 'agreed to study the proposal'),
    or of negotiating in the infinitive ('agreed to negotiate', 'offered to mediate'): the negotiating
    is ahead, where 'negotiated a truce' tells one reached."""
    lemma = verb.lemma_.lower()
    return (lemma in lex.deliberation_verbs or lemma in lex.examining_verbs
            or lemma in lex.negotiating_verbs and verb.dep_ == "xcomp")


def _exhorted(token: Token) -> bool:
    """Said in a sentence that urges it ('Get the deal done!', "Let's sign the truce"): its main verb
    is in the bare form with no auxiliary, the imperative."""
    root = sentence_of(token.doc, token.i).root
    return root.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in root.children)


def _in_statement(token: Token) -> bool:
    """Said in a clause with a verb, not a heading ('- Ceasefire deal -') that only names it."""
    sent, table = sentence_of(token.doc, token.i), words(token.doc)
    return not _CLAUSE_POS.isdisjoint(table.pos[sent.start:sent.end])


# The parts of speech of a clause's verb (ids, as the doc's table of words holds them).
_CLAUSE_POS = frozenset({VERB, AUX})


def status_of(draft: Draft, published: date | None = None) -> str:
    """The agreement's status as of publication, from its history (docs/CODEBOOK.md); a stated end
    dated after publication ('the truce will last until Monday') has not come yet."""
    actions = [s.action for s in draft.steps if not (s.action == "expired" and _ahead(s, published))]
    if "collapsed" in actions or "expired" in actions:
        return "collapsed"
    if "violated" in actions:
        return "violated"
    if draft.unresolved or not draft.steps and draft.background:
        return "unknown"
    for i, step in enumerate(draft.steps):
        if step.action == "rejected" and not any(
                s.party == step.party and s.action in ("accepted", "agreed", "signed") for s in draft.steps[i + 1:]):
            return "rejected"
    if "in_force" in actions or draft.in_effect or draft.kind == "ceasefire" and "accused_violation" in actions and (
            {"agreed", "signed", "accepted"} & set(actions)):
        return "in_force"  # a threat to end it, or an accusation of breaking it, tells it is in force
    accepting = {s.party for s in draft.steps if s.action == "accepted" and s.party}
    if "agreed" in actions or "signed" in actions or len(accepting) >= 2:
        return "agreed"
    return "proposed"


def _ahead(step: Step, published: date | None) -> bool:
    """A step dated after publication: a term stated ahead ('until Monday'), not a step taken."""
    return bool(published and step.date and step.date.value and step.date.value[:10] > published.isoformat())


def _to_agreement(draft: Draft, sents: list[Span], published: date | None = None) -> Agreement:
    evidence: list[str] = []
    for index in sorted({m.sent_index for m in draft.mentions} | {s.sent_index for s in draft.steps}):
        text = text_of(sents[index]).strip()
        if text and text not in evidence:
            evidence.append(text)
    history = [HistoryStep(party=s.party, action=s.action, date=s.date.value if s.date else None,
                           evidence=s.evidence) for s in _ordered(draft.steps)]
    return Agreement(kind=draft.kind, scope=draft.scope, duration_days=draft.duration, mediator=draft.mediator,
                     parties=draft.parties, history=history, status=status_of(draft, published), evidence=evidence,
                     note="; ".join(draft.notes) or None)


def _ordered(steps: list[Step]) -> list[Step]:
    """An undated proposal, or an undated 'agreed' inferred from the agreement's existence, first
    (it comes before what is done about it), then steps by date, then undated steps in the
    article's order."""
    def key(step: Step) -> tuple[str, int]:
        if step.date and step.date.value:
            return step.date.value[:10], step.sent_index
        return ("0000" if step.action == "proposed" or step.inferred else "9999"), step.sent_index
    return sorted(steps, key=key)


def _link_events(drafts: list[Draft], events: list[Event], sents: list[Span]) -> None:
    wanted = {"AGREE": {"accepted", "agreed", "signed"}, "REJECT": {"rejected"}, "REQUEST": {"proposed", "demanded"}}
    for event in events:
        actions = wanted.get(event.type)
        if not actions:
            continue
        told = {event.evidence, *event.also_evidence}
        for position, draft in enumerate(drafts):
            if any(s.action in actions and s.evidence in told for s in draft.steps) or (
                    event.type == "REQUEST" and any(text_of(sents[m.sent_index]).strip() in told and m.wished
                                                    for m in draft.mentions)):
                event.agreement = position
                break


# Steps that make an agreement: its AGREE event (CONVENTIONS 10, 12). Taking effect makes one only
# with its date told ('took effect on May 2'); 'the truce holds' tells a state, not an act.
_MAKING_STEPS = ("signed", "agreed", "in_force")


def told_agreements(drafts: list[Draft], events: list[Event]) -> list[Event]:
    """The AGREE events of agreements reached that the event reader left out because their
    sentence names no party ('since the truce took effect on May 2', 'signed the deal last year'):
    a step told by a verb, not one inferred from the agreement being named as in existence;
    the parties the agreement reader found for them elsewhere in the article, with the step's
    sentence and date. An agreement with fewer than two parties known, or one already told by an
    AGREE event (linked to it, or between the same two countries), makes none: unknown is not guessed.

    Args:
        drafts: the article's agreements as read (their positions are the report's).
        events: the article's events, linked to the agreements (_link_events).
    Returns:
        the new AGREE events, one per agreement at most.
    """
    told = [e for e in events if e.type == "AGREE"]
    out: list[Event] = []
    for position, draft in enumerate(drafts):
        parties = list(dict.fromkeys(draft.parties))
        if len(parties) < 2 or draft.is_proposal or any(
                e.agreement == position or _between(e, parties[:2]) for e in told):
            continue
        step = next((s for s in _ordered(draft.steps) if s.action in _MAKING_STEPS and not s.inferred
                     and (s.action != "in_force" or (s.date is not None and s.date.text))), None)
        if step is None or any(step.evidence in (e.evidence, *e.also_evidence) for e in told):
            continue
        first = step.party if step.party in parties[:2] else parties[0]
        second = next(p for p in parties[:2] if p != first)
        out.append(Event(type="AGREE", mode="ceasefire" if draft.kind == "ceasefire" else None,
                         source=_party(first), target=_party(second), date=step.date, evidence=step.evidence,
                         agreement=position, trigger=None,
                         note="parties from the agreement as the article names it elsewhere"))
    return out


def _between(event: Event, pair: list[str]) -> bool:
    sides = {a.country for a in (event.source, event.target) if a is not None and a.country}
    return sides == set(pair)


def _party(code: str) -> Actor:
    return state_actor(code, sector=None)


def _confirm_claims(drafts: list[Draft], claims: list[Claim], sents: list[Span]) -> None:
    """An accusation that a party violated an agreement is confirmed when the article itself says
    that party violated it."""
    for claim in claims:
        if claim.kind != "accusation" or claim.accused is None or claim.status != "not_assessed":
            continue
        for draft in drafts:
            told = any(s.evidence in claim.evidence or claim.evidence in s.evidence
                       for s in draft.steps if s.action == "accused_violation")
            violators = {s.party for s in draft.steps if s.action == "violated"}
            if told and claim.accused.country in violators:
                claim.status = "confirmed"
                claim.note = "; ".join(filter(None, [claim.note, "the article itself says the accused violated it"]))
                break
