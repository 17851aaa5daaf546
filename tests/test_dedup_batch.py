"""Fingerprints and summaries computed for a batch equal those computed document by document."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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
    "Émile Zola écrit: « J’accuse » dans L’Aurore, le 13 janvier 1898, à Paris.\n\nΑθήνα και Θεσσαλονίκη.\n",
    "北京 上海 广州 深圳 are four cities named in this report of the week\n",
    "An emoji \U0001f600 sits outside the Basic Multilingual Plane in this line of text\n",
    "A lone surrogate \ud800 came from a JSON escape in this record of the corpus\n",
    "İstanbul and DİYARBAKIR fold with a dotted capital I in this Turkish line\n",
]


def _documents() -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "fixtures").glob("*-duplicate*/*.txt"))
        + sorted((ROOT / "tests" / "fixtures").glob("duplicate-paragraph/*.txt"))
    ]
    texts += EDGE_CASES
    return [Document(f"doc{n}.txt", text, text.encode("utf-8", "surrogatepass")) for n, text in enumerate(texts)]


def test_the_documents_cover_ascii_and_other_text() -> None:
    docs = _documents()
    assert sum(doc.is_ascii for doc in docs) > 5 and sum(not doc.is_ascii for doc in docs) >= 6


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


class _Corpus:
    """A corpus view over documents in memory; ``changed`` replaces some on re-reading."""

    def __init__(self, docs: list[Document], changed: dict[int, str]) -> None:
        self.docs = docs
        self.changed = changed
        self.paths = [doc.path for doc in docs]
        self.summaries = [summarize_document(doc, 8, 5) for doc in docs]

    def load(self, index: int) -> Document:
        return Document(self.paths[index], self.changed.get(index, self.docs[index].text))


def test_verification_hashes_reread_documents_in_batches_and_skips_changed_paragraphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corpuslint.dedup import verify
    from corpuslint.dedup.grouping import sorted_unique
    from corpuslint.dedup.hashing import shingle_hashes
    from corpuslint.dedup.store import concatenate

    monkeypatch.setattr(verify, "VERIFY_BATCH", 2)  # batches end between documents
    docs = [doc for doc in _documents() if doc.text.strip()][:7]
    edited = docs[3].text.replace("the", "a", 1)
    assert edited != docs[3].text
    corpus = _Corpus(docs, {3: edited})
    store = concatenate(list(corpus.summaries))
    sets = verify._shingle_sets(corpus, store, list(range(len(store.rows))), 5)
    assert sets  # every row of an unchanged document, none of the edited paragraph
    for row in range(len(store.rows)):
        doc = int(store.doc[row])
        prints = fingerprint_paragraphs(
            docs[doc].text, [p.start for p in docs[doc].paragraphs], [p.end for p in docs[doc].paragraphs]
        )
        index = [
            i
            for i, exact in enumerate(prints.exact(list(range(len(prints.word_lo)))))
            if exact == store.rows["exact"][row]
        ][0]
        lo, hi = np.array([prints.word_lo[index]]), np.array([prints.word_hi[index]])
        expected = sorted_unique(shingle_hashes(prints.word_hashes, lo, hi, 5, prints.prefix)[0])
        if doc == 3 and row not in sets:
            continue  # the edited paragraph
        assert sets[row].tolist() == expected.tolist()
    assert any(int(store.doc[row]) == 3 for row in range(len(store.rows)) if row not in sets)
