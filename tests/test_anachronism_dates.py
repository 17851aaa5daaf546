"""Document dates: each written form, calendar validation, and where the date comes from."""

from __future__ import annotations

import re

import pytest

from corpuslint.anachronism.dates import WEEKDAY_PATTERN, find_dates, weekday_dates
from corpuslint.anachronism.docdate import DateSettings, document_date
from corpuslint.anachronism.scan import TitleScanner, _title_case
from corpuslint.anachronism.titles import ABBREVIATIONS, SURFACES
from corpuslint.document import Document


def labels(text: str, order: str = "") -> list[str]:
    return [found.label for found in find_dates(text, order)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, April 23rd, 2024", "2024-04-23"),
        ("March 26, 1987", "1987-03-26"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("26 March 1987", "1987-03-26"),
        ("the 2nd of May, 2020", "2020-05-02"),
        ("2024-09-04", "2024-09-04"),
        ("2024/02/29", "2024-02-29"),
        ("13/04/2024", "2024-04-13"),
        ("04/13/2024", "2024-04-13"),
        ("05.05.2024", "2024-05-05"),
        ("March 1987", "1987-03"),
    ],
)
def test_each_written_form_is_read(text: str, expected: str) -> None:
    assert labels(f"Seen {text} here.") == [expected]


@pytest.mark.parametrize("text", ["February 30, 2024", "2023-02-29", "31 April 2024", "2024-13-01"])
def test_dates_the_calendar_lacks_are_not_dates(text: str) -> None:
    assert labels(text) == []


def test_ambiguous_numeric_dates_need_a_configured_order() -> None:
    assert labels("03/04/2024") == []
    assert labels("03/04/2024", "dmy") == ["2024-04-03"]
    assert labels("03/04/2024", "mdy") == ["2024-03-04"]


@pytest.mark.parametrize("text", ["you may 2024 see", "on the 2nd", "in May", "Oct 4 (Reuters)", "version 1.2.2024"])
def test_words_and_partial_dates_are_not_dates(text: str) -> None:
    assert labels(text) == []


def test_a_weekday_is_checked_against_its_date() -> None:
    right, wrong = find_dates("Tuesday, April 23, 2024 and Monday, April 23, 2024")
    assert not right.weekday_contradicts
    assert wrong.weekday_contradicts


def test_weekdays_found_by_the_title_scan_are_the_weekdays_found_alone() -> None:
    """The title scan notes weekday names in the same pass; the weekday check reads them."""
    text = "Thu, 4 May 2023\nSATHURSDAY, May 4, 2024\nFormer Prime Minister Lee met the\nTUE., MAY 2, 2023 PM."
    alone = [(d.start, d.label) for d in weekday_dates(text)]
    list(TitleScanner().hits(text))
    assert [(d.start, d.label) for d in weekday_dates(text)] == alone == [(0, "2023-05-04"), (74, "2023-05-02")]


def test_no_capitalised_title_could_hide_a_weekday() -> None:
    """Weekday names share the title scan only while no title is one letter or holds one."""
    titles = {_title_case(p) for p in SURFACES} | set(ABBREVIATIONS)
    assert not [t for t in titles if len(t) < 2 or WEEKDAY_PATTERN.search(t + " x")]


def doc_date(text: str, path: str = "a/doc.txt", **settings: object) -> str | None:
    found = document_date(Document(path, text), DateSettings(**settings))  # type: ignore[arg-type]
    return found.describe() if found else None


def test_masthead_with_weekday_in_the_header() -> None:
    assert doc_date("Editor: A. Writer Tuesday, April 23rd, 2024\n\nHeadline\n") == "masthead line 1: 2024-04-23"


def test_a_date_line_of_its_own() -> None:
    text = "SECTION\n\nHeadline of the story\n\nA standfirst sentence.\n2024-09-04\nBody text.\n"
    assert doc_date(text) == "masthead line 6: 2024-09-04"


def test_published_label_wins_over_an_updated_label() -> None:
    text = "Headline\nUpdated: March 5, 2024\nPublished: March 3, 2024\n\nBody.\n"
    assert doc_date(text) == "masthead line 3: 2024-03-03"


def test_a_date_inside_a_headline_sentence_is_not_the_page_date() -> None:
    text = "Voters will go to the polls on March 3, 2025 in a vote the opposition may boycott\n\nBody.\n"
    assert doc_date(text) is None


def test_a_weekday_date_inside_a_sentence_is_not_the_page_date() -> None:
    text = "Headline\n\nThe enrolment opened on Wednesday, December 17 2025, and runs for a month.\n"
    assert doc_date(text) is None


def test_dates_below_the_header_region_are_not_the_page_date() -> None:
    body = "Body line.\n" * 10
    assert doc_date(body + "March 3, 2024\n") is None
    assert doc_date(body + "March 3, 2024\n", header_lines=20) == "masthead line 11: 2024-03-03"


def test_front_matter_date() -> None:
    text = "---\ntitle: A story\ndate: 2021-06-01\n---\nBody.\n"
    assert doc_date(text) == "front matter line 3: 2021-06-01"


def test_dateline_with_a_year() -> None:
    assert doc_date("HEADLINE\n\nKABUL, October 4, 2017 (Reuters) - The talks.\n") == "dateline line 3: 2017-10-04"


def test_dateline_without_a_year_needs_the_year_from_the_path() -> None:
    text = "HEADLINE\n\nKABUL, Oct 4 (Reuters) - The talks began in 2015 and go on.\n"
    assert doc_date(text) is None
    pattern = (("*", re.compile(r"(?P<year>\d{4})/")),)
    assert doc_date(text, path="news/2017/a.txt", path_patterns=pattern) == (
        "dateline line 3 with the year from the path: 2017-10-04"
    )


def test_configured_dates_by_glob_and_by_file_name() -> None:
    fixed = (("archive/*.txt", "1987-06-01"),)
    assert doc_date("Body.\n", path="archive/x.txt", fixed=fixed) == "configured for archive/*.txt: 1987-06-01"
    pattern = (("*.txt", re.compile(r"(?P<year>\d{4})(?P<month>\d\d)(?P<day>\d\d)")),)
    assert doc_date("Body.\n", path="x/story-20240423.txt", path_patterns=pattern) == "path: 2024-04-23"


def test_the_configured_date_beats_the_masthead() -> None:
    fixed = (("*.txt", "1987-06-01"),)
    assert doc_date("Tuesday, April 23, 2024\n", fixed=fixed) == "configured for *.txt: 1987-06-01"
