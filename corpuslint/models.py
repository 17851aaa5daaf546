"""Value types shared by the engine, the rules and the output formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: Higher rank is more severe; used for --fail-on.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def _by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickle as a call of the constructor with the field values: a frozen slotted
    dataclass otherwise restores its slots one by one in Python, which made reading
    a cached run's findings, or a worker's, cost more than twice as much."""
    return (type(self), tuple(getattr(self, name) for name in self.__slots__))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of a document with ``replacement``."""

    start: int
    end: int
    replacement: str

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of non-overlapping edits that repairs one finding.

    ``safe`` fixes are applied by ``--fix``; unsafe ones (deleting text) need
    ``--unsafe-fixes`` as well.
    """

    edits: tuple[Edit, ...]
    safe: bool = True

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
class Location:
    """A position elsewhere in the corpus, e.g. the first copy of a duplicate."""

    path: str
    line: int
    column: int = 1
    record_id: str | None = None

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
class Violation:
    """What a document rule reports: a span of the document text (offsets)."""

    start: int
    end: int
    message: str
    related: tuple[Location, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class CorpusViolation:
    """What a corpus rule reports: a line/column position in one document.

    ``doc_index`` is the index of the document in the corpus listing that was
    handed to the rule (see :class:`corpuslint.rule.CorpusRule`).
    """

    doc_index: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    related: tuple[Location, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported defect, as the user sees it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    related: tuple[Location, ...] = ()
    plugin: str = ""
    record_id: str | None = None
    doc_line: int | None = None
    #: The flagged text (used for baseline fingerprints); not shown.
    snippet: str = field(default="", compare=False)
    fix: Fix | None = field(default=None, compare=False)

    __reduce__ = _by_fields

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
