"""The reading path extract and ingest share: every item read or skipped with a reason, each skip
logged once, and one summary."""

import logging

from peacewatch.errors import InputError
from peacewatch.ingest import load_text
from peacewatch.ingest.corpus import CorpusItem
from peacewatch.runner.reading import ExtractSummary, ReadSummary, prepare_items, reason_kind

TEXT = "Artillery shelled the town of Velmora on Monday, killing two civilians, local officials said."


class FakePipeline:
    """A pipeline whose prepare fails as told by the article's text."""

    def prepare(self, item_id, raw):
        if "bug" in raw.text:
            raise RuntimeError("a parser tripped")
        if "refuse" in raw.text:
            raise InputError("the text does not look like English")
        return (item_id, raw.text)


def _item(origin, text=None, error=None, external_id=None):
    return CorpusItem(origin=origin, external_id=external_id, raw=load_text(text) if text else None, error=error)


def test_every_item_is_read_or_skipped_and_each_skip_logged_once(caplog):
    items = [_item("a.txt", TEXT, external_id="id-a"), _item("b.jsonl:2", error="b.jsonl:2: not a JSON record: x"),
             _item("c.txt", TEXT + " bug"), _item("d.txt", TEXT + " refuse"), _item("e.txt", TEXT)]
    summary = ReadSummary()
    with caplog.at_level(logging.WARNING):
        ready = list(prepare_items(items, FakePipeline(), summary, keep_ids=True))
    assert [item.origin for item, _ in ready] == ["a.txt", "e.txt"] and ready[0][1][0] == "id-a"
    assert summary.read == 5 and summary.skipped_total == 3
    assert summary.skip_reasons() == "bad record: 1, unexpected error: 1, not English: 1"
    skips = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert skips == ["skipped b.jsonl:2: not a JSON record: x",
                     "skipped c.txt: unexpected error: RuntimeError: a parser tripped",
                     "skipped d.txt: the text does not look like English"]


def test_reason_class_is_read_from_the_reason_not_the_file_name():
    summary = ReadSummary()
    summary.skip("news.jsonl", "news.jsonl: no such file or folder")
    summary.skip("binary.txt", "binary.txt: input is binary: a PNG image, not text")
    assert dict(summary.skipped) == {"missing": 1, "binary": 1}
    assert reason_kind("extraction took over 30 s (skipped)") == "extraction failed"
    assert reason_kind("something new") == "unreadable"


def test_extract_summary_line():
    summary = ExtractSummary(read=3, extracted=2)
    assert summary.line() == "3 read, 2 extracted, 0 skipped"
    summary.skip("x", "input is empty (no text)")
    assert summary.line() == "3 read, 2 extracted, 1 skipped (empty: 1)"
