"""The plugin guide, docs/plugins.md, stays true: every hook documented, every example run."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pluggy
import pytest
from conftest import ROOT, CliResult

from corpuslint import hookspecs
from corpuslint.declarative.schema import COMMON_KEYS, KIND_KEYS

Cli = Callable[..., CliResult]
GUIDE = ROOT / "docs" / "plugins.md"
TEXT = GUIDE.read_text(encoding="utf-8")


def example(marker: str) -> str:
    """The fenced code block right after ``<!-- example: MARKER -->`` in the guide."""
    found = re.search(rf"<!-- example: {re.escape(marker)} -->\n```\w*\n(.*?)^```", TEXT, re.DOTALL | re.MULTILINE)
    assert found, f"docs/plugins.md has no example marked {marker!r}"
    return found.group(1)


def hook_specs() -> dict[str, Callable[..., object]]:
    pm = pluggy.PluginManager("corpuslint")
    pm.add_hookspecs(hookspecs)
    return {name: getattr(hookspecs, name) for name, caller in vars(pm.hook).items() if not name.startswith("_")}


def section(heading: str) -> str:
    """The text under a ``### heading``, up to the next heading."""
    found = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#|\Z)", TEXT, re.DOTALL | re.MULTILINE)
    return found.group(1).strip() if found else ""


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_every_hook_is_documented_with_its_signature(name: str) -> None:
    body = section(f"`{name}`")
    assert body, f"docs/plugins.md has no '### `{name}`' section"
    returns = inspect.signature(hook_specs()[name]).return_annotation
    assert f"`{name}() -> {returns}`" in body, "the documented signature differs from corpuslint/hookspecs.py"
    assert len(body.split()) >= 30, "say what the hook is for, when it is called and what it must return"


def test_the_guide_documents_no_hook_that_does_not_exist() -> None:
    reference = TEXT.split("## Hook reference", 1)[1]
    assert set(re.findall(r"^### `(\w+)`", reference, flags=re.MULTILINE)) == set(hook_specs())


def test_the_example_rule_is_the_shipped_local_plugin() -> None:
    shipped = (ROOT / "plugins" / "local_example.py").read_text(encoding="utf-8")
    assert example("plugins/local_example.py") == shipped, "docs/plugins.md and plugins/local_example.py differ"


def test_the_example_rule_runs_as_a_local_plugin(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "placeholders.py").write_text(example("plugins/local_example.py"), encoding="utf-8")
    (tmp_path / "corpuslint.yaml").write_text('plugins: ["./house/placeholders.py"]\n', encoding="utf-8")
    (tmp_path / "budget.txt").write_text(
        "Budget Passes\n\nThe mayor, who took office in TK, said the TKO was TKTK.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = cli("budget.txt", "-q", "--select", "placeholder-text")
    assert result.out.splitlines() == [
        "budget.txt:3:31: HS101 placeholder 'TK' left in the text",
        "budget.txt:3:52: HS101 placeholder 'TKTK' left in the text",
    ]
    docs = cli("rule", "placeholder-text").out
    assert "Plugin: placeholders." in docs and "## Options" in docs


def test_the_testing_example_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace: dict[str, object] = {}
    exec(compile(example("testing"), "docs/plugins.md", "exec"), namespace)
    monkeypatch.chdir(ROOT)  # the example names the plugin by its path in this repository
    test = namespace["test_custom_placeholders"]
    assert callable(test)
    test(tmp_path)


def test_the_rules_as_data_example_works(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpuslint.yaml").write_text(example("rules-as-data"), encoding="utf-8")
    (tmp_path / "memo.txt").write_text("Synergy, going\nforward, towards 5 per cent! Yes! Now!\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("memo.txt", "-q", "--select", "XS").out.splitlines() == [
        "memo.txt:1:1: XS001 avoid the word 'Synergy'",
        "memo.txt:1:10: XS001 avoid the word 'going forward'",
        "memo.txt:2:10: XS002 'towards' should be 'toward'",
        "memo.txt:2:20: XS002 'per cent' should be 'percent'",
        "memo.txt:2:38: XS003 '!' occurs more than 2 times here",
    ]


@pytest.mark.parametrize("key", sorted(set(COMMON_KEYS).union(*KIND_KEYS.values())))
def test_every_data_rule_key_is_documented(key: str) -> None:
    assert f"| `{key}` |" in TEXT.split("## Rules as data", 1)[1]
