"""How often "Did you mean" proposes what a user meant, over an index of 20,000 news articles.

    python -m bench.suggestions [--in-process] [--articles 20000]

Builds (once, cached under var/bench/suggestions/ by index format) an index of the first
articles of VietNews with the real CLI (`vnsearch index FILE.jsonl --rebuild`), serves it
with `vnsearch serve` on a free port, and asks `GET /api/v1/search?q=TYPO` for every typo of
bench/typos.tsv. Prints, per kind of typo and overall, the share whose suggestion is the
intended query (both sides compared in `canonical` spelling), the share without a
suggestion, the share with a wrong one, and the share the search asks about at all (it asks
for a suggestion only when a query finds few documents: `indexer.search.search.asks_for_suggestion`,
fewer than 10 for a query matched by its spelling, fewer than 3 otherwise); then every wrong
suggestion and every typo left without one; then any suggestion offered for correctly
spelled queries that find results (there should be none).

`--in-process` calls `indexer.search.suggest.suggest` itself for every query, whatever it found,
with the query's total and a `count` made from the real search: what the algorithm proposes
also where the search would not ask, how many right suggestions the count check refuses
(the intended query finds no more than the typo), and its CPU time per call.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.service import SearchClient, running_service
from indexer.search.query import parse_query
from indexer.search.handle import IndexHandle
from indexer.search.results import SearchRequest
from indexer.search.search import FEW_EXACT_MATCHES, FEW_MATCHES, asks_for_suggestion, run_search
from indexer.index.store import format_record
from indexer.search.suggest import suggest
from indexer.text.vietnamese import canonical

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "vietnews-train.jsonl.gz"
TYPOS = Path(__file__).resolve().parent / "typos.tsv"
WORK = ROOT / "var" / "bench" / "suggestions"
ARTICLES = 20_000
# The search asks for a suggestion when a query finds fewer documents than this (indexer.search.search).
VNSEARCH = Path(sys.executable).parent / "vnsearch"

# Correctly spelled queries that find plenty in the first 20,000 articles: a suggestion for
# any of them is a false alarm.
CORRECT_QUERIES = (
    "tham nhũng", "Hà Nội", "thủ tướng", "Đà Nẵng", "giáo dục", "bão lụt", "công an",
    "tai nạn giao thông", "Nguyễn Xuân Phúc", "công nghệ thông tin", "thành phố Hồ Chí Minh",
    "bóng đá", "ung thư", "giá vàng", "chứng khoán", "bệnh viện", "ma túy", "học sinh",
    "xuất khẩu gạo", "biển Đông", "hành chính", "điều tra",
)


def index_dir(articles: int) -> Path:
    """Where the index of the first `articles` articles is kept for this index format."""
    record = format_record()
    return WORK / f"index-{articles}-s{record['schema_version']}-a{record['analyzer_version']}"


def ensure_index(articles: int) -> Path:
    """The cached index, built with `vnsearch index` when it is absent or of another format."""
    directory = index_dir(articles)
    stamp = directory / "bench-format.json"
    wanted = {**format_record(), "articles": articles}
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        return directory
    WORK.mkdir(parents=True, exist_ok=True)
    source = WORK / f"vietnews-first-{articles}.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines, source.open("w", encoding="utf-8") as out:
        for n, line in enumerate(lines):
            if n >= articles:
                break
            record = json.loads(line)
            out.write(json.dumps({k: record.get(k, "") for k in ("id", "title", "abstract", "body")},
                                 ensure_ascii=False) + "\n")
    shutil.rmtree(directory, ignore_errors=True)
    started = time.perf_counter()
    print(f"building an index of {articles} articles in {directory} ...", flush=True)
    run = subprocess.run([str(VNSEARCH), "index", str(source), "--index", str(directory), "--rebuild"],
                         cwd=ROOT, capture_output=True, text=True)
    # Exit status 1: indexed, with some articles refused (listed); 2: no index.
    if run.returncode not in (0, 1):
        raise RuntimeError(f"vnsearch index failed ({run.returncode}): {run.stderr.strip()[-2000:]}")
    print(run.stdout.splitlines()[0] if run.stdout else "", f"(wall {time.perf_counter() - started:.0f} s)", flush=True)
    source.unlink()
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    return directory


@dataclass(frozen=True)
class Typo:
    typo: str
    intended: str
    kind: str


@dataclass(frozen=True)
class Answer:
    """What one query got: how many it found and the suggestion offered, if any."""

    total: int
    suggestion: str | None
    ms: float = 0.0  # CPU time spent in suggest() besides its count searches (in-process only)
    unchecked: str | None = None  # what suggest() proposes without the count check (in-process only)


def load_typos(path: Path = TYPOS) -> list[Typo]:
    with path.open(encoding="utf-8", newline="") as rows:
        return [Typo(r["typo"], r["intended"], r["kind"]) for r in csv.DictReader(rows, delimiter="\t")]


class Served:
    """The search page's JSON API over a running `vnsearch serve`, asked as a browser would."""

    def __init__(self, client: SearchClient) -> None:
        self.client = client

    def ask(self, q: str) -> Answer:
        found = self.client.get_json("/api/v1/search", {"q": q, "per_page": 1})
        return Answer(found["total"], found.get("suggestion"))


