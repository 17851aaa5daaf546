"""The fingerprint store: one fixed-size record per paragraph, in numpy arrays.

A document's summary is a structured array with one row per paragraph of at
least the minimum size: its exact hash, where it is, its size, and a MinHash
signature of its word shingles (84 bytes a row). The corpus phase
concatenates the summaries into one array and adds the document index
(4 bytes), so the store costs under 100 bytes a paragraph and holds no text.
"""

from __future__ import annotations

import operator
import struct
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.hashing import shingle_hashes, text_hash, window_hashes
from corpuslint.dedup.minhash import EMPTY, PERMUTATIONS, U16, range_signatures, signatures
from corpuslint.dedup.paragraphs import ParagraphPrints, paragraph_prints
from corpuslint.dedup.process import note_summarizing
from corpuslint.document import Document
from corpuslint.text.spans import Span

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


@lru_cache(maxsize=128)
def _head_format(rows: int) -> struct.Struct:
    """``rows`` rows of ROW: the fields before the signature, then room for it."""
    return struct.Struct("<" + f"QIIHH{2 * PERMUTATIONS}x" * rows)


class Summary(NamedTuple):
    """What the map phase keeps of one document.

    The rows travel as raw bytes: a worker process sends them to the parent,
    and the cache stores them, without pickling a structured dtype for every
    document (that cost the parent of a ``--jobs 2`` run a tenth of its time).
    """

    data: bytes
    #: ``(record_line, record_id)`` of a record of a multi-document file.
    record: tuple[int, str | None] | None
    #: The exact hash of the whole text, so that documents made only of short
    #: lines (a table of figures) are still found when copied whole; 0 for a
    #: document with fewer words than the minimum.
    text: int = 0

    @property
    def rows(self) -> Rows:
        """The rows, one per paragraph, as a (read-only) structured array."""
        return np.frombuffer(self.data, dtype=ROW)


def paragraph_signatures(prints: ParagraphPrints, indices: list[int], size: int, out: U16 | None = None) -> U16:
    """MinHash signatures of the ``size``-word shingle sets of some paragraphs
    (written into ``out``, one row per paragraph, if given)."""
    word_lo, word_hi = prints.word_lo, prints.word_hi
    # Every window of the text is hashed at once; a paragraph's shingles are
    # the windows that start in it and end in it: from lo to hi - size + 1.
    bounds = [bound for i in indices for bound in (word_lo[i], word_hi[i] - size + 1)]
    if any(map(operator.ge, bounds[0::2], bounds[1::2])):
        # A paragraph shorter than a shingle is one shingle: the general path.
        lo, hi = np.array(word_lo)[indices], np.array(word_hi)[indices]
        found = signatures(*shingle_hashes(prints.word_hashes, lo, hi, size, prints.prefix))
        if out is None:
            return found
        out[...] = found
        return out
    return range_signatures(window_hashes(prints.prefix, size), bounds, out)


def extent(paragraph: Span) -> tuple[int, int, int]:
    """A paragraph's first line, last line and end column, as Document.position gives them."""
    _, _, line, body = paragraph
    last_break = body.rfind("\n")
    if last_break < 0:
        return line, line, len(body) + 1
    return line, line + body.count("\n"), len(body) - last_break


def summarize_document(doc: Document, min_words: int, shingle_size: int | None) -> Summary:
    """The store rows of ``doc``'s paragraphs of at least ``min_words`` words, with
    signatures of their ``shingle_size``-word shingles (none, for exact copies only)."""
    note_summarizing()
    prints = paragraph_prints(doc)
    sizes = prints.text_words
    indices = [i for i, size in enumerate(sizes) if size >= min_words]
    record = (doc.record_line, doc.record_id) if doc.record_line is not None else None
    text = text_hash(prints.word_hashes, prints.prefix) if sum(sizes) >= min_words else 0
    if not indices:
        return Summary(b"", record, text)
    # The fixed fields of all rows packed at once (cheaper than numpy field by
    # field for a few rows), then the signatures in one assignment.
    paragraphs = doc.paragraphs
    values: list[int] = []
    for exact, i in zip(prints.exact(indices), indices, strict=True):
        values += (exact, *extent(paragraphs[i]), sizes[i])
    if max(values[3::5]) > _U16 or max(values[4::5]) > _U16:  # a very long line or paragraph
        values[3::5] = [min(value, _U16) for value in values[3::5]]
        values[4::5] = [min(value, _U16) for value in values[4::5]]
    buffer = bytearray(len(indices) * ROW.itemsize)
    _head_format(len(indices)).pack_into(buffer, 0, *values)
    rows = np.frombuffer(buffer, dtype=ROW)
    if shingle_size is None:
        rows["sig"] = EMPTY
    else:
        paragraph_signatures(prints, indices, shingle_size, rows["sig"])
    return Summary(bytes(buffer), record, text)


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
    parts = [s.data if s is not None else b"" for s in summaries]
    size = ROW.itemsize
    counts = np.array([len(p) // size for p in parts], dtype=np.int64)
    # Joined as raw bytes, then viewed once (writable: a bytearray).
    rows = np.frombuffer(bytearray(b"".join(parts)), dtype=ROW)
    bounds = np.concatenate(([0], np.cumsum(counts)))
    return Store(rows, np.repeat(np.arange(len(parts), dtype=np.int32), counts), bounds)
