"""Corpus: folders, JSON lines, CSV and feeds to items; bad input gives error items, never a stop."""

import json
import logging

import pytest

from peacewatch.errors import InputError
from peacewatch.ingest.corpus import CorpusItem, Given, count_corpus, iter_corpus

SHELLING = "Artillery shelled the town of Velmora on Monday, killing two civilians, local officials said."
TALKS = "Negotiators from both sides met in Dorvel on Tuesday and agreed to a three-day pause in the fighting."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Velmora Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Shelling hits Velmora</title>
    <link>https://courier.example/shelling</link>
    <guid isPermaLink="false">courier-101</guid>
    <pubDate>Tue, 15 Apr 2025 01:30:00 +0300</pubDate>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>{SHELLING}</p><p>Residents fled <b>west</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Talks in Dorvel</title>
    <link>https://courier.example/talks</link>
    <pubDate>Wed, 16 Apr 2025 09:00:00 GMT</pubDate>
    <description>{TALKS}</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Dorvel Monitor</title>
  <id>tag:monitor.example,2025:feed</id>
  <updated>2025-04-17T08:00:00Z</updated>
  <entry>
    <id>tag:monitor.example,2025:1</id>
    <title>Ceasefire talks in Dorvel</title>
    <link rel="alternate" href="https://monitor.example/1"/>
    <updated>2025-04-17T08:00:00Z</updated>
    <content type="html">&lt;p&gt;{TALKS}&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>tag:monitor.example,2025:2</id>
    <title>Untitled wire</title>
    <updated>2025-04-18T10:00:00Z</updated>
  </entry>
</feed>
"""


def write(path, data):
    """Write text or bytes to a file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def check_count(paths, items):
    """count_corpus announces exactly the items iter_corpus gives."""
    assert count_corpus(paths) == len(items)


