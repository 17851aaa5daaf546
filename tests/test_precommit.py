"""The published pre-commit hooks, run by real pre-commit on a real git repository.

``pre-commit try-repo`` installs this repository (its current state,
uncommitted changes included) into a fresh virtual environment, as a corpus
repository's ``repo:`` entry would. That install reaches the package index;
the environment is built once for the module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = Path(__file__).parent / "data" / "demo_rules.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None or shutil.which("pre-commit") is None, reason="needs git"),
]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def corpus_repo(tmp_path: Path) -> Iterator[Path]:
    repo = tmp_path / "corpus"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copy(DEMO, repo / "demo_rules.py")
    # The repository's own config, as a corpus repository would have one. Only
    # these rules, so that the test does not depend on what other rules judge.
    (repo / "corpuslint.yaml").write_text(
        "plugins: [./demo_rules.py]\nselect: [encoding-error, demo-marker, demo-same-title]\n", encoding="utf-8"
    )
    (repo / "clean.txt").write_text("Council approves the budget\n\nThe vote was unanimous.\n", encoding="utf-8")
    (repo / "bad_bytes.txt").write_bytes(b"Caf\xe9 owners protest\n\nThey met on Monday.\n")
    (repo / "copy.txt").write_text("Council approves the budget\n\nA second report.\n", encoding="utf-8")
    (repo / "records.jsonl").write_text('{"id": "r1", "text": "A @@ marker"}\n', encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    yield repo


def try_repo(repo: Path, home: Path, hook: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "CORPUSLINT_CACHE_DIR": str(home / "c"),
    }
    command = ["pre-commit", "try-repo", str(ROOT), hook, "--verbose", *args]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_document_hook_fails_on_a_defective_file_and_passes_a_clean_one(
    corpus_repo: Path, pre_commit_home: Path
) -> None:
    defective = try_repo(corpus_repo, pre_commit_home, "corpuslint", "--files", "bad_bytes.txt")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "bad_bytes.txt:1:4: CL001 invalid UTF-8" in defective.stdout
    clean = try_repo(corpus_repo, pre_commit_home, "corpuslint", "--files", "clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def test_document_hook_never_runs_corpus_rules_on_the_changed_files(corpus_repo: Path, pre_commit_home: Path) -> None:
    result = try_repo(corpus_repo, pre_commit_home, "corpuslint", "--files", "clean.txt", "copy.txt", "records.jsonl")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "records.jsonl:1:3:[r1]: TST01 marker '@@'" in result.stdout
    assert "TST05" not in result.stdout


def test_corpus_hook_sees_the_whole_corpus(corpus_repo: Path, pre_commit_home: Path) -> None:
    result = try_repo(corpus_repo, pre_commit_home, "corpuslint-corpus", "--files", "copy.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "copy.txt:1:1: TST05 same first line as clean.txt" in result.stdout
    assert "CL001" not in result.stdout and "TST01" not in result.stdout
