"""A name the people finder would take for a person that the article itself shows to be a district,
a company, an airline, a tournament, a newspaper, a law office, a pageant or a show; and the people beside them
kept. Sentences of unlabelled VietNews articles (010800, 013671, 064426, 031286, 066063, 002211, and
from the first 8,000 of `bench.user_check`)."""

from __future__ import annotations

from indexer.ingest.extraction.people import find_people


def names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


def test_a_district_named_after_an_officials_post_is_no_person():
    text = ("Trận lốc xoáy khiến hàng trăm nhà ở 6 xã huyện Ea Súp (Đắk Lắk) tốc mái. Sáng 14-4, ông Nguyễn Ngọc "
            "Phú, trưởng phòng Nông nghiệp và Phát triển nông thôn huyện Ea Súp, cho biết huyện đã thành lập hai "
            "đoàn công tác.")

    assert names(text) == ["Nguyễn Ngọc Phú"]


def test_an_official_of_an_unnamed_commune_is_still_a_person():
    text = "Ông Nguyễn Bá Hà - Trưởng Công an xã; ông Nguyễn Văn Chanh - Phó Chủ tịch HĐND xã."

    assert "Nguyễn Văn Chanh" in names(text)


def test_an_airline_the_text_names_as_one_is_no_person():
    text = ("Huỷ chuyến hàng loạt, Eva Air sẽ bay bình thường trở lại vào 21-7?\nVới những khách hàng bị huỷ chuyến "
            "bay của Hãng hàng không Eva Air (Đài Loan) sẽ được thông báo. Nguyên nhân khiến tình trạng huỷ chuyến "
            "hàng loạt của Eva Air làm khách hàng bị ảnh hưởng nghiêm trọng là cuộc đình công của tiếp viên.")

    assert "Eva Air" not in names(text)


def test_a_company_the_text_also_calls_a_company_is_no_person():
    text = ("Ông Nguyễn Văn Hùng, Chủ tịch Công đoàn Công ty CP sữa Việt Nam Vinamilk, cho biết những suất hỗ trợ do "
            "chính cán bộ, công nhân viên Công ty Vinamilk đóng góp.")

    assert names(text) == ["Nguyễn Văn Hùng"]


def test_a_tournament_is_no_person():
    assert names("Burger King treo giải cho những phụ nữ có con với cầu thủ World Cup.") == []


def test_a_child_whose_brand_bears_his_name_is_still_a_person():
    text = ("Là một đứa trẻ mồ côi ở Ethiopia, cậu bé Jonah đã có trong tay công ty riêng. Jonah Larson đã mở cửa "
            "hàng đan len riêng, mang thương hiệu Jonah ' s Hand.")

    assert "Jonah" in names(text)


def test_a_law_office_is_no_person_and_its_lawyer_is_one():
    text = ("Giải đáp câu hỏi này, luật sư Diệp Năng Bình – Trưởng Văn phòng luật sư Tinh Thông Luật (Đoàn luật sư "
            "TP Hồ Chí Minh) cho biết.")

    assert names(text) == ["Diệp Năng Bình"]


def test_a_pageant_named_by_its_edition_or_a_rank_in_it_is_no_person():
    text = ("Thanh tra bộ VH, TT & DL từng phạt ban tổ chức cuộc thi Hoa hậu Đại Dương 2017 vì cho phép thí sinh "
            "không có giấy phép. Rất nhiều lời động viên được khán giả gửi tới Top 8 Hoa hậu Trái Đất.")

    assert "Đại Dương" not in names(text)
    assert "Trái Đất" not in names(text)


def test_a_coachs_show_is_no_person_but_a_coach_is_one():
    text = ("Hoa hậu Phạm Hương khẳng định không làm huấn luyện viên The Face. HLV Park Hang-seo và HLV Lan Khuê "
            "cùng có mặt.")

    found = names(text)

    assert "The Face" not in found
    assert {"Phạm Hương", "Park Hang-seo", "Lan Khuê"} <= set(found)


def test_a_newspaper_after_its_reporter_is_no_person():
    text = "Ngày 02/03, trao đổi với phóng viên Báo Người Đưa Tin, ông Hà Quang Dĩnh - Chánh án cho biết."

    assert names(text) == ["Hà Quang Dĩnh"]
