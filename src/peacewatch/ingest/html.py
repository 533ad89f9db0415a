"""HTML ingest: a web page to article text and metadata, through trafilatura.

When trafilatura finds nothing (tiny or broken pages) the page is rendered to plain text with lxml.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from peacewatch.data.page_words import PageWords
from peacewatch.errors import InputError
from peacewatch.ingest.text import (
    RawArticle,
    _decode,
    _decode_legacy,
    check_size,
    check_text,
    normalise_published,
    split_title,
)

__all__ = ["load_html", "looks_like_html"]

log = logging.getLogger(__name__)

_DOCTYPE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html|\s*<html\b", re.I | re.S)
# An opening tag of the elements common in pages (data/page.yaml).
_PAGE = PageWords.load()
_TAG = re.compile(r"<(?:" + "|".join(map(re.escape, _PAGE.sniff_elements)) + r")\b[^>]*>", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_SNIFF_CHARS = 4096

# Elements whose text is never article text, those that end a paragraph, and the <meta> names of
# a page's date (most trusted first), title, address and site name: data/page.yaml.
_SKIP = frozenset(_PAGE.skip_elements)
_BLOCK = frozenset(_PAGE.block_elements)
_DATE_META = tuple(_PAGE.date_meta)
_TITLE_META = tuple(_PAGE.title_meta)
_URL_META = tuple(_PAGE.url_meta)
_SOURCE_META = tuple(_PAGE.source_meta)


def looks_like_html(data: str | bytes) -> bool:
    """Tell whether an input is an HTML page (a doctype or <html>, or markup from its start).

    Args:
        data: the input, text or bytes (only its start is read).
    Returns:
        True for HTML.
    """
    head = data[:_SNIFF_CHARS]
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="ignore")
    head = head.lstrip("\ufeff")
    if _DOCTYPE.match(head):
        return True
    # A fragment: it starts with a tag and has a few more of the common ones.
    return head.lstrip().startswith("<") and len(_TAG.findall(head)) >= 2


def _decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML page: UTF-8 or a BOM, else the charset the page declares, else legacy."""
    try:
        return (
            _decode(data)
            if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
            else (data.decode("utf-8"), "utf-8")
        )
    except UnicodeDecodeError:
        pass
    _decode(data[:_SNIFF_CHARS])  # raises InputError for binary data
    declared = _DECLARED_CHARSET.search(data[:_SNIFF_CHARS])
    if declared:
        encoding = declared.group(1).decode("ascii", errors="ignore")
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not decode the page", encoding)
    return _decode_legacy(data)


def _text_of(element: Any) -> str:
    """The text of an extracted element, a line break for each <lb/>."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _squeeze(text: str) -> str:
    """Collapse HTML whitespace inside each line; drop empty lines."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _render_extracted(body: Any) -> str:
    """Paragraphs of trafilatura's extracted body, separated by blank lines."""
    paragraphs: list[str] = []
    for block in body:
        if block.tag == "list":
            items = [_squeeze(_text_of(item)) for item in block.iter("item")]
            paragraphs.append("\n".join(item for item in items if item))
        elif block.tag == "table":
            rows = [" ".join(_squeeze(_text_of(cell)) for cell in row) for row in block.iter("row")]
            paragraphs.append("\n".join(row.strip() for row in rows if row.strip()))
        else:
            paragraphs.append(_squeeze(_text_of(block)))
    return "\n\n".join(p for p in paragraphs if p)


def _extract_with_trafilatura(html: str, url: str | None) -> dict[str, Any] | None:
    """Main text and metadata by trafilatura; None when it finds no text or fails."""
    try:
        import trafilatura
        from trafilatura.settings import Document, set_date_params
    except ImportError as exc:  # a broken install (e.g. lxml without its html-clean part)
        log.warning("trafilatura cannot be imported (%s); using the plain HTML rendering", exc)
        return None
    try:
        # Dates only from the page's metadata and markup, not guessed from its prose.
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # trafilatura on malformed markup: report, fall back, never crash
        log.warning("trafilatura failed on the page: %s", exc)
        return None
    if not isinstance(document, Document):  # None when nothing was found (a dict only when asked for)
        return None
    text = _render_extracted(document.body) if document.body is not None else ""
    if not text.strip():
        text = document.text or ""
    if not text.strip():
        return None
    return {
        "text": text,
        "title": document.title,
        "published": document.date,
        "url": document.url,
        "source": document.sitename or document.hostname,
    }


