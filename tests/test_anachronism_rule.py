"""The anachronism rule: fixtures both ways, term boundaries and precision,
historical markers, undated contradictions, and users' own knowledge files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corpuslint.testing import check_fixture, fixture_articles, lint_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: A made-up office, so that the boundaries below test the reasoning, not the shipped facts.
KNOWLEDGE = """
as_of: 2030-01-01
offices:
  - office: Prime Minister of Ruritania
    country: XR
    kind: head_of_government
    current: true
    holders:
      - [Rudolf Elphberg, 2010-01-01, 2015-06-30]
      - [Flavia Strelsau, 2015-06-30, 2019]
      - [Michael Hentzau, 2020-01-15]
  - office: Minister of Finance of Ruritania
    country: XR
    kind: finance_minister
    holders:
      - [Fritz Tarlenheim, 2012-03, 2016-03]
"""


@pytest.fixture(scope="module")
def ruritania(tmp_path_factory: pytest.TempPathFactory) -> str:
    # One file for the module: the knowledge base is loaded once per set of files.
    path = tmp_path_factory.mktemp("knowledge") / "ruritania.yaml"
    path.write_text(KNOWLEDGE, encoding="utf-8")
    return str(path)


@pytest.fixture
def lint(ruritania: str, tmp_path: Path) -> Callable[..., list[str]]:
    def run(text: str, **options: object) -> list[str]:
        config = {"anachronism": {"knowledge": [ruritania], **options}}
        return lint_text(text, ["anachronism"], tmp_path, options=config)

    return run


@pytest.mark.parametrize("article", fixture_articles(FIXTURES / "anachronism"), ids=lambda p: p.name)
def test_fixture(article: Path) -> None:
    check_fixture(article, ["anachronism"])


@pytest.mark.parametrize("article", fixture_articles(FIXTURES / "weekday-mismatch"), ids=lambda p: p.name)
def test_weekday_fixture(article: Path) -> None:
    check_fixture(article, ["weekday-mismatch"])


def test_the_message_names_the_date_its_source_the_term_and_the_holder_then(lint: Callable[..., list[str]]) -> None:
    [finding] = lint("Published: 3 March 2017\n\nPrime Minister Rudolf Elphberg spoke.\n")
    assert finding.startswith("3:1: CL501 'Prime Minister Rudolf Elphberg' does not fit the document date")
    assert "(masthead line 1: 2017-03-03)" in finding
    assert "held Prime Minister of Ruritania 2010-01-01..2015-06-30" in finding
    assert finding.endswith("on that date: Flavia Strelsau")


@pytest.mark.parametrize(
    ("published", "found"),
    [
        ("2015-06-30", False),  # the last day of the term
        ("2015-07-06", False),  # within the default tolerance of 7 days
        ("2015-07-08", True),  # past it
    ],
)
def test_a_day_precise_term_ends_with_a_tolerance(lint: Callable[..., list[str]], published: str, found: bool) -> None:
    text = f"{published}\n\nPrime Minister Rudolf Elphberg spoke.\n"
    assert bool(lint(text)) is found


@pytest.mark.parametrize(("published", "found"), [("2020-01-10", False), ("2019-11-01", True)])
def test_a_term_starts_with_a_tolerance(lint: Callable[..., list[str]], published: str, found: bool) -> None:
    text = f"{published}\n\nPrime Minister Michael Hentzau spoke.\n"
    assert bool(lint(text)) is found


def test_no_verdict_before_the_office_history_the_knowledge_base_has(lint: Callable[..., list[str]]) -> None:
    # Nobody is known to have held the office in 2009: Elphberg may have, too.
    assert lint("2009-06-01\n\nPrime Minister Rudolf Elphberg spoke.\n") == []


def test_the_tolerance_is_an_option(lint: Callable[..., list[str]]) -> None:
    text = "2015-07-06\n\nPrime Minister Rudolf Elphberg spoke.\n"
    assert lint(text, **{"tolerance-days": 0})


@pytest.mark.parametrize(("published", "found"), [("2019-12-30", False), ("2020-01-05", False), ("2020-02-01", True)])
def test_a_year_precise_end_means_any_day_of_that_year(
    lint: Callable[..., list[str]], published: str, found: bool
) -> None:
    text = f"{published}\n\nPrime Minister Flavia Strelsau spoke.\n"
    assert bool(lint(text)) is found


@pytest.mark.parametrize(("published", "found"), [("2016-03-31", False), ("2016-04-05", False), ("2016-04-20", False)])
def test_no_verdict_where_the_office_history_has_a_gap(
    lint: Callable[..., list[str]], published: str, found: bool
) -> None:
    # Nobody else is known to have been finance minister after Tarlenheim, and
    # the list is not marked complete: the rule cannot know he had left.
    text = f"{published}\n\nFinance Minister Fritz Tarlenheim spoke.\n"
    assert bool(lint(text)) is found


def test_dates_after_what_the_knowledge_base_knows_are_unknown(lint: Callable[..., list[str]]) -> None:
    text = "2031-05-01\n\nPrime Minister Rudolf Elphberg spoke.\n"
    assert lint(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Former Prime Minister Rudolf Elphberg spoke.",
        "Ex-Prime Minister Rudolf Elphberg spoke.",
        "The then-Prime Minister Rudolf Elphberg had spoken.",
        "The late Prime Minister Rudolf Elphberg was remembered.",
        "Outgoing Prime Minister Rudolf Elphberg spoke.",
        "Prime Minister-elect Rudolf Elphberg spoke.",
        "Prime Minister-designate Rudolf Elphberg spoke.",
        "In 2012, Prime Minister Rudolf Elphberg opened the bridge.",
        "At the time, Prime Minister Rudolf Elphberg opposed the plan.",
        "Rudolf Elphberg, who served as prime minister, spoke.",
        "The bridge was opened by Prime Minister Rudolf Elphberg in 2013.",
    ],
)
def test_historical_mentions_are_not_anachronisms(lint: Callable[..., list[str]], sentence: str) -> None:
    assert lint(f"2018-05-01\n\n{sentence}\n") == []


def test_the_same_mention_without_a_marker_is_reported(lint: Callable[..., list[str]]) -> None:
    assert lint("2018-05-01\n\nPrime Minister Rudolf Elphberg spoke.\n")


def test_a_bare_surname_never_counts_alone(lint: Callable[..., list[str]]) -> None:
    assert lint("2018-05-01\n\nElphberg spoke. Rudolf Elphberg agreed.\n") == []


def test_one_finding_per_person_and_office(lint: Callable[..., list[str]]) -> None:
    text = "2018-05-01\n\nPrime Minister Rudolf Elphberg spoke.\nPrime Minister Rudolf Elphberg left.\n"
    assert [f.split(":")[0] for f in lint(text)] == ["3"]


def test_undated_documents_report_officeholders_who_never_overlapped(lint: Callable[..., list[str]]) -> None:
    text = "Prime Minister Rudolf Elphberg met Prime Minister Michael Hentzau.\n"
    [finding] = lint(text)
    assert "cannot both be in office at one time" in finding


def test_undated_documents_with_overlapping_terms_are_clean(lint: Callable[..., list[str]]) -> None:
    text = "Prime Minister Rudolf Elphberg met Finance Minister Fritz Tarlenheim.\n"
    assert lint(text) == []


def test_undated_checks_can_be_turned_off(lint: Callable[..., list[str]]) -> None:
    text = "Prime Minister Rudolf Elphberg met Prime Minister Michael Hentzau.\n"
    assert lint(text, **{"check-undated": False}) == []


def test_a_user_file_overrides_a_shipped_term(tmp_path: Path) -> None:
    text = "Tuesday, April 23rd, 2024\n\nForeign Minister Khawaja Asif spoke.\n"
    assert lint_text(text, ["anachronism"], tmp_path)
    override = tmp_path / "asif.yaml"
    override.write_text(
        "offices:\n  - office: Minister of Foreign Affairs (Pakistan)\n    country: PK\n"
        "    holders:\n      - [Khawaja Muhammad Asif, 2017-08-04, 2025]\n",
        encoding="utf-8",
    )
    options = {"anachronism": {"knowledge": [str(override)]}}
    assert lint_text(text, ["anachronism"], tmp_path, options=options) == []


def test_a_configured_date_applies_to_matching_paths(tmp_path: Path) -> None:
    options = {"anachronism": {"fixed-dates": {"*.txt": "2024-04-23"}}}
    text = "Foreign Minister Khawaja Asif spoke.\n"
    assert lint_text(text, ["anachronism"], tmp_path, options=options)


@pytest.mark.parametrize(
    ("published", "sentence", "found"),
    [
        ("Tuesday, June 10, 2025", "Chancellor Olaf Scholz said the budget was agreed.", True),
        ("Tuesday, March 4, 2025", "Chancellor Olaf Scholz said the budget was agreed.", False),
        ("Tuesday, October 1, 2024", "Prime Minister Rishi Sunak said the budget was agreed.", True),
        ("Monday, March 10, 2025", "President Joe Biden signed the bill into law.", True),
        ("Monday, March 10, 2025", "President Joe Biden spoke at the opening of the library.", False),
        ("Saturday, May 1, 2021", "King Charles opened the new wing.", True),
        ("Tuesday, December 15, 2020", "Newly-nominated Treasury Secretary Janet Yellen spoke.", False),
        ("Tuesday, December 15, 2020", "Treasury Secretary Janet Yellen spoke.", True),
    ],
)
def test_shipped_knowledge_after_the_2022_sources(published: str, sentence: str, found: bool, tmp_path: Path) -> None:
    """The curated additions carry the knowledge base past its fact tables' 2022 snapshot."""
    assert bool(lint_text(f"{published}\n\n{sentence}\n", ["anachronism"], tmp_path)) is found
