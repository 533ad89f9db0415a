"""Event mentions in one sentence: a trigger, its participants and its modality, from the parse.

A mention is what one clause says; the article pass (extract/events.py) merges mentions of one
happening and resolves their dates, places and actors.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field, replace

from spacy.parts_of_speech import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from peacewatch.data.event_words import EventWords
from peacewatch.data.lexicons import instrument_nouns
from peacewatch.extract.actors import body_modifiers, party_role
from peacewatch.extract.joint import joined_act, partners
from peacewatch.extract.lexicon import Lexicon, Trigger, get_lexicon
from peacewatch.extract.numbers import parse_number
from peacewatch.grammar import (
    ANCHOR_PREPS,
    AUTHOR_PREPS,
    BESIDE_DEPS,
    CLAUSE_DEPS,
    CLOSING_MARKS,
    CONDITION_MARKS,
    DEFINITE_DETERMINERS,
    DENYING_ADVERBS,
    DIPLOMAT_PREPS,
    GENERIC_DETERMINERS,
    GRIEVANCE_PREPS,
    GROUP_LABELS,
    LIGHT_VERB_PREPS,
    MEANS_PREPS,
    MODIFIER_DEPS,
    NAME_DEPS,
    NONSPECIFIC_DETERMINERS,
    NUMERIC_LABELS,
    OBJECT_DEPS,
    OBJECT_OF_PREPS,
    OBJECT_PREPS,
    OBLIGATION_HEADS,
    PARTNER_PREPS,
    PASSIVE_SUBJECTS,
    PAST_ANCHOR_PREPS,
    PRESENT_TAGS,
    PROXIMITY_PREPS,
    PURPOSE_PREPS,
    QUOTE_MARKS,
    RECIPIENT_PREPS,
    REFLEXIVE_PRONOUNS,
    RELATIVE_OBJECTS,
    RELATIVE_PRONOUNS,
    RELATIVE_QUANTIFIERS,
    SANCTIONED_THING_PREPS,
    STATE_PREPS,
    SUBJECTS,
    TARGET_PREPS,
    TERM_PREPS,
    TIME_ADJUNCT_PREPS,
    UNDERGOING_PREPS,
    UNLESS,
    passive_agents,
)
from peacewatch.nlp import (
    children_of,
    doc_tokens,
    entities,
    entities_in,
    entities_within,
    lemmas,
    lowers,
    per_token,
    text_of,
    tokens_of,
)

_WORDS = EventWords.load()
# Acts whose object a verb of taking makes its subject's lot ('faced repeated strikes', 'faces new
# sanctions'): the subject is the one hit (data/event_words.yaml hit_taking_verbs).
_HIT_TYPES = frozenset({"ASSAULT", "SANCTION"})
# Nouns that stand for a thing made or offered: their owner is the other party.
OFFER_NOUNS = _WORDS.offer_nouns
# Weapons and attacks named as the doer or the thing launched: never a participant.
WEAPON_NOUNS = instrument_nouns()
DIPLOMAT_WORDS = _WORDS.diplomat_words
POSSIBILITY_MODALS = _WORDS.possibility_modals
# Event types whose other party is a partner ('talks with X'), not one acted upon.
MEETING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass
class Mention:
    """One event as one clause tells it."""

    type: str
    mode: str | None
    trigger: Token
    clause: Token  # the verb whose tense and modality the event takes
    sent: Span
    status: str = "occurred"
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    parties: list[Token] = field(default_factory=list)  # 'between X and Y'
    mediator: Token | None = None
    count: int | None = None
    reference: bool = False  # a noun that names an event told elsewhere
    derived: bool = False  # a promise or threat read from another mention's clause
    source_is_speaker: bool = False
    adjunct: bool = False  # told in a phrase of time ('after a call with X'), not by its clause's verb
    anchor: bool = False  # an act the main clause came after ('since the arrest of X'): it also dates

    @property
    def is_noun(self) -> bool:
        return self.trigger.pos in (NOUN, PROPN)  # (the id: pos_ looks its name up at each call)


def find_mentions(sent: Span, lex: Lexicon) -> list[Mention]:
    """All event mentions in one sentence, in order, hypotheticals and questions left out."""
    if text_of(sent).rstrip().rstrip(CLOSING_MARKS).endswith("?"):
        return []
    mentions: list[Mention] = []
    words = _trigger_words(lex)
    lemma_of, tokens = lemmas(sent.doc), doc_tokens(sent.doc)
    # most words trigger nothing, as a verb, a noun or an adjective
    for i in [i for i in range(sent.start, sent.end) if lemma_of[i] in words]:
        token, lemma = tokens[i], lemma_of[i]
        mention = None
        pos = token.pos
        if pos == VERB or pos == AUX or token.tag_.startswith("VB"):
            mention = _verb_mention(token, sent, lex) if _may_trigger(lemma, lex) else None
        elif (pos == NOUN or pos == PROPN) and lemma in lex.nouns:
            mention = _noun_mention(token, sent, lex)
        elif pos == ADJ and lemma in lex.adjectives:
            mention = _adjective_mention(token, sent, lex)
        if mention is None:
            continue
        status = read_status(mention.clause, lex)
        if status is None or (status == "negated" and _is_future(mention.clause, lex)):
            continue  # 'will not back down', 'would not withdraw': a vow of resolve, no act
        if mention.adjunct and status == "negated":
            status = "occurred"  # 'after talks with X, Y did not sign': the talks took place
        if (mention.clause.i != mention.trigger.i and status == "occurred" and not mention.adjunct
                and _lemma(mention.clause) in lex.planned_verbs - lex.transparent_heads - _WORDS.announcing_verbs):
            status = "planned"  # a noun event under a verb of intent: 'are planning a round of sanctions'
        mention.status = status
        mentions.append(mention)
    _read_alleged_plans(mentions, lex)
    mentions.extend(_reported_wrongdoing(sent, lex, mentions))
    mentions.extend(_quoted_judgements(sent, lex, mentions))
    mentions.extend(_promises_and_obligations(sent, lex, mentions))
    mentions.extend(_threats_of_action(sent, lex, mentions))
    mentions.extend(_vows_of_retaliation(sent, lex, mentions))
    mentions = _without_threat_contents(mentions, lex)
    mentions.extend(_promises_of_action(sent, lex, mentions))
    return mentions


# ---------------------------------------------------------------- triggers


def _trigger_words(lex: Lexicon) -> frozenset[str]:
    """The lemmas of every trigger of the lexicon (verbs, heads of phrasal verbs, nouns and
    adjectives), gathered once per lexicon."""
    return lex.gathered("mentions.trigger_words", lambda lex: frozenset(
        lex.verbs.keys() | lex.phrasal_heads | lex.nouns.keys() | lex.adjectives.keys()))


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


@per_token  # a trigger's readers ask again and again (shared: never change the list)
def _objects(verb: Token) -> list[Token]:
    """Direct objects, and objects of 'with'/'for'/'at' attached to the verb."""
    found = [c for c in children_of(verb) if c.dep_ in OBJECT_DEPS]
    for prep in children_of(verb):
        if prep.dep_ in ("prep", "agent") and _lemma(prep) in OBJECT_PREPS:
            found.extend(c for c in children_of(prep) if c.dep_ == "pobj")
    return found


def _may_trigger(lemma: str, lex: Lexicon) -> bool:
    """Whether a verb of this lemma can trigger an event: most verbs trigger nothing, and need
    no reading of their children."""
    return lemma in lex.verbs or lemma in lex.phrasal_heads


def _verb_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    lemma = _lemma(verb)
    if not _may_trigger(lemma, lex):
        return None
    for child in children_of(verb) if lemma in lex.phrasal_heads else ():
        # 'pull out', 'set fire', 'call on' (a preposition right after the verb: 'taken the
        # previous evening over the attack' is no 'take over')
        if child.dep_ in ("prt", "dobj") or (child.dep_ == "prep" and child.i == verb.i + 1):
            trigger = lex.phrasal.get((lemma, _lemma(child)))
            if trigger is not None:
                return trigger
        if child.dep_ == "prep":  # 'put the accord on hold': the verb and the noun of its preposition
            trigger = next((lex.phrasal[(lemma, _lemma(p))] for p in children_of(child)
                            if p.dep_ == "pobj" and (lemma, _lemma(p)) in lex.phrasal), None)
            if trigger is not None:
                return trigger
    trigger = lex.verbs.get(lemma)
    if trigger is None:
        return None
    lacks_particle = trigger.particle and not _has_particle(verb, trigger)
    required = _required_objects(verb, trigger)
    if not lacks_particle and required is None:
        return trigger  # (most triggers: their objects need no reading)
    object_lemmas = _object_lemmas(verb, lex)
    retyped = bool(trigger.object_types.keys() & object_lemmas)  # 'committed $30 million' needs no 'to'
    if lacks_particle and not retyped:
        # 'A and B engaged in a call with X': the verb carries the noun's event, it is none of its own
        if _carries_event_noun(verb, lex) or not (trigger.symmetric and any(
                any(c.dep_ == "conj" for c in children_of(s)) or split_named_coordination(s)
                for s in subjects_of(verb))):
            return None
    if required is not None and not object_lemmas & required:
        return None
    return trigger


def _required_objects(verb: Token, trigger: Trigger) -> frozenset[str] | None:
    """The lemmas one of which a trigger's verb needs as its object; None when it needs none, or
    when it may have an infinitive instead and has one."""
    if trigger.objects is not None and trigger.xcomp_ok and any(c.dep_ == "xcomp" for c in children_of(verb)):
        return None
    return trigger.objects


def _carries_event_noun(verb: Token, lex: Lexicon) -> bool:
    """Whether a light verb carries an event noun in its preposition ('engaged in talks')."""
    return _lemma(verb) in lex.light_verbs and any(
        c.dep_ == "prep" and _lemma(c) in LIGHT_VERB_PREPS and any(p.dep_ == "pobj" and _lemma(p) in lex.nouns
                                                                   for p in children_of(c))
        for c in children_of(verb))


def _has_particle(verb: Token, trigger: Trigger) -> bool:
    return any(c.dep_ in ("prt", "prep") and _lemma(c) == trigger.particle for c in children_of(verb))


def _object_lemmas(verb: Token, lex: Lexicon) -> set[str]:
    """What a verb acts on, as the lemmas a trigger's `objects` and `object_types` name: the
    objects and their conjuncts, the noun before a name ('released hostage X'), the counted noun
    of a batch ('a total of 40 captives') and the place a part belongs to ('the heart of the city')."""
    found = [*_objects(verb), *(c for o in _objects(verb) for c in o.conjuncts)]
    found += [c for o in found if o.pos_ == "PROPN" for c in children_of(o)
              if c.dep_ == "compound" and c.pos_ == "NOUN"]
    found += [p for o in found if _lemma(o) in _WORDS.batch_nouns for prep in children_of(o)
              if prep.dep_ == "prep" and _lemma(prep) == "of" for p in children_of(prep) if p.dep_ == "pobj"]
    # 'launched no attacks': an object denied is no object the act was done on
    found = [o for o in _through_amounts(found)
             if not any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(o))]
    objects = {_lemma(o) for o in found}
    objects |= {_lemma(p) for o in found if _lemma(o) in lex.place_nouns for prep in children_of(o)
                if prep.dep_ == "prep" and _lemma(prep) == "of" for p in children_of(prep) if p.dep_ == "pobj"}
    return objects


def _through_amounts(objects: list[Token]) -> list[Token]:
    """Objects with what their amount or activity is of: '700 kg of medicine' -> medicine, 'part of
    an aid programme' -> aid, 'mediation efforts' -> mediation (an event noun: not 'a drone
    operation')."""
    found = [*objects, *(p for o in objects if _lemma(o) in _WORDS.measure_nouns for prep in children_of(o)
                         if prep.dep_ == "prep" and _lemma(prep) == "of"
                         for p in children_of(prep) if p.dep_ == "pobj")]
    return [*found, *(c for o in found if _lemma(o) in _WORDS.activity_nouns for c in children_of(o)
                      if c.dep_ == "compound" and c.pos_ == "NOUN" and _is_event_noun(c))]


