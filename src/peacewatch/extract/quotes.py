"""Quotations in a text: which tokens stand inside quotation marks. Read by the claims (what a
quotation says) and by pronoun resolution (a quotation speaks from its speaker's side)."""

from __future__ import annotations

from itertools import compress

from spacy.tokens import Doc

from peacewatch.grammar import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT_QUOTES
from peacewatch.nlp import doc_memo, lowers

__all__ = ["quoted_tokens_of"]


def quoted_tokens_of(doc: Doc) -> frozenset[int]:
    """The quoted tokens of a doc, found once per doc (speakers of 'it reads' ask again)."""
    return doc_memo(doc, "pw_quoted", lambda d: frozenset(_quoted_tokens(d)))


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks (curly pairs, or straight marks taken in turns
    within a paragraph). An unclosed quotation runs to the end of its paragraph."""
    # A token's lower-case form says what its text does: marks have no case, and lowering keeps a
    # line break (the doc's lower forms are read once and shared by the readers).
    texts = lowers(doc)
    # Only a mark or a line break changes what is quoted: the walk goes from mark to mark, and
    # the words between them are inside or not as a run (most tokens of an article are neither).
    marking = _marking_forms(set(texts))
    inside: set[int] = set()
    if not marking:
        return inside
    open_at: int | None = None
    open_single = False  # opened by a single mark: only a single mark closes it
    straight_open = False
    after = 0  # the first index past the last mark read
    for i in compress(range(len(texts)), map(marking.__contains__, texts)):
        if open_at is not None or straight_open:
            inside.update(range(after, i))
        after = i + 1
        mark = _QUOTE_MARKS[texts[i]]
        if mark == _LINE_BREAK:
            open_at, straight_open = None, False
            continue
        if mark & _OPENING and open_at is None:
            open_at, open_single = i, bool(mark & _SINGLE)
        elif mark & _CLOSING and open_at is not None and bool(mark & _SINGLE) == open_single:
            open_at = None
        elif mark & _STRAIGHT:
            straight_open = not straight_open
            continue
        elif open_at is not None or straight_open:
            inside.add(i)
    if open_at is not None or straight_open:
        inside.update(range(after, len(texts)))
    return inside


# What a token's text is to a quotation, as bits; by its lower-case form, worked out once per form.
# A single mark (‘ ’) closes only what a single mark opened: ’ is mostly an apostrophe ('the
# authorities’ view').
_LINE_BREAK, _OPENING, _CLOSING, _STRAIGHT, _SINGLE = 1, 2, 4, 8, 16
_QUOTE_MARKS: dict[str, int] = {}
MAX_KNOWN_FORMS = 200_000  # forms kept (some 20,000 distinct words come in 300 news articles)
_MARKING: set[str] = set()  # the forms that are a mark or hold a line break


def _marking_forms(forms: set[str]) -> set[str]:
    """Those of the forms that are a mark or hold a line break (each new form worked out once)."""
    if len(_QUOTE_MARKS) > MAX_KNOWN_FORMS:
        _QUOTE_MARKS.clear()
        _MARKING.clear()
    for form in forms.difference(_QUOTE_MARKS):
        _QUOTE_MARKS[form] = mark = _quote_mark(form)
        if mark:
            _MARKING.add(form)
    return forms & _MARKING


def _quote_mark(text: str) -> int:
    if "\n" in text:
        return _LINE_BREAK
    return ((_OPENING if text in OPEN_QUOTES and text != "’" else 0)
            | (_CLOSING if text in CLOSE_QUOTES and text != "‘" else 0)
            | (_STRAIGHT if text in STRAIGHT_QUOTES else 0)
            | (_SINGLE if text in ("‘", "’") else 0))
