"""Near-duplicate paragraphs inside one document: cheap bound first, exact check after.

Two paragraphs are near-duplicates when their words match in order: the
similarity is ``M / (n + m - M)``, the Jaccard similarity of the two word
sequences aligned with difflib (``M`` words matched in order out of ``n``
and ``m``). One word changed in a ten-word paragraph scores 0.82; the same
words reshuffled, or two changes in ten words, do not reach 0.8.
Such pairs share most of their words, so MinHash signatures of each
paragraph's word set, compared for all pairs at once, rule out almost every
pair before the exact (slower) comparison runs.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.grouping import banded_pairs
from corpuslint.dedup.hashing import I64
from corpuslint.dedup.minhash import band_keys, segment_signatures
from corpuslint.dedup.paragraphs import ParagraphPrints

#: Up to this many paragraphs, every pair's signatures are compared at once;
#: longer documents use LSH bands.
ALL_PAIRS_LIMIT = 400
#: Candidates need this estimated share of distinct words in common. A pair
#: at the similarity threshold shares about four fifths of its words, and
#: falls below this estimate with a probability under 0.01%.
CANDIDATE_OVERLAP = 0.35


def _word_signatures(prints: ParagraphPrints, members: I64) -> npt.NDArray[np.uint32]:
    """MinHash signatures of each member paragraph's set of words."""
    nonempty = np.flatnonzero(prints.word_hi > prints.word_lo)
    # Paragraphs hold every word, in order, so the non-empty ones are
    # consecutive segments of the word array: one reduceat for all.
    sigs = segment_signatures(prints.word_hashes, prints.word_lo[nonempty])
    return sigs[np.searchsorted(nonempty, members)]


def _candidates(sigs: npt.NDArray[np.uint32], sizes: npt.NDArray[np.float64], threshold: float) -> I64:
    """Pairs ``(a, b)``, ``a < b``, of similar size whose words overlap enough to compare."""
    if len(sizes) > ALL_PAIRS_LIMIT:
        return banded_pairs(band_keys(sigs))
    agree = (sigs[:, None, :] == sigs[None, :, :]).sum(axis=2)
    # At most min(n, m) words match, so the similarity is at most min / max.
    small, large = np.minimum.outer(sizes, sizes), np.maximum.outer(sizes, sizes)
    close = (agree >= CANDIDATE_OVERLAP * sigs.shape[1]) & (small >= threshold * large)
    pairs: I64 = np.argwhere(np.triu(close, k=1))
    return pairs


def _needed(first: list[int], second: list[int], threshold: float) -> float:
    """How many words must match in order for ``M / (n + m - M) >= threshold``."""
    return threshold * (len(first) + len(second)) / (1.0 + threshold)


def _could_match(first: list[int], second: list[int], threshold: float) -> bool:
    """An exact bound: at most ``D + min(r1, r2)`` words can match in order, with
    ``D`` distinct words in common and ``r`` repeated occurrences in each."""
    one, two = set(first), set(second)
    repeats = min(len(first) - len(one), len(second) - len(two))
    return len(one & two) + repeats >= _needed(first, second, threshold) - 1e-9


def ordered_similarity(first: list[int], second: list[int]) -> float:
    """``M / (n + m - M)`` for two word sequences, ``M`` the words matched in order."""
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / (len(first) + len(second) - matched) if matched else 0.0


def near_pairs(prints: ParagraphPrints, members: I64, threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` of paragraphs (indices into ``prints``, ``i < j``)
    among ``members`` whose in-order word similarity is at least ``threshold``."""
    if len(members) < 2:
        return []
    sizes = prints.word_counts[members].astype(np.float64)
    found = []
    for a, b in _candidates(_word_signatures(prints, members), sizes, threshold).tolist():
        i, j = int(members[a]), int(members[b])
        if prints.exact[i] == prints.exact[j]:
            continue  # exact duplicates are found without this check
        first, second = prints.words_of(i).tolist(), prints.words_of(j).tolist()
        if not _could_match(first, second, threshold):
            continue
        score = ordered_similarity(first, second)
        if score >= threshold:
            found.append((min(i, j), max(i, j), score))
    return found
