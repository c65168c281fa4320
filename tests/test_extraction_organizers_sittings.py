"""Organizers of sittings: how the news says a council, a legislature or a party committee met
without the words "tổ chức" (sentences of tune and unlabelled VietNews leads)."""

from __future__ import annotations

from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.text import tokenize


def names(lead: str) -> list[str]:
    return [o.name for o in find_organizers([lead])]


def test_a_sitting_named_with_a_bracketed_aside_still_belongs_to_its_council():
    lead = ("Sáng 24/4, kỳ họp thứ 8 (kỳ họp bất thường) HĐND TP HCM khoá IX, nhiệm kỳ 2016-2021 đã nhất trí "
            "thông qua đơn xin từ nhiệm của Phó chủ tịch UBND TP HCM Lê Văn Khoa với tỷ lệ 100%.")

    assert names(lead) == ["Hội đồng nhân dân Thành phố Hồ Chí Minh"]


def test_a_committee_telling_what_its_own_sitting_decided_held_it():
    assert names("Uỷ ban Kiểm tra Thành uỷ Đà Nẵng vừa thông báo nội dung kỳ họp thứ 14.") == [
        "Uỷ ban Kiểm tra Thành uỷ Đà Nẵng"]


def test_an_announcement_at_another_bodys_conference_makes_no_organizer_of_the_speaker():
    assert names("Bộ Y tế vừa thông báo tại hội nghị về tình hình dịch sởi.") == []


def test_a_legislature_debating_in_its_hall_holds_the_sitting_but_a_ministry_debating_does_not():
    assert names("Chiều 12-6, Quốc hội thảo luận tại hội trường về Bộ luật lao động sửa đổi.") == ["Quốc hội"]
    assert names("Chiều 12-6, Bộ Công thương thảo luận với doanh nghiệp về giá điện.") == []


def test_issuing_bonds_is_a_task_not_an_event_with_an_organizer():
    assert names("TP. HCM vừa tổ chức phát hành thành công 2.000 tỉ đồng trái phiếu chính quyền địa phương.") == []


def test_a_newspaper_citing_an_organization_organizes_nothing():
    lead = ("Báo Sputnik ngày 2-5 cho biết tổ chức hành động vì môi trường có tên \"Melting Ice\" (Băng tan chảy) "
            "có trụ sở tại Phần Lan đã đặt tên cho sáng kiến này là \"Dự án Trumpmore\".")

    assert names(lead) == []


def test_a_district_whose_name_opens_with_a_surname_inaugurating_holds_the_ceremony():
    assert names("Sáng 28/3, UBND huyện Hoàng Sa (Đà Nẵng) khánh thành Nhà trưng bày Hoàng Sa.") == [
        "Uỷ ban nhân dân huyện Hoàng Sa"]
    assert names("Ngày 19-5, UBND TP Đà Nẵng khánh thành và thông xe tuyến đường Hoà Phước - Hoà Khương.") == [
        "Uỷ ban nhân dân thành phố Đà Nẵng"]


def test_a_person_named_after_a_department_of_the_province_is_not_part_of_its_name():
    text = "Giám đốc Sở Nội vụ tỉnh Nguyễn Văn An cho biết."

    assert [m.name for m in find_mentions(tokenize(text), text)] == ["Sở Nội vụ tỉnh"]


def test_a_talk_chaired_by_a_minister_is_his_ministrys_event():
    lead = ("Câu hỏi trên được đặt ra trong cuộc toạ đàm \"Xây dựng bộ quy tắc ứng xử trên mạng xã hội\" được tổ "
            "chức sáng 18-5, dưới sự chủ trì của Bộ trưởng Bộ Thông tin - truyền thông Trương Minh Tuấn.")

    assert names(lead) == ["Bộ Thông tin và Truyền thông"]


def test_the_culture_ministry_written_without_its_commas_is_still_the_ministry():
    assert names("Sáng 20-4, Bộ Văn hoá thể thao và du lịch tổ chức sơ kết công tác quản lý lễ hội xuân.") == [
        "Bộ Văn hoá, Thể thao và Du lịch"]


