"""report.html in a real headless Chromium (Debian's, driven by Playwright with no browser download):
the plots are drawn, no request leaves the machine, and script in article text runs nothing."""

import os
import shutil
from datetime import timedelta

import pytest

from peacewatch.present.report import write_report
from synthetic import START, make_store, strike

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a closed network: without the background ones Chromium keeps trying to reach its services.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions"]


@pytest.fixture(scope="module")
def chromium():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run must install Debian's chromium")
        pytest.skip("chromium is not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


def test_report_renders_offline_with_its_plots(chromium, tmp_path):
    store = make_store(tmp_path, effect=True)
    hostile = "<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'> struck"
    store.import_incidents([strike(START + timedelta(days=3), 4, 999, evidence=hostile)])
    report = tmp_path / "report.html"
    write_report(store, report)
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri(), wait_until="load")
    images = page.evaluate("Array.from(document.images).map(i => [i.id, i.complete, i.naturalWidth])")
    assert ("timeline", True) == tuple(images[0][:2]) and images[0][2] > 500
    assert all(width > 0 for _, _, width in images)
    assert page.evaluate("window.__pwned === undefined")
    assert "struck" in page.inner_text("body") and "<script>" in page.inner_text("body")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 20_000
    page.close()
    outside = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert outside == [], f"requests left the machine: {outside}"
    assert requests and requests[0] == report.as_uri()
