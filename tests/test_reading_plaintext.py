"""Plain-text articles: the seeds read into articles with ids, origins, people and clean bodies."""

from __future__ import annotations

from pathlib import Path

from indexer.ingest.articles import Article, Person
from indexer.ingest.reading import read_articles

CORPUS = Path(__file__).parent.parent / "corpus"


def _seed(stem: str) -> Article:
    (article,) = read_articles([CORPUS / f"{stem}.txt"])
    assert isinstance(article, Article), article
    return article


def test_seed_with_title_line_keeps_title_out_of_the_body():
    article = _seed("000_f2bef3335f8d85e7")

    assert article.id == "000_f2bef3335f8d85e7"
    assert article.origin == str(CORPUS / "000_f2bef3335f8d85e7.txt")
    assert article.body.startswith("(Quanlynhanuoc.vn) – Thực hiện chương trình hợp tác")
    assert not article.body.rstrip().endswith("Xuân Phú")


def test_seed_people_carry_their_titles_and_roles():
    article = _seed("000_f2bef3335f8d85e7")

    assert article.people[:2] == (
        Person("Hoàng Văn Nghĩa", "PGS.TS.", "Vụ trưởng vụ Hợp tác quốc tế, Học viện Chính trị quốc gia Hồ Chí Minh"),
        Person("Nguyễn Đăng Quế", "TS.", "Phó Giám đốc điều hành Học viện Hành chính Quốc gia"),
    )


def test_caption_image_names_are_cut_from_the_caption_text():
    article = _seed("001_aaeaabb5907c0344")

    assert "IMG" not in article.body
    assert "\nÔng Nguyễn Thanh Bình khai mạc lớp bồi dưỡng\n" in article.body
    assert "Comments are closed." not in article.body


def test_seed_without_title_or_byline_keeps_its_last_paragraph():
    article = _seed("002_3a5e8be3527f227c")

    assert article.author is None
    assert article.body.rstrip().endswith("trong bối cảnh chuyển đổi số hiện nay.")


def test_text_is_stored_in_nfc(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.txt"
    text = "Hội thảo khoa học năm 2023\n\nSáng ngày 05/10/2023, Học viện tổ chức Hội thảo khoa học."
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")

    (article,) = read_articles([path])

    assert article.title == "Hội thảo khoa học năm 2023"
    assert unicodedata.is_normalized("NFC", article.body)
