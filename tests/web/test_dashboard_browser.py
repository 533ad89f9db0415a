"""The dashboard end to end: `peacewatch serve` on the demo data in a real process on loopback,
driven in headless Chromium (Debian's, through Playwright): open the overview, click from the map
to an incident, see its sources' evidence; no request leaves 127.0.0.1, and an article with a
<script> in it runs nothing."""

import os
import shutil
import socket
import subprocess
import sys
import time
from urllib.parse import urlparse

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions"]
KEY = "e2e-key-51c3"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run must install Debian's chromium")
        pytest.skip("chromium is not installed")
    folder = tmp_path_factory.mktemp("dash")
    db = f"sqlite:///{folder / 'demo.db'}"
    demo = subprocess.run([sys.executable, "-m", "peacewatch", "demo", "--db", db, "--out", str(folder / "r.html")],
                          capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stderr[-2000:]
    port = _free_port()
    env = dict(os.environ, PEACEWATCH_API_KEY=KEY)
    process = subprocess.Popen([sys.executable, "-m", "peacewatch", "serve", "--db", db, "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/articles?limit=1", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("the server did not start: " + process.stderr.read().decode()[-2000:])
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield _Browser(launched)
        launched.close()


class _Browser:
    """The launched browser, whose pages wait up to NAVIGATION_MS for a page to load: these tests
    check what the pages do, not how fast, and on a CI machine whose two cores other work shares,
    Playwright's 30 s default was seen to run out."""

    NAVIGATION_MS = 120_000

    def __init__(self, launched):
        self._launched = launched

    def new_page(self, **options):
        page = self._launched.new_page(**options)
        page.set_default_navigation_timeout(self.NAVIGATION_MS)
        page.set_default_timeout(self.NAVIGATION_MS)
        return page


def test_click_from_the_map_to_an_incident_and_see_its_evidence(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    hosts = []
    page.on("request", lambda request: hosts.append(urlparse(request.url).hostname))
    page.goto(server + "/?type=ASSAULT", wait_until="load")
    assert page.locator("#timeline").evaluate("img => img.naturalWidth") > 500
    assert page.locator("#map a.incident").count() >= 5
    circles = page.locator("#map a.incident:not(.group)")
    assert circles.count() >= 3
    page.screenshot(path=str(tmp_path / "overview.png"))
    circles.last.click()  # drawn last, so on top of the bigger circles around it
    page.wait_for_url("**/incidents/*")
    assert page.locator("#sources tr").count() >= 2
    evidence = page.locator("#sources .evidence").first.inner_text()
    assert evidence and page.locator("#sources mark").count() >= 1
    page.screenshot(path=str(tmp_path / "incident.png"), full_page=True)
    assert (tmp_path / "incident.png").stat().st_size > 10_000
    page.close()
    assert set(hosts) == {"127.0.0.1"}, f"requests left 127.0.0.1: {set(hosts)}"


def test_an_article_with_a_script_runs_nothing(server, browser):
    text = ("Russian drones struck Kherson on Monday <script>window.__pwned = 1</script>"
            "<img src=x onerror=\"window.__pwned = 2\">, killing two people, the governor said.")
    created = httpx.post(f"{server}/api/articles", json={"text": text, "published": "2025-05-06"},
                         headers={"X-API-Key": KEY}, timeout=60)
    assert created.status_code == 201, created.text
    incidents = httpx.get(f"{server}/api/incidents", params={"place": "Kherson"}).json()["items"]
    assert incidents
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text))
    page.goto(f"{server}/incidents/{incidents[0]['id']}", wait_until="load")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>" in page.inner_text("body")  # shown as text
    page.close()


def test_unauthenticated_write_is_refused(server):
    response = httpx.post(f"{server}/api/articles", json={"text": "Shells hit the town."}, timeout=30)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def _screen_hit(page, lon: float, lat: float) -> str:
    """What the map draws on top at a longitude and latitude (the element's class)."""
    return page.evaluate("""([lon, lat]) => {
        const svg = document.querySelector('#map');
        const point = svg.createSVGPoint();
        point.x = (lon + 180) / 360 * 960; point.y = (90 - lat) / 180 * 480;
        const onScreen = point.matrixTransform(svg.getScreenCTM());
        const hit = document.elementFromPoint(onScreen.x, onScreen.y);
        return hit.tagName + '.' + (hit.getAttribute('class') || hit.parentNode.getAttribute('class') || '');
    }""", [lon, lat])


def test_the_map_shows_sea_and_land_a_legend_and_no_circle_at_a_centroid(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    page.goto(server + "/map?bbox=-180,-85,180,85", wait_until="load")
    for lon, lat in ((-30, 0), (-150, 0), (80, -20), (0, 68), (160, 45)):  # oceans, and seas near the poles
        assert _screen_hit(page, lon, lat) == "rect.sea", (lon, lat)
    for lon, lat in ((20, 0), (100, 60), (-100, 40)):  # Africa, Siberia, North America
        assert _screen_hit(page, lon, lat) == "path.land", (lon, lat)
    legend = page.locator("#legend")
    assert legend.is_visible() and "killed" in legend.text_content() and "assault" in legend.text_content()
    ids = " ".join(page.locator("#map a.incident").evaluate_all(
        "links => links.map(a => a.getAttribute('data-ids'))")).split()
    assert len(ids) >= 5
    for incident_id in ids:
        incident = httpx.get(f"{server}/api/incidents/{incident_id}").json()
        assert incident["place_precision"] == "city", incident  # a region or country has no circle
    unplaced = page.locator("#unplaced li a")
    if unplaced.count():
        listed = unplaced.first.get_attribute("href").split("/")[-1]
        assert listed not in ids
    group = page.locator("#map a.incident.group")
    if group.count():  # several incidents at one town: one circle, leading to their list
        href = group.first.get_attribute("href")  # followed by address: a smaller circle may lie on top of it
        assert href.startswith("/incidents?") and "place=" in href
        page.goto(server + href, wait_until="load")
        assert page.locator("#list a.incident").count() >= 2
    page.close()


def test_zoom_and_time_filter_on_the_map(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1200})
    page.goto(server + "/map", wait_until="load")
    whole = page.locator("#map a.incident").count()
    page.fill("input[name=bbox]", "-180,-85,180,85")
    page.click("#apply")
    page.wait_for_url("**/map?*bbox=*")
    page.click("#zoom-in")
    page.wait_for_load_state("load")
    width = float(page.locator("#map").get_attribute("viewBox").split()[2])
    assert width <= 480
    page.goto(server + "/map", wait_until="load")
    first_day = httpx.get(f"{server}/api/incidents", params={"limit": 1}).json()["items"][0]["date_start"]
    page.fill("input[name=date_from]", first_day)
    page.fill("input[name=date_to]", first_day)
    page.click("#apply")
    page.wait_for_url(f"**/map?*date_from={first_day}*")
    assert page.locator("#map a.incident").count() < whole
    page.close()


def test_browse_filter_follow_links_and_export(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    hosts = []
    page.on("request", lambda request: hosts.append(urlparse(request.url).hostname))
    for path in ("/", "/incidents", "/events", "/claims", "/map", "/agreements", "/analysis"):
        response = page.goto(server + path, wait_until="load")
        assert response.status == 200 and page.locator("main h2").count() >= 1, path
    page.goto(server + "/incidents", wait_until="load")
    page.fill("input[name=type]", "ASSAULT")
    page.select_option("select[name=sort]", "killed")
    page.click("#apply")
    page.wait_for_url("**/incidents?*type=ASSAULT*")
    rows = page.locator("#list tr")
    assert rows.count() >= 3
    types = page.locator("#list tr td:nth-child(2)").all_inner_texts()
    assert types and all(t.startswith("assault") for t in types)
    with page.expect_download() as download:
        page.click("#exports a:has-text('CSV')")
    exported = (tmp_path / "incidents.csv")
    download.value.save_as(exported)
    lines = exported.read_text(encoding="utf-8").splitlines()
    total = int(page.locator("#pager").first.inner_text().split(" of ")[1].split()[0])
    assert lines[0].startswith("id,") and len(list(__import__("csv").reader(lines))) - 1 == total
    page.locator("#list a.incident").first.click()
    page.wait_for_url("**/incidents/*")
    assert page.locator("#sources tr.source").count() >= 1
    assert page.locator("#sources a.article").count() >= 1 and page.locator("#sources td.copy").count() >= 1
    copies = page.locator("#sources td.copy").all_inner_texts()
    independent = int(page.locator("#source-count").inner_text().split()[0])
    assert sum(1 for c in copies if c.startswith("independent")) >= min(independent, 1)
    page.locator("#sources a.article").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#headline").inner_text().strip()
    page.goto(server + "/claims", wait_until="load")
    assert page.locator("#list tr").count() >= 2
    page.goto(server + "/events?type=ASSAULT&status=occurred", wait_until="load")
    assert page.locator("#list a.incident").count() >= 1  # an event links to the incident it was fused into
    page.locator("#list a.incident").first.click()
    page.wait_for_url("**/incidents/*")
    assert page.locator("#sources tr.source").count() >= 1
    page.close()
    assert set(hosts) == {"127.0.0.1"}, f"requests left 127.0.0.1: {set(hosts)}"
