"""Every rule is documented, has fixtures that fire and stay clean, and names only real options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpuslint.config import Settings
from corpuslint.plugins import PluginSpec, plugin_manager
from corpuslint.registry import build_registry
from corpuslint.rule import Rule, missing_doc_sections

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Reported by the engine itself, not from document text.
ENGINE_RULES = {"read-error", "internal-error", "encoding-error"}
CORE_RULES = {
    "duplicate-paragraph", "cross-document-duplicate", "boilerplate", "mojibake",
    "invisible-characters", "orphaned-sentence", "anachronism",
}  # fmt: skip


def builtin_rules() -> list[type[Rule]]:
    registry = build_registry(plugin_manager(PluginSpec(use_entry_points=False)))
    return sorted(registry.rules.values(), key=lambda r: r.code)


def test_every_core_rule_is_registered() -> None:
    assert {rule.name for rule in builtin_rules()} >= CORE_RULES


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.name)
def test_rule_docs_have_every_section(rule: type[Rule]) -> None:
    assert not missing_doc_sections(rule), f"{rule.name} lacks {missing_doc_sections(rule)}"
    assert rule.summary and not rule.summary.endswith(".")


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.name)
def test_rule_docs_name_only_real_options(rule: type[Rule]) -> None:
    """Options are documented as list items "- `name`: ..." in the Options section."""
    options_section = rule.docs().split("## Options", 1)[1]
    documented = set(re.findall(r"^\s*[-*] `([a-z][a-z0-9-]*)`", options_section, flags=re.MULTILINE))
    assert documented == set(rule.options), (
        f"{rule.name}: documented {sorted(documented)}, declared {sorted(rule.options)}"
    )


@pytest.mark.parametrize("rule", [r for r in builtin_rules() if r.name not in ENGINE_RULES], ids=lambda r: r.name)
def test_rule_has_firing_and_clean_fixtures(rule: type[Rule]) -> None:
    folder = FIXTURES / rule.name
    assert list(folder.glob("fires*")), f"no firing fixture in {folder}"
    assert list(folder.glob("clean*")), f"no clean fixture in {folder}"


def test_default_settings_enable_every_core_rule() -> None:
    from corpuslint.selection import active_rules

    registry = build_registry(plugin_manager(PluginSpec(use_entry_points=False)))
    names = {a.rule.name for a in active_rules(Settings(), registry)}
    assert names >= CORE_RULES


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.name)
def test_warming_up_a_rule_changes_none_of_its_findings(rule: type[Rule]) -> None:
    # Parallel runs warm rules up before forking; a serial run loads lazily.
    from corpuslint.document import Document
    from corpuslint.rule import CorpusRule

    docs = [Document(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    lazy, warm = rule(), rule()
    warm.warm_up()

    def results(instance: Rule) -> list[object]:
        if isinstance(instance, CorpusRule):
            return [repr(instance.summarize(doc)) for doc in docs]
        return [list(instance.check(doc)) for doc in docs]  # type: ignore[attr-defined]

    assert results(warm) == results(lazy)
