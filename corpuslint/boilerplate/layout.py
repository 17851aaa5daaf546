"""The shape of each line of a page: prose, link-like, metadata or other text.

Navigation, footers and teaser lists are runs of short lines without sentence
punctuation; the article is where the long, punctuated lines cluster. Text
extracted from HTML keeps one paragraph per line, while wire copy wraps its
paragraphs: a line followed by one that starts in lower case is part of a
wrapped sentence, never a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import IntEnum
from functools import cache

#: Prose: at least this many words ending in sentence punctuation, ...
PROSE_WORDS = 10
#: ... or this many words whatever the ending.
LONG_WORDS = 16
#: A link-like line has at most this many words and characters.
LINK_WORDS = 8
LINK_CHARS = 60
#: A hard-wrapped line (of wire copy) is at least this long.
WRAPPED_CHARS = 30

_BULLET = re.compile(r"(?:[*+•·◦▪‣>|#–—-]+|o(?=\s)|\d{1,2}[.)](?=\s))\s*")
#: What a bullet starts with (besides a digit): most lines need no regex.
_BULLET_FIRST = frozenset("*+•·◦▪‣>|#–—-o")
_SENTENCE_END = frozenset(".!?…\"”’)'")
_LINK_END = frozenset(".!?,;:")
#: Bylines and datelines are article metadata, not chrome (and they break runs).
_META = (
    r"(?i)(?:(?:written\s+|posted\s+|reviewed\s+|edited\s+)?by\s+\S"
    r"|(?:published|updated|posted|last\s+updated|modified)\b"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}\b"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)


class Shape(IntEnum):
    BLANK = 0
    PROSE = 1  #: a sentence or a paragraph: article text
    TEXT = 2  #: neither prose nor link-like (a heading with punctuation, a table row)
    LINK = 3  #: short, unpunctuated: a menu item, a teaser title, a label
    META = 4  #: a byline or a date line


# Plain names for the shapes: _shape runs for every line of a page.
_BLANK, _PROSE, _TEXT, _LINK, _BYLINE = Shape
_DIGITS = b"0123456789"


def core_of(line: str) -> str:
    """A line without surrounding space and list bullets."""
    stripped = line.strip()
    if not stripped or not (stripped[0] in _BULLET_FIRST or stripped[0].isdecimal()):
        return stripped
    bullet = _BULLET.match(stripped)
    return stripped[bullet.end() :] if bullet else stripped


def shape_lines(lines: Sequence[str]) -> list[Shape]:
    """The shape of every line (see :class:`Shape`)."""
    cores = [core_of(line) for line in lines]
    is_meta = _meta().match
    shapes = [_shape(core, is_meta) for core in cores]
    _join_wrapped(lines, cores, shapes)
    return shapes


@cache
def _meta() -> re.Pattern[str]:
    # Compiled at first use: a run over a few news files may never weigh a layout.
    return re.compile(_META)


def _shape(core: str, is_meta: Callable[[str], object]) -> Shape:
    if not core:
        return _BLANK
    words = core.count(" ") + 1
    last = core[-1]
    if (words >= PROSE_WORDS and last in _SENTENCE_END) or words >= LONG_WORDS:
        return _PROSE
    if words <= 12 and is_meta(core):
        return _BYLINE
    if words <= LINK_WORDS and len(core) <= LINK_CHARS and last not in _LINK_END and not _mostly_digits(core):
        return _LINK
    return _TEXT


def is_sentence(line: str) -> bool:
    """Five words or more ending in sentence punctuation: a caption, a comment, a bio."""
    core = line.strip()
    return core.count(" ") >= 4 and core[-1:] in _SENTENCE_END


def _mostly_digits(core: str) -> bool:
    # ASCII digits are counted in C; other text may hold digits of other scripts.
    digits = len(core) - len(core.encode().translate(None, _DIGITS)) if core.isascii() else sum(map(str.isdigit, core))
    return digits * 3 > len(core)


def _join_wrapped(lines: Sequence[str], cores: Sequence[str], shapes: list[Shape]) -> None:
    """Lines of a hard-wrapped paragraph are one piece of prose (or text), never links."""
    index, count = 0, len(lines)
    while index < count:
        end = index
        while end + 1 < count and shapes[end + 1] != Shape.BLANK and _continues(lines[end], cores[end + 1]):
            end += 1
        if end > index:
            joined = " ".join(lines[index : end + 1]).split()
            prose = len(joined) >= LONG_WORDS or (len(joined) >= PROSE_WORDS and joined[-1][-1] in _SENTENCE_END)
            for k in range(index, end + 1):
                shapes[k] = Shape.PROSE if prose else Shape.TEXT
        index = end + 1


def _continues(line: str, following_core: str) -> bool:
    # Wrapped lines run close to the wrap width; short lowercase items are a list.
    start = following_core[:1]
    stripped = line.strip()
    return start.islower() and len(stripped) >= WRAPPED_CHARS and stripped[-1] not in ".!?:"
