"""The timeline page and the search page's chart in a real Chromium, served by waitress.

Compares two queries on /timeline (the lines, the legend, a point's link), and tabs through
the search page to check that the month chart is one tab stop. Screenshots in tests/artifacts/.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from waitress import create_server, wasyncore

from conftest import ARTICLES
from indexer.index.build import build_index
from searchsvc import create_app
from test_browser import browser_page, screenshot  # noqa: F401  (a fixture, used by name)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The app over conftest's ten dated articles, served by waitress on a free loopback port."""
    directory = tmp_path_factory.mktemp("browser-timeline-index")
    build_index(ARTICLES, directory, jobs=1)
    server = create_server(create_app({"INDEX_DIR": str(directory)}), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()


def test_person_compares_two_queries_over_time_and_opens_a_month(browser_page: Page, base_url: str):  # noqa: F811
    page = browser_page
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "/timeline?lang=en")

    page.get_by_label("Query 1").fill("hội thảo")
    page.get_by_label("Query 2").fill("hành chính")
    page.get_by_label("Per").select_option("month")
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()

    expect(page.locator("svg.linechart polyline")).to_have_count(2)
    expect(page.locator(".legend li")).to_have_text([re.compile(r"hội thảo \(2 results\)"), re.compile(r"hành chính \(3 results\)")])
    colours = page.locator("svg.linechart g.series").evaluate_all("gs => gs.map(g => getComputedStyle(g).color)")
    assert len(set(colours)) == 2
    screenshot(page, "timeline-two-queries-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "timeline-two-queries-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    link = page.locator(".timeline-table td a").first
    count = int(link.inner_text())
    with page.expect_navigation():
        link.click()

    expect(page.locator(".hit")).to_have_count(count)
    assert "date_from=" in page.url and "q=" in page.url
    page.go_back()
    with page.expect_navigation():
        page.get_by_role("link", name="Share", exact=True).click()
    expect(page.locator("svg.linechart text.y-tick").last).to_contain_text("%")
    screenshot(page, "timeline-ratio")
    assert problems == []  # a CSP violation (inline script or style) would be reported here


def tab_stops_until(page: Page, selector: str, most: int = 80) -> list[str]:
    """Where each Tab press lands (the closest section's class and the element), up to `selector`."""
    stops = []
    for _ in range(most):
        page.keyboard.press("Tab")
        here = page.evaluate("""() => { const e = document.activeElement;
            const box = e.closest('.histogram-box'); return (box ? 'chart:' : '') + e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40); }""")
        stops.append(here)
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return stops
    raise AssertionError(f"{selector} not reached in {most} tabs: {stops}")


def test_the_month_chart_is_one_tab_stop_and_opens_as_a_list_of_links(browser_page: Page, base_url: str):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "/?lang=en")
    bars = page.locator("svg.histogram a").count()

    stops = tab_stops_until(page, ".hit-title a")

    in_chart = [stop for stop in stops if stop.startswith("chart:")]
    assert bars >= 5 and in_chart == [in_chart[0]] and "months with articles" in in_chart[0]
    page.locator(".histogram-list summary").focus()
    page.keyboard.press("Enter")
    links = page.locator(".histogram-list a")
    expect(links).to_have_count(bars)
    heights = links.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 24
    screenshot(page, "search-chart-list-phone")
    label = links.first.inner_text()
    with page.expect_navigation():
        links.first.click()
    assert "date_from=" in page.url
    month = page.url.split("date_from=")[1][:7]
    expect(page.locator(".hit")).to_have_count(int(label.split(": ")[1].split()[0]))
    dates = page.locator(".hit-meta time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates and all(d.startswith(month) for d in dates)
