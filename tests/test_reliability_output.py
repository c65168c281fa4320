"""Output encoding: markup, script URLs, entities and formulas in articles are shown as text on
the page, in snippets, facets, the document page, the Atom feed and the CSV; the
Content-Security-Policy forbids inline scripts on every answer.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from reliability_helpers import BREAKOUT, ENTITY, FORMULA, HOSTILE_ARTICLES, JS_URL, SCRIPT

from conftest import ARTICLES
from indexer.index.build import build_index
from searchsvc import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
_SCRIPT_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


class _Page(HTMLParser):
    """The tags, attributes and text of an HTML document, as a browser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    def injected(self) -> list[str]:
        """Everything in the markup that would run script or pull in content an article put there."""
        found = []
        for tag, attrs in self.tags:
            if tag == "script" and not attrs.get("src"):
                found.append("inline <script>")
            if tag in ("iframe", "object", "embed", "base") or (tag == "img" and attrs.get("src") == "x"):
                found.append(f"<{tag}> {attrs}")
            for name, value in attrs.items():
                if name.startswith("on"):
                    found.append(f"<{tag} {name}=...>")
                plain = re.sub(r"[\x00-\x20]", "", value or "")
                if name in _URL_ATTRIBUTES and _SCRIPT_SCHEMES.match(plain) and not plain.startswith("data:image/"):
                    found.append(f"<{tag} {name}={value!r}>")
        return found

    def shown(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile-index")
    build_index(ARTICLES + HOSTILE_ARTICLES, directory, jobs=1)
    return create_app({"INDEX_DIR": str(directory)}).test_client()


def _html(client, url: str, status: int = 200) -> _Page:
    answer = client.get(url)
    assert answer.status_code == status, url
    assert answer.mimetype == "text/html"
    return _Page(answer.get_data(as_text=True))


HOSTILE_FILTERS = ("/?q=an+ninh+m%E1%BA%A1ng&organizer=" + quote(f"Sở Thông tin {BREAKOUT}")
                   + "&source=" + quote(f"<b>nguon</b>{SCRIPT}") + "&event_type=" + quote(f"hội thảo {SCRIPT}"))


@pytest.mark.parametrize("url", ["/?q=an+ninh+m%E1%BA%A1ng", "/?q=an+ninh+m%E1%BA%A1ng&sort=newest", "/",
                                 "/?q=script+alert", "/?q=onerror", HOSTILE_FILTERS, "/?lang=en&q=an+ninh"])
def test_search_page_shows_hostile_titles_snippets_and_facets_as_text(client, url):
    page = _html(client, url)

    assert page.injected() == []
    if "an+ninh" in url and "organizer" not in url:
        shown = page.shown()
        assert f"Hội thảo an ninh mạng {SCRIPT}" in shown  # a title, as its characters
        assert f"<b>nguon</b>{SCRIPT}" in shown  # a source facet value and hit meta
        assert f"Ký kết hợp tác an ninh mạng {ENTITY}" in shown  # entities stay as typed, not decoded


def test_active_hostile_filters_are_shown_as_text_and_kept_in_links(client):
    page = _html(client, HOSTILE_FILTERS)

    assert page.injected() == []
    assert f"Sở Thông tin {BREAKOUT}" in page.shown()
    hidden = [a.get("value") for tag, a in page.tags if tag == "input" and a.get("type") == "hidden"]
    assert f"<b>nguon</b>{SCRIPT}" in hidden


def test_the_query_typed_is_echoed_as_the_input_value_only(client):
    typed = f'{BREAKOUT}{SCRIPT}" autofocus onfocus="alert(1)"'

    page = _html(client, "/?q=" + quote(typed))

    assert page.injected() == []
    assert [a["value"] for tag, a in page.tags if tag == "input" and a.get("name") == "q"] == [typed]


@pytest.mark.parametrize("article", HOSTILE_ARTICLES, ids=lambda a: a.id)
def test_document_page_shows_every_hostile_field_as_text(client, article):
    page = _html(client, "/doc/" + quote(article.id, safe=""))

    assert page.injected() == []
    shown = page.shown()
    for value in (article.title, article.author, article.source, article.event_type, article.url):
        if value:
            assert value in shown
    for paragraph in article.body.split("\n"):
        assert paragraph in shown


def test_a_script_url_never_becomes_a_link_on_the_document_page(client):
    page = _html(client, "/doc/doc-formula")

    links = [a.get("href", "") for tag, a in page.tags if tag == "a"]
    assert not [link for link in links if "javascript" in link.lower()]
    assert "JaVaScRiPt:alert(1)" in page.shown()


@pytest.mark.parametrize("url", ["/doc/" + quote(SCRIPT, safe=""), "/doc/" + quote(BREAKOUT, safe=""),
                                 "/?page=" + quote(SCRIPT), "/?date_from=" + quote(BREAKOUT),
                                 "/?q=" + quote("(" * 20 + "a OR " + SCRIPT)])  # too deeply nested
def test_error_pages_echo_the_request_as_text(client, url):
    answer = client.get(url)

    assert 400 <= answer.status_code < 500
    assert _Page(answer.get_data(as_text=True)).injected() == []


def test_snippets_mark_matches_and_escape_everything_else(client):
    hits = client.get("/api/v1/search", query_string={"q": "phòng chống mã độc"}).json["hits"]

    snippet = next(h["snippet"] for h in hits if h["id"] == "doc-script")
    assert "<mark>" in snippet
    assert _Page(snippet).injected() == [] and "<script" not in snippet and "<img" not in snippet
    assert SCRIPT in _Page(snippet).shown() and BREAKOUT in _Page(snippet).shown()


def test_json_answers_carry_the_data_unchanged_and_cannot_be_sniffed_as_html(client):
    answer = client.get("/api/v1/documents/doc-script")

    assert answer.mimetype == "application/json"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.json["title"] == f"Hội thảo an ninh mạng {SCRIPT}" and answer.json["url"] == JS_URL


def test_atom_feed_holds_hostile_text_as_text_and_links_only_to_the_web(client):
    answer = client.get("/feed.atom", query_string={"q": "an ninh mạng"})

    feed = ET.fromstring(answer.get_data())
    entries = feed.findall(f"{ATOM}entry")
    titles = {e.findtext(f"{ATOM}title") for e in entries}
    assert f"Hội thảo an ninh mạng {SCRIPT}" in titles and f"{FORMULA} Hội nghị tổng kết an ninh mạng" in titles
    assert f"Ký kết hợp tác an ninh mạng {ENTITY}" in titles
    links = [link.get("href", "") for e in entries for link in e.findall(f"{ATOM}link")]
    # a web address, or this service's own page relative to the feed (no javascript: or data:)
    assert links and all(link.startswith(("http://", "https://", "/")) and not link.startswith("//") for link in links)
    for entry in entries:
        for part in ("summary", "content"):
            element = entry.find(f"{ATOM}{part}")
            if element is not None and element.get("type") == "html":
                assert _Page(element.text or "").injected() == []
            if element is not None and element.get("type") == "xhtml":
                assert not [e for e in element.iter() if e.tag.endswith("script") or any(a.startswith("on") for a in e.attrib)]


def test_csv_cells_never_start_a_spreadsheet_formula(client):
    answer = client.get("/api/v1/search.csv", query_string={"q": "an ninh mạng"})

    rows = list(csv.reader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) > 3
    assert [c for c in cells if c.lstrip(" ").startswith(FORMULA_STARTS)] == []
    assert any(FORMULA in cell for cell in cells)  # the formula is there, as text


def _policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [w.lower() for w in words[1:]]
    return directives


@pytest.mark.parametrize("url", ["/", "/?q=an+ninh", "/doc/doc-script", "/doc/none", "/api/v1/search?q=an+ninh",
                                 "/api/v1/search?page=x", "/api/v1/search.csv", "/feed.atom", "/healthz",
                                 "/api/v1/documents/doc-script", "/nowhere", "/static/site.css"])
def test_every_answer_has_a_policy_that_forbids_inline_scripts(client, url):
    answer = client.get(url)
    answer.close()

    policy = _policy(answer.headers.get("Content-Security-Policy", ""))
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts is not None, policy
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(scripts)
    assert policy.get("object-src") == ["'none'"] and policy.get("base-uri") == ["'none'"]
    assert policy.get("frame-ancestors") == ["'none'"]
