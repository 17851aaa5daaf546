"""Weighs the two signals into findings.

A demonstrative opening the article with nothing to point to is reported on
its own. A weaker reference ("The attackers", "the officers", a later
"These incidents") is reported only when the sentence also shares little
with the article; a sentence that shares nothing at all between two cohesive
neighbours of its own paragraph is reported without one. A sentence after a
finding that, together with it, shares almost nothing with the rest continues
the same splice.

Only the sentences that could be reported are judged (see
:meth:`Detector._judged`); an article too short for cohesion is judged on its
lede alone, and only when a demonstrative may open it or it sits inside a
paragraph. Every sentence costs a few string tests and one match of its
opening; the costlier readings (its words, the text before it) are left to the
few sentences that the cheap ones do not settle.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import itemgetter
from re import Match
from typing import NamedTuple

from corpuslint.document import Document
from corpuslint.orphans import references, splices, tokens
from corpuslint.orphans.article import Article
from corpuslint.orphans.lexicon import Lexicon
from corpuslint.orphans.references import ReferenceFinder, Strength

#: Sentences in a short article, where cohesion needs no correction for length.
SHORT_ARTICLE = 8


class Settings(NamedTuple):
    #: Articles with fewer prose sentences are too short to judge cohesion in.
    min_sentences: int = 5
    #: Content words a sentence needs before sharing none of them means anything.
    min_content_words: int = 5
    #: Words each neighbour must share with the article for the sentence to stand out.
    min_neighbour_shared: int = 1


class Orphan(NamedTuple):
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
        subject, may_refer = references.opening_subject, self.references.may_refer
        roles, inside = article.role_sentences, article.inside_paragraph
        # the prose sentences, each with its index, the lede first
        sentences = compress(enumerate(map(itemgetter(3), article.sentences)), article.prose)
        _, text = next(sentences)
        message = self._judge(article, lede, True, subject(text), True, lede in roles, min_words)
        if message is not None:
            yield lede, message
        for at, text in sentences:
            referring = (match := subject(text)) is not None and may_refer(match)
            if referring or at in roles:
                message = self._judge(article, at, False, match, referring, at in roles, min_words)
            elif at in inside:
                # no reference to resolve: only cohesion can report it
                message = splices.isolated(article, at, min_words, self.settings.min_neighbour_shared)
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
            reference = self.references.unresolved(doc.text, sentences, at, lede, role, match, article.earlier)
        if reference is None:
            # a sentence at a paragraph's edge may open a new sub-topic: only one with
            # neighbours in its own paragraph is judged on cohesion alone
            return (
                splices.isolated(article, at, min_words, self.settings.min_neighbour_shared)
                if article.inside(at)
                else None
            )
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

    def _extend(self, article: Article, found: dict[int, Orphan], at: int) -> None:
        """Report the sentence after a finding when it continues the same spliced passage."""
        near = at + 1
        if near < len(article.sentences) and near not in found:
            message = splices.continuation(article, at, found[at].line)
            if message is not None:
                span = article.sentences[near]
                found[near] = Orphan(span.start, span.end, span.line, message)
