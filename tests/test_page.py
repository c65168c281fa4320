"""The search page and the document page as a person uses them: every link is followed for real."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import client_for
from indexer.ingest.articles import Article, Organizer, Person
from indexer.index.build import build_index
from indexer.search.facets import FacetValue
from searchsvc.renderers.chart import Bar, histogram, month_bars
from searchsvc.i18n import STRINGS, format_date, format_number
from searchsvc.views.organizer_tree import organizer_tree
from searchsvc.views.pages import page_window

ACADEMY = "Học viện Hành chính Quốc gia"
FACULTY = "Khoa Khoa học hành chính và Tổ chức nhân sự"


@pytest.fixture(scope="module")
def client(small_index):
    return client_for(small_index)


@pytest.fixture(scope="module")
def odd_client(tmp_path_factory):
    """An index of one hostile article and one with every kind of metadata."""
    directory = tmp_path_factory.mktemp("odd-index")
    build_index([
        Article(id="hostile", title="<script>alert(1)</script>",
                body="Bài viết thử <b>đậm</b> về hội nghị an toàn thông tin.", date="2024-02-03",
                source="<img src=x onerror=alert(2)>", url="javascript:alert(3)",
                organizers=(Organizer("<i>Sở</i> Thông tin", "<u>UBND</u> tỉnh"),)),
        Article(id="tin/2023/hoi-nghi", title="Hội nghị tổng kết công tác cải cách hành chính năm 2023",
                body="Sáng 15/12/2023, Bộ Nội vụ tổ chức Hội nghị tổng kết.\nThứ trưởng Vũ Chiến Thắng phát biểu.",
                date="2023-12-15", published="2023-12-15T09:30:00+07:00", source="moha.gov.vn",
                author="Minh Anh", url="https://moha.gov.vn/tin/hoi-nghi-tong-ket", event_type="hội nghị",
                organizers=(Organizer("Vụ Cải cách hành chính", "Bộ Nội vụ"),),
                people=(Person("Vũ Chiến Thắng", role="Thứ trưởng Bộ Nội vụ"),)),
    ], directory, jobs=1)
    return client_for(directory)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def hit_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".hit-title a")]


def facet_link(soup: BeautifulSoup, facet: str, value: str):
    for link in soup.select(f"#facet-{facet} ~ ul a.facet-link"):
        if any(name.get_text(strip=True) == value for name in link.select(".facet-name")):
            return link
    raise AssertionError(f"no {facet} facet link for {value!r}")


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_search_box_keeps_the_query_and_shows_count_and_time(client):
    soup = soup_of(client.get("/", query_string={"q": "hội thảo"}))

    assert soup.select_one("input#q")["value"] == "hội thảo"
    assert soup.select_one("label[for=q]") is not None
    assert "2 kết quả" in soup.select_one(".count").get_text()
    assert "ms" in soup.select_one(".count").get_text()


def test_snippet_marks_the_matched_words(client):
    soup = soup_of(client.get("/", query_string={"q": "hoi thao"}))

    marks = [m.get_text() for m in soup.select(".snippet mark")]
    assert "Hội" in marks and "thảo" in marks


def test_organizer_facet_link_adds_the_filter_and_shows_it_removable(client):
    first = soup_of(client.get("/", query_string={"sort": "newest"}))
    link = facet_link(first, "organizer", ACADEMY)

    filtered = soup_of(client.get(link["href"]))

    assert query_of(link["href"]) == {"sort": ["newest"], "organizer": [ACADEMY]}
    assert set(hit_titles(filtered)) == {
        "Hội thảo khoa học “Xây dựng chính phủ số – Những vấn đề đặt ra đối với công vụ, công chức”",
        "Xây dựng chính quyền điện tử ở Việt Nam",
    }
    chip = filtered.select_one(".active-filters a.chip")
    assert ACADEMY in chip.get_text()
    assert "selected" in facet_link(filtered, "organizer", ACADEMY)["class"]
    unfiltered = soup_of(client.get(chip["href"]))
    assert query_of(chip["href"]) == {"sort": ["newest"]}
    assert len(hit_titles(unfiltered)) > 2
    assert unfiltered.select(".active-filters") == []


def test_organizer_facet_nests_units_under_their_parent_body(client):
    soup = soup_of(client.get("/"))

    academy = facet_link(soup, "organizer", ACADEMY).find_parent("li")
    units = [n.get_text(strip=True) for n in academy.select(":scope > ul .facet-name")]
    assert sorted(units) == sorted([FACULTY, "Khoa Văn bản và Công nghệ hành chính"])
    assert "Bộ Nội vụ" in [n.get_text(strip=True) for n in soup.select(".tree > li > a .facet-name")]
    assert academy.select_one(".facet-count").get_text() == "2"


def test_choosing_a_unit_of_a_chosen_body_narrows_to_that_unit(client):
    soup = soup_of(client.get("/", query_string={"organizer": ACADEMY}))

    link = facet_link(soup, "organizer", FACULTY)

    assert query_of(link["href"])["organizer"] == [FACULTY]
    assert hit_titles(soup_of(client.get(link["href"])))[0].startswith("Hội thảo khoa học")


def test_source_facet_link_toggles_off_when_chosen_again(client):
    soup = soup_of(client.get("/", query_string={"source": "napa.vn"}))

    link = facet_link(soup, "source", "napa.vn")

    assert "source" not in query_of(link["href"])
    assert hit_titles(soup) == ["Xây dựng chính quyền điện tử ở Việt Nam"]


def histogram_bar(soup: BeautifulSoup, label_start: str):
    for link in soup.select("svg.histogram a"):
        if link.get_text().startswith(label_start):
            return link
    raise AssertionError(f"no histogram bar named {label_start!r}")


def test_histogram_bar_link_filters_to_its_month(client):
    soup = soup_of(client.get("/"))
    bar = histogram_bar(soup, "Tháng 01/2022")

    filtered = soup_of(client.get(bar["href"]))

    assert query_of(bar["href"]) == {"date_from": ["2022-01"], "date_to": ["2022-01"]}
    assert sorted(t["datetime"] for t in filtered.select(".hit-meta time")) == ["2022-01-05", "2022-01-06"]
    chosen = filtered.select_one('svg.histogram a[aria-current="true"]')
    assert chosen.get_text().startswith("Tháng 01/2022: 2 bài")
    assert "date_from" not in query_of(chosen["href"])
    assert filtered.select_one(".active-filters .chip").get_text(" ", strip=True).startswith("Thời gian: 01/2022")


def test_year_facet_filters_to_that_year(client):
    link = facet_link(soup_of(client.get("/")), "year", "2023")

    filtered = soup_of(client.get(link["href"]))

    assert sorted(hit_titles(filtered)) == ["Nâng cấp tuyến đường ven biển", "Đảm nhận chức vụ đương nhiệm"]


def test_sort_and_page_links_keep_the_whole_state(client):
    soup = soup_of(client.get("/", query_string={"q": "", "per_page": "3", "sort": "oldest", "lang": "vi"}))

    next_link = soup.select_one('.pagination a[rel="next"]')
    newest = soup.select_one(".sort a:-soup-contains('Mới nhất')")

    assert query_of(next_link["href"]) == {"per_page": ["3"], "sort": ["oldest"], "lang": ["vi"], "page": ["2"]}
    assert query_of(newest["href"]) == {"per_page": ["3"], "lang": ["vi"], "sort": ["newest"]}
    assert soup.select_one('.pagination a[aria-current="page"]').get_text() == "1"
    assert soup.select_one(".sort a[aria-current]").get_text() == "Cũ nhất"
    second = soup_of(client.get(next_link["href"]))
    assert second.select_one('.pagination a[aria-current="page"]').get_text() == "2"
    assert second.select_one("ol.hits")["start"] == "4"
    first_dates = [t["datetime"] for t in soup.select(".hit-meta time")]
    assert first_dates == sorted(first_dates)
    assert max(first_dates) <= min(t["datetime"] for t in second.select(".hit-meta time"))


def test_page_past_the_last_one_links_back_to_the_first(client):
    soup = soup_of(client.get("/", query_string={"q": "hội thảo", "page": "9"}))

    link = soup.select_one(".empty a")

    assert soup.select(".hit") == []
    assert query_of(link["href"]) == {"q": ["hội thảo"]}


def test_missing_index_renders_the_error_page_with_status_503(tmp_path):
    client = client_for(tmp_path / "chua-co")

    response = client.get("/", query_string={"q": "hội thảo"})

    assert response.status_code == 503
    assert soup_of(response).select_one("h1").get_text(" ", strip=True) == "Lỗi 503: Dịch vụ tạm thời chưa sẵn sàng"


def test_new_search_from_the_box_keeps_filters_but_starts_at_page_one(client):
    soup = soup_of(client.get("/", query_string={"q": "hội thảo", "source": "moha.gov.vn", "page": "1"}))

    hidden = {(i["name"], i["value"]) for i in soup.select("form[role=search] input[type=hidden]")}

    assert hidden == {("source", "moha.gov.vn")}


def test_did_you_mean_links_to_the_suggested_query(client):
    soup = soup_of(client.get("/", query_string={"q": "hanh chinhh", "lang": "en"}))

    link = soup.select_one(".suggestion a")

    assert link.get_text() == "hành chính"
    assert query_of(link["href"]) == {"q": ["hành chính"], "lang": ["en"]}


def test_export_links_hold_the_same_search(client):
    soup = soup_of(client.get("/", query_string={"q": "hội thảo", "organizer": "Bộ Nội vụ", "lang": "en"}))
    links = {a.get_text(): a["href"] for a in soup.select(".exports a")}

    found = client.get(links["JSON"]).json

    assert found["total"] == 1 and found["query"]["organizer"] == ["Bộ Nội vụ"]
    assert urlsplit(links["CSV"]).path == "/api/v1/search.csv"
    assert query_of(links["Atom feed"]) == {"q": ["hội thảo"], "organizer": ["Bộ Nội vụ"]}
    assert client.get(links["Atom feed"]).status_code == 200


def test_english_version_by_parameter_keeps_lang_in_links(client):
    response = client.get("/", query_string={"q": "hội thảo", "lang": "en"})
    soup = soup_of(response)

    assert soup.html["lang"] == "en"
    assert response.headers["Content-Language"] == "en"
    assert soup.select_one("label[for=q]").get_text() == "Search terms"
    assert "2 results" in soup.select_one(".count").get_text()
    assert query_of(facet_link(soup, "source", "moha.gov.vn")["href"])["lang"] == ["en"]
    assert query_of(soup.select_one(".hit-title a")["href"]) == {"q": ["hội thảo"], "lang": ["en"]}
    assert query_of(soup.select_one(".lang-switch")["href"])["lang"] == ["vi"]


def test_english_version_by_accept_language_header(client):
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"})

    assert soup_of(response).select_one("button[type=submit]").get_text() == "Search"
    assert "Accept-Language" in response.headers["Vary"]
    assert soup_of(client.get("/", headers={"Accept-Language": "fr"})).html["lang"] == "vi"


def test_every_interface_string_exists_in_both_languages():
    assert STRINGS["vi"].keys() == STRINGS["en"].keys()


def test_hostile_title_source_and_organizer_are_shown_as_text(odd_client):
    response = odd_client.get("/", query_string={"q": "an toàn thông tin"})
    html = response.get_data(as_text=True)
    soup = soup_of(response)

    assert soup.select_one(".hit-title a").get_text() == "<script>alert(1)</script>"
    assert "<script>alert" not in html and "<img src=x" not in html and "<i>Sở</i>" not in html
    assert soup.select("script") == [] and soup.select("img") == []
    assert "&lt;b&gt;đậm&lt;/b&gt;" in str(soup.select_one(".snippet"))


def test_hostile_document_page_never_links_a_javascript_url(odd_client):
    response = odd_client.get("/doc/hostile")
    soup = soup_of(response)

    assert soup.select_one("h1").get_text() == "<script>alert(1)</script>"
    assert soup.select("script") == []
    assert not any(a["href"].lower().startswith("javascript") for a in soup.select("a[href]"))
    assert "javascript:alert(3)" in soup.select_one(".doc-meta .url").get_text()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_document_page_shows_the_full_article_and_its_metadata(odd_client):
    soup = soup_of(odd_client.get("/doc/tin/2023/hoi-nghi"))
    meta = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in soup.select(".doc-meta dt")}

    assert soup.select_one("h1").get_text() == "Hội nghị tổng kết công tác cải cách hành chính năm 2023"
    assert [p.get_text() for p in soup.select(".doc-body p")] == [
        "Sáng 15/12/2023, Bộ Nội vụ tổ chức Hội nghị tổng kết.", "Thứ trưởng Vũ Chiến Thắng phát biểu."]
    assert meta["Nguồn"] == "moha.gov.vn"
    assert meta["Ngày"] == "15/12/2023"
    assert meta["Ngày đăng"] == "15/12/2023"
    assert meta["Tác giả"] == "Minh Anh"
    assert meta["Đơn vị tổ chức"] == "Vụ Cải cách hành chính (thuộc Bộ Nội vụ)"
    assert meta["Loại sự kiện"] == "hội nghị"
    assert meta["Nhân vật"] == "Vũ Chiến Thắng , Thứ trưởng Bộ Nội vụ"
    assert soup.select_one(".doc-meta .url a")["href"] == "https://moha.gov.vn/tin/hoi-nghi-tong-ket"


def test_document_metadata_links_to_the_search_filtered_by_it(odd_client):
    soup = soup_of(odd_client.get("/doc/tin/2023/hoi-nghi", query_string={"lang": "en"}))
    organizer = soup.select_one(".doc-meta dd li a")

    filtered = soup_of(odd_client.get(organizer["href"]))

    assert query_of(organizer["href"]) == {"lang": ["en"], "organizer": ["Vụ Cải cách hành chính"]}
    assert hit_titles(filtered) == ["Hội nghị tổng kết công tác cải cách hành chính năm 2023"]
    assert soup.select_one(".back a")["href"] == "/?lang=en"


def test_result_title_links_to_its_document_page(odd_client):
    soup = soup_of(odd_client.get("/", query_string={"q": "tổng kết"}))

    href = soup.select_one(".hit-title a")["href"]

    assert href == "/doc/tin/2023/hoi-nghi?q=t%E1%BB%95ng+k%E1%BA%BFt"  # the search, for "Back to search"
    assert odd_client.get(href).status_code == 200


def test_unknown_document_is_a_404_page(client):
    response = client.get("/doc/khong-co-bai-nay", query_string={"lang": "en"})
    soup = soup_of(response)

    assert response.status_code == 404
    assert soup.select_one("h1").get_text(" ", strip=True) == "Error 404: Page not found"
    assert query_of(soup.select_one(".error-page a")["href"]) == {"lang": ["en"]}


def test_bad_parameter_renders_the_error_page_with_status_400(client):
    response = client.get("/", query_string={"sort": "ngẫu nhiên"})
    soup = soup_of(response)

    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert soup.select_one("h1").get_text(" ", strip=True) == "Lỗi 400: Yêu cầu không hợp lệ"
    assert "sort must be one of" in soup.select_one(".error-detail").get_text()


def test_page_numbers_show_the_ends_and_the_neighbourhood_with_gaps_marked():
    assert page_window(1, 1) == []
    assert page_window(1, 5) == [1, 2, 3, 4, 5]
    assert page_window(1, 9) == [1, 2, 3, None, 9]
    assert page_window(6, 12) == [1, None, 4, 5, 6, 7, 8, None, 12]


def test_organizer_tree_survives_a_loop_in_the_parents():
    values = [FacetValue("A", 2, False, "B"), FacetValue("B", 2, False, "A"), FacetValue("C", 1, False, "A")]

    roots = organizer_tree(values)

    names = [node.value.value for node in roots]
    assert set(names) <= {"A", "B"} and names
    everything = []
    stack = list(roots)
    while stack:
        node = stack.pop()
        everything.append(node.value.value)
        stack.extend(node.children)
    assert sorted(everything) == ["A", "B", "C"]


def test_month_bars_fill_the_months_without_matches():
    values = [FacetValue("2023-02", 1, True), FacetValue("2022-11", 2, False)]

    bars = month_bars(values)

    assert [(b.month, b.count) for b in bars] == [("2022-11", 2), ("2022-12", 0), ("2023-01", 0), ("2023-02", 1)]
    assert [b.selected for b in bars] == [False, False, False, True]


def test_histogram_draws_every_month_of_a_long_span(tmp_path):
    articles = [Article(id=f"tin-{year}-{month}", title="Hội nghị giao ban", body="Hội nghị giao ban hằng tháng.",
                        date=f"{year}-{month:02d}-10") for year in (2019, 2020, 2021) for month in range(1, 13)]
    build_index(articles, tmp_path / "index", jobs=1)
    client = client_for(tmp_path / "index")

    soup = soup_of(client.get("/", query_string={"q": "giao ban", "date_from": "2021-12", "date_to": "2021-12"}))

    drawn = [a.get_text() for a in soup.select("svg.histogram a")]
    assert len(drawn) == 36
    assert drawn[0].startswith("Tháng 01/2019") and drawn[-1].startswith("Tháng 12/2021: 1 bài (đang lọc")


def test_histogram_escapes_its_links_and_labels(client):
    chart = histogram([Bar("2022-11", 3, False)], href=lambda bar: '/?q="><script>', label=lambda bar: "<b>")
    svg = client.application.jinja_env.get_template("_histogram.svg").render(chart=chart)

    assert "<script>" not in svg and "<b>" not in svg
    assert 'href="/?q=&#34;&gt;&lt;script&gt;"' in svg


def test_dates_and_numbers_read_naturally_in_each_language():
    assert format_date("2022-10-05", "vi") == "05/10/2022"
    assert format_date("2022-10", "en") == "Oct 2022"
    assert format_date("2023-12-15T09:30:00+07:00", "en") == "15 Dec 2023"
    assert format_number(12345, "vi") == "12.345"
    assert format_number(12345, "en") == "12,345"
