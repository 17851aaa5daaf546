"""Parsing a dateline loosely, then judging it strictly.

The pattern accepts the common mistakes (stray commas and dashes, missing
spaces, odd capitals) so that :func:`problems` can name them; a pattern that
only matched good datelines could not tell a bad dateline from no dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Problem = tuple[int, int, str]

MONTHS = {
    "jan": 31, "feb": 29, "mar": 31, "apr": 30, "may": 31, "jun": 30,
    "jul": 31, "aug": 31, "sep": 30, "oct": 31, "nov": 30, "dec": 31,
}  # fmt: skip
MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: A capitalised word, never cut short: backtracking into words made long headlines slow to reject.
WORD = r"[A-Z][\w.'’&]*(?![\w.'’&])"

DATELINE = re.compile(
    rf"""
    [ \t]*
    (?P<lead>[*>•~=+]{{2,}}[ \t]*)?                       # "****" pasted before the place ("#" is markdown)
    (?P<place>{WORD}(?:[ -]{WORD}){{0,3}})                # HOUSTON, RIO DE JANEIRO, WINSTON-SALEM
    (?P<region>,[ ]?(?!(?i:{MONTH})(?![A-Za-z]))[A-Z][A-Za-z.]{{0,14}}(?![A-Za-z.]))?  # , Calif.  , N.J.  , MINN.
    (?:
        (?P<pre>[ ]*,?[ ]*(?:[-–—][ ]*)?)                 # ideally ", "
        (?P<month>(?i:{MONTH}))(?P<dot>\.)?(?![A-Za-z])
        (?:[ ]*(?P<day>\d{{1,3}})(?!\d))?
        (?:,[ ]*\d{{4}})?                                 # a year
        (?P<post>[ ]*,)?
    )?
    (?P<agency>[ ]*\([A-Za-z]{{2,12}}\))?                 # (Reuters), (AP)
    (?P<before>[ ]*)(?P<dash>--?|[–—])(?P<after>[ ]*)(?=\S)
    """,
    re.VERBOSE,
)


def _month_case_ok(month: str, uppercase_month: bool) -> bool:
    return month == month.capitalize() or (uppercase_month and month == month.upper())


def _date_problems(found: re.Match[str], g: dict[str, str], uppercase_month: bool) -> Iterator[Problem]:
    month, day, pre = g["month"], g["day"], g["pre"]
    month_start, month_end = found.span("month")
    if not _month_case_ok(month, uppercase_month):
        yield month_start, month_end, f"dateline month '{month}' is not capitalised as a month name"
    if not day:
        yield month_start, month_end, f"dateline date '{month}' has no day"
    elif not 1 <= int(day) <= MONTHS[month[:3].lower()]:
        yield month_start, found.end("day"), f"dateline date '{month} {day}' does not exist"
    pre_start = found.start("pre")
    if pre == ", ":
        pass  # the usual case, settled first
    elif "-" in pre or "–" in pre or "—" in pre or pre.count(",") > 1:
        yield pre_start, month_start, f"stray '{pre.strip()}' between the place and the date"
    elif "," not in pre:
        yield pre_start, month_start, "dateline lacks a comma between the place and the date"
    elif pre == ",":
        yield pre_start, month_start, "dateline lacks a space after the comma before the date"
    if g["post"]:
        yield found.start("post"), found.start("dash"), "stray comma before the dateline dash"


def problems(found: re.Match[str], uppercase_month: bool = True) -> Iterator[Problem]:
    """What is wrong with a dateline matched by :data:`DATELINE`, as (start, end, message); nothing for a good one."""
    g = found.groupdict("")
    if g["lead"]:
        yield found.start("lead"), found.end("lead"), f"stray characters '{g['lead'].strip()}' before the dateline"
    if g["month"]:
        yield from _date_problems(found, g, uppercase_month)
    if bool(g["before"]) != bool(g["after"]) or (g["month"] and not g["before"] and not g["after"]):
        yield found.start("dash"), found.end("dash"), "dateline dash needs a space on each side"
