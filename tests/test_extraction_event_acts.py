"""Event types read from what came of an event or a part of it: a verdict is a trial, a contest's
evening is the contest, a council electing holds a sitting; and what came after an event is no
report of it.

The sentences come from titles and leads of unlabelled VietNews articles (ids below 80,000),
paragraphs joined by a newline as the extractor reads the lead.
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.events import event_mentions, find_event_type


@pytest.mark.parametrize(("title", "lead"), [
    ("Thiếu nữ buôn ma tuý lãnh án",
     "Chiều 24/10, TAND TP. Đà Nẵng tuyên phạt Đỗ Nhật Quỳnh (SN 1992), ngụ tỉnh Quảng Nam 15 năm 6 tháng tù về "
     "tội mua bán trái phép chất ma tuý."),
    ("Sóc Trăng: Y án sơ thẩm kẻ cưỡng bức thiếu nữ ở vườn cam",
     "Đến nhà người họ hàng để dự đám cưới, thiếu nữ ở tỉnh Sóc Trăng bị Nốp kéo vào vườn cam để thực hiện hành "
     "vi cưỡng bức."),
    ("Thiết giáp gần nửa triệu đô Nga cháy rụi vì lính nhóm lửa hâm thức ăn",
     "Một binh sĩ Nga bị kết án 6 tháng tù vì làm cháy xe thiết giáp BTR -82 khi nhóm lửa đun nóng suất ăn."),
])
def test_a_courts_verdict_told_without_the_trials_noun_is_a_trial(title, lead):
    assert find_event_type(title, lead) == "phiên tòa"


def test_a_trial_told_by_its_hearing_and_its_verdict_is_one_trial_not_a_list_of_kinds():
    lead = ("Từ một cán bộ công an huyện, Tú đánh mất tương lai, sự nghiệp sau song sắt vì lừa đảo.\nNgày 9-4, TAND "
            "TP Hà Nội đưa bị cáo Hồ Văn Tú (29 tuổi, ở huyện Chương Mỹ, Hà Nội) ra xét xử và tuyên phạt 11 năm tù.")

    assert find_event_type("Cựu cán bộ công an phạm tội lừa đảo liên tục khóc ở toà", lead) == "phiên tòa"


def test_a_fine_from_a_regulator_is_no_trial():
    title = "Đầu tư chứng khoán: Hàng loạt cá nhân và công ty lĩnh án phạt"
    lead = "Chỉ trong một ngày, Uỷ ban Chứng khoán Nhà nước đã ban hành tới 4 quyết định xử phạt."

    assert find_event_type(title, lead) is None


def test_a_contests_evening_is_the_contest():
    lead = ("Đỗ Tố Hoa là thí sinh nổi trội và ẵm 3 giải trong đêm chung kết \"Sao Mai 2017\".\nĐêm thi chung kết "
            "xếp hạng và trao giải \"Sao Mai 2017\" đã diễn ra tối 7/10 tại Thanh Hoá.")

    assert find_event_type("Tố Hoa giành 3 giải thưởng trong đêm chung kết \"Sao Mai 2017\"", lead) == "cuộc thi"


def test_a_verdict_is_no_event_word_for_the_date_rules():
    assert event_mentions("TAND TP. Đà Nẵng tuyên phạt Đỗ Nhật Quỳnh 15 năm tù") == []


def test_councillors_electing_a_chair_hold_a_sitting():
    lead = ("Chiều 8-4, với đa số phiếu tán thành, các đại biểu đã bầu bà Nguyễn Thị Lệ - phó bí thư Thành uỷ - làm "
            "chủ tịch HĐND TP. HCM thay cho bà Nguyễn Thị Quyết Tâm vừa được miễn nhiệm.")

    assert find_event_type("Bà Nguyễn Thị Lệ được bầu làm chủ tịch HĐND TP. HCM", lead) == "phiên họp"


def test_the_posts_a_legislature_fills_are_no_sitting():
    lead = "Luật quy định việc lấy phiếu tín nhiệm đối với các chức danh do Quốc hội bầu hoặc phê chuẩn."

    assert find_event_type("Những điều cần biết về lấy phiếu tín nhiệm", lead) is None


@pytest.mark.parametrize(("title", "lead"), [
    ("Hậu hội nghị thượng đỉnh: \"Duyên\" không thành với Mỹ, Triều Tiên chuyển hướng sang Nga?",
     "Nhà lãnh đạo Kim Jong-un dường như thấu hiểu những tranh cãi chính trị đang diễn ra giữa Nga với phương Tây "
     "là cơ hội cho Bình Nhưỡng."),
    ("Iran phóng thử tên lửa đạn đạo tầm bắn 2.000 km",
     "Bất chấp cảnh báo của Mỹ, Iran tuyên bố phóng thử thành công tên lửa đạn đạo tầm bắn 2.000 km vài giờ sau lễ "
     "diễu binh của quân đội."),
])
def test_what_came_after_an_event_is_no_report_of_it(title, lead):
    assert find_event_type(title, lead) is None


def test_a_runner_up_of_a_pageant_keeps_the_pageant():
    lead = "Á hậu cuộc thi Hoa hậu Việt Nam 2018 đã có mặt tại buổi casting chiều 5/3."

    assert find_event_type(None, lead) == "cuộc thi"


@pytest.mark.parametrize(("title", "lead"), [
    ("Bộ Thông tin và truyền thông phản hồi vụ Vietnamobile ' bị xử ép '",
     "Trước kêu cứu của Vietnamobile, lãnh đạo Bộ Thông tin và truyền thông (T T&T T) vừa họp với Cục Tần số vô "
     "tuyến điện, Cục Viễn thông để rà soát lại các cơ chế chính sách trên thị trường viễn thông."),
    ("Nga tăng cường lực lượng ở Địa Trung Hải, Mỹ họp khẩn",
     "Không lâu sau khi Nga triển khai lực lượng mạnh tới Địa Trung Hải để tập trận quy mô lớn, Mỹ đã tổ chức họp "
     "khẩn để bàn cách giám sát."),
])
def test_a_sitting_told_by_its_verb_is_a_sitting(title, lead):
    assert find_event_type(title, lead) == "phiên họp"


@pytest.mark.parametrize(("title", "lead"), [
    ("Đà Nẵng lo ngại nhà đầu tư Trung Quốc \"chạy\" khỏi dự án trường đua ngựa",
     "Bà Huỳnh Liên Phương cho biết hiện thành phố chưa chốt được việc nhà đầu tư đồng ý thực hiện dự án.\nNgày "
     "19/2, thành phố sẽ họp để chọn vị trí đất phù hợp làm cơ sở đàm phán việc đầu tư dự án trường đua ngựa."),
    ("Tổng thống Trump có thể gặp ông Tập Cận Bình khi đến châu Á họp với ông Kim Jong-un",
     "Tổng thống Trump cho biết ông có thể gặp nhà lãnh đạo Trung Quốc."),
    ("Đại hội Đảng XII họp phiên trù bị",
     "Diễn ra từ ngày 20 đến 28/1, Đại hội Đảng lần thứ 12 họp phiên trù bị trong ngày đầu tiên."),
])
def test_a_sitting_planned_travelled_to_or_of_a_congress_is_no_sitting(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead"), [
    ("Thứ trưởng Nội vụ: ' Hai con tôi đi du học cũng không về '",
     "Thứ trưởng Nguyễn Duy Thăng cho rằng cần có tư duy thoáng.\nSáng 29/12, Uỷ ban Văn hoá Giáo dục Thanh thiếu "
     "niên nhi đồng tổ chức phiên giải trình của Chính phủ về việc ban hành văn bản quy phạm pháp luật hướng dẫn "
     "thực hiện Luật thanh niên."),
    ("' Giải cứu nông sản vẫn là câu chuyện đáng buồn '",
     "Phát biểu tại phiên thảo luận kinh tế - xã hội của Quốc hội bắt đầu sáng nay (26-10), các đại biểu Quốc hội "
     "bày tỏ những trăn trở đối với các vấn đề xã hội bức xúc."),
])
def test_a_legislatures_hearing_or_debate_is_a_sitting(title, lead):
    assert find_event_type(title, lead) == "phiên họp"


def test_a_conferences_panel_keeps_the_conference():
    lead = ("Tại Diễn đàn châu Á Bác Ngao 2019, hai quan chức Trung Quốc cảnh báo sẽ có thêm ' biện pháp ' chống lại "
            "các đợt tuần tra của Mỹ ở Biển Đông.\nTrong một phiên thảo luận tại diễn đàn này ngày 29-3, hai quan "
            "chức Trung Quốc tận dụng bày tỏ sự bất bình của Bắc Kinh.")

    assert find_event_type("Trung Quốc cảnh báo chống các cuộc tuần tra của Mỹ ở Biển Đông", lead) == "diễn đàn"
