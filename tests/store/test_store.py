"""The store, the same tests on SQLite and on a real PostgreSQL server (PEACEWATCH_TEST_PG, which
.ci/run sets after starting one; outside CI the PostgreSQL runs are skipped when it is unset)."""

import json

import pytest
from sqlalchemy import select, text, update

from peacewatch import extract
from peacewatch.fuse.copies import signature, to_bytes
from peacewatch.fuse.incidents import Fuser
from peacewatch.runner.ingest import ingest, store_batch
from peacewatch.store import Filters, Store, StoredArticle
from peacewatch.store.models import EventRow, IncidentRow, MemberRow

STRIKE = ("Russian missiles struck the centre of Kharkiv on Sunday, killing 21 people and wounding 64, "
          "the regional governor said.")
TALKS = ("Ukraine accepted a US proposal for a 30-day ceasefire on Tuesday, while Russia's foreign ministry "
         "said the proposal could not be verified.")
TWO_STRIKES = ("Russian missiles struck the centre of Kharkiv on Sunday, killing 21 people and wounding 64. On "
               "Saturday Russian drones struck Odesa, killing two people, the governor said.")
STRIKE_AND_RALLY = ("Russian missiles struck Sumy on Monday, killing 35 people. Protesters rallied in Kyiv on Tuesday "
                    "against the strike.")


def _stored(text_, published="2025-04-14", source="Test Wire"):
    report = extract(text_, published=published, source=source)
    return StoredArticle(report=report, signature=to_bytes(signature(text_)), words=len(text_.split()))


def test_migrations_build_the_models_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from peacewatch.store.models import Base

    assert store.revision == "0003"
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_batch_is_stored_whole_and_only_once(store):
    batch = [_stored(STRIKE), _stored(TALKS)]
    store_batch(store, batch)
    first = store.counts()
    assert first["articles"] == 2 and first["events"] >= 2 and first["claims"] >= 1 and first["agreements"] == 1
    store_batch(store, batch)
    assert store.counts() == first
    article = store.article(batch[0].report.article.id)
    assert article["report"]["events"][0]["evidence"] == STRIKE


def test_ids_follow_the_batch_order_and_members_their_events(store):
    """A batch's rows are written a table at a time; ids still follow articles and positions."""
    batch = [_stored(TWO_STRIKES), _stored(TALKS), _stored(STRIKE_AND_RALLY)]
    store_batch(store, batch)
    order = {s.report.article.id: n for n, s in enumerate(batch)}
    for rows in (store.events(), store.claims(), store.agreements()):
        by_id = sorted(rows, key=lambda r: r["id"])
        assert [(order[r["article_id"]], r["position"]) for r in by_id] == sorted(
            (order[r["article_id"]], r["position"]) for r in rows)
    occurred = [e for e in store.events() if e["status"] == "occurred"]
    assert len(occurred) >= 4
    with store.engine.connect() as connection:
        members = connection.execute(select(MemberRow.article_id, EventRow.article_id, EventRow.status)
                                     .join(EventRow, EventRow.id == MemberRow.event_id)).all()
    assert len(members) == len(occurred)
    assert all(mine == theirs and status == "occurred" for mine, theirs, status in members)
    fused = store.incidents_of_events(e["id"] for e in store.events())  # the dashboard's event -> incident link
    assert set(fused) == {e["id"] for e in occurred} and set(fused.values()) <= {i["id"] for i in store.incidents()}
    heads = store.article_heads([*order, "no-such-article"])
    assert set(heads) == set(order) and {h["source"] for h in heads.values()} == {"Test Wire"}


def test_a_batch_failing_midway_leaves_nothing(store):
    class Failing(Fuser):
        def fuse(self, telling):
            raise RuntimeError("killed while fusing")

    with pytest.raises(RuntimeError):
        store_batch(store, [_stored(TWO_STRIKES), _stored(TALKS)], Failing())
    assert set(store.counts().values()) == {0}


