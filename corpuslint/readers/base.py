"""The reader interface and the problems a reader can report."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from corpuslint.document import Document


class ReadError(Exception):
    """The whole file cannot be read (binary, unreadable, gone)."""


@dataclass(frozen=True)
class RecordProblem:
    """One bad record inside a multi-document file (e.g. malformed JSONL)."""

    line: int
    message: str


class Reader:
    """Reads one file into documents.

    ``suffixes`` are matched against the end of the file name (``.jsonl.gz``);
    the longest matching suffix wins, and ``.txt``/other files fall back to
    the plain-text reader.
    """

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]
    #: Whether a file holds at most one document: a run over one such file
    #: has no corpus for cross-document rules to compare.
    one_document_per_file: ClassVar[bool] = False

    def read(self, path: Path, display: str, options: Mapping[str, Any]) -> Iterator[Document | RecordProblem]:
        raise NotImplementedError