def _verb_mention(verb: Token, sent: Span, lex: Lexicon) -> Mention | None:
    if verb.dep_ == "aux" or verb.dep_ == "auxpass":
        return None
    trigger = _verb_trigger(verb, lex)
    if trigger is None or _is_aiming_participle(verb, lex) or _is_retort(verb, trigger, lex):
        return None
    kind, mode = trigger.type, trigger.mode
    if trigger.requires_force and not _is_threat_of_force(verb, lex):
        return None  # 'warned that the toll could rise': a warning of a prospect, not a threat
    objects = _objects(verb)
    if objects and all(o.lower_ in REFLEXIVE_PRONOUNS for o in objects) and kind not in ("ASSAULT", "COERCE"):
        return None  # 'finances itself', 'defended themselves': no other party, no event between two
    if kind == "CONSULT" and any(c.dep_ == "ccomp" for c in children_of(verb)):
        return None  # 'will communicate to Russia that ...' reports a message, not a meeting
    if kind == "CONSULT" and objects and all(_lemma(o) in _WORDS.site_nouns for o in objects):
        return None  # 'the city, which hosts an air base': a site is no party met
    if kind == "REJECT" and any(_lemma(o) in lex.statement_nouns for d in children_of(verb) if d.dep_ in ("dobj", "obj")
                                for o in (d, *d.conjuncts)):
        return None  # 'rejected the accusation' is a denial: a claim, never an event (CONVENTIONS 3)
    for obj in _through_amounts(_objects(verb)):
        if _lemma(obj) in trigger.object_types:
            kind = trigger.object_types[_lemma(obj)]
            mode = lex.nouns[_lemma(obj)].mode if _lemma(obj) in lex.nouns else mode
    clause = verb
    halted = _halted_force(verb, lex) if kind == "AGREE" and _lemma(verb) in lex.promise_heads else None
    if halted is not None:
        # 'pledged to halt airstrikes': a pledge to stop force is a concession, still to come (CONVENTIONS 11)
        kind, mode, clause = "CONCEDE", None, halted
    mention = Mention(type=kind, mode=mode, trigger=verb, clause=clause, sent=sent)
    _read_verb_arguments(mention, verb, trigger)
    return mention


def _is_retort(verb: Token, trigger: Trigger, lex: Lexicon) -> bool:
    """'"...," the senator shot back', 'fired back at critics, saying ...', 'hit back at the
    report, calling it ...': a verb of force with 'back' that carries what was said is a reply."""
    if trigger.type != "ASSAULT" or not any(_lemma(c) == "back" and c.dep_ in ("advmod", "prt")
                                            for c in children_of(verb)):
        return False
    return any(c.dep_ == "ccomp" or (c.dep_ == "advcl" and _lemma(c) in lex.speech_verbs) for c in children_of(verb))


def _halted_force(head: Token, lex: Lexicon) -> Token | None:
    """The infinitive of a promise that stops force ('pledged to halt offensives and airstrikes')."""
    for xcomp in (c for c in children_of(head) if c.dep_ == "xcomp" and _lemma(c) in lex.cancelling_verbs):
        objects = [o for d in children_of(xcomp) if d.dep_ in OBJECT_DEPS for o in (d, *d.conjuncts)]
        if any(_lemma(o) in lex.nouns and lex.nouns[_lemma(o)].type == "ASSAULT" for o in objects):
            return xcomp
    return None


# Dependents of a warning that are not what it warns of.
_BESIDE_WARNING = SUBJECTS | PASSIVE_SUBJECTS | BESIDE_DEPS


def _is_threat_of_force(verb: Token, lex: Lexicon) -> bool:
    """Whether a warning or vow is of force or coercion by its author: 'warned of tougher
    sanctions', 'warned it would strike', 'vowed to fight on', 'will not tolerate rallies'; not a
    prospect ('warned that the toll could rise', 'warned of famine') nor another party's possible
    act ('warned that X could attack', 'warned of a Russian offensive')."""
    # the subject, and the clauses beside the warning ('as fighting raged'), are not its content;
    # an infinitive is, whatever the parse calls it ('sworn to fight' as an adverbial clause)
    outside = {t.i for c in children_of(verb) if c.dep_ in _BESIDE_WARNING
               or (c.dep_ == "advcl" and not _is_infinitive(c)) for t in c.subtree}
    return any(_names_force(token, lex) and not _is_prospect_of_other(token, verb) and not is_negated(token)
               for token in verb.subtree if token.i != verb.i and token.i not in outside)


def is_negated(token: Token) -> bool:
    """'vowed it would not escalate the conflict': force disclaimed, not threatened."""
    clause = token if token.pos_ in ("VERB", "AUX") else _clause_of(token)
    # 'would not provoke or escalate': a negation carries over to the verbs coordinated with it
    clauses = [clause, clause.head] if clause.dep_ == "conj" else [clause]
    return any(c.dep_ == "neg" for v in clauses for c in children_of(v))


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))


def _names_force(token: Token, lex: Lexicon) -> bool:
    lemma = _lemma(token)
    if lemma in lex.force_words:
        # 'came into force' is not force
        return not (token.dep_ == "pobj" and _lemma(token.head) in STATE_PREPS)
    if token.pos_ in ("VERB", "AUX"):
        trigger = _verb_trigger(token, lex)
        return trigger is not None and trigger.type in lex.threat_types
    if token.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
        trigger = lex.nouns[lemma]
        modifiers = {_lemma(c) for c in children_of(token) if c.dep_ in MODIFIER_DEPS}
        kind = next((trigger.modifier_types[m] for m in modifiers if m in trigger.modifier_types), trigger.type)
        return kind in lex.threat_types
    return False


def _is_prospect_of_other(token: Token, verb: Token) -> bool:
    """An act of force that belongs to someone other than the one who warns: an owned noun ('a
    Russian offensive'), or a clause with its own named subject and a modal of possibility ('X
    could attack')."""
    if token.pos_ in ("NOUN", "PROPN") and any(
            (c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ in MODIFIER_DEPS and c.ent_type_ in GROUP_LABELS)
            for c in children_of(token)):
        return True
    clause = token if token.pos_ in ("VERB", "AUX") else _clause_of(token)
    if clause.i == verb.i:
        return False
    modals = {c.lower_ for c in children_of(clause) if c.dep_ == "aux"}
    subjects = [c for c in children_of(clause) if c.dep_ in SUBJECTS]
    return bool(modals & POSSIBILITY_MODALS) and any(s.pos_ != "PRON" for s in subjects)


def _noun_mention(noun: Token, sent: Span, lex: Lexicon) -> Mention | None:
    if noun.dep_ == "compound" and not _names_activity(noun, lex):
        return None  # a modifier names a kind of thing, not an event ('an aid group', 'strike force')
    if any(c.dep_ == "det" and c.lower_ in NONSPECIFIC_DETERMINERS for c in children_of(noun)):
        return None  # 'every such strike is reason for sanctions', 'any attack would': no one act
    if noun.dep_ == "pobj" and _lemma(noun.head) in PURPOSE_PREPS and _is_pretext(noun.head.head):
        return None  # 'a pretext for new attacks', 'preparations for an offensive': not done
    if _talked_of(noun):
        return None  # 'hinted at tougher sanctions', 'floated the idea of a blockade': not done
    trigger = _noun_trigger(noun, lex)
    if trigger is None:
        return None
    # 'continued patrol operations': the activity's phrase holds the event's role
    host = noun.head if noun.dep_ == "compound" else noun
    undergone = _undergone_mention(host, trigger, sent, lex)
    if undergone is not None:
        return undergone
    light = _light_verb(host, lex)
    if light is not None:
        return _light_verb_mention(host, light, trigger, sent, lex)
    if trigger.requires_light:
        return None
    adjunct = _adjunct_meeting(host, trigger) or _anchoring_act(host, trigger)
    if adjunct is not None:
        return adjunct
    return _own_noun_mention(host, trigger, sent, lex)


# The prepositions after which a verb of prospect names what it talks of ('hinted at', 'warned of').
_PROSPECT_PREPS = frozenset({"at", "of", "about"})
# Verbs of deliberation ('mulled an offensive') and of prospect ('hinted at sanctions'): data/event_words.yaml.
_PROSPECT_VERBS = _WORDS.deliberation_verbs | _WORDS.prospect_verbs


def _talked_of(noun: Token) -> bool:
    """Whether a noun names an act talked of rather than done: after a noun of prospect ('the
    possibility of direct talks', 'the threat of sanctions'), or, told without a definite
    determiner (the attack told elsewhere is another matter), the object of a verb of deliberation
    or prospect or its 'at', 'of' or 'about' ('hinted at tougher sanctions', 'weighing an offensive')."""
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and _lemma(node.head.head) in _WORDS.prospect_nouns:
        return True
    if any(c.dep_ == "poss" or (c.dep_ == "det" and _lemma(c) in DEFINITE_DETERMINERS) for c in children_of(node)):
        return False
    if node.dep_ == "pobj" and node.head.lower_ in _PROSPECT_PREPS:
        verb = node.head.head
    elif node.dep_ == "dobj":
        verb = node.head
    else:
        return False
    return verb.pos_ == "VERB" and _lemma(verb) in _PROSPECT_VERBS


def _is_pretext(head: Token) -> bool:
    """Whether the head of a 'for' phrase is a pretext or a preparation ('a pretext for', 'reason
    enough for', 'made preparations for')."""
    if head.dep_ == "advmod":
        head = head.head
    nouns = [head] if head.pos_ != "VERB" else [c for c in children_of(head) if c.dep_ in OBJECT_DEPS]
    return any(_lemma(n) in _WORDS.pretext_nouns for n in nouns)


def _names_activity(noun: Token, lex: Lexicon) -> bool:
    """'patrol operations', 'a bombing campaign': an event noun modifying a head of general
    activity (that is no event noun itself) names the activity."""
    head = noun.head
    return head.pos_ == "NOUN" and _lemma(head) in _WORDS.activity_nouns and _lemma(head) not in lex.nouns


