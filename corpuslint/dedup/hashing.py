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

from corpuslint.dedup.words import ascii_fold_table, bmp_fold_table, fold, is_word_char

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
        self._down_ints: list[int] = []

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

    def down_ints(self, size: int) -> list[int]:
        """At least ``size`` of the inverse powers, as Python integers."""
        if len(self._down_ints) < size:
            self.ensure(size)
            self._down_ints = self.down.tolist()
        return self._down_ints


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
    return _mix64_in_place(x.copy())


def _mix64_in_place(x: U64) -> U64:
    """:func:`mix64` overwriting ``x``: for temporaries, whose allocations cost more
    than the arithmetic on a short text."""
    shifted = x >> _S30
    x ^= shifted
    x *= _M1
    np.right_shift(x, _S27, out=shifted)
    x ^= shifted
    x *= _M2
    np.right_shift(x, _S31, out=shifted)
    x ^= shifted
    return x


def _light_mix_in_place(x: U64) -> U64:
    """A cheaper finaliser (multiply, xor-shift) for hashes that are mixed again later."""
    x *= _M3
    x ^= x >> _S29
    return x


class Words(NamedTuple):
    """The words of a text: offsets into it, hashes, and which ones are numbers."""

    starts: I64
    ends: I64
    hashes: U64
    #: Words that begin with a digit ("1987", "3rd"): they do not count towards
    #: a paragraph's size, so tables of figures are not taken for prose.
    numeric: npt.NDArray[np.bool_]


def folded_codes(text: str) -> npt.NDArray[np.unsignedinteger]:
    """The code points of ``text`` folded, separators as 0, with a separator
    before and after (so no word starts at 0 or runs to the end)."""
    if text.isascii():  # one byte table folds and classifies
        padded = b"".join((b"\0", text.encode("ascii").translate(ascii_fold_table()), b"\0"))
        return np.frombuffer(padded, dtype=np.uint8)
    # UTF-16 code units are the code points when all lie in the Basic Multilingual
    # Plane (the text is then as long as its units); ``take`` with 16-bit indices
    # is the cheapest table lookup numpy has.
    units = np.frombuffer(("\0" + text + "\0").encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    if "\u03a3" in text or len(units) != len(text) + 2:
        # Capital sigma folds by context, and astral characters lie outside the table.
        codes = np.frombuffer(("\0" + fold(text) + "\0").encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        folded: npt.NDArray[np.unsignedinteger] = codes * is_word_char(codes)
        return folded
    return bmp_fold_table().take(units)


def word_hashes(text: str) -> Words:
    """The words of ``text`` with 64-bit hashes of their folded form.

    Offsets index ``text``; ``"Pakistan"`` and ``"PAKISTAN"`` hash alike.
    """
    codes = folded_codes(text)
    bounds, hashes = hash_folded_words(codes)
    starts = bounds[0::2]
    numeric = codes[1:].take(starts) < 58  # a word character below ":" is a digit
    return Words(starts, bounds[1::2], hashes, numeric)


def folded_word_hashes(folded: bytes) -> U64:
    """The word hashes of an ASCII text already folded as :func:`folded_codes` does
    (by :func:`~corpuslint.dedup.words.ascii_fold_table`, NUL before and after)."""
    return hash_folded_words(np.frombuffer(folded, dtype=np.uint8))[1]


def hash_folded_words(codes: npt.NDArray[np.unsignedinteger]) -> tuple[I64, U64]:
    """The words' edges (start, end, start, end, ... as text offsets) and hashes, from
    folded codes with a separator before and after (:func:`folded_codes`)."""
    word = codes != 0
    # Edges between word and non-word characters: a word of the padded text
    # spanning [s + 1, e + 1) is text[s:e], so the edges are text offsets.
    bounds = (word[1:] != word[:-1]).nonzero()[0]
    starts = bounds[0::2]
    n = len(codes)
    _CHAR_POWERS.ensure(n)
    # The word at s is codes[s + 1 : e + 1]: its terms c * B**i summed (the
    # separators after it add zeros, so one reduceat sums every word), then
    # shifted down by s + 1 places.
    hashes = np.add.reduceat((codes * _CHAR_POWERS.up[:n])[1:], starts)
    hashes *= _CHAR_POWERS.down[1:].take(starts)
    return bounds, _light_mix_in_place(hashes)


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
    return _mix64_in_place(polynomial)


def window_hashes(prefix: U64, size: int) -> U64:
    """:func:`sequence_hashes` of every run of ``size`` consecutive words, ``[i, i + size)``
    for each ``i`` from 0 to ``n - size``, from the prefix sums of ``n >= size`` words."""
    count = len(prefix) - size
    polynomial = prefix[size:] - prefix[:count]
    polynomial *= _WORD_POWERS.down[:count]
    polynomial += np.uint64(size)
    return _mix64_in_place(polynomial)


def _finish(z: int) -> int:
    """:func:`mix64` of one value, in Python integers."""
    z &= _MASK
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & _MASK
    return z ^ (z >> 31)


#: Up to this many ranges :func:`range_hashes` finishes them in Python: fewer
#: numpy calls than the vectorised :func:`mix64` needs.
_FEW_RANGES = 8


def range_hashes(word_hashes: U64, prefix: U64, lo: list[int], hi: list[int]) -> list[int]:
    """:func:`sequence_hashes` of the word ranges ``[lo[i], hi[i])`` (in order) as
    Python integers (``prefix`` is :func:`word_prefix` of ``word_hashes``)."""
    if not lo:
        return []
    if len(lo) > _FEW_RANGES:
        ranges = np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64)
        return sequence_hashes(word_hashes, *ranges, prefix).tolist()  # type: ignore[no-any-return]
    sums = prefix.take(lo + hi).tolist()
    shifts = _WORD_POWERS.down_ints(lo[-1] + 1)
    n = len(lo)
    return [_finish((sums[n + k] - sums[k]) * shifts[lo[k]] + hi[k] - lo[k]) for k in range(n)]


def text_hash(word_hashes: U64, prefix: U64) -> int:
    """:func:`sequence_hashes` of all of a text's words, as a Python integer."""
    return _finish(int(prefix[-1]) + len(word_hashes))


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
