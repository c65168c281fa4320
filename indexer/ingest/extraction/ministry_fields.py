"""The fields of the ministries ("Tài nguyên và Môi trường") as newsrooms write them, with a dash
and in lower case: "Bộ Tài nguyên - môi trường", "Sở Giáo dục - đào tạo TP. HCM", "Bộ Lao động -
thương binh và xã hội". Over the unlabelled leads this spelling of a Bộ or Sở is written more
than 500 times, and the name grammar ended each at its dash ("Bộ Tài nguyên"). Here: where such a
field ends in the text, and its official spelling, taken from the gazetteer's ministries.
"""

from __future__ import annotations

from functools import lru_cache

from indexer.ingest.extraction.gazetteer import gazetteer
from indexer.ingest.extraction.text import Token, keys_of, tokenize

# The heads a ministry's field follows: the ministry, and a province's department of that field.
FIELD_HEADS = {keys_of("Bộ"), keys_of("Sở")}
_JOINERS = set(keys_of("và")) | {"-", ","}
_MINISTRY = "Bộ "


def _bare(keys: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(k for k in keys if k not in _JOINERS)


@lru_cache(maxsize=1)
def _fields() -> dict[tuple[str, ...], str]:
    """Each ministry's field by its words without joiners ("tài nguyên môi trường" → "Tài
    nguyên và Môi trường")."""
    return {
        _bare(keys_of(body.name[len(_MINISTRY):])): body.name[len(_MINISTRY):]
        for body in gazetteer().bodies.values()
        if body.kind == "ministry" and body.name.startswith(_MINISTRY)
    }


def field_end(tokens: list[Token], start: int, dash: int) -> int | None:
    """The end of a ministry's field that opens at `start` and runs on past the dash at `dash`
    in lower case ("Tài nguyên | - môi trường"), or None when no field reads so."""
    so_far = _bare([t.key for t in tokens[start:dash]])
    best = None
    for field in _fields() if so_far else ():
        if len(field) <= len(so_far) or field[: len(so_far)] != so_far:
            continue
        k = _words_end(tokens, dash + 1, field[len(so_far):])
        if k is not None and (best is None or k > best):
            best = k
    return best


def _words_end(tokens: list[Token], k: int, words: tuple[str, ...]) -> int | None:
    """Where `words` end when tokens from k spell them, joiners in between skipped; else None."""
    matched = 0
    while k < len(tokens) and matched < len(words):
        if matched and tokens[k].key in _JOINERS and (tokens[k].text.islower() or not tokens[k].is_word):
            k += 1
        elif tokens[k].key == words[matched] and (k == 0 or tokens[k].start - tokens[k - 1].end <= 1):
            k, matched = k + 1, matched + 1
        else:
            break
    return k if matched == len(words) else None


def official_field(name: str) -> str:
    """"Sở Tài nguyên - môi trường TP. HCM" → "Sở Tài nguyên và Môi trường TP. HCM": the field of a
    Bộ or Sở written with a dash, or without its "và" ("Sở Giáo dục đào tạo"), in its official
    spelling; other names as they are."""
    head, _, rest = name.partition(" ")
    tokens = tokenize(rest)
    if keys_of(head) not in FIELD_HEADS or not tokens:
        return name
    dash = next((k for k, t in enumerate(tokens) if t.text == "-"), None)
    end = field_end(tokens, 0, dash) if dash else None
    if end is None:
        end = _whole_field_end(tokens)
    if end is None:
        return name
    return f"{head} {_fields()[_bare([t.key for t in tokens[:end]])]}{rest[tokens[end - 1].end:]}"


def _whole_field_end(tokens: list[Token]) -> int | None:
    """The end of a whole ministry's field at the start of `tokens` written without its joiners or
    in other capitals ("Giáo dục đào tạo", "Tài nguyên Môi trường", "Giao thông Vận tải")."""
    ends = [k for field in _fields() if (k := _words_end(tokens, 0, field)) is not None]
    return max(ends, default=None)


def past_field_dash(tokens: list[Token], dash: int, start: int) -> int | None:
    """Where the field of a Bộ or Sở whose name words open at `start` ends past the spaced dash
    at `dash`, written in lower case or as an abbreviation; None when the dash ends the name."""
    return dash + 1 if _abbreviated_field_goes_on(tokens, dash, start) else field_end(tokens, start, dash)


def _abbreviated_field_goes_on(tokens: list[Token], dash: int, start: int) -> bool:
    """Whether the spaced dash at `dash` joins the halves of a field's abbreviation right after
    a Bộ or Sở (`start`): "Bộ NN - PTNT", "Sở GD - ĐT", "Bộ LĐ - TB & XH"."""
    if dash != start + 1 or dash + 1 >= len(tokens):
        return False
    return all(tokens[k].is_word and tokens[k].text.isupper() and len(tokens[k].text) <= 4 for k in (dash - 1, dash + 1))
