"""Organizers: who organized or hosted the event, told apart from bodies merely mentioned."""

from __future__ import annotations

import pytest

from indexer.articles import Organizer
from indexer.extraction import successor_of
from indexer.extraction.organizers import find_organizers
from indexer.extraction.sources import home_body

# (lead paragraph, source site or None, expected organizers as (name, parent, alias))
LEADS = [
    pytest.param(
        "Sáng ngày 15/3/2024, tại Hà Nội, Bộ Tư pháp phối hợp với Chương trình Phát triển Liên hợp quốc "
        "(UNDP) tổ chức Hội thảo góp ý dự thảo Luật Tổ chức chính quyền địa phương (sửa đổi).",
        None,
        [("Bộ Tư pháp", None, None), ("Chương trình Phát triển Liên hợp quốc", None, "UNDP")],
        id="subject-with-partner-and-abbreviation",
    ),
    pytest.param(
        "Hội nghị do Văn phòng Chính phủ chủ trì, phối hợp với Bộ Nội vụ tổ chức nhằm đánh giá kết quả "
        "cải cách thủ tục hành chính năm 2023.",
        None,
        [("Văn phòng Chính phủ", None, None), ("Bộ Nội vụ", None, None)],
        id="agents-after-do",
    ),
    pytest.param(
        "Ngày 20/5/2023, HVHCQG tổ chức Lễ khai giảng lớp bồi dưỡng ngạch chuyên viên cao cấp khóa 15.",
        None,
        [("Học viện Hành chính Quốc gia", None, "HVHCQG")],
        id="abbreviation-as-subject",
    ),
    pytest.param(
        "Chiều 25/11, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội thảo trực tuyến với các nước ASEAN; tham dự "
        "có đại diện Ban Thư ký ASEAN và Ngân hàng Thế giới.",
        "moha.gov.vn",
        [("Bộ Nội vụ", None, None)],
        id="participants-are-not-organizers",
    ),
    pytest.param(
        "Sáng 9/12/2022, Phòng Quản lý khoa học, Viện Nghiên cứu hành chính tổ chức Tọa đàm về đổi mới "
        "hoạt động nghiên cứu khoa học của giảng viên.",
        None,
        [("Phòng Quản lý khoa học", "Viện Nghiên cứu hành chính", None)],
        id="unknown-unit-comma-parent",
    ),
    pytest.param(
        "Ngày 18/4/2024, Trung tâm Tin học thuộc Sở Nội vụ tỉnh Bắc Ninh tổ chức lớp tập huấn sử dụng "
        "phần mềm quản lý hồ sơ cán bộ, công chức.",
        None,
        [("Trung tâm Tin học", "Sở Nội vụ tỉnh Bắc Ninh", None)],
        id="unknown-unit-thuoc-parent",
    ),
    pytest.param(
        "Ngày 12/7/2024, UBND tỉnh Quảng Nam phối hợp với Đại sứ quán Nhật Bản tổ chức Hội nghị xúc tiến "
        "đầu tư vào các khu công nghiệp của tỉnh.",
        None,
        [("Uỷ ban nhân dân tỉnh Quảng Nam", None, None), ("Đại sứ quán Nhật Bản tại Việt Nam", None, None)],
        id="province-and-embassy",
    ),
    pytest.param(
        "Uỷ ban nhân dân thành phố Hà Nội và Bộ Khoa học và Công nghệ đồng tổ chức Triển lãm đổi mới "
        "sáng tạo năm 2023 tại Cung Văn hóa Hữu nghị.",
        None,
        [("Uỷ ban nhân dân thành phố Hà Nội", None, None), ("Bộ Khoa học và Công nghệ", None, None)],
        id="old-tone-style-and-co-organizers",
    ),
    pytest.param(
        "Lễ ký kết thỏa thuận hợp tác giữa Học viện Hành chính Quốc gia và Trường Đại học Kinh tế Quốc dân "
        "diễn ra sáng ngày 3/8/2023 tại Hà Nội.",
        None,
        [("Học viện Hành chính Quốc gia", None, None), ("Trường Đại học Kinh tế Quốc dân", None, None)],
        id="partners-of-an-agreement",
    ),
    pytest.param(
        "(napa.vn) – Sáng 6/9/2023, Học viện tổ chức Lễ khai giảng năm học mới 2023 – 2024 cho học viên "
        "cao học và nghiên cứu sinh.",
        "napa.vn",
        [("Học viện Hành chính Quốc gia", None, None)],
        id="bare-hoc-vien-on-napa",
    ),
    pytest.param(
        "Sáng 4/1/2024, Hội nghị tổng kết công tác năm 2023 của ngành Nội vụ đã diễn ra tại Hà Nội. "
        "Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà chủ trì Hội nghị.",
        None,
        [("Bộ Nội vụ", None, None)],
        id="chair-body-when-no-organizing-clause",
    ),
    pytest.param(
        "Ngày 14/10/2023, Hội thảo quốc tế về quản trị công được tổ chức tại trụ sở Học viện Chính trị "
        "quốc gia Hồ Chí Minh.",
        None,
        [("Học viện Chính trị quốc gia Hồ Chí Minh", None, None)],
        id="host-when-passive",
    ),
    pytest.param(
        "Với sự tài trợ của Quỹ Hanns Seidel, ngày 22/6/2023, Ban Tổ chức Trung ương tổ chức Hội thảo "
        "về đánh giá cán bộ theo kết quả công việc.",
        None,
        [("Ban Tổ chức Trung ương", None, None)],
        id="sponsor-is-not-organizer",
    ),
    pytest.param(
        "Sáng 21/3/2023, Vụ Hợp tác quốc tế, Bộ Tư pháp tổ chức Hội nghị tập huấn về điều ước quốc tế.",
        None,
        [("Vụ Hợp tác quốc tế", "Bộ Tư pháp", None)],
        id="shared-unit-with-explicit-parent",
    ),
    pytest.param(
        "Chiều 8/5/2024, Vụ Tổ chức cán bộ tổ chức Hội nghị quán triệt Quy định về công tác cán bộ.",
        "moha.gov.vn",
        [("Vụ Tổ chức cán bộ", "Bộ Nội vụ", None)],
        id="shared-unit-belongs-to-the-site-body",
    ),
    pytest.param(
        "Ngày 10/10/2022, Ủy ban Pháp luật của Quốc hội phối hợp với Viện Nghiên cứu lập pháp tổ chức "
        "Hội thảo về hoàn thiện pháp luật thanh tra.",
        None,
        [("Uỷ ban Pháp luật", "Quốc hội", None), ("Viện Nghiên cứu lập pháp", "Uỷ ban Thường vụ Quốc hội", None)],
        id="national-assembly-committee",
    ),
    pytest.param(
        "Đại sứ quán Cộng hoà Liên bang Đức phối hợp với Trường Đại học Luật Hà Nội tổ chức Tọa đàm "
        "về bảo vệ dữ liệu cá nhân.",
        None,
        [("Đại sứ quán Đức tại Việt Nam", None, None), ("Trường Đại học Luật Hà Nội", None, None)],
        id="embassy-by-official-name",
    ),
    pytest.param(
        "Ngày 2/11/2022, INSP và Học viện Chính trị quốc gia Hồ Chí Minh phối hợp tổ chức Diễn đàn "
        "về đào tạo lãnh đạo khu vực công.",
        None,
        [("Viện Dịch vụ công quốc gia Pháp", None, "INSP"), ("Học viện Chính trị quốc gia Hồ Chí Minh", None, None)],
        id="foreign-partner-by-abbreviation",
    ),
    pytest.param(
        "Sáng 10/7/2025, Bộ Nông nghiệp và Môi trường tổ chức Hội nghị sơ kết 6 tháng đầu năm.",
        None,
        [("Bộ Nông nghiệp và Môi trường", None, None)],
        id="ministry-after-2025",
    ),
    pytest.param(
        "Sáng 7/3/2024, Học viện Hành chính Quốc gia đã phối hợp với Ủy ban nhân dân tỉnh Lào Cai tổ chức "
        "Hội thảo về chính quyền địa phương hai cấp.",
        None,
        [("Học viện Hành chính Quốc gia", None, None), ("Uỷ ban nhân dân tỉnh Lào Cai", None, None)],
        id="subject-with-adverb-before-partner",
    ),
    pytest.param(
        "Ngày 23/10/2020, Bộ trưởng Bộ Nội vụ đã ký Quyết định số 892/QĐ-BNV ban hành Kiến trúc Chính phủ "
        "điện tử của Bộ Nội vụ, phiên bản 2.0.",
        None,
        [],
        id="no-event-no-organizer",
    ),
]


