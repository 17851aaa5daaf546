"""Run the map phase over files (serially or in a process pool), then reduce."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corpuslint.config import Settings
from corpuslint.discovery import Problem, Source
from corpuslint.engine import DocMeta, FileResult, RuleSet, lint_files, merge_timing, reduce_corpus, system_finding
from corpuslint.models import Finding
from corpuslint.plugins import PluginSpec
from corpuslint.selection import ignored_for_path

if TYPE_CHECKING:
    from corpuslint.cache import Cache

#: Below this many files a pool costs more than it saves.
MIN_FILES_PER_WORKER = 8


@dataclass
class RunResult:
    findings: list[Finding]
    files: int
    documents: int
    bytes_read: int
    timing: dict[str, float] = field(default_factory=dict)
    #: How many files were served from the cache.
    cached: int = 0


@dataclass
class Snapshot:
    """What a run found in its files and corpus (before ignores), as the cache keeps it."""

    findings: list[Finding]
    documents: int
    bytes_read: int
    cached_files: int = 0


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def map_files(
    rules: RuleSet,
    sources: Sequence[Source],
    jobs: int,
    settings: Settings,
    spec: PluginSpec,
) -> Iterator[FileResult]:
    """Yield one result per source, in order; parallel when it pays off."""
    if not sources:
        return
    workers = min(jobs, max(1, len(sources) // MIN_FILES_PER_WORKER))
    if workers <= 1:
        yield from lint_files(rules, sources)
        return
    from corpuslint.parallel import parallel_map  # only runs that use a pool pay for it

    yield from parallel_map(rules, sources, workers, settings, spec)


class _CachedRun:
    """One run's use of the cache: the whole run's findings when no file changed;
    otherwise the unchanged files' results, and their summaries for the corpus phase."""

    def __init__(self, cache: Cache, sources: Sequence[Source], corpus_phase: bool) -> None:
        from corpuslint.cache import run_key

        self.cache = cache
        self.keys = cache.keys(sources)
        self.corpus_phase = corpus_phase
        self.hits: dict[str, FileResult] = {}
        self.run_key = run_key(self.keys) if None not in self.keys else None
        #: The findings of the files and the corpus phase, when no file changed.
        self.snapshot = cache.snapshot(self.run_key) if self.run_key is not None else None
        if self.snapshot is not None:
            return
        self.hits = cache.get_many(k for k in self.keys if k is not None)
        if corpus_phase:
            # The corpus phase runs: cached files need their summaries, and a
            # file cached without them (from a one-document run) is linted again.
            summaries = cache.summaries(self.hits)
            self.hits = {key: _with_summaries(self.hits[key], summaries[key]) for key in summaries}

    def results(
        self, rules: RuleSet, sources: Sequence[Source], jobs: int, settings: Settings, spec: PluginSpec
    ) -> Iterator[tuple[FileResult, bool]]:
        """Serve unchanged files from the cache; lint only the rest."""
        misses = [s for s, k in zip(sources, self.keys, strict=True) if k not in self.hits]
        fresh = map_files(rules, misses, jobs, settings, spec)
        for key in self.keys:
            if key is not None and key in self.hits:
                yield self.hits[key], True
                continue
            result = next(fresh)
            if key is not None:
                self.cache.put(key, result, summarized=self.corpus_phase)
            yield result, False

    def store_snapshot(self, snapshot: Snapshot) -> None:
        if self.run_key is not None:
            self.cache.put_snapshot(self.run_key, snapshot)


def _with_summaries(result: FileResult, summaries: list[dict[str, object]]) -> FileResult:
    for meta, values in zip(result.docs, summaries, strict=True):
        meta.summaries = values
    return result


@contextmanager
def _collecting_less() -> Iterator[None]:
    """A lint run allocates many short-lived objects and keeps few, while each of
    Python's full collections walks everything alive: collect less often, and
    leave what exists already (settings, rules, their data) out of it for good.
    Worker processes inherit this, and touch fewer inherited pages."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def run(
    rules: RuleSet,
    sources: Sequence[Source],
    problems: Sequence[Problem],
    settings: Settings,
    spec: PluginSpec,
    jobs: int = 1,
    cache: Cache | None = None,
    on_file: Callable[[Source, FileResult], None] | None = None,
) -> RunResult:
    """Lint ``sources``: the map phase (cached, parallel), then the corpus phase.

    ``on_file`` is called once per file as its result arrives (for progress).
    """
    with _collecting_less():
        return _run(rules, sources, problems, settings, spec, jobs, cache, on_file)


def _run(
    rules: RuleSet,
    sources: Sequence[Source],
    problems: Sequence[Problem],
    settings: Settings,
    spec: PluginSpec,
    jobs: int,
    cache: Cache | None,
    on_file: Callable[[Source, FileResult], None] | None,
) -> RunResult:
    found: list[Finding] = [
        finding
        for problem in problems
        if (finding := system_finding(rules, "read-error", problem.display, problem.message))
    ]
    rules.single_document = not rules.several_documents(sources)
    cached = _CachedRun(cache, sources, rules.has_corpus_rules) if cache is not None else None
    snapshot = cached.snapshot if cached is not None else None
    timing: dict[str, float] = {}
    if snapshot is None:
        snapshot = _lint(rules, sources, settings, spec, jobs, cached, on_file, timing)
        if cached is not None:
            cached.store_snapshot(snapshot)
        cached_files = snapshot.cached_files
    else:
        cached_files = len(sources)
    found += snapshot.findings
    findings = sorted(_not_ignored(found, rules, settings), key=Finding.sort_key)
    return RunResult(findings, len(sources), snapshot.documents, snapshot.bytes_read, timing, cached_files)


def _lint(
    rules: RuleSet,
    sources: Sequence[Source],
    settings: Settings,
    spec: PluginSpec,
    jobs: int,
    cached: _CachedRun | None,
    on_file: Callable[[Source, FileResult], None] | None,
    timing: dict[str, float],
) -> Snapshot:
    """The map phase (from the cache where it can) and the corpus phase."""
    snapshot = Snapshot([], 0, 0)
    docs: list[DocMeta] = []
    if cached is not None:
        results = cached.results(rules, sources, jobs, settings, spec)
    else:
        results = ((r, False) for r in map_files(rules, sources, jobs, settings, spec))
    for source, (result, from_cache) in zip(sources, results, strict=True):
        snapshot.findings.extend(result.findings)
        docs.extend(result.docs)
        snapshot.bytes_read += result.bytes_read
        snapshot.cached_files += from_cache
        if not from_cache:
            merge_timing(timing, result.timing.items())
        if on_file is not None:
            on_file(source, result)
    if rules.has_corpus_rules:
        snapshot.findings += reduce_corpus(rules, docs, timing)
    snapshot.documents = len(docs)
    return snapshot


def _not_ignored(findings: list[Finding], rules: RuleSet, settings: Settings) -> Iterator[Finding]:
    if not settings.per_file_ignores:
        yield from findings
        return
    by_code = {code: active.rule for code, active in rules.active.items()}
    for f in findings:
        rule = by_code.get(f.code)
        if rule is None or not ignored_for_path(f.path, settings.per_file_ignores, rule):
            yield f
