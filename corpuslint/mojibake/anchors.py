"""Find the lines ftfy would call bad without running its heuristic on every line.

ftfy repairs a line only when ``ftfy.badness.BADNESS_RE`` matches in it. That
pattern is one long alternation with no literal prefix, so searching a whole
corpus with it runs at a few MB/s. But every alternative needs at least one
character from a short, fixed set, its *anchor*: ``[bad][bad]`` needs a
``bad`` character, ``вЂ`` needs ``Ђ``. The anchors are derived here from the
parsed pattern itself, so they follow whatever ftfy version is installed; a
cheap character-class search finds them, and the full pattern runs only in a
window around each one. Text without an anchor is never handed to ftfy.

Loading ftfy and deriving the anchors costs about 50 ms, a sixth of a
one-file run; :data:`MAY_ANCHOR` is a fixed superset of the anchors, so a run
whose documents have none of its characters (curly quotes and dashes are not
in it) never loads ftfy at all. :class:`BadLineFinder` checks that the
installed ftfy's anchors do lie inside it, and searches for its own anchors
everywhere if a future version adds others.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from corpuslint.document import Document

# The parser is private (``sre_parse`` until Python 3.10); typed as Any on purpose.
try:
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre_parse = importlib.import_module("sre_parse")

#: How common a character is in correct text of many languages. An alternative
#: is anchored on its class of least total weight, so that curly quotes and
#: dashes, which most non-ASCII English text has, rarely wake up the check.
EVERYDAY_WEIGHT = {c: 10 for c in "’‘“”–—…\u00a0"} | {c: 1 for c in "•·«»©®™°£€¢¥§¶×±"}

Anchors = tuple[frozenset[str], ...]

#: Every character an anchor of ftfy's BADNESS_RE may be: Latin-1 and Latin
#: Extended, spacing modifiers, Greek and Cyrillic, some punctuation and
#: symbols of the 8-bit code pages (not U+2000-U+2019: spaces, dashes,
#: quotes), box drawing, ligatures and the replacement character.
MAY_ANCHOR_CHARS = "\x80-\u02ff\u0370-\u04ff\u201a\u201e\u2020-\u2021\u2030-\u25ff\ufb00-\ufb06\ufffd"
MAY_ANCHOR = re.compile(f"[{MAY_ANCHOR_CHARS}]")


def _name(op: object) -> str:
    return str(getattr(op, "name", op))


def _char_set(op: object, arg: Any) -> frozenset[str] | None:
    """The characters one pattern item matches, or None if unbounded (``\\s``, ``[^x]``)."""
    kind = _name(op)
    if kind == "LITERAL":
        return frozenset(chr(arg))
    if kind != "IN":
        return None
    chars: set[str] = set()
    for item_op, item_arg in arg:
        item = _name(item_op)
        if item == "LITERAL":
            chars.add(chr(item_arg))
        elif item == "RANGE":
            chars.update(map(chr, range(item_arg[0], item_arg[1] + 1)))
        else:
            return None
    return frozenset(chars)


def _anchor(items: Sequence[tuple[object, Any]]) -> frozenset[str] | None:
    """The best mandatory non-ASCII class of one alternative (items outside repeats are mandatory)."""
    candidates = []
    for op, arg in items:
        chars = _char_set(op, arg)
        if chars and all(ord(c) > 127 for c in chars):
            candidates.append(chars)
    if not candidates:
        return None
    return min(candidates, key=lambda chars: (sum(EVERYDAY_WEIGHT.get(c, 0) for c in chars), len(chars)))


def derive_anchors(pattern: re.Pattern[str]) -> tuple[Anchors, int] | None:
    """One anchor set per alternative of ``pattern`` and its longest match, or None if underivable."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        width = parsed.getwidth()[1]
        items = list(parsed.data)
    except Exception:  # a future parser may differ: fall back to checking whole lines
        return None
    if width > 64:
        return None
    branches = items[0][1][1] if len(items) == 1 and _name(items[0][0]) == "BRANCH" else [items]
    anchors = []
    for branch in branches:
        anchor = _anchor(list(branch))
        if anchor is None:
            return None
        anchors.append(anchor)
    return tuple(anchors), width


def _char_class(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class BadLineFinder:
    """Finds the lines of a document on which ``BADNESS_RE`` matches, as ftfy sees them."""

    def __init__(self, pattern: re.Pattern[str] | None = None) -> None:
        if pattern is None:
            from ftfy.badness import BADNESS_RE

            pattern = BADNESS_RE
        self.pattern = pattern
        derived = derive_anchors(pattern)
        anchors = frozenset().union(*derived[0]) if derived else None
        self.anchors = _char_class(anchors) if anchors is not None else None
        self.window = derived[1] if derived else 0
        #: Whether :data:`MAY_ANCHOR` holds every anchor, so that it may stand in for them.
        self.prefilter_holds = anchors is not None and all(MAY_ANCHOR.match(c) for c in anchors)

    def bad_lines(self, doc: Document) -> Iterator[tuple[int, str]]:
        """``(offset, text)`` of each bad line, without its line ending."""
        if doc.is_ascii:
            return
        if self.anchors is None:
            lines = doc.lines
            yield from ((line.start, line.text) for line in lines if self.pattern.search(line.text))
            return
        # Line bounds are found around each hit rather than from ``doc.lines``:
        # most documents have no hit, and splitting them all would cost more
        # than the whole check.
        text = doc.text
        hit = self.anchors.search(text)
        while hit is not None:
            start = text.rfind("\n", 0, hit.start()) + 1
            end = text.find("\n", hit.end())
            end = len(text) if end < 0 else end
            line = text[start : end - 1] if text[end - 1 : end] == "\r" else text[start:end]
            at = hit.start() - start
            # Any match containing this anchor lies inside the window; ``pos``
            # keeps ``^`` meaning the start of the line, as it does for ftfy.
            if self.pattern.search(line, max(0, at - self.window + 1), at + self.window):
                yield start, line
                hit = self.anchors.search(text, end)
            else:
                hit = self.anchors.search(text, hit.end())
