"""MinHash signatures and LSH band keys, vectorised over many shingle sets.

A signature holds, for each of ``PERMUTATIONS`` hash functions, the minimum
over a set's shingles; two sets agree in a slot with probability equal to
their Jaccard similarity. The hash functions are multiply-shift
(``a * x mod 2**32`` with odd ``a``, ``x`` the top half of an already mixed
shingle hash): one matrix multiply and one ``minimum.reduceat`` for all sets
and all permutations at once, with no Python loop per permutation. A slot keeps the
top 16 bits of its minimum (b-bit MinHash): unequal minima then agree by
chance once in 65,536, and twice the slots fit in the same bytes, which
halves the variance of the estimate.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.hashing import I64, U64, mix64, splitmix64

U16 = npt.NDArray[np.uint16]

#: Slots per signature: 32 x 2 bytes keeps a stored paragraph under 100 bytes.
PERMUTATIONS = 32
#: Rows per LSH band. With 10 bands of 3 rows a pair of Jaccard 0.8 shares a
#: band with probability 1 - (1 - 0.8**3)**10 > 0.999, one of 0.3 with 0.24.
BAND_ROWS = 3
# 32-bit arithmetic: twice as fast as 64-bit, and the slots keep only 16 bits.
_MULTIPLIERS = np.array([splitmix64(0x5EED + k) & 0xFFFFFFFF | 1 for k in range(PERMUTATIONS)], dtype=np.uint32)
_MULTIPLIER_COLUMN = _MULTIPLIERS[:, None]
EMPTY = np.uint16(0xFFFF)
_TOP32, _TOP16 = np.uint64(32), np.uint32(16)
#: Which of a uint64's two uint32 halves in memory holds its top bits.
_HIGH = 1 if sys.byteorder == "little" else 0
_SLOT_BITS = np.uint64(16)


def segment_signatures(hashes: U64, starts: I64) -> U16:
    """Signatures of consecutive segments ``hashes[starts[i]:starts[i+1]]`` (the last
    runs to the end); every segment must be non-empty."""
    minima = np.minimum.reduceat(_high_halves(hashes)[:, None] * _MULTIPLIERS, starts, axis=0)
    minima >>= _TOP16
    return minima.astype(np.uint16)


def _high_halves(hashes: U64) -> npt.NDArray[np.uint32]:
    """The top 32 bits of each hash (the mixed hash's best bits), as a view if it can."""
    if hashes.flags.c_contiguous:
        return hashes.view(np.uint32)[_HIGH::2]
    return (hashes >> _TOP32).astype(np.uint32)


def range_signatures(hashes: U64, bounds: list[int], out: U16 | None = None) -> U16:
    """Signatures of the ranges ``hashes[bounds[0]:bounds[1]]``, ``hashes[bounds[2]:bounds[3]]``
    and so on: non-empty, disjoint and in order, with gaps that do not count.

    Written into ``out`` (one row per range) if given, else into a new array.
    """
    # reduceat over the bounds: the even segments are the ranges, the odd ones
    # the gaps; an index equal to the length is not allowed, nor needed.
    if bounds[-1] == len(hashes):
        bounds = bounds[:-1]
    # One row per permutation: reducing along contiguous rows is the fast way.
    minima = np.minimum.reduceat(_MULTIPLIER_COLUMN * _high_halves(hashes), bounds, axis=1)[:, ::2]
    minima >>= _TOP16
    if out is None:
        return minima.T.astype(np.uint16)
    out[...] = minima.T  # the 16-bit slots: the cast keeps them whole
    return out


def signatures(shingles: U64, counts: I64) -> U16:
    """One signature per set; set ``i`` is the next ``counts[i]`` shingles.

    A set without shingles gets a signature of ``EMPTY`` slots.
    """
    starts = counts.cumsum() - counts
    if len(shingles) and (counts > 0).all():
        return segment_signatures(shingles, starts)
    out = np.full((len(counts), PERMUTATIONS), EMPTY, dtype=np.uint16)
    filled = counts > 0
    if len(shingles):
        out[filled] = segment_signatures(shingles, starts[filled])
    return out


def band_keys(sigs: U16, rows: int = BAND_ROWS) -> Iterator[U64]:
    """LSH keys, one array per band: sets that agree on a whole band share its key.

    One band at a time, so that grouping a large corpus holds one key array.
    """
    n, width = sigs.shape
    for band in range(width // rows):  # ten bands, not one pass per permutation
        key = np.full(n, band, dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            key <<= _SLOT_BITS  # three 16-bit slots and the band number fit in 64 bits
            key |= sigs[:, column]
        yield mix64(key)


def estimated_similarity(first: U16, second: U16) -> npt.NDArray[np.float64]:
    """Estimated Jaccard similarity of row pairs: the share of agreeing slots."""
    agree: npt.NDArray[np.float64] = (first == second).mean(axis=-1)
    return agree
