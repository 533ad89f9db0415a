"""What one article tells every sentence: its date, countries and people, and how a sentence's
words name the actors they stand for (noun phrases, coordinations, pronouns, 'both sides').

Events, claims and agreements read their participants through one ArticleContext per article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import NamedTuple

from spacy.attrs import DEP
from spacy.parts_of_speech import NOUN, PRON
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from peacewatch.data.event_words import ActorWords
from peacewatch.data.reading_words import ParticipantWords
from peacewatch.extract.actors import (
    PersonIndex,
    body_modifiers,
    build_person_index,
    describe_actor,
    is_member_word,
    lookup_organisation,
    party_word,
)
from peacewatch.extract.countries import country_name, country_of, state_actor
from peacewatch.extract.lexicon import get_lexicon
from peacewatch.extract.mentions import WEAPON_NOUNS, hyphen_pair, split_named_coordination
from peacewatch.extract.quotes import quoted_tokens_of
from peacewatch.grammar import (
    CUT_DEPS,
    FIRST_SECOND_PERSON,
    FUTURE_AUXILIARIES,
    GROUP_POSSESSIVES,
    GROUP_PRONOUNS,
    INDEFINITE_ARTICLES,
    LOCATIVE_PREPS,
    MEMBER_PREPS,
    MODIFIER_DEPS,
    ORIGIN_PREPS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RECIPROCALS,
    RELATIVE_PRONOUNS,
    SELF_PRONOUNS,
    SPEAKER_SIDE_PRONOUNS,
    hyphened_word,
)
from peacewatch.nlp import (
    child_indices,
    doc_memo,
    doc_text,
    entities,
    entities_in,
    ents_between,
    per_token,
    sentence_of,
    text_of,
    tokens_of,
    words,
)
from peacewatch.resolve.place import named_regions, resolve_place
from peacewatch.resolve.time import (
    DATELINE_CHARS,
    Offset,
    TimeMention,
    detect_future_tense,
    find_dateline,
    find_time_expressions,
    parse_offset,
    resolve_mention,
)
from peacewatch.schema import Actor, Place, When

__all__ = ["COLLECTIVE_PARTIES", "GROUP_PRONOUNS", "PAIR_WORDS", "PERSON_PRONOUNS", "QUANTITY_WORDS", "RECIPROCALS",
           "ArticleContext", "actor_of", "actors_of", "expand", "facility_of", "first_country", "is_facility",
           "is_person", "locate_facility", "new_context", "released_to",
           "phrase", "recent_pair", "remember_subjects", "resolve_pronoun", "same_party", "sentence_times",
           "split_adjective_coordination", "story_countries", "Salient", "SentenceTime"]

# Nouns for both parties together ('both sides'), and counts that stand for the people counted
# ('thousands of students'): data/participants.yaml, read at import (every participant asks).
_WORDS = ParticipantWords.load()
COLLECTIVE_PARTIES = frozenset(_WORDS.collective_parties)
PAIR_WORDS = frozenset(_WORDS.pair_words)  # 'both sides', 'the two countries'
QUANTITY_WORDS = frozenset(_WORDS.quantity_words)
GROUP_NOUNS = frozenset(_WORDS.group_nouns)  # 'the group' points back to an armed group
STATE_NOUNS = frozenset(_WORDS.state_nouns)  # 'the country' points back to the last country named
STATES_NOUNS = frozenset(_WORDS.states_nouns)  # 'leaders of four countries': several states, no one country
# Who told the news ('a source close to the group'), never who acted; facilities hit or seized
# (lemma or 'compound lemma' -> sector): data/actor_words.yaml.
_ATTRIBUTION_NOUNS = ActorWords.load().attribution_nouns
_CAPTIVE_NOUNS = ActorWords.load().captive_nouns
# Weapons, defences and effects named as the doer ('the missiles hit', 'its air defence downed',
# 'a fire killed'): data/mentions.yaml instrument_nouns and data/actor_words.yaml thing_nouns.
_THING_NOUNS = frozenset(w.replace("-", " ") for w in ActorWords.load().thing_nouns) | WEAPON_NOUNS
# A facility's own phrase ends before its list partners and clauses ('the port, a factory and ...').
_FACILITY_CUT_DEPS = frozenset({"appos", "conj", "cc", "punct", "relcl", "acl"})
_FACILITIES = {word: sector for sector, words in ActorWords.load().facility_sectors.items() for word in words}
# Sectors of bodies and people that belong to a country: a phrase of one that names none
# ('the army', 'its troops', 'the population') takes it from what it points back to.
_COUNTRY_SECTORS = frozenset({"GOV", "MIL", "REB", "CVL", "BUS"})
# How far back (in entities) a definite phrase looks for what it points to.
_ANTECEDENT_WINDOW = 40
# How far back (in tokens) 'the army' looks for an army named with its country.
_SAME_ROLE_WINDOW = 400
# What one mention weighs in the countries an article is about (story_countries).
_HOME_WEIGHTS = {"GPE": 1.0, "LOC": 1.0, "ORG": 1.0, "NORP": 0.5}
_TOWN_WEIGHT = 2.0

# Labels as the ints spaCy stores (token.dep), for the tests made on every token of a phrase or a
# sentence: compared without making the label's string.
_CUT_DEP_IDS = frozenset(map(get_string_id, CUT_DEPS))
_PREP, _POBJ, _APPOS, _AUX = map(get_string_id, ("prep", "pobj", "appos", "aux"))
_SUBJECT_DEPS = frozenset(map(get_string_id, ("nsubj", "nsubjpass")))
_THING_MODIFIER_DEPS = frozenset(map(get_string_id, ("compound", "amod")))
# phrase and the readers of a participant's head read the parse through the doc's shared tables
# (nlp.words, nlp.child_indices): token.subtree makes a new Token at every step, and each string
# attribute (lower_, lemma_, pos_) is looked up again at each call.
_PERSON = get_string_id("PERSON")

# The subjects of the sentences read so far, in order (remember_subjects): a pronoun looks back
# through them for the actor it stands for, and only then are they described (most never are).
Salient = list[Token]


class SentenceTime(NamedTuple):
    """A time expression of a sentence: its span, its date, its offset when anchored ('two days
    later'), and the mention as the sentence's text found it, for a reader that resolves it again
    against another day or tense (resolve_mention keeps the reading its sentence gave it)."""

    span: Span
    when: When
    offset: Offset | None
    found: TimeMention


@dataclass
class ArticleContext:
    """What the whole article tells that each sentence needs: its date, countries and people."""

    doc: Doc
    published: date | None
    countries: list[str]
    persons: PersonIndex
    place_cache: dict[str, Place | None] = field(default_factory=dict)
    actor_cache: dict[tuple[int, int], Actor | None] = field(default_factory=dict)
    time_cache: dict[tuple[int, int], list[SentenceTime]] = field(default_factory=dict)
    subject_cache: dict[tuple[int, int], list[Token]] = field(default_factory=dict)
    dateline_cache: list[When | None] = field(default_factory=list)
    story_cache: list[When | None] = field(default_factory=list)  # (the story's When, made once: asked per sentence)
    region_cache: list[list[tuple[str, str]]] = field(default_factory=list)

    def home(self) -> str | None:
        """The country the article is about: the first of its countries (see `story_countries`)."""
        return self.countries[0] if self.countries else None

    def dateline(self) -> When | None:
        """The story's day a dated dateline gives ('Islamabad, April 24:'), read once per article."""
        if not self.dateline_cache:
            self.dateline_cache.append(find_dateline(doc_text(self.doc)[:DATELINE_CHARS], self.published))
        return self.dateline_cache[0]

    def story(self) -> When | None:
        """The story's day with the rule that gave it: a dated dateline's, else the publication date
        (None with neither); undated news and offsets told first count from it. Made once per
        article and shared (never change it)."""
        if not self.story_cache:
            self.story_cache.append(self._find_story())
        return self.story_cache[0]

    def _find_story(self) -> When | None:
        dateline = self.dateline()
        if dateline is not None and dateline.value:
            return dateline
        return self.publication()

    def publication(self) -> When | None:
        """The publication date as a date of the text (None when the article has none): what a step,
        a saying or a story told in the present tense is dated by when no time expression dates it."""
        if self.published is None:
            return None
        return When(text=None, value=self.published.isoformat(), precision="day", rule="publication date")

    def story_day(self) -> date | None:
        """The day relative words count from: the story's day (see `story`) as a date."""
        story = self.story()
        return date.fromisoformat(story.value[:10]) if story is not None and story.value else None

    def describe(self, token: Token) -> Actor | None:
        """The actor a token's noun phrase names (read once per phrase per article)."""
        span = phrase(token)
        key = (span.start, span.end)
        if key not in self.actor_cache:
            self.actor_cache[key] = describe_actor(span, persons=self.persons)
        return self.actor_cache[key]

    def place(self, name: str) -> Place | None:
        if name not in self.place_cache:
            self.place_cache[name] = _resolved(self.doc, name, self.countries, self.regions(name))
        return self.place_cache[name]

    def regions(self, name: str) -> frozenset[str]:
        """The regions the article's place names other than `name` resolve to: (name, admin1) of
        each name read as a region of the article's countries, through the article's own readings."""
        if not self.region_cache:
            names = dict.fromkeys(text_of(ent) for ent in entities(self.doc) if ent.label_ in ("GPE", "LOC"))
            self.region_cache.append(named_regions(
                names, self.countries, read=lambda other: _resolved(self.doc, other, self.countries)))
        return frozenset(region for other, region in self.region_cache[0] if other != name)


def _resolved(doc: Doc, name: str, countries: list[str], regions: frozenset[str] = frozenset()) -> Place | None:
    """resolve_place of a name of the article, read once per doc for its countries and regions:
    story_countries, the article's regions and ctx.place ask for the same names in one context."""
    readings = doc_memo(doc, "pw:context.places", _no_readings)
    key = (name, tuple(countries), regions)
    if key not in readings:
        readings[key] = resolve_place(name, countries=countries, regions=regions)
    return readings[key]


def _no_readings(doc: Doc) -> dict[tuple[str, tuple[str, ...], frozenset[str]], Place | None]:
    return {}


@per_token  # events, claims and agreements ask for the same participants
def phrase(token: Token) -> Span:
    """The noun phrase of a participant, without its clauses and coordinated partners."""
    piece = next((p for p in split_named_coordination(token) if p.start <= token.i < p.end), None)
    if piece is not None:
        return piece  # 'US President X and Russian President Y', parsed as one phrase: X's or Y's part
    if hyphen_pair(token) is not None:
        return token.doc[token.i:token.i + 1]  # 'the X-Y talks': Y alone, X is a party of its own
    doc = token.doc
    table, kids = words(doc), child_indices(doc)
    dep, lower, punct = table.dep, table.lower, table.punct
    # the subtree without the subtrees of its cut words: what is reached from the token through none
    keep = [token.i]
    for i in keep:
        keep.extend(c for c in kids[i]
                    if not (dep[c] in _CUT_DEP_IDS or (dep[c] == _PREP and lower[c] in MEMBER_PREPS)))
    keep.extend(t.i for t in body_modifiers(token))
    start, end = min(keep), max(keep) + 1
    while start < end - 1 and punct[start]:
        start += 1
    while end - 1 > start and punct[end - 1]:
        end -= 1
    return doc[start:end]


def expand(tokens: list[Token]) -> list[Token]:
    """Coordinated participants, and named members of a group ('leaders including X and Y')."""
    out: list[Token] = []
    for token in tokens:
        pieces = split_named_coordination(token)
        if pieces:
            # titled names the parse joined into one phrase: one party per name, in order
            out.extend(next(e[-1] for e in entities_in(piece) if e.label_ == "PERSON") for piece in pieces)
            continue
        for member in (token, *[c for c in token.conjuncts if _is_separate_party(c)]):
            named = [p for prep in member.children if prep.dep == _PREP and prep.lower_ in MEMBER_PREPS
                     for p in prep.children if p.dep == _POBJ]
            if named:
                for person in named:
                    out.extend([person, *person.conjuncts])
                    for appos in (c for c in person.children if c.dep == _APPOS):
                        out.extend(appos.conjuncts)
            elif member not in out:
                out.append(member)
    seen: set[int] = set()
    unique: list[Token] = []
    for token in out:
        if token.i not in seen:
            seen.add(token.i)
            unique.append(token)
    return unique


def _is_separate_party(token: Token) -> bool:
    """A conjunct that names a party of its own ('Germany and France', 'soldiers and civilians'),
    not a second title of one person ('Resident and Humanitarian Coordinator X'), nor a second
    name of the same one after ', or' ('the Revolutionary United Front, or RUF')."""
    start = token.left_edge.i
    if start >= 2 and token.doc[start - 1].lower_ == "or" and token.doc[start - 2].text == ",":
        return False
    entity = token.doc[token.i].ent_iob_ in ("B",) or (token.ent_type_ and token.ent_iob_ == "I" and any(
        t.ent_iob_ == "B" for t in token.subtree))
    return bool(entity) or token.tag_ in ("NNS", "NNPS") or token.pos_ == "PRON"


def actor_of(token: Token, ctx: ArticleContext, salient: Salient) -> Actor | None:
    table = words(token.doc)
    lower, lemma = table.lower[token.i], table.lemma[token.i]
    if lower in QUANTITY_WORDS or token.like_num:
        # 'thousands of students': the students
        members = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj"]
        if members:
            return actor_of(members[0], ctx, salient)
    if lower in RELATIVE_PRONOUNS:
        antecedent = _relative_antecedent(token)
        if antecedent is None or table.lemma[antecedent.i] in get_lexicon().nouns:
            return None  # 'a strike, which X said killed one': the strike's author, not X
        found = actor_of(antecedent, ctx, salient)
        # a bare name read as no kind of body (a village the parse hung the clause on) is unknown
        return found if found is not None and (found.country or found.sector) else None
    if table.pos[token.i] == PRON or lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
        return resolve_pronoun(token, ctx, salient)
    if lemma in _ATTRIBUTION_NOUNS:
        return None  # 'two sources said': who told it, not who did it
    if lower in RECIPROCALS:
        return None
    # 'Ukrainian and American officials': each adjective is its own party.
    return ctx.describe(token)





def _relative_antecedent(token: Token) -> Token | None:
    """What 'which' stands for: the noun its relative clause hangs on ('X, which says ...'; 'a
    strike, which the ministry said killed one'), within four steps up."""
    node = token
    for _ in range(4):
        if node.dep_ == "relcl":
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _attributed_body(subject: Token) -> Token | None:
    """'a source close to the group': the body an attribution speaks for, if it names one."""
    for child in subject.children:
        for prep in (c for c in child.subtree if c.dep_ == "prep" and c.lower_ == "to"):
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def facility_of(token: Token, ctx: ArticleContext) -> Actor | None:
    """A facility hit or seized, as a target ('the port', 'the police station', 'homes'): its sector
    (data/actor_words.yaml) and the country of the place its phrase names ('the Aden port',
    "Yemen's port"); CONVENTIONS rule 8. Without a place in the phrase the country is left to the
    event's place (`locate_facility`)."""
    lemma = token.lemma_.lower()
    compounds = [c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.i == token.i - 1]
    words = [f"{compounds[0]} {lemma}"] if compounds else []
    sector = next((_FACILITIES[w] for w in [*words, lemma] if w in _FACILITIES), None)
    if sector is None or token.pos_ != "NOUN":
        return None
    cut = {t.i for c in token.children if c.dep_ in _FACILITY_CUT_DEPS for t in c.subtree}
    kept = [t for t in token.subtree if t.i not in cut]
    span = token.doc[kept[0].i:kept[-1].i + 1]
    code = None
    for inner in span:
        if inner.i != token.i and inner.ent_type_ in ("GPE", "NORP", "LOC", "FAC") and inner.ent_iob_ == "B":
            ent = next((e for e in entities(token.doc) if e.start == inner.i), None)
            if ent is not None and (code := country_of(text_of(ent)) or _town_country(ent.text, ctx)):
                break
    name = " ".join(t.text for t in span if t.dep_ != "det")
    return Actor(text=span.text, name=name or span.text, country=code, sector=sector)


def is_facility(actor: Actor) -> bool:
    """Whether an actor names a facility ('concrete factory east of city', 'police station')."""
    words = [w.rstrip("s") if w not in _FACILITIES else w for w in (actor.name or "").lower().split()]
    pairs = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
    return any(w in _FACILITIES for w in [*words, *pairs])


def locate_facility(target: Actor | None, place_country: str | None, ctx: ArticleContext) -> Actor | None:
    """A facility, or a body or people of a country, hit with no country: the country of the
    event's place ('ambushed its soldiers near Kidal'), and for a facility with no place the
    article's (CONVENTIONS rule 8: infrastructure belongs to the country it is in)."""
    if target is None or target.country is not None or not (target.sector in _COUNTRY_SECTORS or is_facility(target)):
        return target
    code = place_country or (ctx.home() if is_facility(target) else None)
    return target.model_copy(update={"country": code}) if code else target


def released_to(kind: str, source: Actor | None, target: Actor | None, objects: list[Token],
                ctx: ArticleContext) -> Actor | None:
    """Captives released ('Hamas released two hostages', 'freed 50 prisoners') are a concession to
    the side they belong to (CONVENTIONS rule 4): the state the article names most after the
    releaser's own, whatever passports the captives hold.

    Args:
        kind: the event type; source, target: the event's actors; objects: the tokens of its targets.
    Returns:
        that state as the target (GOV), or the target as it was.
    """
    if kind != "CONCEDE" or source is None or not source.country:
        return target
    if not any(t.lemma_.lower() in _CAPTIVE_NOUNS for o in objects for t in o.subtree):
        return target
    code = next((c for c in ctx.countries if c != source.country), None)
    if code is None:
        return target
    return state_actor(code, target.text if target is not None else None)


def _entity_name(token: Token) -> str:
    """The whole name the entity holding a word gives ('Kingdom' -> 'the United Kingdom')."""
    held = ents_between(token.doc, token.i, token.i + 1)
    return text_of(held[0]) if held else token.text


def split_adjective_coordination(token: Token) -> list[Token]:
    """'Ukrainian and American officials', 'commanders from India and Pakistan' name two
    parties; return the tokens that name their countries."""
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")]
    modifiers += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ORIGIN_PREPS
                  for p in prep.children if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "NORP")]
    for modifier in modifiers:
        if modifier.conjuncts:
            return [modifier, *modifier.conjuncts]
    return []


