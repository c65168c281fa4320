"""The research panels in a real Chromium: follow a key term, open a similar article, download RIS.

The server holds the first 300 articles of ../shared/data/vietnews-train.jsonl.gz (skipped
when it is absent): key terms need a real collection to stand out from. Chromium and the
screenshots (tests/artifacts/) are test_browser.py's.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect
from waitress import create_server, wasyncore

from conftest import index_of
from searchsvc import create_app
from test_browser import browser_page, screenshot  # noqa: F401  (the Chromium fixture)
from test_research import VIETNEWS, vietnews_articles

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def news_url(tmp_path_factory) -> Iterator[str]:
    """The app over 300 VietNews articles, served by waitress on a free loopback port."""
    if not VIETNEWS.exists():
        pytest.skip(f"{VIETNEWS} is absent (../shared/data)")
    directory = index_of(vietnews_articles(300), tmp_path_factory.mktemp("browser-news-index"))
    server = create_server(create_app({"INDEX_DIR": str(directory)}), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))  # from its own thread, as test_browser
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()


def test_person_follows_a_key_term_opens_a_similar_article_and_downloads_citations(browser_page: Page, news_url: str):
    page = browser_page
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(news_url + "/?q=tai+n%E1%BA%A1n+giao+th%C3%B4ng")
    terms = page.locator(".key-terms .term-list a")
    expect(page.locator("#key-terms-heading")).to_have_text("Từ khóa nổi bật")
    assert terms.count() >= 5
    screenshot(page, "key-terms-desktop")
    before = int(page.locator(".count").inner_text().split()[0].replace(".", ""))
    term = terms.first.inner_text()
    with page.expect_navigation():
        terms.first.click()

    assert parse_qs(urlsplit(page.url).query)["q"] == [f'tai nạn giao thông "{term}"']
    expect(page.locator("input#q")).to_have_value(f'tai nạn giao thông "{term}"')
    after = int(page.locator(".count").inner_text().split()[0].replace(".", ""))
    assert 0 < after <= before
    expect(page.locator(".hit").first).to_contain_text(term.split()[0])

    title = page.locator(".hit-title a").first.inner_text()
    page.locator(".hit-title a").first.click()
    expect(page.locator("h1")).to_have_text(title)
    similar = page.locator(".similar .similar-list a")
    expect(page.locator("#similar-heading")).to_have_text("Bài tương tự")
    assert similar.count() >= 3
    screenshot(page, "similar-articles")
    page.set_viewport_size({"width": 390, "height": 844})
    box = similar.first.bounding_box()
    assert box is not None and box["height"] >= 20
    screenshot(page, "similar-articles-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    other = similar.first.inner_text()
    with page.expect_navigation():
        similar.first.click()
    expect(page.locator("h1")).to_have_text(other)
    assert other != title

    page.go_back()
    page.go_back()
    with page.expect_download() as download:
        page.locator(".exports a[type='application/x-research-info-systems']").click()
    assert download.value.suggested_filename == "vnsearch.ris"
    text = download.value.path().read_bytes().decode("utf-8")
    assert text.startswith("TY  - NEWS\r\n") and text.count("ER  - ") == after
    assert problems == []
