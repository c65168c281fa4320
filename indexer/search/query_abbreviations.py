"""Abbreviations in a query, expanded both ways: UBND finds "ủy ban nhân dân", and the spelled-out
name finds UBND (the newsrooms' list, indexer/text/data/abbreviations.tsv)."""

from __future__ import annotations

from collections.abc import Callable

from whoosh import query as wq

from indexer.text.lexicons import abbreviations
from indexer.text.vietnamese import canonical_term, fold_term


def expand_abbreviations(units: list[str], one: Callable[[str], wq.Query],
                          many: Callable[[list[str]], wq.Query], exact: bool) -> list[wq.Query]:
    """One clause per unit, where an abbreviation or a spelled-out name matches either form
    (spelled as typed when `exact`)."""
    known = abbreviations()
    backward = known.backward_exact if exact else known.backward
    keys = [canonical_term(u) if exact else fold_term(u) for u in units]
    clauses: list[wq.Query] = []
    i = 0
    while i < len(units):
        folded = fold_term(units[i])
        expansion = known.forward.get(folded) if units[i].isupper() or len(folded) > 2 else None
        if expansion:
            words = list(expansion[1] if exact else expansion[0])
            fields = ("body", "title") if exact else ("body_folded", "title_folded")
            clauses.append(wq.Or([one(units[i]), *(wq.Phrase(f, words) for f in fields)]))
            i += 1
            continue
        match = next((n for n in range(min(8, len(units) - i), 1, -1)
                      if tuple(keys[i : i + n]) in backward), None)
        if match:
            short = backward[tuple(keys[i : i + match])]
            clauses.append(wq.Or([many(units[i : i + match]), one(short)]))
            i += match
            continue
        clauses.append(one(units[i]))
        i += 1
    return clauses
