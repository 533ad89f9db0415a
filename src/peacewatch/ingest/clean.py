"""Boilerplate removal: strip web-page furniture (banners, links, bylines, credits) from article text.

Runs before the NLP; every removed piece is kept, so a report can show what was dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache

from peacewatch.data.page_words import Boilerplate
from peacewatch.errors import DataError

__all__ = ["Cleaned", "clean_text", "is_boilerplate_line", "normalise_whitespace", "split_end_furniture"]

log = logging.getLogger(__name__)

# Runs of horizontal space (ordinary, no-break, the Unicode spaces) collapse to one space;
# a single no-break space is a character of its sentence ('10\u00a0km') and is kept.
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|\t")
# Line and paragraph separators of the various platforms, unified to '\n'.
_NEWLINES = str.maketrans(
    {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n", "\ufeff": None}
)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
# Where a banner may begin inside a paragraph: right after a sentence end (scraped text often
# glues the banner to the last sentence, with or without a space).
_SENTENCE_END = '.!?…"”’)'
_DEF = re.compile(r"%([A-Z]+)%")


@dataclass
class Cleaned:
    """Article text with its boilerplate removed.

    text: the remaining paragraphs, separated by blank lines.
    boilerplate: each removed piece, stripped, in the order it was found.
    """

    text: str
    boilerplate: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Tail:
    start: re.Pattern[str]
    requires: re.Pattern[str]
    max_chars: int
    hints: tuple[str, ...]


@dataclass(frozen=True)
class _Group:
    """Patterns of one kind: those without hints joined into one alternation (one pass of
    the regex engine per line, not one per pattern), and those tried only when one of their
    hint words is in the line (patterns that would otherwise scan every position)."""

    always: tuple[re.Pattern[str], ...]
    by_hint: dict[str, tuple[re.Pattern[str], ...]]

    def select(self, lowered: str) -> tuple[re.Pattern[str], ...]:
        """The patterns worth trying on a line, given in lower case."""
        # Plain substring tests: far cheaper than a case-insensitive regex over the line.
        found = [word for word in self.by_hint if word in lowered]
        if not found:
            return self.always
        hinted = {p: None for word in found for p in self.by_hint[word]}
        return self.always + tuple(hinted)


@dataclass(frozen=True)
class _Rules:
    lines: _Group
    inline: _Group
    tails: tuple[_Tail, ...]
    max_line_chars: int
    min_copy_chars: int
    ends: _Group
    end_widget_words: int
    min_article_line_chars: int


def _group(compiled: list[tuple[tuple[str, ...], re.Pattern[str]]]) -> _Group:
    """Build a _Group from (hints, pattern) pairs."""
    plain = [p.pattern for hints, p in compiled if not hints]
    always = (re.compile("|".join(f"(?:{p})" for p in plain)),) if plain else ()
    by_hint: dict[str, list[re.Pattern[str]]] = {}
    for hints, pattern in compiled:
        for word in hints:
            by_hint.setdefault(word, []).append(pattern)
    return _Group(always=always, by_hint={w: tuple(p) for w, p in by_hint.items()})


def _expand(pattern: str, defs: dict[str, str], where: str) -> str:
    """Replace each %NAME% in `pattern` by its def, wrapped in a non-capturing group."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in defs:
            raise DataError(f"boilerplate.yaml: {where} uses %{name}%, which is not defined above it")
        return f"(?:{defs[name]})"

    return _DEF.sub(substitute, pattern)


def _compile(pattern: str, defs: dict[str, str], where: str) -> re.Pattern[str]:
    """Compile one pattern of the data file; a DataError names the entry when it is broken."""
    try:
        return re.compile(_expand(pattern, defs, where))
    except re.error as exc:
        raise DataError(f"boilerplate.yaml: {where} is not a valid regex: {exc}") from exc


def _hints(hints: list[str]) -> tuple[str, ...]:
    """An entry's hint words, lower case."""
    return tuple(h.lower() for h in hints)


