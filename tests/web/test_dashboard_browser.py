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
        yield launched
        launched.close()


def test_click_from_the_map_to_an_incident_and_see_its_evidence(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    hosts = []
    page.on("request", lambda request: hosts.append(urlparse(request.url).hostname))
    page.goto(server + "/", wait_until="load")
    assert page.locator("#timeline").evaluate("img => img.naturalWidth") > 500
    circles = page.locator("#map a.incident")
    assert circles.count() >= 10
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
