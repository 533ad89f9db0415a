"""Agreements: ceasefires, peace deals, deals and proposals, each with the history of what the
parties did about it and its status as of publication.

Every sentence is searched for agreement mentions ('an initial 30-day ceasefire between A and
B', 'the US proposal for a ceasefire', 'the agreement', 'the same proposal'). A mention that
points back, or that repeats what an earlier one said, joins that agreement; one with a scope of
its own starts a new one. The verb a mention hangs on gives a step of the history ('A rejected
the same proposal' -> rejected by A), with the step's date from its sentence. The lexicon is
data/agreements.yaml; the rules are in docs/CODEBOOK.md, "Agreements".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from peacewatch.data.reading_words import AgreementWords
from peacewatch.extract.claims import claim_lexicon
from peacewatch.extract.context import (
    COLLECTIVE_PARTIES,
    ArticleContext,
    actor_of,
    recent_pair,
    remember_subjects,
    sentence_times,
)
from peacewatch.extract.countries import country_of
from peacewatch.extract.counts import parse_number
from peacewatch.grammar import (
    AIMED_AT_PREPS,
    ARTICLES,
    CONDITION_MARKS,
    DEFINITE_DETERMINERS,
    GROUP_SUBJECT_PRONOUNS,
    MANNER_PREPS,
    MODALS,
    PERFECT_AUXILIARIES,
    RECIPROCALS,
    RELATIVE_CLAUSE_WORDS,
    SCOPE_PREPS,
    SOURCE_PREPS,
    TOWARDS_PREPS,
)
from peacewatch.nlp import doc_memo, doc_tokens, text_of, tokens_of
from peacewatch.resolve.time import shift_when
from peacewatch.schema import Actor, Agreement, Claim, Event, HistoryStep, When

# Units of a duration in days ('a 30-day ceasefire'), from data/agreements.yaml.
UNIT_DAYS = AgreementWords.load().unit_days
DURATION = re.compile(r"^(\w+)-(" + "|".join(map(re.escape, UNIT_DAYS)) + r")s?$", re.I)
# Steps (codes of the history, not words) a party takes on its own.
PARTY_ACTIONS = {"accepted", "rejected", "violated", "accused_violation", "demanded", "signed"}
# Steps that put an agreement in existence; without one, a ceasefire the article names as a fact
# ('This was followed by a 30-day maritime ceasefire') was agreed.
EXISTENCE = {"agreed", "signed", "in_force", "accepted", "proposed", "rejected"}


@dataclass(frozen=True)
class AgreementLexicon:
    ceasefire_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    proposal_nouns: frozenset[str]
    negotiation_nouns: frozenset[str]
    peace_words: frozenset[str]
    abstract_modifiers: frozenset[str]
    step_verbs: dict[str, str]
    subject_steps: dict[tuple[str, ...], str]
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
    proposing_verbs: frozenset[str]


# The word lists of data/agreements.yaml read as sets.
_WORD_SETS = ("ceasefire_nouns", "generic_nouns", "proposal_nouns", "negotiation_nouns", "peace_words",
              "abstract_modifiers", "wish_verbs", "rejecting_adjectives", "demand_nouns", "unresolved_words",
              "partial_words", "scope_stopwords", "scope_verbs", "attack_nouns", "definite_modifiers",
              "hypothetical_modifiers", "purpose_verbs", "brokering_modifiers", "mediating_modifiers",
              "negotiating_verbs", "proposing_verbs")


@cache
def agreement_lexicon() -> AgreementLexicon:
    """The agreements lexicon (data/agreements.yaml), loaded once."""
    words = AgreementWords.load()
    return AgreementLexicon(
        **{name: frozenset(getattr(words, name)) for name in _WORD_SETS},
        step_verbs={lemma: action for action, lemmas in words.step_verbs.items() for lemma in lemmas},
        subject_steps={tuple(phrase): action for action, phrases in words.subject_steps.items() for phrase in phrases},
        step_nouns={lemma: action for action, lemmas in words.step_nouns.items() for lemma in lemmas},
        mediating_suffixes=tuple(words.mediating_suffixes),
        required_particles=dict(words.required_particles),
        particle_steps={_verb_and_particle(phrase): step for phrase, step in words.particle_steps.items()},
    )


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
        self.parties.extend(p for p in mention.parties if p not in self.parties)
        if self.kind == "proposal" and mention.kind in ("ceasefire", "peace_deal"):
            self.kind = mention.kind


def extract_agreements(doc: Doc, ctx: ArticleContext, events: list[Event] | None = None,
                       claims: list[Claim] | None = None) -> list[Agreement]:
    """The agreements of one parsed article, each with its history and status.

    Also links what the events and claims say about them: an AGREE, REJECT or REQUEST event told
    in a sentence that takes a step of an agreement gets that agreement's position in
    `agreement`; an accusation that a party violated an agreement is confirmed when the article
    itself says that party violated it.

    Args:
        doc: the article parsed by peacewatch.nlp.
        ctx: the article's context (shared with the event and claim readers).
        events, claims: the article's events and claims (changed in place to point at agreements).
    Returns:
        agreements in the order the article first names them.
    """
    lex = agreement_lexicon()
    sents = list(doc.sents)
    drafts: list[Draft] = []
    salient: list[tuple[Token, Actor]] = []
    for index, sent in enumerate(sents):
        for mention in _mentions(sent, index, ctx, lex):
            draft = _link(mention, drafts, lex)
            if draft is None:
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
            if _within(_spots(doc).unresolved, sent):
                draft.unresolved = True
        remember_subjects(sent, ctx, salient)
    for draft in drafts:
        _complete(draft, sents, ctx, drafts, lex)
    agreements = [_to_agreement(d, sents) for d in drafts]
    _link_events(drafts, events or [], sents)
    _confirm_claims(drafts, claims or [], sents)
    return agreements


# ---------------------------------------------------------------- mentions


@dataclass(frozen=True)
class _Spots:
    """The tokens of a doc that may name an agreement, and those of words that leave one
    unresolved, in doc order, found in one pass: a sentence is then read at these tokens only."""

    names: list[int]  # a ceasefire, agreement or proposal noun
    unresolved: list[int]


def _spots(doc: Doc) -> _Spots:
    return doc_memo(doc, "pw_agreement_spots", _find_spots)


def _find_spots(doc: Doc) -> _Spots:
    lex = agreement_lexicon()
    names = lex.ceasefire_nouns | lex.generic_nouns | lex.proposal_nouns
    spots = _Spots([], [])
    for token in doc_tokens(doc):
        lemma = token.lemma_.lower()
        if lemma in names or token.lower_ in lex.ceasefire_nouns:
            spots.names.append(token.i)
        if lemma in lex.unresolved_words:
            spots.unresolved.append(token.i)
    return spots


def _within(spots: list[int], sent: Span) -> list[int]:
    """The indices of `spots` inside the sentence."""
    start = bisect_left(spots, sent.start)
    return spots[start:bisect_left(spots, sent.end, start)]


def _mentions(sent: Span, index: int, ctx: ArticleContext, lex: AgreementLexicon) -> list[MentionInfo]:
    out: list[MentionInfo] = []
    used: set[int] = set()
    tokens = doc_tokens(sent.doc)
    for token in (tokens[i] for i in _within(_spots(sent.doc).names, sent)):
        if token.i in used or token.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = token.lemma_.lower()
        if lemma in lex.ceasefire_nouns or token.lower_ in lex.ceasefire_nouns:
            head, aspect = _ceasefire_head(token, lex)
            used.update({token.i, head.i})
            # 'a ceasefire violation in X' tells of an agreement named before, never of a new one
            kind = None if aspect == "violation" else "ceasefire"
            mention = _describe(head, token, kind, aspect, index, ctx, lex)
            if aspect == "violation":
                mention.definite, mention.scope = True, None
            out.append(mention)
        elif lemma in lex.generic_nouns or lemma in lex.proposal_nouns:
            modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
            if modifiers & lex.abstract_modifiers:
                continue
            if lemma in lex.generic_nouns and token.head.lower_ in MANNER_PREPS and token.dep_ == "pobj":
                continue  # 'by agreement', 'in agreement with'
            aspect = "proposal" if lemma in lex.proposal_nouns else "agreement"
            inner = _inner_agreement(token, lex)
            if inner is not None:
                used.add(inner.i)
                out.append(_describe(token, inner, "ceasefire", aspect, index, ctx, lex))
                continue
            if modifiers & lex.peace_words:
                kind = "proposal" if aspect == "proposal" else "peace_deal"
            elif aspect == "agreement" and any(
                    c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in lex.scope_stopwords
                    for c in token.children):
                kind = "deal"  # 'grain deal', 'prisoner exchange agreement'
            else:
                kind = None
            mention = _describe(token, token, kind, aspect, index, ctx, lex)
            if kind is None and not mention.definite and not mention.proposer:
                continue
            out.append(mention)
    return out


def _ceasefire_head(token: Token, lex: AgreementLexicon) -> tuple[Token, str]:
    """The noun a ceasefire word names an agreement through: 'ceasefire proposal', 'proposal for a
    ceasefire', 'ceasefire negotiations', or the word itself."""
    head = token.head
    if token.dep_ == "compound":
        lemma = head.lemma_.lower()
        if lemma in lex.proposal_nouns:
            return head, "proposal"
        if lemma in lex.negotiation_nouns:
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
        if inner.i != token.i and inner.lemma_.lower() in lex.ceasefire_nouns and inner.dep_ != "compound":
            return inner
    return None


