"""One pass over a document: which sentences are prose, and their content words.

The text is lower-cased once and every sentence's words are read from it with
one compiled pattern (``pos``/``endpos``, no slicing). Content words are only
read when the article is long enough for cohesion to be judged, because the
word scan is most of the rule's cost; the finer tests (quoted speech, pronoun
subjects) run only on the few sentences about to be reported.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from corpuslint.document import Document
from corpuslint.orphans.lexicon import STEM, Lexicon
from corpuslint.text.spans import Span

#: Closing punctuation that may follow a sentence's final stop.
_CLOSERS = ")]\"'”’"
#: Quoted speech and first/second person refer to a world outside the article
#: (the speaker's, the reader's): they are context, never findings. The leading
#: space (not ``\b``) lets the regex engine skip ahead to candidate positions.
_VOICED = re.compile(r"[\"“”«»]|''|``|(?:^| )(?:I|[Ww]e|[Yy]our?|[Oo]ur|[Mm]y|[Uu]s)\b")
#: The speaker or the reader in person ("we", "your"): the text around such a sentence
#: talks to someone, and may change the subject without leaving the article.
_PERSONAL = re.compile(r"(?:^| )(?:I|[Ww]e|[Yy]our?|[Oo]ur|[Mm]y|[Uu]s)\b")
#: Ties that make a sentence cohesive without sharing a content word: a pronoun or
#: a connective opening it ("He", "But", "However"), a demonstrative pointing at the
#: text around it ("this mug"), or a speech verb naming a source already met.
_TIED = re.compile(
    r"(?:[A-Z][a-z]+,?\s+)?(?:He|She|His|Her|It|Its|They|Their|he|she|his|her|it|its|they|their)\b"
    r"|(?:But|And|However|Yet|Still|So|Also|Instead|Meanwhile|Moreover|Thus|Therefore|Otherwise)\b"
    r"|.*?\b(?:[Tt]his|[Tt]hese|[Tt]hose|said|says|added|noted|told)\b",
    re.DOTALL,
)
MIN_WORDS = 6
_EMPTY: frozenset[str] = frozenset()


class Sentence(NamedTuple):
    span: Span
    #: Index among the document's sentences.
    at: int
    #: A narrative sentence: opens with a capital, ends with a full stop, has a few words
    #: (not a heading or a list item).
    prose: bool
    #: Content-word stems; empty when the article is too short to judge cohesion.
    stems: frozenset[str]


#: Six words take at least this many characters: shorter sentences skip the word count.
_MIN_CHARS = 2 * MIN_WORDS


def is_prose(text: str) -> bool:
    if len(text) < _MIN_CHARS or text.count(" ") < MIN_WORDS - 1:
        return False
    first = text[1:2] if text[:1] in "([" else text[:1]
    return first.isupper() and text.rstrip(_CLOSERS)[-1:] in ".!?"


def is_voiced(text: str) -> bool:
    """Quoted speech or first/second person: may be context, never a finding."""
    return _VOICED.search(text) is not None


def is_personal(text: str) -> bool:
    return _PERSONAL.search(text) is not None


def tied_to_context(text: str) -> bool:
    """Cohesive through a pronoun, a connective, a demonstrative or a speech verb."""
    return _TIED.match(text) is not None


def read(doc: Document, lexicon: Lexicon, min_prose: int) -> tuple[list[Sentence], int]:
    """The document's sentences, and how many of them are prose."""
    spans = doc.sentences
    prose = [is_prose(span.text) for span in spans]
    count = sum(prose)
    if count < min_prose:
        return [Sentence(span, i, prose[i], _EMPTY) for i, span in enumerate(spans)], count
    lower = doc.text.lower()
    stop = lexicon.stop_stems
    findall = STEM.findall
    sentences = [
        Sentence(span, i, prose[i], frozenset(findall(lower, span.start, span.end)).difference(stop))
        for i, span in enumerate(spans)
    ]
    return sentences, count
