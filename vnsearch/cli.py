"""`vnsearch`: index articles, serve the search service, search and inspect from the shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.index.store import INDEX_ENV, IndexError_, default_index_dir

if TYPE_CHECKING:
    from indexer.search.snippets import Snippet

EXIT_OK, EXIT_FAILURES, EXIT_ERROR = 0, 1, 2
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a command whose reader went away
SMALL_RUN = 200  # articles below which indexing runs in one process


def main(argv: list[str] | None = None) -> int:
    """Runs one subcommand; returns the process exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # a reader that went away (`| head -1`) shows here, not at exit
        return status
    except BrokenPipeError:
        return _closed_pipe()
    except IndexError_ as error:
        print(f"vnsearch: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("vnsearch: interrupted; the index is as it was before this run", file=sys.stderr)
        return EXIT_ERROR


def _closed_pipe() -> int:
    """Ends quietly when the reader of stdout is gone (the recipe of Python's signal docs)."""
    # Python flushes stdout again at exit; pointed at devnull, that flush cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_CLOSED_PIPE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnsearch", description="Full-text search over Vietnamese news.")
    commands = parser.add_subparsers(dest="command", required=True)
    index_help = f"index directory (default: ${INDEX_ENV} or var/index)"

    build = commands.add_parser("index", help="add, update or remove articles in the index")
    build.add_argument("paths", nargs="+", type=Path, help="files or directories (.txt, .html, .jsonl[.gz])")
    build.add_argument("--index", type=Path, default=None, help=index_help)
    build.add_argument("--rebuild", action="store_true", help="start from an empty index")
    build.add_argument("--prune", action="store_true", help="remove documents whose source files are gone")
    build.add_argument("--jobs", type=int, default=None, help="analysis processes (default: all cores)")
    build.add_argument("--report", type=Path, default=None, help="write the summary as JSON to this file")
    build.set_defaults(run=_run_index)

    serve = commands.add_parser("serve", help="serve the search page and JSON API")
    serve.add_argument("--index", type=Path, default=None, help=index_help)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8, help="waitress threads per worker process")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing the port (one core each; default 1)")
    serve.set_defaults(run=_run_serve)

    search = commands.add_parser("search", help="search from the shell")
    search.add_argument("q", nargs="?", default="", help="the query (empty: newest documents)")
    search.add_argument("--index", type=Path, default=None, help=index_help)
    search.add_argument("--organizer", action="append", default=[])
    search.add_argument("--source", action="append", default=[])
    search.add_argument("--event-type", action="append", default=[])
    search.add_argument("--date-from")
    search.add_argument("--date-to")
    search.add_argument("--sort", default="relevance")
    search.add_argument("--accents", choices=("auto", "exact", "ignore"), default="auto",
                        help="auto: a query with diacritics matches its spelling, one without matches folded")
    search.add_argument("--page", type=int, default=1)
    search.add_argument("--per-page", type=int, default=10)
    search.add_argument("--json", action="store_true", help="print the API's JSON response")
    search.set_defaults(run=_run_search)

    stats = commands.add_parser("stats", help="document count, facets, date range, size, format")
    stats.add_argument("--index", type=Path, default=None, help=index_help)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=_run_stats)
    return parser


def _run_index(args: argparse.Namespace) -> int:
    from indexer.index.build import build_index
    from indexer.index.progress import Progress
    from indexer.ingest.reading import read_pending
    from indexer.ingest.reading.estimate import estimate_articles
    from indexer.index.summary import print_summary, run_with_report

    index_dir = args.index or default_index_dir()
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"vnsearch: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_ERROR
    estimate = estimate_articles(args.paths)
    # Starting worker processes costs more than it saves on a few articles.
    jobs = args.jobs or (1 if estimate is not None and estimate < SMALL_RUN else None)
    summary = run_with_report(args.report, lambda report: build_index(
        read_pending(args.paths), index_dir, rebuild=args.rebuild, prune_roots=list(args.paths) if args.prune else None,
        jobs=jobs, progress=Progress(total=estimate), report=report,
    ))
    print_summary(summary, index_dir)
    return EXIT_FAILURES if summary.failures else EXIT_OK


