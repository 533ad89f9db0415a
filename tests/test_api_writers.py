"""The service beside other writers: a submission that waits in vain for another writer's lock
answers 503 with Retry-After and leaves nothing behind (not even in the copy index), copies of
articles another process stored are found, and an unexpected error answers 500 without
dropping the keep-alive connection."""

import http.client
import socket
import sqlite3
import threading
import time

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, key_digest
from peacewatch.runner.ingest import store_articles
from peacewatch.store import Store

KEY = "test-key-41c9"
HEADERS = {"X-API-Key": KEY}
STRIKE = ("Drones struck the river town of Belozersk on Monday, killing three people and wounding nine, the regional "
          "governor said. A bridge and two apartment blocks were damaged, and rescuers searched the rubble.")
# the same report with one word in five or so changed: a near-copy
STRIKE_COPY = ("Drones struck the river town of Belozersk on Monday, killing three people and injuring nine, the "
               "regional governor said. A bridge and two apartment buildings were damaged, and rescuers searched "
               "the ruins.")
SHELLING = ("Artillery shelled the village of Sosnovka on Wednesday, wounding four civilians, the local "
            "administration said. Several houses and a school were damaged in the attack.")
SHELLING_COPY = ("Artillery shelled the village of Sosnovka on Wednesday, wounding four civilians, the local "
                 "administration said. Several homes and a school were damaged in the attack.")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "service.db"


@pytest.fixture
def store(path):
    with Store(f"sqlite:///{path}", lock_wait=0.2) as opened:
        yield opened


@pytest.fixture
def client(store):
    return TestClient(create_app(Settings(key_hashes=[key_digest(KEY)]), store=store))


def _post(client, text_):
    return client.post("/api/articles", json={"text": text_, "published": "2025-05-06"}, headers=HEADERS)


def test_a_locked_database_answers_503_and_leaves_no_phantom(client, path):
    assert _post(client, SHELLING).status_code == 201  # the copy index is loaded and in use
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        busy = _post(client, STRIKE)
    finally:
        other.rollback()
        other.close()
    assert busy.status_code == 503, busy.text
    assert busy.json()["error"]["code"] == "busy"
    assert int(busy.headers["Retry-After"]) >= 1
    # the failed article left no trace: its near-copy is stored as an original, not as a copy
    # of an article that is not there (a foreign key error, before)
    copy = _post(client, STRIKE_COPY)
    assert copy.status_code == 201, copy.text
    assert copy.json()["new"] and copy.json()["copy_of"] is None
    first = _post(client, STRIKE).json()
    assert first["new"] and first["copy_of"] == copy.json()["id"]


def test_copies_of_what_another_process_stored_are_found(client, path):
    assert _post(client, STRIKE).status_code == 201  # the service's copy index is loaded
    with Store(f"sqlite:///{path}") as other:  # another process stores an article meanwhile
        original = store_articles(other, [_raw(SHELLING)])[0]
    copy = _post(client, SHELLING_COPY).json()
    assert copy["new"] and copy["copy_of"] == original["id"]


def _raw(text_):
    from peacewatch.ingest import load_text

    return load_text(text_, published="2025-05-06")


def test_an_unexpected_error_answers_500_and_keeps_the_connection(store):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    store.articles = broken
    app = create_app(Settings(key_hashes=[key_digest(KEY)]), store=store)
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/api/articles")
        failed = connection.getresponse()
        assert failed.status == 500 and b"server_error" in failed.read()
        assert failed.getheader("connection") != "close"
        connection.request("GET", "/api/incidents")  # the same connection still answers
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