def test_a_committee_named_by_its_kind_takes_the_province_its_sentence_names():
    lead = ("Thủ quân U23 VN chia sẻ như vậy sau một ngày bị vây kín bởi hàng ngàn người hâm mộ tại quê nhà Tuyên "
            "Quang, trong lễ vinh danh anh và Nguyễn Thành Chung do UBND tỉnh tổ chức chiều 30-1.")

    assert names(lead) == ["Uỷ ban nhân dân tỉnh Tuyên Quang"]
    # With no province anywhere, "Uỷ ban nhân dân tỉnh" would be every province's: no organizer.
    assert names("Sáng 3-5, UBND tỉnh tổ chức hội nghị tổng kết công tác phòng chống thiên tai.") == []


def test_a_party_organization_of_a_province_is_no_ministry_of_that_province():
    """"Đảng bộ Hà Tĩnh" is one word, the party's organization of the province: its "bộ" heads no
    "Bộ Hà Tĩnh" (a tune lead)."""
    lead = ("Sáng 18/10, Ban chấp hành Đảng bộ Hà Tĩnh nhiệm kỳ 2015-2020 công bố kết quả hội nghị lần thứ nhất "
            "về việc bầu Bí thư, Phó bí thư, Uỷ ban Kiểm tra và Chủ nhiệm Uỷ ban Kiểm tra Tỉnh uỷ.")

    assert "Bộ Hà Tĩnh" not in [m.name for m in find_mentions(tokenize(lead), lead)]


def test_a_council_named_with_its_term_and_tenure_before_its_verb_holds_the_sitting():
    lead = ("Sáng 3/6/2019, Hội đồng nhân dân (HĐND) TP. Cần Thơ khoá IX, nhiệm kỳ 2016 - 2021 tổ chức kỳ họp "
            "bất thường (kỳ họp thứ 12) để bầu cử chức danh Chủ tịch UBND thành phố.")

    assert names(lead) == ["Hội đồng nhân dân thành phố Cần Thơ"]
    assert names("Sáng 27-4, HĐND tỉnh Quảng Nam khoá 9 đã tổ chức kỳ họp bất thường.") == [
        "Hội đồng nhân dân tỉnh Quảng Nam"]


CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"


def test_the_partys_plenum_named_without_its_body_belongs_to_the_central_committee():
    assert names("Hội nghị Trung ương 6 bế mạc hôm nay 11-10, đề cập đến việc kết thúc hoạt động của các Ban chỉ "
                 "đạo Tây Bắc, Tây Nguyên, Tây Nam Bộ.") == [CENTRAL_COMMITTEE]
    assert names("Ngày 9-5, Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khoá XII bước vào ngày làm việc thứ "
                 "ba.") == [CENTRAL_COMMITTEE]


def test_another_bodys_central_committee_or_the_plenums_resolution_is_not_the_partys_plenum():
    assert CENTRAL_COMMITTEE not in names(
        "Đại hội đã thông báo kết quả họp Hội nghị lần thứ nhất Ban Chấp hành Trung ương Hội Nông dân Việt Nam khoá VII.")
    assert names("Nghị quyết Hội nghị Trung ương 6 yêu cầu kết thúc hoạt động của các ban chỉ đạo Tây Bắc.") == []
    assert CENTRAL_COMMITTEE not in names(
        "Ngày 23-11, Ban Bí thư trung ương Đảng tổ chức hội nghị toàn quốc học tập, quán triệt, triển khai thực hiện "
        "các nội dung Hội nghị Trung ương 8, Khoá XII.")


def test_a_term_is_no_part_of_a_bodys_name():
    lead = ("Chiều 8-12, tại Hà Nội, Uỷ ban Thường vụ Quốc hội khoá XIV đã họp phiên bất thường, thông qua 2 nghị "
            "quyết với sự đồng thuận của tất cả uỷ viên Uỷ ban Thường vụ Quốc hội có mặt.")
    assert names(lead) == ["Uỷ ban Thường vụ Quốc hội"]


def test_the_body_named_after_its_numbered_sitting_and_a_comma_holds_it():
    lead = ("Tại kỳ họp thứ 35 diễn ra từ ngày 24 đến 26-4, Uỷ ban Kiểm tra Trung ương đã xem xét các vi phạm "
            "của ông Nguyễn Bá Cảnh - thành uỷ viên, phó trưởng ban thường trực Ban Dân vận TP Đà Nẵng.")

    assert names(lead) == ["Uỷ ban Kiểm tra Trung ương"]
    assert names("Tại kỳ họp thứ 5, HĐND tỉnh Nghệ An khoá XVII diễn ra vào chiều 19-12, nhiều đại biểu băn khoăn.") == [
        "Hội đồng nhân dân tỉnh Nghệ An"]


