"""The content-keyed cache: identical output, invalidation, re-linting only changed files."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpuslint import cache as cache_module
from corpuslint import runner
from corpuslint.api import lint_paths, settings_from
from corpuslint.cache import Cache
from corpuslint.discovery import discover
from corpuslint.rules.cross_document_duplicate import CrossDocumentDuplicate
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


def test_the_cache_keeps_itself_out_of_git_and_backups(
    corpus_copy: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    cache = tmp_path / "cache"
    cli(str(corpus_copy), "--cache-dir", str(cache))
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    # The tag's first line is fixed by the Cache Directory Tagging Specification.
    tag = (cache / "CACHEDIR.TAG").read_bytes()
    assert tag.startswith(b"Signature: 8a477f597d28d172789f06886806bc55")


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


def test_editing_a_file_named_in_options_invalidates(
    corpus_copy: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    vocabulary = tmp_path / "extra.yaml"
    vocabulary.write_text("kinds: {}\n", encoding="utf-8")
    config = tmp_path / "corpuslint.yaml"
    config.write_text(f"options: {{boilerplate: {{extra-files: ['{vocabulary}']}}}}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cli(str(corpus_copy), "--config", str(config), "--cache-dir", str(cache))
    vocabulary.write_text("kinds: {}\n# edited\n", encoding="utf-8")
    cli(str(corpus_copy), "--config", str(config), "--cache-dir", str(cache))
    assert len(list(cache.glob("*.sqlite"))) == 2


def _age(corpus: Path, seconds: float = 60.0) -> None:
    """Date every file back, as files are when they were not just written."""
    then = time.time() - seconds
    for path in corpus.iterdir():
        os.utime(path, (then, then))


def _duplicated_corpus(corpus: Path) -> None:
    """Two copies of one seed: a cross-document finding for the corpus phase."""
    first = sorted(corpus.iterdir())[0]
    (corpus / "zz_copy.txt").write_bytes(first.read_bytes())


def test_an_unchanged_corpus_reuses_the_corpus_findings(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _duplicated_corpus(corpus_copy)
    first = _run_cached(corpus_copy, tmp_path / "cache")
    assert any(f.rule == "cross-document-duplicate" for f in first.findings)

    def no_reduce(*args: object) -> list[object]:
        raise AssertionError("the corpus phase ran again on an unchanged corpus")

    monkeypatch.setattr(runner, "reduce_corpus", no_reduce)
    assert _run_cached(corpus_copy, tmp_path / "cache").findings == first.findings


def test_a_changed_file_reruns_the_corpus_phase_with_cached_summaries(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _duplicated_corpus(corpus_copy)
    _run_cached(corpus_copy, tmp_path / "cache")
    copy = corpus_copy / "zz_copy.txt"
    copy.write_bytes(copy.read_bytes() + b"\nOne more closing paragraph, written for this test only.\n")
    reduced: list[int] = []
    real_reduce = runner.reduce_corpus

    def counting_reduce(*args: Any) -> Any:
        reduced.append(1)
        return real_reduce(*args)

    monkeypatch.setattr(runner, "reduce_corpus", counting_reduce)
    again = _run_cached(corpus_copy, tmp_path / "cache")
    assert reduced and again.cached == 5
    assert again.findings == lint_paths([corpus_copy], jobs=1).findings


def test_unchanged_files_are_not_read_again(corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _age(corpus_copy)
    _run_cached(corpus_copy, tmp_path / "cache")
    read: list[str] = []
    real_read_key = cache_module.read_key

    def counting_read_key(display: str, path: str) -> str | None:
        read.append(path)
        return real_read_key(display, path)

    monkeypatch.setattr(cache_module, "read_key", counting_read_key)
    assert _run_cached(corpus_copy, tmp_path / "cache").cached == 5
    assert read == []
    # A same-size edit changes the modification time: the file is read and linted again.
    changed = sorted(corpus_copy.iterdir())[0]
    data = bytearray(changed.read_bytes())
    data[0:1] = b"X" if data[0:1] != b"X" else b"Y"
    changed.write_bytes(bytes(data))
    again = _run_cached(corpus_copy, tmp_path / "cache")
    assert read == [str(changed)] and again.cached == 4


def test_a_file_written_just_now_is_hashed_again(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Coarse file-system clocks can hide a second edit within the same tick.
    _run_cached(corpus_copy, tmp_path / "cache")
    read: list[str] = []
    real_read_key = cache_module.read_key
    monkeypatch.setattr(cache_module, "read_key", lambda d, p: read.append(p) or real_read_key(d, p))
    assert _run_cached(corpus_copy, tmp_path / "cache").cached == 5
    assert len(read) == 5


def test_a_one_file_run_skips_cross_document_rules_and_the_cache_stays_right(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _duplicated_corpus(corpus_copy)
    summarized: list[str] = []
    real = CrossDocumentDuplicate.summarize

    def counting(self: CrossDocumentDuplicate, doc: Any) -> Any:
        summarized.append(doc.path)
        return real(self, doc)

    monkeypatch.setattr(CrossDocumentDuplicate, "summarize", counting)
    one = _run_cached(corpus_copy / "zz_copy.txt", tmp_path / "cache")
    assert summarized == [] and one.files == 1
    # The file was cached without its summary: a corpus run lints it again.
    whole = _run_cached(corpus_copy, tmp_path / "cache")
    assert whole.cached == 0
    assert whole.findings == lint_paths([corpus_copy], jobs=1).findings
    assert any(f.rule == "cross-document-duplicate" for f in whole.findings)


def test_only_the_newest_snapshots_are_kept(tmp_path: Path) -> None:
    for number in range(cache_module.SNAPSHOTS_KEPT + 3):
        cache = Cache(tmp_path / "cache", "space")
        cache.put_snapshot(f"run{number}", runner.Snapshot([], number, 0))
        cache.close()
    cache = Cache(tmp_path / "cache", "space")
    try:
        kept = [n for n in range(cache_module.SNAPSHOTS_KEPT + 3) if cache.snapshot(f"run{n}") is not None]
        assert kept == list(range(3, cache_module.SNAPSHOTS_KEPT + 3))
        assert cache.snapshot(f"run{kept[-1]}") == runner.Snapshot([], kept[-1], 0)
    finally:
        cache.close()
