"""Key terms of a search, similar articles, and the RIS and CSV exports, on real Vietnamese news.

The key-term and similar-article checks read the first 300 articles of
../shared/data/vietnews-train.jsonl.gz into an index of their own (a few seconds) and skip
when it is absent; the word segmentation checks use the literal articles of conftest.py.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import replace
from itertools import islice

import pytest

from conftest import SHARED, client_for, index_of
from waiting import wait_until
from indexer.index.build import build_index
from indexer.ingest.articles import Article, Organizer
from indexer.search.handle import IndexHandle
from indexer.search.keyterms import key_terms
from indexer.search.results import SearchRequest
from indexer.search.search import get_document, ranked_documents
from indexer.text.tokens import syllables
from indexer.text.vietnamese import canonical_term, nfc
from indexer.index.wordterms import decode_counts, stopwords, word_terms

VIETNEWS = SHARED / "data" / "vietnews-train.jsonl.gz"
needs_vietnews = pytest.mark.skipif(not VIETNEWS.exists(), reason=f"{VIETNEWS} is absent (../shared/data)")


def vietnews_articles(count: int) -> list[Article]:
    with gzip.open(VIETNEWS, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in islice(lines, count)]
    # In NFC as the readers hand articles over (a few VietNews texts are partly decomposed).
    return [Article(id=str(r["id"]), title=nfc(r.get("title") or "") or None,
                    body=nfc("\n\n".join(p for p in (r.get("abstract"), r.get("body")) if p))) for r in records]


@pytest.fixture(scope="module")
def news_index(tmp_path_factory):
    if not VIETNEWS.exists():
        pytest.skip(f"{VIETNEWS} is absent (../shared/data)")
    return index_of(vietnews_articles(300), tmp_path_factory.mktemp("vietnews-300"))


@pytest.fixture(scope="module")
def news(news_index):
    return client_for(news_index)


@pytest.fixture(scope="module")
def small(small_index):
    return client_for(small_index)


def canonical_words(text: str) -> list[str]:
    """The text's syllables as the index spells them."""
    return [canonical_term(s.text) for s in syllables(text)]


def holds(words: list[str], term: str) -> bool:
    """Whether the term's syllables follow each other somewhere in the text's words."""
    wanted = term.split()
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


# --- the words: pyvi's segmentation ----------------------------------------------------------


def test_terms_are_pyvi_words_and_word_pairs_not_syllable_pairs_across_words():
    terms = word_terms("Việt Nam đẩy mạnh xây dựng chính phủ điện tử và chuyển đổi số.")

    assert {"chính phủ", "chính phủ điện tử", "chuyển đổi", "chuyển đổi số"} <= set(terms)
    assert "phủ điện" not in terms and "đổi số" not in terms


def test_function_words_are_no_terms_and_break_a_pair():
    terms = word_terms("Bộ Nội vụ đã tổ chức hội nghị của các tỉnh với những đơn vị.")

    assert not set(terms) & {"đã", "của", "các", "với", "những"}
    assert "tổ chức hội nghị" in terms
    assert not any(word in term.split() for term in terms for word in ("của", "các"))


def test_the_index_holds_the_segmented_words_of_each_article(small_index):
    handle = IndexHandle(small_index)
    reader = handle.searcher().reader()
    docnum = handle.searcher().document_number(id="chinh-phu-so")

    words = decode_counts(reader.column_reader("word_counts")[docnum])

    assert words["chính phủ số"] == 2
    assert reader.doc_frequency("words", "chính phủ số") == 1
    assert reader.doc_frequency("words", "phủ số") == 0


# --- key terms -------------------------------------------------------------------------------


@needs_vietnews
def test_key_terms_occur_in_as_many_of_the_sampled_hits_as_they_say(news, news_index):
    answer = news.get("/api/v1/terms", query_string={"q": "ma túy", "size": 15}).json
    handle = IndexHandle(news_index)
    searcher, docnums = ranked_documents(handle, SearchRequest(q="ma túy"), 200)
    texts = [searcher.stored_fields(int(d)) for d in docnums]
    hits = [canonical_words(f"{t.get('title', '')}\n{t.get('body', '')}") for t in texts]

    assert answer["sample"] == len(docnums) and len(answer["terms"]) == 15
    for term in answer["terms"]:
        assert sum(holds(words, term["term"]) for words in hits) >= term["count"], term
        assert term["count"] <= term["background"] <= 300


