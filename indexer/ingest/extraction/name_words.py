"""The words of organization names: the heads that open them and their ranks, the words that
end them, and the words newsrooms write inside them.

Kept apart from `bodies`, which reads names with these words, so that the vocabulary can grow
without the reader growing with it.
"""

from __future__ import annotations

from indexer.ingest.extraction.text import Token, keys_of
from indexer.text.segmentation import tag_words

# Head words of organization names and their rank: a unit links only to a higher rank.
HEADS: dict[tuple[str, ...], int] = {
    keys_of(head): rank
    for head, rank in (
        ("Khoa", 1), ("Vụ", 1), ("Ban", 1), ("Phòng", 1), ("Trung tâm", 1), ("Văn phòng", 1),
        ("Phân viện", 1), ("Tạp chí", 1), ("Bộ môn", 0), ("Chi cục", 1), ("Cục", 2), ("Viện", 2),
        ("Tổng cục", 2), ("Sở", 2), ("Trường", 2), ("Báo", 2), ("Công ty", 2), ("Cơ quan", 2),
        ("Đảng ủy", 2), ("Đảng uỷ", 2), ("Bộ", 3), ("Học viện", 3), ("Đại học", 3), ("Ủy ban", 3),
        ("Uỷ ban", 3), ("UBND", 3), ("Hội đồng", 3), ("Hội", 3), ("Tập đoàn", 3), ("Tổng công ty", 3),
        ("Quỹ", 3), ("Đài", 3), ("Đại sứ quán", 3), ("Tổng lãnh sự quán", 3), ("Lãnh sự quán", 3), ("Liên đoàn", 3), ("Hiệp hội", 3),
        ("Tỉnh ủy", 3), ("Thành ủy", 3), ("Tỉnh uỷ", 3), ("Thành uỷ", 3),
        ("Tòa án", 3), ("TAND", 3), ("VKSND", 3), ("HĐND", 3), ("Công an", 2), ("Tỉnh đoàn", 3),
        ("Thành đoàn", 3), ("Bệnh viện", 2), ("Nhà máy", 1), ("ĐH", 3),
        ("Thời báo", 2), ("Đoàn Luật sư", 3), ("Đoàn luật sư", 3),
        ("Bảo tàng", 2), ("Ngân hàng", 2), ("Quân ủy", 3), ("Quân uỷ", 3), ("Huyện ủy", 2), ("Huyện uỷ", 2), ("Quận ủy", 2),
        ("Quận uỷ", 2), ("Thị ủy", 2), ("Thị uỷ", 2), ("Đảng đoàn", 2), ("Giáo hội", 3), ("Tổng liên đoàn", 3),
        ("LĐLĐ", 3), ("Tổng LĐLĐ", 3), ("Tổ chức", 3), ("Câu lạc bộ", 2), ("CLB", 2), ("Nhà xuất bản", 2),
        ("NXB", 2), ("Đoàn đại biểu Quốc hội", 3), ("Đoàn ĐBQH", 3),
        # The army's commands, often in sentence case ("Bộ tư lệnh Vùng 3 Hải quân", "Bộ chỉ huy Bộ
        # đội biên phòng tỉnh Quảng Trị"), and its military regions and services ("Quân khu 7").
        ("Bộ Tư lệnh", 3), ("Bộ Chỉ huy", 2), ("Quân khu", 3), ("Quân chủng", 3), ("Binh chủng", 3),
    )
}
LONGEST_HEAD = max(len(k) for k in HEADS)
HEAD_STARTS = {k[0] for k in HEADS}
BARE = {keys_of(h) for h in ("Học viện", "Bộ", "Sở", "Cục", "Viện", "Trường")}
BARE_STARTS = {k[0] for k in BARE}
# Lower-case words that end a name: verbs, prepositions, time words, and a term ("Ban Chấp hành
# Trung ương Đảng khoá XII": the body, in its twelfth term).
STOP = set(
    keys_of(
        "đã sẽ đang vừa cùng với tại vào cho do là được có trong ngày sáng chiều tối trưa nhằm để "
        "theo từ trên đến tới khi thì mà này đó ở năm tháng như gồm các những cũng vẫn dự ký trao "
        "tiếp gặp họp thuộc nay bởi giữa của đưa yêu hôm đêm khóa chưa ra"
    )
)
STOP_PAIRS = {
    keys_of(pair)
    for pair in (
        "tổ chức", "phối hợp", "chủ trì", "đăng cai", "khai mạc", "khai giảng", "tham dự",
        "tham gia", "phát biểu", "chính thức", "long trọng", "đồng tổ", "thực hiện", "làm việc",
        "trực thuộc", "diễn ra", "hướng dẫn", "trực tuyến", "tuyên phạt", "tuyên án", "xét xử",
        "xem xét", "quyết định", "yêu cầu", "đề nghị", "cho biết", "thông báo", "công bố", "tuyên bố",
        "ban hành", "kết luận", "tiến hành", "thời kỳ", "giai đoạn",  # "tại Sở GTVT thời kỳ 2017 - 2018"
        "thông cáo",  # "Uỷ ban Kiểm tra Trung ương ra thông cáo"
    )
}
NOT_AFTER_HEAD = set(keys_of("trưởng phó"))
# "Tổ chức" heads a body's name ("Tổ chức Y tế Thế giới") but also opens a sentence about holding
# an event ("Tổ chức Hội nghị ..."): not before the first word of an event's noun.
NOT_AFTER_ORGANIZATION = (keys_of("Tổ chức"), set(keys_of("hội lễ đại cuộc giải chương buổi lớp khóa ngày tuần đêm kỳ phiên triển")))
# Lower-case words that may open a name after its head: "TAND tỉnh ...", "Hội đồng nhân dân ...".
LOWER_AFTER_HEAD = set(keys_of("tỉnh thành huyện quận thị xã phường nhân cấp tối"))
# Words naming a local unit's kind: after them the place's name ends the body's name.
PLACE_KINDS = set(keys_of("tỉnh thành phố huyện quận thị xã phường trấn TP Tp"))
# Heads newsrooms also write in lower case before a capitalized name ("báo Tuổi Trẻ", "bộ Công
# an", "cục Đường thuỷ nội địa", "liên đoàn Xe đạp"), with the words that may follow the head
# when it is often a common noun too (None: any capitalized word): "trường THPT Lê Lợi", not
# "thị trường Mỹ"; "đài Truyền hình", not "lâu đài Windsor".
LOWER_HEADS: dict[tuple[str, ...], set[str] | None] = {
    keys_of(head): None if following is None else set(keys_of(following))
    for head, following in (
        ("báo", None), ("bộ", None), ("sở", None), ("cục", None), ("tổng cục", None), ("chi cục", None),
        ("ban", None), ("hội", "Nông Nhà Nhạc Liên Cựu Chữ Luật Doanh Phụ Sinh Khuyến Người Nghệ Điện Mỹ Kiến Y "
                                 "Bảo Văn Hữu Truyền Nạn Cựu Giáo Kế Kỹ Nữ Thầy Bác Dược Làm Sân Xuất Cấp Đông"), ("liên đoàn", None), ("tổng liên đoàn", None), ("công ty", None),
        ("tổng công ty", None), ("tập đoàn", None), ("học viện", None), ("đại học", None), ("ủy ban", None),
        ("uỷ ban", None), ("bệnh viện", None), ("trung tâm", None), ("câu lạc bộ", None),
        ("nhà xuất bản", None), ("ngân hàng", None), ("tòa án", None), ("toà án", None), ("trường", "THPT THCS ĐH Đại Cao Tiểu Trung Mầm Phổ Học"), ("đài", "Truyền Phát Tiếng"),
        ("tỉnh đoàn", None), ("thành đoàn", None),  # "tỉnh đoàn Quảng Nam": the province's youth union
    )
}
# A lower-case "hội" before a capital is as often a festival ("hội Lim", "hội Gióng"): only an
# association of members named by their kind follows ("hội Nông dân", "hội Nhà văn", "hội Cựu chiến binh").
# Heads that also name the middle of a place ("ở trung tâm Hà Nội"): never before a place.
PLACE_SENSITIVE = {keys_of("trung tâm"), keys_of("đại học"), keys_of("ngân hàng")}
# ... unless its name ends with its country or province a few words on ("hội Xe thăng bằng Việt Nam").
NAMED_WITH_PLACE = {keys_of("hội")}
PLACE_REACH = 6
# Last words of a person's post before the body it is in: "Bộ trưởng", "Chủ tịch", "Bí thư", "Giám
# đốc", "người phát ngôn", "Đại sứ", "Chủ nhiệm", "Tư lệnh", "Uỷ viên".
POST_ENDS = set(keys_of("trưởng tịch thư đốc ngôn sứ nhiệm lệnh viên"))
# Capitalized words after a spaced dash that start a person's title or a gloss, not the name's rest.
DASH_STOPS = set(keys_of("Đại Thượng Trung Thiếu Chủ Phó Giám Trưởng Bí Ông Bà Anh Chị Nơi Đây Đơn Cơ"))
LOWER_HEAD_STARTS = {k[0] for k in LOWER_HEADS}
LONGEST_LOWER_HEAD = max(len(k) for k in LOWER_HEADS)
# Words that make a compound with a lower-case head: "họp báo", "thông báo", "cảnh báo", "cán bộ",
# "trụ sở", "lễ hội", "xã hội", "Đảng bộ" (a party's organization of a place, no ministry), "phố
# đi bộ Nguyễn Huệ", "đổ bộ Mặt trăng", "đường bộ", "lính thuỷ đánh bộ Mỹ", "phái bộ", "liên bộ".
COMPOUND_BEFORE = set(keys_of(
    "họp thông cảnh dự tình công bản nhà tờ tòa toà mật cán toàn nội tiến sơ đồng trụ cơ lễ xã đại dạ "
    "quốc hiệp vũ cơ bố kết phân tổng chi vận đảng đi đổ đường đánh phái liên"
))
# Qualifiers that end a name after an abbreviation inside it: "Viện KSND (VKSND) tối cao".
AFTER_ABBREVIATION = [keys_of(q) for q in ("tối cao", "cấp cao", "trung ương", "quốc gia")]
STANDING = keys_of("Thường trực")
# Heads whose names are proper names, capitalized word by word.
PROPER_ONLY = {keys_of(h) for h in ("Báo", "Thời báo", "Đài", "Công ty", "Tập đoàn", "Tổng công ty", "Quỹ", "Ngân hàng")}
# A company's legal form, not its name: "Công ty Cổ phần" alone names no company.
LEGAL_FORMS = set(keys_of("cổ phần TNHH TMCP CP MTV"))


