"""Ingest: read an article file (plain text or HTML) into a RawArticle with its metadata.

Bad input (missing, empty, binary, oversized, letterless) raises InputError naming the file.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import date
from pathlib import Path

from peacewatch.errors import InputError
from peacewatch.ingest.html import load_html, looks_like_html
from peacewatch.ingest.text import (
    MAX_BYTES,
    RawArticle,
    count_controls,
    decode_bytes,
    load_text,
    normalise_published,
)

__all__ = [
    "MAX_BYTES",
    "RawArticle",
    "decode_bytes",
    "load_html",
    "load_text",
    "looks_like_html",
    "normalise_published",
    "read_article",
    "read_record",
]

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def read_article(
    path: str | os.PathLike[str],
    *,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> RawArticle:
    """Read one article file; HTML by its extension (.html, .htm, .xhtml) or its content.

    Args:
        path: the file.
        published: publication date (YYYY-MM-DD, ISO timestamp or date); wins over the page's.
        title, url, source: metadata; each wins over what the file itself gives.
    Returns:
        the RawArticle.
    Raises:
        InputError: the file is missing, unreadable, empty, binary, over MAX_BYTES or has no
            letters; the message names the file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError(f"{path}: not a file")
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: file is too large ({size / 1024 / 1024:.1f} MB; the limit is "
                f"{MAX_BYTES // 1024 // 1024} MB): split it into articles"
            )
        if size == 0:
            raise InputError(f"{path}: file is empty")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(data)
    loader = load_html if is_html else load_text
    try:
        raw = loader(data, published=published, title=title, url=url, source=source)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    log.debug("read %s as %s (%d chars)", path, raw.format, len(raw.text))
    return raw


def read_record(line: str) -> tuple[str | None, RawArticle]:
    """One JSON-lines record {"id", "text" or "html", "published", "title", "url", "source"}.

    Returns:
        (the record's id or None, its RawArticle).
    Raises:
        InputError: the line is not a JSON object, or its article cannot be read.
    """
    try:
        record = json.loads(line)
    except ValueError as exc:
        if count_controls(line) > 2:  # as for a whole file: a stray control or two is not binary
            raise InputError("line is binary data, not a JSON record") from None
        raise InputError(f"not a JSON record: {exc}") from exc
    if not isinstance(record, dict):
        raise InputError("a record must be a JSON object")
    meta = {key: record.get(key) for key in ("published", "title", "url", "source")}
    if any(value is not None and not isinstance(value, str) for value in
           (record.get("html"), record.get("text"), *meta.values())):
        raise InputError("record fields text, html, published, title, url and source must be strings")
    if record.get("html") is not None:
        return record.get("id"), load_html(record["html"], **meta)
    return record.get("id"), load_text(record.get("text") or "", **meta)
