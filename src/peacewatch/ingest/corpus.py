"""Corpus: turn command-line paths (files, folders, JSON lines, CSV, RSS/Atom feeds, '-' for stdin)
into articles, for `extract` and `ingest` alike.

Bad input becomes an item carrying an error (the caller logs and counts it); it never stops the iteration.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from peacewatch.errors import InputError
from peacewatch.ingest import (
    MAX_BYTES,
    RawArticle,
    load_html,
    load_text,
    looks_like_html,
    normalise_published,
    read_article,
    read_record,
)
from peacewatch.ingest.text import repair_unicode

__all__ = ["STDIN", "CorpusItem", "Given", "count_corpus", "iter_corpus"]

log = logging.getLogger(__name__)

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf", ".feed"})
SIDECAR_SUFFIX = ".meta.json"
STDIN = "-"  # the path that names standard input

# CSV columns, in the order they are tried; the first non-empty one is the article.
CSV_TEXT_COLUMNS = ("text", "article_content", "content", "body")
CSV_HTML_COLUMN = "html"

# feedparser holds a whole feed and its parse in memory; a feed bundles many articles, so it
# may be larger than one article, but a misdirected dump should still be refused early.
MAX_FEED_BYTES = 10 * MAX_BYTES
# How much of a file is read to tell whether it is a feed whatever its name.
_SNIFF_BYTES = 2048
# A feed's root element, after an XML declaration, processing instructions, comments or a doctype.
_FEED_ROOT = re.compile(
    r"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I
)
# Entries for a cheap count: RSS <item> and Atom <entry>, namespaced or not (not RSS 1.0's <items>).
_FEED_ENTRY = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
_TAG = re.compile(r"<[A-Za-z!/][^>]*>")
_WHOLE_PAGE = re.compile(r"\s*(?:<\?xml|<!doctype|<html\b)", re.I)
_WEB_URL = re.compile(r"https?://", re.I)
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class CorpusItem:
    """One article found in the corpus, or why it could not be read.

    origin: where it came from, for messages ('dir/a.txt', 'feed.xml#3', 'batch.jsonl:12', 'data.csv:5').
    external_id: the id the corpus gives (JSONL 'id', CSV 'id' column, feed entry id or link), else None.
    raw: the article, or None when it could not be read.
    error: why it could not be read (then raw is None), naming the origin.
    """

    origin: str
    external_id: str | None
    raw: RawArticle | None
    error: str | None


@dataclass(frozen=True)
class Given:
    """What the caller says of single-article inputs (a file, stdin); each wins over the file's own.

    published is also the default of records (JSONL, CSV, feed entries) that give no date;
    title, url and source are never applied to records, which each have their own.
    """

    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


def iter_corpus(paths: Iterable[str | os.PathLike[str]], *, published: str | None = None,
                given: Given | None = None, lines: bool = False) -> Iterator[CorpusItem]:
    """Read the articles that command-line paths name, one item per article.

    A folder is walked recursively in sorted order, skipping hidden names and `*.meta.json`
    sidecars. By suffix: .jsonl/.ndjson give one article per non-blank line, .csv one per row,
    .xml/.rss/.atom/.rdf/.feed (or any file that starts like a feed) one per entry; any other
    file is one article (HTML by its suffix or content), its metadata taken from a
    `<stem>.meta.json` sidecar when there is one. '-' is standard input, one article.

    Args:
        paths: files, folders and '-'; a single path is accepted too.
        published: default publication date (YYYY-MM-DD) for items without one of their own;
            for a single-article file it wins over the file's sidecar and page metadata.
        given: title, url, source (and published) for single-article inputs; `published`
            wins over given.published.
        lines: standard input and the files named in `paths` that are of no other kind
            (.txt, no suffix) are JSON lines.
    Returns:
        an iterator of CorpusItem, in input order; unreadable input gives items with an error.
    Raises:
        InputError: at once, when the publication date is not a date.
    """
    given = given or Given()
    default = normalise_published(published or given.published)
    return _iter_items(_as_paths(paths), Given(default, given.title, given.url, given.source), lines)


def count_corpus(paths: Iterable[str | os.PathLike[str]], *, lines: bool = False) -> int | None:
    """Count the items iter_corpus will give, cheaply, for a progress bar.

    A file counts 1, a JSONL file its non-blank lines, a CSV its data rows, a feed its entries
    (counted from the tags, not parsed). Unreadable input counts as the one error item it gives.

    Args:
        paths: as for iter_corpus.
    Returns:
        the number of items, or None when it is unknown (paths is a one-shot iterator, which
        counting would use up, or names standard input).
    """
    if isinstance(paths, Iterator) or any(str(path) == STDIN for path in _as_paths(paths)):
        return None
    total = 0
    for named, path, error in _walk_named(_as_paths(paths)):
        if error:
            total += 1
            continue
        kind = _kind(path, lines and path == named)
        if kind == "jsonl":
            total += sum(1 for _ in _jsonl_lines(path))
        elif kind == "csv":
            total += sum(1 for _ in _csv_rows(path))
        elif kind == "feed":
            total += _count_feed_entries(path)
        else:
            total += 1
    return total


def _as_paths(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Iterator[Path]:
    """The paths as Path objects; a lone str is one path, not an iterable of characters."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        yield Path(path)


