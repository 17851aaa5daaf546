"""What counts as a word, and case folding that keeps text offsets intact.

Duplicates are compared word by word: letters and digits in any script are
word characters; spaces, punctuation, quotes of every style, symbols and
emoji separate words. So ``“Don’t”`` and ``"don't"`` give the same words.
One table drives both the vectorised classifier and the reference regex,
so the fast path and the readable one cannot drift apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Code point ranges (inclusive) that separate words, besides ASCII non-alphanumerics.
SEPARATOR_RANGES: tuple[tuple[int, int], ...] = (
    (0x0080, 0x00A9),  # C1 controls, no-break space, currency, quotes
    (0x00AB, 0x00B4),
    (0x00B6, 0x00B9),
    (0x00BB, 0x00BF),
    (0x00D7, 0x00D7),  # multiplication sign
    (0x00F7, 0x00F7),  # division sign
    (0x1680, 0x1680),  # ogham space mark
    (0x2000, 0x206F),  # general punctuation: spaces, dashes, curly quotes, zero-width
    (0x20A0, 0x20CF),  # currency symbols
    (0x2190, 0x23FF),  # arrows, mathematical operators, technical symbols
    (0x2500, 0x27BF),  # box drawing, shapes, dingbats
    (0x2E00, 0x2E7F),  # supplemental punctuation
    (0x3000, 0x303F),  # CJK punctuation and ideographic space
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # compatibility and small forms
    (0xFEFF, 0xFEFF),  # byte order mark
    (0xFF00, 0xFF0F),  # fullwidth punctuation
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0xFFF0, 0xFFFF),  # specials, including the replacement character
    (0x1F000, 0x1FAFF),  # emoji and pictographs
)
_ASTRAL = 0x10000


@lru_cache(maxsize=1)
def _bmp_table() -> npt.NDArray[np.bool_]:
    import numpy as np  # here, not at import: a short text is checked without numpy

    table = np.ones(_ASTRAL, dtype=np.bool_)
    table[:128] = False
    for char in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ord(char)] = True
    for low, high in SEPARATOR_RANGES:
        if low < _ASTRAL:
            table[low : min(high, _ASTRAL - 1) + 1] = False
    return table


def is_word_char(codepoints: npt.NDArray[np.unsignedinteger]) -> npt.NDArray[np.bool_]:
    """Word-character mask of an array of code points (``uint8`` for Latin-1 text)."""
    import numpy as np

    table = _bmp_table()
    if codepoints.dtype == np.uint8 or codepoints.size == 0 or int(codepoints.max()) < _ASTRAL:
        mask: npt.NDArray[np.bool_] = table[codepoints]
        return mask
    mask = table[np.minimum(codepoints, _ASTRAL - 1)]
    astral = codepoints >= _ASTRAL
    mask[astral] = True
    for low, high in SEPARATOR_RANGES:
        if high >= _ASTRAL:
            mask[astral & (codepoints >= low) & (codepoints <= high)] = False
    return mask


@lru_cache(maxsize=1)
def ascii_fold_table() -> bytes:
    """A ``bytes.translate`` table for ASCII text: word characters (letters and
    digits) fold to lower case, separators become NUL, so one C pass both folds
    and classifies."""
    return bytes(c | 0x20 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 0 for c in range(256))


@lru_cache(maxsize=1)
def bmp_fold_table() -> npt.NDArray[np.uint16]:
    """For each code point of the Basic Multilingual Plane, its folded form if that
    is a word character, else 0: :func:`fold` and :func:`is_word_char` in one lookup.

    Folding a whole text is lower-casing it character by character except for
    capital sigma, whose lower case depends on its neighbours: texts with one
    take the general path.
    """
    import numpy as np

    every = np.arange(_ASTRAL, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")
    # "İ" is the only character here that lower-cases to two; fold keeps it.
    lowered = every.replace("\u0130", "\0").lower()
    folded = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint16)
    folded[0x130] = 0x130
    folded[~_bmp_table()[folded]] = 0
    return folded


def _separator_class() -> str:
    """The separators as the body of a regex character class."""
    ranges = [(0, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7F), *SEPARATOR_RANGES]
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" if a < b else re.escape(chr(a)) for a, b in ranges)


@lru_cache(maxsize=1)
def word_pattern() -> re.Pattern[str]:
    """A regex matching exactly the words :func:`is_word_char` delimits: runs of
    anything but a separator (built without numpy, for the pure-Python path)."""
    return re.compile(f"[^{_separator_class()}]+")


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets still apply."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # A few characters lower-case to two ("İ" -> "i̇"): keep those as they are.
    keep = sorted(c for c in set(text) if len(c.lower()) != 1)
    pieces = re.split("([" + "".join(map(re.escape, keep)) + "])", text)
    return "".join(piece if i % 2 else piece.lower() for i, piece in enumerate(pieces))


def words(text: str) -> list[str]:
    """The folded words of ``text``: the reference for the vectorised hashing."""
    return word_pattern().findall(fold(text))


def normalize(text: str) -> str:
    """``text`` reduced to what duplicate detection compares: folded words, one space apart."""
    return " ".join(words(text))
