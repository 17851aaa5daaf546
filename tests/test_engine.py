"""The engine end to end: bad input, selection, crashes, exit codes, JSON output."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CRASHING_PLUGIN = '''
from corpuslint import hookimpl
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule


class Boom(DocumentRule):
    """
    ## What it does
    Crashes on documents that mention "boom", flags "bad" otherwise.

    ## Why is this bad?
    It is a test rule.

    ## Example
    `boom`

    ## Options
    None.
    """

    code = "XT001"
    name = "boom-rule"
    summary = "Test rule"

    def check(self, doc):
        if "boom" in doc.text:
            raise ZeroDivisionError("kaboom")
        at = doc.text.find("bad")
        if at >= 0:
            yield Violation(at, at + 3, "bad word")


@hookimpl
def corpuslint_register_rules():
    return [Boom]
'''


@pytest.fixture
def plugin(tmp_path: Path) -> str:
    path = tmp_path / "boom_plugin.py"
    path.write_text(CRASHING_PLUGIN, encoding="utf-8")
    return str(path)


def test_invalid_utf8_is_linted_and_reported(corpus: Path, cli: Callable[..., Any], plugin: str) -> None:
    (corpus / "latin1.txt").write_bytes("caf\xe9 is bad\n".encode("latin-1"))
    result = cli(str(corpus), "--plugin", plugin, "--select", "encoding-error,boom-rule", "--format", "json")
    found = {(f["rule"], f["line"]) for f in json.loads(result.out)}
    assert ("encoding-error", 1) in found
    assert ("boom-rule", 1) in found  # still linted, decoded with replacement
    assert result.code == 1


def test_binary_and_missing_paths_get_one_message_each_and_others_are_linted(
    corpus: Path, cli: Callable[..., Any], plugin: str
) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (corpus / "good.txt").write_text("a bad line\n", encoding="utf-8")
    result = cli(str(corpus), str(corpus / "missing.txt"), "--plugin", plugin, "--select", "boom-rule")
    lines = result.out.splitlines()
    assert any("image.txt:1:1: CL002 binary file" in line for line in lines)
    assert any("missing.txt:1:1: CL002 no such file" in line for line in lines)
    assert any("good.txt:1:3: XT001 bad word" in line for line in lines)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_loop_is_reported_not_followed(corpus: Path, cli: Callable[..., Any]) -> None:
    (corpus / "sub").mkdir()
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self.txt").symlink_to(corpus / "self.txt")
    result = cli(str(corpus))
    assert "symbolic link loop" in result.out
    assert result.out.count("CL002") == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_reported(corpus: Path, cli: Callable[..., Any]) -> None:
    secret = corpus / "secret.txt"
    secret.write_text("x\n", encoding="utf-8")
    secret.chmod(0)
    assert "cannot read" in cli(str(corpus)).out


def test_crashing_rule_yields_internal_error_and_exit_2(corpus: Path, cli: Callable[..., Any], plugin: str) -> None:
    (corpus / "a.txt").write_text("boom\n", encoding="utf-8")
    (corpus / "b.txt").write_text("bad\n", encoding="utf-8")
    result = cli(str(corpus), "--plugin", plugin, "--select", "boom-rule")
    assert result.code == 2
    assert "CL003 rule boom-rule (plugin boom_plugin) crashed: ZeroDivisionError: kaboom" in result.out
    assert "b.txt:1:1: XT001 bad word" in result.out
    assert cli(str(corpus), "--plugin", plugin, "--select", "boom-rule", "--exit-zero").code == 2


def test_exit_codes_follow_fail_on(corpus: Path, cli: Callable[..., Any], plugin: str) -> None:
    (corpus / "a.txt").write_text("bad\n", encoding="utf-8")
    args = (str(corpus), "--plugin", plugin, "--select", "boom-rule")
    assert cli(*args).code == 1
    assert cli(*args, "--fail-on", "error").code == 0
    assert cli(*args, "--exit-zero").code == 0
    assert cli(str(corpus), "--select", "encoding-error").code == 0


def test_longest_match_wins_between_select_and_ignore(corpus: Path, cli: Callable[..., Any], plugin: str) -> None:
    (corpus / "a.txt").write_text("bad\n", encoding="utf-8")
    assert "XT001" in cli(str(corpus), "--plugin", plugin, "--select", "boom-rule", "--ignore", "XT").out
    assert "XT001" not in cli(str(corpus), "--plugin", plugin, "--select", "XT", "--ignore", "XT001").out
    assert "XT001" in cli(str(corpus), "--plugin", plugin, "--select", "XT001", "--ignore", "XT").out


def test_json_output_has_the_documented_fields(corpus: Path, cli: Callable[..., Any], plugin: str) -> None:
    (corpus / "a.txt").write_text("ok\nsome bad\n", encoding="utf-8")
    [item] = json.loads(cli(str(corpus), "--plugin", plugin, "--select", "boom-rule", "--format", "json").out)
    assert item["line"] == 2 and item["column"] == 6 and item["end_line"] == 2 and item["end_column"] == 9
    assert item["code"] == "XT001" and item["rule"] == "boom-rule" and item["severity"] == "warning"
    assert item["related"] == [] and item["message"] == "bad word"


def test_config_errors_name_the_file_and_key(tmp_path: Path, cli: Callable[..., Any]) -> None:
    config = tmp_path / "corpuslint.yaml"
    config.write_text("selekt: [CL1]\n", encoding="utf-8")
    result = cli("--config", str(config), str(tmp_path))
    assert result.code == 2 and "corpuslint.yaml: unknown key 'selekt'" in result.err
    config.write_text("select: [NOPE9]\n", encoding="utf-8")
    result = cli("--config", str(config), str(tmp_path))
    assert result.code == 2 and "key 'select'" in result.err and "NOPE9" in result.err
    config.write_text("severity: {encoding-error: fatal}\n", encoding="utf-8")
    assert "is not one of error, warning, info" in cli("--config", str(config), str(tmp_path)).err
    config.write_text("select: [unclosed\n", encoding="utf-8")
    assert "invalid YAML" in cli("--config", str(config), str(tmp_path)).err


def test_config_is_found_upward_from_pyproject(
    tmp_path: Path, cli: Callable[..., Any], plugin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.corpuslint]\nplugins = ["{plugin}"]\nignore = ["XT001"]\n', encoding="utf-8"
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text("bad\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    assert cli(".").code == 0
    assert "XT001" in cli(".", "--select", "XT001").out


def test_per_file_ignores(tmp_path: Path, cli: Callable[..., Any], plugin: str) -> None:
    (tmp_path / "keep.txt").write_text("bad\n", encoding="utf-8")
    (tmp_path / "skip.txt").write_text("bad\n", encoding="utf-8")
    config = tmp_path / "c.yaml"
    config.write_text(
        f'plugins: ["{plugin}"]\nselect: [XT]\nper-file-ignores: {{"skip*.txt": [boom-rule]}}\n', encoding="utf-8"
    )
    out = cli("--config", str(config), str(tmp_path)).out
    assert "keep.txt" in out and "skip.txt" not in out


def test_include_and_exclude_globs_and_hidden_dirs(tmp_path: Path, cli: Callable[..., Any], plugin: str) -> None:
    for rel in ("a.txt", "b.md", "c.html", ".hidden/d.txt", "drafts/e.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("bad\n", encoding="utf-8")
    config = tmp_path / "c.yaml"
    config.write_text(f'plugins: ["{plugin}"]\nselect: [XT]\nexclude: ["drafts"]\n', encoding="utf-8")
    out = cli("--config", str(config), str(tmp_path)).out
    assert "a.txt" in out and "b.md" in out
    assert "c.html" not in out and "d.txt" not in out and "e.txt" not in out


def test_rules_and_rule_commands(cli: Callable[..., Any]) -> None:
    listing = cli("rules").out
    assert "CL001" in listing and "encoding-error" in listing
    docs = cli("rule", "CL001").out
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Options"):
        assert section in docs
    assert cli("rule", "no-such-rule").code == 2
