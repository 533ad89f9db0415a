"""Several events told in one sentence (CONVENTIONS 1 and 2): lists of targets, places and acts.
Sentences written for these tests."""

import pytest

from peacewatch import extract


def _events(text, kind):
    return [e for e in extract(text, published="2025-05-07").events if e.type == kind]


@pytest.mark.parametrize("text,want,comment", [
    ("Rebels shelled the Nyala airport and the Kalma camp.",
     {"Nyala Airport": "the Nyala airport", "Kalma camp": "the Kalma camp"},
     "two targets and their two places: one strike each, not the cross of the two"),
    ("Sudanese militias launched attacks on Nyala and the Kalma and Otash camps on Friday.",
     {"Nyala": "Nyala", "Kalma": "the Kalma and Otash camps", "Otash": "the Kalma and Otash camps"},
     "a place named alone is its own target, not the camps named after it"),
    ("Drones attacked Lviv, Rivne and Lutsk overnight.", {"Lviv": "Lviv", "Rivne": "Rivne", "Lutsk": "Lutsk"},
     "a plain list of towns: each town is hit, not the first one three times"),
])
def test_each_listed_item_keeps_its_own_target(text, want, comment):
    got = {e.location.name: e.target.text for e in _events(text, "ASSAULT") if e.location and e.target}
    assert got == want, comment
    assert len(_events(text, "ASSAULT")) == len(want), comment


def test_places_inside_one_target_keep_that_target():
    # 'positions in A and B': the positions are hit in both towns
    events = _events("Israeli jets struck militia positions in Tyre and Sidon.", "ASSAULT")
    assert len(events) == 2
    assert {e.target.text for e in events} == {"militia positions"}


@pytest.mark.parametrize("text,want,comment", [
    ("Israel released 90 Palestinian prisoners in exchange for three Israeli hostages.",
     [("ISR", "PSE"), ("PSE", "ISR")], "'in exchange for': the other side frees its captives too"),
    ("Moscow released 150 Ukrainian soldiers in a swap for 150 Russian soldiers.",
     [("RUS", "UKR"), ("UKR", "RUS")], "'in a swap for' soldiers the verb frees"),
    ("The army released two detainees in exchange for information.",
     [(None, None)], "information is no captive: one release"),
])
def test_an_exchange_of_captives_is_two_concessions(text, want, comment):
    got = sorted(((e.source.country if e.source else None), (e.target.country if e.target else None))
                 for e in _events(text, "CONCEDE"))
    assert got == sorted(want, key=str), comment


def test_a_bare_verb_after_an_infinitive_shares_its_doer():
    # the parse hangs 'downgrade' on the finite 'followed': it is the conjunct of 'to suspend'
    text = ("The measures followed a cabinet session chaired by President Ali Musa in response to the Kenyan "
            "decision on Friday to suspend the Lamu Port Agreement and downgrade diplomatic ties with Mogadishu.")
    assert sorted((e.source.country if e.source else None) for e in _events(text, "SANCTION")) == ["KEN", "KEN"]


@pytest.mark.parametrize("text,want,comment", [
    ("The Treasury sanctioned the shipping firm and its owner.", ["its owner", "the shipping firm"],
     "a firm and its owner: two parties sanctioned"),
    ("Five trading companies and one individual were also sanctioned for selling drones to the militia.",
     ["Five trading companies", "one individual"], "a passive subject of two phrases: two parties"),
    ("The ministry sanctioned the head of the port authority.", ["the head of the port authority"],
     "one party: one sanction"),
])
def test_each_party_sanctioned_is_an_event(text, want, comment):
    assert sorted(e.target.text for e in _events(text, "SANCTION") if e.target) == want, comment


@pytest.mark.parametrize("text,want,comment", [
    ("Militants killed three villagers in Beni and two in Butembo.", {"Beni": 3, "Butembo": 2},
     "'N in A and M in B': each town's strike has its own toll"),
    ("Artillery fire killed four civilians in Kherson and six in Nikopol on Sunday.", {"Kherson": 4, "Nikopol": 6},
     "the first count on the verb's object, the second on its own"),
])
def test_each_place_keeps_the_count_told_with_it(text, want, comment):
    got = {e.location.name: (e.killed.min if e.killed else None) for e in _events(text, "ASSAULT") if e.location}
    assert got == want, comment
