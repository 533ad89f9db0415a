"""Speech acts read from what a statement says, beside the verbs that name them: a quote that
condemns, a warning told as readiness or as a condition, blame, and a few event nouns (meetings,
pushes for peace, an agreement's start) told with their own circumstances (CONVENTIONS 3).

The readers add mentions to those of extract/mentions.py for one sentence; the article pass
(extract/events.py) makes them events like any other.

Each reader declares the words it looks for (a verb of labelling, a noun of responsibility...;
see _READERS). One pass over a sentence indexes the tokens that bear any reader's word by lemma
and lower-case form (`_words_of`); a reader is then called with only the tokens that bear one of its words (which it
tests as before), and not at all when the sentence has none, as most have.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Set

from spacy.tokens import Span, Token

from peacewatch.data.event_words import EventWords
from peacewatch.data.speech_words import SpeechWords
from peacewatch.extract.lexicon import Lexicon
from peacewatch.extract.mentions import (
    Mention,
    is_negated,
    owners_of,
    read_status,
    speaker_of,
    speech_verb_of,
    subjects_of,
    subtree_has_lemma,
)
from peacewatch.extract.quotes import quoted_tokens_of
from peacewatch.grammar import (
    ANCHOR_PREPS,
    CONDITION_MARKS,
    GROUP_LABELS,
    NOT_LABEL_DEPS,
    PARTNER_PREPS,
    PASSIVE_SUBJECTS,
    RELATIVE_OBJECTS,
    SEQUENCE_WORDS,
    SUBJECTS,
    UNLESS,
    VISITED_PREPS,
)
from peacewatch.nlp import children_of, doc_tokens, lemmas, lowers

__all__ = ["read_speech_acts"]

_SPEECH = SpeechWords.load()
_EVENT_WORDS = EventWords.load()
_ANCHOR_WORDS = ANCHOR_PREPS | SEQUENCE_WORDS
# Acts whose target a warning of the same author in the same sentence is aimed at.
_HOSTILE_TYPES = frozenset({"ACCUSE", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "REJECT"})


def read_speech_acts(sent: Span, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """The mentions of one sentence (`found`, from find_mentions) with the speech acts and event
    nouns this module reads added; a meeting noun that dates another act but is told with its own
    participle or partner is made an event of its own."""
    mentions = list(found)
    _tell_anchor_meetings(mentions)
    words = _words_of(sent, _reader_words(lex))
    present = words.keys()
    for reader, wanted in _readers_with_words(lex) if words else ():  # (most sentences bear no reader's word)
        if present.isdisjoint(wanted):
            continue  # (most readers, for most sentences)
        mentions.extend(reader(sent, lex, mentions, _bearing(words, wanted)))
    _aim_warnings(mentions, len(found))
    _aim_responses(mentions)
    return _without_readings_of_warnings(mentions, len(found))


def _reader_words(lex: Lexicon) -> frozenset[str]:
    """The words of all the readers, gathered once per lexicon."""
    return lex.gathered("speech.reader_words",
                        lambda lex: frozenset().union(*(words_read(lex) for _, words_read in _READERS)))


def _readers_with_words(lex: Lexicon) -> list[tuple[_Reader, Collection[str]]]:
    """Each reader with its words, gathered once per lexicon."""
    return lex.gathered("speech.readers_with_words",
                        lambda lex: [(reader, words_read(lex)) for reader, words_read in _READERS])


def _words_of(sent: Span, wanted: Set[str]) -> dict[str, list[Token]]:
    """The sentence's tokens whose lemma (lower case) or lower-case form is `wanted`, by that
    word, read in one pass over the doc's shared lists."""
    doc = sent.doc
    lemma, lower, tokens = lemmas(doc), lowers(doc), doc_tokens(doc)
    words: dict[str, list[Token]] = {}
    for i in [i for i in range(sent.start, sent.end) if lemma[i] in wanted or lower[i] in wanted]:
        if lemma[i] in wanted:
            words.setdefault(lemma[i], []).append(tokens[i])
        if lower[i] != lemma[i] and lower[i] in wanted:
            words.setdefault(lower[i], []).append(tokens[i])
    return words


