"""Saved HTML pages: title, dates and article body without the page around it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from indexer.ingest.articles import Article, Organizer, ReadFailure
from indexer.ingest.reading import read_articles

PAGES = Path(__file__).parent / "fixtures" / "html"


def _read(name: str) -> Article:
    (item,) = read_articles([PAGES / name])
    assert isinstance(item, Article), item
    return item


def test_wordpress_page_of_napa_gives_title_time_and_clean_body():
    article = _read("napa_wordpress.html")

    assert article.title == "Hội nghị tập huấn công tác văn thư, lưu trữ năm 2023"
    assert (article.source, article.url) == ("napa.vn", "https://www.napa.vn/hoi-nghi-tap-huan-cong-tac-van-thu-luu-tru-nam-2023.htm")
    assert (article.date, article.date_source, article.published) == ("2023-04-21", "published", "2023-04-21T16:05")
    assert article.author == "Minh Anh"
    assert article.event_type == "hội nghị"
    for furniture in ("Trang chủ", "Tin liên quan", "Chia sẻ", "Zalo", "Bản quyền", "Lễ khai giảng lớp"):
        assert furniture not in article.body
    assert article.body.startswith("(napa.vn) – Sáng ngày 20/4/2023")


def test_wordpress_unit_of_the_site_body_is_organizer_with_its_partner():
    article = _read("napa_wordpress.html")

    assert article.organizers == (
        Organizer("Văn phòng Học viện", "Học viện Hành chính Quốc gia"),
        Organizer("Cục Văn thư và Lưu trữ nhà nước", "Bộ Nội vụ"),
    )


def test_quanlynhanuoc_entry_content_page():
    article = _read("quanlynhanuoc_entry.html")

    assert article.title == "Tọa đàm “Chính quyền đô thị: kinh nghiệm quốc tế và thực tiễn Việt Nam”"
    assert (article.source, article.date, article.event_type) == ("quanlynhanuoc.vn", "2024-06-11", "tọa đàm")
    assert article.organizers == (
        Organizer("Khoa Nhà nước và Pháp luật", "Học viện Hành chính Quốc gia"),
        Organizer("Viện Konrad Adenauer", None, "KAS"),
    )
    assert article.author == "Hoàng Nam"
    assert "Comments are closed." not in article.body
    assert "Bài viết mới" not in article.body


def test_baochinhphu_detail_page_puts_the_sapo_first():
    article = _read("baochinhphu_detail.html")

    assert article.title == "Bộ Nội vụ và UNDP ký kết chương trình hợp tác về cải cách công vụ"
    assert article.body.startswith("(Chinhphu.vn) - Sáng 15/3, tại Hà Nội")
    assert (article.source, article.date, article.published) == ("baochinhphu.vn", "2024-03-15", "2024-03-15T10:45")
    assert article.event_type == "lễ ký kết"
    assert article.author == "Thu Trang"
    assert article.organizers == (
        Organizer("Bộ Nội vụ"),
        Organizer("Chương trình Phát triển Liên hợp quốc", None, "UNDP"),
    )
    assert "Tin liên quan" not in article.body and "Thời sự" not in article.body


def test_moha_portal_page_drops_the_portal_chrome():
    article = _read("moha_portal.html")

    assert article.title == "Hội nghị trực tuyến tổng kết công tác thi đua, khen thưởng năm 2023"
    assert (article.source, article.date, article.published) == ("moha.gov.vn", "2024-01-11", "2024-01-11T17:30")
    assert article.organizers == (Organizer("Ban Thi đua - Khen thưởng Trung ương", "Bộ Nội vụ"),)
    assert article.author == "Phương Linh"
    for chrome in ("BỘ NỘI VỤ", "MINISTRY OF HOME AFFAIRS", "Thay đổi tương phản", "Thủ tục hành chính", "Tôn Thất Thuyết"):
        assert chrome not in article.body


def test_generic_news_page_falls_back_to_the_block_with_most_text():
    article = _read("generic_news.html")

    assert article.title == "Đà Nẵng đăng cai Diễn đàn chuyển đổi số khu vực miền Trung"
    assert (article.date, article.date_source, article.published) == ("2023-09-08", "published", "2023-09-08T09:15")
    assert article.organizers == (
        Organizer("Uỷ ban nhân dân thành phố Đà Nẵng"),
        Organizer("Bộ Thông tin và Truyền thông"),
    )
    assert "Giá vàng" not in article.body and "Đăng nhập" not in article.body


def test_page_without_an_article_is_reported():
    (item,) = read_articles([PAGES / "no_article.html"])

    assert item == ReadFailure(str(PAGES / "no_article.html"), "no article found in HTML")


def test_page_declaring_windows_1258_is_decoded_and_normalized(tmp_path):
    html = (
        '<html><head><meta charset="windows-1258"><title>Hội nghị</title></head><body><h1>Hội nghị cán bộ</h1>'
        "<div class='entry-content'><p>Sáng ngày 3/3/2023, Bộ Nội vụ tổ chức Hội nghị cán bộ, công chức, "
        "viên chức năm 2023 tại Hà Nội với sự tham dự của đông đủ các đơn vị.</p></div></body></html>"
    )
    path = tmp_path / "cp1258.html"
    path.write_bytes(_cp1258(html))

    (article,) = read_articles([path])

    assert article.title == "Hội nghị cán bộ"
    assert article.organizers == (Organizer("Bộ Nội vụ"),)


def _cp1258(text: str) -> bytes:
    """`text` in Windows-1258: letters it lacks as base letter plus combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("markup", ["", "<html><body></body></html>", "https://napa.vn/tin-tuc"])
def test_empty_or_trivial_markup_is_reported_without_warnings(tmp_path, markup):
    path = tmp_path / "trang.htm"
    path.write_text(markup, encoding="utf-8")

    (item,) = read_articles([path])

    assert isinstance(item, ReadFailure)


def test_logo_heading_and_top_bar_date_are_not_taken_for_the_article(tmp_path):
    html = (
        "<html><body><div class='top'><h1 class='logo'>BỘ NỘI VỤ</h1><span class='date'>Thứ Hai, 22/01/2024</span></div>"
        "<article><h2 class='post-title'>Bộ Nội vụ tổ chức Hội nghị cán bộ năm 2024</h2>"
        "<div class='entry-content'><p>Sáng ngày 19/01/2024, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội nghị cán bộ, "
        "công chức, viên chức năm 2024 với sự tham dự của lãnh đạo các đơn vị thuộc Bộ.</p></div></article>"
        "</body></html>"
    )
    path = tmp_path / "logo.html"
    path.write_text(html, encoding="utf-8")

    (article,) = read_articles([path])

    assert article.title == "Bộ Nội vụ tổ chức Hội nghị cán bộ năm 2024"
    assert (article.date, article.published) == ("2024-01-19", None)
