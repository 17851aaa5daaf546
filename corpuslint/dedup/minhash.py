"""MinHash signatures and LSH band keys, vectorised over many shingle sets.

A signature holds, for each of ``PERMUTATIONS`` hash functions, the minimum
over a set's shingles; two sets agree in a slot with probability equal to
their Jaccard similarity. The hash functions are multiply-shift
(``(a * x mod 2**64) >> 32`` with odd ``a``) over already mixed shingle
hashes: one matrix multiply and one ``minimum.reduceat`` for all sets and
all permutations at once, with no Python loop per permutation.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.hashing import I64, U64, mix64, splitmix64

U32 = npt.NDArray[np.uint32]

#: Slots per signature: 16 x 4 bytes keeps a stored paragraph under 100 bytes.
PERMUTATIONS = 16
#: Rows per LSH band. With 8 bands of 2 rows a pair of Jaccard 0.8 shares a
#: band with probability 1 - (1 - 0.8**2)**8 > 0.9997.
BAND_ROWS = 2
_MULTIPLIERS = np.array([splitmix64(0x5EED + k) | 1 for k in range(PERMUTATIONS)], dtype=np.uint64)
EMPTY = np.uint32(0xFFFFFFFF)


def segment_signatures(hashes: U64, starts: I64) -> U32:
    """Signatures of consecutive segments ``hashes[starts[i]:starts[i+1]]`` (the last
    runs to the end); every segment must be non-empty."""
    products = hashes[:, None] * _MULTIPLIERS[None, :]
    minima = np.minimum.reduceat(products, starts, axis=0)
    return (minima >> np.uint64(32)).astype(np.uint32)


def signatures(shingles: U64, owner: I64, count: int) -> U32:
    """One signature per set ``0 .. count-1``; ``owner[i]`` (ascending) is shingle ``i``'s set.

    A set without shingles gets a signature of ``EMPTY`` slots.
    """
    out = np.full((count, PERMUTATIONS), EMPTY, dtype=np.uint32)
    if len(shingles) == 0:
        return out
    starts = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1])))
    out[owner[starts]] = segment_signatures(shingles, starts)
    return out


def band_keys(sigs: U32, rows: int = BAND_ROWS) -> U64:
    """LSH keys, shape ``(n, bands)``: sets that agree on a whole band share its key."""
    n, width = sigs.shape
    bands = width // rows
    grouped = sigs[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    keys = np.zeros((n, bands), dtype=np.uint64)
    for row in range(rows):  # a handful of rows, not one pass per permutation
        keys = keys * np.uint64(0x100000001B3) + grouped[:, :, row]
    keys ^= np.arange(bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return mix64(keys)


def estimated_similarity(first: U32, second: U32) -> npt.NDArray[np.float64]:
    """Estimated Jaccard similarity of row pairs: the share of agreeing slots."""
    agree: npt.NDArray[np.float64] = (first == second).mean(axis=-1)
    return agree