@cache
def load_rules() -> _Rules:
    """Compile the patterns of data/boilerplate.yaml (once per process).

    Returns:
        the compiled rules.
    Raises:
        DataError: when the file is malformed or a pattern does not compile.
    """
    data = Boilerplate.load()
    defs: dict[str, str] = {}
    for name, fragment in data.defs.items():
        defs[name] = _expand(fragment, defs, f"def {name}")
    groups = {}
    for kind, entries in (("lines", data.lines), ("inline", data.inline), ("section_ends", data.section_ends)):
        groups[kind] = _group([(_hints(entry.hints), _compile(entry.pattern, defs, f"{kind}: {entry.why!r}"))
                               for entry in entries])
    tails = tuple(
        _Tail(
            start=_compile(entry.start, defs, f"tails: {entry.why!r}"),
            requires=_compile(entry.requires, defs, f"tails: {entry.why!r}"),
            max_chars=entry.max_chars,
            hints=_hints(entry.hints),
        )
        for entry in data.tails
    )
    return _Rules(lines=groups["lines"], inline=groups["inline"], tails=tails, max_line_chars=data.max_line_chars,
                  min_copy_chars=data.min_copy_chars, ends=groups["section_ends"],
                  end_widget_words=data.end_widget_words, min_article_line_chars=data.min_article_line_chars)


def normalise_whitespace(line: str) -> str:
    """Collapse runs of spaces and tabs inside a line and strip its ends; other characters stay."""
    return _SPACE_RUN.sub(" ", line).strip()


def is_boilerplate_line(line: str) -> bool:
    """Tell whether a whole line is boilerplate (a link line, byline, stamp, button row ...).

    Args:
        line: one line of text (its ends are stripped first).
    Returns:
        True when a line pattern of boilerplate.yaml matches the whole line.
    """
    rules = load_rules()
    line = normalise_whitespace(line)
    if not line or len(line) > rules.max_line_chars:
        return False
    return _matches_line(line, line.lower(), rules)


def _matches_line(line: str, lowered: str, rules: _Rules) -> bool:
    """Whether a (normalised) line is a boilerplate line."""
    if len(line) > rules.max_line_chars:
        return False
    return any(p.fullmatch(line) for p in rules.lines.select(lowered))


def _can_start_banner(paragraph: str, pos: int) -> bool:
    """A banner starts a paragraph or a line, or follows a sentence end."""
    if pos == 0 or paragraph[pos - 1] == "\n":
        return True
    before = paragraph[:pos].rstrip(" ")
    return bool(before) and before[-1] in _SENTENCE_END


def _split_tail(paragraph: str, rules: _Rules) -> tuple[str, str | None]:
    """Cut a banner that runs to the end of the paragraph; return (rest, banner or None)."""
    lowered = paragraph.lower()
    for tail in rules.tails:
        if tail.hints and not any(h in lowered for h in tail.hints):
            continue
        for match in tail.start.finditer(paragraph):
            pos = match.start()
            if not _can_start_banner(paragraph, pos):
                continue
            piece = paragraph[pos:].strip()
            if len(piece) <= tail.max_chars and tail.requires.search(piece):
                return paragraph[:pos].rstrip(), piece
    return paragraph, None


def _strip_inline(line: str, lowered: str, rules: _Rules, removed: list[str]) -> str:
    """Remove the boilerplate pieces inside a line, recording each."""

    def record(match: re.Match[str]) -> str:
        removed.append(match.group(0).strip())
        return ""

    for pattern in rules.inline.select(lowered):
        line = pattern.sub(record, line)
    return line.strip()


def _is_article_line(line: str, rules: _Rules) -> bool:
    """A line of article prose: long enough, and ending a sentence."""
    return len(line) >= rules.min_article_line_chars and line.rstrip()[-1] in _SENTENCE_END


def _is_section_end(line: str, rules: _Rules) -> bool:
    """Whether a (normalised) line opens the furniture after the article ('3 Comments')."""
    if len(line) > rules.max_line_chars:
        return False
    return any(p.fullmatch(line) for p in rules.ends.select(line.lower()))


