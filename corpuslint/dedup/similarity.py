"""Near-duplicate paragraphs inside one document, over hashed words: cheap exact bounds first.

The similarity is :func:`~corpuslint.dedup.alignment.ordered_similarity`.
Aligning is slow, so two bounds on ``M`` (the words matched in order) rule
out almost every pair first: ``M <= min(n, m)``, and
``M <= n - popcount(mask & ~other)``, where a paragraph's 64-bit mask has bit
``h >> 58`` set for each word hash ``h``: a bit one paragraph sets and the
other does not stands for a word that cannot be matched. Documents with many
paragraphs of similar size come here; :mod:`~corpuslint.dedup.repeats`
checks the others in plain Python.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.alignment import could_match, ordered_similarity
from corpuslint.dedup.grouping import banded_pairs
from corpuslint.dedup.hashing import I64, U64
from corpuslint.dedup.minhash import band_keys, range_signatures
from corpuslint.dedup.paragraphs import ParagraphPrints, paragraph_prints
from corpuslint.dedup.repeats import Originals, add_near
from corpuslint.document import Document

#: Up to this many paragraphs the bounds run in plain Python (cheaper than
#: numpy's set-up); up to ALL_PAIRS_LIMIT as matrices over all pairs; beyond,
#: a very long document takes its candidates from MinHash LSH bands.
FEW_PARAGRAPHS = 12
ALL_PAIRS_LIMIT = 2000
#: Up to this many paragraphs every one's key is looked up; beyond, only those
#: of paragraphs whose word count another one shares.
FEW_KEYS = 16
_ONE, _TOP6 = np.uint64(1), np.uint64(58)
_BYTE_BITS = np.array([bin(n).count("1") for n in range(256)], dtype=np.int64)
_BITWISE_COUNT = getattr(np, "bitwise_count", None)


def _popcount(x: U64) -> npt.NDArray[np.integer]:
    """Set bits of each 64-bit value."""
    if _BITWISE_COUNT is not None:  # numpy 2: one pass, no table
        counts: npt.NDArray[np.integer] = _BITWISE_COUNT(x)
        return counts
    return _BYTE_BITS[x.view(np.uint8)].reshape(*x.shape, 8).sum(axis=-1)  # type: ignore[no-any-return]


def _bounds(prints: ParagraphPrints, members: list[int]) -> list[int]:
    """The members' word ranges as reduceat bounds: lo, hi, lo, hi, ..."""
    word_lo, word_hi = prints.word_lo, prints.word_hi
    return [bound for m in members for bound in (word_lo[m], word_hi[m])]


def _word_masks(prints: ParagraphPrints, members: list[int]) -> U64:
    bits = np.left_shift(_ONE, prints.word_hashes >> _TOP6)
    bounds = _bounds(prints, members)
    if bounds[-1] == len(bits):
        bounds.pop()
    # The even segments are the members' words, the odd ones what lies between.
    masks: U64 = np.bitwise_or.reduceat(bits, bounds)[::2]
    return masks


def _few_candidates(prints: ParagraphPrints, members: list[int], threshold: float) -> list[tuple[int, int]]:
    """Pairs that pass both bounds. Sizes first, walking the members from short to
    long (a paragraph too short for a longer one is too short for all longer
    still), then masks, only if some pair of sizes can match."""
    sizes = [prints.word_hi[m] - prints.word_lo[m] for m in members]
    by_size = sorted(range(len(members)), key=sizes.__getitem__)
    sized = []
    for k, a in enumerate(by_size):
        size = sizes[a]
        for b in by_size[k + 1 :]:
            needed = threshold * (size + sizes[b]) / (1.0 + threshold) - 1e-9  # alignment.needed, inlined
            if size < needed:
                break
            sized.append((a, b, needed) if a < b else (b, a, needed))
    if not sized:
        return []
    masks = _word_masks(prints, members).tolist()
    return [
        (a, b)
        for a, b, needed in sized
        if min(sizes[a] - (masks[a] & ~masks[b]).bit_count(), sizes[b] - (masks[b] & ~masks[a]).bit_count()) >= needed
    ]


