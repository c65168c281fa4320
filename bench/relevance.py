"""Ranking quality of our search on the BEIR sets, beside plain BM25 and SQLite FTS5 baselines.

Run from the repository root:

    python -m bench.relevance                      # every set, full (the reported figures)
    python -m bench.relevance --sets ViMedAQA_v2 --limit-queries 200

Ours is measured the way users reach it (bench.service): the set's corpus is written as
JSON Lines, one `{"id": _id, "body": text}` a line with no title (what the reader extracts
from the text is part of the measure), indexed by `vnsearch index FILE --rebuild` in a
subprocess, served by `vnsearch serve` on a free local port, and each query is asked as
`GET /api/v1/search?q=...&per_page=10`; a query the service refuses (HTTP 400) ranks nothing
and is counted. The baselines run in this process. Each query is asked four ways: as written,
without diacritics, in NFD, and with the tone placement swapped (hòa↔hoà). Built indexes are
cached under var/bench/, keyed by set, limits and index format version, ours also by a digest
of the reader's code (which shapes its index), so a rerun only starts the server and queries.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import json
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, TEXT, Schema

from bench.analysis_speed import MAX_SLOWDOWN, OURS, PYVI, chars_per_second
from bench.common import CUTOFF, EXTRA_VARIANTS, IR_DEV, METRICS, SETS, VARIANTS, RelevanceSet, evaluate, load_set
from bench.service import QueryRefused, SearchClient, ServiceError, index_corpus, running_service, write_corpus
from indexer.ingest.articles import Article
from indexer.index.store import format_record

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "var" / "bench"
DONE = "bench-complete.json"
# The targets, checked on every set.
MARGIN_OVER_BASELINE = 0.01
UNACCENTED_RATIO = 0.97
FORM_TOLERANCE = 0.005
ANALYSIS_SAMPLE = 300  # documents of each set whose analysis is timed
CORPUS_FILE = "corpus.jsonl"  # the set as a user would hand it to `vnsearch index`
REFUSALS_SHOWN = 3
# What turns a JSON Lines line into an Article (title from the lead, dates, sources...). A change
# there changes our index without changing its format version, so our cache records its digest.
READER_SOURCES = ("indexer/ingest/reading", "indexer/ingest/extraction")


Ranker = Callable[[str], list[str]]


@dataclass
class SystemResult:
    """A system's mean metrics per query variant, and its per-query scores (for diffing)."""

    name: str
    means: dict[str, dict[str, float]] = field(default_factory=dict)
    per_query: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    failures: int = 0  # queries refused (ours: HTTP 400) over all variants, each scored as an empty ranking


def cache_dir(dataset: RelevanceSet, kind: str, limits: str, root: Path = CACHE) -> Path:
    """Where a system's index of a set lives: one directory per set, limits and format."""
    if kind == "ours":
        record = format_record()
        # "jsonl": built by the CLI from JSON Lines, unlike the earlier in-process builds.
        kind = f"ours-jsonl-s{record['schema_version']}-a{record['analyzer_version']}"
    return root / f"{dataset.name}{limits}" / kind


def _cached(directory: Path, dataset: RelevanceSet, built_by: dict[str, str] | None = None) -> bool:
    """Whether the directory holds a finished index of this set, built by the same `built_by`."""
    marker = directory / DONE
    if not marker.exists():
        return False
    record = json.loads(marker.read_text(encoding="utf-8"))
    expected = {"documents": len(dataset.corpus), **(built_by or {})}
    return all(record.get(key) == value for key, value in expected.items())


def _mark_done(directory: Path, dataset: RelevanceSet, seconds: float,
               built_by: dict[str, str] | None = None) -> None:
    record = {"documents": len(dataset.corpus), "seconds": round(seconds, 1), **(built_by or {})}
    (directory / DONE).write_text(json.dumps(record), encoding="utf-8")


