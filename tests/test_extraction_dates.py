"""Dates: the day of the reported event in every way the portals write it."""

from __future__ import annotations

import pytest

from indexer.ingest.extraction import extract_metadata
from indexer.ingest.extraction.dates import find_event_date, find_published, normalize_iso


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Thực hiện chương trình hợp tác, chiều ngày 17/10/2022, tại Hà Nội đã khai mạc khóa bồi dưỡng.", "2022-10-17"),
        ("Sáng ngày 05/10/2022, Khoa Khoa học hành chính và Tổ chức nhân sự tổ chức Hội thảo khoa học.", "2022-10-05"),
        ("Thực hiện kế hoạch của Bộ Nội vụ, ngày 12/11/2020, Bộ Nội vụ tổ chức Lớp bồi dưỡng.", "2020-11-12"),
        ("Ngày 5 tháng 3 năm 2024, Bộ Tư pháp tổ chức Hội nghị triển khai công tác năm 2024.", "2024-03-05"),
        ("Tối 2/9, tại Quảng trường Ba Đình, Thành ủy Hà Nội tổ chức lễ kỷ niệm, (ngày 01/9/2023).", "2023-09-02"),
        ("Khóa bồi dưỡng được tổ chức từ ngày 17/10 – 21/10/2022 với 5 chuyên đề.", "2022-10-17"),
        ("Sáng 15.3.2024, tại Hà Nội, Bộ Nội vụ tổ chức Hội nghị.", "2024-03-15"),
        ("Sáng 16-1, Thành ủy tổ chức hội nghị, kết thúc ngày 17-1-2019.", "2019-01-16"),
    ],
)
def test_event_date_in_the_lead(lead, expected):
    assert find_event_date(lead) == expected


def test_day_without_year_takes_the_year_of_the_time_stamp():
    text = (
        "Hội thảo ứng dụng công nghệ thông tin trong hiện đại hóa nền công vụ\n\n25/11/2021 21:27\n\n"
        "Chiều ngày 25/11, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội thảo trực tuyến với các nước ASEAN."
    )

    metadata = extract_metadata(text)

    assert (metadata.date, metadata.published) == ("2021-11-25", "2021-11-25T21:27")


def test_day_without_year_takes_the_year_of_another_date_in_the_article():
    lead = "Chiều ngày 25/11, Bộ Nội vụ tổ chức Hội thảo."
    rest = "Các phiên thảo luận tiếp tục đến hết ngày 26/11/2021."

    assert find_event_date(lead, rest) == "2021-11-25"


def test_date_of_a_cited_resolution_is_not_the_event_date():
    lead = (
        "Thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ, sáng ngày 12/11/2020, "
        "Bộ Nội vụ tổ chức Lớp bồi dưỡng về Chính phủ điện tử."
    )

    assert find_event_date(lead) == "2020-11-12"


def test_lead_citing_only_a_document_has_no_event_date():
    lead = "Thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019, Bộ Nội vụ tổ chức lớp bồi dưỡng."

    assert find_event_date(lead) is None


def test_target_year_is_not_an_event_date():
    assert find_event_date("Việt Nam phấn đấu hoàn thành xây dựng chính phủ số đến năm 2030.") is None


def test_lead_date_with_part_of_day_beats_an_earlier_plain_date():
    lead = "Ngày 23/10/2020, Bộ trưởng phê duyệt kế hoạch; sáng ngày 16/11/2020, Học viện tổ chức Hội thảo."

    assert find_event_date(lead) == "2020-11-16"


def test_publication_day_stands_in_when_the_lead_has_no_date():
    assert find_event_date("Bộ Nội vụ tổ chức Hội nghị.", published="2023-05-04T08:00") == "2023-05-04"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("25/11/2021 21:27", "2021-11-25T21:27"),
        ("Thứ năm, 25/11/2021 - 21:27", "2021-11-25T21:27"),
        ("21:27 25/11/2021", "2021-11-25T21:27"),
        ("25/11/2021", "2021-11-25"),
    ],
)
def test_time_stamp_lines_give_the_publication_time(stamp, expected):
    assert find_published(stamp) == expected


def test_page_metadata_time_is_cut_to_minutes_without_zone():
    assert normalize_iso("2023-04-21T16:05:12+07:00") == "2023-04-21T16:05"


