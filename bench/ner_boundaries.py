"""Would underthesea's CRF named-entity tagger find organizer names? (issue 14, item 8)

    pip install underthesea==9.5.0   # not a project dependency: this measure is why
    python -m bench.ner_boundaries

For each organizer of the tune rows, the tagger reads the clause the label gives as evidence
("Sở X phối hợp với báo Y tổ chức lễ ...") and the organizer counts as found when one of the
tagger's ORG spans is the name as the text writes it (`as_written`), or, leniently, overlaps
it. Our extractor's exact and lenient recall on the same rows is printed beside it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from bench.extraction import TRAIN, extract, load_labels, match_organizers, read_records


def org_spans(tagged: list[tuple[str, ...]]) -> Iterator[str]:
    """The ORG spans of underthesea's `ner` output, each as its words joined by spaces."""
    words: list[str] = []
    for word, *_, tag in tagged:
        if tag == "I-ORG" and words:
            words.append(word)
            continue
        if words:
            yield " ".join(words)
        words = [word] if tag in ("B-ORG", "I-ORG") else []
    if words:
        yield " ".join(words)


def main() -> int:
    try:
        from underthesea import ner
    except ImportError:
        print("skipped: underthesea is not installed (pip install underthesea==9.5.0)")
        return 0
    labels = [label for label in load_labels() if label["split"] == "tune"]
    records = read_records(TRAIN, (label["id"] for label in labels))
    gold = tagger_exact = tagger_overlap = ours_exact = ours_lenient = 0
    for label in labels:
        record = records[label["id"]]
        for organizer in label["organizers"]:
            evidence = organizer["evidence"]
            clause = unicodedata.normalize("NFC", record[evidence["field"]] or "")[evidence["start"]:evidence["end"]]
            written = unicodedata.normalize("NFC", organizer["as_written"])
            spans = list(org_spans(ner(clause)))
            gold += 1
            tagger_exact += written in spans
            tagger_overlap += any(written in span or span in written for span in spans)
        exact, lenient = match_organizers(extract(record)[0].organizers, label["organizers"])
        ours_exact, ours_lenient = ours_exact + len(exact), ours_lenient + len(exact) + len(lenient)
    print(f"{gold} organizers of the tune rows, found by")
    print(f"  underthesea ner, an ORG span as written: {tagger_exact:3} ({tagger_exact / gold:.1%}); "
          f"overlapping: {tagger_overlap:3} ({tagger_overlap / gold:.1%})")
    print(f"  our extractor, canonical name exact:     {ours_exact:3} ({ours_exact / gold:.1%}); "
          f"lenient:     {ours_lenient:3} ({ours_lenient / gold:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
