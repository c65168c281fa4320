"""The words of organizing roles: the verbs that make their subject an organizer, the words
that may stand between a body and its verb, meetings and their owners, courts and their
trials, venues, and the tasks that "tổ chức" carries out without holding an event.

Kept apart from `organizers`, which reads the roles with these words.
"""

from __future__ import annotations

import re

from indexer.ingest.extraction.events import EVENT_TYPES
from indexer.ingest.extraction.text import PhraseSet, keys_of

# "UBND huyện Hoàng Sa khánh thành Nhà trưng bày": the body inaugurating holds the ceremony.
VERBS = PhraseSet([
    keys_of(v) for v in ("tổ chức", "đăng cai", "khai mạc", "khai giảng", "chủ trì tổ chức", "khánh thành")
])
CHAIR = keys_of("chủ trì")
# "tổ chức" also means carrying out a task: "tổ chức khám nghiệm hiện trường", "tổ chức (đợt) tuần
# tra", "tổ chức lấy ý kiến" name no organized event and so no organizer.
TASKS = PhraseSet([
    keys_of(t)
    for t in ("điều tra", "khám nghiệm", "truy bắt", "truy xét", "truy tìm", "tuần tra", "lấy ý kiến", "thực hiện",
              "triển khai", "rà soát", "kiểm tra", "vận hành", "phân luồng", "cưỡng chế", "giải cứu", "tìm kiếm",
              "cứu hộ", "xử lý", "thi hành", "di dời", "bắt giữ", "vây bắt", "triệt phá", "đấu tranh", "giám sát",
              "phong tỏa", "phong toả", "tiêu hủy", "tiêu huỷ", "sơ tán", "đưa rước", "tiếp nhận",
              "thực nghiệm", "khám xét", "phát hành", "thi công", "mật phục", "phục kích", "đón lõng", "lực lượng",
              "khai quật", "cất bốc", "dạy học", "dạy thêm", "giảng dạy", "tháo gỡ", "huỷ nổ", "hủy nổ",
              "đánh bạc", "đánh bài", "cá độ", "đánh đề")
])
# "tổ chức" as a noun right after a subject's verb of saying: "Báo Sputnik cho biết tổ chức hành
# động vì môi trường có tên ..." names an organization, not an event the newspaper held.
NOUN_SENSES = PhraseSet([
    keys_of(n)
    for n in ("hành động", "phi chính phủ", "phi lợi nhuận", "từ thiện", "khủng bố", "tín dụng", "này", "có tên",
              "quốc tế", "nhân quyền", "tôn giáo", "cán bộ", "bộ máy")  # "công tác tổ chức cán bộ": personnel work
])
TASK_CLASSIFIERS = [keys_of(c) for c in ("buổi", "đợt", "cuộc", "các", "việc")]
# Words allowed between a subject and its verb ("đã", "long trọng", "phối hợp").
ADVERBS = [
    keys_of(a)
    for a in ("đã", "đang", "sẽ", "vừa", "cũng", "long trọng", "chính thức", "trọng thể", "phối hợp",
              "đồng", "cùng", "chủ trì", "tiến hành", "tiếp tục", "dự kiến", "sắp", "lần đầu tiên", "lần đầu",
              "đồng loạt", "lại", "mới", "bắt đầu", "thường xuyên", "hằng năm", "hàng năm", "định kỳ",
              "ra quyết định", "quyết định", "cho biết", "cho biết đã", "cho biết sẽ")
]
# Words that open a partner after its partner: "A và B", "A phối hợp (với) B", "A cùng (với) B";
# a partner the reader does not know as a body ("và chính quyền địa phương huyện X") is passed
# over when it ends right before the verb and spans at most PARTNER_REACH tokens.
PARTNER_OPENERS = set(keys_of("và với cùng hợp"))
# At most this many lower-case words of a name's rest between a body and its verb; none a verb.
TAIL_REACH, VERB_TAGS = 4, {"V"}
# A subject that names the body of the sentence again: "Bộ X cho hay, cơ quan này đã tổ chức".
ANAPHORS = [keys_of(a) for a in ("cơ quan này", "đơn vị này", "bộ này", "sở này", "ngành này")]
PARTNER_REACH = 10
# Words allowed between two organizers of one list ("A, B và C", "A phối hợp với B").
CONNECTORS = [
    keys_of(c)
    for c in (",", "và", "cùng", "với", "phối hợp", "chủ trì", "các", "và các", "cùng với", "đã", "đang", "sẽ", "vừa")
]
# What joins partners named only by kind to the list before them: "phối hợp với | các đơn vị".
PARTNER_WORDS = [keys_of(w) for w in ("cùng với", "với", "cùng")]
# The passive's word before an organizing verb: "do A và B được tổ chức" (a few newsrooms write it).
PASSIVE = [keys_of("được")]
# Partners named only by kind: "phối hợp với các bộ, ngành, tổ chức lễ" is still the subject's event.
GENERIC_PARTNERS = [
    keys_of(p)
    for p in ("các bộ, ngành,", "các bộ, ngành", "các bộ ngành", "các sở, ngành,", "các sở, ngành", "các sở ngành",
              "các đơn vị liên quan", "các đơn vị", "các cơ quan liên quan", "các cơ quan", "các địa phương",
              "các ngành", "các đối tác", "các ngành chức năng,", "các ngành chức năng", "ngành chức năng,",
              "ngành chức năng", "chính quyền địa phương", "các lực lượng chức năng", "lực lượng chức năng")
]
# A body's term between it and its verb: "HĐND TP. HCM khoá IX đã tổ chức kỳ họp".
TERM = keys_of("khóa")
# ... and its tenure: "HĐND tỉnh Quảng Ninh khoá XIII, nhiệm kỳ 2016-2021 đã khai mạc kỳ họp".
TENURE = keys_of("nhiệm kỳ")
ROMAN = re.compile(r"[IVXL]+")
# A body after a person's title names the person's post: "Thứ trưởng Bộ Tư pháp Mỹ Rod Rosenstein
# ngày 13-6 đã họp báo" is a person's press conference.
TITLES = [
    keys_of(t)
    for t in ("bộ trưởng", "thứ trưởng", "giám đốc", "chủ tịch", "bí thư", "người phát ngôn", "chánh án",
              "viện trưởng", "cục trưởng", "vụ trưởng", "trưởng ban", "đại sứ", "hiệu trưởng", "ngoại trưởng")
]
# A time between a subject and its verb: "UBND tỉnh X sáng 12-3 đã tổ chức", "TAND TP hôm nay xét xử".
TIMES = set(keys_of("sáng chiều tối trưa đêm ngày hôm"))
TIME_PARTS = set(keys_of("nay qua mai")) | {"-", "/", "."}
ASIDE_REACH = 12  # tokens a bracketed aside may span: "(huyện Lý Sơn, tỉnh Quảng Ngãi)"
VENUE = set(keys_of("tại ở"))
# Words that report an event: the organizing verbs, meetings, ceremonies and the event types
# (a working session, "làm việc với", is not an organized event).
VENUE_SKIP = set(keys_of("trụ sở hội trường phòng khách sạn nhà"))
# "tại trụ sở Trường X": a school's own premises ("tại hội trường Trường X" is only its hall).
PREMISES = keys_of("trụ sở")
# "A phối hợp với B (đã) tổ chức hội thảo": A and its partners B, read forward from the phrase, so
# that partners the reader does not know as bodies ("các tỉnh thành ĐBSCL và doanh nghiệp") or a
# partner's own parent ("(CSIS) của Mỹ") between them and the verb hide neither.
COORDINATING = PhraseSet([keys_of(p) for p in ("phối hợp với", "phối hợp cùng", "phối hợp cùng với")])
# "phối hợp với các tổ chức bảo vệ chó xây dựng đề án": after these, "tổ chức" is a noun.
PLURALS = set(keys_of("các những mọi nhiều"))
# How far after "phối hợp với" the organizing verb may stand.
COORDINATED_REACH = 30
PARTNERSHIP = PhraseSet([keys_of(p) for p in ("hợp tác", "phối hợp", "ký kết", "liên kết")])
CO_ORGANIZING = PhraseSet([keys_of(p) for p in ("sự phối hợp của", "sự chủ trì của", "sự đồng tổ chức của")])
# "sự chủ trì của lãnh đạo Bộ X": the body the leaders speak for; "dưới sự chủ trì của Bộ trưởng Bộ X"
# (a title in any case): the body the chairing minister heads.
ON_BEHALF = [keys_of(p) for p in ("lãnh đạo", "đại diện")]
LEADERS = PhraseSet([
    keys_of(p)
    for p in ("bộ trưởng", "thứ trưởng", "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "cục trưởng",
              "viện trưởng")
])
# What a court does when it holds a trial; only a court's mention is its subject.
TRIAL_VERBS = PhraseSet([
    keys_of(v)
    for v in ("xét xử", "xử", "mở phiên tòa", "mở phiên toà", "đưa ra xét xử", "đưa vụ án ra xét xử", "tuyên án",
              "tuyên phạt", "kết án", "mở phiên xét xử", "mở phiên", "mở lại phiên")
])
COURTS = [keys_of(c) for c in ("Tòa án", "TAND")]
# "TAND X đã đưa vụ án ... ra xét xử": a court brings a case to trial some words after "đưa".
BRINGS, TO_TRIAL, TO_TRIAL_REACH = keys_of("đưa"), [keys_of(t) for t in ("ra xét xử", "ra xử")], 50
# "Hội đồng xét xử (phúc thẩm) (của) TAND X": the bench of a court, the court's trial.
BENCH = PhraseSet([keys_of(b) for b in ("hội đồng xét xử", "HĐXX")])
BENCH_OF = [keys_of(w) for w in ("phúc thẩm", "sơ thẩm", "giám đốc thẩm", "của")]
# Meetings that belong to a body: "phiên họp (giao ban) của UBND X", "kỳ họp thứ 6 HĐND X".
MEETINGS = PhraseSet([
    keys_of(m)
    for m in ("kỳ họp", "phiên họp", "cuộc họp báo", "cuộc họp", "buổi họp", "họp báo", "hội nghị", "hội thảo",
              "tọa đàm", "toạ đàm", "diễn đàn", "đại hội", "phiên giải trình", "giải thưởng")
])
MEETING_GAP = 8  # at most this many words between a meeting noun and its "của"
ORDINAL = keys_of("thứ")
COUNT_WORD = keys_of("lần")[0]  # "lần thứ 11": the meeting's count
# Words after which a "của" names someone at the meeting, not its owner: "hội nghị có đại diện
# của Bộ Y tế", "hội nghị với sự tham dự của ..."; the agent of "do" organized it; a document's
# owner is not the meeting's ("Hội nghị triển khai Quyết định của ban Bí thư", "Nghị quyết của").
NOT_OWNER = set(keys_of("có đại diện lãnh đạo biểu tham dự sự với thành viên cán phát do quyết nghị"))
# Words between a meeting noun and its body: "Hội nghị thượng đỉnh G20".
MEETING_LEVELS = [keys_of(q) for q in ("thượng đỉnh", "cấp cao", "thường kỳ", "bất thường", "định kỳ", "thường niên", "trực tuyến",
                                       "toàn thể")]
