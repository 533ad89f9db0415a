"""Towns named in another transliteration than any the gazetteer holds: read by their sound key
among the towns of the article's first country only. A generic name of a part of a town ('the Old
City') is a gazetteer place only in a story of that place's country."""

from __future__ import annotations

import pytest

from peacewatch.resolve.place import resolve_place, sound_key

# (two spellings of one name, what it covers)
SAME_KEY = [
    ("hassakeh", "al hasakah", "doubled letter, 'eh' and 'ah' endings, the article"),
    ("raqa", "al raqqah", "a final 'h' after a vowel, a doubled letter"),
    ("atareb", "al atarib", "a vowel written otherwise"),
    ("hassadjek", "hasajik", "the French 'dj'"),
    ("kardaha", "qardaha", "'q' and 'k'"),
    ("khan shaikhun", "khan shaykhun", "a diphthong written 'ai' or 'ay'"),
]


@pytest.mark.parametrize(("a", "b", "case"), SAME_KEY, ids=[c[0] for c in SAME_KEY])
def test_sound_key_merges_spellings(a, b, case):
    assert sound_key(a) == sound_key(b), case


def test_sound_key_keeps_consonants_apart():
    assert sound_key("homs") != sound_key("hama")


# (words, article countries, expected admin1 or None, what it covers)
CASES = [
    ("Hassakeh", ("SYR",), "SY.01", "a city in the article's country, in another spelling"),
    ("Raqa", ("SYR",), "SY.04", "a city whose alternate names miss this spelling"),
    ("Atareb", ("SYR",), "SY.09", "a small town in another spelling"),
    ("Raqa", (), None, "no country: the key is read in none"),
    ("Hassakeh", ("FRA",), None, "no town of the article's country has the key"),
    ("Foua", ("SYR",), None, "too few consonants to tell towns apart"),
    ("Hasakah", ("SYR",), "SY.01", "an alternate name is still read as before"),
]


@pytest.mark.parametrize(("words", "countries", "admin1", "case"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_town_by_sound(words, countries, admin1, case):
    place = resolve_place(words, countries=countries)
    assert (place.admin1 if place is not None else None) == admin1, case


# (words, article countries, expected country or None, what it covers)
GENERIC_CASES = [
    ("the Old City", ("SYR",), None, "a part of any town: not the one town of that name abroad"),
    ("Old City", ("PSE", "ISR"), "PSE", "in a story of its own country it is that place"),
    ("downtown", ("FRA",), None, "another generic part of a town"),
]


@pytest.mark.parametrize(("words", "countries", "country", "case"), GENERIC_CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in GENERIC_CASES])
def test_generic_part_of_a_town(words, countries, country, case):
    place = resolve_place(words, countries=countries)
    assert (place.country if place is not None else None) == country, case