def completes_word(before: Token, token: Token) -> bool:
    """Whether the lower-case syllable `token` ends a two-syllable word the capitalized syllable
    `before` opens, by pyvi's words ("Đầu tư", "Quốc tế", "Điện lực"), not a foreign name pyvi
    glues to a verb ("Alibaba định"): names of companies are capitalized word by word, so one
    that reads "Ngân hàng TMCP Đầu tư" goes on."""
    if not (before.is_word and before.is_capitalized and token.start - before.end == 1):
        return False
    pair = f"{before.text} {token.text}".lower()  # in lower case pyvi joins only the words it knows
    words = tag_words(pair)
    return len(words) == 1 and words[0][0] == pair.replace(" ", "_")


# Places and words that open with a head word: "Đài Loan ngày 9-5 tổ chức lễ" is Taiwan, not a
# station, "tổ chức tại ... Hội An" the town, not an association; "Khoa học" (science) opens no
# faculty's name, "Báo cáo" (a report) no newspaper's.
LOOK_LIKE_BODIES = [keys_of(p) for p in ("Đài Loan", "Đài Bắc", "Đài Nam", "Đài Trung", "Trường Sa", "Trường Sơn", "Trường Giang",
                                         "Hội An", "Khoa học", "Báo cáo", "Ban Nha")]
# Lower-case words a company's or station's name may have before its proper name: "Tổng công
# ty Cảng hàng không Việt Nam" (a verb after the name never reaches a capital this soon).
MAX_DESCRIPTION = 4
# Lower-case words right after a capitalized company's head, before its proper name: its legal
# form and trade ("Công ty cổ phần đầu tư kinh doanh địa ốc Hưng Thịnh"); not a bank's, a kind
# of bank being a common phrase ("Diễn đàn Ngân hàng bán lẻ Việt Nam").
TRADE_REACH = 8
COMPANIES = {keys_of(h) for h in ("Công ty", "Tổng công ty", "Tập đoàn")}
# An abbreviation in brackets after a name has at most this many words ("(EVN CPC)").
MAX_ABBREVIATION_WORDS = 3
DOTTED_PLACES = {"TP", "Tp", "Q", "P", "TX", "TT"}
SURNAMES = set(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Chu Lương "
    "Trương Đào Tạ Lâm Đoàn Trịnh Phùng Kiều Lưu Quách Hứa Triệu Khúc Vương Thân Tăng".split()
)
PLACES_WITH_SURNAMES = (keys_of("Hồ Chí Minh"),)
UNIT_KINDS = {"unit", "press"}
