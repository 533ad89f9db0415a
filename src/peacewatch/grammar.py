"""English grammar the readers share: dependency labels, parts of speech and function words
(prepositions, determiners). Words that carry meaning (triggers, roles, cues) are data, under
data/; what is here is closed-class and belongs to the language, not to a domain."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# --- shared by every reader ------------------------------------------------------------------

# Dependents that are not part of an actor's noun phrase.
CUT_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj", "punct", "parataxis", "ccomp", "dep"})
# Prepositions that introduce members of a group ('armed groups, including Hamas').
MEMBER_PREPS = frozenset({"including", "like"})


# --- actors, mentions and events (extract/actors.py, mentions.py, events.py) ------------------

# Subjects of a clause, active and passive.
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# What a verb acts on directly: its objects (and 'attr', 'dative' as the small model reads them).
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "dative"})
# Modifiers that may name who owns a noun ('the US proposal', "Russia's attack").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Dependents that make a noun phrase's own name ('US President Donald Trump'): the way up from a
# name to the whole phrase that holds it.
NAME_DEPS = frozenset({"compound", "appos", "conj", "amod", "nmod", "flat"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "dep", "prep"})
# Clauses under another clause: a time or place in one of them belongs to that clause.
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"})
# Modifier clauses that end a noun phrase; with the coordination labels, its conjuncts too.
PHRASE_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
PHRASE_COORDINATION_DEPS = frozenset({"conj", "cc", "preconj"})
# Dependents of a warning that are not what it warns of: its subject, what is coordinated with it.
BESIDE_DEPS = frozenset({"conj", "cc", "parataxis"})

# Prepositions that introduce the one acted upon.
TARGET_PREPS = frozenset({"against", "on", "at", "into", "upon", "toward", "towards", "onto"})
# Prepositions that place a show of force beside a state, aimed at it ('drills around X', 'troops near X').
PROXIMITY_PREPS = frozenset({"around", "near", "off"})
# ... what a movement or gathering is for ('converged for a rally', 'flew to Cairo for talks').
PURPOSE_PREPS = frozenset({"for"})
# 'came under fire', 'remained under siege': what the subject undergoes
UNDERGOING_PREPS = frozenset({"under"})
# 'closed A, cancelled B and asked C': past-tense tags of a verb the parse may read as the
# adjective of a second object of the verb before it (nlp.repair_coordination)
PAST_VERB_TAGS = frozenset({"VBD", "VBN"})
# Plural nouns ('Nigerians', 'banks'): a plural demonym names people, not their state.
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# ... the partner of a meeting or agreement.
PARTNER_PREPS = frozenset({"with"})
# ... an event that dates another ('after the talks', 'prior to the attack').
ANCHOR_PREPS = frozenset({"after", "before", "prior", "following", "since", "ahead", "until"})
# ... the event whose time is that of the main clause ('after a phone call with X, Y said').
TIME_ADJUNCT_PREPS = frozenset({"after", "following"})
# ... an act that took place before the main clause's ('since the arrest of X', 'after clashes with X').
PAST_ANCHOR_PREPS = frozenset({"after", "following", "since"})
# ... the one an act of taking or killing is done to ('the arrest of X', 'the retaking of the capital').
OBJECT_OF_PREPS = frozenset({"of"})
# How a time expression hangs on the verb it dates ("on Thursday", "Thursday", "overnight").
TIME_MODIFIER_DEPS = frozenset({"prep", "npadvmod", "advmod", "tmod", "obl"})
# ... where something is.
PLACE_PREPS = frozenset({"in", "at", "near", "on", "over", "across", "outside", "around", "into", "inside",
                         "of", "off", "throughout", "to"})
# ... where a named person was ('met President X in Y'): the place of what was done with them.
PERSON_PLACE_PREPS = frozenset({"in", "at"})
# ... the objects of a verb beside its direct object ('talks with X', 'fired at X').
OBJECT_PREPS = frozenset({"with", "for", "at", "on", "to", "against"})
# ... the object noun whose event a light verb carries ('returned with demands').
LIGHT_VERB_PREPS = frozenset({"with", "in", "of", "to", "on", "under"})
# ... the state a recalled or expelled diplomat belongs to or serves in.
DIPLOMAT_PREPS = frozenset({"from", "of", "to"})
# ... the recipient of a thing given ('aid to X', 'aid for X').
RECIPIENT_PREPS = frozenset({"to", "for"})
# ... the author of a thing ('a proposal by X', 'an offer from X').
AUTHOR_PREPS = frozenset({"by", "from"})
# ... the means of a conversation ('by phone', 'over video link').
MEANS_PREPS = frozenset({"by", "over", "via"})
# ... the subject of a complaint ('anger over X's violation').
GRIEVANCE_PREPS = frozenset({"over", "about", "at"})
# ... the thing a sanction is applied to ('the suspension of aid to X').
SANCTIONED_THING_PREPS = frozenset({"of", "in", "on"})
# 'came into force', 'in force': force as a state, not an act.
STATE_PREPS = frozenset({"in", "into"})

# Actor phrases: prepositions after which a country word names a role's domain, not the
# role-holder's state ('envoy to Ukraine'); 'of' and 'from' do name it ('president of Russia').
OWNING_PREPS = frozenset({"of", "from"})
# 'spokesman for the army': a 'for' phrase names the body a role serves (its sector), not a country.
SERVING_PREPS = frozenset({"for"})
# 'rebels in the Ivory Coast', 'a newspaper based in Beirut': where a group is, its last-resort country.
LOCATIVE_PREPS = frozenset({"in", "inside", "within", "throughout", "across", "at"})
# Tokens that end a noun phrase's own words: what follows is an apposition or an aside.
SEGMENT_BREAKS = frozenset({",", "(", ")", ";", "--", "\u2013", "\u2014", ":"})
# The hyphens that join a word to the next one ("US-led"), as the tokenizer keeps them apart.
HYPHENS = frozenset({"-", "\u2010"})
_HYPHEN_CHARS = "".join(HYPHENS)


def hyphened_word(doc: Doc, end: int) -> Token | None:
    """The word a name that ends before token `end` is joined to by a hyphen: 'led' in 'US-led'
    (the tokenizer splits the hyphen off between two words), '-backed' in 'Iran -backed' (a hyphen
    after a space stays on its word). None when no hyphen follows the name.

    Args:
        doc: the parsed text; end: the index of the token after the name.
    Returns:
        the token of the word, whose text `hyphen_suffix` gives without the hyphen.
    """
    if end + 1 < len(doc) and doc[end].text in HYPHENS:
        return doc[end + 1]
    if end < len(doc) and len(doc[end].text) > 1 and doc[end].text[0] in HYPHENS:
        return doc[end]
    return None


def passive_agents(verb: Token) -> list[Token]:
    """The agents of a passive verb or participle: X of 'was struck by X', 'carried out by X'."""
    return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def hyphen_suffix(doc: Doc, end: int) -> str | None:
    """The word (lower case, no hyphen) a name ending before token `end` is hyphened to ('US-led':
    'led'), or None; what the word makes of the name (a patron, an owner, a place) is data."""
    word = hyphened_word(doc, end)
    return word.lower_.lstrip(_HYPHEN_CHARS) if word is not None else None


# The possessive ending as the tokenizer splits it ('Russia' + "'s").
POSSESSIVE_ENDINGS = frozenset({"'s", "\u2019s", "'"})
# Parts of speech that never begin an actor's name, and those of a pronoun phrase.
NON_NAME_POS = frozenset({"DET", "ADP", "CCONJ"})
PRONOUN_POS = frozenset({"PRON", "DET"})

# Determiners of a definite noun phrase: a noun with one names an event told elsewhere.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# The shorter set an event's own definite reference uses ('killed in the attack').
DEFINITE_ARTICLES = frozenset({"the", "this", "that", "these", "those"})
# Quantifiers that head a relative phrase ('both of whom'), and the relative pronouns of one.
RELATIVE_QUANTIFIERS = frozenset({"both", "all", "each", "some", "many", "most"})
RELATIVE_PRONOUNS = frozenset({"whom", "which"})
# Reflexive pronouns: 'finances itself', 'armed themselves' act on no other party.
REFLEXIVE_PRONOUNS = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
# Conjunctions of a condition or an open question: what follows them has not happened.
CONDITION_MARKS = frozenset({"if", "whether"})
# Conjunctions that, before a clause in the present tense, tell what has not happened yet ('once a
# deal is reached', 'until a truce is agreed', 'unless they sign', 'before talks begin').
FUTURE_MARKS = frozenset({"once", "until", "till", "unless", "before"})
# Conjunctions that set one account against another ('X said 40, while Y said 80').
CONTRAST_MARKS = frozenset({"while", "whereas"})
# Adverbs that add a telling to those before it ('X also said it struck ...'): another act, not a
# retelling of one told earlier.
ADDITIVE_ADVERBS = frozenset({"also", "too", "additionally"})
# The conjunction of a threat's condition ('will withdraw unless ...').
UNLESS = "unless"
# Closing quotes and brackets after a sentence's last word.
CLOSING_MARKS = "\"'\u201d\u2019\u00bb)"

# Entity labels: places, and those a person name or a recipient is never part of.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# ... names of a place or a person, which take no time of their own (a time hung on one dates its clause).
NAME_LABELS = PLACE_LABELS | {"PERSON"}
# ... a time phrase ("the first day of the summit"), which a date hung on it makes more exact.
TIME_LABELS = frozenset({"DATE", "TIME"})
GROUP_LABELS = frozenset({"NORP", "GPE", "ORG"})
LOOSE_PLACE_LABELS = frozenset({"ORG", "PERSON", "NORP"})
NON_PERSON_ENTS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "EVENT"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL"})

# Lists of the components of one act (extract/components.py): 'towns including A and B', 'the
# targeted bases include A, B and C'; what joins two items of a list ('A, B and C', 'A in April,
# followed by B'), and what may open an item ('the B camp').
LIST_OPENERS = frozenset({"including", "include", "like"})
LIST_JOINERS = ((",", "followed", "by"), ("followed", "by"), ("as", "well", "as"), (",", "and"), (",", "or"),
                (",",), ("and",), ("or",))
ITEM_OPENERS = frozenset({"DET"})
# Prepositions that tell an act as a term of an agreement ('as part of the deal', 'under the truce',
# 'according to the accord', 'in line with the plan').
TERM_PREPS = frozenset({"as", "under", "according", "in", "per"})
# Determiners of a rule said of all ('no mission should be a target', 'every state must'), not of one party.
GENERIC_DETERMINERS = frozenset({"no", "every", "each", "any", "all"})
# Verbs of obligation before an infinitive: 'X has to release', 'X needs to withdraw' (still to be done).
OBLIGATION_HEADS = frozenset({"have", "need"})
# Speech acts and event nouns read from what is said (extract/speech.py):
# ... words beside ANCHOR_PREPS that tell a meeting as the time of another act ('during talks',
# 'the announcement followed a meeting');
SEQUENCE_WORDS = frozenset({"during", "follow", "precede"})
# ... dependents of a labelling verb that are no part of the label it gives ('called X a crime and left');
NOT_LABEL_DEPS = frozenset({"conj", "cc", "advcl", "punct", "relcl", "npadvmod", "mark", "aux", "neg"})
# ... objects of a verb in a relative clause ('what X called a massacre');
RELATIVE_OBJECTS = frozenset({"what", "which", "that", "whom"})
# ... prepositions of whom a visit or a meeting is with ('his visit to X', 'talks with X').
VISITED_PREPS = frozenset({"with", "to"})



# --- agreements, claims, numbers, weapons, context (extract/agreements.py ... context.py) -----

# Auxiliaries. A speech act under a hypothetical modal did not happen ('could say'); a step of an
# agreement is not taken under any modal ('must sign').
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would", "should", "will", "shall"})
MODALS = HYPOTHETICAL_MODALS | {"must", "can"}
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})
PERFECT_AUXILIARIES = frozenset({"has", "have"})
# The tags of a verb in the present simple ('meets', 'agree', 'is').
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# ... and with the past perfect: an act done by the time told.
PAST_AUXILIARIES = frozenset({"has", "have", "had"})

# Determiners.
ARTICLES = frozenset({"a", "an", "the"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})

# Pronouns.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
GROUP_SUBJECT_PRONOUNS = frozenset({"it", "they"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Prefixes that make a country word a sponsor, not the actor's country ('pro-Russian separatists').
PATRON_PREFIXES = frozenset({"pro", "anti"})
# Possessives that point back to a body named before ('its troops', 'their fighters').
GROUP_POSSESSIVES = frozenset({"its", "their"})
# The speaker or the addressee: never a party the article names ('we will respond').
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us", "our"})
# '"We will respond," the minister said': the speaker's side, inside the speaker's quotation
SPEAKER_SIDE_PRONOUNS = frozenset({"we", "us"})
# Adverbs by which the narration denies what someone said ('falsely said that X started the war').
DENYING_ADVERBS = frozenset({"falsely", "wrongly", "baselessly", "erroneously", "mistakenly", "untruthfully"})
SELF_PRONOUNS = FIRST_SECOND_PERSON | {"my", "your"}
RECIPROCALS = frozenset({"other", "another"})
RELATIVE_CLAUSE_WORDS = frozenset({"which", "that"})
# Subjects that stand for a noun named before them ('officials, who said', 'both of whom said').
RELATIVE_SUBJECTS = frozenset({"who", "which", "that", "whom", "both", "all", "each", "neither", "none"})
# Words a denial points back with ('denied it', 'rejected this').
POINTING_PRONOUNS = frozenset({"it", "this", "that", "them"})

# Prepositions, by the role of their object.
SCOPE_PREPS = frozenset({"in", "on", "across", "over", "covering", "along"})  # 'a truce in the Black Sea'
TOWARDS_PREPS = frozenset({"on", "towards", "toward", "about", "over", "for"})  # 'talks on a truce'
AIMED_AT_PREPS = frozenset({"on", "against"})  # 'attacks on energy infrastructure'
SOURCE_PREPS = frozenset({"by", "from"})  # 'a plan by X', 'reports from an aid group'
MANNER_PREPS = frozenset({"by", "in"})  # 'by agreement', 'in agreement with'
CHARGE_PREPS = frozenset({"of", "for"})  # 'accused X of Y', 'blamed X for Y'
PREDICATE_PREPS = frozenset({"as", "of", "for"})  # 'described X as Y'
COMPLEMENT_PREPS = frozenset({"for", "to"})  # 'a call for talks', 'demands to lift sanctions'
ORIGIN_PREPS = frozenset({"from", "of"})  # 'commanders from India and Pakistan'
RANGE_PREPS = frozenset({"between", "from"})  # 'between 30 and 40', 'from 30 to 40'
RANGE_LINKS = frozenset({"and", "to"})

# Word pairs around a count that make it part of a count before it ('among them 10 children',
# '5 of them children').
PART_BEFORE = (("among", "them"), ("among", "whom"), ("of", "whom"), ("of", "them"))
PART_AFTER = (("of", "them"), ("of", "whom"), ("of", "those"))
OF_WHOM = (("of", "them"), ("of", "whom"))
# What stands between two coordinated counts ('5 soldiers and 3 civilians').
COUNT_COORDINATIONS = (("and",), (",",), (",", "and"), ("as", "well", "as"), ("and", "another"))
# What joins a death word to an injury word in one figure for both ('19 killed and injured').
HARM_LINKS = frozenset({"and", "or", "&"})

# Quotation marks and the punctuation that ends a claim's content ('..., – assertions that ...').
OPEN_QUOTES = frozenset({"\u201c", "\u00ab", "\u2018"})
CLOSE_QUOTES = frozenset({"\u201d", "\u00bb", "\u2019"})
STRAIGHT_QUOTES = frozenset({'"', "''", "``"})
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
CONTENT_STOPS = frozenset({"\u2013", "\u2014", ";"})



# --- time and place (resolve/) ----------------------------------------------------------------

# Prepositions that make a date the start or the end of a span ('since March', 'until Friday').
SPAN_PREPOSITIONS = frozenset({"since", "until", "till", "from"})
# Prepositions of a phrase that gives a period its bounds or its length ('from 6 pm Saturday to
# midnight Sunday', 'for 30 days', 'over the weekend', 'through Easter'): extract/dating.py. Not
# 'since': 'has violated the truce since Monday' tells how long the violating has gone on.
PERIOD_PREPOSITIONS = frozenset({"from", "until", "till", "to", "through", "for", "over", "between"})
# Dependencies inside the noun phrase of a time or of what it names ('an Easter truce', 'midnight Sunday').
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "npadvmod", "nummod", "amod", "appos"})
# Personal pronouns: a subject, never the start of an anchor phrase ('two days after he left').
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
# Which event a time dates (extract/dating.py): the complement clauses of a verb that tells no
# event ('led to combat in late July that killed'), ...
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "relcl", "acl"})
# ... the prepositions of a phrase told at the time of its clause ('during a meeting', 'by firing'),
SIMULTANEOUS_PREPS = frozenset({"during", "amid", "amidst", "at", "while", "upon", "on", "by", "throughout"})
# ... those of a phrase told just before or after it ('after blaming X'),
SEQUENCE_PREPS = frozenset({"after", "before", "following"})
# ... and the adverb that opens a clause of the time of the noun it follows ('on Sunday, when').
WHEN_ADVERBS = frozenset({"when"})

# Determiners of no one thing in particular ('rejected any agreement that ...', 'no deal').
NONSPECIFIC_DETERMINERS = frozenset({"any", "no", "every", "each"})
# Prepositions of passing through or into a site ('through the X crossing', 'within the perimeter of').
PASSAGE_PREPS = frozenset({"through", "via", "within"})
# The nouns of a complex preposition of trade: 'released X in exchange for Y', 'in return for Y'
# (extract/lists.py: the other side's release is an act of its own).
EXCHANGE_NOUNS = frozenset({"exchange", "return", "swap"})
# Adverbs that tell an act as done once more ('the two sides met again on Thursday'): another act
# than the one told before it (extract/events.py).
REPETITION_ADVERBS = frozenset({"again", "anew"})


# --- end --------------------------------------------------------------------------------------
