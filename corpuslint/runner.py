"""Run the map phase over files (serially or in a process pool), then reduce."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

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


_worker_rules: RuleSet | None = None


def _init_worker(settings: Settings, spec: PluginSpec) -> None:
    global _worker_rules
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
    workers = min(jobs, max(1, len(sources) // MIN_FILES_PER_WORKER))
    if workers <= 1:
        for source in sources:
            yield lint(rules, source)
        return
    chunk = max(1, min(64, len(sources) // (workers * 8)))
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings, spec)) as pool:
        yield from pool.map(_lint_in_worker, sources, chunksize=chunk)


def run(
    rules: RuleSet,
    sources: Sequence[Source],
    problems: Sequence[Problem],
    settings: Settings,
    spec: PluginSpec,
    jobs: int = 1,
    results: Iterator[FileResult] | None = None,
) -> RunResult:
    findings: list[Finding] = []
    docs: list[DocMeta] = []
    timing: dict[str, float] = {}
    total_bytes = 0
    for problem in problems:
        finding = system_finding(rules, "read-error", problem.display, problem.message)
        if finding:
            findings.append(finding)
    for result in results if results is not None else map_files(rules, sources, jobs, settings, spec):
        findings.extend(result.findings)
        docs.extend(result.docs)
        total_bytes += result.bytes_read
        merge_timing(timing, result.timing.items())
    if rules.corpus_rules:
        findings.extend(reduce_corpus(rules, docs, timing))
    by_code = {code: active.rule for code, active in rules.active.items()}
    kept = [
        f
        for f in findings
        if not (
            settings.per_file_ignores
            and f.code in by_code
            and ignored_for_path(f.path, settings.per_file_ignores, by_code[f.code])
        )
    ]
    kept.sort(key=Finding.sort_key)
    return RunResult(kept, len(sources), len(docs), total_bytes, timing)
