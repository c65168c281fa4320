"""Turns the runner's JSON files into the committed report: Markdown, a small JSON and a PNG.

    python -m bench.report --results var/bench/results --out bench/results

Reads `scale-<N>.json` (from `bench.scale`), and when present `load*.json` (from
`bench.load`, one per index size) and `replicas.json` (from `bench.replicas --out`). Writes
`<out>/scale.md`, `<out>/scale.json` (the figures without per-query detail) and
`<out>/scale.png` (build time and query latency against corpus size).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ENGINES = ("ours", "whoosh", "fts5", "tantivy")
LABELS = {"ours": "vnsearch", "whoosh": "Whoosh StandardAnalyzer (1 core)", "fts5": "SQLite FTS5",
          "tantivy": "tantivy"}
# The goals at 100k documents.
GOAL_P50_MS, GOAL_P95_MS, GOAL_TANTIVY_FACTOR, GOAL_BUILD_VS_WHOOSH = 20.0, 100.0, 3.0, 1.0
GOAL_RPS, GOAL_P99_MS, GOAL_RSS_MB = 200.0, 250.0, 500.0


def load_runs(results: list[Path], details: list[Path]) -> list[dict]:
    """The runs by size; engines measured by several runner invocations at one size are merged
    (the first directory wins), and agreement with vnsearch is computed from the per-query
    details when the run that measured an engine did not measure vnsearch."""
    from bench.scale import agreement

    by_size: dict[int, dict] = {}
    for directory in results:
        for path in sorted(directory.glob("scale-*.json")):
            run = json.loads(path.read_text(encoding="utf-8"))
            merged = by_size.setdefault(run["size"], {**run, "engines": {}, "chains": []})
            merged["chains"].append({"results": str(directory), "engines": list(run["engines"]),
                                     "machine": run["machine"]})
            for name, engine in run["engines"].items():
                merged["engines"].setdefault(name, engine)
            if "ours" in run["engines"]:
                merged["machine"] = run["machine"]
    for size, run in by_size.items():
        ours = _details(details, "ours", size)
        for name, engine in run["engines"].items():
            if name != "ours" and "agreement" not in engine and ours is not None:
                other = _details(details, name, size)
                if other is not None:
                    engine["agreement"] = agreement(ours, other)
    return [by_size[size] for size in sorted(by_size)]


def _details(directories: list[Path], engine: str, size: int) -> list[dict] | None:
    for directory in directories:
        path = directory / f"queries-{engine}-{size}.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    return None


def _within(agreement: dict, fraction: float) -> int:
    """Queries whose total is within `fraction` of vnsearch's."""
    off = sum(1 for d in agreement.get("differ", []) if abs(d["other"] - d["ours"]) > fraction * max(d["ours"], 1))
    return agreement["queries"] - off


def summary(runs: list[dict]) -> list[dict]:
    """Per size, per engine: the build and query figures, and vnsearch's ratios to the others."""
    rows = []
    for run in runs:
        engines = {}
        for name, e in run["engines"].items():
            b, q = e["build"], e["query"]
            engines[name] = {
                "build_s": b["seconds"], "docs_per_s": b["docs_per_s"], "mb_per_s": b["mb_per_s"],
                "index_mb": b["index_mb"], "peak_rss_mb": b["peak_rss_mb"], "peak_tree_rss_mb": b["peak_tree_rss_mb"],
                "jobs": b["jobs"], "p50_ms": q["latency"]["p50"], "p95_ms": q["latency"]["p95"],
                "p99_ms": q["latency"]["p99"], "cpu_p50_ms": q.get("cpu", {}).get("p50"),
                "cpu_p95_ms": q.get("cpu", {}).get("p95"), "first_pass_ms": q["warmup_mean_ms"], "open_ms": q["open_ms"],
                "by_kind": {k: {"p50": v["p50"], "p95": v["p95"]} for k, v in q["by_kind"].items()},
                "agreement": ({**{k: v for k, v in e["agreement"].items() if k != "differ"},
                               "total_within_1pct": _within(e["agreement"], 0.01)} if "agreement" in e else {}),
            }
        ours = engines.get("ours")
        ratios = {}
        if ours:
            for name, e in engines.items():
                if name != "ours":
                    ratios[name] = {"build_docs_per_s": ours["docs_per_s"] / e["docs_per_s"],
                                    "p50": ours["p50_ms"] / e["p50_ms"], "p95": ours["p95_ms"] / e["p95_ms"],
                                    "index_size": ours["index_mb"] / e["index_mb"]}
        rows.append({"size": run["size"], "text_mb": run["read"]["text_bytes"] / 1e6, "machine": run["machine"],
                     "chains": run.get("chains", []), "engines": engines, "ours_over": ratios})
    return rows