def _describe(head: Token, core: Token, kind: str | None, aspect: str, index: int, ctx: ArticleContext,
              lex: AgreementLexicon) -> MentionInfo:
    duration = _duration(head, core)
    scope = _scope(head, core, lex)
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")} | {
        c.lower_ for c in head.children if c.dep_ == "amod" and c.lower_ in lex.definite_modifiers}
    has_article = any(c.dep_ == "det" for c in head.children) or any(c.dep_ == "poss" for c in head.children)
    definite = bool(determiners & (DEFINITE_DETERMINERS | lex.definite_modifiers)) or any(
        c.dep_ == "poss" for c in head.children) or not has_article
    partial = any(c.lemma_.lower() in lex.partial_words for c in (*head.children, *core.children))
    return MentionInfo(head=head, sent_index=index, kind=kind, aspect=aspect, definite=definite, partial=partial,
                       scope=scope, duration=duration, proposer=_proposer(head, aspect, ctx, lex),
                       mediator=_mediator(head, core, lex), parties=_parties(head, core), wished=False)


def _duration(head: Token, core: Token) -> int | None:
    """'30-day', 'thirty-day', '30 day' before the noun, or 'for 30 days' after it."""
    tokens = sorted({t.i: t for n in (head, core) for t in n.subtree if t.i <= n.i or t.dep_ == "prep"}.values(),
                    key=lambda t: t.i)
    for i, token in enumerate(tokens):
        match = DURATION.match(token.text)
        if match:
            amount = parse_number(match.group(1))
            if amount:
                return int(amount * UNIT_DAYS[match.group(2).lower()])
        unit = token.lemma_.lower()
        if unit in UNIT_DAYS and i > 0:
            j = i - 1
            if tokens[j].text == "-" and j > 0:
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
        return _text([t for t in child.subtree if _is_scope_word(t, lex)])
    if child.dep_ == "prep" and child.lower_ in SCOPE_PREPS:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects and objects[0].ent_type_ not in ("DATE", "TIME") and not country_of(objects[0].text):
            return _text([t for t in objects[0].subtree if t.lower_ not in ARTICLES])
        return None
    if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lex.scope_verbs | lex.purpose_verbs:
        return _purpose_object(child, lex)
    return None


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
    # 'X has made an offer', 'X put forward a plan'
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lex.proposing_verbs:
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            actor = ctx.describe(subject)
            if actor is not None and actor.country:
                return actor.country
    return None


