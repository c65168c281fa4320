"""Latency and size of the exports (CSV with snippets, RIS) through the real HTTP API, beside the search.

    python -m bench.exports --index /work/bench100k-r3/index-ours

`vnsearch serve` runs on the index (bench.service.running_service) and one client asks, for
each query of bench.scale's mix (the browses have no query to export), `GET /api/v1/search`
(the baseline: one page of ten), `GET /api/v1/search.csv` (every match up to CSV_MAX_ROWS,
each with its snippet) and `GET /api/v1/search.ris` (the same matches as citations, no
snippets), interleaved so that the machine's load falls on all three alike. The figures are
wall time seen by the client in milliseconds, and the rows and megabytes of each answer, so a
slow export shows whether it is slow for its size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench.research import params_of, summary, worded_mix
from bench.service import SearchClient, running_service
from bench.workload import BenchQuery

ENDPOINTS = {"search": "/api/v1/search", "csv": "/api/v1/search.csv", "ris": "/api/v1/search.ris"}
LABELS = {"search": "GET /api/v1/search (baseline, 10 hits)", "csv": "GET /api/v1/search.csv (snippets)",
          "ris": "GET /api/v1/search.ris"}


def measure(client: SearchClient, queries: list[BenchQuery]) -> dict[str, list[tuple[float, int, int]]]:
    """(milliseconds, rows, bytes) of each endpoint's answer to each query."""
    answers: dict[str, list[tuple[float, int, int]]] = {name: [] for name in ENDPOINTS}
    for query in queries:
        for name, path in ENDPOINTS.items():
            started = time.perf_counter()
            status, body, headers = client.get(path, params_of(query))
            elapsed = (time.perf_counter() - started) * 1000
            if status != 200:
                raise RuntimeError(f"{path} {params_of(query)}: HTTP {status}: {body[:200]!r}")
            rows = len(json.loads(body)["hits"]) if name == "search" else int(headers["X-Rows"])
            answers[name].append((elapsed, rows, len(body)))
    return answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="index directory (of the current format)")
    args = parser.parse_args(argv)
    mixes = worded_mix("bench.exports")
    if mixes is None:
        return 2
    timed_queries, warm_up = mixes
    with running_service(args.index) as client:
        documents = client.get_json("/healthz")["documents"]
        measure(client, warm_up)
        answers = measure(client, timed_queries)
    print(f"bench.exports: {documents} documents, {len(timed_queries)} queries (bench.scale's mix without "
          "browses), wall ms through HTTP")
    print(f"{'endpoint':<42}{'p50':>8}{'p95':>8}{'max':>8}{'rows p50':>10}{'rows max':>10}{'MB max':>8}")
    for name in ENDPOINTS:
        times = summary([ms for ms, _, _ in answers[name]])
        rows = sorted(r for _, r, _ in answers[name])
        largest = max(size for _, _, size in answers[name]) / 1e6
        slowest = max(ms for ms, _, _ in answers[name])
        print(f"{LABELS[name]:<42}{times['p50']:>8}{times['p95']:>8}{slowest:>8.0f}{rows[len(rows) // 2]:>10}"
              f"{rows[-1]:>10}{largest:>8.1f}")
    csv = sorted(answers["csv"], key=lambda answer: -answer[1])[0]
    print(f"largest CSV: {csv[1]} rows in {csv[0]:.0f} ms ({csv[0] / max(csv[1], 1):.2f} ms a row, "
          f"{csv[2] / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
