"""``--format jsonl``: one finding a line, each the object of ``--format json``.

Streams well into ``jq -c``, log shippers and line-based tools.
"""

from __future__ import annotations

import json

from corpuslint.formats.base import Formatter, Report
from corpuslint.formats.json import finding_to_dict

#: JSON allows these raw inside strings, but line-splitting readers (Python's
#: ``str.splitlines``, JavaScript) break records on them.
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(item: object) -> str:
    line = json.dumps(item, ensure_ascii=False)
    for char, escaped in _LINE_BREAKERS.items():
        line = line.replace(char, escaped)
    return line


class JsonLinesFormatter(Formatter):
    def render(self, report: Report) -> None:
        for f in report.findings:
            self.stream.write(json_line(finding_to_dict(f)) + "\n")
