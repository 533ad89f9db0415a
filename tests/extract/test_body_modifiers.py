"""A country word and a body word before an event noun name one party, the country's body
('Chadian army strikes': the Chadian army, MIL), however the parse hangs the country word: on
the body word or beside it, on the event noun. Sentences written for these tests."""

import pytest

import peacewatch


def _sources(text: str) -> list[tuple[str | None, str | None]]:
    events = peacewatch.extract(text, published="2025-05-07").events
    return [(e.source.country, e.source.sector) if e.source else (None, None) for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text,expected", [
    ("A Chadian army offensive killed twelve fighters near the border on Monday.", [("TCD", "MIL")]),
    ("Chadian army strikes killed nine people near the border on Monday.", [("TCD", "MIL")]),
    ("Twelve Fighters Killed in New Chadian Army Offensive near Border", [("TCD", "MIL")]),
    ("Chadian Army rocket attack near the border has killed nine fighters.", [("TCD", "MIL")]),
    ("Mexican police raids killed four gang members on Monday.", [("MEX", "MIL")]),
    ("A Ugandan government offensive killed ten rebels on Monday.", [("UGA", "GOV")]),
], ids=["country word beside the body word", "plural event noun", "a headline's capitals",
        "country word on the body word", "police", "government"])
def test_a_country_word_and_a_body_word_are_one_party(text, expected):
    assert _sources(text) == expected


def test_a_name_before_the_country_word_is_not_the_bodys(nlp):
    """'AFP Chadian army strikes' (a dateline run into the sentence): only the country word is
    the body's; the agency's name before it is no part of the body's name."""
    from peacewatch.extract.actors import body_modifiers

    doc = nlp("AFP Chadian army strikes hit the town on Monday.")
    army = next(t for t in doc if t.text == "army")
    assert [t.text for t in body_modifiers(army)] == ["Chadian"]
    assert body_modifiers(next(t for t in doc if t.text == "town")) == []
