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
])
def test_a_truce_talked_over_is_not_agreed(text, comment):
    assert read(text) == [("ceasefire", "proposed", [])], comment


def test_a_truce_in_force_may_be_discussed():
    assert read("A truce has been in place since May. The leaders discussed the truce on Monday.") == [
        ("ceasefire", "agreed", [(None, "agreed")])]


def test_a_discussed_truce_keeps_the_steps_of_its_own_clause():
    assert read("The leaders discussed the truce, which took effect on Monday.") == [
        ("ceasefire", "in_force", [(None, "in_force")])]