def resolve_pronoun(token: Token, ctx: ArticleContext, salient: Salient) -> Actor | None:
    """The actor a pronoun stands for: the object of the clause before, the speaker of the verb of
    saying it hangs on, or the last salient actor of its kind (a person or a group)."""
    if token.lower_ in SPEAKER_SIDE_PRONOUNS and token.text != "US" and token.i in quoted_tokens_of(token.doc):
        return _quoting_speaker(token, ctx)
    if token.lower_ in FIRST_SECOND_PERSON and token.text != "US":
        return None
    earlier_object = _object_before(token)
    if earlier_object is not None:
        return ctx.describe(earlier_object)
    binder = _binding_subject(token)
    if binder is not None:
        # 'A and B completed their exchange': both, which one actor cannot say (unknown)
        return None if binder.conjuncts else ctx.describe(binder)
    person = token.lower_ in PERSON_PRONOUNS
    if person and token.i in quoted_tokens_of(token.doc):
        # '"He is killing people," X said': a quotation speaks from its speaker's side, who is
        # 'I' there; its 'he' is someone the narration need not have named last (unknown),
        # unless the verb of saying names whom it is about ('X said about Y')
        return _quoted_about(token, ctx)
    speaker = _pronoun_speaker(token, ctx, salient, person)
    found = speaker if speaker is not None else _salient_antecedent(token, ctx, salient, person)
    if speaker is None and person and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("relcl", "advcl"):
        # 'X is due in Moscow this week, where he will meet Y': the 'he' of a clause hung on the
        # sentence is the person its main clause is about, before anyone named in earlier sentences
        found = _higher_subject(token, None, ctx) or found
    local = _local_subject(token) if person and token.lower_ in ("him", "her") else None
    own = ctx.describe(local) if local is not None else None
    if own is not None and (found is None or _same_person(found, own)):
        # 'A rejected the deal, prompting B to accuse him': an object pronoun is never the subject of
        # its own clause; it is the subject of a clause above it, else the person named before
        found = _higher_subject(token, own, ctx) or _salient_antecedent(token, ctx, salient, person, other_than=own)
    if found is not None and found.country and token.i in quoted_tokens_of(token.doc):
        # '"we must counter them," the Chinese minister said': 'them' is not the speaker's side
        own = _quoting_speaker(token, ctx)
        if own is not None and own.country == found.country:
            return None
    return found


