"""The dates events take from their article: offsets counted from the time told before them,
coordinated verbs, datelines, names and background clauses. Sentences written for these tests."""

from datetime import date

import pytest

from peacewatch.extract.context import new_context, sentence_times
from peacewatch.extract.events import extract_events
from peacewatch.resolve.time import resolve_mention, resolve_time

PUB = date(2024, 10, 9)  # a Wednesday

# (article text, expected (trigger, date value) of its events, what it covers)
CASES = [
    ("Government warships shelled the port of Aden on Monday, after Houthi rebels attacked a tanker a day earlier.",
     {("shelled", "2024-10-07"), ("attacked", "2024-10-06")},
     "'a day earlier' counts from the time told before it in its sentence"),
    ("On Tuesday, Russian troops shelled Kharkiv.\n\nUkraine accused Russia of breaking the truce, its foreign "
     "ministry said in a statement a day earlier.",
     {("shelled", "2024-10-08"), ("accused", "2024-10-07")},
     "'said in a statement a day earlier': the statement's medium takes no time of its own"),
    ("Pakistan on Tuesday expelled the Indian envoy, closed its border and suspended trade with India.",
     {("expelled", "2024-10-08"), ("suspended", "2024-10-08")},
     "coordinated verbs share the time of the first"),
    ("Turkey launched a wave of airstrikes on Kurdish positions in Syria on Monday, in response to a rocket "
     "attack by the militants.",
     {("launched", "2024-10-07")},  # the strikes are read through their light verb
     "nouns told by one verb share the time its clause gave one of them"),
    ("Northport, October 8: Pakistan condemned India for the raid.",
     {("condemned", "2024-10-08")},
     "an undated statement under a dateline is dated by the story's day, not the publication's"),
    ("The foreign ministers of India and China met in Geneva, Switzerland on 2 October.",
     {("met", "2024-10-02")},
     "a time the parse hangs on a place name dates the clause"),
    ("The two presidents met on the second day of the summit in Lisbon on 3 October 2019.",
     {("met", "2019-10-03")},
     "a date hung on a time phrase ('the second day of the summit') dates the clause"),
    ("Russian drones hit Odesa on Tuesday, killing two people overnight.",
     {("killing", "2024-10-08")},
     "'overnight' gives way to the day the sentence names"),
    ("Russian forces shelled Kherson on Monday.\n\nUkraine had recaptured the city from Russia.",
     {("shelled", "2024-10-07"), ("recaptured", None)},
     "a past perfect tells what came before: it takes no date from the sentences before it"),
    ("Peru condemned the Chilean decision on Monday to suspend the water treaty with Lima.",
     {("suspend", "2024-10-07"), ("condemned", "2024-10-09")},
     "a time on a noun whose infinitive tells the event ('the decision on Monday to suspend') dates it"),
    ("The government suspended talks with the rebels last March after accusing them of the killings of three "
     "police officers.",
     {("suspended", "2024-03"), ("accusing", "2024-03")},
     "a gerund after 'after' shares its clause's month"),
    ("On Monday, a rebel commander accused the army of shelling villages in the north.\n\n"
     "\"These are war crimes,\" said President Ortega of Nicaragua, condemning the rebels.",
     {("accused", "2024-10-07"), ("condemning", "2024-10-09")},
     "a saying takes no time from a sentence where another speaker speaks"),
    ("Marines landed on the island on 3 June 2019.\nReuters\nThe marines stormed the harbour of Aden.",
     {("stormed", "2024-10-09")},
     "a photo's date above a credit line is not the time of the story below it"),
    ("Rebels attacked a police convoy near Goma on Tuesday.\n\nThe convoy carried food for a camp of displaced "
     "families.\n\nIts drivers were unharmed, a local official said.\n\nAfter repelling the attack, soldiers "
     "seized twenty rifles from the rebels.",
     {("attacked", "2024-10-08"), ("seized", "2024-10-08")},
     "'after repelling the attack': the day of the attack the noun takes up"),
    ("Gunmen who had declared a blockade on grain imports to Chad burned a convoy of trucks on Sunday.\n\n"
     "The blockade was announced last week.",
     {("blockade", "2024-09-30")},
     "a definite noun that names no actor still dates the undated background event it takes up"),
    ("Russian missiles pounded the capital overnight, killing nine people in the deadliest attack on the city "
     "this year.",
     {("killing", "2024-10-09")},
     "a period framing a superlative ('the deadliest ... this year') is no time of the act"),
    ("Russian forces launched their largest drone attack of the war on Monday.",
     {("launched", "2024-10-07")},
     "a day beside a superlative still dates the act"),
]


@pytest.mark.parametrize(("text", "expected", "case"), CASES, ids=[c[-1] for c in CASES])
def test_event_dates(nlp, text, expected, case):
    events = extract_events(nlp(text), PUB)
    found = {(e.trigger, e.date.value if e.date else None) for e in events}
    assert expected <= found


def test_dateline_counts_relative_days_from_the_story_day(nlp):
    # the story is filed on the 8th and printed on the 9th: its 'yesterday' is the 7th
    events = extract_events(nlp("Northport, October 8: Russian jets bombed Kharkiv yesterday."), PUB)
    assert events and {e.date.value for e in events if e.date} == {"2024-10-07"}


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Northport, October 8: Pakistan condemned India.", PUB, ("2024-10-08", "dateline: the story's day")),
    ("Pakistan condemned India.", PUB, ("2024-10-09", "publication date")),
    ("Northport, October 8: Pakistan condemned India.", None, None),
])
def test_the_story_day_dates_undated_news(nlp, text, published, expected):
    # one day for relative words, offsets told first and undated news: the dateline's, else the publication's
    ctx = new_context(nlp(text), published)
    story = ctx.story()
    assert ((story.value, story.rule) if story else None) == expected
    assert ctx.story_day() == (date.fromisoformat(expected[0]) if expected else None)
    events = extract_events(ctx.doc, published, ctx=ctx)
    assert events and {(e.date.value, e.date.rule) if e.date else None for e in events} == (
        {(expected[0], f"undated current news: {expected[1]}")} if expected else {None})


def test_a_scheduled_day_without_year_lies_ahead(nlp):
    # the future cue of the clause ('scheduled to') reads a day without year forward, not a year back
    doc = nlp("The truce holds ahead of elections scheduled to begin Dec. 28.")
    times = sentence_times(next(iter(doc.sents)), new_context(doc, PUB))
    assert [t.when.value for t in times] == ["2024-12-28"]


def test_a_time_is_resolved_as_read_in_its_sentence(nlp):
    # 'May' alone may be the modal verb and is not read; in 'signed by May' the sentence made it a
    # month, and the date must come from that reading, not from the word read again on its own
    doc = nlp("The accord should be signed by May, officials said.")
    times = sentence_times(next(iter(doc.sents)), new_context(doc, PUB))
    assert [(t.span.text, t.when.value, t.when.precision) for t in times] == [("May", "2025-05", "month")]


def test_a_sentence_time_keeps_the_mention_its_sentence_found(nlp):
    # a reader that resolves a time again (another tense, the agreement tracker's stated end) takes
    # the mention the sentence found: 'May' read on its own again would be no time at all
    doc = nlp("The accord should be signed by May, officials said.")
    ((span, when, _, found),) = sentence_times(next(iter(doc.sents)), new_context(doc, PUB))
    assert resolve_time(span.text, PUB).value is None
    assert resolve_mention(found, PUB, future=True) == when
    assert resolve_mention(found, PUB, future=False).value == "2024-05"
