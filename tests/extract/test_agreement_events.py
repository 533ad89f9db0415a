"""Agreements reached whose sentence names no party: their AGREE event takes the parties the
agreement reader knows from elsewhere in the article, or is left out. Sentences written for these tests."""

from peacewatch import extract


def _agree(text):
    return [e for e in extract(text, published="2025-05-07").events if e.type == "AGREE"]


def test_truce_taking_effect_takes_the_parties_named_before():
    text = ("The truce between Peru and Ecuador has come under strain.\n\n"
            "Nine soldiers have been killed since the truce took effect on March 3, 2024, officials said.")
    agree = _agree(text)
    assert len(agree) == 1
    assert {agree[0].source.country, agree[0].target.country} == {"PER", "ECU"}
    assert agree[0].date.value == "2024-03-03"
    assert agree[0].evidence.startswith("Nine soldiers")
    assert agree[0].agreement == 0


def test_no_parties_known_no_event():
    text = "Nine soldiers have been killed since the truce took effect on March 3, 2024, officials said."
    assert _agree(text) == []


def test_a_truce_holding_is_no_act():
    # taking effect tells an act only with its date; 'holds' tells a state
    text = ("The truce between Peru and Ecuador has come under strain.\n\n"
            "The truce has largely held, officials said.")
    assert _agree(text) == []


def test_an_agreement_told_by_its_own_event_is_not_told_twice():
    text = ("Peru and Ecuador signed a truce on Monday.\n\n"
            "Two soldiers have been killed since the truce took effect on Tuesday, officials said.")
    assert not [e for e in _agree(text) if e.evidence.startswith("Two soldiers")]
