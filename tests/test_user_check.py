"""`bench.user_check`, issue 14's own check on the path users take: which leads count as a body
organizing an event (sentences of VietNews leads), and a small run through `vnsearch index`,
`vnsearch serve` and the HTTP API."""

from __future__ import annotations

import pytest

from bench.extraction import TRAIN
from bench.user_check import ANY_ORGANIZING, CUE, main


def test_a_named_body_organizing_an_event_in_the_clause_is_a_cue():
    lead = "Sáng 23-10, Sở GD-ĐT TP Đà Nẵng đã tổ chức họp báo về kỳ thi tuyển sinh lớp 10."

    assert CUE.search(lead)


def test_a_contests_committee_is_no_body_organizing_it():
    lead = "Ban tổ chức cuộc thi Hoa hậu Việt Nam 2016 cho biết vòng chung kết sẽ diễn ra tại Phú Quốc."

    assert not CUE.search(lead)
    assert ANY_ORGANIZING.search(lead)


def test_an_event_organized_in_another_clause_than_the_body_is_no_cue():
    lead = "Bộ Y tế cho biết. Gia đình anh tổ chức lễ cưới ngay tại bệnh viện."

    assert not CUE.search(lead)


@pytest.mark.skipif(not TRAIN.exists(), reason=f"{TRAIN} is absent (../shared/data)")
def test_the_check_indexes_train_articles_and_reads_every_one_back_through_the_api(tmp_path, capsys):
    assert main(["--articles", "40", "--work", str(tmp_path)]) == 0

    printed = capsys.readouterr().out
    assert "40 added, 0 failed" in printed
    assert "40 articles indexed with `vnsearch index`, read back through the HTTP API" in printed
    assert "facet, filter and query agree for" in printed
