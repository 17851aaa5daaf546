"""Exact check of near-duplicate candidates: re-read the few documents involved.

MinHash only estimates similarity; a finding must be sure. So each candidate
pair's shingle sets are recomputed from the documents, each document read
once (in corpus order, a batch of them hashed together, then dropped), and
the exact Jaccard similarity decides.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import accumulate

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.batch import span_prints
from corpuslint.dedup.copies import ExactGroups
from corpuslint.dedup.grouping import Pairs, sorted_unique
from corpuslint.dedup.hashing import sequence_hashes, shingle_hashes, word_prefix
from corpuslint.dedup.store import Store
from corpuslint.rule import CorpusView

ShingleSet = npt.NDArray[np.uint64]


#: Documents re-read and hashed together; only these are held at once.
VERIFY_BATCH = 64


def _shingle_sets(corpus: CorpusView, store: Store, rows: list[int], size: int) -> dict[int, ShingleSet]:
    """The distinct shingles of each of ``rows``, re-read from their documents."""
    by_doc: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        by_doc[int(store.doc[row])].append(row)
    sets: dict[int, ShingleSet] = {}
    documents = sorted(by_doc)
    for first in range(0, len(documents), VERIFY_BATCH):
        batch = documents[first : first + VERIFY_BATCH]
        sets.update(_batch_shingle_sets(corpus, store, [(d, by_doc[d]) for d in batch], size))
    return sets


def _batch_shingle_sets(
    corpus: CorpusView, store: Store, wanted: list[tuple[int, list[int]]], size: int
) -> dict[int, ShingleSet]:
    """The shingle sets of some documents' rows (each document's rows in document order)."""
    texts: list[str] = []
    spans: list[tuple[list[int], list[int]]] = []
    located_rows: list[list[int]] = []
    for doc_index, doc_rows in wanted:
        doc = corpus.load(doc_index)
        # A paragraph runs from the start of its first line to the end of its
        # last: the lines locate it, with no need to split paragraphs again.
        line_starts, length = doc.line_starts, len(doc.text)
        located = [
            (row, line_starts[line - 1], line_starts[end_line] - 1 if end_line < len(line_starts) else length)
            for row, line, end_line in zip(
                doc_rows, store.rows["line"][doc_rows].tolist(), store.rows["end_line"][doc_rows].tolist(), strict=True
            )
            if line <= end_line <= len(line_starts)
        ]
        texts.append(doc.text)
        spans.append(([start for _, start, _ in located], [end for _, _, end in located]))
        located_rows.append([row for row, _, _ in located])
    all_prints = span_prints(texts, spans)
    # All documents' words in a row: every range hashes in one pass.
    offsets = list(accumulate((len(p.word_hashes) for p in all_prints), initial=0))
    hashes = np.concatenate([p.word_hashes for p in all_prints])
    rows = [row for doc_rows in located_rows for row in doc_rows]
    lo = np.array(
        [offset + w for p, offset in zip(all_prints, offsets, strict=False) for w in p.word_lo], dtype=np.int64
    )
    hi = np.array(
        [offset + w for p, offset in zip(all_prints, offsets, strict=False) for w in p.word_hi], dtype=np.int64
    )
    prefix = word_prefix(hashes)
    # Only paragraphs still as they were summarised: the file may have changed since.
    same = (sequence_hashes(hashes, lo, hi, prefix) == store.rows["exact"][rows]).nonzero()[0]
    shingles, counts = shingle_hashes(hashes, lo[same], hi[same], size, prefix)
    bounds = [0, *counts.cumsum().tolist()]
    return {
        rows[k]: sorted_unique(shingles[bounds[position] : bounds[position + 1]])
        for position, k in enumerate(same.tolist())
    }


def jaccard(first: ShingleSet, second: ShingleSet) -> float:
    """Jaccard similarity of two sets given as sorted unique arrays."""
    if len(first) == 0 or len(second) == 0:
        return 0.0
    common = len(np.intersect1d(first, second, assume_unique=True))
    return common / (len(first) + len(second) - common)


def verify_near(
    corpus: CorpusView, store: Store, groups: ExactGroups, candidates: Pairs, threshold: float, size: int
) -> list[tuple[int, int, float]]:
    """The candidate group pairs ``(a, b, similarity)`` whose representatives'
    shingle sets have a Jaccard similarity of at least ``threshold``."""
    if len(candidates) == 0:
        return []
    representatives = groups.first[candidates]
    sets = _shingle_sets(corpus, store, sorted(set(representatives.ravel().tolist())), size)
    near = []
    for (a, b), (row_a, row_b) in zip(candidates.tolist(), representatives.tolist(), strict=True):
        if row_a in sets and row_b in sets:
            score = jaccard(sets[row_a], sets[row_b])
            if score >= threshold:
                near.append((a, b, score))
    return near
