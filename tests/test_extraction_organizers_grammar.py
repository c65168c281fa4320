"""Organizers by the grammar of names and roles, on sentences of unlabelled VietNews leads.

Each test is one pattern the rules read: a head in lower case ("cục Đường thuỷ nội địa"), heads
of party, church, union and club names, a partner the reader does not know standing between a
body and its verb, a court bringing a case to trial, the period of a press conference, the name
of a summit that is not its organizer, and where a name ends (a person, a verb, a word that runs
on: pyvi's words and tags).
"""

from __future__ import annotations

from indexer.ingest.articles import Organizer
from indexer.ingest.extraction import extract_metadata
from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.names import canonical_organizer
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.text import tokenize


def names(lead: str) -> list[str]:
    return [o.name for o in find_organizers([lead])]


def mentioned(text: str) -> list[str]:
    return [m.name for m in find_mentions(tokenize(text), text)]


def test_a_department_written_with_its_head_in_lower_case_organizes_a_meeting():
    lead = ("Ngay sau khi báo chí đăng tải thông tin, cục Đường thuỷ nội địa đã tổ chức một cuộc họp và ra "
            "quyết định tạm đình chỉ công tác 15 ngày đối với ông Vũ Mạnh Hùng.")

    assert names(lead) == ["Cục Đường thuỷ nội địa"]


def test_an_association_in_lower_case_is_a_body_but_a_festival_is_not():
    assert names("Ngày 4/4/2017 tại Hà Nội, hội Nhà văn Việt Nam tổ chức kỷ niệm 60 năm thành lập.") == [
        "Hội Nhà văn Việt Nam"]
    assert names("Sắp tới liên đoàn Xe đạp - Mô tô thể thao Việt Nam và hội Xe thăng bằng Việt Nam tổ chức "
                 "cuộc thi Cua - rơ nhí.") == ["Liên đoàn Xe đạp - Mô tô thể thao Việt Nam", "Hội Xe thăng bằng Việt Nam"]
    assert mentioned("Mặc dù vậy tình trạng này vẫn diễn ra ở hội Lim 2018.") == []


def test_an_officer_of_the_police_is_not_the_ministry_of_public_security():
    assert mentioned("Các cán bộ Công an huyện đã có mặt tại hiện trường.") == ["Công an huyện"]


def test_the_central_military_commission_organizes_a_conference():
    lead = ("Ngày 7-1, tại Hà Nội, Quân uỷ Trung ương đã tổ chức hội nghị ra nghị quyết lãnh đạo thực hiện "
            "nhiệm vụ quân sự, quốc phòng năm 2019.")

    assert names(lead) == ["Quân uỷ Trung ương"]


def test_the_labour_confederation_and_a_club_are_named_in_full():
    lead = ("Hội thảo do Tổng LĐLĐ Việt Nam, Ban Tuyên giáo trung ương, Hội đồng Lý luận trung ương và Học viện "
            "Chính trị quốc gia Hồ Chí Minh tổ chức.")

    assert names(lead)[0] == "Tổng Liên đoàn Lao động Việt Nam"
    assert names("Chương trình “Tết sẻ chia” do CLB Liên kết trẻ Việt Nam tổ chức nhằm giúp đỡ các bạn nhỏ.") == [
        "Câu lạc bộ Liên kết trẻ Việt Nam"]


def test_an_international_organization_co_organizes_but_organizing_a_conference_is_no_body():
    lead = ("Lễ tổng kết và trao giải được Hội Nhà báo Việt Nam và Hội Bảo vệ quyền trẻ em Việt Nam phối hợp với "
            "Tổ chức Cứu trợ trẻ em tổ chức vào chiều 6-4 tại Hà Nội.")

    assert names(lead) == ["Hội Nhà báo Việt Nam", "Hội Bảo vệ quyền trẻ em Việt Nam", "Tổ chức Cứu trợ trẻ em"]
    assert mentioned("Tổ chức Hội nghị tổng kết năm là việc của các sở.") == []


