"""Fusion is decided from the stored record: one corpus gives the same incidents and figures
whatever the batch size, the order of its articles or the runs it is split into."""

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from peacewatch.runner.ingest import ingest, store_batch
from peacewatch.schema import Actor, Article, Count, Event, Place, Report, When
from peacewatch.store import Store, StoredArticle

# Invented towns and regions: (name, country, admin1, lat, lon, precision).
TOWNS = [("Alderton", "UKR", "R1", 50.0, 30.0, "city"), ("Brindle", "UKR", "R1", 50.05, 30.1, "city"),
         ("Corvale", "UKR", "R2", 48.0, 35.0, "city"), ("Dunmere", "UKR", "R3", 46.5, 31.0, "city")]
REGIONS = [("First Oblast", "UKR", "R1", 50.2, 30.2, "region"), ("Second Oblast", "UKR", "R2", 48.1, 35.1, "region")]
COUNTRY = ("Ukraine", "UKR", None, 49.0, 32.0, "country")
START = date(2025, 3, 1)


def _place(spec):
    if spec is None:
        return None
    name, country, admin1, lat, lon, precision = spec
    return Place(name=name, country=country, admin1=admin1, lat=lat, lon=lon, precision=precision)


def _event(rng: random.Random, n: int, article: str, day: date) -> Event:
    """A strike or a diplomatic happening told in one of several ways, a day off or not."""
    when = day + timedelta(days=rng.choice([0, 0, 0, -1]))
    value, precision = (when.isoformat(), "day") if rng.random() > 0.1 else (when.isoformat()[:7], "month")
    if rng.random() < 0.6:
        killed = rng.choice([None, rng.randrange(1, 15)])
        vague = killed is not None and rng.random() < 0.2
        return Event(type="ASSAULT", source=Actor(country=rng.choice(["RUS", "RUS", None])),
                     target=Actor(country="UKR"), date=When(value=value, precision=precision),
                     location=_place(rng.choice([*TOWNS, *TOWNS, *REGIONS, COUNTRY, None])),
                     killed=Count(min=24 if vague else killed, max=None if vague else killed, vague=vague)
                     if killed is not None else None,
                     evidence=f"Invented sentence {n} of {article}.")
    pair = rng.choice([("USA", "RUS"), ("RUS", "USA"), ("UKR", "FRA")])
    return Event(type=rng.choice(["CONSULT", "CONSULT", "AGREE", "CONCEDE"]), source=Actor(country=pair[0]),
                 target=Actor(country=pair[1]), date=When(value=value, precision=precision),
                 location=_place(rng.choice([COUNTRY, None, REGIONS[0]])),
                 evidence=f"Invented sentence {n} of {article}.")


def invented_corpus(articles: int = 48, seed: int = 3, days: int = 21) -> list[StoredArticle]:
    """Articles telling happenings over some weeks, a few of them copies of another."""
    rng = random.Random(seed)
    out: list[StoredArticle] = []
    for a in range(articles):
        article_id = f"article{a:03d}"
        published = START + timedelta(days=rng.randrange(days))
        events = [_event(rng, n, article_id, published - timedelta(days=rng.choice([0, 0, 1, 9])))
                  for n in range(rng.randint(1, 4))]
        copy_of = out[-1].report.article.id if out and rng.random() < 0.1 and not out[-1].copy_of else None
        out.append(StoredArticle(report=Report(
            article=Article(id=article_id, published=published.isoformat(), source=f"outlet{a % 7}",
                            url=f"https://example.org/{article_id}"), events=events), copy_of=copy_of))
    return out


def incidents_of(store: Store) -> list[tuple]:
    """The incidents as a user sees them, without the numbers the store gives rows."""
    out = []
    for incident in store.incidents():
        figures = [json.dumps({k: v for k, v in f.items() if k != "event_id"}, sort_keys=True)
                   for f in incident["figures"]]
        out.append(json.dumps({k: v for k, v in incident.items() if k not in ("id", "figures")}, sort_keys=True)
                   + "|" + "|".join(figures))
    return sorted(out)


def _stored_in_batches(url: str, runs: list[list[StoredArticle]], size: int) -> list[tuple]:
    with Store(url) as store:
        for run in runs:
            for start in range(0, len(run), size):
                store_batch(store, run[start:start + size])
        return incidents_of(store)


@pytest.mark.parametrize("articles, days", [(48, 21), (90, 240)])
def test_the_same_corpus_gives_the_same_incidents_whatever_the_batches(tmp_path, articles, days):
    """Three weeks of news, and eight months (fusion made again from a batch's days settles)."""
    corpus = invented_corpus(articles, days=days)
    half = len(corpus) // 2
    shuffled = corpus[:]
    random.Random(5).shuffle(shuffled)
    shuffled.sort(key=lambda item: item.copy_of is not None)  # an original is stored before its copies
    found = {}
    for name, runs, size in [("one", [corpus], 1), ("8", [corpus], 8), ("16", [corpus], 16), ("64", [corpus], 64),
                             ("halves", [corpus[:half], corpus[half:]], 64),
                             ("halves-8", [corpus[half:], corpus[:half]], 8), ("shuffled", [shuffled], 16)]:
        found[name] = _stored_in_batches(f"sqlite:///{tmp_path / name}.db", runs, size)
    assert len(found["one"]) > 10
    assert any('"sources": 3' in incident for incident in found["one"])
    assert any('"sources": 2' in incident and '"type": "CONSULT"' in incident for incident in found["one"])
    for name, incidents in found.items():
        assert incidents == found["one"], name


@pytest.mark.slow
def test_the_demo_corpus_ingested_at_any_batch_size_or_in_two_halves_gives_the_same_incidents(tmp_path):
    corpus = Path(__file__).resolve().parents[2] / "src" / "peacewatch" / "samples" / "corpus"
    texts = sorted(corpus.glob("*.txt"))
    halves = [tmp_path / "first", tmp_path / "second"]
    for n, half in enumerate(halves):
        half.mkdir()
        for text in texts[n * len(texts) // 2:(n + 1) * len(texts) // 2]:
            for path in (text, text.with_suffix(".meta.json")):
                if path.exists():
                    (half / path.name).write_bytes(path.read_bytes())
    found = {}
    with Store(f"sqlite:///{tmp_path / 'read.db'}") as store:
        ingest([str(corpus)], store, batch_size=64)
        found["ingest 64"] = incidents_of(store)
        # the stored reports again, originals before their copies
        read = [StoredArticle(report=Report.model_validate(store.article(row["id"])["report"]),
                              copy_of=row["copy_of"])
                for row in sorted(store.articles(), key=lambda row: (row["copy_of"] is not None, row["id"]))]
    for size in (8, 16, 64):
        found[f"stored {size}"] = _stored_in_batches(f"sqlite:///{tmp_path / str(size)}.db", [read], size)
    with Store(f"sqlite:///{tmp_path / 'halves.db'}") as store:
        for half in halves:
            ingest([str(half)], store, batch_size=16)
        found["ingest halves 16"] = incidents_of(store)
    assert len(found["ingest 64"]) > 10
    for name, incidents in found.items():
        assert incidents == found["ingest 64"], name
