"""Organizers in the grammar of news leads: how names are written and where organizers stand.

The sentences follow leads of Vietnamese news (Tuổi Trẻ, Người Đưa Tin) that the rules were
not written from: names with a lower-case trade, a bracketed parent, place or abbreviation, a
subject followed by its term or by partners named only by kind, and "tổ chức" meaning carrying
out a task rather than holding an event.
"""

from __future__ import annotations

from indexer.ingest.extraction import extract_metadata
from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.text import tokenize


def names(lead: str) -> list[str]:
    return [o.name for o in find_organizers([lead])]


def test_a_company_names_its_trade_in_lower_case_before_its_proper_name():
    lead = ("Ngày 22-9, Bộ Giao thông vận tải và Tổng công ty Cảng hàng không Việt Nam (ACV) đã tổ chức "
            "trao giải cuộc thi thiết kế kiến trúc nhà ga hành khách.")

    found = find_organizers([lead])

    assert [(o.name, o.alias) for o in found] == [
        ("Bộ Giao thông vận tải", None), ("Tổng công ty Cảng hàng không Việt Nam", "ACV")]


def test_a_radio_station_names_its_kind_in_lower_case_before_its_city():
    lead = ("Ngày 14-12, Ban An toàn giao thông TP. HCM phối hợp với Đài Tiếng nói nhân dân TP. HCM (VOH) tổ "
            "chức lễ tổng kết chương trình “Đi an toàn – Về hạnh phúc”.")

    assert names(lead) == ["Ban An toàn giao thông Thành phố Hồ Chí Minh", "Đài Tiếng nói nhân dân Thành phố Hồ Chí Minh"]


def test_a_verb_after_a_company_name_is_not_part_of_it():
    text = "Công ty Alibaba rao bán nền không đúng sự thật tại huyện Long Thành."

    assert [m.name for m in find_mentions(tokenize(text), text)] == ["Công ty Alibaba"]


def test_an_abbreviation_of_two_words_in_brackets_belongs_to_the_name_before_it():
    lead = ("Ngày 29-10, Tổng công ty Điện lực Miền Trung (EVN CPC) và Công ty Điện lực Đà Nẵng tổ chức "
            "tổng diễn tập xử lý sự cố mất điện.")

    found = find_organizers([lead])

    assert [(o.name, o.alias) for o in found] == [
        ("Tổng công ty Điện lực Miền Trung", "EVN CPC"), ("Công ty Điện lực Đà Nẵng", None)]


def test_a_hospital_organizes_a_workshop():
    lead = "Con số này được đưa ra tại hội thảo chuyên đề do Bệnh viện Bình Dân TP. HCM tổ chức ngày 22-3."

    assert names(lead) == ["Bệnh viện Bình Dân Thành phố Hồ Chí Minh"]


def test_a_hospital_where_a_press_conference_is_held_is_a_venue():
    lead = "Sáng 10-7, các quan chức y tế Thái Lan tổ chức họp báo tại Bệnh viện Chiang Rai Prachanukrok."

    assert names(lead) == []


def test_a_university_written_dh_organizes_a_workshop():
    lead = "Hội thảo quốc tế về bảo vệ môi trường do ĐH Luật TP. HCM tổ chức hôm nay 22-9."

    assert names(lead) == ["Đại học Luật Thành phố Hồ Chí Minh"]


def test_a_school_where_a_workshop_is_held_is_a_venue_not_a_host():
    lead = ("Nghiên cứu được trình bày tại hội thảo quốc tế về công nghệ xanh được tổ chức tại trường ĐH Sư "
            "phạm Kỹ thuật TP. HCM.")

    assert names(lead) == []


def test_museums_organize_an_exhibition():
    lead = ("Triển lãm do Bảo tàng Dân tộc học Việt Nam, Bảo tàng Thiên nhiên Việt Nam và Đại sứ quán Ý "
            "tại Việt Nam phối hợp tổ chức.")

    assert names(lead) == ["Bảo tàng Dân tộc học Việt Nam", "Bảo tàng Thiên nhiên Việt Nam", "Đại sứ quán Italia tại Việt Nam"]


