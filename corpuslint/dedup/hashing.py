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


def mix64(x: U64) -> U64:
    """splitmix64's finaliser, element-wise (returns a new array)."""
    x = x ^ (x >> np.uint64(30))
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def light_mix(x: U64) -> U64:
    """A cheaper finaliser (multiply, xor-shift) for hashes that are mixed again later."""
    y = x * np.uint64(0xFF51AFD7ED558CCD)
    y ^= y >> np.uint64(29)
    return y


def _prefix_hashes(values: npt.NDArray[np.unsignedinteger], powers: _Powers) -> U64:
    """Inclusive prefix sums of ``values[i] * base**i``."""
    powers.ensure(len(values))
    prefix: U64 = np.cumsum(np.multiply(values, powers.up[: len(values)], dtype=np.uint64), dtype=np.uint64)
    return prefix


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
    # Edges between word and non-word characters, minus one: a word of the
    # padded text spanning [s, e) is text[s - 1 : e - 1], i.e. the pairs below.
    bounds = np.flatnonzero(word[1:] != word[:-1])
    starts, ends = bounds[0::2], bounds[1::2]
    prefix = _prefix_hashes(codes, _CHAR_POWERS)
    hashes = light_mix((prefix[ends] - prefix[starts]) * _CHAR_POWERS.down[starts + 1])
    numeric = codes[starts + 1] < 58  # a word character below ":" is a digit
    return Words(starts, ends, hashes, numeric)


def sequence_hashes(word_hashes: U64, lo: I64, hi: I64) -> U64:
    """Hash of each word range ``[lo, hi)``: equal exactly when the word sequences are."""
    prefix = np.concatenate(([np.uint64(0)], _prefix_hashes(word_hashes, _WORD_POWERS)))
    polynomial = (prefix[hi] - prefix[lo]) * _WORD_POWERS.down[lo]
    return mix64(polynomial + (hi - lo).astype(np.uint64))


def shingle_hashes(word_hashes: U64, lo: I64, hi: I64, size: int) -> tuple[U64, I64]:
    """Hashes of the ``size``-word shingles inside each range, and each one's range index.

    A range shorter than ``size`` words gives one shingle, its sequence hash,
    so that short paragraphs still have a non-empty shingle set.
    """
    count = np.maximum(hi - lo - size + 1, 0)
    n = len(word_hashes) - size + 1
    if n > 0:
        # Odd multipliers, one per position, so that word order matters.
        combined = word_hashes[:n] * np.uint64(splitmix64(0) | 1)
        for k in range(1, size):
            combined += word_hashes[k : k + n] * np.uint64(splitmix64(k) | 1)
        combined = mix64(combined)
    else:
        combined = np.zeros(0, dtype=np.uint64)
    owner = np.repeat(np.arange(len(lo)), count)
    position = np.arange(len(owner)) - np.repeat(np.cumsum(count) - count, count) + np.repeat(lo, count)
    shingles = combined[position]
    short = np.flatnonzero((count == 0) & (hi > lo))
    if len(short):
        shingles = np.concatenate([shingles, sequence_hashes(word_hashes, lo[short], hi[short])])
        owner = np.concatenate([owner, short])
        order = np.argsort(owner, kind="stable")
        shingles, owner = shingles[order], owner[order]
    return shingles, owner
