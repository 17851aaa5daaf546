"""The span type shared by the structure splitters."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A piece of a document: ``text == document.text[start:end]``.

    ``line`` is the 1-based line on which the span starts.
    """

    start: int
    end: int
    line: int
    text: str
