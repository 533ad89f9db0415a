"""Speech acts read from what a statement says (extract/speech.py), and event nouns told with their
own circumstances: one construction per row, with a sentence of the same shape where nothing of
that kind must be read. Sentences written for these tests."""

import pytest

from peacewatch import extract

PUBLISHED = "2025-05-07"


def _events(text, kind):
    return [e for e in extract(text, published=PUBLISHED).events if e.type == kind]


@pytest.mark.parametrize("text,kind,source,target,comment", [
    ('"Only cowards could do such a thing to a school," Peru\'s president said on Monday.', "ACCUSE", "PER", None,
     "quoted words of contempt are the speaker's condemnation"),
    ("Chile's foreign minister said Bolivia had repeatedly broken its commitments.", "ACCUSE", "CHL", "BOL",
     "breaking commitments, said of another, is an accusation"),
    ('"Ecuador bears full responsibility for the bloodshed," the Peruvian foreign minister said.', "ACCUSE", "PER",
     "ECU", "bearing responsibility for a harm, said of another, is blame"),
    ("United Nations observers documented dozens of Ecuadorian violations along the border.", "ACCUSE", None, "ECU",
     "whoever records another's violations accuses it"),
    ('"If our ships are attacked, Chile will pay dearly," the Peruvian defence minister told reporters.', "THREATEN",
     "PER", "CHL", "harm to another told for the future under a hostile condition is a warning"),
    ("Bolivia's army said it remains ready to defend the border against any aggression.", "THREATEN", "BOL", None,
     "readiness for force, stated, is a warning"),
    ("A Chilean statement said its navy remains prepared for any scenario.", "THREATEN", "CHL", None,
     "readiness for a scenario, stated by X of its own forces, is X's warning"),
    ("Peru said any incursion into its waters will be treated as an act of war.", "THREATEN", "PER", None,
     "an act announced to be answered as war is a warning"),
    ("Peru's foreign minister postponed his visit to Ecuador.", "CONSULT", "PER", "ECU",
     "a postponed visit is a visit that did not take place"),
    ("The decision followed a meeting of the cabinet chaired by the Chilean president.", "CONSULT", "CHL", None,
     "a meeting that dates another act is told for itself when it has its own host"),
    ("Talks stalled despite a Brazilian push to end hostilities between Peru and Ecuador.", "REQUEST", "BRA", "PER",
     "a push to end fighting is a request to each side"),
    ("The truce between Chile and Bolivia took effect on March 3.", "AGREE", "CHL", "BOL",
     "an agreement taking effect is the agreement, dated by its start"),
    ("European diplomats struggled to persuade Peru to join the talks.", "REQUEST", None, "PER",
     "struggling to persuade is trying to persuade: a request"),
    ("Chile's president lifted his veto after obtaining guarantees from Argentina over gas prices.", "AGREE", "ARG",
     "CHL", "guarantees obtained from someone are that one's promise"),
    ("A statement said Bolivia's armed forces remain fully capable and prepared to defend the country.", "THREATEN",
     "BOL", None, "readiness coordinated with another word of ability"),
    ("In response to Chile's closure of the border, Bolivia's government expressed strong condemnation.", "ACCUSE",
     "BOL", "CHL", "a condemnation in response to another's act is aimed at that one"),
    ("Peru expelled Chile's ambassador and said any incursion will be met with force.", "THREATEN", "PER", "CHL",
     "a warning naming no one is aimed where its author's other hostile acts of the sentence are"),
    ("Ukraine's foreign minister called the Russian strike a war crime.", "ACCUSE", "UKR", "RUS",
     "a label of wrongdoing given to an act condemns its author"),
    ("The Ukrainian minister called Putin a war criminal.", "ACCUSE", "UKR", "RUS",
     "a label of wrongdoing given to a party condemns it"),
    ('"Moscow will pay a heavy price for this," Ukraine\'s president said.', "THREATEN", "UKR", "RUS",
     "a price a named party will pay, said by another, is a warning"),
])
def test_speech_acts(text, kind, source, target, comment):
    events = _events(text, kind)
    assert events, comment
    assert any((e.source.country if e.source else None) == source or source is None for e in events), comment
    assert any((e.target.country if e.target else None) == target or target is None for e in events), comment


@pytest.mark.parametrize("text,kind,comment", [
    ('"The harvest was poor this year," Peru\'s agriculture minister said.', "ACCUSE",
     "a quote without words of contempt is a neutral statement"),
    ("Peru's agriculture minister said farmers will suffer if the rains fail.", "THREATEN",
     "harm under a condition that is no hostile act is a forecast"),
    ("Bolivia's foreign ministry said it is ready to talk to the rebels.", "THREATEN",
     "readiness to talk is no warning"),
    ("Peru's trade minister said the request will be considered next week.", "THREATEN",
     "an act to be considered with no word of force is no warning"),
    ("Chile's minister said the agency is responsible for road maintenance.", "ACCUSE",
     "responsibility for no harm is no blame"),
    ("The army claimed responsibility for the attack on the convoy.", "ACCUSE",
     "owning up to one's own act accuses no one"),
    ("The rebel group said on Monday they were responsible for the bombing of the bus.", "ACCUSE",
     "'they were responsible', said by a group, may be its own claim"),
    ('"There were bakeries, butchers and phone shops there," the mayor of Tarvo said.', "ACCUSE",
     "a shop is no word of contempt"),
    ("Chile's president lifted his veto after obtaining guarantees over gas prices.", "AGREE",
     "guarantees from no one named are nobody's promise"),
    ("Peru's minister described the talks as constructive.", "ACCUSE",
     "a label of no wrongdoing condemns nothing"),
    ("Aid groups said civilians will pay the price.", "THREATEN",
     "a price paid by no named party is a forecast"),
])
def test_no_speech_act(text, kind, comment):
    assert not _events(text, kind), comment


def test_postponed_visit_is_negated():
    events = _events("Peru's foreign minister postponed his visit to Ecuador.", "CONSULT")
    assert [e.status for e in events] == ["negated"]


def test_push_to_end_fighting_is_asked_of_both_sides():
    events = _events("Talks stalled despite a Brazilian push to end hostilities between Peru and Ecuador.", "REQUEST")
    assert sorted(e.target.country for e in events if e.target) == ["ECU", "PER"]


def test_agreement_onset_is_dated_by_its_start():
    events = _events("The truce between Chile and Bolivia took effect on March 3.", "AGREE")
    assert [e.date.value for e in events] == ["2025-03-03"]


def test_force_met_is_no_meeting():
    text = "Peru expelled Chile's ambassador and said any incursion will be met with force."
    assert not _events(text, "CONSULT")


def test_condemnation_in_a_warning_is_the_warning():
    text = "Peru's minister described the raid as terrorism and warned that Peru would respond."
    assert _events(text, "THREATEN") and not _events(text, "ACCUSE")


def test_readiness_warning_is_no_promise():
    text = "Bolivia's army said it remains ready to defend the border against any aggression."
    assert not [e for e in _events(text, "AGREE") if e.mode == "promise"]
