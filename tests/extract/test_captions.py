"""Photo captions left in the text: their place belongs to the picture, never to the act told
after them. Texts written for these tests."""

from datetime import date

import pytest

import peacewatch
from peacewatch.extract.captions import is_caption


@pytest.mark.parametrize("text,expected", [
    ("Officials spoke.\nThe Chilean president meets the Peruvian president in Lima, Peru on May 4, 2019.\n", True),
    ("Officials spoke.\nU.S. envoy Jane Roe meets Minister John Doe in Accra, Ghana, Feb. 3, 2025.\n", True),
    ("Officials spoke.\nThe Chilean president met the Peruvian president in Lima on May 4, 2019.\n", False),
    ("The Chilean president arrived, and he meets the Peruvian president in Lima on May 4, 2019.\n", False),
    ("Officials spoke.\nChile says it will talk to Peru.\n", False),
])
def test_a_caption_is_a_present_tense_line_with_a_full_date(nlp, text, expected):
    sents = list(nlp(text).sents)
    assert any(is_caption(s) for s in sents) is expected


def test_a_caption_lends_no_place_to_the_story():
    text = ("Two leaders in talks\n"
            "The Kenyan president meets the Ugandan president in Nairobi, Kenya on May 4, 2019.\n\n"
            "On Wednesday, Kenya and Uganda agreed to begin border negotiations.\n")
    report = peacewatch.extract(text, published=date(2025, 3, 5))
    told_after = [e for e in report.events if "Wednesday" in e.evidence]
    assert told_after and all(e.location is None for e in told_after)


def test_a_caption_is_the_moment_of_its_picture():
    # the caption's meeting is dated by its photo and kept apart from the talks the story tells
    # without a date of their own: the story's talks are not a 2019 meeting in Nairobi
    text = ("Two leaders in talks\n"
            "The Kenyan president meets the Ugandan president in Nairobi, Kenya on May 4, 2019.\n\n"
            "The Kenyan president said he held a long phone call with the Ugandan president.\n")
    report = peacewatch.extract(text, published=date(2025, 3, 5))
    caption = [e for e in report.events if e.evidence.startswith("The Kenyan president meets")]
    story = [e for e in report.events if "phone call" in e.evidence]
    assert caption and all(e.date is not None and e.date.value == "2019-05-04" for e in caption)
    assert all("phone call" not in " ".join(e.also_evidence or []) for e in caption)
    assert story and all(e.date is None or not e.date.value.startswith("2019") for e in story)
