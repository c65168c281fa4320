""""Did you mean": whole queries respelled as words of the index that find more."""

from __future__ import annotations

import pytest
from conftest import index_of

from indexer.ingest.articles import Article
from indexer.search.query import parse_query
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search
from indexer.search.suggest import suggest
from indexer.text.vietnamese import fold_term

# Each contrast has its look-alike: "bảo", "những" and "tỉnh" are syllables of the index, but
# never next to "lụt", "tham" and "thông"; "đã nhận" is more frequent than "Đà Nẵng".
ARTICLES = [
    Article(id="bao-lut", title="Bão lụt gây thiệt hại nặng ở miền Trung",
            body="Sau bão lụt, các tỉnh miền Trung khẩn trương khắc phục hậu quả."),
    Article(id="tham-nhung", title="Đẩy mạnh phòng chống tham nhũng",
            body="Ban Chỉ đạo Trung ương về phòng chống tham nhũng họp phiên thường kỳ."),
    Article(id="tham-nhung-2", title="Xét xử vụ án tham nhũng tại Hà Nội",
            body="Tòa án nhân dân thành phố Hà Nội mở phiên tòa xét xử vụ án tham nhũng."),
    Article(id="ngay-mua", title="Những ngày mưa kéo dài",
            body="Những cơn mưa lớn khiến nhiều tuyến phố ngập sâu."),
    Article(id="cntt", title="Ứng dụng công nghệ thông tin trong giáo dục",
            body="Hội thảo bàn về công nghệ thông tin và chuyển đổi số trong giáo dục."),
    Article(id="tinh", title="Ủy ban nhân dân tỉnh họp về giao thông",
            body="Lãnh đạo tỉnh yêu cầu bảo đảm an toàn giao thông, bảo vệ người dân."),
    Article(id="da-nang", title="Du khách đến Đà Nẵng dịp lễ",
            body="Thành phố Đà Nẵng đón hàng nghìn du khách, cầu Rồng phun lửa mỗi tối."),
    Article(id="da-nhan", title="Ông đã nhận giải thưởng",
            body="Sau nhiều năm, ông đã nhận giải thưởng và đã nhận lời mời của trường."),
    Article(id="da-nhan-2", title="Nhà trường đã nhận hồ sơ",
            body="Nhà trường đã nhận hồ sơ của học sinh."),
    Article(id="thu-tuong", title="Thủ tướng Nguyễn Xuân Phúc làm việc với Hà Nội",
            body="Thủ tướng Nguyễn Xuân Phúc đề nghị Hà Nội đi đầu về giáo dục và y tế."),
]


@pytest.fixture(scope="module")
def handle(tmp_path_factory):
    handle = IndexHandle(index_of(ARTICLES, tmp_path_factory.mktemp("suggest-index")))
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def reader(handle):
    return handle.searcher().reader()


@pytest.fixture(scope="module")
def found(handle):
    """found(q): how many documents the real search finds for a query."""
    return lambda q: run_search(handle, SearchRequest(q=q)).total


@pytest.fixture(scope="module")
def did_you_mean(reader, found):
    """did_you_mean(q): the suggestion for a query, checked against the real search."""

    def ask(q: str) -> str | None:
        return suggest(parse_query(q).words, reader, total=found(q), count=found)

    return ask


def test_a_wrong_mark_becomes_the_word_the_index_has(did_you_mean):
    assert did_you_mean("bảo lụt") == "bão lụt"


def test_a_wrong_mark_is_respelled_from_the_words_neighbour_not_its_frequency(reader):
    # những is the commoner syllable, but beside "tham" the index only ever has nhũng.
    assert suggest(["tham", "những"], reader) == "tham nhũng"


def test_a_mark_left_out_of_an_accented_query_is_put_back(did_you_mean):
    assert did_you_mean("Nguyễn Xuân Phuc") == "Nguyễn Xuân Phúc"


def test_a_doubled_letter_is_undone_and_the_marks_typed_are_kept(did_you_mean):
    assert did_you_mean("hà nộii") == "hà nội"


def test_two_swapped_letters_are_put_back(did_you_mean):
    assert did_you_mean("ngyuễn xuân phúc") == "nguyễn xuân phúc"


def test_a_telex_leftover_is_read_as_the_syllable_it_types(did_you_mean):
    assert did_you_mean("giáo ducj") == "giáo dục"


def test_a_missing_letter_is_found_by_the_neighbour_and_the_marks_typed(did_you_mean):
    # "đã nhận" is the commoner pair of the index, but the user typed the marks of Đà Nẵng.
    assert did_you_mean("Đà Nẵn") == "Đà Nẵng"


def test_syllables_that_exist_but_never_side_by_side_are_not_proposed(did_you_mean):
    # tinh folds like tỉnh, a syllable of the index, but "thông tỉnh" is nowhere in it.
    assert did_you_mean("công nghệ thông tinh") == "công nghệ thông tin"


def test_every_adjacent_pair_of_a_suggestion_stands_side_by_side_in_the_index(did_you_mean, reader):
    for typo in ("bảo lụt", "hà nộii", "Đà Nẵn", "công nghệ thông tinh", "ngyuễn xuân phúc"):
        words = [fold_term(w) for w in did_you_mean(typo).split()]

        assert all(reader.doc_frequency("compounds", f"{a}_{b}") for a, b in zip(words, words[1:])), typo


def test_a_suggestion_finds_more_than_the_query(did_you_mean, found):
    for typo in ("bảo lụt", "hà nộii", "giáo ducj", "Đà Nẵn", "công nghệ thông tinh"):
        assert found(did_you_mean(typo)) > found(typo), typo


def test_a_correctly_spelled_query_that_finds_little_gets_no_suggestion(did_you_mean, found):
    assert found("phòng chống tham nhũng") == 1
    assert did_you_mean("phòng chống tham nhũng") is None
    assert did_you_mean("cầu Rồng") is None


def test_an_unaccented_query_is_not_offered_its_diacritics_alone(did_you_mean):
    # Matched without diacritics, it already finds all that its accented form would.
    assert did_you_mean("tham nhung") is None


def test_a_respelling_that_finds_no_more_is_not_proposed(reader):
    asked = []

    def count(text: str) -> int:
        asked.append(text)
        return 0

    assert suggest(parse_query("hà nộii").words, reader, total=0, count=count) is None
    assert 1 <= len(asked) <= 3


def test_the_old_call_without_total_and_count_still_suggests(reader):
    assert suggest(parse_query("hà nộii").words, reader) == "hà nội"
