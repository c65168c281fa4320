"""A body placed by its address after a comma still acts: the address is where it is, not a
body of its own (sentences of unlabelled VietNews leads)."""

from __future__ import annotations

from indexer.ingest.extraction.organizers import find_organizers
from tests.test_extraction_organizers_grammar import names


def test_a_school_followed_by_its_city_organizes_the_ceremony():
    lead = ("Sáng 17-11, Trường THPT Marie Curie, TP. HCM tổ chức lễ kỷ niệm 100 năm thành lập với sự có mặt "
            "của hàng ngàn học sinh, cựu học sinh.")

    assert names(lead) == ["Trường Trung học phổ thông Marie Curie"]


def test_a_bare_province_after_a_university_is_its_address():
    lead = 'Tối 22-1, Trường ĐH Vinh, Nghệ An đã tổ chức chương trình "Tết ấm cho học sinh, sinh viên".'

    assert names(lead) == ["Trường Đại học Vinh"]


def test_a_commune_district_and_province_chain_places_the_farmers_union():
    lead = ("Ngày 5/10, dư luận tỉnh Quảng Nam xôn xao câu chuyện hội Nông dân xã Đại Hồng, huyện Đại Lộc, "
            "tỉnh Quảng Nam tổ chức cuộc thi hoa hậu dành bò.")

    assert names(lead) == ["Hội Nông dân xã Đại Hồng"]


def test_a_comma_closing_the_address_before_the_verb_keeps_the_district_committee():
    lead = "Sáng 8/1, UBND huyện Lệ Thuỷ, tỉnh Quảng Bình, đã tổ chức cuộc họp bàn về các phương án giải quyết sự việc."

    assert [(o.name, o.parent) for o in find_organizers([lead])] == [
        ("Uỷ ban nhân dân huyện Lệ Thuỷ", "Uỷ ban nhân dân tỉnh Quảng Bình")]


def test_a_ministry_and_a_province_listed_together_both_organize():
    assert names("Sáng 12/3, Bộ Y tế, tỉnh Nghệ An tổ chức hội nghị tổng kết.") == [
        "Bộ Y tế", "Uỷ ban nhân dân tỉnh Nghệ An"]


def test_a_police_ambush_or_a_force_sent_out_is_a_task_not_an_event():
    assert names("Nhận được thông tin, Công an xã Thiệu Hợp, huyện Thiệu Hoá, tỉnh Thanh Hoá đã tổ chức mật phục, "
                 "đón lõng và bắt giữ 2 thanh niên dùng súng tự chế bắn chim.") == []
    assert names("Chiều 23-4, Công an quận Thủ Đức, TP. HCM đang tổ chức lực lượng truy bắt nhóm nghi can "
                 "dàn cảnh va chạm xe để trộm tiền.") == []


def test_exhuming_remains_or_teaching_extra_classes_is_a_task_not_an_event():
    assert names("Ngày 6/5, Bộ chỉ huy Quân sự tỉnh Hà Giang phối hợp cùng UBND xã Thanh Thuỷ tổ chức khai quật "
                 "và cất bốc 5 bộ hài cốt liệt sĩ ở thôn Giang Nam.") == []
    assert names("Cho rằng trường THPT Lê Lợi (Gia Lai) tổ chức dạy học hai buổi mỗi ngày để thu tiền, hàng chục "
                 "học sinh khối 12 làm đơn phản đối.") == []

