"""Names as many newsrooms write them, counted over unlabelled VietNews leads (ids below 80,000):
in sentence case up to their place or committee ("Liên đoàn lao động tỉnh Bình Dương", "Ban
tuyên giáo Tỉnh uỷ Bình Thuận"), with an abbreviation in brackets inside them ("Toà án nhân dân
(TAND) Tối cao"), a diplomatic mission with its seat, schools and companies named after a person,
and the abbreviations T.Ư, Q. and TX. Every sentence is from an unlabelled train article."""

from __future__ import annotations

from indexer.ingest.extraction.names import canonical_name, name_key
from tests.test_extraction_organizers_grammar import mentioned, names


def test_a_labour_federation_written_in_sentence_case_organizes_the_day():
    lead = ("Ngày 30/7, tại Khu công nghiệp Đồng An Bình Dương, Liên đoàn lao động tỉnh Bình Dương đã tổ "
            "chức Ngày hội đoàn viên cho công nhân của tỉnh nhân dịp kỷ niệm 88 năm ngày thành lập Công đoàn Việt Nam.")

    assert names(lead) == ["Liên đoàn lao động tỉnh Bình Dương"]


def test_a_lawyers_association_in_sentence_case_is_the_organizer_not_its_province():
    lead = ("Sáng 22/8, Hội luật gia tỉnh Cao Bằng long trọng tổ chức Đại hội Đại biểu lần thứ 5 nhiệm kỳ "
            "2019-2024, bầu Ban chấp hành nhiệm kỳ 5 (2019-2024) với 30 đại biểu.")

    assert names(lead) == ["Hội luật gia tỉnh Cao Bằng"]


def test_a_procuracy_and_a_tax_department_in_sentence_case_are_read_with_their_place():
    assert "Viện kiểm sát nhân dân thành phố Thanh Hoá" in [
        canonical_name(n) for n in mentioned("Theo cáo trạng của Viện kiểm sát nhân dân TP Thanh Hoá, đầu năm 2018, "
                                            "Nguyễn Thị Hoa (SN 1983), trú tại phường Trường Thi.")
    ]
    assert mentioned("Cục thuế tỉnh Lâm Đồng đã kỷ luật thôi việc đối với bà Ngô Thị Minh Thanh.")[0] == (
        "Cục thuế tỉnh Lâm Đồng")


def test_a_party_committees_board_in_sentence_case_keeps_its_committee_in_its_name():
    lead = ("Chiều 11-7, Ban tuyên giáo Tỉnh uỷ Bình Thuận tổ chức hội nghị giao ban báo chí tháng 7, thông tin "
            "về tình hình kinh tế - xã hội ở địa phương trong 6 tháng đầu năm.")

    assert names(lead) == ["Ban tuyên giáo Tỉnh uỷ Bình Thuận"]


def test_a_councils_committee_in_sentence_case_is_named_with_its_council():
    lead = ("Sáng 20-4, Ban đô thị HĐND TP. HCM tổ chức phiên họp giải trình về giải quyết các vướng mắc trong "
            "thủ tục xây dựng và đất đai.")

    assert names(lead) == ["Ban đô thị Hội đồng nhân dân Thành phố Hồ Chí Minh"]


def test_two_provinces_named_after_one_committee_word_are_not_one_name():
    lead = ("Sáng 21-1, Bộ Giao thông vận tải phối hợp UBND hai tỉnh Bình Định, Phú Yên và Công ty CP Tập đoàn "
            "Đèo Cả tổ chức lễ thông xe.")

    assert not any(n.startswith("Uỷ ban nhân dân hai") for n in names(lead))


def test_a_conference_centre_in_sentence_case_is_no_body():
    lead = ("Vào lúc 22h tối 2-1, tại Trung tâm hội nghị tỉnh Long An, Thứ trưởng Bộ GTVT Lê Đình Thọ đã chủ trì "
            "cuộc họp báo nhanh.")

    assert not any(n.startswith("Trung tâm") for n in mentioned(lead))


