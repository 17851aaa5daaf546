"""The knowledge base's value types: offices, people, terms of office.

A term's dates keep their precision: "2022" is some day in 2022. A term is
*possibly* in force on a day between its earliest start and its latest
end; the checks use that widest reading, so a coarse date can only make a
finding less likely, never create one.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from corpuslint.anachronism.dates import DaySpan, date_label, period

#: The last day any date can mean; an open term runs to here.
FOREVER = date(9999, 12, 31)


def parse_day_span(text: str) -> DaySpan | None:
    """ "2017-02-01", "2017-02" or "2017" as the days it can mean."""
    parts = [int(p) for p in text.split("-")] if text else []
    span = period(*parts[:3]) if 1 <= len(parts) <= 3 else None
    return DaySpan(*span) if span else None


class Office(NamedTuple):
    id: str
    label: str
    #: ISO 3166 code of the office's state ("SU" for the Soviet Union, "international").
    country: str
    kind: str
    #: Title keys a text can use for it (see :mod:`corpuslint.anachronism.titles`).
    titles: frozenset[str]
    #: Organisation names written before its title ("Bundesbank", "Fed"), folded.
    qualifiers: frozenset[str]
    #: Former holders keep the title in speech ("President Carter" in 1987).
    keep_title: bool
    #: Who holds it is known up to this day; later days are unknown.
    known_until: date
    #: From this day on the holder list is complete (curated), so a day with
    #: no holder was a vacancy or the office did not exist.
    complete_from: date | None = None
    #: Title keys given by hand, which replace those derived from the label.
    fixed_titles: frozenset[str] = frozenset()


class Person(NamedTuple):
    id: str
    name: str
    #: Extra written forms besides those derived from the name ("Lula").
    aliases: tuple[str, ...] = ()


class Term(NamedTuple):
    person: str
    office: str
    start: DaySpan
    #: None: no end known (open as of the source, or not recorded).
    end: DaySpan | None
    #: For a term without an end: it ended on or before this day, if known.
    ended_by: date | None
    acting: bool
    source: str

    @property
    def earliest(self) -> date:
        return self.start.first

    @property
    def latest(self) -> date:
        """The last day the term may have lasted."""
        if self.end is not None:
            return self.end.last
        return self.ended_by or FOREVER

    def possibly_on(self, first: date, last: date) -> bool:
        """Whether the term may overlap the days ``first..last``."""
        return self.earliest <= last and first <= self.latest

    def describe(self) -> str:
        if self.end is not None:
            end = self.end.label
        elif self.ended_by is not None:
            end = f"(by {date_label(self.ended_by, 'day')})"
        else:
            end = "(no end known)"
        return f"{self.start.label}..{end}"