def test_queries_filter_by_type_country_date_place_and_status(store):
    store_batch(store, [_stored(STRIKE), _stored(TALKS)])
    assaults = store.events(Filters(type="assault", country="UKR"))
    assert [e["place_name"] for e in assaults] == ["Kharkiv"]
    assert assaults[0]["killed_min"] == 21 and assaults[0]["date_value"] == "2025-04-13"
    assert store.events(Filters(date_from="2025-04-14", type="ASSAULT")) == []
    assert len(store.events(Filters(place="kharkiv"))) == 1
    assert store.claims(Filters(status="unverified"))[0]["speaker_country"] == "RUS"
    agreements = store.agreements(Filters(country="UKR"))
    assert agreements[0]["kind"] == "ceasefire"
    assert ("UKR", "accepted") in [(s["party"], s["action"]) for s in agreements[0]["history"]]
    assert store.agreements(Filters(country="FRA")) == []
    incidents = store.incidents(Filters(type="ASSAULT"))
    assert len(incidents) == 1 and incidents[0]["sources"] == 1 and incidents[0]["killed_median"] == 21


def test_three_reports_of_one_strike_fuse_into_one_incident(store, tmp_path):
    """One strike, three reports: two outlets in their own words, and a spun copy of the first."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Russian missiles struck the centre of the city of Kharkiv on Sunday morning, killing 21 people and wounding "
        "64, the regional governor said. Rescue teams were still searching the rubble of a five-storey building late "
        "in the day. The strike came as envoys prepared for another round of talks in Istanbul.")
    (folder / "b.txt").write_text(
        "Russian rockets hit the heart of the city of Kharkiv on Sunday morning, killing 21 people and injuring 64, "
        "the regional governor said. Rescue crews were still searching the debris of a five-storey building late in "
        "the day. The attack came as envoys got ready for another round of talks in Istanbul.")
    (folder / "c.txt").write_text(
        "Ukraine's emergency service said on Monday that the death toll from Sunday's Russian missile strike on "
        "Kharkiv had risen to 23. Officials in Kyiv called the attack a war crime and urged allies to send more air "
        "defence systems.")
    for name in ("a", "b", "c"):
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": "2025-04-14", "source": f"outlet {name}",
                                                              "url": f"https://example.org/{name}"}))
    summary = ingest([str(folder)], store, batch_size=2)
    assert (summary.new, summary.copies) == (3, 1)
    incidents = store.incidents(Filters(type="ASSAULT"))
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident["sources"] == 2 and incident["reports"] == 3
    figures = sorted((f["outlet"], f["killed_min"], f["copy"]) for f in incident["figures"])
    assert figures == [("outlet a", 21, False), ("outlet b", 21, True), ("outlet c", 23, False)]
    assert (incident["killed_min"], incident["killed_max"], incident["killed_median"]) == (21, 23, 22.0)
    # all three were published the same day: the best is the higher middle of the two sources
    assert incident["killed_best"] == 23
    assert sorted((f["url"], f["published"]) for f in incident["figures"]) == [
        (f"https://example.org/{name}", "2025-04-14") for name in "abc"]
    assert len(incident["evidence"]) == 3
    before = store.counts()
    again = ingest([str(folder)], store)
    assert (again.new, again.duplicate) == (0, 3)
    assert store.counts() == before


def test_imported_incidents_are_keyed_by_their_external_id(store):
    row = {"type": "ASSAULT", "date_value": "2025-04-13", "date_precision": "day", "country": "UKR",
           "place_name": "Sumy", "lat": 50.9, "lon": 34.8, "killed_min": 35, "killed_max": 35, "killed_median": 35,
           "external_id": "UKR12345", "origin": "acled", "evidence": ["a note"], "outlets": ["Outlet"]}
    assert store.import_incidents([row]) == (1, 0)
    assert store.import_incidents([row | {"killed_min": 36}]) == (0, 1)
    incidents = store.incidents(Filters(country="UKR", date_from="2025-04-13", date_to="2025-04-13"))
    assert len(incidents) == 1 and incidents[0]["killed_min"] == 36 and incidents[0]["origin"] == "acled"
    assert incidents[0]["killed_best"] == 35  # a data set's one figure is its best
    store.import_incidents([row | {"killed_min": 40, "killed_max": 40, "killed_median": 40}])
    assert store.incidents(Filters(country="UKR"))[0]["killed_best"] == 40  # the update's figure, not the old best


def test_incidents_fused_before_figures_carried_their_article_get_its_url(store):
    store_batch(store, [_stored(STRIKE)])
    with store.engine.begin() as connection:  # as a store fused by an earlier version keeps them
        for incident_id, figures in connection.execute(select(IncidentRow.id, IncidentRow.figures)).all():
            figures = [{k: v for k, v in f.items() if k not in ("url", "published")} for f in figures]
            connection.execute(update(IncidentRow).where(IncidentRow.id == incident_id).values(figures=figures))
    figure = store.incidents()[0]["figures"][0]
    assert figure["published"] == "2025-04-14" and "url" in figure


def _report(article_id, published, *events):
    from peacewatch.schema import Actor, Article, Count, Event, Place, Report, When

    made = []
    for n, (day, place, killed) in enumerate(events):
        where = Place(name=place[0], country="UKR", admin1=place[1], lat=place[2], lon=place[3],
                      precision=place[4]) if place else None
        made.append(Event(type="ASSAULT", source=Actor(country="RUS"), target=Actor(country="UKR"),
                          date=When(value=day, precision="day"), location=where,
                          killed=Count(min=killed, max=killed) if killed is not None else None,
                          evidence=f"Invented sentence {n} of {article_id}."))
    return StoredArticle(report=Report(article=Article(id=article_id, published=published, source=article_id,
                                                       url=f"https://example.org/{article_id}"), events=made))


TOWN = ("Vyshgorod", "UA.13", 50.58, 30.49, "city")
REGION = ("Kyiv Oblast", "UA.13", 50.3, 30.6, "region")
OTHER_TOWN = ("Konotop", "UA.21", 51.24, 33.2, "city")


def test_fusion_through_the_store_gives_one_incident_per_happening_at_any_batch_size(store_url):
    reports = [_report("first", "2025-04-22", ("2025-04-22", REGION, None), ("2025-04-22", None, 3)),
               _report("second", "2025-04-22", ("2025-04-22", TOWN, 5), ("2025-04-22", OTHER_TOWN, 1)),
               _report("third", "2025-04-23", ("2025-04-22", TOWN, 7)),
               _report("old", "2025-04-23", ("2021-04-22", TOWN, 7))]
    found = []
    for size in (1, 4):
        with Store(store_url) as store:
            store.delete_all()
            fuser = Fuser()
            for start in range(0, len(reports), size):
                store_batch(store, reports[start:start + size], fuser)
            incidents = store.incidents(Filters(type="ASSAULT"))
            found.append(sorted((i["place_name"], i["sources"], i["killed_best"], i["killed_min"]) for i in incidents))
    assert found[0] == found[1] == [("Konotop", 1, 1, 1), ("Vyshgorod", 3, 7, 3)]


def test_a_store_of_the_first_schema_gets_its_medians_as_best_tolls(store_url):
    from alembic import command

    from peacewatch.store.db import _alembic_config, make_engine

    engine = make_engine(store_url)
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text("INSERT INTO incidents (type, sources, reports, origin, figures, evidence, "
                                "killed_median) VALUES ('ASSAULT', 2, 2, 'peacewatch', '[]', '[]', 2.5)"))
    engine.dispose()
    with Store(store_url) as store:
        assert store.revision == "0003"
        assert [(i["killed_median"], i["killed_best"], i["injured_best"]) for i in store.incidents()] == [
            (2.5, 3, None)]
