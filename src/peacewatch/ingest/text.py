"""Plain-text ingest: bytes to text (with legacy encodings), input checks, a heading line as title.

Also home of RawArticle, the record every loader returns, and of the publication-date check.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from peacewatch.data.page_words import PageWords
from peacewatch.errors import InputError

__all__ = ["MAX_BYTES", "RawArticle", "decode_bytes", "load_text", "normalise_published", "repair_unicode",
           "split_title"]

log = logging.getLogger(__name__)

# The largest input accepted: a long article is some 50 KB, a heavy web page a few MB;
# 20 MB leaves room for both and stops a misdirected dump or disk image early.
MAX_BYTES = 20 * 1024 * 1024

# File signatures of common binary formats, so the error can say what the file is (data/page.yaml).
_MAGIC = tuple((entry.as_bytes(), entry.name) for entry in PageWords.load().binary_signatures)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Share of control characters above which decoded "text" is taken for binary data: random
# bytes give about 11%, real text none or a stray one.
_MAX_CONTROL_SHARE = 0.01
# How much of a large input the charset detector looks at (it is slow on megabytes).
_DETECT_SAMPLE = 64 * 1024
# A non-UTF-8 input whose cp1252 reading has more than this share of non-ASCII letters is
# probably in another script (Cyrillic, Greek ...), and the charset detector is asked.
_MAX_WESTERN_NON_ASCII = 0.3
# C0 and C1 controls, less tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")

# Title heuristics: a heading is short and does not end like a sentence or a dateline.
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(\S.*?)\s*#*\s*")
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_GLUED_TITLE_MIN_WORDS = 5
_SENTENCE_START = re.compile(r"[\"“‘'(]?[A-Z0-9]")


@dataclass
class RawArticle:
    """An article as read, before cleaning.

    text: the article text (HTML already reduced to text).
    title, published (YYYY-MM-DD), url, source: metadata, the caller's values winning.
    format: "text" or "html", what the input was.
    warnings: what went wrong but was recovered (a legacy encoding, a fallback extractor).
    """

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    format: str = "text"
    warnings: list[str] = field(default_factory=list)


def check_size(size: int) -> None:
    """Raise InputError when an input of `size` bytes is over MAX_BYTES."""
    if size > MAX_BYTES:
        raise InputError(
            f"input is too large ({size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB): split it into articles"
        )


def _describe_binary(data: bytes) -> str | None:
    """Name the binary format of `data` by its signature, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def count_controls(text: str) -> int:
    """The number of control characters other than tabs and line breaks."""
    return sum(1 for _ in _CONTROL.finditer(text))


