"""People named with their academic titles and roles ("PGS.TS. Hoàng Văn Nghĩa, Vụ trưởng ...")."""

from __future__ import annotations

import re

from indexer.ingest.articles import Person

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"
_NAME_WORD = rf"[{_UPPER}][^\W\d_]*(?:-[{_UPPER}][^\W\d_]*)?"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}"
_TITLE = r"(?:(?:GS|PGS|TS|ThS|Ths|TSKH|NCS|CN|KS|BS|LS|NGƯT|NGND|NSND|NSƯT|Th\.S)\.\s?)+"
_WITH_TITLE = re.compile(rf"(?P<title>{_TITLE})\s*(?P<name>{_NAME})")
_WITH_HONORIFIC = re.compile(rf"\b(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)\s+(?P<name>{_NAME})")
_ROLE_WORDS = (
    "Bộ trưởng", "Thứ trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Cục trưởng", "Phó Cục trưởng",
    "Viện trưởng", "Phó Viện trưởng", "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch",
    "Bí thư", "Phó Bí thư", "Trưởng", "Phó trưởng", "Hiệu trưởng", "Phó Hiệu trưởng",
    "Chánh Văn phòng", "Tổng Thư ký", "Phó Tổng Thư ký", "Tổng Biên tập", "Phó Tổng Biên tập",
    "Đại sứ", "Tùy viên", "Tham tán", "Ủy viên", "Thành viên", "Giảng viên", "Chuyên gia",
    "Phụ trách", "Nguyên", "nguyên", "Tổng cục trưởng", "Chánh Thanh tra", "Trưởng đại diện",
)
_ROLE_START = re.compile("|".join(re.escape(w) for w in sorted(_ROLE_WORDS, key=len, reverse=True)))
# A role after the name ends at these (a verb phrase starts the rest of the sentence).
_ROLE_END = re.compile(
    r"[;.(]|\s+(?:đã|đang|sẽ|cho biết|nhấn mạnh|phát biểu|tham luận|trình bày|chủ trì|khẳng định|"
    r"trong|và các|cùng|tại|dự|tham dự|chia sẻ|trao đổi|mong|tin tưởng|đề cập|cảm ơn|giới thiệu|"
    r"báo cáo|đánh giá|đề xuất|khai mạc|nêu|phân tích|thông tin|bày tỏ|đề nghị|cho rằng|gợi mở|"
    r"kết luận|tổng kết|chúc mừng|chào mừng|hoan nghênh|là)\b|$"
)
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Chu Lương "
    "Mai Trương Đào Cao Hà Tạ Lâm Đoàn Trịnh Phùng Thái Tô Kiều Lưu Văn Quách Hứa Triệu Khúc "
    "Mạc Nông Lò Vương Thân Tăng Đồng La Châu Giang Tôn Mạch Âu Kim Lại Ninh Từ Diệp Đàm"
).split()
_ROLE_THEN_NAME = re.compile(
    rf"(?P<role>(?:{_ROLE_START.pattern})\s[^,;.:()“”\n]{{0,80}}?)\s+"
    rf"(?P<name>(?:{'|'.join(_SURNAMES)})(?:\s+{_NAME_WORD}){{1,3}})(?![\w])"
)


def find_people(text: str) -> tuple[Person, ...]:
    """Everyone named with a title, an honorific or a role, once each, in order of appearance."""
    found: dict[str, tuple[int, str | None, str | None]] = {}

    def add(name: str, title: str | None, role: str | None, at: int) -> None:
        name = re.sub(r"\s+", " ", name).strip()
        if name in found:
            first, old_title, old_role = found[name]
            found[name] = (first, old_title or title, old_role or role)
        else:
            found[name] = (at, title, role)

    for match in _WITH_TITLE.finditer(text):
        title = re.sub(r"\s+", "", match.group("title"))
        add(match.group("name"), title, _role_after(text, match.end()), match.start())
    for match in _WITH_HONORIFIC.finditer(text):
        add(match.group("name"), None, _role_after(text, match.end()), match.start())
    for match in _ROLE_THEN_NAME.finditer(text):
        role = match.group("role").strip()
        add(match.group("name"), None, role, match.start())
    people = sorted(found.items(), key=lambda item: item[1][0])
    return tuple(Person(name=name, title=title, role=role) for name, (_, title, role) in people)


def _role_after(text: str, end: int) -> str | None:
    """The role written right after a name: ", Vụ trưởng Vụ Hợp tác quốc tế, ..." or " – ..."."""
    rest = text[end : end + 200]
    lead = re.match(r"\s*(?:,|[-–])\s*", rest)
    if not lead:
        return None
    rest = rest[lead.end() :]
    if not _ROLE_START.match(rest):
        return None
    stop = _ROLE_END.search(rest)
    role = rest[: stop.start()] if stop else rest
    role = role.strip(" ,–-")
    return role or None
