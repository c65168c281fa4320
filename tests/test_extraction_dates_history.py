"""Dates that are not the news's day: documents, plans, life spans, pageant titles, other periods.

Each sentence is from an unlabelled VietNews article (train ids below 60,000) or a tune row.
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.dates import find_event_date


@pytest.mark.parametrize(
    "lead",
    [
        # a document's number then a comma before its date (vietnews-train-013301)
        "Quy định 179 - QĐi / TW sẽ thay thế quy chế ban hành kèm theo Quyết định số 58 - QÐ / TW, "
        "ngày 7-5-2007 của Bộ Chính trị.",
        # a decision named in lower case (019583)
        "Đây là bộ bản đồ đã được Thủ tướng Võ Văn Kiệt phê duyệt kèm theo quyết định 367 / TTg ngày 4-6-1996.",
        # a magazine's issue (051754)
        "Nhân vật lên trang bìa ấn phẩm tạp chí Time phát hành ngày 1/3/2009 là nữ diễn viên Kate Winslet.",
        # the dead remembered, spelt "hi sinh" (011237)
        "Tối nay, UBND tỉnh Nghệ An tổ chức đại lễ cầu siêu cho các thanh niên hi sinh trong sự nghiệp "
        "xây dựng quê hương Xô Viết Nghệ Tĩnh ngày 3-1-1978.",
        # a plan (tune row vietnews-train-082550; 014705)
        "Đại hội cổ đông thường niên của Ngân hàng Quốc Tế (VIB) dự kiến được tổ chức vào ngày 29-3-2018 tại Hà Nội.",
        "Việc chậm bàn giao mặt bằng sẽ không thể đảm bảo mục tiêu hợp long cầu vào ngày 30-4-2020.",
        # a life's span (028172)
        "Olga Alexandrovna Ladyzhenskaya, gọi tắt là Olga (7-3-1922 - 12-1-2004) là nhà toán học người Nga.",
    ],
)
def test_a_date_that_is_no_day_of_the_news_gives_no_date(lead):
    assert find_event_date(lead) is None


def test_the_end_of_a_period_with_its_own_start_lends_no_year_to_the_news_day():
    lead = "Sáng 24-8, cục trưởng Cục Hàng không Việt Nam đã ra quyết định cấm bay 12 tháng với hành khách Lê Thị Hiền."
    rest = "Quyết định nêu rõ bà Hiền bị cấm bay trong 12 tháng, tính từ ngày 27-8-2019 đến hết ngày 26-8-2020."

    assert find_event_date(lead, rest) is None  # was 2020-08-24 (vietnews-train-009990)


def test_the_end_of_the_period_the_day_opens_still_lends_its_year():
    lead = "Ngày 02/5, TAND TP Hà Nội mở lại phiên xét xử sơ thẩm vụ Thao túng giá chứng khoán đầu tiên ở Hà Nội."
    rest = "Dự kiến, phiên toà xét xử sẽ được diễn ra trong khoảng 4 ngày (từ 2/5 - 7/5/2019)."

    # a period still to come lends its year, though it is no event date itself (vietnews-train-000665)
    assert find_event_date(lead, rest) == "2019-05-02"


def test_a_pageant_title_a_person_holds_lends_no_year():
    lead = ("Gia đình sẽ tổ chức lễ tang cho Á hậu Hoàn vũ Thái Lan 2005 Nursara Suknamai vào ngày 2/11. "
            "Cha mẹ cô vẫn không thể tin con gái qua đời.")

    assert find_event_date(lead) is None  # was 2005-11-02 (vietnews-train-006898)


def test_the_contest_of_a_year_still_lends_its_year_to_its_final():
    lead = ("Trong đêm chung kết cuộc thi Thần tượng Bolero 2018 tối 17/5, tiến sĩ Triết học Duy Cường đã "
            "giành chiến thắng.")

    assert find_event_date(lead) == "2018-05-17"  # vietnews-train-006531


@pytest.mark.parametrize(
    "lead",
    [
        # vietnews-train-011014
        "Yêu cầu đó được nhấn mạnh tại Hội nghị báo chí toàn quốc, tổng kết công tác năm 2018, "
        "triển khai nhiệm vụ năm 2019, tổ chức chiều 28-12.",
        # tune row vietnews-train-084650, labelled "day-month only" (was 2018-01-08)
        "Thủ tướng Nguyễn Xuân Phúc nêu vấn đề này tại hội nghị tổng kết nhiệm vụ tài chính - ngân sách năm "
        "2017, triển khai nhiệm vụ năm 2018 do Bộ Tài chính tổ chức ngày 8-1.",
        # a period of years in the name (vietnews-train-065086: was 2020-08-12)
        "Tại “Hội nghị triển khai kế hoạch thực hiện chiến lược quốc gia dinh dưỡng giai đoạn 2017 - 2020” "
        "diễn ra vào ngày 12/8 vừa qua, Uỷ ban nhân dân Thành phố Hồ Chí Minh vừa trao tặng bằng khen.",
    ],
)
def test_an_event_named_with_two_years_lends_neither_to_its_day(lead):
    assert find_event_date(lead) is None


def test_an_anniversary_span_still_lends_this_years_anniversary():
    lead = ("Lễ kỷ niệm 43 năm giải phóng miền Nam, thống nhất đất nước (30-4-1975 - 30-4-2018) diễn ra "
            "ngày 22-4 tại Chàng Riệc, xã Tân Lập, huyện Tân Biên, tỉnh Tây Ninh.")

    assert find_event_date(lead) == "2018-04-22"  # vietnews-train-013750


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # the day remembered in brackets lends no year to the visit (vietnews-train-011339)
        ("Chiều tối 17-1, đoàn công tác của UBND huyện Hoàng Sa đã đến thăm hỏi gia đình các nhân chứng "
         "nhân sự kiện 45 năm ngày Trung Quốc dùng vũ lực cưỡng chiếm trái phép quần đảo này của Việt Nam (19-1-1974).",
         None),
        # a storm remembered with its own full date is not the news (011733)
        ("Tròn hai thập kỷ bão Linda đổ bộ vào khu vực đồng bằng sông Cửu Long ngày 2-11-1997, cơn bão này vẫn "
         "là nỗi ám ảnh với công tác phòng chống thiên tai.", None),
        # the end of the span to this year's anniversary still lends its year (016767)
        ("Tối 2-7, tỉnh Quảng Ngãi tổ chức lễ kỷ niệm 30 năm ngày tái lập tỉnh (1-7-1989 - 1-7-2019) "
         "và đón nhận Huân chương Độc lập hạng nhất.", "2019-07-02"),
    ],
)
def test_a_day_the_text_counts_the_years_since_is_remembered_not_reported(lead, expected):
    assert find_event_date(lead) == expected
