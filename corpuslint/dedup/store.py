"""The fingerprint store: one fixed-size record per paragraph, in numpy arrays.

A document's summary is a structured array with one row per paragraph of at
least the minimum size: its exact hash, where it is, its size, and a MinHash
signature of its word shingles (84 bytes a row). The corpus phase
concatenates the summaries into one array and adds the document index
(4 bytes), so the store costs under 100 bytes a paragraph and holds no text.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.hashing import sequence_hashes, shingle_hashes
from corpuslint.dedup.minhash import PERMUTATIONS, signatures
from corpuslint.dedup.paragraphs import paragraph_prints
from corpuslint.document import Document

ROW = np.dtype(
    [
        ("exact", "<u8"),
        ("line", "<u4"),
        ("end_line", "<u4"),
        ("end_column", "<u2"),
        ("words", "<u2"),
        ("sig", "<u4", (PERMUTATIONS,)),
    ]
)
Rows = npt.NDArray[np.void]
_U16 = 0xFFFF


class Summary(NamedTuple):
    """What the map phase keeps of one document."""

    rows: Rows
    #: ``(record_line, record_id)`` of a record of a multi-document file.
    record: tuple[int, str | None] | None
    #: The exact hash of the whole text, so that documents made only of short
    #: lines (a table of figures) are still found when copied whole; 0 for a
    #: document with fewer words than the minimum.
    text: int = 0


def paragraph_shingles(
    doc: Document, indices: npt.NDArray[np.int64], size: int
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """The ``size``-word shingle hashes of some paragraphs of ``doc``, with the
    position in ``indices`` each belongs to (ascending)."""
    prints = paragraph_prints(doc)
    return shingle_hashes(prints.word_hashes, prints.word_lo[indices], prints.word_hi[indices], size)


def summarize_document(doc: Document, min_words: int, shingle_size: int) -> Summary:
    """The store rows of ``doc``'s paragraphs of at least ``min_words`` words."""
    prints = paragraph_prints(doc)
    indices = np.flatnonzero(prints.text_words >= min_words)
    rows = np.zeros(len(indices), dtype=ROW)
    record = (doc.record_line, doc.record_id) if doc.record_line is not None else None
    everything = np.array([0, len(prints.word_hashes)])
    text = int(sequence_hashes(prints.word_hashes, everything[:1], everything[1:])[0])
    if int(prints.text_words.sum()) < min_words:
        text = 0
    if len(indices) == 0:
        return Summary(rows, record, text)
    paragraphs = doc.paragraphs
    ends = [doc.position(paragraphs[i].end) for i in indices.tolist()]
    rows["exact"] = prints.exact[indices]
    rows["line"] = [paragraphs[i].line for i in indices.tolist()]
    rows["end_line"] = [line for line, _ in ends]
    rows["end_column"] = np.minimum([column for _, column in ends], _U16)
    rows["words"] = np.minimum(prints.text_words[indices], _U16)
    shingles, owner = paragraph_shingles(doc, indices, shingle_size)
    rows["sig"] = signatures(shingles, owner, len(indices))
    return Summary(rows, record, text)


class Store(NamedTuple):
    """All documents' rows, in corpus order (document, then line), and each row's document."""

    rows: Rows
    doc: npt.NDArray[np.int32]
    #: ``rows[bounds[d]:bounds[d + 1]]`` are document ``d``'s.
    bounds: npt.NDArray[np.int64]

    @property
    def nbytes(self) -> int:
        """The size of the store: rows and document numbers (the bounds are per document)."""
        return int(self.rows.nbytes + self.doc.nbytes)

    def rows_of(self, doc: int) -> range:
        return range(int(self.bounds[doc]), int(self.bounds[doc + 1]))


def concatenate(summaries: list[Summary | None]) -> Store:
    """One store from the per-document summaries (``None`` for unreadable documents)."""
    parts = [s.rows if s is not None else np.zeros(0, dtype=ROW) for s in summaries]
    counts = np.array([len(p) for p in parts], dtype=np.int64)
    rows = np.concatenate(parts) if parts else np.zeros(0, dtype=ROW)
    bounds = np.concatenate(([0], np.cumsum(counts)))
    return Store(rows, np.repeat(np.arange(len(parts), dtype=np.int32), counts), bounds)