def _f(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def markdown(rows: list[dict], loads: list[dict], replicas: dict | None) -> str:
    out = ["# Scale benchmark: vnsearch beside Whoosh, SQLite FTS5 and tantivy", ""]
    if rows:
        m = rows[-1]["machine"]
        out += [f"Measured with `python -m bench.scale` (code {m.get('code', '?')}) on {m['cpus']} × {m['cpu']}, "
                f"Python {m['python']}, finished {m['when']}; load average at the end "
                f"{', '.join(f'{x:.1f}' for x in m['load_avg'])} (a shared machine: quote the ratios).", ""]
    for row in rows:
        if len(row["chains"]) > 1:
            parts = "; ".join(f"{', '.join(LABELS[e] for e in c['engines'])} from `{c['results']}` "
                              f"(finished {c['machine']['when']})" for c in row["chains"])
            out += [f"At {row['size']:,} documents the engines were measured by {len(row['chains'])} runner "
                    f"processes (overlapping in time; where both measured an engine the first listed is "
                    f"shown): {parts}.", ""]
    out += ["## Build", "",
            "| docs | engine | build s | docs/s | MB text/s | index MB | peak RSS MB (largest process) | peak RSS MB (process tree) |",
            "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        for name in ENGINES:
            e = row["engines"].get(name)
            if e:
                out.append(f"| {row['size']:,} | {LABELS[name]} | {_f(e['build_s'])} | {_f(e['docs_per_s'])} | "
                           f"{_f(e['mb_per_s'], 2)} | {_f(e['index_mb'])} | {_f(e['peak_rss_mb'], 0)} | "
                           f"{_f(e['peak_tree_rss_mb'], 0)} |")
    out += ["", "## Queries with total and all five facets (65-query mix)", "",
            "| docs | engine | p50 ms | p95 ms | p99 ms | CPU p50 / p95 ms | first pass ms/query | same total as vnsearch | same total and facets | total within 1% |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        for name in ENGINES:
            e = row["engines"].get(name)
            if e:
                a = e["agreement"]
                same = f"{a['same_total']}/{a['queries']}" if a else "—"
                both = f"{a['same_total_and_facets']}/{a['queries']}" if a else "—"
                near = f"{a['total_within_1pct']}/{a['queries']}" if a else "—"
                out.append(f"| {row['size']:,} | {LABELS[name]} | {_f(e['p50_ms'])} | {_f(e['p95_ms'])} | "
                           f"{_f(e['p99_ms'])} | {_f(e['cpu_p50_ms'])} / {_f(e['cpu_p95_ms'])} | "
                           f"{_f(e['first_pass_ms'])} | {same} | {both} | {near} |")
    out += ["", "### vnsearch latency by kind of query (p50 / p95 ms)", "",
            "| docs | keywords | unaccented | phrase | filtered | empty + filters |", "|---:|---|---|---|---|---|"]
    for row in rows:
        ours = row["engines"].get("ours")
        if ours:
            cells = [f"{_f(ours['by_kind'][k]['p50'])} / {_f(ours['by_kind'][k]['p95'])}"
                     for k in ("keywords", "unaccented", "phrase", "filtered", "browse")]
            out.append(f"| {row['size']:,} | " + " | ".join(cells) + " |")
    out += ["", "## Ratios (vnsearch ÷ other, same run)", "",
            "| docs | other | build docs/s | query p50 | query p95 | index size |", "|---:|---|---:|---:|---:|---:|"]
    for row in rows:
        for name, r in row["ours_over"].items():
            out.append(f"| {row['size']:,} | {LABELS[name]} | {r['build_docs_per_s']:.2f}× | {r['p50']:.2f}× | "
                       f"{r['p95']:.2f}× | {r['index_size']:.2f}× |")
    load = loads[-1] if loads else None
    if rows and "ours" in rows[-1]["engines"]:
        out += ["", f"## Goals at {rows[-1]['size']:,} documents", ""] + goals(rows[-1], load)
    for load in loads:
        out += ["", f"## Load test: {load.get('servers', 1)} × `vnsearch serve --workers {load.get('server_workers', 1)} "
                f"--threads {load['server_threads']}` (waitress), SEARCHSVC_MAX_IN_FLIGHT={load.get('max_in_flight', 16)}, "
                f"{load['documents']:,} documents", "",
                f"Bounds per level: {load['bounds']['requests']} requests or {load['bounds']['seconds']:.0f} s; "
                f"client timeout {load['bounds']['timeout']:.0f} s. Client and server on the same {load['machine']['cpus']} cores; "
                f"load average at the end {', '.join(f'{x:.1f}' for x in load['machine']['load_avg'])}.", "",
                "| concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB | server PSS MB | server alive |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for level in load["levels"]:
            kinds = ", ".join(f"{k}: {v}" for k, v in level["error_kinds"].items())
            out.append(f"| {level['concurrency']} | {level['requests']} | {_f(level['req_per_s'])} | "
                       f"{_f(level['p50_ms'])} | {_f(level['p95_ms'])} | {_f(level['p99_ms'])} | "
                       f"{level['errors']}{' (' + kinds + ')' if kinds else ''} | {_f(level['server_rss_mb'], 0)} | "
                       f"{_f(level.get('server_pss_mb'), 0)} | "
                       f"{'yes' if level['server_alive'] else 'NO'} |")
        out.append(f"\nServer peak RSS (VmHWM, summed over the server processes): {load['server_peak_rss_mb']:.0f} MB.")
        for memory in load.get("server_memory_mb", []):
            out.append(f"At the end: RssAnon (private) {memory['RssAnon']:.0f} MB, RssFile (mapped index files) "
                       f"{memory['RssFile']:.0f} MB.")
    if replicas:
        took = ", ".join(f"port {p}: {s:.2f} s" for p, s in replicas["served_after_seconds"].items())
        out += ["", "## Two replicas over one index", "",
                f"Two `vnsearch serve` processes on ports {replicas['ports'][0]} and {replicas['ports'][1]} over one "
                f"index directory; the indexer added one article (commit {replicas['commit_seconds']:.2f} s). "
                f"Each served it after: {took}; same processes, no restart: "
                f"{'yes' if replicas['same_processes'] else 'NO'}."]
    out.append("")
    return "\n".join(out)


def goals(row: dict, load: dict | None) -> list[str]:
    ours, whoosh, tantivy = (row["engines"].get(n) for n in ("ours", "whoosh", "tantivy"))
    lines = ["| goal | measured | met |", "|---|---|---|"]

    def line(goal: str, measured: str, met: bool) -> None:
        lines.append(f"| {goal} | {measured} | {'yes' if met else '**no**'} |")

    if whoosh:
        ratio = ours["docs_per_s"] / whoosh["docs_per_s"]
        line("build ≥ 1.0× Whoosh single-core docs/s", f"{ratio:.2f}× ({ours['docs_per_s']:.0f} vs "
             f"{whoosh['docs_per_s']:.0f} docs/s)", ratio >= GOAL_BUILD_VS_WHOOSH)
    line("query with facets p50 ≤ 20 ms", f"{ours['p50_ms']:.1f} ms", ours["p50_ms"] <= GOAL_P50_MS)
    line("query with facets p95 ≤ 100 ms", f"{ours['p95_ms']:.1f} ms", ours["p95_ms"] <= GOAL_P95_MS)
    if tantivy:
        factor = ours["p50_ms"] / tantivy["p50_ms"]
        line("within 3× of tantivy (p50)", f"{factor:.1f}×", factor <= GOAL_TANTIVY_FACTOR)
    if load:
        at16 = next((lv for lv in load["levels"] if lv["concurrency"] == 16), None)
        if at16:
            line("≥ 200 req/s at concurrency 16", f"{at16['req_per_s']:.1f} req/s", at16["req_per_s"] >= GOAL_RPS)
            line("p99 ≤ 250 ms at concurrency 16", f"{_f(at16['p99_ms'])} ms", (at16["p99_ms"] or 1e9) <= GOAL_P99_MS)
            line("0 errors at concurrency 16", str(at16["errors"]), at16["errors"] == 0)
        pss = max((lv.get("server_pss_mb") or 0 for lv in load["levels"]), default=0)
        if pss:  # summed RSS counts the shared index pages once per worker process
            line("server memory ≤ 500 MB (PSS summed over its processes)", f"{pss:.0f} MB "
                 f"(summed peak RSS {load['server_peak_rss_mb']:.0f} MB)", pss <= GOAL_RSS_MB)
        else:
            line("server RSS ≤ 500 MB", f"{load['server_peak_rss_mb']:.0f} MB", load["server_peak_rss_mb"] <= GOAL_RSS_MB)
    return lines


def chart(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (build_ax, query_ax) = plt.subplots(1, 2, figsize=(11, 5.2), dpi=90)
    sizes = [r["size"] for r in rows]
    for name in ENGINES:
        present = [r for r in rows if name in r["engines"]]
        if not present:
            continue
        xs = [r["size"] for r in present]
        build_ax.plot(xs, [r["engines"][name]["build_s"] for r in present], marker="o", label=LABELS[name])
        line, = query_ax.plot(xs, [r["engines"][name]["p50_ms"] for r in present], marker="o", label=f"{LABELS[name]} p50")
        query_ax.plot(xs, [r["engines"][name]["p95_ms"] for r in present], marker="x", linestyle="--",
                      color=line.get_color(), label=f"{LABELS[name]} p95")
    build_ax.set(title="Build time (cumulative, staged)", xlabel="documents", ylabel="seconds", yscale="log",
                 xticks=sizes)
    query_ax.axhline(GOAL_P50_MS, color="grey", linewidth=0.8, linestyle=":")
    query_ax.axhline(GOAL_P95_MS, color="grey", linewidth=0.8, linestyle=":")
    query_ax.set(title="Query with total and all facets", xlabel="documents", ylabel="ms", yscale="log", xticks=sizes)
    build_ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2)
    query_ax.legend(fontsize=6, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2)
    for ax in (build_ax, query_ax):
        ax.grid(True, which="both", linewidth=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, nargs="+", default=[Path("var/bench/results")],
                        help="directories of scale-*.json (the first also holds load.json, replicas.json)")
    parser.add_argument("--details", type=Path, nargs="*", default=[Path("var/bench")],
                        help="work directories holding queries-<engine>-<size>.json")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args(argv)
    runs = load_runs(args.results, args.details)
    if not runs:
        print(f"no scale-*.json under {args.results}: run `python -m bench.scale` first")
        return 1
    replicas_file = args.results[0] / "replicas.json"
    loads = sorted((json.loads(p.read_text(encoding="utf-8")) for p in args.results[0].glob("load*.json")),
                   key=lambda lv: lv["documents"])
    replicas = json.loads(replicas_file.read_text(encoding="utf-8")) if replicas_file.exists() else None
    rows = summary(runs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.md").write_text(markdown(rows, loads, replicas), encoding="utf-8")
    (args.out / "scale.json").write_text(json.dumps({"sizes": rows, "load": loads, "replicas": replicas},
                                                    ensure_ascii=False, indent=1), encoding="utf-8")
    chart(rows, args.out / "scale.png")
    print(f"wrote {args.out / 'scale.md'}, scale.json, scale.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
