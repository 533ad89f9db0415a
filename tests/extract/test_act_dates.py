"""Which time dates an act. A truce's period is not the time of the act on it: the holiday that
names a truce and the phrase that bounds it ('an Easter truce', 'effective from ... until ...', 'for
30 days') leave the declaring or agreeing to the sentence's or the story's time. A time the parse hung
on the noun that names a verb's act ('launched a series of strikes throughout the winter') is the
act's. Texts written for these tests."""

from datetime import date

import pytest

import peacewatch
from peacewatch.extract.dating import names_the_act, truce_period
from peacewatch.extract.lexicon import get_lexicon
from peacewatch.extract.mentions import find_mentions
from peacewatch.resolve.time import find_time_expressions


def _dates(text: str, published: date, word: str, kind: str | None = None) -> list[str | None]:
    report = peacewatch.extract(text, published=published)
    return [e.date.value if e.date else None for e in report.events
            if word in e.evidence and (kind is None or e.type == kind)]


def _periods(nlp, text: str) -> dict[str, bool]:
    doc = nlp(text)
    spans = [(m.text, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in find_time_expressions(text)]
    return {words: truce_period(span.root) for words, span in spans if span is not None}


@pytest.mark.parametrize(("text", "period"), [
    ("The rebel council declared a Christmas truce in the hill districts.", "Christmas"),
    ("The junta agreed to a ceasefire until midnight Sunday.", "Sunday"),
    ("The two armies agreed a ceasefire starting Monday.", "Monday"),
    ("The president on Friday declared a truce for Easter in the region.", "Easter"),
])
def test_a_time_that_names_or_bounds_a_truce_is_its_period(nlp, text, period):
    assert _periods(nlp, text)[period] is True


@pytest.mark.parametrize(("text", "act"), [
    ("The president on Friday declared a truce for Easter in the region.", "on Friday"),
    ("The militia agreed to a truce on Monday.", "on Monday"),
    ("The militia declared a ceasefire for 30 days on Monday.", "on Monday"),
    ("Shelling went on during the Christmas truce.", "Christmas"),
    ("On Tuesday the army shelled the port until midnight Sunday.", "Sunday"),
    ("The militia has violated the ceasefire since Monday.", "since Monday"),
])
def test_the_time_of_the_act_or_of_a_truce_it_took_place_in_is_no_period(nlp, text, act):
    assert _periods(nlp, text)[act] is False


def test_a_declared_holiday_truce_is_dated_by_its_sentence():
    text = "In January 2024, the junta had already declared a Christmas ceasefire in the east.\n"
    assert _dates(text, date(2025, 4, 10), "Christmas ceasefire") == ["2024-01"]


def test_a_truce_with_its_bounds_is_dated_by_the_story():
    text = ("The prime minister has declared a temporary Easter truce in the civil war, effective from "
            "6 pm Saturday until midnight Sunday.\n")
    assert _dates(text, date(2025, 4, 19), "Easter truce") == ["2025-04-19"]


def test_a_time_on_the_noun_that_names_the_act_dates_it():
    text = "The navy has launched a series of devastating strikes on the island's fuel depots throughout the winter.\n"
    found = _dates(text, date(2025, 3, 13), "series of devastating strikes")
    assert found == ["2025"]


def test_a_noun_outside_the_acts_object_phrase_does_not_name_it(nlp):
    doc = nlp("The militia of the hill tribes has launched drones at the port.")
    launch = next(m for m in find_mentions(doc[:], get_lexicon()) if m.trigger.lemma_ == "launch")
    assert names_the_act(next(t for t in doc if t.lower_ == "drones"), launch)
    assert not names_the_act(next(t for t in doc if t.lower_ == "tribes"), launch)


def test_an_act_told_as_done_is_not_dated_after_publication():
    # the day after publication is the talks', not the proposing's
    published = date(2025, 5, 11)
    assert _dates("Kenyan President William Ruto has proposed direct talks in Nairobi on May 15.",
                  published, "talks", "REQUEST") == ["2025-05-11"]
    # an act still to come keeps its day
    assert _dates("Kenya will propose direct talks on May 15.", published, "talks", "REQUEST") == ["2025-05-15"]


def test_time_counted_from_an_act_dated_in_its_own_words():
    # 'weeks after X did Y in <month year>': the meeting is dated from the anchor's told date (the
    # shift keeps the year), the anchor's act by its own date, neither by the story's day
    text = "The two governments met in Geneva, weeks after Chile invaded Bolivia in April 2019."
    events = peacewatch.extract(text, published="2025-05-07").events
    meeting = next(e for e in events if e.type == "CONSULT")
    assert meeting.date.value == "2019"
    seizure = [e for e in events if e.type == "ASSAULT"]
    assert seizure and all(e.date.value == "2019-04" for e in seizure)


def test_time_counted_from_an_undated_act_is_not_taken_as_told():
    text = "The envoy arrived in Geneva a week after the attack on the convoy."
    events = peacewatch.extract(text, published="2025-05-07").events
    assert all((e.date.value or "").startswith("2025") or e.date.value is None for e in events)


@pytest.mark.parametrize(("text", "kind"), [
    ("The prime minister, speaking on Sunday night, praised the agreement.\n", "SUPPORT"),
    ("Speaking on Sunday, the foreign minister accused the rebels of lying.\n", "ACCUSE"),
])
def test_a_participle_of_speaking_beside_an_act_dates_it(text, kind):
    # 'speaking on Sunday' tells when its subject spoke: the time of the act it is set beside
    assert _dates(text, date(2025, 3, 4), "Sunday", kind) == ["2025-03-02"]



def test_a_when_clause_on_a_time_is_dated_by_it():
    # 'on Sunday, when rebels shelled the town': the shelling happened on Sunday, not on the day
    # the sentence before told
    text = ("Government troops entered the valley on Saturday.\n\n"
            "The worst fighting came on Sunday, when rebels shelled the town.\n")
    assert _dates(text, date(2025, 3, 4), "shelled", "ASSAULT") == ["2025-03-02"]
