"""Whole result sets of the running service judged against ground truth read from the articles.

Run from the repository root:

    .venv/bin/python -m bench.matching              # the first 20,000 vietnews-train articles
    .venv/bin/python -m bench.matching --docs 2000  # a quick look
    .venv/bin/python -m bench.matching --rebuild    # after an analysis change that kept the format

The articles go to var/bench/matching/ as JSON Lines, `vnsearch index` builds the index
(reused while its marker matches the document count and `indexer.index.store.format_record()`),
`vnsearch serve` answers on a free port, and every result set is read whole from
/api/v1/search.csv (its total checked against /api/v1/search's), with `accents=auto`.

The ground truth never looks at the index. An article's text is its title, abstract and
body, each in `indexer.text.vietnamese.canonical` form ("the same spelling": NFC, lowercase,
one tone placement, i/y unified), cut into clauses at `indexer.text.tokens.CLAUSE_BREAKS` and
into `\\w+` syllables. An accented short query (1–3 words) matches the articles holding
every one of its syllables anywhere; a "quoted phrase" those holding its syllables in
order inside one clause of one field; `A -B`, `A -"B C"` and `A NOT (B OR C)` match A's
articles minus those holding B (a word) or "B C" (a phrase). Sampled queries (fixed seed)
are letters only (a number's whole key, 1.000 or 13/2023, is split the index's own way);
each syllable of a sampled short query or exclusion is accented, a phrase has at least
one accented syllable. Precision is 1 when nothing is returned,
recall 1 when nothing should be. Each disagreement listed (up to 20 a query) is checked
once more on the text the service stored (/api/v1/documents): the "stored" column counts
those the stored text explains (the reader takes bylines and page furniture out of the
body), so what remains is matching. Per-query figures go to var/bench/matching/details.json.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple

from bench.common import swap_tone_style, to_nfd
from bench.matching_service import WORK, ResultClient, ResultSet, ensure_index, read_records, running, write_corpus
from bench.workload import CORPUS
from indexer.text.tokens import CLAUSE_BREAKS
from indexer.text.vietnamese import canonical, nfc

DOCS = 20_000
SEED = 1729
FIXED_SHORT = ("tham nhũng", "Đà Nẵng", "ma tuý", "Hà Nội", "bóng đá", "giáo dục", "thủ tướng", "cảnh sát",
               "Nghệ An", "hoà bình", "thuỷ điện", "kỹ thuật", "bão", "lũ lụt", "đường", "bán")
FIXED_PHRASES = ("Ủy ban nhân dân tỉnh Nghệ An", "Học viện Hành chính Quốc gia")
EXCLUSION_BASES = ("bóng đá", "ma tuý", "giáo dục", "bão")
PAGING = ("Việt Nam", "Hà Nội", "người", "đường", "bán", "cảnh sát", "bóng đá", "giáo dục", "thủ tướng", "công an")
SORTS = ("relevance", "newest", "oldest")
# How many articles hold a sampled query: rare, uncommon, common, very common.
BANDS = ((2, 10), (10, 100), (100, 1000), (1000, 10**9))
PER_BAND, PHRASES, TARGET = 5, 40, 0.98
PARAMS = {"accents": "auto"}
_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
_WORD = re.compile(r"\w+")
_VOWEL = re.compile("[aeiouy]")


def clauses(text: str, spell=canonical) -> list[list[str]]:
    """The non-empty clauses of one field, each as its `\\w+` syllables in `spell`'s form."""
    parts = (_WORD.findall(part) for part in _BREAK.split(spell(text)))
    return [part for part in parts if part]


def samplable(word: str) -> bool:
    """A word a sampled query may use: letters only, not pure ASCII, with a vowel (not ĐHGQ)."""
    return not word.isascii() and word.isalpha() and bool(_VOWEL.search(unicodedata.normalize("NFD", word)))


class Doc(NamedTuple):
    """One article as the spec reads it: its canonical syllables, and its clauses field by field."""

    words: frozenset[str]
    clauses: list[list[str]]


def read_doc(fields: Iterable[str]) -> Doc:
    parts = [c for field in fields for c in clauses(field or "")]
    return Doc(frozenset(w for c in parts for w in c), parts)