def reader_digest(root: Path = ROOT) -> str:
    """A digest of the reader's and extraction's code and data (READER_SOURCES)."""
    digest = hashlib.sha1()
    for folder in READER_SOURCES:
        for path in sorted(p for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# --- our search ------------------------------------------------------------------------

class ServiceRanker:
    """Ranks through a running service; a query it refuses (HTTP 400) ranks nothing and is counted."""

    def __init__(self, client: SearchClient) -> None:
        self.client = client
        self.failures = 0
        self.refusals: list[str] = []  # the first few, "query → the service's message"

    def __call__(self, text: str) -> list[str]:
        try:
            return self.client.search_ids(text, per_page=CUTOFF)
        except QueryRefused as refusal:
            self.failures += 1
            if len(self.refusals) < REFUSALS_SHOWN:
                self.refusals.append(f"{text[:80]!r} → {refusal}")
            return []


def ours(dataset: RelevanceSet, directory: Path, services: ExitStack, jobs: int | None = None,
         respelling: bool = True) -> ServiceRanker:
    """Indexes the set with `vnsearch index` (or reuses that index), serves it with `vnsearch
    serve` until `services` closes, and returns a ranker asking it over HTTP.

    Raises bench.service.ServiceError when indexing fails (any document included) or the
    server does not come up.
    """
    built_by = {"reader": reader_digest()}
    if not _cached(directory, dataset, built_by):
        shutil.rmtree(directory, ignore_errors=True)
        started = time.monotonic()
        corpus = directory.parent / CORPUS_FILE
        count = write_corpus(dataset.corpus.items(), corpus)
        print(f"[{dataset.name}: vnsearch index {corpus} ({count} documents) --index {directory}]", flush=True)
        index_corpus(corpus, directory, jobs)
        _mark_done(directory, dataset, time.monotonic() - started, built_by)
    client = services.enter_context(running_service(directory, respelling=respelling))
    return ServiceRanker(client)


@cache
def _until_exit() -> ExitStack:
    """Where servers go when the caller keeps rankers without closing them (a test module's
    fixture): they are stopped when Python exits rather than left running."""
    stack = ExitStack()
    atexit.register(stack.close)
    return stack


# --- baseline 1: Whoosh BM25F over lowercase \w+ syllables -----------------------------

def _plain_analyzer():
    return RegexTokenizer(r"\w+") | LowercaseFilter()


def plain_bm25(dataset: RelevanceSet, directory: Path) -> Ranker:
    """Whoosh's BM25F (default B, K1) over one field of lowercased \\w+ runs; query terms OR-ed."""
    if not _cached(directory, dataset):
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        started = time.monotonic()
        ix = whoosh_index.create_in(str(directory), Schema(id=ID(stored=True), body=TEXT(analyzer=_plain_analyzer())))
        writer = ix.writer(limitmb=256)
        for doc_id, text in dataset.corpus.items():
            writer.add_document(id=doc_id, body=text)
        writer.commit()
        _mark_done(directory, dataset, time.monotonic() - started)
    searcher = whoosh_index.open_dir(str(directory)).searcher()
    analyzer = _plain_analyzer()

    def rank(text: str) -> list[str]:
        terms = list(dict.fromkeys(t.text for t in analyzer(text)))
        if not terms:
            return []
        results = searcher.search(wq.Or([wq.Term("body", t) for t in terms]), limit=CUTOFF)
        return [hit["id"] for hit in results]

    return rank


# --- baseline 2: SQLite FTS5 -----------------------------------------------------------

def fts5(dataset: RelevanceSet, directory: Path) -> Ranker:
    """FTS5 with `unicode61 remove_diacritics 2`, bm25 order, whitespace-split terms quoted and OR-ed."""
    path = directory / "fts5.sqlite"
    if not _cached(directory, dataset):
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        started = time.monotonic()
        with sqlite3.connect(path) as db:
            db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, "
                       "tokenize = 'unicode61 remove_diacritics 2')")
            db.executemany("INSERT INTO docs (id, body) VALUES (?, ?)", dataset.corpus.items())
        _mark_done(directory, dataset, time.monotonic() - started)
    db = sqlite3.connect(path)

    def rank(text: str) -> list[str]:
        terms = ['"' + t.replace('"', '""') + '"' for t in text.split() if re.search(r"\w", t)]
        if not terms:
            return []
        rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                          (" OR ".join(terms), CUTOFF))
        return [row[0] for row in rows]

    return rank


