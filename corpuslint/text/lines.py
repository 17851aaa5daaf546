"""Split text into lines and paragraphs.

Lines are split on ``\\n`` only (a trailing ``\\r`` is kept out of the line's
text), because ``str.splitlines`` also breaks on U+0085 and U+2028, which
would shift every line number after them compared with editors and ``grep``.

Offsets and spans are built with ``map``/``zip`` over C-level iterators
rather than Python loops: these run on every document of a corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count, islice, repeat
from operator import add, lt, sub

from corpuslint.text.spans import Span, make_spans

#: A hard-wrapped block has lines shorter than this; longer lines mean one
#: paragraph per line (scraped pages without blank lines, like seed 004).
WRAP_WIDTH = 100


def _starts(parts: list[str]) -> list[int]:
    """Offsets of ``parts`` joined by ``\\n``: the sum of earlier lengths plus one per newline."""
    return list(map(add, accumulate(map(len, parts), initial=0), count()))


def line_starts(text: str) -> list[int]:
    """Offsets where lines begin (``[0]`` for an empty text)."""
    parts = text.split("\n")
    parts.pop()  # the last part starts a line but ends none
    starts = _starts(parts)
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()  # a final newline ends the last line; it starts none
    return starts


def split_lines(text: str) -> list[Span]:
    return lines_and_starts(text)[0]


def lines_and_starts(text: str) -> tuple[list[Span], list[int]]:
    """The lines, and where they begin (as :func:`line_starts`), from one split."""
    parts = text.split("\n")
    if not parts[-1]:
        parts.pop()  # the text ends with a newline: no empty last line
    starts = _starts(parts)
    del starts[len(parts) :]  # the offset after the last line starts none
    texts = [part[:-1] if part.endswith("\r") else part for part in parts] if "\r" in text else parts
    ends = map(add, starts, map(len, texts))
    return make_spans(zip(starts, ends, count(1), texts)), starts or [0]


#: What separates paragraphs: a newline followed by blank lines, or by an
#: indented line holding something besides whitespace (wire copy begins its
#: paragraphs so inside a block). ``\S`` never matches U+00A0 and other
#: Unicode spaces, so a line of only non-breaking spaces is blank like an
#: empty one. ``\s*\n`` takes the blank lines up to the last newline of a run
#: of whitespace (a single-character repeat is cheaper for the engine than a
#: repeated group). Splitting at this pattern, which begins with a literal
#: newline, is quicker than matching the paragraphs themselves.
_SEPARATOR = re.compile(r"(\n(?:\s*\n|(?=[ \t][^\S\n]*\S)))")
_FIRST_FILLED_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)


def _long_lines(starts: list[int]) -> list[int]:
    """Indices of the lines longer than WRAP_WIDTH that another line follows."""
    lengths = map(sub, islice(starts, 1, None), starts)  # each with its newline
    return list(compress(count(), map(lt, repeat(WRAP_WIDTH + 1), lengths)))


def _last_filled_end(text: str) -> int:
    """Where the last line holding something besides whitespace ends."""
    tail = text[-64:]  # trailing whitespace is short: strip a copy of the tail only
    kept = len(tail.rstrip())
    filled = len(text) - len(tail) + kept if kept else len(text.rstrip())
    end = text.find("\n", filled)
    return len(text) if end < 0 else end


def _pieces(text: str) -> tuple[int, list[str]]:
    """Where the first paragraph begins, and the paragraphs with the separators between them."""
    first = _FIRST_FILLED_LINE.search(text)
    if first is None:
        return 0, []
    begin, end = first.start(), _last_filled_end(text)
    if begin or end < len(text) - 1:
        return begin, _SEPARATOR.split(text[begin:end])
    # The usual text: split whole, not copied. A final newline starts no
    # paragraph, so it stays on the last one.
    parts = _SEPARATOR.split(text)
    if end < len(text):
        parts[-1] = parts[-1][:-1]
    return 0, parts


def split_paragraphs(text: str, line_starts: list[int]) -> list[Span]:
    """Paragraphs: blocks between blank lines, split further at indented
    first lines (wire copy) or at every line when lines are not wrapped."""
    begin, parts = _pieces(text)
    if not parts:
        return []
    offsets = list(accumulate(map(len, parts), initial=begin))
    texts, starts, ends = parts[::2], offsets[::2], offsets[1::2]
    numbers = map(bisect_right, repeat(line_starts), starts)
    if "\r" in text:
        return _split_unwrapped(parts, starts, list(numbers), line_starts, True)
    if max(map(sub, islice(line_starts, 1, None), line_starts), default=0) <= WRAP_WIDTH + 1:
        # The common case: every piece is a paragraph as it stands.
        return make_spans(zip(starts, ends, numbers, texts, strict=True))
    return _split_unwrapped(parts, starts, list(numbers), line_starts, False)


def _split_unwrapped(
    parts: list[str],
    starts: list[int],
    numbers: list[int],
    line_starts: list[int],
    carriage: bool,
) -> list[Span]:
    """The general case: carriage returns, and blocks of long unwrapped lines."""
    texts = parts[::2]
    if carriage:
        texts = [paragraph.rstrip("\r") for paragraph in texts]
    ends = list(map(add, starts, map(len, texts)))
    long_lines = _long_lines(line_starts)
    # Only a block of several lines can be unwrapped; wire copy never is.
    several = list(compress(count(), map(str.__contains__, texts, repeat("\n"))))
    for index in reversed(several):
        first = numbers[index] - 1
        last = first + texts[index].count("\n")
        at = bisect_left(long_lines, first)
        if at == len(long_lines) or long_lines[at] >= last or _in_wire_block(parts, index):
            continue
        pieces = texts[index].split("\n")
        if carriage:
            pieces = [piece.rstrip("\r") for piece in pieces]
        each = line_starts[first : last + 1]
        starts[index : index + 1], ends[index : index + 1] = each, list(map(add, each, map(len, pieces)))
        numbers[index : index + 1], texts[index : index + 1] = range(first + 1, last + 2), pieces
    return make_spans(zip(starts, ends, numbers, texts, strict=True))


def _in_wire_block(parts: list[str], index: int) -> bool:
    """Whether a lone newline separates this paragraph from a neighbour: then
    the block holds indented lines, each beginning a paragraph."""
    at = 2 * index
    return (at > 0 and parts[at - 1] == "\n") or (at + 1 < len(parts) and parts[at + 1] == "\n")
