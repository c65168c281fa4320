"""Attention over time: /api/v1/timeline, its CSV and the /timeline page.

The counts are checked against the search itself over a real index of real VietNews articles
(the first 1,200 of ../shared/data, with bench.workload's synthetic dates, some cut to a month
or a year so that every precision is present).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from bench.workload import corpus_available, read_corpus
from conftest import client_for
from indexer.index.build import build_index
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search
from indexer.search.timeline import period_search_range, run_timeline

QUERIES = ["chính phủ", "bóng đá", "giáo dục", "du lịch", "kinh tế"]
ARTICLES = 1200


@pytest.fixture(scope="module")
def news_index(tmp_path_factory):
    if not corpus_available():
        pytest.skip("../shared/data/vietnews-train.jsonl.gz is absent")
    articles = []
    for n, article in enumerate(read_corpus(ARTICLES)):
        if n % 11 == 0:
            article = dataclasses.replace(article, date=article.date[:4])  # known only to the year
        elif n % 7 == 0:
            article = dataclasses.replace(article, date=article.date[:7])
        articles.append(article)
    directory = tmp_path_factory.mktemp("timeline-news")
    build_index(articles, directory, jobs=1)
    return directory


@pytest.fixture(scope="module")
def news(news_index):
    return client_for(news_index)


@pytest.fixture(scope="module")
def small(small_index):
    return client_for(small_index)


def timeline(client, queries, **params):
    answer = client.get("/api/v1/timeline", query_string=[*(("q", q) for q in queries), *params.items()])
    assert answer.status_code == 200, answer.json
    return answer.json


def test_monthly_counts_equal_the_search_month_facet_for_every_query_and_month(news, news_index):
    handle = IndexHandle(news_index)
    found = timeline(news, QUERIES)

    for series in found["series"]:
        facet = {v.value: v.count for v in run_search(handle, SearchRequest(q=series["query"])).facets["month"]}
        counted = {p["period"]: p["count"] for p in series["points"]}
        assert {k: v for k, v in counted.items() if v} == {k: v for k, v in facet.items() if v}
        assert series["total"] == sum(facet.values()) > 0
    browse = {v.value: v.count for v in run_search(handle, SearchRequest()).facets["month"]}
    for point in found["series"][0]["points"]:
        assert point["total"] == browse.get(point["period"], 0)


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_every_point_counts_what_the_search_of_its_period_finds(news_index, interval):
    handle = IndexHandle(news_index)
    request = SearchRequest(source=("moj.gov.vn", "mic.gov.vn"), date_from="2019-03", date_to="2020-02")

    found = run_timeline(handle, ["chính phủ", "giáo dục"], request, interval)

    periods = [p.period for p in found.series[0].points]
    assert periods[0] == {"day": "2019-03-01", "week": "2019-W09", "month": "2019-03", "year": "2019"}[interval]
    for series in found.series:
        for point in series.points[:: max(1, len(series.points) // 25)]:  # a sample: a search each
            low, high = period_search_range(interval, point.period, request.date_from, request.date_to)
            narrowed = dataclasses.replace(request, q=series.query, date_from=low, date_to=high)
            assert point.count == run_search(handle, narrowed).total, point
            assert point.total == run_search(handle, dataclasses.replace(narrowed, q="")).total


def test_an_article_dated_only_by_its_year_counts_in_its_year_and_in_no_month(news, news_index):
    yearly = timeline(news, ["kinh tế"], interval="year")["series"][0]
    monthly = timeline(news, ["kinh tế"])["series"][0]

    assert yearly["total"] > monthly["total"]
    year_facet = {v.value: v.count for v in run_search(IndexHandle(news_index), SearchRequest(q="kinh tế")).facets["year"]}
    assert {p["period"]: p["count"] for p in yearly["points"]} == year_facet


def test_periods_without_hits_inside_the_range_are_listed_with_zero(small):
    found = timeline(small, ["hội thảo"], date_from="2021-10", date_to="2022-12")

    points = found["series"][0]["points"]
    assert [p["period"] for p in points][:3] == ["2021-10", "2021-11", "2021-12"] and len(points) == 15
    assert {p["period"]: p["count"] for p in points if p["count"]} == {"2021-11": 1, "2022-10": 1}
    assert next(p for p in points if p["period"] == "2022-01") == {"period": "2022-01", "count": 0, "total": 2, "ratio": 0.0}


def test_the_ratio_is_the_share_of_all_articles_of_the_period_under_the_same_filters(news):
    found = timeline(news, ["bóng đá"], source="baochinhphu.vn")

    for point in found["series"][0]["points"]:
        assert point["ratio"] == (round(point["count"] / point["total"], 4) if point["total"] else 0.0)
    assert sum(p["total"] for p in found["series"][0]["points"]) < sum(
        p["total"] for p in timeline(news, ["bóng đá"])["series"][0]["points"])


def test_a_query_without_diacritics_counts_like_the_accented_one_unless_accents_are_exact(news):
    folded = timeline(news, ["giao duc"])["series"][0]
    exact = timeline(news, ["giao duc"], accents="exact")["series"][0]

    assert folded["total"] >= timeline(news, ["giáo dục"])["series"][0]["total"] > 0
    assert exact["total"] < folded["total"]


@pytest.mark.parametrize(("query", "param"), [
    ([("q", q) for q in ("một", "hai", "ba", "bốn", "năm", "sáu")], "q"),
    ([("q", "hội thảo"), ("interval", "hour")], "interval"),
    ([("q", "hội thảo"), ("interval", "")], "interval"),
    ([], "q"),
    ([("q", "")], "q"),
    ([("q", "hội thảo"), ("sort", "newest")], "sort"),
    ([("q", "hội thảo"), ("date_from", "2022-02-30")], "date_from"),
    ([("q", '"hội thảo')], "q"),
    ([("q", "hội thảo"), ("interval", "day"), ("date_from", "1900"), ("date_to", "2022")], "interval"),
])
def test_a_bad_timeline_request_is_a_400_naming_the_parameter(small, query, param):
    for path in ("/api/v1/timeline", "/api/v1/timeline.csv"):
        answer = small.get(path, query_string=query)

        assert answer.status_code == 400
        assert answer.json["param"] == param and answer.json["message"]


def test_the_csv_holds_the_same_figures_as_the_json(small):
    queries = [("q", "hội thảo"), ("q", "hành chính"), ("interval", "year")]
    rows = list(csv.DictReader(io.StringIO(small.get("/api/v1/timeline.csv", query_string=queries).get_data(as_text=True).lstrip("\ufeff"))))
    found = small.get("/api/v1/timeline", query_string=queries).json

    expected = [{"query": s["query"], "period": p["period"], "count": str(p["count"]), "total": str(p["total"]),
                 "ratio": str(p["ratio"])} for s in found["series"] for p in s["points"]]
    assert rows == expected and rows


def soup_of(answer) -> BeautifulSoup:
    assert answer.status_code == 200
    return BeautifulSoup(answer.get_data(as_text=True), "html.parser")


def test_the_page_draws_one_line_and_legend_entry_per_query_without_scripts(small):
    soup = soup_of(small.get("/timeline", query_string=[("q", "hội thảo"), ("q", "hành chính"), ("q", "")]))

    assert soup.find("script") is None and not soup.select("[style]")
    assert len(soup.select("svg.linechart polyline")) == 2
    assert [li.find("span").get_text() for li in soup.select(".legend li")] == ["hội thảo", "hành chính"]
    assert [i["value"] for i in soup.select("input[name=q]")] == ["hội thảo", "hành chính", "", "", ""]


def test_each_point_of_the_page_links_to_the_search_that_finds_its_articles(small):
    soup = soup_of(small.get("/timeline", query_string={"q": "hội thảo", "lang": "en"}))

    link = next(a for a in soup.select(".timeline-table td a") if a.get_text() == "1")
    query = parse_qs(urlsplit(link["href"]).query)
    assert urlsplit(link["href"]).path == "/"
    assert query == {"q": ["hội thảo"], "date_from": ["2021-11"], "date_to": ["2021-11"], "lang": ["en"]}
    found = soup_of(small.get(link["href"]))
    assert len(found.select(".hit")) == 1
    assert len(soup.select("svg.linechart a")) == len(soup.select(".timeline-table tbody tr"))


def test_the_time_axis_is_to_scale(small):
    soup = soup_of(small.get("/timeline", query_string={"q": "hội thảo", "date_from": "2022-01", "date_to": "2022-03"}))

    xs = [float(c["cx"]) for c in soup.select("svg.linechart a circle:first-of-type")]
    january, february = xs[1] - xs[0], xs[2] - xs[1]
    assert len(xs) == 3 and january / february == pytest.approx(31 / 28, rel=0.01)


def test_the_ratio_scale_and_the_english_page(small):
    soup = soup_of(small.get("/timeline", query_string={"q": "hội thảo", "scale": "ratio", "lang": "en"}))

    assert soup.find("html")["lang"] == "en"
    assert soup.select_one(".scale a.current").get_text() == "Share"
    assert "100.00%" in [t.get_text() for t in soup.select("svg.linechart text.y-tick")]
    assert soup.select_one('a[type="text/csv"]')["href"] == "/api/v1/timeline.csv?q=h%E1%BB%99i+th%E1%BA%A3o"


def test_the_page_escapes_a_query_everywhere(small):
    text = small.get("/timeline", query_string={"q": '<script>alert(1)</script>"'}).get_data(as_text=True)

    assert "<script>alert" not in text


def test_the_page_without_queries_shows_the_form(small):
    soup = soup_of(small.get("/timeline"))

    assert len(soup.select("input[name=q]")) == 5 and soup.select_one("svg.linechart") is None


@pytest.mark.parametrize("params", [{"interval": "week"}, {"interval": "year", "source": "moha.gov.vn"}, {}])
def test_timeline_answers_match_the_documented_schema(small, params):
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    from test_api_openapi import DOCUMENT_URI, OPENAPI, strict

    spec = strict(json.loads(OPENAPI.read_text(encoding="utf-8")))
    registry = Registry().with_resource(DOCUMENT_URI, Resource.from_contents(spec, default_specification=DRAFT202012))
    schema = {"$ref": f"{DOCUMENT_URI}#/components/schemas/Timeline"}

    Draft202012Validator(schema, registry=registry).validate(timeline(small, ["hội thảo", "xyzzy"], **params))
    error = small.get("/api/v1/timeline", query_string={"q": "hội thảo", "interval": "hour"}).json
    Draft202012Validator({"$ref": f"{DOCUMENT_URI}#/components/schemas/Error"}, registry=registry).validate(error)


@pytest.mark.parametrize("q", ['"chính phủ"', 'kinh tế -"du lịch"', "giáo dục OR y tế", "title:bóng", "học sinh AND NOT thi",
                               "giao duc", "(bóng đá OR thể thao) AND việt nam"])
def test_matching_without_scores_finds_the_documents_the_search_finds(news_index, q):
    from indexer.search.masks import match_documents
    from indexer.search.matching import match_and_score
    from indexer.search.handle import deadline_check
    from indexer.search.search import parse_with_index

    handle = IndexHandle(news_index)
    searcher = handle.searcher()
    parsed = parse_with_index(q, "auto", searcher.reader())

    mask = match_documents(searcher, parsed.query, handle.field_lengths(searcher), deadline_check(2.0))

    expected, _ = match_and_score(searcher, parsed.query, handle.field_lengths(searcher), deadline_check(2.0))
    assert mask.any() and (mask == expected).all()
    again = match_documents(searcher, parsed.query, handle.field_lengths(searcher), deadline_check(2.0))
    assert (again == expected).all()  # a phrase's documents, remembered, are the same