# Kinds of file a folder walk passes over (named on the command line, they are still read).
NOT_ARTICLES = frozenset({".json", ".yaml", ".yml", ".toml", ".py", ".md", ".png", ".jpg", ".jpeg", ".gif",
                          ".pdf", ".zip", ".gz", ".db", ".sqlite", ".parquet"})


def _is_sidecar(path: Path) -> bool:
    """Tell whether a file is a metadata sidecar (`<stem>.meta.json`), never an article."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def _walk_named(paths: Iterable[Path]) -> Iterator[tuple[Path, Path, str | None]]:
    """As _walk, each file with the path named that led to it."""
    for named in paths:
        for path, error in _walk([named]):
            yield named, path, error


def _walk(paths: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
    """The files under the paths, as (path, None), or (path, error) for a path that cannot be read."""
    for path in paths:
        if path.is_dir():
            yield from _walk_folder(path, set())
        elif not path.exists():
            yield path, f"{path}: no such file or folder"
        elif _is_sidecar(path):
            # Shell globs pass sidecars along with their articles: expected, so not a warning.
            log.debug("%s: metadata sidecar, not an article; skipped", path)
        else:
            yield path, None


def _walk_folder(folder: Path, seen: set[Path]) -> Iterator[tuple[Path, str | None]]:
    """The files under a folder, depth first in name order; hidden names and sidecars left out."""
    try:
        real = folder.resolve()
        if real in seen:
            yield folder, f"{folder}: folder already read (a symbolic link loop or a second link to it)"
            return
        seen.add(real)
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, f"{folder}: folder cannot be read ({exc.strerror or exc})"
        return
    for entry in entries:
        if entry.name.startswith("."):
            log.debug("%s: hidden; skipped", entry)
        elif entry.is_dir():
            yield from _walk_folder(entry, seen)
        elif entry.suffix.lower() in NOT_ARTICLES:
            # a folder of articles often holds their annotations or other data (gold .json files)
            log.debug("%s: %s file inside a folder, not an article; skipped", entry, entry.suffix)
        elif not _is_sidecar(entry):
            yield entry, None


def _kind(path: Path, lines: bool = False) -> str:
    """How a file is read: 'jsonl', 'csv', 'feed' or 'article' ('jsonl' instead when `lines`)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in FEED_SUFFIXES or _looks_like_feed(path):
        return "feed"
    return "jsonl" if lines else "article"


