"""The trigger lexicon (data/triggers.yaml), loaded once and checked at load."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from peacewatch.data import load_data
from peacewatch.errors import DataError
from peacewatch.schema import EVENT_TYPES


@dataclass(frozen=True)
class Trigger:
    """What one trigger word codes to."""

    lemma: str
    type: str
    mode: str | None = None
    objects: frozenset[str] | None = None
    particle: str | None = None
    symmetric: bool = False
    mediator: bool = False
    requires: frozenset[str] | None = None
    requires_light: bool = False
    requires_target: bool = False
    requires_force: bool = False
    xcomp_ok: bool = False
    object_types: dict[str, str] = field(default_factory=dict)
    light_types: dict[str, str] = field(default_factory=dict)
    modifier_types: dict[str, str] = field(default_factory=dict)
    prep_types: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]
    phrasal: dict[tuple[str, str], Trigger]
    nouns: dict[str, Trigger]
    adjectives: dict[str, Trigger]
    light_verbs: frozenset[str]
    cancelling_verbs: frozenset[str]
    planned_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    future_auxiliaries: frozenset[str]
    negation_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    wish_verbs: frozenset[str]
    transparent_heads: frozenset[str]
    place_nouns: frozenset[str]
    promise_heads: frozenset[str]
    obligation_modals: frozenset[str]
    threat_types: frozenset[str]
    force_words: frozenset[str]
    statement_nouns: frozenset[str]
    promise_types: frozenset[str]

    @cached_property
    def phrasal_heads(self) -> frozenset[str]:
        """The verbs that begin a phrasal trigger ('pull' of 'pull out')."""
        return frozenset(head for head, _ in self.phrasal)

    @cached_property
    def threat_verbs(self) -> frozenset[str]:
        return frozenset(k for k, v in self.verbs.items() if v.type == "THREATEN")


def _trigger(lemma: str, spec: dict) -> Trigger:
    if not isinstance(spec, dict) or spec.get("type") not in EVENT_TYPES:
        raise DataError(f"triggers.yaml: {lemma!r} needs a PLOVER type, got {spec!r}")
    for name in ("object_types", "light_types", "modifier_types", "prep_types"):
        for value in (spec.get(name) or {}).values():
            if value not in EVENT_TYPES:
                raise DataError(f"triggers.yaml: {lemma!r} {name} has unknown type {value!r}")
    objects = spec.get("objects")
    requires = spec.get("requires")
    return Trigger(
        lemma=lemma,
        type=spec["type"],
        mode=spec.get("mode"),
        objects=frozenset(objects) if objects is not None else None,
        particle=spec.get("particle"),
        symmetric=bool(spec.get("symmetric")),
        mediator=bool(spec.get("mediator")),
        requires=frozenset(requires) if requires else None,
        requires_light=bool(spec.get("requires_light")),
        requires_target=bool(spec.get("requires_target")),
        requires_force=bool(spec.get("requires_force")),
        xcomp_ok=bool(spec.get("xcomp_ok")),
        object_types=dict(spec.get("object_types") or {}),
        light_types=dict(spec.get("light_types") or {}),
        modifier_types=dict(spec.get("modifier_types") or {}),
        prep_types=dict(spec.get("prep_types") or {}),
    )


@cache
def get_lexicon() -> Lexicon:
    """The trigger lexicon of this process."""
    raw = load_data("triggers.yaml")
    verbs: dict[str, Trigger] = {}
    phrasal: dict[tuple[str, str], Trigger] = {}
    for lemma, spec in (raw.get("verbs") or {}).items():
        trigger = _trigger(lemma, spec)
        if " " in lemma:
            head, particle = lemma.split(" ", 1)
            phrasal[(head, particle)] = trigger
        else:
            verbs[lemma] = trigger
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        nouns={k: _trigger(k, v) for k, v in (raw.get("nouns") or {}).items()},
        adjectives={k: _trigger(k, v) for k, v in (raw.get("adjectives") or {}).items()},
        light_verbs=frozenset(raw.get("light_verbs") or ()),
        cancelling_verbs=frozenset(raw.get("cancelling_verbs") or ()),
        planned_verbs=frozenset(raw.get("planned_verbs") or ()),
        hedge_modals=frozenset(raw.get("hedge_modals") or ()),
        future_auxiliaries=frozenset(raw.get("future_auxiliaries") or ()),
        negation_verbs=frozenset(raw.get("negation_verbs") or ()),
        speech_verbs=frozenset(raw.get("speech_verbs") or ()),
        wrongdoing_verbs=frozenset(raw.get("wrongdoing_verbs") or ()),
        wish_verbs=frozenset(raw.get("wish_verbs") or ()),
        transparent_heads=frozenset(raw.get("transparent_heads") or ()),
        place_nouns=frozenset(raw.get("place_nouns") or ()),
        promise_heads=frozenset(raw.get("promise_heads") or ()),
        obligation_modals=frozenset(raw.get("obligation_modals") or ()),
        threat_types=frozenset(raw.get("threat_types") or ()),
        force_words=frozenset(raw.get("force_words") or ()),
        statement_nouns=frozenset(raw.get("statement_nouns") or ()),
        promise_types=frozenset(raw.get("promise_types") or ()),
    )
