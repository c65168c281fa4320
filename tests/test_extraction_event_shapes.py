"""Event types read from what is done ("tổ chức sơ kết", "họp tổng kết", "tổ chức khởi công"),
from what a body did at a sitting ("Quốc hội thảo luận", "Thành uỷ đã nghe báo cáo"), and talks
that are only wished for, called for or refused ("sẵn sàng đối thoại", "bác bỏ đề nghị hội đàm").

The sentences come from titles and leads of VietNews articles (tune rows and unlabelled ones).
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.events import find_event_type


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Đề nghị bỏ chọi trâu trên cả nước, chỉ giữ chọi trâu Đồ Sơn",
     "Sáng 20-4, Bộ Văn hoá thể thao và du lịch tổ chức sơ kết công tác quản lý, tổ chức lễ hội xuân Mậu Tuất 2018.",
     "hội nghị"),
    ("Bị kiểm tra, doanh nghiệp mới đóng bảo hiểm xã hội",
     "Chiều 8/4, Tổng liên đoàn Lao động Việt Nam tổ chức họp sơ kết chương trình giám sát liên ngành.", "phiên họp"),
    ("Đà Nẵng thưởng 200 triệu cho công nhân ngày thông xe hầm chui",
     "Sáng 1/11, UBND TP Đà Nẵng tổ chức thông xe kỹ thuật hầm chui Nguyễn Tri Phương - Điện Biên Phủ.", "lễ"),
    (None, "Sáng 23-12, Hội Doanh nhân trẻ Việt tổ chức kỷ niệm 15 năm Sao Vàng đất Việt và trao giải thưởng.",
     "lễ kỷ niệm"),
    ("9 công ty bắt tay thành lập liên minh tái chế bao bì Việt Nam",
     "9 công ty đã thành lập liên minh Tái chế bao bì Việt Nam với buổi lễ ký kết được tổ chức tại TP. HCM.",
     "lễ ký kết"),
    ("Chuyên gia hàng không chấm tuyển Tổng giám đốc Quản lý bay",
     "Sáng 9/2, 7 cán bộ cấp cao ngành hàng không đã bước vào kỳ thi tuyển chức danh Tổng giám đốc.", "cuộc thi"),
    ("Việt Nam - Campuchia ra thông cáo chung về biên giới",
     "Sáng 28/10, tại phiên họp toàn thể Hội nghị Hợp tác và Phát triển các tỉnh biên giới Việt Nam - Campuchia "
     "lần thứ 8, Phó thủ tướng Phạm Bình Minh đã ra thông cáo chung.", "hội nghị"),
])
def test_an_event_named_by_what_is_done_at_it_has_that_events_kind(title, lead, kind):
    assert find_event_type(title, lead) == kind


@pytest.mark.parametrize(("title", "lead"), [
    ("Hôm nay Quốc hội bỏ phiếu kín bầu Chủ tịch nước",
     "Sáng nay thứ ba, 23/10, Quốc hội thảo luận ở các đoàn đại biểu về dự kiến nhân sự bầu Chủ tịch nước."),
    ("Hà Nội giảm 50% số vụ tai nạn giao thông trong dịp Tết",
     "Chiều 24/2, Thành uỷ Hà Nội đã nghe báo cáo tình hình tổ chức Tết Nguyên đán Ất Mùi tại Thủ đô."),
    ("Trung Quốc khẳng định quân sự hoá Biển Đông",
     "Ngoại trưởng Trung Quốc tại cuộc họp bên lề Hội nghị Ngoại trưởng ASEAN hôm 4/8."),
])
def test_a_sitting_told_by_what_a_body_did_at_it_is_a_sitting(title, lead):
    assert find_event_type(title, lead) == "phiên họp"


@pytest.mark.parametrize(("title", "lead"), [
    ("Thẩm định lại một số dự án giải nhất thi khoa học kỹ thuật",
     "Ông Độ cho biết sau khi ban tổ chức trao giải cho các dự án đạt giải khu vực phía Bắc, phụ huynh đã phản ánh."),
    ("Khởi công hầm chui Tây cầu sông Hàn trước tháng 7/2016",
     "Chủ tịch UBND TP Đà Nẵng yêu cầu Sở Giao thông vận tải hoàn thiện các thủ tục để tổ chức khởi công công trình."),
    ("Lính gác biệt thự của ông Kim Jong-un có thể đã đào tẩu",
     "Lãnh đạo Triều Tiên Kim Jong-un nghe các quan chức quân sự báo cáo về chiến thuật pháo binh."),
    ("Chính phủ đốc thúc 3 bộ thi công thí điểm một km đường",
     "Theo nghị quyết phiên họp thường kỳ tháng 2, Chính phủ giao Bộ Xây dựng chủ trì lựa chọn dự án đường bộ."),
    ("Bốn bước quy hoạch Ban chấp hành Trung ương từ cơ sở",
     "Hội nghị Trung ương 9 (khoá XII) dự kiến diễn ra trong tháng 12 sẽ thực hiện việc lấy phiếu tín nhiệm."),
    ("Chủ tịch Trung Quốc hôm nay thăm cấp nhà nước Việt Nam",
     "Ông Tập Cận Bình hôm nay thăm cấp nhà nước Việt Nam sau khi dự Hội nghị Cấp cao APEC tại Đà Nẵng."),
    ("Thành phố có bản sắc mới là thành phố hấp dẫn",
     "Trước sự quan tâm của nhiều người Sài Gòn về số phận của dinh Thượng Thơ, nhân hội thảo về giá trị kiến "
     "trúc toà nhà 59-61 Lý Tự Trọng vừa diễn ra, Tuổi Trẻ trích giới thiệu một tham luận."),
    ("TP HCM muốn bắn pháo hoa mừng lễ 30/4",
     "4 điểm TP HCM dự kiến tổ chức bắn pháo hoa gồm: nóc hầm Thủ Thiêm, Công viên văn hoá Đầm Sen."),
])
def test_a_committee_a_purpose_a_caption_a_resolution_a_plan_an_earlier_event_an_occasion_or_a_holiday_is_no_event(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead"), [
    ("Mỹ đổi giọng, sẵn sàng đối thoại phi điều kiện với Triều Tiên",
     "Phó Tổng thống Mỹ cho biết Nhà Trắng sẵn sàng đối thoại với Bình Nhưỡng mà không cần đưa ra điều kiện."),
    ("Hàn Quốc từ chối hội đàm quân sự với Triều Tiên", "Hàn Quốc hôm nay bác bỏ đề nghị hội đàm quân sự của Triều Tiên."),
    ("Gần ngàn công nhân chấp nhận trở lại làm việc sau gần 20 ngày đình công", ""),
])
def test_talks_wished_for_refused_or_resumed_work_are_not_held(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("lead", "kind"), [
    ("Thủ tướng Nguyễn Xuân Phúc hôm nay hội đàm với Thủ tướng Campuchia Hun Sen.", "hội đàm"),
    ("Sáng 24/6, lãnh đạo TP Đà Nẵng đã có buổi đối thoại với cộng đồng doanh nghiệp.", "đối thoại"),
])
def test_talks_that_were_held_are_talks(lead, kind):
    assert find_event_type(None, lead) == kind
