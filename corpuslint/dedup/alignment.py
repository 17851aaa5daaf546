"""How closely two word sequences match in order, and the cheap bounds that rule pairs out.

Two paragraphs are near-duplicates when their words match in order: the
similarity is ``M / (n + m - M)``, the Jaccard similarity of the two word
sequences aligned with difflib (``M`` words matched in order out of ``n``
and ``m``). Only equality of words matters, so the words may be strings or
hashes. Plain Python, no numpy: a short document is checked without it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher


def needed(size: float, other: float, threshold: float) -> float:
    """How many words must match in order for ``M / (n + m - M) >= threshold``
    (a hair less, so that rounding never rules out a pair at the threshold)."""
    return threshold * (size + other) / (1.0 + threshold) - 1e-9


def could_match(first: Sequence[Hashable], second: Sequence[Hashable], threshold: float) -> bool:
    """An exact bound: at most ``D + min(r1, r2)`` words can match in order, with
    ``D`` distinct words in common and ``r`` repeated occurrences in each."""
    one, two = set(first), set(second)
    repeats = min(len(first) - len(one), len(second) - len(two))
    return len(one & two) + repeats >= needed(len(first), len(second), threshold)


def ordered_similarity(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """``M / (n + m - M)`` for two word sequences, ``M`` the words matched in order."""
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / (len(first) + len(second) - matched) if matched else 0.0
