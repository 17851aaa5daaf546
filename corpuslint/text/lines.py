"""Split text into lines and paragraphs.

Lines are split on ``\\n`` only (a trailing ``\\r`` is kept out of the line's
text), because ``str.splitlines`` also breaks on U+0085 and U+2028, which
would shift every line number after them compared with editors and ``grep``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from corpuslint.text.spans import Span

#: A hard-wrapped block has lines shorter than this; longer lines mean one
#: paragraph per line (scraped pages without blank lines, like seed 004).
WRAP_WIDTH = 100


def split_lines(text: str) -> list[Span]:
    parts = text.split("\n")
    if parts and not parts[-1]:
        parts.pop()  # the text ends with a newline: no empty last line
    if not parts:
        return []
    starts = list(accumulate((len(part) + 1 for part in parts[:-1]), initial=0))
    numbers = range(1, len(parts) + 1)
    if "\r" in text:
        parts = [part[:-1] if part.endswith("\r") else part for part in parts]
    ends = [start + len(part) for start, part in zip(starts, parts, strict=True)]
    return list(map(Span, starts, ends, numbers, parts))


#: A block: a maximal run of lines that hold something besides whitespace.
#: ``\S`` never matches U+00A0 and other Unicode spaces, so a line of only
#: non-breaking spaces separates paragraphs just like an empty one.
_BLOCK = re.compile(r"^[^\S\n]*\S.*(?:\n[^\S\n]*\S.*)*", re.MULTILINE)


def _indented(line: str) -> bool:
    return line[:1] in (" ", "\t")


def _line_groups(lines: list[str]) -> list[list[int]]:
    """Indices of the lines of each paragraph inside one multi-line block."""
    if any(_indented(line) for line in lines[1:]):
        # Wire copy: paragraphs begin with an indented line.
        groups: list[list[int]] = []
        for index, line in enumerate(lines):
            if not groups or _indented(line):
                groups.append([index])
            else:
                groups[-1].append(index)
        return groups
    if max(len(line) for line in lines[:-1]) > WRAP_WIDTH:
        # Long physical lines are not hard-wrapped: each one is a paragraph.
        return [[index] for index in range(len(lines))]
    return [list(range(len(lines)))]


def split_paragraphs(text: str, line_starts: list[int]) -> list[Span]:
    """Paragraphs: blocks between blank lines, split further at indented
    first lines (wire copy) or at every line when lines are not wrapped."""
    paragraphs: list[Span] = []
    for match in _BLOCK.finditer(text):
        block = match.group().rstrip("\r")
        start = match.start()
        first_line = bisect_right(line_starts, start)
        if "\n" not in block:
            paragraphs.append(Span(start, start + len(block), first_line, block))
            continue
        lines = block.split("\n")
        offsets = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=start))
        for group in _line_groups(lines):
            begin, last = offsets[group[0]], group[-1]
            end = offsets[last] + len(lines[last].rstrip("\r"))
            paragraphs.append(Span(begin, end, first_line + group[0], text[begin:end]))
    return paragraphs
