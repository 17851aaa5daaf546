"""Whole-document copies, and which short paragraphs are copies in context.

A short paragraph (a quote, a standard sentence) shared by two documents is
ordinary; the same paragraph in a document that also copies long paragraphs
from the other one is part of a copied story. A document all of whose
paragraphs are copies from one other document is reported once, as a whole.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.copies import Copies, ExactGroups, holders
from corpuslint.dedup.store import Store

I64 = npt.NDArray[np.int64]


def identical_documents(texts: list[int]) -> dict[int, int]:
    """Documents whose whole text repeats an earlier one's: ``{document: first}``
    (``texts[i]`` is document ``i``'s text hash, 0 for none)."""
    first: dict[int, int] = {}
    copies: dict[int, int] = {}
    for doc, text in enumerate(texts):
        if not text:
            continue
        if text in first:
            copies[doc] = first[text]
        else:
            first[text] = doc
    return copies


def whole_copies(store: Store, groups: ExactGroups, copies: Copies, long_words: int) -> dict[int, int]:
    """Documents with two or more paragraphs of at least ``long_words`` words, all
    of them copies from ONE earlier document: ``{document: the earliest such source}``.

    Shorter paragraphs do not decide: a copied story under a new headline is
    still a copy."""
    long = store.rows["words"] >= long_words
    copied = long & (copies.first >= 0)
    count = np.diff(np.concatenate(([0], np.cumsum(long)))[store.bounds])
    done = np.diff(np.concatenate(([0], np.cumsum(copied)))[store.bounds])
    sources: dict[int, int] = {}
    for doc in np.flatnonzero((count >= 2) & (done == count)).tolist():
        rows = [row for row in store.rows_of(doc) if long[row]]
        common = holders(store, groups, copies, rows[0], doc)
        for row in rows[1:]:
            common = np.intersect1d(common, holders(store, groups, copies, row, doc), assume_unique=True)
            if len(common) == 0:
                break
        if len(common):
            sources[doc] = int(common[0])
    return sources


def short_copies_in_context(
    store: Store, groups: ExactGroups, copies: Copies, long_words: int
) -> npt.NDArray[np.bool_]:
    """Rows to report: copies of at least ``long_words`` words, and shorter copies
    whose source document also holds a long paragraph copied by the same document."""
    reported = copies.first >= 0
    long = store.rows["words"] >= long_words
    anchors = reported & long
    keep = anchors.copy()
    for row in np.flatnonzero(reported & ~long).tolist():
        doc = int(store.doc[row])
        source = int(store.doc[copies.first[row]])
        keep[row] = any(
            anchors[other] and source in holders(store, groups, copies, other, doc) for other in store.rows_of(doc)
        )
    return keep
