"""The limits on submitted articles (peacewatch.web.submissions): a length cap (413), one reading
at a time with a bounded wait (503), and a time limit that stops the worker process (504)."""

import sqlite3
import threading
import time

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, key_digest
from peacewatch.runner.pipeline import Pipeline
from peacewatch.schema import Report
from peacewatch.store import Store
from peacewatch.web.submissions import BoundedPipeline

KEY = "limits-key-31"
ARTICLE = {"text": "Drones struck a depot in the town of Orvel on Friday, killing four people, officials said.",
           "published": "2025-06-06"}


def _client(tmp_path, **settings):
    store = Store(f"sqlite:///{tmp_path / 'limits.db'}")
    app = create_app(Settings(key_hashes=[key_digest(KEY)], **settings), store=store)
    return app, TestClient(app)


def _error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    return response.json()["error"]["message"]


def test_an_article_over_the_length_limit_is_refused_before_parsing(tmp_path):
    app, client = _client(tmp_path, max_article_chars=500)
    message = _error(client.post("/api/articles", json={"text": "word " * 200}, headers={"X-API-Key": KEY}),
                     413, "too_large")
    assert "1,000 characters" in message and "PEACEWATCH_MAX_ARTICLE_CHARS" in message
    html = "<html><body><article><p>" + "word " * 200 + "</p></article></body></html>"
    _error(client.post("/api/articles", json={"html": html}, headers={"X-API-Key": KEY}), 413, "too_large")
    assert app.state.submissions._pipeline is None  # nothing was parsed: no worker, no model


def test_a_submission_waits_a_bounded_time_for_the_one_before(tmp_path):
    app, client = _client(tmp_path, extract_wait=0.2)
    lock = app.state.submissions._lock
    lock.acquire()  # another article is being read
    try:
        answer = client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY})
        message = _error(answer, 503, "busy")
    finally:
        lock.release()
    assert "try again" in message
    assert answer.headers["retry-after"] == "1"  # the wait, rounded up to whole seconds


@pytest.mark.slow
def test_a_reading_over_the_time_limit_is_stopped_and_the_next_one_is_read(tmp_path):
    app, client = _client(tmp_path, extract_timeout=0.001)
    try:
        message = _error(client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY}), 504, "timeout")
        assert "over 0.001 s" in message
        pipeline = app.state.submissions.pipeline()
        assert isinstance(pipeline, BoundedPipeline) and pipeline._pool is None  # the worker was ended
        assert client.get("/api/articles").json()["total"] == 0  # nothing stored
        pipeline.timeout = 300
        created = client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY})
        assert created.status_code == 201, created.text
        assert created.json()["events"] >= 1
    finally:
        app.state.submissions.close()


@pytest.mark.slow
def test_the_reading_worker_ends_with_the_service(tmp_path):
    """A service that shuts down ends its reading worker process (no process left behind)."""
    app, _ = _client(tmp_path)
    with TestClient(app) as client:
        assert client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY}).status_code == 201
        assert app.state.submissions._pipeline._pool is not None
    assert app.state.submissions._pipeline._pool is None


class _CannedPipeline(Pipeline):
    """Reads every article as one with nothing in it (no model), counting the readings."""

    def __init__(self):
        super().__init__()
        self.readings = 0

    def read(self, prepared):
        self.readings += len(prepared)
        return iter([Report(article=p.article) for p in prepared])


def _hold_the_write_lock(tmp_path):
    """Another process's writer: an SQLite connection in a write transaction on the store's file."""
    other = sqlite3.connect(tmp_path / "limits.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_submission_is_refused_at_once_when_another_writer_keeps_the_store(tmp_path):
    app, client = _client(tmp_path)
    submissions = app.state.submissions
    submissions._pipeline, submissions.write_wait = _CannedPipeline(), 0.3
    other = _hold_the_write_lock(tmp_path)
    try:
        started = time.monotonic()
        answer = client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY})
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    message = _error(answer, 503, "busy")
    assert "locked by another writer" in message and "try again" in message
    assert answer.headers["retry-after"] == "1" and waited < 5  # not the store's three waits of 10 s
    assert client.get("/api/articles").json()["total"] == 0
    again = client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY})
    assert again.status_code == 201 and again.json()["new"] is True
    # the connection's own wait is back once the short one is over
    with submissions.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_the_next_article_is_read_while_one_waits_to_be_stored(tmp_path):
    app, client = _client(tmp_path)
    submissions = app.state.submissions
    submissions._pipeline, submissions.write_wait = _CannedPipeline(), 3.0
    other = _hold_the_write_lock(tmp_path)
    answers = []
    waiting = threading.Thread(target=lambda: answers.append(
        client.post("/api/articles", json=ARTICLE, headers={"X-API-Key": KEY})))
    waiting.start()
    try:
        deadline = time.monotonic() + 10
        while not submissions._writing.locked() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert submissions._writing.locked() and not submissions._lock.locked()  # storing, not reading
    finally:
        other.execute("ROLLBACK")
        other.close()
        waiting.join()
    assert answers[0].status_code == 201, answers[0].text
