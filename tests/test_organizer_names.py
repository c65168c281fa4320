"""One canonical name per body, found by any of its spellings; people as a facet and a filter."""

from __future__ import annotations

import pytest

from indexer.ingest.articles import Article, Organizer, Person
from indexer.index.build import build_index
from indexer.ingest.extraction import extract_metadata
from indexer.ingest.extraction.names import canonical_name, canonical_organizer
from searchsvc import create_app


@pytest.mark.parametrize(("written", "canonical"), [
    ("UBND TP. Đà Nẵng", "Uỷ ban nhân dân thành phố Đà Nẵng"),
    ("UBND TP Đà Nẵng", "Uỷ ban nhân dân thành phố Đà Nẵng"),
    ("Ủy ban nhân dân thành phố Đà Nẵng", "Uỷ ban nhân dân thành phố Đà Nẵng"),
    ("ủy ban nhân dân tỉnh nghệ an", "Uỷ ban nhân dân tỉnh Nghệ An"),
    ("Sở GD-ĐT TP Đà Nẵng", "Sở Giáo dục và Đào tạo thành phố Đà Nẵng"),
    ("Sở GD&ĐT Hà Nội", "Sở Giáo dục và Đào tạo thành phố Hà Nội"),
    ("Sở GD-ĐT TP. HCM", "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"),
    ("Bộ TN&MT", "Bộ Tài nguyên và Môi trường"),
    ("Bộ GD-ĐT", "Bộ Giáo dục và Đào tạo"),
    ("Thành uỷ TP. HCM", "Thành uỷ Thành phố Hồ Chí Minh"),
    ("Tỉnh ủy Hòa Bình", "Tỉnh uỷ Hoà Bình"),
    ("CA tỉnh Nghệ An", "Công an tỉnh Nghệ An"),
    ("Công an Nghệ An", "Công an tỉnh Nghệ An"),
    ("NAPA", "Học viện Hành chính Quốc gia"),
    ("Khoa Quản lý nhà nước về xã hội", "Khoa Quản lý nhà nước về xã hội"),  # lý stays lý
    ("Trường ĐH Cần Thơ", "Trường Đại học Cần Thơ"),  # a school's name takes no place kind
    ("Trường THPT Lê Quý Đôn Đà Nẵng", "Trường Trung học phổ thông Lê Quý Đôn Đà Nẵng"),
    ("Trường THCS Nguyễn Du", "Trường Trung học cơ sở Nguyễn Du"),
    ("Hội Liên hiệp thanh niên VN TP. HCM", "Hội Liên hiệp thanh niên Việt Nam Thành phố Hồ Chí Minh"),
    ("Viện KSND tỉnh Nghệ An", "Viện kiểm sát nhân dân tỉnh Nghệ An"),  # as VKSND spells out
    ("VKSND tỉnh Nghệ An", "Viện kiểm sát nhân dân tỉnh Nghệ An"),
    ("Toà án Nhân dân TP Hà Nội", "Toà án nhân dân thành phố Hà Nội"),
    ("TAND cấp cao Hà Nội", "Toà án nhân dân cấp cao tại Hà Nội"),
    ("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động Việt Nam"),
    ("LĐLĐ tỉnh Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An"),
    ("CLB Liên kết trẻ Việt Nam", "Câu lạc bộ Liên kết trẻ Việt Nam"),
    ("TAND Hà Tĩnh", "Toà án nhân dân tỉnh Hà Tĩnh"),
    ("Sở GD & ĐT Hà Nội", "Sở Giáo dục và Đào tạo thành phố Hà Nội"),
    ("Bộ Thông tin truyền thông", "Bộ Thông tin và Truyền thông"),
    ("Bộ Quốc phòng Việt Nam", "Bộ Quốc phòng"),
    ("TAND cấp cao tại TP. HCM", "Toà án nhân dân cấp cao tại Thành phố Hồ Chí Minh"),
    ("Cục QLTT Nghệ An", "Cục Quản lý thị trường Nghệ An"),
    ("Sở VH, TT & DL", "Sở Văn hoá, Thể thao và Du lịch"),
    ("Trung tâm TDTT quận Ba Đình", "Trung tâm Thể dục thể thao quận Ba Đình"),
    # A party committee or youth union named by its level takes its place without the kind
    # ("Thành uỷ TP Hà Nội" and "Thành uỷ Hà Nội" were two bodies to the filter).
    ("Thành uỷ TP Hà Nội", "Thành uỷ Hà Nội"),
    ("Ban Tuyên giáo Thành uỷ TP Đà Nẵng", "Ban Tuyên giáo Thành uỷ Đà Nẵng"),
    ("Tỉnh đoàn Phú Yên", "Tỉnh đoàn Phú Yên"),
    ("Huyện uỷ huyện Quan Sơn", "Huyện uỷ Quan Sơn"),
    ("Thành đoàn TP. HCM", "Thành đoàn Thành phố Hồ Chí Minh"),
    ("Quận uỷ quận 1", "Quận uỷ quận 1, Thành phố Hồ Chí Minh"),  # only HCMC numbers its districts
    # A place's Fatherland Front committee under its official name, with "Việt Nam".
    ("Uỷ ban Mặt trận tổ quốc thành phố Hà Nội", "Uỷ ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"),
    ("Uỷ ban MTTQ tỉnh Quảng Nam", "Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Nam"),
    ("Uỷ ban Mặt trận Tổ quốc Việt Nam TP. HCM", "Uỷ ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh"),
    ("MTTQ huyện Đông Anh", "Uỷ ban Mặt trận Tổ quốc Việt Nam huyện Đông Anh"),
    ("Uỷ ban Trung ương MTTQ Việt Nam", "Uỷ ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    # One name whatever the dash, and a ministry written without its dash.
    ("Toà án nhân dân tỉnh Bà Rịa – Vũng Tàu", "Toà án nhân dân tỉnh Bà Rịa - Vũng Tàu"),
    ("Bộ Lao động Thương binh và Xã Hội", "Bộ Lao động - Thương binh và Xã hội"),
    ("Tổng liên đoàn Lao động", "Tổng Liên đoàn Lao động Việt Nam"),
    # A province written in either tone style gets its kind all the same.
    ("Công an Khánh Hoà", "Công an tỉnh Khánh Hoà"),
    ("Sở Y tế Thanh Hoá", "Sở Y tế tỉnh Thanh Hoá"),
    # A ministry's field written without its "và" or in other capitals, in a department's name.
    ("Sở Giáo dục đào tạo TP. HCM", "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"),
    ("Sở Tài nguyên Môi trường tỉnh Nghệ An", "Sở Tài nguyên và Môi trường tỉnh Nghệ An"),
    ("Sở Thông tin và truyền thông thành phố Đà Nẵng", "Sở Thông tin và Truyền thông thành phố Đà Nẵng"),
    ("Sở Văn hoá và Thể thao TP. HCM", "Sở Văn hoá và Thể thao Thành phố Hồ Chí Minh"),  # HCMC's own Sở
    # A standing board of a body the gazetteer knows, under the body's official name.
    ("Thường trực Ban Chỉ đạo trung ương về phòng chống tham nhũng",
     "Thường trực Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"),
    ("Ban Thường vụ Trung ương Đoàn", "Ban Thường vụ Trung ương Đoàn"),
    # The Youth Union's central committee under its official name.
    ("Trung ương Đoàn", "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("T.Ư Đoàn TNCS Hồ Chí Minh", "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    # A province ending a name written out another way than its official name (unlabelled train
    # 019764, 078174, 067425: "Thừa Thiên - thành phố Huế" before).
    ("UBND tỉnh Đăk Lăk", "Uỷ ban nhân dân tỉnh Đắk Lắk"),
    ("Toà án nhân dân tỉnh Thừa Thiên - Huế", "Toà án nhân dân tỉnh Thừa Thiên Huế"),
    ("sở Du lịch tỉnh Thừa Thiên - Huế", "Sở Du lịch tỉnh Thừa Thiên Huế"),
    ("Tỉnh uỷ Đăk Lăk", "Tỉnh uỷ Đắk Lắk"),
    ("Công an tỉnh Kontum", "Công an tỉnh Kon Tum"),
])
def test_a_body_has_one_canonical_name_however_the_newsroom_wrote_it(written, canonical):
    assert canonical_name(written) == canonical


@pytest.mark.parametrize(("written", "parent"), [
    ("Sở GTVT TP. HCM", "Uỷ ban nhân dân Thành phố Hồ Chí Minh"),
    ("Sở Y tế Nghệ An", "Uỷ ban nhân dân tỉnh Nghệ An"),
    ("Trường Đại học Cần Thơ", None),
    ("Công an tỉnh Nghệ An", None),
])
def test_a_provincial_department_belongs_to_the_provinces_committee(written, parent):
    assert canonical_organizer(Organizer(written)).parent == parent


ARTICLES = [
    Article(id="da-nang", title="Đà Nẵng tổng kết năm học",
            body="UBND TP Đà Nẵng tổ chức hội nghị tổng kết năm học.",
            organizers=(Organizer("UBND TP Đà Nẵng"),),
            people=(Person("Huỳnh Đức Thơ", role="Chủ tịch UBND TP Đà Nẵng"),)),
    Article(id="da-nang-2", title="Hội nghị xúc tiến đầu tư",
            body="Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị xúc tiến đầu tư.",
            organizers=(Organizer("Ủy ban nhân dân thành phố Đà Nẵng"),),
            people=(Person("Huỳnh Đức Thơ"), Person("Nguyễn Xuân Phúc", title="Thủ tướng"))),
    Article(id="so-gd", title="Tập huấn giáo viên",
            body="Sở GD-ĐT TP Đà Nẵng tổ chức tập huấn.",
            organizers=(Organizer("Sở GD-ĐT TP Đà Nẵng", "UBND TP Đà Nẵng"),)),
    Article(id="napa", title="Khai giảng lớp bồi dưỡng", body="Học viện Hành chính Quốc gia khai giảng lớp học.",
            organizers=(Organizer("Học viện Hành chính Quốc gia"),)),
]
ALIAS_LEAD = "Sáng 12-3, Viện Nghiên cứu Quản lý Kinh tế Trung ương (CIEM) tổ chức hội thảo về xuất khẩu nông sản."
ARTICLES.append(Article(id="ciem", title="Hội thảo xuất khẩu nông sản", body=ALIAS_LEAD,
                        organizers=extract_metadata(ALIAS_LEAD, title="Hội thảo xuất khẩu nông sản").organizers))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    directory = tmp_path_factory.mktemp("names")
    build_index(ARTICLES, directory, jobs=1)
    return create_app({"INDEX_DIR": str(directory)}).test_client()


def _ids(client, **params) -> set[str]:
    answer = client.get("/api/v1/search", query_string=params)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return {hit["id"] for hit in answer.json["hits"]}


def test_the_facet_lists_each_body_once_under_its_canonical_name(client):
    facet = client.get("/api/v1/search").json["facets"]["organizer"]

    assert {v["value"]: v["count"] for v in facet} == {
        "Uỷ ban nhân dân thành phố Đà Nẵng": 3,  # two articles, and the Sở's parent
        "Sở Giáo dục và Đào tạo thành phố Đà Nẵng": 1,
        "Học viện Hành chính Quốc gia": 1,
        "Viện Nghiên cứu Quản lý Kinh tế Trung ương": 1,
    }


@pytest.mark.parametrize("spelling", [
    "Uỷ ban nhân dân thành phố Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng", "UBND TP Đà Nẵng",
    "ubnd tp. đà nẵng", "UBND TP. Đà Nẵng",
])
def test_a_filter_given_any_spelling_selects_the_canonical_body(client, spelling):
    assert _ids(client, organizer=spelling) == {"da-nang", "da-nang-2", "so-gd"}


def test_an_abbreviation_the_gazetteer_knows_selects_its_body(client):
    assert _ids(client, organizer="NAPA") == _ids(client, organizer="Học viện Hành chính Quốc gia") == {"napa"}


@pytest.mark.parametrize("spelling", ["CIEM", "ciem", "Viện Nghiên cứu Quản lý Kinh tế Trung ương"])
def test_a_filter_given_the_abbreviation_the_text_gave_selects_its_body(client, spelling):
    """No gazetteer lists CIEM: the text's own "(CIEM)" is what lets the filter find it."""
    assert _ids(client, organizer=spelling) == {"ciem"}


def test_a_facet_value_selected_by_its_alias_is_shown_selected(client):
    facet = client.get("/api/v1/search", query_string={"organizer": "CIEM"}).json["facets"]["organizer"]

    assert [v["value"] for v in facet if v["selected"]] == ["Viện Nghiên cứu Quản lý Kinh tế Trung ương"]


def test_an_organizer_query_finds_the_body_by_its_alias(client):
    assert _ids(client, q='organizer:"Sở GD-ĐT TP Đà Nẵng"') == {"so-gd"}
    assert _ids(client, q='organizer:"UBND TP Đà Nẵng"') == {"da-nang", "da-nang-2", "so-gd"}


def test_people_are_a_facet_a_filter_and_a_query_field(client):
    people = {v["value"]: v["count"] for v in client.get("/api/v1/search").json["facets"]["person"]}

    assert people == {"Huỳnh Đức Thơ": 2, "Nguyễn Xuân Phúc": 1}
    assert _ids(client, person="huỳnh đức thơ") == {"da-nang", "da-nang-2"}
    assert _ids(client, q='person:"Nguyễn Xuân Phúc"') == {"da-nang-2"}


def test_facet_size_lists_more_or_fewer_values(client):
    one = client.get("/api/v1/search", query_string={"facet_size": 1}).json["facets"]["organizer"]
    refused = client.get("/api/v1/search", query_string={"facet_size": 1001})

    assert len(one) == 1
    assert refused.status_code == 400 and refused.json["param"] == "facet_size"