def test_published_stays_empty_without_a_stated_time():
    metadata = extract_metadata("Hội thảo khoa học\n\nSáng ngày 05/10/2022, Học viện tổ chức Hội thảo.")

    assert metadata.published is None


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        # A day and month with only a birth year in the text.
        ("Ngày 15/2, Công an huyện bắt giữ Đ.N.A. (sinh năm 1964, trú tại huyện Quỳnh Lưu).", ""),
        ("Ngày 19/9, TAND tỉnh Đắk Nông xét xử bị cáo Trần Anh Tiến (SN 1992).", ""),
        # A law's year.
        ("Sáng 3/3, bị cáo bị truy tố theo khoản 2 Điều 174 BLHS 2015.", ""),
        # An effective date and an anniversary.
        ("Mức lương tối thiểu vùng tăng 5,3%, áp dụng từ 1-1-2020.", ""),
        ("Kỷ niệm 50 năm chiến thắng Đồng Lộc (24/7/1968), tỉnh Hà Tĩnh dâng hương.", ""),
        # A story of long ago in a text that tells of later years.
        ("Ngày 11/8/2006, nhà băng này có quyết định cho vay.", "Năm 2014, cơ quan điều tra khởi tố vụ án."),
        # A year or a month alone tells of a time, not of the news' day.
        ("Bộ phim được phát hành năm 1964 đã làm nên tên tuổi của bà.", ""),
        ("Trong năm 2023, Học viện đã tổ chức 12 hội thảo khoa học cấp Học viện.", ""),
        ("Trong tháng 10/2022, Học viện tổ chức nhiều lớp bồi dưỡng cho công chức.", ""),
        # A cited order's number typed with spaces.
        ("Thực hiện Công điện số 240 / CĐ - TTg ngày 21/02/2018 của Thủ tướng, Sở chỉ đạo các di tích.", ""),
    ],
)
def test_no_date_rather_than_a_birth_year_a_law_year_or_history(lead, rest):
    assert find_event_date(lead, rest) is None


def test_the_publication_day_is_the_date_where_the_page_gives_one():
    text = "Hội nghị tổng kết\n\n25/11/2021 21:27\n\nNgày 20/11/2021, Bộ Nội vụ tổ chức Hội nghị tổng kết."

    metadata = extract_metadata(text)

    assert (metadata.date, metadata.date_source) == ("2021-11-25", "published")


def test_a_date_from_the_text_says_so_and_no_date_says_none():
    dated = extract_metadata("Hội thảo\n\nSáng ngày 05/10/2022, Học viện tổ chức Hội thảo khoa học.")
    undated = extract_metadata("Hội thảo\n\nSáng ngày 5/10, Học viện tổ chức Hội thảo khoa học.")

    assert (dated.date, dated.date_source) == ("2022-10-05", "text")
    assert (undated.date, undated.date_source) == (None, None)


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # the year the event's name gives
        ("Hiến kế phát triển du lịch tại Diễn đàn kinh tế tư nhân VN 2019, ngày 2-5 tại Hà Nội.", "2019-05-02"),
        ("Bộ trưởng đưa ra đề xuất tại hội nghị triển khai công tác của ngành năm 2019 diễn ra ngày 11-1.", "2019-01-11"),
        # a target in the name is no year of the event
        ("Hội thảo về chiến lược phát triển đến năm 2030, ngày 5-3 tại Hà Nội.", None),
    ],
)
def test_day_and_month_take_the_year_of_the_events_name(lead, expected):
    assert find_event_date(lead) == expected


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # a year's results told early in the next (unlabelled train 002934: was 2018-01-04, the
        # ministry's press conference on 2018's results was in January 2019)
        ("Tại buổi họp báo thông báo tình hình, kết quả công tác năm 2018 do bộ Công an tổ chức ngày 4/1, Phó "
         "Giám đốc Công an TP. Hà Nội cho biết.", None),
        # a plan for a year made late in the year before (015154: was 2019-11-13)
        ("Tại cuộc họp về xây dựng kịch bản điều hành giá điện năm 2019 diễn ra vào chiều 13-11, Phó thủ tướng "
         "Vương Đình Huệ đã yêu cầu Bộ Công thương báo cáo.", None),
        # the same words on a day inside the year keep it (017773, 009925)
        ("Thông tin như vậy tại buổi họp báo về tình hình kinh tế - xã hội năm 2017 do cơ quan này tổ chức chiều "
         "ngày 27-12.", "2017-12-27"),
        ("Ông cung cấp con số ấn tượng tại hội nghị triển khai công tác toà án năm 2019, tổ chức sáng 31-1.",
         "2019-01-31"),
    ],
)
def test_an_events_name_about_its_year_lends_no_year_to_a_day_that_may_be_in_the_next_or_the_last(lead, expected):
    assert find_event_date(lead) == expected


def test_a_term_of_the_same_day_lends_its_year():
    lead = "Chiều 1-7, VKSND tối cao tổ chức lễ công bố quyết định bổ nhiệm viện trưởng VKSND TP. HCM."
    rest = "Nhiệm kỳ giữ chức vụ viện trưởng là 5 năm, kể từ ngày 1-7-2019."

    assert find_event_date(lead, rest) == "2019-07-01"


