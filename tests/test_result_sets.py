"""Result sets a researcher can count: what matches follows how the query was typed, quotes are
phrases, exclusion excludes, pages never overlap, and long pasted text is answered."""

from __future__ import annotations

import unicodedata

import pytest

from indexer.ingest.articles import Article
from indexer.index.build import build_index
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search
from searchsvc import create_app

ARTICLES = [
    Article(id="tham-nhung", title="Xét xử vụ án tham nhũng tại Nghệ An", event_type="phiên tòa",
            body="Tòa án nhân dân tỉnh Nghệ An xét xử vụ án tham nhũng đất đai. Ủy ban nhân dân tỉnh Nghệ An theo dõi."),
    Article(id="tham-nhung-2", title="Phòng chống tham nhũng", event_type="hội nghị",
            body="Hội nghị tổng kết công tác phòng, chống tham nhũng năm 2018 của Ủy ban nhân dân tỉnh Hà Tĩnh."),
    Article(id="tham-nhung-3", title="Thanh tra tham nhũng đất đai", event_type="hội nghị",
            body="Thanh tra phát hiện tham nhũng, Ủy ban nhân dân tỉnh đã chỉ đạo khắc phục."),
    Article(id="tham-nhung-4", title="Kỷ luật cán bộ",
            body="Tham nhũng vặt trong thủ tục hành chính bị xử lý nghiêm."),
    # The same letters, other words: thăm (visit) ... nhưng (but).
    Article(id="tham-nhung-khac", title="Chủ tịch nước thăm Nghệ An", event_type="chuyến thăm",
            body="Chủ tịch nước đến thăm bà con vùng lũ, nhưng trời vẫn mưa lớn. Ủy ban nhân dân tỉnh Nghệ An đón đoàn."),
    Article(id="to-lam", title="Bộ trưởng làm việc tại Bắc Ninh",
            body="Bộ trưởng Bộ Công an Tô Lâm làm việc với lãnh đạo tỉnh Bắc Ninh về an ninh trật tự."),
    Article(id="o-to-lam-san", title="Xe ô tô chở lâm sản bị bắt giữ",
            body="Lực lượng kiểm lâm bắt giữ xe tải chở gỗ không rõ nguồn gốc trên quốc lộ."),
    Article(id="ma-tuy-nghe-an", title="Bắt đối tượng buôn ma túy",
            body="Công an tỉnh Nghệ An bắt đối tượng vận chuyển ma túy tổng hợp qua biên giới."),
    Article(id="ma-tuy-ha-noi", title="Triệt phá đường dây ma tuý",
            body="Công an thành phố Hà Nội triệt phá đường dây ma tuý lớn, thu giữ nhiều tang vật."),
    Article(id="ma-tuy-dau-phay", title="Phòng chống ma túy học đường",
            body="Tại Nghệ, An ninh mạng và ma túy học đường là hai chủ đề chính của buổi nói chuyện."),
    Article(id="hoa-binh", title="Hòa bình cho khu vực",
            body="Hội nghị kêu gọi hoà bình, hợp tác và phát triển; các nước cam kết giữ gìn hòa bình."),
    Article(id="hoc-vien", title="Học viện Hành chính Quốc gia khai giảng",
            body="Học viện Hành chính Quốc gia khai giảng lớp bồi dưỡng kỹ năng lãnh đạo."),
    Article(id="hoc-vien-tach", title="Khai giảng khóa học mới",
            body="Giảng viên học viện, hành chính quốc gia và địa phương cùng dự lễ."),
] + [
    # Thirty articles that score alike for "báo cáo tài chính", to walk pages through.
    Article(id=f"bao-cao-{n:02d}", title=f"Bản tin số {n}", date=f"2019-{1 + n % 12:02d}-{1 + n % 27:02d}",
            body="Doanh nghiệp công bố báo cáo tài chính năm.")
    for n in range(30)
]


@pytest.fixture(scope="module")
def handle(tmp_path_factory):
    directory = tmp_path_factory.mktemp("result-sets")
    build_index(ARTICLES, directory, jobs=1)
    return IndexHandle(directory)


