"""``--format json``: a JSON array of findings (schema in the README)."""

from __future__ import annotations

import json
from typing import Any

from corpuslint.formats.base import Formatter, Report
from corpuslint.models import Finding


def finding_to_dict(f: Finding) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "related": [
            {"path": r.path, "line": r.line, "column": r.column, **({"record_id": r.record_id} if r.record_id else {})}
            for r in f.related
        ],
        "plugin": f.plugin,
        "fixable": f.fix is not None,
    }
    if f.record_id is not None or f.doc_line is not None:
        item["record_id"] = f.record_id
        item["doc_line"] = f.doc_line
    return item


class JsonFormatter(Formatter):
    def render(self, report: Report) -> None:
        json.dump([finding_to_dict(f) for f in report.findings], self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