def _looks_like_feed(path: Path) -> bool:
    """Tell whether a file's start is an RSS or Atom root element, whatever the file's name."""
    if not path.is_file():  # a FIFO or device would block the read
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return False  # read_article reports the file
    # Dropping NULs lets a UTF-16 feed be recognised without decoding it.
    text = head.decode("utf-8", errors="ignore").replace("\x00", "").lstrip("\ufeff")
    return _FEED_ROOT.match(text) is not None


def _iter_items(paths: Iterable[Path], given: Given, lines: bool) -> Iterator[CorpusItem]:
    """The items of every path, read by kind."""
    default = given.published
    for named in paths:
        if str(named) == STDIN:
            yield from _iter_stdin(given, lines)
            continue
        for path, error in _walk([named]):
            if error:
                yield _failed(str(path), error)
                continue
            kind = _kind(path, lines and path == named)
            if kind == "jsonl":
                yield from _iter_jsonl(path, default)
            elif kind == "csv":
                yield from _iter_csv(path, default)
            elif kind == "feed":
                yield from _iter_feed(path, default)
            else:
                yield _read_file(path, given)


def _iter_stdin(given: Given, lines: bool) -> Iterator[CorpusItem]:
    """Standard input: JSON lines when `lines`, else one article (HTML by its content)."""
    stream = sys.stdin.buffer
    if lines:
        yield from _iter_jsonl_stream("<stdin>", stream, given.published)
        return

    def read() -> tuple[str | None, RawArticle]:
        data = stream.read(MAX_BYTES + 1)
        loader = load_html if looks_like_html(data) else load_text
        return None, loader(data, published=given.published, title=given.title, url=given.url,
                            source=given.source)

    yield _attempt("<stdin>", read, given.published)


def _failed(origin: str, reason: str, external_id: str | None = None) -> CorpusItem:
    """An item for input that cannot be read; the error names the origin (the caller logs it, once)."""
    error = reason if reason.startswith(origin) else f"{origin}: {reason}"
    return CorpusItem(origin=origin, external_id=external_id, raw=None, error=error)


def _attempt(
    origin: str,
    read: Callable[[], tuple[str | None, RawArticle]],
    default: str | None,
    external_id: str | None = None,
) -> CorpusItem:
    """Run one loader and make its item: the article with the default date, or the error.

    Args:
        origin: where the article comes from.
        read: returns (external id or None, article); raises InputError for bad input.
        default: the publication date for an article without one.
        external_id: the id known before reading, kept on an error item.
    Returns:
        the CorpusItem.
    """
    try:
        found_id, raw = read()
    except InputError as exc:
        return _failed(origin, str(exc), external_id)
    except Exception as exc:
        # Messy input must not end a batch, even when it trips a bug in a parser: the skip is
        # logged by the caller, the traceback here (with --verbose) so the bug can be found.
        log.info("%s: unexpected error while reading", origin, exc_info=True)
        return _failed(origin, f"unexpected error while reading: {type(exc).__name__}: {exc}", external_id)
    if raw.published is None:
        raw.published = default
    found_id = found_id if found_id is not None else external_id
    # An id is stored and printed like the text: it passes the same Unicode repair.
    return CorpusItem(origin=origin, external_id=None if found_id is None else repair_unicode(found_id)[0],
                      raw=raw, error=None)


# Single-article files ------------------------------------------------------------------------------


def _read_sidecar(path: Path) -> tuple[dict[str, str], str | None]:
    """The metadata of `<stem>.meta.json` beside an article; returns (metadata, problem or None).

    A sidecar is a help, never a condition: one that cannot be read, is not a JSON object or
    holds a date that is not a date is a problem (logged, and kept in the article's warnings),
    and the article is read without it (without its date).
    """
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, None
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {}, f"metadata sidecar {sidecar} cannot be read ({exc}); ignored"
    if not isinstance(meta, dict):
        return {}, f"metadata sidecar {sidecar} is not a JSON object; ignored"
    found = {key: meta.get(key) for key in ("published", "title", "url")}
    # The evaluation sidecars name the outlet 'outlet'; others say 'source'.
    found["source"] = meta.get("source") or meta.get("outlet")
    kept = {key: value.strip() for key, value in found.items() if isinstance(value, str) and value.strip()}
    if "published" in kept:
        try:
            kept["published"] = normalise_published(kept["published"]) or ""
        except InputError as exc:
            del kept["published"]
            return kept, f"metadata sidecar {sidecar}: {exc}; its date ignored"
    return kept, None


