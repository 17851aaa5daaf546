"""Lexical cohesion across a whole article: document frequencies of content words.

A spliced passage shares almost no content words or names with the article
around it. Words are counted by document frequency (the number of sentences
they occur in), so one counter serves every sentence. The table is built only
for an article that already has a finding, to tell whether the sentence after
it goes on with the same passage; single sentences are judged by
:class:`corpuslint.orphans.article.Article` without it.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain


class CohesionMap:
    """Document frequencies of content words, from every sentence's word stems
    (stop words still in: they are set aside per sentence, when asked for)."""

    def __init__(self, words: list[frozenset[str]], stop: frozenset[str]) -> None:
        self.words = words
        self.stop = stop
        self.frequency = Counter(chain.from_iterable(words))

    def stems(self, index: int) -> frozenset[str]:
        """The content words of one sentence."""
        return self.words[index] - self.stop

    def shared(self, index: int, without: int) -> int:
        """Content words of the sentence that occur in a third one, besides ``without``."""
        other = self.words[without]
        frequency = self.frequency
        return sum(1 for w in self.stems(index) if frequency[w] - (w in other) > 1)

    def topic_words(self, index: int) -> int:
        """Content words of the sentence that at least two other sentences also use."""
        frequency = self.frequency
        return sum(1 for w in self.stems(index) if frequency[w] > 2)

    def run_shared(self, first: int, second: int) -> tuple[int, int]:
        """Content words of two adjacent sentences together, and how many occur elsewhere."""
        a, b = self.stems(first), self.stems(second)
        frequency = self.frequency
        union = a | b
        shared = sum(1 for w in union if frequency[w] - (w in a) - (w in b) > 0)
        return len(union), shared