def _detect_charset(data: bytes) -> str | None:
    """Ask charset_normalizer (a trafilatura dependency) for the encoding; None when unsure."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it, the Western fallback is used
        return None
    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    return best.encoding if best is not None else None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes; return (text, encoding).

    English news in a legacy encoding is almost always cp1252 (or its subset latin-1); other
    scripts show as a high share of accented 'letters' in that reading, and only then is the
    charset detector trusted (it guesses wildly on short Western text).
    """
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        text, encoding = data.decode("latin-1"), "latin-1"
    letters = [ch for ch in text[:_DETECT_SAMPLE] if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if ord(ch) > 127)
    if letters and non_ascii / len(letters) > _MAX_WESTERN_NON_ASCII:
        detected = _detect_charset(data)
        if detected and detected.replace("_", "-") not in ("cp1252", "latin-1", "iso8859-1"):
            try:
                return data.decode(detected), detected
            except (UnicodeDecodeError, LookupError):
                log.debug("detected charset %s does not decode the input", detected)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding). Raises InputError for binary data."""
    kind = _describe_binary(data)
    if kind:
        raise InputError(f"input is binary: {kind}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"input starts with a {encoding} mark but cannot be decoded: {exc}") from exc
    sniffed = _sniff_utf16(data)
    if sniffed:
        try:
            return data.decode(sniffed), sniffed
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError("input is binary (it contains NUL bytes), not text")
    return decode_utf8(data) or _decode_legacy(data)


# What decode_utf8 calls UTF-8 whose surrogates were encoded as characters (it is not UTF-8).
UTF8_WITH_SURROGATES = "utf-8 with encoded surrogates (replaced by U+FFFD)"


def decode_utf8(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-8 bytes; return (text, encoding), or None when the bytes are not UTF-8.

    UTF-8 in which surrogates were encoded like characters (CESU-8, or a writer that did not
    check, as a lone '\\ud800' gives) is read too: its pairs joined, its lone surrogates
    replaced by U+FFFD, and the encoding says so.
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    return repair_unicode(text)[0], UTF8_WITH_SURROGATES


def decode_bytes(data: bytes) -> str:
    """Decode the bytes of an article to text.

    UTF-8 (with or without a BOM), UTF-16/32 with a BOM, and legacy encodings (cp1252, latin-1,
    or what charset detection finds for other scripts).

    Args:
        data: the raw bytes.
    Returns:
        the text, a BOM removed.
    Raises:
        InputError: when the bytes are binary data (an image, an archive, NUL bytes, mostly
            control characters) or too large.
    """
    check_size(len(data))
    text, encoding = _decode(data)
    check_controls(text)
    if encoding not in ("utf-8", "utf-8-sig"):
        log.info("decoded input as %s", encoding)
    return text.lstrip("\ufeff")


def check_controls(text: str) -> None:
    """Raise InputError when the text is mostly control characters (binary read as text)."""
    controls = count_controls(text)
    # A couple of stray controls (a bell, an EOF mark) are tolerated even in a short text.
    if controls > _MAX_CONTROL_SHARE * len(text) + 2:
        raise InputError(f"input looks binary ({controls} control characters in {len(text)}), not text")


def remove_controls(text: str, warnings: list[str]) -> str:
    """Drop the stray control characters a text may carry (a few, under the binary threshold)."""
    if not count_controls(text):
        return text
    kept = _CONTROL.sub("", text)
    warnings.append(f"removed {len(text) - len(kept)} control characters")
    return kept


def repair_unicode(text: str) -> tuple[str, int]:
    """Make a string valid Unicode: surrogate pairs joined, lone surrogates replaced by U+FFFD.

    A lone surrogate ('\\ud800' in a JSON string, a byte kept by the 'surrogateescape' error
    handler) is not a character: it cannot be encoded as UTF-8, so hashing, storing or printing
    the text would fail far from the input. Every loader passes what it is given through here.

    Args:
        text: any Python string.
    Returns:
        (the repaired text, the number of lone surrogates replaced).
    """
    if text.isascii():
        return text, 0
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # UTF-16 with 'surrogatepass' keeps each surrogate as its two bytes, so a split pair
        # decodes back to its character and a lone one to U+FFFD.
        repaired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return repaired, repaired.count("\ufffd") - text.count("\ufffd")
    return text, 0


def repair_fields(warnings: list[str], data: Any, published: Any, title: Any, url: Any, source: Any
                  ) -> tuple[Any, Any, Any, Any, Any]:
    """Repair what a loader is given (see repair_unicode): the one gate every input passes.

    Args:
        warnings: the article's warnings; one is added naming the fields that were repaired.
        data, published, title, url, source: the loader's arguments; what is not a string
            (bytes, a date, None) is passed through for the loader to read or refuse.
    Returns:
        (data, published, title, url, source), repaired.
    """
    names = ("text", "published", "title", "url", "source")
    values = []
    bad: list[str] = []
    for name, value in zip(names, (data, published, title, url, source), strict=True):
        if isinstance(value, str):
            value, count = repair_unicode(value)
            if count:
                bad.append(f"{name} ({count})")
        values.append(value)
    if bad:
        warnings.append(f"invalid Unicode (lone surrogates) replaced by U+FFFD in {', '.join(bad)}")
        log.info("%s", warnings[-1])
    return values[0], values[1], values[2], values[3], values[4]


def normalise_published(value: str | date | datetime | None) -> str | None:
    """Normalise a publication date to YYYY-MM-DD.

    Args:
        value: '2025-04-15', an ISO timestamp ('2025-04-15T10:00:00Z', with any offset: the date
            is kept as the publisher wrote it, not moved to UTC), another written date with a
            four-digit year ('15 April 2025'), a date or datetime, or None / ''.
    Returns:
        the date as YYYY-MM-DD, or None when no value was given.
    Raises:
        InputError: when the value is not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(f"published must be a date or a YYYY-MM-DD string, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    try:
        return (
            date.fromisoformat(text[:10]).isoformat()
            if len(text) == 10
            else datetime.fromisoformat(text).date().isoformat()
        )
    except ValueError:
        pass
    # Other written dates: dateutil, but only with a four-digit year, because it fills
    # whatever is missing from today's date ('5' would become the 5th of this month).
    if _HAS_YEAR.search(text):
        from dateutil import parser as date_parser

        try:
            return date_parser.parse(text).date().isoformat()
        except (ValueError, OverflowError):
            pass
    raise InputError(f"published date {value!r} is not a date (use YYYY-MM-DD)")


def _is_heading(line: str) -> bool:
    """Tell whether a line reads as a heading: short, no sentence or dateline ending."""
    from peacewatch.ingest.clean import is_boilerplate_line

    if len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    if line.endswith((".", ":", ",", ";")) and not line.endswith("..."):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    return not is_boilerplate_line(line)


def _same_text(a: str, b: str) -> bool:
    """Compare two strings ignoring case and runs of whitespace."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def split_title(text: str, title: str | None = None) -> tuple[str | None, str]:
    """Take a title from the first lines of a text; return (title, text without it).

    A first line is the title when it is a Markdown heading ('# ...'), or when it reads as a
    heading (short, not ending with a full stop) and is followed by a blank line. A given
    title wins; the line is then removed only when it repeats that title (also when the title
    is glued to the start of the first paragraph, as scraped pages often have it, or follows
    a boilerplate line such as a section label).

    Args:
        text: the article text, line breaks as '\\n'.
        title: the title the caller gave, if any.
    Returns:
        (title or None, the text with the title line removed).
    """
    from peacewatch.ingest.clean import is_boilerplate_line

    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return title, text
    if title:
        # The title may come after a kicker or stamp line, so look past boilerplate lines.
        for i in range(first, min(len(lines), first + 6)):
            line = lines[i].strip()
            if not line:
                continue
            heading = _MARKDOWN_HEADING.fullmatch(line)
            if _same_text(heading.group(1) if heading else line, title):
                return title, "\n".join(lines[:i] + lines[i + 1 :]).lstrip("\n")
            prefix = " ".join(title.split())
            squeezed = " ".join(line.split())
            # A glued headline: only a long title followed by what starts a new sentence, so
            # that a short title ('Russia attacks') is not cut from a sentence beginning alike.
            if (
                len(prefix.split()) >= _GLUED_TITLE_MIN_WORDS
                and squeezed.startswith(prefix + " ")
                and line.startswith(prefix)
                and _SENTENCE_START.match(squeezed[len(prefix) + 1 :])
            ):
                lines[i] = line[len(prefix) :].lstrip()
                return title, "\n".join(lines).lstrip("\n")
            if not is_boilerplate_line(line):
                break
        return title, text
    line = lines[first].strip()
    heading = _MARKDOWN_HEADING.fullmatch(line)
    if heading:
        return heading.group(1), "\n".join(lines[first + 1 :]).lstrip("\n")
    followed_by_blank = first + 1 < len(lines) and not lines[first + 1].strip()
    has_body = any(rest.strip() for rest in lines[first + 1 :])
    if followed_by_blank and has_body and _is_heading(line):
        return line, "\n".join(lines[first + 1 :]).lstrip("\n")
    return None, text


def check_text(text: str) -> None:
    """Raise InputError when a decoded text is empty or has no letters."""
    if not text.strip():
        raise InputError("input is empty (no text)")
    if not _LETTER.search(text):
        raise InputError("input has no letters: it is not an article")


def load_text(
    data: str | bytes,
    *,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> RawArticle:
    """Read a plain-text article.

    Args:
        data: the text, or its bytes (decoded with decode_bytes).
        published: publication date (YYYY-MM-DD, an ISO timestamp or a date).
        title: the title; when absent, a heading first line becomes the title.
        url, source: metadata carried into the report.
    Returns:
        a RawArticle with format "text".
    Raises:
        InputError: for empty, binary, oversized or letterless input, or a bad date.
    """
    warnings: list[str] = []
    data, published, title, url, source = repair_fields(warnings, data, published, title, url, source)
    if isinstance(data, bytes):
        if not data.strip():
            raise InputError("input is empty (no text)")
        check_size(len(data))
        text, encoding = _decode(data)
        check_controls(text)
        text = text.lstrip("\ufeff")
        if encoding not in ("utf-8", "utf-8-sig"):
            warnings.append(f"input is not UTF-8; decoded as {encoding}")
    elif isinstance(data, str):
        check_size(len(data))
        text = data.lstrip("\ufeff")
        check_controls(text)
    else:
        raise InputError(f"text must be str or bytes, not {type(data).__name__}")
    check_text(text)
    text = remove_controls(text, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found_title, body = split_title(text, title.strip() if title else None)
    if body.strip():
        text = body
    else:  # the whole text is its title: keep it as the text
        found_title = title
    return RawArticle(
        text=text,
        title=found_title,
        published=normalise_published(published),
        url=url or None,
        source=source or None,
        format="text",
        warnings=warnings,
    )
