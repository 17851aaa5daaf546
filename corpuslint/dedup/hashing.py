"""Stable 64-bit hashes of words, word sequences and word shingles.

All arithmetic is on ``uint64`` arrays, where numpy wraps silently modulo
2**64. A sequence ``x_0 .. x_n-1`` hashes as the polynomial
``sum(x_i * B**i)``; with prefix sums every range of an array hashes in one
vectorised step (multiply by the inverse power to shift it to position 0).
The result is finalised with splitmix64 so that every bit depends on every
input bit. The constants are fixed: hashes never change between runs.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.words import fold, is_word_char

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_MASK = (1 << 64) - 1
#: Bases of the polynomial hashes (odd, so invertible modulo 2**64).
CHAR_BASE = 0x9E3779B97F4A7C15
WORD_BASE = 0xC2B2AE3D27D4EB4F


class _Powers:
    """``base**i`` and ``base**-i`` modulo 2**64, grown on demand and kept."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.inverse = pow(base, -1, 1 << 64)
        self.up: U64 = np.ones(1, dtype=np.uint64)
        self.down: U64 = np.ones(1, dtype=np.uint64)

    @staticmethod
    def _grow(table: U64, base: int, size: int) -> U64:
        out = np.empty(size, dtype=np.uint64)
        filled = len(table)
        out[:filled] = table
        while filled < size:  # doubling: log2(size) vector multiplies
            n = min(filled, size - filled)
            np.multiply(out[:n], np.uint64(pow(base, filled, 1 << 64)), out=out[filled : filled + n])
            filled += n
        return out

    def ensure(self, size: int) -> None:
        if len(self.up) < size:
            size = max(size, 2 * len(self.up), 4096)
            self.up = self._grow(self.up, self.base, size)
            self.down = self._grow(self.down, self.inverse, size)


_CHAR_POWERS = _Powers(CHAR_BASE)
_WORD_POWERS = _Powers(WORD_BASE)


def splitmix64(seed: int) -> int:
    """The scalar splitmix64 generator step: fixed pseudo-random constants from a seed."""
    z = (seed + 0x9E3779B97F4A7C15) & _MASK
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & _MASK
    return z ^ (z >> 31)


# numpy scalars made once: building them per call costs more than the arithmetic.
_S27, _S29, _S30, _S31 = (np.uint64(n) for n in (27, 29, 30, 31))
_M1, _M2, _M3 = (np.uint64(n) for n in (0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xFF51AFD7ED558CCD))


def mix64(x: U64) -> U64:
    """splitmix64's finaliser, element-wise (returns a new array)."""
    y = x >> _S30
    y ^= x
    y *= _M1
    y ^= y >> _S27
    y *= _M2
    y ^= y >> _S31
    return y


def light_mix(x: U64) -> U64:
    """A cheaper finaliser (multiply, xor-shift) for hashes that are mixed again later."""
    y = x * _M3
    y ^= y >> _S29
    return y


class Words(NamedTuple):
    """The words of a text: offsets into it, hashes, and which ones are numbers."""

    starts: I64
    ends: I64
    hashes: U64
    #: Words that begin with a digit ("1987", "3rd"): they do not count towards
    #: a paragraph's size, so tables of figures are not taken for prose.
    numeric: npt.NDArray[np.bool_]


def word_hashes(text: str) -> Words:
    """The words of ``text`` with 64-bit hashes of their folded form.

    Offsets index ``text``; ``"Pakistan"`` and ``"PAKISTAN"`` hash alike.
    """
    # A space before and after: no word starts at 0 or runs to the end, which
    # spares the edge cases of the prefix sums below.
    folded = " " + fold(text) + " "
    if folded.isascii():
        codes: npt.NDArray[np.unsignedinteger] = np.frombuffer(folded.encode("ascii"), dtype=np.uint8)
    else:
        codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    word = is_word_char(codes)
    # Edges between word and non-word characters: a word of the padded text
    # spanning [s + 1, e + 1) is text[s:e], so the edges are text offsets.
    bounds = (word[1:] != word[:-1]).nonzero()[0]
    starts, ends = bounds[0::2], bounds[1::2]
    n = len(codes)
    _CHAR_POWERS.ensure(n)
    prefix = (codes * _CHAR_POWERS.up[:n]).cumsum()
    first = starts + 1
    hashes = prefix.take(ends) - prefix.take(starts)
    hashes *= _CHAR_POWERS.down.take(first)
    numeric = codes.take(first) < 58  # a word character below ":" is a digit
    return Words(starts, ends, light_mix(hashes), numeric)


def word_prefix(word_hashes: U64) -> U64:
    """Prefix sums over a text's word hashes, from which any range hashes in O(1)."""
    n = len(word_hashes)
    _WORD_POWERS.ensure(n + 1)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    (word_hashes * _WORD_POWERS.up[:n]).cumsum(out=prefix[1:])
    return prefix


def sequence_hashes(word_hashes: U64, lo: I64, hi: I64, prefix: U64 | None = None) -> U64:
    """Hash of each word range ``[lo, hi)``: equal exactly when the word sequences are.

    ``prefix`` is :func:`word_prefix` of ``word_hashes``, if already computed.
    """
    if prefix is None:
        prefix = word_prefix(word_hashes)
    polynomial = prefix.take(hi) - prefix.take(lo)
    polynomial *= _WORD_POWERS.down.take(lo)
    polynomial += (hi - lo).view(np.uint64)  # lengths are never negative
    return mix64(polynomial)


def text_hash(word_hashes: U64, prefix: U64) -> int:
    """:func:`sequence_hashes` of all of a text's words, as a Python integer."""
    z = (int(prefix[-1]) + len(word_hashes)) & _MASK
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & _MASK
    return z ^ (z >> 31)


def shingle_hashes(word_hashes: U64, lo: I64, hi: I64, size: int, prefix: U64 | None = None) -> tuple[U64, I64]:
    """Hashes of the ``size``-word shingles inside each range, in range order, and
    how many each range has.

    A shingle hashes as the sequence of its words. A range shorter than
    ``size`` words is one shingle, its whole sequence, so that short
    paragraphs still have a non-empty shingle set.
    """
    span = hi - lo
    count = np.where(span >= size, span - size + 1, np.minimum(span, 1))
    first = (lo - count.cumsum() + count).repeat(count)
    first += np.arange(len(first))
    last = first + np.minimum(span, size).repeat(count)
    return sequence_hashes(word_hashes, first, last, prefix), count
