"""The reading sample of `bench.organizer_precision`: each organizer value is shown beside the
sentences that name it, so a reader can judge it (sentences of unlabelled VietNews leads)."""

from __future__ import annotations

from bench.organizer_precision import clauses_of
from indexer.ingest.articles import Organizer

TEXT = ("Chủ tịch UBND tỉnh Bắc Ninh yêu cầu điều tra vụ 62 trẻ mầm non dương tính với sán heo.\n"
        "Thông tin từ UBND tỉnh Bắc Ninh ngày 16-3 cho biết Chủ tịch UBND tỉnh đã chủ trì cuộc họp. "
        "Sở Y tế phải chủ trì, phối hợp với các đơn vị tổ chức xét nghiệm.")


def test_a_value_is_shown_with_the_first_sentences_naming_it_whatever_its_tone_style():
    organizer = Organizer(name="Uỷ ban nhân dân tỉnh Bắc Ninh")

    assert clauses_of(TEXT, organizer) == [
        "Chủ tịch UBND tỉnh Bắc Ninh yêu cầu điều tra vụ 62 trẻ mầm non dương tính với sán heo.",
        "Thông tin từ UBND tỉnh Bắc Ninh ngày 16-3 cho biết Chủ tịch UBND tỉnh đã chủ trì cuộc họp."]


def test_a_value_the_text_names_nowhere_says_so_rather_than_showing_nothing():
    assert clauses_of(TEXT, Organizer(name="Bộ Y tế"))[0].startswith("(its words stand nowhere")
