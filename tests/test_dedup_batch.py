"""Fingerprints and summaries computed for a batch equal those computed document by document."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.dedup.batch import batch_prints, batch_summaries
from corpuslint.dedup.paragraphs import fingerprint_paragraphs
from corpuslint.dedup.store import summarize_document
from corpuslint.document import Document

ROOT = Path(__file__).resolve().parent.parent
EDGE_CASES = [
    "",
    "\n\n\n",
    "1987 3,122,000\n\n12 13 14 15 16 17 18 19 20 21 22\n",
    "One two three four five six seven eight nine ten eleven.\n\nShort one.\n",
    "Caf\u00e9 society gathers again in the old quarter of the city tonight, they say.\n",
    "\u03a3\u039f\u03a6\u039f\u03a3 words with a capital sigma in them here and there\n",
    "A line\r\nwrapped with CRLF endings across two lines of a paragraph\r\n\r\nand another\r\n",
    "no final newline, and the paragraph runs to the very end of the text",
]


def _documents() -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "fixtures").glob("*-duplicate*/*.txt"))
        + sorted((ROOT / "tests" / "fixtures").glob("duplicate-paragraph/*.txt"))
    ]
    texts += EDGE_CASES
    return [Document(f"doc{n}.txt", text) for n, text in enumerate(texts)]


def test_the_documents_cover_ascii_and_other_text() -> None:
    docs = _documents()
    assert sum(doc.is_ascii for doc in docs) > 5 and sum(not doc.is_ascii for doc in docs) >= 2


def test_batch_fingerprints_equal_single_ones() -> None:
    docs = _documents()
    for doc, prints in zip(docs, batch_prints(docs), strict=True):
        alone = fingerprint_paragraphs(doc.text, [p.start for p in doc.paragraphs], [p.end for p in doc.paragraphs])
        assert prints.word_hashes.tolist() == alone.word_hashes.tolist()
        assert (prints.word_lo, prints.word_hi, prints.text_words) == (alone.word_lo, alone.word_hi, alone.text_words)


@pytest.mark.parametrize(("min_words", "shingle_size"), [(8, 5), (4, None), (2, 5), (20, 3)])
def test_batch_summaries_equal_single_ones(min_words: int, shingle_size: int | None) -> None:
    together = batch_summaries(_documents(), min_words, shingle_size)
    alone = [summarize_document(doc, min_words, shingle_size) for doc in _documents()]
    assert together == alone
    assert any(summary.data for summary in together) and any(summary.text for summary in together)
