"""Photo captions left in an article's text: a line that tells what a picture shows, in the present
tense and with the full date the photo was taken ('X meets Y in Z on June 28, 2019.').

A caption's place and time belong to the picture, not to the story told after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from peacewatch.grammar import PRESENT_TAGS
from peacewatch.nlp import doc_text, entities_in

__all__ = ["is_caption"]

# A full date, its day and its year ('June 28, 2019', 'Feb. 28, 2025', '28 June 2019'): a photo's date.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(r"\b\d{1,2}\b")
_AUXILIARY_DEPS = frozenset({"aux", "auxpass"})


def is_caption(sent: Span) -> bool:
    """Whether a sentence is a photo caption: a line of its own whose main verb is in the present
    simple and which gives the full date, with its year, of what it shows.

    Args:
        sent: a sentence of a parsed article.
    Returns:
        True for 'X meets Y at the summit in Z on June 28, 2019.', False for a sentence of the story.
    """
    root = sent.root
    if root.tag_ not in PRESENT_TAGS or root.pos_ != "VERB" or any(c.dep_ in _AUXILIARY_DEPS for c in root.children):
        return False
    if not _is_own_line(sent):
        return False
    return any(ent.label_ == "DATE" and _YEAR.search(ent.text) and _DAY.search(ent.text) for ent in entities_in(sent))


def _is_own_line(sent: Span) -> bool:
    """The sentence opens its line, but for a piece with no verb the splitter cut off before it
    ('U.S.' of 'U.S. President X meets ...'): a caption stands apart, never mid-paragraph."""
    doc = sent.doc
    line_start = doc_text(doc).rfind("\n", 0, sent.start_char) + 1
    before = doc.char_span(line_start, sent.start_char, alignment_mode="contract")
    return before is None or not any(t.pos_ in ("VERB", "AUX") for t in before)
