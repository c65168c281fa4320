"""CPU time per query of one engine over the query mix, on an index `bench.scale` built.

    python -m bench.cpu ours var/bench/index-ours

Prints JSON with the CPU (`time.process_time`) and wall p50/p95 in ms over 2 passes (Whoosh 1)
after an untimed pass. CPU time is what a query costs a core; on a shared machine it drifts far
less than wall time, which also counts the wait for a core.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.scale import engine_class, percentile
from bench.workload import mix_titles, query_mix


def main(argv: list[str] | None = None) -> int:
    engine, directory = (sys.argv[1:] if argv is None else argv)[:2]
    queries = query_mix(mix_titles())
    searcher = engine_class(engine)(Path(directory))
    for q in queries:
        searcher.search(q)
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(1 if engine == "whoosh" else 2):
        for q in queries:
            c, w = time.process_time(), time.perf_counter()
            searcher.search(q)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
    print(json.dumps({"engine": engine, "cpu_p50": percentile(cpu, 50), "cpu_p95": percentile(cpu, 95),
                      "wall_p50": percentile(wall, 50), "wall_p95": percentile(wall, 95)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
