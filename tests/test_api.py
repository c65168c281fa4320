"""The /api/v1/search contract: every parameter, facets, sorting, paging, snippets, suggestions, errors."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.ingest.articles import Article, Organizer, Person
from conftest import client_for, index_of
from indexer.text.vietnamese import fold

HOC_VIEN = "Học viện Hành chính Quốc gia"
KHOA_NN = Organizer("Khoa Nhà nước và Pháp luật", HOC_VIEN)
KHOA_XH = Organizer("Khoa Quản lý nhà nước về xã hội", HOC_VIEN)
BO_NOI_VU = Organizer("Bộ Nội vụ")
VPCP = Organizer("Văn phòng Chính phủ")

# Dates at every precision and some undated articles, organizers with and without a parent.
ARTICLES = [
    Article(id="napa-hoi-thao-phap-luat", title="Hội thảo khoa học về hoàn thiện pháp luật hành chính",
            body="Ngày 12/3/2023, Khoa Nhà nước và Pháp luật tổ chức hội thảo khoa học về hoàn thiện pháp luật "
                 "hành chính trong bối cảnh chuyển đổi số.",
            date="2023-03-12", source="napa.vn", event_type="hội thảo", organizers=(KHOA_NN,),
            url="https://napa.vn/hoi-thao-phap-luat", author="Minh Anh"),
    Article(id="napa-tap-huan-xa-hoi", title="Tập huấn kỹ năng quản lý xã hội cho cán bộ cơ sở",
            body="Khoa Quản lý nhà nước về xã hội phối hợp tổ chức lớp tập huấn cho cán bộ cấp xã.",
            date="2023-05-20", source="napa.vn", event_type="tập huấn", organizers=(KHOA_XH,)),
    Article(id="napa-hoi-nghi-tong-ket", title="Hội nghị tổng kết năm học của Học viện",
            body="Học viện Hành chính Quốc gia tổ chức hội nghị tổng kết năm học, biểu dương các khoa.",
            date="2022-12", source="napa.vn", event_type="hội nghị", organizers=(Organizer(HOC_VIEN),)),
    Article(id="moha-hoi-thao-cong-vu", title="Hội thảo cải cách công vụ, công chức",
            body="Bộ Nội vụ tổ chức hội thảo về cải cách công vụ và chế độ công chức. TS. Nguyễn Văn Hòa phát biểu.",
            date="2022-09-15", source="moha.gov.vn", event_type="hội thảo", organizers=(BO_NOI_VU,),
            people=(Person("Nguyễn Văn Hòa", "TS."),), published="2022-09-16T08:30:00+07:00"),
    Article(id="moha-hoi-nghi-truc-tuyen", title="Hội nghị trực tuyến triển khai nhiệm vụ năm 2022",
            body="Bộ Nội vụ và Văn phòng Chính phủ đồng tổ chức hội nghị trực tuyến triển khai nhiệm vụ.",
            date="2022-01-10", source="moha.gov.vn", event_type="hội nghị", organizers=(BO_NOI_VU, VPCP)),
    Article(id="chinhphu-phien-hop", title="Phiên họp Chính phủ thường kỳ",
            body="Văn phòng Chính phủ thông báo kết quả phiên họp thường kỳ về chuyển đổi số quốc gia.",
            date="2021", source="chinhphu.vn", event_type="hội nghị", organizers=(VPCP,)),
    Article(id="chinhphu-chuyen-doi-so", title="Chuyển đổi số trong cơ quan nhà nước",
            body="Nhiều bộ, ngành đẩy mạnh chuyển đổi số, xây dựng chính phủ số phục vụ người dân.",
            date="2021-07-01", source="chinhphu.vn"),
    Article(id="khong-ngay-1", title="Tọa đàm về văn hóa công sở",
            body="Buổi tọa đàm bàn về văn hóa công sở và đạo đức công vụ.", source="moha.gov.vn"),
    Article(id="khong-ngay-2", title="Bản tin nội bộ",
            body="Bản tin nội bộ giới thiệu hoạt động của các khoa trong Học viện.", organizers=(KHOA_NN,)),
    Article(id="van-ban/13-2023", title="Hướng dẫn thi hành Nghị định 13/2023/NĐ-CP",
            body="Văn bản hướng dẫn thi hành Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
            date="2023-07-01", source="chinhphu.vn", event_type="văn bản"),
    Article(id="bai-dai", title="Báo cáo thường niên",
            body=("Phần mở đầu trình bày bối cảnh chung của năm qua và các mục tiêu đã đặt ra. " * 12)
                 + "Trọng tâm năm nay là thủy lợi nội đồng và đê điều ven sông. "
                 + ("Phần kết luận nêu các kiến nghị chung cho năm tới. " * 12),
            date="2020-06-30", source="chinhphu.vn"),
    Article(id="doc-hai", title="Cảnh báo <script>alert(1)</script> & lừa đảo",
            body="Cảnh báo thủ đoạn lừa đảo qua tin nhắn <b>giả mạo</b> & đường link lạ.",
            date="2023-02-02", source="moha.gov.vn"),
]
DATED = [a for a in ARTICLES if a.date]


@pytest.fixture(scope="module")
def api_index(tmp_path_factory):
    return index_of(ARTICLES, tmp_path_factory.mktemp("api-index"))


@pytest.fixture(scope="module")
def client(api_index):
    return client_for(api_index)


@pytest.fixture(scope="module")
def search(client):
    def run(**query):
        answer = client.get("/api/v1/search", query_string=query)
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return answer.json

    return run


def ids(found: dict) -> list[str]:
    return [hit["id"] for hit in found["hits"]]


def facet(found: dict, name: str) -> dict[str, dict]:
    return {value["value"]: value for value in found["facets"][name]}


def every_id(search, **query) -> list[str]:
    """Ids of every hit, page after page of three."""
    collected: list[str] = []
    page = 1
    while True:
        found = search(per_page=3, page=page, **query)
        if not found["hits"]:
            return collected
        collected += ids(found)
        page += 1


# --- q and browsing -------------------------------------------------------------------


def test_unaccented_query_finds_the_accented_article(search):
    found = search(q="hoan thien phap luat")

    assert ids(found)[0] == "napa-hoi-thao-phap-luat"


def test_empty_query_lists_every_document_newest_first_with_undated_last(search):
    found = search(per_page=100)

    dates = [hit["date"] for hit in found["hits"]]
    assert found["total"] == len(ARTICLES)
    assert dates[: len(DATED)] == sorted(dates[: len(DATED)], reverse=True)
    assert dates[len(DATED):] == [None, None]


@pytest.mark.parametrize("blank", [{"q": ""}, {}, {"q": "   "}, {"q": "", "sort": "relevance"}])
def test_browsing_orders_newest_first_even_when_sort_says_relevance(search, blank):
    found = search(per_page=3, **blank)

    assert ids(found) == ["van-ban/13-2023", "napa-tap-huan-xa-hoi", "napa-hoi-thao-phap-luat"]
    assert all(hit["score"] is None for hit in found["hits"])


def test_a_query_ranked_by_relevance_gives_every_hit_a_score_best_first(search):
    found = search(q="hội thảo")

    scores = [hit["score"] for hit in found["hits"]]
    assert len(scores) >= 2
    assert scores == sorted(scores, reverse=True)


# --- filters ---------------------------------------------------------------------------


def test_filtering_by_a_parent_body_includes_documents_organized_by_its_units(search):
    found = search(organizer=HOC_VIEN, per_page=100)

    assert set(ids(found)) == {"napa-hoi-thao-phap-luat", "napa-tap-huan-xa-hoi", "napa-hoi-nghi-tong-ket", "khong-ngay-2"}


def test_filtering_by_a_unit_does_not_include_its_parent_or_sibling_units(search):
    found = search(organizer=KHOA_NN.name, per_page=100)

    assert set(ids(found)) == {"napa-hoi-thao-phap-luat", "khong-ngay-2"}


def test_repeated_values_of_one_filter_are_alternatives(search):
    found = search(organizer=[KHOA_XH.name, VPCP.name], per_page=100)

    assert set(ids(found)) == {"napa-tap-huan-xa-hoi", "moha-hoi-nghi-truc-tuyen", "chinhphu-phien-hop"}


@pytest.mark.parametrize("values", [[f"Sở {n}" for n in range(21)], ["Bộ Nội vụ"] * 21],
                         ids=["21 bodies", "one body 21 times"])
def test_a_filter_repeated_more_often_than_the_documented_limit_is_refused(client, values):
    answer = client.get("/api/v1/search", query_string={"organizer": values})

    assert answer.status_code == 400
    assert answer.json["param"] == "organizer" and "at most 20 times" in answer.json["message"]


def test_different_filters_must_all_hold(search):
    found = search(organizer=BO_NOI_VU.name, event_type="hội nghị", per_page=100)

    assert ids(found) == ["moha-hoi-nghi-truc-tuyen"]


def test_source_filter_admits_only_that_site_and_repeats_as_alternatives(search):
    one = search(source="chinhphu.vn", per_page=100)
    two = search(source=["chinhphu.vn", "napa.vn"], per_page=100)

    assert {hit["source"] for hit in one["hits"]} == {"chinhphu.vn"}
    assert one["total"] == 4
    assert two["total"] == 7


def test_event_type_filter_admits_only_that_kind_of_event(search):
    found = search(event_type="hội thảo", per_page=100)

    assert set(ids(found)) == {"napa-hoi-thao-phap-luat", "moha-hoi-thao-cong-vu"}


def test_filters_combine_with_a_query(search):
    found = search(q="hoi nghi", source="moha.gov.vn")

    assert ids(found) == ["moha-hoi-nghi-truc-tuyen"]


def test_a_filter_value_in_decomposed_unicode_selects_the_same_documents(search):
    decomposed = unicodedata.normalize("NFD", HOC_VIEN)

    found = search(organizer=decomposed, per_page=100)

    assert found["total"] == 4
    assert found["query"]["organizer"] == [HOC_VIEN]


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    ("2023-03-12", "2023-03-12", {"napa-hoi-thao-phap-luat"}),
    ("2023-03", "2023-05", {"napa-hoi-thao-phap-luat", "napa-tap-huan-xa-hoi"}),
    ("2023", "2023", {"napa-hoi-thao-phap-luat", "napa-tap-huan-xa-hoi", "van-ban/13-2023", "doc-hai"}),
    ("2023-05-21", None, {"van-ban/13-2023"}),
    (None, "2021-01-01", {"bai-dai"}),
    (None, "2021-12-31", {"chinhphu-phien-hop", "chinhphu-chuyen-doi-so", "bai-dai"}),
    ("2022-12", "2022-12", {"napa-hoi-nghi-tong-ket"}),
    ("2022-12-31", "2022-12-31", set()),
])
def test_date_bounds_are_inclusive_at_every_precision(search, date_from, date_to, expected):
    query = {k: v for k, v in {"date_from": date_from, "date_to": date_to}.items() if v}

    found = search(per_page=100, **query)

    assert set(ids(found)) == expected


def test_a_month_filter_finds_what_its_histogram_bar_counts_and_no_year_only_article(search):
    months = facet(search(), "month")

    for month in ("2021-07", "2022-12"):
        found = search(date_from=month, date_to=month, per_page=100)
        assert found["total"] == months[month]["count"]
        assert "chinhphu-phien-hop" not in ids(found)  # dated only "2021": in its year, in no month
    assert "chinhphu-phien-hop" in ids(search(date_from="2021", date_to="2021", per_page=100))


def test_a_date_bound_leaves_undated_documents_out(search):
    found = search(date_from="1900", per_page=100)

    assert found["total"] == len(DATED)


def test_the_answer_echoes_the_parsed_request_with_defaults_filled_in(search):
    found = search(q="chuyển đổi số", organizer=[VPCP.name, VPCP.name], date_from="2021")

    assert found["query"] == {"q": "chuyển đổi số", "organizer": [VPCP.name], "person": [], "source": [],
                              "event_type": [], "date_from": "2021", "date_to": None, "sort": "relevance", "page": 1,
                              "per_page": 10, "accents": "auto", "facet_size": 30}
    assert (found["page"], found["per_page"]) == (1, 10)


# --- facets ----------------------------------------------------------------------------


def test_facet_counts_cover_every_match_not_only_the_current_page(search):
    found = search(per_page=1)

    sources = facet(found, "source")
    assert len(found["hits"]) == 1
    assert sources["chinhphu.vn"]["count"] == 4
    assert sources["moha.gov.vn"]["count"] == 4
    assert sources["napa.vn"]["count"] == 3


def test_selecting_an_organizer_still_shows_the_counts_of_the_other_organizers(search):
    found = search(organizer=BO_NOI_VU.name)

    organizers = facet(found, "organizer")
    assert organizers[BO_NOI_VU.name] == {"value": BO_NOI_VU.name, "count": 2, "selected": True, "parent": None}
    assert organizers[HOC_VIEN]["count"] == 4
    assert organizers[HOC_VIEN]["selected"] is False
    assert organizers[VPCP.name]["count"] == 2


def test_each_facet_applies_the_other_filters_but_not_its_own(search):
    found = search(organizer=BO_NOI_VU.name, source="moha.gov.vn")

    assert found["total"] == 2
    assert facet(found, "source") == {"moha.gov.vn": {"value": "moha.gov.vn", "count": 2, "selected": True}}
    organizers = facet(found, "organizer")
    assert organizers[BO_NOI_VU.name]["count"] == 2
    assert HOC_VIEN not in organizers  # no napa document comes from moha.gov.vn


def test_a_parent_body_counts_the_documents_of_its_units_and_units_name_their_parent(search):
    found = search()

    organizers = facet(found, "organizer")
    assert organizers[HOC_VIEN]["count"] == 4
    assert organizers[HOC_VIEN]["parent"] is None
    assert organizers[KHOA_NN.name]["count"] == 2
    assert organizers[KHOA_NN.name]["parent"] == HOC_VIEN
    assert organizers[KHOA_XH.name]["count"] == 1


def test_year_and_month_facets_count_dated_documents_in_date_order(search):
    found = search()

    years = [(v["value"], v["count"]) for v in found["facets"]["year"]]
    months = [v["value"] for v in found["facets"]["month"]]
    assert years == [("2020", 1), ("2021", 2), ("2022", 3), ("2023", 4)]
    assert months == sorted(months)
    assert "2022-12" in months and len(months) == len(DATED) - 1  # "2021" has no month


def test_a_year_range_of_one_year_marks_that_year_selected(search):
    found = search(date_from="2022", date_to="2022")

    assert [v["value"] for v in found["facets"]["year"] if v["selected"]] == ["2022"]
    assert facet(found, "year")["2023"]["count"] == 4  # the date facets ignore the date filter


def test_the_month_histogram_holds_every_month_even_past_thirty(tmp_path):
    # One bulletin a month for three years: 36 months, more than the 30 values other facets keep.
    bulletins = [Article(id=f"ban-tin-{year}-{month:02d}", title=f"Bản tin tháng {month} năm {year}",
                         body="Bản tin tổng hợp hoạt động trong tháng.", date=f"{year}-{month:02d}-15")
                 for year in (2021, 2022, 2023) for month in range(1, 13)]
    client = client_for(index_of(bulletins, tmp_path))

    months = client.get("/api/v1/search").json["facets"]["month"]

    assert [m["value"] for m in months] == [f"{y}-{m:02d}" for y in (2021, 2022, 2023) for m in range(1, 13)]


def test_a_selected_organizer_without_matches_stays_listed_so_it_can_be_unselected(search):
    found = search(organizer=KHOA_XH.name, source="chinhphu.vn")

    assert found["total"] == 0
    assert facet(found, "organizer")[KHOA_XH.name] == {"value": KHOA_XH.name, "count": 0, "selected": True,
                                                        "parent": HOC_VIEN}


# --- sorting and paging -----------------------------------------------------------------


def test_newest_sort_orders_a_query_by_date_with_undated_documents_last(search):
    found = search(q="cong vu", sort="newest")

    assert ids(found) == ["moha-hoi-thao-cong-vu", "khong-ngay-1"]


def test_oldest_sort_puts_the_oldest_first_and_undated_documents_last(search):
    found = search(sort="oldest", per_page=100)

    dates = [hit["date"] for hit in found["hits"]]
    assert dates[0] == "2020-06-30"
    assert dates[: len(DATED)] == sorted(dates[: len(DATED)])
    assert dates[len(DATED):] == [None, None]


@pytest.mark.parametrize("query", [{}, {"q": "hội"}, {"q": "hoi", "sort": "newest"}, {"sort": "oldest"},
                                   {"q": "cong vu OR chuyen doi so OR hoi"}])
def test_pages_one_to_n_together_hold_every_hit_once_in_order(search, query):
    everything = search(per_page=100, **query)

    paged = every_id(search, **query)

    assert everything["total"] >= 4
    assert paged == ids(everything)
    assert len(set(paged)) == everything["total"]


def test_a_page_past_the_last_has_no_hits_but_the_same_total(search):
    found = search(page=50)

    assert found["hits"] == []
    assert found["total"] == len(ARTICLES)


def test_per_page_defaults_to_ten_and_reaches_one_hundred(search):
    assert len(search()["hits"]) == 10
    assert len(search(per_page=100)["hits"]) == len(ARTICLES)
    assert len(search(per_page=1)["hits"]) == 1


# --- snippets and suggestions -------------------------------------------------------------


def test_unaccented_query_marks_the_accented_words_in_the_snippet(search):
    hit = search(q="phap luat")["hits"][0]

    assert "<mark>pháp</mark> <mark>luật</mark>" in hit["snippet"]


def test_telex_query_marks_the_words_it_means(search):
    hit = search(q="phaps luaatj")["hits"][0]

    assert hit["id"] == "napa-hoi-thao-phap-luat"
    assert "<mark>pháp</mark> <mark>luật</mark>" in hit["snippet"]


def test_snippet_escapes_the_markup_of_the_text(search):
    hit = search(q="lừa đảo")["hits"][0]

    assert hit["id"] == "doc-hai"
    assert "&lt;b&gt;giả mạo&lt;/b&gt; &amp;" in hit["snippet"]
    assert "<b>" not in hit["snippet"]


def test_snippet_comes_from_the_passage_that_matches(search):
    hit = search(q="thuy loi noi dong")["hits"][0]

    assert hit["id"] == "bai-dai"
    assert hit["snippet"].startswith("…")
    assert "<mark>thủy</mark> <mark>lợi</mark> <mark>nội</mark> <mark>đồng</mark>" in hit["snippet"]


def test_a_misspelled_query_that_finds_nothing_suggests_words_of_the_index_with_diacritics(search):
    found = search(q="hoan thienn phap luat")

    assert found["total"] == 0
    assert fold(found["suggestion"]) == "hoan thien phap luat"
    assert found["suggestion"] != fold(found["suggestion"])
    assert search(q=found["suggestion"])["total"] >= 1


def test_a_query_that_finds_plenty_suggests_nothing(search):
    assert search(q="hội nghị")["suggestion"] is None


def test_a_correctly_accented_query_is_not_respelled(search):
    found = search(q="bàn về")

    assert found["total"] == 1  # "Bản tin ... về" is another word
    assert found["suggestion"] is None


def test_a_telex_query_is_suggested_in_proper_vietnamese(search):
    found = search(q="phaps luaatj hanhf chinhs")

    assert found["suggestion"] in (None, "pháp luật hành chính")


# --- documents and health -----------------------------------------------------------------


def test_a_document_is_returned_whole_with_its_stored_metadata(client):
    record = client.get("/api/v1/documents/moha-hoi-thao-cong-vu").json

    assert record["body"].startswith("Bộ Nội vụ tổ chức hội thảo")
    assert record["organizers"] == [{"name": "Bộ Nội vụ", "parent": None, "alias": None}]
    assert record["people"] == [{"name": "Nguyễn Văn Hòa", "title": "TS.", "role": None}]
    assert record["published"] == "2022-09-16T08:30:00+07:00"


def test_a_document_id_with_a_slash_is_found(client):
    assert client.get("/api/v1/documents/van-ban/13-2023").json["title"].startswith("Hướng dẫn")


def test_an_unknown_document_is_a_json_404(client):
    answer = client.get("/api/v1/documents/khong-co")

    assert answer.status_code == 404
    assert answer.json["error"] == "not_found"


def test_health_reports_the_document_count(client):
    assert client.get("/healthz").json == {"status": "ok", "documents": len(ARTICLES)}


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "param"), [
    ({"sort": "popular"}, "sort"),
    ({"page": "0"}, "page"),
    ({"page": "two"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "١"}, "page"),
    ({"per_page": "1000"}, "per_page"),
    ({"per_page": "0"}, "per_page"),
    ({"per_page": "1.5"}, "per_page"),
    ({"page": "1000", "per_page": "100"}, "page"),
    ({"date_from": "2023-05", "date_to": "2023-04-30"}, "date_to"),
    ({"date_from": "12/03/2023"}, "date_from"),
    ({"date_from": "2023-13"}, "date_from"),
    ({"date_to": "2023-02-30"}, "date_to"),
    ({"date_to": "0000"}, "date_to"),
    ({"date_from": "٢٠٢٣"}, "date_from"),
    ({"date_from": "2023\n"}, "date_from"),
    ({"q": '"hội thảo'}, "q"),
    ({"q": "x" * 10_000}, "q"),
    ({"q": "NOT"}, "q"),
    ({"q": ["hội", "thảo"]}, "q"),
    ({"sort": ["newest", "oldest"]}, "sort"),
    ({"page": ["1", "2"]}, "page"),
    ({"organizer": [f"Cơ quan {i}" for i in range(21)]}, "organizer"),
    ({"source": "x" * 301}, "source"),
])
def test_a_bad_parameter_is_a_400_naming_it(client, query, param):
    answer = client.get("/api/v1/search", query_string=query)

    assert answer.status_code == 400
    assert answer.json["param"] == param
    assert answer.json["error"] in ("invalid_parameter", "invalid_query")
    assert answer.json["message"]


def test_without_an_index_the_service_answers_503_saying_how_to_build_one(tmp_path):
    client = client_for(tmp_path)

    for path in ("/api/v1/search", "/api/v1/documents/x", "/healthz", "/api/v1/search.csv", "/feed.atom"):
        answer = client.get(path)
        assert answer.status_code == 503, path
        assert answer.json["error"] == "index_not_built"
        assert "vnsearch index" in answer.json["message"]


def test_an_unknown_api_path_and_a_wrong_method_answer_json(client):
    missing = client.get("/api/v1/nothing")
    posted = client.post("/api/v1/search")

    assert (missing.status_code, missing.json["error"]) == (404, "not_found")
    assert (posted.status_code, posted.json["error"]) == (405, "method_not_allowed")
    assert "GET" in posted.headers["Allow"]


QUERY_PIECES = st.sampled_from(['"', "“", "”", "(", ")", "-", "+", "NOT", "OR", "AND", ":", "title:", "organizer:",
                                "id:", "author:", "source:", "*", " ", "hội", "thaor", "13/2023/NĐ-CP", "_", "é",
                                "\u0301", "\x00", "UBND", "%", "&", "ĐẢNG"])
ANY_TEXT = st.text(max_size=6)


@settings(max_examples=250, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(q=st.lists(st.one_of(QUERY_PIECES, ANY_TEXT), max_size=10).map("".join),
       other=st.dictionaries(st.sampled_from(["organizer", "source", "event_type", "date_from", "date_to", "sort",
                                              "page", "per_page"]), ANY_TEXT, max_size=3))
def test_no_query_string_of_any_kind_makes_the_service_fail(client, q, other):
    answer = client.get("/api/v1/search", query_string={"q": q, **other})

    assert answer.status_code in (200, 400), (q, other, answer.get_data(as_text=True))
    assert answer.is_json


def test_a_selected_month_is_listed_once_in_the_histogram(search):
    months = [v["value"] for v in search(date_from="2021-11", date_to="2021-11")["facets"]["month"]]

    assert len(months) == len(set(months))
