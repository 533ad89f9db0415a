"""A body of no named kind ('unit', 'force', 'group') before an event noun names no author alone;
with a word of its own it does (actors.party_role, actors.yaml generic_heads)."""

import pytest

from peacewatch.extract.actors import party_role

# (text, the word before the event noun, whether it names the act's author, the point)
ROLES = [
    ("A strong unit demonstration was held in the square on Friday.", "unit", False,
     "a body of no named kind alone is no one's"),
    ("Force attacks on the villages were reported on Monday.", "Force", False, "nor is 'force'"),
    ("A police unit raid on the camp left two dead.", "unit", True, "a unit with a word of its own"),
    ("Militia attacks on the villages killed ten people.", "Militia", True, "a named kind of body"),
]


@pytest.mark.parametrize(("text", "word", "author", "comment"), ROLES, ids=[r[3][:40] for r in ROLES])
def test_a_generic_body_needs_a_word_of_its_own(nlp, text, word, author, comment):
    token = next(t for t in nlp(text) if t.text == word)
    assert party_role(token) is author, comment