class InProcess:
    """suggest() called directly for every query, whatever it found, with the search's own count."""

    def __init__(self, directory: Path) -> None:
        self.handle = IndexHandle(directory)

    def _total(self, q: str) -> int:
        return run_search(self.handle, SearchRequest(q=q, per_page=1), snippets=False).total

    def ask(self, q: str) -> Answer:
        total = self._total(q)
        words = parse_query(q).words
        reader = self.handle.searcher().reader()
        searching = []

        def count(text: str) -> int:
            begun = time.thread_time()
            found = self._total(text)
            searching.append(time.thread_time() - begun)  # the search's cost, not suggest()'s
            return found

        started = time.thread_time()
        suggestion = suggest(words, reader, total=total, count=count)
        ms = (time.thread_time() - started - sum(searching)) * 1000
        return Answer(total, suggestion, ms, suggest(words, reader))

    def stop(self) -> None:
        self.handle.close()


def ask_all(engine: Served | InProcess, typos: list[Typo]) -> tuple[list[Answer], dict[str, Answer]]:
    """The answers to every typo, and to every correctly spelled query."""
    return [engine.ask(t.typo) for t in typos], {q: engine.ask(q) for q in CORRECT_QUERIES}


def asked_about(q: str, answer: Answer) -> bool:
    """Whether the search looks for a suggestion for `q`, as it decides for the server's answer."""
    return asks_for_suggestion(parse_query(q), answer.total)


def same(a: str | None, b: str) -> bool:
    """Whether a suggestion is the intended query, in the index's canonical spelling."""
    return a is not None and canonical(a) == canonical(b)


def report(typos: list[Typo], answers: list[Answer], correct: dict[str, Answer], in_process: bool) -> None:
    """Per kind and overall: right, none, wrong, asked (and refused, in process); the wrong
    ones and those left without; false alarms on correct queries; the time of a call."""
    by_kind: dict[str, list[tuple[Typo, Answer]]] = defaultdict(list)
    for typo, answer in zip(typos, answers):
        by_kind[typo.kind].append((typo, answer))
    rows = [*by_kind.items(), ("overall", list(zip(typos, answers)))]
    refused_column = f"{'refused':>9}" if in_process else ""
    print(f"{'kind':<15}{'typos':>6}{'right':>8}{'none':>8}{'wrong':>8}{'asked':>8}{refused_column}")
    for kind, pairs in rows:
        n = len(pairs)
        right = sum(same(a.suggestion, t.intended) for t, a in pairs)
        none = sum(a.suggestion is None for _, a in pairs)
        asked = sum(asked_about(t.typo, a) for t, a in pairs)
        refused = sum(a.suggestion is None and same(a.unchecked, t.intended) for t, a in pairs)
        print(f"{kind:<15}{n:>6}{right / n:>8.0%}{none / n:>8.0%}{(n - right - none) / n:>8.0%}{asked / n:>8.0%}"
              + (f"{refused / n:>9.0%}" if in_process else ""))
    print(f"asked: the typo finds fewer than {FEW_EXACT_MATCHES} documents (typed with diacritics) or {FEW_MATCHES} "
          "(without), so the search asks for a suggestion")
    if in_process:
        print("refused: suggest() had the intended query but it finds no more than the typo (count ≤ total)")
    wrong = [(t, a) for t, a in zip(typos, answers) if a.suggestion is not None and not same(a.suggestion, t.intended)]
    print(f"\nwrong suggestions ({len(wrong)}):")
    for t, a in wrong:
        print(f"  [{t.kind}] {t.typo!r} → {a.suggestion!r} (meant {t.intended!r}; the typo found {a.total})")
    missed = [(t, a) for t, a in zip(typos, answers) if a.suggestion is None]
    print(f"\nno suggestion ({len(missed)}):")
    for t, a in missed:
        print(f"  [{t.kind}] {t.typo!r} (meant {t.intended!r}; the typo found {a.total})")
    alarms = {q: a for q, a in correct.items() if a.suggestion is not None}
    finding = sum(not asked_about(q, a) for q, a in correct.items())
    print(f"\ncorrectly spelled queries ({len(correct)}, {finding} finding too many to ask): "
          f"{len(alarms)} with a suggestion")
    for q, a in alarms.items():
        print(f"  {q!r} (found {a.total}) → {a.suggestion!r}")
    timed = sorted(a.ms for a in [*answers, *correct.values()] if a.ms)
    if timed:
        print(f"\nsuggest() CPU time besides its count searches: median {timed[len(timed) // 2]:.1f} ms, "
              f"p90 {timed[int(len(timed) * 0.9)]:.1f} ms, max {timed[-1]:.1f} ms over {len(timed)} calls")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--in-process", action="store_true",
                        help="call suggest() with total and count directly instead of asking the server")
    parser.add_argument("--build-only", action="store_true", help="build the cached index and stop")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    directory = ensure_index(args.articles)
    if args.build_only:
        return 0
    typos = load_typos()
    if args.in_process:
        engine = InProcess(directory)
        try:
            answers, correct = ask_all(engine, typos)
        finally:
            engine.stop()
    else:
        with running_service(directory) as client:
            answers, correct = ask_all(Served(client), typos)
    mode = ("suggest() called for every query (in process)" if args.in_process
            else f"GET /api/v1/search on {directory.name}")
    print(f"{len(typos)} typos of bench/typos.tsv, {args.articles} VietNews articles; {mode}\n")
    report(typos, answers, correct, args.in_process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
