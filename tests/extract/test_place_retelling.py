"""An act of force told at a country only takes the place a later telling of the same act gives it
inside that country (events._place_by_retelling); a dateline at a capital abroad is no scene of
force (places.names_no_scene). Invented sentences."""

from datetime import date

from peacewatch.extract.events import extract_events
from peacewatch.extract.places import is_dateline, names_no_scene
from peacewatch.nlp import get_nlp
from peacewatch.resolve.place import resolve_place


def _assaults(text: str):
    return [e for e in extract_events(get_nlp()(text), date(2016, 5, 3)) if e.type == "ASSAULT"]


def test_lead_at_a_country_takes_the_town_the_next_sentence_names():
    found = _assaults("Air strikes killed 14 civilians in northern Iraq on Tuesday, a monitor said. "
                      "Most of the dead were killed in air strikes on a market in Mosul. "
                      "Elsewhere, shelling killed two people in Kirkuk.")
    assert found[0].location is not None and found[0].location.name == "Mosul"
    assert "later sentence" in (found[0].note or "")


def test_a_town_outside_the_part_the_lead_names_does_not_place_it():
    # 'southern' Iraq: a town in the north is another act, not the one the lead tells
    found = _assaults("Air strikes killed 14 civilians in southern Iraq on Tuesday, a monitor said. "
                      "Most of the dead were killed in air strikes on a market in Mosul. "
                      "Elsewhere, shelling killed two people in Kirkuk.")
    assert found[0].location is not None and found[0].location.precision == "country"


def test_an_act_told_on_another_day_does_not_place_it():
    found = _assaults("Air strikes killed 14 civilians in northern Iraq on Tuesday, a monitor said. "
                      "In March 2014, air strikes hit a market in Mosul. "
                      "Elsewhere, shelling killed two people in Kirkuk.")
    assert found[0].location is not None and found[0].location.precision == "country"


def _first_word(text: str):
    doc = get_nlp()(text)
    return doc[0:1]


def test_dateline_at_a_capital_abroad_is_no_scene_of_force():
    ankara = resolve_place("Ankara")
    span = _first_word("ANKARA (Agency) Warplanes struck depots in the desert, killing 30 fighters.")
    assert is_dateline(span)
    assert names_no_scene(span, ankara, "IRQ")
    # a dateline in the story's own country is often the scene itself
    assert not names_no_scene(span, ankara, "TUR")


def test_capital_named_in_prose_is_no_dateline():
    span = _first_word("Ankara was hit by drones overnight, officials said.")
    assert not is_dateline(span)
    assert not names_no_scene(span, resolve_place("Ankara"), "IRQ")


def test_town_given_only_its_country_takes_the_province_holding_it():
    # a town no gazetteer holds, told as 'the Syrian town of X in Y province', lies in Y
    found = _assaults("Air strikes hit the Syrian town of Kafr Zalqat in Idlib province on Monday, "
                      "killing five people.")
    assert len(found) == 1
    assert found[0].location is not None and found[0].location.name == "Kafr Zalqat"
    assert found[0].location.admin1 == "SY.12"