def _mediator(head: Token, core: Token, lex: AgreementLexicon) -> str | None:
    """'the US-mediated accord', 'a Qatar-brokered truce', 'a truce mediated by Egypt'."""
    for noun in dict.fromkeys((head, core)):
        for child in noun.children:
            if child.lemma_.lower() in lex.mediating_modifiers or child.lower_.endswith(lex.mediating_suffixes):
                for inner in child.subtree:
                    code = country_of(inner.text.split("-")[0]) if inner.i != child.i or "-" in inner.text else None
                    if code:
                        return code
    return None


def _parties(head: Token, core: Token) -> list[str]:
    """'between Russia and Ukraine', 'India-Pakistan ceasefire'."""
    out: list[str] = []
    for noun in dict.fromkeys((head, core)):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for token in (pobj, *pobj.conjuncts):
                        code = country_of(token.text)
                        if code and code not in out:
                            out.append(code)
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and country_of(c.text)]
        if len(modifiers) >= 2:
            out.extend(c for c in (country_of(m.text) for m in modifiers) if c and c not in out)
    return out


# ---------------------------------------------------------------- linking mentions


def _link(mention: MentionInfo, drafts: list[Draft], lex: AgreementLexicon) -> Draft | None:
    """The agreement named before that a mention stands for, or None for a new one."""
    candidates = [d for d in reversed(drafts) if _kinds_compatible(mention, d)]
    if mention.aspect == "proposal":
        # a proposal is not an agreement already reached
        candidates = [d for d in candidates if d.is_proposal or not d.is_agreed]
    if mention.partial and not mention.scope:
        # 'a limited ceasefire': one of the partial agreements named before, preferring the one
        # whose story it continues (one with violations when it is said to be violated)
        partial = [d for d in candidates if d.scope and not d.scope.lower().startswith("all")]
        violated = [d for d in partial if any(s.action in ("accused_violation", "violated") for s in d.steps)]
        chosen = violated or list(reversed(partial))
        return chosen[0] if chosen else None
    for draft in candidates:
        if not _scopes_compatible(mention.scope, draft.scope, mention.definite, draft):
            continue
        if mention.duration and draft.duration and mention.duration != draft.duration:
            continue
        if mention.proposer and draft.proposer and mention.proposer != draft.proposer:
            continue
        return draft
    return None


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
           salient: list[tuple[Token, Actor]], drafts: list[Draft], lex: AgreementLexicon) -> list[Step]:
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
        if not _is_asserted(verb):
            continue
        action = _action(verb, role, lex)
        if action is None:
            continue
        date = _date(verb, sent, ctx, drafts)
        if action in ("violated", "rejected", "accepted", "proposed") and role == "object" or action == "rejected":
            out.extend(Step(party, speaker_act, date, index, evidence)
                       for party, speaker_act in _parties_of(verb, action, index, sents, ctx, salient))
        else:
            out.append(Step(None, action, date, index, evidence))
            if action == "agreed":
                _mediator_from_subject(verb, mention, ctx, lex)
    out.extend(_noun_steps(head, index, sent, ctx, salient, lex))
    out.extend(_demands(head, sent, index, ctx, salient, lex))
    return out


