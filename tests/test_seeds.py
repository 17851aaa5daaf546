"""The seed articles: what must and must not be reported (tests/data/seeds-expected.yaml)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from corpuslint.api import lint

ROOT = Path(__file__).resolve().parent.parent
EXPECTED: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "data" / "seeds-expected.yaml").read_text("utf-8"))
#: The rules whose every finding on the seeds must be expected (must or may).
CORE_RULES = {"duplicate-paragraph", "boilerplate", "mojibake", "invisible-characters", "orphaned-sentence"}


@pytest.fixture(scope="module")
def reported() -> dict[tuple[str, str], set[int]]:
    lines: dict[tuple[str, str], set[int]] = defaultdict(set)
    for finding in lint([ROOT / "seeds"]):
        lines[(Path(finding.path).name, finding.rule)].add(finding.line)
    return lines


def _cases(kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(name, entry) for name, spec in EXPECTED.items() for entry in spec.get(kind) or []]


def test_seeds_are_the_shared_seeds_byte_for_byte() -> None:
    names = sorted(p.name for p in (ROOT / "seeds").iterdir())
    assert names == sorted(EXPECTED)


@pytest.mark.parametrize(
    ("name", "entry"), _cases("must"), ids=lambda v: str(v.get("line", "")) if isinstance(v, dict) else v
)
def test_must(reported: dict[tuple[str, str], set[int]], name: str, entry: dict[str, Any]) -> None:
    found = reported[(name, entry["rule"])]
    if "any_of" in entry:
        assert len(found & set(entry["any_of"])) >= entry.get("at_least", 1), entry.get("why")
    else:
        assert entry["line"] in found, entry.get("why")


@pytest.mark.parametrize(
    ("name", "entry"), _cases("must_not"), ids=lambda v: v.get("rule", "") if isinstance(v, dict) else v
)
def test_must_not(reported: dict[tuple[str, str], set[int]], name: str, entry: dict[str, Any]) -> None:
    found = reported[(name, entry["rule"])]
    if entry.get("anywhere"):
        assert not found, entry.get("why")
    else:
        assert not found & set(entry["lines"]), entry.get("why")


def _allowed(spec: dict[str, Any], rule: str) -> set[int]:
    allowed: set[int] = set()
    for entry in (spec.get("must") or []) + (spec.get("may") or []):
        if entry["rule"] == rule:
            allowed.update(entry.get("any_of") or entry.get("lines") or [entry.get("line")])
    return allowed


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_core_rules_report_nothing_unexpected(reported: dict[tuple[str, str], set[int]], name: str) -> None:
    for rule in CORE_RULES:
        unexpected = reported[(name, rule)] - _allowed(EXPECTED[name], rule)
        assert not unexpected, f"{rule} reported unexpected lines {sorted(unexpected)} in {name}"
