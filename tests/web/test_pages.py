"""The dashboard's pages through the ASGI client, on invented incidents: list pages with their
filters, sort and pages in the URL, exports carrying the same filters, the map (sea, legend, no
circle for a place known only to its country, zoom to a box), the incident page's sources, and
the numbers as a reader expects them."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app
from peacewatch.present.templating import add_package_templates
from peacewatch.store import Store
from peacewatch.web.browse import KINDS, BrowseQuery, read_query
from peacewatch.web.worldmap import MAPPED_PRECISIONS, _ring_paths, parse_bbox, world_map


def _incident(n: int, **values) -> dict:
    day = date(2024, 6, 1) + timedelta(days=n - 1)
    row = {"type": "ASSAULT", "date_value": day.isoformat(), "date_precision": "day", "country": "XXA",
           "place_name": f"Northtown {n}", "place_precision": "city", "lat": 10.0 + n / 10, "lon": 20.0 + n / 10,
           "source_name": "the Blue army", "source_country": "XXB", "target_country": "XXA",
           "killed_min": n, "killed_max": n + 2, "killed_median": n + 1.5, "external_id": f"i{n}",
           "origin": "test", "evidence": [f"Shells struck the depot, killing {n} people."], "outlets": ["Wire"]}
    return row | values


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('pages') / 'p.db'}")
    rows = [_incident(n) for n in range(1, 31)]
    rows.append(_incident(31, place_name="Xanadia", place_precision="country", lat=30.0, lon=40.0,
                          evidence=["Drones hit targets across the country, officials said."]))
    rows.append(_incident(32, type="CONSULT", source_name="the Green envoy", source_country="XXC", killed_min=None,
                          killed_max=None, killed_median=None, evidence=["The envoys met in the capital."]))
    store.import_incidents(rows)
    return TestClient(create_app(Settings(), store=store))


def _ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'class="incident" href="/incidents/(\d+)"', html)]


def test_the_incident_list_filters_sorts_and_pages_from_its_url(client):
    page = client.get("/incidents")
    assert page.status_code == 200 and len(_ids(page.text)) == 25 and "1 to 25 of 32" in page.text
    second = client.get("/incidents", params={"page": 2})
    assert len(_ids(second.text)) == 7 and 'rel="prev"' in second.text
    assert len(_ids(client.get("/incidents", params={"type": "CONSULT"}).text)) == 1
    assert len(_ids(client.get("/incidents", params={"actor": "green envoy"}).text)) == 1
    assert len(_ids(client.get("/incidents", params={"q": "officials across"}).text)) == 1
    ranged = client.get("/incidents", params={"date_from": "2024-06-03", "date_to": "2024-06-05"})
    assert len(_ids(ranged.text)) == 3
    by_killed = client.get("/incidents", params={"sort": "killed", "order": "desc", "per_page": 50}).text
    assert "Northtown 31" not in by_killed.split("Xanadia")[0] and by_killed.index("Xanadia") < by_killed.index(
        "Northtown 30<")
    # the empty fields a GET form sends are no filter; a wrong one is said, not a raw 422
    blank = client.get("/incidents?type=&country=&actor=&date_from=&page=")
    assert blank.status_code == 200 and "of 32" in blank.text
    wrong = client.get("/incidents", params={"country": "Xanadia", "date_from": "June"})
    assert wrong.status_code == 200 and 'id="problems"' in wrong.text and "of 32" in wrong.text


def test_the_form_and_the_links_keep_the_filters(client):
    html = client.get("/incidents", params={"type": "ASSAULT", "actor": "blue", "per_page": 25, "page": 1}).text
    assert '<form class="filters" method="get" action="/incidents"' in html and "<script" not in html
    assert 'name="actor" value="blue"' in html
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1)
    assert "type=ASSAULT" in next_link and "actor=blue" in next_link and "page=2" in next_link
    exports = re.findall(r'class="export" href="([^"]+)"', html)
    assert {e.split("?")[0] for e in exports} == {"/export/incidents.csv", "/export/incidents.json",
                                                  "/export/incidents.geojson"}
    assert all("type=ASSAULT" in e and "actor=blue" in e for e in exports)


def test_exports_hold_every_row_that_passes_the_filters(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/export/incidents.csv", params={"type": "ASSAULT"}).text)))
    assert len(rows) == 31 and {r["type"] for r in rows} == {"ASSAULT"}
    geo = json.loads(client.get("/export/incidents.geojson?date_from=2024-06-01&date_to=2024-06-02").text)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert client.get("/export/claims.geojson").status_code == 404
    assert client.get("/export/claims.csv").status_code == 200


def test_the_map_has_sea_land_a_legend_and_no_circle_for_a_country(client):
    html = client.get("/map").text
    assert 'class="sea"' in html and html.count("<path d=") > 50 and 'id="legend"' in html
    assert "circle area: killed" in html and ">assault<" in html and ">consult<" in html
    assert len(re.findall(r'class="incident" data-type', html)) == 31
    unplaced = html.split('id="unplaced"')[1]
    assert "Xanadia" in unplaced and "(country)" in unplaced
    zoomed = client.get("/map", params={"bbox": "20,10,21,11"}).text
    assert float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ', zoomed).group(1)) <= 40  # of 960
    assert len(re.findall(r'class="incident" data-type', zoomed)) < 31
    dated = client.get("/map", params={"date_from": "2024-06-05", "date_to": "2024-06-06"}).text
    assert len(re.findall(r'class="incident" data-type', dated)) == 2
    assert 'id="problems"' in client.get("/map", params={"bbox": "1,2,3"}).text
    export = re.search(r'class="export" href="(/export/incidents.geojson[^"]+)"', zoomed).group(1)
    assert "bbox=20%2C10%2C21%2C11" in export
    inside = json.loads(client.get(export.replace("&amp;", "&")).text)["features"]
    assert 0 < len(inside) < 31 and all(20 <= f["geometry"]["coordinates"][0] <= 21 for f in inside)
    assert client.get("/export/incidents.csv", params={"bbox": "9,9"}).status_code == 422


def test_a_country_fits_the_view_to_what_happened_in_it():
    here = [_incident(n) | {"id": n} for n in (1, 2)]
    abroad = _incident(3, country="XXC", lat=-30.0, lon=-60.0) | {"id": 3}
    whole = float(world_map([*here, abroad]).view_box.split()[2])
    fitted = float(world_map([*here, abroad], country="XXA").view_box.split()[2])
    assert fitted < whole / 4 and len(world_map([*here, abroad], country="XXA").marks) == 3


def test_incidents_at_one_town_share_one_circle():
    first, second = _incident(1) | {"id": 1}, _incident(2, lat=10.1, lon=20.1) | {"id": 2}
    talks = _incident(3, lat=10.1, lon=20.1, type="CONSULT") | {"id": 3}
    drawn = world_map([first, second, talks, _incident(5) | {"id": 5}])
    assert sorted(m["ids"] for m in drawn.marks) == [[1, 2], [3], [5]]  # a type keeps its colour
    shared = [m for m in drawn.marks if len(m["ids"]) == 2][0]
    assert shared["type"] == "ASSAULT" and "2 assault incidents at Northtown 1" in shared["label"]
    alone = world_map([first]).marks[0]
    assert shared["r"] / drawn.scale > alone["r"] / world_map([first]).scale  # 1 + 2 killed against 1


def test_no_point_is_drawn_without_a_town():
    drawn = world_map([_incident(1) | {"id": 1}, _incident(2, place_precision="region") | {"id": 2},
                       _incident(3, lat=None, lon=None) | {"id": 3}])
    assert [m["id"] for m in drawn.marks] == [1] and [i["id"] for i in drawn.unplaced] == [2, 3]
    assert "city" in MAPPED_PRECISIONS and "country" not in MAPPED_PRECISIONS


def test_a_ring_across_the_antimeridian_is_drawn_on_both_sides_not_across_the_map():
    ring = [(170.0, 60.0), (179.0, 62.0), (-178.0, 64.0), (-175.0, 61.0), (170.0, 60.0)]
    paths = _ring_paths(ring)
    assert len(paths) == 2
    for path in paths:
        xs = [float(p.split(",")[0]) for p in re.findall(r"[\d.-]+,[\d.-]+", path)]
        assert max(xs) - min(xs) < 60  # some 15 degrees wide, not the whole map
    around_the_pole = [(-180.0, -80.0), (-60.0, -75.0), (60.0, -70.0), (180.0, -80.0), (180.0, -90.0),
                       (-180.0, -90.0), (-180.0, -80.0)]
    assert len(_ring_paths(around_the_pole)) == 1


def test_a_box_is_read_or_refused():
    assert parse_bbox("20,40,45,56") == (20.0, 40.0, 45.0, 56.0) and parse_bbox("") is None
    for wrong in ("1,2,3", "45,40,20,56", "a,b,c,d"):
        with pytest.raises(ValueError):
            parse_bbox(wrong)


def test_the_query_round_trips_through_its_url():
    query, problems = read_query({"type": "ASSAULT", "country": "xxa", "sort": "killed", "order": "asc",
                                  "page": "3", "per_page": "50", "q": "depot"}, KINDS["incidents"])
    assert not problems and query.country == "XXA"
    again, _ = read_query(query.params(), KINDS["incidents"])
    assert again == query
    assert read_query({"sort": "nonsense", "per_page": "7"}, KINDS["claims"])[0] == BrowseQuery(sort="date")


def test_events_and_claims_have_list_pages(client):
    for path in ("/events", "/claims"):
        page = client.get(path, params={"q": "anything", "sort": "date"})
        assert page.status_code == 200 and "nothing matches" in page.text and 'id="filters"' in page.text


def test_the_home_page_takes_the_filters(client):
    html = client.get("/", params={"type": "CONSULT"}).text
    assert "1 of" in html and 'name="type" value="CONSULT"' in html
    assert 'href="/incidents?type=CONSULT"' in html
    assert "/plots/timeline.png?actor=" in html


def test_the_incident_page_names_each_source_with_its_article():
    env = add_package_templates("peacewatch.web")
    figures = [{"article_id": "a1", "root": "a1", "outlet": "North Wire", "url": "https://north.example/1",
                "published": "2024-06-02", "killed_min": 20, "killed_max": 20, "copy": False,
                "evidence": "Twenty people were killed."},
               {"article_id": "a2", "root": "a1", "outlet": "South Daily", "url": "https://south.example/9",
                "published": "2024-06-03", "killed_min": 21, "killed_max": 21, "copy": True,
                "evidence": "Twenty-one people were killed."}]
    incident = {"id": 4, "type": "ASSAULT", "figures": figures, "evidence": [], "sources": 1, "reports": 2,
                "killed_best": 21.0, "killed_median": 20.5, "killed_min": 20, "killed_max": 21, "lat": None,
                "place_precision": "country", "place_name": "Xanadia"}
    heads = {"a1": {"title": "Depot struck", "source": "North Wire"}, "a2": {"title": "Depot struck again"}}
    html = env.get_template("incident.html").render(incident=incident, words=[], heads=heads, copies=1)
    assert "Depot struck</a>" in html and 'href="https://north.example/1"' in html and "2024-06-03" in html
    assert "copy of <a" in html and "North Wire" in html.split("copy of")[1]
    assert ">21<" not in html.replace(" ", "") or "21.0" not in html
    assert "median of the sources 20 to 21" in html and "None" not in html and "20.5" not in html
    assert "not drawn on the map" in html


def test_the_article_page_shows_its_agreements_sentences_as_text():
    env = add_package_templates("peacewatch.web")
    article = {"id": "a1", "title": "Talks end", "source": "North Wire", "published": "2024-06-02",
               "url": "https://north.example/1", "copy_of": None, "words": 300}
    report = {"events": [], "claims": [], "agreements": [
        {"kind": "ceasefire", "status": "not_assessed", "parties": ["XXA", "XXB"], "evidence": ["Both sides agreed."]}]}
    html = env.get_template("article.html").render(article=article, report=report, original=None)
    assert "<div class=\"evidence\">Both sides agreed.</div>" in html and "['" not in html
    assert 'href="/agreements?country=XXA"' in html and "not assessed" in html and 'id="original"' in html


def test_closed_reads_close_the_lists_the_map_and_the_exports(client):
    from peacewatch.api import key_digest

    closed = TestClient(create_app(Settings(key_hashes=[key_digest("k-93")], read_open=False),
                                   store=client.app.state.store))
    for path in ("/incidents", "/events", "/claims", "/map", "/export/incidents.csv", "/articles/x"):
        assert closed.get(path).status_code == 401, path
    assert closed.get("/incidents", headers={"X-API-Key": "k-93"}).status_code == 200


def test_every_sort_a_list_offers_is_one_the_store_knows():
    from peacewatch.store.listing import LISTINGS

    assert all(set(kind.sorts) <= set(LISTINGS[name].sorts) for name, kind in KINDS.items())


def test_a_meeting_on_the_map_is_labelled_without_a_toll():
    """A toll is told of force: a meeting's circle says none; an attack with none read says so."""
    unknown = {"killed_min": None, "killed_max": None, "killed_median": None}
    talks = _incident(3, type="CONSULT") | {"id": 3} | unknown
    strike = _incident(4) | {"id": 4} | unknown
    labels = {m["type"]: m["label"] for m in world_map([talks, strike]).marks}
    assert "killed" not in labels["CONSULT"] and "unknown number killed" in labels["ASSAULT"]
