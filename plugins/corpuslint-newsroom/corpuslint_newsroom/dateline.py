"""dateline-format: a malformed dateline (``HOUSTON, Feb 26 - ...``) opening a story."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpuslint.document import Document
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule, Option

from corpuslint_newsroom.datelines import DATELINE, problems

DASH = re.compile("[-–—]")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: The longest dateline looked for ("RIO DE JANEIRO, Brazil, September 30, 1987 (Reuters) - ").
MAX_DATELINE = 90


class DatelineFormat(DocumentRule):
    """
    ## What it does
    Finds the dateline that opens a story (`HOUSTON, Feb 26 - `,
    `ISLAMABAD - `, `WASHINGTON (AP) — `) in its first paragraphs and
    reports one that is malformed: stray characters before it (`****LONDON`),
    a month in odd capitals (`MArch`, `march`), a date with no day
    (`CHICAGO, April -`) or with a day that does not exist (`March 215`), a
    missing comma or space between place and date (`JOHANNESBURG March 13`,
    `MINN.,March 13`), stray punctuation (`Md., - March 4 -`, `March 4, -`),
    and a dash without a space on each side (`March 2- Shr`).

    A well-formed dateline in any common style is never reported, and a
    paragraph opening is only taken for a dateline when its place is in
    capitals or it carries a date.

    ## Why is this bad?
    Datelines are how archives and pipelines find where and when a story was
    filed: a malformed one is missed or misparsed (the place becomes
    "****LONDON", the date "March 215"), and it reads as a typo to the reader.

    ## Example
    ```
    MILWAUKEE, Wis., March 2- Oper shr 18 cts vs 51 cts
    ```

    ## Options
    - `uppercase-month`: accept a month in capitals, as in `LONDON, MARCH 3 -` (default: true).
    - `paragraphs`: how many opening paragraphs to search for the dateline (default: 6).
    """

    code = "NR101"
    name = "dateline-format"
    summary = "Malformed dateline at the start of a story"
    severity = "info"
    options = {
        "uppercase-month": Option(True, "accept a month in capitals"),
        "paragraphs": Option(6, "how many opening paragraphs to search for the dateline"),
    }

    def setup(self) -> None:
        self.paragraphs: int = self.config["paragraphs"]
        self.uppercase_month: bool = self.config["uppercase-month"]

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        for paragraph in doc.paragraphs[: self.paragraphs]:
            start = paragraph.start
            # Most paragraphs have no dash near their start: skip them before the costly pattern.
            if DASH.search(text, start, start + MAX_DATELINE) is None:
                continue
            found = DATELINE.match(text, start)
            if found is None or not _plausible(found) or not _opens_a_story(text, found.end(), paragraph.end):
                continue
            for first, last, message in problems(found, uppercase_month=self.uppercase_month):
                yield Violation(first, last, message)
            return  # a story has one dateline: the first one found is it


def _plausible(found: re.Match[str]) -> bool:
    """A phrase before a dash is a dateline if its place is in capitals, or if a comma leads to a date.

    ("Caracas, march 11 -" is a dateline; "Updated March 2 -", "Monday, march 3 -" and "Step 1 -" are not.)
    """
    place = found["place"]
    if len(place) < 3 or place.lower() in WEEKDAYS:
        return False
    if found["month"] is None and not found["before"] and not found["after"]:
        return False  # HARLEY-DAVIDSON, ISLAMABAD-based: a compound word, not a dateline
    if place.upper() == place:
        return True
    return found["month"] is not None and "," in (found["region"] or "") + (found["pre"] or "")


_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def _opens_a_story(text: str, start: int, end: int) -> bool:
    """Prose follows a dateline; a headline such as "NEW ZEALAND EXCHS CLOSE - April 7" has none."""
    return _LOWER_WORD.search(text, start, min(end, start + 300)) is not None
