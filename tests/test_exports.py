"""CSV and Atom exports of a search, read back with the standard csv module and feedparser."""

from __future__ import annotations

import csv
import io

import feedparser  # type: ignore[import-untyped]
import pytest

from indexer.ingest.articles import Article, Organizer
from conftest import client_for, index_of
from searchsvc.renderers.csv_table import CSV_COLUMNS, safe_cell

HOC_VIEN = "Học viện Hành chính Quốc gia"
# Titles a spreadsheet would run as formulas, and text that would break XML if copied as is.
HOSTILE_TITLES = ['=HYPERLINK("http://evil.example","Bấm vào đây")', "+84 912 345 678", "-2+3", "@SUM(A1:A9)",
                  "\t=1+1", " =cmd|' /C calc'!A0", "＝1+1"]
ARTICLES = [
    Article(id=f"doc-hai-{i}", title=title, body=f"Bài viết số {i} về thủ đoạn lừa đảo trên mạng.",
            date=f"2021-0{i + 1}-01", source="canhbao.vn")
    for i, title in enumerate(HOSTILE_TITLES)
] + [
    Article(id="hoi-thao-khoa", title="Hội thảo khoa học về chính quyền số",
            body="Khoa Văn bản và Công nghệ hành chính tổ chức hội thảo khoa học về chính quyền số.",
            date="2023-06-01", source="napa.vn", event_type="hội thảo", author="Thu Hà",
            url="https://napa.vn/hoi-thao-chinh-quyen-so",
            organizers=(Organizer("Khoa Văn bản và Công nghệ hành chính", HOC_VIEN),)),
    Article(id="hoi-nghi-hoc-vien", title="Hội nghị tổng kết của Học viện",
            body="Học viện Hành chính Quốc gia tổng kết năm học.", date="2022-12",
            source="napa.vn", event_type="hội nghị", organizers=(Organizer(HOC_VIEN),)),
    Article(id="bo-noi-vu", title="Bộ Nội vụ tập huấn công tác văn thư",
            body="Bộ Nội vụ mở lớp tập huấn công tác văn thư, lưu trữ.", date="2023-01-15",
            source="moha.gov.vn", organizers=(Organizer("Bộ Nội vụ"),)),
    Article(id="ky-tu-la", title="Tin có ký tự điều khiển\x0b\x01 & <thẻ> lạ",
            body="Nội dung có ký tự điều khiển\x0c và dấu <b>đậm</b> & lừa đảo.", date="2020-02-02",
            url="javascript:alert(document.cookie)"),
    Article(id="khong-ngay", title="Thông báo không ghi ngày", body="Thông báo về lừa đảo qua điện thoại."),
]


@pytest.fixture(scope="module")
def exports_index(tmp_path_factory):
    return index_of(ARTICLES, tmp_path_factory.mktemp("exports-index"))


@pytest.fixture(scope="module")
def client(exports_index):
    return client_for(exports_index)


def read_csv(answer) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(answer.get_data().decode("utf-8-sig"))))


