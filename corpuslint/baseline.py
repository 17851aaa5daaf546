"""Baselines: adopt corpuslint on a corpus with known findings, then report only new ones.

A baseline file lists findings by path, rule and a fingerprint of the flagged
text (see :mod:`corpuslint.fingerprints`), never by line, so editing a file
elsewhere does not bring its old findings back. Paths are stored relative to
the baseline file, so it works from any working directory. The corpus itself
is never touched to suppress anything.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpuslint.atomic import write_atomic
from corpuslint.fingerprints import with_occurrences
from corpuslint.models import Finding

VERSION = 1
#: A crashed rule is a bug to see, not a corpus defect to accept.
NEVER_BASELINED = frozenset({"internal-error"})


class BaselineError(Exception):
    """The baseline file cannot be read or is not a corpuslint baseline."""


@dataclass(frozen=True)
class Entry:
    path: str
    code: str
    fingerprint: str
    occurrence: int
    rule: str = ""
    line: int = 0
    message: str = ""

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.path, self.code, self.fingerprint, self.occurrence)


def relative_to(baseline: str, path: str) -> str:
    base = os.path.dirname(os.path.abspath(baseline))
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def entries_for(baseline: str, findings: Sequence[Finding]) -> list[Entry]:
    kept = _baselineable(findings)
    paths = [relative_to(baseline, f.path) for f in kept]
    return [
        Entry(path, f.code, digest, occurrence, f.rule, f.line, f.message)
        for path, (f, digest, occurrence) in zip(paths, with_occurrences(kept, paths), strict=True)
    ]


def write_baseline(baseline: str, findings: Sequence[Finding]) -> int:
    entries = sorted(entries_for(baseline, findings), key=lambda e: (e.path, e.line, e.code, e.occurrence))
    data = {"version": VERSION, "tool": "corpuslint", "entries": [vars(e) for e in entries]}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if os.path.exists(baseline):
        write_atomic(baseline, text.encode("utf-8"))
    else:
        Path(baseline).write_text(text, encoding="utf-8")
    return len(entries)


def read_baseline(baseline: str) -> list[Entry]:
    try:
        data = json.loads(Path(baseline).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{baseline}: cannot read baseline: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise BaselineError(f"{baseline}: not a JSON baseline file: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{baseline}: not a corpuslint baseline (expected version {VERSION} with entries)")
    try:
        return [Entry(**item) for item in data["entries"]]
    except TypeError as exc:
        raise BaselineError(f"{baseline}: malformed baseline entry: {exc}") from exc


def apply_baseline(
    baseline: str, entries: Iterable[Entry], findings: Sequence[Finding], linted: Iterable[str], codes: Collection[str]
) -> tuple[list[Finding], list[Entry]]:
    """(findings not in the baseline, stale entries).

    An entry is stale when its rule ran on its file (or the file is gone) and
    no finding matches it any more: it can be dropped from the baseline.
    """
    known = {entry.key: entry for entry in entries}
    candidates = _baselineable(findings)
    current = entries_for(baseline, candidates)  # in the order of candidates
    fresh = [f for f, entry in zip(candidates, current, strict=True) if entry.key not in known]
    fresh += [f for f in findings if f.rule in NEVER_BASELINED]
    fresh.sort(key=Finding.sort_key)
    found = {entry.key for entry in current}
    linted_paths = {relative_to(baseline, p) for p in linted}
    base = os.path.dirname(os.path.abspath(baseline))
    stale = [
        e
        for key, e in known.items()
        if key not in found
        and e.code in codes
        and (e.path in linted_paths or not os.path.exists(os.path.join(base, e.path)))
    ]
    return fresh, stale


def _baselineable(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule not in NEVER_BASELINED]


class BaselineFilter:
    """Drops baselined findings; remembers the stale entries of the last call."""

    def __init__(self, baseline: str, linted: Iterable[str], codes: Collection[str]) -> None:
        self.baseline = baseline
        self.entries = read_baseline(baseline)
        self.linted = list(linted)
        self.codes = codes
        self.stale: list[Entry] = []

    def __call__(self, findings: Sequence[Finding]) -> list[Finding]:
        fresh, self.stale = apply_baseline(self.baseline, self.entries, findings, self.linted, self.codes)
        return fresh
