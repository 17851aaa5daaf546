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

from corpuslint.dedup.hashing import shingle_hashes, text_hash
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
        ("sig", "<u2", (PERMUTATIONS,)),
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
    """The ``size``-word shingle hashes of some paragraphs of ``doc``, paragraph
    after paragraph, and how many each paragraph has."""
    prints = paragraph_prints(doc)
    return shingle_hashes(prints.word_hashes, prints.word_lo[indices], prints.word_hi[indices], size, prints.prefix)


def summarize_document(doc: Document, min_words: int, shingle_size: int) -> Summary:
    """The store rows of ``doc``'s paragraphs of at least ``min_words`` words."""
    prints = paragraph_prints(doc)
    sizes = prints.text_words
    indices = (sizes >= min_words).nonzero()[0]
    record = (doc.record_line, doc.record_id) if doc.record_line is not None else None
    text = text_hash(prints.word_hashes, prints.prefix) if int(sizes.sum()) >= min_words else 0
    rows = np.empty(len(indices), dtype=ROW)
    if len(indices):
        # Lines and end column as Document.position gives them, for all rows at once.
        line_starts = np.array(doc.line_starts, dtype=np.int64)
        ends = prints.ends.take(indices)
        end_line = line_starts.searchsorted(ends, side="right")
        rows["exact"] = prints.exact.take(indices)
        rows["line"] = line_starts.searchsorted(prints.starts.take(indices), side="right")
        rows["end_line"] = end_line
        rows["end_column"] = np.minimum(ends - line_starts.take(end_line - 1) + 1, _U16)
        rows["words"] = np.minimum(sizes.take(indices), _U16)
        rows["sig"] = signatures(*paragraph_shingles(doc, indices, shingle_size))
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
    # As raw bytes: concatenating structured arrays re-checks their fields per part.
    raw = [p.view(np.uint8) for p in parts]
    rows = np.concatenate(raw).view(ROW) if raw else np.zeros(0, dtype=ROW)
    bounds = np.concatenate(([0], np.cumsum(counts)))
    return Store(rows, np.repeat(np.arange(len(parts), dtype=np.int32), counts), bounds)
