"""From a fingerprint store to copies: exact groups, near candidates, first copies.

Rows of the store are in corpus order, so "earlier" is "smaller row index".
Every step sorts and groups arrays; the only Python loops run over near
links and over documents that are copied whole, both few.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.grouping import Pairs, banded_pairs, runs, sorted_unique
from corpuslint.dedup.minhash import band_keys, estimated_similarity
from corpuslint.dedup.store import Store

I64 = npt.NDArray[np.int64]


class ExactGroups(NamedTuple):
    """Rows with equal exact hashes. ``order[starts[g]:stops[g]]`` are group ``g``'s
    rows, earliest first; ``first[g]`` is its earliest row."""

    group_of: I64
    order: I64
    starts: I64
    stops: I64
    first: I64
    #: How many documents hold each group.
    documents: I64

    def rows(self, group: int) -> I64:
        return self.order[self.starts[group] : self.stops[group]]


def exact_groups(store: Store) -> ExactGroups:
    order = np.argsort(store.rows["exact"], kind="stable")
    starts, stops = runs(store.rows["exact"][order])
    group_of = np.empty(len(order), dtype=np.int64)
    group_of[order] = np.repeat(np.arange(len(starts)), stops - starts)
    docs = store.doc[order]
    new_doc = np.ones(len(order), dtype=np.int64)
    new_doc[1:] = docs[1:] != docs[:-1]
    new_doc[starts] = 1
    documents = np.add.reduceat(new_doc, starts) if len(starts) else np.zeros(0, dtype=np.int64)
    return ExactGroups(group_of, order, starts, stops, order[starts], documents)


def near_candidates(store: Store, groups: ExactGroups, min_estimate: float) -> Pairs:
    """Pairs of groups ``(a, b)`` whose representatives share an LSH band, span
    more than one document, and have an estimated similarity of ``min_estimate``."""
    sigs = store.rows["sig"][groups.first]
    pairs = banded_pairs(band_keys(sigs))
    if len(pairs) == 0:
        return pairs
    a, b = pairs[:, 0], pairs[:, 1]
    one_doc = (groups.documents[a] == 1) & (groups.documents[b] == 1)
    same_doc = one_doc & (store.doc[groups.first[a]] == store.doc[groups.first[b]])
    likely = estimated_similarity(sigs[a], sigs[b]) >= min_estimate
    kept: Pairs = pairs[~same_doc & likely]
    return kept


class Copies(NamedTuple):
    """Per row: its first copy in an earlier document (-1: none), how similar, and in
    how many documents the paragraph occurs."""

    first: I64
    similarity: npt.NDArray[np.float64]
    documents: I64
    #: Per group, the groups it is a verified near-duplicate of.
    neighbours: dict[int, set[int]]


def first_copies(store: Store, groups: ExactGroups, near: list[tuple[int, int, float]]) -> Copies:
    """Resolve each row's earliest copy in an earlier document (exact or verified near)."""
    candidate = groups.first[groups.group_of]
    first = np.where(store.doc[candidate] < store.doc, candidate, -1)
    similarity = np.ones(len(first))
    documents = groups.documents[groups.group_of].copy()
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b, score in near:
        neighbours[a].add(b)
        neighbours[b].add(a)
        for source, target in ((a, b), (b, a)):
            rows = groups.rows(target)
            earliest = groups.first[source]
            better = (store.doc[earliest] < store.doc[rows]) & ((first[rows] < 0) | (earliest < first[rows]))
            first[rows[better]] = earliest
            similarity[rows[better]] = score
    for group, linked in neighbours.items():
        held = {int(d) for g in (group, *linked) for d in store.doc[groups.rows(g)]}
        documents[groups.rows(group)] = len(held)
    return Copies(first, similarity, documents, dict(neighbours))


def holders(store: Store, groups: ExactGroups, copies: Copies, row: int, before: int) -> I64:
    """The documents before ``before`` that hold row ``row``'s paragraph or a near copy."""
    group = int(groups.group_of[row])
    linked = [group, *sorted(copies.neighbours.get(group, ()))]
    docs = np.concatenate([store.doc[groups.rows(g)] for g in linked])
    held: I64 = sorted_unique(docs[docs < before])
    return held
