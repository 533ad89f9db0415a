"""Writers beside each other: stores opened at once on a new database make its schema once, a
write that waits in vain for another writer's lock fails with StoreBusy (and the command line
says so in one line), a failed batch leaves the copy index as the store is, and LIKE wildcards
in a filter are plain characters."""

import threading
import time

import pytest
from typer.testing import CliRunner

from peacewatch import extract
from peacewatch.cli import app
from peacewatch.fuse.copies import signature, to_bytes
from peacewatch.fuse.incidents import Fuser
from peacewatch.runner.ingest import copy_index, store_batch
from peacewatch.store import Filters, Store, StoreBusy, StoredArticle, db

STRIKE = ("Missiles struck the centre of Lutsk on Sunday, killing six people and wounding twenty, the regional "
          "governor said. Rescuers pulled survivors from a damaged office block late into the night.")
STRIKE_COPY = ("Missiles struck the centre of Lutsk on Sunday, killing six people and injuring twenty, the regional "
               "governor said. Rescuers pulled survivors from a damaged office building late into the night.")


def _stored(text_):
    report = extract(text_, published="2025-04-14", source="Test Wire")
    return StoredArticle(report=report, signature=to_bytes(signature(text_)), words=len(text_.split()))


def test_stores_opened_at_once_on_a_new_database_make_the_schema_once(store_url):
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_one():
        start.wait()
        try:
            Store(store_url).close()
        except BaseException as exc:  # noted for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(store_url) as store:
        assert store.revision == "0003" and store.counts()["articles"] == 0


def test_a_write_waiting_in_vain_for_the_lock_is_busy_and_names_no_sql(store_url, monkeypatch):
    monkeypatch.setattr(db, "RETRY_PAUSE", 0.01)
    article = _stored(STRIKE)
    with Store(store_url, lock_wait=0.2) as store, Store(store_url) as other:
        with other._write():  # another writer holds the lock all along
            with pytest.raises(StoreBusy) as busy:
                store.add_batch([article])
        assert "locked by another writer" in str(busy.value) and busy.value.retry_after >= 1
        assert "INSERT" not in str(busy.value) and "parameters" not in str(busy.value)
        assert store.counts()["articles"] == 0
        store.add_batch([article])  # the lock is free again
        assert store.counts()["articles"] == 1 and article.new


def test_a_write_may_wait_less_than_the_store_and_try_once(store_url):
    article = _stored(STRIKE)
    with Store(store_url) as store, Store(store_url) as other:  # each waits 10 s by default
        with other._write():
            started = time.monotonic()
            with pytest.raises(StoreBusy) as busy:
                store.add_batch([article], lock_wait=0.3, tries=1)
            assert time.monotonic() - started < 3 and "for about 0.3 s" in str(busy.value)
        store.add_batch([article], lock_wait=0.3, tries=1)
        assert store.counts()["articles"] == 1


def test_the_command_line_says_in_one_line_that_the_store_stayed_locked(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "LOCK_WAIT", 0.2)
    monkeypatch.setattr(db, "RETRY_PAUSE", 0.01)
    (tmp_path / "strike.txt").write_text(STRIKE)
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    with Store(url) as other, other._write():
        result = CliRunner().invoke(app, ["ingest", str(tmp_path / "strike.txt"), "--db", url, "--quiet"])
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    printed = result.stderr.strip()
    assert printed.startswith("error storing a batch: the database stayed locked") and "\n" not in printed
    assert "Traceback" not in result.output and "INSERT" not in result.output


def test_a_failed_batch_leaves_the_copy_index_as_the_store_is(store):
    copies = copy_index(store)

    class Failing(Fuser):
        def fuse(self, telling):
            raise RuntimeError("the batch fails after its copy links were found")

    with pytest.raises(RuntimeError):
        store_batch(store, [_stored(STRIKE)], Failing(), copies=copies)
    assert len(copies) == 0 and store.counts()["articles"] == 0
    copy = _stored(STRIKE_COPY)
    store_batch(store, [copy], copies=copies)  # stored as an original: its original is not stored
    assert copy.new and copy.copy_of is None and len(copies) == 1
    original = _stored(STRIKE)
    store_batch(store, [original], copies=copies)
    assert original.copy_of == copy.report.article.id


def test_like_wildcards_in_a_filter_are_plain_characters(store):
    store_batch(store, [_stored(STRIKE)])
    assert [e["place_name"] for e in store.events(Filters(place="luts"))] == ["Lutsk"]
    for pattern in ("%", "_", "l_tsk", "%a"):
        assert store.events(Filters(place=pattern)) == [], pattern
        assert store.incidents(Filters(place=pattern)) == [], pattern
