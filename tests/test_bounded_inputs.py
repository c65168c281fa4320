"""Hostile inputs cannot stall or sink an indexing run: each is indexed or reported, and the
other articles of the batch are searchable (docs/reliability.md, "Limits per document").

One real index is built by `vnsearch index` from a directory holding every hostile input
between two ordinary articles; the checks read what it holds and what the run reported.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from vnsearch.cli import main
from indexer.search.query import InvalidQueryError
from indexer.ingest.reading.html import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS
from indexer.ingest.reading.plaintext import MAX_ARTICLE_CHARS
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import get_document, run_search
from indexer.text.tokens import MAX_TOKEN_CHARS

SENTENCE = ("Sáng ngày 12/3/2021, Học viện Hành chính Quốc gia phối hợp với Bộ Nội vụ tổ chức "
            "Hội thảo khoa học về cải cách hành chính. ")
FIRST = "Bộ Tài chính tổ chức hội nghị tổng kết công tác thuế\nChiều ngày 5/3/2023, tại Hà Nội, Bộ Tài chính tổ chức hội nghị tổng kết công tác thu thuế năm 2022.\n"
LAST = "Tỉnh Lào Cai khánh thành cầu Kim Thành\nSáng ngày 9/9/2022, UBND tỉnh Lào Cai tổ chức lễ khánh thành cầu Kim Thành bắc qua sông Hồng.\n"
LONG_TOKEN = "đ" * 100_000


def _nested_divs() -> bytes:
    deep = "<div>" * 16_000 + "<p>Đoàn công tác kiểm tra tiến độ xây dựng đường cao tốc Bắc Nam.</p>"
    return f"<html><body>{deep}<p>{SENTENCE * 2}</p>{'</div>' * 16_000}</body></html>".encode()


def _long_line() -> bytes:
    chars = 19_000_000 * len(SENTENCE) // len(SENTENCE.encode())  # a 19 MB line
    body = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    records = [{"id": "dong-ngan", "title": "Hội thảo về chính phủ số", "body": "Bộ Thông tin và Truyền thông tổ chức hội thảo về chính phủ số."},
               {"id": "dong-dai", "title": "Hội thảo", "body": body}]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


HOSTILE = {
    "0-dau.txt": FIRST.encode(),
    "1-the-long-nhau.html": _nested_divs(),
    "2-doan-dau-dai.txt": ("Hội thảo khoa học về cải cách hành chính\n" + SENTENCE * 7_000 + "\nĐoạn kết.\n").encode(),
    "3-tu-dai.txt": (f"Hội nghị về chuyển đổi số\nBộ Nội vụ tổ chức hội nghị {LONG_TOKEN} về chuyển đổi số.\n").encode(),
    "4-dong-dai.jsonl": _long_line(),
    "5-qua-nhieu-the.html": ("<html><body><div><p>" + SENTENCE + "</p>" + "<b>x</b> " * MAX_HTML_ELEMENTS
                             + "</div></body></html>").encode(),
    "9-cuoi.txt": LAST.encode(),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[int, dict, Path, str]:
    """(exit status, --report summary, index directory, printed output) of one indexing run."""
    root = tmp_path_factory.mktemp("hostile")
    corpus, index, report = root / "corpus", root / "index", root / "report.json"
    corpus.mkdir()
    for name, data in HOSTILE.items():
        (corpus / name).write_bytes(data)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = main(["index", str(corpus), "--index", str(index), "--jobs", "2", "--report", str(report)])
    return status, json.loads(report.read_text(encoding="utf-8")), index, printed.getvalue()


def _hits(index: Path, q: str) -> list[str]:
    return [hit.id for hit in run_search(IndexHandle(index), SearchRequest(q=q, per_page=50)).hits]


def _failure(summary: dict, name: str) -> dict:
    (failure,) = [f for f in summary["failures"] if Path(f["path"]).name == name]
    return failure


def test_the_ordinary_articles_around_hostile_ones_are_indexed_and_searchable(run):
    _, summary, index, _ = run

    assert _hits(index, '"tổng kết công tác thu thuế"') == ["0-dau"]
    assert _hits(index, '"khánh thành cầu Kim Thành"') == ["9-cuoi"]
    assert _hits(index, '"chính phủ số"') == ["dong-ngan"]
    assert summary["added"] == 6 and summary["failed"] == 2


def test_a_page_of_16000_nested_divs_is_indexed_with_the_text_below_the_depth_limit(run):
    _, _, index, _ = run

    assert _hits(index, '"đường cao tốc Bắc Nam"') == ["1-the-long-nhau"]
    body = get_document(IndexHandle(index), "1-the-long-nhau")["body"]
    assert "Bắc Nam." in body and "Hội thảo khoa học" in body


def test_text_nested_past_the_depth_limit_keeps_its_paragraphs_apart(tmp_path):
    page = ("<html><body>" + "<div>" * (MAX_HTML_DEPTH + 100) + "<p>Bộ Y tế tổ chức hội nghị.</p>"
            "<p>Hội nghị bàn về tiêm chủng mở rộng cho trẻ em ở các tỉnh miền núi phía Bắc trong năm tới.</p>"
            "<p>Các đại biểu thống nhất tăng cường truyền thông và bảo đảm đủ vắc xin cho mọi địa phương.</p>" + "</div>" * (MAX_HTML_DEPTH + 100) + "</body></html>")
    (tmp_path / "trang.html").write_text(page, encoding="utf-8")

    assert main(["index", str(tmp_path / "trang.html"), "--index", str(tmp_path / "index"), "--jobs", "1"]) == 0

    document = get_document(IndexHandle(tmp_path / "index"), "trang")
    assert document["title"] == "Bộ Y tế tổ chức hội nghị."  # its own line: not run into the next
    assert document["body"].startswith("Hội nghị bàn về tiêm chủng")


def test_an_800_kb_first_paragraph_is_indexed_with_its_organizers_read_from_its_start(run):
    _, _, index, _ = run

    document = get_document(IndexHandle(index), "2-doan-dau-dai")
    assert len(document["body"]) > 800_000
    assert "Học viện Hành chính Quốc gia" in [o["name"] for o in document["organizers"]]
    assert "2-doan-dau-dai" in _hits(index, "cải cách hành chính")


def test_a_100000_character_token_is_stored_but_not_indexed_and_the_words_around_it_are(run):
    _, _, index, _ = run

    assert _hits(index, '"hội nghị về chuyển đổi số"') == ["3-tu-dai"]
    assert LONG_TOKEN in get_document(IndexHandle(index), "3-tu-dai")["body"]
    with pytest.raises(InvalidQueryError, match="no words"):  # the API's 400: nothing of it is indexed
        _hits(index, "đ" * (MAX_TOKEN_CHARS + 1))


def test_a_19_mb_line_over_the_article_budget_is_reported_with_its_line_and_the_file_goes_on(run):
    status, summary, index, printed = run

    failure = _failure(summary, "4-dong-dai.jsonl")
    assert failure["line"] == 2
    assert failure["reason"].startswith("article too long:") and f"(limit {MAX_ARTICLE_CHARS})" in failure["reason"]
    assert "4-dong-dai.jsonl:2: article too long" in printed
    assert _hits(index, '"Bộ Thông tin và Truyền thông"') == ["dong-ngan"]
    assert status == 1  # some inputs failed: the exit status says so, after the whole batch


def test_a_page_over_the_element_budget_is_reported_and_not_indexed(run):
    _, summary, index, _ = run

    failure = _failure(summary, "5-qua-nhieu-the.html")
    assert failure["reason"] == f"page too large: over {MAX_HTML_ELEMENTS} HTML elements"
    assert get_document(IndexHandle(index), "5-qua-nhieu-the") is None