BASELINES: dict[str, Callable[[RelevanceSet, Path], Ranker]] = {"plain BM25": plain_bm25, "FTS5": fts5}
SYSTEMS = ("ours", *BASELINES)


def measure(dataset: RelevanceSet, rankers: dict[str, Ranker],
            variants: Iterable[str] = tuple(VARIANTS)) -> list[SystemResult]:
    """Every system on every query variant of the set."""
    results = []
    for name, rank in rankers.items():
        result = SystemResult(name)
        refused_before = getattr(rank, "failures", 0)
        for variant in variants:
            started = time.perf_counter()
            result.means[variant], result.per_query[variant] = evaluate(rank, dataset, ALL_VARIANTS[variant])
            result.seconds[variant] = time.perf_counter() - started
        result.failures = getattr(rank, "failures", 0) - refused_before
        results.append(result)
    return results


def rankers_for(dataset: RelevanceSet, limits: str = "", jobs: int | None = None,
                systems: Iterable[str] = tuple(SYSTEMS), root: Path = CACHE,
                services: ExitStack | None = None, respelling: bool = True) -> dict[str, Ranker]:
    """Builds or reuses each system's index of the set; ours is served until `services` closes
    (without one, until Python exits)."""
    made: dict[str, Ranker] = {}
    for name in systems:
        directory = cache_dir(dataset, "ours" if name == "ours" else name.replace(" ", "-").lower(), limits, root)
        if name == "ours":
            made[name] = ours(dataset, directory, services or _until_exit(), jobs, respelling)
        else:
            made[name] = BASELINES[name](dataset, directory)
    return made


def target_checks(results: list[SystemResult]) -> list[tuple[str, float, float, bool]]:
    """(target, measured, required, met) for the issue's four targets on one set."""
    by_name = {r.name: r for r in results}
    if "as written" not in by_name.get("ours", SystemResult("")).means:
        return []  # the targets are ours against the baselines: nothing to check without ours as written
    ndcg = {v: by_name["ours"].means[v]["nDCG@10"] for v in by_name["ours"].means}
    written = ndcg["as written"]
    checks = []
    baselines = [r.means["as written"]["nDCG@10"] for r in results if r.name != "ours" and "as written" in r.means]
    if baselines:
        best = max(baselines)
        checks.append(("as written ≥ best baseline + 0.01", written, best + MARGIN_OVER_BASELINE,
                       written >= best + MARGIN_OVER_BASELINE))
    if "no diacritics" in ndcg:
        need = UNACCENTED_RATIO * written
        checks.append(("no diacritics ≥ 0.97 × as written", ndcg["no diacritics"], need, ndcg["no diacritics"] >= need))
    for variant in ("NFD", "tone swapped"):
        if variant in ndcg:
            gap = abs(ndcg[variant] - written)
            checks.append((f"{variant} within 0.005 of as written", ndcg[variant], written,
                           gap <= FORM_TOLERANCE))
    return checks


def table(dataset: RelevanceSet, results: list[SystemResult], markdown: bool = False) -> str:
    """The figures of one set as a plain or Markdown table, with the target checks below."""
    head = ["system", "query", *METRICS, "q/s"]
    rows = []
    for result in results:
        for variant, means in result.means.items():
            rate = len(dataset.queries) / result.seconds[variant] if result.seconds[variant] else 0.0
            rows.append([result.name, variant, *(f"{means[m]:.4f}" for m in METRICS), f"{rate:.0f}"])
    title = f"{dataset.name}: {len(dataset.queries)} queries, {len(dataset.corpus)} documents"
    checks = [f"{'met' if ok else 'MISSED'}: {what} ({got:.4f} vs {need:.4f})"
              for what, got, need, ok in target_checks(results)]
    if markdown:
        lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines + [""] + [f"- {c}" for c in checks]) + "\n"
    widths = [max(len(str(x)) for x in column) for column in zip(head, *rows)]
    fmt = "  ".join(f"{{:<{w}}}" if i < 2 else f"{{:>{w}}}" for i, w in enumerate(widths))
    lines = [title, fmt.format(*head)] + [fmt.format(*row) for row in rows]
    return "\n".join(lines + [f"  {c}" for c in checks]) + "\n"


