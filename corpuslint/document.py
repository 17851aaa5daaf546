"""A document: raw bytes, decoded text, and its structure computed once.

Every rule sees the same :class:`Document`; lines, paragraphs and sentences
are split lazily and cached, so several rules never re-split the same text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from time import perf_counter
from typing import Generic, TypeVar, overload

from corpuslint.models import Location
from corpuslint.text.lines import line_starts, lines_and_starts, split_lines, split_paragraphs
from corpuslint.text.sentences import split_sentences
from corpuslint.text.spans import Span

T = TypeVar("T")


class _structure(Generic[T]):
    """A part of the structure, computed on first use, cached in the
    instance ``__dict__`` under its own name, and timed into
    ``structure_seconds`` once even when it asks for another part.

    Lighter than ``functools.cached_property``, which takes a lock on every
    first use (Python 3.11): a document is never shared between threads.
    """

    def __init__(self, func: Callable[[Document], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, doc: None, owner: type[Document] | None = None) -> _structure[T]: ...
    @overload
    def __get__(self, doc: Document, owner: type[Document] | None = None) -> T: ...
    def __get__(self, doc: Document | None, owner: type[Document] | None = None) -> T | _structure[T]:
        if doc is None:
            return self
        before, started = doc.structure_seconds, perf_counter()
        value: T = self.func(doc)
        doc.__dict__[self.name] = value
        doc.structure_seconds = before + (perf_counter() - started)
        return value


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

    @_structure
    def lines(self) -> list[Span]:
        """Lines split on ``\\n`` (1-based ``line``), without line endings."""
        lines, starts = lines_and_starts(self.text)
        self.__dict__.setdefault("line_starts", starts)  # found on the way
        return lines

    @_structure
    def line_starts(self) -> list[int]:
        """Offsets where lines begin, found without building the lines themselves."""
        return line_starts(self.text)

    def first_lines(self, count: int) -> list[Span]:
        """The first ``count`` lines, without splitting the whole document."""
        if "lines" in self.__dict__:
            return self.lines[:count]
        cut = self.line_starts[count] if count < len(self.line_starts) else len(self.text)
        return split_lines(self.text[:cut])[:count]

    @_structure
    def paragraphs(self) -> list[Span]:
        return split_paragraphs(self.text, self.line_starts)

    @_structure
    def sentences(self) -> list[Span]:
        return split_sentences(self.text, self.paragraphs, self.line_starts)

    def sentences_of(self, paragraph: Span) -> list[Span]:
        """The sentences inside one paragraph (from the shared cache)."""
        starts = self._sentence_starts
        return self.sentences[bisect_left(starts, paragraph.start) : bisect_left(starts, paragraph.end)]

    @_structure
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset; columns count characters."""
        starts = self.line_starts
        index = max(0, bisect_right(starts, offset) - 1)
        return index + 1, offset - starts[index] + 1

    @property
    def is_ascii(self) -> bool:
        return self.text.isascii()  # a flag CPython keeps on every string: no scan

    def location(self, offset: int) -> Location:
        """Where ``offset`` is, as a :class:`Location` for ``related`` lists."""
        line, column = self.position(offset)
        if self.record_line is not None:
            return Location(self.path, self.record_line, column, self.record_id)
        return Location(self.path, line, column)
