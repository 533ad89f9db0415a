"""Typed loaders of the word-list data files: each file is validated once, at first use, by a
pydantic model, and a broken file fails naming the file and the entry (see load_model)."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from peacewatch.data import Word, load_model


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
