"""A people's committee named only by its kind ("UBND tỉnh") takes the province its sentence names,
and a department named without its province ("do Sở GD-ĐT tổ chức") the place the text gives it.

"Xuân Trường ... tại quê nhà Tuyên Quang, trong lễ vinh danh ... do UBND tỉnh tổ chức": the news
names the province once and calls its committee "UBND tỉnh" after it. Only a province named
before the committee in the same sentence is taken, so a province of another sentence (or a
national body's "UBND tỉnh, thành phố") is never guessed. Any other body named down to a bare
place kind ("HĐND TP", "TAND quận", "Sở NN & PTNT tỉnh", "UBND huyện") takes, the same way, the
nearest place of that kind its sentence names before it.
"""

from __future__ import annotations

from dataclasses import replace

from indexer.ingest.extraction.gazetteer import gazetteer
from indexer.ingest.extraction.name_grammar import Mention
from indexer.ingest.extraction.text import Token, keys_of

# A committee named by its kind only, as the pattern grammar reads it (keys are the same in
# either tone placement: "Uỷ ban" is "Ủy ban").
BARE_COMMITTEES = {keys_of(c) for c in ("UBND tỉnh", "UBND thành phố", "UBND TP", "Uỷ ban nhân dân tỉnh",
                                        "Uỷ ban nhân dân thành phố")}


def with_sentence_province(tokens: list[Token], mention: Mention, first: int) -> Mention:
    """`mention` named after the province its sentence (from token `first`) names before it, if it
    is a bare "UBND tỉnh / TP" and one such province is named there; a department without its
    place takes the place the text gives it (`with_text_place`); where neither rule reads a place,
    any body ending at a bare kind takes the nearest place of that kind (`with_nearest_place`),
    but not a bare committee whose sentence names several provinces; else `mention`."""
    if keys_of(mention.name)[:1] == _DEPARTMENT:
        placed = with_text_place(tokens, mention)
        return with_nearest_place(tokens, mention) if placed is mention else placed
    if mention.body is not None:
        return mention
    if keys_of(mention.name) not in BARE_COMMITTEES:
        return with_nearest_place(tokens, mention)
    if mention.end < len(tokens) and tokens[mention.end].text == ",":
        return mention  # "UBND tỉnh, thành phố": every province's committee
    gaz = gazetteer()
    kind = keys_of(mention.name)[-1]
    found = [p for i in range(first, mention.start) if (p := gaz.place_at(tokens, i)) is not None]
    if not found:
        return with_nearest_place(tokens, mention)  # "tại TP Hội An, UBND thành phố": a city of a province
    committees = {p.committee.name for p in found}
    if len(committees) != 1 or (kind == keys_of("tỉnh")[0]) != (found[0].kind == "tỉnh"):
        return mention
    return replace(mention, name=found[0].committee.name, body=found[0].committee, alias=mention.alias or mention.name)


def with_nearest_place(tokens: list[Token], mention: Mention) -> Mention:
    """`mention` ending at a bare place kind ("HĐND TP", "TAND quận") named after the nearest place
    of that kind the text names before it, in its sentence ("... HĐND TP Đà Nẵng cho biết ... hoãn
    kỳ họp thứ 9 HĐND TP khoá IX", "quận Gò Vấp, TP. HCM, UBND quận đã họp khẩn") or an earlier one
    ("... tại huyện Ia Grai, tỉnh Gia Lai. Đây là lần đầu tiên UBND huyện tổ chức ..."); else
    `mention` (a bare kind is every place's: "Hội đồng nhân dân thành phố" would mix them)."""
    written = tuple(t.key for t in tokens[mention.start : mention.end])
    kind = _bare_kind(written)
    if kind is None or len(written) <= len(kind):
        return mention
    after = tuple(t.key for t in tokens[mention.end + 1 : mention.end + 3])
    if mention.end < len(tokens) and tokens[mention.end].text == "," and any(after[: len(k)] == k for k in _KINDS):
        return mention  # "UBND các tỉnh, thành phố": every place's
    gaz = gazetteer()
    for i in range(mention.start - 1, -1, -1):
        if (place := gaz.place_at(tokens, i)) is not None and place.end <= mention.start:
            if _KINDS[kind] == place.kind:
                return replace(mention, name=f"{mention.name} {place.name}", alias=mention.alias or mention.name)
        for written in _SAME_KIND[_KINDS[kind]]:
            if tuple(t.key for t in tokens[i : i + len(written)]) == written:
                name = _place_name(tokens, i + len(written), mention.start)
                if name:
                    return replace(mention, name=f"{mention.name} {name}", alias=mention.alias or mention.name)
    return mention


