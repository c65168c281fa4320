"""A body the news spells two ways is one facet value, counted as its filter counts it."""

from __future__ import annotations

import pytest

from indexer.index.build import build_index
from indexer.ingest.articles import Article
from indexer.ingest.extraction import extract_metadata
from searchsvc import create_app

# Leads of unlabelled VietNews articles (train 019098, shortened, and 070675; the third written after
# 012431's): one committee, capitalized two ways.
LEADS = {
    "di-bo": ("Đi bộ vận động đội mũ bảo hiểm cho trẻ em",
              "Sáng 8-9, tại Hà Nội, Uỷ ban An toàn giao thông quốc gia phối hợp với Bộ GD-ĐT và UBND thành phố "
              "Hà Nội tổ chức đi bộ vận động toàn dân ' đội mũ bảo hiểm cho trẻ em '."),
    "hop-bao": ("Họp báo cuộc thi Giao thông học đường",
                "Sáng nay (10/1), bộ Giáo dục và Đào tạo đã phối hợp với Uỷ ban An toàn Giao thông Quốc gia tổ chức "
                "họp báo về cuộc thi “Giao thông học đường” toàn quốc lần thứ IV năm học 2018 - 2019."),
    "hoi-nghi": ("Hội nghị an toàn giao thông",
                 "Sáng 5-7, Uỷ ban An toàn Giao thông Quốc gia tổ chức hội nghị trực tuyến toàn quốc sơ kết công tác "
                 "bảo đảm trật tự an toàn giao thông."),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    articles = []
    for article_id, (title, lead) in LEADS.items():
        organizers = extract_metadata(lead, title=title).organizers
        articles.append(Article(id=article_id, title=title, body=lead, organizers=organizers))
    assert {o.name for a in articles for o in a.organizers} >= {
        "Uỷ ban An toàn giao thông quốc gia", "Uỷ ban An toàn Giao thông Quốc gia"}  # the two spellings
    directory = tmp_path_factory.mktemp("spellings")
    build_index(articles, directory, jobs=1)
    return create_app({"INDEX_DIR": str(directory)}).test_client()


def test_a_body_spelled_in_two_cases_is_listed_once_under_the_spelling_most_articles_give(client):
    facet = client.get("/api/v1/search").json["facets"]["organizer"]
    committee = [v for v in facet if v["value"].casefold() == "uỷ ban an toàn giao thông quốc gia"]

    assert [(v["value"], v["count"]) for v in committee] == [("Uỷ ban An toàn Giao thông Quốc gia", 3)]


@pytest.mark.parametrize("spelling", ["Uỷ ban An toàn giao thông quốc gia", "Ủy ban An toàn Giao thông Quốc gia"])
def test_the_facet_count_is_what_its_filter_finds(client, spelling):
    answer = client.get("/api/v1/search", query_string={"organizer": spelling}).json

    assert answer["total"] == 3
    assert [(v["value"], v["count"]) for v in answer["facets"]["organizer"] if v["selected"]] == [
        ("Uỷ ban An toàn Giao thông Quốc gia", 3)]
