"""The data files: every one loads, and a broken one fails naming the file and the entry."""

from importlib import resources

import pytest
from pydantic import BaseModel

from peacewatch.data import WordLists, load_data, validate_data
from peacewatch.data.lexicons import MentionWords, instrument_nouns
from peacewatch.errors import DataError

DATA_FILES = sorted(p.name for p in resources.files("peacewatch.data").iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_loads_and_says_what_it_holds(name):
    assert load_data(name) is not None
    head = resources.files("peacewatch.data").joinpath(name).read_text(encoding="utf-8").lstrip()
    assert head.startswith("#"), f"{name} should say at its top what it holds and how to extend it"
    comment = "\n".join(line for line in head.splitlines() if line.startswith("#")).lower()
    assert "extend" in comment or "add " in comment, f"{name} should say how to extend it"


def test_a_wrong_entry_is_named():
    with pytest.raises(DataError) as caught:
        validate_data("words.yaml", {"verbs": ["strike", 3, ""]}, WordLists)
    message = str(caught.value)
    assert "words.yaml" in message and "verbs.1" in message and "verbs.2" in message


def test_a_missing_list_is_named():
    with pytest.raises(DataError, match="mentions.yaml.*instrument_nouns"):
        validate_data("mentions.yaml", {}, MentionWords)


def test_an_unknown_key_is_refused():
    class Strict(MentionWords):
        pass

    with pytest.raises(DataError, match="typo"):
        validate_data("mentions.yaml", {"instrument_nouns": ["drone"], "typo": []}, Strict)
    assert issubclass(Strict, BaseModel)


def test_instrument_nouns_are_lemmas():
    nouns = instrument_nouns()
    assert "missile" in nouns and all(n == n.lower().strip() for n in nouns)


@pytest.mark.parametrize(("raw", "entry"), [
    ({"verbs": {"hit": {"type": "ASSAULT", "objectz": ["x"]}}, "nouns": {}}, "verbs.hit.objectz"),
    ({"verbs": {"hit": {"type": "ATTACK"}}, "nouns": {}}, "verbs.hit.type"),
    ({"verbs": {}, "nouns": {}, "threat_types": ["NOPE"]}, "threat_types.0"),
])
def test_a_wrong_trigger_entry_is_named(raw, entry):
    from peacewatch.data.lexicons import TriggerFile

    with pytest.raises(DataError, match=entry.replace(".", r"\.")):
        validate_data("triggers.yaml", raw, TriggerFile)


def test_an_empty_requires_list_requires_nothing():
    from peacewatch.data.lexicons import Trigger

    assert Trigger(type="ASSAULT", requires=frozenset()).requires is None