def _many_candidates(sizes: I64, masks: U64, threshold: float) -> list[tuple[int, int]]:
    """:func:`_few_candidates` vectorised: each paragraph, in order of size, meets the
    next ones up to ``1 / threshold`` times as long (a superset of the pairs whose
    sizes can match; both bounds are then checked exactly on those pairs only)."""
    n = len(sizes)
    order = np.argsort(sizes, kind="stable")
    ordered = sizes[order]
    # n_i >= t (n_i + n_j) / (1 + t) - 1e-9  <=>  n_j <= (n_i + (1 + t) 1e-9) / t; + 1 for rounding.
    longest = (ordered + (1.0 + threshold) * 1e-9) / threshold + 1.0 if threshold > 0 else np.full(n, np.inf)
    reach = ordered.searchsorted(longest, side="right")
    counts = reach - np.arange(1, n + 1)
    first = np.repeat(np.arange(n), counts)
    second = first + 1 + np.arange(len(first)) - np.repeat(counts.cumsum() - counts, counts)
    a, b = order[first], order[second]
    size_a, size_b = sizes[a], sizes[b]
    mask_a, mask_b = masks[a], masks[b]
    unmatched = np.minimum(size_a - _popcount(mask_a & ~mask_b), size_b - _popcount(mask_b & ~mask_a))
    needed = threshold * (size_a + size_b) / (1.0 + threshold) - 1e-9  # alignment.needed, the same arithmetic
    keep = np.minimum(np.minimum(size_a, size_b), unmatched) >= needed
    return list(zip(np.minimum(a, b)[keep].tolist(), np.maximum(a, b)[keep].tolist(), strict=True))


def _banded_candidates(prints: ParagraphPrints, members: list[int]) -> list[tuple[int, int]]:
    signatures = range_signatures(prints.word_hashes, _bounds(prints, members))
    pairs: list[tuple[int, int]] = banded_pairs(band_keys(signatures)).tolist()
    return pairs


def near_pairs(prints: ParagraphPrints, members: list[int], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` of paragraphs (indices into ``prints``, ``i < j``)
    among ``members`` (distinct word sequences, ascending) whose
    in-order word similarity is at least ``threshold``."""
    members = [m for m in members if prints.word_hi[m] > prints.word_lo[m]]
    if len(members) < 2:
        return []
    words: dict[int, list[int]] = {}
    if len(members) > ALL_PAIRS_LIMIT:
        candidates = _banded_candidates(prints, members)
    elif len(members) > FEW_PARAGRAPHS:
        sizes = np.array([prints.word_hi[m] - prints.word_lo[m] for m in members], dtype=np.int64)
        candidates = _many_candidates(sizes, _word_masks(prints, members), threshold)
    else:
        candidates = _few_candidates(prints, members, threshold)
    found = []
    for a, b in candidates:
        i, j = members[a], members[b]
        for k in (i, j):
            if k not in words:
                words[k] = prints.words_of(k)
        if could_match(words[i], words[j], threshold):
            score = ordered_similarity(words[i], words[j])
            if score >= threshold:
                found.append((i, j, score))
    return found


def hashed_repeats(doc: Document, min_words: int, near_min_words: int, threshold: float) -> Originals:
    """:func:`~corpuslint.dedup.repeats.repeated_paragraphs` over the hashed fingerprints."""
    prints = paragraph_prints(doc)
    sizes = prints.text_words
    compared = [index for index, size in enumerate(sizes) if size >= min_words]
    if len(compared) < 2:
        return {}
    found: Originals = {}
    word_lo, word_hi = prints.word_lo, prints.word_hi
    # Only paragraphs with as many words can be the same words: in a long
    # document, counting them spares most of the keys.
    if len(compared) < FEW_KEYS or len({word_hi[index] - word_lo[index] for index in compared}) < len(compared):
        hashes = prints.hash_bytes
        first_seen: dict[bytes, int] = {}
        for index in compared:
            # The hashes of its words: a key that costs nothing more to compare.
            key = hashes[8 * word_lo[index] : 8 * word_hi[index]]
            if key in first_seen:
                found[index] = (first_seen[key], 1.0)
            else:
                first_seen[key] = index
    distinct = [index for index in compared if index not in found and sizes[index] >= near_min_words]
    if threshold < 1.0 and len(distinct) > 1:
        add_near(found, near_pairs(prints, distinct, threshold))
    return found
