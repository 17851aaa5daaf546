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
from corpuslint.dedup.store import Store, paragraph_shingles
from corpuslint.rule import CorpusView

ShingleSet = npt.NDArray[np.uint64]


def _shingle_sets(corpus: CorpusView, store: Store, rows: list[int], size: int) -> dict[int, ShingleSet]:
    """The distinct shingles of each of ``rows``, re-read from their documents."""
    by_doc: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        by_doc[int(store.doc[row])].append(row)
    sets: dict[int, ShingleSet] = {}
    for doc_index in sorted(by_doc):
        wanted = by_doc[doc_index]
        doc = corpus.load(doc_index)
        index_of_line = {paragraph.line: i for i, paragraph in enumerate(doc.paragraphs)}
        lines = store.rows["line"][wanted].tolist()
        found = [(row, index_of_line[line]) for row, line in zip(wanted, lines, strict=True) if line in index_of_line]
        indices = np.array([index for _, index in found], dtype=np.int64)
        shingles, counts = paragraph_shingles(doc, indices, size)
        bounds = np.concatenate(([0], counts.cumsum()))
        for k, (row, _) in enumerate(found):
            sets[row] = sorted_unique(shingles[bounds[k] : bounds[k + 1]])
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
