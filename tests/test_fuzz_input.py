"""Property-based fuzzing of the three edges that take text from users: `extract --jsonl`, `ingest`
and POST /api/articles. Arbitrary Unicode (lone surrogates included), raw bytes and deeply nested
HTML, mixed with good records: no traceback, no 500, and every good record read and stored.

Example counts are small: each example reads a few articles three times with spaCy.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peacewatch.api import Settings, create_app, key_digest
from peacewatch.cli import app
from peacewatch.ingest import load_html, load_text
from peacewatch.runner.ingest import ingest
from peacewatch.runner.pipeline import Pipeline
from peacewatch.store import Store

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture]
KEY = "fuzz-key-3c9d"
# Invented articles, English enough to be read whatever noise a record adds to them.
STORIES = [
    "Army shells border town\n\nArtillery units shelled the border town of Dravik on Monday, killing four "
    "civilians and wounding nine others, the regional governor said in a statement on the same day.",
    "Talks resume in the capital\n\nNegotiators from the two sides met again on Tuesday to discuss a "
    "ceasefire along the northern front, and a mediator said that the talks would go on next week.",
    "Drone strike hits depot\n\nA drone struck a fuel depot outside the port of Selmar overnight, setting "
    "it on fire, and the defence ministry said that its air defences had shot down six other drones.",
]

# Any character, lone surrogates included (st.characters leaves them out by default).
any_char = st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr))
any_text = st.text(alphabet=any_char, max_size=40)
noise = st.text(alphabet=any_char, max_size=12)


def _good(number: int, story: str, extra: str, title: str, depth: int) -> dict:
    """A good record: a story with a little noise in its text and title, as text or nested HTML."""
    text = f"{story}\n\n{extra}"
    record = {"id": f"good-{number}", "title": title, "published": "2025-05-07"}
    if depth:
        body = "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))
        record["html"] = "<html><body>" + "<div>" * depth + body + "</body></html>"
    else:
        record["text"] = text
    return record


good_record = st.tuples(st.sampled_from(STORIES), noise, noise, st.sampled_from([0, 0, 40, 254, 300, 3000]))
junk_line = st.one_of(
    st.binary(max_size=60).map(lambda data: data.replace(b"\n", b" ")),
    any_text.map(lambda text: {"id": text, "text": text}),
    any_text.map(lambda text: {"html": "<div>" * 500 + text, "title": text}),
    any_text.map(lambda text: {"text": text, "published": text}),
    any_text,
)


def _line(record: dict | str, raw_utf8: bool) -> bytes:
    """A record as a JSONL line: surrogates escaped by json, or written as their (invalid) UTF-8 bytes."""
    if raw_utf8:
        return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return json.dumps(record).encode("ascii")


def _expected_ids(pipeline: Pipeline, goods: list[dict]) -> set[str]:
    """The ids the good records' articles get (a hash of their clean text)."""
    ids = set()
    for record in goods:
        meta = {"title": record["title"], "published": record["published"]}
        raw = load_html(record["html"], **meta) if "html" in record else load_text(record["text"], **meta)
        ids.add(pipeline.prepare(None, raw).article.id)
    return ids


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


batches = st.tuples(st.lists(good_record, min_size=1, max_size=2, unique_by=lambda part: part[0]),
                    st.lists(junk_line, max_size=4), st.booleans(), st.randoms(use_true_random=False))


# No shrinking: an example costs seconds, and shrinking one took minutes; the failing example is
# printed whole instead.
@settings(max_examples=30, deadline=None, suppress_health_check=SLOW,
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(batches)
def test_any_input_is_read_or_refused_and_good_records_are_stored(tmp_path_factory, pipeline, batch):
    parts, junk, raw_utf8, random = batch
    goods = [_good(number, *part) for number, part in enumerate(parts)]
    lines = [_line(record, raw_utf8) for record in goods]
    lines += [item if isinstance(item, bytes) else _line(item, raw_utf8) for item in junk]
    random.shuffle(lines)
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "batch.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    note(f"lines: {lines!r}")

    # ingest: the batch is never stopped; every good record is stored, a second run adds nothing.
    store = Store(f"sqlite:///{folder / 'fuzz.db'}")
    summary = ingest([str(path)], store, pipeline=pipeline)
    # Every item read is new, a duplicate or a skip (blank lines are no items).
    assert summary.read == summary.new + summary.duplicate + summary.skipped_total <= len(lines)
    assert {record["id"] for record in goods} <= {row["external_id"] for row in store.articles()}
    again = ingest([str(path)], store, pipeline=pipeline)
    assert again.new == 0 and again.skipped == summary.skipped
    store.close()

    # extract --jsonl: no traceback, a report for every good record, the summary counts every line.
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    # JSON Lines end at '\n' only: str.splitlines would also cut at U+0085 or U+2028 inside a string
    reports = [json.loads(line) for line in result.stdout.split("\n") if line.strip()]
    assert {record["id"] for record in goods} <= {report["article"]["id"] for report in reports}
    assert f"{summary.read} read, {len(reports)} extracted" in result.stderr

    # POST /api/articles: each line as a body; never a 500, every good record created (a body that
    # is not UTF-8 is refused whole, so good records go as JSON escapes, surrogates included).
    # read in this process (extract_timeout=0): the worker process and its limits are
    # tests/web/test_submission_limits.py's; one per example would cost a model load each
    service = create_app(Settings(key_hashes=[key_digest(KEY)], extract_timeout=0),
                         store=Store(f"sqlite:///{folder / 'api.db'}"))
    client = TestClient(service, raise_server_exceptions=False)
    expected = _expected_ids(pipeline, goods)
    for line in [_line(record, False) for record in goods] + lines:
        response = client.post("/api/articles", content=line,
                               headers={"X-API-Key": KEY, "Content-Type": "application/json"})
        assert response.status_code < 500, response.text
        assert response.json()  # the one JSON shape, errors included
    assert service.state.store.known_ids(expected) == expected
    service.state.submissions.close()
    service.state.store.close()