def _run_serve(args: argparse.Namespace) -> int:
    from searchsvc import create_app
    from searchsvc.server import serve

    if args.workers < 1 or args.threads < 1:
        print("vnsearch: --workers and --threads must be at least 1", file=sys.stderr)
        return EXIT_ERROR
    overrides = serve_overrides(args.index, args.threads, os.environ)
    config = create_app(overrides).config
    index_dir = config["INDEX_DIR"]
    processes = f"{args.workers} processes × {args.threads} threads" if args.workers > 1 else f"{args.threads} threads"
    print(f"serving {index_dir} on http://{args.host}:{args.port}/ ({processes})", flush=True)
    serve(lambda: create_app(overrides), args.host, args.port, args.threads, args.workers,
          client_timeout=float(config["CLIENT_TIMEOUT_S"]), connection_limit=int(config["CONNECTION_LIMIT"]))
    return EXIT_OK


def serve_overrides(index: Path | None, threads: int, environ: Mapping[str, str]) -> dict:
    """The app settings `vnsearch serve` fixes: the index, and unless SEARCHSVC_MAX_IN_FLIGHT
    says otherwise, requests in progress up to three quarters of the threads, so the other
    threads answer the overflow with 503 at once instead of it queueing unseen (at the default
    8 threads a limit of 16 never fired)."""
    overrides: dict = {"INDEX_DIR": str(index)} if index else {}
    if "SEARCHSVC_MAX_IN_FLIGHT" not in environ:
        overrides["MAX_IN_FLIGHT"] = max(1, threads * 3 // 4)
    return overrides


def _run_search(args: argparse.Namespace) -> int:
    from indexer.search.query import InvalidQueryError
    from indexer.search.handle import IndexHandle
    from indexer.search.results import SearchRequest
    from indexer.search.search import run_search

    request = SearchRequest(
        q=args.q, organizer=tuple(args.organizer), source=tuple(args.source), event_type=tuple(args.event_type),
        date_from=args.date_from, date_to=args.date_to, sort=args.sort, page=args.page, per_page=args.per_page,
        accents=args.accents,
    )
    try:
        page = run_search(IndexHandle(args.index or default_index_dir()), request)
    except InvalidQueryError as error:
        print(f"vnsearch: bad query: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        from searchsvc.renderers.api_json import page_to_json

        print(json.dumps(page_to_json(page), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{page.total} results ({page.took_ms:.0f} ms)")
    if page.folded_total:
        print(f"{page.total} spelled as typed; {page.folded_total} without diacritics (--accents ignore)")
    if page.dropped_terms:
        print(f"long query: left out its most common words {', '.join(page.dropped_terms)}")
    if page.suggestion:
        print(f"did you mean: {page.suggestion}")
    for number, hit in enumerate(page.hits, start=(request.page - 1) * request.per_page + 1):
        print(f"{number}. {hit.title}  [{hit.date or '—'} · {hit.source or '—'} · id {hit.id}]")
        print(f"   {_starred(hit.snippet)}")
    return EXIT_OK


def _starred(snippet: Snippet) -> str:
    """A snippet for a terminal: its matched words between asterisks."""
    return "".join(f"*{text}*" if marked else text for text, marked in snippet.parts())


def _run_stats(args: argparse.Namespace) -> int:
    from indexer.search.stats import index_stats

    stats = index_stats(args.index or default_index_dir())
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"index: {stats['index_dir']} (format {stats['format']})")
    print(f"documents: {stats['documents']}")
    print(f"dates: {stats['date_range'][0]} to {stats['date_range'][1]}")
    print(f"size: {stats['size_bytes'] / 1e6:.1f} MB")
    for facet, values in stats["facets"].items():
        print(f"{facet}: " + ", ".join(f"{v['value']} ({v['count']})" for v in values[:10]))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
