"""Reading an unaccented query's diacritics back from the documents it finds best."""

from __future__ import annotations

from indexer.search.query import parse_query, respelling_query
from indexer.search.respell import restored_spellings, wanted


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


def test_queries_with_operators_or_fields_are_not_respelled():
    assert not wanted(parse_query("tac dung cua thuoc giam dau -aspirin"))
    assert not wanted(parse_query("tac dung cua thuoc OR giam dau dau dau"))
    assert not wanted(parse_query("title:hoi thao khoa hoc chuyen doi so"))


def test_quoted_words_of_running_text_are_a_phrase_and_the_other_words_are_respelled():
    parsed = parse_query('Ong noi "title:abc -xyz AND" ve chuyen nay')

    assert wanted(parsed)
    assert [folded for folded, _ in parsed.respellable] == ["ong", "noi", "ve", "chuyen", "nay"]
    assert 'body_folded:"title abc xyz and"' in str(parsed.query)


def test_respelling_adds_each_spelling_once_on_title_and_body():
    parsed = parse_query("hoi thao hoi thao chuyen doi so")

    query = respelling_query(parsed, {"hoi": "hội", "thao": "thảo"})

    assert sorted((t.fieldname, t.text) for t in query.subqueries) == [
        ("body", "hội"), ("body", "thảo"), ("title", "hội"), ("title", "thảo")]
    assert respelling_query(parsed, {}) is None
