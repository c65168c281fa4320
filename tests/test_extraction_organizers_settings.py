"""Events a lead names that are not its news — a meeting as the setting of other news, an event
still to come — give no organizer (sentences of tune and unlabelled VietNews leads, ids below
80,000)."""

from __future__ import annotations

from indexer.ingest.extraction.organizers import find_organizers

G20 = "Nhóm các nền kinh tế phát triển và mới nổi hàng đầu thế giới"


def names(*lead: str) -> list[str]:
    return [o.name for o in find_organizers(list(lead))]


def test_talks_on_the_sidelines_of_a_summit_are_not_the_summit_organizers_event():
    assert names("Tổng thống Nga Vladimir Putin và người đồng cấp Mỹ Barack Obama nhất trí tổ chức một cuộc họp riêng "
                 "bên lề hội nghị thượng đỉnh G20 đang diễn ra ở Hàng Châu, Trung Quốc.") == []


def test_a_photo_caption_at_a_summit_names_no_organizer():
    assert names("Erdogan nói việc Mỹ không giao tiêm kích F -35 là ' ăn cướp '",
                 "Tổng thống Erdogan tại hội nghị G20 hôm 29/6.") == []


def test_a_foreign_summit_the_sentence_opens_with_is_the_reported_event():
    assert names("Hội nghị thượng đỉnh G20 khai mạc tại Buenos Aires, Argentina với một loạt chủ đề lớn.") == [G20]
    assert names("Ngày 25-11 (giờ châu Âu), Hội nghị thượng đỉnh bất thường của Liên minh châu Âu (EU) đã nhất trí "
                 "ủng hộ thoả thuận Anh rời khỏi EU.") == ["Liên minh châu Âu"]


def test_meeting_voters_before_a_council_sitting_is_not_the_sitting():
    assert names("Chủ tịch UBND TP Nguyễn Đức Chung và đại biểu HĐND TP - Tổ đại biểu số 2 đã có buổi tiếp xúc cử tri "
                 "trước kỳ họp thứ 7 HĐND TP khoá XV tại quận Hoàn Kiếm.") == []


def test_a_vietnamese_council_sitting_after_tai_is_still_reported():
    assert names("Tại phiên họp bất thường của HĐND tỉnh Thanh Hoá khoá XVII (nhiệm kỳ 2016-2021), 90/91 đại biểu "
                 "tham dự đã bỏ phiếu thống nhất miễn nhiệm tư cách đại biểu.") == ["Hội đồng nhân dân tỉnh Thanh Hoá"]


def test_another_countrys_parliament_in_lower_case_is_not_vietnams_national_assembly():
    assert names("Ngày 5/3, Trung Quốc chính thức khai mạc kỳ họp quốc hội khoá 12 tại Bắc Kinh.") == []
    assert names("Theo hãng tin Yonhap của Hàn Quốc, tại phiên họp quốc hội hôm nay (5-12), ông Suh Hoon, giám đốc "
                 "Cơ quan tình báo quốc gia (NIS) Hàn Quốc, cho biết cơ quan này đã chia sẻ thông tin.") == []
    assert names("Chiều 5/6, Quốc hội tiếp tục phiên chất vấn và trả lời chất vấn tại Kỳ họp thứ 7 Quốc hội "
                 "khoá XIV.") == ["Quốc hội"]


def test_a_fair_centre_where_an_exhibition_takes_place_is_its_venue_not_its_host():
    assert names("Từ ngày 19-23/12/2018, Tập đoàn Tân Á Đại Thành tham dự Triển lãm Quốc tế Vietbuild 2018 diễn ra tại "
                 "Trung tâm Hội Chợ và Triển Lãm Sài Gòn SECC, Quận 7, TP.HCM.") == []


def test_a_body_that_will_hold_an_event_has_held_none_the_article_reports():
    assert names("UBND quận Cầu Giấy sẽ tổ chức họp báo vào lúc 11h hôm nay 7-8 để thông tin về kết quả "
                 "điều tra.") == []
    assert names("Dự kiến ngày 17/5, TAND TP. HCM sẽ xét xử sơ thẩm vụ bác sĩ Chiêm Quốc Thái bị chém.") == []
    assert names("Nhân Ngày sách Việt Nam 21-4, Sở Thông tin - truyền thông TP. HCM và Hội Xuất bản Việt Nam dự kiến "
                 "tổ chức toạ đàm về thói quen đọc sách cho trẻ.") == []