def _noun_trigger(noun: Token, lex: Lexicon) -> Trigger | None:
    """The trigger of an event noun, retyped by a modifier or a preposition ('a hunger strike',
    'a call for restraint'); None when it lacks the modifier it requires."""
    trigger = lex.nouns[_lemma(noun)]
    # (the children are read only for a trigger with modifiers or prepositions: most have neither)
    modifiers = {_lemma(c) for c in children_of(noun) if c.dep_ in MODIFIER_DEPS} \
        if trigger.modifier_types or trigger.requires else set()
    retyped = next((trigger.modifier_types[m] for m in modifiers if m in trigger.modifier_types), None)
    if retyped is None and trigger.prep_types:
        preps = {_lemma(c) for c in children_of(noun) if c.dep_ == "prep"}
        retyped = next((trigger.prep_types[p] for p in preps if p in trigger.prep_types), None)
    if retyped is not None:
        # a retyped noun is an event of its own kind, whatever its own kind required
        trigger = replace(trigger, type=retyped, mode=None, requires=None)
    if trigger.requires and not modifiers & trigger.requires:
        return None
    return trigger


# Types whose noun, carried by a light verb, is aimed at whoever it is taken 'to' ('take the offer
# to X'): requests, aid and support.
_GIVING_TYPES = frozenset({"REQUEST", "AID", "SUPPORT"})
_GIVING_TARGET_PREPS = TARGET_PREPS | {"to"}


def _light_verb_mention(noun: Token, light: Token, trigger: Trigger, sent: Span, lex: Lexicon) -> Mention | None:
    """A noun event carried by a light verb ('imposed sanctions on X', 'had a meeting with X')."""
    # The verb itself codes an event of its own ('accept a proposal'): the noun is its object.
    if _verb_trigger(light, lex) is not None:
        return None
    kind = trigger.light_types.get(_lemma(light), trigger.type)
    mention = Mention(type=kind, mode=trigger.mode, trigger=noun, clause=light, sent=sent)
    _read_noun_arguments(mention, noun)
    if not mention.sources and _lemma(light) in _WORDS.causative_verbs:
        mention.sources = [c for c in children_of(light) if c.dep_ == "dobj"]  # 'forced X into alert': X
    if not mention.sources:
        mention.sources = subjects_of(light) or passive_agents(light)
    if not mention.targets:  # 'imposed sanctions on X', 'take the offer to X'; 'on Tuesday' is a time
        preps = _GIVING_TARGET_PREPS if kind in _GIVING_TYPES else TARGET_PREPS
        mention.targets = [p for prep in children_of(light) if prep.dep_ == "prep" and _lemma(prep) in preps
                           for p in children_of(prep) if p.dep_ == "pobj" and p.ent_type_ not in NUMERIC_LABELS
                           and p.i != noun.i]
    if kind == "REQUEST" and not mention.targets:
        mention.targets = _answered_by(noun, lex)
    if kind == "MOBILIZE" and not mention.targets:
        # 'held drills around X', 'massed troops near X': the state shown the force
        mention.targets = [p for prep in [*children_of(noun), *children_of(light)] if prep.dep_ == "prep"
                           and _lemma(prep) in PROXIMITY_PREPS
                           for p in children_of(prep) if p.dep_ == "pobj" and p.ent_type_ == "GPE"]
    if trigger.requires_target and not mention.targets:
        return None
    return mention


_ANSWER_TYPES = frozenset({"AGREE", "REJECT"})


def _answered_by(noun: Token, lex: Lexicon) -> list[Token]:
    """'made an offer, which X accepted', 'a plan that X rejected': whoever answers a proposal in
    a relative clause on it is the one it was made to."""
    if _lemma(noun) not in OFFER_NOUNS:
        return []
    # the relative clause's object is the proposal itself ('which'): the verb is read with it
    answers = [c for c in children_of(noun) if c.dep_ == "relcl" and (t := lex.verbs.get(_lemma(c))) is not None
               and t.type in _ANSWER_TYPES and (t.objects is None or _lemma(noun) in t.objects)]
    return [s for verb in answers for s in children_of(verb) if s.dep_ in SUBJECTS and s.lower_ not in RELATIVE_OBJECTS]


def _own_noun_mention(noun: Token, trigger: Trigger, sent: Span, lex: Lexicon) -> Mention:
    """A noun event in a clause of its own, or a reference to one told elsewhere."""
    reference = _is_reference(noun, lex)
    mention = Mention(type=trigger.type, mode=trigger.mode, trigger=noun, clause=_clause_of(noun), sent=sent,
                      reference=reference)
    _read_noun_arguments(mention, noun)
    head = noun.head
    if not reference and not mention.sources and noun.dep_ in ("dobj", "pobj") and head.pos_ == "VERB" \
            and trigger.type != "ASSAULT":
        mention.sources = subjects_of(head)
    elif not reference and not mention.sources and _is_purpose(noun, lex) and trigger.type != "ASSAULT":
        # 'gathered for a rally', 'returned to Geneva for talks': whoever came for it holds it
        mention.sources = subjects_of(head.head)
    return mention


def _undergone_mention(noun: Token, trigger: Trigger, sent: Span, lex: Lexicon) -> Mention | None:
    """An event noun the subject of its verb undergoes: 'the drills drew condemnation from X', 'the
    army suffered an attack', 'the ministry took several strikes', 'the convoy came under attack'.
    The subject is the target; 'from' (or the noun's own 'by') names the author, else it is unknown."""
    verb = _undergoing_verb(noun, trigger, lex)
    if verb is None or _is_reference(noun, lex):
        return None
    mention = Mention(type=trigger.type, mode=trigger.mode, trigger=noun, clause=verb, sent=sent)
    _read_noun_arguments(mention, noun)
    if mention.targets and _lemma(verb) in _WORDS.hit_taking_verbs:
        return None  # 'took action against X': the subject acts on X
    # ('X has been battered by attacks': the passive's subject undergoes them)
    mention.targets = (mention.targets or [c for c in children_of(verb) if c.dep_ in PASSIVE_SUBJECTS]
                       or subjects_of(verb))
    # 'drew condemnation from X', 'came under attack by X' (the parse hangs 'by' on the verb)
    mention.sources = mention.sources or [p for prep in children_of(verb) if prep.dep_ in ("prep", "agent")
                                          and _lemma(prep) in AUTHOR_PREPS for p in children_of(prep)
                                          if p.dep_ == "pobj" and p.i != noun.i]
    if not mention.sources and trigger.type != "ASSAULT" and noun.dep_ == "pobj":
        return None  # 'the hospital came under threat': endangered, by no one named
    return mention


def _undergoing_verb(noun: Token, trigger: Trigger, lex: Lexicon) -> Token | None:
    """The verb whose subject undergoes an event noun: its object after a verb of receiving (or of
    taking, for an attack), its noun after 'under' ('came under fire'), or an attack noun that is
    the agent of a passive verb of no event of its own ('X has been battered by aerial attacks')."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "agent" and trigger.type == "ASSAULT" and head.head.pos_ == "VERB" \
            and _verb_trigger(head.head, lex) is None \
            and any(c.dep_ in PASSIVE_SUBJECTS for c in children_of(head.head)):
        return head.head
    if noun.dep_ == "dobj" and (_lemma(head) in _WORDS.receiving_verbs
                                or (trigger.type in _HIT_TYPES and _lemma(head) in _WORDS.hit_taking_verbs)):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and _lemma(head) in UNDERGOING_PREPS \
            and head.head.pos_ in ("VERB", "AUX") and _lemma(head.head) in _WORDS.undergoing_verbs:
        return head.head
    return None


def _is_purpose(noun: Token, lex: Lexicon) -> bool:
    """A noun told as what a verb of no event of its own is for ('converged for a rally'; not
    'called for talks', a request)."""
    verb = noun.head.head
    return (noun.dep_ == "pobj" and _lemma(noun.head) in PURPOSE_PREPS and verb.pos_ == "VERB"
            and _lemma(verb) not in lex.wish_verbs and _verb_trigger(verb, lex) is None)


def _adjunct_meeting(noun: Token, trigger: Trigger) -> Mention | None:
    """'After a phone call with X, Y said ...': a meeting or call with a partner, told as the time
    of the main clause, took place between the main clause's subject and that partner."""
    head = noun.head
    if not _is_time_adjunct(noun) or trigger.type not in MEETING_TYPES or _is_definite_noun(noun):
        return None
    partners = [p for prep in children_of(noun) if prep.dep_ == "prep" and _lemma(prep) in PARTNER_PREPS
                for p in children_of(prep) if p.dep_ == "pobj"]
    clause = head.head
    if not partners or clause.pos_ not in ("VERB", "AUX"):
        return None
    mention = Mention(type=trigger.type, mode=trigger.mode, trigger=noun, clause=clause, sent=noun.sent,
                      adjunct=True)
    _read_noun_arguments(mention, noun)
    mention.sources = mention.sources or subjects_of(clause)
    return mention


def _anchoring_act(noun: Token, trigger: Trigger) -> Mention | None:
    """'since the arrest of X in July', 'following the army's retaking of the capital', 'after
    clashes with tribal fighters': an act told as what the main clause came after is an event of its
    own when its words name its author or the one it was done to (told elsewhere too, the article
    pass merges the two tellings); naming neither ('after the attack'), it only points back."""
    if trigger.type in MEETING_TYPES or not _is_past_anchor(noun):
        return None
    # the act is its own clause: it took place before the main clause, whose time and mood are not its
    # own; a time the parse hangs on 'following' is the act's
    clause = noun.head if noun.dep_ == "dobj" else noun
    mention = Mention(type=trigger.type, mode=trigger.mode, trigger=noun, clause=clause, sent=noun.sent,
                      adjunct=True, anchor=True)
    _read_noun_arguments(mention, noun)
    if trigger.type == "ASSAULT" and not mention.targets:  # 'clashes with X': the other side
        mention.targets = [p for prep in children_of(noun) if prep.dep_ == "prep" and _lemma(prep) in PARTNER_PREPS
                           for p in children_of(prep) if p.dep_ == "pobj"]
    mention.sources = [s for s in mention.sources if s.pos_ != "PRON"]  # 'after its attack': told before
    if not mention.sources and not (mention.targets and (_lemma(noun) in _WORDS.taking_nouns
                                                         or not _is_definite_noun(noun))):
        return None
    return mention


def _is_past_anchor(noun: Token) -> bool:
    """A noun after 'after', 'following' or 'since'."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.dep_ == "prep" and head.lower_ in PAST_ANCHOR_PREPS
    return (noun.dep_ == "dobj" and head.lower_ in PAST_ANCHOR_PREPS and head.tag_ == "VBG"
            and head.dep_ in ("advcl", "prep", "acl") and not any(c.dep_ in SUBJECTS for c in children_of(head)))


def _is_time_adjunct(noun: Token) -> bool:
    """'after talks with X', and 'following talks with X' parsed as a participle with no subject."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.dep_ == "prep" and head.lower_ in TIME_ADJUNCT_PREPS
    return (noun.dep_ == "dobj" and head.lower_ in TIME_ADJUNCT_PREPS and head.tag_ == "VBG"
            and head.dep_ in ("advcl", "prep") and not any(c.dep_ in SUBJECTS for c in children_of(head)))


def _is_definite_noun(noun: Token) -> bool:
    return any(c.dep_ == "det" and _lemma(c) in DEFINITE_DETERMINERS for c in children_of(noun)) \
        or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children_of(noun))


