"""Organizers: who organized or hosted the event, told apart from bodies merely mentioned."""

from __future__ import annotations

import pytest

from indexer.ingest.articles import Organizer
from indexer.ingest.extraction import successor_of
from indexer.ingest.extraction.bodies import find_mentions
from indexer.ingest.extraction.organizers import find_organizers
from indexer.ingest.extraction.sources import home_body
from indexer.ingest.extraction.text import tokenize

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


# Rules read off real news leads (each lead written for the test): meetings that belong to a
# body, courts holding trials, places and abbreviations inside names, newsroom lower case,
# hosts, and what is never an organizer.
NEWS_LEADS = [
    pytest.param(
        "Sáng 12-3, tại phiên họp thường kỳ của UBND TP Đà Nẵng, giám đốc Sở Xây dựng cho biết sẽ "
        "hoàn thành dự án trong năm nay.",
        [("Uỷ ban nhân dân thành phố Đà Nẵng", None)],
        id="meeting-of-a-body",
    ),
    pytest.param(
        "Phát biểu tại kỳ họp thứ 8 HĐND tỉnh Nghệ An khoá XVII, chủ tịch tỉnh đề nghị đẩy nhanh giải ngân.",
        [("Hội đồng nhân dân tỉnh Nghệ An", None)],
        id="meeting-noun-directly-followed-by-its-body",
    ),
    pytest.param(
        "Hội nghị thượng đỉnh bất thường của Liên minh châu Âu (EU) đã thông qua gói cứu trợ mới.",
        [("Liên minh châu Âu", None)],
        id="summit-of-a-union",
    ),
    pytest.param(
        "Tại cuộc họp báo thường kỳ chiều 5-9 của bộ Ngoại giao, người phát ngôn trả lời câu hỏi của phóng viên.",
        [("Bộ Ngoại giao", None)],
        id="press-briefing-of-a-lower-case-ministry",
    ),
    pytest.param(
        "Tham dự hội nghị có đại diện của Bộ Y tế và Sở Y tế tỉnh Long An.",
        [],
        id="representatives-are-not-organizers",
    ),
    pytest.param(
        "Phát biểu tại hội nghị tổng kết công tác năm của ngành, Bộ trưởng Bộ GTVT cho biết sẽ siết "
        "chặt quản lý xe khách.",
        [],
        id="the-branch-is-a-ministry-named-before-it-not-after",
    ),
    pytest.param(
        "Bộ trưởng Bộ GTVT cho biết điều này tại hội nghị triển khai nhiệm vụ năm 2019 của ngành diễn ra sáng 10-1.",
        [("Bộ Giao thông vận tải", None)],
        id="meeting-of-the-branch-is-the-ministry-named-before",
    ),
    pytest.param(
        "Sáng 5-4, TAND tỉnh Bình Định mở phiên toà sơ thẩm xét xử bị cáo Trần Văn Bảy về tội trộm cắp tài sản.",
        [("Toà án nhân dân tỉnh Bình Định", None)],
        id="court-opens-a-trial",
    ),
    pytest.param(
        "Ngày 20-6, TAND TP Đà Nẵng đưa ra xét xử sơ thẩm vụ án lừa đảo chiếm đoạt tài sản.",
        [("Toà án nhân dân thành phố Đà Nẵng", None)],
        id="court-brings-a-case-to-trial",
    ),
    pytest.param(
        "Chiều 3-3, TAND cấp cao tại Đà Nẵng đã tuyên án đối với các bị cáo trong vụ án tham ô.",
        [("Toà án nhân dân cấp cao tại Đà Nẵng", None)],
        id="high-court-pronounces-a-sentence",
    ),
    pytest.param(
        "Công an huyện Phú Vang đã bắt giữ nghi phạm; TAND tỉnh Thừa Thiên Huế cho biết chưa nhận hồ sơ.",
        [],
        id="an-arrest-and-a-court-statement-are-not-trials",
    ),
    pytest.param(
        "Tối 30-4, UBND TP Long Xuyên, An Giang đã tổ chức lễ mít tinh kỷ niệm ngày thống nhất đất nước.",
        [("Uỷ ban nhân dân thành phố Long Xuyên", "Uỷ ban nhân dân tỉnh An Giang")],
        id="province-between-subject-and-verb",
    ),
    pytest.param(
        "Sáng 2-9, UBND TP Bảo Lộc, tỉnh Lâm Đồng vừa tổ chức lễ công bố quyết định công nhận đô thị loại II.",
        [("Uỷ ban nhân dân thành phố Bảo Lộc", "Uỷ ban nhân dân tỉnh Lâm Đồng")],
        id="province-with-its-kind-between-subject-and-verb",
    ),
    pytest.param(
        "Chiều 1-7, Viện Kiểm sát nhân dân (VKSND) tối cao tổ chức lễ công bố quyết định bổ nhiệm viện "
        "trưởng VKSND TP Cần Thơ.",
        [("Viện kiểm sát nhân dân tối cao", None)],
        id="abbreviation-inside-a-name",
    ),
    pytest.param(
        "Sở GTVT TP Đà Nẵng phối hợp cùng báo Thanh Niên tổ chức ngày hội an toàn giao thông cho học sinh.",
        [("Sở Giao thông vận tải thành phố Đà Nẵng", "Uỷ ban nhân dân thành phố Đà Nẵng"), ("Báo Thanh Niên", None)],
        id="lower-case-newspaper-as-co-organizer",
    ),
    pytest.param(
        "Tại họp báo Chính phủ thường kỳ tháng 5, Bộ trưởng Văn phòng Chính phủ trả lời báo chí.",
        [("Chính phủ", None)],
        id="government-press-conference-is-not-a-newspaper",
    ),
    pytest.param(
        "Sáng 28-10, phiên giải trình của Thường trực HĐND TP Cần Thơ về quản lý chung cư đã diễn ra.",
        [("Thường trực Hội đồng nhân dân thành phố Cần Thơ", "Hội đồng nhân dân thành phố Cần Thơ")],
        id="standing-board-of-a-council",
    ),
    pytest.param(
        "Sáng 15-11, Chính phủ họp phiên thường kỳ tháng 10 dưới sự chủ trì của Thủ tướng.",
        [("Chính phủ", None)],
        id="a-body-meets",
    ),
    pytest.param(
        "Với 90% đại biểu tán thành, sáng 20-6 Quốc hội đã thông qua Luật Đất đai sửa đổi.",
        [("Quốc hội", None)],
        id="the-legislature-passes-a-law-in-session",
    ),
    pytest.param(
        "Hội nghị diễn ra dưới sự chủ trì của lãnh đạo Bộ Công Thương và UBND tỉnh Bình Dương.",
        [("Bộ Công Thương", None), ("Uỷ ban nhân dân tỉnh Bình Dương", None)],
        id="chaired-by-the-leaders-of-bodies",
    ),
    pytest.param(
        "Bức ảnh đoạt giải nhất tại cuộc thi ảnh do tỉnh Quảng Ninh tổ chức hồi tháng trước.",
        [("Uỷ ban nhân dân tỉnh Quảng Ninh", None)],
        id="a-province-as-agent-stands-for-its-committee",
    ),
    pytest.param(
        "Nhận tin báo, Công an xã Hải An, huyện Hải Lăng, tỉnh Quảng Trị đã tổ chức truy bắt đối tượng.",
        [],
        id="a-province-in-an-address-is-not-an-organizer",
    ),
    pytest.param(
        "Ngày 12-7, tại TP Hải Phòng diễn ra hội nghị xúc tiến đầu tư với sự tham dự của 300 doanh nghiệp.",
        [],
        id="a-place-is-never-a-host",
    ),
    pytest.param(
        "Chiều 10-3, tại trụ sở Bộ Công an, Thượng tướng Nguyễn Văn Sơn đã chủ trì lễ đón đoàn đại biểu "
        "Bộ An ninh Lào.",
        [("Bộ Công an", None)],
        id="host-at-its-premises-when-no-organizer-is-named",
    ),
    pytest.param(
        "Đoàn đại biểu Bộ Quốc phòng Nhật Bản thăm chính thức Việt Nam từ 3 đến 5-6 theo lời mời của Đại "
        "tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng Việt Nam.",
        [("Bộ Quốc phòng", None)],
        id="the-inviting-body-hosts-a-visit",
    ),
    pytest.param(
        "Chiều 5-9, tại trụ sở Chính phủ, Thủ tướng đã làm việc với các bộ, ngành về tổ chức hội nghị "
        "phát triển vùng Tây Nguyên.",
        [],
        id="a-working-session-about-a-conference-has-no-host",
    ),
    pytest.param(
        "Đêm nhạc “Mùa thu Hà Nội” sẽ được tổ chức tại Trung tâm Hội nghị Quốc gia vào tối 20-10.",
        [],
        id="a-convention-centre-is-a-venue",
    ),
    pytest.param(
        "Hội thảo được tổ chức tại Trường Đại học Bách khoa Hà Nội với sự tham dự của 200 nhà khoa học.",
        [],
        id="a-school-used-as-venue-is-not-a-host",
    ),
    pytest.param(
        "Hội thảo do Viện Nghiên cứu Đông Nam Á (ISEAS), Viện Kinh tế Việt Nam (VIE) phối hợp với Trung tâm "
        "Nghiên cứu chính sách công (CPP) tổ chức.",
        [("Viện Nghiên cứu Đông Nam Á", None), ("Viện Kinh tế Việt Nam", None), ("Trung tâm Nghiên cứu chính sách công", None)],
        id="bodies-each-with-an-abbreviation-in-a-list",
    ),
]


@pytest.mark.parametrize(("lead", "expected"), NEWS_LEADS)
def test_organizers_of_news_leads(lead, expected):
    found = find_organizers([lead])

    assert [(o.name, o.parent) for o in found] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Đây là lần đầu UBND TP Vị Thanh bắn pháo hoa mừng năm mới.", ["UBND TP Vị Thanh"]),
        ("Đoàn đại biểu Bộ Quốc phòng Hàn Quốc thăm chính thức Việt Nam.", ["Bộ Quốc phòng Hàn Quốc"]),
        ("Sở GD & ĐT Hà Nội tổ chức kỳ thi.", ["Sở GD & ĐT Hà Nội"]),
    ],
)
def test_a_name_ends_where_its_place_or_country_ends(text, names):
    assert [m.name for m in find_mentions(tokenize(text), text)] == names
