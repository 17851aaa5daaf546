"""The date a document claims, and where it says so.

In order of trust: a date configured for the path, a date in the file name,
front matter, a date line in the header region (a masthead, "Published: ..."),
and a dateline opening the story ("KABUL, Oct 4 (Reuters) -"). A dateline
without a year is used only when the path supplies the year: guessing it
from years mentioned in the text would date a story by its background.
"""

from __future__ import annotations

import re
from datetime import date
from fnmatch import fnmatch
from pathlib import PurePath
from typing import NamedTuple

from corpuslint.anachronism.dates import (
    _MONTH,
    MONTHS,
    DateExpr,
    DateOrder,
    DateSettings,
    Precision,
    date_label,
    find_dates,
    period,
)
from corpuslint.document import Document

_LABEL = re.compile(
    r"(?:first\s+)?(?P<label>published|posted|dated?|pub(?:lication)?\s+date|updated|last\s+updated|modified)\s*(?:on|at)?\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
_FRONT_KEYS = re.compile(r"^(date|published|pubdate|publish_date|date_published|created)\s*:\s*(.+)$", re.IGNORECASE)
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}}(?:,\s*[A-Z][A-Za-z .]{{1,25}})?,\s+(?P<mon>{_MONTH})\s+(?P<day>[0-3]?\d)"
    rf"(?:,\s+(?P<year>1[89]\d\d|20\d\d))?\s*(?:\([A-Za-z .&-]{{2,30}}\)\s*)?[-–—]",
    re.IGNORECASE,
)
#: A date line's text besides the date is short: a masthead, a byline, a label.
_MAX_DATE_LINE = 90
DATELINE_LINES = 40
FRONT_MATTER_LINES = 40
_YEAR_DIGITS = re.compile(r"\d\d\d\d")
_EDGE = " \t|-–—,:;•·/()[]"
_TIME = re.compile(r"^[\s,|at-]*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.IGNORECASE)


class DocumentDate(NamedTuple):
    """The span of days the document claims to be from (as in :class:`DaySpan`), and its evidence."""

    first: date
    last: date
    precision: Precision
    #: Where the date comes from, e.g. "masthead line 1" or "path".
    source: str = ""
    line: int | None = None

    @property
    def label(self) -> str:
        return date_label(self.first, self.precision)

    def describe(self) -> str:
        return f"{self.source}: {self.label}"


def _path_matches(path: str, glob: str) -> bool:
    posix = PurePath(path).as_posix()
    return fnmatch(posix, glob) or fnmatch(PurePath(path).name, glob) or PurePath(posix).match(glob)


def _from_path(path: str, settings: DateSettings) -> tuple[DocumentDate | None, int | None]:
    """A full date from the configuration, or a year alone (for a year-less dateline)."""
    for glob, iso in settings.fixed:
        if _path_matches(path, glob):
            found = next(find_dates(iso), None)
            if found is not None:
                return DocumentDate(found.first, found.last, found.precision, f"configured for {glob}"), None
    for glob, pattern in settings.path_patterns:
        match = pattern.search(PurePath(path).as_posix()) if _path_matches(path, glob) else None
        if match is None:
            continue
        parts = {k: int(v) for k, v in match.groupdict().items() if v and v.isdigit()}
        if "year" not in parts:
            continue
        span = period(parts["year"], parts.get("month"), parts.get("day") if "month" in parts else None)
        if span is not None and span[2] != "year":
            return DocumentDate(span[0], span[1], span[2], "path"), None
        return None, parts["year"]
    return None, None


def _front_matter(doc: Document, order: DateOrder) -> DocumentDate | None:
    lines = doc.first_lines(FRONT_MATTER_LINES)
    if not lines or lines[0].text.strip() != "---":
        return None
    for line in lines[1:]:
        if line.text.strip() in ("---", "..."):
            return None
        match = _FRONT_KEYS.match(line.text.strip())
        found = next(find_dates(match.group(2).strip("\"' "), order), None) if match else None
        if found is not None:
            return DocumentDate(found.first, found.last, found.precision, f"front matter line {line.line}", line.line)
    return None


def _rank(line_text: str, line_start: int, found: DateExpr) -> int | None:
    """How much a date in a header line looks like the page's own date (lower is better)."""
    before = line_text[: found.start - line_start]
    label = _LABEL.search(before)
    if label:
        return 1 if "updated" in label.group("label").lower() or "modified" in label.group("label").lower() else 0
    after = _TIME.sub("", line_text[found.end - line_start :])
    # A date line holds the date at one of its ends: "2024-09-04", "By X | March 3, 2024",
    # "Reuters, Thursday, March 26, 1987"; a sentence naming a date has it inside.
    at_edge = not before.strip(_EDGE) or not after.strip(_EDGE)
    if not at_edge or len(before) + len(after) > _MAX_DATE_LINE:
        return None
    if found.weekday is not None:
        return 2
    if found.precision == "day":
        return 3
    if not before.strip(_EDGE) and not after.strip(_EDGE):
        return 4
    return None


def _header(doc: Document, settings: DateSettings) -> DocumentDate | None:
    best: tuple[int, int, DateExpr] | None = None
    for line in doc.first_lines(settings.header_lines):
        if not _YEAR_DIGITS.search(line.text):
            continue  # every date the grammar reads has a four-digit year
        for found in find_dates(doc.text, settings.order, line.start, line.end):
            rank = _rank(line.text, line.start, found)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, line.line, found)
    if best is None:
        return None
    _, number, found = best
    return DocumentDate(found.first, found.last, found.precision, f"masthead line {number}", number)


def _dateline(doc: Document, year: int | None) -> DocumentDate | None:
    for line in doc.first_lines(DATELINE_LINES):
        match = _DATELINE.match(line.text)
        if match is None:
            continue
        given = int(match.group("year")) if match.group("year") else year
        if given is None:
            return None
        span = period(given, MONTHS[match.group("mon").rstrip(".").lower()], int(match.group("day")))
        if span is None:
            return None
        source = f"dateline line {line.line}" + ("" if match.group("year") else " with the year from the path")
        return DocumentDate(span[0], span[1], span[2], source, line.line)
    return None


def document_date(doc: Document, settings: DateSettings) -> DocumentDate | None:
    configured, path_year = _from_path(doc.path, settings)
    return configured or _front_matter(doc, settings.order) or _header(doc, settings) or _dateline(doc, path_year)


__all__ = ["DateSettings", "DocumentDate", "document_date"]
