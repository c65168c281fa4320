"""Names of organizers as unlabelled VietNews leads write them most often: a city's kind written
out ("Thành đoàn Thành phố Hồ Chí Minh"), company and bank names whose words run over two
syllables ("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"), and the national newspapers
named with lower-case words (sentences of unlabelled train articles, ids below 80,000)."""

from __future__ import annotations

from indexer.ingest.extraction.names import canonical_name
from indexer.ingest.extraction.organizers import find_organizers


def names(lead: str) -> list[str]:
    return [o.name for o in find_organizers([lead])]


def test_a_youth_union_named_with_its_city_written_out_organizes_the_ceremony():
    lead = ("Sáng ngày 26/6, Thành đoàn Thành phố Hồ Chí Minh tổ chức lễ ra quân chiến dịch tình nguyện "
            "Hành quân xanh lần thứ 10 năm 2016.")

    assert names(lead) == ["Thành đoàn Thành phố Hồ Chí Minh"]


def test_a_city_written_out_stays_in_the_name_of_its_department():
    lead = ("Ngày 19/12, Sở Du lịch thành phố Đà Nẵng phối hợp với hãng hàng không Qatar Airways tổ chức "
            "Lễ đón chuyến bay đầu tiên Doha (Qatar) - Đà Nẵng.")

    assert names(lead)[0] == "Sở Du lịch thành phố Đà Nẵng"


def test_a_city_kind_inside_a_name_is_lower_case_but_for_the_city_named_after_a_person():
    assert canonical_name("Công an Thành phố Đà Nẵng") == "Công an thành phố Đà Nẵng"
    assert canonical_name("Thành đoàn thành phố Hồ Chí Minh") == "Thành đoàn Thành phố Hồ Chí Minh"


def test_a_bank_name_goes_on_over_a_word_of_two_syllables_and_its_abbreviation_is_spelled_out():
    lead = ("Ngày 26/4, ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV) đã tổ chức thành công Đại hội "
            "đồng cổ đông thường niên năm 2019, thông qua nhiều tờ trình quan trọng.")

    assert names(lead) == ["Ngân hàng Thương mại Cổ phần Đầu tư và Phát triển Việt Nam"]


def test_a_company_name_ending_in_a_two_syllable_word_is_read_whole():
    lead = ("Chiều 28/8, Công ty Tài chính Cổ phần Điện lực (EVNFinance) đã tổ chức Lễ kỷ niệm 9 năm ngày "
            "thành lập (01/9/2008 - 01/9/2017).")

    assert names(lead) == ["Công ty Tài chính Cổ phần Điện lực"]


def test_a_foreign_company_glued_to_a_verb_by_the_segmenter_does_not_take_the_verb():
    assert "Công ty Alibaba định" not in names("Công ty Alibaba định tổ chức hội nghị tại Hàng Châu.")


def test_a_legal_form_alone_names_no_company():
    lead = "Như tin đã đưa, ngày 18/11, tại Quảng Nam, công ty Cổ phần ô tô Trường Hải (THACO) tổ chức lễ xuất xưởng xe."

    assert "Công ty Cổ phần" not in names(lead)


def test_the_national_newspapers_are_named_whole():
    assert names('Chiều 13-12, báo Công an nhân dân tổ chức toạ đàm "Nhận diện tín dụng đen".') == [
        "Báo Công an nhân dân"]
    assert names("Ngày 28/10 tại Hà Nội, Báo Đại biểu nhân dân đã tổ chức buổi toạ đàm về dầu khí.") == [
        "Báo Đại biểu Nhân dân"]


def test_a_company_named_by_its_trade_in_lower_case_before_its_brand_organizes_its_meeting():
    lead = ("Sáng 4/12, Công ty cổ phần đầu tư kinh doanh địa ốc Hưng Thịnh (Hưng Thịnh Corp) đã tổ chức lễ "
            "mở bán dự án.")

    assert names(lead) == ["Công ty cổ phần đầu tư kinh doanh địa ốc Hưng Thịnh"]
    assert names("Tối 7-3, Công ty cổ phần Khai Sáng đã tổ chức lễ ra mắt hệ thống trường song ngữ.") == [
        "Công ty cổ phần Khai Sáng"]