def _is_widget_line(line: str, rules: _Rules) -> bool:
    """A short line that ends no sentence ('Article Rating', 'Subscribe', '0 0 votes')."""
    return len(line.split()) <= rules.end_widget_words and line[-1] not in _SENTENCE_END


def split_end_furniture(text: str) -> tuple[str, list[str]]:
    """Cut the furniture a page puts after its article: from a comment-section heading ('3
    Comments', 'Leave a Reply') to the end of the text, with the short widget lines just before
    the heading (ratings, subscribe and notify buttons). Only after a line of article prose.

    Args:
        text: the article text, with '\\n' line breaks.
    Returns:
        (the text before the furniture, each removed non-blank line, stripped and normalised).
    """
    rules = load_rules()
    lines = [normalise_whitespace(line) for line in text.split("\n")]
    seen_article = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if seen_article and _is_section_end(line, rules):
            start = i
            while start > 0 and (not lines[start - 1] or _is_widget_line(lines[start - 1], rules)):
                start -= 1
            return "\n".join(text.split("\n")[:start]), [piece for piece in lines[start:] if piece]
        seen_article = seen_article or _is_article_line(line, rules)
    return text, []


class _CutCopies:
    """The lines of a text by their first characters, to find a line that is another line cut
    short mid-word: a caption or teaser shown twice, the copy cut at a fixed number of characters."""

    def __init__(self, text: str, min_chars: int) -> None:
        self.min_chars = min_chars
        self.by_start: dict[str, list[str]] = {}
        for raw in text.split("\n"):
            line = normalise_whitespace(raw)
            if len(line) > min_chars:
                self.by_start.setdefault(line[:min_chars], []).append(line)

    def is_cut_copy(self, line: str) -> bool:
        """Whether a (normalised) line is the start of a longer line of the text, cut inside a word."""
        if len(line) < self.min_chars or not line[-1].isalnum():
            return False
        return any(len(full) > len(line) and full.startswith(line) and full[len(line)].isalnum()
                   for full in self.by_start.get(line[:self.min_chars], ()))


# A wire dateline opening a paragraph: 'KYIV, Ukraine (AP) — ...', 'GOMA (Reuters) - ...'. It is
# kept, on a line of its own, so that the sentence after it starts with its own subject.
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z'.\-]+ ?){1,4}(?:,[^\n—–()]{1,60}?)?(?: ?\([A-Za-z.&' ]{1,30}\))?) ?[—–-]{1,2} (?=[A-Z\"“])")


def split_dateline(paragraph: str) -> str:
    """Put a leading wire dateline on its own line."""
    return _DATELINE.sub(lambda m: m.group(1).rstrip() + "\n", paragraph, count=1)


def clean_text(text: str) -> Cleaned:
    """Remove web boilerplate from article text, keeping each removed piece.

    Paragraphs (blank-line separated) and line breaks are kept; inside a line, runs of spaces
    collapse and ends are stripped, every other character stays as it was, so a sentence of the
    cleaned text is a sentence of the input.

    Args:
        text: the article text (plain text, after ingest).
    Returns:
        Cleaned(text, boilerplate): the remaining text and the removed pieces in order.
    """
    rules = load_rules()
    text = text.replace("\r\n", "\n").translate(_NEWLINES)
    text, furniture = split_end_furniture(text)
    copies = _CutCopies(text, rules.min_copy_chars)
    removed: list[str] = []
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [normalise_whitespace(line) for line in block.split("\n")]
        block, banner = _split_tail("\n".join(line for line in lines if line), rules)
        kept: list[str] = []
        for line in block.split("\n"):
            if not line:
                continue
            lowered = line.lower()
            if _matches_line(line, lowered, rules) or copies.is_cut_copy(line):
                removed.append(line)
                continue
            line = _strip_inline(line, lowered, rules, removed)
            if line:
                kept.append(line)
        if banner:
            removed.append(banner)
        if kept:
            paragraphs.append(split_dateline("\n".join(kept)))
    removed.extend(furniture)
    if removed:
        log.debug("removed %d boilerplate pieces", len(removed))
    return Cleaned(text="\n\n".join(paragraphs), boilerplate=removed)