def test_folder_nested_sorted_with_sidecar(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", f"Velmora shelled\n\n{SHELLING}\n")
    write(root / "a.txt", SHELLING)
    write(root / "a.meta.json", json.dumps({"published": "2025-04-14", "title": "Velmora under fire",
                                            "url": "https://courier.example/a", "outlet": "Velmora Courier"}))
    write(root / "sub" / "c.html",
          f"<html><head><title>Talks</title></head><body><article><p>{TALKS}</p></article></body></html>")
    write(root / ".hidden.txt", SHELLING)
    write(root / ".git" / "d.txt", SHELLING)

    items = list(iter_corpus([root]))

    assert [item.origin for item in items] == [str(root / "a.txt"), str(root / "b.txt"), str(root / "sub" / "c.html")]
    assert all(item.error is None and item.external_id is None for item in items)
    first = items[0].raw
    assert (first.published, first.title, first.url, first.source) == (
        "2025-04-14", "Velmora under fire", "https://courier.example/a", "Velmora Courier")
    assert items[1].raw.title == "Velmora shelled" and items[1].raw.published is None
    assert items[2].raw.format == "html" and "Dorvel" in items[2].raw.text
    check_count([root], items)


def test_published_default_and_caller_wins_over_sidecar(tmp_path):
    write(tmp_path / "a.txt", SHELLING)
    write(tmp_path / "a.meta.json", json.dumps({"published": "2025-04-14"}))
    write(tmp_path / "b.txt", SHELLING)
    jsonl = write(tmp_path / "batch.jsonl", json.dumps({"text": TALKS, "published": "2025-04-16"}) + "\n")

    items = list(iter_corpus([tmp_path / "a.txt", tmp_path / "b.txt", jsonl], published="2025-05-01"))

    # A file takes the caller's date over its sidecar's; a record keeps its own.
    assert [item.raw.published for item in items] == ["2025-05-01", "2025-05-01", "2025-04-16"]
    with pytest.raises(InputError):
        iter_corpus([tmp_path], published="next Tuesday")


def test_jsonl_good_blank_and_bad_lines(tmp_path, caplog):
    lines = [
        json.dumps({"id": 17, "text": SHELLING, "title": "Velmora", "source": "Courier"}),
        "",
        "{not json",
        json.dumps({"id": "r4", "html": f"<p>{TALKS}</p>", "published": "2025-04-16"}),
    ]
    path = write(tmp_path / "batch.JSONL", "\n".join(lines) + "\n")

    with caplog.at_level(logging.WARNING, logger="peacewatch.ingest.corpus"):
        items = list(iter_corpus([path], published="2025-04-15"))
    # The corpus names the bad line in the item; the reader that meets it logs the skip, once.
    assert not [r for r in caplog.records if r.name == "peacewatch.ingest.corpus"]

    assert [item.origin for item in items] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    good, bad, html = items
    assert good.external_id == "17" and good.raw.title == "Velmora" and good.raw.published == "2025-04-15"
    assert bad.raw is None and bad.error.startswith(f"{path}:3: ") and "JSON" in bad.error
    assert html.external_id == "r4" and html.raw.format == "html" and html.raw.published == "2025-04-16"
    check_count([path], items)


def test_csv_text_column_and_empty_row(tmp_path):
    long_text = " ".join([SHELLING] * 3000)  # over the csv module's default 128 KB field limit
    path = write(tmp_path / "data.csv", (
        "id,title,date,url,source,article_content\n"
        f'a1,Velmora shelled,2025-04-14,https://courier.example/a,Courier,"{SHELLING}"\n'
        "\n"
        "a2,Nothing here,2025-04-14,,,\n"
        f'a3,Long report,,,,"{long_text}"\n'
    ))

    items = list(iter_corpus([path]))

    assert [item.origin for item in items] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    first, empty, long = items
    assert first.external_id == "a1" and first.raw.text == SHELLING
    assert (first.raw.title, first.raw.published, first.raw.url, first.raw.source) == (
        "Velmora shelled", "2025-04-14", "https://courier.example/a", "Courier")
    assert empty.raw is None and empty.external_id == "a2" and "no text" in empty.error
    assert long.raw is not None and len(long.raw.text) == len(long_text)
    check_count([path], items)


def test_csv_html_column_and_missing_text_column(tmp_path):
    html = write(tmp_path / "pages.csv", f'id,html\np1,"<p>{TALKS}</p>"\n')
    no_text = write(tmp_path / "links.csv", "id,url\n1,https://courier.example/a\n2,https://courier.example/b\n")

    items = list(iter_corpus([html, no_text]))

    assert items[0].raw.format == "html" and items[0].raw.text == TALKS
    assert len(items) == 2 and items[1].raw is None and "no text column" in items[1].error
    check_count([html, no_text], items)


def test_rss_feed(tmp_path):
    path = write(tmp_path / "courier.rss", RSS)

    items = list(iter_corpus([path]))

    assert [item.origin for item in items] == [f"{path}#1", f"{path}#2"]
    shelling, talks = items
    assert shelling.external_id == "courier-101"
    assert shelling.raw.title == "Shelling hits Velmora" and shelling.raw.url == "https://courier.example/shelling"
    assert shelling.raw.source == "Velmora Courier"
    # The publisher's day, not feedparser's UTC one (the evening of the 14th).
    assert shelling.raw.published == "2025-04-15"
    assert shelling.raw.format == "html" and "<" not in shelling.raw.text
    assert SHELLING in shelling.raw.text and "Residents fled west." in shelling.raw.text
    assert "teaser" not in shelling.raw.text  # content wins over the summary
    assert talks.external_id == "https://courier.example/talks"
    assert talks.raw.format == "text" and talks.raw.text == TALKS and talks.raw.published == "2025-04-16"
    check_count([path], items)


def test_atom_feed_sniffed_whatever_its_name(tmp_path):
    path = write(tmp_path / "monitor.txt", ATOM)

    items = list(iter_corpus([path]))

    assert len(items) == 2
    talks, empty = items
    assert talks.external_id == "tag:monitor.example,2025:1"
    assert (talks.raw.title, talks.raw.url, talks.raw.source, talks.raw.published) == (
        "Ceasefire talks in Dorvel", "https://monitor.example/1", "Dorvel Monitor", "2025-04-17")
    assert talks.raw.text == TALKS and talks.raw.warnings == []
    assert empty.raw is None and empty.external_id == "tag:monitor.example,2025:2"
    assert "no content or summary" in empty.error
    check_count([path], items)


def test_broken_feed_is_one_error(tmp_path):
    path = write(tmp_path / "broken.xml", b"\x00\x01 this is not <xml at all")

    items = list(iter_corpus([path]))

    assert len(items) == 1 and items[0].raw is None and items[0].error.startswith(str(path))
    check_count([path], items)


def test_missing_path_and_binary_file_do_not_stop(tmp_path):
    missing = tmp_path / "nowhere.txt"
    photo = write(tmp_path / "photo.txt", PNG)
    good = write(tmp_path / "good.txt", SHELLING)

    items = list(iter_corpus([missing, photo, good]))

    assert [item.origin for item in items] == [str(missing), str(photo), str(good)]
    assert items[0].raw is None and "no such file" in items[0].error
    assert items[1].raw is None and "PNG" in items[1].error and items[1].error.startswith(str(photo))
    assert items[2].raw is not None and items[2].raw.text == SHELLING
    check_count([missing, photo, good], items)


def test_mixed_folder_count_and_path_forms(tmp_path):
    write(tmp_path / "a.txt", SHELLING)
    write(tmp_path / "feeds" / "courier.rss", RSS)
    write(tmp_path / "batch.ndjson", json.dumps({"text": TALKS}) + "\n\n" + json.dumps({"text": ""}) + "\n")
    write(tmp_path / "data.csv", f'text\n"{SHELLING}"\n')
    write(tmp_path / "photo.png", PNG)
    write(tmp_path / "a.gold.json", json.dumps({"events": []}))  # annotations beside articles are not articles

    items = list(iter_corpus(str(tmp_path)))  # a lone path, not an iterable of characters

    assert all(isinstance(item, CorpusItem) for item in items)
    assert sum(item.raw is None for item in items) == 1  # the empty record (a folder walk passes over images)
    assert count_corpus([tmp_path]) == len(items) == 6  # 1 + 2 feed entries + 2 records + 1 row
    assert count_corpus(iter([tmp_path])) is None  # counting would use up the iterator


# --- issue 19: surrogates, sidecars, stdin, --jsonl ------------------------------------------------

def test_jsonl_record_with_lone_surrogates_is_read_and_the_next_ones_too(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": SHELLING}),
        json.dumps({"id": "b\ud800", "text": f"{TALKS} \ud800", "title": "\udc80"}),  # escaped: ASCII JSON
        json.dumps({"id": "c", "text": f"{SHELLING} \ud800"}, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        json.dumps({"id": "d", "text": TALKS}),
    ]
    path = write(tmp_path / "batch.jsonl", b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines))
    items = list(iter_corpus([path]))
    assert [item.external_id for item in items] == ["a", "b\ufffd", "c", "d"]
    assert all(item.raw is not None for item in items)
    for item in items[1:3]:
        assert "\ufffd" in item.raw.text and any("lone surrogates" in w for w in item.raw.warnings)


@pytest.mark.parametrize(("sidecar", "problem"), [
    ("{not json", "cannot be read"),
    ("[1, 2]", "not a JSON object"),
    (json.dumps({"published": "2025-13-01", "title": "Velmora shelled"}), "is not a date"),
], ids=["not JSON", "not an object", "a bad date"])
def test_bad_sidecar_is_a_warning_and_the_article_is_read_without_it(tmp_path, caplog, sidecar, problem):
    write(tmp_path / "a.txt", SHELLING)
    write(tmp_path / "a.meta.json", sidecar)
    with caplog.at_level(logging.WARNING, logger="peacewatch.ingest.corpus"):
        (item,) = iter_corpus([tmp_path])
    assert item.raw is not None and item.raw.published is None
    assert any(problem in w for w in item.raw.warnings)
    assert problem in caplog.text
    if "title" in sidecar:  # what is good in the sidecar is kept
        assert item.raw.title == "Velmora shelled"


def test_lines_reads_named_files_of_no_other_kind_as_json_lines(tmp_path):
    path = write(tmp_path / "batch.txt", json.dumps({"id": "r1", "text": SHELLING}) + "\n")
    (item,) = iter_corpus([path], lines=True)
    assert item.external_id == "r1" and item.raw.text == SHELLING
    assert count_corpus([path], lines=True) == 1
    (whole,) = iter_corpus([path])  # without it, the file is one article
    assert whole.external_id is None


def test_stdin_is_one_article_or_json_lines(monkeypatch):
    import io
    import sys
    from types import SimpleNamespace

    page = f"<html><body><p>{SHELLING}</p></body></html>".encode()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(page)))
    (item,) = iter_corpus(["-"], given=Given(title="Given title", published="2025-04-15"))
    assert item.origin == "<stdin>" and item.raw.format == "html"
    assert (item.raw.title, item.raw.published) == ("Given title", "2025-04-15")
    records = (json.dumps({"id": "x", "text": TALKS}) + "\n\n{oops\n").encode()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(records)))
    good, bad = iter_corpus(["-"], lines=True)
    assert good.external_id == "x" and bad.origin == "<stdin>:3" and "JSON" in bad.error
    assert count_corpus(["-"]) is None


def test_given_metadata_wins_for_files_only(tmp_path):
    write(tmp_path / "a.txt", SHELLING)
    write(tmp_path / "a.meta.json", json.dumps({"title": "Sidecar title", "source": "Sidecar"}))
    jsonl = write(tmp_path / "b.jsonl", json.dumps({"text": TALKS, "title": "Record title"}) + "\n")
    file_item, record = iter_corpus([tmp_path / "a.txt", jsonl], given=Given(title="Given", url="https://x.example/"))
    assert (file_item.raw.title, file_item.raw.source, file_item.raw.url) == ("Given", "Sidecar", "https://x.example/")
    assert (record.raw.title, record.raw.url) == ("Record title", None)
