"""An indexing run's failures and warnings, streamed as they happen instead of held.

A run over a 2-million-line file of bad records used to keep every failure in memory (2.9 GB)
and then build the whole report in memory once more. Now each failure goes to the `--report`
file the moment it is counted, and only the first `KEPT` of each kind stay in memory for the
summary printed at the end, with a count of the rest.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TypeVar

from indexer.ingest.articles import ReadFailure, ReadWarning
from indexer.ingest.reading.surrogates import escaped

# Failures (and, apart, warnings) held for the printed summary; the report has them all.
KEPT = 1000

Located = ReadFailure | ReadWarning
T = TypeVar("T")


class BoundedLog(list):
    """Failures or warnings of a run: each handed to `sink` as it comes, only the first `keep`
    held. A list of what is held (so it compares and indexes as one); `total` counts every one."""

    def __init__(self, sink: Callable[[Located], None] | None = None, keep: int = KEPT) -> None:
        super().__init__()
        self.sink = sink
        self.keep = keep
        self.total = 0

    def append(self, item: Located) -> None:
        self.total += 1
        if self.sink is not None:
            self.sink(item)
        if len(self) < self.keep:
            super().append(item)

    def extend(self, items: Iterable[Located]) -> None:
        for item in items:
            self.append(item)

    @property
    def left_out(self) -> int:
        """How many were counted (and reported) but not held."""
        return self.total - len(self)


def located_record(item: Located) -> dict:
    """The failure or warning as JSON-ready data that any UTF-8 writer accepts (file names that
    are not UTF-8 and lone surrogates escaped)."""
    return {"path": escaped(item.path), "reason": escaped(item.reason), "line": item.line}


class ReportStream:
    """The `--report` JSON file, written as the run goes: failures straight into it, warnings
    into a spool file beside it (one JSON list is open at a time), the counts at the end.

    The finished file is the one JSON object it always was: `failures`, `warnings`, `failed`,
    the counts, and `error` for a run that failed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out: IO[str] = path.open("w", encoding="utf-8")
        self._spool: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", dir=path.parent)
        self._failures = self._warnings = 0
        self._out.write('{\n  "failures": [')

    def failure(self, item: Located) -> None:
        self._out.write(("," if self._failures else "") + "\n    " + _dumps(located_record(item)))
        self._failures += 1

    def warning(self, item: Located) -> None:
        self._spool.write(("," if self._warnings else "") + "\n    " + _dumps(located_record(item)))
        self._warnings += 1

    def attach(self, failures: BoundedLog, warnings: BoundedLog) -> None:
        """Streams these logs into the report from now on."""
        failures.sink, warnings.sink = self.failure, self.warning

    def finish(self, record: dict) -> None:
        """Closes the lists, adds the counts of `record` (failures and warnings kept out), and closes."""
        self._out.write('\n  ],\n  "warnings": [')
        self._spool.seek(0)
        shutil.copyfileobj(self._spool, self._out)
        rest = {key: value for key, value in record.items() if key not in ("failures", "warnings")}
        rest["failed"] = self._failures
        counts = json.dumps(rest, ensure_ascii=False, indent=2)
        self._out.write("\n  ],\n" + counts[2:])  # the counts' own "{\n" is the report's
        self.close()

    def close(self) -> None:
        self._spool.close()
        self._out.close()


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def run_with_report(path: Path | None, run: Callable[[ReportStream | None], T]) -> T:
    """Runs an indexing run with its report streaming to `path` (when given); the report is
    finished with the counts, or with the error of a run that failed."""
    if path is None:
        return run(None)
    report = ReportStream(path)
    try:
        summary = run(report)
    except BaseException as error:
        report.finish({"error": escaped(str(error) or type(error).__name__)})
        raise
    report.finish(summary.to_record())  # type: ignore[attr-defined]
    return summary


def print_summary(summary, index_dir: Path) -> None:  # summary: indexer.index.build.BuildSummary
    """The run's summary line, then its failures and warnings held (and how many more there were)."""
    failures, warnings = summary.failures, summary.warnings
    rate = summary.indexed / summary.seconds if summary.seconds else 0.0
    print(
        f"{escaped(str(index_dir))}: {summary.added} added, {summary.updated} updated, {summary.unchanged} "
        f"unchanged, {summary.removed} removed, {failures.total} failed"
        f"{f', {warnings.total} with fields left out' if warnings.total else ''} in {summary.seconds:.1f}s "
        f"({rate:.1f} docs/s)"
    )
    for kind, log in (("failed", failures), ("warning", warnings)):
        for item in log:
            print(f"  {kind}: {escaped(str(item))}")
        if log.left_out:
            print(f"  {kind}: … and {log.left_out} more not shown (--report FILE lists every one)")
