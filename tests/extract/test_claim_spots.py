"""The claim reader passes over a sentence with no spot of any claim reader and no quotation,
and the story's day is made once per article. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from peacewatch import extract
from peacewatch.extract import claims
from peacewatch.extract.context import new_context
from peacewatch.extract.quotes import quoted_tokens_of
from peacewatch.nlp import get_nlp, sentences

PUBLISHED = "2024-05-08"


@pytest.mark.parametrize("text, expected", [
    ("Troops shelled the border villages overnight.", False),
    ("The minister said the border was closed.", True),
    ("According to the monitor, the shelling went on.", True),
    ("The rebels reportedly seized the bridge.", True),
    ("Who fired first?", True),  # a question is a spot too: it stops the verb reader
    ("\"We will not leave.\"", True),  # a quotation may go on from the claim before
])
def test_a_sentence_is_read_for_claims_only_with_a_spot_or_a_quotation(text, expected):
    doc = get_nlp()(text)
    spots = claims._spots(doc)
    quoted = quoted_tokens_of(doc)
    assert [claims._may_claim(sent, spots, quoted) for sent in sentences(doc)] == [expected]


def test_a_sentence_passed_over_still_names_the_speaker_of_the_next():
    text = ("Polish President Jan Kowal met the troops in the border town. "
            "Later he told reporters that the crossing was secure.")
    found = extract(text, published=PUBLISHED).claims
    assert [(c.speaker.country, c.speaker.text) for c in found] == [("POL", "he")]


def test_a_quotation_that_goes_on_is_read_after_a_sentence_without_spots():
    text = ("\"The shelling went on all night,\" the Syrian health minister said. "
            "\"Three hospitals are now closed.\"")
    found = extract(text, published=PUBLISHED).claims
    assert [c.kind for c in found] == ["quote", "quote"]


def test_the_story_day_is_made_once_and_shared():
    doc = get_nlp()("The envoy met the rebels in the capital.")
    ctx = new_context(doc, date(2024, 5, 8))
    story = ctx.story()
    assert story is not None and story.value == PUBLISHED and story.rule == "publication date"
    assert ctx.story() is story
    assert ctx.story_day() == date(2024, 5, 8)


def test_a_dated_dateline_is_the_story_day():
    doc = get_nlp()("KYIV, May 6 (Reuters) - The envoy met the rebels in the capital.")
    ctx = new_context(doc, date(2024, 5, 8))
    assert ctx.story() is ctx.dateline()
    assert ctx.story_day() == date(2024, 5, 6)


def test_no_date_gives_no_story_day():
    doc = get_nlp()("The envoy met the rebels in the capital.")
    ctx = new_context(doc, None)
    assert ctx.story() is None and ctx.story() is None
    assert ctx.story_day() is None


def _draft(doc, content, quoted=False):
    return claims.Draft(speaker=None, speaker_token=None, kind="statement", content=content, text="",
                        first=0, last=0, quoted=quoted)


def test_a_kind_is_read_again_only_for_new_content():
    doc = get_nlp()("The minister said the talks went well and called the shelling a crime.")
    lex = claims.claim_lexicon()
    calm = [t for t in doc if t.i < 7]  # 'The minister said the talks went well'
    draft = _draft(doc, calm)
    claims._refine_kind(draft, lex)
    assert draft.kind == "statement"
    claims._refine_kind(draft, lex)  # the same content: nothing to read again
    assert draft.kind == "statement" and draft.refined is calm
    draft.content = draft.content + [t for t in doc if t.i >= 7]  # a merge gives a new list
    claims._refine_kind(draft, lex)
    assert draft.kind == "accusation"


def test_a_quoted_statement_is_a_quotation_once_refined():
    doc = get_nlp()("\"The talks went well,\" the minister said.")
    draft = _draft(doc, [t for t in doc if 1 <= t.i <= 4], quoted=True)
    claims._refine_kind(draft, claims.claim_lexicon())
    assert draft.kind == "quote"
