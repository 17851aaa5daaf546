"""The newsroom rules beyond their fixture articles: options, fixes, data, documentation.

The fixture articles in tests/fixtures/<rule>/ are collected as tests of their
own by corpuslint.testing (see pyproject.toml).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpuslint.api import lint
from corpuslint.models import Finding
from corpuslint.rule import missing_doc_sections
from corpuslint.testing import lint_text

from corpuslint_newsroom import corpuslint_register_rules
from corpuslint_newsroom.data import credits, markers

PLUGIN = ["corpuslint_newsroom"]  # also loads when the package is importable but not installed
RULES = corpuslint_register_rules()


def shown(tmp_path: Path, text: str, rule: str, **options: object) -> list[str]:
    """``line:col: CODE message`` for one article, with only ``rule`` on (and these options for it)."""
    return lint_text(text, [rule], tmp_path, plugins=PLUGIN, options={rule: options} if options else None)


def lint_one(tmp_path: Path, text: str, rule: str) -> list[Finding]:
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    return lint([article], select=[rule], plugins=PLUGIN)


def apply(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: -e.start):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rules_are_documented_with_every_option(rule: type) -> None:
    assert not missing_doc_sections(rule)
    options = rule.docs().split("## Options", 1)[1]
    assert set(re.findall(r"^\s*- `([a-z-]+)`", options, flags=re.MULTILINE)) == set(rule.options)
    assert re.fullmatch(r"NR1\d\d", rule.code), "codes stay clear of corpuslint's own CL prefix"


def test_the_credit_fix_deletes_the_credit_and_the_space_before_it(tmp_path: Path) -> None:
    text = "The talks ended late.\nBoth sides will meet again. (Pajhwok)\n"
    [finding] = lint_one(tmp_path, text, "trailing-wire-credit")
    assert finding.fix is not None and not finding.fix.safe, "deleting text is an unsafe fix"
    assert apply(text, finding) == "The talks ended late.\nBoth sides will meet again.\n"


def test_the_credit_fix_removes_a_sign_off_line_and_the_blank_lines_before_it(tmp_path: Path) -> None:
    text = "Qtly div 12 cts vs 12 cts prior\n    Pay April 1\n \n Reuter\n"
    [finding] = lint_one(tmp_path, text, "trailing-wire-credit")
    assert apply(text, finding) == "Qtly div 12 cts vs 12 cts prior\n    Pay April 1\n"


def test_short_agency_acronyms_match_only_as_written(tmp_path: Path) -> None:
    assert shown(tmp_path, "Talks went on.\n(ap)\n", "trailing-wire-credit") == []
    assert shown(tmp_path, "Talks went on.\n(reuters)\n", "trailing-wire-credit") == [
        "2:1: NR102 wire credit '(reuters)' left at the end of the story"
    ]


def test_a_bare_acronym_after_the_last_sentence_is_not_a_credit(tmp_path: Path) -> None:
    assert shown(tmp_path, "Prices rose across the U.S. AP\n", "trailing-wire-credit") == []


def test_extra_credits_extend_the_shipped_list(tmp_path: Path) -> None:
    text = "The ferry sailed on time. (NTB)\n"
    assert shown(tmp_path, text, "trailing-wire-credit") == []
    assert shown(tmp_path, text, "trailing-wire-credit", **{"extra-credits": ["NTB"]}) == [
        "1:27: NR102 wire credit '(NTB)' left at the end of the story"
    ]


def test_end_markers_get_a_fix_and_continuation_markers_do_not(tmp_path: Path) -> None:
    [ended] = lint_one(tmp_path, "The vote is next week.\n\nENDS\n", "wire-transmission-marker")
    assert apply("The vote is next week.\n\nENDS\n", ended) == "The vote is next week.\n"
    [cut] = lint_one(tmp_path, "Profit rose on strong demand.\n MORE\n", "wire-transmission-marker")
    assert cut.fix is None, "deleting MORE would hide that the story is cut short"


def test_extra_markers_extend_the_shipped_list(tmp_path: Path) -> None:
    options = {"extra-end-markers": ["(ENDS)"], "extra-continued-markers": ["MMMM"]}
    assert shown(tmp_path, "Text.\n(ENDS)\n", "wire-transmission-marker", **options) == [
        "2:1: NR103 end-of-story marker '(ENDS)' left in the text"
    ]
    [continued] = shown(tmp_path, "Text.\nmmmm\n", "wire-transmission-marker", **options)
    assert "story continues in another take" in continued


def test_uppercase_month_can_be_refused(tmp_path: Path) -> None:
    text = "ROME, MARCH 3 - Italy said it would cut the tax on fuel.\n"
    assert shown(tmp_path, text, "dateline-format") == []
    assert shown(tmp_path, text, "dateline-format", **{"uppercase-month": False}) == [
        "1:7: NR101 dateline month 'MARCH' is not capitalised as a month name"
    ]


def test_the_dateline_is_looked_for_only_in_the_opening_paragraphs(tmp_path: Path) -> None:
    text = "Headline\n\nA first paragraph of prose.\n\nLIMA, April - Peru said so.\n"
    assert shown(tmp_path, text, "dateline-format") == ["5:7: NR101 dateline date 'April' has no day"]
    assert shown(tmp_path, text, "dateline-format", paragraphs=2) == []


def test_only_the_first_dateline_of_a_story_is_judged(tmp_path: Path) -> None:
    text = "OSLO, May 2 - Ferries ran late.\n\nBERGEN, May 40 - A quoted second dateline.\n"
    assert shown(tmp_path, text, "dateline-format") == []


def test_leap_day_exists_and_the_thirty_first_of_april_does_not(tmp_path: Path) -> None:
    assert shown(tmp_path, "ROME, Feb 29 - It was a leap year.\n", "dateline-format") == []
    assert shown(tmp_path, "ROME, April 31 - It was not a day.\n", "dateline-format") == [
        "1:7: NR101 dateline date 'April 31' does not exist"
    ]


def test_the_shipped_data_is_complete() -> None:
    assert {"AP", "AFP", "Reuters", "Reuter", "Pajhwok"} <= set(credits())
    kinds = markers()
    assert set(kinds) == {"continued", "end"} and "MORE" in kinds["continued"] and "-30-" in kinds["end"]