def test_a_name_goes_on_after_its_abbreviation_in_brackets_to_its_qualifier_or_province():
    supreme = ("Ngày 30/3, Toà án nhân dân (TAND) Tối cao đã tổ chức lễ công bố Quyết định điều động và bổ nhiệm "
               "Chánh án mới cho TAND tỉnh Hoà Bình.")
    national = ("Sáng 4-1, Ủy ban An toàn giao thông (ATGT) Quốc gia và Hà Nội đã tổ chức Lễ ra quân Năm An toàn "
                "giao thông 2019.")
    market = ("Ngày 12-8, Cục Quản lý thị trường (QLTT) Đồng Nai cho biết vừa phát hiện một cơ sở sản xuất giò chả "
              "ở xã Tây Hoà.")

    assert canonical_name(names(supreme)[0]) == "Toà án nhân dân tối cao"
    assert names(national)[0] == "Uỷ ban An toàn giao thông Quốc gia"
    assert mentioned(market)[0] == "Cục Quản lý thị trường Đồng Nai"


def test_an_abbreviation_with_a_dash_in_brackets_does_not_cut_the_name_from_its_province():
    lead = ("Theo đó, sáng nay (14/9), Sở Tài nguyên và Môi trường (TN - MT) tỉnh Thanh Hoá đã tổ chức buổi làm "
            "việc để trả lời các câu hỏi của báo chí.")
    border = ("Ngày 24-5, tin từ Bộ đội biên phòng (BĐBP) tỉnh Long An cho biết đơn vị này vừa phối hợp cùng "
              "Công an tỉnh Long An bắt giữ Vũ Hà Giao.")

    assert names(lead) == ["Sở Tài nguyên và Môi trường tỉnh Thanh Hoá"]
    assert mentioned(border)[0] == "Bộ đội biên phòng tỉnh Long An"


def test_an_embassy_and_a_consulate_with_their_seat_organize_the_event():
    embassy = "Cuộc thi video Một ngày làm đại sứ Anh do Đại sứ quán Anh tại Hà Nội tổ chức, dành cho học sinh nữ."
    consulate = ("Vừa qua, Tổng Lãnh sự quán Việt Nam tại Osaka (Nhật Bản) đã tổ chức trọng thể Lễ kỷ niệm 127 "
                 "năm ngày sinh Chủ tịch Hồ Chí Minh.")
    bare = "Tại sự kiện do Tổng lãnh sự quán Mỹ tổ chức, bà Quách Thị Xuân cho biết."

    assert names(embassy) == ["Đại sứ quán Anh tại Việt Nam"]
    assert names(consulate) == ["Tổng Lãnh sự quán Việt Nam tại Osaka"]
    assert names(bare) == ["Tổng lãnh sự quán Mỹ"]


def test_schools_and_companies_named_after_a_person_keep_the_persons_name():
    school = ("Chiều 11/4, Trường THCS Trần Phú (Hoàng Mai, Hà Nội) đã tổ chức họp báo thông tin về vụ thầy giáo "
              "bị tố.")
    company = ("Sáng 18-11, Tập đoàn giáo dục Nguyễn Hoàng tổ chức lễ cất nóc toàn bộ dự án Thành phố giáo dục "
               "quốc tế.")
    primary = "Theo Phòng GT - ĐT huyện Tháp Mười, việc Trường tiểu học Phú Điền 1 thu tiền học sinh lớp 1 là không đúng."

    assert names(school) == ["Trường Trung học cơ sở Trần Phú"]
    assert names(company) == ["Tập đoàn giáo dục Nguyễn Hoàng"]
    university = "Sáng 29-10, Trường ĐH Nguyễn Tất Thành đã tổ chức khai giảng và Lễ phát động phong trào."

    assert "Trường tiểu học Phú Điền 1" in mentioned(primary)
    assert names(university) == ["Trường Đại học Nguyễn Tất Thành"]
    assert mentioned("Sáng 29-10, Trường ĐH Kinh tế TP. HCM đã tổ chức lễ khai giảng.")[0] == "Trường ĐH Kinh tế TP. HCM"