@dataclass(frozen=True)
class Rule:
    """What an article must hold to match: every word; the phrase inside one clause; none of `unless`."""

    words: frozenset[str]
    phrase: tuple[str, ...] = ()
    unless: tuple[Rule, ...] = ()

    def holds(self, doc: Doc) -> bool:
        n, seq = len(self.phrase), list(self.phrase)
        return (self.words <= doc.words
                and (not n or any(c[i:i + n] == seq for c in doc.clauses for i in range(len(c) - n + 1)))
                and not any(rule.holds(doc) for rule in self.unless))


def has_words(query: str) -> Rule:
    return Rule(frozenset(_WORD.findall(canonical(query))))


def has_phrase(query: str) -> Rule:
    words = tuple(_WORD.findall(canonical(query)))
    return Rule(frozenset(words), words)


class Truth:
    """The corpus read once; `matching(rule)` is the ground truth of a query."""

    def __init__(self, records: list[dict]) -> None:
        self.records = records
        self.docs = [read_doc((r["title"], r["abstract"], r["body"])) for r in records]
        self.postings: dict[str, set[int]] = {}
        for number, doc in enumerate(self.docs):
            for word in doc.words:
                self.postings.setdefault(word, set()).add(number)

    def matching(self, rule: Rule) -> set[str]:
        """The ids of the articles the rule holds for (candidates: those holding its words)."""
        found = [self.postings.get(w, set()) for w in rule.words]
        return {self.records[d]["id"] for d in set.intersection(*found) if rule.holds(self.docs[d])} if found else set()


# --- queries: fixed ones, and samples of the corpus (fixed seed) ---------------------------

def band_of(size: int) -> int | None:
    return next((i for i, (low, high) in enumerate(BANDS) if low <= size < high), None)


def sample_short(truth: Truth, rng: random.Random) -> list[str]:
    """PER_BAND accented syllables and PER_BAND adjacent accented pairs in each frequency band."""
    by_band: dict[int | None, list[str]] = {}
    for word in sorted(w for w in truth.postings if samplable(w)):  # sorted: sets vary by hash seed
        by_band.setdefault(band_of(len(truth.postings[word])), []).append(word)
    chosen = [w for band in range(len(BANDS))
              for w in rng.sample(by_band.get(band, []), min(PER_BAND, len(by_band.get(band, []))))]
    room = dict.fromkeys(range(len(BANDS)), PER_BAND)
    for _ in range(100_000):  # random places in random articles until every band has its pairs
        clause = rng.choice(rng.choice(truth.docs).clauses)
        if not any(room.values()):
            break
        if len(clause) < 2:
            continue
        i = rng.randrange(len(clause) - 1)
        pair = f"{clause[i]} {clause[i + 1]}"
        if clause[i] == clause[i + 1] or not (samplable(clause[i]) and samplable(clause[i + 1])) or pair in chosen:
            continue
        band = band_of(len(truth.matching(has_words(pair))))
        if band is not None and room[band]:
            room[band] -= 1
            chosen.append(pair)
    return chosen


def sample_phrases(truth: Truth, rng: random.Random) -> list[str]:
    """PHRASES runs of 5–8 syllables from inside single clauses, spelled as the article has them."""
    chosen: list[str] = []
    while len(chosen) < PHRASES:
        record = rng.choice(truth.records)
        text = record[rng.choice([f for f in ("title", "abstract", "body") if record[f]])]
        runs = [s for s, c in zip(clauses(text, nfc), clauses(text)) if len(s) == len(c) and len(s) >= 5]
        if not runs:
            continue
        words = rng.choice(runs)
        length = rng.randint(5, min(8, len(words)))
        start = rng.randrange(len(words) - length + 1)
        words = words[start:start + length]
        if all(w.isalpha() for w in words) and any(not w.isascii() for w in words) and " ".join(words) not in chosen:
            chosen.append(" ".join(words))
    return chosen


def co_occurring(truth: Truth, base: str, rng: random.Random, size: int, count: int) -> list[str]:
    """`count` accented words (size 1) or adjacent pairs (size 2) found in 10–50 % of the base's articles."""
    docs = [truth.docs[d] for d in set.intersection(*(truth.postings.get(w, set()) for w in has_words(base).words))]
    if not docs:
        return []
    seen: Counter[str] = Counter()
    for doc in docs:
        seen.update({" ".join(c[i:i + size]) for c in doc.clauses for i in range(len(c) - size + 1)
                     if all(samplable(w) for w in c[i:i + size])})
    inside = has_words(base).words
    fits = sorted(k for k, n in seen.items() if 0.1 <= n / len(docs) <= 0.5 and not inside & set(k.split()))
    return rng.sample(fits, count) if len(fits) >= count else []


