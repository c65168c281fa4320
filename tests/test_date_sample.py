"""`bench.date_sample`: the sentence a date stands in, and how a sampled date is shown to a reader
(sentences of unlabelled VietNews articles)."""

from __future__ import annotations

from bench.date_sample import sentence_at, show
from indexer.ingest.articles import Article
from indexer.ingest.extraction.dates import explain_event_date


def test_the_sentence_of_a_date_is_cut_at_its_full_stops_but_not_after_tp():
    text = ("Ngày 30-3-2019, Trường THPT Nguyễn Khuyến, quận 10, TP. HCM tổ chức phiên toà giả định. "
            "Hơn 1.200 học sinh đã tham dự.")

    assert sentence_at(text, text.index("30-3")) == ("Ngày 30-3-2019, Trường THPT Nguyễn Khuyến, quận 10, TP. HCM "
                                                      "tổ chức phiên toà giả định.")


def test_a_lent_year_is_shown_with_the_sentence_that_lent_it():
    lead = "Ngày 8/10, tập đoàn FLC đã nhận được Đơn xin từ nhiệm của ông Nguyễn Thanh Bình."
    rest = "Ông Bình không còn tư cách thành viên HĐQT tập đoàn FLC từ ngày 8/10/2018."
    found = explain_event_date(lead, rest)
    assert found is not None

    shown = show(Article(id="vietnews-train-063576", origin="test", title="FLC", body=lead), found, lead + "\n" + rest)

    assert "2018-10-08 [a full date of the same day]" in shown
    assert "year:  Ông Bình không còn tư cách" in shown
