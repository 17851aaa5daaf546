"""Finds every vocabulary line of a document with one compiled regular expression.

The expression (a trie, see :mod:`.trie`, chosen by :mod:`.expressions`)
runs once over the whole lower-cased document, as UTF-8 bytes, never line by
line; the few lines it finds are then classified by kind (:mod:`.classify`).
"""

from __future__ import annotations

from typing import NamedTuple

from corpuslint.boilerplate.classify import Classifier
from corpuslint.boilerplate.expressions import WHOLE_AFTER, Expressions
from corpuslint.boilerplate.layout import WRAPPED_CHARS
from corpuslint.boilerplate.vocabulary import Vocabulary

#: A line with more words than this is prose, whatever phrase it contains.
CONTAINS_MAX_WORDS = 40


def _continues_sentence(text: str, offset: int, core: str) -> bool:
    """A lower-case line right under an unfinished one: the end of a wrapped sentence ("accept.")."""
    if not core[:1].islower() or offset < 2:
        return False
    previous = text[text.rfind("\n", 0, offset - 1) + 1 : offset - 1].rstrip()
    # Wrapped lines run close to the wrap width; a short line above is a menu item.
    return len(previous) >= WRAPPED_CHARS and previous[-1] not in ".!?:;…"


class _CharOffsets:
    """Byte offsets of UTF-8 text to character offsets, for increasing offsets."""

    def __init__(self, raw: bytes, text: str) -> None:
        self.raw = raw
        self.identity = len(raw) == len(text)
        self.byte = self.char = 0

    def __call__(self, offset: int) -> int:
        if self.identity:
            return offset
        if offset < self.byte:  # rare: restart from the beginning
            self.byte = self.char = 0
        self.char += len(self.raw[self.byte : offset].decode("utf-8", "surrogatepass"))
        self.byte = offset
        return self.char


class Hit(NamedTuple):
    """A line that the vocabulary recognises."""

    offset: int  #: where the line starts in the document text
    kind: str
    strong: bool  #: a phrase, prefix or pattern (flag anywhere), not a menu word
    text: str  #: the recognised part of the line


class Matcher:
    """Finds the lines of a text that are vocabulary phrases or patterns."""

    def __init__(self, vocabulary: Vocabulary, whole_after: int = WHOLE_AFTER) -> None:
        self.labels = vocabulary.labels
        self.classifier = Classifier(vocabulary)
        strong, menu = self.classifier.strong, self.classifier.menu
        self.expressions = Expressions(
            sorted({k for k in (*strong, *menu) if k}),
            sorted(self.classifier.prefixes),
            [src for src, _ in vocabulary.patterns],
            whole_after,
        )
        self._contains = [(phrase.encode("utf-8"), kind) for phrase, kind in vocabulary.contains.items()]

    def hits(self, text: str) -> list[Hit]:
        """The vocabulary lines of ``text``, in order, at most one per line."""
        raw = text.encode("utf-8", "surrogatepass")
        lowered = raw.lower()
        haystack = b"\n" + lowered + b"\n"
        regex = self.expressions.for_document(haystack)
        # (line start, core start, core end, kind or "") in bytes; the
        # haystack's extra leading "\n" puts its offsets one past the text's.
        spans = (
            [(m.start(), m.start("core") - 1, m.end("core") - 1, "") for m in regex.finditer(haystack)] if regex else []
        )
        spans += self._find_contains(lowered)
        if not spans:
            return []
        spans.sort()
        to_char = _CharOffsets(raw, text)
        found: list[Hit] = []
        for line_start, start, end, kind in spans:
            if found and to_char(line_start) == found[-1].offset:
                continue  # one line, found twice (a phrase and a contained phrase)
            core = text[to_char(start) : to_char(end)]
            offset = to_char(line_start)
            if _continues_sentence(text, offset, core):
                continue
            verdict = (kind, True) if kind else self.classifier.classify(core)
            if verdict is not None:
                found.append(Hit(offset, verdict[0], verdict[1], core.strip()))
        return found

    def _find_contains(self, lowered: bytes) -> list[tuple[int, int, int, str]]:
        spans = []
        for phrase, kind in self._contains:
            at = lowered.find(phrase)
            while at >= 0:
                start = lowered.rfind(b"\n", 0, at) + 1
                end = lowered.find(b"\n", at)
                end = len(lowered) if end < 0 else end
                if lowered.count(b" ", start, end) < CONTAINS_MAX_WORDS:
                    spans.append((start, start, end, kind))
                at = lowered.find(phrase, end)
        return spans