def exclusions(truth: Truth, rng: random.Random) -> list[tuple[str, Rule]]:
    """`A -B`, `A -"B C"` and `A NOT (B OR C)` for each base A (none when A is too rare to pick B)."""
    made = []
    for base in EXCLUSION_BASES:
        excluded, pairs = co_occurring(truth, base, rng, 1, 2), co_occurring(truth, base, rng, 2, 1)
        if not (excluded and pairs):
            continue
        (b, c), (pair,), words = excluded, pairs, has_words(base).words
        made += [(f"{base} -{b}", Rule(words, unless=(has_words(b),))),
                 (f'{base} -"{pair}"', Rule(words, unless=(has_phrase(pair),))),
                 (f"{base} NOT ({b} OR {c})", Rule(words, unless=(has_words(b), has_words(c))))]
    return made


# --- judging -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Judged:
    """One query's result set beside its ground truth."""

    query: str
    total: int
    returned: int
    truth: int
    correct: int
    problem: str | None  # a refusal, a total that is not the number of ids, repeated ids
    false_hits: list[str]  # up to 20 of each, for reading
    missed: list[str]
    stored: int = 0  # how many of those the text the service stored explains

    @property
    def precision(self) -> float:
        return self.correct / self.returned if self.returned else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 1.0


def judge(query: str, found: ResultSet, truth: set[str]) -> Judged:
    returned = set(found.ids)
    problem = found.error or (f"total {found.total} ≠ {len(found.ids)} ids" if found.total != len(found.ids) else None)
    problem = problem or (f"{len(found.ids) - len(returned)} repeated ids" if len(returned) != len(found.ids) else None)
    return Judged(query, found.total, len(returned), len(truth), len(returned & truth), problem,
                  sorted(returned - truth)[:20], sorted(truth - returned)[:20])


def stored_doc(service: ResultClient, doc_id: str) -> Doc:
    """The article as the service stored it (title, and the body the reader kept), read as the spec reads text."""
    record = service.document(doc_id)
    return read_doc((record.get("title") or "", record.get("body") or ""))


def run_group(service: ResultClient, truth: Truth, queries: list[tuple[str, Rule]]) -> list[Judged]:
    """Each query's result set judged; each listed disagreement rechecked on the stored text."""
    judged = []
    for q, rule in queries:
        j = judge(q, service.result_set(q, **PARAMS), truth.matching(rule))
        listed = [(doc_id, True) for doc_id in j.false_hits] + [(doc_id, False) for doc_id in j.missed]
        # Explained by the stored text: read on it, the rule agrees with what the service did.
        stored = sum(rule.holds(stored_doc(service, doc_id)) == returned for doc_id, returned in listed)
        judged.append(replace(j, stored=stored))
    return judged


def summary(name: str, judged: list[Judged], seconds: float) -> tuple[float, float]:
    """Prints the group's micro and macro means and its worst five queries; returns micro (P, R)."""
    returned, truth, correct = (sum(getattr(j, k) for j in judged) for k in ("returned", "truth", "correct"))
    micro = (correct / returned if returned else 1.0, correct / truth if truth else 1.0)
    macro = (sum(j.precision for j in judged) / len(judged), sum(j.recall for j in judged) / len(judged))
    print(f"\n{name}: {len(judged)} queries in {seconds:.0f} s; precision micro {micro[0]:.4f} macro {macro[0]:.4f}, "
          f"recall micro {micro[1]:.4f} macro {macro[1]:.4f}", flush=True)
    worst = [j for j in sorted(judged, key=lambda j: (min(j.precision, j.recall), j.query))[:5]
             if min(j.precision, j.recall) < 1.0]
    print(f"  {'worst queries':<46} {'total':>6} {'truth':>6} {'prec.':>6} {'recall':>6} {'stored':>7}"
          if worst else "  every result set is exactly its ground truth")
    for j in worst:
        listed = len(j.false_hits) + len(j.missed)
        print(f"  {j.query[:46]:<46} {j.total:>6} {j.truth:>6} {j.precision:>6.3f} {j.recall:>6.3f} "
              f"{f'{j.stored}/{listed}' if listed else '':>7}")
    for j in judged:
        if j.problem:
            print(f"  ! {j.query}: {j.problem}")
    return micro


