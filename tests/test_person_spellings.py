"""People whose names differ only by their diacritics are different people to a filter typed with
them, and one name to a filter typed without: "Nguyễn Thành Phong" (chairman of HCMC's People's
Committee) is not "Nguyễn Thanh Phong" (a man in a court report), as a query's words match."""

from __future__ import annotations

import pytest

from indexer.index.build import build_index
from indexer.ingest.articles import Article
from indexer.ingest.extraction import extract_metadata
from searchsvc import create_app

# Sentences of unlabelled VietNews articles: train 001811 and 000229.
LEADS = {
    "chu-tich": ("Chủ tịch Nguyễn Thành Phong: Tội phạm hình sự tại TP. HCM ngày càng giảm",
                 "Nhận định trên được ông Nguyễn Thành Phong, Chủ tịch UBND - Phó Bí thư Thành uỷ TP. HCM đưa ra tại "
                 "hội nghị Sơ kết giữa nhiệm kỳ Đảng bộ Công an TP. HCM diễn ra vào chiều 9/8."),
    "cu-ba": ("Cụ bà hối hận sau khi nhờ người gây thương tích cho ' con nuôi '",
              "Thời gian này, bà Hồng quen biết với anh Nguyễn Thanh Phong (31 tuổi, ngụ quận Tân Phú, TP. HCM)."),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    articles = []
    for article_id, (title, lead) in LEADS.items():
        people = extract_metadata(lead, title=title).people
        articles.append(Article(id=article_id, title=title, body=lead, people=people))
    assert {p.name for a in articles for p in a.people} >= {"Nguyễn Thành Phong", "Nguyễn Thanh Phong"}
    directory = tmp_path_factory.mktemp("people-spellings")
    build_index(articles, directory, jobs=1)
    return create_app({"INDEX_DIR": str(directory)}).test_client()


def _ids(client, **params) -> set[str]:
    answer = client.get("/api/v1/search", query_string=params)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return {hit["id"] for hit in answer.json["hits"]}


@pytest.mark.parametrize("spelling", ["Nguyễn Thành Phong", "nguyễn thành phong", "NGUYỄN THÀNH PHONG",
                                      "Nguye\u0302\u0303n Tha\u0300nh Phong"])  # the last in NFD
def test_a_person_filter_typed_with_diacritics_selects_that_spelling_only(client, spelling):
    assert _ids(client, person=spelling) == {"chu-tich"}
    assert _ids(client, q=f'person:"{spelling}"') == {"chu-tich"}


def test_a_person_filter_typed_without_diacritics_selects_every_spelling(client):
    assert _ids(client, person="Nguyen Thanh Phong") == {"chu-tich", "cu-ba"}
    assert _ids(client, q='person:"nguyen thanh phong"') == {"chu-tich", "cu-ba"}


def test_accents_ignore_folds_the_filter_and_exact_keeps_an_unaccented_one_as_spelled(client):
    assert _ids(client, person="Nguyễn Thanh Phong", accents="ignore") == {"chu-tich", "cu-ba"}
    assert _ids(client, q='person:"Nguyễn Thanh Phong"', accents="ignore") == {"chu-tich", "cu-ba"}
    assert _ids(client, person="Nguyen Thanh Phong", accents="exact") == set()


def test_the_facet_lists_the_two_people_apart_and_marks_the_one_selected(client):
    facet = client.get("/api/v1/search", query_string={"person": "Nguyễn Thanh Phong"}).json["facets"]["person"]

    assert {(v["value"], v["count"], v["selected"]) for v in facet if "Phong" in v["value"]} == {
        ("Nguyễn Thanh Phong", 1, True), ("Nguyễn Thành Phong", 1, False)}
