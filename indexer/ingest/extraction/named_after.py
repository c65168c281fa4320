"""Schools and companies named after a person: "Trường THPT Nguyễn Du", "Trường tiểu học Chu
Văn An", "Tập đoàn giáo dục Nguyễn Hoàng". The name grammar ends a name at a surname that a
capitalized word follows (a person holding a post in the body: "Sở Nội vụ tỉnh Nguyễn Văn A"),
so a school named after a scholar lost its name ("Trường THPT") and one written with its level
in lower case ("Trường tiểu học Nguyễn Du") was not read at all. After a school's level, or after
a company's trade in lower case, the person's name is the body's name.
"""

from __future__ import annotations

from indexer.ingest.extraction.name_words import COMPANIES
from indexer.ingest.extraction.text import Token, keys_of

SCHOOL_HEADS = {keys_of("Trường")}
# A school's level or kind, as newsrooms write it before the school's own name.
SCHOOL_LEVELS = [
    keys_of(level)
    for level in (
        "trung học phổ thông chuyên", "trung học phổ thông", "trung học cơ sở", "phổ thông dân tộc nội trú",
        "phổ thông", "tiểu học", "mầm non", "mẫu giáo", "THPT chuyên", "THPT", "THCS", "PTTH", "PTCS", "TH",
        "chuyên", "cao đẳng", "trung cấp", "liên cấp", "dân lập", "tư thục", "ĐH", "đại học", "CĐ",
    )
]
# Words before a surname that introduce a person, not a name: "công ty của ông Nguyễn ...".
PERSON_BEFORE = set(keys_of("ông bà anh chị cô chú em giám đốc chủ tịch tổng trưởng phó viên sĩ"))


def school_level_end(tokens: list[Token], j: int) -> int:
    """The end of the school's level written at j ("tiểu học", "THPT chuyên"), else j."""
    for level in sorted(SCHOOL_LEVELS, key=len, reverse=True):
        if tuple(t.key for t in tokens[j : j + len(level)]) == level:
            return j + len(level)
    return j


def opens_school(tokens: list[Token], keys: tuple[str, ...], j: int) -> bool:
    """Whether a school's level written in lower case follows its head at j, then the school's
    own name ("Trường | tiểu học | Nguyễn Du", not "các trường đại học ở Mỹ")."""
    if keys not in SCHOOL_HEADS:
        return False
    end = school_level_end(tokens, j)
    return j < end < len(tokens) and tokens[end].is_capitalized


def named_after_person(tokens: list[Token], keys: tuple[str, ...], head_end: int, j: int) -> bool:
    """Whether the surname at j opens the body's own name: only a school's level stands between
    its head and it ("Trường THPT | Nguyễn Du"), or a company's trade in lower case ("Tập đoàn
    giáo dục | Nguyễn Hoàng")."""
    if keys not in SCHOOL_HEADS and keys not in COMPANIES or tokens[j - 1].key in PERSON_BEFORE:
        return False
    if keys in COMPANIES:
        return all(t.is_word and t.text.islower() for t in tokens[head_end:j])
    return school_level_end(tokens, head_end) == j


def school_name_end(tokens: list[Token], keys: tuple[str, ...], head_end: int, end: int) -> int:
    """Where the name of a school with its level and number ends: at the lower-case word after its
    number ("Trường tiểu học Phú Điền 1 | thu tiền"), which the verb rule, reading a verb only
    after a capitalized word, leaves in the name."""
    level_end = school_level_end(tokens, head_end) if keys in SCHOOL_HEADS else head_end
    for k in range(level_end + 1, end if level_end > head_end else level_end):
        if tokens[k - 1].text.isdigit() and tokens[k].text.isalpha() and tokens[k].text.islower():
            return k
    return end