def test_a_body_in_brackets_after_a_unit_is_its_parent():
    lead = "Ngày 28-12, Bệnh viện Quân y 175 (Bộ Quốc phòng) tổ chức lễ xuất quân cho đoàn y, bác sĩ ra Trường Sa."

    found = find_organizers([lead])

    assert [(o.name, o.parent) for o in found] == [("Bệnh viện Quân y 175", "Bộ Quốc phòng")]


def test_a_city_in_brackets_after_a_hospital_is_not_its_parent():
    text = "Tối 15-12, Bệnh viện Từ Dũ (TP. HCM) đã long trọng tổ chức lễ kỷ niệm 80 năm ngày thành lập."

    found = find_mentions(tokenize(text), text)

    assert [(m.name, m.parent) for m in found][0] == ("Bệnh viện Từ Dũ", None)


def test_a_venue_before_a_comma_does_not_take_the_subject_for_its_parent():
    lead = ("Ngày 27-8, tại Bảo tàng Hồ Chí Minh, Bộ Thông tin và truyền thông, Tổng công ty Bưu điện Việt Nam "
            "tổ chức lễ phát hành đặc biệt bộ tem.")

    assert names(lead) == ["Bộ Thông tin và Truyền thông", "Tổng công ty Bưu điện Việt Nam"]


def test_a_country_in_brackets_between_a_partner_and_the_verb():
    lead = ("Chiều 9-11, tại Hà Nội, Hội Luật gia Việt Nam cùng Đoàn Luật sư Seoul (Hàn Quốc) đã tổ chức giao "
            "lưu lần thứ 11.")

    assert names(lead) == ["Hội Luật gia Việt Nam", "Đoàn Luật sư Seoul"]


def test_partners_named_only_by_kind_leave_the_subject_the_organizer():
    lead = ("Tối 13-5, tại Hà Nội, Ban Tuyên giáo Trung ương phối hợp với các bộ, ngành, tổ chức lễ trao giải "
            "thưởng sáng tác, quảng bá tác phẩm văn học, nghệ thuật.")

    assert names(lead) == ["Ban Tuyên giáo Trung ương"]


def test_a_councils_term_stands_between_it_and_its_verb():
    lead = "Chiều 26-11, HĐND TP. HCM khoá IX đã tổ chức kỳ họp thứ mười một để bầu bổ sung nhân sự."

    assert names(lead) == ["Hội đồng nhân dân Thành phố Hồ Chí Minh"]


def test_police_carrying_out_a_scene_examination_organize_no_event():
    lead = ("Ngày 29-3, Công an TP Biên Hoà (Đồng Nai) phối hợp cùng Công an xã Tam Phước tổ chức khám "
            "nghiệm hiện trường vụ đập phá tài sản tại một ký túc xá.")

    assert names(lead) == []


def test_an_enforcement_carried_out_by_an_agency_is_no_event():
    lead = "Sáng 6-6, Cục Thi hành án dân sự TP. HCM đã tổ chức cưỡng chế, buộc bà Thảo giao con dấu cho công ty."

    assert names(lead) == []


def test_a_patrol_is_no_event_even_as_a_buoi():
    lead = "Ngày 26-12, Phòng Cảnh sát giao thông thuỷ Công an TP. HCM tổ chức buổi tuần tra trên sông Đồng Nai."

    assert names(lead) == []


def test_a_time_between_the_subject_and_its_verb():
    lead = "Bộ Tài nguyên và Môi trường sáng nay 10-5 đã tổ chức hội thảo tổng kết 4 năm thực hiện nghị định 51."

    assert names(lead) == ["Bộ Tài nguyên và Môi trường"]


def test_a_court_that_pronounces_a_sentence_holds_the_trial():
    lead = "Ngày 24-7, TAND TP. Cần Thơ tuyên phạt bị cáo Nguyễn Đăng Trí 20 năm tù về tội lừa đảo."

    assert names(lead) == ["Toà án nhân dân thành phố Cần Thơ"]


