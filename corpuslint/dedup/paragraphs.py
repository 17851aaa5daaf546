"""The fingerprints of one document's paragraphs, computed once per document.

:func:`fingerprint_paragraphs` is a pure function of the text and the
paragraph spans; :func:`paragraph_prints` caches its result on the
:class:`~corpuslint.document.Document`, so ``duplicate-paragraph`` and
``cross-document-duplicate`` share one pass over the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.hashing import I64, U64, sequence_hashes, word_hashes
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

    @property
    def word_counts(self) -> I64:
        return self.word_hi - self.word_lo

    def words_of(self, index: int) -> U64:
        return self.word_hashes[self.word_lo[index] : self.word_hi[index]]


def fingerprint_paragraphs(text: str, spans: npt.ArrayLike) -> ParagraphPrints:
    """Fingerprints of the paragraphs ``text[start:end]`` for ``(start, end)`` in ``spans``
    (disjoint and in order)."""
    words = word_hashes(text)
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    # Word ranges and the numbers inside them: binary searches over word starts.
    lo, hi = np.searchsorted(words.starts, bounds).T
    numbers_lo, numbers_hi = np.searchsorted(np.flatnonzero(words.numeric), np.stack([lo, hi])).reshape(2, -1)
    text_words = hi - lo - (numbers_hi - numbers_lo)
    return ParagraphPrints(lo, hi, words.hashes, sequence_hashes(words.hashes, lo, hi), text_words)


_CACHE: WeakKeyDictionary[Document, ParagraphPrints] = WeakKeyDictionary()


def paragraph_prints(doc: Document) -> ParagraphPrints:
    """The fingerprints of ``doc``'s paragraphs (computed on first use, then shared)."""
    prints = _CACHE.get(doc)
    if prints is None:
        prints = fingerprint_paragraphs(doc.text, [(p.start, p.end) for p in doc.paragraphs])
        _CACHE[doc] = prints
    return prints
