"""Split text into lines and paragraphs.

Lines are split on ``\\n`` only (a trailing ``\\r`` is kept out of the line's
text), because ``str.splitlines`` also breaks on U+0085 and U+2028, which
would shift every line number after them compared with editors and ``grep``.
"""

from __future__ import annotations

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


def _is_blank(line: Span) -> bool:
    # str.strip() also removes U+00A0 and other Unicode spaces: a line of
    # only non-breaking spaces separates paragraphs just like an empty one.
    return not line.text.strip()


def _blocks(lines: list[Span]) -> list[list[Span]]:
    blocks: list[list[Span]] = []
    current: list[Span] = []
    for line in lines:
        if _is_blank(line):
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _join(text: str, group: list[Span]) -> Span:
    first, last = group[0], group[-1]
    return Span(first.start, last.end, first.line, text[first.start : last.end])


def _split_block(text: str, block: list[Span]) -> list[list[Span]]:
    if len(block) == 1:
        return [block]
    # Wire copy: paragraphs begin with an indented line.
    if any(line.text[:1] in (" ", "\t") for line in block[1:]):
        groups: list[list[Span]] = []
        for line in block:
            if not groups or line.text[:1] in (" ", "\t"):
                groups.append([line])
            else:
                groups[-1].append(line)
        return groups
    # Long physical lines are not hard-wrapped: each one is a paragraph.
    if max(len(line.text) for line in block[:-1]) > WRAP_WIDTH:
        return [[line] for line in block]
    return [block]


def split_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """Paragraphs: blocks between blank lines, split further at indented
    first lines (wire copy) or at every line when lines are not wrapped."""
    paragraphs: list[Span] = []
    for block in _blocks(lines):
        for group in _split_block(text, block):
            paragraphs.append(_join(text, group))
    return paragraphs
