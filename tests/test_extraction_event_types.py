"""The type of the event an article reports, read from where the event word stands: a planned
event, a verb, a likeness or a name inside a passing mention is no report; an event the clause
says someone organized is; a ceremony the table does not name is "lễ" where it stands as the
event; a legislature passing a law holds a sitting.

The sentences follow titles and leads of VietNews articles (Tuổi Trẻ, Người Đưa Tin).
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.events import find_event_type


def test_a_summit_the_lead_says_is_yet_to_come_is_not_reported():
    lead = ("Tuyên bố của nhà lãnh đạo Kim Jong-un dường như là bước đi chuẩn bị kỹ lưỡng cho Hội nghị Thượng "
            "đỉnh song phương Mỹ - Triều vào tháng 5 tới.")

    assert find_event_type("Đằng sau tuyên bố phi hạt nhân hoá bán đảo Triều Tiên", lead) is None


def test_an_event_after_will_in_its_sentence_is_only_planned():
    lead = "Tổng thống Mỹ và Chủ tịch Trung Quốc sẽ cùng dùng bữa tối tại hội nghị G20 diễn ra ở Nhật Bản cuối tháng này."

    assert find_event_type("Lãnh đạo Mỹ - Trung sẽ dùng bữa tối tại G20", lead) is None


def test_a_sitting_the_lead_says_will_open_today_is_the_news():
    lead = "Hôm nay (14/6), HĐND TP Hà Nội khoá 15 sẽ tiến hành kỳ họp thứ nhất để bầu các chức danh."

    assert find_event_type("Hôm nay Hà Nội họp bầu Chủ tịch UBND TP khoá mới", lead) == "phiên họp"


def test_a_contest_a_singer_once_won_is_her_past_not_the_news():
    lead = "Ca sỹ Thái Thuỳ Linh từng được biết đến sau cuộc thi Sao Mai điểm hẹn 2004."

    assert find_event_type("Vụ Thái Thuỳ Linh bị tố nhập nhèm trong làm ăn", lead) is None


def test_a_meeting_name_inside_a_passing_meetings_name_is_passing_too():
    lead = ("Washington sẵn sàng tổ chức cuộc gặp cấp ngoại trưởng ba bên bên lề Hội nghị ngoại trưởng diễn đàn "
            "khu vực ASEAN (ARF) tại Bangkok.")

    assert find_event_type("Mỹ tìm cách để Nhật, Hàn thảo luận căng thẳng", lead) is None


def test_a_conference_on_whose_sidelines_the_news_was_given_is_reported_when_its_organizer_is_named():
    lead = ("Trả lời báo giới bên lề hội nghị triển khai giải pháp mở rộng tín dụng do Ngân hàng Nhà nước tổ "
            "chức tại Gia Lai, Phó thống đốc Đào Minh Tú đề cập nhiều giải pháp.")

    assert find_event_type("Phó Thống đốc nói về giải pháp trước nạn tín dụng đen", lead) == "hội nghị"


@pytest.mark.parametrize("lead", [
    "Khuyến khích người trẻ tổ chức thêm lễ hội nhân văn là cách để đối thoại với những lễ hội xấu xí.",
    "Tại đây, anh được làm việc với nhiều tên tuổi lớn của làng điện ảnh ASEAN.",
    "Phó trưởng Ban mong muốn VCNET là diễn đàn để trao đổi thông tin giữa các cá nhân, tổ chức.",
    "Trên mạng xã hội Facebook và một số diễn đàn mạng bất ngờ xuất hiện một đoạn clip.",
    "Đặc vụ Mỹ kiểm tra khách sạn nơi phái đoàn ở trong thời gian diễn ra Hội nghị thượng đỉnh Mỹ - Triều.",
])
def test_an_event_word_used_as_a_verb_a_likeness_a_website_or_a_time_frame_is_no_event(lead):
    assert find_event_type(None, lead) is None


def test_a_meeting_hearing_a_report_is_a_sitting_not_a_press_conference():
    lead = "Thủ tướng chủ trì cuộc họp báo cáo, đánh giá tình hình chuẩn bị cho thượng đỉnh Mỹ - Triều."

    assert find_event_type(None, lead) == "phiên họp"


@pytest.mark.parametrize(("title", "lead"), [
    ("Tóm lược lễ nhậm chức của Tổng thống Donald Trump", ""),
    ("Thủ tướng Việt Nam và Thủ tướng Nhật Bản chứng kiến lễ trao đổi các văn kiện hợp tác", ""),
    ("Nhật hoàng Naruhito và những điều đầu tiên",
     "Ngày 1-5, sau lễ tiếp nhận các bảo vật và ấn tín hoàng gia, ông Naruhito chính thức lên ngôi."),
    ("Khu đô thị nhộn nhịp ngày mở bán", "Tại lễ mở bán, khách hàng đã ký hợp đồng với chủ đầu tư."),
])
def test_a_ceremony_the_table_does_not_name_is_a_ceremony_where_it_stands_as_the_event(title, lead):
    assert find_event_type(title, lead) == "lễ"


@pytest.mark.parametrize("lead", [
    "Khách đặt giỏ quả đi lễ càng đông khi sát ngày Rằm.",
    "Nữ lễ tân đã lên phòng Cảnh sát hình sự trình báo.",
    "Hàng nghìn người đổ về lễ hội đền Hùng.",
    "Tuần lễ cấp cao APEC khiến nhiều tuyến đường bị cấm.",
    "Trung tâm thương mại tăng giờ mở cửa trong dịp lễ 30-4.",
])
def test_praying_a_receptionist_a_festival_a_week_or_a_holiday_is_no_ceremony(lead):
    assert find_event_type(None, lead) is None


def test_a_legislature_passing_a_law_holds_a_sitting():
    lead = "Với 91,53% ý kiến tán thành, sáng nay 14-6 Quốc hội đã chính thức thông qua Luật thi hành án hình sự sửa đổi."

    assert find_event_type("Chưa đồng ý để phạm nhân lao động ngoài trại giam", lead) == "phiên họp"


def test_a_proposal_sent_to_a_council_for_approval_holds_no_sitting():
    lead = "UBND TP. Cần Thơ vừa có tờ trình gửi HĐND thành phố về việc thông qua quy định hỗ trợ các hãng hàng không."

    assert find_event_type(None, lead) is None
