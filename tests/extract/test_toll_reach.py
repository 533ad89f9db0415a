"""A sentence that tells no strike has its toll read only when a strike told just before it can
take the toll (events._strike_within_reach): the tolls read are the same. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch.extract import events
from peacewatch.extract.events import Draft, extract_events
from peacewatch.nlp import get_nlp

STRIKE = "Rebels shelled the town of Kadugli on Monday."
TOLL = "Over 40 people were wounded."


@pytest.mark.parametrize("between,joined", [
    ([], True),
    (["The market was closed."], True),
    (["The market was closed.", "Residents left."], False),  # beyond CASUALTY_WINDOW
], ids=["next sentence", "one between", "two between"])
def test_a_bare_toll_joins_a_strike_within_reach(between, joined):
    doc = get_nlp()(" ".join([STRIKE, *between, TOLL]))
    found = extract_events(doc, date(2024, 5, 6))
    assert [e.type for e in found] == ["ASSAULT"]
    assert (found[0].injured is not None and found[0].injured.min == 40) == joined


def test_a_bare_toll_after_no_strike_is_no_event():
    doc = get_nlp()("The talks opened in Geneva on Monday. " + TOLL)
    assert [e.type for e in extract_events(doc, date(2024, 5, 6))] == []


def _draft(kind: str, index: int) -> Draft:
    return Draft(type=kind, mode=None, status="occurred", mentions=[], sent_index=index)


@pytest.mark.parametrize("drafts,index,expected", [
    ([], 3, False),
    ([("ASSAULT", 1)], 3, True),
    ([("ASSAULT", 0)], 3, False),
    ([("ASSAULT", 1), ("CONSULT", 2), ("ACCUSE", 3)], 3, True),
    ([("ASSAULT", 0), ("CONSULT", 2)], 3, False),
])
def test_strike_within_reach(drafts, index, expected):
    assert events._strike_within_reach([_draft(k, i) for k, i in drafts], index) is expected
