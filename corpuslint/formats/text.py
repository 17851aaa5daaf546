"""The default format: ``path:line:col: CODE message``, then a summary line."""

from __future__ import annotations

from collections import Counter

from corpuslint.formats.base import Formatter, Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def summary_line(report: Report) -> str:
    counts = Counter(f.severity for f in report.findings)
    files = f"{report.files} file{'s' if report.files != 1 else ''} checked"
    if not report.findings:
        return f"All clean: no findings, {files}."
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in ("error", "warning", "info")
        if counts[level]
    ]
    total = len(report.findings)
    return f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files}."


class TextFormatter(Formatter):
    def location(self, finding_path: str, line: int, column: int, record_id: str | None) -> str:
        where = f"{finding_path}:{line}:{column}"
        return f"{where}:[{record_id}]" if record_id is not None else where

    def render(self, report: Report) -> None:
        write = self.stream.write
        for f in report.findings:
            where = self.location(f.path, f.line, f.column, f.record_id)
            if report.color:
                code = f"{_COLORS[f.severity]}{_BOLD}{f.code}{_RESET}"
                write(f"{_BOLD}{where}{_RESET}: {code} {f.message}\n")
            else:
                write(f"{where}: {f.code} {f.message}\n")
        if not report.quiet:
            write(summary_line(report) + "\n")
