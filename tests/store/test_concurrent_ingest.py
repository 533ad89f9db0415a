"""Several `peacewatch ingest` processes on one new database at once (SQLite file, and PostgreSQL
when PEACEWATCH_TEST_PG is set): none fails, the schema is made once, every article is stored
once and counted by exactly one process as new, copies are linked across processes, and the
store holds what a single run stores."""

import json
import os
import re
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, text

from peacewatch.store import Store

PG_URL = os.environ.get("PEACEWATCH_TEST_PG")

# Invented reports: two outlets telling one strike, a reworded copy of each strike report, a
# second strike, talks and a declaration.
ARTICLES = [
    ("Harbour Daily", "2025-06-02",
     "Drones struck the port city of Mirograd on Monday, killing four people and wounding twelve, the regional "
     "governor said. Firefighters worked through the night to put out a blaze at a grain terminal. The governor "
     "said two of the wounded were children and that a school near the harbour was damaged."),
    ("Valley Post", "2025-06-02",
     "Four people died and twelve were hurt when a drone attack hit Mirograd on Monday, officials in the region "
     "said. Emergency crews fought a fire at the city's grain terminal until the morning."),
    ("Copy Desk", "2025-06-03",
     "Drones struck the port city of Mirograd on Monday, killing four people and injuring twelve, the regional "
     "governor said. Firefighters worked through the night to put out a fire at a grain terminal. The governor "
     "said two of the injured were children and that a school near the harbour was damaged."),
    ("Harbour Daily", "2025-06-05",
     "Negotiators from both governments met in a neutral capital on Thursday to discuss a ceasefire along the "
     "front line, a foreign ministry spokesman said. The talks ended without an agreement, and a new round is "
     "planned for next month."),
    ("Valley Post", "2025-06-07",
     "Missiles hit an industrial district of Kerovo on Saturday, killing two workers, the city's mayor said. "
     "Rescue teams searched the rubble of a warehouse for survivors."),
    ("Copy Desk", "2025-06-08",
     "Missiles hit an industrial district of Kerovo on Saturday, killing two workers, the mayor of the city "
     "said. Rescue teams searched the ruins of a warehouse for survivors."),
    ("Harbour Daily", "2025-06-09",
     "The president declared a state of emergency in three border regions on Monday after weeks of shelling, "
     "his office said in a statement."),
    ("Valley Post", "2025-06-10",
     "Artillery shelled the town of Lesnoye on Tuesday, wounding five civilians, the local administration said. "
     "Several houses and a power line were damaged."),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with path.open("w") as out:
        for number, (source, published, body) in enumerate(ARTICLES):
            out.write(json.dumps({"id": f"a{number}", "source": source, "published": published,
                                  "title": f"Report {number}", "text": body}) + "\n")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request, tmp_path):
    """A function that makes a new, empty database and gives its URL."""
    if request.param == "sqlite":
        names = iter(range(100))
        yield lambda: f"sqlite:///{tmp_path / f'store-{next(names)}.db'}"
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("PEACEWATCH_TEST_PG is not set in CI: .ci/run must start PostgreSQL")
        pytest.skip("PEACEWATCH_TEST_PG is not set")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        made.append(f"pw_test_{uuid.uuid4().hex[:10]}")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{made[-1]}"'))
        return PG_URL.rsplit("/", 1)[0] + "/" + made[-1]

    yield make
    with admin.connect() as connection:
        for name in made:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _ingest_processes(corpus, url: str, count: int) -> list[dict[str, int]]:
    """Start `count` ingests of the corpus into `url` at once; each one's summary."""
    command = [sys.executable, "-m", "peacewatch", "ingest", str(corpus), "--db", url, "--batch-size", "1",
               "--quiet"]
    env = {**os.environ, "COLUMNS": "200"}
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                 for _ in range(count)]
    summaries = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        assert "Traceback" not in err, err
        summaries.append(_summary(err))
    return summaries


def _summary(printed: str) -> dict[str, int]:
    """The numbers of the ingest summary table."""
    rows = re.findall(r"^\W*([a-z][a-z ]+?)\s*\W\s*(\d+)\s*\W*$", printed, re.M)
    return {name: int(value) for name, value in rows}


def _contents(url: str) -> dict:
    with Store(url) as store:
        articles = {a["id"]: a["copy_of"] for a in store.articles()}
        events = sorted(repr((e["article_id"], e["position"], e["type"], e["date_value"])) for e in store.events())
        incidents = sorted(repr((i["type"], i["date_value"], i["place_name"], i["sources"], i["reports"],
                                 i["killed_best"])) for i in store.incidents())
        return {"articles": articles, "events": events, "incidents": incidents, "counts": store.counts()}


@pytest.fixture(scope="module")
def one_run(corpus, tmp_path_factory):
    """What one ingest alone stores, batch by batch as the processes do."""
    from peacewatch.runner.ingest import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('single') / 'single.db'}"
    with Store(url) as store:
        summary = ingest([str(corpus)], store, batch_size=1)
    assert (summary.new, summary.copies) == (len(ARTICLES), 2)
    return _contents(url)


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 4])
def test_concurrent_ingests_store_each_article_once_and_as_one_run(corpus, one_run, new_database, processes):
    url = new_database()
    summaries = _ingest_processes(corpus, url, processes)
    together = _contents(url)
    # every article stored once, by one process; the others say another process stored it
    assert sum(s["new"] for s in summaries) == len(ARTICLES) == together["counts"]["articles"]
    for summary in summaries:
        assert summary["read"] == len(ARTICLES)
        assert summary["new"] + summary["duplicate"] + summary["stored meanwhile by another process"] == len(ARTICLES)
    # copies found whichever process stored the original
    assert together["articles"] == one_run["articles"]
    assert sum(s["copies"] for s in summaries) == 2
    assert together["events"] == one_run["events"]
    assert together["incidents"] == one_run["incidents"]