def test_a_military_court_sentences_without_its_name_running_on():
    lead = "Toà án Quân sự quân khu 7 tuyên phạt bị cáo 12 năm tù về hai tội danh."

    assert names(lead) == ["Toà án Quân sự quân khu 7"]


def test_a_body_after_a_persons_title_is_the_persons_post_not_the_organizer():
    lead = ("Sáng 15-10, ông Nguyễn Minh Mẫn, quyền vụ trưởng Vụ III, Thanh tra Chính phủ tổ chức cuộc họp báo "
            "tại một khách sạn ở Hà Nội.")

    assert names(lead) == []


def test_taiwan_is_a_place_not_a_station():
    lead = "Đài Loan ngày 9-5 tổ chức lễ công bố dự án đóng tàu ngầm đầu tiên của vùng lãnh thổ này."

    assert names(lead) == []


def test_a_later_sentence_about_the_reported_event_names_its_organizers():
    lead = ["Nguyên thứ trưởng Mai Liêm Trực nhận định như vậy tại Diễn đàn Internet Việt Nam 2017, khai mạc "
            "sáng 27-11 tại Hà Nội."]
    later = ["Diễn đàn thu hút 200 người tham dự, gồm 30 diễn giả trong nước và quốc tế.",
             "Sự kiện do Đại sứ quán Thuỵ Điển và Bộ Thông tin và truyền thông phối hợp tổ chức."]

    found = find_organizers(lead, following=later)

    assert [o.name for o in found] == ["Đại sứ quán Thuỵ Điển tại Việt Nam", "Bộ Thông tin và Truyền thông"]


def test_a_later_sentence_is_not_read_when_the_lead_reports_no_event():
    lead = ["Sở Giao thông vận tải TP. HCM vừa có công văn trả lời UBND quận 3 về việc phân luồng giao thông."]
    later = ["Chương trình do UBND quận 3 tổ chức hằng năm."]

    assert find_organizers(lead, following=later) == ()


def test_a_later_sentence_about_something_else_names_no_organizer():
    lead = ["Đó là nhận định của các đại biểu tại hội thảo về quy hoạch đô thị diễn ra sáng 5-3."]
    later = ["Theo báo cáo do Sở Quy hoạch - kiến trúc lập, thành phố có 120 dự án treo."]

    assert find_organizers(lead, following=later) == ()


def test_a_reenactment_by_the_police_is_a_task_not_an_event():
    lead = "Phòng Cảnh sát hình sự Công an tỉnh Vĩnh Long vừa tổ chức thực nghiệm điều tra vụ án trộm 8,3 tỉ đồng."

    assert names(lead) == []


def test_an_article_names_the_organizers_in_its_third_paragraph():
    text = ("Nguyên thứ trưởng Mai Liêm Trực nhận định như vậy tại Diễn đàn Internet Việt Nam 2017, khai mạc sáng "
            "27-11 tại Hà Nội.\n"
            "Diễn đàn thu hút 200 người tham dự, gồm 30 diễn giả trong nước và quốc tế.\n"
            "Sự kiện do Đại sứ quán Thuỵ Điển và Bộ Thông tin và truyền thông phối hợp tổ chức.")

    found = extract_metadata(text, title="Lớp trẻ có tương lai tươi sáng nhờ Internet").organizers

    assert [o.name for o in found] == ["Đại sứ quán Thuỵ Điển tại Việt Nam", "Bộ Thông tin và Truyền thông"]


def test_bodies_listed_with_commas_are_partners_not_a_unit_and_its_parent():
    lead = ("Chương trình do báo Tuổi Trẻ, Bộ GD-ĐT, Tổng cục Giáo dục nghề nghiệp và Trường ĐH Tiền Giang phối "
            "hợp tổ chức.")

    found = find_organizers([lead])

    assert [(o.name, o.parent) for o in found] == [
        ("Báo Tuổi Trẻ", None), ("Bộ Giáo dục và Đào tạo", None), ("Tổng cục Giáo dục nghề nghiệp", None),
        ("Trường Đại học Tiền Giang", None)]
