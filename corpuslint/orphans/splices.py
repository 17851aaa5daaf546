"""Spliced material: a sentence that shares nothing with its article, and what follows it.

A sentence spliced in from another text shares none of its content words with
the article around it, while the sentences on both sides, in its own
paragraph, do. The sentence after a finding continues the same splice when
the two together share almost nothing with the rest.
"""

from __future__ import annotations

from corpuslint.orphans import tokens
from corpuslint.orphans.article import Article


def isolated(article: Article, at: int, min_words: int, min_neighbour_shared: int) -> str | None:
    """The finding for a sentence inside a paragraph that shares none of its words with the
    article, between neighbours that share some, if it is one. The tests that read only
    the sentence and its neighbours come first: they settle most sentences before any
    word is looked up in the rest of the text."""
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
    need = min_neighbour_shared
    if need > 0 and min(article.shared(at - 1, need - 1), article.shared(at + 1, need - 1)) < need:
        return None
    size = len(article.stems(at))
    return (
        f"the sentence shares none of its {size} content words with the rest of the article, "
        "unlike the sentences around it: spliced in from another text?"
    )


def continuation(article: Article, at: int, line: int) -> str | None:
    """The finding for the sentence after the finding at sentence ``at`` (on ``line``), when
    it belongs to the same spliced passage.

    Only forward: a reference points back into the missing story, and the
    sentences that go on telling it follow it.
    """
    near = at + 1
    text = article.sentences[near].text
    if not article.prose[near] or tokens.is_voiced(text) or tokens.tied_to_context(text):
        return None
    cohesion = article.cohesion
    size, shared = cohesion.run_shared(at, near)
    own = cohesion.shared(near, at)
    own_size = len(cohesion.stems(near))
    # one word the article keeps repeating ("the bridge") is enough to keep it
    weak_ties = cohesion.topic_words(near) == 0
    if own_size >= 4 and own * 3 <= own_size and shared * 4 <= size and weak_ties:
        return (
            f"continues the passage of line {line} that the article does not support: "
            f"shares {own} of its {own_size} content words with the rest of the article"
        )
    return None
