"""Date expressions in text: one compiled grammar, validated against the calendar.

Plain regular expressions on purpose: general date parsers are slower and
read dates into words like "may" or "the 2nd". Only written-out dates count:
a month name with a day and a year, ISO dates, and numeric dates when their
day/month order is unambiguous or configured.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import Literal, NamedTuple

Precision = Literal["day", "month", "year"]
#: How a numeric date such as 03/04/2024 is read: "dmy", "mdy" or "" (only when unambiguous).
DateOrder = Literal["", "dmy", "mdy"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_WD = rf"(?:(?P<wd{{n}}>{_WEEKDAY})\s*,?\s+)?"
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year{n}>1[89]\d\d|20\d\d)(?!\d)"


def _alt(template: str, n: int) -> str:
    return template.replace("{n}", str(n))


#: Alternatives, most specific first; group names carry the alternative's number.
_GRAMMAR = "|".join(
    _alt(part, n)
    for n, part in enumerate(
        (
            _WD + rf"(?P<mon{{n}}>{_MONTH})\s+{_DAY}\s*,?\s+{_YEAR}",
            _WD + rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<mon{{n}}>{_MONTH})\s*,?\s+{_YEAR}",
            _WD
            + r"(?<![\d.])(?P<year{n}>1[89]\d\d|20\d\d)(?P<sep{n}>[-/.])(?P<mon{n}>[01]?\d)(?P=sep{n})(?P<day{n}>[0-3]?\d)(?!\d)",
            _WD + r"(?<![\d.])(?P<a{n}>[0-3]?\d)(?P<sep{n}>[-/.])(?P<b{n}>[0-3]?\d)(?P=sep{n})" + _YEAR,
            rf"(?P<mon{{n}}>{_MONTH})\s*,?\s+{_YEAR}",
        )
    )
)


@cache
def date_pattern() -> re.Pattern[str]:
    """The whole grammar, compiled at the first weekday name or the first dated document."""
    return re.compile(rf"\b(?:{_GRAMMAR})", re.IGNORECASE)


#: Where a weekday-bearing date may start: a capitalised weekday. Case-sensitive and
#: led by a character set, so the engine skips most positions at C speed.
_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
#: What may follow the name before the date: the rest of the word, a full stop, a comma, a space.
_WEEKDAY_TAIL = r"(?=[A-Za-z]*\.?,?\s+\w)"
WEEKDAY_PATTERN = re.compile(rf"(?:{'|'.join(_WEEKDAY_NAMES)}){_WEEKDAY_TAIL}")


def weekday_initials() -> list[str]:
    """Alternatives that match where :data:`WEEKDAY_PATTERN` does but consume only the
    first letter ("M(?=(?:on|ON)...)"), for a scan that looks for other words in the
    same pass: one letter taken leaves every later position to the other words."""
    rests: dict[str, list[str]] = {}
    for name in _WEEKDAY_NAMES:
        rests.setdefault(name[0], []).append(name[1:])
    return [f"{first}(?=(?:{'|'.join(rest)}){_WEEKDAY_TAIL})" for first, rest in rests.items()]


class _SeenWeekdays:
    """Where weekday names start in the text the title scan saw last.

    The anachronism rule's title scan finds them in the same pass (see
    :func:`weekday_initials`), and the weekday check of the same document
    reads them instead of scanning it again. One (text, starts) pair is
    replaced at once, so a reader never sees the starts of another text.
    """

    last: tuple[str, list[int]] | None = None


def remember_weekdays(text: str, starts: list[int]) -> None:
    _SeenWeekdays.last = (text, starts)


def _weekday_starts(text: str) -> list[int]:
    last = _SeenWeekdays.last
    if last is not None and last[0] is text:
        return last[1]
    return [m.start() for m in WEEKDAY_PATTERN.finditer(text)]


class DateSettings(NamedTuple):
    """Where a document's date is looked for, and how numeric dates are read."""

    header_lines: int = 8
    order: DateOrder = ""
    #: (glob, ISO date) pairs: every matching path has that date.
    fixed: tuple[tuple[str, str], ...] = ()
    #: (glob, regex) pairs: named groups year, month, day read from the path.
    path_patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()


class DaySpan(NamedTuple):
    """The days a written date can mean: one day, a month or a year."""

    first: date
    last: date
    precision: Precision

    @property
    def label(self) -> str:
        return date_label(self.first, self.precision)


class DateExpr(NamedTuple):
    """One date written in the text: the days it can mean (as in :class:`DaySpan`), with its offsets."""

    first: date
    last: date
    precision: Precision
    start: int
    end: int
    #: The weekday written next to the date (0 = Monday), if any.
    weekday: int | None

    @property
    def label(self) -> str:
        return date_label(self.first, self.precision)

    @property
    def weekday_contradicts(self) -> bool:
        return self.weekday is not None and self.precision == "day" and self.first.weekday() != self.weekday


def date_label(day: date, precision: Precision) -> str:
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


def period(year: int, month: int | None = None, day: int | None = None) -> tuple[date, date, Precision] | None:
    """The first and last day of a year, month or day; None when the calendar has no such date."""
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        return date(year, month, day), date(year, month, day), "day"
    except (ValueError, calendar.IllegalMonthError):
        return None


def _numeric_order(a: int, b: int, order: DateOrder) -> tuple[int, int] | None:
    """(month, day) of a numeric date, or None when its order cannot be known."""
    if order == "dmy":
        return b, a
    if order == "mdy":
        return a, b
    if a == b or (a > 12 and b <= 12):
        return b, a
    if b > 12 and a <= 12:
        return a, b
    return None


def _parse(match: re.Match[str], order: DateOrder) -> DateExpr | None:
    # Group names end in their alternative's number; only one alternative matched.
    groups = {key[:-1]: value for key, value in match.groupdict().items() if value is not None}
    year = int(groups["year"])
    if "a" in groups:
        month_day = _numeric_order(int(groups["a"]), int(groups["b"]), order)
        if month_day is None:
            return None
        month, day = month_day
    else:
        mon = groups["mon"].rstrip(".").lower()
        month = int(mon) if mon.isdigit() else MONTHS[mon]
        day = int(groups["day"]) if "day" in groups else 0
    span = period(year, month, day or None)
    if span is None or (span[2] == "month" and match.group()[0].islower()):
        return None  # "may 2024" is more often a verb than a month
    weekday = WEEKDAYS[groups["wd"].rstrip(".").lower()] if "wd" in groups else None
    return DateExpr(span[0], span[1], span[2], match.start(), match.end(), weekday)


def find_dates(text: str, order: DateOrder = "", start: int = 0, end: int | None = None) -> Iterator[DateExpr]:
    """Every valid date expression in ``text[start:end]`` (offsets into ``text``)."""
    for match in date_pattern().finditer(text, start, len(text) if end is None else end):
        found = _parse(match, order)
        if found is not None:
            yield found


def widen(first: date, last: date, days: int) -> tuple[date, date]:
    return first - timedelta(days=days), last + timedelta(days=days)


def weekday_dates(text: str, order: DateOrder = "") -> Iterator[DateExpr]:
    """Day-precision dates written with a weekday ("Tuesday, April 23, 2024").

    The weekday names are found first, so a text without one costs a single
    cheap scan, not a run of the full date grammar.
    """
    for start in _weekday_starts(text):
        if start and text[start - 1].isalnum():
            continue  # inside a word; this also drops the starts found inside another name ("SATHU")
        match = date_pattern().match(text, start)
        found = _parse(match, order) if match else None
        if found is not None and found.weekday is not None and found.precision == "day":
            yield found
