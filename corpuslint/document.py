"""A document: raw bytes, decoded text, and its structure computed once.

Every rule sees the same :class:`Document`; lines, paragraphs and sentences
are split lazily and cached, so several rules never re-split the same text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from time import perf_counter

from corpuslint.models import Location
from corpuslint.text.lines import split_lines, split_paragraphs
from corpuslint.text.sentences import split_sentences
from corpuslint.text.spans import Span

_NEWLINE = re.compile("\n")


class Document:
    """One document of the corpus.

    ``path`` is the path as displayed (as given on the command line).
    ``record_id``/``record_line`` are set when the document is one record of a
    multi-document file (JSONL): findings then report ``record_line`` as their
    line and the line inside the text as ``doc_line``.
    ``decode_error`` describes invalid UTF-8 (the text was decoded with
    replacement characters).
    """

    def __init__(
        self,
        path: str,
        text: str,
        raw: bytes | None = None,
        *,
        record_id: str | None = None,
        record_line: int | None = None,
        decode_error: str | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.raw = raw if raw is not None else text.encode("utf-8")
        self.record_id = record_id
        self.record_line = record_line
        self.decode_error = decode_error
        #: Seconds spent splitting lines, paragraphs and sentences, so that
        #: ``--timing`` charges them to the engine, not to the first rule that asks.
        self.structure_seconds = 0.0

    @cached_property
    def lines(self) -> list[Span]:
        """Lines split on ``\\n`` (1-based ``line``), without line endings."""
        started = perf_counter()
        lines = split_lines(self.text)
        self.structure_seconds += perf_counter() - started
        return lines

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets where lines begin, found without building the lines themselves."""
        started = perf_counter()
        text = self.text
        starts = [0]
        starts += [match.end() for match in _NEWLINE.finditer(text)]
        if len(starts) > 1 and starts[-1] == len(text):
            starts.pop()  # a final newline ends the last line; it starts none
        self.structure_seconds += perf_counter() - started
        return starts

    def first_lines(self, count: int) -> list[Span]:
        """The first ``count`` lines, without splitting the whole document."""
        if "lines" in self.__dict__:
            return self.lines[:count]
        cut = self.line_starts[count] if count < len(self.line_starts) else len(self.text)
        return split_lines(self.text[:cut])[:count]

    @cached_property
    def paragraphs(self) -> list[Span]:
        starts = self.line_starts
        started = perf_counter()
        paragraphs = split_paragraphs(self.text, starts)
        self.structure_seconds += perf_counter() - started
        return paragraphs

    @cached_property
    def sentences(self) -> list[Span]:
        paragraphs, starts = self.paragraphs, self.line_starts
        started = perf_counter()
        sentences = split_sentences(self.text, paragraphs, starts)
        self.structure_seconds += perf_counter() - started
        return sentences

    def sentences_of(self, paragraph: Span) -> list[Span]:
        """The sentences inside one paragraph (from the shared cache)."""
        return [s for s in self.sentences if paragraph.start <= s.start < paragraph.end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset; columns count characters."""
        index = max(0, bisect_right(self.line_starts, offset) - 1)
        return index + 1, offset - self.line_starts[index] + 1

    @cached_property
    def is_ascii(self) -> bool:
        return self.text.isascii()

    def location(self, offset: int) -> Location:
        """Where ``offset`` is, as a :class:`Location` for ``related`` lists."""
        line, column = self.position(offset)
        if self.record_line is not None:
            return Location(self.path, self.record_line, column, self.record_id)
        return Location(self.path, line, column)
