"""Shared fixtures: small literal Vietnamese articles and one session-scoped index of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.ingest.articles import Article, Organizer
from indexer.index.build import build_index
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import run_search

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"

# Sentences from the seed articles (and a few written for one contrast each), mixing tone
# styles (hòa/hoà, ủy/uỷ) the way the seeds do.
ARTICLES = [
    Article(id="chinh-phu-so", title="Hội thảo khoa học “Xây dựng chính phủ số – Những vấn đề đặt ra đối với công vụ, công chức”",
            body="Sáng ngày 05/10/2022, Khoa Khoa học hành chính và Tổ chức nhân sự, Học viện Hành chính Quốc gia đã tổ chức "
                 "Hội thảo khoa học. Ở Việt Nam, phát triển chính phủ số được xác định nhiệm vụ trọng tâm.",
            date="2022-10-05", source="quanlynhanuoc.vn", event_type="hội thảo",
            organizers=(Organizer("Khoa Khoa học hành chính và Tổ chức nhân sự", "Học viện Hành chính Quốc gia"),)),
    Article(id="cntt-asean", title="Hội thảo ứng dụng công nghệ thông tin trong hiện đại hóa nền công vụ",
            body="Chiều ngày 25/11, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội thảo trực tuyến với các nước ASEAN về ứng dụng CNTT. "
                 "Trong bối cảnh đại dịch COVID-19, TS. Đinh Duy Hòa phát biểu. Nghị định số 13/2023/NĐ-CP được nhắc tới.",
            date="2021-11-25", source="moha.gov.vn", event_type="hội thảo", organizers=(Organizer("Bộ Nội vụ"),)),
    Article(id="chinh-quyen", title="Xây dựng chính quyền điện tử ở Việt Nam",
            body="PGS.TS. Lương Thanh Cường – Phó Bí thư Đảng uỷ, Phó Giám đốc Học viện; ông Nguyễn Phú Tiến tham luận. "
                 "Các đại biểu tại 4 đầu cầu: Hà Nội, TP. Hồ Chí Minh, Thành phố Huế, Đà Nẵng.",
            date="2020-10-16", source="napa.vn", event_type="hội thảo",
            organizers=(Organizer("Khoa Văn bản và Công nghệ hành chính", "Học viện Hành chính Quốc gia"),)),
    Article(id="duong", title="Nâng cấp tuyến đường ven biển",
            body="Tỉnh khởi công nâng cấp con đường ven biển, hoàn thành trong năm 2023.", date="2023-03-02"),
    Article(id="duong-2", title="Đảm nhận chức vụ đương nhiệm",
            body="Ông Dương Văn An đương nhiệm Chủ tịch Ủy ban nhân dân tỉnh, phụ trách âm dương lịch.", date="2023-04-01"),
    Article(id="ban", title="Hội chợ bán hàng nông sản", body="Người dân bán nông sản tại hội chợ.", date="2022-01-05"),
    Article(id="ban-2", title="Bàn làm việc mới cho cán bộ", body="Mỗi cán bộ được cấp một bàn làm việc.", date="2022-01-06"),
    Article(id="thuy-loi", title="Công trình thủy lợi và hòa bình",
            body="UBND tỉnh khánh thành công trình thủy lợi; ngày hội hòa bình; cán bộ khỏe mạnh; Đảng ủy xã chỉ đạo; "
                 "kỹ thuật mới; lý do chính đáng; tưởng niệm các anh hùng tử sĩ; bệnh viện tỉnh.", date="2021-05-01"),
    Article(id="hanh-chinh", title="Cải cách hành chính",
            body="Đẩy mạnh cải cách hành chính nhà nước ở địa phương.", date="2021-06-01"),
    Article(id="hanh-chinh-apart", title="Chuyện hành quân",
            body="Đoàn hành quân qua cầu, chính quyền xã tiếp đón chu đáo.", date="2021-06-02"),
]


@pytest.fixture(scope="session")
def small_index(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("small-index")
    summary = build_index(ARTICLES, directory, jobs=1)
    assert summary.added == len(ARTICLES)
    return directory


@pytest.fixture(scope="session")
def handle(small_index) -> IndexHandle:
    return IndexHandle(small_index)


@pytest.fixture()
def ids(handle):
    """ids(q, **filters): the ids a search returns, best first."""

    def search(q: str, **kwargs) -> list[str]:
        page = run_search(handle, SearchRequest(q=q, per_page=50, **kwargs))
        return [hit.id for hit in page.hits]

    return search


def index_of(articles: list[Article], directory: Path) -> Path:
    """A real index of exactly these articles in `directory`."""
    assert build_index(articles, directory, jobs=1).added == len(articles)
    return directory


def client_for(index_dir: Path, **settings):
    """A Flask test client of the service over `index_dir`, with settings overridden."""
    from searchsvc import create_app

    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True, **settings}).test_client()
