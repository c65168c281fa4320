"""Full dates inside a sentence, terms that end on the news's day, lunar days.

Each sentence is from an unlabelled VietNews article (train ids 60,000–79,999 unless said), read
through `python -m bench.date_sample`.
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.date_mentions import all_mentions
from indexer.ingest.extraction.dates import explain_event_date, find_event_date


@pytest.mark.parametrize(
    "lead",
    [
        # a reference point (vietnews-train-061132: was 2017-12-31)
        "Theo Báo cáo Giám sát tài chính năm 2017 của VNPT vừa được công bố, tính đến thời điểm 31/12/2017, "
        "VNPT có vốn đầu tư tại 28 công ty con.",
        # the contract behind the news (063034: was 2017-02-01)
        "Từ ngày 03 - 31/3/2018, 11 kỹ sư nhà máy bus Thaco đã sang Kazakhstan để chuyển giao công nghệ sản xuất "
        "xe bus Thaco HB73S cho Công ty HTA theo hợp đồng chuyển giao công nghệ ký kết vào ngày 01/02/2017 giữa 2 bên.",
        # a deadline (062499: was 2020-12-31)
        "Toàn bộ hệ thống ATM của TPBank đã hoàn tất chuyển đổi chấp nhận thẻ chip nội địa, sớm 2 năm so với quy "
        "định của Ngân hàng Nhà nước (NHNN) là 31/12/2020.",
    ],
)
def test_a_full_date_inside_a_sentence_is_not_the_news_day(lead):
    assert find_event_date(lead) is None


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # a draw's result the day's date shows (061070)
        ("Kết quả xổ số Vietlott loại hình Mega 6/55 ngày 7/6/2018 cho thấy, bộ số may mắn ngày hôm nay là "
         "11 - 16 - 18 - 26 - 46 - 47.", "2018-06-07"),
        # a day just past (064139)
        ("Ngày 2/4/2018 vừa qua tại trung tâm hội nghị Almaz (Long Biên, Hà Nội) đã diễn ra Hội nghị khách hàng "
         "SUNHOUSE 2018 với sự tham gia của hơn 600 khách hàng.", "2018-04-02"),
        # yesterday, before a judgement's date (061900: was 2018-12-28)
        ("Hôm qua 11/1/2019, Grab đã gửi đơn kháng cáo toàn bộ nội dung Bản án sơ thẩm ngày 28/12/2018 của "
         "TAND TP. HCM.", "2019-01-11"),
    ],
)
def test_a_full_date_written_as_the_news_day_still_dates_it(lead, expected):
    assert find_event_date(lead) == expected


def test_the_way_a_date_got_its_year_is_told():
    found = explain_event_date("Ngày 16/6, Cục Hàng không ra quyết định.", "Lệnh cấm có hiệu lực từ ngày 16/6/2019.")

    assert found is not None and (found.iso, found.how) == ("2019-06-16", "a full date of the same day")


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        # a five-year office (070607: was 2024-08-31)
        ("Tin nóng thời sự xã hội ngày 31/8: Danh tính Tân Giám đốc Sở GD & ĐT Thừa Thiên - Huế.",
         "Theo đó, ông Nguyễn Tân được bổ nhiệm giữ chức vụ Giám đốc sở GD & ĐT kể từ ngày 1/9/2019 đến ngày 31/8/2024."),
        # a ban of twelve months decided the day before it begins (vietnews-train-011420: was 2019-11-25)
        ("Ngày 25-11, Cục Hàng không Việt Nam ra quyết định cấm vận chuyển bằng đường hàng không trong 12 tháng "
         "với 3 người hành hung nhân viên hàng không.",
         "Theo đó, thời hạn cấm bay 12 tháng tính từ ngày 26-11-2018 đến hết ngày 25-11-2019 được áp dụng."),
    ],
)
def test_the_end_of_a_term_on_the_news_day_lends_no_year(lead, rest):
    assert find_event_date(lead, rest) is None


def test_the_end_of_a_few_weeks_on_the_news_day_still_lends_its_year():
    lead = ("Chiều ngày 14/6, ngay sau khi Quốc hội bế mạc kỳ họp thứ 7, Quốc hội khoá XIV đã diễn ra buổi họp "
            "báo công bố kết quả kỳ họp.")
    rest = "Sau 20 ngày làm việc (từ ngày 20/5 đến ngày 14/6/2019), Quốc hội đã hoàn thành toàn bộ chương trình kỳ họp."

    assert find_event_date(lead, rest) == "2019-06-14"  # vietnews-train-070304


def test_a_lunar_day_is_no_date():
    text = ("Ông Hoàng Văn Lợi đã từ trần hồi 8 giờ ngày 29/08/2019 (tức ngày 29 tháng 7 năm Kỷ Hợi), "
            "hưởng thọ 60 tuổi.")

    assert [(m.month, m.day) for m in all_mentions(text)] == [(8, 29)]  # vietnews-train-067628


@pytest.mark.parametrize(
    "lead",
    [
        # the ferry sank in 2014, was raised in 2017 (vietnews-train-029488: was 2014-03-23)
        "Ngày 23/3, sau gần 3 năm chìm dưới biển, một phần xác của con phà Sewol bị đắm vào ngày 16/4/2014 "
        "đã được đưa lên trên mặt nước.",
        # the paper is dated 2017, the trial is a year later (076216: was 2017-03-21)
        "Cuối giờ làm việc buổi chiều 21-3, đại diện VKS giữ quyền công tố tại phiên toà đã có phần thẩm vấn đối "
        "với các nhân chứng về giấy xác nhận ghi ngày 28-3-2017 về việc ông Thăng đã nhờ làm giấy này.",
    ],
)
def test_a_later_day_in_the_same_sentence_that_ends_no_period_lends_no_year(lead):
    assert find_event_date(lead) is None


def test_tomorrow_written_before_a_full_date_is_a_day_still_to_come():
    lead = ("Dự kiến ngày mai, 8-5-2018, TAND TP. HCM sẽ đưa ra xét xử bị cáo Hứa Thị Phấn cùng các đồng phạm "
            "trong vụ án xảy ra tại Ngân hàng Đại Tín.")

    assert find_event_date(lead) is None  # vietnews-train-077346: was 2018-05-08


def test_the_day_of_the_article_a_story_follows_up_is_not_the_news_day():
    lead = ("Ngày 16/10/2018, báo điện tử Người Đưa Tin có đăng bài Ninh Thuận: \"Những phận người khốn khổ vì đất "
            "nhiễm mặn\". Mới đây, sở Thông tin truyền thông tỉnh đã có văn bản trả lời.")

    assert find_event_date(lead) is None  # vietnews-train-071486: was 2018-10-16