def _adjective_mention(adj: Token, sent: Span, lex: Lexicon) -> Mention | None:
    """'the proposal was unacceptable', said by someone: the speaker rejects the proposal."""
    trigger = lex.adjectives[_lemma(adj)]
    if adj.dep_ not in ("acomp", "attr", "oprd", "ROOT", "ccomp"):
        return None
    speaker = speaker_of(adj if adj.dep_ in ("ROOT", "ccomp") else adj.head, lex)
    if speaker is None:
        return None
    mention = Mention(type=trigger.type, mode=trigger.mode, trigger=adj, clause=adj.head, sent=sent,
                      source_is_speaker=True)
    mention.sources = [speaker]
    subject = next((c for c in children_of(adj.head) if c.dep_ in SUBJECTS), None)
    if subject is not None:
        mention.targets = owners_of(subject) or []
    return mention


def _reported_wrongdoing(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """'X said that Y is mocking ...': X accuses Y (a wrongdoing verb under a verb of saying)."""
    out: list[Mention] = []
    words = lemmas(sent.doc)[sent.start:sent.end]
    if lex.wrongdoing_nouns.isdisjoint(words) and lex.wrongdoing_verbs.isdisjoint(words):
        return out  # (most sentences name no wrong)
    taken = {m.clause.i for m in found}
    for token, lemma in zip(tokens_of(sent), words, strict=True):
        if lemma in lex.wrongdoing_nouns and token.dep_ == "attr":
            out.extend(_wrongdoing_named(token, sent, lex))
            continue
        if lemma not in lex.wrongdoing_verbs or token.pos_ not in ("VERB", "AUX") or _is_pledge_to(token):
            continue
        speaker = speaker_of(token, lex)
        subjects = subjects_of(token)
        if speaker is None or not subjects or token.i in taken:
            continue
        if any(t.i == speaker.i for t in subjects):
            continue
        out.append(Mention(type="ACCUSE", mode=None, trigger=token, clause=speech_verb_of(token, lex) or token,
                           sent=sent, sources=[speaker], targets=subjects, source_is_speaker=True))
    return out


def _is_pledge_to(verb: Token) -> bool:
    """'expects Moscow to commit to a ceasefire': a verb with no object of its own and a 'to'
    phrase binds its subject to something; no wrong is done ('commit a crime' is one)."""
    return not any(c.dep_ in OBJECT_DEPS for c in children_of(verb)) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in children_of(verb))


def _quoted_judgements(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """'X said the attack "crosses any line of decency"': a judgement of an attack, quoted from
    its speaker, is the speaker's condemnation of whoever made it (CONVENTIONS 3): a verb of
    judgement ('shows', 'crosses', 'amounts to') with the attack as subject, in quoted words."""
    out: list[Mention] = []
    if _WORDS.judgement_verbs.isdisjoint(lemmas(sent.doc)[sent.start:sent.end]):
        return out  # (most sentences hold no verb of judgement)
    taken = {m.clause.i for m in found if m.type == "ACCUSE"}
    for verb in tokens_of(sent):
        if verb.dep_ != "ccomp" or verb.i in taken or _lemma(verb) not in _WORDS.judgement_verbs:
            continue
        speech = speech_verb_of(verb, lex)
        speaker = speaker_of(verb, lex)
        attack = next((c for c in children_of(verb) if c.dep_ in SUBJECTS and _lemma(c) in lex.nouns
                       and lex.nouns[_lemma(c)].type == "ASSAULT" and _is_definite_noun(c)), None)
        if speech is None or speaker is None or attack is None or speech.i in taken:
            continue
        if not any(t.text in QUOTE_MARKS for t in verb.subtree if t.i > attack.i):
            continue  # the judgement is not quoted
        out.append(Mention(type="ACCUSE", mode=None, trigger=verb, clause=speech, sent=sent, sources=[speaker],
                           targets=[attack], source_is_speaker=True))
        taken.add(speech.i)
    return out


def _read_alleged_plans(mentions: list[Mention], lex: Lexicon) -> None:
    """'X said (there were reports that) Y was planning to strike Z': told by someone else, Y's
    plan of force is X's accusation of Y, not a strike (CONVENTIONS 3)."""
    for mention in mentions:
        clause = mention.clause
        if mention.type != "ASSAULT" or mention.status != "planned" or mention.derived or not mention.sources \
                or clause.dep_ != "xcomp" or _lemma(clause.head) not in lex.planned_verbs:
            continue
        speech = _speech_verb_above(clause.head, lex)
        if speech is None:
            continue
        speaker = next((c for c in children_of(speech) if c.dep_ in SUBJECTS), None)
        if speaker is None or speaker.pos_ == "PRON" or any(t.i == speaker.i for t in mention.sources) \
                or any(t.pos_ == "PRON" for t in mention.sources):
            continue
        mention.type, mention.mode, mention.status = "ACCUSE", None, "occurred"
        mention.targets, mention.sources = list(mention.sources), [speaker]
        mention.clause, mention.source_is_speaker = speech, True


def _speech_verb_above(token: Token, lex: Lexicon) -> Token | None:
    """The verb of saying a clause is told under, through clauses and the nouns of reports
    ('said there were reports that ...')."""
    node = token
    for _ in range(6):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "conj", "acl", "attr", "dobj", "nsubj"):
            return None
        node = node.head
        if _lemma(node) in lex.speech_verbs and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _wrongdoing_named(noun: Token, sent: Span, lex: Lexicon) -> list[Mention]:
    """'X said what Y committed are war crimes' / 'X said Y's attack is terrorism': X accuses Y,
    the doer of what the copula's subject names."""
    copula = noun.head
    speaker = speaker_of(copula, lex)
    subject = next((c for c in children_of(copula) if c.dep_ in SUBJECTS), None)
    if speaker is None or subject is None:
        return []
    if subject.pos_ in ("VERB", "AUX"):
        accused = subjects_of(subject)  # 'what the FARC has committed'
    else:
        accused = owners_of(subject) or ([] if subject.pos_ == "PRON" or _is_event_noun(subject) else [subject])
    accused = [t for t in accused if t.i != speaker.i and t.pos_ != "PRON"]
    if not accused:
        return []
    return [Mention(type="ACCUSE", mode=None, trigger=noun, clause=speech_verb_of(copula, lex) or copula, sent=sent,
                    sources=[speaker], targets=accused, source_is_speaker=True)]


# Modals of a future told in reported speech ('said it would blockade').
_CONDITIONAL = _WORDS.conditional_modals


def _without_threat_contents(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """'X warned it would continue striking Y': the force warned of is the warning's content, not an
    act of its own (CONVENTIONS 3: a warning of force is THREATEN only)."""
    threats = {m.clause.i for m in mentions if m.type == "THREATEN"}
    return [m for m in mentions if not (
        m.type in lex.threat_types and m.status == "planned" and not m.reference and not m.derived
        and (speech := speech_verb_of(m.clause, lex)) is not None and speech.i in threats)]


def _is_carried_noun(mention: Mention, lex: Lexicon) -> bool:
    """A noun event whose clause verb is not its light verb ('would counter US arms sales'): the
    clause's future or modal is the verb's, not the noun event's."""
    return mention.is_noun and not mention.adjunct and _lemma(mention.clause) not in lex.light_verbs


def _told_as_term(clause: Token) -> bool:
    """'As part of the deal, X will withdraw', 'Under the truce, X will release ...': a future act
    told as a term of an agreement is that agreement's, not a new promise or threat."""
    return any(c.dep_ == "prep" and _lemma(c) in TERM_PREPS and subtree_has_lemma(c, _WORDS.agreement_nouns)
               for c in children_of(clause))


def subtree_has_lemma(token: Token, words: Set[str]) -> bool:
    """Whether a word of the token's subtree has its lemma (lower case) in `words`. The lemmas
    between the subtree's edges are tested first, in one pass over the doc's shared list: they
    are all the subtree's and, rarely, some more (most phrases hold none of the words)."""
    lemma = lemmas(token.doc)
    if words.isdisjoint(lemma[token.left_edge.i:token.right_edge.i + 1]):
        return False
    return any(lemma[t.i] in words for t in token.subtree)


def _threats_of_action(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """'X will withdraw its force unless Y ...', 'X said it would blockade the city': a future act of
    force or pressure, announced or made conditional by its author, is also X's threat."""
    out = []
    threats = {m.clause.i: m for m in found if m.type == "THREATEN"}
    threatened = set(threats)
    futures = lex.future_auxiliaries | _CONDITIONAL
    for mention in found:
        clause = mention.clause
        if mention.reference or mention.type == "THREATEN" or clause.i in threatened or not mention.sources \
                or mention.status == "negated" or _is_carried_noun(mention, lex):
            continue  # 'would not withdraw from the talks' threatens nothing
        future = {c.lower_ for c in children_of(clause) if c.dep_ == "aux"} & futures
        if not (future or threats) or _told_as_term(clause):
            continue  # (without a future, the act can only be what a warning read before warned of)
        speech = speech_verb_of(clause, lex)
        if speech is not None and speech.i in threats:
            # 'warned that it would strike X': the warning is the threat, and X is its target
            threat = threats[speech.i]
            if not threat.targets and mention.type in lex.threat_types:
                threat.targets = list(mention.targets)
            continue
        if not future:
            continue
        hostile = mention.type in lex.threat_types or _lemma(mention.trigger) in _WORDS.pressure_verbs
        if hostile and speech is not None or any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and _lemma(m) == UNLESS for m in children_of(c))
                for c in children_of(clause)):  # announced, or conditional ('unless')
            out.append(Mention(type="THREATEN", mode=None, trigger=mention.trigger, clause=clause, sent=sent,
                               sources=list(mention.sources), targets=list(mention.targets), derived=True))
            threatened.add(clause.i)
    return out


