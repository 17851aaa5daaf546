"""The corpus phase of ``cross-document-duplicate``: from the summaries to findings.

Kept apart from the rule's module so that registering the rule, or checking
a single file, does not load numpy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from corpuslint.dedup.copies import Copies, exact_groups, first_copies, near_candidates
from corpuslint.dedup.documents import identical_documents, short_copies_in_context, whole_copies
from corpuslint.dedup.store import Store, Summary, concatenate
from corpuslint.dedup.verify import verify_near
from corpuslint.models import CorpusViolation, Location
from corpuslint.rule import CorpusView

#: Candidates whose signatures agree in fewer slots than the threshold minus
#: this are not re-read: a pair at the threshold falls so low with p < 0.5%.
ESTIMATE_MARGIN = 0.2


class Settings(NamedTuple):
    """The rule's options, as the corpus phase reads them."""

    min_words: int
    similarity: float
    shingle_words: int


def cross_document_copies(corpus: CorpusView, settings: Settings) -> Iterable[CorpusViolation]:
    """Whole-document copies first, then copied paragraphs, in corpus order."""
    summaries: list[Summary | None] = list(corpus.summaries)
    store = concatenate(summaries)
    if len(store.rows) < 2:
        return
    groups = exact_groups(store)
    threshold = settings.similarity
    near: list[tuple[int, int, float]] = []
    if threshold < 1.0:
        candidates = near_candidates(store, groups, threshold - ESTIMATE_MARGIN)
        near = verify_near(corpus, store, groups, candidates, threshold, settings.shingle_words)
    copies = first_copies(store, groups, near)
    identical = identical_documents([s.text if s is not None else 0 for s in summaries])
    sources = {**whole_copies(store, groups, copies, settings.min_words), **identical}
    yield from _whole_documents(corpus, summaries, sources, set(identical), settings.min_words)
    reported = short_copies_in_context(store, groups, copies, settings.min_words)
    yield from _paragraphs(corpus, summaries, store, copies, reported, set(sources))


def _whole_documents(
    corpus: CorpusView, summaries: list[Summary | None], sources: dict[int, int], identical: set[int], min_words: int
) -> Iterable[CorpusViolation]:
    copies_of = Counter(sources.values())
    for doc, source in sorted(sources.items()):
        where = _location(corpus, summaries, source, 1)
        summary = summaries[doc]
        if doc in identical or summary is None:
            what = f"document is a word-for-word copy of {_document_name(where)}"
        else:
            long = int((summary.rows["words"] >= min_words).sum())
            what = f"document copies {_document_name(where)}: all {long} paragraphs of {min_words} or more words"
        yield CorpusViolation(doc, 1, 1, 1, 1, f"{what} (1 of {copies_of[source] + 1} copies)", (where,))


def _paragraphs(
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
