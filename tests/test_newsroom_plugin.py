"""The example third-party plugin, plugins/corpuslint-newsroom, installed as its users install it.

The session fixture pip-installs it (editable, no dependencies) into the test
environment unless it is installed already; the tests then use it only
through corpuslint's entry-point discovery, in-process and in a fresh process.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, CliResult

Cli = Callable[..., CliResult]
PLUGIN_DIR = ROOT / "plugins" / "corpuslint-newsroom"
NEWSROOM_RULES = {"NR101": "dateline-format", "NR102": "trailing-wire-credit", "NR103": "wire-transmission-marker"}
ARTICLES = {
    "dateline.txt": "MILL CO SETS PAYOUT\n\nPORTLAND, Ore., May 4- Mill Co said it would pay a dividend.\n",
    "credit.txt": "KANDAHAR - Farmers said the harvest was good.\nRoads will follow. (Pajhwok)\n",
    "more.txt": "The company expects higher profit this year.\n MORE\n",
}


def _installed() -> bool:
    try:
        dist = importlib.metadata.distribution("corpuslint-newsroom")
    except importlib.metadata.PackageNotFoundError:
        return False
    return any(ep.group == "corpuslint" for ep in dist.entry_points)


def _builds_offline() -> bool:
    """Whether an editable build can skip build isolation (offline, fast): setuptools < 70.1 needs `wheel`."""
    try:
        setuptools = tuple(int(part) for part in importlib.metadata.version("setuptools").split(".")[:2])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return setuptools >= (70, 1) or importlib.util.find_spec("wheel") is not None


def _pip_install() -> None:
    isolation = ["--no-build-isolation"] if _builds_offline() else []
    command = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", *isolation, "-e", str(PLUGIN_DIR)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.fail(f"installing {PLUGIN_DIR} failed:\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session", autouse=True)
def newsroom_installed() -> None:
    if not _installed():
        _pip_install()
    if importlib.util.find_spec("corpuslint_newsroom") is None:
        # An editable install takes effect at interpreter start; this process started before it.
        sys.path.insert(0, str(PLUGIN_DIR))
    importlib.invalidate_caches()


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus with one article per newsroom rule, as the current directory."""
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CORPUSLINT_DISABLE_PLUGINS", raising=False)
    return tmp_path


def rule_rows(listing: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:3] for line in listing.splitlines()[1:] if line.strip()}


def test_rules_lists_the_plugin_rules_under_the_entry_point_name(newsroom: Path, cli: Cli) -> None:
    rows = rule_rows(cli("rules").out)
    assert {code: rows[code] for code in NEWSROOM_RULES} == {
        code: [name, "newsroom"] for code, name in NEWSROOM_RULES.items()
    }


def test_plugins_lists_it_with_its_version_and_hook(newsroom: Path, cli: Cli) -> None:
    plugins = {line.split()[0]: line.split()[1:] for line in cli("plugins").out.splitlines()}
    assert plugins["newsroom"] == ["0.1.0", "corpuslint_register_rules"]


def test_its_rules_fire_by_default(newsroom: Path, cli: Cli) -> None:
    result = cli(".", "-q", "--select", "NR")
    assert result.out.splitlines() == [
        "credit.txt:2:20: NR102 wire credit '(Pajhwok)' left at the end of the story",
        "dateline.txt:3:22: NR101 dateline dash needs a space on each side",
        "more.txt:2:2: NR103 'MORE' ends the text: the story continues in another take, so it is cut short",
    ]
    everything = cli(".", "-q").out
    assert all(code in everything for code in NEWSROOM_RULES), "the plugin's rules are on by default"


def test_a_fresh_process_finds_it_through_the_entry_point(newsroom: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CORPUSLINT_DISABLE_PLUGINS"}
    run = subprocess.run(
        [sys.executable, "-m", "corpuslint", "credit.txt", "-q", "--select", "trailing-wire-credit"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.stdout.splitlines() == ["credit.txt:2:20: NR102 wire credit '(Pajhwok)' left at the end of the story"]
    assert run.returncode == 1, run.stderr


@pytest.mark.parametrize("name", ["newsroom", "corpuslint-newsroom"])
def test_dash_p_blocks_it_by_entry_point_or_distribution_name(newsroom: Path, cli: Cli, name: str) -> None:
    assert not set(NEWSROOM_RULES) & set(rule_rows(cli("rules", "-p", f"no:{name}").out))
    assert "newsroom" not in cli("plugins", "-p", f"no:{name}").out
    assert cli(".", "-q", "-p", f"no:{name}").out.count("NR10") == 0


def test_the_environment_variable_blocks_it(newsroom: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUSLINT_DISABLE_PLUGINS", "newsroom")
    assert not set(NEWSROOM_RULES) & set(rule_rows(cli("rules").out))


def test_its_own_test_suite_passes() -> None:
    """The plugin's tests, as its authors run them (its fixture articles are tests of their own)."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest"],
        cwd=PLUGIN_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