def _vows_of_retaliation(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """'X would forcefully counter Y's arms sales', 'we must retaliate against Y': striking back,
    told by its author for the future or as a duty, is a threat against Y."""
    out: list[Mention] = []
    words = lemmas(sent.doc)[sent.start:sent.end]
    if _WORDS.retaliation_verbs.isdisjoint(words):
        return out  # (most sentences hold no verb of retaliation)
    taken = {m.trigger.i for m in found} | {m.clause.i for m in found if not m.is_noun}
    for token, lemma in zip(tokens_of(sent), words, strict=True):
        if lemma not in _WORDS.retaliation_verbs or token.pos_ != "VERB" or token.i in taken:
            continue
        # 'must oppose and counter them': the modal of the first of coordinated verbs
        clause = token.head if token.dep_ == "conj" and not any(c.dep_ == "aux" for c in children_of(token)) else token
        modals = {c.lower_ for c in children_of(clause) if c.dep_ == "aux"}
        if not modals & (lex.future_auxiliaries | _CONDITIONAL | lex.obligation_modals) or is_negated(token):
            continue
        if any(c.dep_ == "mark" and _lemma(c) in CONDITION_MARKS for c in children_of(clause)):
            continue  # 'if X attacks, Y would retaliate': a hypothetical
        # 'counter US arms sales': the owner of the act countered
        targets = [o for obj in _objects(token) for o in ((owners_of(obj) if _is_event_noun(obj) else None) or [obj])]
        targets += [p for prep in children_of(token) if prep.dep_ == "prep" and _lemma(prep) in TARGET_PREPS
                    for p in children_of(prep) if p.dep_ == "pobj"]
        out.append(Mention(type="THREATEN", mode=None, trigger=token, clause=token, sent=sent,
                           sources=subjects_of(clause), targets=targets))
    return out


def _promises_of_action(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """'The rebels said they will release the hostages': a concession, withdrawal, aid or visit
    announced for the future by its author is also that author's promise (AGREE)."""
    out = []
    agreed = {m.clause.i for m in found if m.type == "AGREE"}
    for mention in found:
        clause = mention.clause
        if mention.reference or clause.i in agreed or not mention.sources or mention.type not in lex.promise_types \
                or _is_carried_noun(mention, lex) or _told_as_term(clause):
            continue
        future = {c.lower_ for c in children_of(clause) if c.dep_ == "aux"} & (lex.future_auxiliaries | _CONDITIONAL)
        if future and not any(c.dep_ == "neg" for c in children_of(clause)):
            # a meeting promised is promised to its partners, not to its topic ('talks toward a ceasefire')
            targets = [t for t in mention.targets if mention.type not in ("CONSULT", "COOPERATE")
                       or not _is_event_noun(t)]
            out.append(Mention(type="AGREE", mode="promise", trigger=mention.trigger, clause=clause, sent=sent,
                               sources=list(mention.sources), targets=targets, derived=True))
            agreed.add(clause.i)
    return out


def _promises_and_obligations(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """'X offered to withdraw' / 'X is willing to talk': X's promise (AGREE).
    'X said Y must withdraw': X's demand of Y (REQUEST)."""
    out = []
    # a promise already read from its verb: as AGREE, or as CONCEDE when it halts force (not a
    # concession the infinitive tells: 'is prepared to lift the ban' promises it)
    agreed = {m.clause.i for m in found if m.type == "AGREE" or (m.type == "CONCEDE" and m.trigger.i != m.clause.i)}
    # a word's head and its dependents are of its sentence: without a head of promise or a modal of
    # obligation in the sentence (most sentences), its words need no reading
    tokens = tokens_of(sent)
    promising = not lex.promise_heads.isdisjoint(lemmas(sent.doc)[sent.start:sent.end])
    for token in tokens if promising else ():
        if token.dep_ != "xcomp" or not token.pos_ == "VERB":
            continue
        head = token.head
        if _lemma(head) in lex.promise_heads and head.i not in agreed and token.i not in agreed:
            subjects = subjects_of(head if head.pos_ in ("VERB", "AUX") else head.head)
            if subjects and read_status(head if head.pos_ in ("VERB", "AUX") else head.head, lex) is not None:
                halted = _halted_force(head, lex)
                out.append(Mention(type="CONCEDE" if halted is not None else "AGREE",
                                   mode=None if halted is not None else "promise", trigger=head, sent=sent,
                                   sources=subjects, clause=head if head.pos_ in ("VERB", "AUX") else head.head,
                                   status="planned" if halted is not None else "occurred"))
    obliging = not lex.obligation_modals.isdisjoint(lowers(sent.doc)[sent.start:sent.end])
    for token in tokens if obliging else ():
        if token.dep_ != "ccomp" or not {c.lower_ for c in children_of(token)
                                         if c.dep_ == "aux"} & lex.obligation_modals:
            continue
        speech = speech_verb_of(token, lex)
        speaker = speaker_of(token, lex)
        subjects = [c for c in children_of(token) if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and not _is_generic(c)]
        if speech is not None and speaker is not None and subjects and speaker.i not in {s.i for s in subjects}:
            out.append(Mention(type="REQUEST", mode="demand", trigger=token, clause=speech,
                               sent=sent, sources=[speaker], targets=subjects, source_is_speaker=True))
    return out


# ---------------------------------------------------------------- arguments


def subjects_of(verb: Token) -> list[Token]:
    """Subjects of a verb, inherited along coordination, control and participles."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        given = _given_subjects(verb)
        if given is not None:
            return given
        # (the parse may hang the subject on the modal: 'we must ... oppose')
        subjects = [c for c in children_of(verb) if c.dep_ in SUBJECTS] or [
            s for aux in children_of(verb) if aux.dep_ == "aux" for s in children_of(aux) if s.dep_ in SUBJECTS]
        if subjects and _is_relative_quantifier(subjects[0]) and verb.head.i != verb.i:
            # 'leaders including X and Y, both of whom demanded': the leaders named before
            head = verb.head
            return passive_agents(head) or [c for c in children_of(head) if c.dep_ in SUBJECTS] or subjects
        if subjects:
            return subjects
        if (verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON")) or _is_verb_after_apposition(verb):
            return [verb.head]
        if _is_decided_act(verb):
            return owners_of(verb.head) or []  # 'the Indian decision to suspend': India suspends
        up = _subject_sharer(verb)
        if up is not None:
            verb = up
            continue
        if verb.dep_ in ("conj", "xcomp", "advcl", "acl") and verb.head.i != verb.i:
            if verb.dep_ == "conj" or verb.dep_ == "xcomp" or verb.tag_ in ("VBG", "VBN", "VB"):
                if any(c.dep_ in PASSIVE_SUBJECTS for c in children_of(verb.head)) \
                        and verb.dep_ not in ("conj", "xcomp"):
                    return []
                raised = _raised_subjects(verb) if verb.dep_ == "xcomp" else []
                if raised:
                    return raised
                verb = verb.head
                continue
        return []
    return []


def _is_verb_after_apposition(verb: Token) -> bool:
    """'X, a rebel force backed by Y, swept across the east': the parse hangs the finite verb on
    its subject as a modifier, after the apposition and its comma; a participle that modifies
    ('X, backed by Y, ...', 'a force linked to Y') has no apposition before it."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    return any(c.dep_ == "appos" and head.i < c.i and c.right_edge.i < verb.i for c in children_of(head))


def _is_future(verb: Token, lex: Lexicon) -> bool:
    return bool({c.lower_ for c in children_of(verb) if c.dep_ == "aux"} & (lex.future_auxiliaries | _CONDITIONAL))


def _is_generic(noun: Token) -> bool:
    """'No diplomatic mission should be a target', 'every state must ...': a rule said of all, not
    a demand of one party."""
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in children_of(noun))


def _given_subjects(verb: Token) -> list[Token] | None:
    """The doer of an infinitive that has no subject of its own: the object of a causative
    ('prompted X to impose': X), the name a headline hangs it on ('EU to impose sanctions')."""
    if _is_caused_act(verb):
        return [c for c in children_of(verb.head) if c.dep_ == "dobj"]
    if verb.dep_ == "acl" and _is_headline_infinitive(verb):
        return [verb.head]
    join = joined_act(verb)
    if join is not None:  # 'X joined Y in urging W': X and Y urge
        return subjects_of(join) + partners(join)
    return None


def _is_decided_act(verb: Token) -> bool:
    """The infinitive of a decision noun: 'the Indian decision to suspend the treaty'."""
    return verb.dep_ == "acl" and _lemma(verb.head) in _WORDS.decision_nouns and _has_infinitive_to(children_of(verb))


def _subject_sharer(verb: Token) -> Token | None:
    """The word whose subject a subjectless verb takes, beyond plain coordination and control:
    'Ukraine is ready to accept' (the subject of 'is'), 'suspended talks after blaming X' (who
    suspended; only after a preposition of time or means, not 'aimed at undermining'), 'demanded
    that X agree, warning of sanctions' (the one who demands, not X)."""
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.i != verb.head.i:
        return verb.head.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in ANCHOR_PREPS | {"by"} \
            and verb.head.head.i != verb.head.i:
        return verb.head.head
    if _is_demand_participle(verb):
        return verb.head.head
    return None


def _raised_subjects(verb: Token) -> list[Token]:
    """'X is expected to visit', 'X was asked to leave', 'prompted X to impose': X does it."""
    raised = [c for c in children_of(verb.head) if c.dep_ in PASSIVE_SUBJECTS]
    return raised or [c for c in children_of(verb.head) if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                      and _has_infinitive_to(children_of(verb))]


def split_named_coordination(token: Token) -> list[Span]:
    """'US President Donald Trump and Russian President Vladimir Putin': titled names joined by
    'and', which the small model often parses as one phrase (the first name an apposition of the
    first title, the second title a conjunct of the first name, all under the last name). Returns
    the phrase of each person, in order, when every side of each 'and' names a person; else []
    (read once per token per doc: phrases, triggers and participants all ask)."""
    return list(_split_named_coordination(token))


@per_token
def _split_named_coordination(token: Token) -> list[Span]:
    top = token
    while top.dep_ in NAME_DEPS and top.head.i != top.i and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    doc = token.doc
    start, end = top.left_edge.i, top.right_edge.i + 1  # (all the phrase's words, and rarely more)
    if "and" not in lowers(doc)[start:end]:
        return []  # no 'and' within the phrase's edges (most phrases): no names joined
    if sum(ent.label_ == "PERSON" for ent in entities_within(doc, start, end)) < 2:
        return []  # each of two pieces or more names a person (_person_pieces)
    cut = {t.i for c in top.subtree if c.i != top.i and c.dep_ in CLAUSE_DEPS for t in c.subtree}
    keep = [t.i for t in top.subtree if t.i not in cut]
    span = doc[min(keep):max(keep) + 1]
    joints = [t.i for t in span if t.lower_ == "and" and t.dep_ == "cc" and not t.ent_type_ and t.i in keep]
    if not joints:
        return []
    # 'A, B, C and D': the commas of the list part the names too, when every part names a person
    # ('X, the foreign minister, and Y' has a part that names none: only 'and' parts it)
    commas = sorted({*joints, *(t.i for t in span if t.text == "," and not t.ent_type_ and t.i in keep)})
    return _person_pieces(span, commas) or _person_pieces(span, joints)


def _person_pieces(span: Span, joints: list[int]) -> list[Span]:
    """The parts of a span between its joint tokens, when there are two or more and each names
    a person; else []."""
    doc = span.doc
    bounds = [span.start, *joints, span.end]
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        start = start + 1 if start in joints else start
        while start < end and doc[start].is_punct:
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if start == end:
            continue  # the serial comma before 'and'
        piece = doc[start:end]
        if not any(ent.label_ == "PERSON" for ent in entities_in(piece)):
            return []
        pieces.append(piece)
    return pieces if len(pieces) >= 2 else []


@per_token
def hyphen_pair(token: Token) -> tuple[Token, Token] | None:
    """'the Trump-Putin meeting', 'the US-Iran talks': two names joined by a hyphen, each a name
    the article gives elsewhere on its own (a person's, a country's), as (first, second); None for
    one name written with a hyphen ('Al-Shabaab', 'Guinea-Bissau')."""
    doc = token.doc
    left = next((c for c in children_of(token) if c.dep_ == "compound" and c.i == token.i - 2), None)
    if left is None or doc[token.i - 1].text != "-" or left.whitespace_ or doc[token.i - 1].whitespace_:
        return None
    if not (left.text[:1].isupper() and token.text[:1].isupper()):
        return None
    return (left, token) if _named_alone(left) and _named_alone(token) else None


def _named_alone(token: Token) -> bool:
    """The word ends a person's, a place's or a nationality's name elsewhere in the article."""
    return any(ent.label_ in ("PERSON", "GPE", "NORP") and ent[-1].text == token.text
               and not ent.start <= token.i < ent.end and "-" not in ent.text for ent in entities(token.doc))


def _is_demand_participle(verb: Token) -> bool:
    """A participle hung on the clause of what is demanded ('demanded that X agree, warning ...')."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ccomp" \
        and _lemma(verb.head.head) in get_lexicon().wish_verbs


def _is_relative_quantifier(token: Token) -> bool:
    return token.lower_ in RELATIVE_QUANTIFIERS and any(
        c.dep_ == "prep" and any(g.lower_ in RELATIVE_PRONOUNS for g in children_of(c)) for c in children_of(token))


def _light_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The verb that carries a noun event: 'had a meeting', 'returned with demands'."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "obj") and _lemma(head) in lex.light_verbs:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and _lemma(head.head) in lex.light_verbs \
            and _lemma(head) in LIGHT_VERB_PREPS and not _is_answered(head) and not any(
                c.dep_ in ("dobj", "obj") and _lemma(c) in lex.nouns for c in children_of(head.head)):
        # one verb carries one event: 'declared a truce in the war' carries the truce, not the war
        return head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ in ("dobj", "attr") \
            and _lemma(head.head) in _WORDS.batch_nouns:
        return _light_verb(head.head, lex)
    if noun.dep_ == "conj":
        return _light_verb(noun.head, lex)
    if noun.dep_ == "pobj" and head.lower_ == "into" and _lemma(head.head) in _WORDS.causative_verbs \
            and any(c.dep_ == "dobj" for c in children_of(head.head)):
        return head.head  # 'forced the authorities into high alert': they went on alert
    return None


def _is_answered(prep: Token) -> bool:
    """'responded to the attack', 'reacted to the strikes': what a verb of reaction takes 'to' is the
    act it answers, someone else's; the verb carries no event of its own through it."""
    return _lemma(prep) == "to" and _lemma(prep.head) in _WORDS.reaction_verbs


def _is_reference(noun: Token, lex: Lexicon) -> bool:
    """A noun naming an event told elsewhere ('condemned the attack', 'prior to the attack')."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "pobj", "obj") and (
        _lemma(head) in lex.cancelling_verbs or (head.dep_ == "prep" and _lemma(head.head) in lex.cancelling_verbs)
    ):
        return True
    determiners = {_lemma(c) for c in children_of(noun) if c.dep_ == "det"}
    definite = bool(determiners & DEFINITE_DETERMINERS) or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in children_of(noun))
    if noun.dep_ == "pobj" and definite and _lemma(head) in ANCHOR_PREPS | {"to"} and (
        _lemma(head) != "to" or _lemma(head.head) in ANCHOR_PREPS
    ):
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and (
        _lemma(head) in lex.verbs or (_lemma(head) in lex.speech_verbs and definite)
    ):
        return True
    own_args = any(c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in GROUP_LABELS
                   for c in children_of(noun))
    return definite and not own_args and noun.dep_ not in ("nsubj", "nsubjpass")


def _clause_of(token: Token) -> Token:
    """The nearest verb above a token (the clause that holds it); a participle used as a
    preposition ('pressure, including sanctions', 'following the talks') holds no clause."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "prep":
            return node
    return node


def _read_verb_arguments(mention: Mention, verb: Token, trigger: Trigger) -> None:
    headline = _is_headline_passive(verb)
    if headline or _is_passive(verb) or _is_raised_participle(verb):
        suffering = PASSIVE_SUBJECTS | {"nsubj"} if headline else PASSIVE_SUBJECTS
        mention.targets = [c for c in children_of(verb) if c.dep_ in suffering] or (
            _raised_subjects(verb) if _is_raised_participle(verb) else [])
        mention.sources = passive_agents(verb)
        if mention.type == "MOBILIZE" and not mention.sources:
            # 'police reinforcements were deployed': what is deployed is the deployer's own force
            mention.sources, mention.targets = mention.targets, []
    else:
        mention.sources = subjects_of(verb)
        for child in children_of(verb):
            read_object = _OBJECT_READERS.get(child.dep_)
            if read_object is not None:
                read_object(mention, verb, trigger, child)
    for prep in children_of(verb):
        if prep.dep_ != "prep":
            continue
        read_prep = _VERB_PREP_READERS.get(_lemma(prep))
        if read_prep is not None:
            read_prep(mention, trigger, [c for c in children_of(prep) if c.dep_ == "pobj"])
    if trigger.type == "THREATEN" and not mention.targets and _is_demand_participle(verb):
        # '... demanded that X agree, warning of sanctions if it refused': the warning is aimed at X
        mention.targets = [c for c in children_of(verb.head) if c.dep_ in SUBJECTS]
    _read_complement(mention, verb, trigger)
    if verb.dep_ == "relcl" and _is_event_noun(verb.head) and verb.head.pos_ == "NOUN":
        # 'a missile attack by the rebels that struck the airport': the attack's own author
        told = Mention(type=mention.type, mode=None, trigger=verb.head, clause=verb, sent=mention.sent)
        _read_noun_arguments(told, verb.head)
        mention.sources = told.sources
    _read_linked_objects(mention, verb)
    if mention.parties and mention.sources:
        mention.mediator = mention.sources[0]


def _complement_targets(verb: Token, sent: Span, deps: frozenset[str], types: frozenset[str] | None) -> list[Token]:
    """Whoever the act told in a verb's complement is aimed at: 'threatened to attack X',
    'threatened to impose sanctions on X', 'committed $30 million to support X' (only acts of
    `types`, when given)."""
    lex = get_lexicon()
    acts = [a for c in children_of(verb) if c.dep_ in deps and c.pos_ in ("VERB", "AUX") and _is_infinitive(c)
            for a in (c, *c.conjuncts)]
    for act in acts:
        told = _verb_mention(act, sent, lex) if act.i != verb.i else None
        found = [told] if told is not None else [_noun_mention(o, sent, lex) for o in _objects(act)
                                                 if o.pos_ == "NOUN" and _lemma(o) in lex.nouns]
        targets = [t for m in found if m is not None and (types is None or m.type in types) for t in m.targets
                   if t.ent_type_ not in NUMERIC_LABELS and not _is_event_noun(t)]
        if types is None:
            # 'to suspend the truce with X', 'to halt aid to X': the other party of what is acted on
            targets = targets or [p for o in _objects(act) for p in _partners(o) or _recipients(o, act)
                                  or _partners(act)]
        if targets:
            return targets
    return []


def _ended(mention: Mention, objects: list[Token]) -> None:
    """'demanded an end to X's attacks', 'called for a halt to the shelling': a demand to stop
    something is aimed at whoever does it, or at the act itself (whose author the article pass finds)."""
    for obj in objects:
        if _lemma(obj) not in _WORDS.ending_nouns:
            continue
        ended = [p for prep in children_of(obj) if prep.dep_ == "prep" and _lemma(prep) in ("to", "of")
                 for p in children_of(prep) if p.dep_ == "pobj"]
        if ended:
            mention.targets = [t for t in mention.targets if t.i != obj.i]
            mention.targets.extend(o for e in ended for o in (owners_of(e) if _is_event_noun(e) else None) or [e])
            return


# The clauses that tell a purpose or the act threatened ('threatened to attack X', 'gave $5
# million to support X'), and the acts whose target an aid's purpose tells.
_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl"})
_PURPOSE_TYPES = frozenset({"AID", "SUPPORT"})


def _read_complement(mention: Mention, verb: Token, trigger: Trigger) -> None:
    """The targets a threat, an aid, a permission or a demand names inside its complement."""
    if trigger.type == "THREATEN" and all(t.ent_type_ in NUMERIC_LABELS for t in mention.targets):
        mention.targets = _complement_targets(verb, mention.sent, frozenset({"xcomp"}), None) or mention.targets
    elif mention.type == "AID" and not mention.targets:
        mention.targets = _complement_targets(verb, mention.sent, _COMPLEMENT_DEPS, _PURPOSE_TYPES)
    elif mention.type == "CONCEDE" and not mention.targets and mention.clause.i != verb.i:
        # 'pledged to halt airstrikes on X's areas': the one the halted force was aimed at
        halted = [o for d in children_of(mention.clause) if d.dep_ in OBJECT_DEPS for o in (d, *d.conjuncts)]
        aimed = _aimed_at_all(halted) or [p for prep in children_of(mention.clause) if prep.dep_ == "prep"
                                          and _lemma(prep) in TARGET_PREPS
                                          for p in children_of(prep) if p.dep_ == "pobj"]
        mention.targets = [o for a in aimed for o in owners_of(a) or [a]]
    elif mention.type == "CONCEDE" and not mention.targets and not (
            verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl")):
        # 'allowed the wounded to leave', 'let the convoys pass': the one allowed ('..., allowing
        # the army to advance' tells what an act made possible, no permission)
        mention.targets = [s for c in children_of(verb) if c.dep_ == "ccomp"
                           for s in children_of(c) if s.dep_ in SUBJECTS]
    elif mention.type == "REQUEST":
        _ended(mention, [o for o in _objects(verb) if o.pos_ == "NOUN"]
               + [p for prep in children_of(verb) if prep.dep_ == "prep"
                  for p in children_of(prep) if p.dep_ == "pobj"])


def _is_raised_participle(verb: Token) -> bool:
    """'three people were reported killed', 'two were said wounded': a participle under a passive
    verb of saying is passive too; the subject raised to that verb is who suffered it."""
    return verb.dep_ in ("xcomp", "oprd") and verb.tag_ == "VBN" and not _has_infinitive_to(children_of(verb)) \
        and _is_passive(verb.head)


def _is_headline_passive(verb: Token) -> bool:
    """'Six citizens killed, 22 injured in attacks': a past participle heading its clause, with a
    counted subject, no auxiliary and no object, is a headline's passive (in a sentence such a
    participle has 'was' or 'has'); its subject is who suffered the act."""
    return (verb.tag_ == "VBN" and verb.dep_ not in ("amod", "acl", "relcl")
            and any(c.dep_ == "nsubj" and _is_counted(c) for c in children_of(verb))
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in children_of(verb)))


def _is_counted(noun: Token) -> bool:
    """'six citizens', '22': a noun told with its number, or a number standing for one."""
    return noun.tag_ == "CD" or any(c.dep_ == "nummod" for c in children_of(noun))


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS for c in children_of(verb)) or verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in children_of(verb))


