"""The limits on submitted articles (peacewatch.web.submissions): a length cap (413), one reading
at a time with a bounded wait (503), and a time limit that stops the worker process (504)."""

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, key_digest
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
