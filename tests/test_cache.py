"""The content-keyed cache: identical output, invalidation, re-linting only changed files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpuslint.api import lint_paths, settings_from
from corpuslint.cache import Cache
from corpuslint.discovery import discover
from corpuslint.runner import RunResult, run
from corpuslint.session import build_rules, cache_namespace, open_session, plugin_spec

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    target.mkdir()
    for seed in sorted((ROOT / "seeds").iterdir()):
        (target / seed.name).write_bytes(seed.read_bytes())
    return target


def test_cached_run_gives_byte_identical_output(corpus_copy: Path, tmp_path: Path, cli: Callable[..., Any]) -> None:
    cache = str(tmp_path / "cache")
    uncached = cli(str(corpus_copy), "--no-cache", "--format", "json")
    first = cli(str(corpus_copy), "--cache-dir", cache, "--format", "json")
    second = cli(str(corpus_copy), "--cache-dir", cache, "--format", "json")
    assert uncached.out == first.out == second.out
    assert uncached.code == first.code == second.code
    assert (tmp_path / "cache").is_dir()


def _run_cached(corpus: Path, cache_dir: Path) -> RunResult:
    settings = settings_from({})
    spec = plugin_spec(settings, (), ())
    session = open_session(settings, spec)
    cache = Cache(cache_dir, cache_namespace(session))
    sources, problems = discover([str(corpus)], settings.include, settings.exclude)
    try:
        return run(build_rules(session), sources, problems, settings, spec, cache=cache)
    finally:
        cache.close()


def test_only_changed_files_are_relinted(corpus_copy: Path, tmp_path: Path) -> None:
    assert _run_cached(corpus_copy, tmp_path / "cache").cached == 0
    assert _run_cached(corpus_copy, tmp_path / "cache").cached == 5
    changed = sorted(corpus_copy.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    again = _run_cached(corpus_copy, tmp_path / "cache")
    assert again.cached == 4 and again.files == 5


def test_changing_configuration_invalidates(corpus_copy: Path, tmp_path: Path, cli: Callable[..., Any]) -> None:
    cache = tmp_path / "cache"
    cli(str(corpus_copy), "--cache-dir", str(cache))
    cli(str(corpus_copy), "--cache-dir", str(cache), "--select", "encoding-error")
    assert len(list(cache.glob("*.sqlite"))) == 2


def test_clean_removes_the_cache(corpus_copy: Path, tmp_path: Path, cli: Callable[..., Any]) -> None:
    cache = tmp_path / "cache"
    cli(str(corpus_copy), "--cache-dir", str(cache))
    assert cache.is_dir()
    assert cli("clean", "--cache-dir", str(cache)).code == 0
    assert not cache.exists()


def test_refuses_to_clean_a_directory_that_is_not_a_cache(tmp_path: Path, cli: Callable[..., Any]) -> None:
    (tmp_path / "precious").mkdir()
    assert cli("clean", "--cache-dir", str(tmp_path / "precious")).code == 2
    assert (tmp_path / "precious").exists()


def test_jobs_do_not_change_results(corpus_copy: Path) -> None:
    # Enough files that the process pool really runs (small runs stay serial).
    for copy in range(4):
        for seed in sorted((ROOT / "seeds").iterdir()):
            (corpus_copy / f"copy{copy}_{seed.name}").write_bytes(seed.read_bytes())
    serial = lint_paths([corpus_copy], jobs=1).findings
    assert serial
    assert lint_paths([corpus_copy], jobs=2).findings == serial


def test_editing_a_file_named_in_options_invalidates(corpus_copy: Path, tmp_path: Path, cli: Callable[..., Any]) -> None:
    vocabulary = tmp_path / "extra.yaml"
    vocabulary.write_text("kinds: {}\n", encoding="utf-8")
    config = tmp_path / "corpuslint.yaml"
    config.write_text(f"options: {{boilerplate: {{extra-files: ['{vocabulary}']}}}}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cli(str(corpus_copy), "--config", str(config), "--cache-dir", str(cache))
    vocabulary.write_text("kinds: {}\n# edited\n", encoding="utf-8")
    cli(str(corpus_copy), "--config", str(config), "--cache-dir", str(cache))
    assert len(list(cache.glob("*.sqlite"))) == 2
