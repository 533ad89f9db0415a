"""A body word that opens a sentence is written with a capital, which says nothing of a name:
'Regime airstrikes killed ...' points back as 'regime airstrikes' mid-sentence does, to the
country the story is about (context.refer_back). Sentences written for these tests."""

import pytest

import peacewatch


def _sources(text: str) -> list[tuple[str | None, str | None]]:
    events = peacewatch.extract(text, published="2025-05-07").events
    return [(e.source.country, e.source.sector) if e.source else (None, None) for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize("opening", ["Regime airstrikes killed", "On Monday, regime airstrikes killed"],
                         ids=["opening the sentence", "mid-sentence, as it was"])
def test_a_capital_at_a_sentences_start_is_no_name(opening):
    text = f"Fighting went on across Chad this week. {opening} twenty civilians in the north."
    assert _sources(text)[-1] == ("TCD", "GOV")

