"""The check command end to end: exit codes, output files, statistics, fixes, jobs, rule kinds."""

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
    # Relative paths in the output (conftest keeps the result cache private).
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def demo(cli: Cli, *args: str) -> Any:
    return cli("--plugin", DEMO, *args)


def test_exit_codes_follow_the_failing_level(cli: Cli) -> None:
    write("clean.txt", "Nothing to see.\n")
    assert demo(cli, "clean.txt").code == 0
    write("warn.txt", "a @@ b\n")
    assert demo(cli, "warn.txt").code == 1
    assert demo(cli, "warn.txt", "--exit-zero").code == 0
    assert demo(cli, "warn.txt", "--fail-on", "error").code == 0
    assert demo(cli, "warn.txt", "--format", "nope").code == 2
    assert demo(cli, "warn.txt", "--unsafe-fixes").code == 2


def test_a_crashing_rule_exits_2_even_with_exit_zero(cli: Cli) -> None:
    write(
        "crash.py",
        "from corpuslint import hookimpl\nfrom corpuslint.rule import DocumentRule\n"
        "class Crash(DocumentRule):\n    code = 'TST99'\n    name = 'crash'\n    summary = 'Crashes'\n"
        "    def check(self, doc):\n        raise ValueError('boom')\n"
        "@hookimpl\ndef corpuslint_register_rules():\n    return [Crash]\n",
    )
    write("a.txt", "text\n")
    result = cli("--plugin", "crash.py", "a.txt", "--exit-zero", "--select", "crash")
    assert result.code == 2 and "rule crash (plugin crash) crashed: ValueError: boom" in result.out


def test_output_file_takes_the_findings_and_stdout_stays_empty(cli: Cli) -> None:
    write("a.txt", "a @@ b\n")
    result = demo(cli, "a.txt", "--format", "json", "--output-file", "out/report.json")
    assert result.code == 2 and "cannot write output file" in result.err  # no such directory
    Path("out").mkdir()
    result = demo(cli, "a.txt", "--format", "json", "--output-file", "out/report.json")
    assert result.code == 1 and result.out == ""
    assert [f["code"] for f in json.loads(Path("out/report.json").read_text(encoding="utf-8"))] == ["TST01"]


def test_statistics_count_findings_per_rule(cli: Cli) -> None:
    write("a.txt", "a @@ b @@\nBAD\n")
    result = demo(cli, "a.txt", "--statistics")
    assert result.out.splitlines() == ["2  TST01  demo-marker [*] warning", "1  TST02  demo-shout  [*] error"]
    rows = json.loads(demo(cli, "a.txt", "--statistics", "--format", "json").out)
    assert [(r["code"], r["count"]) for r in rows] == [("TST01", 2), ("TST02", 1)]


def test_fix_applies_safe_fixes_reports_what_remains_and_exits_1(cli: Cli) -> None:
    path = write("a.txt", "Hello @@world.\r\nThis is BAD.\r\nDELETE ME\r\n")
    result = demo(cli, "a.txt", "--fix")
    assert result.code == 1
    assert path.read_bytes() == b"Hello world.\r\nThis is good.\r\nDELETE ME\r\n"
    assert result.out.splitlines()[0] == "a.txt:3:1: TST03 line to delete"
    assert "Fixed 2 findings in 1 file." in result.err
    again = demo(cli, "a.txt", "--fix", "--fail-on", "error")
    assert again.code == 0 and "No fixes to apply." in again.err
    assert demo(cli, "a.txt", "--fix", "--unsafe-fixes").code == 1
    assert path.read_bytes() == b"Hello world.\r\nThis is good.\r\n"


def test_fix_passes_until_overlapping_fixes_are_all_applied(cli: Cli) -> None:
    path = write("a.txt", "x @@@@@@ y\n")  # three markers; a second pass sees what the first left
    assert demo(cli, "a.txt", "--fix").code == 1
    assert path.read_text(encoding="utf-8") == "x  y\n"


def test_diff_prints_the_fixes_and_writes_nothing(cli: Cli) -> None:
    path = write("a.txt", "Hello @@world.\nDELETE ME\n")
    result = demo(cli, "a.txt", "--diff", "--unsafe-fixes")
    assert result.code == 1 and path.read_text(encoding="utf-8") == "Hello @@world.\nDELETE ME\n"
    assert result.out.splitlines() == [
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1,2 +1 @@",
        "-Hello @@world.",
        "-DELETE ME",
        "+Hello world.",
    ]
    write("clean.txt", "fine\n")
    assert demo(cli, "clean.txt", "--diff").code == 0


def test_output_is_identical_for_one_and_two_jobs(cli: Cli) -> None:
    for index in range(24):
        write(f"corpus/{index:02}.txt", f"Title {index % 5}\nbody @@ {index}\n" + ("BAD\n" if index % 3 else ""))
    one = demo(cli, "corpus", "--jobs", "1", "--no-cache", "--format", "json")
    two = demo(cli, "corpus", "--jobs", "2", "--no-cache", "--format", "json")
    assert one.out == two.out and one.code == two.code == 1
    assert {f["code"] for f in json.loads(one.out)} == {"TST01", "TST02", "TST05"}


def test_rule_kind_splits_document_and_corpus_rules(cli: Cli) -> None:
    write("a.txt", "Same title\n@@\n")
    write("b.txt", "Same title\n@@\n")
    document = demo(cli, ".", "--rule-kind", "document", "--select", "TST", "-q")
    assert {line.split()[1] for line in document.out.splitlines()} == {"TST01"}
    corpus = demo(cli, ".", "--rule-kind", "corpus", "--select", "TST", "-q")
    assert corpus.out.splitlines() == ["b.txt:1:1: TST05 same first line as a.txt"]


def test_no_progress_line_when_stderr_is_not_a_terminal(cli: Cli) -> None:
    write("a.txt", "a @@ b\n")
    assert demo(cli, "a.txt").err == ""


def test_junit_lists_clean_files_too(cli: Cli) -> None:
    write("a.txt", "a @@ b\n")
    write("b.txt", "clean\n")
    out = demo(cli, ".", "--format", "junit").out
    assert 'tests="2" failures="1"' in out and '<testcase name="b.txt" classname="corpuslint" />' in out


ATEXIT_PLUGIN = """
import atexit, os
from corpuslint import hookimpl

atexit.register(lambda: open(os.environ["ATEXIT_MARK"], "w").close())


@hookimpl
def corpuslint_register_rules():
    return []
"""


def test_the_command_flushes_everything_and_runs_exit_handlers(tmp_path: Path) -> None:
    # The command ends without tearing the interpreter down (os._exit): the
    # output must still be complete, the exit code right, and plugins' atexit
    # handlers run.
    import os
    import subprocess
    import sys

    for index in range(300):
        (tmp_path / f"{index:03}.txt").write_text("A line.\n\u00a0\n", encoding="utf-8")
    (tmp_path / "mark_plugin.py").write_text(ATEXIT_PLUGIN, encoding="utf-8")
    mark = tmp_path / "exited"
    env = {**os.environ, "ATEXIT_MARK": str(mark)}
    command = [
        sys.executable,
        "-m",
        "corpuslint",
        str(tmp_path),
        "--no-cache",
        "--plugin",
        str(tmp_path / "mark_plugin.py"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1, done.stderr
    assert sum(" CL302 " in line for line in done.stdout.splitlines()) == 300
    assert done.stdout.rstrip().endswith("in 300 files checked.")
    assert mark.exists()
