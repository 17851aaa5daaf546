"""``--fix``: lint, apply fixes, lint again, until nothing more can be fixed.

Each pass applies the fixes that do not overlap; what a pass skipped, or
what a fix revealed, is picked up by the next. The last lint is what gets
reported, so the output shows what remains after fixing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from corpuslint.discovery import Source
from corpuslint.fixer import plan_fixes, write_plan
from corpuslint.models import Finding
from corpuslint.runner import RunResult

#: Passes before giving up on fixes that keep producing fixes.
MAX_PASSES = 10


@dataclass
class FixOutcome:
    result: RunResult
    #: The findings to report (after ``keep``, e.g. the baseline).
    findings: list[Finding]
    fixed: int = 0
    files: set[str] = field(default_factory=set)
    diff: str = ""
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def lint_and_fix(
    lint: Callable[[], RunResult],
    keep: Callable[[RunResult], list[Finding]],
    sources: Sequence[Source],
    unsafe: bool,
    diff_only: bool,
) -> FixOutcome:
    """Fix what ``keep`` reports; with ``diff_only`` compute the diff and write nothing."""
    paths = {s.display: s.path for s in sources}
    result = lint()
    outcome = FixOutcome(result, keep(result))
    for _ in range(MAX_PASSES):
        plan = plan_fixes(outcome.findings, paths, unsafe)
        outcome.notes = plan.notes
        if diff_only:
            outcome.diff = "".join(item.diff() for item in plan.files)
            outcome.fixed = sum(item.fixed for item in plan.files)
            outcome.files = {item.display for item in plan.files}
            return outcome
        if not plan.files:
            break
        written, errors = write_plan(plan)
        outcome.errors += errors
        if not written:
            break
        outcome.fixed += sum(item.fixed for item in written)
        outcome.files |= {item.display for item in written}
        outcome.result = lint()
        outcome.findings = keep(outcome.result)
    return outcome