def _governing_verbs(head: Token) -> list[tuple[Token, str]]:
    """The verbs an agreement noun is the object or the subject of ('rejected the proposal', 'the
    truce took effect', 'the deal, which X signed')."""
    verbs: list[tuple[Token, str]] = []
    if head.dep_ in ("dobj", "nsubjpass"):
        verbs.append((head.head, "object"))
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
        verbs.append((head.head.head, "object"))
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


def _is_asserted(verb: Token) -> bool:
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return False  # 'left without signing the deal'
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in children):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children)


def _action(verb: Token, role: str, lex: AgreementLexicon) -> str | None:
    lemma = verb.lemma_.lower()
    if role == "subject":
        # 'the agreement failed to take off'; 'the truce took effect'; 'the proposal was unacceptable'
        if any(c.dep_ == "acomp" and c.lemma_.lower() in lex.rejecting_adjectives for c in verb.children):
            return "rejected"
        particles = tuple(c.lemma_.lower() for c in verb.children if c.dep_ in ("prt", "dobj", "prep"))
        return next((step for words, step in lex.subject_steps.items()
                     if words[0] == lemma and all(w in particles for w in words[1:])), None)
    needed = lex.required_particles.get(lemma)
    if needed is not None and not any(c.lower_ == needed for c in verb.children):
        return None
    for (particle_verb, particle), step in lex.particle_steps.items():
        if particle_verb == lemma and any(c.lower_ == particle for c in verb.children):
            return step
    return lex.step_verbs.get(lemma)


