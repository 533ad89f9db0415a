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



# --- time and place (resolve/) ----------------------------------------------------------------

# Prepositions that make a date the start or the end of a span ('since March', 'until Friday').
SPAN_PREPOSITIONS = frozenset({"since", "until", "till", "from"})
# Personal pronouns: a subject, never the start of an anchor phrase ('two days after he left').
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


# --- end --------------------------------------------------------------------------------------
