"""The word lists of the actor and event readers (data/event_words.yaml, data/actor_words.yaml):
each file loads through its typed loader, and a wrong entry fails naming the file and the entry."""

import pytest

from peacewatch.data import load_data, validate_data
from peacewatch.data.event_words import ActorWords, EventWords
from peacewatch.errors import DataError

FILES = [("event_words.yaml", EventWords), ("actor_words.yaml", ActorWords)]


@pytest.mark.parametrize(("name", "model"), FILES)
def test_every_file_loads_with_every_list(name, model):
    words = model.load()
    assert model.FILE == name and isinstance(words, model)
    for field in model.model_fields:
        assert getattr(words, field), f"{name}: {field} is empty"


def test_event_words_are_lemmas():
    words = EventWords.load()
    for field in EventWords.model_fields:
        assert all(w == w.lower().strip() for w in getattr(words, field)), field


def test_lists_keep_the_words_the_readers_used():
    assert "proposal" in EventWords.load().offer_nouns and "peace" in EventWords.load().offer_nouns
    assert EventWords.load().possibility_modals == {"may", "might", "could"}
    assert "Chad" in ActorWords.load().first_name_countries and "U.S." in ActorWords.load().short_forms


@pytest.mark.parametrize(("name", "model"), FILES)
def test_a_wrong_entry_is_named(name, model):
    raw = dict(load_data(name))
    first = next(iter(model.model_fields))
    raw[first] = ["fine", 3, "  "]
    with pytest.raises(DataError) as caught:
        validate_data(name, raw, model)
    message = str(caught.value)
    assert name in message and f"{first}.1" in message and f"{first}.2" in message


@pytest.mark.parametrize(("name", "model"), FILES)
def test_a_missing_or_unknown_list_is_named(name, model):
    raw = dict(load_data(name))
    first = next(iter(model.model_fields))
    del raw[first]
    raw["typo_words"] = ["x"]
    with pytest.raises(DataError) as caught:
        validate_data(name, raw, model)
    message = str(caught.value)
    assert name in message and first in message and "typo_words" in message
