"""Progress of a long run: a bar on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts processed documents and shows rate and ETA; `total` may be an estimate or None."""

    def __init__(self, total: int | None, stream: TextIO | None = None, every_s: float = 5.0):
        self.total = total
        self.stream = stream or sys.stderr
        self.every_s = every_s
        self.done = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._bar = None
        if self.stream.isatty():
            from tqdm import tqdm  # type: ignore[import-untyped]  # no stubs installed

            self._bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
            return
        now = time.monotonic()
        if now - self._last_line >= self.every_s:
            self._last_line = now
            print(self.line(), file=self.stream, flush=True)

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"indexed {self.done}"
        if self.total:
            text += f"/{self.total} ({100 * self.done / self.total:.0f}%)"
            if rate > 0 and self.total > self.done:
                text += f", ETA {(self.total - self.done) / rate:.0f}s"
        return text + f", {rate:.1f} docs/s"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
