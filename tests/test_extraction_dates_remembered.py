"""Days remembered, validities and events named by their day lend no year to the news's day.

Each sentence is from an unlabelled VietNews article (train ids below 60,000).
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.dates import find_event_date


def test_the_day_the_sailors_fell_lends_no_year_to_the_memorial():
    lead = ("Ngày 14-3, hơn 400 giáo viên và học sinh Trường tiểu học Hướng Phùng, xã biên giới Hướng Phùng "
            "(huyện Hướng Hoá, Quảng Trị) đã cùng nhau tổ chức lễ tưởng niệm trận hải chiến Gạc Ma và 64 chiến sĩ "
            "hải quân hi sinh để bảo vệ hòn đảo này vào ngày 14-3-1988.")

    assert find_event_date(lead) is None  # was 1988-03-14 (vietnews-train-020537)


@pytest.mark.parametrize(
    "lead",
    [
        # vietnews-train-007904
        "Vào ngày 15/3/1987, nhạc sĩ Đỗ Hồng Quân và diễn viên Chiều Xuân kết hôn tại Hà Nội. Dù nhiều năm đã "
        "trôi qua nhưng những ký ức về ngày cưới với nhạc sĩ Đỗ Hồng Quân vẫn còn vẹn nguyên trong tâm trí của "
        "nữ nghệ sĩ Chiều Xuân.",
        # the same day remembered lends no year to "hôm 26/12" either (029751)
        "Ít nhất 400 nạn nhân trong tai hoạ động đất - sóng thần Ấn Độ Dương xảy ra ngày 26/12/2004 khiến "
        "226,000 người thiệt mạng vẫn chưa xác định được danh tính dù đã 12 năm trôi qua, cảnh sát Thái Lan cho "
        "biết hôm 26/12.",
    ],
)
def test_a_full_date_its_paragraph_counts_the_years_since_is_remembered(lead):
    assert find_event_date(lead) is None


def test_a_day_counted_in_years_from_another_of_the_past_lends_no_year():
    lead = ("Ở rất nhiều thành phố, cuộc đình công - biểu tình kéo dài đến tận tối 14-6, dù phần khởi động đã bắt "
            "đầu từ tối 13-6 ở Lausanne.")
    rest = "Cũng nên nhớ rằng 10 năm sau đó, vào ngày 14-6-1991, phụ nữ Thuỵ Sĩ đã một lần đình công đòi bình quyền."

    assert find_event_date(lead, rest) is None  # was 1991-06-14 (vietnews-train-024489, a strike of 2019)


def test_an_anniversary_in_a_sentence_naming_a_city_as_tp_lends_no_year_from_the_day_remembered():
    lead = ("Ngày 1/7, tại TP. Đồng Hới, diễn ra Lễ kỷ niệm 30 năm ngày tái lập tỉnh Quảng Bình, 70 năm ngày Quảng "
            "Bình quật khởi và đón nhận Huân chương Độc lập hạng Nhất do Đảng và Nhà nước trao tặng.")
    rest = "Sau 13 năm hợp nhất, ngày 1/7/1989 tỉnh Quảng Bình được trở về với địa giới hành chính cũ."

    assert find_event_date(lead, rest) is None  # was 1989-07-01 (vietnews-train-069162)


def test_how_long_a_thing_stays_valid_lends_no_year_to_the_news_day():
    lead = ("Ngày 29/8, thông tin từ Công an huyện Nông Cống, tỉnh Thanh Hoá, đơn vị này đã mời chủ nhân 2 siêu xe "
            "mang biển “khủng” là Lexus 570 mang BKS: 36A – 299.99 và Peugeot mang BKS 36A – 417.16.")
    rest = "Xe này được đăng ký lần đầu vào năm 2015 và đang còn kiểm định tới ngày 27/9/2020."

    assert find_event_date(lead, rest) is None  # was 2020-08-29 (vietnews-train-003726)


def test_the_day_a_source_reports_is_the_news_day():
    lead = ("Lá cờ Việt Nam xuất hiện ngày 19-1-1969 trên đỉnh tháp Nhà thờ Đức Bà Paris, một tuần trước khi diễn "
            "ra phiên họp đầu tiên của Hội nghị Paris đàm phán hoà bình ở Việt Nam khai mạc.\nTrong 12 bức ảnh cho "
            "thấy lịch sử huy hoàng của nhà thờ Đức Bà Paris, theo tờ The Insider ngày 16-4, có bức ảnh ghi nhận "
            "từng có lá cờ Việt Nam tung bay trên đỉnh tháp công trình kiến trúc đồ sộ này.")

    assert find_event_date(lead) is None  # was 1969-01-19 (vietnews-train-024531)


def test_an_attack_named_by_its_day_is_not_the_news():
    lead = ("Ngoài toà Tháp đôi của Trung tâm Thương mại thế giới, Lầu Năm Góc không được nhắc đến nhiều là mục "
            "tiêu hứng chịu hậu quả từ các cuộc tấn công khủng bố ngày 11/9/2001.")

    assert find_event_date(lead) is None  # vietnews-train-046642


def test_a_terror_threat_named_by_its_day_takes_no_year_from_the_attack():
    lead = ("Tổng thống Putin được cho là đã gọi điện cho người đồng cấp Mỹ George W. Bush để cảnh báo về nguy cơ "
            "khủng bố chỉ 2 ngày trước khi diễn ra vụ tấn công kinh hoàng ngày 11-9-2001 ở Mỹ.\n"
            "Đài RT ngày 6-9 cho biết George Beebee đã tiết lộ lời cảnh báo về nguy cơ khủng bố ngày 11-9 của Tổng "
            "thống Nga Vladimir Putin trong quyển sách được ra mắt vào đầu tuần này.")
    rest = "Ngày 11-9-2001, nhóm khủng bố điều khiển các máy bay dân dụng."

    assert find_event_date(lead, rest) is None  # was 2001-09-11 (vietnews-train-024851, news of 2018)


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        # vietnews-train-023691: "tháng 12-2017" makes the Nakba's 1948 history
        ("Theo hãng tin AFP, ngày 14-5, nguồn tin y tế cho biết vụ việc đã khiến 28 người Palestine bị thương.",
         "Kể từ khi Mỹ công bố quyết định sẽ chuyển Đại sứ quán của nước này từ Tel Aviv tới Jerusalem vào tháng "
         "12-2017, Chính phủ và người dân Palestine đã tiến hành nhiều cuộc tuần hành phản đối quyết định của Mỹ.\n"
         "Dự kiến làn sóng biểu tình sẽ kéo dài đến ngày 15-5 mà người Palestine gọi là \"Ngày bi thảm\" (Nakba) "
         "khi hơn 700.000 người Palestine buộc phải rời bỏ nhà cửa hoặc bị trục xuất khi Israel tuyên bố thành "
         "lập nhà nước Do Thái vào ngày 14-5-1948"),
        # vietnews-train-021564
        ("Rạng ráng 20-3-2003, không quân Mỹ bắt đầu dội bom xuống thủ đô Baghdad của Iraq, mở màn cho cuộc xâm "
         "lược một quốc gia Trung Đông khi đó đang được dẫn dắt bởi một nhà lãnh đạo chống Mỹ.",
         "Tháng 1-2005, cuộc bầu cử Quốc hội chọn ra 275 thành viên được tổ chức."),
    ],
)
def test_a_month_written_with_a_hyphen_tells_how_new_the_text_is(lead, rest):
    assert find_event_date(lead, rest) is None
