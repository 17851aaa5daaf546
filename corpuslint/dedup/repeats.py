"""Paragraphs that repeat an earlier one of the same document, exactly or nearly.

The common document repeats nothing, and most show it by word counts alone:
two paragraphs can be the same words only with as many words, of as many
characters, so only paragraphs that share both are compared word by word.
Near-duplicates need sizes that allow a match, then pass two exact bounds on
the words matched in order, cheapest first (as many as begin with the same
class of character, :meth:`~corpuslint.dedup.paragraph_words.ParagraphWords.initials`;
as many as the two have in common, as in
:func:`~corpuslint.dedup.alignment.could_match`), then the alignment. All in
plain Python on the words themselves; numpy's hashed fingerprints serve the
documents where they cost less (:mod:`~corpuslint.dedup.similarity`). Both
ways find the same paragraphs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Sequence

from corpuslint.dedup.alignment import needed, ordered_similarity
from corpuslint.dedup.paragraph_words import ParagraphWords, paragraph_words
from corpuslint.dedup.process import numpy_loaded, summarizing
from corpuslint.document import Document

#: Once numpy is loaded (by this rule or another), documents with more
#: paragraphs than this are searched with its hashed fingerprints...
FEW_PARAGRAPHS = 8
#: ... and so are those with more candidate pairs than this...
PAIR_BUDGET = 30
#: ... and before, those with more than this, where loading it costs less.
PAIR_BUDGET_WITHOUT_NUMPY = 2000
#: Beyond this many paragraphs to compare, candidates come from MinHash
#: (:data:`corpuslint.dedup.similarity.ALL_PAIRS_LIMIT`, repeated here so
#: that this module does not import numpy).
ALL_PAIRS_LIMIT = 2000

#: For each repeating paragraph, the earliest paragraph it repeats and how closely.
Originals = dict[int, tuple[int, float]]


def repeated_paragraphs(doc: Document, min_words: int, near_min_words: int, threshold: float) -> Originals:
    """Paragraphs of at least ``min_words`` words (numbers aside) that repeat an
    earlier one: exactly, or, from ``near_min_words`` words, with an in-order word
    similarity of at least ``threshold``."""
    if summarizing():
        # cross-document-duplicate hashes every document's words anyway.
        return _hashed(doc, min_words, near_min_words, threshold)
    loaded = numpy_loaded()
    # A long document costs fewer numpy calls than Python steps, once numpy is
    # loaded; before, loading it would cost more than checking any text here.
    words = None if loaded and len(doc.paragraphs) > FEW_PARAGRAPHS else paragraph_words(doc)
    if words is None:
        return _hashed(doc, min_words, near_min_words, threshold)
    found = plain_repeats(
        words, min_words, near_min_words, threshold, PAIR_BUDGET if loaded else PAIR_BUDGET_WITHOUT_NUMPY
    )
    if found is None:
        return _hashed(doc, min_words, near_min_words, threshold)
    return found


def plain_repeats(
    words: ParagraphWords, min_words: int, near_min_words: int, threshold: float, budget: int
) -> Originals | None:
    """:func:`repeated_paragraphs` over the words as Python strings, or ``None``
    when more than ``budget`` pairs of paragraphs have sizes that allow a match."""
    sizes = words.text_words
    compared = [index for index, size in enumerate(sizes) if size >= min_words]
    if len(compared) < 2:
        return {}
    found: Originals = {}
    # The same words make as many words, of as many characters: most documents
    # show by these counts alone that no paragraph repeats another exactly.
    for group in sharing_size(compared, words.word_counts.__getitem__):
        for same in sharing_size(group, words.word_chars):
            _exact(words, same, found)
    if threshold >= 1.0:
        return found
    # Later exact copies are already reported; short lines differing in a word
    # are list items and table rows ("Shr 12 cts vs 10 cts"), not edited copies.
    distinct = [index for index in compared if index not in found and sizes[index] >= near_min_words]
    near = _near_pairs(words, distinct, threshold, budget)
    if near is None:
        return None
    add_near(found, near)
    return found


def sharing_size(indices: list[int], size: Callable[[int], int]) -> list[list[int]]:
    """The indices whose size another one shares, grouped by size (each group in order)."""
    sizes = list(map(size, indices))
    if len(set(sizes)) == len(sizes):
        return []
    by_size: dict[int, list[int]] = {}
    for index, value in zip(indices, sizes, strict=True):
        by_size.setdefault(value, []).append(index)
    return [group for group in by_size.values() if len(group) > 1]


def _exact(words: ParagraphWords, group: list[int], found: Originals) -> None:
    first_seen: dict[bytes | str, int] = {}
    for index in group:
        key = words.key(index)
        if key in first_seen:
            found[index] = (first_seen[key], 1.0)
        else:
            first_seen[key] = index


def add_near(found: Originals, near: list[tuple[int, int, float]]) -> None:
    """Record near copies in ``found``: each paragraph's earliest original."""
    for i, j, score in near:
        if j not in found or i < found[j][0]:
            found[j] = (i, score)


def _near_pairs(
    words: ParagraphWords, members: list[int], threshold: float, budget: int
) -> list[tuple[int, int, float]] | None:
    """Pairs ``(i, j, similarity)``, ``i < j``, of ``members`` (distinct word sequences,
    ascending) at least ``threshold`` similar; ``None`` if more than ``budget`` pairs
    have sizes that allow it."""
    counts = words.word_counts
    members = sorted((m for m in members if counts[m] > 0), key=counts.__getitem__)
    if len(members) < 2:
        return []
    if len(members) > ALL_PAIRS_LIMIT:
        return None
    sizes = [counts[m] for m in members]
    # A paragraph can match only those up to 1 / threshold times as long (a few
    # more are let through, for rounding: the exact bound below decides).
    top = len(sizes)
    reach = [bisect_right(sizes, size / threshold + 1.0) for size in sizes] if threshold > 0 else [top] * top
    if sum(reach) - len(sizes) * (len(sizes) + 1) // 2 > budget:
        return None
    initials: list[tuple[int, ...] | None] = [None] * top
    lists: dict[int, Sequence[Hashable]] = {}
    sets: dict[int, set[Hashable]] = {}
    found = []
    for a, stop in enumerate(reach):
        for b in range(a + 1, stop):
            n, m = sizes[a], sizes[b]
            least = needed(n, m, threshold)
            # Exact bounds on the words matched in order, cheapest first: as many
            # as begin alike, then as many as the two have in common.
            for k in (a, b):
                if initials[k] is None:
                    initials[k] = words.initials(members[k])
            if sum(map(min, initials[a], initials[b])) < least:  # type: ignore[arg-type]
                continue
            for k in (a, b):
                if k not in sets:
                    lists[k] = words.words(members[k])
                    sets[k] = set(lists[k])
            if len(sets[a] & sets[b]) + min(n - len(sets[a]), m - len(sets[b])) < least:
                continue
            score = ordered_similarity(lists[a], lists[b])
            if score >= threshold:
                i, j = members[a], members[b]
                found.append((i, j, score) if i < j else (j, i, score))
    return found


def _hashed(doc: Document, min_words: int, near_min_words: int, threshold: float) -> Originals:
    """The same search over numpy's hashed fingerprints."""
    global _HASHED_REPEATS
    if _HASHED_REPEATS is None:
        from corpuslint.dedup.similarity import hashed_repeats  # numpy, only when needed

        _HASHED_REPEATS = hashed_repeats
    return _HASHED_REPEATS(doc, min_words, near_min_words, threshold)


_HASHED_REPEATS: Callable[[Document, int, int, float], Originals] | None = None
