"""The search page's dates, month chart, long facets, way back from an article, and error pages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import client_for
from indexer.ingest.articles import Article
from indexer.index.build import build_index


@pytest.fixture(scope="module")
def client(small_index):
    return client_for(small_index)


def soup_of(answer) -> BeautifulSoup:
    return BeautifulSoup(answer.get_data(as_text=True), "html.parser")


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_the_search_form_has_a_date_range_holding_the_current_one(client):
    soup = soup_of(client.get("/", query_string={"q": "hội thảo", "date_from": "2021", "date_to": "2022-10"}))

    assert soup.select_one("form input#date_from")["value"] == "2021"
    assert soup.select_one("form input#date_to")["value"] == "2022-10"
    assert not soup.select('form input[type=hidden][name^="date_"]')
    assert soup.select_one('label[for="date_from"]').get_text() == "Từ ngày"


def test_the_chart_bars_take_no_tab_stop_and_the_list_has_each_bar_once(client):
    soup = soup_of(client.get("/"))

    bars = soup.select("svg.histogram a")
    listed = soup.select(".histogram-list a")
    assert soup.select_one("svg.histogram")["aria-hidden"] == "true"
    assert all(bar["tabindex"] == "-1" for bar in bars)
    assert [a["href"] for a in listed] == [bar["href"] for bar in bars] and len(listed) >= 5
    assert listed[0].get_text() == "Tháng 10/2020: 1 bài"


def test_a_month_bar_counts_what_its_click_finds_when_some_articles_have_only_a_year(tmp_path):
    articles = [Article(id=f"thang-{n}", title="Hội nghị giao ban", body="Hội nghị giao ban tháng.", date=f"2021-0{n}-10")
                for n in range(1, 4)]
    articles += [Article(id=f"nam-{n}", title="Hội nghị giao ban", body="Hội nghị giao ban năm.", date="2021") for n in range(5)]
    build_index(articles, tmp_path / "index", jobs=1)
    client = client_for(tmp_path / "index")

    bar = soup_of(client.get("/", query_string={"q": "giao ban"})).select_one(".histogram-list a")
    found = soup_of(client.get(bar["href"]))

    assert bar.get_text().endswith(": 1 bài")
    assert len(found.select(".hit")) == 1
    assert soup_of(client.get("/", query_string={"q": "giao ban", "date_from": "2021", "date_to": "2021"})).select(".hit")


def test_the_time_axis_keeps_its_scale_past_the_filled_span(tmp_path):
    dates = ["1990-01-05", "2020-01-05", "2020-02-05"]  # 30 years apart: more months than are filled
    build_index([Article(id=f"bai-{i}", title="Hội nghị", body="Hội nghị.", date=d) for i, d in enumerate(dates)],
                tmp_path / "index", jobs=1)

    soup = soup_of(client_for(tmp_path / "index").get("/"))

    xs = [float(a.select("rect")[1]["x"]) for a in soup.select("svg.histogram a")]
    assert xs[0] < 1 and xs[1] > 590 and xs[2] > xs[1]  # the 30-year gap is drawn, not closed


def test_a_long_facet_list_is_cut_with_a_link_to_more(client):
    soup = soup_of(client.get("/", query_string={"facet_size": "1"}))

    sources = soup.select("#facet-source ~ ul a.facet-link")
    more = soup.select_one("#facet-source ~ a.facet-more")
    assert len(sources) == 1 and more is not None
    assert query_of(more["href"])["facet_size"] == ["4"] and more["href"].endswith("#facet-source")
    assert len(soup_of(client.get(more["href"])).select("#facet-source ~ ul a.facet-link")) == 3
    assert soup_of(client.get("/")).select_one("#facet-source ~ a.facet-more") is None


def test_back_to_search_returns_to_the_search_that_led_to_the_article(client):
    search = {"q": "hội thảo", "organizer": "Bộ Nội vụ", "page": "1", "lang": "en"}
    hit = soup_of(client.get("/", query_string=search)).select_one(".hit-title a")

    article = soup_of(client.get(hit["href"]))

    back = article.select_one(".back a")["href"]
    assert query_of(back) == {"q": ["hội thảo"], "organizer": ["Bộ Nội vụ"], "page": ["1"], "lang": ["en"]}
    assert query_of(article.select_one(".doc-meta dd a")["href"]) != query_of(back)  # its own links start anew
    assert article.select_one('link[rel="canonical"]')["href"].startswith("/doc/")


@pytest.mark.parametrize(("lang", "explained"), [("vi", "Giá trị của tham số “sort”"), ("en", "The value of the parameter “sort”")])
def test_an_error_page_keeps_the_search_box_and_speaks_the_page_language(client, lang, explained):
    answer = client.get("/", query_string={"q": "hội thảo", "sort": "ngẫu nhiên", "lang": lang})
    soup = soup_of(answer)

    assert answer.status_code == 400 and answer.headers["Content-Language"] == lang
    assert soup.select_one("form[role=search] input#q")["value"] == "hội thảo"
    assert soup.select_one(".error-explained").get_text().startswith(explained)
    assert soup.find("html")["lang"] == lang


def test_an_unknown_path_answers_a_page_in_the_asked_language(client):
    answer = client.get("/khong-co", query_string={"lang": "en"})

    assert answer.status_code == 404 and answer.headers["Content-Language"] == "en"
    assert soup_of(answer).select_one("form[role=search] input#q") is not None
