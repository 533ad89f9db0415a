"""Whom an event is aimed at when the sentence names that party inside the act's own object:
the act a threat threatens, the partner of a deal, the recipient of what is given; and who acts
when the parse hangs the verb on its subject. Sentences invented for these tests."""

import pytest

from peacewatch.runner.pipeline import extract


def _targets(text, kind):
    return [e.target.country if e.target else None
            for e in extract(text, published="2025-05-07").events if e.type == kind]


# (text, event type, target country, the point)
CASES = [
    ("Peru threatened on Tuesday to suspend its border truce with Chile.", "THREATEN", "CHL",
     "a threat to end a deal is aimed at the deal's partner"),
    ("Norway threatened to impose new sanctions on Belarus.", "THREATEN", "BLR",
     "a threat of sanctions is aimed at whoever they would hit"),
    ("Peru threatened to halt military aid to Bolivia.", "THREATEN", "BOL",
     "a threat to stop giving is aimed at the recipient"),
    ("The rebels of the north, who signed a peace accord with Peru in 2010, laid down their arms.", "AGREE", "PER",
     "a deal agreed with X: X is the other party"),
    ("Japan has pledged $40 million to support Ukrainian farmers.", "AID", "UKR",
     "aid given to support X goes to X"),
    ("Egypt is expected to allow Sudanese refugees to cross the border.", "CONCEDE", "SDN",
     "a permission is granted to the one allowed"),
    ("Chile has called for an end to Peru's air strikes.", "REQUEST", "PER",
     "a demand to stop an act is aimed at its author"),
    ("Germany approved new arms sales to Peru on Monday.", "AID", "PER",
     "a noun of giving names its recipient with 'to'"),
    ("Norway sent humanitarian aid to Sudan.", "AID", "SDN", "aid sent 'to' X goes to X"),
    ("The UN appealed to Peru to release the prisoners.", "REQUEST", "PER", "an appeal 'to' X asks X"),
    ("In return, the Peruvian army pledged to halt air strikes on Chile's border posts.", "CONCEDE", "CHL",
     "a pledge to halt force is made to whoever the force was aimed at"),
]


@pytest.mark.parametrize("text,kind,want,point", CASES, ids=[c[3][:40] for c in CASES])
def test_the_target_inside_the_object(text, kind, want, point):
    assert want in _targets(text, kind), point


def test_a_threat_of_nothing_named_has_no_target():
    """'threatened to resign': nobody is aimed at; unknown stays null."""
    assert _targets("The minister threatened to resign over the vote.", "THREATEN") in ([], [None])


def test_an_act_made_possible_is_no_permission():
    """'..., allowing the army to advance': what a truce made possible, not a concession to the army."""
    events = extract("The truce broke down, allowing Peruvian troops to advance.", published="2025-05-07").events
    assert not [e for e in events if e.type == "CONCEDE" and e.target is not None]


def test_a_verb_after_an_apposition_has_that_subject():
    """'X, a group founded in 2002, swept across ..., seizing towns': the parse makes 'swept' a
    modifier of X; X is still who swept and seized."""
    events = extract("The deal comes after Boko Haram, a jihadist group founded in 2002, swept across the "
                     "northeast of Nigeria last year, seizing several towns.", published="2025-05-07").events
    assert [(e.source.country, e.source.sector) for e in events if e.type == "ASSAULT" and e.source] == [("NGA", "REB")]


@pytest.mark.parametrize("text", [
    "It follows an earlier strike, which the health ministry of Chile said killed one person.",
    "It follows an earlier strike on the village of Kfar, which the health ministry of Chile said killed one person.",
])
def test_which_is_not_the_speaker(text):
    """'a strike, which X said killed one': 'which' is the strike (author unknown), never X who told it."""
    events = [e for e in extract(text, published="2025-05-07").events if e.type == "ASSAULT"]
    assert events and all(e.source is None or e.source.country != "CHL" for e in events)


def test_a_participle_of_aiming_tells_the_target_and_is_no_act():
    """'sanctions targeting X': X is sanctioned; 'targeting' is no assault of its own."""
    events = extract("Canada adopted new sanctions targeting Iranian banks.", published="2025-05-07").events
    assert [(e.type, e.target.country if e.target else None) for e in events] == [("SANCTION", "IRN")]


@pytest.mark.parametrize("text", [
    "The new sanctions targeted Iranian steel exports and two Iranian banks.",
    "Canada on Monday adopted a fresh package of sanctions against Iran, targeting its oil sector.",
    "The measures announced by Canada are aimed at Iranian banks.",
])
def test_an_aiming_verb_said_of_sanctions_is_no_attack(text):
    """'the sanctions targeted X', 'a package of sanctions ..., targeting X': the verb tells what
    the sanctions hit; it is no assault of its own (before, each was an ASSAULT)."""
    events = extract(text, published="2025-05-07").events
    assert not [e for e in events if e.type == "ASSAULT"]
    assert [e.target.country for e in events if e.type == "SANCTION" and e.target][:1] in ([], ["IRN"])
