"""A people's committee named only by its kind ("UBND tỉnh") takes the province its sentence names.

"Xuân Trường ... tại quê nhà Tuyên Quang, trong lễ vinh danh ... do UBND tỉnh tổ chức": the news
names the province once and calls its committee "UBND tỉnh" after it. Only a province named
before the committee in the same sentence is taken, so a province of another sentence (or a
national body's "UBND tỉnh, thành phố") is never guessed.
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
    is a bare "UBND tỉnh / TP" and one such province is named there; else `mention`."""
    if mention.body is not None or keys_of(mention.name) not in BARE_COMMITTEES:
        return mention
    if mention.end < len(tokens) and tokens[mention.end].text == ",":
        return mention  # "UBND tỉnh, thành phố": every province's committee
    gaz = gazetteer()
    kind = keys_of(mention.name)[-1]
    found = [p for i in range(first, mention.start) if (p := gaz.place_at(tokens, i)) is not None]
    committees = {p.committee.name for p in found}
    if len(committees) != 1 or (kind == keys_of("tỉnh")[0]) != (found[0].kind == "tỉnh"):
        return mention
    return replace(mention, name=found[0].committee.name, body=found[0].committee, alias=mention.alias or mention.name)
