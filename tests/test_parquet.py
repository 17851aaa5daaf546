"""Parquet corpora (optional extra): one document per row, rows reported as lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpuslint.api import lint

DEMO = str(Path(__file__).parent / "data" / "demo_rules.py")


def lint_table(path: Path, **config: object) -> list[tuple[int, int, str | None, str]]:
    found = lint([path], select=["demo-marker", "read-error"], plugins=[DEMO], config=config)
    return [(f.line, f.column, f.record_id, f.code) for f in found]


def test_rows_are_documents_with_ids_and_null_text_is_a_record_problem(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "c.parquet"
    table = pa.table({"id": [10, 11, 12], "text": ["clean", None, "x @@"], "other": [1.0, 2.0, 3.0]})
    pq.write_table(table, path, row_group_size=2)
    assert lint_table(path) == [(2, 1, None, "CL002"), (3, 3, "12", "TST01")]


def test_a_missing_text_column_is_a_read_error_naming_the_columns(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"body": ["x @@"]}), path)
    found = lint([path], select=["read-error"], plugins=[DEMO])
    assert [f.message for f in found] == ["no column 'text' (columns: body)"]
    assert lint_table(path, jsonl={"text-field": "body"}) == [(1, 3, None, "TST01")]


def test_without_pyarrow_the_file_gets_a_clear_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.parquet"
    path.write_bytes(b"PAR1 not really")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    found = lint([path], select=["read-error"], plugins=[DEMO])
    assert len(found) == 1 and "corpuslint[parquet]" in found[0].message
