"""Where things are in a plain article: portal chrome, title, time stamp, body, byline.

Saved pages come with leftovers around the article: a portal header and accessibility
controls above the title ("BỘ NỘI VỤ", "A- A+", "Thay đổi tương phản"), image file names
in captions ("IMG-9946", "IMG_5980"), widgets at the end ("Comments are closed.",
"Tìm kiếm") and the author's name on the last line. `split_layout` separates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.ingest.extraction.events import event_mentions
from indexer.ingest.extraction.text import is_upper_line

# Lines that are page furniture, never article text (compared case-insensitively).
BOILERPLATE = frozenset(
    line.casefold()
    for line in (
        "A- A+", "A-", "A+", "A", "- +", "+", "-", "Thay đổi tương phản", "Tương phản",
        "Điện thoại", "Nhắn tin", "Gửi mail", "Gửi email", "Email", "In bài", "In", "Bản in",
        "Print", "Chia sẻ", "Share", "Tweet", "Facebook", "Zalo", "Twitter", "Bình luận",
        "Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục", "Xem thêm", "Tìm kiếm",
        "Comments are closed.", "Comments are closed", "Leave a reply", "Trang chủ",
        "Quay lại", "Lên đầu trang", "Về đầu trang", "Cỡ chữ", "Nghe đọc bài", "Lưu bài",
        "Theo dõi", "Like", "Menu", "Skip to content", "Đăng nhập", "Gửi", "Copy link",
        "Sao chép liên kết", "Chia sẻ bài viết", "Đọc tiếp", "Tags", "Từ khóa",
    )
)
_IMAGE_NAME = re.compile(
    r"(?<![A-Za-z])(?:IMG|DSC[NF]?|DJI|PXL|MG)[-_ ]?\d{2,}(?:\.(?:jpe?g|png|gif|webp))?",
    re.IGNORECASE,
)
# A number left from an image name at the end of a caption ("... tại Hội thảo 13"); not a year.
_TRAILING_NUMBER = re.compile(
    r"(?<!Điều)(?<!số)(?<!năm)(?<!lần)(?<!thứ)(?<!khóa)\s+(?!(?:19|20)\d\d$)\d{1,4}$", re.IGNORECASE
)
STAMP = re.compile(
    r"^(?:[\w ]{0,20}[,:]\s*)?(?:(\d{1,2}:\d{2})\s*(?:[,|–-]\s*)?)?"
    r"(\d{1,2})/(\d{1,2})/(\d{4})\s*(?:[,|–-]\s*)?(\d{1,2}:\d{2})?(?:\s*(?:GMT|UTC)?[+-]?\d{0,2})?$"
)
_LEAD_MARKER = re.compile(r"^\(\s*[\w.-]+\.[A-Za-z]{2,}\s*\)\s*[-–—]")
_BYLINE_LABEL = re.compile(
    r"^(?:Tin,? ảnh|Tin và ảnh|Bài,? ảnh|Bài và ảnh|Bài|Tin|Tác giả|Người viết|Ảnh)\s*:\s*(.+)$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ][^\W\d_]*$")
# First words of a short capitalized line that make it a caption or a label, not a name.
_NOT_NAME_START = frozenset(
    "Hội Học Bộ Khoa Vụ Cục Viện Trung Ban Phòng Văn Sở Trường Đại Quang Các Ông Bà "
    "Tham Toàn Lễ Lớp Khóa Khoá Ảnh Nguồn Theo Xem Tin Bài Đoàn Thứ Giám Phó Chủ".split()
)


@dataclass(frozen=True)
class Layout:
    """The parts of a plain-text article."""

    title: str | None
    header: tuple[str, ...]  # chrome lines above the title (portal name, controls)
    stamp: str | None  # a date/time line near the top, as written
    body: str  # the article text without title, chrome, stamp and byline
    byline: str | None  # the author as written on the last line


def split_layout(text: str, *, title: str | None = None) -> Layout:
    """Separate chrome, title, time stamp, body and byline of a plain article."""
    lines = [_clean_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line and line.casefold() not in BOILERPLATE]
    header: list[str] = []
    if title is None:
        while lines and _is_chrome(lines[0]):
            header.append(lines.pop(0))
        if len(lines) > 1 and _is_headline(lines[0]):
            title = lines.pop(0)  # a lone line is the article itself, not its title
    elif lines and lines[0].casefold() == title.strip().casefold():
        lines.pop(0)
    stamp = None
    for i, line in enumerate(lines[:3]):
        if STAMP.match(line):
            stamp = lines.pop(i)
            break
    byline = None
    if lines:
        byline = _byline(lines[-1])
        if byline is not None:
            lines.pop()
    return Layout(title, tuple(header), stamp, "\n\n".join(lines), byline)


def _clean_line(line: str) -> str:
    line = _IMAGE_NAME.sub(" ", line)
    line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
    if line.isdigit():
        return ""
    if len(line.split()) <= 15 and not line.endswith((".", ":", ";", "”", "\"")):
        line = _TRAILING_NUMBER.sub("", line)
    return line


def _is_chrome(line: str) -> bool:
    """A line above the title that belongs to the page, not the article."""
    words = line.split()
    if is_upper_line(line) and len(words) <= 12:
        return not event_mentions(line)  # a portal name, unless it is a title set in capitals
    if not any(c.isalpha() for c in line):
        return True
    return len(words) <= 2 and not line.endswith((".", "”"))


def _is_headline(line: str) -> bool:
    """Whether the first line reads as a title rather than the lead paragraph."""
    if _LEAD_MARKER.match(line) or STAMP.match(line):
        return False
    words = line.split()
    if len(words) > 45 or len(words) < 3:
        return False
    if re.match(r"(?:Sáng|Chiều|Tối|Trưa|Ngày)\s+(?:ngày\s+)?\d{1,2}[/.]\d{1,2}", line):
        return False  # a dated lead sentence
    return not (line.endswith(".") and not line.endswith("..") and len(words) > 12)


def _byline(line: str) -> str | None:
    labelled = _BYLINE_LABEL.match(line)
    if labelled:
        return labelled.group(1).strip().rstrip(".")
    candidate = re.sub(r"\s*\((?:tổng hợp|TH|theo .+)\)$", "", line, flags=re.IGNORECASE).strip()
    names = [part.strip() for part in re.split(r"\s+[-–]\s+|,\s+", candidate)]
    if not names or len(candidate) > 60:
        return None
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
            return None
        if words[0] in _NOT_NAME_START:
            return None
    return candidate


def is_lead_marker(paragraph: str) -> bool:
    """Whether the paragraph opens with a "(napa.vn) –" source marker."""
    return bool(_LEAD_MARKER.match(paragraph))
