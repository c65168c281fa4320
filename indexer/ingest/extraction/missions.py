"""A diplomatic mission's seat is part of its name: "Tổng Lãnh sự quán Việt Nam tại Osaka",
"Tổng lãnh sự quán Mỹ tại TP. HCM". The name grammar ends a name at "tại" (a venue follows it
elsewhere: "Sở Y tế tại hội trường"), which left the seat between the consulate and its verb, so
the consulate was never read as the subject of "tổ chức". (An embassy is in the gazetteer, its
seat "tại Hà Nội" among its spellings.)
"""

from __future__ import annotations

from indexer.ingest.extraction.text import Token, keys_of

MISSIONS = {keys_of(head) for head in ("Tổng lãnh sự quán", "Lãnh sự quán", "Đại sứ quán")}
# At most this many words name the seat's city: "tại Thành phố Hồ Chí Minh".
SEAT_WORDS = 5


def past_seat(tokens: list[Token], j: int) -> int:
    """The end of "tại <City>" at j (capitalized words, "TP." among them), else j."""
    if j + 1 >= len(tokens) or tokens[j].key != "tại" or not tokens[j + 1].is_capitalized:
        return j
    k = j + 1
    while k < len(tokens) and k - j <= SEAT_WORDS and tokens[k].start - tokens[k - 1].end <= 1:
        if tokens[k].is_word and tokens[k].is_capitalized:
            k += 1
        elif tokens[k].text == "." and tokens[k - 1].text in ("TP", "Tp") and k + 1 < len(tokens):
            k += 1  # "tại TP. HCM"
        else:
            break
    return k if tokens[k - 1].is_word else j
