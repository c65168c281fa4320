"""A plenum named by its count ("Hội nghị lần thứ 11 Ban chấp hành Đảng bộ tỉnh Hải Dương") is that
committee's meeting; a meeting whose results are the topic ("nghe thông báo kết quả Hội nghị lần
thứ 10 Ban Chấp hành Trung ương") is not the one reported; "ra thông cáo" ends a body's name. The
sentences follow VietNews articles (train ids below 80,000, no label file's).
"""

from __future__ import annotations

from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.text import tokenize


def names(lead: str) -> list[str]:
    return [o.name for o in find_organizers([lead])]


def test_a_plenum_named_by_its_count_is_its_committees():
    lead = ("Chiều 5/12, tại Hội nghị lần thứ 11 Ban chấp hành Đảng bộ tỉnh Hải Dương khoá 16, một số đại biểu "
            "đã nêu thông tin gần 1.200 giáo viên hợp đồng không được nhận lương.")

    assert names(lead) == ["Ban chấp hành Đảng bộ tỉnh Hải Dương"]


def test_the_results_of_another_meeting_are_a_topic():
    lead = ("Chiều 22-5, Thành uỷ TP. HCM đã tổ chức hội nghị cán bộ chủ chốt nghe thông báo nhanh kết quả Hội "
            "nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khoá XII.")

    assert names(lead) == ["Thành uỷ Thành phố Hồ Chí Minh"]


def test_a_voters_meeting_on_a_sittings_results_is_not_the_sitting():
    lead = ("Phó thủ tướng Vương Đình Huệ có buổi tiếp xúc cử tri huyện Đức Thọ, tỉnh Hà Tĩnh để báo cáo kết quả "
            "kỳ họp thứ 4, Quốc hội khoá XIV.")

    assert "Quốc hội" not in names(lead)


def test_issuing_a_communique_ends_the_name():
    text = "Chiều 5/5, Uỷ ban Kiểm tra Trung ương ra thông cáo kỳ họp 35 xem xét kỷ luật ông Nguyễn Bá Cảnh."

    assert [m.name for m in find_mentions(tokenize(text), text, None)] == ["Ủy ban Kiểm tra Trung ương"]
