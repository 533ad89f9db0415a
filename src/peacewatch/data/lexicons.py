"""Typed loaders of the word-list data files: each file is validated once, at first use, by a
pydantic model, and a broken file fails naming the file and the entry (see load_model)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from peacewatch.data import DataFile, Word
from peacewatch.schema import EventType, Sector


class MentionWords(DataFile):
    """data/mentions.yaml: words that tell an event's participants from other nouns."""

    FILE = "mentions.yaml"

    instrument_nouns: list[Word]


def instrument_nouns() -> frozenset[str]:
    """Weapons and attacks named as the doer or the thing launched: never a participant."""
    return frozenset(MentionWords.load().instrument_nouns)


class LemmaWords(DataFile):
    """data/lemmas.yaml: verbs whose inflections the model's rule lemmatizer cuts short, and
    nouns in '-ing' the tagger may read as verbs."""

    FILE = "lemmas.yaml"

    verb: frozenset[Word]
    verbal_nouns: frozenset[Word] = frozenset()


@dataclass(frozen=True)
class Trigger:
    """What one trigger word of data/triggers.yaml codes to: its PLOVER type and the conditions
    it holds under (the file's head comment says what each field means). A plain dataclass,
    validated by pydantic when the file is read; the readers use it once per token."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    type: EventType
    lemma: str = ""
    mode: str | None = None
    objects: frozenset[Word] | None = None
    particle: str | None = None
    symmetric: bool = False
    mediator: bool = False
    requires: frozenset[Word] | None = None
    requires_light: bool = False
    requires_target: bool = False
    requires_force: bool = False
    xcomp_ok: bool = False
    object_types: dict[str, EventType] = field(default_factory=dict)
    light_types: dict[str, EventType] = field(default_factory=dict)
    modifier_types: dict[str, EventType] = field(default_factory=dict)
    prep_types: dict[str, EventType] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.requires:  # an empty list requires nothing
            object.__setattr__(self, "requires", None)


class TriggerWords(BaseModel):
    """The word classes of data/triggers.yaml the event readers use for light verbs, modality,
    speech, threats and promises."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    light_verbs: frozenset[Word] = frozenset()
    cancelling_verbs: frozenset[Word] = frozenset()
    planned_verbs: frozenset[Word] = frozenset()
    hedge_modals: frozenset[Word] = frozenset()
    future_auxiliaries: frozenset[Word] = frozenset()
    negation_verbs: frozenset[Word] = frozenset()
    speech_verbs: frozenset[Word] = frozenset()
    wrongdoing_verbs: frozenset[Word] = frozenset()
    wrongdoing_nouns: frozenset[Word] = frozenset()
    wish_verbs: frozenset[Word] = frozenset()
    transparent_heads: frozenset[Word] = frozenset()
    place_nouns: frozenset[Word] = frozenset()
    promise_heads: frozenset[Word] = frozenset()
    obligation_modals: frozenset[Word] = frozenset()
    threat_types: frozenset[EventType] = frozenset()
    force_words: frozenset[Word] = frozenset()
    statement_nouns: frozenset[Word] = frozenset()
    promise_types: frozenset[EventType] = frozenset()


class TriggerFile(TriggerWords, DataFile):
    """data/triggers.yaml: trigger verbs, nouns and adjectives, and the word classes."""

    FILE = "triggers.yaml"

    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    adjectives: dict[str, Trigger] = Field(default_factory=dict)


class OrganisationSpec(BaseModel):
    """An organisation of data/actors.yaml: its name, other names, country (ISO3 or none) and sector."""

    model_config = ConfigDict(extra="forbid")
    name: Word
    aliases: list[Word] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Sector


class ActorFile(DataFile):
    """data/actors.yaml: organisations, role words by sector, and the words around names."""

    FILE = "actors.yaml"

    organisations: list[OrganisationSpec]
    roles: dict[Sector, list[Word]]
    inheriting: list[Word] = Field(default_factory=list)
    members: list[Word] = Field(default_factory=list)
    titles: list[Word] = Field(default_factory=list)
    means: list[Word] = Field(default_factory=list)
    patron_suffixes: list[Word] = Field(default_factory=list)
    owner_suffixes: list[Word] = Field(default_factory=list)
    place_suffixes: list[Word] = Field(default_factory=list)
    author_suffixes: list[Word] = Field(default_factory=list)
    generic_heads: list[Word] = Field(default_factory=list)