def paging(service: ResultClient) -> tuple[int, int]:
    """(repeated, skipped) ids over pages 1–5 of 10 against one page of 50, for every sort."""
    repeated = skipped = 0
    for q in PAGING:
        for sort in SORTS:
            walked = [h["id"] for p in range(1, 6) for h in service.page(q, sort=sort, page=p, per_page=10, **PARAMS)["hits"]]
            whole = {h["id"] for h in service.page(q, sort=sort, page=1, per_page=50, **PARAMS)["hits"]}
            repeats, skips = len(walked) - len(set(walked)), len(whole - set(walked))
            repeated, skipped = repeated + repeats, skipped + skips
            if repeats or skips:
                print(f"  paging {q!r} sort={sort}: {repeats} repeated, {skips} skipped")
    return repeated, skipped


def variants(service: ResultClient, queries: list[str]) -> list[str]:
    """Short queries whose NFD or other-tone-placement form gets another id set than the canonical NFC form."""
    differ = []
    for q in queries:
        base = set(service.result_set(canonical(q), **PARAMS).ids)
        for name, form in (("NFD", to_nfd(q)), ("tone swapped", swap_tone_style(q))):
            other = set(service.result_set(form, **PARAMS).ids) if form != q else base
            if other != base:
                differ.append(f"{q!r} {name}: {len(other - base)} more, {len(base - other)} fewer")
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=DOCS, help="how many articles from the start of the file")
    parser.add_argument("--rebuild", action="store_true", help="build the index even if its marker matches")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: the benchmark corpus {CORPUS} is absent (it lives in ../shared/data)")
        return 0
    records = list(read_records(CORPUS, args.docs))
    corpus, index = WORK / f"corpus-{len(records)}.jsonl", WORK / f"index-{len(records)}"
    write_corpus(records, corpus)
    built = ensure_index(corpus, index, len(records), args.rebuild)
    started = time.monotonic()
    truth, rng = Truth(records), random.Random(SEED)
    short = list(FIXED_SHORT) + sample_short(truth, rng)
    groups_queries = {"accented short queries": [(q, has_words(q)) for q in short],
                      "phrases": [(f'"{p}"', has_phrase(p)) for p in list(FIXED_PHRASES) + sample_phrases(truth, rng)],
                      "exclusions": exclusions(truth, rng)}
    print(f"[ground truth of {len(records)} articles and {sum(map(len, groups_queries.values()))} queries in "
          f"{time.monotonic() - started:.0f} s; index: {built.get('failed', 0)} articles failed]", flush=True)
    groups: dict[str, list[Judged]] = {}
    micro: dict[str, tuple[float, float]] = {}
    with running(index) as service:
        for name, queries in groups_queries.items():
            started = time.monotonic()
            groups[name] = run_group(service, truth, queries)
            micro[name] = summary(name, groups[name], time.monotonic() - started)
        repeated, skipped = paging(service)
        print(f"\npaging: {len(PAGING)} queries × {len(SORTS)} sorts, pages 1–5 of 10: "
              f"{repeated} repeated ids, {skipped} skipped against one page of 50")
        differ = variants(service, short)
        print(f"accent variants (NFD, other tone placement) of {len(short)} short queries: {len(differ)} differ")
        for line in differ:
            print(f"  {line}")
    details = {name: [{**asdict(j), "precision": j.precision, "recall": j.recall} for j in judged]
               for name, judged in groups.items()}
    (WORK / "details.json").write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")
    checks = [(f"{group}: micro {measure} ≥ {TARGET}", micro[group][i] >= TARGET)
              for group in ("accented short queries", "phrases") for i, measure in enumerate(("precision", "recall"))]
    checks.append(("paging: 0 repeated ids over pages 1–5", repeated == 0))
    checks.append(("exclusions: precision and recall 1.0 for every query",
                   all(j.precision == 1.0 and j.recall == 1.0 and not j.problem for j in groups["exclusions"])))
    print()
    for what, ok in checks:
        print(f"{'met' if ok else 'MISSED'}: {what}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
