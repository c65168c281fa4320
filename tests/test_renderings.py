"""One search result, every rendering: the page, the JSON API, the CSV, the Atom feed, the command
line show the same passage and mark the same words; markup in the text stays text in each."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import client_for, index_of
from indexer.ingest.articles import Article

ROOT = Path(__file__).resolve().parent.parent
BODY = ("Sáng 12/5, Sở Thông tin và Truyền thông tổ chức hội thảo về chuyển đổi số <b>cấp xã</b> & "
        "chính quyền số, với đại diện các huyện.")
QUERY = {"q": "hoi thao chuyen doi"}
MARKED = ["hội", "thảo", "chuyển", "đổi"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    article = Article(id="stt-hoi-thao", title="Hội thảo chuyển đổi số cấp xã", body=BODY, date="2023-05-12",
                      source="stttt.gov.vn")
    return index_of([article], tmp_path_factory.mktemp("renderings"))


@pytest.fixture(scope="module")
def client(index_dir):
    return client_for(index_dir)


@pytest.fixture(scope="module")
def json_hit(client):
    return client.get("/api/v1/search", query_string=QUERY).json["hits"][0]


def words_marked_in_html(html: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    return soup.get_text(), [mark.get_text() for mark in soup.find_all("mark")]


def test_the_api_gives_the_snippet_as_text_with_the_offsets_of_its_matched_words(json_hit):
    text = json_hit["snippet_text"]

    assert "<b>cấp xã</b> &" in text  # the article's own text, markup and all, as text
    assert [text[start:end] for start, end in json_hit["highlights"]]== MARKED


def test_the_api_html_snippet_marks_the_same_words_of_the_same_text(json_hit):
    shown, marked = words_marked_in_html(json_hit["snippet"])

    assert shown == json_hit["snippet_text"]
    assert marked == [json_hit["snippet_text"][a:b] for a, b in json_hit["highlights"]]


def test_the_search_page_shows_the_same_passage_and_marks(client, json_hit):
    soup = BeautifulSoup(client.get("/", query_string=QUERY).get_data(as_text=True), "html.parser")
    paragraph = soup.select_one(".snippet")

    assert paragraph.get_text() == json_hit["snippet_text"]
    assert [m.get_text() for m in paragraph.find_all("mark")]== MARKED
    assert paragraph.find("b") is None


def test_the_feed_summary_is_the_same_marked_passage(client, json_hit):
    # Read as XML: feedparser's sanitizer would drop the <mark> elements a reader shows.
    summary = ElementTree.fromstring(client.get("/feed.atom", query_string=QUERY).get_data()).find(f"{ATOM}entry/{ATOM}summary")
    shown, marked = words_marked_in_html(summary.text)

    assert summary.get("type") == "html"
    assert shown == json_hit["snippet_text"] and marked == MARKED


def test_the_csv_snippet_is_the_same_passage_as_plain_text(client, json_hit):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/search.csv", query_string=QUERY)
                                           .get_data(as_text=True).lstrip("\ufeff"))))

    assert rows[0]["snippet"] == json_hit["snippet_text"]


def test_the_command_line_stars_the_same_words_of_the_same_passage(index_dir, json_hit):
    shown = subprocess.run([sys.executable, "-m", "vnsearch", "search", QUERY["q"], "--index", str(index_dir)],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()[2].strip()
    text, cursor, expected = json_hit["snippet_text"], 0, ""
    for start, end in json_hit["highlights"]:
        expected += text[cursor:start] + "*" + text[start:end] + "*"
        cursor = end

    assert shown == expected + text[cursor:]


def test_an_article_whose_url_cannot_be_parsed_is_indexed_and_shown_without_that_link(tmp_path):
    article = Article(id="url-hong", title="Hội nghị tổng kết năm", body="Sở Nội vụ tổ chức hội nghị tổng kết năm.",
                      url="http://[", date="2023-01-05")
    client = client_for(index_of([article], tmp_path))

    page = client.get("/doc/url-hong")
    feed = client.get("/feed.atom")

    assert page.status_code == 200 and 'href="http://["' not in page.get_data(as_text=True)
    assert feed.status_code == 200
    link = ElementTree.fromstring(feed.get_data()).find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.endswith("/doc/url-hong")