def test_a_partner_the_reader_does_not_know_does_not_hide_the_body_before_it():
    assert names("Ngày 20-1, Bộ Chỉ huy Bộ đội Biên phòng Nghệ An và chính quyền địa phương huyện Thanh Chương "
                 "tổ chức lễ trao tặng Huân chương Chiến công hạng Nhất.") == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Nghệ An"]
    assert names("Sáng 11-11, Uỷ ban An toàn giao thông quốc gia phối hợp Trung ương Giáo hội Phật giáo Việt Nam "
                 "tổ chức đại lễ cầu siêu nạn nhân tử vong do tai nạn giao thông.")[0] == "Uỷ ban An toàn giao thông quốc gia"


def test_a_court_opens_reopens_and_continues_a_trial():
    for lead in ("Ngày 15/3, TAND TP. Hà Nội mở phiên xét xử sơ thẩm đối với hai bị cáo Nguyễn Nhật Linh và Khuất Thế Anh.",
                 "Hôm nay (6/8), TAND TP. Hà Nội mở lại phiên xét xử sơ thẩm đối với bị cáo Nguyễn Hồng Anh.",
                 "Ngày 2/8, TAND TP. Hà Nội tiếp tục xét xử đối với hai bị cáo Phan Dũng và Nguyễn Văn Uần."):
        assert names(lead) == ["Toà án nhân dân thành phố Hà Nội"], lead


def test_a_court_brings_a_defendant_to_trial_some_words_later():
    lead = ("Ngày 17/4, TAND TP. Hà Nội đưa Nguyễn Thanh Hỷ (SN 1971, ở phường Vạn Phúc, quận Hà Đông, Hà Nội) "
            "ra xét xử về tội Mua bán trái phép chất ma tuý.")

    assert names(lead) == ["Toà án nhân dân thành phố Hà Nội"]


def test_the_bench_of_a_court_pronounces_the_sentence_of_its_trial():
    lead = "Ngày 19/6, sau 1 tuần xét xử và nghị án, hôm nay HĐXX của TAND tỉnh Hoà Bình đã tuyên án đối với các bị cáo."

    assert names(lead) == ["Toà án nhân dân tỉnh Hoà Bình"]


def test_a_high_court_written_without_tai_is_named_as_officially():
    assert names("Ngày 3/8, TAND cấp cao Hà Nội mở phiên phúc thẩm xét xử bị cáo Chu Văn Trường.") == [
        "Toà án nhân dân cấp cao tại Hà Nội"]


def test_a_source_before_a_comma_is_not_the_parent_of_the_court_after_it():
    lead = ("Theo báo Pháp luật Việt Nam, TAND TP Hà Nội vừa đưa bị cáo Nguyễn Ngọc Nhẫn (SN 1980, ở huyện Thanh "
            "Trì, Hà Nội) ra xét xử về tội Giết người.")

    assert [(o.name, o.parent) for o in find_organizers([lead])] == [("Toà án nhân dân thành phố Hà Nội", None)]


def test_a_quarterly_press_conference_belongs_to_the_ministry_after_its_period():
    lead = ("Theo Zing.vn, tại họp báo quý 3 bộ Quốc phòng sáng 9/10, Thiếu tướng Nguyễn Văn Đức đã có những "
            "trao đổi quanh bộ phim Hậu duệ mặt trời.")

    assert names(lead) == ["Bộ Quốc phòng"]


def test_a_summit_named_after_a_group_is_held_not_organized_by_it():
    assert names("Tổng thống Mỹ Donald Trump đã có những chia sẻ trước sự kiện Thượng đỉnh G20 sắp tổ chức ở Nhật Bản.") == []


def test_a_body_that_plans_to_hold_a_conference_is_found_but_organizes_no_reported_event():
    lead = ("Theo đặc phái viên của EU, trong khoảng thời gian đầu năm 2017, Liên minh châu Âu dự kiến sẽ tổ chức "
            "một hội nghị thảo luận về tương lai của Syria.")

    assert "Liên minh châu Âu" in mentioned(lead)
    assert names(lead) == []  # an event still to come has no organizer (docs/labelling-brief.md)


def test_a_name_ends_before_the_person_after_its_country_and_not_at_a_surname_it_ends_with():
    assert mentioned("Ngày 30/1, Thứ trưởng bộ Ngoại giao Việt Nam Hà Kim Ngọc và Phó Trợ lý Ngoại trưởng bộ Ngoại "
                     "giao Mỹ Tina Kaidanow đã đồng chủ trì đối thoại.") == ["Bộ Ngoại giao Việt Nam", "Bộ Ngoại giao Mỹ"]
    assert mentioned("Ông Trump tham dự Hội nghị thượng đỉnh Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) tại Brussels.") == [
        "Tổ chức Hiệp ước Bắc Đại Tây Dương"]


