"""'X joined Y in urging W': the act joined in is done by each of them, one event per dyad
(CONVENTIONS 2). Sentences written for these tests."""

import pytest

from peacewatch import extract


def _events(text):
    return [(e.type, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in extract(text, published="2025-05-07").events]


# (text, events expected among those read, what it covers)
CASES = [
    ("Chile joined Peru in urging Bolivia to accept the truce.",
     [("REQUEST", "CHL", "BOL"), ("REQUEST", "PER", "BOL")], "a demand made together: one per author"),
    ("Norway joined Denmark in condemning the attack by Iran.",
     [("ACCUSE", "NOR", "IRN"), ("ACCUSE", "DNK", "IRN")], "a condemnation made together"),
    ("Leaders of Chile and Peru joined the Bolivian president in La Paz in calling on Argentina to halt the shelling.",
     [("REQUEST", "CHL", "ARG"), ("REQUEST", "PER", "ARG"), ("REQUEST", "BOL", "ARG")],
     "listed joiners and the one joined, each an author"),
]


@pytest.mark.parametrize("text,expected,comment", CASES, ids=[c[2] for c in CASES])
def test_joint_acts(text, expected, comment):
    got = _events(text)
    assert all(e in got for e in expected), got


def test_joining_alone_is_no_act():
    assert _events("Finland joined the alliance in 2023.") == []
