"""Which sentences are prose, where paragraphs open, and content words on demand.

Reading a sentence's content words is most of the rule's cost, so it is a
separate step (:func:`word_stems`) that the detector runs only for an
article holding a sentence that cohesion could judge. When it runs, the text
is lower-cased once and every sentence's words are read from it with one
compiled pattern (``pos``/``endpos``, no slicing). The finer tests (quoted
speech, pronoun subjects) run only on the few sentences about to be reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from corpuslint.document import Document
from corpuslint.orphans.lexicon import STEM
from corpuslint.text.spans import Span

#: Closing punctuation that may follow a sentence's final stop.
_CLOSERS = ")]\"'”’"
#: The speaker or the reader in person: "I", "we", "your", "us" after a space or at the
#: start. The pattern opens with the set of their first letters, which the regex engine
#: scans for quickly; the look-behinds then check the space before and the letter matched
#: (it reads like ``(?:^| )(?:I|[Ww]e|[Yy]our?|[Oo]ur|[Mm]y|[Uu]s)\b``, three times faster).
_PERSONAL = re.compile(
    r"[IWYOMUwyomu](?<![^ ].)(?:(?<=I)|(?<=[Ww])e|(?<=[Yy])our?|(?<=[Oo])ur|(?<=[Mm])y|(?<=[Uu])s)\b"
)
#: Ties that make a sentence cohesive without sharing a content word: a pronoun or
#: a connective opening it ("He", "But", "However"), a subject that picks up what the
#: sentence before introduced ("That is", "The first ... the second", "Some are"), a
#: demonstrative pointing at the text around it ("this mug"), or a speech verb naming
#: a source already met.
_TIED = re.compile(
    r"(?:[A-Z][a-z]+,?\s+)?(?:He|She|His|Her|It|Its|They|Their|he|she|his|her|it|its|they|their)\b"
    r"|(?:But|And|However|Yet|Still|So|Also|Instead|Meanwhile|Moreover|Thus|Therefore|Otherwise|That)\b"
    r"|(?:Some|Others|Many|Most|Both|All|None|Each|Neither|Either)\s+(?:of\b|are\b|were\b|have\b|had\b|will\b|would\b)"
    r"|.*?\b(?:[Tt]his|[Tt]hese|[Tt]hose|said|says|added|noted|told)\b",
    re.DOTALL,
)
MIN_WORDS = 6
_DIGIT = re.compile(r"[0-9]")


#: Six words take at least this many characters: shorter sentences skip the word count.
_MIN_CHARS = 2 * MIN_WORDS


def is_voiced(text: str) -> bool:
    """Quoted speech or first/second person: they refer to a world outside the article
    (the speaker's, the reader's), so such a sentence may be context, never a finding."""
    # plain substring tests first: they run at memory speed, a regex tries every position
    if '"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "''" in text or "``" in text:
        return True
    return _PERSONAL.search(text) is not None


def is_personal(text: str) -> bool:
    """The speaker or the reader in person ("we", "your"): the text around such a sentence
    talks to someone, and may change the subject without leaving the article."""
    return _PERSONAL.search(text) is not None


def tied_to_context(text: str) -> bool:
    """Cohesive through a pronoun, a connective, a demonstrative or a speech verb."""
    return _TIED.match(text) is not None


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
    two come first, as counting spaces reads the whole sentence."""
    closers, words = _CLOSERS, MIN_WORDS - 1
    return [
        len(text) >= _MIN_CHARS
        and (text[1:2] if text[0] in "([" else text[0]).isupper()
        and text.rstrip(closers)[-1:] in ".!?"
        and text.count(" ") >= words
        for _, _, _, text in spans
    ]


def paragraph_openers(doc: Document, starts: list[int]) -> list[int]:
    """Indices of the sentences that open a paragraph, in order, given where each sentence starts."""
    # every paragraph holds a sentence, so no two paragraphs share an opener
    return [bisect_left(starts, paragraph.start) for paragraph in doc.paragraphs]


def word_stems(lower: str, spans: list[Span]) -> list[frozenset[str]]:
    """The word stems of every sentence of the lower-cased text, stop words included."""
    findall = STEM.findall
    return [frozenset(findall(lower, span.start, span.end)) for span in spans]