def test_a_committee_reporting_to_the_council_at_its_sitting_does_not_hold_it():
    assert names("Tại kỳ họp thứ 8, UBND tỉnh trình HĐND tỉnh dự thảo nghị quyết về giá đất.") == []


def test_a_conclusion_is_no_part_of_the_commissions_name():
    lead = ("Tại kỳ họp 37, Uỷ ban Kiểm tra Trung ương kết luận, vi phạm của Ban Thường vụ Đảng uỷ Công an tỉnh "
            "Đồng Nai đã gây hậu quả rất nghiêm trọng.")

    assert names(lead) == ["Uỷ ban Kiểm tra Trung ương"]


def test_the_assemblys_committees_of_2016_2021_go_by_their_names_of_that_term():
    lead = ("Hội thảo do Uỷ ban Văn hoá, giáo dục, thanh niên, thiếu niên và nhi đồng của Quốc hội tổ chức, "
            "thu hút hơn 100 nhà khoa học, lãnh đạo các trường đại học tham dự.")

    assert [(o.name, o.parent) for o in find_organizers([lead])] == [
        ("Uỷ ban Văn hoá, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng", "Quốc hội")]
    assert names("Chiều 6-8, Uỷ ban về các vấn đề xã hội của Quốc hội đã tổ chức cuộc họp để cho ý kiến về dự thảo "
                 "Bộ luật lao động (sửa đổi).") == ["Uỷ ban về các vấn đề xã hội"]


def test_a_committee_in_sentence_case_ending_in_an_adverbs_word_still_holds_its_hearing():
    lead = ("Sáng 29/12, Uỷ ban Văn hoá Giáo dục Thanh thiếu niên nhi đồng tổ chức phiên giải trình "
            "về việc ban hành văn bản quy định chi tiết.")

    assert names(lead) == ["Uỷ ban Văn hoá, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng"]


def test_a_council_asked_not_yet_to_hold_a_tender_holds_nothing():
    lead = ("Phó chủ tịch UBND TP. HCM Trần Vĩnh Tuyến vừa kiến nghị HĐND TP tạm thời chưa tiến hành tổ chức đấu thầu "
            "lựa chọn đơn vị cung cấp công nghệ quản lý thu phí đậu xe.")

    assert names(lead) == []


def test_a_sitting_cited_for_its_resolution_was_not_chaired_by_the_body_assigning_work():
    lead = ("Theo nghị quyết phiên họp thường kỳ tháng 2, Chính phủ giao Bộ Xây dựng chủ trì, phối hợp với 2 bộ "
            "khác khẩn trương lựa chọn một số dự án đường bộ.")

    assert names(lead) == []


def test_the_governments_online_conference_with_the_provinces_is_the_governments():
    lead = ("Ngày 4/7, Thủ tướng Nguyễn Xuân Phúc chủ trì hội nghị trực tuyến Chính phủ với các địa phương.")

    assert names(lead) == ["Chính phủ"]


def test_a_press_conference_dated_before_its_body_is_still_that_bodys():
    lead = ("Theo kết quả công bố tại cuộc họp báo sáng ngày 24/6 của Tổng cục Thống kê, chỉ số giá tiêu dùng "
            "tháng 6/2016 đã tăng 0,46% so với tháng trước.")

    assert names(lead) == ["Tổng cục Thống kê"]


def test_a_minister_presenting_before_the_assembly_reports_its_sitting():
    lead = ("Chiều 21-5, thừa uỷ quyền của Thủ tướng Chính phủ, bộ trưởng Bộ Công an Tô Lâm đã trình bày trước "
            "Quốc hội về dự án Luật Đặc xá sửa đổi.")

    assert names(lead) == ["Quốc hội"]


def test_a_speech_before_another_countrys_parliament_or_one_to_come_is_not_the_assemblys_sitting():
    assert names("Phát biểu trước Quốc hội Hàn Quốc sáng 8-11, Tổng thống Donald Trump gửi thông điệp cứng rắn "
                 "tới Triều Tiên.") == []
    assert names("Bộ trưởng Tư pháp Hàn Quốc Kim Hyun - woong hôm qua phát biểu trước Quốc hội.") == []
    assert names("Liên quan đến dự án Luật Giáo dục (sửa đổi) sẽ được trình bày trước Quốc hội vào ngày 21/5, "
                 "nhiều ĐBQH bày tỏ băn khoăn.") == []
