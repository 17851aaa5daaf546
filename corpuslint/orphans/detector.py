"""Weighs the two signals into findings.

A demonstrative with nothing to point to is reported on its own. A weaker
reference ("The attackers", "the officers") is reported only when the sentence
also shares little with the article; a sentence that shares nothing at all
between two cohesive neighbours is reported without one. A sentence after a
finding that, together with it, shares almost nothing with the rest continues
the same splice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from corpuslint.document import Document
from corpuslint.orphans import tokens
from corpuslint.orphans.cohesion import Cohesion, CohesionMap
from corpuslint.orphans.lexicon import Lexicon
from corpuslint.orphans.references import ReferenceFinder, Strength
from corpuslint.orphans.tokens import Sentence

#: Sentences in a short article, where cohesion needs no correction for length.
SHORT_ARTICLE = 8


@dataclass(frozen=True)
class Settings:
    #: Articles with fewer prose sentences are too short to judge cohesion in.
    min_sentences: int = 5
    #: Content words a sentence needs before sharing none of them means anything.
    min_content_words: int = 5
    #: Words each neighbour must share with the article for the sentence to stand out.
    min_neighbour_shared: int = 1


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
        self.settings = settings
        self.lexicon = lexicon
        self.references = ReferenceFinder(lexicon)

    def find(self, doc: Document) -> Iterator[Orphan]:
        sentences, prose = tokens.read(doc, self.lexicon, self.settings.min_sentences)
        cohesion = CohesionMap(sentences) if prose >= self.settings.min_sentences else None
        # The more sentences, the likelier one of them shares nothing by chance: ask
        # for one more content word each time the article doubles past a short one.
        min_words = self.settings.min_content_words + ((prose - 1) // SHORT_ARTICLE).bit_length()
        found: dict[int, Orphan] = {}
        lede: int | None = None
        for at, sentence in enumerate(sentences):
            if not sentence.prose:
                continue
            lede = at if lede is None else lede
            message = self._judge(doc, sentences, at, at == lede, cohesion, min_words)
            if message is not None:
                found[at] = Orphan(sentence.span.start, sentence.span.end, sentence.span.line, message)
        if cohesion is not None:
            for at in list(found):
                if at != lede:  # a splice sits inside an article, not at its start
                    self._extend(sentences, cohesion, found, at)
        for at in sorted(found):
            yield found[at]

    def _judge(
        self,
        doc: Document,
        sentences: list[Sentence],
        at: int,
        lede: bool,
        cohesion: CohesionMap | None,
        min_words: int,
    ) -> str | None:
        sentence = sentences[at]
        weak = cohesion is not None
        refers = self.references.might_refer(sentence, weak)
        reference = self.references.unresolved(doc.text, sentences, at, lede, weak) if refers else None
        if reference is None:
            # the cheap subset test first: almost every sentence shares something
            if cohesion is None or len(sentence.stems) < min_words or not cohesion.shares_nothing(at):
                return None
            return self._isolated(sentences, at, cohesion.of(at))
        if tokens.is_voiced(sentence.span.text):
            return None
        if reference.strength is Strength.STRONG:
            return f"'{reference.phrase}' {reference.reason}"
        if cohesion is None:
            return None
        c = cohesion.of(at)
        if _low(c, reference.strength):
            return (
                f"'{reference.phrase}' {reference.reason}, and the sentence shares "
                f"{c.shared} of its {c.size} content words with the rest of the article"
            )
        return self._isolated(sentences, at, c) if c.shared == 0 and c.size >= min_words else None

    def _isolated(self, sentences: list[Sentence], at: int, c: Cohesion) -> str | None:
        """A sentence that shares nothing, between neighbours that share something."""
        if min(c.before, c.after) < self.settings.min_neighbour_shared:
            return None
        text = sentences[at].span.text
        # a pronoun, connective or demonstrative ties it to its neighbours without a shared word
        if tokens.is_voiced(text) or tokens.tied_to_context(text):
            return None
        # next to a "you" or a "we", it is likely an aside or an instruction ("Connect with
        # retailers."), which changes the subject without leaving the text
        if any(
            tokens.is_personal(sentences[near].span.text) for near in (at - 1, at + 1) if 0 <= near < len(sentences)
        ):
            return None
        return (
            f"the sentence shares none of its {c.size} content words with the rest of the article, "
            "unlike the sentences around it: spliced in from another text?"
        )

    def _extend(self, sentences: list[Sentence], cohesion: CohesionMap, found: dict[int, Orphan], at: int) -> None:
        """Report the sentence after a finding when it belongs to the same spliced passage.

        Only forward: a reference points back into the missing story, and the
        sentences that go on telling it follow it.
        """
        near = at + 1
        if near >= len(sentences) or near in found:
            return
        sentence = sentences[near]
        text = sentence.span.text
        if not sentence.prose or tokens.is_voiced(text) or tokens.tied_to_context(text):
            return
        size, shared = cohesion.run_shared(at, near)
        own = cohesion.shared(near, at)
        own_size = len(sentence.stems)
        # one word the article keeps repeating ("the bridge") is enough to keep it
        weak_ties = cohesion.topic_words(near) == 0
        if own_size >= 4 and own * 3 <= own_size and shared * 4 <= size and weak_ties:
            message = (
                f"continues the passage of line {found[at].line} that the article does not support: "
                f"shares {own} of its {own_size} content words with the rest of the article"
            )
            found[near] = Orphan(sentence.span.start, sentence.span.end, sentence.span.line, message)
