"""Names the people finder reads as persons that their own text shows to be a place, a brand, a newspaper, a
cup, a contest, a show or a law office.

The finder decides from the words right before a name ("trưởng phòng … huyện Ea Súp", "Chủ tịch
Công đoàn Công ty CP sữa Việt Nam Vinamilk", "cầu thủ World Cup", "Top 8 Hoa hậu Trái Đất",
"luật sư … Văn phòng luật sư Kết Nối"). The rest of the article often says what the name is: a
district when its role ends in "huyện", a company when the text also writes "Công ty Vinamilk" or
"Hãng hàng không Eva Air" and never "ông Vinamilk"; a contest or a show when a name without a
family name follows "cuộc thi" or "huấn luyện viên" ("cuộc thi Hoa hậu Đại Dương", "HLV The
Face") or bears an edition's year ("Hoa hậu Trái Đất 2010"); a law office after "văn phòng luật
sư" or "công ty luật".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from indexer.ingest.articles import Person
from indexer.ingest.extraction.person_words import SURNAMES

# A role that ends in a place's kind was the start of a place's name: "… huyện" + "Ea Súp". Not
# when a Vietnamese family name follows: "Phó Chủ tịch HĐND xã Nguyễn Văn Chanh" leaves the xã
# unnamed; and not "TP" or "thành phố", which the role of "Chủ tịch hiệp hội BĐS TP. HCM Lê Hoàng
# Châu" ends in when its full stop cuts it.
_PLACE_KIND_AT_END = re.compile(r"(?:^|\s)(?:huyện|xã|quận|phường|tỉnh|thị xã|thị trấn)$", re.IGNORECASE)
# Words after which a name is a company's, an app's, a brand's or an airline's.
_BRAND_HEAD_BEFORE = re.compile(
    r"(?<!\w)(?:công ty|hãng hàng không|hãng|tập đoàn|ứng dụng|thương hiệu|nhãn hàng|ngân hàng|siêu thị) +$")
# Words after which a name without a family name is a contest's, a show's or a law office's:
# "cuộc thi Hoa hậu Biển Việt Nam", "Văn phòng luật sư Chính Pháp"; a coach's show is English
# ("huấn luyện viên The Voice"), a coach's name is not ("HLV Park Hang-seo", "HLV Thu Minh").
# A rank in a pageant goes before the pageant: "Top 8 Hoa hậu Trái Đất", "Á hậu 1 Hoa hậu Đại Dương".
_SHOW_HEAD_BEFORE = re.compile(
    r"(?<!\w)(?:(?:cuộc thi|văn phòng luật sư|công ty luật|hãng luật)(?: (?:hoa hậu|á hậu|người đẹp|nam vương|siêu mẫu))?"
    r"|(?:top \d+|á hậu \d) (?:hoa hậu|nam vương|siêu mẫu)) +$")
_COACH_BEFORE = re.compile(r"(?<!\w)(?:hlv|huấn luyện viên) +$")
# A year right after a name without a family name is an edition's: "Hoa hậu Đại Dương 2017".
_EDITION_YEAR_AFTER = re.compile(r" (?:19|20)\d\d\b")
# Words after which a name is a person's, whatever else the text calls it.
_HONORIFIC_BEFORE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị|cô|cụ|em|cậu bé|cô bé|bé|cháu) +$")
# The first word of a newspaper's or a broadcaster's name: "phóng viên Báo Người Đưa Tin".
_MEDIA_FIRST_WORDS = {"Báo", "Đài", "Tạp", "Tờ", "Kênh"}
# The last word of a tournament's name: "World Cup", "AFF Cup", "SEA Games".
_CUP_WORDS = {"Cup", "Games"}
_BEFORE = 20  # characters before a name read for the word that says what it is
_AFTER = 6  # characters after it: a possessive "' s", an edition's year


def without_things(people: tuple[Person, ...], text: str) -> tuple[Person, ...]:
    """`people` less the names `text` shows to be a place, a brand or a tournament."""
    return tuple(p for p in people if not _names_a_thing(p, text))


def _names_a_thing(person: Person, text: str) -> bool:
    if person.role and _PLACE_KIND_AT_END.search(person.role) and person.name.split()[0] not in SURNAMES:
        return True
    words = person.name.split()
    if words[-1] in _CUP_WORDS or words[0] in _MEDIA_FIRST_WORDS:
        return True
    brand = False
    family_name = person.name.split()[0] in SURNAMES
    show = person.name.startswith("The ")
    for before, after in _occurrences(person.name, text):
        if _HONORIFIC_BEFORE.search(before):
            return False
        # Not a brand named after its owner: "thương hiệu Jonah ' s Hand" is Jonah's.
        brand = brand or (_BRAND_HEAD_BEFORE.search(before) is not None and not re.match(r" ?' ?s\b", after))
        brand = brand or not family_name and (_SHOW_HEAD_BEFORE.search(before) is not None
                                              or _EDITION_YEAR_AFTER.match(after) is not None
                                              or show and _COACH_BEFORE.search(before) is not None)
    return brand


def _occurrences(name: str, text: str) -> Iterator[tuple[str, str]]:
    """For each place `text` writes `name` as whole words: the lower-cased words before it and
    the few characters after it."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield text[max(0, at - _BEFORE) : at].lower(), text[end : end + _AFTER]
        at = text.find(name, end)
