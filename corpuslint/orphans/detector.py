"""Weighs the two signals into findings.

A demonstrative opening the article with nothing to point to is reported on
its own. A weaker reference ("The attackers", "the officers", a later
"These incidents") is reported only when the sentence also shares little
with the article; a sentence that shares nothing at all between two cohesive
neighbours of its own paragraph is reported without one. A sentence after a
finding that, together with it, shares almost nothing with the rest continues
the same splice.

Only the sentences that could be reported are judged (see
:meth:`Detector._candidates`); an article too short for cohesion is judged on
its lede alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from re import Match

from corpuslint.document import Document
from corpuslint.orphans import references, tokens
from corpuslint.orphans.article import Article
from corpuslint.orphans.lexicon import Lexicon
from corpuslint.orphans.references import ReferenceFinder, Strength

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


def _allowance(size: int, strength: Strength) -> int:
    """The most content words a sentence may share with the article and still back a
    reference of this strength (-1: none will do)."""
    if strength >= Strength.MEDIUM:
        return size // 4
    return size // 6 if size >= 4 else -1


class Detector:
    def __init__(self, lexicon: Lexicon, settings: Settings) -> None:
        self.settings = settings
        self.lexicon = lexicon
        self.references = ReferenceFinder(lexicon)

    def find(self, doc: Document) -> Iterator[Orphan]:
        spans = doc.sentences
        prose = tokens.prose_flags(spans)
        count = prose.count(True)
        if not count:
            return
        lede = prose.index(True)
        # The more sentences, the likelier one of them shares nothing by chance: ask
        # for one more content word each time the article doubles past a short one.
        min_words = self.settings.min_content_words + ((count - 1) // SHORT_ARTICLE).bit_length()
        if count < self.settings.min_sentences:
            # too short for cohesion: only a demonstrative opening the lede ("These incidents")
            # stands alone, or a lede that cohesion can judge inside its paragraph
            text = spans[lede].text
            if references.may_open_with_demonstrative(text) or tokens.inside_paragraph(doc, lede):
                article = Article(doc, prose, self.lexicon, judged=False)
                message = self._judge(article, lede, True, references.opening_subject(text), True, False, min_words)
                if message is not None:
                    span = spans[lede]
                    yield Orphan(span.start, span.end, span.line, message)
            return
        article = Article(doc, prose, self.lexicon, judged=True)
        found: dict[int, Orphan] = {}
        for at, message in self._judged(article, lede, min_words):
            span = spans[at]
            found[at] = Orphan(span.start, span.end, span.line, message)
        if found:
            for at in sorted(found):
                if at != lede:  # a splice sits inside an article, not at its start
                    self._extend(article, found, at)
        for at in sorted(found):
            yield found[at]

    def _judged(self, article: Article, lede: int, min_words: int) -> Iterator[tuple[int, str]]:
        """The findings among the prose sentences of an article long enough for cohesion
        that could be reported, in order: the lede, those opening with a reference,
        those with a role noun, and those inside a paragraph."""
        subject, families = references.opening_subject, self.lexicon.families.keys()
        roles, inside = article.role_sentences, article.inside_paragraph
        # the prose sentences, each with its index, the lede first
        sentences = compress(enumerate(map(itemgetter(3), article.sentences)), article.prose)
        _, text = next(sentences)
        message = self._judge(article, lede, True, subject(text), True, lede in roles, min_words)
        if message is not None:
            yield lede, message
        for at, text in sentences:
            match = subject(text)
            referring = False
            if match is not None:
                # "He" or "She", or a head noun of the lexicon among the first words (this is
                # :meth:`ReferenceFinder.may_refer`, written out: it runs on every sentence)
                pronoun = match.group("pronoun")
                if pronoun is not None:
                    referring = pronoun != "They" and pronoun != "they"
                else:
                    referring = not families.isdisjoint(match.group("words").split())
            if referring or at in roles:
                message = self._judge(article, at, False, match, referring, at in roles, min_words)
            elif at in inside:
                # no reference to resolve: only cohesion can report it
                message = self._isolated(article, at, min_words)
            else:
                continue
            if message is not None:
                yield at, message

    def _judge(
        self,
        article: Article,
        at: int,
        lede: bool,
        match: Match[str] | None,
        referring: bool,
        role: bool,
        min_words: int,
    ) -> str | None:
        """The finding for a sentence that opens with a possible reference (``match`` is
        :func:`references.opening_subject` on it) or holds a role noun, if any."""
        reference = None
        if referring or role:
            doc, sentences = article.doc, article.sentences
            reference = self.references.unresolved(doc.text, sentences, at, lede, role, match, article.memo)
        if reference is None:
            # a sentence at a paragraph's edge may open a new sub-topic: only one with
            # neighbours in its own paragraph is judged on cohesion alone
            return self._isolated(article, at, min_words) if article.inside(at) else None
        # quoted speech and first or second person speak of a world outside the article
        if article.voiced(at):
            return None
        if reference.strength is Strength.STRONG:
            return f"'{reference.phrase}' {reference.reason}"
        if not article.judged:
            return None
        size = len(article.stems(at))
        allowance = _allowance(size, reference.strength)
        shared = article.shared(at, allowance) if allowance >= 0 else 0
        if allowance < 0 or shared > allowance:
            return None
        return (
            f"'{reference.phrase}' {reference.reason}, and the sentence shares "
            f"{shared} of its {size} content words with the rest of the article"
        )

    def _isolated(self, article: Article, at: int, min_words: int) -> str | None:
        """A sentence that shares none of its words with the article, between neighbours that
        share some. The tests that read only the sentence and its neighbours come first:
        they settle most sentences before any word is looked up in the rest of the text."""
        text = article.sentences[at].text
        # quoted speech and first or second person speak of a world outside the article;
        # next to a "you" or a "we", it is likely an aside or an instruction ("Connect with
        # retailers."), which changes the subject without leaving the text
        if article.voiced_or_aside(at):
            return None
        # a pronoun, connective or demonstrative ties it to its neighbours without a shared word
        if tokens.tied_to_context(text):
            return None
        # almost every sentence shares a word, found by the first search or two
        if article.shares_any(at) or len(article.stems(at)) < min_words:
            return None
        # a run of figures ("Acme rose 1-1/4 to 30-1/2, Brill 3/8 to 12 ...") is a table set as
        # prose: its few words say nothing about whether it belongs
        if tokens.is_figures(text):
            return None
        # sharing nothing, it shares nothing with its neighbours either, so what they
        # share is all with the rest of the article
        need = self.settings.min_neighbour_shared
        if need > 0 and min(article.shared(at - 1, need - 1), article.shared(at + 1, need - 1)) < need:
            return None
        size = len(article.stems(at))
        return (
            f"the sentence shares none of its {size} content words with the rest of the article, "
            "unlike the sentences around it: spliced in from another text?"
        )

    def _extend(self, article: Article, found: dict[int, Orphan], at: int) -> None:
        """Report the sentence after a finding when it belongs to the same spliced passage.

        Only forward: a reference points back into the missing story, and the
        sentences that go on telling it follow it.
        """
        near = at + 1
        if near >= len(article.sentences) or near in found:
            return
        span = article.sentences[near]
        if not article.prose[near] or tokens.is_voiced(span.text) or tokens.tied_to_context(span.text):
            return
        cohesion = article.cohesion
        size, shared = cohesion.run_shared(at, near)
        own = cohesion.shared(near, at)
        own_size = len(cohesion.stems(near))
        # one word the article keeps repeating ("the bridge") is enough to keep it
        weak_ties = cohesion.topic_words(near) == 0
        if own_size >= 4 and own * 3 <= own_size and shared * 4 <= size and weak_ties:
            message = (
                f"continues the passage of line {found[at].line} that the article does not support: "
                f"shares {own} of its {own_size} content words with the rest of the article"
            )
            found[near] = Orphan(span.start, span.end, span.line, message)