def _read_object(mention: Mention, verb: Token, trigger: Trigger, obj: Token) -> None:
    """The object of an active verb: the one acted upon, or the owner of what is acted upon."""
    if mention.type in ("MOBILIZE", "AID"):
        return  # what is deployed or given is not the one acted upon ('deployed troops', '$30 million')
    lemma = _lemma(obj)
    if lemma in DIPLOMAT_WORDS:
        # 'recalled its ambassador from X', 'expelled X's envoy': the other state
        mention.targets.extend(p for prep in children_of(obj) + children_of(verb)
                               if prep.dep_ == "prep" and _lemma(prep) in DIPLOMAT_PREPS
                               for p in children_of(prep) if p.dep_ == "pobj")
        mention.targets.extend(o for o in owners_of(obj) or [] if o.pos_ != "PRON")
        return
    if obj.dep_ != "dative" and trigger.type == "SANCTION":
        # 'suspended military aid to X', 'halted exports to X': X is sanctioned; so is the partner
        # of what is stopped ('suspended talks with X', 'cut ties with X', 'put the accords with X
        # on hold')
        recipients = _recipients(obj, verb) or _partners(obj)
        if recipients:
            mention.targets.extend(recipients)
            return
    if (_lemma(verb), lemma) in get_lexicon().phrasal:
        # 'set fire to X', 'opened fire on X', 'took control of X': the object is part of the
        # trigger; X is acted upon
        mention.targets.extend(p for prep in children_of(obj) + children_of(verb)
                               if prep.dep_ == "prep" and (prep.lower_ in _GIVING_TARGET_PREPS
                                                           or prep.lower_ == "of" and prep.head.i == obj.i)
                               for p in children_of(prep) if p.dep_ == "pobj")
        return
    if trigger.type == "ASSAULT" and _aimed_at(obj):
        # 'launched (a series of) airstrikes on X': X is hit
        mention.targets.extend(_aimed_at(obj))
        return
    if mention.type in MEETING_TYPES and _is_event_noun(obj) and _partners(obj):
        # 'agreed a peace deal with X', 'signed an accord with X': X is the other party
        mention.targets.extend(_partners(obj))
        return
    if lemma in OFFER_NOUNS or _is_event_noun(obj):
        # 'accepted the US proposal': the proposer; 'condemned the attack': the
        # attack itself, whose author the article pass finds.
        mention.targets.extend(owners_of(obj) or [obj])
    elif not _is_weapon_like(obj):
        mention.targets.append(obj)


