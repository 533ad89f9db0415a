"""English grammar the readers share: dependency labels, parts of speech and function words
(prepositions, determiners). Words that carry meaning (triggers, roles, cues) are data, under
data/; what is here is closed-class and belongs to the language, not to a domain."""

from __future__ import annotations

# --- shared by every reader ------------------------------------------------------------------

# Dependents that are not part of an actor's noun phrase.
CUT_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj", "punct", "parataxis", "ccomp", "dep"})
# Prepositions that introduce members of a group ('armed groups, including Hamas').
MEMBER_PREPS = frozenset({"including", "like"})


# --- actors, mentions and events (extract/actors.py, mentions.py, events.py) ------------------



# --- agreements, claims, numbers, weapons, context (extract/agreements.py ... context.py) -----

# Auxiliaries. A speech act under a hypothetical modal did not happen ('could say'); a step of an
# agreement is not taken under any modal ('must sign').
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "would", "should", "will", "shall"})
MODALS = HYPOTHETICAL_MODALS | {"must", "can"}
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})
PERFECT_AUXILIARIES = frozenset({"has", "have"})
# Subordinators of a condition or an indirect question ('if they sign', 'whether they agreed').
CONDITIONAL_MARKS = frozenset({"if", "whether"})

# Determiners.
ARTICLES = frozenset({"a", "an", "the"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})

# Pronouns.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
GROUP_SUBJECT_PRONOUNS = frozenset({"it", "they"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
# The speaker or the addressee: never a party the article names ('we will respond').
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us", "our"})
SELF_PRONOUNS = FIRST_SECOND_PERSON | {"my", "your"}
RECIPROCALS = frozenset({"other", "another"})
RELATIVE_PRONOUNS = frozenset({"which", "that"})
RELATIVE_OBJECTS = frozenset({"whom", "which"})
# Subjects that stand for a noun named before them ('officials, who said', 'both of whom said').
RELATIVE_SUBJECTS = frozenset({"who", "which", "that", "whom", "both", "all", "each", "neither", "none"})
# Words a denial points back with ('denied it', 'rejected this').
POINTING_PRONOUNS = frozenset({"it", "this", "that", "them"})

# Prepositions, by the role of their object.
SCOPE_PREPS = frozenset({"in", "on", "across", "over", "covering", "along"})  # 'a truce in the Black Sea'
TOWARDS_PREPS = frozenset({"on", "towards", "toward", "about", "over", "for"})  # 'talks on a truce'
TARGET_PREPS = frozenset({"on", "against"})  # 'attacks on energy infrastructure'
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

# Quotation marks and the punctuation that ends a claim's content ('..., – assertions that ...').
OPEN_QUOTES = frozenset({"\u201c", "\u00ab", "\u2018"})
CLOSE_QUOTES = frozenset({"\u201d", "\u00bb", "\u2019"})
STRAIGHT_QUOTES = frozenset({'"', "''", "``"})
CONTENT_STOPS = frozenset({"\u2013", "\u2014", ";"})



# --- time and place (resolve/) ----------------------------------------------------------------



# --- end --------------------------------------------------------------------------------------
