"""Near-duplicate paragraphs inside one document: cheap bound first, exact check after.

Two paragraphs are near-duplicates when their words match in order: the
similarity is ``2 * M / (n + m)``, with ``M`` words matched in order out of
``n`` and ``m`` (difflib's ratio over words), so one word changed in a
ten-word paragraph still scores 0.9 while the same words reshuffled do not.
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
#: at the similarity threshold shares about two thirds of its words, and falls
#: below this estimate with a probability under 0.5%.
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
    # 2 * min / (n + m) bounds the similarity of paragraphs of n and m words.
    small, large = np.minimum.outer(sizes, sizes), np.maximum.outer(sizes, sizes)
    close = (agree >= CANDIDATE_OVERLAP * sigs.shape[1]) & (small * (2.0 - threshold) >= threshold * large)
    pairs: I64 = np.argwhere(np.triu(close, k=1))
    return pairs


def _could_match(first: list[int], second: list[int], threshold: float) -> bool:
    """An exact bound: at most ``D + min(r1, r2)`` words can match in order, with
    ``D`` distinct words in common and ``r`` repeated occurrences in each."""
    one, two = set(first), set(second)
    repeats = min(len(first) - len(one), len(second) - len(two))
    return 2.0 * (len(one & two) + repeats) >= threshold * (len(first) + len(second))


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
        score = SequenceMatcher(None, first, second, autojunk=False).ratio()
        if score >= threshold:
            found.append((min(i, j), max(i, j), score))
    return found
