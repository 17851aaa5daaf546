"""Exact check of near-duplicate candidates: re-read the few documents involved.

MinHash only estimates similarity; a finding must be sure. So each candidate
pair's shingle sets are recomputed from the documents, each document read
once (in corpus order) and dropped straight after, and the exact Jaccard
similarity decides.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.copies import ExactGroups
from corpuslint.dedup.grouping import Pairs, sorted_unique
from corpuslint.dedup.hashing import shingle_hashes
from corpuslint.dedup.paragraphs import fingerprint_paragraphs
from corpuslint.dedup.store import Store
from corpuslint.rule import CorpusView

ShingleSet = npt.NDArray[np.uint64]


def _shingle_sets(corpus: CorpusView, store: Store, rows: list[int], size: int) -> dict[int, ShingleSet]:
    """The distinct shingles of each of ``rows``, re-read from their documents."""
    by_doc: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        by_doc[int(store.doc[row])].append(row)
    sets: dict[int, ShingleSet] = {}
    for doc_index in sorted(by_doc):
        wanted = by_doc[doc_index]  # in document order
        doc = corpus.load(doc_index)
        # A paragraph runs from the start of its first line to the end of its
        # last: the lines locate it, with no need to split paragraphs again.
        line_starts, length = doc.line_starts, len(doc.text)
        located = [
            (row, line_starts[line - 1], line_starts[end_line] - 1 if end_line < len(line_starts) else length)
            for row, line, end_line in zip(
                wanted, store.rows["line"][wanted].tolist(), store.rows["end_line"][wanted].tolist(), strict=True
            )
            if line <= end_line <= len(line_starts)
        ]
        prints = fingerprint_paragraphs(doc.text, [start for _, start, _ in located], [end for _, _, end in located])
        # Only paragraphs still as they were summarised: the file may have changed since.
        expected = store.rows["exact"][[row for row, _, _ in located]].tolist()
        current = prints.exact(list(range(len(located))))
        same = [k for k in range(len(located)) if current[k] == expected[k]]
        lo = np.array([prints.word_lo[k] for k in same], dtype=np.int64)
        hi = np.array([prints.word_hi[k] for k in same], dtype=np.int64)
        shingles, counts = shingle_hashes(prints.word_hashes, lo, hi, size, prints.prefix)
        bounds = [0, *counts.cumsum().tolist()]
        for position, k in enumerate(same):
            sets[located[k][0]] = sorted_unique(shingles[bounds[position] : bounds[position + 1]])
    return sets


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
