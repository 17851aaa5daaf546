"""``--format full``: each finding with the offending line and a caret under the span.

    seeds/a.txt:3:5: CL201 boilerplate line: "Share this article"
      |
    3 | Share this article
      | ^^^^^^^^^^^^^^^^^^

Invisible and control characters are drawn as ``·`` so that the carets line
up and what a rule flags can be seen; long lines are cut around the span.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from corpuslint.formats.base import Formatter, Report
from corpuslint.formats.text import TextFormatter, summary_line
from corpuslint.models import Finding

#: Characters either side of the span kept on a long line.
CONTEXT = 60
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn"}


def visible(char: str) -> str:
    if char == " ":
        return char
    if char == "\t":
        return " "
    category = unicodedata.category(char)
    return "·" if category in _INVISIBLE or category == "Zs" else char


def width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def file_lines(path: str) -> tuple[str, ...]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return ()
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    return tuple(line.removesuffix("\r") for line in text.split("\n"))


def source_excerpt(f: Finding, lines_of: Callable[[str], Sequence[str]]) -> tuple[int, str, int, int] | None:
    """(line number, line text, span start, span end) in characters, or None."""
    if f.record_id is not None or f.doc_line is not None:
        if not f.snippet:
            return None
        return f.doc_line or f.line, f.snippet.split("\n")[0], 0, len(f.snippet.split("\n")[0])
    lines = lines_of(f.path)
    if not 1 <= f.line <= len(lines):
        return None
    text = lines[f.line - 1]
    start = min(f.column - 1, len(text))
    end = f.end_column - 1 if f.end_line == f.line else len(text)
    return f.line, text, start, max(start + 1, min(end, len(text)))


def render_excerpt(number: int, text: str, start: int, end: int) -> list[str]:
    left = max(0, start - CONTEXT)
    right = min(len(text), max(end, start + 1) + CONTEXT)
    prefix = "…" if left else ""
    shown = prefix + "".join(visible(c) for c in text[left:right]) + ("…" if right < len(text) else "")
    pad = len(prefix) + sum(width(c) for c in text[left:start])
    carets = max(1, sum(width(c) for c in text[start:end]))
    gutter = " " * len(str(number))
    return [f"{gutter} |", f"{number} | {shown}", f"{gutter} | {' ' * pad}{'^' * carets}"]


class FullFormatter(Formatter):
    def render(self, report: Report) -> None:
        write = self.stream.write
        location = TextFormatter(self.stream).location
        files: dict[str, tuple[str, ...]] = {}  # findings are sorted by path: few files open at once

        def lines_of(path: str) -> tuple[str, ...]:
            if path not in files:
                files.clear()
                files[path] = file_lines(path)
            return files[path]

        for f in report.findings:
            write(f"{location(f.path, f.line, f.column, f.record_id)}: {f.code} {f.message}\n")
            excerpt = source_excerpt(f, lines_of)
            if excerpt is not None:
                write("\n".join(render_excerpt(*excerpt)) + "\n")
            write("\n")
        if not report.quiet:
            write(summary_line(report) + "\n")