def _local_subject(token: Token) -> Token | None:
    """The subject of an object pronoun's own clause: its verb's subject, or for an infinitive with
    none ('prompting X to accuse him', 'X wants to meet him') the object, else the subject, of the
    verb it hangs on."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = _clause_subject(verb)
    if subject is None and verb.dep_ == "xcomp":
        above = list(verb.head.children)
        subject = next((c for c in above if c.dep_ == "dobj"), None) or next(
            (c for c in above if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _higher_subject(token: Token, own: Actor | None, ctx: ArticleContext) -> Actor | None:
    """The person who is the subject of another clause of the sentence, before an object pronoun
    ('A rejected the deal, prompting B to accuse him', 'after A ruled it out, B criticised him': A),
    the nearest first."""
    sent = token.sent
    for subject in reversed(sent[:token.i - sent.start]):
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ == "PRON":
            continue
        actor = ctx.describe(subject)
        if actor is not None and is_person(actor, subject) and (own is None or not _same_person(actor, own)):
            return actor.model_copy(update={"text": token.text})
    return None


def _same_person(a: Actor, b: Actor) -> bool:
    """The same person, named in full once and by surname once ('Jane Doe', 'Doe')."""
    if not a.name or not b.name:
        return False
    return a.name == b.name or a.name.split()[-1] == b.name.split()[-1]


def _quoted_about(token: Token, ctx: ArticleContext) -> Actor | None:
    """'"He killed our people," X said about Y': the one person a quotation's verb of saying is
    about ('about'/'of' a person) is its 'he' or 'she'; None when it names no person."""
    verb = _speech_verb_above(token)
    about = [p for prep in (verb.children if verb is not None else ()) if prep.dep_ == "prep"
             and prep.lower_ in ("about", "of") for p in prep.children if p.dep_ == "pobj"]
    if len(about) != 1:
        return None
    actor = ctx.describe(about[0])
    return actor if actor is not None and is_person(actor, about[0]) else None


def _quoting_speaker(token: Token, ctx: ArticleContext) -> Actor | None:
    """'"We must counter them," the foreign minister said': 'we' in a quotation is the side of the
    named speaker of the verb of saying it hangs on (None when the speaker is a pronoun or no one
    with a country)."""
    verb = _speech_verb_above(token)
    subject = _participle_speaker(verb) if verb is not None else None
    if subject is None or subject.pos_ == "PRON" or subject.lemma_.lower() in _ATTRIBUTION_NOUNS:
        return None
    actor = ctx.describe(subject)
    return actor if actor is not None and actor.country else None


def _participle_speaker(verb: Token) -> Token | None:
    """The subject of a verb of saying; for a participle with none ('X warned that ..., adding,
    "..."', 'X praised the deal, saying "..."') the subject of the clause it hangs on, past any
    clause that is itself what was said (the parse may hang 'adding' on the 'that' clause)."""
    subject = _clause_subject(verb)
    if subject is not None or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return subject
    node = verb.head
    for _ in range(3):
        subject = _clause_subject(node)
        if subject is not None and node.dep_ != "ccomp":
            return subject
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _clause_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _object_before(token: Token) -> Token | None:
    """'thanked Turkey and urged it to ...': an object pronoun is the object of the clause before."""
    if token.dep_ in ("dobj", "dative") and token.head.dep_ == "conj":
        return next((c for c in token.head.head.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
    return None


# Marks that end a dateline ('KYIV, May 27 -', 'Kyiv | May 27, 2025 –').
_DATELINE_MARKS = frozenset({"|", "-", "\u2013", "\u2014", ":"})


def _binding_subject(token: Token) -> Token | None:
    """'Moscow launched its invasion', 'the rebels resumed their offensive on the town': a group's
    possessive on its verb's object (or on the object of a preposition of that verb) stands for
    the verb's own subject, when that subject is a name that is not a person's ('the paramilitaries
    resumed their attacks' is left to the salient actors, which know whom such a noun stands for)."""
    if token.dep_ != "poss" or token.lower_ not in GROUP_POSSESSIVES:
        return None
    owner = token.head
    verb = owner.head if owner.dep_ in ("dobj", "pobj") else None
    if verb is not None and owner.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ == "PERSON":
        return None
    # 'Kyiv, Ukraine | May 27 - Russia unleashed its ...': a dateline the parse took for the subject
    between = subject.doc[subject.left_edge.i:verb.i]
    if any(t.is_space or t.text in _DATELINE_MARKS for t in between):
        return None
    return subject


def _speech_verb_above(token: Token) -> Token | None:
    """The verb of saying a pronoun's clause hangs on ('X claimed it targeted ...'), within four steps."""
    node = token.head
    lex = get_lexicon()
    for _ in range(4):
        if node.lemma_.lower() in lex.speech_verbs and node.i != token.head.i:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _pronoun_speaker(token: Token, ctx: ArticleContext, salient: Salient,
                     person: bool) -> Actor | None:
    """'X claimed it targeted ...': the pronoun under a verb of saying is its speaker, when both
    are persons or both are not; 'He said that they would ...' is the speaker's government."""
    verb = _speech_verb_above(token)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    if subject is None:
        return None
    if subject.lemma_.lower() in _ATTRIBUTION_NOUNS:
        # 'a source close to the group said they had destroyed 80': the group
        body = _attributed_body(subject)
        return ctx.describe(body) if body is not None and not person else None
    if subject.pos_ != "PRON":
        actor = ctx.describe(subject)
        speaker_is_person = is_person(actor, subject) if actor is not None else False
    elif subject.lower_ in PERSON_PRONOUNS and subject.i != token.i:
        actor = resolve_pronoun(subject, ctx, salient)
        speaker_is_person = True
    else:
        return None
    if actor is None:
        return None
    if speaker_is_person == person:
        return actor
    # '"... counter them," the minister said': in a quotation the speaker's side is 'we', 'they'
    # are others
    if speaker_is_person and token.lower_ in PLURAL_PRONOUNS and actor.country \
            and token.i not in quoted_tokens_of(token.doc):
        return state_actor(actor.country, token.text)
    return None


def _salient_antecedent(token: Token, ctx: ArticleContext, salient: Salient, person: bool,
                        other_than: Actor | None = None) -> Actor | None:
    """The last of the recent salient subjects that is a person (or not), as the pronoun is (and
    not `other_than`)."""
    for earlier, actor in islice(_salient_actors(ctx, salient), 8):
        if sentence_of(token.doc, earlier.i).start > token.i:
            continue
        if other_than is not None and _same_person(actor, other_than):
            continue
        if is_person(actor, earlier) == person:
            return actor.model_copy(update={"text": token.text})
    return None


def _salient_actors(ctx: ArticleContext, salient: Salient) -> Iterator[tuple[Token, Actor]]:
    """The salient subjects that name an actor with a country or a person, the last first, each
    with its actor (described as it is reached)."""
    for token in reversed(salient):
        actor = ctx.describe(token)
        if actor is not None and (actor.country or is_person(actor, token)):
            yield token, actor


def is_person(actor: Actor, token: Token) -> bool:
    """Whether the phrase names a person: a person's name in its own words (not in its clauses:
    'X, which says it acts after talks with Y' is X), unless it is an organisation the lexicon
    knows and the model took for a person ('Al Shabaab said')."""
    span, ent = phrase(token), words(token.doc).ent
    named = ent[token.i] == _PERSON or any(ent[i] == _PERSON for i in range(span.start, span.end))
    return named and lookup_organisation(text_of(span)) is None


def remember_subjects(sent: Span, ctx: ArticleContext, salient: Salient) -> None:
    """Add a sentence's subjects other than pronouns to the salient ones (found once per sentence
    per article; described only when a pronoun looks back to them, see _salient_actors)."""
    key = (sent.start, sent.end)
    if key not in ctx.subject_cache:
        table = words(sent.doc)
        dep, pos = table.dep, table.pos
        ctx.subject_cache[key] = [table.tokens[i] for i in range(sent.start, sent.end)
                                  if dep[i] in _SUBJECT_DEPS and pos[i] != PRON]
    salient.extend(ctx.subject_cache[key])


def actors_of(tokens: list[Token], ctx: ArticleContext, salient: Salient,
            keep_event_refs: bool = False) -> list[Actor]:
    out = []
    for token in tokens:
        split = split_adjective_coordination(token)
        if split:
            # each country's part is of the kind the phrase names ('French and Egyptian warships':
            # each navy, MIL; 'Ukrainian and Polish farmers': each country's people, CVL)
            whole = ctx.describe(token)
            sector = whole.sector if whole is not None and whole.sector not in (None, "IGO", "OTHER") else "GOV"
            for adjective in split:
                code = country_of(_entity_name(adjective))
                if code:
                    out.append(state_actor(code, text_of(phrase(token)), sector=sector))
            continue
        actor = actor_of(token, ctx, salient)
        if actor is not None and names_thing(token):
            actor = user_of(token, actor, ctx, salient)
        elif actor is not None and actor.country is None and actor.sector is None and _is_place_name(token, ctx):
            actor = None  # a town the model took for an organisation
        facility = facility_of(token, ctx) if actor is None or actor.country is None else None
        # a facility is where it is, not whose the sentence's last country word says (events.py
        # gives it the country of the event's place: locate_facility)
        actor = facility or (_speakers_own(token, actor, ctx) if _has_self_possessive(token)
                             else refer_back(token, actor, ctx))
        actor = _owned_body(token, actor, ctx, salient)
        if actor is not None and actor.country is None and _has_self_possessive(token):
            actor = None  # 'our teams' with no country the words or the speaker give: unknown
        if actor is None and _is_unknown_group(token, ctx):
            # 'thousands of students', 'traditional elders': who acted, as written, nothing guessed
            actor = Actor(text=text_of(phrase(token)), name=None, country=None, sector=None)
        if actor is not None:
            out.append(actor)
        elif keep_event_refs and token.lemma_.lower() in get_lexicon().nouns:
            out.append(Actor(text=text_of(phrase(token)), name=f"event:{token.i}", country=None, sector=None))
        elif keep_event_refs and (owner := _owner_of_thing(token, ctx, salient)) is not None:
            out.append(owner)
    return out


def _owner_of_thing(token: Token, ctx: ArticleContext, salient: Salient) -> Actor | None:
    """A target that names no one, only something someone holds ('froze the assets of X', "X's
    accounts"): the holder, when the phrase names one with a country or a sector."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return None
    for owner in _owners(token):
        if owner.pos_ == "PRON" or owner.lemma_.lower() in get_lexicon().nouns:
            continue
        found = actor_of(owner, ctx, salient)
        if found is not None and (found.country or found.sector):
            return found
    return None


def _owned_body(token: Token, actor: Actor | None, ctx: ArticleContext,
                salient: Salient) -> Actor | None:
    """'X said its forces took the town', "its army": a body of no country named by its owner's
    pronoun is that owner's (the pronoun read as any other), an armed group's body armed as it is."""
    if actor is None or actor.country is not None or actor.sector not in _COUNTRY_SECTORS:
        return actor
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES), None)
    found = resolve_pronoun(owner, ctx, salient) if owner is not None else None
    if found is None or not found.country:
        return actor
    sector = found.sector if found.sector == "REB" else actor.sector
    return actor.model_copy(update={"country": found.country, "sector": sector})


def names_thing(token: Token) -> bool:
    """Whether a phrase names a weapon, a defence or an effect rather than who acted ('Russian
    drones', 'its air defence systems', 'a fire'): its head with the nouns and adjectives before it."""
    words = [t.lemma_.lower() for t in token.subtree
             if t.i < token.i and t.dep in _THING_MODIFIER_DEPS and t.text != "-"] + [token.lemma_.lower()]
    return any(" ".join(words[i:j]) in _THING_NOUNS for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def user_of(token: Token, actor: Actor, ctx: ArticleContext, salient: Salient) -> Actor | None:
    """Who used a weapon or a defence named as the doer: its owner ('its air defence': what 'its'
    points to; "Ukraine's drones": Ukraine), else the group or the country its own words name
    ('an Islamic State car bomb': the group; 'Russian missiles': Russia), else unknown (None). The weapon itself
    is the event's weapon, not its actor."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:
        found = resolve_pronoun(owner, ctx, salient) if owner.pos_ == "PRON" else ctx.describe(owner)
        if found is not None and (found.country or owner.pos_ != "PRON"):
            return found.model_copy(update={"text": text_of(phrase(token))})
        if owner.pos_ == "PRON":
            return None
    if _is_named_body(actor):
        return actor  # 'an Islamic State car bomb': the group's, which has no country
    if not actor.country:
        return None
    return actor.model_copy(update={"name": country_name(actor.country)})


def _speakers_own(token: Token, actor: Actor | None, ctx: ArticleContext) -> Actor | None:
    """'"They shelled our towns," the minister said': what 'our' or 'my' owns is the speaker's,
    of the side of the named speaker of the verb of saying (as 'we' is: _quoting_speaker); with no
    such speaker of a known country it stays without one, never the country the sentence or the
    story names (the quotation is as often about the other side)."""
    if actor is None or actor.country is not None:
        return actor
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _SPEAKER_POSSESSIVES), None)
    speaker = _quoting_speaker(owner, ctx) if owner is not None else None
    return actor.model_copy(update={"country": speaker.country}) if speaker is not None else actor


# The possessives of the speaker's own side ('our towns', 'my government'); 'your' is the addressee's.
_SPEAKER_POSSESSIVES = frozenset({"our", "my"})


def _has_self_possessive(token: Token) -> bool:
    """'our teams', 'my government': the speaker's own, whom the phrase does not name."""
    return any(c.dep_ == "poss" and c.lower_ in SELF_PRONOUNS for c in token.children)


def refer_back(token: Token, actor: Actor | None, ctx: ArticleContext) -> Actor | None:
    """A common-noun phrase that names a kind of body but no country points back to one named
    before: 'the group', 'the militants' to the last armed group; 'the country' to the last
    country; 'the army', 'the government', 'the population' to the same role named earlier with
    its country, else to the country the sentence or the article is about (CONVENTIONS rule 8:
    every state body and its people have a country).

    Args:
        token: the head of the phrase; actor: what the phrase itself says (None: nothing).
    Returns:
        the actor with the country (and the sector of an armed group) of its antecedent, or as it was.
    """
    if actor is not None and actor.country is None and _of_unnamed_states(token):
        # 'the leaders of four European countries': several states, none named (a group of
        # countries has no one country, CONVENTIONS rule 8)
        return actor
    if actor is not None and actor.country is None and actor.sector in ("GOV", "MIL") and is_person(actor, token):
        # 'President X' with no country in the phrase, the article or data/office_holders.yaml:
        # the country the sentence or the article is about, as news writes a bare title.
        code = _home_country(token, ctx, actor)
        return actor.model_copy(update={"country": code}) if code else actor
    table = words(token.doc)
    if not _is_common_noun(token) or _is_named_body(actor):
        return actor  # (a named body has the country of its entry: none for the Islamic State)
    lemma = table.lemma[token.i]
    if actor is None:
        return _unnamed_body(token, ctx)
    if actor.country is not None:
        return actor
    if actor.sector not in _COUNTRY_SECTORS and lemma not in GROUP_NOUNS:
        return actor
    if _has_possessive_pronoun(token):
        # 'its troops' stands for the body 'its' points to: read with the salient actors (_owned_body)
        return actor
    owner = next((c for c in _owners(token) if c.lemma_.lower() in GROUP_NOUNS and _is_definite(c)), None)
    if owner is not None:
        # 'the group's spokesperson', 'the group's fighters', 'members of the group': the armed group's
        group = _last_group(owner, ctx)
        return actor.model_copy(update={"country": group.country, "sector": group.sector}) if group else actor
    if (lemma in GROUP_NOUNS or actor.sector == "REB") and _is_definite(token):
        # 'the group', 'the gang': a group named before, or one the article never names, which
        # fights where the story is (rule 8)
        group = _last_group(token, ctx)
        if group is None:
            code = _home_country(token, ctx, actor)
            return actor.model_copy(update={"country": code}) if code else actor
        return actor.model_copy(update={"name": group.name, "country": group.country, "sector": group.sector})
    return _undetermined_body(token, actor, ctx)


def _is_common_noun(token: Token) -> bool:
    """A common noun, not a name; also a role word that opens a sentence with its capital
    ('Regime airstrikes killed ...', 'Army units stormed ...'), which the model may tag as a
    name of its own or a proper noun: a sentence's first capital says nothing of a name."""
    table = words(token.doc)
    if table.pos[token.i] == NOUN and not table.ent[token.i]:
        return True
    sent = sentence_of(token.doc, token.i)
    first = next((table.tokens[i] for i in range(sent.start, sent.end)
                  if not table.punct[i] and not table.tokens[i].is_space), None)
    alone = not token.ent_type_ or (token.ent_iob_ == "B" and (
        token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"))
    return first is not None and first.i == token.i and token.is_title and alone and party_word(token)


def _undetermined_body(token: Token, actor: Actor, ctx: ArticleContext) -> Actor:
    """A body named with no 'the' and no country (see refer_back): members of the one armed group
    named before ('militants', 'a suicide bomber'), else one not named before ('a soldier'), else
    of the country the sentence or the article is about ('troops', 'authorities')."""
    group = _members_group(token, actor, ctx)
    if group is not None:
        return actor.model_copy(update={"name": group.name, "country": group.country, "sector": group.sector})
    if any(c.lower_ in INDEFINITE_ARTICLES for c in token.children) or actor.sector not in _COUNTRY_SECTORS:
        return actor  # 'a soldier': one not named before
    code = _home_country(token, ctx, actor)
    return actor.model_copy(update={"country": code}) if code else actor


def _owners(token: Token) -> list[Token]:
    """Who a phrase's head belongs to: its possessor ('the group's fighters') or the object of its
    'of' ('members of the group')."""
    return [c for c in token.children if c.dep_ == "poss"] + [
        p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children if p.dep_ == "pobj"]


def _of_unnamed_states(token: Token) -> bool:
    """'leaders of four large European countries', 'the armies of several states': a role held in
    more than one state, none of them named."""
    return any(p.dep_ == "pobj" and p.tag_ == "NNS" and p.lemma_.lower() in STATES_NOUNS
               for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children)


def _unnamed_body(token: Token, ctx: ArticleContext) -> Actor | None:
    """A definite noun the lexicon gives no actor: 'the country' is the last country named; 'the
    alliance', a group noun with no role of its own, the last armed group named (else unknown)."""
    lemma = token.lemma_.lower()
    if not _is_definite(token) or any(c.lower_ in PAIR_WORDS or c.like_num for c in token.children):
        return None  # 'the two countries' is both parties, read elsewhere
    if lemma in GROUP_NOUNS:
        group = _last_group(token, ctx)
        return group.model_copy(update={"text": text_of(phrase(token))}) if group else None
    if lemma not in STATE_NOUNS:
        return None
    code = _last_country(token)
    return state_actor(code, text_of(phrase(token))) if code else None


def _is_definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _entities_before(token: Token) -> Iterator[Span]:
    """The article's entities that end before the token, nearest first, within the window."""
    ents = [e for e in entities(token.doc) if e.end <= token.i]
    return reversed(ents[-_ANTECEDENT_WINDOW:])


def _last_country(token: Token) -> str | None:
    """The country named last before the token ('in Mali ... the country')."""
    for ent in _entities_before(token):
        if ent.label_ == "GPE" and (code := country_of(text_of(ent))):
            return code
    return None


def _has_possessive_pronoun(token: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES for c in token.children)









def _last_group(token: Token, ctx: ArticleContext) -> Actor | None:
    """The last armed group named before 'the group', 'the militants' (with a country, or one
    the lexicon knows: the Islamic State has none)."""
    return next(_groups_before(token, ctx), None)


def _members_group(token: Token, actor: Actor, ctx: ArticleContext) -> Actor | None:
    """'militants', 'a suicide bomber' (no word of their own says whose): the one armed group the
    article has named before them, whose members they are; None when it has named none or several."""
    if actor.sector != "REB" or not is_member_word(tuple((actor.name or "").lower().split()), token.lemma_.lower()):
        return None
    return _sole_group(token, ctx)


def _sole_group(token: Token, ctx: ArticleContext) -> Actor | None:
    """The armed group named before a bare 'militants', when the article has named only that one."""
    groups = {group.name: group for group in _groups_before(token, ctx)}
    return next(iter(groups.values())) if len(groups) == 1 else None


def _groups_before(token: Token, ctx: ArticleContext) -> Iterator[Actor]:
    """The armed groups named before the token, nearest first (see _last_group)."""
    for ent in _entities_before(token):
        if ent.label_ in ("ORG", "GPE", "NORP"):
            actor = ctx.describe(ent.root)
            if actor is not None and actor.sector == "REB" and (actor.country or _is_named_body(actor)):
                yield actor


def _is_named_body(actor: Actor | None) -> bool:
    """Whether an actor is read as an organisation the lexicon knows (its name is the entry's)."""
    if actor is None or not actor.name:
        return False
    found = lookup_organisation(actor.name)
    return found is not None and found.name == actor.name


def _home_country(token: Token, ctx: ArticleContext, actor: Actor) -> str | None:
    """The country of a state body or of people the phrase does not name: the same role named
    earlier with its country ('Myanmar's military ... the military'), else for people a country
    they are in ('people in Lebanon'), else the country named last in the sentence before the
    phrase, else the article's most named country. Where the phrase itself puts them comes
    first ('authorities in X and Y': X's country, not that of the drones the sentence names)."""
    placed = _placed_in(token, ctx)
    if placed is not None:
        return placed
    doc = token.doc
    table = words(doc)
    lemma_at, pos = table.lemma, table.pos
    lemma = lemma_at[token.i]
    for i in range(token.i - 1, max(0, token.i - _SAME_ROLE_WINDOW) - 1, -1):
        if lemma_at[i] == lemma and pos[i] == NOUN:
            found = ctx.describe(table.tokens[i])
            if found is not None and found.country and found.sector == actor.sector:
                return found.country
    sent = sentence_of(doc, token.i)
    if actor.sector == "CVL":
        located = [country_of(p.text) for t in tokens_of(sent) if t.dep_ == "prep" and t.lower_ == "in"
                   for p in t.children if p.dep_ == "pobj" and p.ent_type_ == "GPE"]
        if any(located):
            return next(code for code in located if code)
    for ent in _entities_before(token):
        if sentence_of(doc, ent.start).start != sent.start:
            break
        if ent.label_ in ("GPE", "NORP") and not _is_fused_modifier(ent) and not _is_agents_origin(ent, token) \
                and (code := _country_of_place(ent, ctx)):
            return code
    return ctx.home()


def _is_agents_origin(ent: Span, token: Token) -> bool:
    """A country word that says where the doer of the clause is from ('Moroccan diplomats met
    President X', 'was attacked by Burundian militiamen'): the doer's country, not the sentence's,
    so not the country of a party the doer acts on."""
    root = ent.root
    if root.dep_ not in MODIFIER_DEPS or root.head.i == token.i:
        return False
    doer = root.head
    if token.i in {t.i for t in doer.subtree}:
        return False
    return doer.dep_ == "nsubj" or (doer.dep_ == "pobj" and doer.head.dep_ == "agent")


_PLACING_PREPS = LOCATIVE_PREPS | {"of"}


def _placed_in(token: Token, ctx: ArticleContext) -> str | None:
    """The one country of the places a phrase's own 'in'/'at'/'of' phrase names ('authorities in X
    and Y', 'residents of villages in X', 'the town of X'); None when it names none or places of
    several countries."""
    doc = token.doc
    after = token.right_edge.i + 1
    # the parse may hang the phrase right after the noun on the verb ('prompting authorities in X')
    preps = [*token.children, *([doc[after]] if after < len(doc) and doc[after].head.i != token.i else [])]
    # 'the town of X', 'residents of X': the place the phrase is of places it too
    places = [p for prep in preps if prep.dep_ == "prep" and prep.lower_ in _PLACING_PREPS
              for pobj in prep.children if pobj.dep_ == "pobj" for p in (pobj, *pobj.conjuncts)
              if p.ent_type_ in ("GPE", "LOC")]
    codes = {code for p in places if (code := _country_of_place(_entity_at(p) or p.doc[p.i:p.i + 1], ctx))}
    return codes.pop() if len(codes) == 1 else None


def _entity_at(token: Token) -> Span | None:
    return next((e for e in ents_between(token.doc, token.i, token.i + 1) if e.start <= token.i < e.end), None)


def _is_fused_modifier(ent: Span) -> bool:
    """A country fused into a modifier ('China-brokered talks', 'US-led coalition') names a sponsor
    or a leader, not the country the sentence is about."""
    word = hyphened_word(ent.doc, ent.end)
    return word is not None and word.pos_ in ("VERB", "ADJ")


def story_countries(doc: Doc) -> list[str]:
    """The countries an article is about, the one it is most about first: those its country
    words and named bodies name (a body of a country: 'the army of X', an armed group; not the
    media, which report from anywhere), where a nationality word counts half (it names the other
    side as often: 'Russian missiles hit ...'); then a town named in it counts twice for its
    country (where things happen), the town read in the light of the country words. Ties: the
    country named first. Read once per article (new_context): place names are resolved against
    this order, and its first is the story's country (ArticleContext.home).
    """
    counts: dict[str, float] = {}
    towns: list[tuple[int, str]] = []
    first: dict[str, int] = {}
    for index, ent in enumerate(entities(doc)):
        if ent.label_ not in _HOME_WEIGHTS or _is_first_name(ent):
            continue
        code, weight = _named_country(ent)
        if code is not None:
            counts[code] = counts.get(code, 0.0) + weight
            first.setdefault(code, index)
        elif ent.label_ in ("GPE", "NORP"):
            towns.append((index, text_of(ent)))
    words = _ranked(counts, first)
    places = {name: _resolved(doc, name, words) for name in dict.fromkeys(name for _, name in towns)}
    for index, name in towns:
        place = places[name]
        if place is not None and place.country:
            counts[place.country] = counts.get(place.country, 0.0) + _TOWN_WEIGHT
            first[place.country] = min(first.get(place.country, index), index)
    return _ranked(counts, first)


def _ranked(counts: dict[str, float], first: dict[str, int]) -> list[str]:
    return sorted(counts, key=lambda code: (-counts[code], first[code]))


def _named_country(ent: Span) -> tuple[str | None, float]:
    """The country an entity names by a country word or a named body, and what it weighs."""
    code = country_of(text_of(ent))
    if code is not None:
        return code, _HOME_WEIGHTS[ent.label_]
    org = lookup_organisation(text_of(ent)) if ent.label_ == "ORG" else None
    if org is not None and org.country and org.sector != "MED":
        return org.country, 1.0
    return None, 0.0


def _is_first_name(ent: Span) -> bool:
    """A first name the model took for a place ('[Artem] Smith'): compounded into a proper noun."""
    root = ent.root
    return root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i == ent.end


def _country_of_place(ent: Span, ctx: ArticleContext) -> str | None:
    """The country a place name is or lies in ('Somalia', 'Somali', a Somali town)."""
    code = country_of(text_of(ent))
    return _town_country(text_of(ent), ctx) if code is None and ent.label_ == "GPE" else code


def _town_country(name: str, ctx: ArticleContext) -> str | None:
    """The country of a town the article names. Read apart from ctx.place, whose cache is the
    article's places as the event reader resolved them (it counts their cities)."""
    place = ctx.place_cache[name] if name in ctx.place_cache else _resolved(ctx.doc, name, ctx.countries)
    return place.country if place is not None else None


def _is_place_name(token: Token, ctx: ArticleContext) -> bool:
    place = ctx.place(text_of(phrase(token))) if token.pos_ == "PROPN" else None
    return place is not None and place.precision in ("city", "region")


def _is_unknown_group(token: Token, ctx: ArticleContext) -> bool:
    """A plural noun phrase of people the lexicons do not know ('thousands of students')."""
    if token.pos_ == "PRON" or names_thing(token) or token.lemma_.lower() in get_lexicon().nouns \
            or _has_self_possessive(token):
        return False
    # the head, or what it counts ('thousands of students', 'a crowd of protesters'); not a plural
    # further down ('the need for peace negotiations')
    members = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj"]
    people = [t for t in (token, *members) if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in WEAPON_NOUNS]
    return bool(people) and token.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") and token.ent_type_ not in (
        "GPE", "LOC", "FAC", "DATE", "MONEY", "PERCENT", "TIME")


def recent_pair(ctx: ArticleContext, sents: list[Span], index: int) -> tuple[Actor, Actor] | None:
    """The last two states named together ('between Russia and Ukraine') before a reciprocal."""
    for back in range(index, max(-1, index - 3), -1):
        tokens = [t for t in sents[back] if t.ent_type_ in ("GPE", "NORP") and t.conjuncts]
        for token in tokens:
            codes = [code for t in (token, *token.conjuncts) if (code := country_of(t.text))]
            if len(set(codes)) >= 2:
                a, b = codes[0], next(c for c in codes if c != codes[0])
                return state_actor(a, token.text), state_actor(b, token.text)
    return None


# Acts a state takes against one party in a row ('closed the border, cancelled visas given to X
# and expelled its diplomats'): a verb of the row that names no target acts on that party too.
_ROW_TYPES = frozenset({"SANCTION"})
RowAct = tuple[Token, str, "Actor | None", "Actor | None"]  # trigger, type, source, target


def row_target(trigger: Token, kind: str, source: Actor | None, others: list[RowAct]) -> Actor | None:
    """The state an untargeted act of a row of coordinated verbs is against: the one country of
    the targets its sibling verbs (same type, same source) name; None when they name none or
    several ('closed its airspace to X and suspended trade' -> X's state).

    Args:
        trigger: the act's trigger; kind, source: its type and source.
        others: (trigger, type, source, target) of the other acts of the sentence.
    """
    if kind not in _ROW_TYPES or source is None or trigger.pos_ != "VERB":
        return None
    row = {t.i for t in trigger.conjuncts}
    countries = {target.country for other, other_kind, other_source, target in others
                 if other.i in row and other_kind == kind and target is not None and target.country
                 and other_source is not None and same_party(source, other_source)}
    if len(countries) != 1:
        return None
    code = countries.pop()
    return state_actor(code)


def same_party(a: Actor, b: Actor) -> bool:
    if a.name and b.name and a.name == b.name:
        return True
    return False



def new_context(doc: Doc, published: date | None) -> ArticleContext:
    """The context of one parsed article."""
    return ArticleContext(doc=doc, published=published, countries=story_countries(doc),
                          persons=build_person_index(doc, published))


def sentence_times(sent: Span, ctx: ArticleContext) -> list[SentenceTime]:
    """The time expressions of a sentence: their span, resolved date, offset when anchored and the
    mention found (found once per sentence per article; events, claims and agreements all ask)."""
    key = (sent.start, sent.end)
    if key not in ctx.time_cache:
        ctx.time_cache[key] = _sentence_times(sent, ctx)
    return list(ctx.time_cache[key])


def _sentence_times(sent: Span, ctx: ArticleContext) -> list[SentenceTime]:
    out: list[SentenceTime] = []
    text = text_of(sent)
    founds = find_time_expressions(text)
    # relative words count from the story's day (read only for a sentence that tells a time: most tell none)
    reference = ctx.story_day() if founds else None
    for found in founds:
        span = sent.doc.char_span(sent.start_char + found.start, sent.start_char + found.end,
                                  alignment_mode="expand")
        if span is None:
            continue
        offset = parse_offset(found.text) if found.kind == "anchored" else None
        future = _is_future(span.root) or detect_future_tense(text, found.start)
        when = resolve_mention(found, reference, future=future, country=_country_before(span))
        out.append(SentenceTime(span, when, offset, found))
    if any(t.when.precision == "day" and text_of(t.span).lower() != "overnight" for t in out):
        # 'fired drones on Sunday, killing 12 overnight': the day named is the night's day
        out = [t for t in out if text_of(t.span).lower() != "overnight"]
    return out


def _country_before(span: Span) -> str | None:
    """The country a named day belongs to: "Ukraine's Independence Day", 'Polish Independence Day'."""
    doc = span.doc
    table = words(doc)  # (only the words of a country's or people's entity are made Tokens)
    kinds = (doc.vocab.strings["GPE"], doc.vocab.strings["NORP"])
    order = [*range(span.start - 1, max(span.start - 3, 0) - 1, -1), *range(span.start, span.end)]
    named = [table.tokens[i] for i in order if table.ent[i] in kinds]
    return first_country(named) if named else None


def first_country(tokens) -> str | None:
    """The ISO3 code of the first country or nationality word among `tokens` ('Ukrainian' -> UKR)."""
    for token in tokens:
        if token.ent_type_ in ("GPE", "NORP"):
            code = country_of(token.text)
            if code:
                return code
    return None


def _is_future(token: Token) -> bool:
    # up the head offsets of the doc's table, against the heads of its future auxiliaries (a
    # node's children would make a Token each)
    table = words(token.doc)
    heads = doc_memo(token.doc, "pw:context.future_heads", _future_heads)
    i = token.i
    for _ in range(6):
        if i in heads:
            return True
        if not table.head[i]:
            break
        i += table.head[i]
    return False


def _future_heads(doc: Doc) -> frozenset[int]:
    """The tokens a future auxiliary ('will', 'shall') hangs on."""
    table = words(doc)
    auxiliaries = (doc.to_array(DEP) == _AUX).nonzero()[0].tolist() if len(doc) else []  # (a few a doc)
    return frozenset(i + table.head[i] for i in auxiliaries if table.head[i] and table.lower[i] in FUTURE_AUXILIARIES)
