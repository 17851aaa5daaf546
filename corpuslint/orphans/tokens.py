"""One pass over a document: which sentences are prose, and their content words.

The text is lower-cased once and every sentence's words are read from it with
one compiled pattern (``pos``/``endpos``, no slicing), so the cost is a regex
scan of the document plus a few set operations per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpuslint.document import Document
from corpuslint.orphans.lexicon import STEM, Lexicon
from corpuslint.text.spans import Span

#: A narrative sentence: opens with a capital, closes with sentence-final punctuation.
_PROSE = re.compile(r"[(\[]?[A-Z][^\n]*[.!?][)\]\"'”’]*\Z", re.DOTALL)
#: Quoted speech and first/second person refer to a world outside the article
#: (the speaker's, the reader's): they are context, never findings.
_VOICED = re.compile(r"[\"“”«»]|''|``|\b(?:I|[Ww]e|[Yy]ou|[Yy]our|[Oo]ur|[Mm]y|[Uu]s)\b")
_WORDS = re.compile(r"\S+")
#: A pronoun subject ties a sentence to the entity the article is about (entity cohesion).
_PRONOUN_OPENER = re.compile(r"(?:[A-Z][a-z]+,?\s+)?(?:He|She|His|Her|It|Its|They|Their|he|she|it|they)\b")
MIN_WORDS = 6


@dataclass(frozen=True)
class Sentence:
    span: Span
    #: Index among the document's sentences.
    index: int
    #: A narrative sentence (not a heading or a list item).
    prose: bool
    #: Prose that may be reported: not quoted speech, not addressed to the reader.
    candidate: bool
    stems: frozenset[str]
    #: Opens with a personal pronoun.
    pronoun: bool


def _is_prose(text: str) -> bool:
    return _PROSE.match(text) is not None and len(_WORDS.findall(text)) >= MIN_WORDS


def read(doc: Document, lexicon: Lexicon) -> list[Sentence]:
    lower = doc.text.lower()
    stop = lexicon.stop_stems
    sentences = []
    for index, span in enumerate(doc.sentences):
        stems = frozenset(STEM.findall(lower, span.start, span.end)).difference(stop)
        prose = _is_prose(span.text)
        candidate = prose and _VOICED.search(span.text) is None
        pronoun = candidate and _PRONOUN_OPENER.match(span.text) is not None
        sentences.append(Sentence(span, index, prose, candidate, stems, pronoun))
    return sentences
