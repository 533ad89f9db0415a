"""Whose side a quotation speaks from: what 'our' or 'my' owns in a quotation is the quoted
speaker's side, never the country of the person the quotation is about, nor the story's; unknown
(null) when the speaker's side is not known. Sentences written for these tests."""

import pytest

import peacewatch


def _targets(text: str, kind: str = "ASSAULT") -> list[tuple[str | None, str | None]]:
    events = peacewatch.extract(text, published="2025-05-07").events
    return [(e.target.country, e.target.sector) if e.target else (None, None) for e in events if e.type == kind]


@pytest.mark.parametrize("text,expected", [
    ('\u201cHe bombed our towns,\u201d Halvorsen said about Chile\u2019s President Pablo Soto.',
     [(None, None)]),
    ('Norwegian Defence Minister Erik Halvorsen arrived in Oslo on Monday. Talks on the border went on. '
     '\u201cHe bombed our towns,\u201d Halvorsen said about Chilean President Pablo Soto.',
     [("NOR", "CVL")]),
    ('\u201cChile bombed our towns,\u201d the Norwegian defence minister said.',
     [("NOR", "CVL")]),
    ('\u201cChile bombed our towns,\u201d he said.',
     [(None, None)]),
], ids=["speaker of no known side: unknown, not the country of whom it is about",
        "a bare surname is the person named in full before",
        "a titled speaker's country", "a pronoun speaker: unknown"])
def test_what_our_owns_in_a_quotation_is_the_speakers(text, expected):
    assert _targets(text) == expected


def test_a_participle_of_saying_speaks_for_the_subject_of_its_sentence():
    """'X warned that ..., adding, "our troops ..."': the parse may hang 'adding' on the 'that'
    clause; the speaker is still the subject of the sentence, not of what was said."""
    text = ("Chile massed troops on the border. Defence Minister Erik Halvorsen of Norway warned that Chile "
            "could attack, adding, \u201cOur troops must be ready to repel any attack by the enemy.\u201d")
    events = peacewatch.extract(text, published="2025-05-07").events
    ours = [a for e in events for a in (e.source, e.target) if a is not None and a.text.lower() == "our troops"]
    assert ours and all((a.country, a.sector) == ("NOR", "MIL") for a in ours)
