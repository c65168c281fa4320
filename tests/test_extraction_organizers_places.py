"""A body the news names down to a bare place kind ("HĐND TP", "UBND quận", "Công an tỉnh") is the
one of the place of that kind its sentence named before it: "Hội đồng nhân dân thành phố" alone
would be every city's council in one facet value. Every sentence is from an unlabelled VietNews
article (train ids below 80,000)."""

from __future__ import annotations

from tests.test_extraction_organizers_grammar import names


def test_a_city_council_named_by_its_kind_is_the_council_of_the_city_named_before():
    lead = ("Chiều 10-12, ông Nguyễn Nho Trung, chủ tịch HĐND TP Đà Nẵng cho biết lãnh đạo TP Đà Nẵng đã thống "
            "nhất quyết định hoãn kỳ họp thứ 9 HĐND TP khoá IX (nhiệm kỳ 2016-2021).")

    assert names(lead) == ["Hội đồng nhân dân thành phố Đà Nẵng"]


def test_a_district_committee_takes_the_district_its_sentence_names():
    lead = ("Sau vụ tai nạn xe ben tông hàng loạt xe máy khiến 6 người thương vong xảy ra khuya 1-3 tại quận Gò "
            "Vấp, TP. HCM, UBND quận đã họp khẩn, yêu cầu các bên liên quan tổ chức kiểm tra xe trọng tải lớn.")

    assert names(lead) == ["Uỷ ban nhân dân quận Gò Vấp"]


def test_a_body_named_down_to_its_kind_takes_the_place_an_earlier_sentence_names():
    # unlabelled train 070573 and 070505 (were "Uỷ ban nhân dân huyện", "Ban Chấp hành Đảng bộ thành phố")
    festival = ("Sáng 1/5, hàng ngàn du khách trong và ngoài tỉnh đã có mặt tại xã biên giới Ia O, huyện Ia Grai, "
                "tỉnh Gia Lai để hoà mình cùng không khí vui tươi. Đây là lần đầu tiên UBND huyện tổ chức Hội đua "
                "thuyền độc mộc, mục đích bảo tồn và phát huy nét đẹp văn hoá của dân tộc Tây Nguyên.")
    plenum = ("Đây là thông tin vừa được ông Võ Văn Thương, Trưởng ban Tổ chức Thành uỷ TP. Đà Nẵng công bố.\n"
              "Ngày 15/10, Ban Chấp hành Đảng bộ thành phố tổ chức Hội nghị lần thứ 14 sơ kết giữa nhiệm kỳ.")

    assert names(festival) == ["Uỷ ban nhân dân huyện Ia Grai"]
    assert "Ban Chấp hành Đảng bộ thành phố Đà Nẵng" in names(plenum)


def test_a_provincial_police_named_again_by_its_kind_is_the_one_named_first():
    lead = ("Chiều tối ngày 6/7, trao đổi với PV Người Đưa Tin, Đại tá Đặng Hoài Sơn, Phó Giám đốc, thủ trưởng cơ "
            "quan CSĐT Công an tỉnh Hà Tĩnh cho biết, chiều cùng ngày, Công an tỉnh vừa tổ chức cuộc họp với thành "
            "phần gồm: UBND huyện, công an, viện Kiểm sát.")

    assert names(lead) == ["Công an tỉnh Hà Tĩnh"]


def test_a_department_named_down_to_its_kind_takes_the_province_of_its_list():
    lead = ("Tối 9-6, UBND tỉnh Nghệ An, tỉnh Đoàn Nghệ An, Sở NN & PTNT tỉnh và Ban trị sự giáo hội phật giáo Việt "
            "Nam tỉnh Nghệ An tổ chức đại lễ cầu siêu cho các thanh niên hi sinh trong sự nghiệp xây dựng quê hương.")

    assert "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An" in names(lead)

