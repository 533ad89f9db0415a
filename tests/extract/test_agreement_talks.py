"""Agreements the sides only talk over, and bare proposals: texts written for these tests. A
truce that the sides agree to discuss, consider or talk about is under negotiation, not agreed; a
bare 'the proposal' stands for the offer it names or points back at, not for any agreement still
open."""

import pytest

from peacewatch import extract

PUBLISHED = "2024-03-09"


def read(text):
    return [(a.kind, a.status, [(s.party, s.action) for s in a.history])
            for a in extract(text, published=PUBLISHED).agreements]


@pytest.mark.parametrize("text,comment", [
    ("Peru and Chile agreed to discuss a new ceasefire.", "an infinitive of discussing"),
    ("Peru and Chile agreed to consider a truce proposal.", "a proposal they agreed to consider"),
    ("Peru and Chile have agreed to talk about a truce.", "talking about it"),
    ("Peru and Chile agreed to hold talks on a truce.", "talks on it"),
    ("The truce was discussed on Monday.", "discussed in the passive"),
    ("Peru and Chile agreed to negotiate a ceasefire.", "negotiating in the infinitive is ahead"),
    ("Chile contemplated a truce with the rebels.", "a verb of deliberation the event readers share"),
    ("Peru and Chile agreed to examine a truce proposal.", "a verb of examining a text"),
    ("Chile hinted at a truce with the rebels.", "a verb of a prospect that takes no step"),
])
def test_a_truce_talked_over_is_not_agreed(text, comment):
    assert read(text) == [("ceasefire", "proposed", [])], comment


@pytest.mark.parametrize("text,party", [
    ("Chile floated a truce with the rebels on Monday.", "CHL"),
    ("Peru mooted a truce with Chile on Friday.", "PER"),
])
def test_a_truce_floated_is_proposed_not_talked_over(text, party):
    # for the event readers these verbs talk of an act as a prospect; of an agreement they propose it
    assert read(text) == [("ceasefire", "proposed", [(party, "proposed")])]


def test_a_truce_in_force_may_be_discussed():
    assert read("A truce has been in place since May. The leaders discussed the truce on Monday.") == [
        ("ceasefire", "agreed", [(None, "agreed")])]


def test_a_truce_negotiated_is_agreed():
    assert read("Norway negotiated a truce between Peru and Chile on Monday.") == [
        ("ceasefire", "agreed", [(None, "agreed")])]


def test_a_discussed_truce_keeps_the_steps_of_its_own_clause():
    assert read("The leaders discussed the truce, which took effect on Monday.") == [
        ("ceasefire", "in_force", [(None, "in_force")])]


@pytest.mark.parametrize("text,expected,comment", [
    ("Chile called for a truce on Monday. Peru welcomed the proposal from Bolivia.",
     [("ceasefire", "proposed", [])],
     "a proposal no one told of before: not the truce asked for"),
    ("Chile called for a truce. Bolivia proposed to hold direct talks. Peru welcomed the proposal from Bolivia.",
     [("ceasefire", "proposed", [])],
     "the offer told last is of talks, not of the truce"),
    ("Chile proposed a truce on Monday. Peru welcomed the proposal.",
     [("ceasefire", "proposed", [("CHL", "proposed"), ("PER", "accepted")])],
     "the offer told last is the truce: the proposal points back at it"),
    ("Chile proposed a truce on Monday. Bolivia offered condolences. Peru rejected the offer.",
     [("ceasefire", "rejected", [("CHL", "proposed"), ("PER", "rejected")])],
     "an offer of something other than an agreement or talks is no offer of one"),
])
def test_a_bare_proposal_stands_for_the_offer_it_points_back_at(text, expected, comment):
    assert read(text) == expected, comment


def test_a_proposal_of_talks_is_the_talks():
    assert read("Peru and Chile held peace talks in May. Chile called for a truce. Peru rejected the proposal "
                "from Bolivia to resume the peace talks.") == [
        ("peace_deal", "rejected", [("BOL", "proposed"), ("PER", "rejected")]),
        ("ceasefire", "proposed", [])]


def test_a_proposal_of_talks_named_first_is_an_agreement_of_its_own():
    assert read("Peru and Chile agreed to a ceasefire on Friday. Peru rejected the proposal from Chile to hold "
                "peace talks.") == [
        ("ceasefire", "agreed", [(None, "agreed")]),
        ("peace_deal", "rejected", [("CHL", "proposed"), ("PER", "rejected")])]
