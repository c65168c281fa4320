"""Who "do ... tổ chức" names, in the lead or in a later sentence about the reported event, and
the partners that stand between a body and its verb without being bodies themselves.

A later sentence opening with the event ("Chương trình do A phối hợp với B tổ chức") was read
only as a plain list of known bodies right before the verb: a partner named by kind ("với các
đơn vị"), an unknown partner ("hệ thống siêu thị VinMart"), the passive "được tổ chức" or a body
after a title ("Trung ương Hội ...") left it with no organizer. It is now read as a lead's
sentence is. The sentences follow VietNews articles (train ids below 80,000, no label file's).
"""

from __future__ import annotations

from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.text import tokenize

LEAD = "Hội thảo quốc tế đã diễn ra sáng 5/3 tại Hà Nội với sự tham dự của hơn 200 đại biểu."


def named_later(sentence: str) -> list[str]:
    return [o.name for o in find_organizers([LEAD], following=[sentence])]


def test_partners_named_by_kind_after_with():
    sentence = "Chương trình do Hội đồng Đội Trung ương phối hợp với các đơn vị tổ chức."

    assert named_later(sentence) == ["Hội đồng Đội Trung ương"]


def test_the_passive_before_the_verb():
    sentence = ("Chương trình do Uỷ ban An toàn giao thông quốc gia phối hợp với Giáo hội Phật giáo Việt Nam "
                "được tổ chức tại chùa Quán Sứ.")

    assert named_later(sentence) == ["Uỷ ban An toàn giao thông quốc gia", "Giáo hội Phật giáo Việt Nam"]


def test_a_list_whose_first_body_follows_the_word_central():
    sentence = ("Chương trình do Trung ương Hội Liên hiệp thanh niên Việt Nam phối hợp với Bộ Giáo dục và đào tạo, "
                "Bộ Lao động - thương binh và xã hội tổ chức.")

    assert named_later(sentence) == ["Hội Liên hiệp thanh niên Việt Nam", "Bộ Giáo dục và Đào tạo",
                                     "Bộ Lao động - Thương binh và Xã hội"]


def test_an_unknown_partner_with_a_plus_in_its_brand():
    sentence = ("Cuộc thi do Hội liên hiệp phụ nữ TP. HCM phối hợp với hệ thống siêu thị VinMart & VinMart + "
                "tổ chức.")

    assert [n.casefold() for n in named_later(sentence)] == ["hội liên hiệp phụ nữ thành phố hồ chí minh"]


def test_a_later_sentence_about_something_else_names_no_organizer():
    sentence = "Theo Bộ Giáo dục và đào tạo, các trường sẽ tổ chức thi vào tháng 6."

    assert named_later(sentence) == []


def test_a_stop_word_that_ends_a_capitalized_word_stays_in_the_name():
    lead = "Ngày 5/6, Văn phòng Đăng ký đất đai TP Đà Nẵng tổ chức buổi công bố các quyết định luân chuyển cán bộ."

    assert [o.name for o in find_organizers([lead])] == ["Văn phòng Đăng ký đất đai thành phố Đà Nẵng"]


def test_a_pair_that_opens_a_clause_still_ends_the_name():
    lead = ("Tối 20/4, Tạp chí Thương hiệu Việt trực thuộc Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam "
            "tổ chức lễ trao cúp vàng.")

    assert [o.name for o in find_organizers([lead])] == ["Tạp chí Thương hiệu Việt"]


def test_social_insurance_named_with_its_country():
    lead = "Ngày 26/3, tại Hà Nội, BHXH Việt Nam tổ chức Hội nghị cung cấp thông tin định kỳ về BHXH, BHYT."

    assert [o.name for o in find_organizers([lead])] == ["Bảo hiểm xã hội Việt Nam"]


def test_partners_named_by_function_between_a_body_and_its_verb():
    lead = ("Ngày 25-7, tại xã Lương Sơn, huyện Thường Xuân, Công an tỉnh Thanh Hoá cùng ngành chức năng, chính "
            "quyền địa phương tổ chức lễ truy điệu và trao bằng Tổ quốc ghi công.")

    assert [o.name for o in find_organizers([lead])] == ["Công an tỉnh Thanh Hoá"]


def test_a_provincial_youth_union_written_in_lower_case():
    lead = ("Ngày 23-4, báo Tuổi Trẻ cùng Hội Nông dân Quảng Nam, tỉnh đoàn Quảng Nam tổ chức chương trình "
            "\"Nhịp cầu nhân ái\" tại huyện Đại Lộc.")

    assert [o.name for o in find_organizers([lead])] == ["Báo Tuổi Trẻ", "Hội Nông dân tỉnh Quảng Nam", "Tỉnh đoàn Quảng Nam"]


def test_defusing_a_bomb_is_a_task_not_an_event():
    lead = ("Ngày 12/1, Ban Công binh, Bộ chỉ huy Quân sự tỉnh Hà Giang phối hợp với lực lượng chức năng tổ chức "
            "tháo gỡ, vô hiệu hoá thành công quả bom dài 70 cm.")

    assert find_organizers([lead]) == ()


def test_gambling_at_a_communes_office_is_a_crime_not_an_event_it_hosts():
    lead = ("Trao đổi với PV ngày 11-9, ông Nguyễn Tiến Tầng xác nhận đã cách chức 6 cán bộ xã Vạn Phúc tổ chức "
            "đánh bạc ngay tại trụ sở UBND xã Vạn Phúc.")

    assert find_organizers([lead]) == ()
    assert [o.name for o in find_organizers(["Sáng 5/3, tại trụ sở UBND xã Vạn Phúc đã diễn ra hội nghị tổng kết."])] \
        == ["Uỷ ban nhân dân xã Vạn Phúc"]


def test_personnel_work_is_no_event_and_a_period_ends_a_name():
    lead = ("Theo Sở Giao thông vận tải (GTVT) TP. HCM, việc kiểm điểm thực hiện theo kết luận thanh tra về công "
            "tác tổ chức cán bộ tại Sở GTVT thời kỳ 2017 -2018.")

    assert find_organizers([lead]) == ()
    text = "Kết luận thanh tra tại Sở GTVT thời kỳ 2017 -2018 đã được công bố."
    assert [m.name for m in find_mentions(tokenize(text), text)] == ["Sở GTVT"]