@pytest.fixture(scope="module")
def found(handle):
    """found(q, **request): the ids of every document the search returns, best first."""

    def search(q: str, **kwargs) -> list[str]:
        page = run_search(handle, SearchRequest(q=q, per_page=100, **kwargs), snippets=False)
        assert page.total == len(page.hits)
        return [hit.id for hit in page.hits]

    return search


@pytest.fixture(scope="module")
def client(handle):
    return create_app({"INDEX_DIR": str(handle.directory)}).test_client()


THAM_NHUNG = {"tham-nhung", "tham-nhung-2", "tham-nhung-3", "tham-nhung-4"}


def test_an_accented_query_matches_only_its_own_spelling(found):
    assert set(found("tham nhũng")) == THAM_NHUNG  # not "thăm ... nhưng"


def test_a_query_without_diacritics_still_matches_every_spelling(found):
    assert set(found("tham nhung")) == THAM_NHUNG | {"tham-nhung-khac"}


@pytest.mark.parametrize("typed", [
    "THAM NHŨNG", "Tham Nhũng", unicodedata.normalize("NFD", "tham nhũng"), "  tham   nhũng ",
])
def test_case_unicode_form_and_spacing_do_not_change_the_set(found, typed):
    assert set(found(typed)) == THAM_NHUNG


def test_either_tone_placement_and_either_i_y_spelling_is_one_spelling(found):
    assert set(found("hòa bình")) == set(found("hoà bình")) == {"hoa-binh"}
    assert set(found("ma tuý")) == set(found("ma túy")) == {"ma-tuy-nghe-an", "ma-tuy-ha-noi", "ma-tuy-dau-phay"}
    assert found("kỹ năng") == found("kĩ năng") == ["hoc-vien"]


def test_accents_ignore_and_exact_override_how_the_query_was_typed(found):
    assert set(found("tham nhũng", accents="ignore")) == THAM_NHUNG | {"tham-nhung-khac"}
    assert found("tham nhung", accents="exact") == []


def test_the_total_and_every_facet_count_only_the_exact_matches(handle):
    page = run_search(handle, SearchRequest(q="tham nhũng"))

    assert page.total == 4 and page.matching == "exact"
    assert {v.value: v.count for v in page.facets["event_type"]} == {"hội nghị": 2, "phiên tòa": 1}


def test_an_accented_query_that_finds_little_offers_the_reading_without_diacritics(handle):
    none = run_search(handle, SearchRequest(q="thăm nhũng"))
    plenty = run_search(handle, SearchRequest(q="tham nhũng"))

    assert none.total == 0 and none.folded_total == 5
    assert plenty.folded_total is None  # 4 exact matches beside 5 folded: not "much more"


def test_the_api_and_the_page_say_when_the_reading_without_diacritics_finds_more(client):
    answer = client.get("/api/v1/search", query_string={"q": "thăm nhũng"}).json
    page = client.get("/", query_string={"q": "thăm nhũng", "lang": "en"}).get_data(as_text=True)

    assert answer["total"] == 0 and answer["matching"] == "exact" and answer["folded_total"] == 5
    assert "No results spelled as typed" in page and "5 without diacritics" in page
    assert "accents=ignore" in page


def test_the_page_has_a_control_for_how_diacritics_match(client):
    page = client.get("/", query_string={"q": "tham nhung", "accents": "exact", "lang": "en"}).get_data(as_text=True)

    assert '<select id="accents" name="accents">' in page
    assert '<option value="exact" selected>Exact spelling</option>' in page


@pytest.mark.parametrize("path", ["/api/v1/search", "/api/v1/search.csv", "/feed.atom", "/"])
def test_an_unknown_accents_value_is_a_400_naming_it(client, path):
    answer = client.get(path, query_string={"q": "tham nhũng", "accents": "loose"})

    assert answer.status_code == 400
    if path != "/":
        assert answer.json["param"] == "accents"