def test_a_body_that_has_held_the_event_is_still_its_organizer():
    assert names("Sáng 8-5, TAND TP. HCM đã đưa ra xét xử bị cáo Hứa Thị Phấn và 27 đồng phạm.") == [
        "Toà án nhân dân Thành phố Hồ Chí Minh"]
    assert names("Chiều 13-12, báo Công an nhân dân tổ chức toạ đàm \"Nhận diện tín dụng đen\".") == [
        "Báo Công an nhân dân"]


def test_a_council_sitting_still_to_come_after_its_council_organizes_nothing_reported():
    assert names("Trao đổi với Tuổi Trẻ Online, Chủ tịch UBND TP. HCM Nguyễn Thành Phong cho biết sẽ báo cáo về kết quả "
                 "các lần tiếp xúc với người dân Thủ Thiêm tại kỳ họp thứ 12 HĐND TP khoá IX, dự kiến khai mạc ngày "
                 "4-12 tới.") == []


def test_the_sitting_a_standing_committee_prepares_for_is_not_its_news():
    assert names("Sáng 10-4, Uỷ ban Thường vụ Quốc hội khai mạc phiên họp thứ 33, tập trung cho ý kiến về các nội dung "
                 "chuẩn bị kỳ họp thứ 7 Quốc hội khoá XIV.") == ["Uỷ ban Thường vụ Quốc hội"]


def test_a_caption_of_any_one_sitting_names_no_organizer():
    assert names("Nga bác nghị quyết của Mỹ về Syria lần thứ 10", "Một phiên họp của Hội đồng Bảo an Liên Hợp Quốc.") == []


def test_a_committee_of_the_assembly_holding_a_hearing_does_not_make_the_assembly_its_organizer():
    assert "Quốc hội" not in names(
        "Ngày 24-9, tại phiên giải trình do Uỷ ban Văn hoá, giáo dục, thanh niên, thiếu niên và nhi đồng của Quốc hội "
        "tổ chức về thực hiện chính sách pháp luật trong tuyển dụng, sử dụng giáo viên.")


def test_a_foreign_congress_passing_a_law_in_lower_case_is_not_the_national_assembly():
    assert names("Tổng thống Mỹ doạ dừng khoản chi của chính phủ cho các nhà bảo hiểm nếu quốc hội không thông qua "
                 "một dự luật chăm sóc sức khoẻ mới.") == []


def test_the_venue_of_an_event_still_to_come_is_not_its_host():
    assert names("Vietjet sẽ tổ chức ngày hội tuyển dụng tiếp viên quy mô lớn ở TPHCM vào ngày 29/11/2018 tại Trung tâm "
                 "Đào tạo Vietjet, Tầng 9, CT Plaza, 60A Trường Sơn, Tân Bình, TPHCM.") == []


def test_the_conference_a_meeting_is_held_on_the_occasion_of_is_its_setting():
    assert names("Thông điệp này được Thủ tướng Nguyễn Xuân Phúc đưa ra tại cuộc gặp các nhà lãnh đạo ASEAN ngày 11-10, "
                 "nhân dịp Hội nghị thường niên Quỹ Tiền tệ quốc tế (IMF) - Ngân hàng Thế giới (WB) tại Bali.") == []


def test_the_body_whose_decision_a_conference_carries_out_did_not_hold_it():
    assert names("Chiều 11/1, ban Kinh tế Trung ương tổ chức Hội nghị triển khai Quyết định của ban Bí thư về công tác "
                 "cán bộ.") == ["Ban Kinh tế Trung ương"]


def test_a_province_after_the_abbreviation_of_an_unread_name_is_part_of_that_name_not_its_committee():
    # orgs5r's names run on after their (ABBR) to their province: the body itself, not the province's committee.
    assert names("Sáng 22/8, Hội luật gia (HLG) tỉnh Cao Bằng đã tổ chức thành công Đại hội Đại biểu lần thứ 5 nhiệm kỳ "
                 "2019-2024.") == ["Hội luật gia tỉnh Cao Bằng"]
    assert names("Giải pháp này được đưa ra trong kế hoạch thực hiện công tác PCCC năm 2018 do Cảnh sát PCCC TP. HCM "
                 "tổ chức ngày 2 – 2.") == []
