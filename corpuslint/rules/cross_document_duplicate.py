"""cross-document-duplicate: a paragraph that copies a paragraph of another document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.models import CorpusViolation
from corpuslint.rule import CorpusRule, CorpusView, Option, Rule

if TYPE_CHECKING:
    from corpuslint.dedup.store import Summary


class CrossDocumentDuplicate(CorpusRule):
    """
    ## What it does
    Reports a paragraph that duplicates a paragraph of another document of the
    corpus, exactly (the same words, ignoring case, whitespace, punctuation and
    quote style) or nearly (word 5-gram Jaccard similarity of at least
    `similarity`). The copy in the later document (by path, then line) is
    reported, with the first copy as related location and the number of
    documents that hold the paragraph: `1 of 7 copies; first in a.txt:12`.

    A document whose paragraphs of at least `min-words` words (two or more)
    are all copies from one other document, or whose whole text is a copy,
    gets a single finding on line 1 naming that document, instead of one per
    paragraph.

    Short lines (bylines, sign-offs such as "Reuter", dates) never count; a
    one-line quote or stock sentence that several reports share counts only
    beside a longer copied paragraph; and a quotation shared inside otherwise
    different paragraphs is no duplicate.

    Paragraph fingerprints take under 100 bytes each: the corpus phase never
    holds the text, and re-reads only the few documents whose near-duplicate
    candidates need an exact check. Results do not depend on file order or
    on the number of jobs.

    ## Why is this bad?
    Syndicated wire copy, re-posted articles, updated versions of one story
    and templated reports repeat the same text across a scraped corpus. The
    copies skew statistics and make a model memorise them; deduplicating
    needs to know which copies exist and where the first one is.

    ## Example
    `b.txt` repeats a wire paragraph first seen in `a.txt`, and `c.txt` is the
    same story as `a.txt` under a new headline:
    ```text
    b.txt:5:1: CL102 paragraph duplicates another document's (1 of 2 copies; first in a.txt:3)
    c.txt:1:1: CL102 document copies a.txt: all 4 paragraphs of 20 or more words (1 of 2 copies)
    ```

    ## Options
    - `min-words`: a copied paragraph of at least this many words is always
      reported (default 20: longer than a one-line quote). Numbers do not
      count as words.
    - `context-min-words`: a shorter copied paragraph, down to this many
      words (default 8), is reported only when its document also copies a
      paragraph of `min-words` from the same source: then it is part of a
      copied story, not a quote or a stock phrase that two reports share.
      Shorter paragraphs are ignored.
    - `similarity`: word 5-gram Jaccard similarity of a near-duplicate
      (default 0.8; 1.0 reports exact copies only).
    - `shingle-words`: words per shingle for near-duplicates (default 5).
    """

    code = "CL102"
    name = "cross-document-duplicate"
    summary = "Paragraph duplicates a paragraph of another document"
    severity = "warning"
    options = {
        "min-words": Option(20, "paragraphs this long are reported whenever copied", (int,)),
        "context-min-words": Option(8, "shorter paragraphs count only beside a long copy", (int,)),
        "similarity": Option(0.8, "word-shingle Jaccard similarity of a near-duplicate", (float,)),
        "shingle-words": Option(5, "words per shingle", (int,)),
    }

    def setup(self) -> None:
        self._floor = min(int(self.config["context-min-words"]), int(self.config["min-words"]))
        # Exact copies only: the MinHash signatures would never be read.
        self._shingles = int(self.config["shingle-words"]) if float(self.config["similarity"]) < 1.0 else None
        self._prepared: dict[Document, Summary] = {}

    def warm_up(self) -> None:
        _summarizer()

    def prepare(self, docs: Sequence[Document]) -> None:
        from corpuslint.dedup.batch import batch_summaries  # numpy: only when documents come

        self._prepared = dict(zip(docs, batch_summaries(docs, self._floor, self._shingles), strict=True))

    def summarize(self, doc: Document) -> Summary:
        prepared = self._prepared.pop(doc, None)
        if prepared is not None:
            return prepared
        return _summarizer()(doc, self._floor, self._shingles)

    def check_corpus(self, corpus: CorpusView) -> Iterable[CorpusViolation]:
        from corpuslint.dedup.report import Settings, cross_document_copies  # numpy: only in the corpus phase

        config = self.config
        settings = Settings(int(config["min-words"]), float(config["similarity"]), int(config["shingle-words"]))
        yield from cross_document_copies(corpus, settings)


_SUMMARIZE: Callable[[Document, int, int | None], Summary] | None = None


def _summarizer() -> Callable[[Document, int, int | None], Summary]:
    """:func:`~corpuslint.dedup.store.summarize_document`, imported at the first
    document: numpy is not loaded for a run that summarises none."""
    global _SUMMARIZE
    if _SUMMARIZE is None:
        from corpuslint.dedup.store import summarize_document

        _SUMMARIZE = summarize_document
    return _SUMMARIZE


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [CrossDocumentDuplicate]
