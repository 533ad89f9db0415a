"""Meetings of more than two parties: one CONSULT between the principal parties, the rest and the
host in its note (CONVENTIONS 2). Sentences written for these tests."""

import pytest

from peacewatch import extract
from peacewatch.extract.meetings import principal_sides
from peacewatch.schema import Actor


def _consults(text):
    return [e for e in extract(text, published="2025-05-07").events if e.type == "CONSULT"]


def _sides(event):
    return (event.source.country if event.source else None, event.target.country if event.target else None)


# (text, the one meeting's sides, words its note holds, what it covers)
CASES = [
    ("The leaders of Chile, Peru and Ecuador met the president of Bolivia in La Paz on Monday.",
     ("CHL", "BOL"), ["also present", "Peru", "Ecuador"], "several visitors meet one host: one meeting"),
    ("Leaders of Norway, Finland and Iceland met in Oslo on Tuesday.",
     ("NOR", "FIN"), ["also present", "Iceland"], "'A, B and C met': A and B, C present"),
    ("Talks between Serbia and Kosovo hosted by Austria ended on Friday.",
     ("SRB", "XKX"), ["hosted by", "Austria"], "'hosted by X': the host is in the note, not a party"),
    ("Serbia and Kosovo held talks in Vienna mediated by Austria on Monday.",
     ("SRB", "XKX"), ["hosted by", "Austria"], "'talks mediated by X' after the parties as subjects"),
    ("Austria brokered talks between Serbia and Kosovo in Vienna on Monday.",
     ("SRB", "XKX"), ["mediated by", "Austria"], "'X brokered talks between A and B': talks, not a deal"),
]


@pytest.mark.parametrize("text,sides,words,comment", CASES, ids=[c[3] for c in CASES])
def test_one_meeting_of_many(text, sides, words, comment):
    consults = _consults(text)
    assert len(consults) == 1, comment
    assert _sides(consults[0]) == sides
    assert all(w in (consults[0].note or "") for w in words), consults[0].note


def test_calls_with_two_leaders_stay_two_calls():
    # a phone call with each of two leaders is two calls, not one meeting of three
    consults = _consults("The Italian prime minister spoke by phone with the leaders of Greece and Cyprus on Tuesday.")
    assert sorted(_sides(e) for e in consults) == [("ITA", "CYP"), ("ITA", "GRC")]


def test_host_with_one_guest_is_a_party():
    ana = Actor(text="Ana", name="Ana", country="PRT")
    ben = Actor(text="Ben", name="Ben", country="ESP")
    sides = principal_sides([ana], [ben], ana, None)
    assert (sides.sources, sides.targets, sides.note) == ([ana], [ben], None)


def test_host_standing_on_one_side_leaves_its_guests():
    host = Actor(text="Ana", name="Ana", country="PRT")
    guests = [Actor(text="Ben", name="Ben", country="ESP"), Actor(text="Eva", name="Eva", country="FRA")]
    sides = principal_sides([host], guests, host, None)
    assert [a.country for a in sides.sources + sides.targets] == ["ESP", "FRA"]
    assert sides.note == "hosted by Ana"


def test_counterpart_is_of_another_country():
    # 'X meets with his own aide and the minister of Y': the meeting is X's with Y's minister
    own = Actor(text="Ben", name="Ben", country="PRT")
    guest = Actor(text="Eva", name="Eva", country="FRA")
    sides = principal_sides([Actor(text="Ana", name="Ana", country="PRT")], [own, guest], None, None)
    assert [a.name for a in sides.targets] == ["Eva"]
    assert sides.note == "also present: Ben"


def test_the_two_sides_meeting_is_one_meeting():
    # a collective subject names the pair told before: one meeting between them, not one each way
    text = ("The border war between Peru and Ecuador has dragged on for months.\n\n"
            "The two countries held talks in Geneva on Monday.")
    consults = _consults(text)
    assert [_sides(e) for e in consults] == [("PER", "ECU")]


def test_a_conversation_with_two_leaders_is_not_made_one_meeting():
    # 'spoke with A and B' is not told as a meeting in person: one act per dyad (CONVENTIONS 2)
    consults = _consults("The Italian prime minister spoke with the leaders of Greece and Cyprus on Tuesday.")
    assert sorted(_sides(e) for e in consults) == [("ITA", "CYP"), ("ITA", "GRC")]


def _others(event):
    return [a.country for a in event.others]


def test_the_parties_beyond_the_two_are_carried_for_fusion():
    """The note names those also present and the host; the event carries them as actors too."""
    chile, = _consults("The leaders of Chile, Peru and Ecuador met the president of Bolivia in La Paz on Monday.")
    assert _sides(chile) == ("CHL", "BOL") and _others(chile) == ["PER", "ECU"]
    hosted, = _consults("Talks between Serbia and Kosovo hosted by Austria ended on Friday.")
    assert _others(hosted) == ["AUT"]
    two, = _consults("The Chilean foreign minister met his Peruvian counterpart in Lima on Monday.")
    assert two.others == [] and "others" not in two.model_dump()  # dumped only when there are some


CALLS = [
    ("From left to right: Dutch Prime Minister Jan Visser, Spanish Prime Minister Luis Ortega, Italian Prime "
     "Minister Marco Bellini and Austrian Chancellor Karl Huber engage in a video call with Japanese Prime "
     "Minister Kenji Sato in Madrid on Tuesday.", ["ESP", "ITA", "AUT"], "a caption: 'engage in a call with X'"),
    ("Dutch Prime Minister Jan Visser, Spanish Prime Minister Luis Ortega and Italian Prime Minister Marco "
     "Bellini held a phone call with Japanese Prime Minister Kenji Sato on Tuesday.", ["ESP", "ITA"],
     "'A, B and C held a call with X'"),
]


@pytest.mark.parametrize("text,others,comment", CALLS, ids=[c[2] for c in CALLS])
def test_a_list_holding_one_call_with_someone_is_one_call_with_them(text, others, comment):
    """The list is one side of the call (its first party the principal, the rest present) and X
    the other; no call between two members of the list is read from the list itself."""
    consults = _consults(text)
    assert [(_sides(e), e.mode) for e in consults] == [(("NLD", "JPN"), "phone")], comment
    assert _others(consults[0]) == others


def test_a_meeting_told_again_on_a_later_day_is_a_second_meeting():
    events = extract("Chilean and Peruvian negotiators met in Lima on Monday. Both sides met again on Thursday.",
                     published="2025-06-14").events
    assert [(e.type, e.date.value if e.date else None) for e in events] == [
        ("CONSULT", "2025-06-09"), ("CONSULT", "2025-06-12")]