def test_a_person_after_a_body_still_ends_its_name():
    assert "Công ty của ông Nguyễn Văn A" not in mentioned("Sáng 18-11, Công ty của ông Nguyễn Văn A tổ chức hội nghị.")


def test_central_district_and_town_abbreviations_are_spelled_out():
    assert canonical_name("Ban Tuyên giáo T.Ư") == "Ban Tuyên giáo Trung ương"
    assert canonical_name("UBND Q. Bình Tân") == "Uỷ ban nhân dân quận Bình Tân"
    assert canonical_name("UBND TX. Sơn Tây") == "Uỷ ban nhân dân thị xã Sơn Tây"
    bank = "Ngân hàng Thương mại Cổ phần Đầu tư và Phát triển Việt Nam"
    assert name_key(bank.upper()) == name_key(bank)  # "ĐẦU TƯ" in capitals is no "Trung ương"


def test_spain_is_no_committee():
    lead = ("Không rõ động thái tiếp theo của chính quyền Tây Ban Nha sẽ như thế nào nhưng thủ tướng Mariano Rajoy "
            "đã chủ trì một cuộc họp nội các khẩn cấp.")

    assert names(lead) == []


def test_a_delegation_of_deputies_organizes_its_conference_under_its_province():
    lead = ("Chiều 16/10, Đoàn đại biểu Quốc hội TP. Đà Nẵng đã tổ chức Hội nghị Lấy ý kiến góp ý của các chuyên "
            "gia, các nhà hoạt động thực tiễn về dự án Luật sửa đổi.")

    assert names(lead) == ["Đoàn đại biểu Quốc hội thành phố Đà Nẵng"]
    assert canonical_name("Đoàn ĐBQH TP HCM") == "Đoàn đại biểu Quốc hội Thành phố Hồ Chí Minh"


def test_a_party_executive_in_sentence_case_is_named_with_its_province_and_never_with_its_term():
    lead = ("Sáng 18/10, Ban chấp hành Đảng bộ Hà Tĩnh nhiệm kỳ 2015-2020 công bố kết quả hội nghị lần thứ nhất "
            "về việc bầu Bí thư.")
    termed = ("Ngày 6-9, Ban chấp hành Đảng bộ tỉnh khoá XIV đã tổ chức Hội nghị lần thứ 42 để giới thiệu và bầu "
              "chức danh Bí thư Tỉnh uỷ Quảng Ninh.")

    assert canonical_name(mentioned(lead)[0]) == "Ban chấp hành Đảng bộ tỉnh Hà Tĩnh"
    assert not any("khoá" in n for n in mentioned(termed))


def test_the_gazetteers_name_comes_before_a_sentence_case_reading_of_it():
    lead = ("Formosa Vũng Áng xả thải là nội dung làm “nóng” phiên khai mạc kỳ họp cuối cùng của Uỷ ban thường vụ "
            "Quốc hội khoá XIII sáng nay (11/7).")

    assert mentioned(lead)[0] == "Ủy ban Thường vụ Quốc hội"
    assert canonical_name("Ban chấp hành Trung ương Đảng") == "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"


def test_a_department_named_without_its_city_takes_the_city_the_text_gives_it():
    earlier = ("Đó là lời khẳng định của ông Lê Duy Tân - trưởng Phòng Giáo dục trung học Sở GD-ĐT TP. HCM - tại lễ "
               "tổng kết năm học 2018-2019 của bậc trung học do Sở GD-ĐT tổ chức sáng 20-8.")
    listed = ("Sáng 5-10, Viện nghiên cứu phát triển thành phố phối hợp với Sở Giao thông vận tải, Sở Giáo dục và "
              "đào tạo TP. HCM tổ chức hội thảo đánh giá hiệu quả việc thực hiện đề án.")
    alone = "Cuộc thi ảnh Mùa yêu thương do Sở GD-ĐT phối hợp với báo Tuổi Trẻ và Trường ĐH Việt Đức tổ chức."

    assert names(earlier) == ["Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"]
    assert names(listed)[0] == "Sở Giao thông vận tải Thành phố Hồ Chí Minh"
    assert names(alone)[0] == "Sở Giáo dục và Đào tạo"  # no place in the text: none guessed
