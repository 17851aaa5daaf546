"""Weighs the two signals into findings.

A demonstrative with nothing to point to is reported on its own. A weaker
reference ("The attackers", "the officers", a lede "He") is reported only when
the sentence also shares little with the article; a sentence that shares
nothing at all between two cohesive neighbours is reported without one. A
sentence next to a finding that, together with it, shares almost nothing with
the rest continues the same splice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from corpuslint.document import Document
from corpuslint.orphans import tokens
from corpuslint.orphans.cohesion import Cohesion, CohesionMap
from corpuslint.orphans.lexicon import Lexicon
from corpuslint.orphans.references import Reference, ReferenceFinder, Strength
from corpuslint.orphans.tokens import Sentence


@dataclass(frozen=True)
class Settings:
    #: Articles with fewer prose sentences are too short to judge cohesion in.
    min_sentences: int = 5
    #: Content words a sentence needs before sharing none of them means anything.
    min_content_words: int = 5
    #: Words each neighbour must share with the article for the sentence to stand out.
    min_neighbour_shared: int = 1


#: Sentences in a short article, where cohesion needs no correction for length.
SHORT_ARTICLE = 8


@dataclass(frozen=True)
class Orphan:
    start: int
    end: int
    line: int
    message: str


def _low(c: Cohesion, strength: Strength) -> bool:
    """Little enough in common with the article to back a reference of this strength."""
    if strength >= Strength.MEDIUM:
        return c.shared * 4 <= c.size
    return c.shared * 6 <= c.size and c.size >= 4


class Detector:
    def __init__(self, lexicon: Lexicon, settings: Settings) -> None:
        self.lexicon = lexicon
        self.settings = settings
        self.references = ReferenceFinder(lexicon)
        self._min_words = settings.min_content_words

    def find(self, doc: Document) -> Iterator[Orphan]:
        sentences = tokens.read(doc, self.lexicon)
        prose = sum(s.prose for s in sentences)
        cohesion = CohesionMap(sentences) if prose >= self.settings.min_sentences else None
        # The more sentences, the likelier one of them shares nothing by chance: ask
        # for one more content word each time the article doubles past a short one.
        self._min_words = self.settings.min_content_words + max(0, (prose - 1) // SHORT_ARTICLE).bit_length()
        found: dict[int, Orphan] = {}
        ledes: set[int] = set()
        seen_prose = False
        for at, sentence in enumerate(sentences):
            lede = not seen_prose
            if lede:
                ledes.add(at)
            seen_prose = seen_prose or sentence.prose
            if not sentence.candidate:
                continue
            reference = self.references.unresolved(doc.text, sentences, at, lede)
            message = self._judge(sentence, reference, cohesion)
            if message is not None:
                found[at] = Orphan(sentence.span.start, sentence.span.end, sentence.span.line, message)
        if cohesion is not None:
            for at in list(found):
                if at not in ledes:  # a splice sits inside an article, not at its start
                    self._extend(sentences, cohesion, found, at)
        for at in sorted(found):
            yield found[at]

    def _judge(self, sentence: Sentence, reference: Reference | None, cohesion: CohesionMap | None) -> str | None:
        if reference is not None and reference.strength is Strength.STRONG:
            return f"'{reference.phrase}' {reference.reason}"
        if cohesion is None:
            return None
        c = cohesion.of(sentence.index)
        if reference is not None and _low(c, reference.strength):
            return (
                f"'{reference.phrase}' {reference.reason}, and the sentence shares "
                f"{c.shared} of its {c.size} content words with the rest of the article"
            )
        if not sentence.pronoun and self._isolated(c):
            return (
                f"the sentence shares none of its {c.size} content words with the rest of the article, "
                "unlike the sentences around it: spliced in from another text?"
            )
        return None

    def _isolated(self, c: Cohesion) -> bool:
        s = self.settings
        return c.shared == 0 and c.size >= self._min_words and min(c.before, c.after) >= s.min_neighbour_shared

    def _extend(self, sentences: list[Sentence], cohesion: CohesionMap, found: dict[int, Orphan], at: int) -> None:
        """Report the sentence after a finding when it belongs to the same spliced passage.

        Only forward: a reference points back into the missing story, and the
        sentences that go on telling it follow it.
        """
        near = at + 1
        if near >= len(sentences) or near in found:
            return
        sentence = sentences[near]
        if not sentence.candidate or sentence.pronoun:
            return  # a pronoun subject ties the sentence to the article's own people
        size, shared = cohesion.run_shared(at, near)
        own = cohesion.shared(near, at)
        own_size = len(sentence.stems)
        if own_size >= 4 and own * 3 <= own_size and shared * 4 <= size:
            message = (
                f"continues the passage of line {found[at].line} that the article does not support: "
                f"shares {own} of its {own_size} content words with the rest of the article"
            )
            found[near] = Orphan(sentence.span.start, sentence.span.end, sentence.span.line, message)
