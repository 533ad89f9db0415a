"""The per-doc indexes of the parse in nlp.py give what spaCy's Token navigation gives."""

import pytest

TEXTS = [
    # a clause with a subordinate clause, a control verb, coordination and prepositions
    "The rebels said on Monday that they would not release the hostages unless the council agreed to talks.",
    # two paragraphs, a headline without a verb, and a relative clause
    "Army retakes hill town\n\nSoldiers who crossed the river at dawn seized the bridge and two depots.",
    # a parse the repairs rewrite: a verb misread as an adjective, a verbal noun after a modifier
    "The envoy closed the embassy, cancelled all visas and asked the diplomats to leave.",
    "Nine villagers died in militia shelling on the western districts.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_children_are_the_tokens_children(nlp, text):
    from peacewatch.nlp import children, children_of, doc_tokens

    doc = nlp(text)
    assert [[c.i for c in found] for found in children(doc)] == [[c.i for c in t.children] for t in doc]
    assert all(children_of(t) is children(doc)[t.i] for t in doc)
    # the lists hold the doc's shared tokens, not new ones
    shared = {id(t) for t in doc_tokens(doc)}
    assert all(id(c) in shared for found in children(doc) for c in found)
    assert children(doc) is children(doc)
