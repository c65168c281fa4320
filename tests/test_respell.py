"""Reading an unaccented query's diacritics back from the documents it finds best."""

from __future__ import annotations

from indexer.query import parse_query, respelling_query
from indexer.respell import restored_spellings, wanted


def test_the_best_documents_spell_the_query_words():
    spellings = restored_spellings(["mui", "thom"], ["Hoa sữa có mùi thơm nồng vào mùa thu ở Hà Nội."])

    assert spellings == {"mui": "mùi", "thom": "thơm"}


def test_a_use_next_to_the_query_neighbour_outweighs_more_uses_alone():
    bodies = ["Chiếc mũi đỏ, mũi lạnh, mũi cay vì gió; quán thơm mùi bánh nướng. Căn bếp có mùi thơm."]

    assert restored_spellings(["mui", "thom"], bodies)["mui"] == "mùi"


def test_a_better_ranked_document_counts_more():
    bodies = ["Tôi sửa xe cho bạn.", "Uống sữa mỗi sáng."]

    assert restored_spellings(["sua"], bodies) == {"sua": "sửa"}
    assert restored_spellings(["sua"], bodies[::-1]) == {"sua": "sữa"}


def test_words_the_documents_do_not_have_are_left_as_typed():
    spellings = restored_spellings(["hoi", "thao", "xyz"], ["Hội thảo khoa học về chuyển đổi số."])

    assert spellings == {"hoi": "hội", "thao": "thảo"}


def test_the_spelling_is_canonical_whatever_tone_style_the_document_uses():
    assert restored_spellings(["hoa", "binh"], ["Giữ vững hoà bình."]) == restored_spellings(
        ["hoa", "binh"], ["Giữ vững hòa bình."])


def test_long_unaccented_queries_are_respelled_short_and_accented_ones_are_not():
    assert wanted(parse_query("tac dung cua thuoc giam dau la gi"))
    assert not wanted(parse_query("mui thom"))  # every word required; the pairs rank it
    assert not wanted(parse_query("Tác dụng của thuốc giảm đau là gì"))


def test_words_left_out_are_not_respelled():
    parsed = parse_query("tac dung cua thuoc giam dau -aspirin NOT (paracetamol OR ibuprofen)")

    assert [folded for folded, _ in parsed.respellable] == ["tac", "dung", "cua", "thuoc", "giam", "dau"]


def test_respelling_adds_the_spellings_as_exact_terms_on_the_fields_searched():
    parsed = parse_query("title:hoi thao khoa hoc chuyen doi so")

    query = respelling_query(parsed, {"hoi": "hội", "thao": "thảo", "so": "số"})

    assert sorted((t.fieldname, t.text) for t in query.subqueries) == [
        ("body", "số"), ("body", "thảo"), ("title", "hội"), ("title", "số"), ("title", "thảo")]
    assert respelling_query(parsed, {}) is None
