"""An ingest killed with SIGKILL part-way loses nothing it committed; run again, it finishes the rest
and every article is stored exactly once (SQLite, one transaction per batch)."""

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

TOWNS = ["Avdiivka", "Bakhmut", "Kupiansk", "Izium", "Kramatorsk", "Sloviansk", "Pokrovsk", "Kostiantynivka",
         "Lyman", "Vuhledar", "Toretsk", "Siversk", "Orikhiv", "Huliaipole", "Nikopol", "Marhanets", "Kherson",
         "Mykolaiv", "Ochakiv", "Zaporizhzhia"]
WEAPONS = ["drones", "artillery shells", "glide bombs", "cruise missiles", "rockets"]
VERBS = ["struck", "hit", "shelled", "attacked", "bombarded"]
AFTERMATH = ["Rescuers worked through the night.", "Several homes and a school were damaged.",
             "Power was cut to parts of the town.", "A market and a bus depot were hit.",
             "Officials urged residents to stay in shelters."]


def _write_corpus(folder, count):
    for n in range(count):
        town = TOWNS[n % len(TOWNS)]
        text = (f"Russian {WEAPONS[n % 5]} {VERBS[(n // 5) % 5]} {town} on day {n + 1} of the month, killing {n + 2} "
                f"people and wounding {3 * n + 1}, the regional governor said. {AFTERMATH[(n // 3) % 5]} "
                f"Report number {n} was filed by correspondent {n * 7919 % 1000} from a shelter near {town}.")
        (folder / f"report-{n:03d}.txt").write_text(text)


def _count(db):
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet, or being migrated


def _ingest(folder, db):
    return [sys.executable, "-m", "peacewatch", "ingest", str(folder), "--db", f"sqlite:///{db}",
            "--batch-size", "2", "--quiet", "--published", "2025-04-14"]


@pytest.mark.slow
def test_killed_ingest_resumes_and_stores_each_article_once(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    total = 60
    _write_corpus(folder, total)
    db = tmp_path / "store.db"
    process = subprocess.Popen(_ingest(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 6 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    committed = _count(db)
    assert 0 < committed < total, f"the kill came at {committed} of {total} articles; the test needs part-way"
    finished = subprocess.run(_ingest(folder, db), capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-2000:]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
        events_per_article = connection.execute(
            "SELECT article_id, count(*) FROM events GROUP BY article_id HAVING count(*) > 3").fetchall()
        members = connection.execute("SELECT count(*), count(DISTINCT event_id) FROM incident_members").fetchone()
    assert len(ids) == total and len(set(ids)) == total
    assert events_per_article == []  # no article's events were stored twice
    assert members[0] == members[1]  # no event sits in two incidents


@pytest.mark.slow
def test_twenty_kills_at_random_points_lose_and_double_nothing(tmp_path):
    """kill -9 at 20 moments chosen at random by progress (loading, parsing, mid-transaction): what was
    committed stays,
    nothing is stored twice, and SQLite's integrity check passes after every kill."""
    import random

    folder = tmp_path / "corpus"
    folder.mkdir()
    total = 150  # more than a few runs can finish, so the kills land while it works
    _write_corpus(folder, total)
    db = tmp_path / "store.db"
    rng = random.Random(20)
    committed = 0
    kills = 0
    for _ in range(20):
        process = subprocess.Popen(_ingest(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if rng.random() < 0.3:
            time.sleep(rng.uniform(0.3, 3.0))  # while the model loads
        else:
            # after a few more batches are in, and a moment later: while parsing or committing
            target = committed + rng.randint(1, 6)
            deadline = time.monotonic() + 120
            while _count(db) < target and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.2))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        now = _count(db)
        assert now >= committed, "a kill lost committed articles"
        committed = now
        if committed == total:
            break
    assert kills >= 15, f"only {kills} kills landed before the ingest finished"
    assert committed > 0, "no kill came after a commit: the sleeps are too short for this machine"
    print(f"{kills} kills landed; {committed} of {total} articles committed before the last run")
    finished = subprocess.run(_ingest(folder, db), capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-2000:]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
        per_article = connection.execute("SELECT count(*), count(DISTINCT article_id || '/' || position) "
                                         "FROM events").fetchone()
        members = connection.execute("SELECT count(*), count(DISTINCT event_id) FROM incident_members").fetchone()
    assert len(ids) == total == len(set(ids))
    assert per_article[0] == per_article[1]  # no event stored twice
    assert members[0] == members[1]