def read_feed(answer):
    # Unsanitized, to see the summary's HTML as sent (feedparser's sanitizer drops <mark>).
    parsed = feedparser.parse(answer.get_data(), sanitize_html=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


# --- CSV ------------------------------------------------------------------------------------


def test_csv_holds_every_match_in_the_order_of_the_api(client):
    answer = client.get("/api/v1/search.csv", query_string={"q": "lua dao"})
    api = client.get("/api/v1/search", query_string={"q": "lua dao", "per_page": 100}).json

    rows = read_csv(answer)

    assert answer.mimetype == "text/csv"
    assert [row["id"] for row in rows] == [hit["id"] for hit in api["hits"]]
    assert len(rows) == api["total"] == len(HOSTILE_TITLES) + 2
    assert answer.headers["X-Total-Count"] == answer.headers["X-Rows"] == str(api["total"])


def test_csv_has_the_documented_columns_and_keeps_vietnamese_text(client):
    rows = read_csv(client.get("/api/v1/search.csv", query_string={"q": "chính quyền số"}))

    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["title"] == "Hội thảo khoa học về chính quyền số"
    assert rows[0]["organizers"] == "Khoa Văn bản và Công nghệ hành chính"
    assert rows[0]["event_type"] == "hội thảo"
    assert float(rows[0]["score"]) > 0


def test_csv_starts_with_a_byte_order_mark_so_spreadsheets_read_utf8(client):
    assert client.get("/api/v1/search.csv").get_data().startswith("\ufeffid,".encode("utf-8"))


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_csv_cells_cannot_run_as_formulas(client, title):
    rows = {row["id"]: row for row in read_csv(client.get("/api/v1/search.csv"))}

    cell = rows[f"doc-hai-{HOSTILE_TITLES.index(title)}"]["title"]

    assert cell == "'" + title


@pytest.mark.parametrize("text", ["Hội thảo", "1+1", "a=b", "", "2023-01-01", "email@napa.vn"])
def test_csv_leaves_ordinary_text_as_it_is(text):
    assert safe_cell(text) == text


def test_csv_takes_the_filters_of_the_api_with_parent_roll_up(client):
    rows = read_csv(client.get("/api/v1/search.csv", query_string={"organizer": HOC_VIEN}))

    assert [row["id"] for row in rows] == ["hoi-thao-khoa", "hoi-nghi-hoc-vien"]


def test_csv_stops_at_the_row_cap_and_says_how_many_matched(exports_index):
    client = client_for(exports_index, CSV_MAX_ROWS=4)

    answer = client.get("/api/v1/search.csv", query_string={"page": 3, "per_page": 2})

    assert len(read_csv(answer)) == 4
    assert answer.headers["X-Rows"] == "4"
    assert answer.headers["X-Total-Count"] == str(len(ARTICLES))


def test_csv_rejects_a_bad_parameter_with_json(client):
    answer = client.get("/api/v1/search.csv", query_string={"sort": "random"})

    assert answer.status_code == 400
    assert answer.json["param"] == "sort"


# --- Atom -----------------------------------------------------------------------------------


def test_feed_lists_the_newest_matches_first_with_undated_last(client):
    feed = read_feed(client.get("/feed.atom", query_string={"q": "lừa đảo", "sort": "oldest"}))

    ids = [entry.id.rsplit("/", 1)[1] for entry in feed.entries]
    assert ids[:2] == ["doc-hai-6", "doc-hai-5"]
    assert ids[-1] == "khong-ngay"
    assert feed.feed.title == "vnsearch: lừa đảo"


def test_feed_entries_carry_title_link_date_author_and_marked_summary(client):
    feed = read_feed(client.get("/feed.atom", query_string={"q": "chinh quyen so"}))

    entry = feed.entries[0]
    assert entry.title == "Hội thảo khoa học về chính quyền số"
    assert entry.link == "https://napa.vn/hoi-thao-chinh-quyen-so"
    assert entry.updated.startswith("2023-06-01")
    assert entry.author == "Thu Hà"
    assert "<mark>chính</mark> <mark>quyền</mark> <mark>số</mark>" in entry.summary
    assert [tag.term for tag in entry.tags] == ["hội thảo"]


def test_feed_stays_well_formed_with_control_characters_and_markup_in_the_text(client):
    feed = read_feed(client.get("/feed.atom", query_string={"q": "ky tu dieu khien"}))

    entry = feed.entries[0]
    assert entry.title == "Tin có ký tự điều khiển & <thẻ> lạ"
    assert "&lt;b&gt;đậm&lt;/b&gt;" in entry.summary


def test_feed_never_links_to_a_script_url(client):
    feed = read_feed(client.get("/feed.atom", query_string={"q": "ky tu dieu khien"}))

    assert feed.entries[0].link.endswith("/doc/ky-tu-la")


def test_feed_holds_at_most_the_configured_number_of_entries(exports_index):
    client = client_for(exports_index, FEED_ENTRIES=3)

    feed = read_feed(client.get("/feed.atom"))

    assert [entry.title for entry in feed.entries][0] == "Hội thảo khoa học về chính quyền số"
    assert len(feed.entries) == 3


def test_feed_links_never_carry_the_host_a_client_sent(client):
    answer = client.get("/feed.atom", query_string={"q": "ky tu dieu khien"}, headers={"Host": "evil.example"})

    assert b"evil.example" not in answer.get_data()
    assert read_feed(answer).entries[0].id == "tag:vnsearch,2026:doc/ky-tu-la"


def test_feed_links_start_with_the_configured_public_address(exports_index):
    client = client_for(exports_index, BASE_URL="https://tin.example.vn/")

    feed = read_feed(client.get("/feed.atom", query_string={"q": "ky tu dieu khien"}, headers={"Host": "evil.example"}))

    assert feed.entries[0].link == "https://tin.example.vn/doc/ky-tu-la"
    assert feed.feed.links[0].href == "https://tin.example.vn/feed.atom?q=ky+tu+dieu+khien"


def test_feed_takes_the_filters_of_the_api(client):
    feed = read_feed(client.get("/feed.atom", query_string={"organizer": HOC_VIEN, "date_from": "2023"}))

    assert [entry.title for entry in feed.entries] == ["Hội thảo khoa học về chính quyền số"]


def test_feed_of_a_search_without_matches_is_an_empty_valid_feed(client):
    answer = client.get("/feed.atom", query_string={"q": "xyzzy"})

    assert answer.mimetype == "application/atom+xml"
    assert read_feed(answer).entries == []


def test_feed_rejects_a_bad_parameter_with_json(client):
    answer = client.get("/feed.atom", query_string={"date_from": "hôm qua"})

    assert answer.status_code == 400
    assert answer.json["param"] == "date_from"
