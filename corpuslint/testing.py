"""Test helpers for rule authors: an opt-in pytest plugin.

Enable it with ``pytest_plugins = ["corpuslint.testing"]`` in a conftest.py
(or ``-p corpuslint.testing``). It provides:

- :func:`lint_text`: lint a string as one document and return the findings
  as the user sees them (``line:col: CODE message``);
- :func:`check_fixture`: compare a fixture article's findings with its
  ``.expected`` file; run pytest with ``--update-expected`` to rewrite them;
- the ``corpus`` fixture: a temporary directory to write articles into.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from corpuslint.api import lint
from corpuslint.models import Finding

UPDATE_OPTION = "--update-expected"
_update_expected = False


def as_user_sees(findings: Sequence[Finding], root: Path | None = None) -> list[str]:
    """Findings as ``path:line:col: CODE message`` lines, paths relative to ``root``."""
    lines = []
    for f in findings:
        path = os.path.relpath(f.path, root) if root is not None else f.path
        lines.append(f"{Path(path).as_posix()}:{f.line}:{f.column}: {f.code} {f.message}")
    return lines


def lint_text(
    text: str,
    select: Sequence[str],
    tmp_path: Path,
    *,
    options: Mapping[str, Any] | None = None,
    name: str = "doc.txt",
) -> list[str]:
    """Lint ``text`` as one document with only ``select`` enabled; ``line:col: CODE message`` lines."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    config: dict[str, Any] = {"options": dict(options)} if options else {}
    findings = lint([path], select=list(select), config=config)
    return [line.split(":", 1)[1] for line in as_user_sees(findings, tmp_path)]


def check_fixture(article: Path, select: Sequence[str], options: Mapping[str, Any] | None = None) -> None:
    """Lint one fixture article; its findings must equal ``<article>.expected``.

    An empty or missing ``.expected`` file means the article must stay clean.
    """
    expected_file = article.with_name(article.name + ".expected")
    config: dict[str, Any] = {"options": dict(options)} if options else {}
    found = as_user_sees(lint([article], select=list(select), config=config), article.parent)
    if _update_expected:
        expected_file.write_text("".join(line + "\n" for line in found), encoding="utf-8")
        return
    expected = expected_file.read_text(encoding="utf-8").splitlines() if expected_file.exists() else []
    assert found == expected, f"{article.name}: findings differ from {expected_file.name}"


def fixture_articles(directory: Path, pattern: str = "*.txt") -> list[Path]:
    return sorted(directory.glob(pattern))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(UPDATE_OPTION, action="store_true", help="rewrite corpuslint fixture .expected files")


def pytest_configure(config: pytest.Config) -> None:
    global _update_expected
    _update_expected = bool(config.getoption(UPDATE_OPTION, default=False))


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    """A temporary corpus directory."""
    root = tmp_path / "corpus"
    root.mkdir()
    yield root
