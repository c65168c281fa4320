"""Ranking choices measured on the relevance sets (docs/relevance.md), as behaviour."""

from __future__ import annotations

import time

import pytest

from indexer.search import respell
from indexer.ingest.articles import Article
from indexer.index.build import build_index
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search

ARTICLES = [
    Article(id="vanh-tai", title="", body="Vành tai là phần sụn bên ngoài của tai, giúp thu nhận âm thanh."),
    Article(id="tai-nghe", title="", body="Tai nghe không dây được bán nhiều trong dịp cuối năm."),
    Article(id="mui-thom", title="", body="Hoa sữa có mùi thơm nồng vào mùa thu ở Hà Nội."),
    Article(id="mui-cay", title="", body="Chiếc mũi đỏ vì trời lạnh, thơm mùi bánh nướng khắp phố."),
    Article(id="thanh-huong", title="Diễn viên Thanh Hương nói về nghề diễn",
            body="Diễn viên Thanh Hương chia sẻ rằng cô không thể sống giàu có nhờ nghề diễn viên."),
    Article(id="nghe-khac", title="Nghề diễn viên", body="Nhiều diễn viên trẻ chọn nghề vì đam mê."),
    Article(id="crps", title="", body="Hội chứng đau vùng phức hợp là tình trạng đau kéo dài, thường sau chấn thương ở tay hoặc chân."),
    Article(id="dau-dau", title="", body="Đau đầu là gì? Đau đầu vùng trán thường do căng thẳng."),
    Article(id="s300", title="", body="Hệ thống phòng không S-300 mà Nga chuyển giao cho Syria bị chê kém hiệu quả."),
    Article(id="s400", title="", body="Nga giao lô hàng S-400 thứ hai cho khách hàng ở châu Á."),
    # The same words apart, one spelled as "Hoa sữa có mùi thơm" spells them, one not: listed first.
    Article(id="sua-mui", title="", body="Sửa, hoa, mũi: khó quên."),
    Article(id="sua-mui-2", title="", body="Sữa, hoa, mùi: khó quên."),
]


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    return build_index_dir(tmp_path_factory.mktemp("ranking"))


@pytest.fixture(scope="module")
def ids(directory):
    handle = IndexHandle(directory)

    def search(q: str) -> list[str]:
        return [hit.id for hit in run_search(handle, SearchRequest(q=q, per_page=20)).hits]

    yield search
    handle.close()


def build_index_dir(directory):
    build_index(ARTICLES, directory, jobs=1)
    return directory


def test_a_short_question_does_not_require_its_question_words(ids):
    assert ids("Vành tai là gì?")[0] == "vanh-tai"
    assert ids("vanh tai la gi")[0] == "vanh-tai"


def test_adjacent_words_tell_unaccented_syllables_apart(ids):
    found = ids("mui thom")

    assert found.index("mui-thom") < found.index("mui-cay")


def test_quotes_in_a_pasted_headline_are_a_phrase_whatever_its_length(ids):
    # The article says "không thể sống giàu có nhờ nghề diễn viên": the quoted words are not there.
    assert ids('Diễn viên Thanh Hương: "Tôi không thể giàu với nghề diễn viên"') == []
    assert ids('Diễn viên Thanh Hương: "không thể sống giàu có nhờ nghề diễn viên"') == ["thanh-huong"]
    assert ids('Diễn viên Thanh Hương: Tôi không thể giàu với nghề diễn viên')[0] == "thanh-huong"


def test_a_short_quoted_phrase_is_still_a_phrase(ids):
    assert set(ids('"nghề diễn viên"')) == {"thanh-huong", "nghe-khac"}
    assert ids('"viên diễn nghề"') == []


def test_parentheses_in_running_text_are_punctuation_not_a_required_group(ids):
    # (CRPS) is not in the article: as a group it was required, and the question found nothing.
    assert ids("Hội chứng đau vùng phức hợp (CRPS) là gì?")[0] == "crps"
    assert ids("Hoi chung dau vung phuc hop (CRPS) la gi?")[0] == "crps"


def test_parentheses_still_group_alternatives_with_or(ids):
    assert ids("(lô hàng OR phòng không) hiệu quả") == ["s300"]
    assert set(ids("lô hàng OR phòng không hiệu quả")) == {"s300", "s400"}
    assert ids("(phòng không OR lô hàng) AND -Syria") == ["s400"]


def test_a_pasted_headline_with_a_lone_dash_and_a_code_typed_apart_finds_its_article(ids):
    # A lone dash is punctuation, and -300 the tail of "S-300": neither leaves anything out.
    found = ids('Chuyên gia Nga đánh giá S -300 kém hiệu quả ở Syria: Moscow cần rồng lửa S -400?')

    assert found[0] == "s300"
    assert ids("Nga - Syria S -300")[0] == "s300"
    # Quotes are a phrase: the article does not have "rồng lửa".
    assert ids('Nga - Syria: "rồng lửa" S -300 kém hiệu quả') == []


def test_a_dash_before_a_word_still_leaves_it_out(ids):
    assert ids("Nga -Syria") == ["s400"]


def test_an_unaccented_query_ranks_the_spelling_its_best_documents_use_first(ids):
    found = ids("hoa sua co mui thom")

    assert found[0] == "mui-thom"
    assert found.index("sua-mui-2") < found.index("sua-mui")  # sữa, mùi as in "mùi thơm"


def test_respelling_that_would_overrun_the_time_budget_leaves_the_first_ranking(directory, monkeypatch):
    query = SearchRequest(q="hoa sua co mui thom")
    monkeypatch.setattr(respell, "DOCUMENTS", 0)
    first = [hit.id for hit in run_search(IndexHandle(directory), query).hits]
    monkeypatch.setattr(respell, "DOCUMENTS", 10)

    restored_spellings = respell.restored_spellings

    def slow(words, texts):  # reading the best documents takes longer than the whole budget
        spent = time.thread_time() + 0.2
        while time.thread_time() < spent:
            pass
        return restored_spellings(words, texts)

    monkeypatch.setattr(respell, "restored_spellings", slow)

    assert [hit.id for hit in run_search(IndexHandle(directory, time_budget_s=0.1), query).hits] == first


def test_results_in_date_order_are_not_respelled(directory, monkeypatch):
    def fail(words, texts):
        raise AssertionError("respelled a query whose scores are not used")

    monkeypatch.setattr(respell, "restored_spellings", fail)

    assert run_search(IndexHandle(directory), SearchRequest(q="hoa sua co mui thom", sort="newest")).total > 0