@pytest.mark.parametrize(
    "lead",
    [
        "Các chính sách cải cách và mở cửa của cố lãnh đạo Đặng Tiểu Bình vào ngày 18-12-1978 đến nay được xem là cuộc đại cách mạng.",
        "Từ ngày 1-8, cơ quan hành chính nhà nước trên địa bàn phải có kế hoạch cắt giảm sản phẩm nhựa dùng một lần.",
    ],
)
def test_the_start_of_a_period_or_a_rule_is_no_event_date(lead):
    assert find_event_date(lead, "Cụ thể, từ ngày 1-8-2019, các cơ quan phải thực hiện.") is None


def test_a_rule_taking_effect_gives_no_date_when_the_abstract_lost_its_first_letter():
    lead = "ừ ngày 1-8, cơ quan hành chính nhà nước, đơn vị sự nghiệp trên địa bàn TP không dùng ly, ống hút nhựa."
    rest = "Cụ thể, từ ngày 1-8-2019, cơ quan hành chính nhà nước không sử dụng ly nhựa."
    assert find_event_date(lead, rest) is None


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        # The sentence of the day and month counts the years since that day.
        ("Sáng 31-1, Thành uỷ Huế tổ chức họp mặt kỉ niệm 50 năm cuộc tổng tấn công và nổi dậy Xuân Mậu Thân.",
         "Thành uỷ Huế cho biết đúng 2h33 rạng sáng 31-1-1968 (tức sáng mùng 2 tết Mậu Thân), tiếng súng đã nổ."),
        # The words before the full date of the same day do.
        ("Sáng 14-3, tại Khu tưởng niệm chiến sĩ Gạc Ma ở huyện Cam Lâm, tỉnh Khánh Hoà, lãnh đạo tỉnh đã tổ chức lễ tưởng niệm 64 liệt sĩ.",
         "Hôm nay UBND huyện Trường Sa và Lữ đoàn Vùng 4 Hải quân tổ chức kỷ niệm 30 năm sự kiện Gạc Ma (14-3-1988)."),
        ("Má Sáu thăm con gái là liệt sĩ hi sinh trên mảnh đất Kokisom, tỉnh Svay Rieng, Campuchia ngày 22-7.",
         "Cách đây 41 năm, ngày 22-7-1978 chính là ngày hi sinh của 24 liệt sĩ thanh niên xung phong."),
    ],
)
def test_an_anniversary_takes_no_year_from_the_day_it_remembers(lead, rest):
    assert find_event_date(lead, rest) is None


def test_a_photo_caption_after_the_first_paragraph_gives_no_date():
    lead = (
        "Nhà sáng chế Peter Madsen bị kết án tù chung thân vì giết nhà báo Thuỵ Điển trên tàu ngầm ở Copenhagen hồi năm ngoái.\n"
        "Peter Madsen bị cảnh sát bắt ngày 11/8/2017."
    )

    assert find_event_date(lead) is None


def test_a_full_date_opening_the_second_paragraph_is_no_caption():
    lead = (
        "Dự án được Bộ NN - PTNT phê duyệt lần đầu với tổng mức đầu tư hơn 2.993 tỉ đồng.\n"
        "Ngày 20-12-2018, Bộ NN - PTNT có quyết định điều chỉnh mức đầu tư lên 4.421 tỉ đồng."
    )

    assert find_event_date(lead) == "2018-12-20"


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        # An earlier episode told in the body, later in the calendar: the trial is of another year.
        ("Ngày 6-8, TAND TP. HCM xử sơ thẩm và tuyên phạt bị cáo Đặng Văn Nô 20 năm tù về tội giết người.",
         "Khoảng 7h ngày 20-8-2018, ông Nô đến nhà của ông Kim để phụ làm chuồng gà."),
        ("Ngày 31/10, TAND tỉnh Quảng Bình mở phiên toà sơ thẩm xét xử bị cáo Nguyễn Mạnh Hùng.",
         "Đến ngày 9/11/2017, ông Luỳnh cho anh Lê Xuân Quang thuê lại căn nhà."),
        # ... and earlier in the calendar: a document of some days before is no year of this day.
        ("Ngày 15/10, trao đổi với PV, ông Đoàn Minh Hương – Viện trưởng VKSND tỉnh Phú Thọ cho biết bị can đã nhập viện.",
         "Ông Vĩnh đã bút phê đồng ý vào văn bản hợp thức ngày 12/10/2011."),
    ],
)
def test_a_day_and_month_take_no_year_from_another_days_date_in_the_body(lead, rest):
    assert find_event_date(lead, rest) is None