@needs_vietnews
def test_key_terms_are_about_the_query_best_first_without_function_words(news):
    terms = news.get("/api/v1/terms", query_string={"q": "tai nạn giao thông"}).json["terms"]

    names = [t["term"] for t in terms]
    assert "tai nạn" in names[:5]
    assert [t["score"] for t in terms] == sorted((t["score"] for t in terms), reverse=True)
    assert not any(word in stopwords() for name in names for word in [name, *name.split()])


@needs_vietnews
def test_key_terms_follow_the_search_filters(news):
    everything = news.get("/api/v1/terms", query_string={"q": "công an"}).json
    one_year = news.get("/api/v1/terms", query_string={"q": "công an", "date_from": "1990", "date_to": "1990"}).json

    assert everything["sample"] > 0 and everything["terms"]
    assert one_year == {**one_year, "sample": 0, "terms": []}


def test_key_terms_refuse_a_size_out_of_bounds_naming_it(small):
    answer = small.get("/api/v1/terms", query_string={"q": "hội thảo", "size": 0})

    assert answer.status_code == 400
    assert answer.json["param"] == "size" and answer.json["error"] == "invalid_parameter"


def test_key_terms_refuse_an_unknown_parameter(small):
    answer = small.get("/api/v1/terms", query_string={"q": "hội thảo", "sample": 5})

    assert answer.status_code == 400 and answer.json["param"] == "sample"


# --- similar articles ------------------------------------------------------------------------


@needs_vietnews
def test_similar_articles_exclude_the_article_and_share_its_key_terms(news, news_index):
    article = news.get("/api/v1/search", query_string={"q": "ma túy"}).json["hits"][0]["id"]

    answer = news.get(f"/api/v1/documents/{article}/similar", query_string={"size": 5}).json

    assert len(answer["hits"]) == 5 and answer["terms"]
    assert article not in [hit["id"] for hit in answer["hits"]]
    handle = IndexHandle(news_index)
    for hit in answer["hits"]:
        record = get_document(handle, hit["id"])
        words = canonical_words(f"{record['title']}\n{record['body']}")
        assert any(holds(words, term) for term in answer["terms"]), hit["title"]


@needs_vietnews
def test_similar_articles_of_a_drug_case_are_drug_cases(news):
    article = news.get("/api/v1/search", query_string={"q": "ma túy"}).json["hits"][0]["id"]

    hits = news.get(f"/api/v1/documents/{article}/similar").json["hits"]

    about_drugs = [hit for hit in hits if "ma tuý" in canonical_term(hit["title"]) or "ma tuý" in canonical_term(hit["snippet"])]
    assert len(about_drugs) >= len(hits) // 2


def test_similar_articles_of_an_unknown_document_are_a_404(small):
    answer = small.get("/api/v1/documents/khong-co/similar")

    assert answer.status_code == 404 and answer.json["error"] == "not_found"


def test_similar_articles_read_size_only(small):
    answer = small.get("/api/v1/documents/chinh-phu-so/similar", query_string={"q": "x"})

    assert answer.status_code == 400 and answer.json["param"] == "q"


# --- the pages -------------------------------------------------------------------------------


@needs_vietnews
def test_the_search_page_lists_key_terms_that_add_themselves_to_the_query(news):
    page = news.get("/", query_string={"q": "tai nạn giao thông"}).get_data(as_text=True)

    panel = page[page.index('class="key-terms"'):]
    panel = panel[: panel.index("</section>")]
    assert "Từ khóa nổi bật" in panel
    assert "/?q=tai+n%E1%BA%A1n+giao+th%C3%B4ng+%22" in panel  # the query, then a quoted term


@needs_vietnews
def test_the_document_page_lists_similar_articles_without_itself(news):
    article = news.get("/api/v1/search", query_string={"q": "ma túy"}).json["hits"][0]["id"]

    page = news.get(f"/doc/{article}").get_data(as_text=True)

    panel = page[page.index('class="similar"'):]
    assert "Bài tương tự" in panel and panel.count('href="/doc/') >= 3
    assert f'href="/doc/{article}"' not in panel


# --- exports ---------------------------------------------------------------------------------

