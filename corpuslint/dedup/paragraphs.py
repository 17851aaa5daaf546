"""The fingerprints of one document's paragraphs, computed once per document.

:func:`fingerprint_paragraphs` is a pure function of the text and the
paragraph spans; :func:`paragraph_prints` caches its result on the
:class:`~corpuslint.document.Document`, so ``duplicate-paragraph`` and
``cross-document-duplicate`` share one pass over the text.

Per-paragraph values are plain lists: most documents have a handful of
paragraphs, and each numpy call costs more than a short Python loop. When
``duplicate-paragraph`` has counted an ASCII document's words in Python
(:mod:`~corpuslint.dedup.paragraph_words`), those counts give the
paragraphs' word ranges and its folded bytes the characters to hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter
from weakref import WeakKeyDictionary

import numpy as np

from corpuslint.dedup.hashing import U64, folded_word_hashes, range_hashes, word_hashes, word_prefix
from corpuslint.dedup.paragraph_words import ParagraphWords, known_words
from corpuslint.document import Document


class ParagraphPrints:
    """Per paragraph: its word range into ``word_hashes`` and its size; exact hashes
    and prefix sums are derived when asked for."""

    __slots__ = ("word_hashes", "word_lo", "word_hi", "text_words", "_prefix", "_bytes")

    def __init__(self, hashes: U64, word_lo: list[int], word_hi: list[int], text_words: list[int]) -> None:
        self.word_hashes = hashes
        self.word_lo = word_lo
        self.word_hi = word_hi
        #: Words that are not numbers: what the size thresholds count.
        self.text_words = text_words
        self._prefix: U64 | None = None
        self._bytes: bytes | None = None

    @property
    def prefix(self) -> U64:
        """:func:`~corpuslint.dedup.hashing.word_prefix` of ``word_hashes``, to hash word ranges."""
        if self._prefix is None:
            self._prefix = word_prefix(self.word_hashes)
        return self._prefix

    @property
    def hash_bytes(self) -> bytes:
        """The word hashes, 8 bytes each: they compare and slice cheaply."""
        if self._bytes is None:
            self._bytes = self.word_hashes.tobytes()
        return self._bytes

    def key(self, index: int) -> bytes:
        """A key that paragraphs share exactly when their word sequences are equal:
        the hashes of their words, which cost nothing more to compare."""
        return self.hash_bytes[8 * self.word_lo[index] : 8 * self.word_hi[index]]

    def exact(self, indices: list[int]) -> list[int]:
        """The exact hashes of some paragraphs: one 64-bit hash of each word sequence."""
        lo = [self.word_lo[i] for i in indices]
        hi = [self.word_hi[i] for i in indices]
        return range_hashes(self.word_hashes, self.prefix, lo, hi)

    @property
    def word_counts(self) -> list[int]:
        return [hi - lo for lo, hi in zip(self.word_lo, self.word_hi, strict=True)]

    def words_of(self, index: int) -> list[int]:
        return self.word_hashes[self.word_lo[index] : self.word_hi[index]].tolist()  # type: ignore[no-any-return]


def fingerprint_paragraphs(text: str, starts: Sequence[int], ends: Sequence[int]) -> ParagraphPrints:
    """Fingerprints of the paragraphs ``text[starts[i]:ends[i]]`` (disjoint, in order)."""
    words = word_hashes(text)
    count = len(starts)
    # Word ranges and the numbers inside them: binary searches over word starts,
    # for the paragraphs' starts and ends at once.
    bounds = words.starts.searchsorted(np.array([*starts, *ends], dtype=np.int64))
    # Per bound, the words before it that are not numbers.
    text_before = (bounds - words.numeric.nonzero()[0].searchsorted(bounds)).tolist()
    word_bounds = bounds.tolist()
    text_words = [b - a for a, b in zip(text_before[:count], text_before[count:], strict=True)]
    return ParagraphPrints(words.hashes, word_bounds[:count], word_bounds[count:], text_words)


def fingerprints_from_words(words: ParagraphWords) -> ParagraphPrints | None:
    """Fingerprints from the Python word counts and folded ASCII bytes, or ``None``
    if words lie outside the paragraphs (their ranges would then be wrong)."""
    assert words.folded is not None
    hashes = folded_word_hashes(words.folded)
    counts = words.word_counts
    if len(hashes) != sum(counts):
        return None
    bounds = list(accumulate(counts, initial=0))
    return ParagraphPrints(hashes, bounds[:-1], bounds[1:], words.text_words)


_CACHE: WeakKeyDictionary[Document, ParagraphPrints] = WeakKeyDictionary()
_START, _END = attrgetter("start"), attrgetter("end")


def cached_prints(doc: Document) -> ParagraphPrints | None:
    """``doc``'s fingerprints if they have been computed, else ``None``."""
    return _CACHE.get(doc)


def cache_prints(doc: Document, prints: ParagraphPrints) -> None:
    """Keep fingerprints computed elsewhere (for a batch of documents at once)."""
    _CACHE[doc] = prints


def paragraph_prints(doc: Document) -> ParagraphPrints:
    """The fingerprints of ``doc``'s paragraphs (computed on first use, then shared)."""
    prints = _CACHE.get(doc)
    if prints is None:
        words = known_words(doc)
        if words is not None and words.folded is not None:
            prints = fingerprints_from_words(words)
        if prints is None:
            paragraphs = doc.paragraphs
            prints = fingerprint_paragraphs(doc.text, [*map(_START, paragraphs)], [*map(_END, paragraphs)])
        _CACHE[doc] = prints
    return prints
