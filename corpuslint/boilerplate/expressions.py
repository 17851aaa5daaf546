"""Which compiled expression finds a document's vocabulary lines.

Compiling the expression for the whole vocabulary takes tens of
milliseconds, more than a run over a few files spends on everything else.
So the first documents of a run are matched with an expression of only the
entries each one could match (see :mod:`.relevance`), which finds the same
lines; the whole vocabulary is compiled once the run has shown it is long.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpuslint.boilerplate.relevance import Relevance
from corpuslint.boilerplate.trie import line_regex

#: Documents matched with expressions of their own entries before the whole
#: vocabulary is compiled: a few files never pay for all of it.
WHOLE_AFTER = 32
#: Expressions of documents' own entries kept (pages of one site share them).
SUBSET_CACHE_SIZE = 256


class Expressions:
    """Compiled expressions for the vocabulary, or for the part a document needs."""

    def __init__(
        self, phrases: Sequence[str], prefixes: Sequence[str], patterns: Sequence[str], whole_after: int = WHOLE_AFTER
    ) -> None:
        self.vocabulary = (phrases, prefixes, patterns)
        self.relevance = Relevance(phrases, prefixes, patterns)
        self._subsets: dict[tuple[tuple[str, ...], ...], re.Pattern[bytes] | None] = {}
        self._whole: re.Pattern[bytes] | None = None
        self._documents_left = whole_after

    def compile_whole(self) -> None:
        """Compile the whole vocabulary's expression now (for a run known to be long)."""
        self._documents_left = 0
        self.for_document(b"")

    def for_document(self, haystack: bytes) -> re.Pattern[bytes] | None:
        """The expression for a document (lower-cased, "\\n"-framed); ``None`` if nothing can match."""
        if self._whole is not None:
            return self._whole
        if self._documents_left <= 0:
            self._whole = _compile(line_regex(*self.vocabulary))
            self._subsets.clear()  # never needed again
            return self._whole
        self._documents_left -= 1
        key = tuple(map(tuple, self.relevance.subset(haystack)))
        if key not in self._subsets:
            if len(self._subsets) >= SUBSET_CACHE_SIZE:
                self._subsets.clear()
            self._subsets[key] = _compile(line_regex(*key))
        return self._subsets[key]


def _compile(source: bytes | None) -> re.Pattern[bytes] | None:
    return None if source is None else re.compile(source)
