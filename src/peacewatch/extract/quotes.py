"""Quotations in a text: which tokens stand inside quotation marks. Read by the claims (what a
quotation says) and by pronoun resolution (a quotation speaks from its speaker's side)."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

from peacewatch.grammar import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT_QUOTES
from peacewatch.nlp import doc_memo

__all__ = ["quoted_tokens_of"]


def quoted_tokens_of(doc: Doc) -> frozenset[int]:
    """The quoted tokens of a doc, found once per doc (speakers of 'it reads' ask again)."""
    return doc_memo(doc, "pw_quoted", lambda d: frozenset(_quoted_tokens(d)))


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks (curly pairs, or straight marks taken in turns
    within a paragraph). An unclosed quotation runs to the end of its paragraph."""
    inside: set[int] = set()
    open_at: int | None = None
    open_single = False  # opened by a single mark: only a single mark closes it
    straight_open = False
    marks = _QUOTE_MARKS
    for i, orth in enumerate(doc.to_array(ORTH).tolist() if len(doc) else []):
        mark = marks.get(orth)
        if mark is None:
            mark = marks[orth] = _quote_mark(doc.vocab.strings[orth])
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
    return inside


# What a token's text is to a quotation, as bits; by its hash, worked out once per text. A single
# mark (‘ ’) closes only what a single mark opened: ’ is mostly an apostrophe ('the authorities’ view').
_LINE_BREAK, _OPENING, _CLOSING, _STRAIGHT, _SINGLE = 1, 2, 4, 8, 16
_QUOTE_MARKS: dict[int, int] = {}


def _quote_mark(text: str) -> int:
    if "\n" in text:
        return _LINE_BREAK
    return ((_OPENING if text in OPEN_QUOTES and text != "’" else 0)
            | (_CLOSING if text in CLOSE_QUOTES and text != "‘" else 0)
            | (_STRAIGHT if text in STRAIGHT_QUOTES else 0)
            | (_SINGLE if text in ("‘", "’") else 0))
