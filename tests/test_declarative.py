"""Rules as data: existence, substitution and occurrence rules under ``rules:`` in config."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CliResult

from corpuslint.api import lint
from corpuslint.models import Edit, Finding, Fix
from corpuslint.testing import as_user_sees

Cli = Callable[..., CliResult]

NO_SYNERGY = {"name": "no-synergy", "code": "XS001", "extends": "existence", "tokens": ["synergy"]}
PREFER = {"name": "prefer-toward", "code": "XS002", "extends": "substitution", "swap": {"towards": "toward"}}
FEW_BANGS = {"name": "few-bangs", "code": "XS003", "extends": "occurrence", "patterns": ["!+"], "max": 2}


def run(tmp_path: Path, text: str, *rules: dict[str, Any], **config: Any) -> list[Finding]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    return lint([article], config={"rules": list(rules), **config})


def shown(tmp_path: Path, text: str, *rules: dict[str, Any], **config: Any) -> list[str]:
    return [line.split(":", 1)[1] for line in as_user_sees(run(tmp_path, text, *rules, **config), tmp_path)]


def test_existence_reports_whole_words_only(tmp_path: Path) -> None:
    text = "Synergy is not synergy.\nThe synergystic synergy-driven plan.\n"
    assert shown(tmp_path, text, NO_SYNERGY) == [
        "1:16: XS001 'synergy' is not allowed here",
        "2:17: XS001 'synergy' is not allowed here",
    ]


def test_existence_ignorecase_and_message_with_the_match(tmp_path: Path) -> None:
    rule = {**NO_SYNERGY, "ignorecase": True, "message": "avoid '%s' (jargon, 100% of the time)"}
    assert shown(tmp_path, "Synergy, SYNERGY.\n", rule) == [
        "1:1: XS001 avoid 'Synergy' (jargon, 100% of the time)",
        "1:10: XS001 avoid 'SYNERGY' (jargon, 100% of the time)",
    ]


def test_existence_phrases_match_across_a_line_break_and_show_on_one_line(tmp_path: Path) -> None:
    rule = {**NO_SYNERGY, "tokens": ["going forward"], "message": "'%s' is jargon"}
    assert shown(tmp_path, "We are going\nforward now.\n", rule) == ["1:8: XS001 'going forward' is jargon"]


def test_existence_patterns_are_regular_expressions(tmp_path: Path) -> None:
    rule = {**NO_SYNERGY, "tokens": [], "patterns": [r"\bTK(?:TK)*\b"], "message": "placeholder %s left in copy"}
    assert shown(tmp_path, "The mayor, TKTK, said TK.\nTKO is fine.\n", rule) == [
        "1:12: XS001 placeholder TKTK left in copy",
        "1:23: XS001 placeholder TK left in copy",
    ]


def test_substitution_carries_a_safe_fix_that_replaces_the_phrase(tmp_path: Path) -> None:
    text = "We walk towards it.\n"
    [finding] = run(tmp_path, text, PREFER)
    assert finding.message == "'towards' should be 'toward'"
    start = text.index("towards")
    assert finding.fix == Fix((Edit(start, start + len("towards"), "toward"),), safe=True)


def test_substitution_keeps_the_case_of_what_it_replaces_when_ignoring_case(tmp_path: Path) -> None:
    rule = {**PREFER, "ignorecase": True, "swap": {"towards": "toward", "per cent": "percent", "E-Mail": "email"}}
    findings = run(tmp_path, "Towards TOWARDS towards.\nUp 5 per\ncent by email.\n", rule)
    replacements = [f.fix.edits[0].replacement for f in findings if f.fix]
    assert replacements == ["Toward", "TOWARD", "toward", "percent"], "email already reads as its replacement"
    assert findings[0].message == "'Towards' should be 'Toward'"


def test_substitution_message_slots_are_match_then_replacement(tmp_path: Path) -> None:
    rule = {**PREFER, "message": "house style: '%s' -> '%s'"}
    assert shown(tmp_path, "towards\n", rule) == ["1:1: XS002 house style: 'towards' -> 'toward'"]


def test_occurrence_reports_once_past_the_limit(tmp_path: Path) -> None:
    assert shown(tmp_path, "Wow! Great!\n", FEW_BANGS) == []
    assert shown(tmp_path, "Wow! Great!! Yes!\nAnd again!\n", FEW_BANGS) == [
        "1:17: XS003 '!' occurs more than 2 times here"
    ]
    assert shown(tmp_path, "One!\n", {**FEW_BANGS, "max": 0, "message": "no '%s' at all"}) == [
        "1:4: XS003 no '!' at all"
    ]


def test_data_rules_take_part_in_selection_severity_and_per_file_ignores(tmp_path: Path) -> None:
    text = "synergy towards\n"
    both = run(tmp_path, text, NO_SYNERGY, PREFER, severity={"no-synergy": "error"})
    assert [(f.code, f.severity, f.plugin) for f in both] == [
        ("XS001", "error", "config"),
        ("XS002", "warning", "config"),
    ]
    assert [f.code for f in run(tmp_path, text, NO_SYNERGY, PREFER, select=["XS002"])] == ["XS002"]
    assert run(tmp_path, text, NO_SYNERGY, PREFER, **{"per-file-ignores": {"article.txt": ["XS"]}}) == []


def test_data_rules_run_in_worker_processes(tmp_path: Path) -> None:
    for index in range(20):
        (tmp_path / f"doc{index:02}.txt").write_text("synergy\n", encoding="utf-8")
    serial = lint([tmp_path], config={"rules": [NO_SYNERGY]}, jobs=1)
    parallel = lint([tmp_path], config={"rules": [NO_SYNERGY]}, jobs=2)
    assert len(serial) == 20 and parallel == serial


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Write corpuslint.yaml with the given ``rules:`` entries, in the current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Synergy, going towards it!\n", encoding="utf-8")

    def write(*rules: dict[str, Any]) -> Path:
        path = tmp_path / "corpuslint.yaml"
        path.write_text(yaml.safe_dump({"rules": list(rules)}), encoding="utf-8")
        return path

    return write


def test_data_rules_are_listed_and_documented(configured: Callable[..., Path], cli: Cli) -> None:
    configured(NO_SYNERGY, {**PREFER, "summary": "Prefer toward over towards", "description": "House style."})
    rows = {line.split()[0]: line.split()[1:5] for line in cli("rules").out.splitlines()}
    assert rows["XS001"] == ["no-synergy", "config", "warning", "-"]
    assert rows["XS002"] == ["prefer-toward", "config", "warning", "yes"]
    docs = cli("rule", "prefer-toward").out
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Options"):
        assert section in docs
    assert "`towards` -> `toward`" in docs and "House style." in docs and "Prefer toward over towards" in docs


def test_data_rules_fire_from_a_config_file(configured: Callable[..., Path], cli: Cli) -> None:
    configured({**NO_SYNERGY, "ignorecase": True}, PREFER, {**FEW_BANGS, "max": 0, "severity": "info"})
    result = cli("a.txt", "-q")
    assert result.out.splitlines() == [
        "a.txt:1:1: XS001 'Synergy' is not allowed here",
        "a.txt:1:16: XS002 'towards' should be 'toward'",
        "a.txt:1:26: XS003 '!' occurs more than 0 times here",
    ]
    assert result.code == 1


BAD_ENTRIES = [
    ({**NO_SYNERGY, "name": None}, "rules[0].name", "required"),
    ({**NO_SYNERGY, "name": "No Synergy"}, "rules[0].name", "kebab-case"),
    ({**NO_SYNERGY, "code": "x1"}, "rules[0].code", "ABC123"),
    ({**NO_SYNERGY, "extends": "repetition"}, "rules[0].extends", "existence, substitution, occurrence"),
    ({**NO_SYNERGY, "token": ["x"]}, "rules[0].token", "unknown key"),
    ({**NO_SYNERGY, "max": 3}, "rules[0].max", "unknown key for extends: existence"),
    ({**NO_SYNERGY, "tokens": "synergy"}, "rules[0].tokens", "list of non-empty strings"),
    ({**NO_SYNERGY, "tokens": []}, "rules[0].tokens", "needs tokens or patterns"),
    ({**NO_SYNERGY, "patterns": ["(unclosed"]}, "rules[0].patterns[0]", "invalid regular expression"),
    ({**NO_SYNERGY, "patterns": ["a*"]}, "rules[0].patterns[0]", "matches the empty string"),
    ({**NO_SYNERGY, "severity": "fatal"}, "rules[0].severity", "error, warning, info"),
    ({**NO_SYNERGY, "ignorecase": "yes"}, "rules[0].ignorecase", "true or false"),
    ({**PREFER, "swap": ["towards", "toward"]}, "rules[0].swap", "mapping"),
    ({**PREFER, "swap": {"towards": 3}}, "rules[0].swap", "must map a phrase to a string"),
    ({**FEW_BANGS, "max": -1}, "rules[0].max", "whole number"),
    ({k: v for k, v in FEW_BANGS.items() if k != "max"}, "rules[0].max", "required"),
]


@pytest.mark.parametrize(("entry", "key", "problem"), BAD_ENTRIES, ids=[f"{k}:{p}" for _, k, p in BAD_ENTRIES])
def test_a_bad_rule_entry_names_file_entry_and_key(
    configured: Callable[..., Path], cli: Cli, entry: dict[str, Any], key: str, problem: str
) -> None:
    path = configured(entry)
    result = cli("a.txt")
    assert result.code == 2
    assert result.err.startswith(f"corpuslint: error: {path}: key '{key}'"), result.err
    assert problem in result.err


def test_the_entry_is_named_by_position_and_name(configured: Callable[..., Path], cli: Cli) -> None:
    configured(NO_SYNERGY, {**PREFER, "swap": {}})
    assert "key 'rules[1].swap' in rules[1] (prefer-toward)" in cli("a.txt").err


def test_rules_must_be_a_list_of_mappings(configured: Callable[..., Path], cli: Cli) -> None:
    path = configured()
    path.write_text("rules: {name: x}\n", encoding="utf-8")
    result = cli("a.txt")
    assert result.code == 2 and "key 'rules'" in result.err


def test_a_data_rule_that_clashes_with_a_builtin_names_the_config_file(
    configured: Callable[..., Path], cli: Cli
) -> None:
    path = configured({**NO_SYNERGY, "code": "CL001"})
    result = cli("a.txt")
    assert result.code == 2
    assert f"from plugin 'config' ({path}) clashes with CL001 encoding-error" in result.err