def test_a_name_ends_before_a_verb_pyvi_tags_or_a_word_that_runs_past_it():
    assert mentioned("Giáo hội Công giáo Sri Lanka huỷ kế hoạch tổ chức lại các buổi lễ vào chủ nhật.") == [
        "Giáo hội Công giáo Sri Lanka"]
    assert mentioned("Đó là quan điểm của Tỉnh uỷ Lâm Đồng liên quan vụ 17 thí sinh thi công chức.") == ["Tỉnh uỷ Lâm Đồng"]
    assert mentioned("Cơ quan Phòng chống Vũ khí hoá học nhóm họp vào ngày mai để xem xét vụ đầu độc.") == [
        "Cơ quan Phòng chống Vũ khí hoá học"]


def test_the_middle_of_a_city_and_the_universities_of_a_country_are_no_bodies():
    assert mentioned("Nhóm đối tượng bị bắt gần khách sạn nằm ở trung tâm TP bằng trò chơi pocker.") == []
    assert mentioned("Sinh viên các trường đại học Nhật Bản lần thứ 14 dự thi.") == []


def test_a_subheading_between_the_lead_paragraphs_does_not_push_the_event_out_of_the_lead():
    text = ("Hà Nội không phải địa phương đầu tiên cấm ghi âm tại trụ sở tiếp dân, và Bộ Tư pháp đã vào cuộc.\n\n"
            "Nhiều bộ, địa phương cùng cấm\n\n"
            "Ông Đồng Ngọc Ba, cục trưởng Cục Kiểm tra văn bản quy phạm pháp luật - Bộ Tư pháp, cho biết như vậy "
            "tại cuộc họp báo do Bộ Tư pháp tổ chức sáng 28-1, tại Hà Nội.\n\n"
            "Vị này cho biết theo quy định của Luật tiếp công dân 2013, bộ trưởng sẽ ban hành các văn bản.")

    assert [o.name for o in extract_metadata(text, title="Cấm ghi âm ở trụ sở tiếp dân").organizers] == ["Bộ Tư pháp"]


def test_a_ministry_abbreviated_with_a_comma_is_named_in_full():
    assert names("Chiều 13/3, tại Hà Nội, bộ VH, TT & DL đã tổ chức lễ công bố Đại sứ Du lịch Việt Nam.") == [
        "Bộ Văn hoá, Thể thao và Du lịch"]


def test_a_court_that_says_it_tried_or_decides_to_bring_a_case_holds_the_trial():
    assert names("Ngày 29-8, TAND tỉnh Quảng Bình cho biết đã xét xử và tuyên án tử hình đối với bị cáo Xệng Vàng.") == [
        "Toà án nhân dân tỉnh Quảng Bình"]
    assert names("TAND tỉnh Hoà Bình vừa ra quyết định đưa vụ án làm 9 bệnh nhân chạy thận tử vong ở Bệnh viện đa khoa "
                 "tỉnh Hoà Bình ra xét xử theo trình tự phúc thẩm.") == ["Toà án nhân dân tỉnh Hoà Bình"]


def test_a_court_with_its_abbreviation_inside_its_name_keeps_its_city():
    assert names("Ngày 11-7, Toà án Nhân dân (TAND) TP Hà Nội đã xét xử phúc thẩm bị cáo Nguyễn Công Chinh.") == [
        "Toà án nhân dân thành phố Hà Nội"]


def test_a_city_party_committee_ends_at_its_city():
    lead = "Tối 1-12, Thành uỷ Đà Nẵng đã tổ chức họp báo để thông tin về hội nghị Thành uỷ Đà Nẵng lần thứ 11."

    assert names(lead) == ["Thành uỷ Đà Nẵng"]