def _aimed_at(obj: Token) -> list[Token]:
    """What an attack named as an object is aimed at: 'strikes on X', 'a series of strikes on X'."""
    nouns = [obj] + [p for prep in children_of(obj) if prep.dep_ == "prep" and _lemma(prep) == "of"
                     and _lemma(obj) in _WORDS.batch_nouns for p in children_of(prep) if p.dep_ == "pobj"]
    return [p for noun in nouns if _is_event_noun(noun) for prep in children_of(noun)
            if prep.dep_ == "prep" and _lemma(prep) in TARGET_PREPS for p in children_of(prep) if p.dep_ == "pobj"] \
        + [p for noun in nouns if _is_event_noun(noun) for p in _aimed_by_participle(noun)]


def _aimed_at_all(objects: list[Token]) -> list[Token]:
    return [t for obj in objects for t in _aimed_at(obj)]


def _read_reported_clause(mention: Mention, verb: Token, trigger: Trigger, clause: Token) -> None:
    """'demanded that X withdraw', 'accused X of ...' told as a clause: X is the one aimed at."""
    if trigger.type in ("REQUEST", "ACCUSE"):
        mention.targets.extend(c for c in children_of(clause) if c.dep_ in SUBJECTS)


def _read_prep_target(mention: Mention, trigger: Trigger, objects: list[Token]) -> None:
    """'fired at X', 'sanctions against X': X, or the author of the event named ('retaliated for X's attack')."""
    if mention.targets:
        return
    for obj in objects:
        owners = owners_of(obj) if _is_event_noun(obj) else None
        mention.targets.extend(owners if owners is not None else [obj])


def _read_on(mention: Mention, trigger: Trigger, objects: list[Token]) -> None:
    """'fired on X'; 'called on X to ...' names the one asked even beside an object."""
    if not mention.targets:
        _read_prep_target(mention, trigger, objects)
    elif trigger.type == "REQUEST":
        mention.targets.extend(objects)


def _read_partner(mention: Mention, trigger: Trigger, objects: list[Token]) -> None:
    if trigger.symmetric or trigger.type in MEETING_TYPES:
        mention.targets.extend(objects)


def _read_to(mention: Mention, trigger: Trigger, objects: list[Token]) -> None:
    """'sent aid to X', 'appealed to X': X receives what is given or asked (aid, support, requests)."""
    if not mention.targets and mention.type in _GIVING_TYPES:
        mention.targets.extend(o for o in objects if o.ent_type_ not in NUMERIC_LABELS)


def _read_between(mention: Mention, trigger: Trigger, objects: list[Token]) -> None:
    mention.parties.extend(objects)


_ObjectReader = Callable[[Mention, Token, Trigger, Token], None]
_PrepReader = Callable[[Mention, Trigger, list[Token]], None]
# What each dependent of an active verb says of its participants.
_OBJECT_READERS: dict[str, _ObjectReader] = {
    "dobj": _read_object, "obj": _read_object, "dative": _read_object, "ccomp": _read_reported_clause,
}
# What each preposition of a verb says of its participants (the prepositions are grammar.py's).
_VERB_PREP_READERS: dict[str, _PrepReader] = {
    **dict.fromkeys(TARGET_PREPS, _read_prep_target),
    **dict.fromkeys(PARTNER_PREPS, _read_partner),
    "on": _read_on,
    "to": _read_to,
    "between": _read_between,
}


def _read_linked_objects(mention: Mention, verb: Token) -> None:
    """The manner ('spoke by phone', 'held a phone call') and the parties ('talks between X and Y')
    told by the objects of a verb; a phrase of time ('after a phone call with X') tells neither."""
    linked = _objects(verb) + [p for prep in children_of(verb)
                               if prep.dep_ == "prep" and prep.lower_ not in ANCHOR_PREPS
                               for p in children_of(prep) if p.dep_ == "pobj"]
    if any(_lemma(p) in _WORDS.remote_means and p.head.lower_ in MEANS_PREPS for p in linked):
        mention.mode = "phone"  # 'spoke by phone with
    for obj in linked:
        if _lemma(obj) in _WORDS.call_nouns and any(_lemma(c) in _WORDS.phone_words for c in children_of(obj)):
            mention.mode = "phone"
            mention.count = _count_of(obj) or mention.count
        for prep in children_of(obj):
            if prep.dep_ == "prep" and _lemma(prep) == "between":
                mention.parties.extend(c for c in children_of(prep) if c.dep_ == "pobj")


# 'sent aid to X': on the verb only 'to' names a recipient ('sent aid for the winter' does not).
_VERB_RECIPIENT_PREPS = frozenset({"to"})


def _recipients(obj: Token, verb: Token | None = None) -> list[Token]:
    """Who a thing is given or sent to: 'aid to X', 'aid for X', 'sent aid to X', 'visas issued to X'."""
    given = [p for acl in children_of(obj) if acl.dep_ == "acl" and acl.tag_ == "VBN" for p in children_of(acl)]
    preps = [(p, RECIPIENT_PREPS) for p in [*children_of(obj), *given]] + [(p, _VERB_RECIPIENT_PREPS)
                                                                       for p in (children_of(verb) if verb else ())]
    return [o for prep, words in preps if prep.dep_ in ("prep", "dative") and _lemma(prep) in words
            for o in children_of(prep) if o.dep_ == "pobj" and o.ent_type_ not in NUMERIC_LABELS]


def _partners(obj: Token) -> list[Token]:
    """The other side of a dealing named as a noun: 'talks with X', 'ties with X', 'accords with X'
    (and of its conjuncts: 'the agreement and other accords with X')."""
    return [o for noun in (obj, *obj.conjuncts) for prep in children_of(noun)
            if prep.dep_ == "prep" and _lemma(prep) in PARTNER_PREPS
            for o in children_of(prep) if o.dep_ == "pobj" and o.ent_type_ not in NUMERIC_LABELS]


# Types whose noun names its author with 'from': 'aid from X', 'condemnation from X'.
_FROM_SOURCE_TYPES = frozenset({"AID", "REQUEST", "ACCUSE", "SUPPORT", "THREATEN"})


def _read_noun_arguments(mention: Mention, noun: Token) -> None:
    for child in [*_shared_modifiers(noun), *children_of(noun)]:
        if child.dep_ in ("poss", "amod", "compound"):
            _read_noun_modifier(mention, child)
        elif child.dep_ == "prep":
            word = _lemma(child)
            objects = [c for c in children_of(child) if c.dep_ == "pobj"]
            if word in TARGET_PREPS:
                mention.targets.extend(objects)
            elif word in GRIEVANCE_PREPS and mention.type == "ACCUSE":
                # 'anger over X's violation': the one whose act it is
                for obj in objects:
                    mention.targets.extend(owners_of(obj) or [obj])
            elif word in PARTNER_PREPS and mention.type in MEETING_TYPES:
                mention.targets.extend(objects)
            elif word == "between":
                mention.parties.extend(objects)
            elif word == "by":
                mention.sources.extend(objects)
            elif word in OBJECT_OF_PREPS and _lemma(noun) in _WORDS.taking_nouns:
                mention.targets.extend(objects)  # 'the arrest of X', 'the retaking of the capital'
            else:
                _read_noun_giving(mention, word, objects)
    if not mention.targets:
        mention.targets.extend(_aimed_by_participle(noun))
    mention.count = _count_of(noun)


def _shared_modifiers(noun: Token) -> list[Token]:
    """'the Russian missile and drone attack': a nationality or owner before the words that modify
    an event noun is the event's. The parse hangs it on the first modifier ('missile'), which is
    either a modifier of the noun or, misread, the head of a coordination whose conjunct is the
    noun; in the second case only when the words between are the 'and' and the noun's own
    modifiers, and the first word is no event noun itself ('Russian strikes and attacks' are two)."""
    firsts = [c for c in children_of(noun) if c.dep_ in ("compound", "nmod") and c.i < noun.i]
    head = noun.head
    if noun.dep_ == "conj" and head.pos_ == "NOUN" and head.i < noun.i and _lemma(head) not in get_lexicon().nouns \
            and not any(c.dep_ in ("det", "poss") for c in children_of(noun)) \
            and all(t.dep_ == "cc" or (t.head.i == noun.i and t.dep_ in MODIFIER_DEPS)
                    for t in noun.doc[head.i + 1:noun.i]):
        firsts.append(head)
    # (the modifier of a body word is that body's: 'the Syrian Army missile attack' is the army's)
    return [g for first in firsts if not party_role(first)
            for g in children_of(first) if g.dep_ in ("poss", "amod") and g.i < first.i]


def _is_aiming_participle(verb: Token, lex: Lexicon) -> bool:
    """'sanctions targeting X', 'the sanctions targeted X', 'adopted a package of sanctions,
    targeting X', 'strikes aimed at X': the aiming verb tells the event noun's target, no act of
    its own (the noun is the event, of the noun's type)."""
    return _lemma(verb) in _WORDS.aiming_verbs and _aimed_noun(verb, lex) is not None


def _aimed_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The event noun an aiming verb is said of: the noun it modifies, its subject, or, for a
    participle after a clause ('adopted new sanctions, targeting X'), that clause's object."""
    if verb.dep_ == "acl":
        return verb.head if _lemma(verb.head) in lex.nouns else None
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    if subjects:
        return next((s for s in subjects if _lemma(s) in lex.nouns), None)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        for obj in (c for c in children_of(verb.head) if c.dep_ in OBJECT_DEPS):
            nouns = [obj] + [p for prep in children_of(obj) if prep.dep_ == "prep" and _lemma(prep) == "of"
                             for p in children_of(prep) if p.dep_ == "pobj"]
            return next((n for n in nouns if _lemma(n) in lex.nouns), None)
    return None


