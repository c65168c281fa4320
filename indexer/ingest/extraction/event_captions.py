"""Photo captions in a lead that show an earlier event, not the one the article reports.

News bodies often open with the caption of their photo, one short sentence under the abstract:
"Thượng nghị sĩ Corker trong cuộc họp Uỷ ban Đối ngoại Thượng viện cuối năm 2017.", "Tổng thống
Putin trong một cuộc họp báo hồi năm 2018.". When the caption calls its event "một" (a meeting,
any one) or dates it to an earlier time, the photo is from the files and its event is no report;
a caption of the reported event names it ("phát biểu tại buổi họp báo hôm nay") and stays, as
does a heading that opens with the event ("Họp báo chính phủ tháng 4/2017").
"""

from __future__ import annotations

import re

# At most this many words: a caption is a line, a lead's sentence is longer.
CAPTION_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?…](?=\s+\S)")
# "một" with at most a classifier before the event word: any meeting, not the one reported.
_ANY_ONE = re.compile(r"\bmột (?:(?:cuộc|buổi|phiên|lễ|kỳ|kì) )?$", re.IGNORECASE)
# An earlier time after the event word: "hồi tháng ba", "cuối năm 2017", "năm 2018.", "ngày
# 12/12/2018.", "tháng 6 năm nay." at the caption's end (a year inside, "Hội nghị tổng kết năm 2018 của ngành", names the event).
_EARLIER = re.compile(r"\bhồi\b|(?:\bnăm |\d/)\d{4}\W*$|\bnăm (?:nay|ngoái|trước)\W*$|\bảnh tư liệu\b", re.IGNORECASE)

_NOW = re.compile(r"\b(?:hôm nay|sáng nay|chiều nay|tối nay|trưa nay|đêm nay|tuần này)\b", re.IGNORECASE)


def in_file_photo_caption(lead: str, start: int, end: int) -> bool:
    """Whether the event word at lead[start:end] is in a caption of a file photo: a lead paragraph
    after the first, one short sentence, that calls the event "một" or dates it earlier."""
    paragraph_start = lead.rfind("\n", 0, start) + 1
    if paragraph_start == 0:
        return False  # the first paragraph is the abstract or the lead's own sentence
    paragraph_end = lead.find("\n", end)
    paragraph = lead[paragraph_start : paragraph_end if paragraph_end >= 0 else len(lead)]
    if len(paragraph.split()) > CAPTION_WORDS or _SENTENCE_END.search(paragraph):
        return False
    before, after = lead[paragraph_start:start], paragraph[end - paragraph_start :]
    if not before.strip() or _NOW.search(after):
        # "Họp báo chính phủ tháng 4/2017": a heading naming the event; "trong một cuộc họp báo
        # cuối tuần này": the report's own event
        return False
    return bool(_ANY_ONE.search(before) or _EARLIER.search(after))