CITED = [
    Article(id="hoi-thao-so", title="Hội thảo “Chính quyền số” tại Học viện",
            body="Sáng 05/10/2022, Học viện Hành chính Quốc gia tổ chức hội thảo về chính quyền số.",
            url="https://napa.vn/hoi-thao", source="napa.vn", date="2022-10-05", date_source="published", author="Thu Hà",
            organizers=(Organizer("Học viện Hành chính Quốc gia"), Organizer("Bộ Nội vụ"))),
    Article(id="chi-nam", title="Tổng kết công tác năm", body="Hội nghị tổng kết công tác năm.", date="2021"),
]


@pytest.fixture(scope="module")
def cited(tmp_path_factory):
    return client_for(index_of(CITED, tmp_path_factory.mktemp("cited")))


def test_ris_export_is_one_news_record_per_match_with_its_citation_fields(cited):
    answer = cited.get("/api/v1/search.ris", query_string={"sort": "newest"})

    assert answer.status_code == 200 and answer.mimetype == "application/x-research-info-systems"
    records = answer.get_data(as_text=True).split("ER  - \r\n")
    first, second = records[0].splitlines(), records[1].splitlines()
    assert first == ["TY  - NEWS", "TI  - Hội thảo “Chính quyền số” tại Học viện", "AU  - Thu Hà", "PY  - 2022",
                     "DA  - 2022/10/05/", "T2  - napa.vn", "UR  - https://napa.vn/hoi-thao", "LA  - vi",
                     "ID  - hoi-thao-so", "KW  - Học viện Hành chính Quốc gia", "KW  - Bộ Nội vụ"]
    assert second[1:] == ["TY  - NEWS", "TI  - Tổng kết công tác năm", "PY  - 2021", "DA  - 2021///", "LA  - vi",
                          "ID  - chi-nam"]
    assert answer.headers["X-Rows"] == answer.headers["X-Total-Count"] == "2"


def test_csv_has_link_date_and_its_source_organizers_and_a_plain_snippet(cited):
    answer = cited.get("/api/v1/search.csv", query_string={"q": "chính quyền số"})

    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0]["url"] == "https://napa.vn/hoi-thao" and rows[0]["date"] == "2022-10-05"
    assert rows[0]["organizers"] == "Học viện Hành chính Quốc gia; Bộ Nội vụ"
    assert rows[0]["date_source"] == "published"
    assert "chính quyền số" in rows[0]["snippet"] and "<mark>" not in rows[0]["snippet"]


def test_csv_with_sep_semicolon_separates_cells_with_semicolons(cited):
    answer = cited.get("/api/v1/search.csv", query_string={"q": "chính quyền số", "sep": "semicolon"})

    text = answer.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["id", "title", "url"] and rows[1][2] == "https://napa.vn/hoi-thao"


def test_csv_refuses_an_unknown_separator_naming_sep(cited):
    answer = cited.get("/api/v1/search.csv", query_string={"sep": "tab"})

    assert answer.status_code == 400 and answer.json["param"] == "sep"



def test_key_terms_of_a_search_asked_again_follow_the_index_once_it_changes(tmp_path):
    """A search's key terms are kept for its next pages, but never past the index generation."""
    floods = [Article(id=f"lu-{n}", title="Lũ lụt ở miền Trung",
                      body="Mưa lớn gây lũ lụt ở miền Trung, nhiều nhà dân bị ngập sâu.") for n in range(4)]
    football = [Article(id=f"bong-da-{n}", title="Trận chung kết",
                        body="Đội tuyển bóng đá giành chiến thắng trong trận chung kết.") for n in range(4)]
    dikes = [Article(id=f"de-{n}", title="Lũ lụt làm vỡ đê",
                     body="Lũ lụt làm vỡ đê điều ở đồng bằng, người dân gia cố đê điều suốt đêm.") for n in range(4)]
    handle = IndexHandle(index_of(floods + football, tmp_path))
    request = SearchRequest(q="lũ lụt")

    def terms(page: int = 1) -> list[str]:
        return [t.term for t in key_terms(handle, replace(request, page=page), 10).terms]

    def about_dikes(found: list[str]) -> bool:
        return any("đê" in term.split() for term in found)

    first = terms()
    assert not about_dikes(first) and terms(page=2) == first
    assert build_index(dikes, tmp_path, jobs=1).added == len(dikes)
    wait_until(lambda: about_dikes(terms()), timeout=30, what="a term of the new articles among the key terms")
