"""The trigger lexicon (data/triggers.yaml), loaded once and checked at load."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from peacewatch.data.lexicons import TriggerSpec, trigger_file


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


def _trigger(lemma: str, spec: TriggerSpec) -> Trigger:
    return Trigger(
        lemma=lemma,
        type=spec.type,
        mode=spec.mode,
        objects=frozenset(spec.objects) if spec.objects is not None else None,
        particle=spec.particle,
        symmetric=spec.symmetric,
        mediator=spec.mediator,
        requires=frozenset(spec.requires) if spec.requires else None,
        requires_light=spec.requires_light,
        requires_target=spec.requires_target,
        requires_force=spec.requires_force,
        xcomp_ok=spec.xcomp_ok,
        object_types=dict(spec.object_types),
        light_types=dict(spec.light_types),
        modifier_types=dict(spec.modifier_types),
        prep_types=dict(spec.prep_types),
    )


# The word classes of triggers.yaml the Lexicon keeps as sets, by name.
WORD_CLASSES = ("light_verbs", "cancelling_verbs", "planned_verbs", "hedge_modals", "future_auxiliaries",
                "negation_verbs", "speech_verbs", "wrongdoing_verbs", "wish_verbs", "transparent_heads",
                "place_nouns", "promise_heads", "obligation_modals", "threat_types", "force_words",
                "statement_nouns", "promise_types")


@cache
def get_lexicon() -> Lexicon:
    """The trigger lexicon of this process (data/triggers.yaml, validated by TriggerFile)."""
    raw = trigger_file()
    verbs: dict[str, Trigger] = {}
    phrasal: dict[tuple[str, str], Trigger] = {}
    for lemma, spec in raw.verbs.items():
        trigger = _trigger(lemma, spec)
        if " " in lemma:
            head, particle = lemma.split(" ", 1)
            phrasal[(head, particle)] = trigger
        else:
            verbs[lemma] = trigger
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        nouns={k: _trigger(k, v) for k, v in raw.nouns.items()},
        adjectives={k: _trigger(k, v) for k, v in raw.adjectives.items()},
        **{name: frozenset(getattr(raw, name)) for name in WORD_CLASSES},
    )
