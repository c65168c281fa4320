"""Event types the lead reports, not the event of a file photo's caption nor one still to come.

The sentences come from titles and leads of VietNews articles (unlabelled ones with ids below
80,000, and tune rows), paragraphs joined by a newline as the extractor reads the lead.
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.events import find_event_type


@pytest.mark.parametrize(("title", "lead"), [
    ("Nghị sĩ Mỹ yêu cầu điều tra Thái tử Arab Saudi vì vụ Khashoggi",
     "Hai thượng nghị sĩ Mỹ muốn chính quyền Trump xác định rõ vai trò của Thái tử Mohammed bin Salman trong vụ "
     "giết Khashoggi.\nThượng nghị sĩ Corker trong cuộc họp Uỷ ban Đối ngoại Thượng viện cuối năm 2017."),
    ("Nga sẵn sàng đáp trả nếu Mỹ đưa tên lửa tới châu Âu",
     "Nga khẳng định không muốn chạy đua vũ trang, nhưng sẵn sàng đáp trả nếu Mỹ đưa tên lửa hành trình tới châu "
     "Âu.\nTổng thống Putin trong một cuộc họp báo hồi năm 2018."),
    ("Nga ngăn tuyên bố của Hội đồng Bảo an về Triều Tiên",
     "Nga ngăn một tuyên bố tại Hội đồng Bảo an kêu gọi \"các biện pháp đáng kể\" để đáp trả việc Triều Tiên phóng "
     "thử tên lửa đạn đạo.\nMột phiên họp Hội đồng Bảo an."),
])
def test_the_event_of_a_file_photos_caption_is_no_report(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Duterte: Philippines không muốn chiến tranh trên biển",
     "Tổng thống Rodrigo Duterte nói không có ý định tham gia vào một cuộc chiến liên quan tới tranh chấp lãnh thổ "
     "trên biển.\nTuyên bố được đưa ra trong một cuộc họp báo cuối tuần này.", "họp báo"),
    ("Ông Mai Tiến Dũng: Vụ Đồng Tâm, bên nào sai thì phải chịu trách nhiệm",
     "\"Nếu chính quyền sai thì nhận lỗi trước dân\", lãnh đạo Văn phòng Chính phủ nói về hướng giải quyết vụ việc."
     "\nHọp báo chính phủ tháng 4/2017", "họp báo"),
    ("Hong Kong rút dự luật dẫn độ",
     "Trưởng đặc khu Hong Kong tuyên bố rút dự luật dẫn độ.\nTrưởng đặc khu Hong Kong Carrie Lam phát biểu tại "
     "một buổi họp báo hôm nay.", "họp báo"),
])
def test_a_caption_of_the_reported_event_or_a_heading_naming_it_keeps_its_type(title, lead, kind):
    assert find_event_type(title, lead) == kind
