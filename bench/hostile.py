"""Hostile inputs through the real indexing path, beside a normal article, in one run.

Run from the repository root:

    python -m bench.hostile              # every case at full size
    python -m bench.hostile --scale 0.25 # quicker: every hostile input a quarter of its size

Each case builds its input in memory and sends it where `vnsearch index` sends a file:
`PendingArticle.resolve` (decoding, HTML reading, metadata extraction) and then
`indexer.index.documents.analyze` (the terms of every field). The last case indexes a JSON Lines file
holding all of them between two normal articles with `vnsearch index` into a fresh index.

Every case is also run at half its size: the ratio of the two times is about 2 for a step
that is linear in its input and about 4 for a quadratic one. Times are this process's CPU
seconds (best of `--repeat`), so other work on a shared machine does not skew them. Before
docs/reliability.md's limits, 16,000 nested divs took 90 s, an 800 KB first paragraph 24 s,
a 100,000-character token 103 s and a 19 MB line about 3 hours.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest.articles import ReadFailure
from indexer.index.documents import analyze
from indexer.ingest.reading import PendingArticle

ROOT = Path(__file__).resolve().parents[1]
NORMAL = ROOT / "corpus" / "000_f2bef3335f8d85e7.txt"
_SENTENCE = ("Sáng ngày 12/3/2021, Học viện Hành chính Quốc gia phối hợp với Bộ Nội vụ tổ chức "
             "Hội thảo khoa học về cải cách hành chính và chuyển đổi số. ")
_LEAD = "Hội thảo khoa học về cải cách hành chính\n" + _SENTENCE * 3 + "\n"


@dataclass(frozen=True)
class Case:
    name: str
    size: int  # in the unit the name gives
    build: Callable[[int], PendingArticle]


def nested_divs(depth: int) -> PendingArticle:
    page = "<html><body>" + "<div>" * depth + f"<p>{_SENTENCE * 3}</p>" + "</div>" * depth + "</body></html>"
    return PendingArticle("html", page.encode(), "nested-divs", "nested-divs.html")


def long_first_paragraph(chars: int) -> PendingArticle:
    paragraph = (_SENTENCE * (chars // len(_SENTENCE) + 1))[:chars]
    return PendingArticle("text", f"Hội thảo khoa học\n{paragraph}\n{_SENTENCE}\n".encode(), "long-paragraph", "p.txt")


def long_token(chars: int) -> PendingArticle:
    return PendingArticle("text", (_LEAD + "a" * chars + " " + _SENTENCE).encode(), "long-token", "t.txt")


def long_line(size: int) -> PendingArticle:
    chars = size * len(_SENTENCE) // len(_SENTENCE.encode())  # about `size` bytes of UTF-8
    body = (_SENTENCE * (chars // len(_SENTENCE) + 1))[:chars]
    record = json.dumps({"id": "long-line", "title": "Hội thảo", "body": body}, ensure_ascii=False)
    return PendingArticle("jsonl", record.encode(), "long-line", "l.jsonl", 1)


def many_elements(count: int) -> PendingArticle:
    page = "<html><body><div>" + f"<p>{_SENTENCE}</p>" + "<b>x</b>" * count + "</div></body></html>"
    return PendingArticle("html", page.encode(), "many-elements", "many.html")


def normal_article(_: int) -> PendingArticle:
    return PendingArticle("text", NORMAL.read_bytes(), "normal", str(NORMAL))


CASES = (
    Case("normal article (baseline), bytes", NORMAL.stat().st_size, normal_article),
    Case("nested divs, levels", 16_000, nested_divs),
    Case("long first paragraph, chars", 800_000, long_first_paragraph),
    Case("long token, chars", 100_000, long_token),
    Case("JSON Lines line, bytes", 19_000_000, long_line),
    Case("HTML elements", 60_000, many_elements),
)


def through_real_path(item: PendingArticle) -> str:
    """Reads, extracts and analyzes one input as an indexing worker does; what became of it."""
    article = item.resolve()
    if isinstance(article, ReadFailure):
        return f"reported: {article.reason}"
    terms = analyze(article)
    return f"indexed: {len(terms['body'])} distinct terms"


def cpu_seconds(item: PendingArticle, repeat: int) -> tuple[float, str]:
    best, outcome = float("inf"), ""
    for _ in range(repeat):
        started = time.process_time()
        outcome = through_real_path(item)
        best = min(best, time.process_time() - started)
    return best, outcome


_SUFFIXES = {"html": ".html", "text": ".txt", "jsonl": ".jsonl"}


def index_end_to_end(scale: float) -> tuple[float, str]:
    """`vnsearch index` on a directory: every hostile input as a file, between two normal ones."""
    from vnsearch.cli import main

    with tempfile.TemporaryDirectory() as directory:
        corpus, report = Path(directory) / "corpus", Path(directory) / "report.json"
        corpus.mkdir()
        for number, case in enumerate(CASES):
            item = case.build(case.size if case.build is normal_article else int(case.size * scale))
            (corpus / f"{number}-{item.id}{_SUFFIXES[item.kind]}").write_bytes(item.data)
        (corpus / "9-normal-again.txt").write_bytes(NORMAL.read_bytes())
        started = time.process_time()  # --jobs 1: everything runs in this process
        status = main(["index", str(corpus), "--index", str(Path(directory) / "index"), "--jobs", "1",
                       "--report", str(report)])
        seconds = time.process_time() - started
        summary = json.loads(report.read_text(encoding="utf-8"))
    failed = "; ".join(f"{Path(f['path']).name}: {f['reason']}" for f in summary["failures"])
    return seconds, f"exit {status}, {summary['added']} indexed, {summary['failed']} reported ({failed})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of every hostile input, times")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs of each case")
    args = parser.parse_args(argv)
    through_real_path(normal_article(0))  # warm-up: lexicons, gazetteer, compiled patterns
    print(f"{'case':36} {'size':>11} {'CPU s':>8} {'half size':>10} {'ratio':>6}  outcome")
    for case in CASES:
        if case.build is normal_article:
            seconds, outcome = cpu_seconds(case.build(0), args.repeat)
            print(f"{case.name:36} {case.size:>11,} {seconds:8.2f} {'':>10} {'':>6}  {outcome}")
            continue
        size = max(2, int(case.size * args.scale))
        seconds, outcome = cpu_seconds(case.build(size), args.repeat)
        half, _ = cpu_seconds(case.build(size // 2), args.repeat)
        ratio = f"{seconds / half:6.1f}" if half >= 0.01 else "     -"
        print(f"{case.name:36} {size:>11,} {seconds:8.2f} {half:10.2f} {ratio}  {outcome}")
    seconds, outcome = index_end_to_end(args.scale)
    print(f"\nvnsearch index on a directory of all of them and two normal articles: {seconds:.1f} CPU s, {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
