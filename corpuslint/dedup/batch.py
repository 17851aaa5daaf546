"""Fingerprints and summaries of a batch of documents, in one vectorised pass.

Per document, hashing the words and signing the paragraphs takes some forty
numpy calls, whose fixed cost outweighs the arithmetic on a news article of
a few hundred words. Here the ASCII documents of a batch are folded and
hashed as one text (a NUL between two documents, so no word spans both), and
the summaries of all the batch's documents come from one prefix sum, one
window hash and one ``reduceat`` over all their words.

Every hash is independent of where its words lie (see
:mod:`~corpuslint.dedup.hashing`), so each document gets exactly the
fingerprints and summary that :func:`~corpuslint.dedup.paragraphs.paragraph_prints`
and :func:`~corpuslint.dedup.store.summarize_document` compute for it alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

import numpy as np

from corpuslint.dedup.hashing import hash_folded_words, sequence_hashes, window_hashes, word_prefix
from corpuslint.dedup.minhash import EMPTY, range_signatures
from corpuslint.dedup.paragraphs import (
    ParagraphPrints,
    cache_prints,
    cached_prints,
    fingerprint_paragraphs,
    paragraph_prints,
)
from corpuslint.dedup.process import note_summarizing
from corpuslint.dedup.store import ROW, Summary, extent, summarize_document
from corpuslint.dedup.words import ascii_fold_table
from corpuslint.document import Document

_U16 = 0xFFFF


def batch_prints(docs: Sequence[Document]) -> list[ParagraphPrints]:
    """:func:`~corpuslint.dedup.paragraphs.paragraph_prints` of each document (cached
    as it caches them), hashing the words of the ASCII ones together."""
    todo = [doc for doc in docs if cached_prints(doc) is None]
    spans = [([p.start for p in doc.paragraphs], [p.end for p in doc.paragraphs]) for doc in todo]
    for doc, prints in zip(todo, span_prints([doc.text for doc in todo], spans), strict=True):
        cache_prints(doc, prints)
    return [paragraph_prints(doc) for doc in docs]


Spans = tuple[list[int], list[int]]


def span_prints(texts: Sequence[str], spans: Sequence[Spans]) -> list[ParagraphPrints]:
    """:func:`~corpuslint.dedup.paragraphs.fingerprint_paragraphs` of each text and its
    ``(starts, ends)`` spans (disjoint, in order), hashing ASCII texts together."""
    ascii_texts = [k for k, text in enumerate(texts) if text.isascii()]
    together = _hash_together([texts[k] for k in ascii_texts], [spans[k] for k in ascii_texts])
    found = dict(zip(ascii_texts, together, strict=True))
    return [found[k] if k in found else fingerprint_paragraphs(text, *spans[k]) for k, text in enumerate(texts)]


def _hash_together(texts: list[str], spans: Sequence[Spans]) -> list[ParagraphPrints]:
    """The fingerprints of ASCII texts' spans, from one pass over the joined texts."""
    if not texts:
        return []
    table = ascii_fold_table()
    pieces = [text.encode("ascii").translate(table) for text in texts]
    joined = b"\0".join(pieces)
    codes = np.frombuffer(b"".join((b"\0", joined, b"\0")), dtype=np.uint8)
    bounds, hashes = hash_folded_words(codes)
    starts = bounds[0::2]
    numbers = (codes[1:].take(starts) < 58).nonzero()[0]  # a word character below ":" is a digit
    # Where each text begins in the joined text, and its spans' edges there.
    bases = list(accumulate((len(piece) + 1 for piece in pieces), initial=0))
    queries: list[int] = []
    for (span_starts, span_ends), base in zip(spans, bases, strict=False):
        queries.append(base)
        queries += [base + start for start in span_starts]
        queries += [base + end for end in span_ends]
    queries.append(len(joined) + 1)
    # Per edge: the words that start before it, and those of them that are not numbers.
    before = starts.searchsorted(np.array(queries, dtype=np.int64))
    words_before = before.tolist()
    text_before = (before - numbers.searchsorted(before)).tolist()
    found = []
    at = 0
    for span_starts, _ in spans:
        count = len(span_starts)
        first = words_before[at]
        lo, hi = at + 1, at + 1 + count
        end = at + 1 + 2 * count
        word_lo = [word - first for word in words_before[lo:hi]]
        word_hi = [word - first for word in words_before[hi:end]]
        text_words = [b - a for a, b in zip(text_before[lo:hi], text_before[hi:end], strict=True)]
        found.append(ParagraphPrints(hashes[first : words_before[end]], word_lo, word_hi, text_words))
        at = end
    return found


def batch_summaries(docs: Sequence[Document], min_words: int, shingle_size: int | None) -> list[Summary]:
    """:func:`~corpuslint.dedup.store.summarize_document` of each document."""
    note_summarizing()
    prints = batch_prints(docs)
    # The words of all documents in a row; each document's ranges shift by its offset.
    offsets = list(accumulate((len(p.word_hashes) for p in prints), initial=0))
    lo: list[int] = []
    hi: list[int] = []
    fields: list[int] = []  # line, end line, end column, words: per row
    rows_of: list[tuple[int, int]] = []
    whole: list[int] = []  # documents whose whole text gets a hash
    for number, (doc, doc_prints, offset) in enumerate(zip(docs, prints, offsets, strict=False)):
        sizes = doc_prints.text_words
        first_row = len(lo)
        paragraphs = doc.paragraphs
        for index, size in enumerate(sizes):
            if size < min_words:
                continue
            lo.append(offset + doc_prints.word_lo[index])
            hi.append(offset + doc_prints.word_hi[index])
            fields += (*extent(paragraphs[index]), size)
        rows_of.append((first_row, len(lo)))
        if sum(sizes) >= min_words:
            whole.append(number)
    if shingle_size is not None and any(b - a < shingle_size for a, b in zip(lo, hi, strict=True)):
        # A paragraph shorter than a shingle is one shingle: the general path.
        return [summarize_document(doc, min_words, shingle_size) for doc in docs]
    hashes = np.concatenate([p.word_hashes for p in prints])
    prefix = word_prefix(hashes)
    ranges_lo = np.array(lo + [offsets[n] for n in whole], dtype=np.int64)
    ranges_hi = np.array(hi + [offsets[n + 1] for n in whole], dtype=np.int64)
    exact = sequence_hashes(hashes, ranges_lo, ranges_hi, prefix)
    rows = np.zeros(len(lo), dtype=ROW)
    rows["exact"] = exact[: len(lo)]
    if lo:
        table = np.array(fields, dtype=np.int64).reshape(-1, 4)
        np.minimum(table, _U16, out=table, where=[False, False, True, True])
        rows["line"], rows["end_line"], rows["end_column"], rows["words"] = table.T
        if shingle_size is None:
            rows["sig"] = EMPTY
        else:
            # A paragraph's shingles are the windows that start and end in it.
            bounds = [bound for a, b in zip(lo, hi, strict=True) for bound in (a, b - shingle_size + 1)]
            range_signatures(window_hashes(prefix, shingle_size), bounds, rows["sig"])
    data = rows.tobytes()
    texts = dict(zip(whole, exact[len(lo) :].tolist(), strict=True))
    size = ROW.itemsize
    return [
        Summary(
            data[first * size : stop * size],
            (doc.record_line, doc.record_id) if doc.record_line is not None else None,
            texts.get(number, 0),
        )
        for number, (doc, (first, stop)) in enumerate(zip(docs, rows_of, strict=True))
    ]
