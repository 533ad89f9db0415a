"""Load on the service, on loopback only: requests per second and p99 latency of the events
endpoint (a filtered page) and of the events list page (the first page, then one sorted by place)
on a store of 100,000 events, and of the dashboard's overview page
(`/`: map, timeline, initiative analysis, tracker) on a store of 10,000 incidents, beside a
static file from the same server as the baseline.

Usage: .venv/bin/python bench/load.py [--events 100000] [--incidents 10000] [--requests 2000]
                                      [--seconds 30] [--threads 4] [--uncached-requests 20]

The script fills a fresh SQLite store (events; incidents over two years with US-Russia talks
among them; an article a day, so the analysis has its coverage), starts `peacewatch serve` on
127.0.0.1 on a free port, sends at most --requests requests per endpoint (or stops after
--seconds) from --threads threads, prints the figures and stops the server. The dashboard page
is measured twice: as served (kept between requests until the store changes), and, as the
baseline it replaces, by a second server with PEACEWATCH_CACHE_SECONDS=0 that works the page out
on every request (at most --uncached-requests requests; 0 skips it). Nothing is sent anywhere
but 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from peacewatch.store import Store

COUNTRIES = ["UKR", "RUS", "SDN", "IND", "PAK", "ISR", "PSE", "SYR", "YEM", "COD"]
TYPES = ["ASSAULT"] * 6 + ["CONSULT", "ACCUSE", "REQUEST", "PROTEST"]


DAYS = 730
FIRST_DAY = date(2024, 1, 1)


def fill(path: Path, events: int, incidents: int) -> None:
    with Store(f"sqlite:///{path}") as store:
        store.import_incidents(incident_rows(incidents))
    rng = random.Random(5)
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO articles (id, words, boilerplate, warnings, report, ingested_at) "
                       "VALUES ('a', 0, '[]', '[]', '{}', '2025')")
    connection.executemany(  # an article a day: the analysis's coverage
        "INSERT INTO articles (id, published, words, boilerplate, warnings, report, ingested_at) "
        "VALUES (?, ?, 0, '[]', '[]', '{}', '2025')",
        [(f"day{n}", (FIRST_DAY + timedelta(days=n)).isoformat()) for n in range(DAYS)])
    rows = []
    for i in range(events):
        day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
        rows.append(("a", i, rng.choice(TYPES), "occurred", rng.choice(COUNTRIES), rng.choice(COUNTRIES), day, "day",
                     day, day, rng.choice(COUNTRIES), f"Town {i % 500}", rng.randrange(0, 40),
                     "Missiles struck the town.", "{}"))
    connection.executemany(
        "INSERT INTO events (article_id, position, type, status, source_country, target_country, date_value, "
        "date_precision, date_start, date_end, place_country, place_name, killed_min, evidence, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()


def incident_rows(count: int) -> list[dict]:
    """Incidents as an import gives them: strikes, mostly Russian on Ukraine, and one talk between
    the US and Russia in every 100."""
    rng = random.Random(7)
    rows = []
    for n in range(count):
        day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
        if n % 100 == 0:
            rows.append({"type": "CONSULT", "date_value": day, "date_precision": "day", "country": "RUS",
                         "source_country": "USA", "target_country": "RUS", "external_id": f"t{n}",
                         "origin": "bench", "evidence": ["The envoys met."]})
            continue
        source, target = ("RUS", "UKR") if rng.random() < 0.7 else tuple(rng.sample(COUNTRIES, 2))
        killed = rng.randrange(0, 40)
        rows.append({"type": "ASSAULT", "date_value": day, "date_precision": "day", "country": target,
                     "place_name": f"Town {n % 500}", "lat": 44 + rng.random() * 8, "lon": 25 + rng.random() * 15,
                     "source_country": source, "target_country": target, "killed_min": killed,
                     "killed_max": killed, "killed_median": killed, "external_id": f"s{n}", "origin": "bench",
                     "evidence": ["Missiles struck the town."], "outlets": ["Bench Wire"]})
    return rows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(url: str, requests: int, seconds: float, threads: int,
           timeout: float = 30) -> tuple[float, float, float, int]:
    """(requests per second, median ms, p99 ms, errors) for GETs of one URL (a request that
    fails or outlasts `timeout` counts as an error, at the time it took)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    budget = [requests]

    def worker() -> None:
        with httpx.Client(timeout=timeout) as client:
            while time.monotonic() < stop_at:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                started = time.perf_counter()
                try:
                    failed = client.get(url).status_code != 200
                except httpx.HTTPError:
                    failed = True
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors[0] += failed

    begun = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    wall = time.perf_counter() - begun
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    return len(latencies) / wall, statistics.median(latencies) * 1000, p99 * 1000, errors[0]


def serve(db: Path, cache_seconds: str | None = None) -> tuple[subprocess.Popen, str]:
    """A `peacewatch serve` on a free loopback port, once it answers; (process, base URL)."""
    port = free_port()
    env = dict(os.environ, PEACEWATCH_READ_OPEN="1")
    if cache_seconds is not None:
        env["PEACEWATCH_CACHE_SECONDS"] = cache_seconds
    server = subprocess.Popen([sys.executable, "-m", "peacewatch", "serve", "--db", f"sqlite:///{db}",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/static/style.css", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return server, base


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--uncached-requests", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pw-load-"))
    db = folder / "load.db"
    started = time.perf_counter()
    fill(db, args.events, args.incidents)
    print(f"store: {args.events:,} events, {args.incidents:,} incidents in {time.perf_counter() - started:.1f} s")
    results = {}

    def measure(name: str, url: str, **how) -> None:
        results[name] = rps, median, p99, errors = hammer(url, **{
            "requests": args.requests, "seconds": args.seconds, "threads": args.threads, **how})
        print(f"  {name:26s} {rps:7.1f} requests/s, median {median:7.1f} ms, p99 {p99:7.1f} ms, {errors} errors",
              flush=True)

    server, base = serve(db)
    try:
        measure("static file (baseline)", base + "/static/style.css")
        measure("events endpoint",
                f"{base}/api/events?type=ASSAULT&country=UKR&date_from=2025-01-01&date_to=2025-03-31&limit=50")
        measure("events list page", base + "/events")
        measure("events list, by place", base + "/events?sort=place&order=asc&page=3")
        first = time.perf_counter()
        httpx.get(base + "/", timeout=300)
        print(f"  dashboard page, first request (works it out): {time.perf_counter() - first:.2f} s", flush=True)
        measure("dashboard page", base + "/")
    finally:
        stop(server)
    if args.uncached_requests:
        server, base = serve(db, cache_seconds="0")
        try:  # one request at a time: each works the whole page out
            measure("dashboard page, uncached", base + "/", requests=args.uncached_requests,
                    seconds=args.seconds * 4, threads=1, timeout=300)
        finally:
            stop(server)
    static = results["static file (baseline)"][0]
    print(f"  events endpoint throughput: {results['events endpoint'][0] / static:.2f} of the static file's")
    print(f"  events list page throughput: {results['events list page'][0] / static:.2f} of the static file's")
    print(f"  dashboard page throughput: {results['dashboard page'][0] / static:.2f} of the static file's")


if __name__ == "__main__":
    main()
