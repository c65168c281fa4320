"""Waiting in a test for the event itself, not for a guess at how long it takes.

A fixed sleep is too short on a loaded machine (the test fails for nothing) and too long on
an idle one (the suite pays for it every run); a condition polled until a deadline costs only
the time the event takes, and its failure says which event did not happen.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

POLL_INTERVAL_S = 0.05


def wait_until(condition: Callable[[], T], timeout: float, what: str) -> T:
    """Polls `condition` until it returns a true value and returns that value; fails the test
    with "`what` did not happen" (and the last value seen) once `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            seen = "" if isinstance(value, bool) or value is None else f" (last seen: {value!r})"
            raise AssertionError(f"{what} did not happen within {timeout:g} s{seen}")
        time.sleep(POLL_INTERVAL_S)


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return next(line.split()[1] for line in status.splitlines() if line.startswith("State:")) != "Z"


def child_pids(pid: int) -> list[int]:
    """The processes `pid` started that are still its children (Linux /proc)."""
    try:
        return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                for child in (task / "children").read_text().split()]
    except OSError:
        return []


def cpu_seconds(pid: int) -> float:
    """User and system CPU time process `pid` has used so far (0 once it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
