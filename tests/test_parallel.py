"""The parallel map: results in file order, the parent lints the chunks no worker has started."""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future
from typing import Any, cast

import pytest

from corpuslint import parallel
from corpuslint.discovery import Source
from corpuslint.engine import FileResult
from corpuslint.parallel import _collect


@pytest.fixture(autouse=True)
def _lint_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's linting, marked as such."""

    def lint_files(rules: Any, sources: Iterable[Source]) -> Iterator[FileResult]:
        for source in sources:
            yield FileResult(bytes_read=len(source.path), timing={"here": 1.0})

    monkeypatch.setattr(parallel, "lint_files", lint_files)


def _sources(*names: str) -> list[Source]:
    return [Source(name, name) for name in names]


def _worker_result(chunk: list[Source]) -> list[FileResult]:
    return [FileResult(bytes_read=len(s.path), timing={"worker": 1.0}) for s in chunk]


def test_pending_chunks_are_linted_here_in_order() -> None:
    chunks = [_sources("a"), _sources("bb", "ccc"), _sources("dddd")]
    futures: list[Future[list[FileResult]]] = [Future() for _ in chunks]
    results = list(_collect(None, chunks, futures))  # type: ignore[arg-type]
    assert [r.bytes_read for r in results] == [1, 2, 3, 4]
    assert all("here" in r.timing for r in results)
    assert all(f.cancelled() for f in futures)


def test_started_chunks_wait_for_the_worker_while_later_ones_are_linted_here() -> None:
    chunks = [_sources("a"), _sources("bb"), _sources("ccc")]
    futures: list[Future[list[FileResult]]] = [Future() for _ in chunks]
    assert futures[0].set_running_or_notify_cancel()  # a worker has taken the first chunk
    # It finishes only after this process has taken every chunk it could.
    timer = threading.Timer(0.2, lambda: futures[0].set_result(_worker_result(chunks[0])))
    timer.start()
    results = list(_collect(None, chunks, futures))  # type: ignore[arg-type]
    timer.join()
    assert [r.bytes_read for r in results] == [1, 2, 3]
    assert ["worker" in r.timing for r in results] == [True, False, False]


@pytest.mark.parametrize(("files", "jobs"), [(1, 2), (17, 2), (4603, 2), (1000, 8)])
def test_chunks_cover_the_files_in_order_and_shrink_towards_the_end(files: int, jobs: int) -> None:
    sources = _sources(*(f"{n}.txt" for n in range(files)))
    chunks = parallel._chunks(sources, jobs)
    assert [s for chunk in chunks for s in chunk] == sources
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True) or sizes[:-1] == sorted(sizes[:-1], reverse=True)
    assert max(sizes) <= parallel.MAX_CHUNK
    assert all(size >= parallel.MIN_CHUNK for size in sizes[:-1])
    if files > 1000:
        assert sizes[0] == parallel.MAX_CHUNK and sizes[-2] == parallel.MIN_CHUNK


def test_findings_survive_pickling_whole() -> None:
    # Workers and the cache pickle findings; fields that equality ignores must survive too.
    import pickle

    from corpuslint.models import Edit, Finding, Fix, Location

    finding = Finding(
        "a.txt", 3, 1, 4, 9, "CL101", "duplicate-paragraph", "warning", "paragraph repeats line 1",
        (Location("a.txt", 1, 1, "r1"),), "builtin", "r1", 7, "the flagged text", Fix((Edit(5, 9, ""),), safe=False),
    )  # fmt: skip
    again = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == finding
    assert (again.snippet, again.fix) == (finding.snippet, finding.fix)


class _Pool:
    """A process pool that runs nothing and remembers how it was shut down."""

    shutdowns: list[dict[str, bool]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def submit(self, *args: Any) -> Future[list[FileResult]]:
        return Future()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        type(self).shutdowns.append({"wait": wait, "cancel_futures": cancel_futures})


def test_a_run_that_stops_early_cancels_the_chunks_left(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C, or a caller that stops reading: the workers must not lint the rest first.
    from corpuslint.engine import RuleSet

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _Pool)
    _Pool.shutdowns = []
    results = cast(
        Generator[FileResult, None, None],
        parallel.parallel_map(RuleSet([], [], {}), _sources(*"abcdefgh"), 2, None, None),  # type: ignore[arg-type]
    )
    assert next(results).timing == {"here": 1.0}
    results.close()
    assert _Pool.shutdowns[0] == {"wait": False, "cancel_futures": True}
