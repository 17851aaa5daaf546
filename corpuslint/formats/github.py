"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

Each finding becomes ``::warning file=...,line=...::message``. Values are
escaped as the Actions runner unescapes them: ``%``, CR and LF everywhere,
and also ``:`` and ``,`` inside properties, where they would end a value.
"""

from __future__ import annotations

from corpuslint.formats.base import Formatter, Report
from corpuslint.models import Finding

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    # A record's columns count inside its text, not in the file's line: give the line only.
    in_record = f.record_id is not None or f.doc_line is not None
    properties = [("file", f.path), ("line", str(f.line)), ("endLine", str(f.end_line))]
    if not in_record:
        properties += [("col", str(f.column)), ("endColumn", str(f.end_column))]
    properties.append(("title", f"{f.code} {f.rule}"))
    where = f"record {f.record_id}, line {f.doc_line}: " if in_record else ""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[f.severity]} {props}::{escape_data(where + f.message)}"


class GithubFormatter(Formatter):
    def render(self, report: Report) -> None:
        for f in report.findings:
            self.stream.write(annotation(f) + "\n")
