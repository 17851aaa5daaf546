"""CL501 anachronism and CL502 weekday-mismatch: a document's date against its contents."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from corpuslint import hookimpl
from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule, Option, Rule

if TYPE_CHECKING:
    # Imported in setup(): a run without these rules pays nothing for them.
    from corpuslint.anachronism.checker import Checker
    from corpuslint.anachronism.dates import DateSettings

_ORDERS = ("", "dmy", "mdy")


def date_settings(config: dict[str, Any]) -> DateSettings:
    """The date options, checked: a bad value is a configuration error naming the key."""
    from corpuslint.anachronism.dates import DateSettings, find_dates

    order = config["date-order"]
    if order not in _ORDERS:
        raise ConfigError(f"options.anachronism.date-order: {order!r} is not one of {', '.join(map(repr, _ORDERS))}")
    fixed = tuple((str(glob), str(iso)) for glob, iso in config["fixed-dates"].items())
    for glob, iso in fixed:
        if next(find_dates(iso), None) is None:
            raise ConfigError(f"options.anachronism.fixed-dates: {glob}: {iso!r} is not a date (YYYY-MM-DD)")
    try:
        patterns = tuple((str(glob), re.compile(str(rx))) for glob, rx in config["path-date-patterns"].items())
    except re.error as exc:
        raise ConfigError(f"options.anachronism.path-date-patterns: bad regular expression: {exc}") from exc
    return DateSettings(int(config["header-lines"]), order, fixed, patterns)


class Anachronism(DocumentRule):
    """
    ## What it does
    Reports an officeholder named in a present-tense role ("Foreign Minister
    Khawaja Asif", "Asif, Pakistan's foreign minister", "Secretary Tillerson")
    who did not hold that office on the date the document claims. The date
    comes from the path (see the options), front matter, a date line or
    masthead in the header ("Tuesday, April 23rd, 2024", "Published: ..."),
    or a dateline ("KABUL, Oct 4, 2017 (Reuters) -"). The message names the
    date and where it was read, the person's terms, and who held the office
    then. A document without a date is reported when two of its present-tense
    officeholders were never in office at the same time.

    The check stands on a knowledge base of heads of state and government,
    foreign, finance, defence, interior and justice ministers, central bank
    governors, US cabinet members and ambassadors, and UN posts, shipped with
    corpuslint. It stays silent where that knowledge ends: a mention marked
    as past ("former", "then-", "the late", "-elect", "in 2017", "at the
    time", "served as"), an office it does not know well on that date, and
    dates after its snapshot for terms still open then. A former US
    President keeps the title ("President Carter" in 1987), so a mention
    after the term is reported only when it shows the office at work
    ("President Reagan's veto"). A bare surname never counts on its own.

    ## Why is this bad?
    A wrong date is the commonest defect of scraped news: a masthead shows
    the day the page was scraped, a re-published story keeps an old text
    under a new date, an importer stamps the import date. Models trained on
    such text learn that the wrong people hold office.

    ## Example
    ```text
    Editor in Chief: A. Writer Tuesday, April 23rd, 2024

    KABUL - After a meeting with Pakistan Foreign Minister Khawaja Asif ...
    ```
    `Khawaja Muhammad Asif held Minister of Foreign Affairs (Pakistan)
    2017-08-04..2018-04-26`: the masthead carries the scrape date of a 2017
    story.

    ## Options
    - `tolerance-days`: days a date may lie outside a term before it counts (default 7).
    - `knowledge`: YAML files that extend or override the knowledge base (relative to the current directory).
    - `date-order`: how to read an ambiguous numeric date such as 03/04/2024: `"dmy"`, `"mdy"`, or `""` to skip it.
    - `header-lines`: how many lines at the top may hold the document's date line (default 8).
    - `fixed-dates`: a mapping of path globs to an ISO date that every matching document has.
    - `path-date-patterns`: a mapping of path globs to a regular expression whose named groups `year`, `month`, `day` read the date from the path.
    - `check-undated`: report contradictions between officeholders in documents without a date (default true).
    """

    code = "CL501"
    name = "anachronism"
    summary = "Officeholder named in a role they did not hold on the document's date"
    severity = "warning"
    options = {
        "tolerance-days": Option(7, "days a date may lie outside a term", (int,)),
        "knowledge": Option([], "YAML knowledge files (list of paths)", (list,)),
        "date-order": Option("", 'numeric date order: "dmy", "mdy" or ""', (str,)),
        "header-lines": Option(8, "lines at the top that may hold the date line", (int,)),
        "fixed-dates": Option({}, "path glob -> ISO date", (dict,)),
        "path-date-patterns": Option({}, "path glob -> regex with year/month/day groups", (dict,)),
        "check-undated": Option(True, "check documents without a date for contradictions", (bool,)),
    }

    def setup(self) -> None:
        from corpuslint.anachronism.checker import Checker, CheckSettings
        from corpuslint.anachronism.kb import load_paths

        settings = CheckSettings(
            int(self.config["tolerance-days"]), bool(self.config["check-undated"]), date_settings(self.config)
        )
        self.checker: Checker = Checker(load_paths([str(p) for p in self.config["knowledge"]]), settings)

    def warm_up(self) -> None:
        self.checker.load()

    def check(self, doc: Document) -> Iterable[Violation]:
        for report in self.checker.check(doc):
            yield Violation(report.start, report.end, report.message)


class WeekdayMismatch(DocumentRule):
    """
    ## What it does
    Reports a date written with a weekday that the calendar contradicts:
    "Monday, April 23, 2024" (April 23, 2024 was a Tuesday).

    ## Why is this bad?
    One of the two is wrong, and a date line is what tools and readers trust
    to place a document in time. A masthead whose weekday and date disagree
    is often a template filled in from two sources.

    ## Example
    ```text
    Published Monday, April 23, 2024
    ```

    ## Options
    - `date-order`: how to read an ambiguous numeric date such as "Friday, 03/04/2024": `"dmy"`, `"mdy"`, or `""` to skip it.
    """

    code = "CL502"
    name = "weekday-mismatch"
    summary = "Weekday contradicts the date it is written with"
    severity = "warning"
    options = {"date-order": Option("", 'numeric date order: "dmy", "mdy" or ""', (str,))}

    def setup(self) -> None:
        from corpuslint.anachronism.dates import weekday_dates

        self.weekday_dates = weekday_dates

    def check(self, doc: Document) -> Iterable[Violation]:
        for found in self.weekday_dates(doc.text, self.config["date-order"]):
            if found.weekday_contradicts:
                actual = found.first.strftime("%A")
                yield Violation(found.start, found.end, f"{found.label} was a {actual}, not the weekday written")


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [Anachronism, WeekdayMismatch]
