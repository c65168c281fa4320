"""The search page in a real Chromium, served by waitress: search, filter by organizer, read an article.

Debian's /usr/bin/chromium is driven by Playwright's Python package (its own browser
download is not used). Screenshots land in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from waitress import create_server, wasyncore

from indexer.ingest.articles import Article
from indexer.index.build import build_index
from indexer.ingest.reading import read_articles
from searchsvc import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 10_000


def chromium_path() -> Path | None:
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The app over the five seed articles, served by waitress on a free loopback port."""
    articles = list(read_articles([ROOT / "corpus"]))
    assert all(isinstance(a, Article) for a in articles), [str(a) for a in articles if not isinstance(a, Article)]
    directory = tmp_path_factory.mktemp("browser-index")
    build_index(articles, directory, jobs=1)
    app = create_app({"INDEX_DIR": str(directory)})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    # Closed from the server's own thread: closing its sockets from here raced its select()
    # on a browser's open connection (EBADF in the thread, seen once in CI).
    server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
    thread.join(timeout=5)
    assert not thread.is_alive(), "the server's thread did not stop"
    server.task_dispatcher.shutdown()


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory) -> Iterator[Page]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium: /usr/bin/chromium is missing (run .ci/install-browser)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(executable), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, locale="vi-VN",
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        yield page
        context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_person_searches_filters_by_organizer_and_opens_an_article(browser_page: Page, base_url: str):
    page = browser_page
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(base_url + "/")
    page.get_by_label("Từ khóa tìm kiếm").fill("hội thảo")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "q=h%E1%BB%99i+th%E1%BA%A3o" in page.url
    expect(page.locator("input#q")).to_have_value("hội thảo")
    expect(page.locator(".count")).to_contain_text("kết quả")
    total = page.locator(".hit").count()
    assert total >= 3
    links = page.locator("#facet-organizer ~ ul a.facet-link")
    counts = [int(text) for text in links.locator(".facet-count").all_inner_texts()]
    chosen = next(i for i, count in enumerate(counts) if count < total)
    organizer = links.nth(chosen).locator(".facet-name").inner_text()
    with page.expect_navigation():
        links.nth(chosen).click()

    expect(page.locator(".active-filters a.chip")).to_contain_text(organizer)
    expect(page.locator(".hit")).to_have_count(counts[chosen])
    expect(page.locator("input#q")).to_have_value("hội thảo")
    assert "organizer=" in page.url
    screenshot(page, "search-filtered-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "search-filtered-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    title = page.locator(".hit-title a").first.inner_text()
    page.locator(".hit-title a").first.click()

    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".doc-meta")).to_contain_text(organizer)
    assert "/doc/" in page.url
    screenshot(page, "document")

    page.go_back()
    page.locator(".active-filters a.chip").first.click()
    expect(page.locator(".hit")).to_have_count(total)
    assert problems == []  # a CSP violation (inline script or style) would be reported here


def test_keyboard_reaches_the_results_through_a_visible_skip_link(browser_page: Page, base_url: str):
    page = browser_page
    page.goto(base_url + "/?q=h%E1%BB%99i+th%E1%BA%A3o&lang=en")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")

    expect(skip).to_have_text("Skip to results")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#results') !== null")


def test_histogram_bar_click_filters_to_that_month(browser_page: Page, base_url: str):
    page = browser_page
    page.goto(base_url + "/?lang=vi")
    label = page.locator("svg.histogram a title").first.text_content() or ""
    bar = page.locator("svg.histogram a").first  # for the mouse: out of the tab order, the list below has them

    with page.expect_navigation():
        bar.click()

    chosen = page.locator('svg.histogram a[aria-current="true"] title')
    expect(chosen).to_have_text(label.replace("bài", "bài (đang lọc; chọn để bỏ)"))
    assert "date_from=" in page.url and "date_to=" in page.url
    month = page.url.split("date_from=")[1][:7]
    dates = page.locator(".hit-meta time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates and all(d.startswith(month) for d in dates)
