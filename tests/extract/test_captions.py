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
