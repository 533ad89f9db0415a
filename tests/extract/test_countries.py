"""Country words: names, aliases, adjectives, demonyms and seats of government to ISO3."""

import pytest

from peacewatch.data import load_data
from peacewatch.extract.countries import country_name, country_of, is_metonym

COUNTRY_CASES = [
    ("Russia", "RUS", "canonical short name"),
    ("Russia's", "RUS", "possessive"),
    ("Russia\u2019s", "RUS", "possessive with a typographic apostrophe"),
    ("the Russians", "RUS", "plural demonym with article"),
    ("Russian Federation", "RUS", "official name as alias"),
    ("US", "USA", "all-caps abbreviation"),
    ("U.S.", "USA", "dotted abbreviation keeps its final stop"),
    ("us", None, "the pronoun is never the United States"),
    ("Us", None, "abbreviations only match in capitals"),
    ("America", "USA", "informal name"),
    ("UK", "GBR", "abbreviation"),
    ("U.K.", "GBR", "dotted abbreviation"),
    ("Britain", "GBR", "informal name"),
    ("British", "GBR", "adjective"),
    ("Britons", "GBR", "irregular demonym"),
    ("Polish", "POL", "adjective"),
    ("Poles", "POL", "irregular plural demonym"),
    ("polish", None, "a lower-case common word is not a country"),
    ("turkey", None, "a lower-case common word is not a country"),
    ("Turkey", "TUR", "name that is also a common word, capitalised"),
    ("RUSSIA", "RUS", "headline capitals fall back to a case-insensitive match"),
    ("Emirati", "ARE", "adjective unlike the name"),
    ("UAE", "ARE", "abbreviation"),
    ("Saudi", "SAU", "clipped adjective"),
    ("Saudis", "SAU", "clipped plural demonym"),
    ("Israeli", "ISR", "adjective in -i"),
    ("Palestinian", "PSE", "non-member state adjective"),
    ("Gaza", "PSE", "territory coded as its state (CONVENTIONS rule 8: Gaza ministries are PSE)"),
    ("Crimea", "UKR", "CONVENTIONS rule 8: Crimea is UKR"),
    ("Sudanese", "SDN", "adjective in -ese"),
    ("South Sudan", "SSD", "longer name is a different state"),
    ("DRC", "COD", "abbreviation"),
    ("Congolese", "COD", "adjective of the larger Congo"),
    ("Kosovo", "XKX", "partially recognised state"),
    ("Taiwan", "TWN", "partially recognised state"),
    ("Western Sahara", "ESH", "non-self-governing territory listed as a state"),
    ("Kremlin", "RUS", "seat of government metonym"),
    ("White House", "USA", "seat of government metonym"),
    ("Pentagon", "USA", "defence ministry metonym"),
    ("Downing Street", "GBR", "seat of government metonym"),
    ("Elys\u00e9e", "FRA", "accents are folded"),
    ("Kyiv", "UKR", "capital"),
    ("Kiev", "UKR", "older spelling of the capital"),
    ("New Delhi", "IND", "two-word capital"),
    ("Islamabad", "PAK", "capital"),
    ("Tehran", "IRN", "capital"),
    ("Europe", None, "a continent is not a country (actors treat it as IGO)"),
    ("", None, "empty text"),
]


@pytest.mark.parametrize(("text", "expected", "comment"), COUNTRY_CASES,
                         ids=[c[0] or "empty" for c in COUNTRY_CASES])
def test_country_of(text, expected, comment):
    assert country_of(text) == expected, comment


@pytest.mark.parametrize(("iso3", "expected"), [
    ("RUS", "Russia"), ("USA", "United States"), ("GBR", "United Kingdom"), ("PSE", "Palestine"),
    ("XXX", None),
])
def test_country_name(iso3, expected):
    assert country_name(iso3) == expected


METONYM_CASES = [
    ("Kremlin", True, "seat of government"),
    ("the Kremlin", True, "with article"),
    ("Kyiv", True, "capital standing for the government"),
    ("Pentagon", True, "seat of a military"),
    ("Russia", False, "the state's own name is not a metonym"),
    ("Russian", False, "adjective"),
    ("Florbania", False, "unknown word"),
]


@pytest.mark.parametrize(("text", "expected", "comment"), METONYM_CASES, ids=[c[0] for c in METONYM_CASES])
def test_is_metonym(text, expected, comment):
    assert is_metonym(text) is expected, comment


def test_countries_data_is_complete_and_consistent():
    entries = load_data("countries.yaml")["countries"]
    codes = [e["iso3"] for e in entries]
    assert 190 <= len(codes) <= 210
    assert len(codes) == len(set(codes))
    assert {"PSE", "XKX", "TWN", "ESH", "USA", "RUS", "UKR", "SDN"} <= set(codes)
    assert "HKG" not in codes and "PRI" not in codes  # dependencies are left out
    # Every term of a country leads back to it: no alias is claimed by two countries.
    for entry in entries:
        terms = [*entry.get("aliases", []), *entry["adjectives"], *entry["demonyms"], *entry["capitals"],
                 *(entry.get("metonyms") or {})]
        for term in terms:
            assert country_of(term) == entry["iso3"], (entry["iso3"], term)
