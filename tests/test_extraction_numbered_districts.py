""""Q. 12", "Q.12": a numbered district, which only Ho Chi Minh City has, named with that city; and
the parent of a district's body ("Quận uỷ quận 10, TP. HCM" belongs to the city's Thành uỷ, a Phòng
to the district's Uỷ ban nhân dân). The sentences follow VietNews articles (train ids below 80,000).
"""

from __future__ import annotations

from indexer.ingest.extraction.organizers import find_organizers


def organizers(lead: str) -> list[tuple[str, str | None]]:
    return [(o.name, o.parent) for o in find_organizers([lead])]


def test_the_district_abbreviated_with_a_dot_and_a_space():
    lead = ("Lễ phát động chiến dịch do Sở Y tế TP. HCM phối hợp với UBND Q. 12 tổ chức vào sáng ngày 5-5.")

    assert [name for name, _ in organizers(lead)] == [
        "Sở Y tế Thành phố Hồ Chí Minh", "Uỷ ban nhân dân quận 12, Thành phố Hồ Chí Minh"]


def test_the_district_abbreviated_in_one_token():
    assert organizers("Sáng 5-9, UBND Q.12 tổ chức lễ khai giảng năm học mới.") == [
        ("Uỷ ban nhân dân quận 12, Thành phố Hồ Chí Minh", None)]


def test_a_numbered_district_court_is_the_citys():
    lead = "Sáng 18-2, TAND quận 1, TP. HCM đã tuyên án vụ tranh chấp quyền sở hữu trí tuệ."

    assert organizers(lead) == [("Toà án nhân dân quận 1, Thành phố Hồ Chí Minh", "Toà án nhân dân Thành phố Hồ Chí Minh")]


def test_a_district_party_committee_belongs_to_the_citys():
    lead = "Chiều 1-11, Quận uỷ Q. 10, TP. HCM tổ chức lễ trao tặng huy hiệu Đảng cho 132 đảng viên."

    assert organizers(lead) == [("Quận uỷ quận 10, Thành phố Hồ Chí Minh", "Thành uỷ Thành phố Hồ Chí Minh")]


def test_a_district_office_belongs_to_the_districts_committee():
    lead = "Ngày hội Hoa bé ngoan do Phòng Giáo dục và Đào tạo Q. 1, TP. HCM tổ chức sáng 5-12."

    assert organizers(lead) == [("Phòng Giáo dục và Đào tạo quận 1, Thành phố Hồ Chí Minh",
                                 "Uỷ ban nhân dân quận 1, Thành phố Hồ Chí Minh")]


def test_a_named_district_keeps_its_name():
    assert organizers("Sáng 5-9, UBND Q. Bình Tân tổ chức lễ khai giảng năm học mới.") == [
        ("Uỷ ban nhân dân quận Bình Tân", None)]
