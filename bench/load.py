"""Load on the service, on loopback only: requests per second and p99 latency of the events
endpoint (a filtered page) on a store of 100,000 events, beside a static file from the same
server as the baseline.

Usage: .venv/bin/python bench/load.py [--events 100000] [--requests 2000] [--seconds 30] [--threads 4]

The script fills a fresh SQLite store, starts `peacewatch serve` on 127.0.0.1 on a free port,
sends at most --requests requests per endpoint (or stops after --seconds) from --threads
threads, prints the figures and stops the server. Nothing is sent anywhere but 127.0.0.1.
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


def fill(path: Path, events: int) -> None:
    with Store(f"sqlite:///{path}"):
        pass
    rng = random.Random(5)
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO articles (id, words, boilerplate, warnings, report, ingested_at) "
                       "VALUES ('a', 0, '[]', '[]', '{}', '2025')")
    rows = []
    for i in range(events):
        day = (date(2024, 1, 1) + timedelta(days=rng.randrange(730))).isoformat()
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(url: str, requests: int, seconds: float, threads: int) -> tuple[float, float, float, int]:
    """(requests per second, median ms, p99 ms, errors) for GETs of one URL."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    budget = [requests]

    def worker() -> None:
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < stop_at:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if response.status_code != 200:
                        errors[0] += 1

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pw-load-"))
    db = folder / "load.db"
    started = time.perf_counter()
    fill(db, args.events)
    print(f"store: {args.events:,} events in {time.perf_counter() - started:.1f} s")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "peacewatch", "serve", "--db", f"sqlite:///{db}",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, PEACEWATCH_READ_OPEN="1"))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/static/style.css", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        events_url = f"{base}/api/events?type=ASSAULT&country=UKR&date_from=2025-01-01&date_to=2025-03-31&limit=50"
        static = hammer(base + "/static/style.css", args.requests, args.seconds, args.threads)
        events = hammer(events_url, args.requests, args.seconds, args.threads)
        for name, (rps, median, p99, errors) in (("static file (baseline)", static), ("events endpoint", events)):
            print(f"  {name:24s} {rps:7.1f} requests/s, median {median:6.1f} ms, p99 {p99:6.1f} ms, "
                  f"{errors} errors")
        print(f"  events endpoint throughput: {events[0] / static[0]:.2f} of the static file's")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
