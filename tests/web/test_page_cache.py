"""The service's kept answers (peacewatch.web.cache): served again while the store is unchanged,
worked out anew when any process writes to it."""

import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

import peacewatch.analysis.initiatives as initiatives_module
from peacewatch.api import Settings, create_app
from peacewatch.web.cache import StoreCache, store_version
from synthetic import make_store

# Another process adds two talks and a deadly strike after each (rows shaped as tests/synthetic.py makes them).
WRITER = """
import sys
from datetime import date, timedelta
sys.path.insert(0, sys.argv[2])
from synthetic import START, strike, talks
from peacewatch.store import Store
rows = []
for n, day in enumerate((130, 140)):
    rows.append(talks(START + timedelta(days=day), 900 + n))
    rows.append(strike(START + timedelta(days=day + 1), 30, 900 + n))
Store(sys.argv[1]).import_incidents(rows)
"""


@pytest.fixture()
def counted(monkeypatch):
    """How many times the initiative analysis runs."""
    calls = []
    real = initiatives_module.analyze_initiatives

    def counting(*args, **kwargs):
        calls.append(kwargs.get("party"))
        return real(*args, **kwargs)

    monkeypatch.setattr(initiatives_module, "analyze_initiatives", counting)
    monkeypatch.setattr("peacewatch.api.analyze_initiatives", counting)
    return calls


def _write_from_another_process(store, tests_folder):
    subprocess.run([sys.executable, "-c", WRITER, store.url, str(tests_folder)], check=True, timeout=120)


def test_pages_and_the_analysis_are_kept_until_another_process_writes(tmp_path, counted, request):
    store = make_store(tmp_path, effect=False, days=120)
    client = TestClient(create_app(Settings(key_hashes=[]), store=store))
    first = client.get("/api/analysis/initiatives").json()
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert page.headers["x-frame-options"] == "DENY"  # the security headers on a kept page too
    assert len(counted) == 1  # the overview shows the analysis the API kept
    assert client.get("/api/analysis/initiatives").json() == first
    assert client.get("/").text == page.text
    assert len(counted) == 1  # nothing worked out again

    _write_from_another_process(store, request.path.parent.parent)
    after = client.get("/api/analysis/initiatives").json()
    assert len(after["initiatives"]) == len(first["initiatives"]) + 2
    assert client.get("/").text != page.text
    assert len(counted) == 2


def test_the_query_string_is_part_of_a_pages_key(tmp_path, counted):
    """The overview reads its filters from the query string: each filter has its own page, and
    all of them share one analysis."""
    client = TestClient(create_app(Settings(key_hashes=[]), store=make_store(tmp_path, effect=True)))
    everything = client.get("/").text
    consults = client.get("/", params={"type": "CONSULT"}).text
    assert consults != everything
    assert client.get("/").text == everything
    assert client.get("/", params={"type": "CONSULT"}).text == consults
    assert len(counted) == 1


def test_parameters_are_part_of_the_key(tmp_path, counted):
    client = TestClient(create_app(Settings(key_hashes=[]), store=make_store(tmp_path, effect=True)))
    one = client.get("/api/analysis/initiatives", params={"window": 2}).json()
    two = client.get("/api/analysis/initiatives", params={"window": 4}).json()
    assert (one["window"], two["window"]) == (2, 4)
    assert client.get("/api/analysis/initiatives", params={"window": 2}).json() == one
    assert len(counted) == 2


def test_closed_reads_stay_closed_for_kept_pages(tmp_path):
    store = make_store(tmp_path, effect=True)
    app = create_app(Settings(key_hashes=[], read_open=True), store=store)
    client = TestClient(app)
    assert client.get("/").status_code == 200  # now kept
    app.state.settings.read_open = False
    assert client.get("/").status_code == 401


def test_no_keeping_when_the_setting_is_zero(tmp_path, counted):
    client = TestClient(create_app(Settings(key_hashes=[], cache_seconds=0), store=make_store(tmp_path, effect=True)))
    client.get("/api/analysis/initiatives")
    client.get("/api/analysis/initiatives")
    assert len(counted) == 2


def test_the_version_follows_additions_and_deletions(tmp_path, request):
    store = make_store(tmp_path, effect=True)
    empty = store_version(store)
    _write_from_another_process(store, request.path.parent.parent)
    added = store_version(store)
    assert added != empty
    store.delete_all()
    assert store_version(store) not in (empty, added)


def test_an_answer_made_inside_another_on_the_same_stripe_does_not_wait_on_itself(tmp_path):
    # The overview page asks for the kept analysis while it is made; keys share a lock by their
    # hash, and string hashes change per process, so in some processes the two fell on one lock.
    import threading

    from peacewatch.web.cache import STRIPES

    cache = StoreCache(make_store(tmp_path, effect=True), max_age=60)
    outer, inner = 1, 1 + STRIPES  # ints hash to themselves: one stripe
    got = []

    def page():
        return "page", cache.get(inner, lambda: 7)

    worker = threading.Thread(target=lambda: got.append(cache.get(outer, page)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert got == [("page", 7)]
    assert cache.get(inner, lambda: 8) == 7  # the inner answer was kept too


def test_kept_answers_expire_and_are_bounded(tmp_path, monkeypatch):
    store = make_store(tmp_path, effect=True)
    cache = StoreCache(store, max_age=60, max_entries=2)
    made = []

    def make(value):
        made.append(value)
        return value

    for key in ("a", "b", "a", "c", "a", "b"):
        assert cache.get(key, lambda key=key: make(key)) == key
    assert made == ["a", "b", "c", "b"]  # 'b' was the least recently used when 'c' came
    clock = [1000.0]
    monkeypatch.setattr("peacewatch.web.cache.time.monotonic", lambda: clock[0])
    cache.get("d", lambda: make("d"))
    clock[0] += 30
    cache.get("d", lambda: make("d"))
    clock[0] += 31
    cache.get("d", lambda: make("d"))
    assert made[4:] == ["d", "d"]  # kept at 30 s, made again after 61


def test_kept_pages_are_sent_gzipped_to_clients_that_accept_it(tmp_path):
    client = TestClient(create_app(Settings(key_hashes=[]), store=make_store(tmp_path, effect=True)))
    zipped = client.get("/", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    assert zipped.text == plain.text and "<html" in plain.text.lower()
    assert zipped.headers["vary"] == plain.headers["vary"] == "Accept-Encoding"
