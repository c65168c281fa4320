"""The news's own day decides the article's date, and a day still to come is none.

Each sentence is from an unlabelled VietNews article (train ids below 60,000).
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.dates import find_event_date


@pytest.mark.parametrize(
    "lead",
    [
        # the trial's day has no year; the crime's full date is an earlier episode (vietnews-train-001238)
        "Chiều 7/11, trong phiên xét xử sơ thẩm, Vũ Văn Nghưu (43 tuổi) bị TAND TP. Hà Nội tuyên phạt án 9 năm "
        "tù về tội Hiếp dâm trẻ em.\nVnExpress đưa tin, khoảng 13h ngày 30/12/2017, Nghưu đi mua thuốc lào.",
        # a cited audit's date before the news's day (011899)
        "Theo UBND TP Đà Nẵng, lý do huỷ kết quả đấu giá là căn cứ vào kết luận ngày 4-9-2018 của Kiểm toán "
        "Nhà nước.\nNgày 17-11, nguồn tin của Tuổi Trẻ Online cho biết Phó chủ tịch TP Đà Nẵng Trần Văn Miên "
        "vừa ký quyết định huỷ kết quả đấu giá đất của Công ty cổ phần Vipico (Hà Nội).",
        # history told after the news's day (008381: was 1954-01-03)
        "Chiều 4/12 tại New York (Mỹ), nhà đấu giá Christie ' s công bố bức thư tiếng Đức của Albert Einstein "
        "viết với nội dung nghi ngờ sự tồn tại của Chúa đã tìm ra chủ sở hữu mới với mức giá 2,89 triệu USD.\n"
        "Ngày 3/1/1954, tức khoảng một năm trước khi qua đời, Albert Einstein đã viết một lá thư gửi tới "
        "Eric B. Gutkind, một nhà triết học người Do Thái.",
    ],
)
def test_another_days_full_date_is_not_the_news_when_the_lead_writes_its_own_day(lead):
    assert find_event_date(lead) is None


def test_the_news_day_takes_its_year_from_its_own_sentence_not_the_day_it_looks_to():
    lead = ("Nhằm thúc đẩy việc thực hiện các mục tiêu phát triển bền vững (SDGs) do Liên Hợp Quốc đề ra, đồng "
            "thời hướng đến ngày Trái Đất (Earth Day - ngày 22/4/2018), ngày 10/4 tại toà nhà xanh chung Liên Hợp "
            "Quốc, Đại sứ quán Thuỵ Điển, Liên Hợp Quốc tại Việt Nam và Live & Learn đã tổ chức buổi họp báo phát "
            "động chiến dịch 7 ngày thách thức.")

    assert find_event_date(lead) == "2018-04-10"  # was 2018-04-22 (vietnews-train-008646)


def test_a_full_date_of_the_news_day_itself_still_dates_it():
    lead = ("Sáng 28-7 tại Hà Nội, Tổng liên đoàn Lao động Việt Nam tổ chức lễ kỷ niệm 90 năm Ngày thành lập "
            "Công đoàn Việt Nam (28-7-1929 - 28-7-2019).")

    assert find_event_date(lead) == "2019-07-28"  # vietnews-train-018972


@pytest.mark.parametrize(
    "lead",
    [
        # "sẽ" before the date in its sentence (vietnews-train-007555)
        "Chương trình nghệ thuật \"Mối tình đầu - Forever\" với những bản tình ca lãng mạn trong phim Hàn Quốc "
        "sẽ diễn ra lúc 20h thứ Bảy, ngày 30/9/2017 tại Nhà hát Lớn, Hà Nội.",
        # "sẽ" before the date, past "TP. HCM", which ends no sentence (000474)
        "Dự kiến, Toà Gia đình và Người chưa thành niên (TAND TP. HCM) sẽ đưa băng cướp nhí chuyên cướp tài sản "
        "tại siêu thị, cửa hàng tiện lợi ở TP. HCM ra xét xử trong hai ngày 28 và 29/8/2019.",
        # "sẽ" in the clause the date opens (016274, 006350)
        "Ngày 27-5-2018 sẽ thông xe cầu Cao Lãnh (Đồng Tháp) bắc qua sông Tiền.",
        "Ngày 11/2/2019, bộ sưu tập mới nhất của NTK Công Trí sẽ chính thức trình diễn tại New York Fashion Week 2019.",
        # a forecast for tomorrow (019892)
        "Dự báo sáng mai 1-1-2019, áp thấp nhiệt đới cách Huyền Trân (quần đảo Trường Sa) khoảng 180km về "
        "phía Nam.",
    ],
)
def test_a_day_still_to_come_is_no_event_date(lead):
    assert find_event_date(lead) is None


def test_the_sẽ_of_what_a_source_says_leaves_the_day_it_says_it():
    lead = ("Truyền thông quốc tế ngày 14-3 đồng loạt đưa tin Tổng thống Philippines Rodrigo Duterte sẽ rút nước này "
            "khỏi Quy chế Rome về thành lập Toà án Hình sự quốc tế (ICC).")
    rest = "Nếu Manila thông báo rút lên ICC vào ngày 14-3-2018, Philippines sẽ mất quy chế thành viên sau ngày 14-3-2019."

    assert find_event_date(lead, rest) == "2018-03-14"  # vietnews-train-026532


def test_a_later_verb_with_its_own_sẽ_leaves_the_day_that_has_come():
    lead = ("Cuộc thi khoa học kỹ thuật cấp quốc gia dành cho học sinh trung học năm 2019 khu vực phía Bắc khai "
            "mạc ngày 9-3 và sẽ kết thúc, trao giải vào ngày 12-3.")

    assert find_event_date(lead) == "2019-03-09"  # tune row vietnews-train-028068


def test_a_day_tới_đây_is_still_to_come_though_the_text_gives_its_year():
    lead = ("Ngày 24/4 tới đây, toà án nhân dân (TAND) TP. Hoà Bình mở phiên toà xét xử công khai vụ án hình sự "
            "đối với 8 bị cáo nguyên là lãnh đạo Khoa, Bác sĩ, Điều dưỡng tại Bệnh viên Đa khoa (BVĐK) tỉnh Hoà Bình.")
    rest = "Thời gian mở phiên toà xét xử công khai được ấn định vào 14h ngày 24/4/2019 tại Trụ sở TAND TP. Hoà Bình."

    assert find_event_date(lead, rest) is None  # was 2019-04-24 (vietnews-train-000731)
