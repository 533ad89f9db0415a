"""Typed loaders of the word-list data files: each file is validated once, at first use, by a
pydantic model, and a broken file fails naming the file and the entry (see load_model)."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from peacewatch.data import Word, load_model
from peacewatch.schema import EventType, Sector


class MentionWords(BaseModel):
    """data/mentions.yaml: words that tell an event's participants from other nouns."""

    model_config = ConfigDict(extra="forbid")
    instrument_nouns: list[Word]


@cache
def mention_words() -> MentionWords:
    """The validated content of data/mentions.yaml."""
    return load_model("mentions.yaml", MentionWords)


def instrument_nouns() -> frozenset[str]:
    """Weapons and attacks named as the doer or the thing launched: never a participant."""
    return frozenset(mention_words().instrument_nouns)


class TriggerSpec(BaseModel):
    """One trigger word of data/triggers.yaml: the PLOVER type it codes to and its conditions
    (the file's head comment says what each field means)."""

    model_config = ConfigDict(extra="forbid")
    type: EventType
    mode: str | None = None
    objects: list[Word] | None = None
    particle: str | None = None
    symmetric: bool = False
    mediator: bool = False
    requires: list[Word] | None = None
    requires_light: bool = False
    requires_target: bool = False
    requires_force: bool = False
    xcomp_ok: bool = False
    object_types: dict[str, EventType] = Field(default_factory=dict)
    light_types: dict[str, EventType] = Field(default_factory=dict)
    modifier_types: dict[str, EventType] = Field(default_factory=dict)
    prep_types: dict[str, EventType] = Field(default_factory=dict)


class TriggerFile(BaseModel):
    """data/triggers.yaml: trigger verbs, nouns and adjectives, and the word classes the event
    readers use for light verbs, modality, speech, threats and promises."""

    model_config = ConfigDict(extra="forbid")
    verbs: dict[str, TriggerSpec]
    nouns: dict[str, TriggerSpec]
    adjectives: dict[str, TriggerSpec] = Field(default_factory=dict)
    light_verbs: list[Word] = Field(default_factory=list)
    cancelling_verbs: list[Word] = Field(default_factory=list)
    planned_verbs: list[Word] = Field(default_factory=list)
    hedge_modals: list[Word] = Field(default_factory=list)
    future_auxiliaries: list[Word] = Field(default_factory=list)
    negation_verbs: list[Word] = Field(default_factory=list)
    speech_verbs: list[Word] = Field(default_factory=list)
    wrongdoing_verbs: list[Word] = Field(default_factory=list)
    wish_verbs: list[Word] = Field(default_factory=list)
    transparent_heads: list[Word] = Field(default_factory=list)
    place_nouns: list[Word] = Field(default_factory=list)
    promise_heads: list[Word] = Field(default_factory=list)
    obligation_modals: list[Word] = Field(default_factory=list)
    threat_types: list[EventType] = Field(default_factory=list)
    force_words: list[Word] = Field(default_factory=list)
    statement_nouns: list[Word] = Field(default_factory=list)
    promise_types: list[EventType] = Field(default_factory=list)


@cache
def trigger_file() -> TriggerFile:
    """The validated content of data/triggers.yaml."""
    return load_model("triggers.yaml", TriggerFile)


class OrganisationSpec(BaseModel):
    """An organisation of data/actors.yaml: its name, other names, country (ISO3 or none) and sector."""

    model_config = ConfigDict(extra="forbid")
    name: Word
    aliases: list[Word] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Sector


class ActorFile(BaseModel):
    """data/actors.yaml: organisations, role words by sector, and the words around names."""

    model_config = ConfigDict(extra="forbid")
    organisations: list[OrganisationSpec]
    roles: dict[Sector, list[Word]]
    inheriting: list[Word] = Field(default_factory=list)
    titles: list[Word] = Field(default_factory=list)
    patron_suffixes: list[Word] = Field(default_factory=list)


@cache
def actor_file() -> ActorFile:
    """The validated content of data/actors.yaml."""
    return load_model("actors.yaml", ActorFile)
