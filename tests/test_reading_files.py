"""Finding inputs: directory walks in a fixed order, article ids, and every bad file reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.reading import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, read_articles

CORPUS = Path(__file__).parent.parent / "corpus"
LEAD = "Sáng ngày 12/11/2020, tại trụ sở Bộ, Bộ Nội vụ tổ chức Lớp bồi dưỡng về Chính phủ số.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_supported_suffixes_cover_text_html_and_json_lines():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".html", ".htm", ".jsonl", ".jsonl.gz"}


def test_walked_files_are_named_by_relative_posix_path_without_extension(tmp_path):
    _write(tmp_path / "2022" / "000_f2bef3335f8d85e7.txt", LEAD)
    _write(tmp_path / "2021" / "b.txt", LEAD)
    _write(tmp_path / "a.txt", LEAD)

    ids = [item.id for item in read_articles([tmp_path])]

    assert ids == ["2021/b", "2022/000_f2bef3335f8d85e7", "a"]


def test_file_given_directly_is_named_by_its_stem(tmp_path):
    path = _write(tmp_path / "nested" / "bai-viet.txt", LEAD)

    (article,) = read_articles([path])

    assert article.id == "bai-viet"
    assert article.origin == str(path)


def test_walk_order_is_the_same_every_time(tmp_path):
    for name in ("c.txt", "a.htm", "b.txt", "sub/z.txt", "sub/y.txt"):
        _write(tmp_path / name, "<p>" + LEAD * 3 + "</p>" if name.endswith("htm") else LEAD)

    first = [getattr(i, "id", None) for i in read_articles([tmp_path])]
    second = [getattr(i, "id", None) for i in read_articles([str(tmp_path)])]

    assert first == second == ["a", "b", "c", "sub/y", "sub/z"]


def test_walk_passes_over_hidden_files_labels_and_readmes_silently(tmp_path):
    _write(tmp_path / "a.txt", LEAD)
    _write(tmp_path / ".hidden.txt", LEAD)
    _write(tmp_path / ".git" / "config.txt", LEAD)
    _write(tmp_path / "labels.json", "{}")
    _write(tmp_path / "README.md", "# corpus")

    items = list(read_articles([tmp_path]))

    assert [type(i) for i in items] == [Article]


def test_other_unsupported_files_in_a_walk_are_reported(tmp_path):
    _write(tmp_path / "a.txt", LEAD)
    _write(tmp_path / "notes.docx", "x")

    items = list(read_articles([tmp_path]))

    assert isinstance(items[1], ReadFailure)
    assert items[1].reason == "unsupported file type .docx"


def test_unsupported_file_given_explicitly_is_reported(tmp_path):
    path = _write(tmp_path / "bang.csv", "a,b")

    assert list(read_articles([path])) == [ReadFailure(str(path), "unsupported file type .csv")]


def test_missing_file_is_reported_and_the_rest_goes_on(tmp_path):
    good = _write(tmp_path / "a.txt", LEAD)

    items = list(read_articles([tmp_path / "khong-co.txt", good]))

    assert items[0] == ReadFailure(str(tmp_path / "khong-co.txt"), "unreadable: no such file")
    assert isinstance(items[1], Article)


def test_file_over_the_size_limit_is_reported_without_being_read(tmp_path):
    path = tmp_path / "lon.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)

    (failure,) = read_articles([path])

    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("file too large")
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize("content", ["", "   \n\n  \t\n", "Tìm kiếm\n\nComments are closed.\n"])
def test_empty_article_is_reported(tmp_path, content):
    path = _write(tmp_path / "rong.txt", content)

    (failure,) = read_articles([path])

    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("empty article")


def test_unreadable_file_is_reported(tmp_path):
    path = _write(tmp_path / "khoa.txt", LEAD)
    path.chmod(0)
    try:
        if path.read_bytes():  # running as root: permissions do not stop reading
            pytest.skip("file permissions are not enforced for this user")
    except PermissionError:
        pass

    try:
        (failure,) = read_articles([path])
    finally:
        path.chmod(0o644)

    assert failure.reason.startswith("unreadable")


def test_seed_corpus_reads_as_five_articles_in_order(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")

    items = list(read_articles([tmp_path / "corpus"]))

    assert [item.id for item in items] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert all(isinstance(item, Article) for item in items)
