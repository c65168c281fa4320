"""Indexing in worker processes: each prepares its share of the inputs into a segment of its own."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from indexer.engine.commit import finish_segment
from indexer.index.documents import FRESH, FAILED, Item, add_document, prepare, remember_known
from indexer.index.store import IndexWriteError, open_index, open_segment_writer
from indexer.ingest.articles import Article, ReadFailure

# Documents handed to a worker at once: large enough to amortize pickling, small enough
# that memory does not grow with the corpus.
CHUNK_SIZE = 8


class Counting(Protocol):
    """The run's bookkeeping (indexer.index.build.Run), fed in input order."""

    def accept(self, outcome: str, article: Article | ReadFailure) -> bool: ...

    def indexed(self, article: Article) -> None: ...


# A worker's answer for one input: outcome, the article (its body dropped) or failure, and
# the document number it was given in the worker's segment (None when not added).
Added = tuple[str, Article | ReadFailure, int | None]


def index_in_workers(items: Iterable[Item], index_dir: Path, known: dict[str, tuple[str, str]], jobs: int,
                     run: Counting) -> list:
    """Every input prepared and written by `jobs` worker processes, one new segment each.

    Answers come back per chunk in any order and are counted in input order, so the first
    of two articles with one id is the one kept: a later one, already written by its
    worker, is deleted from that worker's segment before the commit.
    """
    remember_known(known)  # fork shares it (and the loaded modules) with the workers
    context = multiprocessing.get_context("fork")
    tasks = context.Queue(jobs * 2)
    answers = context.Queue()
    workers = [context.Process(target=_worker, args=(number, index_dir, tasks, answers, os.getpid()), daemon=True)
               for number in range(jobs)]
    for worker in workers:
        worker.start()
    waiting: dict[int, tuple[int, list[Added]]] = {}
    segments: dict[int, object] = {}
    duplicates: dict[int, list[int]] = {number: [] for number in range(jobs)}
    counted = sent = 0

    def take_answer(timeout: float) -> None:
        nonlocal counted
        try:
            kind, number, payload = answers.get(timeout=timeout)
        except queue.Empty:
            _check_alive(workers, segments)
            return
        if kind == "error":
            errno, message = payload
            if errno is not None:
                raise OSError(errno, message)
            raise IndexWriteError(f"{message}; the index is unchanged")
        if kind == "segment":
            segments[number] = payload
            return
        sequence, added = payload
        waiting[sequence] = (number, added)
        while counted in waiting:
            worker_number, outcomes = waiting.pop(counted)
            for outcome, article, docnum in outcomes:
                if run.accept(outcome, article):
                    assert isinstance(article, Article)
                    run.indexed(article)
                elif docnum is not None:
                    duplicates[worker_number].append(docnum)
            counted += 1

    try:
        for chunk in _chunks(items, CHUNK_SIZE):
            while sent - counted >= jobs * 4:
                take_answer(timeout=1.0)
            tasks.put((sent, chunk))
            sent += 1
        for _ in workers:
            tasks.put(None)
        while counted < sent or len(segments) < jobs:
            take_answer(timeout=1.0)
    except BaseException:
        for worker in workers:
            worker.kill()
        # Chunks still buffered for the dead workers would keep this process waiting at exit
        # for a feeder thread that can never write them: drop them.
        tasks.cancel_join_thread()
        answers.cancel_join_thread()
        raise
    finally:
        for worker in workers:
            worker.join()
    for number, docnums in duplicates.items():
        for docnum in docnums:
            segments[number].delete_document(docnum)  # type: ignore[attr-defined]
    return [segment for _, segment in sorted(segments.items()) if segment is not None]


def _check_alive(workers: list, finished: dict[int, object]) -> None:
    for number, worker in enumerate(workers):
        if number not in finished and not worker.is_alive():
            raise IndexWriteError(
                f"indexing worker {number} stopped (exit {worker.exitcode}) before finishing; the index is unchanged"
            )


def _worker(number: int, index_dir: Path, tasks, answers, parent: int) -> None:
    """An indexing worker process: prepares its chunks and writes them into its own segment."""
    _die_with_parent(parent)
    try:
        writer = open_segment_writer(open_index(index_dir))
        while True:
            try:
                task = tasks.get(timeout=1.0)
            except queue.Empty:
                if os.getppid() != parent:
                    return  # the indexer was killed: its unfinished segment is never committed
                continue
            if task is None:
                break
            sequence, chunk = task
            answers.put(("chunk", number, (sequence, [index_one(writer, item) for item in chunk])))
        answers.put(("segment", number, finish_segment(writer)))
    except OSError as error:
        answers.put(("error", number, (error.errno, error.strerror or str(error))))
    except BaseException as error:  # reported to the parent, which stops the run
        answers.put(("error", number, (None, f"indexing worker {number}: {type(error).__name__}: {error}")))


def _die_with_parent(parent: int) -> None:
    """Asks Linux to kill this worker when the indexer dies, even by kill -9 in the middle of a
    chunk, so no orphan keeps writing or holds the index's lock (elsewhere the worker notices
    between chunks)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the indexer died before the request was made
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def index_one(writer, item: Item) -> Added:
    outcome, article, analyzed = prepare(item)
    if outcome != FRESH:
        return outcome, article, None
    assert isinstance(article, Article) and analyzed is not None
    docnum = writer.docnum
    failure = add_document(writer, article, analyzed)
    if failure is not None:
        return FAILED, failure, None
    return FRESH, replace(article, body=""), docnum


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