# Meetings named by a body they are of: "Thượng đỉnh G20 sắp tổ chức" is held, the G20 holds nothing.
EVENT_NAMES = PhraseSet([*MEETINGS, keys_of("thượng đỉnh"), keys_of("hội nghị thượng đỉnh")])
# A period between a meeting noun and its body: "họp báo quý 3 Bộ Quốc phòng", "hội nghị tháng 9 ...".
PERIODS = set(keys_of("quý tháng năm"))
# "hội nghị ... của ngành": the branch of the ministry named before it in the sentence.
BRANCH = keys_of("ngành")
# A body meets ("Chính phủ họp phiên thường kỳ"); a legislature sits when it passes, debates or
# questions ("Quốc hội thảo luận ở các đoàn", "HĐND TP chất vấn"): only a legislature's sitting.
MEETS = [keys_of("họp")]
LEGISLATING = [keys_of(v) for v in ("thông qua", "biểu quyết thông qua", "thảo luận", "chất vấn")]
LEGISLATURES = [keys_of(b) for b in ("Quốc hội", "HĐND", "Hội đồng nhân dân", "Ủy ban Thường vụ Quốc hội")]
# "thăm chính thức ... theo lời mời của Bộ trưởng Bộ X": the inviting body hosts the visit.
INVITATION = keys_of("theo lời mời của")
INVITATION_REACH = 16  # tokens after the invitation within which the inviting body is named
# Ceremonies a host may receive at its premises ("chủ trì lễ đón").
CEREMONIES = [keys_of(c) for c in ("lễ đón", "lễ ra mắt", "lễ khánh thành", "lễ khởi công", "lễ phát động", "lễ mít tinh")]
# Event types whose words name no organizing body: a working session, and sittings, trials and
# ceremonies, whose bodies the meeting, trial and ceremony rules above find.
NOT_ORGANIZED = {"buổi làm việc", "phiên họp", "phiên tòa", "lễ"}
# A topic, not the reported event: "làm việc ... về tổ chức hội nghị".
TOPIC = set(keys_of("về"))
EVENT_WORDS = PhraseSet(sorted(
    {*VERBS, *MEETINGS, *CEREMONIES,
     *(keys_of(spelling) for kind, spellings in EVENT_TYPES if kind not in NOT_ORGANIZED for spelling in spellings)},
    key=len,
    reverse=True,
))
# A later sentence about the reported event opens with it: "Sự kiện do ...", "Đây là chương trình do ...".
THE_EVENT = [keys_of(e) for e in ("sự kiện", "chương trình", "hoạt động", "buổi lễ", "cuộc thi", "giải")]
EVENT_OR_THE_EVENT = PhraseSet([*EVENT_WORDS, *THE_EVENT])
THIS_IS = [keys_of(p) for p in ("đây là một", "đây là", "đó là")]
# Heads of venues: they hold events, never organize them.
VENUES = [
    keys_of(v)
    for v in ("Trung tâm Hội nghị", "Trung tâm Triển lãm", "Trung tâm Hội chợ", "Nhà thi đấu", "Cung", "Nhà hát",
              "Nhà văn hóa", "Nhà văn hoá", "Sân vận động", "Khách sạn", "Trường", "Đại học", "ĐH", "Bệnh viện",
              "Bảo tàng", "Công viên", "Quảng trường")
]