def test_a_report_opens_no_newspaper_name_and_a_kind_of_bank_names_no_bank():
    lead = ("Vừa qua, tại khách sạn Sheraton (Hà Nội), Công ty cổ phần Báo cáo Đánh giá Việt Nam (Vietnam Report) "
            "tổ chức Lễ tôn vinh Top 10 Ngân hàng thương mại Việt Nam uy tín năm 2018.")
    forum = ("Ngày 1/12/2016, trong khuôn khổ Diễn đàn Ngân hàng bán lẻ Việt Nam 2016 do Hiệp hội Ngân hàng Việt "
             "Nam (VNBA) phối hợp với Tập đoàn Dữ liệu quốc tế IDG tổ chức.")

    assert names(lead) == ["Công ty cổ phần Báo cáo Đánh giá Việt Nam"]
    assert "Ngân hàng bán lẻ Việt Nam" not in names(forum)


def test_the_national_steering_committees_are_known_by_their_lower_case_spellings():
    lead = ("Thông tin trên được ông Mai Văn Khiêm cho biết tại cuộc họp ứng phó với bão số 4 do Ban chỉ đạo "
            "trung ương về phòng chống thiên tai tổ chức.")
    sitting = ("Sáng 26-7, tại Hà Nội, Ban chỉ đạo trung ương về phòng chống tham nhũng (Ban chỉ đạo) đã tổ chức "
               "phiên họp thứ 16.")

    assert names(lead) == ["Ban Chỉ đạo Trung ương về Phòng, chống thiên tai"]
    assert names(sitting) == ["Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"]


def test_a_ministry_whose_field_is_written_with_a_dash_in_lower_case_is_named_officially():
    lead = ("Sáng 8-1, Bộ Tài nguyên - môi trường (TN - MT) tổ chức hội nghị triển khai các nghị quyết của "
            "Quốc hội, Chính phủ về phát triển kinh tế - xã hội năm 2019.")

    assert names(lead)[0] == "Bộ Tài nguyên và Môi trường"


def test_a_department_whose_field_is_written_with_a_dash_keeps_its_city():
    lead = ('Ngày 22-9, Sở Khoa học - công nghệ TP. HCM tổ chức hội thảo "Nghiên cứu thiết kế và triển khai '
            'hệ thống đỗ xe ôtô tự động tại Việt Nam".')

    assert names(lead) == ["Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh"]


def test_a_partner_after_a_ministrys_dashed_field_is_a_body_of_its_own():
    lead = ("Sự kiện trình diễn và kết nối cung - cầu công nghệ năm 2017 đã được Bộ Khoa học - công nghệ và TP "
            "Đà Nẵng khai mạc tối 22-11.")

    assert names(lead) == ["Bộ Khoa học và Công nghệ", "Uỷ ban nhân dân thành phố Đà Nẵng"]


def test_a_second_field_in_lower_case_after_and_stays_in_the_name_up_to_its_place():
    lead = ("Chiều 25-5, sở Thông tin và truyền thông TP Đà Nẵng đã tổ chức buổi cung cấp thông tin liên quan "
            "đến vụ bạo hành trẻ em.")

    assert names(lead) == ["Sở Thông tin và Truyền thông thành phố Đà Nẵng"]  # the ministry's capitals


def test_a_second_field_in_lower_case_after_and_stays_in_the_name_up_to_its_parent():
    lead = ("Trường ĐH Khoa học xã hội và nhân văn (ĐH Quốc gia TP. HCM) vừa khánh thành USSH’s Garden tại cơ "
            "sở Thủ Đức.")

    assert names(lead) == ["Trường Đại học Khoa học xã hội và nhân văn"]


def test_and_before_people_or_after_a_place_kind_still_ends_the_name():
    assert names("Sở Y tế và bệnh viện tổ chức hội nghị.") == []
    assert "Công an tỉnh và người dân thành phố Hà Nội" not in names("Công an tỉnh và người dân Hà Nội tổ chức lễ.")


def test_a_ministry_named_by_an_abbreviation_with_a_spaced_dash_organizes_the_contest():
    lead = ("Cuối tháng 4 vừa qua, GS Qui nhận giải nhất cuộc thi Sáng chế năm 2018 do Bộ KH - CN tổ chức.")

    assert names(lead) == ["Bộ Khoa học và Công nghệ"]
    assert names("Cuộc họp diễn ra vào sáng 26-3 do Bộ NN - PTNT tổ chức.") == [
        "Bộ Nông nghiệp và Phát triển nông thôn"]


def test_the_chamber_of_commerce_is_known_by_its_abbreviation():
    lead = ("Tại hội thảo lấy ý kiến sửa 5 Luật thuế do VCCI tổ chức, luật sư Trương Thanh Đức có ý kiến đề xuất "
            "đánh thuế với tiền gửi tiết kiệm.")

    assert names(lead) == ["Phòng Thương mại và Công nghiệp Việt Nam"]


