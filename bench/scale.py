"""The scale benchmark: build and query vnsearch beside Whoosh, FTS5 and tantivy at several sizes.

    python -m bench.scale                      # 10k, 50k and 100k documents
    python -m bench.scale --sizes 10000 --out bench/results

Every engine grows one index through the sizes in stages (10k, then the next 40k added
and committed, then the next 50k), so the build time quoted at N documents is the
cumulative time of the stages up to N: the incremental path, which is also how the
index is maintained. Each stage runs in a child process whose peak memory is measured;
after each stage the engine answers the same query mix (in another child process) with
total and all facets. Figures go to
`<out>/scale-<N>.json`; `bench.report` turns the JSON files into Markdown and a PNG chart.
Indexes and per-query details stay under `--work` (default var/bench).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.baselines import ENGINES, FACETS, Answer
from bench.workload import CORPUS, BenchQuery, corpus_available, mix_titles, query_mix, read_corpus

ROOT = Path(__file__).resolve().parent.parent
ALL_ENGINES = ("ours", "whoosh", "fts5", "tantivy")
# Timed passes over the query mix per engine (Whoosh's groupedby is slow: one pass).
PASSES = {"ours": 2, "whoosh": 1, "fts5": 2, "tantivy": 2}


class OursEngine:
    """vnsearch itself through `run_search`, as the API calls it (snippets included)."""

    name = "ours"

    @staticmethod
    def build(articles, directory: Path, first: bool = True, jobs: int | None = None) -> None:
        from indexer.index.build import build_index

        summary = build_index(articles, directory, rebuild=first, jobs=jobs)
        if summary.failures:
            raise RuntimeError(f"{len(summary.failures)} failures, first: {summary.failures[0]}")

    def __init__(self, directory: Path) -> None:
        from indexer.search.handle import IndexHandle

        self.handle = IndexHandle(directory)

    def search(self, query: BenchQuery) -> Answer:
        from indexer.search.results import SearchRequest
        from indexer.search.search import run_search

        request = SearchRequest(q=query.q, organizer=(query.organizer,) if query.organizer else (),
                                source=(query.source,) if query.source else (),
                                date_from=query.date_from, date_to=query.date_to)
        page = run_search(self.handle, request)
        facets = {name: {v.value: v.count for v in values if v.count} for name, values in page.facets.items()}
        return Answer(page.total, facets, [hit.id for hit in page.hits])


def engine_class(name: str):
    return OursEngine if name == "ours" else ENGINES[name]


# ---------------------------------------------------------------- child processes

def child_read(size: int, start: int) -> dict:
    """Reading alone (gzip + JSON + Article), the floor every build includes."""
    started = time.perf_counter()
    docs = chars = text_bytes = 0
    for a in read_corpus(size, start):
        docs += 1
        text = f"{a.title or ''}\n{a.body}"
        chars += len(text)
        text_bytes += len(text.encode("utf-8"))
    return {"docs": docs, "chars": chars, "text_bytes": text_bytes, "seconds": time.perf_counter() - started}


def child_build(engine: str, size: int, start: int, directory: Path, jobs: int | None) -> dict:
    started = time.perf_counter()
    articles = read_corpus(size, start)
    if engine == "ours":
        OursEngine.build(articles, directory, first=start == 0, jobs=jobs)
    else:
        ENGINES[engine].build(articles, directory, first=start == 0)
    return {"seconds": time.perf_counter() - started}


def child_query(engine: str, directory: Path, details: Path) -> dict:
    queries = query_mix(mix_titles())
    started = time.perf_counter()
    searcher = engine_class(engine)(directory)
    first = time.perf_counter()
    answers = [searcher.search(q) for q in queries]  # warm-up pass; ours builds its facet table here
    first_query_ms = (time.perf_counter() - first) * 1000 / len(queries)
    open_ms = (first - started) * 1000
    samples: dict[str, list[float]] = {q.label(): [] for q in queries}
    cpu: dict[str, list[float]] = {q.label(): [] for q in queries}
    for _ in range(PASSES[engine]):
        for q in queries:
            t, c = time.perf_counter(), time.process_time()
            searcher.search(q)
            samples[q.label()].append((time.perf_counter() - t) * 1000)
            cpu[q.label()].append((time.process_time() - c) * 1000)
    # CPU time drifts far less than wall time on a shared machine: it is reported beside it.
    records = [{"kind": q.kind, "label": q.label(), "total": a.total, "facets": a.facets, "ids": a.ids,
                "ms": samples[q.label()], "cpu_ms": cpu[q.label()]} for q, a in zip(queries, answers)]
    details.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return {"open_ms": open_ms, "warmup_mean_ms": first_query_ms}


# ---------------------------------------------------------------- measuring a child

def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its descendants, from /proc (0 when gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_child(args: list[str], log) -> dict:
    """Runs `python -m bench.scale _child ARGS`; returns its JSON plus peak RSS (largest
    process, from wait4) and peak RSS of the whole process tree (sampled every 0.2 s)."""
    command = [sys.executable, "-m", "bench.scale", "_child", *args]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True)
    tree_peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        tree_peak = max(tree_peak, _tree_rss_kb(process.pid))
        time.sleep(0.2)
    out = process.stdout.read() if process.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed (exit {os.waitstatus_to_exitcode(status)}); see the log")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    result["peak_tree_rss_mb"] = tree_peak / 1024
    return result


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def agreement(ours: list[dict], other: list[dict]) -> dict:
    """How many queries the other engine answered with vnsearch's total and facet counts."""
    same_total = same_all = 0
    differ = []
    for a, b in zip(ours, other):
        totals = a["total"] == b["total"]
        facets = all(b["facets"].get(f, {}).get(v, 0) == n for f in FACETS for v, n in a["facets"].get(f, {}).items())
        same_total += totals
        same_all += totals and facets
        if not totals:
            differ.append({"query": a["label"], "ours": a["total"], "other": b["total"]})
    return {"same_total": same_total, "same_total_and_facets": same_all, "queries": len(ours), "differ": differ}


