"""Acts told as what another act came after ('since the arrest of X', 'following the army's
retaking of the city'): sentences written for these tests."""

from peacewatch import extract


def _events(text, kind):
    return [e for e in extract(text, published="2025-05-07").events if e.type == kind]


def test_an_arrest_told_as_a_starting_point_is_an_arrest_of_its_object():
    events = _events("The port town has been restless since the arrest of the rebel commander Tomas Varga in March.",
                     "COERCE")
    assert len(events) == 1
    assert "Varga" in (events[0].target.name or "")
    assert events[0].date.value == "2025-03"


def test_a_retaking_told_as_an_anchor_is_its_owners_ground_assault_at_the_place_taken():
    events = _events("Peruvian rebels shelled a camp on Friday. Fighting has spread in recent weeks following "
                     "the Peruvian army's recapture of the mining town of Arequipa last month.", "ASSAULT")
    taken = [e for e in events if e.mode == "ground"]
    assert len(taken) == 1
    assert taken[0].location is not None and taken[0].location.name == "Arequipa"
    assert taken[0].date.value == "2025-04"  # its own time, not the time of what followed it
    assert not (taken[0].source and taken[0].source.sector == "REB")  # not the rebels named elsewhere


def test_an_anchored_act_is_not_dated_by_the_clause_it_dates():
    events = _events("After Chile's strike on the border post, the governor declared a day of mourning on Friday.",
                     "ASSAULT")
    assert len(events) == 1
    assert events[0].source.country == "CHL"
    assert events[0].date is None or events[0].date.value != "2025-05-02"


def test_clashes_told_as_an_anchor_name_the_other_side():
    events = _events("The minister said the village emptied following clashes with tribal fighters.", "ASSAULT")
    assert len(events) == 1
    assert events[0].target is not None and "fighters" in (events[0].target.text or "")
    # naming no one, an anchor only points back at an act told elsewhere
    assert _events("The talks resumed after the attack.", "ASSAULT") == []


def test_an_anchor_is_not_the_act_of_another_clause_of_its_sentence():
    events = _events("The council, which says it is protecting the valley following clashes with tribal fighters, "
                     "also said it struck a depot.", "ASSAULT")
    assert any(e.target is not None and "fighters" in (e.target.text or "") for e in events)
    assert any(e.target is not None and "depot" in (e.target.text or "") for e in events)
    # a clause of the anchor's own phrase tells the same strike
    told = _events("The talks stalled after Russia's assault on Odesa on April 23, in which it launched 200 drones.",
                   "ASSAULT")
    assert len(told) == 1 and told[0].date.value == "2025-04-23"
