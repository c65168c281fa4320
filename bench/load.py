"""A small bounded load client against the production server (`vnsearch serve`: waitress, or gunicorn with --workers).

    python -m bench.load --index var/bench/index-ours --out var/bench/load.json

Starts `vnsearch serve` on a free port of 127.0.0.1 (a separate process), then for each
concurrency level runs that many client threads, each with its own keep-alive connection,
cycling through the benchmark's query mix (`bench.workload.query_mix`) on
/api/v1/search until the level's request or time bound is reached. Reports requests/s,
p50/p95/p99 latency, errors (non-200 answers, timeouts, refused or reset connections)
and the servers' resident memory (summed over `--servers` processes, which the client
balances over by thread, as a proxy would); a final overload level shows what happens past
saturation. The client is Python too and shares the machine's cores with the server.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from bench.replicas import start_server
from bench.scale import machine, percentile
from bench.workload import BenchQuery, mix_titles, query_mix
from vnsearch.cli import serve_overrides


def search_path(query: BenchQuery) -> str:
    params = {k: v for k, v in (("q", query.q), ("organizer", query.organizer), ("source", query.source),
                                ("date_from", query.date_from), ("date_to", query.date_to)) if v}
    return "/api/v1/search?" + urllib.parse.urlencode(params)


def run_level(ports: list[int], paths: list[str], concurrency: int, max_requests: int, max_seconds: float,
              timeout: float, sample_rss) -> dict:
    """One concurrency level: `concurrency` threads share a budget of requests and seconds."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    issued = [0]
    started = time.monotonic()
    deadline = started + max_seconds

    def take() -> int | None:
        with lock:
            if issued[0] >= max_requests or time.monotonic() >= deadline:
                return None
            issued[0] += 1
            return issued[0]

    def client(offset: int) -> None:
        port = ports[offset % len(ports)]  # client-side balancing stands in for the proxy
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        while (n := take()) is not None:
            path = paths[(n + offset * 7) % len(paths)]
            t = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                kind = None if response.status == 200 else f"http {response.status}"
            except (OSError, http.client.HTTPException) as error:
                kind = type(error).__name__
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            elapsed = (time.perf_counter() - t) * 1000
            with lock:
                if kind:
                    errors[kind] = errors.get(kind, 0) + 1
                else:
                    latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(concurrency)]
    peak_rss = 0.0
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        peak_rss = max(peak_rss, sample_rss())
        time.sleep(0.25)
    seconds = time.monotonic() - started
    done = len(latencies)
    return {
        "concurrency": concurrency, "requests": done + sum(errors.values()), "ok": done,
        "errors": sum(errors.values()), "error_kinds": errors, "seconds": seconds,
        "req_per_s": done / seconds if seconds else 0.0,
        "p50_ms": percentile(latencies, 50) if latencies else None,
        "p95_ms": percentile(latencies, 95) if latencies else None,
        "p99_ms": percentile(latencies, 99) if latencies else None,
        "server_rss_mb": peak_rss,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="a built vnsearch index")
    parser.add_argument("--threads", type=int, default=8, help="threads of each server process")
    parser.add_argument("--servers", type=int, default=1, help="servers (replicas on their own ports) over the same index")
    parser.add_argument("--workers", type=int, default=1, help="worker processes of each server (vnsearch serve --workers)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--overload", type=int, default=256, help="one more level past saturation (0: none)")
    parser.add_argument("--requests", type=int, default=2000, help="most requests per level")
    parser.add_argument("--seconds", type=float, default=60.0, help="most seconds per level")
    parser.add_argument("--timeout", type=float, default=10.0, help="client timeout per request, seconds")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    paths = [search_path(q) for q in query_mix(mix_titles())]
    log = Path("/tmp/vnsearch-load-server.log")
    servers = [start_server(args.index, threads=args.threads, log_path=log, workers=args.workers)
               for _ in range(args.servers)]
    try:
        documents = servers[0].get_json("/healthz")["documents"]
        for server in servers:
            for path in paths:  # warm-up: the facet table, the field lengths, a few threads' searchers
                try:
                    server.get_json(path, timeout=60)
                except OSError:  # HTTPError too: a refused query is measured in the levels
                    pass
        rss = sum(s.rss_mb()[0] for s in servers)
        print(f"{len(servers)} server(s) on ports {[s.port for s in servers]}: {documents} documents, "
              f"{args.workers} worker process(es) × {args.threads} threads each, RSS after warm-up {rss:.0f} MB",
              flush=True)
        levels = []
        for concurrency in args.concurrency + ([args.overload] if args.overload else []):
            level = run_level([s.port for s in servers], paths, concurrency, args.requests, args.seconds,
                              args.timeout, lambda: sum(s.rss_mb()[0] for s in servers))
            level["server_alive"] = all(s.process.poll() is None for s in servers)
            level["server_pss_mb"] = sum(s.memory_mb()["Pss"] for s in servers)
            levels.append(level)
            p50, p99 = level["p50_ms"] or 0, level["p99_ms"] or 0
            print(f"c={concurrency:>3}: {level['req_per_s']:6.1f} req/s, p50 {p50:6.1f} ms, p99 {p99:7.1f} ms, "
                  f"{level['errors']} errors {level['error_kinds'] or ''}, server RSS {level['server_rss_mb']:.0f} MB "
                  f"(PSS {level['server_pss_mb']:.0f} MB), "
                  f"alive {level['server_alive']}", flush=True)
        memory = [s.memory_mb() for s in servers]
        result = {"documents": documents, "server_memory_mb": memory, "servers": len(servers), "server_workers": args.workers, "server_threads": args.threads,
                  "max_in_flight": int(os.environ.get("SEARCHSVC_MAX_IN_FLIGHT")
                                       or serve_overrides(None, args.threads, os.environ)["MAX_IN_FLIGHT"]),
                  "levels": levels, "server_peak_rss_mb": sum(s.rss_mb()[1] for s in servers), "bounds": {"requests": args.requests,
                  "seconds": args.seconds, "timeout": args.timeout}, "machine": machine()}
    finally:
        for server in servers:
            server.stop()
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
