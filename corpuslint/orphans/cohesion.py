"""Lexical cohesion: how many of a sentence's content words recur in the article.

A sentence spliced in from another story shares almost no content words or
names with the article around it, while the sentences next to it do. Words are
counted by document frequency (the number of sentences they occur in), so one
counter serves every sentence, and "shares nothing" is one subset test against
the words that occur only once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain

from corpuslint.orphans.tokens import Sentence


@dataclass(frozen=True)
class Cohesion:
    #: Content words of the sentence.
    size: int
    #: How many of them occur in some other sentence of the article.
    shared: int
    #: The same for the sentences before and after it, not counting this one.
    before: int
    after: int


class CohesionMap:
    """Document frequencies of content words, and each sentence's cohesion."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.frequency = Counter(chain.from_iterable(s.stems for s in sentences))
        self._once = frozenset(w for w, n in self.frequency.items() if n == 1)

    def shares_nothing(self, index: int) -> bool:
        return self.sentences[index].stems <= self._once

    def shared(self, index: int, without: int | None = None) -> int:
        stems = self.sentences[index].stems
        frequency = self.frequency
        if without is None:
            return len(stems - self._once)
        other = self.sentences[without].stems
        return sum(1 for w in stems if frequency[w] - (w in other) > 1)

    def topic_words(self, index: int) -> int:
        """Content words of the sentence that at least two other sentences also use."""
        frequency = self.frequency
        return sum(1 for w in self.sentences[index].stems if frequency[w] > 2)

    def run_shared(self, first: int, second: int) -> tuple[int, int]:
        """Content words of two adjacent sentences together, and how many occur elsewhere."""
        a, b = self.sentences[first].stems, self.sentences[second].stems
        frequency = self.frequency
        union = a | b
        shared = sum(1 for w in union if frequency[w] - (w in a) - (w in b) > 0)
        return len(union), shared

    def of(self, index: int) -> Cohesion:
        last = len(self.sentences) - 1
        before = self.shared(index - 1, index) if index > 0 else 0
        after = self.shared(index + 1, index) if index < last else 0
        return Cohesion(len(self.sentences[index].stems), self.shared(index), before, after)