def _parties_of(verb: Token, action: str, index: int, sents: list[Span], ctx: ArticleContext,
                salient: list[tuple[Token, Actor]]) -> list[tuple[str | None, str]]:
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
        if node.dep_ == "acl" and node.head.dep_ in ("dobj", "attr"):
            node = node.head.head  # 'Ukraine expressed readiness to accept ...'
            continue
        return None
    return None


def _country(token: Token, ctx: ArticleContext, salient: list[tuple[Token, Actor]]) -> str | None:
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


def _noun_steps(head: Token, index: int, sent: Span, ctx: ArticleContext, salient: list[tuple[Token, Actor]],
                lex: AgreementLexicon) -> list[Step]:
    """"X's violation of the truce": a party's act named by a noun."""
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return []
    noun = head.head.head
    action = lex.step_nouns.get(noun.lemma_.lower())
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if action is None or owner is None:
        return []
    party = _country(owner, ctx, salient)
    speech = _speech_above(noun)
    if action == "violated" and speech is not None:
        action = "accused_violation"
        subject = _subject(speech)
        party = _country(subject, ctx, salient) if subject is not None else None
    return [Step(party, action, None, index, text_of(sent).strip())]


def _speech_above(token: Token) -> Token | None:
    speech = claim_lexicon().verb_kinds
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in speech:
            return ancestor
    return None


def _demands(head: Token, sent: Span, index: int, ctx: ArticleContext, salient: list[tuple[Token, Actor]],
             lex: AgreementLexicon) -> list[Step]:
    """'X returned with additional demands ..., leaving the agreement unresolved': X demanded."""
    out = []
    for noun in tokens_of(sent):
        if noun.lemma_.lower() not in lex.demand_nouns or noun.pos_ != "NOUN" or head in noun.subtree:
            continue
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            out.append(Step(_country(subject, ctx, salient), "demanded", None, index, text_of(sent).strip()))
    return out


def _date(token: Token, sent: Span, ctx: ArticleContext, drafts: list[Draft]) -> When | None:
    """The step's date: the time expression of its sentence nearest the verb ('on March 11'); an
    offset ('two weeks later') from the date of the step told before; the publication date for
    a present-tense step; else unknown."""
    times = sentence_times(sent, ctx)
    if times:
        span, when, offset = min(times, key=lambda t: abs(t[0].root.i - token.i))
        if offset is None and when.value:
            return when
        if offset is not None:
            previous = next((s.date for d in reversed(drafts) for s in reversed(d.steps) if s.date and s.date.value),
                            None)
            if previous is not None:
                return shift_when(previous, offset, span.text)
    if token.tag_ in ("VBZ", "VBP") or any(c.lower_ in PERFECT_AUXILIARIES for c in token.children if c.dep_ == "aux"):
        if ctx.published is not None:
            return When(text=None, value=ctx.published.isoformat(), precision="day", rule="publication date")
    return None


