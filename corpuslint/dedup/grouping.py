"""Group equal keys and turn groups into candidate pairs: sort-based, no dicts.

These work on plain integer arrays, so the same functions group a
document's paragraphs, a whole corpus, or one shard of a distributed run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.hashing import U64

Pairs = npt.NDArray[np.int64]
_Scalar = TypeVar("_Scalar", bound=np.generic)
#: Groups up to this size yield every pair; bigger ones a star and a chain,
#: so one key shared by thousands of rows cannot make the work quadratic.
ALL_PAIRS_LIMIT = 32


def runs(sorted_keys: npt.NDArray[np.generic]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Start and stop of each run of equal values in a sorted array."""
    n = len(sorted_keys)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    return starts, np.append(starts[1:], n)


def sorted_unique(values: npt.NDArray[_Scalar]) -> npt.NDArray[_Scalar]:
    """The distinct values, sorted: ``np.unique`` without its cost (in numpy 2 its
    first call imports ``numpy.ma``, longer than the whole grouping takes)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=np.bool_)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def group_pairs(group: npt.NDArray[np.int64]) -> Iterator[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, to compare within one group (ascending indices)."""
    members = group.tolist()
    if len(members) <= ALL_PAIRS_LIMIT:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                yield a, b
        return
    first = members[0]
    for previous, current in zip(members, members[1:], strict=False):
        yield first, current
        if previous != first:
            yield previous, current


def _maybe_shared(keys: U64) -> npt.NDArray[np.intp]:
    """The rows whose key may be shared, a superset found without sorting: rows
    alone in their slot of a table indexed by the keys' low bits (the keys are
    mixed hashes) share it with no other row. Most keys are unique, so the sort
    that groups equal keys then sees a fraction of the rows."""
    bits = max(10, len(keys).bit_length() + 2)  # four to eight slots a row
    slots = (keys & np.uint64((1 << bits) - 1)).astype(np.intp)
    return np.flatnonzero(np.bincount(slots, minlength=1 << bits)[slots] > 1)


def banded_pairs(bands: Iterable[U64]) -> Pairs:
    """Unique pairs ``(a, b)``, ``a < b``, of rows sharing a key in any of the key arrays."""
    found: list[Pairs] = []
    for keys in bands:
        maybe = _maybe_shared(keys)
        order = maybe[np.argsort(keys[maybe])]  # any order within a group: its pairs are sorted below
        starts, stops = runs(keys[order])
        sizes = stops - starts
        twos = starts[sizes == 2]  # by far the commonest group: vectorised
        if len(twos):
            found.append(np.sort(np.stack([order[twos], order[twos + 1]], axis=1), axis=1))
        for start, stop in zip(starts[sizes > 2].tolist(), stops[sizes > 2].tolist(), strict=True):
            pairs = list(group_pairs(np.sort(order[start:stop])))
            found.append(np.array(pairs, dtype=np.int64).reshape(-1, 2))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    # Each pair as one integer, a * rows + b: sorting those sorts the pairs.
    every = np.concatenate(found)
    rows = np.int64(every.max()) + 1
    codes = sorted_unique(every[:, 0] * rows + every[:, 1])
    return np.stack([codes // rows, codes % rows], axis=1)
