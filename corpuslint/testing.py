"""Test helpers for rule authors: an opt-in pytest plugin.

Enable it with ``pytest_plugins = ["corpuslint.testing"]`` in a top-level
conftest.py (or ``-p corpuslint.testing``). It provides:

- :func:`lint_text`: lint a string as one document and return the findings
  as the user sees them (``line:col: CODE message``);
- :func:`check_fixture`: compare a fixture article's findings with its
  ``.expected`` file; run pytest with ``--update-expected`` to rewrite them;
- fixture collection: with ``corpuslint_fixtures = tests/fixtures`` in the
  pytest ini options, every article ``tests/fixtures/<rule>/<name>.txt`` is a
  test of its own, linted with only ``<rule>`` selected (plus the config in
  ``tests/fixtures/<rule>/corpuslint.yaml``, if any), and
  ``corpuslint_plugins`` names plugins that are not installed;
- the ``corpus`` fixture: a temporary directory to write articles into.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from corpuslint.api import lint
from corpuslint.models import Finding

UPDATE_OPTION = "--update-expected"
#: Suffixes of fixture articles collected from ``corpuslint_fixtures`` directories.
ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")
_update_expected = False


def as_user_sees(findings: Sequence[Finding], root: Path | None = None) -> list[str]:
    """Findings as ``path:line:col: CODE message`` lines, paths relative to ``root``."""
    lines = []
    for f in findings:
        path = os.path.relpath(f.path, root) if root is not None else f.path
        lines.append(f"{Path(path).as_posix()}:{f.line}:{f.column}: {f.code} {f.message}")
    return lines


def _config(options: Mapping[str, Any] | None, config: Mapping[str, Any] | None) -> dict[str, Any]:
    merged: dict[str, Any] = dict(config or {})
    if options:
        merged["options"] = {**merged.get("options", {}), **options}
    return merged


def lint_text(
    text: str,
    select: Sequence[str],
    tmp_path: Path,
    *,
    options: Mapping[str, Any] | None = None,
    name: str = "doc.txt",
    plugins: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
) -> list[str]:
    """Lint ``text`` as one document with only ``select`` enabled; ``line:col: CODE message`` lines.

    ``plugins`` are module names or ``.py`` paths to load besides the installed
    plugins; ``config`` is a config mapping as in corpuslint.yaml.
    """
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    findings = lint([path], select=list(select), config=_config(options, config), plugins=list(plugins))
    return [line.split(":", 1)[1] for line in as_user_sees(findings, tmp_path)]


def expected_file(article: Path) -> Path:
    return article.with_name(article.name + ".expected")


class FixtureMismatch(AssertionError):
    """An article's findings differ from its ``.expected`` file."""

    def __init__(self, article: Path, expected: list[str], found: list[str]) -> None:
        diff = difflib.unified_diff(expected, found, f"{article.name}.expected", "found", lineterm="")
        hint = f"(if the new findings are right: pytest {UPDATE_OPTION}, then read the diff)"
        super().__init__(
            f"{article.name}: findings differ from {expected_file(article).name} {hint}\n" + "\n".join(diff)
        )


class MisnamedFixture(AssertionError):
    """A ``fires_*`` article that reports nothing, or a ``clean_*`` one with findings."""


def check_fixture(
    article: Path,
    select: Sequence[str],
    options: Mapping[str, Any] | None = None,
    *,
    plugins: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
) -> None:
    """Lint one fixture article; its findings must equal ``<article>.expected``.

    An empty or missing ``.expected`` file means the article must stay clean.
    """
    findings = lint([article], select=list(select), config=_config(options, config), plugins=list(plugins))
    found = as_user_sees(findings, article.parent)
    path = expected_file(article)
    if _update_expected:
        if found or path.exists():  # a clean article needs no empty file beside it
            path.write_text("".join(line + "\n" for line in found), encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    if found != expected:
        raise FixtureMismatch(article, expected, found)


def fixture_articles(directory: Path, pattern: str = "*.txt") -> list[Path]:
    return sorted(directory.glob(pattern))


class ArticleItem(pytest.Item):
    """One fixture article, linted with only its folder's rule selected."""

    def runtest(self) -> None:
        folder = self.path.parent
        config_file = folder / "corpuslint.yaml"
        config: dict[str, Any] = {}
        if config_file.exists():
            import yaml

            config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
        check_fixture(self.path, [folder.name], config=config, plugins=_ini_plugins(self.config))
        # The names say what an article shows; hold them to it, also after --update-expected.
        expected = expected_file(self.path)
        fires = expected.exists() and expected.read_text(encoding="utf-8").strip() != ""
        if self.path.name.startswith("fires") and not fires:
            raise MisnamedFixture(f"{self.path.name}: reports nothing, but its name says the rule fires on it")
        if self.path.name.startswith("clean") and fires:
            raise MisnamedFixture(f"{self.path.name}: has findings, but its name says it stays clean")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, (FixtureMismatch, MisnamedFixture)):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"corpuslint fixture {self.path.parent.name}/{self.path.name}"


class ArticleFile(pytest.File):
    def collect(self) -> Iterator[ArticleItem]:
        yield ArticleItem.from_parent(self, name=self.path.parent.name)


def _ini_plugins(config: pytest.Config) -> list[str]:
    # Paths in the ini file are relative to it, whatever the current directory.
    base = config.inipath.parent if config.inipath else config.rootpath
    refs: list[str] = config.getini("corpuslint_plugins")
    return [str((base / ref).resolve()) if ref.endswith(".py") else ref for ref in refs]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(UPDATE_OPTION, action="store_true", help="rewrite corpuslint fixture .expected files")
    parser.addini("corpuslint_fixtures", type="paths", default=[], help="folders of <rule>/<article> fixtures to test")
    parser.addini("corpuslint_plugins", type="args", default=[], help="plugin modules or .py paths for fixture tests")


_previous_update = pytest.StashKey[bool]()


def pytest_configure(config: pytest.Config) -> None:
    global _update_expected
    config.stash[_previous_update] = _update_expected  # a pytest run inside a test must not leak its flag
    _update_expected = bool(config.getoption(UPDATE_OPTION, default=False))


def pytest_unconfigure(config: pytest.Config) -> None:
    global _update_expected
    _update_expected = config.stash.get(_previous_update, False)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ArticleFile | None:
    if file_path.suffix not in ARTICLE_SUFFIXES:
        return None
    roots: list[Path] = parent.config.getini("corpuslint_fixtures")
    if any(file_path.parent.parent == root for root in roots):
        return ArticleFile.from_parent(parent, path=file_path)
    return None


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    """A temporary corpus directory."""
    root = tmp_path / "corpus"
    root.mkdir()
    yield root