def _read_file(path: Path, given: Given) -> CorpusItem:
    """One article file, with the metadata of its sidecar; the caller's values win over the sidecar's."""
    origin = str(path)
    meta, problem = _read_sidecar(path)
    if problem:
        log.warning("%s: %s", origin, problem)

    def read() -> tuple[str | None, RawArticle]:
        raw = read_article(path, published=given.published or meta.get("published"),
                           title=given.title or meta.get("title"), url=given.url or meta.get("url"),
                           source=given.source or meta.get("source"))
        if problem:
            raw.warnings.append(problem)
        return None, raw

    return _attempt(origin, read, given.published)


# Line-oriented files (JSONL, CSV) ------------------------------------------------------------------


class _LineDecoder:
    """Iterate a binary stream as text lines, counting them and decoding each on its own.

    Lines are UTF-8; one that is not is read as cp1252 (the usual legacy encoding of English
    text, and what spreadsheet exports often use) and flagged, so one bad byte costs one line's
    accents, not the rest of the file. A multi-byte UTF-8 character never contains a newline
    byte, so splitting before decoding is safe.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.line_count = 0
        self.legacy = False  # set when a line was not UTF-8; the reader resets it

    def __iter__(self) -> _LineDecoder:
        return self

    def __next__(self) -> str:
        line = next(self._stream)
        self.line_count += 1
        if self.line_count == 1:
            line = line.removeprefix(_UTF8_BOM)
        try:
            # Surrogates encoded as characters pass here; the loaders repair them, and say so.
            return line.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            self.legacy = True
        try:
            return line.decode("cp1252")
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
            return line.decode("latin-1")


_LEGACY_WARNING = "input is not UTF-8; decoded as cp1252"


def _open_bytes(path: Path) -> tuple[BinaryIO | None, str | None]:
    """The file opened for reading bytes, or None and why it cannot be read."""
    try:
        return path.open("rb"), None
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"


def _jsonl_lines(path: Path) -> Iterator[tuple[str, str | None, bool, str | None]]:
    """The non-blank lines of a JSONL file as (origin, line, legacy, None), or (origin, None, False, error)."""
    stream, error = _open_bytes(path)
    if stream is None:
        yield str(path), None, False, error
        return
    with stream:
        yield from _stream_lines(str(path), stream)


def _stream_lines(name: str, stream: BinaryIO) -> Iterator[tuple[str, str | None, bool, str | None]]:
    """The non-blank lines of an open JSONL stream, as _jsonl_lines gives them."""
    lines = _LineDecoder(stream)
    try:
        for line in lines:
            if line.strip():
                yield f"{name}:{lines.line_count}", line, lines.legacy, None
            lines.legacy = False
    except OSError as exc:
        yield f"{name}:{lines.line_count + 1}", None, False, f"reading stopped ({exc.strerror or exc})"


def _iter_jsonl(path: Path, default: str | None) -> Iterator[CorpusItem]:
    """One item per non-blank line of a JSON-lines file."""
    yield from _read_jsonl_lines(_jsonl_lines(path), default)


def _iter_jsonl_stream(name: str, stream: BinaryIO, default: str | None) -> Iterator[CorpusItem]:
    """One item per non-blank line of an open JSON-lines stream (standard input)."""
    yield from _read_jsonl_lines(_stream_lines(name, stream), default)


def _read_jsonl_lines(found: Iterable[tuple[str, str | None, bool, str | None]],
                      default: str | None) -> Iterator[CorpusItem]:
    """The items of JSONL lines, each read on its own."""
    for origin, line, legacy, error in found:
        if error or line is None:
            yield _failed(origin, error or "no line")
            continue

        def read(line: str = line, legacy: bool = legacy) -> tuple[str | None, RawArticle]:
            record_id, raw = read_record(line)
            if legacy:
                raw.warnings.append(_LEGACY_WARNING)
            return (None if record_id is None else str(record_id)), raw

        yield _attempt(origin, read, default)


def _raise_csv_field_limit() -> None:
    """Let a CSV field hold a whole article (the csv module stops at 128 KB by default)."""
    if csv.field_size_limit() < MAX_BYTES:
        csv.field_size_limit(MAX_BYTES)


def _csv_rows(path: Path) -> Iterator[tuple[str, dict[str, str] | None, bool, str | None]]:
    """The data rows of a CSV file as (origin, row, legacy, None), or (origin, None, False, error).

    Row keys are the header's names, lower-cased and stripped. A file without a header, or
    without a text or html column, gives one error for the whole file.
    """
    _raise_csv_field_limit()
    stream, error = _open_bytes(path)
    if stream is None:
        yield str(path), None, False, error
        return
    with stream:
        # csv.reader, not DictReader: DictReader skips blank lines unseen, which would put the
        # line numbers of the origins off.
        lines = _LineDecoder(stream)
        reader = csv.reader(lines)
        header: list[str] | None = None
        while True:
            start = lines.line_count + 1
            lines.legacy = False
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield f"{path}:{start}", None, False, f"not a CSV row ({exc})"
                continue
            except OSError as exc:
                yield f"{path}:{start}", None, False, f"reading stopped ({exc.strerror or exc})"
                return
            if not row:  # a blank line
                continue
            if header is None:
                header = [name.strip().lower() for name in row]
                if not set(header) & {*CSV_TEXT_COLUMNS, CSV_HTML_COLUMN}:
                    columns = ", ".join((*CSV_TEXT_COLUMNS, CSV_HTML_COLUMN))
                    yield str(path), None, False, f"CSV has no text column (one of {columns}) in its header"
                    return
                continue
            yield f"{path}:{start}", dict(zip(header, row, strict=False)), lines.legacy, None
    if header is None:
        yield str(path), None, False, "CSV is empty (no header row)"


def _iter_csv(path: Path, default: str | None) -> Iterator[CorpusItem]:
    """One item per data row of a CSV file."""
    for origin, row, legacy, error in _csv_rows(path):
        if error or row is None:
            yield _failed(origin, error or "no row")
            continue
        yield _attempt(origin, partial(_load_csv_row, row, legacy), default,
                       external_id=(row.get("id") or "").strip() or None)


def _load_csv_row(row: dict[str, str], legacy: bool) -> tuple[str | None, RawArticle]:
    """The article of one CSV row: text from the first text column filled, else HTML."""

    def cell(*names: str) -> str | None:
        for name in names:
            value = (row.get(name) or "").strip()
            if value:
                return value
        return None

    meta = {
        "published": cell("published", "date"),
        "title": cell("title"),
        "url": cell("url"),
        "source": cell("source"),
    }
    text = cell(*CSV_TEXT_COLUMNS)
    html = cell(CSV_HTML_COLUMN)
    if text:
        raw = load_text(text, **meta)
    elif html:
        raw = load_html(_as_page(html), **meta)
    else:
        raise InputError(f"row has no text (columns {', '.join((*CSV_TEXT_COLUMNS, CSV_HTML_COLUMN))} are empty)")
    if legacy:
        raw.warnings.append(_LEGACY_WARNING)
    return cell("id"), raw


# Feeds ---------------------------------------------------------------------------------------------


def _read_feed_bytes(path: Path) -> bytes:
    """The bytes of a feed file. Raises InputError when it is missing, unreadable or too large."""
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            raise InputError(f"feed is too large ({size / 1024 / 1024:.1f} MB; the limit is "
                             f"{MAX_FEED_BYTES // 1024 // 1024} MB)")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from None


def _count_feed_entries(path: Path) -> int:
    """The entries of a feed counted by their tags; 1 when none (the error item it gives)."""
    try:
        data = _read_feed_bytes(path)
    except InputError:
        return 1
    return len(_FEED_ENTRY.findall(data)) or 1


def _iter_feed(path: Path, default: str | None) -> Iterator[CorpusItem]:
    """One item per entry of an RSS or Atom feed file."""
    # feedparser is imported here so that commands which never read a feed do not pay for it.
    import feedparser

    origin = str(path)
    try:
        # Bytes, never the path: given a string, feedparser would also accept a URL and fetch it.
        parsed = feedparser.parse(_read_feed_bytes(path))
    except InputError as exc:
        yield _failed(origin, str(exc))
        return
    except Exception as exc:
        log.warning("%s: feedparser failed", origin, exc_info=True)
        yield _failed(origin, f"feed cannot be parsed ({type(exc).__name__}: {exc})")
        return
    if not parsed.entries:
        reason = f"not a readable feed ({parsed.get('bozo_exception')})" if parsed.bozo else "feed has no entries"
        yield _failed(origin, reason)
        return
    problem = None
    if parsed.bozo:
        # feedparser's lenient parser still recovers entries from a feed that is not well-formed.
        problem = f"feed is not well-formed ({parsed.get('bozo_exception')}); its entries were recovered"
        log.warning("%s: %s", origin, problem)
    source = _strip_tags(parsed.feed.get("title") or "") or None
    for number, entry in enumerate(parsed.entries, 1):
        external_id = entry.get("id") or entry.get("link") or None
        yield _attempt(f"{path}#{number}", partial(_load_entry, entry, source, problem), default,
                       external_id=external_id)


def _as_page(html: str) -> str:
    """Wrap an HTML fragment in a page, leaving a whole page as it is.

    trafilatura takes a lone element ('<p>...</p>', a usual feed summary) for the whole tree,
    finds it empty, logs an error and leaves the text to the plain fallback; inside <body> it
    reads it as any page.
    """
    return html if _WHOLE_PAGE.match(html) else f"<html><body>{html}</body></html>"


def _strip_tags(text: str) -> str:
    """A feed title without markup (Atom allows HTML titles)."""
    return " ".join(_TAG.sub(" ", text).split())


def _load_entry(entry: Any, source: str | None, problem: str | None) -> tuple[str | None, RawArticle]:
    """The article of one feed entry: its content, else its summary, with its metadata."""
    body = next((part.get("value") for part in entry.get("content") or [] if (part.get("value") or "").strip()),
                None) or (entry.get("summary") or "").strip()
    if not body:
        raise InputError("feed entry has no content or summary")
    title = _strip_tags(entry.get("title") or "") or None
    # feedparser copies a permalink-like id into `link` (an Atom 'tag:' id too): keep web addresses only.
    link = (entry.get("link") or "").strip()
    url = link if _WEB_URL.match(link) else None
    if _TAG.search(body):
        raw = load_html(_as_page(body), published=_entry_date(entry), title=title, url=url, source=source)
    else:
        raw = load_text(body, published=_entry_date(entry), title=title, url=url, source=source)
    if problem:
        raw.warnings.append(problem)
    return entry.get("id") or link or None, raw


def _entry_date(entry: Any) -> str | None:
    """An entry's publication (else update) date as YYYY-MM-DD, as the publisher wrote it.

    feedparser's *_parsed times are moved to UTC, which can shift the day (01:30 at +03:00 is
    the evening before in UTC); the written date keeps the publisher's day, as ingest does.
    The parsed time is the fallback for dates only feedparser can read.
    """
    for key in ("published", "updated"):
        written = _local_date(entry.get(key))
        if written:
            return written
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _local_date(value: str | None) -> str | None:
    """The date of an RFC 3339 (Atom) or RFC 822 (RSS) timestamp in its own offset, or None."""
    if not value:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
