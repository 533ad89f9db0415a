"""Nights, parts of a day, 'a week ago', the edges of a year, 'until', and datelines: sentences
written for these tests, each row with the linguistic case it covers."""

from datetime import date

import pytest

from peacewatch.resolve.time import detect_future_tense, find_dateline, resolve_all
from peacewatch.schema import When

PUB = date(2024, 10, 9)  # a Wednesday

# (sentence, expected (mention text, value, precision) in order, what it covers)
CASES = [
    ("Rockets fell on the harbour overnight, the governor said.",
     [("overnight", "2024-10-09", "day")], "'overnight' alone: the night into the day of the report"),
    ("Rockets fell on the harbour overnight into Sunday.",
     [("overnight into Sunday", "2024-10-06", "day")], "a night is dated by the day it runs into"),
    ("Shelling went on through the night of October 5-6.",
     [("through the night of October 5-6", "2024-10-06", "day")], "a night between two dated days: the second"),
    ("On the night of 3 to 4 October the convoy was hit.",
     [("On the night of 3 to 4 October", "2024-10-04", "day")], "day-month order, 'to' in a night range"),
    ("He was detained on the night of Friday to Saturday.",
     [("on the night of Friday to Saturday", "2024-10-05", "day")], "a night between two weekdays"),
    ("The depot burned late on Monday.", [("late on Monday", "2024-10-07", "day")], "part of a weekday"),
    ("Sirens sounded early Tuesday in the capital.",
     [("early Tuesday", "2024-10-08", "day")], "part of a weekday after a place name is still a date"),
    ("The blast came in the early hours of Sunday.",
     [("in the early hours of Sunday", "2024-10-06", "day")], "the early hours of a day"),
    ("Talks broke up later on 2 October.", [("later on 2 October", "2024-10-02", "day")], "part of a dated day"),
    ("Markets fell on October 3 to 30 points.", [("on October 3", "2024-10-03", "day")],
     "a number after 'to' is no range without a night"),
    ("The rally fizzled late in the day after a sharp fall.",
     [("late in the day", None, None)], "'late in the day after' is the same day, not 'the day after'"),
    ("The bridge was bombed a week ago.", [("a week ago", "2024-10-02", "day")],
     "'a week ago' is the same weekday one week back"),
    ("The bridge was bombed two weeks ago.", [("two weeks ago", "2024-09-23", "week")],
     "two weeks back stays a week, its Monday"),
    ("A new mission took over at the start of the year.",
     [("the start of the year", "2024-01", "month")], "the start of a year is its January"),
    ("The deal must be signed by the end of 2025.",
     [("the end of 2025", "2025-12", "month")], "the end of an explicit year is its December"),
    ("Exports grew last year, twice as fast as the year previous.",
     [("last year", "2023", "year"), ("the year previous", "2022", "year")],
     "'the year previous' counts back from the year told before it"),
    ("Grain exports fell in March, compared with the same month a year ago.",
     [("in March", "2024-03", "month"), ("the same month a year ago", "2023-03", "month")],
     "'the same month a year ago' is the month told before it, a year back"),
    ("Fuel imports rose in August over the same period last year.",
     [("in August", "2024-08", "month"), ("the same period last year", "2023-08", "month")],
     "'the same period last year'"),
    ("At the same time, the army shelled the city.", [], "'at the same time' is simultaneity, not a date"),
    ("The border stays closed until Friday.", [("until Friday", "2024-10-11", "day")],
     "'until' ending a state that holds now looks ahead"),
    ("The border was closed until Friday.", [("until Friday", "2024-10-04", "day")],
     "'until' ending a state told in the past looks back"),
    ("Troops moved to the border until Friday.", [("until Friday", "2024-10-04", "day")],
     "the preposition 'to' is no headline infinitive"),
    ("Border crossings to remain shut until Friday", [("until Friday", "2024-10-11", "day")],
     "a headline's 'to remain' looks ahead"),
]


@pytest.mark.parametrize(("text", "expected", "case"), CASES, ids=[c[-1] for c in CASES])
def test_resolve_all(text, expected, case):
    found = [(m.text, w.value, w.precision) for m, w in resolve_all(text, PUB)]
    assert found == expected


def test_an_overnight_curfew_is_not_a_date():
    assert resolve_all("The army imposed an overnight curfew.", PUB) == []


def test_late_in_the_day_counts_from_the_day_before_it():
    previous = When(text=None, value="2024-10-08", precision="day", rule="test")
    [(_, when)] = resolve_all("Prices recovered late in the day.", PUB, previous=previous)
    assert when.value == "2024-10-08"


def test_until_is_ahead_only_for_a_state_that_holds():
    assert detect_future_tense("Schools remain shut until Monday.", 20)
    assert not detect_future_tense("Schools were shut until Monday.", 20)


# (opening of an article, publication date, expected story day or None, what it covers)
DATELINES = [
    ("A headline\n\nNorthport, October 8: The council voted to", PUB, "2024-10-08", "place, month day, colon"),
    ("SOUTHBAY, Freeland, Oct. 8 (Wire) -- The council", PUB, "2024-10-08", "place, country, agency, dashes"),
    ("Northport, 8 October (Wire/Agency) – The council", PUB, "2024-10-08", "day-month order, en dash"),
    ("NORTHPORT, Oct. 8 (Wire)\nThe council voted", PUB, "2024-10-08", "the line's end where a cleaner took the dash"),
    ("NORTHPORT, Freeland (Wire) — The council voted", PUB, None, "a dateline without a day"),
    ("Published October 8, 2024 - 06:24 GMT\nThe council voted", PUB, None, "a page stamp has no comma after a place"),
    ("Northport, August 8: The council voted", PUB, None, "a day two months off is no story day"),
    ("October 8, 2024\n\nThe council voted", PUB, None, "a date line without a place is a stamp"),
    ("Northport, October 8: The council voted", None, None, "no publication date, nothing to check"),
]


@pytest.mark.parametrize(("text", "published", "value", "case"), DATELINES, ids=[c[-1] for c in DATELINES])
def test_find_dateline(text, published, value, case):
    when = find_dateline(text, published)
    assert (when.value if when else None) == value
    if when is not None:
        assert when.precision == "day" and "dateline" in (when.rule or "")
