"""The trigger lexicon (data/triggers.yaml, validated by data.lexicons.TriggerFile), indexed
once per process for the readers: phrasal verbs by their head and particle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache, cached_property
from typing import Any, TypeVar, cast

from peacewatch.data.lexicons import Trigger, TriggerFile, TriggerWords

__all__ = ["Lexicon", "Trigger", "get_lexicon"]

T = TypeVar("T")


class Lexicon(TriggerWords):
    """The trigger words by part of speech, each Trigger knowing its lemma, and the word classes."""

    verbs: dict[str, Trigger]
    phrasal: dict[tuple[str, str], Trigger]
    nouns: dict[str, Trigger]
    adjectives: dict[str, Trigger]

    @cached_property
    def phrasal_heads(self) -> frozenset[str]:
        """The verbs that begin a phrasal trigger ('pull' of 'pull out')."""
        return frozenset(head for head, _ in self.phrasal)

    @cached_property
    def threat_verbs(self) -> frozenset[str]:
        return frozenset(k for k, v in self.verbs.items() if v.type == "THREATEN")

    def gathered(self, name: str, make: Callable[[Lexicon], T]) -> T:
        """What a reader gathers from the lexicon (its words, a table by trigger), made once per
        lexicon and kept on it: a lexicon does not change, and one loaded again (a test's, a
        user's) gathers anew.
        Args: name, what is gathered, unique in the process; make, its gathering from a lexicon."""
        gathered = self._gathered
        if name not in gathered:
            gathered[name] = make(self)
        return cast(T, gathered[name])

    @cached_property
    def _gathered(self) -> dict[str, Any]:
        # (a cached property, not a pydantic private attribute: each read of one of those goes
        # through the model's __getattr__, some microseconds, and readers ask once per sentence)
        return {}


@cache
def get_lexicon() -> Lexicon:
    """The trigger lexicon of this process."""
    raw = TriggerFile.load()
    verbs: dict[str, Trigger] = {}
    phrasal: dict[tuple[str, str], Trigger] = {}
    for lemma, spec in raw.verbs.items():
        trigger = replace(spec, lemma=lemma)
        if " " in lemma:
            head, particle = lemma.split(" ", 1)
            phrasal[(head, particle)] = trigger
        else:
            verbs[lemma] = trigger
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        nouns={k: replace(v, lemma=k) for k, v in raw.nouns.items()},
        adjectives={k: replace(v, lemma=k) for k, v in raw.adjectives.items()},
        **{name: getattr(raw, name) for name in TriggerWords.model_fields},
    )
