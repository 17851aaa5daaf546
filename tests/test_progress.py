"""The progress line: silent for short runs and off a terminal; files, MB/s and ETA otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from corpuslint.discovery import Source
from corpuslint.progress import Progress, format_eta, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def sources(tmp_path: Path, sizes: list[int]) -> list[Source]:
    found = []
    for index, size in enumerate(sizes):
        path = tmp_path / f"{index}.txt"
        path.write_bytes(b"x" * size)
        found.append(Source(path.name, str(path)))
    return found


def test_short_runs_stay_silent_and_long_ones_show_files_rate_and_eta(tmp_path: Path) -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(sources(tmp_path, [1_000_000, 1_000_000, 2_000_000]), stream, delay=1.0, clock=clock)
    clock.now += 0.5
    progress.advance()
    assert stream.getvalue() == ""
    clock.now += 0.5  # 1 s in, 2 of 4 MB done
    progress.advance()
    assert stream.getvalue() == "\r\033[K[############------------] 2/3 files  2.0 MB/s  ETA 0:01"
    progress.close()
    assert stream.getvalue().endswith("\r\033[K")


def test_redraws_are_throttled(tmp_path: Path) -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(sources(tmp_path, [10] * 5), stream, delay=0.0, clock=clock)
    clock.now += 1
    progress.advance()
    progress.advance()
    assert stream.getvalue().count("\r") == 1


def test_only_on_a_terminal_and_never_when_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    files = sources(tmp_path, [10])
    assert progress_for(files, io.StringIO(), quiet=False) is None
    assert progress_for(files, Terminal(), quiet=True) is None
    assert progress_for(files, Terminal(), quiet=False) is not None


def test_eta_format() -> None:
    assert [format_eta(s) for s in (5, 65, 3725)] == ["0:05", "1:05", "1:02:05"]
