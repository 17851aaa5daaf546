"""Apply the fixes that findings carry (``--fix``, ``--unsafe-fixes``, ``--diff``).

Edits are offsets into the decoded text of a file, which is the file's body
after an optional UTF-8 byte order mark, with its line endings as they are;
so splicing the text and encoding it again changes no byte outside the edits.
Fixes whose edits overlap an earlier fix are skipped: the next pass (or run)
applies them to the fixed text.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from corpuslint.atomic import write_atomic
from corpuslint.models import Edit, Finding, Fix

UTF8_BOM = b"\xef\xbb\xbf"
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


@dataclass
class FilePlan:
    """The fixed content of one file, and what went into it."""

    display: str
    path: str
    old: bytes
    new: bytes
    fixed: int
    skipped: int

    def diff(self) -> str:
        return unified_diff(self.display, _decode(self.old), _decode(self.new))


@dataclass
class Plan:
    files: list[FilePlan] = field(default_factory=list)
    #: Findings with fixes left alone, and why (``path: reason``).
    notes: list[str] = field(default_factory=list)


def wanted(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.safe or unsafe)


def in_record(finding: Finding) -> bool:
    return finding.record_id is not None or finding.doc_line is not None


def _decode(raw: bytes) -> str:
    return raw.removeprefix(UTF8_BOM).decode("utf-8", errors="replace")


def _conflicts(edit: Edit, taken: Sequence[Edit]) -> bool:
    # Two inserts at one offset conflict too: their order would be a guess.
    return any(edit.start < t.end and t.start < edit.end or edit.start == t.start for t in taken)


def select_fixes(fixes: Iterable[Fix]) -> tuple[list[Fix], int]:
    """Non-overlapping fixes, earliest first; a fix is taken whole or not at all."""
    chosen: list[Fix] = []
    taken: list[Edit] = []
    skipped = 0
    unique = list(dict.fromkeys(fixes))  # two findings may carry the same fix
    for fix in sorted(unique, key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits))):
        if any(_conflicts(edit, taken) for edit in fix.edits):
            skipped += 1
            continue
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen, skipped


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    pieces, position = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces += [text[position : edit.start], edit.replacement]
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def flagged_region(text: str, starts: Sequence[int], f: Finding) -> tuple[int, int]:
    """The offsets a fix may touch: the finding's span, widened over whitespace only.

    Deleting a flagged line or paragraph also takes its line break and the
    blank lines around it; any other text outside the span is off limits.
    """
    start = starts[f.line - 1] + f.column - 1
    end = starts[min(f.end_line, len(starts)) - 1] + f.end_column - 1
    while start > 0 and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return start, end


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _within(fix: Fix, region: tuple[int, int], size: int) -> bool:
    return all(region[0] <= e.start <= e.end <= region[1] and e.end <= size for e in fix.edits)


def plan_file(display: str, path: str, findings: Sequence[Finding]) -> FilePlan | str:
    """The fixed file, or the reason it cannot be fixed."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    bom = UTF8_BOM if raw.startswith(UTF8_BOM) else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        return "not valid UTF-8; not fixed, so that no byte is lost"
    starts = _line_starts(text)
    fixes = []
    outside = 0
    for f in findings:
        assert f.fix is not None
        if f.line > len(starts) or not _within(f.fix, flagged_region(text, starts, f), len(text)):
            outside += 1  # changed since linted, or a fix reaching beyond what was flagged
            continue
        fixes.append(f.fix)
    chosen, skipped = select_fixes(fixes)
    new_text = apply_edits(text, [edit for fix in chosen for edit in fix.edits])
    applied = set(chosen)
    fixed = sum(1 for f in findings if f.fix in applied)
    return FilePlan(display, path, raw, bom + new_text.encode("utf-8"), fixed, skipped + outside)


def plan_fixes(findings: Iterable[Finding], paths: Mapping[str, str], unsafe: bool) -> Plan:
    """Fixes for ``findings``; ``paths`` maps displayed paths to paths to open."""
    plan = Plan()
    by_path: dict[str, list[Finding]] = defaultdict(list)
    records: dict[str, int] = defaultdict(int)
    for f in findings:
        if not wanted(f, unsafe):
            continue
        if in_record(f):
            records[f.path] += 1
        elif f.path in paths:
            by_path[f.path].append(f)
    for display, count in sorted(records.items()):
        plan.notes.append(f"{display}: {count} fixable finding(s) in records left alone (records are never rewritten)")
    for display, items in sorted(by_path.items()):
        outcome = plan_file(display, paths[display], items)
        if isinstance(outcome, str):
            plan.notes.append(f"{display}: {outcome}")
        elif outcome.new != outcome.old:
            plan.files.append(outcome)
    return plan


def _lines(text: str) -> list[str]:
    # On "\n" only, as everywhere in corpuslint: U+2028 and friends are text here.
    return _LINE.findall(text)


def unified_diff(display: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(_lines(old), _lines(new), f"a/{display}", f"b/{display}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_plan(plan: Plan) -> tuple[list[FilePlan], list[str]]:
    """Write every fixed file atomically: (files written, errors). A failed write leaves its file as it was."""
    written, errors = [], []
    for item in plan.files:
        try:
            write_atomic(item.path, item.new)
        except OSError as exc:
            errors.append(f"{item.display}: cannot write the fixed file: {exc.strerror or exc}")
            continue
        written.append(item)
    return written, errors
