"""Latency of key terms and similar articles through the real HTTP API, beside the plain search.

    python -m bench.research --index /work/bench100k-terms/index-ours
    python -m bench.research --index DIR --out bench/results/research.json

`vnsearch serve` runs on the index (bench.service.running_service) and one client asks, for
each query of bench.scale's mix (keywords, unaccented, phrases, filtered; the browses have
no query to describe), `GET /api/v1/search` (the baseline: what the user already waits for),
`GET /api/v1/terms` with the same parameters, and `GET /api/v1/documents/<id>/similar` for
the query's first hit, interleaved so that the machine's load falls on all three alike.
Every query is asked twice: the first time nothing of it is cached (key terms keep each
term's document frequency once looked up, and each search's terms), the second time as a
user paging on or back would ask. Latency is wall time seen by the client, in milliseconds. A warm-up of other queries
first opens the index's per-generation tables, which every server builds once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

from bench.service import SearchClient, running_service
from bench.workload import BenchQuery, corpus_available, mix_titles, query_mix

WARM_UP_SEED = 11  # another draw of the mix than the timed one (seed 6), so nothing timed is cached
WARM_UP_QUERIES = 8
# The targets at 100k articles.
TARGETS_MS = {"terms": 200.0, "similar": 150.0}


def params_of(query: BenchQuery) -> dict[str, str]:
    """The search parameters of a query of the mix, as the API takes them."""
    params = {"q": query.q}
    if query.organizer:
        params["organizer"] = query.organizer
    if query.source:
        params["source"] = query.source
    if query.date_from:
        params["date_from"] = query.date_from
    if query.date_to:
        params["date_to"] = query.date_to
    return params


def timed(client: SearchClient, path: str, params: dict | None = None) -> tuple[float, dict]:
    started = time.perf_counter()
    body = client.get_json(path, params)
    return (time.perf_counter() - started) * 1000, body


def measure(client: SearchClient, queries: list[BenchQuery]) -> dict[str, list[float]]:
    """Milliseconds of each endpoint per query, first asks and repeated asks apart."""
    times: dict[str, list[float]] = {name: [] for name in
                                     ("search", "terms", "similar", "search again", "terms again", "similar again")}
    for again in ("", " again"):
        for query in queries:
            params = params_of(query)
            elapsed, page = timed(client, "/api/v1/search", params)
            times["search" + again].append(elapsed)
            times["terms" + again].append(timed(client, "/api/v1/terms", params)[0])
            if page["hits"]:
                path = f"/api/v1/documents/{quote(page['hits'][0]['id'], safe='')}/similar"
                times["similar" + again].append(timed(client, path)[0])
    return times


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"p50": round(statistics.median(ordered), 1), "p95": round(p95, 1), "n": len(ordered)}


def worded_mix(program: str) -> tuple[list[BenchQuery], list[BenchQuery]] | None:
    """The queries of bench.scale's mix that have words, and a warm-up of others drawn apart from
    them; None, said on stderr, when the corpus whose titles the mix is drawn from is absent."""
    if not corpus_available():
        print(f"{program}: the corpus (../shared/data/vietnews-train.jsonl.gz) is absent; "
              "the query mix is drawn from its titles", file=sys.stderr)
        return None
    titles = mix_titles()
    timed = [q for q in query_mix(titles) if q.q]
    return timed, [q for q in query_mix(titles, seed=WARM_UP_SEED) if q.q][:WARM_UP_QUERIES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="index directory (of the current format)")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    mixes = worded_mix("bench.research")
    if mixes is None:
        return 2
    timed_queries, warm_up = mixes
    with running_service(args.index) as client:
        documents = client.get_json("/healthz")["documents"]
        for query in warm_up:
            client.get_json("/api/v1/search", params_of(query))
            client.get_json("/api/v1/terms", params_of(query))
        times = measure(client, timed_queries)
    figures = {name: summary(values) for name, values in times.items() if values}
    print(f"bench.research: {documents} documents, {len(timed_queries)} queries (bench.scale's mix without browses), "
          "wall ms through HTTP")
    print(f"{'endpoint':<42}{'p50':>8}{'p95':>8}{'n':>6}")
    labels = {"search": "GET /api/v1/search (baseline)", "terms": "GET /api/v1/terms",
              "similar": "GET /api/v1/documents/<id>/similar"}
    for name in ("search", "terms", "similar"):
        for again, note in (("", "first ask"), (" again", "asked again")):
            found = figures.get(name + again)
            if found:
                print(f"{labels[name] + ' (' + note + ')':<42}{found['p50']:>8}{found['p95']:>8}{found['n']:>6}")
    for name, target in TARGETS_MS.items():
        if name in figures:
            verdict = "meets" if figures[name]["p95"] <= target else "MISSES"
            print(f"{name}: first-ask p95 {figures[name]['p95']} ms {verdict} the target of {target:.0f} ms")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"documents": documents, "queries": len(timed_queries), "figures": figures},
                                       indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
