"""One document as the detector sees it, each costly part read only on demand.

Reading a sentence's content words costs more than any other test, and only a
few sentences of an article are judged on cohesion (prose sentences with a
neighbour of their own paragraph on each side, or ones holding a reference),
most of them settled by cheaper tests first. So a sentence's words are read
when it is judged, and whether one of them recurs is asked of the text itself:
first as written (:mod:`corpuslint.orphans.recurrence`), then in the
lower-cased text, a substring search for the stem at a word start outside the
sentence, which stops at the first hit. The full table of word frequencies is
built only for the rare article that has a finding to extend.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from string import ascii_letters, ascii_lowercase, digits

from corpuslint.document import Document
from corpuslint.orphans import recurrence, tokens
from corpuslint.orphans.antecedents import Earlier
from corpuslint.orphans.cohesion import CohesionMap
from corpuslint.orphans.lexicon import STEM, Lexicon
from corpuslint.text.spans import Span

#: Searches that read the whole text without a hit (a word found nowhere else) before one
#: table of word frequencies for the whole article becomes the cheaper way to answer: a
#: substring search reads some fifty times faster than the stem pattern, so this keeps
#: a long page with many sentences to judge from costing more than the table would.
MISSES_BEFORE_TABLE = 50
_LETTERS = frozenset(ascii_lowercase)
_ALPHANUMERIC = frozenset(ascii_lowercase + digits)
#: Sorts after every span that starts at the same offset.
_END = float("inf")
#: Characters that lower-case to a letter of the stem pattern.
_WORD_BEFORE = frozenset(ascii_letters + "\u0130\u212a")


class Article:
    def __init__(self, doc: Document, prose: list[bool], lexicon: Lexicon, judged: bool) -> None:
        self.doc = doc
        self.sentences: list[Span] = doc.sentences
        #: Which sentences are narrative (see :func:`tokens.prose_flags`).
        self.prose = prose
        self.lexicon = lexicon
        #: Long enough for cohesion to be judged.
        self.judged = judged
        self._stems: dict[int, frozenset[str]] = {}
        self._misses = 0
        self._personal: dict[int, bool] = {}
        #: What the text names where, for the references of all its sentences.
        self.earlier = Earlier(doc.text)

    @cached_property
    def lower(self) -> str:
        """The text in lower case, with every offset where it was."""
        # "İ" is the one character that grows when lower-cased ("i" and a combining dot)
        return self.doc.text.replace("\u0130", "i").lower()

    @cached_property
    def cohesion(self) -> CohesionMap:
        return CohesionMap(tokens.word_stems(self.lower, self.sentences), self.lexicon.stop_stems)

    @cached_property
    def role_sentences(self) -> frozenset[int]:
        """Sentences holding "the" before a role noun, found in one scan of the text."""
        sentences = self.sentences
        # a two-item tuple sorts after every span starting at the match: the span holding it
        return frozenset(
            bisect_right(sentences, (m.start(), _END)) - 1 for m in self.lexicon.role_mentions.finditer(self.doc.text)
        )

    @cached_property
    def inside_paragraph(self) -> frozenset[int]:
        """Sentences with a sentence of their own paragraph on either side."""
        return tokens.inside_paragraphs(self.doc)

    def inside(self, at: int) -> bool:
        """Whether sentence ``at`` is in :attr:`inside_paragraph`, for an article that
        asks about one sentence only."""
        if "inside_paragraph" in self.__dict__:
            return at in self.inside_paragraph
        return tokens.inside_paragraph(self.doc, at)

    def personal(self, at: int) -> bool:
        """Whether the sentence speaks as "I" or "we" or to "you" (asked of each
        sentence for both of its neighbours, so kept)."""
        personal = self._personal.get(at)
        if personal is None:
            personal = self._personal[at] = tokens.is_personal(self.sentences[at].text)
        return personal

    def voiced(self, at: int) -> bool:
        """:func:`tokens.is_voiced`, keeping the costlier half for the neighbours' test."""
        return tokens.is_quoted(self.sentences[at].text) or self.personal(at)

    def voiced_or_aside(self, at: int) -> bool:
        """:meth:`voiced`, or :meth:`personal` next to a personal sentence. The sentences are
        asked in turn from the one before (which the sentence before this one has
        already answered for) to the one after (the only one nobody has asked yet)."""
        personal = self._personal
        sentences = self.sentences
        for near in (at - 1, at):
            found = personal.get(near)
            if found is None:
                found = personal[near] = tokens.is_personal(sentences[near].text)
            if found:
                return True
        if tokens.is_quoted(sentences[at].text):
            return True
        found = personal.get(at + 1)
        if found is None:
            found = personal[at + 1] = tokens.is_personal(sentences[at + 1].text)
        return found

    def stems(self, at: int) -> frozenset[str]:
        """The content words of one sentence."""
        stems = self._stems.get(at)
        if stems is None:
            start, end, _, text = self.sentences[at]
            if start and self.doc.text[start - 1] in _WORD_BEFORE:
                # the stem pattern must see the letter before the sentence
                found = frozenset(STEM.findall(self.lower, start, end))
            else:
                # the sentence alone, lower-cased as the whole text is, reads the same
                found = frozenset(STEM.findall(text.replace("\u0130", "i").lower()))
            stems = self._stems[at] = found - self.lexicon.stop_stems
        return stems

    def shared(self, at: int, limit: int) -> int:
        """How many content words of the sentence occur in another one, counted up to ``limit + 1``."""
        stems = self.stems(at)
        if self._misses >= MISSES_BEFORE_TABLE:
            frequency = self.cohesion.frequency
            return min(limit + 1, sum(1 for stem in stems if frequency[stem] > 1))
        span = self.sentences[at]
        count = 0
        for stem in stems:
            if self._elsewhere(stem, span.start, span.end):
                count += 1
                if count > limit:
                    break
        return count

    def shares_any(self, at: int) -> bool:
        """Whether a content word of the sentence occurs in another one: ``shared(at, 0) > 0``,
        asked first of its lower-case words as written (see :mod:`recurrence`)."""
        if recurrence.recurs_as_written(self.doc.text, self.sentences, at, self.lexicon.stop_stems):
            return True
        return self.shared(at, 0) > 0

    def _elsewhere(self, stem: str, start: int, end: int) -> bool:
        """Whether a sentence other than ``[start, end)`` has this stem: the same
        letters at a word start, ending where the stem pattern would end them."""
        lower = self.lower
        size = len(lower)
        n = len(stem)
        # a stem of six letters is cut from a longer word; a shorter one, or one with
        # a digit, is the whole run of letters (or of letters and digits)
        follow = _LETTERS if stem.isalpha() else _ALPHANUMERIC
        whole = n < 6 or follow is _ALPHANUMERIC
        i = lower.find(stem)
        while i != -1:
            if start <= i < end:
                i = lower.find(stem, end)
                continue
            before = lower[i - 1] if i else " "
            if before not in _ALPHANUMERIC:
                after = i + n
                if not (whole and after < size and lower[after] in follow):
                    return True
            elif before not in _LETTERS and stem in self._token_stems(i):
                # after a digit: the stem pattern may have read on through it ("2x11x41")
                return True
            i = lower.find(stem, i + 1)
        self._misses += 1
        return False

    def _token_stems(self, at: int) -> list[str]:
        """The stems of the run of letters and digits around ``at``."""
        lower = self.lower
        first = last = at
        while first and lower[first - 1] in _ALPHANUMERIC:
            first -= 1
        while last < len(lower) and lower[last] in _ALPHANUMERIC:
            last += 1
        found: list[str] = STEM.findall(lower, first, last)
        return found
