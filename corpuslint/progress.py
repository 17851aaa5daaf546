"""A progress line on stderr for long runs: files done, MB/s and time left.

It appears only on a terminal, only once a run has lasted ``delay`` seconds
(short runs stay silent), and redraws at most ten times a second, so it costs
nothing measurable. Results arrive in file order, so the bytes done are the
sizes of the files done.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from corpuslint.discovery import Source

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def format_eta(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    def __init__(
        self,
        sources: Sequence[Source],
        stream: TextIO,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sizes = [_size(s.path) for s in sources]
        self.total_bytes = sum(self.sizes) or 1
        self.stream = stream
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.last_draw = 0.0
        self.done = 0
        self.bytes_done = 0
        self.drawn = False

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-6)
        fraction = self.bytes_done / self.total_bytes
        filled = int(BAR_WIDTH * fraction)
        rate = self.bytes_done / elapsed / 1e6
        eta = format_eta(elapsed * (1 - fraction) / fraction) if fraction > 0 else "?"
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"[{bar}] {self.done}/{len(self.sizes)} files  {rate:.1f} MB/s  ETA {eta}"

    def advance(self, *_: object) -> None:
        """Called once per file (``runner.run``'s ``on_file``)."""
        if self.done < len(self.sizes):
            self.bytes_done += self.sizes[self.done]
        self.done += 1
        now = self.clock()
        if now - self.started < self.delay or now - self.last_draw < REDRAW_SECONDS:
            return
        self.last_draw = now
        self.stream.write("\r\033[K" + self.line(now))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False


def progress_for(sources: Sequence[Source], stream: TextIO, quiet: bool) -> Progress | None:
    """A progress line when ``stream`` is a terminal and not ``--quiet``; otherwise None."""
    if quiet or not stream.isatty() or os.environ.get("TERM") == "dumb":
        return None
    return Progress(sources, stream)
