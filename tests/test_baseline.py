"""Baselines: round trip, content keys that survive edits elsewhere, repeats, stale entries."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DEMO = str(Path(__file__).parent / "data" / "demo_rules.py")
Cli = Callable[..., Any]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def demo(cli: Cli, *args: str) -> Any:
    return cli("--plugin", DEMO, "--select", "demo-marker,demo-shout", *args)


def write(path: str, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")


def test_round_trip_reports_nothing_and_exits_0(cli: Cli) -> None:
    write("corpus/a.txt", "a @@ b\nThis is BAD.\n")
    written = demo(cli, "corpus", "--write-baseline", "baseline.json")
    assert written.code == 0 and "Wrote 2 baseline entries to baseline.json." in written.err
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["code"], e["occurrence"]) for e in entries] == [
        ("corpus/a.txt", "TST01", 0),
        ("corpus/a.txt", "TST02", 0),
    ]
    result = demo(cli, "corpus", "--baseline", "baseline.json")
    assert result.code == 0 and result.out.startswith("All clean") and result.err == ""


def test_edits_elsewhere_do_not_resurrect_findings_but_new_ones_show(cli: Cli) -> None:
    write("a.txt", "a @@ b\n")
    demo(cli, "a.txt", "--write-baseline", "baseline.json")
    write("a.txt", "A new first line.\n\nThen a @@ b\nAnd a BAD one.\n")
    result = demo(cli, "a.txt", "--baseline", "baseline.json", "-q")
    assert result.out.splitlines() == ["a.txt:4:7: TST02 shouted 'BAD'"]


def test_a_repeat_of_a_baselined_finding_is_new(cli: Cli) -> None:
    write("a.txt", "one @@\n")
    demo(cli, "a.txt", "--write-baseline", "baseline.json")
    write("a.txt", "one @@\ntwo @@\n")
    assert demo(cli, "a.txt", "--baseline", "baseline.json", "-q").out.splitlines() == ["a.txt:2:5: TST01 marker '@@'"]


def test_stale_entries_are_listed_with_a_count(cli: Cli) -> None:
    write("a.txt", "a @@ b\nBAD\n")
    write("b.txt", "c @@ d\n")
    demo(cli, ".", "--write-baseline", "baseline.json")
    write("a.txt", "a b\nBAD\n")
    Path("b.txt").unlink()
    result = demo(cli, ".", "--baseline", "baseline.json")
    assert result.code == 0
    assert "2 stale baseline entries in baseline.json" in result.err
    assert "  a.txt: TST01 marker '@@'" in result.err and "  b.txt: TST01 marker '@@'" in result.err


def test_entries_of_files_or_rules_not_in_this_run_are_not_stale(cli: Cli) -> None:
    write("a.txt", "a @@ b\n")
    write("b.txt", "BAD\n")
    demo(cli, ".", "--write-baseline", "baseline.json")
    assert demo(cli, "a.txt", "--baseline", "baseline.json").err == ""
    only_marker = cli("--plugin", DEMO, "--select", "demo-marker", ".", "--baseline", "baseline.json")
    assert only_marker.err == ""


def test_paths_are_relative_to_the_baseline_file(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    write("project/corpus/a.txt", "a @@ b\n")
    demo(cli, "project/corpus", "--write-baseline", "project/baseline.json")
    monkeypatch.chdir("project")
    result = demo(cli, "corpus", "--baseline", "baseline.json")
    assert result.code == 0 and result.err == ""


def test_a_bad_baseline_file_is_a_usage_error(cli: Cli) -> None:
    write("a.txt", "a @@ b\n")
    assert demo(cli, "a.txt", "--baseline", "missing.json").code == 2
    write("bad.json", '{"entries": 3}')
    result = demo(cli, "a.txt", "--baseline", "bad.json")
    assert result.code == 2 and "not a corpuslint baseline" in result.err
    assert demo(cli, "a.txt", "--baseline", "bad.json", "--write-baseline", "x.json").code == 2


def test_fix_leaves_baselined_findings_alone(cli: Cli) -> None:
    write("a.txt", "old @@\n")
    demo(cli, "a.txt", "--write-baseline", "baseline.json")
    write("a.txt", "old @@\nnew BAD\n")
    assert demo(cli, "a.txt", "--baseline", "baseline.json", "--fix").code == 1
    assert Path("a.txt").read_text(encoding="utf-8") == "old @@\nnew good\n"
