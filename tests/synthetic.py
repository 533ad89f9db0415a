"""Synthetic incidents for the analysis and report tests: strikes and US-Russia talks over a
period, with or without more violence in the days after the talks."""

import random
from datetime import date, timedelta

from peacewatch.store import Store

START = date(2025, 2, 1)


def strike(day, killed, n, evidence="Missiles struck the town."):
    return {"type": "ASSAULT", "date_value": day.isoformat(), "date_precision": "day", "country": "UKR",
            "place_name": f"Town {n}", "lat": 48.0, "lon": 35.0, "source_country": "RUS", "target_country": "UKR",
            "target_sector": "CVL", "killed_min": killed, "killed_max": killed, "killed_median": killed,
            "external_id": f"s{n}", "origin": "test", "evidence": [evidence], "outlets": ["Test Wire"]}


def talks(day, n):
    return {"type": "CONSULT", "date_value": day.isoformat(), "date_precision": "day", "country": "RUS",
            "source_country": "USA", "target_country": "RUS", "external_id": f"t{n}", "origin": "test",
            "evidence": ["The US envoy met the Russian president."]}


def make_store(tmp_path, effect: bool, initiatives: int = 8, days: int = 120, seed: int = 3):
    rng = random.Random(seed)
    talk_days = sorted(rng.sample(range(5, days - 5), initiatives))
    after = {d + k for d in talk_days for k in (1, 2, 3)}
    rows = [talks(START + timedelta(days=d), n) for n, d in enumerate(talk_days)]
    for d in range(days):
        mean = 6 if effect and d in after else 2
        killed = sum(rng.random() < mean / 4 for _ in range(4)) * 2
        if killed:
            rows.append(strike(START + timedelta(days=d), killed, d))
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    store.import_incidents(rows)
    return store