def _bearing(words: dict[str, list[Token]], wanted: Collection[str]) -> list[Token]:
    """The tokens of `words` (see _words_of) whose lemma or lower-case form is `wanted`, in order."""
    found = words.keys() & wanted
    if not found:
        return []
    if len(found) == 1:  # (mostly: a word's tokens are listed once each, in order)
        return list(words[found.pop()])
    return sorted({t.i: t for word in found for t in words[word]}.values(), key=lambda t: t.i)


def _lemma(token: Token) -> str:
    """token.lemma_.lower() from the doc's shared lemma list (nlp.lemmas): the readers test every
    token of a sentence, each for its own words."""
    return lemmas(token.doc)[token.i]


def _taken(found: list[Mention], *types: str) -> set[int]:
    """Clause and trigger positions already read as one of `types`."""
    return {i for m in found if m.type in types for i in (m.clause.i, m.trigger.i)}


def _named(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.pos_ != "PRON"]


# ---------------------------------------------------------------- condemnations


def _quoted_condemnations(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'"Only cowards could do this," X said': quoted words of contempt are X's condemnation."""
    out: list[Mention] = []
    if _SPEECH.contempt_words.isdisjoint(lemmas(sent.doc)[sent.start:sent.end]):
        return out  # (most sentences hold no word of contempt)
    quoted = quoted_tokens_of(sent.doc)
    taken = _taken(found, "ACCUSE", "THREATEN")
    for verb in tokens:
        if verb.pos_ != "VERB" or _lemma(verb) not in lex.speech_verbs or verb.i in taken:
            continue
        # the innermost speaker: '"...," X said, a statement said' is X's
        for clause in (c for c in children_of(verb) if c.dep_ == "ccomp" and _lemma(c) not in lex.speech_verbs):
            if not subtree_has_lemma(clause, _SPEECH.contempt_words):
                continue  # (most clauses hold no word of contempt)
            words = [t for t in clause.subtree if t.i in quoted and _lemma(t) in _SPEECH.contempt_words]
            speakers = _named(subjects_of(verb)) or subjects_of(verb)
            if not words or not speakers or is_negated(clause):
                continue
            out.append(Mention(type="ACCUSE", mode=None, trigger=words[0], clause=verb, sent=sent,
                               sources=speakers[:1], source_is_speaker=True))
            taken.add(verb.i)
            break
    return out


def _labelled_wrongs(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X called the strike a war crime', 'X described the attack as barbaric': a label of wrongdoing
    or contempt given to an act or a party is X's condemnation of it (of an act: of its author)."""
    out = []
    taken = _taken(found, "ACCUSE")
    labels = _SPEECH.contempt_words | _SPEECH.label_words | lex.wrongdoing_nouns
    for verb in tokens:
        if _lemma(verb) not in _SPEECH.labelling_verbs or verb.pos_ != "VERB" or verb.i in taken:
            continue
        # 'what X called a massacre' labels an act told around it, not one of its own
        labelled = next((c for c in children_of(verb) if c.dep_ == "dobj" and _lemma(c) not in RELATIVE_OBJECTS), None)
        speakers = subjects_of(verb)
        if labelled is None or not speakers or read_status(verb, lex) != "occurred":
            continue
        if not any(_lemma(t) in labels for t in _label_of(verb, labelled)):
            continue
        trigger = lex.nouns.get(_lemma(labelled))
        owners = owners_of(labelled) if trigger is not None else None
        out.append(Mention(type="ACCUSE", mode=None, trigger=verb, clause=verb, sent=sent, sources=speakers[:1],
                           targets=owners or [labelled]))
    return out


def _label_of(verb: Token, labelled: Token) -> list[Token]:
    """The words a labelling verb gives its object: the head of its complement after the object
    ('a war crime', 'as barbaric', 'an act of terrorism'), or a quoted word the parser hung below the
    object ('called the attack on X "vile"'); not words deeper in it ('a response to the crimes of X')."""
    quoted = quoted_tokens_of(verb.doc)
    heads = [c for c in children_of(verb) if c.i > labelled.i and c.dep_ not in NOT_LABEL_DEPS]
    heads += [t for t in labelled.subtree if t.i > labelled.i and t.i in quoted and t.pos_ in ("ADJ", "NOUN")]
    # 'as barbaric': the parser hangs the label below 'as' as its object or its modifier
    heads = [p for h in heads for p in ([h] if h.dep_ != "prep" else [c for c in children_of(h) if c.dep_ != "punct"])]
    words = []
    for head in heads:
        words.append(head)
        for child in children_of(head):
            if child.dep_ in ("amod", "compound", "conj"):
                words.append(child)
            elif child.dep_ == "prep" and _lemma(child) == "of":  # 'an act of terrorism'
                words.extend(c for c in children_of(child) if c.dep_ == "pobj")
    return words


def _broken_commitments(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'Y stressed that X has broken its commitments': Y accuses X."""
    out = []
    taken = _taken(found, "ACCUSE")
    for verb in tokens:
        if _lemma(verb) not in _SPEECH.breaking_verbs or verb.pos_ != "VERB" or verb.i in taken:
            continue
        if not any(c.dep_ == "dobj" and _lemma(c) in _SPEECH.commitment_nouns for c in children_of(verb)):
            continue
        out.extend(_accusation(verb, subjects_of(verb), sent, lex))
    return out


def _blame(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'Y said X bears responsibility for the violence' / 'X is responsible for the deaths': Y
    blames X. What X answers for must be a harm (violence, an attack, a crime)."""
    out = []
    taken = _taken(found, "ACCUSE")
    for word in tokens:
        if _lemma(word) not in _SPEECH.responsibility_words or not _answers_for_harm(word, lex):
            continue
        head = word.head
        if word.dep_ == "dobj" and _lemma(head) in _SPEECH.bearing_verbs or word.dep_ in ("acomp", "attr"):
            if head.i not in taken and not is_negated(head):
                out.extend(_accusation(head, subjects_of(head), sent, lex))
                taken.add(head.i)
    return out


def _answers_for_harm(word: Token, lex: Lexicon) -> bool:
    for prep in children_of(word):
        if prep.dep_ != "prep" or _lemma(prep) != "for":
            continue
        for thing in (t for t in prep.subtree if t.dep_ in ("pobj", "conj")):
            lemma = _lemma(thing)
            trigger = lex.nouns.get(lemma)
            if lemma in _SPEECH.harm_nouns or lemma in lex.wrongdoing_nouns or (
                    trigger is not None and trigger.type in ("ASSAULT", "COERCE")):
                return True
    return False


def _accusation(clause: Token, accused: list[Token], sent: Span, lex: Lexicon) -> list[Mention]:
    """Y's accusation of the `accused` subjects of `clause`, Y the speaker of the clause."""
    speech = speech_verb_of(clause, lex)
    speaker = speaker_of(clause, lex)
    # 'X said they were responsible' may be X owning up: a pronoun is no one else for sure
    accused = [t for t in accused if t.pos_ != "PRON"]
    if speech is None or speaker is None or not accused or any(t.i == speaker.i for t in accused):
        return []
    return [Mention(type="ACCUSE", mode=None, trigger=clause, clause=speech, sent=sent, sources=[speaker],
                    targets=accused, source_is_speaker=True)]


def _aim_responses(mentions: list[Mention]) -> None:
    """'In response to X's disregard for the norms, Y expresses its condemnation': a condemnation
    or warning that names no one is aimed at the owner of what it responds to."""
    for mention in mentions:
        if mention.type not in ("ACCUSE", "THREATEN") or mention.targets or mention.reference:
            continue
        answered = [t for prep in children_of(mention.clause) if prep.dep_ == "prep" and _lemma(prep) == "in"
                    for noun in children_of(prep) if noun.dep_ == "pobj" and _lemma(noun) in _SPEECH.response_nouns
                    for to in children_of(noun) if to.dep_ == "prep" and _lemma(to) == "to"
                    for t in children_of(to) if t.dep_ == "pobj"]
        mention.targets = [o for t in answered for o in owners_of(t) or []]


def _recorded_violations(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'Monitors reported 300 Israeli violations': whoever records another's violations accuses it."""
    out = []
    taken = _taken(found, "ACCUSE")
    for noun in tokens:
        if _lemma(noun) not in _SPEECH.violation_nouns:
            continue
        phrase = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # 'dozens of'
        head = phrase.head
        if phrase.dep_ != "dobj" or _lemma(head) not in _SPEECH.recording_verbs or head.i in taken:
            continue
        owners = owners_of(noun) or [t for t in noun.lefts for t in t.subtree
                                   if t.ent_type_ in GROUP_LABELS and t.pos_ in ("ADJ", "PROPN")]
        reporters = subjects_of(head)
        if owners and reporters and read_status(head, lex) == "occurred":
            out.append(Mention(type="ACCUSE", mode=None, trigger=noun, clause=head, sent=sent,
                               sources=reporters[:1], targets=owners[:1]))
    return out


# ---------------------------------------------------------------- warnings


def _is_told(token: Token, lex: Lexicon) -> bool:
    """Said by someone: under a verb of saying, or in quoted words."""
    return speech_verb_of(token, lex) is not None or token.i in quoted_tokens_of(token.doc)


def _readiness_warnings(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X said its forces remain ready to defend the country / prepared for any scenario': a
    statement of readiness for force is a warning (THREATEN)."""
    out = []
    taken = _taken(found, "THREATEN")
    for word in tokens:
        if word.lower_ not in _SPEECH.readiness_words or word.pos_ not in ("ADJ", "VERB"):
            continue
        copula = _readiness_copula(word)
        if copula is None or copula.i in taken or not _readies_force(word) or not _is_told(copula, lex) \
                or is_negated(copula):
            continue
        out.append(Mention(type="THREATEN", mode=None, trigger=word, clause=copula, sent=sent,
                           sources=_warner(copula, lex)))
        taken.add(copula.i)
    return out


def _readiness_copula(word: Token) -> Token | None:
    """The verb that holds a readiness word: 'remain ready', 'remain capable and prepared' (also
    when the parser joins 'prepared' to the verb itself)."""
    node = word
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if _lemma(node) in _SPEECH.readiness_copulas and node.pos_ in ("VERB", "AUX"):
            return node
    if node.dep_ in ("acomp", "oprd") and _lemma(node.head) in _SPEECH.readiness_copulas:
        return node.head
    return None


def _warner(copula: Token, lex: Lexicon) -> list[Token]:
    """Who warns: the forces said to be ready, or the speaker when they are named only as its own
    ('X said its army remains ready': X)."""
    subjects = subjects_of(copula)
    own = any(t.pos_ == "PRON" for s in subjects for t in s.subtree if t.dep_ in ("poss", "nsubj", "nsubjpass"))
    speaker = speaker_of(copula, lex)
    return [speaker] if speaker is not None and (own or not subjects) else subjects


def _aim_warnings(mentions: list[Mention], first: int) -> None:
    """'X suspended trade with Y and said any attempt ... will be met with force': a warning read
    here that names no one is aimed at whoever its author's other hostile acts of the same
    sentence are aimed at (the first of them that names its target)."""
    for warning in mentions[first:]:
        if warning.type != "THREATEN" or warning.targets:
            continue
        authors = {t.i for t in warning.sources} | {t.i for t in subjects_of(warning.clause)}
        aimed = next((m.targets for m in mentions if m is not warning and not m.reference and m.targets
                      and m.type in _HOSTILE_TYPES and authors & {t.i for t in m.sources}), [])
        warning.targets = list(aimed)


def _readies_force(word: Token) -> bool:
    for child in children_of(word):
        if child.dep_ == "xcomp" and _lemma(child) in _SPEECH.defence_verbs:
            return True
        if child.dep_ == "prep" and _lemma(child) == "for" and any(
                _lemma(t) in _SPEECH.scenario_nouns for t in children_of(child) if t.dep_ == "pobj"):
            return True
    return False


def _without_readings_of_warnings(mentions: list[Mention], first: int) -> list[Mention]:
    """Without what a warning read here overrides: 'ready to defend', read as a warning, is no
    promise as well, and 'will be met with force' no meeting; a condemnation read here
    (mentions[first:]) by the author of a warning in the same sentence is part of that warning
    ('described the attack as terrorism and warned that it would respond': THREATEN only,
    CONVENTIONS 3)."""
    if all(m.type != "THREATEN" for m in mentions):
        return mentions  # (no warning, nothing it overrides: most sentences)
    warned = {m.trigger.i for m in mentions[first:] if m.type == "THREATEN"}
    warners = {t.i for m in mentions if m.type == "THREATEN" for t in m.sources}
    kept = []
    for index, mention in enumerate(mentions):
        if mention.type != "THREATEN" and mention.trigger.i in warned and (mention.mode == "promise"
                                                                           or not mention.is_noun):
            continue
        if index >= first and mention.type == "ACCUSE" and warners & {t.i for t in mention.sources}:
            continue
        kept.append(mention)
    return kept


def _future(verb: Token, lex: Lexicon) -> bool:
    return bool({c.lower_ for c in children_of(verb) if c.dep_ == "aux"}
                & (lex.future_auxiliaries | _EVENT_WORDS.conditional_modals))


def _conditional_harms(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'"If we are attacked, they will pay," X said', '"Y will pay a heavy price"': harm to another, told
    for the future under a hostile condition or as a price a named party will pay, is the speaker's
    warning against whoever will suffer it."""
    out = []
    taken = _taken(found, "THREATEN")
    for verb in tokens:
        if _lemma(verb) not in _SPEECH.harm_verbs or verb.pos_ != "VERB" or verb.i in taken:
            continue
        condition = any(c.dep_ == "advcl" and _is_hostile(c, lex) and any(
            m.dep_ == "mark" and _lemma(m) in CONDITION_MARKS | {UNLESS} for m in children_of(c))
            for c in children_of(verb))
        speaker = speaker_of(verb, lex)
        if not (condition or _priced(verb, speaker)) or not _future(verb, lex) or speaker is None \
                or is_negated(verb):
            continue
        out.append(Mention(type="THREATEN", mode=None, trigger=verb, clause=verb, sent=sent, sources=[speaker],
                           targets=_named(subjects_of(verb)), source_is_speaker=True))
    return out


def _priced(verb: Token, speaker: Token | None) -> bool:
    """'Y will pay a heavy price', 'Y will face consequences': a named party, not the speaker, told
    what it will pay."""
    subjects = subjects_of(verb)
    return speaker is not None \
        and any(c.dep_ == "dobj" and _lemma(c) in _SPEECH.price_nouns for c in children_of(verb)) \
        and any(s.ent_type_ in GROUP_LABELS and s.i != speaker.i for s in subjects)


def _is_hostile(clause: Token, lex: Lexicon) -> bool:
    """'if our citizens are targeted', 'if they attack us': a condition that is an act of force or
    pressure (not 'if the rains fail')."""
    trigger = lex.verbs.get(_lemma(clause))
    return (trigger is not None and trigger.type in lex.threat_types) or any(
        _lemma(t) in lex.force_words or (_lemma(t) in lex.nouns and lex.nouns[_lemma(t)].type in lex.threat_types)
        for t in clause.subtree)


def _treatment_warnings(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X said any attempt to divert the river will be considered an act of war / met with force':
    an act of the other side, announced to be answered as war or with force, is X's warning."""
    out = []
    taken = _taken(found, "THREATEN")
    force = lex.force_words | {"war"}
    for verb in tokens:
        if _lemma(verb) not in _SPEECH.treatment_verbs or verb.pos_ != "VERB" or verb.i in taken:
            continue
        if not any(c.dep_ == "auxpass" for c in children_of(verb)) or not _future(verb, lex):
            continue
        said = [t for c in children_of(verb) if c.dep_ not in SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"}
                for t in c.subtree]
        speaker = speaker_of(verb, lex)
        if speaker is None or not any(_lemma(t) in force for t in said) or is_negated(verb):
            continue
        out.append(Mention(type="THREATEN", mode=None, trigger=verb, clause=speech_verb_of(verb, lex) or verb,
                           sent=sent, sources=[speaker], source_is_speaker=True))
    return out


# ---------------------------------------------------------------- complaints


def _complaints(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X protested that Y had crossed the border', 'X protested to Y over the incident': a protest
    verb with what it says (a clause) or with whom it is lodged ('to') is X's complaint (ACCUSE),
    aimed at the one it is lodged with; the PROTEST read from the verb is retyped."""
    protests = {m.trigger.i: m for m in found if m.type == "PROTEST" and not m.is_noun}
    for verb in tokens:
        mention = protests.get(verb.i)
        if mention is None or _lemma(verb) not in _SPEECH.complaint_verbs:
            continue
        lodged = [p for prep in children_of(verb) if prep.dep_ == "prep" and prep.lower_ == "to"
                  for p in children_of(prep) if p.dep_ == "pobj" and p.ent_type_ in GROUP_LABELS]
        said = [c for c in children_of(verb) if c.dep_ == "ccomp"]
        if not lodged and not said:
            continue
        mention.type, mention.mode = "ACCUSE", None
        # 'protested that Bolivian troops had crossed': whoever the clause says did it
        mention.targets = mention.targets or lodged or [s for c in said for s in children_of(c) if s.dep_ in SUBJECTS]
    return []


# ---------------------------------------------------------------- refusals


def _refusals(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X will not accept the plan', 'said it would never recognise Y', 'will not negotiate with Y':
    acceptance refused for the future by its author is X's REJECT, aimed at the owner of what is
    refused or at the partner refused (the acceptance verbs of the mentions are left out of
    find_mentions as negated futures)."""
    out = []
    taken = _taken(found, "REJECT")
    for verb in tokens:
        if _lemma(verb) not in _SPEECH.acceptance_verbs or verb.pos_ != "VERB" or verb.i in taken:
            continue
        if not any(c.dep_ == "neg" for c in children_of(verb)) or not _future(verb, lex):
            continue
        if any(c.dep_ == "mark" and _lemma(c) in CONDITION_MARKS for c in children_of(verb)):
            continue  # 'if they come, we would not agree': a hypothetical
        sources = subjects_of(verb)
        if not sources:
            continue
        objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
        targets = [o for obj in objects for o in (owners_of(obj) or [])]
        targets += [p for prep in children_of(verb) if prep.dep_ == "prep" and _lemma(prep) in PARTNER_PREPS
                    for p in children_of(prep) if p.dep_ == "pobj"]
        if not targets and any(o.ent_type_ in GROUP_LABELS for o in objects):
            targets = objects  # 'will never recognise Y'
        out.append(Mention(type="REJECT", mode=None, trigger=verb, clause=speech_verb_of(verb, lex) or verb,
                           sent=sent, sources=sources, targets=targets))
    return out


# ---------------------------------------------------------------- event nouns


def _meeting_partners(noun: Token) -> list[Token]:
    return [p for prep in children_of(noun) if prep.dep_ == "prep" and _lemma(prep) in PARTNER_PREPS
            for p in children_of(prep) if p.dep_ == "pobj"]


def _hosts(noun: Token) -> list[Token] | None:
    """'a meeting chaired by X': X; None when the noun has no participle of hosting."""
    participles = [c for c in children_of(noun) if c.dep_ == "acl" and _lemma(c) in _SPEECH.hosting_verbs]
    if not participles:
        return None
    return [p for v in participles for a in children_of(v) if a.dep_ == "agent"
            for p in children_of(a) if p.dep_ == "pobj"]


def _is_anchor(noun: Token) -> bool:
    head = noun.head
    return _lemma(head) in _ANCHOR_WORDS and noun.dep_ in ("dobj", "pobj")


def _tell_anchor_meetings(mentions: list[Mention]) -> None:
    """'The announcements followed a meeting chaired by X', 'after lifting its veto following
    negotiations with Y': a meeting that dates another act is told for itself when it has its own
    host or partner, held by them (or the subject of the act it dates)."""
    for mention in mentions:
        noun = mention.trigger
        if not mention.reference or mention.type != "CONSULT" or not mention.is_noun or not _is_anchor(noun):
            continue
        hosts = _hosts(noun)
        partners = _meeting_partners(noun)
        if hosts is None and not partners:
            continue
        mention.reference = False
        mention.sources = mention.sources or hosts or owners_of(noun) or _nearest_subjects(noun)
        mention.targets = [t for t in mention.targets if t.i in {p.i for p in partners}] or partners


def _nearest_subjects(token: Token) -> list[Token]:
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        subjects = [c for c in children_of(node) if c.dep_ in SUBJECTS]
        if subjects:
            return subjects
    return []


def _postponed_meetings(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X postponed his visit to Y': a meeting or visit put off did not take place (CONSULT, negated)."""
    out = []
    for verb in tokens:
        if _lemma(verb) not in _SPEECH.postponing_verbs or verb.pos_ != "VERB" or read_status(verb, lex) is None:
            continue
        for noun in (c for c in children_of(verb) if c.dep_ in ("dobj", "nsubjpass")):
            trigger = lex.nouns.get(_lemma(noun))
            if trigger is None or trigger.type != "CONSULT":
                continue
            # 'postponed his visit to X', 'postponed his visit next week to X'
            targets = [p for prep in [*children_of(noun), *children_of(verb)] if prep.dep_ == "prep"
                       and _lemma(prep) in VISITED_PREPS for p in children_of(prep) if p.dep_ == "pobj"]
            sources = subjects_of(verb) if noun.dep_ == "dobj" else owners_of(noun) or []
            out.append(Mention(type="CONSULT", mode=trigger.mode, trigger=noun, clause=verb, sent=sent,
                               status="negated", sources=sources, targets=targets))
    return out


def _peace_pushes(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'a US push to end hostilities between X and Y': an effort to make others stop fighting is a
    request to each of them (REQUEST)."""
    out = []
    for noun in tokens:
        if _lemma(noun) not in _SPEECH.push_nouns or noun.pos_ != "NOUN" or noun.i + 2 >= sent.end:
            continue
        to, verb = noun.doc[noun.i + 1], noun.doc[noun.i + 2]
        if to.lower_ != "to" or verb.pos_ != "VERB" or _lemma(verb) not in _SPEECH.peacemaking_verbs:
            continue
        owners = owners_of(noun)
        asked = [p for obj in children_of(verb) if obj.dep_ == "dobj" for prep in children_of(obj)
                 if prep.dep_ == "prep" and _lemma(prep) == "between"
                 for p in prep.subtree if p.dep_ in ("pobj", "conj") and p.pos_ == "PROPN"]
        if owners and asked:
            out.append(Mention(type="REQUEST", mode=None, trigger=noun, clause=verb, sent=sent, sources=owners[:1],
                               targets=asked))
    return out


def _agreement_onsets(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'The truce between X and Y began on May 5' / 'took effect': the agreement, dated by its start."""
    out = []
    taken = _taken(found, "AGREE")
    for noun in tokens:
        if noun.dep_ != "nsubj" or _lemma(noun) not in _EVENT_WORDS.agreement_nouns or noun.i in taken:
            continue
        verb = noun.head
        completing = _SPEECH.onset_phrases.get(_lemma(verb), frozenset())
        starts = _lemma(verb) in _SPEECH.onset_verbs or any(
            _lemma(t) in completing for c in children_of(verb) if c.dep_ in ("dobj", "prt", "prep") for t in c.subtree)
        if not starts or read_status(verb, lex) != "occurred":
            continue
        parties = [p for prep in children_of(noun) if prep.dep_ == "prep" and _lemma(prep) == "between"
                   for p in prep.subtree if p.dep_ in ("pobj", "conj")]
        kind = next((t for t in [noun, *children_of(noun)] if _lemma(t) in ("ceasefire", "truce")), None)
        out.append(Mention(type="AGREE", mode="ceasefire" if kind is not None else None, trigger=noun, clause=verb,
                           sent=sent, parties=parties))
    return out


def _assurances_obtained(sent: Span, lex: Lexicon, found: list[Mention], tokens: list[Token]) -> list[Mention]:
    """'X withdrew its veto after obtaining guarantees from Y': Y's promise to X (AGREE)."""
    out = []
    taken = _taken(found, "AGREE")
    for noun in tokens:
        verb = noun.head
        if _lemma(noun) not in _SPEECH.assurance_nouns or noun.dep_ != "dobj" or noun.i in taken \
                or _lemma(verb) not in _SPEECH.obtaining_verbs or read_status(verb, lex) != "occurred":
            continue
        givers = [p for prep in [*children_of(noun), *children_of(verb)]
                  if prep.dep_ == "prep" and _lemma(prep) == "from"
                  for p in children_of(prep) if p.dep_ == "pobj"]
        if givers:
            out.append(Mention(type="AGREE", mode=None, trigger=noun, clause=verb, sent=sent, sources=givers[:1],
                               targets=subjects_of(verb)))
    return out


# Each reader with the words it looks for (a token's lemma or lower-case form; the trigger lexicon
# gives some): read_speech_acts calls it with the sentence's tokens that bear one of them, and not
# at all when there are none.
_Reader = Callable[[Span, Lexicon, list[Mention], list[Token]], list[Mention]]
_READERS: tuple[tuple[_Reader, Callable[[Lexicon], Collection[str]]], ...] = (
    (_quoted_condemnations, lambda lex: lex.speech_verbs),
    (_labelled_wrongs, lambda lex: _SPEECH.labelling_verbs),
    (_broken_commitments, lambda lex: _SPEECH.breaking_verbs),
    (_blame, lambda lex: _SPEECH.responsibility_words),
    (_recorded_violations, lambda lex: _SPEECH.violation_nouns),
    (_readiness_warnings, lambda lex: _SPEECH.readiness_words),
    (_conditional_harms, lambda lex: _SPEECH.harm_verbs),
    (_treatment_warnings, lambda lex: _SPEECH.treatment_verbs),
    (_postponed_meetings, lambda lex: _SPEECH.postponing_verbs),
    (_peace_pushes, lambda lex: _SPEECH.push_nouns),
    (_agreement_onsets, lambda lex: _EVENT_WORDS.agreement_nouns),
    (_assurances_obtained, lambda lex: _SPEECH.assurance_nouns),
    (_refusals, lambda lex: _SPEECH.acceptance_verbs),
    (_complaints, lambda lex: _SPEECH.complaint_verbs),
)
