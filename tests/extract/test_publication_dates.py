"""The publication date as the date of what no time expression dates: a saying, and an agreement's
step told in the present tense. Texts written for these tests. Without a publication date, both
stay unknown."""

from peacewatch import extract


def test_a_saying_and_a_present_step_take_the_publication_date():
    report = extract("Peru says it accepts the truce.", published="2024-03-09")
    assert [(c.date.value, c.date.rule) for c in report.claims] == [("2024-03-09", "publication date")]
    steps = [s for a in report.agreements for s in a.history if s.action == "accepted"]
    assert [s.date for s in steps] == ["2024-03-09"]


def test_without_a_publication_date_they_stay_unknown():
    report = extract("Peru says it accepts the truce.")
    assert [c.date for c in report.claims] == [None]
    assert [s.date for a in report.agreements for s in a.history if s.action == "accepted"] == [None]
