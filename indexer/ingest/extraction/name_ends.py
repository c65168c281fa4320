"""Where a name with lower-case words after "và" ends: "Trường ĐH Khoa học xã hội và nhân văn
(ĐH Quốc gia TP. HCM)", "Sở Giáo dục và đào tạo (GD-ĐT) Quảng Bình", "Sở Văn hoá và thể thao Hà
Nội". Newsrooms write the second field of a body in lower case; the name then runs on over the
lower-case words to its abbreviation, parent in brackets or place, and "và" ends it anywhere else
("Sở Y tế và bệnh viện tổ chức", "Bộ Công an và các bộ").
"""

from __future__ import annotations

from indexer.ingest.extraction.gazetteer import Gazetteer
from indexer.ingest.extraction.name_words import PLACE_KINDS, STOP, STOP_PAIRS
from indexer.ingest.extraction.text import Token

# At most this many lower-case words after "và" before the bracket or place that ends the name.
FIELD_WORDS = 4


def field_after_and(tokens: list[Token], k: int, gaz: Gazetteer) -> bool:
    """Whether the lower-case words from k (right after "và") are the rest of a body's field: a
    few words, none a stop word, then a bracket or the body's place."""
    for m in range(k, min(len(tokens), k + FIELD_WORDS + 1)):
        token = tokens[m]
        if m > k and tokens[m].start - tokens[m - 1].end > 1:
            return False  # a line break or a gap
        if m > k and token.text == "(":
            return True
        if m > k and (token.key in PLACE_KINDS or token.is_capitalized) and gaz.place_at(tokens, m) is not None:
            return True
        pair = (token.key, tokens[m + 1].key) if m + 1 < len(tokens) else ()
        if not token.is_word or not token.text.islower() or token.key in STOP or pair in STOP_PAIRS:
            return False
    return False