@pytest.mark.parametrize(("lead", "source", "expected"), LEADS)
def test_organizers_of_realistic_leads(lead, source, expected):
    found = find_organizers([lead], home=home_body(source))

    assert [(o.name, o.parent, o.alias) for o in found] == expected


def test_title_decides_order_after_the_host():
    lead = (
        "Thực hiện chương trình hợp tác giữa Đại sứ quán Pháp, Học viện Hành chính Quốc gia và Học viện "
        "Chính trị quốc gia Hồ Chí Minh, sáng 3/4/2023, tại Học viện Hành chính Quốc gia đã khai mạc "
        "khóa bồi dưỡng về quản trị địa phương."
    )
    title = "Khai mạc khóa bồi dưỡng cho giảng viên Học viện Chính trị quốc gia Hồ Chí Minh"

    found = find_organizers([lead], title)

    assert [o.name for o in found] == [
        "Học viện Hành chính Quốc gia",
        "Học viện Chính trị quốc gia Hồ Chí Minh",
        "Đại sứ quán Pháp tại Việt Nam",
    ]


def test_document_number_abbreviation_is_not_a_mention_of_the_ministry():
    lead = "Sáng 5/6/2023, Trung tâm Thông tin tổ chức tập huấn triển khai Quyết định số 892/QĐ-BNV."

    found = find_organizers([lead], home=home_body("moha.gov.vn"))

    assert found == (Organizer("Trung tâm Thông tin", "Bộ Nội vụ"),)


@pytest.mark.parametrize(
    ("name", "successor"),
    [
        ("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"),
        ("Bộ Lao động - Thương binh và Xã hội", "Bộ Nội vụ"),
        ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"),
        ("Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"),
        ("Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường"),
        ("Ủy ban nhân dân tỉnh Quảng Nam", "Ủy ban nhân dân thành phố Đà Nẵng"),
        ("UBND tỉnh Hà Giang", "Ủy ban nhân dân tỉnh Tuyên Quang"),
        ("Bộ Nội vụ", None),
    ],
)
def test_gazetteer_records_the_2025_successor(name, successor):
    assert successor_of(name) == successor


def test_organizer_name_stays_as_before_the_reorganization():
    lead = "Ngày 9/9/2022, Bộ Thông tin và Truyền thông tổ chức Diễn đàn chuyển đổi số quốc gia."

    found = find_organizers([lead])

    assert found == (Organizer("Bộ Thông tin và Truyền thông"),)
