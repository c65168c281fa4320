"""The timeline benchmark: 5-query monthly timelines through the real HTTP API, beside searches.

    python -m bench.timeline --index /work/bench100k/index-ours

Starts `vnsearch serve` on the index (bench.service), warms it up, then asks in turn, for
each set of five queries: `GET /api/v1/timeline` with the five (monthly, then weekly and
yearly, then monthly under a source filter), and the baselines of the same run: one
`GET /api/v1/search` of each query alone (the work a timeline repeats five times, plus a
page of hits and snippets), and the five searches one after the other (what a client
would do without the endpoint). Prints p50/p95 of each and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from bench.scale import percentile
from bench.service import ROOT, SearchClient, ServiceError, running_service

# Sets of five subjects a researcher might compare, common words and rarer ones, some phrases.
QUERY_SETS = (
    ("chính phủ", "kinh tế", "giáo dục", "y tế", "du lịch"),
    ("bóng đá", "thời tiết", "giao thông", "tai nạn", "học sinh"),
    ("xuất khẩu", "nông nghiệp", "bất động sản", "ngân hàng", "chứng khoán"),
    ("tham nhũng", "xét xử", "công an", "ma túy", "lừa đảo"),
    ('"biển đông"', "trung quốc", "hoa kỳ", "nhật bản", "hàn quốc"),
    ("bão", "lũ lụt", "hạn hán", "động đất", "cháy rừng"),
    ("điện thoại", "internet", "mạng xã hội", "facebook", "công nghệ"),
    ("hà nội", "đà nẵng", "thành phố hồ chí minh", "cần thơ", "hải phòng"),
)
ROUNDS = 5  # passes over the query sets; each pass times every variant once per set
WARMUP_ROUNDS = 1
ALONE = "baseline: 1 search (each query alone)"
WITHOUT_PHRASES = "[sets without a phrase]"


def timed(call: Callable[[], None]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def fetch(client: SearchClient, path: str, pairs: list[tuple[str, str]]) -> None:
    status, body, _ = client.get(f"{path}?{urlencode(pairs)}")
    if status != 200:
        raise ServiceError(f"GET {path} answered {status}: {body[:300]!r}")


def variants(queries: tuple[str, ...]) -> dict[str, Callable[[SearchClient], None]]:
    many = [("q", q) for q in queries]
    return {
        "timeline, 5 queries, month": lambda c: fetch(c, "/api/v1/timeline", many),
        "timeline, 5 queries, week": lambda c: fetch(c, "/api/v1/timeline", [*many, ("interval", "week")]),
        "timeline, 5 queries, year": lambda c: fetch(c, "/api/v1/timeline", [*many, ("interval", "year")]),
        "timeline, 5 queries, month, source filter": lambda c: fetch(
            c, "/api/v1/timeline", [*many, ("source", "baochinhphu.vn")]),
        "baseline: the 5 searches in sequence": lambda c: [fetch(c, "/api/v1/search", [("q", q)]) for q in queries],
    }


def measure(client: SearchClient, rounds: int, warmup: int) -> dict[str, list[float]]:
    """Milliseconds of each variant; also, apart, those of the sets without a quoted phrase
    (a phrase reads word positions, the dearest kind of query in the search too)."""
    times: dict[str, list[float]] = {}
    for round_number in range(warmup + rounds):
        for queries in QUERY_SETS:
            found = {name: [timed(lambda: call(client))] for name, call in variants(queries).items()}
            found[ALONE] = [timed(lambda: fetch(client, "/api/v1/search", [("q", q)])) for q in queries]
            if round_number < warmup:
                continue
            for name, elapsed in found.items():
                times.setdefault(name, []).extend(elapsed)
                if not any('"' in q for q in queries):
                    times.setdefault(f"{name} {WITHOUT_PHRASES}", []).extend(elapsed)
    return dict(sorted(times.items(), key=lambda item: WITHOUT_PHRASES in item[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline", description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="an index built by vnsearch (e.g. by bench.scale)")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timeline.json")
    args = parser.parse_args(argv)
    if not any(args.index.glob("*.toc")):
        print(f"bench.timeline: no index in {args.index}", file=sys.stderr)
        return 2
    with running_service(args.index) as client:
        documents = client.get_json("/healthz")["documents"]
        times = measure(client, args.rounds, WARMUP_ROUNDS)
    rows = [{"variant": name, "requests": len(values), "p50_ms": round(percentile(values, 50), 1),
             "p95_ms": round(percentile(values, 95), 1)} for name, values in times.items()]
    print(f"{documents} documents, {len(QUERY_SETS)} query sets × {args.rounds} rounds, through HTTP")
    print(f"{'variant':<68} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for row in rows:
        print(f"{row['variant']:<68} {row['requests']:>8} {row['p50_ms']:>8} {row['p95_ms']:>8}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"documents": documents, "query_sets": [list(s) for s in QUERY_SETS],
                                    "rounds": args.rounds, "results": rows}, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
