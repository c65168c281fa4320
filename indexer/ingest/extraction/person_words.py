"""The words around people's names in Vietnamese news: family names, the titles, ranks, posts,
trades and honorifics that announce a name, the words that make a name a street, a school or a
place instead, and whether a word is a Vietnamese syllable (a foreign name is not).

Kept apart from `people`, which reads names with these words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.text.vietnamese import TONE_MARKS

UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"
# A capitalised word; a foreign one may carry a hyphen ("Jong-un").
NAME_WORD = rf"[{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*"

# The common family names. "Văn" is left out: as a first word it is far more often "Văn phòng",
# "Văn hoá" or "Văn Miếu" than a family name.
SURNAMES = frozenset((
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Chu Lương "
    "Mai Trương Đào Cao Hà Tạ Lâm Đoàn Trịnh Phùng Thái Tô Kiều Lưu Quách Hứa Triệu Khúc "
    "Mạc Nông Lò Vương Thân Tăng Đồng La Châu Giang Tôn Mạch Âu Kim Lại Ninh Từ Diệp Đàm Ngọ Tống Lã Lữ"
).split())

# Military and police ranks: a title written before the name ("Đại tá Nguyễn Văn A").
RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Đại uý", "Thượng úy", "Thượng uý", "Trung úy", "Trung uý", "Thiếu úy", "Thiếu uý",
    "Đô đốc", "Phó Đô đốc", "Chuẩn Đô đốc", "Thượng sĩ", "Trung sĩ", "Hạ sĩ",
)
# Posts that take a body before the name ("Thứ trưởng Bộ GD-ĐT Nguyễn Hữu Độ"): the role.
POSTS = (
    "Bộ trưởng", "Thứ trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Cục trưởng", "Phó Cục trưởng",
    "Viện trưởng", "Phó Viện trưởng", "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch",
    "Bí thư", "Phó Bí thư", "Tổng Bí thư", "Trưởng", "Phó trưởng", "Hiệu trưởng", "Phó Hiệu trưởng",
    "Chánh Văn phòng", "Tổng Thư ký", "Phó Tổng Thư ký", "Tổng Biên tập", "Phó Tổng Biên tập",
    "Đại sứ", "Tùy viên", "Tham tán", "Ủy viên", "Thành viên", "Giảng viên", "Chuyên gia",
    "Phụ trách", "Nguyên", "Tổng cục trưởng", "Chánh Thanh tra", "Trưởng đại diện",
    "Thủ tướng", "Phó Thủ tướng", "Tổng thống", "Phó Tổng thống", "Ngoại trưởng", "Chủ nhiệm",
    "Phó Chủ nhiệm", "Thống đốc", "Phó Thống đốc", "Thị trưởng", "Tỉnh trưởng", "Tổng giám đốc",
    "Phó Tổng giám đốc", "Chánh án", "Phó Chánh án", "Trưởng ban", "Phó Trưởng ban", "Người phát ngôn",
    "Đội trưởng", "Tổng tham mưu trưởng", "Chỉ huy trưởng", "Thủ lĩnh", "Tổng Giám mục", "Giám mục",
    "Cựu", "Nhà lãnh đạo", "Lãnh đạo",
)
# Trades and callings written before a name, stage names included ("ca sĩ Anh Thơ", "Á hậu Tú Anh"):
# after them any capitalised words are the name.
CALLINGS = (
    "ca sĩ", "nữ ca sĩ", "nam ca sĩ", "nhạc sĩ", "diễn viên", "nữ diễn viên", "nam diễn viên", "đạo diễn",
    "ĐD", "người mẫu", "siêu mẫu", "hoa hậu", "á hậu", "người đẹp", "danh hài", "nghệ sĩ", "NSƯT", "NSND",
    "MC", "NTK", "nhà thiết kế", "rapper", "nhà sản xuất", "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ",
    "thủ môn", "HLV", "huấn luyện viên", "võ sĩ", "VĐV", "vận động viên", "tay vợt", "nhà báo", "phóng viên",
    "nhà văn", "nhà thơ", "họa sĩ", "hoạ sĩ", "nhiếp ảnh gia", "doanh nhân", "tỷ phú", "tỉ phú", "luật sư",
    "bác sĩ", "nhà phê bình", "nhà nghiên cứu", "minh tinh", "tài tử", "hot girl", "mẹ đơn thân", "chân dài",
    "Nhật hoàng", "Hoàng tử", "Công chúa", "Nữ hoàng", "Quốc vương", "Hoàng hậu", "Thái tử", "Giáo hoàng",
    "Hòa thượng", "Hoà thượng", "Linh mục", "trùm", "ông trùm",
)
# Honorifics and kinship before a name: they announce a Vietnamese full name or a foreign one.
HONORIFICS = (
    "ông", "bà", "anh", "chị", "cô", "chú", "cụ", "em", "bé", "cháu", "ngài", "đồng chí", "thầy", "cô giáo",
    "thầy giáo", "nữ sinh", "nam sinh", "học sinh", "sinh viên", "bị cáo", "bị can", "nghi phạm", "nghi can",
    "đối tượng", "nạn nhân", "tài xế", "vợ", "chồng", "vợ chồng", "con trai", "con gái", "mẹ", "bố", "cha",
)
# A name right after these is a street, a school, a place or a thing named after a person.
NOT_A_PERSON_BEFORE = frozenset((
    "đường", "phố", "tỉnh", "tp", "huyện", "quận", "xã", "phường", "trấn", "trường", "thpt", "thcs", "ptth",
    "th", "học", "chuyên", "sông", "cầu", "chợ", "bến", "số", "ngõ", "hẻm", "ngách", "khu", "làng", "thôn",
    "ấp", "bản", "buôn", "cảng", "đền", "chùa", "lăng", "tượng", "tàng", "viện", "ty", "giải", "cúp", "cup",
    "đảo", "tên", "hồ", "núi", "đh", "cđ", "tuyến", "đại", "lộ", "đội", "trạm", "đài", "nhà", "kdc", "kcn", "kđt",
))
# Countries, cities and foreign bodies that stand between a post and a foreign leader's name
# ("Thủ tướng Nhật Bản Shinzo Abe", "Chánh văn phòng Nhà Trắng John Kelly").
COUNTRIES = (
    "Mỹ", "Nga", "Trung Quốc", "Nhật Bản", "Nhật", "Hàn Quốc", "Hàn", "Triều Tiên", "Pháp", "Đức", "Iran",
    "Iraq", "Syria", "Israel", "Ukraine", "Belarus", "Czech", "Cộng hoà Czech", "Cộng hòa Czech", "Thổ Nhĩ Kỳ",
    "Ả Rập Saudi", "Arab Saudi", "Saudi Arabia", "Saudi", "Đài Loan", "Thái Lan", "Campuchia", "Lào", "Ấn Độ",
    "Australia", "Úc", "Canada", "Venezuela", "Philippines", "Indonesia", "Malaysia", "Singapore", "Myanmar",
    "Hoa Kỳ", "Italia", "Ý", "Tây Ban Nha", "Bồ Đào Nha", "Brazil", "Mexico", "Cuba", "Hà Lan", "Bỉ",
    "Thụy Điển", "Thuỵ Điển", "Thụy Sĩ", "Thuỵ Sĩ", "Na Uy", "Đan Mạch", "Phần Lan", "Hungary", "Ba Lan",
    "Ai Cập", "Afghanistan", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Mông Cổ", "Việt Nam", "Anh quốc",
    "Liên bang Nga", "New Zealand", "Zimbabwe", "Nam Phi", "Kenya", "Nigeria", "Ethiopia", "Libya", "Sudan",
    "Peru", "Chile", "Argentina", "Colombia", "Bolivia", "Ecuador", "Hy Lạp", "Ireland", "Scotland", "Áo",
    "Romania", "Serbia", "Croatia", "Slovakia", "Bulgaria", "Gruzia", "Georgia", "Kazakhstan", "Uzbekistan",
    "Azerbaijan", "Armenia", "Jordan", "Lebanon", "Li Băng", "Qatar", "Kuwait", "Yemen", "Oman", "Palestine",
    "Brunei", "Đông Timor", "Hong Kong", "Hồng Kông", "Macau", "Tây Tạng", "Crimea", "Catalonia",
    "Nhà Trắng", "Điện Kremlin", "Kremlin", "Lầu Năm Góc", "Liên Hợp Quốc", "Liên hợp quốc", "Interpol",
    "NATO", "EU", "ASEAN", "WHO", "IMF", "FBI", "CIA", "Fed", "Apple", "Google", "Facebook", "Amazon",
    "Microsoft", "Huawei", "Samsung", "Alibaba", "Tesla", "Toyota", "Washington", "Moscow", "Bắc Kinh",
    "Tokyo", "Seoul", "Bình Nhưỡng", "Paris", "London", "Berlin", "New York", "Vatican",
    # Newspapers, whose reporters are named after them ("phóng viên Tuổi Trẻ Online").
    "Tuổi Trẻ Online", "Tuổi Trẻ", "Thanh Niên", "Người Đưa Tin", "VnExpress", "Dân Trí", "Dân trí",
    "Tiền Phong", "VTC News", "VietNamNet", "Vietnamnet", "Lao Động", "Pháp Luật", "Zing",
)
# "Anh" is England only before a foreign name ("Thủ tướng Anh Theresa May"); "ca sĩ Anh Thơ" is a name.
ENGLAND = "Anh"

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_NUCLEUS = ("(?:uyê|uya|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|ưa|ia|ua|oo|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|"
            "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)")
_CODA = "(?:ch|ng|nh|c|m|n|p|t|i|o|u|y)?"
_SYLLABLE = re.compile(f"{_ONSET}{_NUCLEUS}{_CODA}")


@lru_cache(maxsize=16384)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether `word` (any case and tone) is spelt as one Vietnamese syllable: "Nguyễn" is, "Trump" is not."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in TONE_MARKS)
    return bool(_SYLLABLE.fullmatch(unicodedata.normalize("NFC", bare)))


def alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of `words`, longest first, the first letter in either case."""
    def either_case(word: str) -> str:
        first = word[0]
        return f"[{first.upper()}{first.lower()}]{re.escape(word[1:])}" if first.isalpha() else re.escape(word)
    return "|".join(either_case(w) for w in sorted(set(words), key=len, reverse=True))