def _render_plain(element: Any, parts: list[str]) -> None:
    """Append the text of an lxml element to `parts`, '\\n\\n' at block ends, '\\n' at <br>."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _SKIP or not isinstance(element.tag, str):
        parts.append(element.tail or "")
        return
    block = tag.lower() in _BLOCK
    if tag.lower() == "br":
        parts.append("\n")
    if block:
        parts.append("\n\n")
    parts.append(element.text or "")
    for child in element:
        _render_plain(child, parts)
    if block:
        parts.append("\n\n")
    parts.append(element.tail or "")


def _meta_value(tree: Any, names: tuple[str, ...]) -> str | None:
    """The content of the first <meta> whose property, name or itemprop is in `names`."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in names and content and key not in found:
            found[key] = content
    return next((found[name] for name in names if name in found), None)


def _extract_plain(html: str) -> dict[str, Any]:
    """Plain rendering of a page with lxml, and the metadata its <meta> tags give."""
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        log.warning("lxml cannot parse the page (%s); stripping tags", exc)
        text = re.sub(r"<[^>]*>", " ", html)
        return {"text": _squeeze(text), "title": None, "published": None, "url": None, "source": None}
    parts: list[str] = []
    body = tree.find("body")
    _render_plain(body if body is not None else tree, parts)
    paragraphs = (_squeeze(p) for p in "".join(parts).split("\n\n"))
    text = "\n\n".join(p for p in paragraphs if p)
    title = _meta_value(tree, _TITLE_META)
    if not title:
        node = tree.find(".//title")
        if node is None:
            node = tree.find(".//h1")
        title = _squeeze(node.text_content()) if node is not None else None
    published = _meta_value(tree, _DATE_META)
    if not published:
        stamp = tree.find(".//time[@datetime]")
        published = stamp.get("datetime") if stamp is not None else None
    canonical = tree.find(".//link[@rel='canonical']")
    url = canonical.get("href") if canonical is not None else _meta_value(tree, _URL_META)
    return {
        "text": text,
        "title": title or None,
        "published": published,
        "url": url,
        "source": _meta_value(tree, _SOURCE_META),
    }


def load_html(
    data: str | bytes,
    *,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> RawArticle:
    """Read an HTML page: its main text (paragraphs as blank-line blocks) and metadata.

    Args:
        data: the page, text or bytes (decoded as UTF-8, its declared charset or cp1252).
        published, title, url, source: the caller's values; they win over the page's metadata
            (og:title, article:published_time, canonical url, site name).
    Returns:
        a RawArticle with format "html"; its warnings say when the plain fallback was used or
        a page date was unreadable.
    Raises:
        InputError: for empty, binary or oversized input, a page without article text, or a bad
            caller-given date.
    """
    warnings: list[str] = []
    if isinstance(data, bytes):
        check_size(len(data))
        if not data.strip():
            raise InputError("HTML input is empty")
        html, encoding = _decode_html(data)
        if encoding not in ("utf-8", "utf-8-sig"):
            warnings.append(f"page is not UTF-8; decoded as {encoding}")
    elif isinstance(data, str):
        check_size(len(data))
        html = data
    else:
        raise InputError(f"HTML must be str or bytes, not {type(data).__name__}")
    html = html.lstrip("\ufeff")
    if not html.strip():
        raise InputError("HTML input is empty")
    if "\x00" in html:
        raise InputError("HTML input is binary (it contains NUL bytes)")
    given_date = normalise_published(published)
    found = _extract_with_trafilatura(html, url)
    if found is None:
        found = _extract_plain(html)
        warnings.append("main-text extraction found nothing; the whole page was rendered as text")
    text = found["text"]
    try:
        check_text(text)
    except InputError as exc:
        raise InputError(f"no article text found in the HTML page: {exc}") from None
    page_date = None
    if found["published"] and not given_date:
        try:
            page_date = normalise_published(found["published"])
        except InputError:
            warnings.append(f"the page's date {found['published']!r} is not a date; ignored")
    final_title = (title or "").strip() or found["title"]
    if final_title:
        # The page repeats its headline as the first heading: keep it once, as the title.
        _, body = split_title(text, final_title)
        text = body if body.strip() else text
    return RawArticle(
        text=text,
        title=final_title or None,
        published=given_date or page_date,
        url=url or found["url"] or None,
        source=source or found["source"] or None,
        format="html",
        warnings=warnings,
    )
