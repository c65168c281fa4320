"""JSON Lines: given fields win, missing ones are extracted, bad lines are reported by number."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from indexer.ingest.articles import Article, Organizer, ReadFailure
from indexer.ingest.reading import read_articles
from indexer.ingest.reading.jsonl import MAX_LINE_BYTES

BODY = (
    "(napa.vn) – Sáng ngày 16/10/2020, tại Phòng Truyền thống Học viện, Khoa Văn bản và Công nghệ hành "
    "chính tổ chức Hội thảo khoa học “Xây dựng chính quyền điện tử ở Việt Nam – thực trạng và giải pháp”.\n"
    "Trần Trung"
)


def _write_lines(path: Path, lines: list[str | dict]) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    if path.name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        path.write_text(text + "\n", encoding="utf-8")
    return path


def test_missing_fields_are_extracted_from_the_body(tmp_path):
    path = _write_lines(tmp_path / "bai.jsonl", [{"id": "napa-1", "title": "Hội thảo khoa học", "body": BODY}])

    (article,) = read_articles([path])

    assert (article.id, article.title, article.source, article.date) == ("napa-1", "Hội thảo khoa học", "napa.vn", "2020-10-16")
    assert article.organizers == (Organizer("Khoa Văn bản và Công nghệ hành chính", "Học viện Hành chính Quốc gia"),)
    assert (article.author, article.event_type) == ("Trần Trung", "hội thảo")


def test_an_article_whose_paragraph_ends_with_a_bodys_abbreviation_in_brackets_is_read(tmp_path):
    """VietNews 086828: a paragraph ending "… Sở Giao dịch chứng khoán TP. HCM (HoSE)" with no full
    stop once made the reader fail the whole article (an internal error), so it was never indexed."""
    body = ("Vinamilk dự kiến có doanh thu năm 2021 hơn 3,5 tỉ USD.\n"
            "Sau đó, đến ngày 10-11, SCIC sẽ mở phiên chào bán công khai tại Sở Giao dịch chứng khoán TP. HCM (HoSE)")
    path = _write_lines(tmp_path / "tin.jsonl", [{"id": "vietnews-train-086828", "title": "SCIC chào bán cổ phiếu",
                                                  "body": body}])

    (article,) = read_articles([path])

    assert isinstance(article, Article) and article.id == "vietnews-train-086828"
    assert "HoSE" in article.body


def test_given_fields_win_over_extracted_ones(tmp_path):
    record = {
        "_id": 42,
        "title": "Tiêu đề do nguồn cung cấp",
        "text": BODY,
        "url": "https://www.quanlynhanuoc.vn/2020/10/17/hoi-thao/",
        "date": "2020-10-17",
        "published": "2020-10-17T09:30:00+07:00",
        "source": "tcnn.vn",
        "author": "Ban Biên tập",
        "organizers": ["Học viện Hành chính Quốc gia", {"name": "Khoa Văn bản và Công nghệ hành chính", "parent": "Học viện Hành chính Quốc gia"}],
    }
    path = _write_lines(tmp_path / "bai.jsonl", [record])

    (article,) = read_articles([path])

    assert article.id == "42"
    assert (article.title, article.url, article.source, article.author) == (
        "Tiêu đề do nguồn cung cấp",
        "https://www.quanlynhanuoc.vn/2020/10/17/hoi-thao/",
        "tcnn.vn",
        "Ban Biên tập",
    )
    assert (article.date, article.published) == ("2020-10-17", "2020-10-17T09:30")
    assert article.organizers == (
        Organizer("Học viện Hành chính Quốc gia"),
        Organizer("Khoa Văn bản và Công nghệ hành chính", "Học viện Hành chính Quốc gia"),
    )


def test_line_without_id_is_named_by_file_stem_and_line_number(tmp_path):
    path = _write_lines(tmp_path / "tin-2020.jsonl", [{"id": "a", "body": BODY}, {"body": BODY}])

    ids = [item.id for item in read_articles([path])]

    assert ids == ["a", "tin-2020:2"]


def test_malformed_lines_are_reported_with_their_number_and_the_rest_is_read_a_bad_date_only_left_out(tmp_path):
    path = _write_lines(
        tmp_path / "bai.jsonl",
        [
            {"id": "1", "body": BODY},
            '{"id": "2", "body": "thiếu ngoặc"',
            "[1, 2, 3]",
            "",
            {"id": "5", "body": ""},
            {"id": "6", "body": BODY, "organizers": "Bộ Nội vụ"},
            {"id": "7", "body": BODY, "date": "hôm qua"},
            {"id": "8", "body": BODY},
        ],
    )

    items = list(read_articles([path]))

    assert [(type(i).__name__, getattr(i, "line", None) or getattr(i, "id", None)) for i in items] == [
        ("Article", "1"),
        ("ReadFailure", 2),
        ("ReadFailure", 3),
        ("ReadFailure", 5),
        ("ReadFailure", 6),
        ("Article", "7"),
        ("Article", "8"),
    ]
    assert items[1].reason.startswith("malformed JSON")
    assert items[2].reason == "malformed JSON: a line must be an object"
    assert items[3].reason.startswith("empty article")
    assert items[4].reason.startswith("bad field: organizers")
    assert items[5].date == "2020-10-16" and items[5].warnings[0].line == 7  # kept, its date from the text
    assert items[5].warnings[0].reason.startswith("date left out: 'hôm qua'")
    assert str(items[1]) == f"{path}:2: {items[1].reason}"


def test_gzipped_json_lines_are_streamed(tmp_path):
    lines = [{"id": f"bai-{n}", "body": BODY} for n in range(50)]
    path = _write_lines(tmp_path / "kho.jsonl.gz", lines)

    items = read_articles([path])
    first = next(items)

    assert first.id == "bai-0"
    assert sum(1 for _ in items) == 49


def test_json_lines_in_a_directory_walk_get_ids_from_the_relative_path(tmp_path):
    (tmp_path / "2020").mkdir()
    _write_lines(tmp_path / "2020" / "tin.jsonl.gz", [{"body": BODY}])

    (article,) = read_articles([tmp_path])

    assert article.id == "2020/tin:1"


def test_corrupt_gzip_is_reported(tmp_path):
    path = tmp_path / "hong.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00 this is not gzip data at all")

    items = list(read_articles([path]))

    assert len(items) == 1 and isinstance(items[0], ReadFailure)
    assert items[0].reason.startswith("unreadable")


def test_line_over_the_limit_is_reported_and_the_next_line_read(tmp_path):
    path = tmp_path / "dai.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"id": "x", "body": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}\n')
        handle.write(json.dumps({"id": "y", "body": BODY}).encode() + b"\n")

    items = list(read_articles([path]))

    assert isinstance(items[0], ReadFailure) and items[0].line == 1
    assert items[0].reason.startswith("line too long")
    assert isinstance(items[1], Article) and items[1].id == "y"


def test_legacy_encoded_text_in_a_line_is_repaired(tmp_path):
    path = _write_lines(tmp_path / "cu.jsonl", [{"id": "1", "title": "Héi th¶o khoa häc", "body": BODY}])

    (article,) = read_articles([path])

    assert article.title == "Hội thảo khoa học"


def test_undecodable_line_is_reported(tmp_path):
    path = tmp_path / "sai.jsonl"
    path.write_bytes(b'{"id": "1", "body": "\xff\xfe\xfa"}\n' + json.dumps({"id": "2", "body": BODY}).encode() + b"\n")

    items = list(read_articles([path]))

    assert items[0] == ReadFailure(str(path), "undecodable text: line is not UTF-8", 1)
    assert items[1].id == "2"


def test_lead_kept_apart_from_the_body_opens_the_body(tmp_path):
    record = {
        "id": "vn-1",
        "title": "Bộ Nội vụ tổng kết công tác năm",
        "abstract": "Sáng 4/1/2024, Bộ Nội vụ tổ chức Hội nghị tổng kết công tác năm 2023.",
        "body": "Hội nghị được kết nối trực tuyến với 63 tỉnh, thành phố.",
    }
    path = _write_lines(tmp_path / "bai.jsonl", [record])

    (article,) = read_articles([path])

    assert article.body.startswith("Sáng 4/1/2024, Bộ Nội vụ tổ chức")
    assert (article.date, article.organizers) == ("2024-01-04", (Organizer("Bộ Nội vụ"),))


def test_single_line_text_without_title_stays_the_body(tmp_path):
    path = _write_lines(tmp_path / "ngan.jsonl", [{"_id": "q1", "text": "Thuốc Paracetamol có tác dụng hạ sốt và giảm đau"}])

    (article,) = read_articles([path])

    assert article.body == "Thuốc Paracetamol có tác dụng hạ sốt và giảm đau"


def test_a_record_without_a_title_keeps_its_whole_body_and_its_first_line_only_shows_as_title(tmp_path):
    first = "Bộ Nội vụ tổng kết công tác năm 2022"
    path = _write_lines(tmp_path / "khong-tieu-de.jsonl", [{"id": "1", "body": f"{first}\n{BODY}"}])

    (article,) = read_articles([path])

    assert article.title == first and article.title_built
    assert article.body.startswith(first)
