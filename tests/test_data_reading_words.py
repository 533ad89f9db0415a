"""The data files of the number, casualty, weapon, agreement, claim, participant and country readers:
each loads through its typed model, and a wrong entry fails naming the file and the entry."""

import pytest

from peacewatch.data import load_data, validate_data
from peacewatch.data.reading_words import (
    AgreementWords,
    CasualtyWords,
    ClaimWords,
    CountryList,
    NumberWords,
    ParticipantWords,
    WeaponWords,
)
from peacewatch.errors import DataError

FILES = [
    ("numbers.yaml", NumberWords),
    ("casualties.yaml", CasualtyWords),
    ("weapons.yaml", WeaponWords),
    ("agreements.yaml", AgreementWords),
    ("claims.yaml", ClaimWords),
    ("participants.yaml", ParticipantWords),
    ("countries.yaml", CountryList),
]


@pytest.mark.parametrize(("name", "model"), FILES, ids=[n for n, _ in FILES])
def test_every_file_loads_through_its_model(name, model):
    words = model.load()
    assert model.FILE == name and isinstance(words, model)
    assert model.load() is words  # loaded once


def _broken(name: str, path: list, value) -> dict:
    """A copy of data file `name` with the entry at `path` set to `value`."""
    import copy

    raw = copy.deepcopy(load_data(name))
    node = raw
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return raw


# (file, model, path of the entry to break, wrong value, what the message must name)
WRONG_ENTRIES = [
    ("numbers.yaml", NumberWords, ["units", "seven"], "seven", "units.seven"),
    ("numbers.yaml", NumberWords, ["prefix_hedges", "at least"], "lower", "prefix_hedges.at least"),
    ("numbers.yaml", NumberWords, ["ambiguous_months", 1], "", "ambiguous_months.1"),
    ("casualties.yaml", CasualtyWords, ["death_verbs", 0], 7, "death_verbs.0"),
    ("casualties.yaml", CasualtyWords, ["killing_forms"], "kill", "killing_forms"),
    ("weapons.yaml", WeaponWords, ["weapons", "drone", "mode"], "flying", "weapon 'drone'"),
    ("weapons.yaml", WeaponWords, ["models", "Shahed", "weapon"], "broom", "model 'Shahed'"),
    ("weapons.yaml", WeaponWords, ["weapons", "rocket", "colour"], "red", "weapons.rocket.colour"),
    ("agreements.yaml", AgreementWords, ["unit_days", "week"], "seven", "unit_days.week"),
    ("agreements.yaml", AgreementWords, ["step_verbs", "signed", 1], None, "step_verbs.signed.1"),
    ("claims.yaml", ClaimWords, ["content_preps", "call", 0], True, "content_preps.call.0"),
    ("claims.yaml", ClaimWords, ["speaker_head_verbs", 2], "  ", "speaker_head_verbs.2"),
    ("participants.yaml", ParticipantWords, ["collective_parties", 0], ["side"], "collective_parties.0"),
    ("countries.yaml", CountryList, ["countries", 0, "iso3"], "af", "countries.0.iso3"),
    ("countries.yaml", CountryList, ["countries", 1, "metonyms"], {"Palace": "KING"}, "countries.1.metonyms.Palace"),
]


@pytest.mark.parametrize(("name", "model", "path", "value", "named"), WRONG_ENTRIES,
                         ids=[w[4] for w in WRONG_ENTRIES])
def test_a_wrong_entry_fails_naming_file_and_entry(name, model, path, value, named):
    with pytest.raises(DataError) as caught:
        validate_data(name, _broken(name, path, value), model)
    message = str(caught.value)
    assert name in message and named in message, message


@pytest.mark.parametrize(("name", "model"), FILES, ids=[n for n, _ in FILES])
def test_an_unknown_list_is_refused(name, model):
    raw = dict(load_data(name))
    raw["typo_words"] = ["x"]
    with pytest.raises(DataError, match=f"{name}.*typo_words"):
        validate_data(name, raw, model)


def test_number_words_keep_their_values():
    words = NumberWords.load()
    assert words.units["nineteen"] == 19 and words.tens["fourty"] == 40
    assert words.suffix_hedges["+"] == "min" and words.prefix_hedges["up to"] == "max"
    assert "no" in words.zero_phrases  # quoted in the file: bare, YAML reads it as false


def test_call_on_is_not_a_content_preposition():
    """'call on' was in claims.yaml as a bare `on`, which YAML reads as true and never matched;
    it stays out so the claims read do not change."""
    assert ClaimWords.load().content_preps["call"] == ["for"]
