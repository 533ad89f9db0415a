"""The acts said at a meeting join it whatever batches the store is given them in: a remake of a
meeting's days makes the acts' incidents of the days before again (fuse_told, Fuser._take_acts)."""

import json
from itertools import permutations

from peacewatch.runner.ingest import store_batch
from peacewatch.schema import Actor, Article, Event, Place, Report, When
from peacewatch.store import Store, StoredArticle

# An invented town.
TOWN = Place(name="Gullhaven", country="XXA", admin1="XA.01", lat=20.0, lon=40.0, precision="city")


def _article(name: str, published: str, kind: str, source: str | None, target: str | None,
             place: Place | None, day: str) -> StoredArticle:
    event = Event(type=kind, source=Actor(country=source), target=Actor(country=target),
                  date=When(value=day, precision="day"), location=place,
                  evidence=f"Invented sentence of {name}.")
    return StoredArticle(report=Report(article=Article(id=name, published=published, source=f"outlet {name}",
                                                       url=f"https://example.org/{name}"), events=[event]))


def _reports() -> list[StoredArticle]:
    """The meeting named with its town and one side on the 10th, its two sides told without a
    place by a report of the 11th; an accusation said there (in the town) and a demand (no place)."""
    return [_article("meeting-town", "2025-04-10", "CONSULT", "USA", None, TOWN, "2025-04-10"),
            _article("meeting-sides", "2025-04-11", "CONSULT", "USA", "UKR", None, "2025-04-10"),
            _article("accusation", "2025-04-10", "ACCUSE", "USA", "UKR", TOWN, "2025-04-10"),
            _article("demand", "2025-04-11", "REQUEST", "UKR", "USA", None, "2025-04-10")]


def _members(url: str, batches: list[list[StoredArticle]]) -> list[list[str]]:
    with Store(url) as store:
        for batch in batches:
            store_batch(store, batch)
        return sorted(sorted(f["article_id"] for f in incident["figures"]) for incident in store.incidents())


def test_the_acts_said_at_a_meeting_join_it_whatever_the_batches(tmp_path):
    reports = _reports()
    whole = _members(f"sqlite:///{tmp_path / 'whole'}.db", [reports])
    assert whole == [["accusation", "demand", "meeting-sides", "meeting-town"]]
    for n, first in enumerate(permutations(reports[:1] + reports[2:])):
        # one article a batch, the meeting's two sides told last: the acts are stored before the
        # meeting can take them (or before the meeting at all)
        order = [*first, reports[1]]
        found = _members(f"sqlite:///{tmp_path / str(n)}.db", [[one] for one in order])
        assert found == whole, json.dumps([one.report.article.id for one in order])


def _summit(name: str, source: str, target: str, others: tuple[str, ...], published: str) -> StoredArticle:
    """A summit at the invented town, told by one pair of its leaders with the rest present."""
    stored = _article(name, published, "CONSULT", source, target, TOWN, "2025-04-10")
    stored.report.events[0].others = [Actor(country=code) for code in others]
    return stored


def test_a_summit_told_by_two_pairs_is_one_meeting_in_one_batch_or_in_two(tmp_path):
    """The parties present are stored with the event and read back when a later batch remakes the
    days (Store's told_events), as when the batch holds both tellings."""
    reports = [_summit("summit-a", "FRA", "UKR", ("DEU", "POL"), "2025-04-10"),
               _summit("summit-b", "POL", "UKR", ("FRA", "DEU"), "2025-04-11")]
    whole = _members(f"sqlite:///{tmp_path / 'whole'}.db", [reports])
    assert whole == [["summit-a", "summit-b"]]
    assert _members(f"sqlite:///{tmp_path / 'two'}.db", [[reports[0]], [reports[1]]]) == whole
    assert _members(f"sqlite:///{tmp_path / 'back'}.db", [[reports[1]], [reports[0]]]) == whole