def analysis_speed(dataset: RelevanceSet, documents: int = ANALYSIS_SAMPLE) -> str:
    """Our analysis' characters per CPU second on the set's own documents, beside pyvi's word
    segmentation when it is installed (the `bench` extra); bench.analysis_speed measures more."""
    articles = [Article(id=doc_id, body=text) for doc_id, text in islice(dataset.corpus.items(), documents)]
    try:
        rates = chars_per_second(articles, repeat=2)
    except ImportError:
        ours = chars_per_second(articles, repeat=2, stages=[OURS])[OURS]
        return f"analysis: ours {ours:,.0f} chars/s per core (pyvi not installed: pip install -e '.[bench]')"
    slowdown = rates[PYVI] / rates[OURS]
    verdict = "met" if slowdown <= MAX_SLOWDOWN else "MISSED"
    return (f"analysis of {len(articles)} documents: ours {rates[OURS]:,.0f} chars/s per core, pyvi alone "
            f"{rates[PYVI]:,.0f}: {verdict}, {slowdown:.2f}× pyvi's time (bound {MAX_SLOWDOWN:.1f}×)")


ALL_VARIANTS = {**VARIANTS, **EXTRA_VARIANTS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit-docs", type=int, help="index at most this many documents (plus the judged ones)")
    parser.add_argument("--limit-queries", type=int, help="ask only the first N queries")
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(ALL_VARIANTS),
                        help="ways of asking each query (default: all but 'quotes as text')")
    parser.add_argument("--jobs", type=int, help="indexing processes (default: every core)")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown to this file")
    parser.add_argument("--without-respelling", action="store_true",
                        help="search unaccented queries once, without their best documents' spellings "
                             "(the server runs with indexer.search.respell.DOCUMENTS = 0)")
    args = parser.parse_args(argv)
    if not IR_DEV.is_dir():
        print(f"no relevance sets at {IR_DEV}", file=sys.stderr)
        return 2
    limits = f"-d{args.limit_docs}" if args.limit_docs else ""  # queries do not change an index
    markdown = []
    missed = 0
    for name in args.sets:
        dataset = load_set(name, args.limit_docs, args.limit_queries)
        started = time.monotonic()
        with ExitStack() as services:  # our server runs for this set only
            try:
                rankers = rankers_for(dataset, limits, args.jobs, args.systems, services=services,
                                      respelling=not args.without_respelling)
                print(f"[{name}: indexes ready in {time.monotonic() - started:.0f} s]", flush=True)
                results = measure(dataset, rankers, args.variants)
            except ServiceError as error:
                print(f"bench.relevance: {name}: {error}", file=sys.stderr)
                return 1
        print(table(dataset, results), flush=True)
        for result in results:
            if result.failures:
                examples = "; ".join(getattr(rankers[result.name], "refusals", []))
                print(f"  {result.name}: {result.failures} queries refused with HTTP 400, ranked as empty "
                      f"(e.g. {examples})\n", flush=True)
        markdown.append(table(dataset, results, markdown=True))
        if "ours" in args.systems:
            speed = analysis_speed(dataset)
            print(speed + "\n", flush=True)
            markdown.append(f"- {speed}\n")
        missed += sum(1 for *_, ok in target_checks(results) if not ok) if "ours" in args.systems else 0
    if args.markdown:
        args.markdown.write_text("\n".join(markdown), encoding="utf-8")
    print(f"targets missed: {missed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
