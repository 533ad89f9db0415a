"""Numbered instruments read from sentences (fuse/instruments.py)."""

from peacewatch.fuse.instruments import instruments


def test_an_ordinal_before_a_noun_of_a_series_names_an_instrument():
    assert instruments(["The council adopted its 12th sanctions package on Monday."]) == {"12 package"}
    assert instruments(["They backed a twelfth raft of measures."]) == {"12 package"}
    assert instruments(["The second phase of the handover began."]) == {"2 phase"}
    assert instruments(["The second round of talks opened.", None]) == {"2 package"}


def test_an_ordinal_with_no_noun_of_a_series_names_none():
    assert instruments(["For the first time, the army struck the port."]) == frozenset()
    assert instruments(["It was the 3rd day of fighting in the first week of May."]) == frozenset()