# ---------------------------------------------------------------- completing and reporting


def _complete(draft: Draft, sents: list[Span], ctx: ArticleContext, drafts: list[Draft],
              lex: AgreementLexicon) -> None:
    actions = {s.action for s in draft.steps}
    if not actions & EXISTENCE and draft.kind != "proposal" and not draft.is_proposal and not any(
            m.wished or m.aspect == "negotiation" for m in draft.mentions) and any(
            _told_as_fact(m.head, lex) for m in draft.mentions):
        # named as a fact ('This was followed by a 30-day maritime ceasefire'): it was agreed
        first = draft.mentions[0]
        earlier = drafts[:drafts.index(draft)]
        date = _date(first.head, sents[first.sent_index], ctx, earlier)
        draft.steps.insert(0, Step(None, "agreed", date, first.sent_index, sents[first.sent_index].text.strip()))
        draft.notes.append("'agreed': the article names it as in existence")
    for step in draft.steps:
        if step.action in PARTY_ACTIONS and step.party and step.party not in draft.parties \
                and step.party != draft.mediator and not (step.action == "demanded" and draft.parties):
            draft.parties.append(step.party)
    if draft.proposer and draft.proposer not in draft.parties and draft.mediator is None:
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
    node = head
    for _ in range(6):
        if any(c.dep_ == "neg" for c in node.children) or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in node.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return False
        if node.dep_ == "pcomp" and node.head.lower_ == "without":
            return False
        if node.head.i == node.i:
            break
        node = node.head
    return True


def status_of(draft: Draft) -> str:
    """The agreement's status as of publication, from its history (docs/CODEBOOK.md)."""
    actions = [s.action for s in draft.steps]
    if "collapsed" in actions or "expired" in actions:
        return "collapsed"
    if "violated" in actions:
        return "violated"
    if draft.unresolved:
        return "unknown"
    for i, step in enumerate(draft.steps):
        if step.action == "rejected" and not any(
                s.party == step.party and s.action in ("accepted", "agreed", "signed") for s in draft.steps[i + 1:]):
            return "rejected"
    if "in_force" in actions:
        return "in_force"
    accepting = {s.party for s in draft.steps if s.action == "accepted" and s.party}
    if "agreed" in actions or "signed" in actions or len(accepting) >= 2:
        return "agreed"
    return "proposed"


def _to_agreement(draft: Draft, sents: list[Span]) -> Agreement:
    evidence: list[str] = []
    for index in sorted({m.sent_index for m in draft.mentions} | {s.sent_index for s in draft.steps}):
        text = text_of(sents[index]).strip()
        if text and text not in evidence:
            evidence.append(text)
    history = [HistoryStep(party=s.party, action=s.action, date=s.date.value if s.date else None,
                           evidence=s.evidence) for s in _ordered(draft.steps)]
    return Agreement(kind=draft.kind, scope=draft.scope, duration_days=draft.duration, mediator=draft.mediator,
                     parties=draft.parties, history=history, status=status_of(draft), evidence=evidence,
                     note="; ".join(draft.notes) or None)


def _ordered(steps: list[Step]) -> list[Step]:
    """An undated proposal first (it comes before what is done about it), then steps by date, then
    undated steps in the article's order."""
    def key(step: Step) -> tuple[str, int]:
        if step.date and step.date.value:
            return step.date.value[:10], step.sent_index
        return ("0000" if step.action == "proposed" else "9999"), step.sent_index
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
                    event.type == "REQUEST" and any(sents[m.sent_index].text.strip() in told and m.wished
                                                    for m in draft.mentions)):
                event.agreement = position
                break


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
