"""The terms and the declarer of an agreement, and the words that take no step: texts written for
these tests. A truce's stated end ('until midnight on Sunday') is an `expired` step dated that day,
which leaves the status alone until the day has come; a truce declared or announced is its
declarer's; a day that names the truce ('an Easter truce') does not date the act on it."""

import pytest

from peacewatch import extract

PUBLISHED = "2024-03-09"  # a Saturday


def read(text, published=PUBLISHED):
    return [(a.kind, a.status, [(s.party, s.action, s.date) for s in a.history])
            for a in extract(text, published=published).agreements]


@pytest.mark.parametrize("text,expected,comment", [
    ("Chile has declared a truce with the rebels, effective from 6 pm on Saturday until midnight on March 12.",
     ("ceasefire", "agreed", [("CHL", "agreed", "2024-03-09"), (None, "expired", "2024-03-12")]),
     "a modifier of the truce states its end, ahead of publication: the truce is not over yet"),
    ("The truce will begin on Saturday evening and will last until midnight on Monday.",
     ("ceasefire", "proposed", [(None, "expired", "2024-03-11")]),
     "a clause joined to the one of the truce states its end; a weekday of the future is ahead"),
    ("Chile declares holiday truce to last until Monday",
     ("ceasefire", "agreed", [("CHL", "agreed", "2024-03-09"), (None, "expired", "2024-03-11")]),
     "a headline's infinitive states the end"),
    ("Peru and Chile signed a truce in February. The truce lasted until Tuesday.",
     ("ceasefire", "collapsed", [("PER", "signed", "2024-02"), ("CHL", "signed", "2024-02"),
                                 (None, "expired", "2024-03-05")]),
     "an end told in the past has come: the truce is over"),
])
def test_a_stated_end_is_an_expiry(text, expected, comment):
    assert read(text) == [expected], comment


def test_the_end_of_a_proposal_is_no_step():
    assert read("Peru proposed a truce until Monday.") == [("ceasefire", "proposed", [("PER", "proposed", None)])]


def test_the_end_of_a_declared_truce_comes_after_the_declaration():
    ((kind, status, steps),) = read("Chile declared a truce until Monday.", published="2024-03-10")
    assert (kind, status) == ("ceasefire", "agreed")
    assert sorted(steps, key=str) == [("CHL", "agreed", None), (None, "expired", "2024-03-11")]


def test_a_time_of_the_truces_own_name_does_not_date_the_declaration():
    """'Easter' names the truce (2024-03-31); the declaration is told in the present perfect."""
    assert read("Chile has declared an Easter truce.") == [("ceasefire", "agreed", [("CHL", "agreed", "2024-03-09")])]


@pytest.mark.parametrize("text,expected,comment", [
    ("Chile declared a unilateral ceasefire on Friday.", [("CHL", "agreed")], "a unilateral declaration"),
    ("Peru announced a truce with Chile on Friday.", [("PER", "agreed")], "the declarer beside a partner"),
    ("Norway announced a truce between Chile and Peru on Friday.", [(None, "agreed")],
     "an announcer of a truce between two others is no party of it"),
    ("Bogota, March 8 - A rebel group in Peru on Friday declared a ceasefire.", [("PER", "agreed")],
     "the subject nearest the verb, not a dateline's place read as a second subject"),
])
def test_the_declarer_is_the_party_of_its_declaration(text, expected, comment):
    assert [[(s.party, s.action) for s in a.history] for a in extract(text, published=PUBLISHED).agreements] \
        == [expected], comment


def test_a_split_hyphenated_ceasefire_noun_is_read():
    agreements = extract("Chile and Peru agreed to a 30-day cease-fire on Sunday.", published=PUBLISHED).agreements
    assert [(a.kind, a.duration_days, a.status) for a in agreements] == [("ceasefire", 30, "agreed")]


@pytest.mark.parametrize("text,comment", [
    ("Let's get the peace deal done!", "an exhortation names no deal in existence"),
    ("- Ceasefire deal -", "a heading that only names a deal"),
    ("The minister said the country needed a truce that would bring lasting peace.", "a truce needed"),
    ("Amid the failed attempt to reach a ceasefire, the sides exchanged prisoners.", "an attempt to reach one"),
    ("Officials pressured Chile to accept a potential peace plan.", "pressed to accept"),
    ("The minister said that Chile does not exclude accepting a truce later.", "a step not excluded is not taken"),
    ("The envoys began technical negotiations on the implementation of a maritime truce and a full truce.",
     "a truce named inside the phrase of talks is under negotiation"),
    ('- Maritime ceasefire talks: "Technical negotiations on a maritime ceasefire."',
     "a heading of ceasefire talks whose 'talks' the parser reads as a verb"),
])
def test_no_step_taken(text, comment):
    found = read(text)
    assert found and all((status, steps) == ("proposed", []) for _, status, steps in found), comment


def test_consenting_to_a_truce_is_accepting_it():
    assert read("Chile consented to a truce on Friday.") == [
        ("ceasefire", "proposed", [("CHL", "accepted", "2024-03-08")])]


@pytest.mark.parametrize("text,comment", [
    ("Peru decided to support a truce without any preconditions.", "no demands, said so"),
    ("Peru said it was ready to discuss a truce, but slammed Chilean ultimatums.", "another side's demands"),
])
def test_demands_that_are_not_the_subjects(text, comment):
    actions = [s.action for a in extract(text, published=PUBLISHED).agreements for s in a.history]
    assert "demanded" not in actions, comment