def names_no_place(mention: Mention) -> bool:
    """Whether `mention` still ends at a bare place kind ("Uỷ ban nhân dân tỉnh"), no rule having read
    its place: such a name is every province's, so it is no organizer's value."""
    written = keys_of(mention.name)
    kind = _bare_kind(written)
    return mention.body is None and kind is not None and len(written) > len(kind)


def _bare_kind(written: tuple[str, ...]) -> tuple[str, ...] | None:
    """The place kind the keys of a name end at ("... huyện", "... thị xã"), or None."""
    return next((k for k in _KINDS if written[-len(k):] == k), None)


def _place_name(tokens: list[Token], j: int, end: int) -> str:
    """The capitalized (or numbered) words of a place's name from token j, before token `end`."""
    words = []
    while j < end and tokens[j].is_name_word:
        words.append(tokens[j].text)
        j += 1
    return " ".join(words)


# The place kinds a body's name may end at, by the kind of place they stand for ("TP." is left
# out: a sentence may end at it, "UBND TP.\nPhát biểu ...").
_KINDS = {keys_of(k): kind for k, kind in (("tỉnh", "tỉnh"), ("thành phố", "thành phố"), ("TP", "thành phố"),
                                           ("huyện", "huyện"), ("quận", "quận"), ("thị xã", "thị xã"),
                                           ("phường", "phường"), ("xã", "xã"))}
_SAME_KIND = {kind: {written for written, k in _KINDS.items() if k == kind} for kind in _KINDS.values()}


# A province's department named without its province ("do Sở GD-ĐT tổ chức").
_DEPARTMENT = keys_of("Sở")
# At most this many words from a listed department to the place the list ends with.
_LIST_REACH = 8


def with_text_place(tokens: list[Token], mention: Mention) -> Mention:
    """A department named without its place ("Sở GD-ĐT") takes the place the text gives it
    elsewhere: the same department named with its place before ("lễ tổng kết ... của Sở GD-ĐT TP.
    HCM ... do Sở GD-ĐT tổ chức"), or the place of the list it heads ("Sở Giao thông vận tải, Sở
    Giáo dục và đào tạo TP. HCM tổ chức"); else `mention`."""
    written = keys_of(mention.name)
    if mention.body is not None or written[:1] != _DEPARTMENT or mention.end >= len(tokens):
        return mention
    gaz = gazetteer()
    if any(gaz.place_at(tokens, k) for k in range(mention.start + 1, mention.end)):
        return mention  # its place is in its name
    size = len(written)
    for k in range(mention.start - size, -1, -1):
        if tuple(t.key for t in tokens[k : k + size]) == written and (place := gaz.place_at(tokens, k + size)):
            return _placed(mention, tokens, place.start, place.end)
    if tokens[mention.end].text in (",", "và") and mention.end + 1 < len(tokens) and tokens[mention.end + 1].key == _DEPARTMENT[0]:
        for k in range(mention.end + 2, min(len(tokens), mention.end + 2 + _LIST_REACH)):
            if not tokens[k].is_word and tokens[k].text not in "-&":
                break  # the next department ends before any place: no shared place
            if (place := gaz.place_at(tokens, k)) is not None:
                return _placed(mention, tokens, place.start, place.end)
    return mention


def _placed(mention: Mention, tokens: list[Token], start: int, end: int) -> Mention:
    place = " ".join(t.text for t in tokens[start:end]).replace(" .", ".")
    return replace(mention, name=f"{mention.name} {place}", alias=mention.alias or mention.name)
