"""The word classes of the speech readers (data/speech_words.yaml): the file loads through its typed
loader with every class filled, lemmas in lower case, and a wrong entry fails naming the entry."""

import pytest

from peacewatch.data import load_data, validate_data
from peacewatch.data.speech_words import SpeechWords
from peacewatch.errors import DataError


def test_every_class_is_filled_with_lemmas():
    words = SpeechWords.load()
    for field in SpeechWords.model_fields:
        value = getattr(words, field)
        assert value, f"speech_words.yaml: {field} is empty"
        keys = value if not isinstance(value, dict) else [w for ws in value.values() for w in ws] + list(value)
        assert all(w == w.lower().strip() for w in keys), field


def test_a_wrong_or_unknown_entry_is_named():
    raw = dict(load_data("speech_words.yaml"))
    raw["contempt_words"] = ["vile", 3]
    raw["typo_words"] = ["x"]
    with pytest.raises(DataError) as caught:
        validate_data("speech_words.yaml", raw, SpeechWords)
    message = str(caught.value)
    assert "speech_words.yaml" in message and "contempt_words.1" in message and "typo_words" in message
