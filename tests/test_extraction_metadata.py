"""Metadata of whole articles: the seed labels exactly, and title, source, author, people, event."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from indexer.ingest.articles import Person
from indexer.ingest.extraction import extract_metadata
from indexer.ingest.extraction.events import find_event_type
from indexer.ingest.extraction.people import find_people

CORPUS = Path(__file__).parent.parent / "corpus"
LABELS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "labels.json"


def _labels() -> dict:
    if not LABELS.exists():
        pytest.skip(f"seed labels not found at {LABELS}")
    return json.loads(LABELS.read_text(encoding="utf-8"))["documents"]


def _seed_names() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("*.txt"))


def _expected_title(label: dict) -> str | None:
    """The label's title, or for a file without one the title its note says a reader would give."""
    if label["title"] is not None:
        return label["title"]
    note = re.search(r"a good title names the event: (.+)$", label.get("title_note", ""))
    return note.group(1) if note else None


@pytest.mark.parametrize("name", _seed_names())
def test_seed_article_metadata_matches_the_hand_made_labels(name):
    label = _labels()[name]

    metadata = extract_metadata((CORPUS / name).read_text(encoding="utf-8"))

    assert {
        "title": metadata.title,
        "source": metadata.source,
        "date": metadata.date,
        "published": metadata.published,
        "event_type": metadata.event_type,
        "author": metadata.author,
        "organizers": [{"name": o.name, "parent": o.parent, "alias": o.alias} for o in metadata.organizers],
    } == {
        "title": _expected_title(label),
        "source": label["source"],
        "date": label["date"],
        "published": label["published"],
        "event_type": label["event_type"],
        "author": label["author"],
        "organizers": [
            {"name": o["name"], "parent": o["parent"], "alias": o.get("alias")} for o in label["organizers"]
        ],
    }


def test_portal_chrome_and_leftovers_are_not_in_the_body():
    text = (CORPUS / "003_3346b6839cb9ea6c.txt").read_text(encoding="utf-8")

    body = extract_metadata(text).body

    for leftover in ("BỘ NỘI VỤ", "A- A+", "Thay đổi tương phản", "Gửi mail", "Tìm kiếm", "25/11/2021 21:27"):
        assert leftover not in body
    assert body.startswith("Chiều ngày 25/11, tại trụ sở Bộ")
    assert not body.rstrip().endswith("Thanh Tuấn")


def test_image_names_widgets_and_byline_are_removed_from_the_body():
    text = (CORPUS / "004_6e14d537de19300f.txt").read_text(encoding="utf-8")

    body = extract_metadata(text).body

    assert not re.search(r"IMG[-_]\d", body)
    assert "Comments are closed." not in body
    assert "Trần Trung" not in body
    assert "Ông Nguyễn Phú Tiến tham luận tại Hội thảo\n" in body


def test_article_without_title_line_gets_a_title_naming_the_event():
    text = (
        "(napa.vn) – Chiều ngày 2/6/2023, Khoa Nhà nước và Pháp luật tổ chức Tọa đàm với chủ đề: "
        "“Kiểm soát quyền lực trong thi hành công vụ”. Tọa đàm thu hút đông đảo giảng viên tham dự."
    )

    assert extract_metadata(text).title == "Tọa đàm “Kiểm soát quyền lực trong thi hành công vụ”"


def test_title_without_a_quoted_theme_is_the_event_clause():
    text = (
        "Sáng 5/4/2024, Bộ Nội vụ tổ chức Hội nghị giao ban công tác quý I năm 2024, "
        "Thứ trưởng Nguyễn Duy Thăng chủ trì Hội nghị."
    )

    assert extract_metadata(text).title == "Hội nghị giao ban công tác quý I năm 2024"


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("(napa.vn) – Sáng ngày 12/11/2020, Bộ Nội vụ tổ chức Lớp bồi dưỡng.", "napa.vn"),
        ("(Quanlynhanuoc.vn) – Sáng ngày 05/10/2022, Học viện tổ chức Hội thảo.", "quanlynhanuoc.vn"),
        ("(Chinhphu.vn) - Chiều 3/5, Thủ tướng chủ trì Hội nghị trực tuyến.", "chinhphu.vn"),
    ],
)
def test_source_from_the_lead_marker_is_the_lowercased_domain(lead, source):
    assert extract_metadata(lead).source == source


def test_source_from_the_url_wins_over_the_lead_marker():
    metadata = extract_metadata(
        "(Chinhphu.vn) - Sáng 15/3, Bộ Nội vụ tổ chức Hội nghị.", url="https://www.baochinhphu.vn/a.htm"
    )

    assert metadata.source == "baochinhphu.vn"


def test_portal_header_names_the_site():
    text = "BỘ TƯ PHÁP\n\nHội nghị phổ biến pháp luật năm 2024\n\nSáng 2/2/2024, Bộ Tư pháp tổ chức Hội nghị."

    assert extract_metadata(text).source == "moj.gov.vn"