def test_international_organizations_in_a_list_of_organizers_are_known_by_name_and_abbreviation():
    lead = ("Sáng 7-6 tại Hà Nội, Trung ương Đoàn, Bộ Lao động - Thương binh và xã hội, Tổ chức lao động quốc tế "
            "(ILO) tổ chức Diễn đàn hưởng ứng ngày thế giới phòng chống lao động trẻ em.")

    assert names(lead) == ["Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Bộ Lao động - Thương binh và Xã hội",
                           "Tổ chức Lao động Quốc tế"]
    assert names("Ngày 31-5 tại TP. HCM, Bộ Công an, Viện KSND Tối cao phối hợp với UNODC tổ chức hội thảo góp ý "
                 "kiến cho sổ tay điều tra viên.")[-1] == "Văn phòng Liên hợp quốc về Ma tuý và Tội phạm"


def test_a_power_corporation_written_with_a_space_in_its_abbreviation_is_still_known():
    lead = ("Ngày 27/12/2017, EVN HANOI long trọng tổ chức Hội nghị tri ân khách hàng năm 2017 tại hội trường "
            "khách sạn Công đoàn.")

    assert [(o.name, o.parent) for o in find_organizers([lead])] == [
        ("Tổng công ty Điện lực thành phố Hà Nội", "Tập đoàn Điện lực Việt Nam")]


def test_a_ministry_written_without_its_conjunction_gets_its_official_name():
    lead = ("Chiều 12-6, Bộ Tài nguyên Môi trường tổ chức hội thảo tham vấn ý kiến đại biểu Quốc hội về một số "
            "định hướng lớn cần sửa đổi trong dự án Luật đất đai.")

    assert names(lead) == ["Bộ Tài nguyên và Môi trường"]
    assert names("Sáng 4/1, Bộ Khoa học Công nghệ tổ chức hội nghị trực tuyến tại Hà Nội.") == ["Bộ Khoa học và Công nghệ"]


def test_walking_street_is_no_ministry():
    """'phố đi bộ Hoàn Kiếm' (train 019098): 'đi bộ' is walking, the lower-case 'bộ' opens no ministry."""
    lead = ("Sáng 8-9, tại phố đi bộ Hoàn Kiếm (Hà Nội), Uỷ ban An toàn giao thông quốc gia phối hợp với Bộ GD-ĐT và "
            "UBND thành phố Hà Nội tổ chức đi bộ vận động toàn dân ' đội mũ bảo hiểm cho trẻ em '.")

    assert names(lead) == ["Uỷ ban An toàn giao thông quốc gia", "Bộ Giáo dục và Đào tạo", "Uỷ ban nhân dân thành phố Hà Nội"]


def test_a_national_body_with_its_country_shortened_to_vn_is_known():
    """Train 014850: the gazetteer's "Bảo hiểm xã hội Việt Nam" as the newsroom shortens it."""
    lead = ("Tại hội thảo về sự thích ứng hệ thống bảo hiểm xã hội với tình trạng già hoá dân số, được Bảo hiểm xã "
            "hội VN tổ chức ngày 6-3 tại Hà Nội, ông Nguyễn Khang - phó Vụ trưởng Vụ Hợp tác quốc tế, Bảo hiểm xã "
            "hội VN cho hay VN đứng thứ 2 thế giới về tỷ lệ hưởng lương hưu.")

    assert names(lead) == ["Bảo hiểm xã hội Việt Nam"]


def test_a_surname_inside_a_companys_trade_name_does_not_end_it():
    """Train 061129 and 063246: "Hoàng", "Dương" are surnames, but here words of the company's name."""
    lead = ("Ngày 10/5/2017, tại Hà Nội, Tập đoàn Tân Hoàng Minh đã tổ chức buổi lễ ký kết hợp đồng dịch vụ quản lý "
            "vận hành dự án D’. Le Pont D’ or với Công ty Cổ phần PMC Community.")
    assert names(lead)[0] == "Tập đoàn Tân Hoàng Minh"
    assert names("Sáng 26/4, Công ty cổ phần Ánh Dương Việt Nam (Vinasun Corp.) tổ chức Đại hội đồng cổ đông thường "
                 "niên năm 2019.") == ["Công ty cổ phần Ánh Dương Việt Nam"]


def test_a_town_whose_name_opens_with_a_head_word_is_no_association():
    """Train 063656: "Hội An" is the town the conference was held in."""
    lead = ("Đề xuất được Chủ tịch UBND TP Hà Nội - Nguyễn Đức Chung được đưa ra tại Hội nghị toàn quốc về phát triển "
            "du lịch, tổ chức tại Hội An, Quảng Nam ngày 9/8.")

    assert "Hội An" not in names(lead)
