"""The army's commands, regions and services as organizers, under their official names: newsrooms
write them in sentence case ("Bộ tư lệnh Vùng 2 hải quân"), the name grammar ended them at "Bộ",
and the gazetteer did not know them. Every sentence is from an unlabelled VietNews article (train
ids below 80,000)."""

from __future__ import annotations

from indexer.ingest.extraction.names import canonical_name
from indexer.ingest.extraction.organizers import find_organizers
from tests.test_extraction_organizers_grammar import names


def test_a_naval_region_command_in_sentence_case_holds_the_conference():
    lead = ("Hội nghị này do Bộ tư lệnh Vùng 2 hải quân tổ chức cùng với sự tham dự của 16 tỉnh, thành phía Nam và "
            "Bộ tư lệnh Quân khu 7, Quân khu 9.")

    assert [(o.name, o.parent) for o in find_organizers([lead])] == [("Bộ Tư lệnh Vùng 2 Hải quân", "Quân chủng Hải quân")]


def test_a_military_region_organizes_its_review_conference():
    lead = ("Thiếu tướng Ngô Tuấn Nghĩa - chính uỷ Bộ Tư lệnh TP. HCM - cho biết như vậy trong Hội nghị sơ kết thực "
            "hiện Đề án tìm kiếm, quy tập hài cốt liệt sĩ năm 2018, triển khai kế hoạch thực hiện Đề án năm 2018 do "
            "Quân khu 7 tổ chức ngày 17-10.")

    assert names(lead) == ["Quân khu 7"]


def test_the_coast_guard_command_and_the_air_defence_service_are_known_by_their_official_names():
    assert names("Một nghi thức trang trọng và đặc biệt thiêng liêng vừa được Bộ tư lệnh Cảnh sát biển tổ chức ngay "
                 "trên âu tàu đảo Lý Sơn (Quảng Ngãi).") == ["Bộ Tư lệnh Cảnh sát biển Việt Nam"]
    lead = ("Liên quan đến vấn đề xử lý dioxin ở sân bay Biên Hoà, Đồng Nai, ngày 20/4, Quân chủng Phòng không Không "
            "quân phối hợp với cơ quan Phát triển quốc tế Hoa Kỳ (USAID) tổ chức Lễ Khởi động hợp tác.")
    assert names(lead)[0] == "Quân chủng Phòng không - Không quân"


def test_a_citys_military_command_named_by_its_kind_takes_the_city():
    lead = "Chương trình do Sở Văn hoá và Thể Thao TP. HCM phối hợp Bộ tư lệnh TP, Đài truyền hình TP. HCM tổ chức."

    assert "Bộ Tư lệnh Thành phố Hồ Chí Minh" in names(lead)


def test_provincial_commands_get_their_official_capitals():
    assert canonical_name("Bộ chỉ huy quân sự tỉnh Nghệ An") == "Bộ Chỉ huy Quân sự tỉnh Nghệ An"
    assert canonical_name("Bộ Chỉ huy BĐBP tỉnh Nghệ An") == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Nghệ An"
