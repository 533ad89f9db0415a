"""HTML ingest: a web page to article text and metadata, through trafilatura.

When trafilatura finds nothing (tiny or broken pages) the page is rendered to plain text with lxml;
a page lxml cannot hold whole (nested over 255 levels) is rendered by a streaming parser instead.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from peacewatch.data.page_words import PageWords
from peacewatch.errors import InputError
from peacewatch.ingest.text import (
    RawArticle,
    _decode,
    _decode_legacy,
    check_controls,
    check_size,
    check_text,
    decode_utf8,
    normalise_published,
    remove_controls,
    repair_fields,
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
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return _decode(data)
    utf8 = decode_utf8(data)
    if utf8:
        return utf8
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


def _parse_stops_short(html: str) -> bool:
    """Tell whether libxml2 stops before the page's end: past 255 levels of nesting (or another of
    its resource limits) it drops the rest without an exception, so lxml's tree and trafilatura's
    would silently lose the text there."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return False  # _extract_plain reports and strips the tags
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


class _StreamText(HTMLParser):
    """The text of a page read as a stream of tags (Python's html.parser keeps no tree, so any
    depth is read), with the plain rendering's paragraph breaks and skipped elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: dict[str, int] = {}  # open skipped elements by tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> (or other page furniture) ends here
            self.skipping.clear()
        if tag in _SKIP:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not any(self.skipping.values()):
            self.parts.append(data)


def _render_stream(html: str) -> str:
    """The plain text of a page of any depth, paragraphs as blank-line blocks."""
    reader = _StreamText()
    reader.feed(html)
    reader.close()
    paragraphs = (_squeeze(p) for p in "".join(reader.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _extract(html: str, url: str | None, warnings: list[str]) -> dict[str, Any]:
    """The text and metadata of a page: trafilatura's, else lxml's plain rendering, else (a page
    too deep for lxml) the streaming rendering with the metadata lxml still reads in the head."""
    if _parse_stops_short(html):
        found = _extract_plain(html)
        found["text"] = _render_stream(html)
        warnings.append("the page is nested too deep for the HTML parser (over 255 levels); its text was "
                        "read without the page's structure")
        return found
    found_main = _extract_with_trafilatura(html, url)
    if found_main is not None:
        return found_main
    warnings.append("main-text extraction found nothing; the whole page was rendered as text")
    return _extract_plain(html)


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
    data, published, title, url, source = repair_fields(warnings, data, published, title, url, source)
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
    # As for text: a page of control characters is binary; a few strays (a NUL) are dropped.
    try:
        check_controls(html)
    except InputError as exc:
        raise InputError(f"HTML {exc}") from None
    html = remove_controls(html, warnings)
    given_date = normalise_published(published)
    found = _extract(html, url, warnings)
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
