"""The formatter interface."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from corpuslint.models import Finding

if TYPE_CHECKING:
    from corpuslint.rule import Rule


@dataclass
class Report:
    """Everything a formatter may show."""

    findings: Sequence[Finding]
    files: int
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)  # by code
    color: bool = False
    show_source: bool = False
    #: ``--quiet``: findings only, no summary line.
    quiet: bool = False
    #: The files linted, as displayed (formats that list clean files too, like junit).
    paths: Sequence[str] = ()


class Formatter:
    """Writes a :class:`Report` to a stream. Subclasses implement ``render``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def render(self, report: Report) -> None:
        raise NotImplementedError
