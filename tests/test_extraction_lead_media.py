"""The lead is read past a picture's caption and credit, and a numbered district ends a name.

News pages put a photo between the lead and the paragraph that reports the event: its caption,
then "Ảnh: <credit>" on a line of its own, or a clip's caption ("Video: ..."). These paragraphs
did count as the lead's, so the first paragraph of the report was not read for its organizers.
The texts follow VietNews articles (train ids below 80,000 that no label file holds).
"""

from __future__ import annotations

from indexer.ingest.extraction import extract_metadata, read_lead
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.text import media_lines

ABSTRACT = ("Tại cuộc gặp gỡ giữa các doanh nghiệp hàng hải hai nước, Ấn Độ bày tỏ mong muốn hợp tác với "
            "Việt Nam trong lĩnh vực hàng hải, quân sự.")
CAPTION = "Phòng tác chiến trên tàu hộ vệ tên lửa INS Satpura."
REPORT = ("Ngày 25/9 tại Hải Phòng, Bộ Quốc phòng, Phòng Thương mại và Công nghiệp Việt Nam, UBND thành phố "
          "Hải Phòng phối hợp với Đại sứ quán Ấn Độ tổ chức buổi \"Gặp gỡ doanh nghiệp hàng hải Việt Nam - "
          "Ấn Độ\", nhân chuyến thăm của hai tàu hải quân Ấn Độ INS Satpura và INS Kadmatt.")


def organizers_of(*paragraphs: str) -> list[str]:
    return [o.name for o in extract_metadata("\n".join(paragraphs), title="Ấn Độ muốn hợp tác hàng hải").organizers]


def test_the_paragraph_after_a_photo_and_its_credit_is_read_as_the_lead():
    found = organizers_of(ABSTRACT, CAPTION, "Ảnh: Giang Chinh", REPORT)

    assert found == ["Bộ Quốc phòng", "Phòng Thương mại và Công nghiệp Việt Nam",
                     "Uỷ ban nhân dân thành phố Hải Phòng", "Đại sứ quán Ấn Độ tại Việt Nam"]


def test_without_the_picture_the_same_paragraph_is_the_lead_already():
    assert organizers_of(ABSTRACT, REPORT) == organizers_of(ABSTRACT, CAPTION, "Ảnh: Giang Chinh", REPORT)


def test_a_clip_caption_does_not_take_the_place_of_the_report():
    body = "\n".join([
        "Lợi dụng lúc hai nạn nhân ngủ say, Ân đứng bên ngoài cảnh giới, Nhân đột nhập vào bên trong lấy trộm tài sản.",
        "Clip: Xét xử hai kẻ đột nhập vào căn nhà tạm lấy trộm nhiều tài sản lúc nửa đêm.",
        "Chiều 28/8, TAND tỉnh Vĩnh Long mở phiên toà phúc thẩm xét xử bị cáo Phạm Văn Nhân, 30 tuổi, ngụ xã Long Phú.",
        "Theo hồ sơ vụ án, khoảng 23h ngày 10/2, Nhân và Ân đến nhà bà Lan.",
    ])

    metadata = extract_metadata(body, title="Mức án cho hai kẻ đột nhập vào nhà lấy trộm")

    assert [o.name for o in metadata.organizers] == ["Toà án nhân dân tỉnh Vĩnh Long"]
    assert "Theo hồ sơ" not in read_lead(metadata.body)  # two paragraphs of text, no more


def test_credits_and_captions_are_told_from_text():
    paragraphs = [ABSTRACT, CAPTION, "Ảnh: Giang Chinh", REPORT, "Thủ tướng Campuchia Hun Sen. Ảnh: AFP",
                  "Video: Phiên toà xét xử kẻ vận chuyển hơn 300kg ma tuý đá.",
                  "Ảnh hưởng của bão số 9 khiến nhiều tuyến đường ngập sâu."]

    assert media_lines(paragraphs) == {1, 2, 4, 5}


def test_a_numbered_district_ends_a_court_name():
    lead = "Sáng 23/8, TAND quận 4 mở phiên toà xét xử bị cáo Nguyễn Hữu Linh về tội Dâm ô đối với người dưới 16 tuổi."

    assert [o.name for o in find_organizers([lead])] == ["Toà án nhân dân quận 4, Thành phố Hồ Chí Minh"]


def test_a_numbered_ward_keeps_its_numbered_district():
    lead = "Sáng 8/3, Công an phường 5 quận 3 tổ chức hội nghị tổng kết công tác năm."

    assert [o.name for o in find_organizers([lead])] == ["Công an phường 5 quận 3, Thành phố Hồ Chí Minh"]
