"""Shared test setup: the corpuslint.testing plugin and a CLI runner."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from corpuslint.cli import main

pytest_plugins = ["corpuslint.testing"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own result cache, never one in the working directory."""
    monkeypatch.setenv("CORPUSLINT_CACHE_DIR", str(tmp_path / ".corpuslint_cache"))


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run ``corpuslint`` in-process and capture its output."""

    def run(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def python() -> str:
    return sys.executable
