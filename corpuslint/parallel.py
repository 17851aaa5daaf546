"""Lint files in several processes: the parent lints a share itself, worker processes the rest.

The files are cut into chunks, all submitted to a pool of ``jobs - 1``
workers. While the parent waits for the next chunk in order, it takes a chunk
that no worker has started yet (a submitted chunk can be cancelled until a
worker picks it up) and lints it in-process. So the parent is never idle,
only the workers' results are pickled, and there are never more busy
processes than jobs: a parent that only collected results took a core's time
from the workers, to unpickle what they had pickled.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from corpuslint.config import Settings
from corpuslint.discovery import Source
from corpuslint.engine import FileResult, RuleSet, lint_files
from corpuslint.plugins import PluginSpec

#: Files per chunk at most, and at least (but for the last one).
MAX_CHUNK = 32
MIN_CHUNK = 2

_worker_rules: RuleSet | None = None


def _init_worker(settings: Settings, spec: PluginSpec) -> None:
    global _worker_rules
    if _worker_rules is not None:
        return  # forked: the parent's rules, set up once, are inherited
    from corpuslint.session import build_rules, open_session

    _worker_rules = build_rules(open_session(settings, spec))


def _lint_chunk(sources: Sequence[Source]) -> list[FileResult]:
    assert _worker_rules is not None
    return list(lint_files(_worker_rules, sources))


def parallel_map(
    rules: RuleSet,
    sources: Sequence[Source],
    jobs: int,
    settings: Settings,
    spec: PluginSpec,
) -> Iterator[FileResult]:
    """Yield one result per source, in order, linted by ``jobs`` processes (this one included)."""
    chunks = _chunks(sources, jobs)
    global _worker_rules
    # Set the rules up before the pool starts: forked workers inherit them
    # (copy-on-write) instead of each loading patterns and data again.
    for rule in (*rules.document_rules, *rules.summarizers):
        rule.warm_up()
    _worker_rules = rules
    try:
        with ProcessPoolExecutor(jobs - 1, initializer=_init_worker, initargs=(settings, spec)) as pool:
            futures = [pool.submit(_lint_chunk, chunk) for chunk in chunks]
            try:
                yield from _collect(rules, chunks, futures)
            except BaseException:  # Ctrl-C, or a caller that stops reading: drop the rest
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    finally:
        _worker_rules = None


def _chunks(sources: Sequence[Source], jobs: int) -> list[Sequence[Source]]:
    """The files in chunks that shrink towards the end (guided scheduling): large
    ones cost little to hand out, and small last ones let the processes finish
    together. A worker holds up to two chunks it has taken (one running, one
    queued), which the main process must wait for once nothing else is left."""
    chunks = []
    start = 0
    while start < len(sources):
        size = max(MIN_CHUNK, min(MAX_CHUNK, (len(sources) - start) // (jobs * 4)))
        chunks.append(sources[start : start + size])
        start += size
    return chunks


def _collect(
    rules: RuleSet,
    chunks: list[Sequence[Source]],
    futures: list[Future[list[FileResult]]],
) -> Iterator[FileResult]:
    linted_here: dict[int, list[FileResult]] = {}
    next_free = 0  # chunks before this one are taken, by a worker or by this process

    def lint_a_free_chunk() -> bool:
        nonlocal next_free
        while next_free < len(chunks):
            index = next_free
            next_free += 1
            if futures[index].cancel():  # no worker has started it: ours
                linted_here[index] = list(lint_files(rules, chunks[index]))
                return True
        return False

    for index, future in enumerate(futures):
        while index not in linted_here and not future.done() and lint_a_free_chunk():
            pass
        results = linted_here.pop(index, None)
        yield from results if results is not None else future.result()
