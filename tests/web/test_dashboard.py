"""The dashboard in headless Debian Chromium (Playwright): load, click a marker, read the
evidence panel, filter by type, brush the timeline, open an actor; screenshots saved.

Skips, saying why, where /usr/bin/chromium or the npm assets (make setup) are missing.
Screenshots go to a temporary folder, or to $SITREP_SCREENSHOTS (`make screenshots`
sets it to docs/screenshots, the pictures the docs show).
"""
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from sitrep.web.app import STATIC
from tests.conftest import SEED

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not (STATIC / "vendor" / "leaflet.js").exists(), reason="dashboard assets missing: make setup"),
]


@pytest.fixture(scope="module")
def server(web_db):
    import uvicorn

    from sitrep.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SITREP_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(server)
        page.wait_for_selector("body[data-loaded]", timeout=20000)
        page.errors = errors
        yield page
        browser.close()


def _reload_done(page, before: str) -> None:
    try:
        page.wait_for_function(f"document.body.dataset.loaded !== '{before}'", timeout=10000)
    except Exception:
        raise AssertionError(f"the dashboard did not reload; page errors: {page.errors}")


def _click_a_marker(page) -> None:
    """Click a single event marker, opening clusters until one is shown."""
    for _ in range(8):
        markers = page.locator("path.event-marker")
        if markers.count():
            markers.first.click(force=True)
            return
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(700)
    raise AssertionError("no event marker became visible")


def test_map_shows_the_events_without_errors(page, shots):
    assert page.locator(".leaflet-overlay-pane path.country").count() > 100     # the Natural Earth basemap
    shown = page.locator("path.event-marker").count() + page.locator(".marker-cluster").count()
    assert shown > 0
    assert page.locator("#timeline rect.bar").count() > 0
    page.screenshot(path=str(shots / "map.png"))
    page.locator("footer").screenshot(path=str(shots / "timeline.png"))
    assert not page.errors


def test_clicking_a_marker_opens_its_evidence(page):
    _click_a_marker(page)
    page.wait_for_selector("#event-panel:not([hidden]) #evidence mark.trigger")
    panel = page.locator("#event-panel")
    trigger = panel.locator("mark.trigger").first.inner_text()
    assert trigger and trigger in panel.locator("#evidence").inner_text()
    assert panel.locator("dl").inner_text().count("Date") == 1


def test_the_seed_report_is_where_it_belongs(page, shots):
    if not SEED.exists():
        pytest.skip("seed report not found (../shared is absent)")
    page.locator("#event-list li", has_text="Tadmur").first.click()
    # the panel may still show the marker's event: wait for this one
    page.wait_for_function("document.querySelector('#event-panel h2 + .sentence mark.place')"
                           " && document.querySelector('#event-panel dl').innerText.includes('Tadmur')")
    panel = page.locator("#event-panel")
    assert "Tadmur" in panel.inner_text() and "SYR" in panel.inner_text()
    assert panel.locator("mark.place").first.inner_text() == "Palmyra"
    assert panel.locator("blockquote").count() >= 1           # the report's quotes with their speakers
    page.screenshot(path=str(shots / "event-panel.png"))
    for place in ("Deir ez-Zor", "Ar Raqqah"):
        assert page.locator("#event-list li", has_text=place).count() >= 1


def test_filter_by_type(page):
    before = page.evaluate("document.body.dataset.loaded")
    page.select_option("#f-type", "Battles")
    _reload_done(page, before)
    items = page.locator("#event-list li")
    assert items.count() > 0
    total = page.locator("#count").inner_text()
    every = page.evaluate("fetch('/api/events?acled_type=Battles&limit=0').then(r => r.json()).then(d => d.total)")
    assert total.startswith(f"{every} event")
    assert "filter" not in page.url or "acled_type=Battles" in page.url


def test_brushing_the_timeline_sets_the_date_range(page):
    before = page.evaluate("document.body.dataset.loaded")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=5)
    page.mouse.up()
    _reload_done(page, before)
    since, until = page.input_value("#f-since"), page.input_value("#f-until")
    assert since and until and since <= until
    for text in page.locator("#event-list li").all_inner_texts():
        assert text[:10] <= until


def test_actor_view_draws_its_relations(page, shots):
    page.locator("#f-clear").click()
    page.wait_for_timeout(500)
    page.evaluate("window.sitrep.showActor('Houthis')")
    page.wait_for_selector("#actor-panel:not([hidden]) svg#actor-graph")
    graph = page.locator("#actor-graph")
    assert graph.locator("line").count() >= 1 and "Iran" in graph.text_content()
    page.locator("#actor-panel").screenshot(path=str(shots / "actor.png"))
    assert not page.errors