def _aiming_verbs_of(noun: Token) -> list[Token]:
    """The aiming verbs said of an event noun (the constructions of _aimed_noun)."""
    verbs = [c for c in children_of(noun) if c.dep_ == "acl"]
    if noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        verbs.append(noun.head)
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.head.dep_ in OBJECT_DEPS else noun
    if holder.dep_ in OBJECT_DEPS:  # 'adopted (a package of) sanctions, targeting X'
        verbs.extend(c for c in children_of(holder.head) if c.dep_ == "advcl")
    lex = get_lexicon()
    return [v for v in verbs if _lemma(v) in _WORDS.aiming_verbs and _aimed_noun(v, lex) == noun]


def _aimed_by_participle(noun: Token) -> list[Token]:
    """X of 'sanctions targeting X', 'the sanctions targeted X', 'strikes aimed at X'."""
    found: list[Token] = []
    for verb in _aiming_verbs_of(noun):
        found.extend(c for c in children_of(verb) if c.dep_ in OBJECT_DEPS)
        found.extend(p for prep in children_of(verb) if prep.dep_ == "prep" and _lemma(prep) in TARGET_PREPS
                     for p in children_of(prep) if p.dep_ == "pobj")
    return found


def _read_noun_giving(mention: Mention, word: str, objects: list[Token]) -> None:
    """Who gives and who gets, as a noun event's prepositions tell them."""
    if word == "from" and mention.type in _FROM_SOURCE_TYPES:
        mention.sources.extend(objects)
    elif word == "to" and mention.type in _GIVING_TYPES:
        # 'arms sales to X', 'support to X', 'an appeal to X': X receives it
        mention.targets.extend(o for o in objects if o.ent_type_ not in NUMERIC_LABELS)
    elif word in SANCTIONED_THING_PREPS and mention.type == "SANCTION":
        # 'the suspension of aid to X': X is sanctioned
        mention.targets.extend(r for o in objects for r in _recipients(o))


def _read_noun_modifier(mention: Mention, child: Token) -> None:
    """'Russia's attack', 'the US proposal', 'regime airstrikes': the author; 'the X-Y talks': X and
    Y, one dyad (CONVENTIONS 2)."""
    pair = hyphen_pair(child) if child.dep_ == "compound" else None
    if pair is not None:
        mention.parties.extend(pair)
    elif _names_body_after(child):
        return  # 'Russian army strikes': one party, read with the body word ('the Russian army')
    elif child.dep_ == "poss" or child.ent_type_ in GROUP_LABELS:
        mention.sources.append(child)
    elif party_role(child) and not any(s.head.i == child.i for s in mention.sources):
        # 'regime airstrikes', 'militia attacks': the party's own act ('a Syrian government
        # offensive' is Syria's, read from the role's own modifier: one party, not two)
        mention.sources.append(child)


def _names_body_after(child: Token) -> bool:
    """Whether a modifier of an event noun is the country or a word of the name of a body word
    after it that modifies the same noun ('Russian' of 'Russian army strikes'; body_modifiers)."""
    head = child.head
    body = next((t for t in child.doc[child.i + 1:head.i] if t.head.i == head.i and party_role(t)), None)
    return body is not None and any(t.i == child.i for t in body_modifiers(body))


def _count_of(noun: Token) -> int | None:
    """'two phone calls': how many times the event happened."""
    for child in children_of(noun):
        if child.dep_ == "nummod" and child.like_num:
            return parse_number(child.text)
    return None


def _is_event_noun(token: Token) -> bool:
    lemma = _lemma(token)
    return lemma in get_lexicon().nouns or lemma in OFFER_NOUNS


def _is_weapon_like(token: Token) -> bool:
    return _lemma(token) in WEAPON_NOUNS


def owners_of(noun: Token) -> list[Token] | None:
    """The party a proposal, plan or attack belongs to: 'the US proposal', "Russia's attack"."""
    modifiers = [c for c in children_of(noun) if c.dep_ == "poss" or c.dep_ in MODIFIER_DEPS]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in children_of(c)
                  if g.dep_ == "poss" or g.dep_ in MODIFIER_DEPS]
    owners = [c for c in modifiers if c.dep_ == "poss" or c.ent_type_ in GROUP_LABELS
              or (c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "CARDINAL"))]
    for prep in children_of(noun):
        if prep.dep_ == "prep" and _lemma(prep) in AUTHOR_PREPS:
            owners.extend(c for c in children_of(prep) if c.dep_ == "pobj")
    return owners or None


def speech_verb_of(token: Token, lex: Lexicon) -> Token | None:
    node = token
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            break
        node = node.head
        if _lemma(node) in lex.speech_verbs and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def speaker_of(token: Token, lex: Lexicon) -> Token | None:
    verb = speech_verb_of(token, lex)
    if verb is None:
        return None
    subjects = subjects_of(verb)
    return subjects[0] if subjects else None


# ---------------------------------------------------------------- modality


def read_status(verb: Token, lex: Lexicon) -> str | None:
    """occurred / planned / negated for the clause of `verb`; None when hypothetical."""
    status = "occurred"
    node = verb
    for depth in range(5):
        children = children_of(node)
        own = _clause_status(node, children, depth == 0, status, lex)
        if own is None:
            return None
        status = own
        if node.dep_ in ("xcomp", "dobj") and node.head.i != node.i:
            under, final = _status_under_head(node, children, status, lex)
            if final:
                return under
            status = under or status  # never None when not final
            node = node.head
            continue
        return None if _is_unreal_clause(node, children) else status
    return status


def _clause_status(node: Token, children: list[Token], first: bool, status: str, lex: Lexicon) -> str | None:
    """The status a clause's own words give (its marks, negation and auxiliaries); None when they
    make it hypothetical."""
    if any(c.dep_ == "mark" and _lemma(c) in CONDITION_MARKS for c in children):
        return None
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    lemmas = {_lemma(c) for c in auxiliaries}
    texts = {c.text.lower() for c in auxiliaries}
    if first and any(c.dep_ == "neg" for c in children):
        status = "negated"
    if (texts & lex.future_auxiliaries or lemmas & lex.future_auxiliaries) and status == "occurred":
        status = "planned"
    if _is_headline_infinitive(node) and status == "occurred":
        status = "planned"  # a headline's infinitive: 'Rebels to free five captives'
    if lemmas & lex.hedge_modals or texts & lex.hedge_modals:
        if not (texts & _CONDITIONAL and speech_verb_of(node, lex) is not None):
            return None
        if status != "negated":  # 'said it would not withdraw' stays negated
            status = "planned"  # 'said it would withdraw': a future in reported speech
    if node.dep_ == "ccomp" and _lemma(node.head) in lex.wish_verbs:
        return None  # what is demanded or hoped for has not happened
    if node.dep_ == "ccomp" and any(c.lower_ in DENYING_ADVERBS for c in children_of(node.head)):
        return None  # 'falsely said that X started the war': the narration denies it
    if _is_wished_clause(node, children, lex):
        return None  # nor what a demand or a call says someone do ('its demand that X ease restrictions')
    return status


def _is_wished_clause(node: Token, children: list[Token], lex: Lexicon) -> bool:
    """The clause of a noun of demand or hope, with its own subject: 'its demand that X ease
    restrictions', hung on the noun or (as the parse often does) on the verb the noun is the object
    of ('reiterated its demand today that X ease ...')."""
    if not any(c.dep_ in SUBJECTS for c in children):
        return False
    if node.dep_ == "acl":
        return node.head.pos_ == "NOUN" and _lemma(node.head) in lex.wish_verbs
    return node.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in children) and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and _lemma(c) in lex.wish_verbs and c.i < node.i
        for c in children_of(node.head))


def _status_under_head(node: Token, children: list[Token], status: str, lex: Lexicon) -> tuple[str | None, bool]:
    """The status a clause takes from the verb it is the complement of; True when that status is
    final (the head cancels, threatens or negates it)."""
    head = _lemma(node.head)
    if head in lex.transparent_heads:
        return status, False
    if head in lex.cancelling_verbs or head in lex.threat_verbs:
        # 'ready to stop shooting'; 'threatened to strike' (the threat is the event)
        return None, True
    if head in lex.negation_verbs:
        return ("negated" if head in _WORDS.refusal_verbs else None), True
    if head in lex.planned_verbs:
        # 'promised not to attack', 'agreed not to strike': a pledge to refrain, no act to come
        return (None, True) if status == "negated" else ("planned", False)
    if head in OBLIGATION_HEADS and node.head.tag_ in PRESENT_TAGS and node.dep_ == "xcomp" \
            and _has_infinitive_to(children) and status == "occurred":
        return "planned", False  # 'the group has to free 40 captives': owed, not yet done ('had to' was done)
    if node.dep_ == "xcomp" and _has_infinitive_to(children) and head not in lex.light_verbs \
            and head not in _WORDS.aspect_verbs and head not in _WORDS.causative_verbs:
        return None, True
    return status, False


def _is_headline_infinitive(verb: Token) -> bool:
    """'Rebels to free five captives', 'EU to impose sanctions': a headline tells what is to come
    with a bare infinitive (parsed with its subject, or hung on the name as a clause)."""
    # (the place in the parse first: the children are read only of a root or a clause on a name)
    if verb.dep_ == "ROOT":
        children = children_of(verb)
        return _has_infinitive_to(children) and any(c.dep_ in SUBJECTS for c in children)
    if verb.dep_ != "acl":
        return False
    head = verb.head
    return head.dep_ == "ROOT" and head.pos_ == "PROPN" and head.i < verb.i and _has_infinitive_to(children_of(verb))


def _is_caused_act(verb: Token) -> bool:
    """The infinitive of a causative verb with its object ('prompted X to impose', 'forced X to
    withdraw'), which the parse may hang as a clause of purpose: what X was made to do happened."""
    head = verb.head
    return verb.dep_ == "advcl" and _lemma(head) in _WORDS.causative_verbs and head.i < verb.i \
        and _has_infinitive_to(children_of(verb)) and any(c.dep_ == "dobj" for c in children_of(head))


def _is_unreal_clause(node: Token, children: list[Token]) -> bool:
    if _is_decided_act(node):
        return False  # 'the decision to suspend the treaty': the suspension is told as done
    if _is_caused_act(node) or _is_headline_infinitive(node):
        return False  # 'prompting X to impose a blackout', 'EU to impose sanctions': told as done or to come
    if joined_act(node) is not None:
        return False  # 'joined Y in urging W': the act joined in is done
    if node.dep_ in ("advcl", "acl", "relcl") and _has_infinitive_to(children):
        return True  # a purpose clause: 'to discuss', 'to compel'
    # a gerund named as a topic: 'Utilizing such missiles ...' (not one that times the clause:
    # 'after blaming X', 'since seizing the town' tell what happened)
    if node.dep_ == "pcomp" and node.head.lower_ in TIME_ADJUNCT_PREPS | {"since"}:
        return False
    return node.tag_ == "VBG" and node.dep_ in ("csubj", "pcomp", "nsubj") and not any(
        c.dep_ in SUBJECTS for c in children)


def _has_infinitive_to(children: list[Token]) -> bool:
    return any(c.dep_ == "aux" and c.text.lower() == "to" for c in children)
