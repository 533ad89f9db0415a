"""Typed loaders of the data files the readers of numbers, casualties, weapons, agreements, claims,
participants and countries use: each file is validated once, at first use, by a pydantic model,
and a broken file fails naming the file and the entry (see peacewatch.data.load_model)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from peacewatch.data import DataFile, Word
from peacewatch.schema import Sector

Hedge = Literal["min", "max", "approx"]
Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- numbers.yaml


class NumberWords(DataFile):
    """data/numbers.yaml: number words, hedges, vague plurals, measure words, ambiguous month names."""

    FILE = "numbers.yaml"

    units: dict[Word, int]
    tens: dict[Word, int]
    multipliers: dict[Word, int]
    scales: dict[Word, int]
    scale_abbreviations: dict[Word, int]
    scale_words: list[Word]
    idioms: dict[Word, Word]
    vague_counts: dict[Word, int]
    vague_words: list[Word]
    zero_phrases: list[Word]
    prefix_hedges: dict[Word, Hedge]
    suffix_hedges: dict[Word, Hedge]
    zero_words: list[Word]
    vague_plurals: list[Word]
    vague_before_of: list[Word]
    vague_unchained: list[Word]
    vague_multiplied: list[Word]
    vague_multipliers: list[Word]
    counted_multipliers: list[Word]
    vague_quantifiers: list[Word]
    weapon_count_words: list[Word]
    weapon_count_fractions: list[Word]
    vague_floors: list[Word]
    units_after: list[Word]
    ambiguous_months: list[Word]


# ---------------------------------------------------------------- casualties.yaml


class CasualtyWords(DataFile):
    """data/casualties.yaml: the words that tie a count to deaths or injuries."""

    FILE = "casualties.yaml"

    death_verbs: list[Word]
    injury_verbs: list[Word]
    intransitive_verbs: list[Word]
    death_adjectives: list[Word]
    injury_adjectives: list[Word]
    death_nouns: list[Word]
    injury_nouns: list[Word]
    life_words: list[Word]
    lose_verbs: list[Word]
    toll_words: list[Word]
    count_nouns: list[Word]
    both_nouns: list[Word]
    children_words: list[Word]
    women_words: list[Word]
    group_words: list[Word]
    subset_cues: list[Word]
    skip_words: list[Word]
    not_victims: list[Word]
    killing_forms: list[Word]
    injuring_forms: list[Word]
    person_nouns: list[Word]
    person_suffixes: list[Word]
    including_words: list[Word]
    additive_words: list[Word]
    conflict_nouns: list[Word]
    conflict_periods: list[Word]
    conflict_starts: list[Word] = Field(default_factory=list)
    unrest_nouns: list[Word] = Field(default_factory=list)


# ---------------------------------------------------------------- weapons.yaml


class WeaponEntry(_Strict):
    """One weapon: its ASSAULT mode and other spellings."""

    mode: Word
    aliases: list[Word] = Field(default_factory=list)


class ModelEntry(_Strict):
    """One weapon model ('Iskander'): the weapon it is, and whether the name is also a common word."""

    weapon: Word
    ambiguous: bool = False
    aliases: list[Word] = Field(default_factory=list)


class WeaponWords(DataFile):
    """data/weapons.yaml: weapons, attack words and models, each with its ASSAULT mode."""

    FILE = "weapons.yaml"

    not_weapons: list[Word]
    modes: list[Word]
    weapons: dict[Word, WeaponEntry]
    attack_words: dict[Word, Word]
    models: dict[Word, ModelEntry]
    model_links: list[Word]

    @model_validator(mode="after")
    def _check_references(self) -> WeaponWords:
        """Every mode is one of `modes`; every model names a weapon of `weapons`."""
        modes = set(self.modes)
        for name, weapon in self.weapons.items():
            if weapon.mode not in modes:
                raise ValueError(f"weapon {name!r} has mode {weapon.mode!r}, not one of {sorted(modes)}")
        for word, mode in self.attack_words.items():
            if mode not in modes:
                raise ValueError(f"attack word {word!r} has mode {mode!r}, not one of {sorted(modes)}")
        for name, model in self.models.items():
            if model.weapon not in self.weapons:
                raise ValueError(f"model {name!r} names weapon {model.weapon!r}, not one of the weapons")
        return self


# ---------------------------------------------------------------- agreements.yaml


class ScopeWords(DataFile):
    """data/agreement_scopes.yaml: the scope classes and their cues, and the words of mediation
    (the tracker's scope classes; the agreement reader keeps only these words of a modifier)."""

    FILE = "agreement_scopes.yaml"

    scopes: dict[Word, list[Word]]
    mediation_cues: list[Word]


class AgreementWords(DataFile):
    """data/agreements.yaml: agreement nouns, the verbs and nouns of their history, scope words."""

    FILE = "agreements.yaml"

    ceasefire_nouns: list[Word]
    generic_nouns: list[Word]
    proposal_nouns: list[Word]
    negotiation_nouns: list[Word]
    instrument_nouns: list[Word]
    instrument_complements: dict[Word, Word]
    titled_peace_nouns: list[Word]
    subject_nouns: list[Word]
    effort_nouns: list[Word]
    ending_verbs: list[Word]
    war_nouns: list[Word]
    phase_nouns: list[Word]
    first_words: list[Word]
    later_words: list[Word]
    earlier_modifiers: list[Word]
    ideal_modifiers: list[Word]
    peace_words: list[Word]
    abstract_modifiers: list[Word]
    step_verbs: dict[Word, list[Word]]
    subject_steps: dict[Word, list[list[Word]]]
    hold_phrases: dict[Word, list[list[Word]]]
    exit_phrases: list[list[Word]]
    unrealised_verbs: list[Word]
    threat_verbs: list[Word]
    effect_verbs: list[Word]
    effect_nouns: list[Word]
    wish_verbs: list[Word]
    rejecting_adjectives: list[Word]
    step_nouns: dict[Word, list[Word]]
    demand_nouns: list[Word]
    unresolved_words: list[Word]
    partial_words: list[Word]
    scope_stopwords: list[Word]
    scope_verbs: list[Word]
    unit_days: dict[Word, int]
    attack_nouns: list[Word]
    definite_modifiers: list[Word]
    hypothetical_modifiers: list[Word]
    purpose_verbs: list[Word]
    brokering_modifiers: list[Word]
    mediating_modifiers: list[Word]
    mediating_suffixes: list[Word]
    negotiating_verbs: list[Word]
    examining_verbs: list[Word]
    proposing_verbs: list[Word]
    required_particles: dict[Word, Word]
    particle_steps: dict[Word, Word]


# ---------------------------------------------------------------- claims.yaml


class ClaimWords(DataFile):
    """data/claims.yaml: verbs and nouns of saying, speakers, and the cues of a claim's status."""

    FILE = "claims.yaml"

    speech_verbs: dict[Word, list[Word]]
    object_content: list[Word]
    content_preps: dict[Word, list[Word]]
    quote_only: list[Word]
    claim_nouns: dict[Word, list[Word]]
    speaker_nouns: list[Word]
    local_speakers: list[Word]
    media_markers: list[Word]
    status_cues: dict[Word, list[Word]]
    claim_references: list[Word]
    accusing_words: list[Word]
    membership_words: list[Word]
    source_nouns: list[Word]
    denying_claims: list[Word]
    accusing_verbs: list[Word]
    accusation_nouns: list[Word]
    confirming_verbs: list[Word]
    media_verbs: list[Word]
    speaker_head_verbs: list[Word]
    naming_verbs: list[Word]
    conflict_cues: list[Word]
    report_adverbs: list[Word]


# ---------------------------------------------------------------- participants.yaml


class ParticipantWords(DataFile):
    """data/participants.yaml: nouns for both parties together, and counts that stand for people."""

    FILE = "participants.yaml"

    collective_parties: list[Word]
    pair_words: list[Word]
    quantity_words: list[Word]
    group_nouns: list[Word]
    state_nouns: list[Word]
    states_nouns: list[Word] = Field(default_factory=list)


# ---------------------------------------------------------------- countries.yaml


class CountryEntry(_Strict):
    """One country and every word that names it."""

    iso3: Iso3
    iso2: str | None = None
    name: Word
    aliases: list[Word] = Field(default_factory=list)
    adjectives: list[Word] = Field(default_factory=list)
    demonyms: list[Word] = Field(default_factory=list)
    capitals: list[Word] = Field(default_factory=list)
    metonyms: dict[Word, Sector] = Field(default_factory=dict)


class CountryList(DataFile):
    """data/countries.yaml: every country with its names."""

    FILE = "countries.yaml"

    countries: list[CountryEntry]