def test_a_province_qualifying_a_common_noun_does_not_stand_for_its_committee():
    lead = ("Sáng 22-8, Huyện uỷ, UBND huyện Mường Lát và ngành chức năng tỉnh Thanh Hoá tổ chức lễ truy điệu, "
            "trao bằng Tổ quốc ghi công cho liệt sĩ.")

    found = names(lead)

    assert "Uỷ ban nhân dân huyện Mường Lát" in found
    assert "Uỷ ban nhân dân tỉnh Thanh Hoá" not in found  # "ngành chức năng tỉnh Thanh Hoá" is no body


def test_a_publishing_house_in_lower_case_organizes_its_anniversary():
    assert names("Ngày 1-2, nhà xuất bản Tổng hợp TP. HCM tổ chức họp mặt kỷ niệm 40 năm thành lập.") == [
        "Nhà xuất bản Tổng hợp Thành phố Hồ Chí Minh"]


def test_the_name_of_a_minister_after_his_ministry_is_not_part_of_it_but_a_foreign_place_is():
    assert mentioned("Bộ trưởng Bộ Công an Tô Lâm đã chủ trì hội nghị.") == ["Bộ Công an"]
    assert mentioned("Toà án Tối cao Đài Loan ngày 15-5 kết án tù 4 tháng đối với cựu lãnh đạo Mã Anh Cửu.") == [
        "Toà án Tối cao Đài Loan"]


def test_this_agency_as_a_subject_is_the_body_the_sentence_named_before():
    lead = ("Tin từ cổng thông tin điện tử Bộ Giao thông Vận tải cho hay, chiều 11/7, cơ quan này đã tổ chức "
            "Hội nghị triển khai các quyết định về công tác cán bộ.")

    assert names(lead) == ["Bộ Giao thông vận tải"]


def test_a_bare_department_is_the_department_named_before():
    lead = ("Ông Đinh Quý Nhân, Giám đốc sở GD & ĐT tỉnh Quảng Bình cho biết, Sở vừa tổ chức cuộc họp bàn về "
            "những bất cập của đề thi môn văn.")

    assert names(lead) == ["Sở Giáo dục và Đào tạo tỉnh Quảng Bình"]


def test_words_describing_a_body_stand_between_it_and_its_verb_but_a_verb_does_not():
    found = names("Vừa qua, tại TP. HCM, hội Doanh nghiệp Hàng Việt Nam chất lượng cao đã tổ chức Lễ công bố Hàng "
                  "Việt Nam chất lượng cao năm 2017.")
    # The association is found; its full name also holds "chất lượng cao", which the name's end
    # does not reach yet (the lower-case words after "Việt Nam" are read as a description).
    assert len(found) == 1 and found[0].startswith("Hội Doanh nghiệp Hàng Việt Nam")
    assert names("Sở Y tế yêu cầu bệnh viện tổ chức lễ trao giải cho các y bác sĩ.") == []


def test_a_court_written_in_lower_case_or_with_nd_is_the_peoples_court_of_its_city():
    planned = "Trong tháng 1-2018, toà án TP Hà Nội sẽ đưa ra xét xử hai vụ án lớn về tham ô tài sản."
    assert [canonical_organizer(Organizer(name)).name for name in mentioned(planned)] == [
        "Toà án nhân dân thành phố Hà Nội"]  # found and named; a trial still to come gives no organizer
    assert names("Toà án ND TP Hà Nội vừa quyết định đưa ra xét xử bị cáo Trịnh Xuân Thanh và các đồng phạm.") == [
        "Toà án nhân dân thành phố Hà Nội"]


def test_a_bank_named_by_its_country_and_an_archipelago_are_no_bodies():
    assert mentioned("Xả súng tại ngân hàng Mỹ, 4 người thiệt mạng.") == []
    assert mentioned("Tàu cá của ngư dân bị tấn công gần quần đảo Trường Sa.") == []


def test_an_award_belongs_to_the_academy_that_gives_it():
    lead = "Grammy là giải thưởng hàng năm của Viện Hàn lâm Nghệ thuật và Khoa học Quốc gia Hoa Kỳ (NARAS)."

    assert [(o.name, o.alias) for o in find_organizers([lead])] == [
        ("Viện Hàn lâm Nghệ thuật và Khoa học Quốc gia Hoa Kỳ", "NARAS")]
    assert names("Giải pháp của Bộ Y tế được nhiều địa phương áp dụng.") == []