@pytest.mark.parametrize(
    ("last_line", "author"),
    [
        ("Xuân Phú", "Xuân Phú"),
        ("Tin, ảnh: Minh Anh", "Minh Anh"),
        ("Thanh Tuấn (tổng hợp)", "Thanh Tuấn"),
        ("Quang cảnh Hội thảo", None),
        ("Các đại biểu dự Hội thảo chụp ảnh lưu niệm", None),
    ],
)
def test_byline_on_the_last_line_is_the_author(last_line, author):
    text = f"Hội thảo khoa học năm 2023\n\nSáng 5/5/2023, Học viện tổ chức Hội thảo khoa học.\n\n{last_line}"

    assert extract_metadata(text).author == author


def test_people_are_named_with_titles_and_roles():
    text = (
        "Dự khai mạc, có PGS.TS. Hoàng Văn Nghĩa, Vụ trưởng Vụ Hợp tác quốc tế, Học viện Chính trị quốc gia "
        "Hồ Chí Minh; ông Béla Hégédus, Tùy viên Hợp tác, Đại sứ quán Pháp. Thứ trưởng Bộ Nội vụ Vũ Chiến "
        "Thắng chủ trì Hội thảo."
    )

    people = find_people(text)

    assert people == (
        Person("Hoàng Văn Nghĩa", "PGS.TS.", "Vụ trưởng Vụ Hợp tác quốc tế, Học viện Chính trị quốc gia Hồ Chí Minh"),
        Person("Béla Hégédus", None, "Tùy viên Hợp tác, Đại sứ quán Pháp"),
        Person("Vũ Chiến Thắng", None, "Thứ trưởng Bộ Nội vụ"),
    )


@pytest.mark.parametrize(
    ("title", "lead", "event_type"),
    [
        ("Toạ đàm về văn hoá công vụ", "", "tọa đàm"),
        ("Khai mạc khoá bồi dưỡng kỹ năng lãnh đạo", "", "khóa bồi dưỡng"),
        ("Học viện và KOICA ký kết biên bản ghi nhớ", "Sáng 3/3, hai bên tổ chức lễ ký kết.", "lễ ký kết"),
        ("Diễn đàn “Hội nghị số”", "", "diễn đàn"),
        (None, "Sáng 9/9, Sở Nội vụ tổ chức lớp tập huấn nghiệp vụ.", "lớp tập huấn"),
        ("Bồi dưỡng “Nền hành chính số”", "chiều ngày 17/10/2022 đã khai mạc khóa bồi dưỡng trực tuyến", "khóa bồi dưỡng"),
    ],
)
def test_event_type_is_normalized_to_one_spelling(title, lead, event_type):
    assert find_event_type(title, lead) == event_type


@pytest.mark.parametrize(
    ("title", "lead", "event_type"),
    [
        (None, "Phát biểu tại phiên khai mạc kỳ họp thứ 6 HĐND TP. HCM khoá IX, bí thư Thành uỷ đề nghị ...", "phiên họp"),
        (None, "Mới đây, TAND tỉnh Tây Ninh xử sơ thẩm và tuyên phạt tù chung thân đối với bị cáo Võ Văn Dứt.", "phiên tòa"),
        (None, "Sáng 23/11, cặp đôi Khởi My - Kelvin Khánh bí mật làm lễ kết hôn.", "lễ"),
        (None, "Chiều 5/3, Bộ Tài chính tổ chức cuộc họp báo công bố số liệu thu ngân sách.", "họp báo"),
    ],
)
def test_sittings_trials_and_ceremonies_have_their_type(title, lead, event_type):
    assert find_event_type(title, lead) == event_type


@pytest.mark.parametrize(
    "lead",
    [
        # the event the article happens beside, before, or at the venue of
        "Ông Trump bất ngờ tuyên bố huỷ cuộc gặp dự kiến bên lề hội nghị G 20.",
        "Theo báo cáo được Tổ chức Y tế thế giới công bố trước hội nghị toàn cầu đầu tiên về ô nhiễm không khí.",
        "Liveshow Trọng Tấn – Anh Thơ sẽ được tổ chức tại Trung tâm Hội nghị Quốc gia.",
        # kinds of events listed, none reported
        "Từ ngày 1-8, cơ quan nhà nước phải cắt giảm sản phẩm nhựa dùng một lần trong cuộc họp, hội nghị, hội thảo và hoạt động khác.",
    ],
)
def test_a_passing_mention_is_not_the_reported_event(lead):
    assert find_event_type("Chuyện thời sự", lead) is None


def test_title_set_in_capitals_is_kept_while_the_portal_name_is_dropped():
    text = "BỘ TƯ PHÁP\n\nHỘI NGHỊ PHỔ BIẾN PHÁP LUẬT NĂM 2024\n\nSáng 2/2/2024, Bộ Tư pháp tổ chức Hội nghị."

    metadata = extract_metadata(text)

    assert (metadata.title, metadata.source) == ("HỘI NGHỊ PHỔ BIẾN PHÁP LUẬT NĂM 2024", "moj.gov.vn")


def test_a_url_that_cannot_be_parsed_names_no_source():
    from indexer.ingest.extraction.sources import source_from_url

    assert source_from_url("http://[") is None and source_from_url("[") is None
    assert source_from_url("https://www.napa.vn/tin") == "napa.vn"
