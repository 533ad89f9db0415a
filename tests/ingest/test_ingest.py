"""Ingest: files and bytes to RawArticle; bad input gives a clear InputError, never a traceback."""

from datetime import date, datetime
from pathlib import Path

import pytest

from peacewatch.errors import InputError
from peacewatch.ingest import (
    MAX_BYTES,
    RawArticle,
    decode_bytes,
    load_html,
    load_text,
    looks_like_html,
    normalise_published,
    read_article,
)
from peacewatch.ingest.clean import clean_text
from peacewatch.ingest.text import repair_unicode

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
LONG_TITLE = "Truce broken again hours after its announcement"
BODY = "Troops shelled the border town on Monday, killing three civilians, officials said."

# (file bytes, file name, words the InputError must contain, what kind of bad input it is)
BAD_FILES = [
    (b"", "empty.txt", "empty", "a zero-byte file"),
    (b"   \n\n\t \n", "blank.txt", "empty", "only whitespace"),
    (PNG, "photo.txt", "PNG", "an image with a text extension"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.txt", "PDF", "a PDF document"),
    (bytes(range(256)) * 64, "random.bin", "binary", "arbitrary bytes (NUL bytes among them)"),
    (
        bytes(b % 31 + 1 for b in range(4000)),
        "controls.txt",
        "binary",
        "no NUL, but mostly control characters",
    ),
    (b"1234 5678\n-- 42 --\n", "numbers.txt", "no letters", "text without a single letter"),
    (b"", "empty.html", "empty", "an empty HTML file"),
    (
        b"<html><head><title></title></head><body><script>var x = 1;</script></body></html>",
        "blank.html",
        "no article text",
        "an HTML page with no text",
    ),
    (PNG, "photo.html", "PNG", "an image named .html"),
]


@pytest.mark.parametrize(("data", "name", "message", "case"), BAD_FILES, ids=[c[1] for c in BAD_FILES])
def test_bad_file_gives_clear_error(tmp_path, data, name, message, case):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_article(path)
    assert message.lower() in str(error.value).lower(), case
    assert name in str(error.value), "the message names the file"


def test_missing_file_names_it(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "absent.txt")


def test_directory_is_not_an_article(tmp_path):
    with pytest.raises(InputError):
        read_article(tmp_path)


def test_file_over_limit_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse file: no 20 MB written to disk
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_article(path)


def test_five_megabyte_file_is_read(tmp_path):
    paragraph = BODY + " The army denied the report.\n\n"
    path = tmp_path / "long.txt"
    path.write_text("Shelling goes on\n\n" + paragraph * (5_000_000 // len(paragraph)), encoding="utf-8")
    raw = read_article(path)
    assert isinstance(raw, RawArticle)
    assert raw.title == "Shelling goes on"
    assert len(raw.text) > 4_900_000
    assert clean_text(raw.text).text.startswith(BODY)


# (bytes, expected text, what encoding case it covers)
ENCODINGS = [
    (
        "The café on the corner was hit.".encode("cp1252"),
        "The café on the corner was hit.",
        "legacy Western encoding (cp1252)",
    ),
    (
        "“Ceasefire now”, he said – twice.".encode("cp1252"),
        "“Ceasefire now”, he said – twice.",
        "cp1252 curly quotes and dash (bytes 0x80-0x9f)",
    ),
    ("Señor Núñez spoke in Bogotá.".encode("latin-1"), "Señor Núñez spoke in Bogotá.", "latin-1"),
    ("\ufeffThe talks resumed in Genève.".encode("utf-8"), "The talks resumed in Genève.", "UTF-8 with BOM"),
    ("The talks resumed in Genève.".encode(), "The talks resumed in Genève.", "plain UTF-8"),
    ("The talks resumed.".encode("utf-16"), "The talks resumed.", "UTF-16 with BOM"),
    (
        "The talks resumed on Monday.".encode("utf-16-le"),
        "The talks resumed on Monday.",
        "UTF-16 without BOM",
    ),
    (
        "Обстрел города продолжался всю ночь, сообщили власти.".encode("cp1251"),
        "Обстрел города продолжался всю ночь, сообщили власти.",
        "Cyrillic legacy encoding (detected)",
    ),
]


@pytest.mark.parametrize(("data", "expected", "case"), ENCODINGS, ids=[c[2] for c in ENCODINGS])
def test_decode_bytes(data, expected, case):
    assert decode_bytes(data) == expected, case


def test_legacy_encoding_is_reported_in_warnings(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Shelling hit the café district overnight.".encode("cp1252"))
    raw = read_article(path)
    assert raw.text == "Shelling hit the café district overnight."
    assert any("cp1252" in warning for warning in raw.warnings)


def test_stray_control_characters_are_dropped_with_a_warning():
    raw = load_text("Shelling resumed\x07 on Monday near the river crossing, officials said today.")
    assert raw.text == "Shelling resumed on Monday near the river crossing, officials said today."
    assert raw.warnings


# (text, given title, expected title, expected start of text, what heading case it covers)
TITLES = [
    (
        "Ceasefire collapses in the east\n\n" + BODY,
        None,
        "Ceasefire collapses in the east",
        BODY,
        "short first line and a blank line: a heading",
    ),
    (
        "# Ceasefire collapses in the east\n" + BODY,
        None,
        "Ceasefire collapses in the east",
        BODY,
        "Markdown heading, even without a blank line",
    ),
    (
        "Is the truce about to collapse?\n\n" + BODY,
        None,
        "Is the truce about to collapse?",
        BODY,
        "a question is a heading: only a full stop marks a sentence",
    ),
    (BODY + "\n\nThe army denied it.", None, None, BODY, "a first sentence ending with a full stop"),
    (
        "Ceasefire collapses in the east\n" + BODY,
        None,
        None,
        "Ceasefire collapses",
        "no blank line after it: could be the body's first line",
    ),
    (
        "Ceasefire collapses as troops advance on the city and the talks " + BODY,
        None,
        None,
        "Ceasefire",
        "a long first line running into the body is not a title",
    ),
    ("KYIV:\n\n" + BODY, None, None, "KYIV:", "a dateline ends with a colon"),
    ("WORLD\n\n" + BODY, None, None, "WORLD", "a section label is boilerplate, not a title"),
    (
        "Ceasefire collapses in the east\n\n" + BODY,
        "Ceasefire collapses in the east",
        "Ceasefire collapses in the east",
        BODY,
        "a given title equal to the first line removes the line",
    ),
    (
        "Ceasefire collapses in the east\n\n" + BODY,
        "Another headline",
        "Another headline",
        "Ceasefire collapses",
        "a different given title wins and the line stays",
    ),
    (
        f"{LONG_TITLE} Officials said the truce was broken.\n\n" + BODY,
        LONG_TITLE,
        LONG_TITLE,
        "Officials said",
        "a given title glued to the first paragraph is cut from it",
    ),
    (
        "Russia attacks Kharkiv with drones overnight.\n\n" + BODY,
        "Russia attacks",
        "Russia attacks",
        "Russia attacks Kharkiv",
        "a short given title that only starts the first sentence stays in it",
    ),
    (
        f"{LONG_TITLE} as troops massed nearby.\n\n" + BODY,
        LONG_TITLE,
        LONG_TITLE,
        LONG_TITLE,
        "a long given title continued in lower case is a sentence, not a glued headline",
    ),
    (
        "WORLD\nTruce broken again\n\n" + BODY,
        "Truce broken again",
        "Truce broken again",
        "WORLD\n\n" + BODY,
        "a given title after a section label is found",
    ),
    ("Just one line", None, None, "Just one line", "a lone line is the text, not a title with no body"),
]


@pytest.mark.parametrize(("text", "given", "title", "start", "case"), TITLES, ids=[c[-1] for c in TITLES])
def test_title_from_first_line(text, given, title, start, case):
    raw = load_text(text, title=given)
    assert raw.title == title, case
    assert raw.text.startswith(start), case


def test_caller_metadata_is_kept():
    raw = load_text(BODY.encode(), published=date(2025, 4, 15), url="https://example.org/a", source="Wire")
    assert (raw.published, raw.url, raw.source, raw.format) == (
        "2025-04-15",
        "https://example.org/a",
        "Wire",
        "text",
    )


# (value, expected, what date form it covers)
DATES = [
    ("2025-04-15", "2025-04-15", "ISO date"),
    ("2025-04-15T10:00:00Z", "2025-04-15", "ISO timestamp in UTC"),
    ("2025-04-15T23:30:00-05:00", "2025-04-15", "timestamp with offset: the publisher's date"),
    (" 2025-04-15 ", "2025-04-15", "surrounding spaces"),
    ("15 April 2025", "2025-04-15", "written date with a year"),
    (date(2025, 4, 15), "2025-04-15", "date object"),
    (datetime(2025, 4, 15, 8, 0), "2025-04-15", "datetime object"),
    (None, None, "no date"),
    ("", None, "empty string is no date"),
]


@pytest.mark.parametrize(("value", "expected", "case"), DATES, ids=[c[2] for c in DATES])
def test_normalise_published(value, expected, case):
    assert normalise_published(value) == expected, case


@pytest.mark.parametrize("value", ["yesterday", "banana", "15", "2025-13-45", "2025-02-30"])
def test_normalise_published_rejects_garbage(value):
    with pytest.raises(InputError, match="not a date"):
        normalise_published(value)


def test_bad_published_on_read_names_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    with pytest.raises(InputError, match="a.txt"):
        read_article(path, published="soon")


def test_html_page_with_metadata_and_banner():
    raw = read_article(DATA / "news-page.html")
    assert raw.format == "html"
    assert raw.title == "Truce talks stall as shelling resumes"
    assert raw.published == "2024-02-03"
    assert raw.url == "https://herald.example.org/world/truce-talks-stall"
    assert raw.source == "Example Herald"
    assert raw.text.startswith("Negotiators from the two governments"), "headline kept once, as the title"
    assert "\n\nLocal officials said" in raw.text, "paragraphs become blank-line blocks"
    assert "dataLayer" not in raw.text and "Home" not in raw.text.split("\n")[0]
    cleaned = clean_text(raw.text)
    assert any(piece.startswith("This website uses cookies") for piece in cleaned.boilerplate)
    assert "cookies" not in cleaned.text and "Read more" not in cleaned.text
    assert cleaned.text.endswith("invite both delegations back next week.")


def test_html_caller_values_win():
    page = (DATA / "news-page.html").read_bytes()
    raw = load_html(
        page, published="2024-02-04", title="Given", url="https://u.example", source="Given source"
    )
    assert (raw.published, raw.title, raw.url, raw.source) == (
        "2024-02-04",
        "Given",
        "https://u.example",
        "Given source",
    )


def test_html_detected_by_content(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes((DATA / "news-page.html").read_bytes())
    assert read_article(path).format == "html"


# (page, a piece of the expected text, what broken-HTML case it covers)
BROKEN_HTML = [
    ("<html><body><p>" + BODY, BODY, "unclosed paragraph, body and html"),
    (
        "<div><p>Talks <b>resumed <i>in the capital on Friday",
        "Talks resumed in the capital on Friday",
        "nested unclosed inline tags",
    ),
    ("<<<>>><div <p>garbage words here", "garbage words here", "garbage markup"),
    (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>'
        + BODY
        + "</p></body></html>",
        BODY,
        "XHTML with an XML declaration",
    ),
    ("<p>Short note.</p>", "Short note.", "a tiny page that trafilatura returns nothing for"),
    (
        "<html><body><p>One.<br>Two lines in one paragraph.</p></body></html>",
        "Two lines",
        "line break inside a paragraph",
    ),
]


@pytest.mark.parametrize(("page", "expected", "case"), BROKEN_HTML, ids=[c[2] for c in BROKEN_HTML])
def test_broken_html_gives_text_not_traceback(page, expected, case):
    raw = load_html(page)
    assert expected in " ".join(raw.text.split()), case
    assert raw.format == "html"


def test_html_legacy_charset_from_meta():
    page = (
        b'<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 hit by a drone.</p></body></html>'
    )
    assert "Café hit by a drone." in load_html(page).text


def test_html_unreadable_page_date_is_a_warning():
    page = '<html><head><meta name="date" content="not a date"></head><body><p>Short note.</p></body></html>'
    raw = load_html(page)
    assert raw.published is None


# (input, is it HTML, what sniffing case it covers)
SNIFF = [
    ("<!DOCTYPE html><html><body></body></html>", True, "doctype"),
    ("\n  <html lang='en'><p>x</p></html>", True, "html tag after spaces"),
    ("<div><p>A fragment</p><br></div>", True, "a fragment of markup"),
    (b"\xef\xbb\xbf<!doctype html>", True, "bytes with a BOM"),
    ("Troops crossed the river <b>at night</b>.", False, "text with a stray tag is text"),
    ("Ceasefire holds\n\nThe truce held for a third day.", False, "plain text"),
    ("<3 peace\nThe truce held.", False, "a '<' that is no tag"),
]


@pytest.mark.parametrize(("data", "expected", "case"), SNIFF, ids=[c[2] for c in SNIFF])
def test_looks_like_html(data, expected, case):
    assert looks_like_html(data) is expected, case


def test_load_text_rejects_non_text_types():
    with pytest.raises(InputError):
        load_text(12345)  # type: ignore[arg-type]


# --- invalid Unicode, stray controls in HTML, deep pages (issue 19) ------------------------------

@pytest.mark.parametrize(("text", "expected", "count", "case"), [
    ("plain", "plain", 0, "ASCII passes untouched"),
    ("caf\u00e9 \U0001f4a3", "caf\u00e9 \U0001f4a3", 0, "valid Unicode passes untouched"),
    ("a\ud800b", "a\ufffdb", 1, "a lone high surrogate"),
    ("a\udc80", "a\ufffd", 1, "a lone low surrogate (as surrogateescape leaves a byte)"),
    ("\ud83d\ude00!", "\U0001f600!", 0, "a split pair is joined into its character"),
    ("\ufffd\ud800", "\ufffd\ufffd", 1, "a replacement character already there is not counted"),
])
def test_repair_unicode(text, expected, count, case):
    assert repair_unicode(text) == (expected, count), case


def test_lone_surrogates_in_text_and_metadata_are_replaced_with_a_warning():
    raw = load_text(f"{BODY} \ud800", title="Border \udc80town", source="Courier\ud800")
    assert "\ufffd" in raw.text and raw.title == "Border \ufffdtown" and raw.source == "Courier\ufffd"
    assert raw.warnings == ["invalid Unicode (lone surrogates) replaced by U+FFFD in text (1), title (1), source (1)"]
    raw.text.encode("utf-8")  # storable, hashable, printable


def test_lone_surrogate_in_html_is_replaced():
    raw = load_html(f"<html><body><p>{BODY} \ud800</p><p>{BODY}</p></body></html>", url="https://x.example/\udc80")
    assert raw.url == "https://x.example/\ufffd" and any("lone surrogates" in w for w in raw.warnings)


def test_utf8_bytes_with_encoded_surrogates_are_read():
    # CESU-8: a surrogate pair written as two 3-byte sequences, and a lone one.
    data = BODY.encode() + " \ud83d\ude00 \ud800".encode("utf-8", "surrogatepass")
    raw = load_text(data)
    assert "\U0001f600" in raw.text and "\ufffd" in raw.text
    assert any("encoded surrogates" in w for w in raw.warnings)


def test_stray_nul_in_html_is_dropped_like_in_text():
    raw = load_html(f"<html><body><p>{BODY}\x00</p></body></html>")
    assert "\x00" not in raw.text and any("control characters" in w for w in raw.warnings)
    with pytest.raises(InputError, match="binary"):
        load_html("<p>" + "\x00\x01\x02" * 50 + "</p>")


@pytest.mark.parametrize("depth", [254, 256, 2000])
def test_html_nested_past_the_parser_limit_is_read_with_a_warning(depth):
    page = ("<html><head><title>Deep page</title><script>var x = 1;</script></head><body><p>Intro.</p>"
            + "<div>" * depth + f"<p>{BODY}</p><style>p {{}}</style><p>Last words.</p></body></html>")
    raw = load_html(page)
    assert raw.text == f"Intro.\n\n{BODY}\n\nLast words." and raw.title == "Deep page"
    assert any("nested too deep" in w for w in raw.warnings)
