"""The cheap sentence tests: prose, quoted speech, person, ties, figures, paragraphs.

Every sentence of every article is tested for prose, so that test is one
comprehension; the others run on the sentences the detector is about to
judge. Each is a few substring tests or one compiled pattern written so that
the regex engine rules out most positions at their first letter. The words of
every sentence at once (:func:`word_stems`) are read only for the rare
article with a finding to extend.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice
from operator import itemgetter

from corpuslint.document import Document
from corpuslint.orphans.lexicon import STEM
from corpuslint.text.spans import Span

#: Closing punctuation that may follow a sentence's final stop.
_CLOSERS = ")]\"'”’"
#: The speaker or the reader in person: "I", "we", "your", "us" after a space or at the
#: start. Spelled out word by word rather than with character sets (``[Ww]e``), the
#: alternation lets the regex engine rule out most spaces at their next letter, twice
#: as fast; the start of a sentence is tried apart, as it has no space before it.
_PERSONAL = re.compile(r" (?:I|we|We|you|You|your|Your|our|Our|my|My|us|Us)\b")
_PERSONAL_OPENING = re.compile(r"(?:I|we|We|you|You|your|Your|our|Our|my|My|us|Us)\b")
#: Ties that make a sentence cohesive without sharing a content word: a pronoun or
#: a connective opening it ("He", "But", "However"), or a subject that picks up what the
#: sentence before introduced ("That is", "The first ... the second", "Some are").
_OPENING_TIE = re.compile(
    r"(?:[A-Z][a-z]+,?\s+)?(?:He|She|His|Her|It|Its|They|Their|he|she|his|her|it|its|they|their)\b"
    r"|(?:But|And|However|Yet|Still|So|Also|Instead|Meanwhile|Moreover|Thus|Therefore|Otherwise|That)\b"
    r"|(?:Some|Others|Many|Most|Both|All|None|Each|Neither|Either)\s+(?:of\b|are\b|were\b|have\b|had\b|will\b|would\b)"
)
#: A demonstrative pointing at the text around it ("this mug"), or a speech verb naming
#: a source already met, anywhere in the sentence.
_TIE_WORD = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|said|says|added|noted|told)\b")
MIN_WORDS = 6
_DIGIT = re.compile(r"[0-9]")
#: Sorts after every span that starts at the same offset (see :func:`inside_paragraph`).
_END = float("inf")


#: Six words take at least this many characters: shorter sentences skip the word count.
_MIN_CHARS = 2 * MIN_WORDS


def is_quoted(text: str) -> bool:
    """Quoted speech: a quotation mark of any style."""
    # plain substring tests: they run at memory speed, a regex tries every position
    return '"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "''" in text or "``" in text


def is_voiced(text: str) -> bool:
    """Quoted speech or first/second person: they refer to a world outside the article
    (the speaker's, the reader's), so such a sentence may be context, never a finding."""
    return is_quoted(text) or is_personal(text)


def is_personal(text: str) -> bool:
    """The speaker or the reader in person ("we", "your"): the text around such a sentence
    talks to someone, and may change the subject without leaving the article."""
    if _PERSONAL.search(text) is not None:
        return True
    return text[:1] in "IWwYyOoMmUu" and _PERSONAL_OPENING.match(text) is not None


def tied_to_context(text: str) -> bool:
    """Cohesive through a pronoun, a connective, a demonstrative or a speech verb."""
    if _OPENING_TIE.match(text) is not None:
        return True
    # the word pattern is tried at every position: substring tests rule out most sentences
    if "said" in text or "his" in text or "says" in text or "told" in text or "added" in text:
        return _TIE_WORD.search(text) is not None
    if "noted" in text or "hese" in text or "hose" in text:
        return _TIE_WORD.search(text) is not None
    return False


def is_figures(text: str) -> bool:
    """At least a quarter of the words hold a digit: a listing of figures, not narrative."""
    if _DIGIT.search(text) is None:
        return False
    words = text.split()
    return sum(1 for word in words if _DIGIT.search(word)) * 4 >= len(words)


def prose_flags(spans: list[Span]) -> list[bool]:
    """Which sentences are narrative: open with a capital, end with a full stop and
    have a few words (not a heading or a list item).

    One comprehension over every sentence of every article, so the tests are
    written out in it rather than called; the ones that look at a character or
    two come first (the end first: it rules out the most), as counting spaces
    reads the whole sentence."""
    closers, words = _CLOSERS, MIN_WORDS - 1
    return [
        len(text) >= _MIN_CHARS
        # most sentences end with their stop: only the others need their closers stripped
        and (text[-1] in ".!?" or text.rstrip(closers)[-1:] in ".!?")
        and (text[0].isupper() or (text[0] in "([" and text[1:2].isupper()))
        and text.count(" ") >= words
        # (spans are a subclass of tuple, which unpacking handles slowly)
        for text in map(itemgetter(3), spans)
    ]


def inside_paragraphs(doc: Document) -> frozenset[int]:
    """The sentences with a sentence of their own paragraph on either side: the
    sentences of each paragraph but its first and last, found in one walk over
    the sentences' starts and the paragraphs' starts (both in order)."""
    sentences, paragraphs = doc.sentences, doc.paragraphs
    count = len(sentences)
    # every paragraph holds a sentence: unless two paragraphs hold more than one, or
    # one holds three, no sentence has a neighbour of its own paragraph on both sides
    if count < len(paragraphs) + 2:
        return frozenset()
    following = map(itemgetter(0), islice(paragraphs, 1, None))
    boundary = next(following, _END)
    first = 0  # the sentence opening the current paragraph
    inside: list[int] = []
    for at, start in enumerate(map(itemgetter(0), sentences)):
        if start >= boundary:  # the sentence opens a paragraph
            inside.extend(range(first + 1, at - 1))
            first = at
            boundary = next(following, _END)
            while start >= boundary:
                boundary = next(following, _END)
    inside.extend(range(first + 1, count - 1))
    return frozenset(inside)


def inside_paragraph(doc: Document, at: int) -> bool:
    """Whether the sentences on both sides of sentence ``at`` are in its paragraph: the
    test of :func:`inside_paragraphs` for a single sentence, with two comparisons."""
    sentences = doc.sentences
    if at == 0 or at + 1 >= len(sentences):
        return False
    paragraphs = doc.paragraphs
    start = sentences[at].start
    # the paragraph holding the sentence is the last one starting at or before it
    index = bisect_right(paragraphs, (start, _END)) - 1
    if index < 0 or sentences[at - 1].start < paragraphs[index].start:
        return False
    return index + 1 == len(paragraphs) or sentences[at + 1].start < paragraphs[index + 1].start


def word_stems(lower: str, spans: list[Span]) -> list[frozenset[str]]:
    """The word stems of every sentence of the lower-cased text, stop words included."""
    findall = STEM.findall
    return [frozenset(findall(lower, span.start, span.end)) for span in spans]
