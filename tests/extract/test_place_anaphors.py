"""A bare definite noun of a kind of place ('the town', 'the state') takes up the place of that
kind the article named last; an object that is part of the trigger ('set fire to X') is not the
one struck. Sentences invented for the tests."""

from peacewatch import extract


def _events(text):
    return extract(text, published="2025-03-10").events


def test_the_town_is_the_town_named_before():
    events = _events("Rebels shelled Bunia on Sunday. On Monday the rebels stormed the town.")
    stormed = [e for e in events if "stormed" in e.evidence]
    assert stormed and all(e.location is not None and e.location.name == "Bunia" for e in stormed)


def test_the_state_is_the_region_named_before():
    events = _events("Violence has spread across Sinaloa since last year. "
                     "Gunmen killed 12 people in the state on Friday.")
    killed = [e for e in events if e.killed is not None]
    assert killed and killed[0].location is not None and killed[0].location.precision == "region"


def test_no_place_named_before_leaves_the_place_unknown():
    events = _events("The rebels stormed the town on Sunday.")
    assert events and events[0].location is None


def test_a_town_with_its_own_name_is_not_an_anaphor():
    events = _events("Troops shelled Kherson on Sunday. On Monday they shelled the town of Beryslav.")
    monday = [e for e in events if "Beryslav" in e.evidence]
    assert monday and monday[0].location is not None and monday[0].location.name != "Kherson"


def test_set_fire_to_names_what_burned():
    events = _events("Militiamen set fire to homes in the village of Kuda on Tuesday.")
    assert events and events[0].target is not None and events[0].target.text == "homes"
