"""The span type shared by the structure splitters."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from typing import NamedTuple


class Span(NamedTuple):
    """A piece of a document: ``text == document.text[start:end]``.

    ``line`` is the 1-based line on which the span starts.
    """

    start: int
    end: int
    line: int
    text: str


#: ``new_span(Span, (start, end, line, text))`` builds a span in C, skipping the
#: generated Python ``__new__`` that ``Span(...)`` runs.
new_span = tuple.__new__


def make_spans(fields: Iterable[tuple[int, int, int, str]]) -> list[Span]:
    """Spans from ``(start, end, line, text)`` tuples.

    ``tuple.__new__`` builds each one in C; ``Span(...)`` would run the
    generated Python ``__new__`` once per line, paragraph and sentence.
    """
    return list(map(new_span, repeat(Span), fields))
