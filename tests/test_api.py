"""The service through the ASGI client: reads, filters and pages, the one error shape, API keys
for writes (stored hashed), closed reads, body limits, escaping, and the OpenAPI description."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, key_digest
from synthetic import START, make_store, strike

KEY = "test-key-7b1f"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("api"), effect=True)
    hostile = "<script>window.__pwned = 1</script> shells struck the square"
    store.import_incidents([strike(START + timedelta(days=3), 4, 999, evidence=hostile)])
    return store


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(Settings(key_hashes=[key_digest(KEY)], max_body=50_000), store=store))


def _assert_error(response, status, code):
    assert response.status_code == status, response.text
    assert response.json() == {"error": {"status": status, "code": code, "message": response.json()["error"]
                                         ["message"]}}


def test_incidents_page_and_filter(client):
    first = client.get("/api/incidents", params={"type": "ASSAULT", "limit": 5}).json()
    assert first["limit"] == 5 and len(first["items"]) == 5 and first["total"] > 5
    second = client.get("/api/incidents", params={"type": "ASSAULT", "limit": 5, "offset": 5}).json()
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})
    march = client.get("/api/incidents", params={"date_from": "2025-03-01", "date_to": "2025-03-31"}).json()
    assert march["items"] and all("2025-03" in i["date_value"] for i in march["items"])
    assert client.get("/api/incidents", params={"country": "FRA"}).json()["total"] == 0
    one = client.get(f"/api/incidents/{first['items'][0]['id']}").json()
    assert one["id"] == first["items"][0]["id"] and "figures" in one


def test_agreements_and_analysis(client):
    assert client.get("/api/agreements").json() == {"total": 0, "items": []}
    analysis = client.get("/api/analysis/initiatives", params={"party": "RUS", "mediator": "USA"}).json()
    assert analysis["testable"] and analysis["effects"]["killed"]["p_value"] < 0.05
    assert analysis["verdicts"]["killed"] == "rise" and "conclusive" not in analysis
    assert len(analysis["initiatives"]) == 8


def test_errors_have_one_shape(client):
    _assert_error(client.get("/api/incidents/999999"), 404, "not_found")
    _assert_error(client.get("/api/analysis/initiatives", params={"date_from": "0001-01-01", "date_to": "9999-12-31"}),
                  422, "invalid")
    _assert_error(client.get("/api/nothing-here"), 404, "not_found")
    _assert_error(client.get("/api/events", params={"limit": 0}), 422, "invalid")
    _assert_error(client.get("/api/events", params={"date_from": "last week"}), 422, "invalid")
    _assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_writes_need_a_valid_key(client):
    article = {"text": "Russian drones struck Kherson on Monday, killing two people, the governor said.",
               "published": "2025-05-06"}
    _assert_error(client.post("/api/articles", json=article), 401, "unauthorized")
    _assert_error(client.post("/api/articles", json=article, headers={"X-API-Key": "wrong"}), 401, "unauthorized")
    created = client.post("/api/articles", json=article, headers={"X-API-Key": KEY})
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["new"] and body["events"] >= 1
    again = client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {KEY}"}).json()
    assert again["id"] == body["id"] and not again["new"]
    stored = client.get(f"/api/articles/{body['id']}").json()
    assert stored["report"]["events"][0]["location"]["name"] == "Kherson"
    _assert_error(client.post("/api/articles", json={"published": "2025-05-06"}, headers={"X-API-Key": KEY}),
                  422, "invalid")
    _assert_error(client.post("/api/articles", json={"text": "\u0000\u0001\u0002"}, headers={"X-API-Key": KEY}),
                  422, "unreadable_article")


def test_oversized_body_is_refused(client):
    huge = {"text": "word " * 20_000}
    _assert_error(client.post("/api/articles", json=huge, headers={"X-API-Key": KEY}), 413, "too_large")


def test_closed_reads_need_a_key(store):
    closed = TestClient(create_app(Settings(key_hashes=[key_digest(KEY)], read_open=False), store=store))
    _assert_error(closed.get("/api/events"), 401, "unauthorized")
    _assert_error(closed.get("/"), 401, "unauthorized")
    assert closed.get("/api/events", headers={"X-API-Key": KEY}).status_code == 200


def test_no_key_configured_means_no_writes(store):
    open_only = TestClient(create_app(Settings(key_hashes=[]), store=store))
    _assert_error(open_only.post("/api/articles", json={"text": "x"}, headers={"X-API-Key": "anything"}), 403,
                  "forbidden")


def test_dashboard_pages_escape_article_text_and_send_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text and "/incidents/" in page.text
    assert "script-src 'none'" in page.headers["content-security-policy"]
    incidents = client.get("/api/incidents", params={"place": "Town 999"}).json()["items"]
    detail = client.get(f"/incidents/{incidents[0]['id']}")
    assert "<script>" not in detail.text and "&lt;script&gt;" in detail.text
    assert "<mark>struck</mark>" in detail.text
    for path in ("/analysis", "/agreements", "/docs", "/static/style.css", "/plots/timeline.png"):
        assert client.get(path).status_code == 200, path
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/incidents",
                 "/api/incidents/{incident_id}", "/api/claims", "/api/agreements", "/api/analysis/initiatives"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