def test_quotes_are_a_phrase_whatever_their_length(found):
    assert set(found('"Ủy ban nhân dân tỉnh Nghệ An"')) == {"tham-nhung", "tham-nhung-khac"}
    assert set(found("“Uỷ ban nhân dân tỉnh Nghệ An”")) == {"tham-nhung", "tham-nhung-khac"}
    assert found('"Học viện Hành chính Quốc gia"') == ["hoc-vien"]  # not the words apart
    assert found('"hoc vien hanh chinh quoc gia"') == ["hoc-vien"]


def test_a_phrase_does_not_match_across_a_comma(found):
    assert "ma-tuy-dau-phay" not in found('"Nghệ An"')  # "Tại Nghệ, An ninh mạng"
    assert "ma-tuy-dau-phay" in found("Nghệ An")  # the words, anywhere


def test_a_phrase_combines_with_and_or_not(found):
    assert set(found('"Ủy ban nhân dân tỉnh Nghệ An" AND tham nhũng')) == {"tham-nhung"}
    assert set(found('"Học viện Hành chính Quốc gia" OR "Tô Lâm"')) == {"hoc-vien", "to-lam"}
    assert set(found('"Ủy ban nhân dân tỉnh Nghệ An" NOT thăm')) == {"tham-nhung"}


def test_a_pasted_headline_without_quotes_stays_a_ranked_search(found):
    assert found("Ủy ban nhân dân tỉnh Nghệ An xét xử tham nhũng đất đai")[0] == "tham-nhung"


def test_exclusion_leaves_out_a_word_a_phrase_or_a_group(found):
    everything = set(found("ma tuý"))

    assert set(found('ma tuý -"Nghệ An"')) == everything - {"ma-tuy-nghe-an"}
    assert set(found("ma tuý -Nghệ")) == everything - {"ma-tuy-nghe-an", "ma-tuy-dau-phay"}
    assert set(found("ma tuý NOT (Hà Nội OR biên giới)")) == everything - {"ma-tuy-ha-noi", "ma-tuy-nghe-an"}
    assert set(found('ma tuý -("Hà Nội" OR "biên giới")')) == everything - {"ma-tuy-ha-noi", "ma-tuy-nghe-an"}


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_walking_the_pages_returns_every_match_once(handle, sort):
    request = SearchRequest(q="báo cáo tài chính", sort=sort, per_page=7)
    total = run_search(handle, request).total
    walked = [hit.id for number in range(1, 6)
              for hit in run_search(handle, SearchRequest(q=request.q, sort=sort, per_page=7, page=number)).hits]

    assert total == 30
    assert len(walked) == len(set(walked)) == 30


def test_a_short_name_ranks_where_its_words_stand_together_first(found):
    assert found("Tô Lâm")[0] == "to-lam"
    assert found("to lam")[0] == "to-lam"


def test_a_long_pasted_question_is_answered_with_its_most_informative_words(handle):
    question = ("Theo quy định của pháp luật hiện hành thì cán bộ, công chức, viên chức có hành vi tham nhũng "
                "trong quá trình thực hiện nhiệm vụ, công vụ được giao tại cơ quan, tổ chức, đơn vị sẽ bị xử lý "
                "kỷ luật như thế nào và có bị truy cứu trách nhiệm hình sự hay không, nếu có thì theo điều nào, "
                "khoản nào của Bộ luật Hình sự năm 2015 sửa đổi bổ sung năm 2017 và các văn bản hướng dẫn thi hành")
    page = run_search(handle, SearchRequest(q=question))

    assert len(question) > 291 and page.total > 0
    assert page.hits[0].id in THAM_NHUNG
    assert page.dropped_terms and "nhũng" not in page.dropped_terms


def test_quotes_that_find_nothing_offer_the_words_without_them(client):
    answer = client.get("/api/v1/search", query_string={"q": '"Hội nghị phòng chống tham nhũng Hà Tĩnh"'}).json
    page = client.get("/", query_string={"q": '"Hội nghị phòng chống tham nhũng Hà Tĩnh"', "lang": "en"})

    assert answer["total"] == 0 and answer["unquoted_total"] >= 1
    assert "No article has the quoted words word for word" in page.get_data(as_text=True)
    assert client.get("/api/v1/search", query_string={"q": '"tham nhũng"'}).json["unquoted_total"] is None
