"""A list page of the dashboard on a large store: the store's query (filtered, sorted, paged and
counted by the database, peacewatch.web.browse) beside the path it replaced (every matching row
read, then filtered, sorted and paged in Python), on the same store in the same run. Each query
is answered both ways, checked to give the same page, and timed; the ratio is old / new.

Usage: .venv/bin/python bench/list_page.py [--events 50000] [--incidents 10000] [--repeat 5]

The store is generated here (invented rows in a temporary SQLite file): events and incidents over
two years, actors and towns drawn at random, one sentence of evidence each.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from peacewatch.records import best_figure
from peacewatch.store import Filters, Store
from peacewatch.web.browse import KINDS, BrowseQuery, ListPage, browse, read_query

COUNTRIES = ["UKR", "RUS", "SDN", "IND", "PAK", "ISR", "PSE", "SYR", "YEM", "COD"]
TYPES = ["ASSAULT"] * 6 + ["CONSULT", "ACCUSE", "REQUEST", "PROTEST"]
ARMIES = ["the northern army", "a militia", "the air force", "border guards", "rebels", None]
VERBS = ["struck", "shelled", "hit", "raided", "bombed"]
SITES = ["a depot", "the station", "a market", "the bridge", "a school", "the port"]
DAYS = 730
FIRST_DAY = date(2024, 1, 1)
# (list, its URL's query): the pages a reader opens first, a sort on a name, a deep page, filters.
QUERIES = [
    ("events", {}),
    ("events", {"sort": "place", "order": "asc", "page": "40"}),
    ("events", {"sort": "killed", "per_page": "100"}),
    ("events", {"type": "ASSAULT", "country": "UKR", "date_from": "2025-01-01"}),
    ("events", {"actor": "militia", "q": "market"}),
    ("incidents", {}),
    ("incidents", {"sort": "killed", "order": "desc"}),
    ("incidents", {"q": "bridge", "page": "3"}),
]


def fill(path: Path, events: int, incidents: int) -> None:
    """A store of `events` events (of one article) and `incidents` incidents, drawn at random."""
    rng = random.Random(3)
    with Store(f"sqlite:///{path}") as store:
        store.import_incidents(_incident(rng, n) for n in range(incidents))
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO articles (id, words, boilerplate, warnings, report, ingested_at) "
                       "VALUES ('a', 0, '[]', '[]', '{}', '2025')")
    rows = []
    for i in range(events):
        day = None if rng.random() < 0.03 else (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
        killed = None if rng.random() < 0.4 else rng.randrange(0, 40)
        rows.append(("a", i, rng.choice(TYPES), "occurred", rng.choice(ARMIES), rng.choice(COUNTRIES),
                     rng.choice(COUNTRIES), day, day, day, rng.choice(COUNTRIES),
                     None if rng.random() < 0.05 else f"Town {rng.randrange(900)}", killed, _sentence(rng), "{}"))
    connection.executemany(
        "INSERT INTO events (article_id, position, type, status, source_name, source_country, target_country, "
        "date_value, date_start, date_end, place_country, place_name, killed_min, evidence, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(['Drones', 'Missiles', 'Shells'])} {rng.choice(VERBS)} {rng.choice(SITES)}."


def _incident(rng: random.Random, n: int) -> dict[str, Any]:
    day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
    killed = None if rng.random() < 0.3 else rng.randrange(0, 60)
    return {"type": rng.choice(TYPES), "date_value": day, "date_precision": "day", "country": rng.choice(COUNTRIES),
            "place_name": f"Town {rng.randrange(900)}", "source_name": rng.choice(ARMIES),
            "source_country": rng.choice(COUNTRIES), "target_country": rng.choice(COUNTRIES),
            "killed_min": killed, "killed_max": None if killed is None else killed + rng.randrange(5),
            "external_id": f"b{n}", "origin": "bench", "outlets": ["Wire"],
            "evidence": [_sentence(rng) for _ in range(rng.randrange(1, 3))]}


def old_browse(store: Store, name: str, query: BrowseQuery) -> ListPage:
    """The page as the dashboard made it before: every row the store filters, then the actor,
    the words, the sort and the page in Python."""
    kind = KINDS[name]
    actors = ("source_name", "source_country", "target_name", "target_country")
    texts = ("evidence", "place_name", "admin1")
    rows = getattr(store, name)(Filters(type=query.type, country=query.country, date_from=query.date_from,
                                        date_to=query.date_to, place=query.place, status=query.status))
    if query.actor:
        rows = [r for r in rows if _contains(r, actors, query.actor)]
    if query.q:
        rows = [r for r in rows if all(_contains(r, texts, word) for word in query.q.split())]
    key = _sort_key(kind.name, query.sort)
    present = [r for r in rows if key(r) is not None]
    absent = [r for r in rows if key(r) is None]
    present.sort(key=lambda r: (key(r), r.get("id") or 0), reverse=query.order == "desc")
    rows = present + absent
    pages = max(1, -(-len(rows) // query.per_page))
    page = min(query.page, pages)
    start = (page - 1) * query.per_page
    chosen = rows[start:start + query.per_page]
    return ListPage(rows=chosen, total=len(rows), page=page, pages=pages, first=start + 1 if chosen else 0)


def _contains(row: dict, columns: tuple[str, ...], needle: str) -> bool:
    needle = needle.lower()
    for column in columns:
        value = row.get(column)
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(t, str) and needle in t.lower() for t in texts):
            return True
    return False


def _sort_key(kind: str, sort: str):
    if sort == "killed":
        return best_figure if kind == "incidents" else (
            lambda r: r.get("killed_max") if r.get("killed_max") is not None else r.get("killed_min"))
    column = {"date": "date_start", "sources": "sources", "place": "place_name", "type": "type"}[sort]
    return lambda r: (r.get(column).casefold() or None) if isinstance(r.get(column), str) else r.get(column)


def timed(work, repeat: int) -> tuple[float, Any]:
    """The median seconds of `repeat` runs, and the last answer."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        answer = work()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.db"
        fill(path, args.events, args.incidents)
        print(f"store: {args.events:,} events, {args.incidents:,} incidents (SQLite)")
        print(f"{'page':60} {'rows':>7} {'old ms':>8} {'new ms':>8} {'old/new':>8}")
        ratios = []
        with Store(f"sqlite:///{path}") as store:
            for name, raw in QUERIES:
                query, _ = read_query(raw, KINDS[name])
                new_s, new = timed(lambda q=query, n=name: browse(store, KINDS[n], q), args.repeat)
                old_s, old = timed(lambda q=query, n=name: old_browse(store, n, q), args.repeat)
                if ([r["id"] for r in old.rows], old.total, old.page) != ([r["id"] for r in new.rows], new.total,
                                                                           new.page):
                    raise SystemExit(f"the two paths differ on {name} {raw}")
                ratios.append(old_s / new_s)
                label = f"/{name}?" + "&".join(f"{k}={v}" for k, v in raw.items())
                print(f"{label:60} {new.total:>7,} {old_s * 1000:>8.1f} {new_s * 1000:>8.1f} {old_s / new_s:>8.1f}")
        print(f"old / new, geometric mean over {len(ratios)} pages: {statistics.geometric_mean(ratios):.1f}")


if __name__ == "__main__":
    main()
