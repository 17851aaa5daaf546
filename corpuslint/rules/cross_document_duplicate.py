"""cross-document-duplicate: a paragraph that copies a paragraph of another document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from corpuslint import hookimpl
from corpuslint.dedup.copies import Copies, exact_groups, first_copies, near_candidates
from corpuslint.dedup.documents import identical_documents, short_copies_in_context, whole_copies
from corpuslint.dedup.store import Store, Summary, concatenate, summarize_document
from corpuslint.dedup.verify import verify_near
from corpuslint.document import Document
from corpuslint.models import CorpusViolation, Location
from corpuslint.rule import CorpusRule, CorpusView, Option, Rule

#: Candidates whose signatures agree in fewer slots than the threshold minus
#: this are not re-read: a pair at the threshold falls so low with p < 0.5%.
ESTIMATE_MARGIN = 0.2


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

    def summarize(self, doc: Document) -> Summary:
        # Exact copies only: the MinHash signatures would never be read.
        shingles = int(self.config["shingle-words"]) if float(self.config["similarity"]) < 1.0 else None
        return summarize_document(doc, self._floor(), shingles)

    def _floor(self) -> int:
        return min(int(self.config["context-min-words"]), int(self.config["min-words"]))

    def check_corpus(self, corpus: CorpusView) -> Iterable[CorpusViolation]:
        summaries: list[Summary | None] = list(corpus.summaries)
        store = concatenate(summaries)
        if len(store.rows) < 2:
            return
        groups = exact_groups(store)
        threshold = float(self.config["similarity"])
        near: list[tuple[int, int, float]] = []
        if threshold < 1.0:
            candidates = near_candidates(store, groups, threshold - ESTIMATE_MARGIN)
            near = verify_near(corpus, store, groups, candidates, threshold, int(self.config["shingle-words"]))
        copies = first_copies(store, groups, near)
        long_words = int(self.config["min-words"])
        identical = identical_documents([s.text if s is not None else 0 for s in summaries])
        sources = {**whole_copies(store, groups, copies, long_words), **identical}
        yield from self._whole_documents(corpus, summaries, sources, set(identical))
        reported = short_copies_in_context(store, groups, copies, long_words)
        yield from self._paragraphs(corpus, summaries, store, copies, reported, set(sources))

    def _whole_documents(
        self, corpus: CorpusView, summaries: list[Summary | None], sources: dict[int, int], identical: set[int]
    ) -> Iterable[CorpusViolation]:
        copies_of = Counter(sources.values())
        for doc, source in sorted(sources.items()):
            where = _location(corpus, summaries, source, 1)
            summary = summaries[doc]
            if doc in identical or summary is None:
                what = f"document is a word-for-word copy of {_document_name(where)}"
            else:
                long = int((summary.rows["words"] >= self.config["min-words"]).sum())
                what = (
                    f"document copies {_document_name(where)}: all {long} paragraphs "
                    f"of {self.config['min-words']} or more words"
                )
            yield CorpusViolation(doc, 1, 1, 1, 1, f"{what} (1 of {copies_of[source] + 1} copies)", (where,))

    def _paragraphs(
        self,
        corpus: CorpusView,
        summaries: list[Summary | None],
        store: Store,
        copies: Copies,
        reported: npt.NDArray[np.bool_],
        skip: set[int],
    ) -> Iterable[CorpusViolation]:
        rows = store.rows
        for row in np.flatnonzero(reported).tolist():
            doc = int(store.doc[row])
            if doc in skip:
                continue
            first = int(copies.first[row])
            where = _location(corpus, summaries, int(store.doc[first]), int(rows["line"][first]))
            similarity = float(copies.similarity[row])
            how = (
                "duplicates another document's ("
                if similarity >= 1.0
                else f"nearly duplicates another document's ({similarity:.0%} similar; "
            )
            message = f"paragraph {how}1 of {int(copies.documents[row])} copies; first in {where.path}:{where.line}{_record(where)})"
            end_line, end_column = int(rows["end_line"][row]), int(rows["end_column"][row])
            yield CorpusViolation(doc, int(rows["line"][row]), 1, end_line, end_column, message, (where,))


def _record(where: Location) -> str:
    return f" [{where.record_id}]" if where.record_id is not None else ""


def _document_name(where: Location) -> str:
    """A file's path, or a record's path, line and id."""
    return f"{where.path}:{where.line}{_record(where)}" if where.record_id is not None else where.path


def _location(corpus: CorpusView, summaries: list[Summary | None], doc: int, line: int) -> Location:
    summary = summaries[doc]
    if summary is not None and summary.record is not None:
        record_line, record_id = summary.record
        return Location(corpus.paths[doc], record_line, 1, record_id)
    return Location(corpus.paths[doc], line, 1)


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [CrossDocumentDuplicate]
