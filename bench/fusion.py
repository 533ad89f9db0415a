"""Fusion and query scale: how fusion time grows with the number of events, and how long a
filtered events query takes on a store of a million events.

Usage: .venv/bin/python bench/fusion.py [--events 100000] [--rows 1000000] [--skip-query]

Part 1 builds synthetic tellings (happenings in 40 countries over two years, each told by one
to four articles, with jittered dates, places and tolls) and fuses them with the store's Fuser,
printing the time per 10,000 events around 10k, 50k and 100k: near-constant figures mean growth
close to linear. The same run times the naive way (each event against every incident of its
type) on the first 20,000 events, as the baseline.

Part 2 fills an SQLite store with a million events and times the filtered query of
`peacewatch events --type ASSAULT --country UKR --from ... --to ...`, beside the same query on a
copy of the table without its indexes.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from peacewatch.fuse.incidents import Fuser, Telling, km
from peacewatch.store import Filters, Store

COUNTRIES = [f"C{n:02d}" for n in range(40)]
TYPES = ["ASSAULT"] * 6 + ["CONSULT", "ACCUSE", "REQUEST", "PROTEST"]
START = date(2024, 1, 1)


def synthetic_tellings(n: int, seed: int = 7) -> list[Telling]:
    rng = random.Random(seed)
    centres = {c: (rng.uniform(-40, 60), rng.uniform(-100, 120)) for c in COUNTRIES}
    out: list[Telling] = []
    happening = 0
    while len(out) < n:
        happening += 1
        country = rng.choice(COUNTRIES)
        kind = rng.choice(TYPES)
        day = START + timedelta(days=rng.randrange(730))
        lat, lon = centres[country]
        lat, lon = lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3)
        killed = rng.randrange(0, 60) if kind == "ASSAULT" else None
        for telling in range(rng.randint(1, 4)):
            when = day + timedelta(days=rng.choice([0, 0, 0, 1]))
            out.append(Telling(
                event_id=len(out), article_id=f"a{happening}-{telling}", root=f"a{happening}-{telling}",
                type=kind, country=country, date_value=when.isoformat(), date_precision="day",
                place_name=f"town{happening}", lat=lat + rng.uniform(-0.05, 0.05), lon=lon + rng.uniform(-0.05, 0.05),
                place_precision="city", source_country=None, target_country=country,
                killed_min=None if killed is None else killed + rng.randrange(0, 3), evidence="..."))
    rng.shuffle(out)
    return out[:n]


def bench_fusion(n: int) -> None:
    tellings = synthetic_tellings(n)
    ordered = sorted(tellings, key=lambda t: (t.date_value, t.event_id))  # as the store feeds a batch
    fuser = Fuser()
    stamps = {0: 0.0}
    started = time.perf_counter()
    for i, telling in enumerate(ordered, 1):
        fuser.fuse(telling)
        if i % 10_000 == 0 or i == n:
            stamps[i] = time.perf_counter() - started
    print(f"fusion of {n:,} synthetic events into {len(fuser.incidents):,} incidents in {stamps[n]:.2f} s")
    for checkpoint in (10_000, 50_000, 100_000):
        if checkpoint in stamps:
            window = stamps[checkpoint] - stamps[checkpoint - 10_000]
            print(f"  events {checkpoint - 9_999:>7,} to {checkpoint:>7,}: {window:5.2f} s per 10k events")
    sample = ordered[:20_000]
    started = time.perf_counter()
    naive: list[list[Telling]] = []
    for telling in sample:
        for group in naive:
            head = group[0]
            if head.type == telling.type and head.country == telling.country and abs(
                    (date.fromisoformat(head.date_value) - date.fromisoformat(telling.date_value)).days) <= 1 and \
                    km(head.lat, head.lon, telling.lat, telling.lon) <= 50:
                group.append(telling)
                break
        else:
            naive.append([telling])
    naive_time = time.perf_counter() - started
    fuser = Fuser()
    started = time.perf_counter()
    for telling in sample:
        fuser.fuse(telling)
    indexed_time = time.perf_counter() - started
    print(f"  baseline, first 20,000 events: naive scan {naive_time:.2f} s, indexed {indexed_time:.2f} s "
          f"(ratio {naive_time / max(indexed_time, 1e-9):.1f})")


def bench_query(rows: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pw-bench-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    with Store(url):
        pass
    rng = random.Random(11)
    started = time.perf_counter()
    connection = sqlite3.connect(folder / "bench.db")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("INSERT INTO articles (id, words, boilerplate, warnings, report, ingested_at) "
                       "VALUES ('a', 0, '[]', '[]', '{}', '2025')")
    countries = ["UKR", "RUS", "SDN", "IND", "PAK", "ISR", "PSE", "SYR", "YEM", "COD"] + COUNTRIES
    batch = []
    for i in range(rows):
        day = (START + timedelta(days=rng.randrange(730))).isoformat()
        batch.append(("a", i, rng.choice(TYPES), "occurred", rng.choice(countries), rng.choice(countries),
                      day, "day", day, day, rng.choice(countries), "...", "{}"))
        if len(batch) == 50_000:
            _insert(connection, batch)
            batch = []
    if batch:
        _insert(connection, batch)
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    print(f"query: {rows:,} events stored in {time.perf_counter() - started:.1f} s")
    filters = Filters(type="ASSAULT", country="UKR", date_from="2025-03-01", date_to="2025-03-31")
    store = Store(url)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        found = store.events(filters)
        timings.append(time.perf_counter() - started)
    indexed = min(timings)
    store.close()
    connection = sqlite3.connect(folder / "bench.db")
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='events' "
                                      "AND name LIKE 'ix_%'").fetchall():
        connection.execute(f"DROP INDEX {name}")
    connection.commit()
    connection.close()
    store = Store(url)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        store.events(filters)
        timings.append(time.perf_counter() - started)
    store.close()
    print(f"  filtered query (type, actor country, one month): {len(found):,} rows in {indexed * 1000:.0f} ms; "
          f"without indexes {min(timings) * 1000:.0f} ms (ratio {min(timings) / indexed:.1f})")


def _insert(connection: sqlite3.Connection, batch: list[tuple]) -> None:
    connection.executemany(
        "INSERT INTO events (article_id, position, type, status, source_country, target_country, date_value, "
        "date_precision, date_start, date_end, place_country, evidence, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--skip-query", action="store_true")
    args = parser.parse_args()
    bench_fusion(args.events)
    if not args.skip_query:
        bench_query(args.rows)


if __name__ == "__main__":
    main()
