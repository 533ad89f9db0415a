"""The author of a strike its clause leaves unnamed, read from the words of its means: a party word
or a nationality before the means ('killed in regime barrel bomb attacks'), a name hyphened to a
word of leading ('a US-led coalition air strike'), the agent of a participle on the means ('a
missile fired by X') or of a clause of the moment ('when bombs were dropped by X'); and none where
the words name no one (extract/events.py _means_authors)."""

import pytest

from peacewatch.runner.pipeline import extract


def _sources(text: str) -> list[tuple[str | None, str | None]]:
    report = extract(text, published="2016-05-02")
    return [(e.source.country, e.source.sector) if e.source is not None else (None, None)
            for e in report.events if e.type == "ASSAULT"]


# (text, the (country, sector) of each strike's source, the point)
AUTHORS = [
    ("At least 14 civilians were killed in Syrian regime barrel bomb attacks on the town on Monday.",
     [("SYR", "GOV")], "a party word and its nationality several modifiers before the means"),
    ("Eleven civilians were killed in Syrian regime airstrikes on the town.",
     [("SYR", "GOV")], "the small model tags the means a verb after a party word: the words are read in order"),
    ("Six people were killed in Russian and Syrian regime raids on the town.",
     [("RUS", "GOV"), ("SYR", "GOV")], "two parties before one means: one event per dyad"),
    ("Five people were killed in a suspected US-led coalition air strike near the town.",
     [("USA", "GOV")], "a name hyphened to 'led' leads the strike"),
    ("A missile fired by Syrian government forces killed nine civilians in the old city.",
     [("SYR", "MIL")], "the agent of a participle on the means"),
    ("Twelve people were killed when barrel bombs were dropped by Syrian army helicopters on the village.",
     [("SYR", "MIL")], "the agent of a clause that tells the moment of the harm by its means"),
]

NO_AUTHOR = [
    ("Ten people were killed in an air strike on a rebel-held village.",
     "a party hyphened to another word ('rebel-held') is where, not who"),
    ("Nine people were killed hours after the two powers agreed a truce.",
     "a clause of the moment that tells no act of force names no author"),
    ("Seven people were killed in a blast at a market in the Syrian capital.",
     "a nationality after the means is where it struck, not who struck"),
]


@pytest.mark.parametrize(("text", "expected", "comment"), AUTHORS, ids=[a[2][:40] for a in AUTHORS])
def test_author_read_from_the_means(text, expected, comment):
    assert _sources(text) == expected, comment


@pytest.mark.parametrize(("text", "comment"), NO_AUTHOR, ids=[a[1][:40] for a in NO_AUTHOR])
def test_no_author_where_the_words_name_none(text, comment):
    assert all(source == (None, None) for source in _sources(text)), comment


def test_a_kind_alone_stays_unknown():
    """'paramilitary attacks' names a kind of party, not which: with no country or name it is left
    for the article to tell (another telling of the strike, or its one attacker)."""
    assert _sources("More than 40 people were killed in paramilitary attacks on the camps.") == [(None, None)]
