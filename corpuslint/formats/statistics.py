"""``--statistics``: how many findings each rule made, most frequent first.

    12  CL201  boilerplate          [*] warning
     3  CL101  duplicate-paragraph      warning

``[*]`` marks rules whose findings carry fixes. With ``--format json`` the
same table is a JSON array of ``{code, rule, count, fixable, severity}``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from corpuslint.formats.base import Report
from corpuslint.models import Finding


@dataclass(frozen=True)
class RuleCount:
    code: str
    rule: str
    count: int
    fixable: int
    severity: str


def rule_counts(report: Report) -> list[RuleCount]:
    counts = Counter(f.code for f in report.findings)
    fixable = Counter(f.code for f in report.findings if f.fix is not None)
    first: dict[str, Finding] = {}
    for f in report.findings:
        first.setdefault(f.code, f)
    rows = [RuleCount(c, first[c].rule, n, fixable[c], first[c].severity) for c, n in counts.items()]
    return sorted(rows, key=lambda row: (-row.count, row.code))


def render_statistics(report: Report, stream: TextIO, as_json: bool) -> None:
    rows = rule_counts(report)
    if as_json:
        items = [
            {"code": r.code, "rule": r.rule, "count": r.count, "fixable": r.fixable, "severity": r.severity}
            for r in rows
        ]
        json.dump(items, stream, indent=2)
        stream.write("\n")
        return
    count_width = max((len(str(r.count)) for r in rows), default=1)
    name_width = max((len(r.rule) for r in rows), default=1)
    for r in rows:
        mark = "[*]" if r.fixable else "   "
        stream.write(f"{r.count:>{count_width}}  {r.code:6} {r.rule:{name_width}} {mark} {r.severity}\n")
