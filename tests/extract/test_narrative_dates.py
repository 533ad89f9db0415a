"""Narrative dating: a time told earlier dates the next sentences' acts, unless it was told aside,
in a relative clause or a clause that opens a period, where it is the time of what that clause
describes. Texts written for these tests."""

from datetime import date

import pytest

import peacewatch
from peacewatch.extract.dating import told_ahead


def _dates(text: str, published: date, word: str) -> list[str | None]:
    report = peacewatch.extract(text, published=published)
    return [e.date.value if e.date else None for e in report.events if word in e.evidence]


def test_a_time_on_the_main_clause_dates_the_next_sentence():
    text = ("On Tuesday, the defence minister flew to the border region.\n\n"
            "Rebel fighters shelled three villages near the border.\n")
    assert _dates(text, date(2025, 6, 13), "shelled") == ["2025-06-10"]


def test_a_time_in_a_relative_clause_does_not_date_the_next_sentence():
    text = ('"We invite the rebels to resume the talks that they abandoned in 2021," the minister said.\n\n'
            "The minister also accused the rebels of shelling three villages.\n")
    found = _dates(text, date(2025, 6, 13), "also accused")
    assert found and "2021" not in found


def test_a_time_in_a_since_clause_does_not_date_the_next_sentence():
    text = ("The fighting is the worst since the uprising began in 2019.\n\n"
            "The governor accused the rebels of shelling three villages.\n")
    found = _dates(text, date(2025, 6, 13), "governor accused")
    assert found and not any(v and v.startswith("2019") for v in found)


def test_a_long_past_time_in_a_participle_after_a_common_noun_does_not_date_the_next_sentence():
    text = ("Officials hope to mend ties ruined by the border war four years ago.\n\n"
            "Rebel fighters shelled three villages near the border.\n")
    assert _dates(text, date(2025, 6, 13), "shelled") == ["2025-06-13"]


def test_a_recent_day_in_a_participle_after_a_common_noun_dates_the_next_sentence():
    text = ("The world watched the devastation filmed by television crews on Tuesday.\n\n"
            "Rebel fighters shelled three villages near the border.\n")
    assert _dates(text, date(2025, 6, 13), "shelled") == ["2025-06-10"]


def test_a_time_of_a_clause_about_the_future_does_not_date_the_next_sentence():
    text = ("The envoy is due in the capital this week for another round of talks.\n\n"
            "Rebel fighters shelled three villages near the border.\n")
    assert _dates(text, date(2025, 6, 13), "shelled") == ["2025-06-13"]



@pytest.mark.parametrize(("text", "words", "ahead"), [
    ("The envoy is due in the capital this week for another round of talks.", "this week", True),
    ("The two ministers will meet in the capital on Tuesday.", "on Tuesday", True),
    ("When asked by reporters on Tuesday whether the rebels will withdraw, the minister shook his head.",
     "on Tuesday", False),
])
def test_a_time_is_told_ahead_in_a_clause_about_the_future_not_after_a_verb_in_the_past(nlp, text, words, ahead):
    doc = nlp(text)
    start = text.index(words)
    assert told_ahead(doc.char_span(start, start + len(words))) is ahead
