"""Where an event happened, beyond the names the NER marks: a name with its owner ("Sindh's
Hyderabad"), a country's capital ("Mali's capital"), a site at a named place ('the X port',
"Y's Z International Airport"), a town the article introduced by name ('the town of X'), and the
place that coordinated verbs of one subject share ('stormed X, set fire to homes and ...').
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from peacewatch.data.lexicons import ActorFile
from peacewatch.extract.context import ArticleContext
from peacewatch.extract.countries import country_of
from peacewatch.extract.lexicon import get_lexicon
from peacewatch.extract.mentions import Mention
from peacewatch.grammar import (
    DEFINITE_ARTICLES,
    LIST_OPENERS,
    MEMBER_PREPS,
    PASSAGE_PREPS,
    PERSON_PLACE_PREPS,
    POSSESSIVE_ENDINGS,
    PROXIMITY_PREPS,
    hyphen_suffix,
    hyphened_word,
)
from peacewatch.nlp import doc_memo, sentence_of, span_sentence, text_of, tokens_within, words
from peacewatch.resolve.place import (
    anaphor_nouns,
    anaphor_precision,
    capital_place,
    country_place,
    is_capital,
    is_capital_noun,
    is_direction_word,
    lies_toward,
    may_end_site,
    site_endings,
    site_word,
    unlisted_town,
)
from peacewatch.schema import Actor, Place

__all__ = [
    "FORCE_TYPES",
    "adjective_sites",
    "based_party",
    "is_dateline",
    "names_no_scene",
    "borrowed_place",
    "direction_text",
    "refines_to",
    "is_anaphor",
    "departure_place",
    "last_named_place",
    "list_site",
    "listed_member",
    "is_hosted",
    "opens_sentence",
    "scene_of_named_act",
    "shares_verb_chain",
    "site_places",
    "situated_near",
    "span_place",
    "story_place",
    "takes_up_place",
    "trails_clause",
]

Located = tuple[Span, Place]
# how many words of a site's own name are read before its head ('Ben Gurion International Airport')
SITE_NAME_WORDS = 5
# sentences back in which the place of an act told without one is looked for
STORY_WINDOW = 3
# types of events that are statements: made where the speaker is, not where what they speak of happened
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT", "PROTEST"})
# acts of force, and the talks and visits whose place is where diplomats gather: a sentence that
# tells only talks or a visit ('The envoy is due in X, where he will hold talks') is about another
# happening than the fighting, and its place is not where a strike told next without a place
# happened. (Other kinds of act go on with any sentence's place: a hostage release and the attack
# the hostages were taken in, a summons and the meeting it sets up; the dev articles lose those
# places when every change of kind stops the story.)
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
TALKS_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# the anaphor kind that takes up a place of any precision ('the area', 'the scene')
ANY_PLACE = "place"
# the participle that says where a party is based ('a London-based group', 'based in X')
BASE_VERB = "base"
# most precise first
PRECISION_RANK = {"city": 0, "region": 1, "sea": 2, "country": 3, "continent": 4}
# the nouns of a settlement that, definite and bare, take up a town ('the town'; not 'the capital')
_SETTLEMENT_ANAPHORS = frozenset(noun for noun in anaphor_nouns("city") if not is_capital_noun(noun))


def _person_named_after(span: Span, place: Place) -> bool:
    """'called on Vladimir Putin': a person's name one of whose words is a town's name is a
    person (the gazetteer finds a place inside a longer name, as in 'University of X')."""
    if span.label_ != "PERSON":
        return False
    words = [t.text.lower() for t in span if not t.is_punct]
    return len(words) > 1 and (place.name or "").lower() in words


def span_place(span: Span, ctx: ArticleContext) -> Place | None:
    """The place a name span names: the gazetteer's entry; for "X's Y" the Y (a town within X);
    for a country owning a capital noun ("Mali's capital") its capital city; a town the article
    introduced by name ('the town of X') when no gazetteer holds it."""
    text = text_of(span)
    place = ctx.place(text)
    if place is not None and _person_named_after(span, place):
        return None
    if place is None:
        owned = _after_possessive(span)
        place = ctx.place(text_of(owned)) if owned is not None else None
    if place is None:
        place = _introduced(span.doc, ctx).get(text.lower())
    if place is not None and place.precision == "country" and place.country:
        root = span.root
        if root.dep_ == "poss" and is_capital_noun(root.head.lemma_):
            return capital_place(place.country, text) or place
    return place


def direction_text(span: Span) -> str:
    """The words of a place with the direction word that places something in a part of it
    ('southern Lebanon', 'northern and western Myanmar' -> 'western Myanmar')."""
    doc, before = span.doc, span.start - 1
    if before >= sentence_of(doc, span.start).start and doc[before].head.i == span.root.i \
            and doc[before].dep_ == "amod" and is_direction_word(doc[before].text):
        return text_of(doc[before:span.end])
    return text_of(span)


def refines_to(city: Place, country: Place) -> bool:
    """Whether a city may stand for a country an act was told at: any of its cities for the
    whole country, only one in that part for a part ('southern X': not a city in its north)."""
    words = (country.text or "").split()
    if len(words) > 1 and is_direction_word(words[0]):
        return lies_toward(city, country, words[0])
    return True


def _after_possessive(span: Span) -> Span | None:
    """"Sindh's Hyderabad" -> 'Hyderabad' (a name the NER read as one with its owner)."""
    marks = [t.i for t in span if t.lower_ in POSSESSIVE_ENDINGS]
    if not marks or marks[-1] + 1 >= span.end:
        return None
    return span.doc[marks[-1] + 1:span.end]


def _introduced(doc: Doc, ctx: ArticleContext) -> dict[str, Place]:
    """Towns the article introduces by name that no gazetteer holds ('the southern town of X'),
    by their lowercased name: a later bare 'X' is the same town."""
    return {p.name.lower(): p for _, _, p, listed in _introductions(doc, ctx) if p.name and not listed}


def _introductions(doc: Doc, ctx: ArticleContext) -> list[tuple[int, str, Place, bool]]:
    """(token index, settlement noun, place, in the gazetteer) of each 'the <noun> of <Name>'."""
    return doc_memo(doc, "peacewatch_introduced_towns", lambda d: _find_introductions(d, ctx))


def _find_introductions(doc: Doc, ctx: ArticleContext) -> list[tuple[int, str, Place, bool]]:
    out = []
    table = words(doc)  # (a Token is made only for a proper noun after 'of')
    pobj = doc.vocab.strings["pobj"]
    for i, (pos, dep) in enumerate(zip(table.pos, table.dep, strict=True)):
        if pos != PROPN or dep != pobj or table.lower[i + table.head[i]] != "of":
            continue
        token = table.tokens[i]
        name = _proper_name(token)
        noun = token.head.head.lemma_.lower()
        town = unlisted_town(text_of(name), noun)
        if town is None:
            continue
        listed = ctx.place(text_of(name))
        if listed is not None and listed.precision == "city":
            out.append((name.start, noun, listed, True))
        elif listed is None:
            # 'the Somali town of X': the adjective gives the town's country
            country = next((c for c in (country_of(a.text) for a in token.head.head.children
                                        if a.dep_ in ("amod", "compound")) if c), None)
            out.append((name.start, noun, town.model_copy(update={"country": country}), False))
    return out


def _proper_name(token: Token) -> Span:
    """A proper noun with the proper nouns compounded before it ('Ras Kamboni')."""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound" \
            and token.doc[start - 1].head.i >= token.i - SITE_NAME_WORDS:
        start -= 1
    return token.doc[start:token.i + 1]


def last_named_place(doc: Doc, before: int, precision: str, ctx: ArticleContext,
                     ents: Iterable[Span]) -> Place | None:
    """The place of a kind ('city', 'region', 'country') an anaphor at `before` takes up: the
    last settlement introduced with the same noun ('the town of X' ... 'the town'), else the
    last named among `ents` or introduced by name, whichever came last ('north of Y' names a
    reference point after X, not the town taken up)."""
    noun = doc[before].lemma_.lower() if before < len(doc) else ""
    if is_capital_noun(noun):
        # 'the Ukrainian capital': the adjective's country's capital
        owner = next((c for c in (country_of(a.text) for a in doc[before].children if a.dep_ == "amod") if c), None)
        return capital_place(owner) if owner is not None else _last_capital(before, ctx, ents)
    if precision == "city":
        same = [p for i, kind, p, _ in _introductions(doc, ctx) if i < before and kind == noun]
        if same:
            return same[-1]
    found: list[tuple[int, Place]] = []
    for ent in ents:
        if ent.end <= before:
            place = ctx.place(text_of(ent))
            if place is not None and precision in (place.precision, ANY_PLACE):
                found.append((ent.start, place))
    if precision in ("city", ANY_PLACE):
        found.extend((i, p) for i, _, p, _ in _introductions(doc, ctx) if i < before)
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _last_capital(before: int, ctx: ArticleContext, ents: Iterable[Span]) -> Place | None:
    """'near the capital': the last capital city named before, or the capital of the last
    country named, whichever came last (not the last town of any kind: 'X and Y, near the capital')."""
    found: list[tuple[int, Place]] = []
    for ent in ents:
        place = ctx.place(text_of(ent)) if ent.end <= before else None
        if place is not None and is_capital(place):
            found.append((ent.start, place))
        elif place is not None and place.precision == "country" and place.country:
            capital = capital_place(place.country)
            if capital is not None:
                found.append((ent.start, capital))
    return max(found, key=lambda pair: pair[0])[1] if found else None


def site_places(sent: Span, ctx: ArticleContext, seen: set[int],
                is_locative: Callable[[Token], bool]) -> list[Located]:
    """Sites where something happens: a site noun ('port', 'airport', 'crossing', 'prison') with
    a name of its own ("Israel's Ben Gurion International Airport", 'Ofer Military Prison') or
    at a named place ('the X port', 'the port of X'). A site at a town is placed at the town's
    point; a named site elsewhere has its name and country only (the text gives no point)."""
    out = []
    nouns = _site_nouns(sent.doc)
    for token in tokens_within(nouns.sites, sent):
        if token.i in seen or not (is_locative(token) or _passed_through(token)):
            continue
        if any(t.i in seen for t in token.subtree if not _is_owner(t, token)):
            continue  # 'the port of X', 'the X port': X is already the place
        place = _site(token, ctx)
        if place is not None:
            span = sent.doc[min(c.i for c in token.subtree if c.i <= token.i):token.i + 1]
            seen.update(range(span.start, span.end))
            out.append((span, place.model_copy(update={"text": text_of(span)})))
    return out


def site_of_noun(noun: Token) -> str | None:
    """The site word a noun with its compounded nouns is ('air bases' -> 'air base'), or None."""
    if not may_end_site(noun.text):
        return None  # its compounds need not be read
    words = [c.text for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return site_word([*words, noun.text])


def list_site(first: Token) -> str | None:
    """The kind of site a list of names names ('the targeted air bases include A, B and C', 'the
    A and B camps', 'airports such as A and B'): each name is a site of that kind, or None."""
    node = first
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    head = node.head
    if node.dep_ in ("compound", "nmod", "appos"):
        owner: Token | None = head
    elif node.dep_ == "dobj" and head.lemma_.lower() in LIST_OPENERS:
        owner = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif node.dep_ == "pobj" and head.lower_ in LIST_OPENERS:
        owner = head.head
    else:
        owner = None
    return site_of_noun(owner) if owner is not None and owner.pos_ == "NOUN" else None


def adjective_sites(sent: Span, seen: set[int], is_locative: Callable[[Token], bool]) -> list[Located]:
    """'targeting Russian air bases', 'in Ukrainian cities': sites or settlements that a country's
    adjective places, with no name of their own, are in that country."""
    out = []
    nouns = _site_nouns(sent.doc)
    for token in tokens_within(nouns.settled, sent):
        if token.i in seen:
            continue
        if any(t.pos_ == "PROPN" for t in token.subtree) or not (is_locative(token) or _passed_through(token)):
            continue
        adjectives = [c for c in token.children if c.dep_ == "amod" and c.i < token.i and country_of(c.text)]
        countries = {country_of(a.text) for a in adjectives}
        if len(countries) != 1:
            continue
        words = sent.doc[adjectives[0].i:token.i + 1]
        place = country_place(countries.pop() or "", text_of(words))
        if place is not None:
            seen.update(range(words.start, words.end))
            out.append((words, place))
    return out


@dataclass(frozen=True)
class _SiteNouns:
    """The head nouns of a doc that may be sites or settlements, each list in doc order, found in
    one pass over the doc (most sentences hold none): a reader visits these, not every token."""

    sites: list[int]  # a noun or proper noun, no compound, that is a site word ('air base')
    settled: list[int]  # a noun, no compound, that is a site word or a settlement ('cities')


def _site_nouns(doc: Doc) -> _SiteNouns:
    return doc_memo(doc, "pw_site_nouns", _find_site_nouns)


def _find_site_nouns(doc: Doc) -> _SiteNouns:
    # read from the doc's table of words: only the words that may end a site word or name a
    # settlement (few in a doc) are looked at further
    table = words(doc)
    found = _SiteNouns([], [])
    compound = doc.vocab.strings["compound"]
    endings = site_endings()
    for i, (lower, lemma) in enumerate(zip(table.lower, table.lemma, strict=True)):
        if lower not in endings and lemma not in _SETTLEMENT_ANAPHORS:
            continue
        pos = table.pos[i]
        if pos not in (NOUN, PROPN) or table.dep[i] == compound:
            continue
        site = lower in endings and site_of_noun(table.tokens[i]) is not None
        if site:
            found.sites.append(i)
        if pos == NOUN and (site or lemma in _SETTLEMENT_ANAPHORS):
            found.settled.append(i)
    return found


def _is_owner(token: Token, head: Token) -> bool:
    """"Kenya's" in "Kenya's X Airport": the owner of a site, not its place."""
    node = token
    while node.head.i != node.i and node.i != head.i:
        if node.dep_ == "poss" and node.head.i == head.i:
            return True
        node = node.head
    return False


def _passed_through(token: Token) -> bool:
    """'through the X crossing', 'within the perimeter of the X airport'."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head
    return node.dep_ == "pobj" and node.head.lower_ in PASSAGE_PREPS


def _site(head: Token, ctx: ArticleContext) -> Place | None:
    """The place of a site noun: its own name's words, its owner or its 'of'/'in' object."""
    words = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")]
    names = [w for w in words if w.pos_ == "PROPN"]
    anchors: list[Place] = []
    if names:
        town = ctx.place(text_of(head.doc[names[0].i:names[-1].i + 1]))
        if town is not None:
            anchors.append(town)
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            anchors.extend(p for p in [ctx.place(text_of(_proper_name(child)))] if p is not None)
        elif child.dep_ == "prep" and child.lower_ in ("of", "in"):
            anchors.extend(p for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                           for p in [ctx.place(text_of(_proper_name(o)))] if p is not None)
    town = next((p for p in anchors if p.precision == "city" and p.lat is not None), None)
    own = " ".join(t.text for t in head.doc[words[0].i:head.i + 1]) if words else head.text
    if town is not None:
        # 'the X port' is the town's port; 'the Y prison of X' keeps its own name, at the town
        named_by_town = bool(names) and town is anchors[0] and len(names) == len(words)
        return town.model_copy(update={"name": f"{town.name} {head.text}" if named_by_town or not names
                                       else f"{own} ({town.name})"})
    if not names:
        return None
    country = next((p.country for p in anchors if p.country), None)
    return Place(name=own, country=country, precision="city")


def is_hosted(token: Token, mention: Mention) -> bool:
    """Whether a place token lies in the object of the mention's verb that tells its act by a
    noun ('launched airstrikes on X', 'carried out a series of raids in X')."""
    node, path = token, 0
    while path < 8 and node.head.i != node.i and node.head.i != mention.trigger.i:
        node, path = node.head, path + 1
    if node.head.i != mention.trigger.i or node.dep_ != "dobj" or mention.trigger.pos_ != "VERB":
        return False
    act = node
    if act.lemma_.lower() not in get_lexicon().nouns:
        # 'a series of airstrikes', 'a wave of attacks'
        act = next((o for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"), node)
    told = get_lexicon().nouns.get(act.lemma_.lower())
    return told is not None and told.type == mention.type and act.i < token.i


def takes_up_place(noun: Token) -> bool:
    """'the city', 'the Ukrainian capital', 'this district': a definite noun of a kind or part of
    place with no name or owner of its own ('the city of X', "Mali's capital", 'the Gaza city'),
    taking up a place the article named before. The one test of a place anaphor: the place
    finder resolves it (anaphor_precision), the merger reads it as a strike told again."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (anaphor_precision(lemma) is None and lemma not in get_lexicon().place_nouns):
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in noun.children):
        return False
    if any(t.pos_ == "PROPN" for t in noun.subtree):
        return False
    return not any(c.dep_ in ("compound", "poss", "nmod", "appos") or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in noun.children)


def is_anaphor(span: Span) -> bool:
    """'the town', 'the southern city': a place noun that takes up a place named before."""
    return span.root.pos_ == "NOUN" and anaphor_precision(span.root.lemma_) is not None \
        and not any(t.pos_ == "PROPN" for t in span)


def borrowed_place(places: Sequence[Place]) -> Place | None:
    """The most precise of the places an event borrowed from around it (town before region
    before country; the first told among equals)."""
    if not places:
        return None
    return min(places, key=lambda p: PRECISION_RANK.get(p.precision or "", len(PRECISION_RANK)))


def placed_within(places: list[Located]) -> list[Located]:
    """'the village of X in Y province', 'X, Y province': a settlement no gazetteer holds lies in the
    place named as holding it; it takes that place's country and first-level region (its point
    stays unknown: the text gives none), and the holder is no second place of the sentence."""
    out = list(places)
    for holder_span, holder in places:
        root = holder_span.root
        if not holder.country:
            continue
        # the word 'in Y' or ', Y' hangs on: X itself, or the noun that names it ('village')
        if root.dep_ == "pobj" and root.head.lower_ == "in":
            held = root.head.head
        elif root.dep_ == "appos":
            held = root.head
        else:
            continue
        for i, (span, place) in enumerate(out):
            names_it = span.start <= held.i < span.end or (
                span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and span.root.head.head.i == held.i)
            # (a town the text gives only a country, 'the Syrian town of X', is no better placed)
            unplaced = place.admin1 is None and place.lat is None and place.country in (None, holder.country)
            if unplaced and span is not holder_span and names_it:
                out[i] = (span, place.model_copy(update={"country": holder.country, "admin1": holder.admin1}))
                out = [pair for pair in out if pair[0] is not holder_span]
                break
    return out


def situated_near(places: list[Located]) -> list[Located]:
    """'the village of X near Y', 'in X, near Y', 'the town of X outside Y': a town told with the
    place beside it that situates it happened in the town; Y is no second scene, however the parse
    hangs 'near' (on X, on its settlement noun or on the verb after X). A town no gazetteer holds
    takes Y's country and first-level region (what names a town by the place beside it names one of
    its region; its point stays unknown). A town told only 'near Y' keeps Y, whose precision it
    has at best; a country or region before 'near Y' ('in northern X near Y') keeps Y too."""
    out = list(places)
    for near_span, near in places:
        root = near_span.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in PROXIMITY_PREPS:
            continue
        doc = near_span.doc
        for i, (span, place) in enumerate(out):
            if span is near_span or place.precision != "city" or span.end > prep.i:
                continue
            between = doc[span.end:prep.i]
            if not (all(t.is_punct for t in between) or _phrase_holds(span, prep.head)):
                continue
            if place.country is None and near.country:
                region = near.admin1 if near.precision in ("city", "region") else None
                out[i] = (span, place.model_copy(update={"country": near.country, "admin1": region}))
            out = [pair for pair in out if pair[0] is not near_span]
            break
    return out


def _phrase_holds(span: Span, token: Token) -> bool:
    """Whether a token is the place's name or the noun it names ('the village' of 'the village of X')."""
    root = span.root
    return span.start <= token.i < span.end or (
        root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == token.i)


def story_place(index: int, places_by_sentence: Sequence[Sequence[tuple[Place, bool]]], kind: str,
                source: Actor | None, acts_by_sentence: Sequence[frozenset[str]] = ()) -> Place | None:
    """Where an act told with no place of its own happened: the place the last few sentences
    before it name (the story goes on where it was; each place with whether it names a party's
    base or a dateline abroad, `names_no_scene`, which places no act of force: 'a London-based
    monitor said'). A
    statement of a state speaks from that place only when it is the state's own ('France
    condemned the attack on X' was not said in X); an act of force is not where talks or a visit
    were (`acts_by_sentence`, the types each sentence tells: 'The envoy is due in X.' does not
    place a strike told after it in X): it looks past them."""
    for back in range(1, STORY_WINDOW + 1):
        named = [] if index - back < 0 else [
            p for p, base in places_by_sentence[index - back] if not (base and kind in FORCE_TYPES)]
        if named:
            place = borrowed_place(named)
            foreign = source is not None and source.country and place is not None and place.country != source.country
            if kind in STATEMENT_TYPES:
                return None if foreign else place
            told = acts_by_sentence[index - back] if index - back < len(acts_by_sentence) else frozenset()
            if kind in FORCE_TYPES and told and told <= TALKS_TYPES:
                continue  # the story of the strike goes on from before the talks
            return place
    return None


def listed_member(token: Token, is_locative: Callable[[Token], bool]) -> bool:
    """'retook key towns, including X': a member of a noun that stands where a place stands."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in MEMBER_PREPS and is_locative(node.head.head)


# '<X>-based': the participles after a hyphen that name where a body is, not a party of it.
_PLACE_SUFFIXES = frozenset(w.lower() for w in ActorFile.load().place_suffixes)


def hyphen_party(token: Token) -> bool:
    """'US-led strikes', 'Iran-backed fighters', 'a Kyiv-bound train': a name joined by a hyphen to
    a participle that modifies a noun names a party of that noun (who leads or backs it) or its
    goal, not where anything happens. ('Islamabad-based diplomats' are where they are based, which
    is where they meet: data/actors.yaml place_suffixes.)"""
    head = token.head
    if token.dep_ != "npadvmod" or head.tag_ not in ("VBN", "VBD"):
        return False
    after = token.right_edge.i + 1
    word = hyphened_word(token.doc, after)
    return word is not None and word.i == head.i and hyphen_suffix(token.doc, after) not in _PLACE_SUFFIXES


def based_party(token: Token) -> Token | None:
    """'a Britain-based monitor said', 'the group, based in London, said': the noun whose base a
    place names. Where a party is based is where it acts from (a briefing of 'X-based diplomats',
    'the X-based talks'), not where what it reports happened; None for a place that names no base."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in PERSON_PLACE_PREPS:
        node = node.head  # 'based in X'
    elif node.dep_ != "npadvmod":  # 'X-based'
        return None
    participle = node.head
    if participle.tag_ != "VBN" or participle.lemma_.lower() != BASE_VERB or participle.dep_ not in ("amod", "acl"):
        return None
    return participle.head


# the fewest letters of a name in capitals read as a dateline ('MOSCOW'; 'US' is an abbreviation)
DATELINE_LETTERS = 4


def is_dateline(span: Span) -> bool:
    """'WASHINGTON (Reuters) -', 'MOSCOW (Sputnik) The ministry said': a place named in capitals,
    as a dateline gives where the story was filed from; a name in capitals is no place of the
    story's prose, whose names are capitalised, not written in capitals."""
    words = [t.text for t in span if t.is_alpha]
    return bool(words) and all(w.isupper() for w in words) and sum(map(len, words)) >= DATELINE_LETTERS


def names_no_scene(span: Span, place: Place, home: str | None) -> bool:
    """Whether a place names where a party is rather than where an act of force happened: a
    party's base ('a London-based monitor said', based_party) or a dateline at the capital of a
    country other than the one the story is about (`home`): the reporter's desk, often at the seat
    of a party to the war ('MOSCOW (Sputnik) Russian jets struck ...'). A dateline in the story's
    own country is often the scene itself."""
    if based_party(span.root) is not None:
        return True
    return (home is not None and place.country is not None and place.country != home and is_capital(place)
            and is_dateline(span))


def departure_place(token: Token) -> bool:
    """'withdraw from X', 'pulled out of X', 'fled the town': the place a withdrawal leaves is its place."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "dobj":
        left = get_lexicon().verbs.get(node.head.lemma_.lower())
        return left is not None and left.type == "RETREAT"
    if node.dep_ != "pobj" or node.head.lower_ not in ("from", "of"):
        return False
    verb = node.head.head
    if node.head.lower_ == "of" and verb.lower_ == "out":
        verb = verb.head
    trigger = get_lexicon().verbs.get(verb.lemma_.lower())
    return trigger is not None and trigger.type == "RETREAT"


def trails_clause(span: Span, mention: Mention) -> bool:
    """'After X released hostages, in the city of Y, Z began ...': a place the parse hangs on the
    main verb but told right after a fronted clause, before the main subject, is that clause's."""
    clause = mention.clause
    prep = span.root.head
    while not (prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX")) and prep.head.i != prep.i:
        prep = prep.head  # up through 'the city of Y' to the phrase on a verb
    verb = prep.head
    if prep.dep_ != "prep" or clause.dep_ != "advcl" or clause.head.i != verb.i or prep.i < clause.i:
        return False
    between = span.doc[clause.right_edge.i + 1:prep.i]
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(t.is_punct for t in between) and bool(subjects) and all(i > span.end for i in subjects)


def opens_sentence(span: Span) -> bool:
    """'In X, explosions were reported, forcing troops into high alert': a place phrase that opens
    its sentence, on the sentence's main verb, sets the scene of every act the sentence tells."""
    prep = span.root.head
    while not (prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX")) and prep.head.i != prep.i:
        prep = prep.head  # up through 'the city of X' to the phrase on a verb
    sent = span_sentence(span)
    opener = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return prep.dep_ == "prep" and opener is not None and opener.i == prep.i and prep.head.i == sent.root.i


def scene_of_named_act(owner: Mention | object | None, kind: str) -> bool:
    """'took credit for the attack in X and said the soldiers had fled': the place of an act the
    sentence names by a noun is the scene of the other acts it tells, but not of a statement or of a
    sanction, made from afar ('cancelled his visit to X', 'imposed sanctions over the raid in X')."""
    return isinstance(owner, Mention) and owner.reference and kind not in STATEMENT_TYPES and kind != "SANCTION"


def shares_verb_chain(owner: Mention | object | None, mention: Mention) -> bool:
    """Whether a place's owner is a verb coordinated with the mention's ('stormed X, set fire to
    homes and raided the prison'): coordinated acts of one subject share its place."""
    if not isinstance(owner, Mention) or owner is mention or owner.reference:
        return False
    return _chain_root(owner.clause).i == _chain_root(mention.clause).i and owner.clause.pos_ == "VERB"


def _chain_root(token: Token) -> Token:
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node
