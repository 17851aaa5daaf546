"""Applying fixes: overlaps, flagged spans only, bytes kept, atomic writes under a crash."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from corpuslint import atomic
from corpuslint.api import lint
from corpuslint.fixer import Plan, plan_fixes, select_fixes, unified_diff, write_plan
from corpuslint.models import Edit, Finding, Fix

DEMO = str(Path(__file__).parent / "data" / "demo_rules.py")
DEMO_RULES = ["demo-marker", "demo-shout", "demo-delete-line", "demo-greedy"]


def findings_of(*paths: Path) -> list[Finding]:
    return lint(list(paths), select=DEMO_RULES, plugins=[DEMO])


def plan(*paths: Path, unsafe: bool = False) -> Plan:
    return plan_fixes(findings_of(*paths), {str(p): str(p) for p in paths}, unsafe)


def fix(*edits: tuple[int, int, str]) -> Fix:
    return Fix(tuple(Edit(*e) for e in edits))


def test_overlapping_fixes_are_skipped_whole_and_identical_ones_merged() -> None:
    first, overlapping = fix((0, 4, "")), fix((2, 6, "x"))
    two_part, clashing, later = fix((5, 6, ""), (9, 10, "")), fix((9, 11, "z")), fix((12, 13, "y"))
    chosen, skipped = select_fixes([later, clashing, overlapping, first, first, two_part])
    assert chosen == [first, two_part, later] and skipped == 2


def test_two_inserts_at_one_offset_conflict() -> None:
    chosen, skipped = select_fixes([fix((3, 3, "a")), fix((3, 3, "b"))])
    assert len(chosen) == 1 and skipped == 1


def test_fixes_keep_bom_crlf_and_every_byte_outside_the_edits(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    original = b"\xef\xbb\xbfKeep \xc3\xa9 this @@.\r\nIt is BAD.\r\nDELETE ME\r\nTail\xc2\xa0 \r\n"
    path.write_bytes(original)
    safe = plan(path).files[0]
    assert safe.new == original.replace(b"@@", b"").replace(b"BAD", b"good")
    assert safe.fixed == 2
    unsafe = plan(path, unsafe=True).files[0]
    assert unsafe.new == safe.new.replace(b"DELETE ME\r\n", b"")


def test_a_fix_reaching_beyond_its_flagged_span_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some GREEDY text and @@ here.\n", encoding="utf-8")
    item = plan(path).files[0]
    assert item.new == b"Some GREEDY text and  here.\n"
    assert item.fixed == 1 and item.skipped == 1


def test_files_that_are_not_utf8_and_jsonl_records_are_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "latin1.txt"
    broken.write_bytes(b"caf\xe9 @@\n")
    records = tmp_path / "c.jsonl"
    records.write_text('{"text": "a @@"}\n', encoding="utf-8")
    result = plan(broken, records)
    assert result.files == []
    assert any("latin1.txt: not valid UTF-8" in note for note in result.notes)
    assert any("c.jsonl: 1 fixable finding(s) in records left alone" in note for note in result.notes)


def test_write_keeps_permissions_follows_symlinks_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("x @@\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    written, errors = write_plan(plan(link))
    assert [item.fixed for item in written] == [1] and errors == []
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "x \n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "link.txt"]


def _three_files(tmp_path: Path) -> list[Path]:
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        path = tmp_path / name
        path.write_text(f"{name} has @@ a marker\n", encoding="utf-8")
        paths.append(path)
    return paths


def _replace_failing_on_call(monkeypatch: pytest.MonkeyPatch, failing: int, error: BaseException) -> None:
    calls = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == failing:
            raise error
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)


def test_a_crash_mid_run_leaves_every_file_old_or_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _three_files(tmp_path)
    fixes = plan(*paths)
    _replace_failing_on_call(monkeypatch, 2, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_plan(fixes)
    contents = [p.read_text(encoding="utf-8") for p in paths]
    assert contents == ["a.txt has  a marker\n", "b.txt has @@ a marker\n", "c.txt has @@ a marker\n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_a_crash_during_fsync_leaves_the_file_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _three_files(tmp_path)
    fixes = plan(*paths)

    def fsync(fd: int) -> None:
        raise SystemExit("killed")

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(SystemExit):
        write_plan(fixes)
    assert [p.read_text(encoding="utf-8") for p in paths] == [f"{p.name} has @@ a marker\n" for p in paths]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_a_failed_write_is_reported_and_the_other_files_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _three_files(tmp_path)
    fixes = plan(*paths)
    _replace_failing_on_call(monkeypatch, 2, PermissionError(13, "Permission denied"))
    written, errors = write_plan(fixes)
    assert len(written) == 2 and errors == [f"{paths[1]}: cannot write the fixed file: Permission denied"]
    assert "@@" in paths[1].read_text(encoding="utf-8")
    assert "@@" not in paths[0].read_text(encoding="utf-8") + paths[2].read_text(encoding="utf-8")


def test_unified_diff_splits_on_newlines_only_and_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a.txt", "one\u2028two\nBAD", "one\u2028two\ngood")
    assert diff.split("\n") == [
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1,2 +1,2 @@",
        " one\u2028two",
        "-BAD",
        "\\ No newline at end of file",
        "+good",
        "\\ No newline at end of file",
        "",
    ]
