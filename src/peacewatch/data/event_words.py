"""Typed loaders of the word lists the actor and event readers use (data/event_words.yaml,
data/actor_words.yaml): each file is validated once, at first use, and a broken one fails naming
the file and the entry (see load_model)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from peacewatch.data import DataFile, Word
from peacewatch.schema import Sector

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]

__all__ = ["ActorWords", "EventWords"]


class EventWords(DataFile):
    """data/event_words.yaml: words that read an event's participants, manner and modality."""

    FILE = "event_words.yaml"

    offer_nouns: frozenset[Word]
    diplomat_words: frozenset[Word]
    possibility_modals: frozenset[Word]
    conditional_modals: frozenset[Word]
    pressure_verbs: frozenset[Word]
    announcing_verbs: frozenset[Word]
    batch_nouns: frozenset[Word]
    measure_nouns: frozenset[Word]
    activity_nouns: frozenset[Word]
    remote_means: frozenset[Word]
    call_nouns: frozenset[Word]
    phone_words: frozenset[Word]
    aspect_verbs: frozenset[Word]
    refusal_verbs: frozenset[Word]
    reaction_verbs: frozenset[Word] = frozenset()
    causative_verbs: frozenset[Word]
    decision_nouns: frozenset[Word]
    pretext_nouns: frozenset[Word] = frozenset()
    deliberation_verbs: frozenset[Word] = frozenset()
    prospect_verbs: frozenset[Word] = frozenset()
    prospect_nouns: frozenset[Word] = frozenset()
    site_nouns: frozenset[Word]
    receiving_verbs: frozenset[Word]
    hit_taking_verbs: frozenset[Word] = frozenset()
    undergoing_verbs: frozenset[Word] = frozenset()
    retaliation_verbs: frozenset[Word]
    judgement_verbs: frozenset[Word]
    agreement_nouns: frozenset[Word]
    ending_nouns: frozenset[Word] = frozenset()
    aiming_verbs: frozenset[Word] = frozenset()
    hosting_verbs: frozenset[Word] = frozenset()
    joining_verbs: frozenset[Word] = frozenset()
    speaking_verbs: frozenset[Word] = frozenset()
    taking_nouns: frozenset[Word] = frozenset()


class ActorWords(DataFile):
    """data/actor_words.yaml: words the actor reader uses beside the lexicon of actors.yaml."""

    FILE = "actor_words.yaml"

    people_markers: frozenset[Word]
    first_name_countries: frozenset[Word]
    short_forms: frozenset[Word]
    region_words: dict[Word, Iso3] = Field(default_factory=dict)
    attribution_nouns: frozenset[Word] = frozenset()
    captive_nouns: frozenset[Word] = frozenset()
    thing_nouns: frozenset[Word] = frozenset()
    facility_sectors: dict[Sector, list[Word]] = Field(default_factory=dict)
