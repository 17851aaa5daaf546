"""A fast rule-based sentence splitter for news text.

Boundaries (:mod:`corpuslint.text.boundaries`) are found in one pass over the
whole text, then dealt out to paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpuslint.text.boundaries import boundaries
from corpuslint.text.spans import Span
from corpuslint.text.spans import new_span as _new


def split_sentences(text: str, paragraphs: Sequence[Span], line_starts: Sequence[int]) -> list[Span]:
    """Split every paragraph of ``text`` into sentences with absolute offsets.

    Boundaries are found in one pass over the whole text, then dealt out to
    paragraphs; a paragraph without a boundary is its own (only) sentence.
    ``line_starts`` is not needed: lines are counted from each paragraph's.
    """
    ends = boundaries(text)
    if not ends and not any(paragraph.text[0].isspace() for paragraph in paragraphs):
        return list(paragraphs)
    ends.append(len(text) + 1)  # a sentinel past every paragraph: the loops need no bounds tests
    sentences: list[Span] = []
    add = sentences.append
    j = 0
    for paragraph in paragraphs:
        start, end, line, first = paragraph
        while ends[j] <= start:
            j += 1
        cut = ends[j]
        if cut < end:
            first = text[start:cut]
        elif not first[0].isspace():
            add(paragraph)  # no boundary inside: the paragraph is one sentence
            continue
        # The first piece may hold the paragraph's indentation: strip both sides.
        # Its text begins on the paragraph's first line, which holds something.
        rest = first.lstrip()
        if rest:
            begin, piece = start + len(first) - len(rest), rest.rstrip()
            add(_new(Span, (begin, begin + len(piece), line, piece)))
        # Later pieces begin where a boundary's whitespace ended: strip the right only.
        while cut < end:
            line += text.count("\n", start, cut)
            start = cut
            j += 1
            cut = ends[j]
            piece = text[start:cut].rstrip() if cut < end else text[start:end].rstrip()
            add(_new(Span, (start, start + len(piece), line, piece)))
    return sentences
