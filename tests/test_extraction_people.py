"""People named in Vietnamese news: bare full names, foreign and stage names where the text
announces them, titles and posts kept apart from the name, and never a street, a school or a
province; then found by the `person=` filter and the `person:` query on an index built from text.

The sentences follow titles and leads of VietNews articles (Tuổi Trẻ, Người Đưa Tin, VTC).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.index.build import build_index
from indexer.ingest.articles import Article, Person
from indexer.ingest.extraction.people import find_people
from indexer.ingest.reading.jsonl import parse_line
from searchsvc import create_app


def names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


def test_a_bare_vietnamese_full_name_is_a_person():
    text = ("Để hối lộ quan chức, Nguyễn Văn Dương nhiều lần tổ chức sinh nhật, tiếp khách có sự tham gia "
            "của ông Phan Văn Vĩnh.")

    assert names(text) == ["Nguyễn Văn Dương", "Phan Văn Vĩnh"]


def test_a_post_and_its_body_before_the_name_are_the_role_not_the_name():
    text = "Sáng 10-9, phó chủ tịch Tổng liên đoàn Lao động Việt Nam Ngọ Duy Hiểu cho biết tổ chức này đang lấy ý kiến."

    assert find_people(text) == (Person("Ngọ Duy Hiểu", None, "phó chủ tịch Tổng liên đoàn Lao động Việt Nam"),)


def test_the_chair_of_a_city_committee_is_named_after_the_city_not_as_it():
    text = "Chủ tịch UBND TP Hồ Chí Minh Nguyễn Thành Phong cho biết thành phố sẽ rà soát các dự án."

    assert find_people(text) == (Person("Nguyễn Thành Phong", None, "Chủ tịch UBND TP Hồ Chí Minh"),)


def test_a_rank_is_the_title_and_the_post_after_the_name_the_role():
    text = ("Trung tá Trần Trí Dũng, Trưởng Công an huyện Chương Mỹ khẳng định không có hành vi hiếp dâm "
            "trong vụ việc.")

    assert find_people(text) == (Person("Trần Trí Dũng", "Trung tá", "Trưởng Công an huyện Chương Mỹ"),)


def test_academic_titles_written_without_dots_stay_out_of_the_name():
    assert find_people("GS. TSKH Phạm Ngọc Đăng cho biết chất lượng không khí đang xấu đi.") == (
        Person("Phạm Ngọc Đăng", "GS.TSKH."),)


def test_a_foreign_leader_is_named_after_the_post_and_the_country():
    text = ("Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình sẽ cùng dùng bữa tối tại hội "
            "nghị G20. Bộ trưởng Quốc phòng Hàn Quốc Song Young Moo khẳng định Việt Nam có tầm quan trọng.")

    assert find_people(text) == (
        Person("Donald Trump", None, "Tổng thống Mỹ"),
        Person("Tập Cận Bình", None, "Chủ tịch Trung Quốc"),
        Person("Song Young Moo", None, "Bộ trưởng Quốc phòng Hàn Quốc"),
    )


def test_a_korean_name_spaced_around_its_hyphen_is_written_whole():
    assert names("Tuyên bố của nhà lãnh đạo Kim Jong - un được chuẩn bị kỹ lưỡng.") == ["Kim Jong-un"]
    assert names("HLV Park Hang - seo cho biết đội tuyển đã sẵn sàng.") == ["Park Hang-seo"]


def test_a_surname_alone_after_an_honorific_is_a_foreign_person_only():
    assert names("Ông Trump huỷ cuộc gặp với ông Putin, ông Hiểu cho biết.") == ["Trump", "Putin"]


def test_a_stage_name_is_a_person_after_the_artists_trade():
    text = "Theo đó, ca sĩ Anh Thơ sẽ mặc váy dạ hội đính kim cương; Á hậu Tú Anh chia sẻ bí quyết."

    assert names(text) == ["Anh Thơ", "Tú Anh"]


def test_a_surname_already_named_in_full_is_the_same_person():
    assert names("Tổng thống Mỹ Donald Trump thông báo tái tranh cử. Ông Trump cho biết sẽ công bố ở Florida.") == [
        "Donald Trump"]


@pytest.mark.parametrize("text", [
    "Khu đất nằm trên đường Nguyễn Huệ, gần phố Lê Thánh Tông.",
    "Học sinh Trường THPT Lê Quý Đôn đoạt giải nhất.",
    "Cửa hàng ở số 25 Lý Thường Kiệt, quận Hoàn Kiếm.",
    "Hội nghị diễn ra tại TP Hồ Chí Minh và Hà Nội.",
    "Trận đấu giữa Hoàng Anh Gia Lai và Hà Nội FC diễn ra tối qua.",
    "Chủ tịch Vinamilk và Tổng giám đốc SeABank cùng dự lễ.",
    "Thủ tướng Anh phát biểu tại London.",
    "Tất cả xét tuyển vào lớp 10 trừ trường THPT chuyên Lê Hồng Phong, chuyên Trần Đại Nghĩa.",
    "Chủ tịch UBND quận Hoàng Mai cho biết sẽ kiểm tra.",
    "Trao đổi với phóng viên Tuổi Trẻ Online, người dân cho biết.",
])
def test_a_street_a_school_an_address_a_place_or_a_company_is_no_person(text):
    assert find_people(text) == ()


@pytest.mark.parametrize("text", [
    "Lê Văn Tùng cung cấp thông tin cho bà Nguyễn Thị H., Phó trưởng phòng.",
    "Ông Nguyễn Văn T. (SN 1970) cho biết.",
])
def test_a_name_the_paper_withholds_after_its_initial_is_not_cut_into_a_shorter_name(text):
    assert "Nguyễn Thị" not in names(text) and "Nguyễn Văn" not in names(text)


def test_a_post_before_a_name_keeps_the_name_even_after_a_word_that_ends_a_street_elsewhere():
    assert names("Tổng biên tập Nguyễn Văn Ba và Trưởng đoàn Phạm Minh Chính phát biểu.") == [
        "Nguyễn Văn Ba", "Phạm Minh Chính"]


def test_a_name_across_a_line_break_is_two_lines_not_one_name():
    assert names("Toàn văn tuyên bố chung của ông Kim Jong Un\nTổng thống Mỹ Donald Trump đã ký.") == [
        "Kim Jong Un", "Donald Trump"]


def test_the_name_takes_the_modern_tone_placement():
    assert names("Phó thủ tướng Trương Hòa Bình yêu cầu xử lý nghiêm vụ tai nạn.") == ["Trương Hoà Bình"]


# An index built from articles as `vnsearch index` reads them, searched through the API.
RECORDS = [
    {"id": "pho-thu-tuong", "title": "Xử lý nghiêm vụ xe tải tông chết 8 người ở Hải Dương",
     "abstract": "Phó thủ tướng Trương Hòa Bình yêu cầu điều tra nguyên nhân vụ tai nạn giao thông đặc biệt nghiêm trọng.",
     "body": "Cơ quan công an đang điều tra vụ việc."},
    {"id": "apec", "title": "Đài Loan tìm cách gặp ông Tập ở APEC",
     "abstract": "Chủ tịch Trung Quốc Tập Cận Bình và Tổng thống Mỹ Donald Trump sẽ dự hội nghị ở Đà Nẵng.",
     "body": "Hội nghị các nhà lãnh đạo APEC diễn ra trong tuần này."},
    {"id": "duong-pho", "title": "Phân luồng giao thông trên đường Nguyễn Huệ",
     "abstract": "Từ ngày 1-5, đường Nguyễn Huệ cấm xe để tổ chức lễ hội.", "body": "Người dân đi đường vòng."},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    directory = tmp_path_factory.mktemp("people")
    source = Path(directory) / "news.jsonl"
    articles = []
    for n, record in enumerate(RECORDS, 1):
        article = parse_line(json.dumps(record, ensure_ascii=False).encode("utf-8"), source, source.name, n)
        assert isinstance(article, Article)
        articles.append(article)
    build_index(articles, directory / "index", jobs=1)
    return create_app({"INDEX_DIR": str(directory / "index")}).test_client()


def _ids(client, **params) -> set[str]:
    answer = client.get("/api/v1/search", query_string=params)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return {hit["id"] for hit in answer.json["hits"]}


@pytest.mark.parametrize("spelling", ["Trương Hoà Bình", "Trương Hòa Bình", "truong hoa binh", "TRƯƠNG HOÀ BÌNH"])
def test_a_person_filter_in_any_spelling_selects_the_articles_that_name_the_person(client, spelling):
    assert _ids(client, person=spelling) == {"pho-thu-tuong"}


def test_a_person_query_finds_a_foreign_leader_named_in_the_lead(client):
    assert _ids(client, q='person:"Donald Trump"') == {"apec"}
    assert _ids(client, q='person:"Tập Cận Bình"') == {"apec"}


def test_the_person_facet_lists_people_by_their_canonical_name_and_no_street(client):
    facet = {v["value"]: v["count"] for v in client.get("/api/v1/search").json["facets"]["person"]}

    assert facet == {"Trương Hoà Bình": 1, "Tập Cận Bình": 1, "Donald Trump": 1}
