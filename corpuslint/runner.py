"""Run the map phase over files (serially or in a process pool), then reduce."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from corpuslint.cache import Cache, read_key
from corpuslint.config import Settings
from corpuslint.discovery import Problem, Source
from corpuslint.engine import DocMeta, FileResult, RuleSet, lint_file, merge_timing, reduce_corpus, system_finding
from corpuslint.models import Finding
from corpuslint.plugins import PluginSpec
from corpuslint.selection import ignored_for_path

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


_worker_rules: RuleSet | None = None


def _init_worker(settings: Settings, spec: PluginSpec) -> None:
    global _worker_rules
    if _worker_rules is not None:
        return  # forked: the parent's rules, set up once, are inherited
    from corpuslint.session import build_rules, open_session

    _worker_rules = build_rules(open_session(settings, spec))


def _lint_in_worker(source: Source) -> FileResult:
    assert _worker_rules is not None
    return lint_file(_worker_rules, source)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def map_files(
    rules: RuleSet,
    sources: Sequence[Source],
    jobs: int,
    settings: Settings,
    spec: PluginSpec,
    lint: Callable[[RuleSet, Source], FileResult] = lint_file,
) -> Iterator[FileResult]:
    """Yield one result per source, in order; parallel when it pays off."""
    if not sources:
        return
    workers = min(jobs, max(1, len(sources) // MIN_FILES_PER_WORKER))
    if workers <= 1:
        for source in sources:
            yield lint(rules, source)
        return
    chunk = max(1, min(64, len(sources) // (workers * 8)))
    global _worker_rules
    # Set the rules up before the pool starts: forked workers inherit them
    # (copy-on-write) instead of each loading patterns and data again.
    _ = rules.document_rules, rules.corpus_rules
    _worker_rules = rules
    try:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings, spec)) as pool:
            yield from pool.map(_lint_in_worker, sources, chunksize=chunk)
    finally:
        _worker_rules = None


def _cached_map(
    rules: RuleSet,
    sources: Sequence[Source],
    jobs: int,
    settings: Settings,
    spec: PluginSpec,
    cache: Cache,
) -> Iterator[tuple[FileResult, bool]]:
    """Serve unchanged files from the cache; lint only the rest."""
    keys = [read_key(s.display, s.path) for s in sources]
    hits = cache.get_many(k for k in keys if k is not None)
    misses = [s for s, k in zip(sources, keys, strict=True) if k not in hits]
    fresh = map_files(rules, misses, jobs, settings, spec)
    for key in keys:
        if key is not None and key in hits:
            yield hits[key], True
            continue
        result = next(fresh)
        if key is not None:
            cache.put(key, result)
        yield result, False


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
    findings: list[Finding] = []
    docs: list[DocMeta] = []
    timing: dict[str, float] = {}
    totals = RunResult([], len(sources), 0, 0)
    for problem in problems:
        finding = system_finding(rules, "read-error", problem.display, problem.message)
        if finding:
            findings.append(finding)
    if cache is not None:
        results = _cached_map(rules, sources, jobs, settings, spec, cache)
    else:
        results = ((r, False) for r in map_files(rules, sources, jobs, settings, spec))
    for source, (result, from_cache) in zip(sources, results, strict=True):
        findings.extend(result.findings)
        docs.extend(result.docs)
        totals.bytes_read += result.bytes_read
        totals.cached += from_cache
        if not from_cache:
            merge_timing(timing, result.timing.items())
        if on_file is not None:
            on_file(source, result)
    if rules.has_corpus_rules:
        findings.extend(reduce_corpus(rules, docs, timing))
    totals.findings = sorted(_not_ignored(findings, rules, settings), key=Finding.sort_key)
    totals.documents = len(docs)
    totals.timing = timing
    return totals


def _not_ignored(findings: list[Finding], rules: RuleSet, settings: Settings) -> Iterator[Finding]:
    if not settings.per_file_ignores:
        yield from findings
        return
    by_code = {code: active.rule for code, active in rules.active.items()}
    for f in findings:
        rule = by_code.get(f.code)
        if rule is None or not ignored_for_path(f.path, settings.per_file_ignores, rule):
            yield f