def latency(records: list[dict], kinds: tuple[str, ...] | None = None, key: str = "ms") -> dict:
    values = [ms for r in records if kinds is None or r["kind"] in kinds for ms in r.get(key, [])]
    if not values:
        return {}
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "p99": percentile(values, 99),
            "mean": statistics.fmean(values), "samples": len(values)}


def measure_size(size: int, previous: dict | None, engines: tuple[str, ...], work: Path, jobs: int,
                 log) -> dict:
    """Everything measured at one corpus size, growing the indexes of the `previous` stage."""
    start = previous["size"] if previous else 0
    print(f"== {size} documents (adding {start + 1}..{size})", flush=True)
    result: dict = {"size": size, "stage_from": start, "engines": {}}
    read = run_child(["read", str(size), str(start)], log)
    if previous:
        for key in ("docs", "chars", "text_bytes", "seconds"):
            read[key] += previous["read"][key]
    result["read"] = read
    mb = read["text_bytes"] / 1e6
    print(f"   read: {read['docs']} docs, {mb:.1f} MB of text in {read['seconds']:.1f}s", flush=True)
    records: dict[str, list[dict]] = {}
    for engine in engines:
        directory = work / f"index-{engine}"
        if start == 0 and directory.exists():
            subprocess.run(["rm", "-rf", str(directory)], check=True)
        build = run_child(["build", engine, str(size), str(start), str(directory), str(jobs)], log)
        build["stage_seconds"] = build["seconds"]
        if previous:
            before = previous["engines"][engine]["build"]
            build["seconds"] += before["seconds"]
            build["peak_rss_mb"] = max(build["peak_rss_mb"], before["peak_rss_mb"])
            build["peak_tree_rss_mb"] = max(build["peak_tree_rss_mb"], before["peak_tree_rss_mb"])
        size_bytes = sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())
        build.update(docs_per_s=read["docs"] / build["seconds"], mb_per_s=mb / build["seconds"],
                     stage_docs_per_s=(size - start) / build["stage_seconds"],
                     index_mb=size_bytes / 1e6, jobs=jobs if engine in ("ours", "tantivy") else 1)
        print(f"   {engine} build: {build['seconds']:.1f}s, {build['docs_per_s']:.0f} docs/s "
              f"(this stage {build['stage_docs_per_s']:.0f}), {build['index_mb']:.0f} MB, peak RSS "
              f"{build['peak_rss_mb']:.0f} MB (tree {build['peak_tree_rss_mb']:.0f} MB)", flush=True)
        details = work / f"queries-{engine}-{size}.json"
        query = run_child(["query", engine, str(directory), str(details)], log)
        records[engine] = json.loads(details.read_text(encoding="utf-8"))
        stats = latency(records[engine])
        query.update(latency=stats, cpu=latency(records[engine], key="cpu_ms"), by_kind={k: latency(records[engine], (k,)) for k in
                                             ("keywords", "unaccented", "phrase", "filtered", "browse")})
        print(f"   {engine} queries: p50 {stats['p50']:.1f} ms, p95 {stats['p95']:.1f} ms, "
              f"p99 {stats['p99']:.1f} ms (first pass {query['warmup_mean_ms']:.1f} ms/query)", flush=True)
        result["engines"][engine] = {"build": build, "query": query}
    if "ours" in records:
        for engine in engines:
            if engine != "ours":
                result["engines"][engine]["agreement"] = agreement(records["ours"], records[engine])
    return result


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark; exit 0 also when the corpus is absent (it says so and skips)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        return _child(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=list(ALL_ENGINES), choices=ALL_ENGINES)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="vnsearch analysis processes")
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "bench", help="indexes and details")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="JSON results")
    args = parser.parse_args(argv)
    if not corpus_available():
        print(f"skipped: the benchmark corpus {CORPUS} is absent (it lives in ../shared/data)")
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    previous = None
    with open(args.work / "children.log", "a", encoding="utf-8") as log:
        for size in sorted(args.sizes):
            result = measure_size(size, previous, tuple(args.engines), args.work, args.jobs, log)
            result["machine"] = machine()
            previous = result
            (args.out / f"scale-{size}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")
    return 0


def machine() -> dict:
    """Where the figures were measured."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    snapshot = ROOT / "COMMIT"  # a `git archive` copy records its commit here
    code = snapshot.read_text().strip() if snapshot.exists() else commit.stdout.strip()
    return {"code": code, "cpus": os.cpu_count(), "cpu": cpu, "load_avg": os.getloadavg(), "python": sys.version.split()[0],
            "when": time.strftime("%Y-%m-%d %H:%M:%S")}


def _child(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "read":
        result = child_read(int(argv[1]), int(argv[2]))
    elif kind == "build":
        result = child_build(argv[1], int(argv[2]), int(argv[3]), Path(argv[4]), int(argv[5]))
    else:
        result = child_query(argv[1], Path(argv[2]), Path(argv[3]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
