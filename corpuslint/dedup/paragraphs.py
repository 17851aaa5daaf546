"""The fingerprints of one document's paragraphs, computed once per document.

:func:`fingerprint_paragraphs` is a pure function of the text and the
paragraph spans; :func:`paragraph_prints` caches its result on the
:class:`~corpuslint.document.Document`, so ``duplicate-paragraph`` and
``cross-document-duplicate`` share one pass over the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy as np

from corpuslint.dedup.hashing import I64, U64, sequence_hashes, word_hashes, word_prefix
from corpuslint.document import Document


@dataclass(frozen=True)
class ParagraphPrints:
    """Per paragraph: its word range into ``word_hashes``, its exact hash, its size."""

    word_lo: I64
    word_hi: I64
    word_hashes: U64
    exact: U64
    #: Words that are not numbers: what the size thresholds count.
    text_words: I64
    #: :func:`~corpuslint.dedup.hashing.word_prefix` of ``word_hashes``, to hash more ranges.
    prefix: U64
    #: The paragraphs' offsets in the text.
    starts: I64
    ends: I64

    @property
    def word_counts(self) -> I64:
        return self.word_hi - self.word_lo

    def words_of(self, index: int) -> U64:
        return self.word_hashes[self.word_lo[index] : self.word_hi[index]]


def fingerprint_paragraphs(text: str, starts: Sequence[int], ends: Sequence[int]) -> ParagraphPrints:
    """Fingerprints of the paragraphs ``text[starts[i]:ends[i]]`` (disjoint, in order)."""
    words = word_hashes(text)
    begin, end = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    # Word ranges and the numbers inside them: binary searches over word starts.
    lo = words.starts.searchsorted(begin)
    hi = words.starts.searchsorted(end)
    numbers = words.numeric.nonzero()[0]
    text_words = (hi - lo) - (numbers.searchsorted(hi) - numbers.searchsorted(lo))
    prefix = word_prefix(words.hashes)
    exact = sequence_hashes(words.hashes, lo, hi, prefix)
    return ParagraphPrints(lo, hi, words.hashes, exact, text_words, prefix, begin, end)


_CACHE: WeakKeyDictionary[Document, ParagraphPrints] = WeakKeyDictionary()


def paragraph_prints(doc: Document) -> ParagraphPrints:
    """The fingerprints of ``doc``'s paragraphs (computed on first use, then shared)."""
    prints = _CACHE.get(doc)
    if prints is None:
        paragraphs = doc.paragraphs
        prints = fingerprint_paragraphs(doc.text, [p.start for p in paragraphs], [p.end for p in paragraphs])
        _CACHE[doc] = prints
    return prints
