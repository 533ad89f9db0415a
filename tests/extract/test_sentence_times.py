"""sentence_times reads the story's day only for a sentence that tells a time (most tell none),
and resolves what it finds against it. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from peacewatch.extract.context import new_context, sentence_times
from peacewatch.nlp import get_nlp, sentences


def _context(text: str):
    doc = get_nlp()(text)
    return doc, new_context(doc, date(2024, 5, 8))  # a Wednesday


def test_a_sentence_without_a_time_needs_no_story_day(monkeypatch):
    doc, ctx = _context("The envoy met the rebels in the capital.")

    def unread() -> date:
        raise AssertionError("the story's day was read")

    monkeypatch.setattr(ctx, "story_day", unread)
    assert sentence_times(sentences(doc)[0], ctx) == []


def test_a_relative_day_counts_from_the_story_day():
    doc, ctx = _context("The envoy met the rebels on Monday.")
    times = sentence_times(sentences(doc)[0], ctx)
    assert [(t.span.text, t.when.value) for t in times] == [("on Monday", "2024-05-06")]
