"""JSONL corpora: one document per record, compressed or not; bad records do not stop the run."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zstandard

from corpuslint.api import lint
from corpuslint.models import Finding
from corpuslint.readers.jsonl import JsonlReader

DEMO = str(Path(__file__).parent / "data" / "demo_rules.py")
RECORDS = [
    {"id": "a1", "text": "Clean record."},
    {"id": 2, "text": "First line.\nSecond @@ line."},
    {"text": "No id @@ here."},
]


def jsonl(records: list[Any]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def lint_records(path: Path, **config: Any) -> list[Finding]:
    return lint([path], select=["demo-marker", "read-error", "encoding-error"], plugins=[DEMO], config=config)


def where(findings: list[Finding]) -> list[tuple[int, int, str | None, int | None, str]]:
    return [(f.line, f.column, f.record_id, f.doc_line, f.code) for f in findings]


def test_each_record_is_a_document_reported_at_its_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl(RECORDS))
    assert where(lint_records(path)) == [(2, 8, "2", 2, "TST01"), (3, 7, None, 1, "TST01")]


@pytest.mark.parametrize(
    "suffix, compress",
    [(".jsonl.gz", gzip.compress), (".jsonl.zst", lambda data: zstandard.ZstdCompressor().compress(data))],
)
def test_compressed_corpora_read_like_plain_ones(
    tmp_path: Path, suffix: str, compress: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / f"c{suffix}"
    path.write_bytes(compress(jsonl(RECORDS)))
    assert where(lint_records(path)) == [(2, 8, "2", 2, "TST01"), (3, 7, None, 1, "TST01")]


def test_text_and_id_fields_are_configurable_and_may_be_nested(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl([{"body": "x @@", "meta": {"id": "n-1"}}]))
    found = lint_records(path, jsonl={"text-field": "body", "id-field": "meta.id"})
    assert where(found) == [(1, 3, "n-1", 1, "TST01")]


def test_malformed_records_get_a_finding_each_and_the_rest_is_linted(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        b'{"id": 1, "text": "@@"}',
        b"{not json",
        b"",
        b'["a list"]',
        b'{"id": 5}',
        b'{"text": 7}',
        b'{"text": "@@"}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    found = lint_records(path)
    assert [(f.line, f.code) for f in found] == [
        (1, "TST01"),
        (2, "CL002"),
        (4, "CL002"),
        (5, "CL002"),
        (6, "CL002"),
        (7, "TST01"),
    ]
    assert "malformed JSON record" in found[1].message
    assert "no text field 'text'" in found[3].message and "non-string" in found[4].message


def test_invalid_utf8_in_a_record_is_reported_and_the_record_still_linted(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "bom", "text": "ok"}\n{"id": "x", "text": "caf\xe9 @@"}\n')
    assert [(f.line, f.code, f.record_id) for f in lint_records(path)] == [(2, "CL001", "x"), (2, "TST01", "x")]


def test_a_truncated_archive_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    data = gzip.compress(jsonl([{"id": i, "text": "@@ " + "word " * 2000} for i in range(40)]))
    path.write_bytes(data[: len(data) // 2])
    found = lint_records(path)
    markers = [f for f in found if f.code == "TST01"]
    errors = [f for f in found if f.code == "CL002"]
    assert markers and len(markers) < 40
    assert len(errors) == 1 and "corrupt or truncated after line" in errors[0].message


def test_a_missing_zstandard_module_is_a_read_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(jsonl(RECORDS)))
    monkeypatch.setitem(sys.modules, "zstandard", None)
    found = lint_records(path)
    assert [(Path(f.path).name, f.code) for f in found] == [("c.jsonl.zst", "CL002")]
    assert "corpuslint[zstd]" in found[0].message


def test_reader_yields_documents_with_record_metadata(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl(RECORDS))
    docs = list(JsonlReader().read(path, "c.jsonl", {"jsonl": {"text-field": "text", "id-field": "id"}}))
    assert [(d.record_id, d.record_line) for d in docs] == [("a1", 1), ("2", 2), (None, 3)]  # type: ignore[union-attr]


def test_text_format_shows_the_record_id(tmp_path: Path, cli: Callable[..., Any]) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(jsonl(RECORDS))
    result = cli(str(path), "--plugin", DEMO, "--select", "demo-marker", "-q")
    assert result.out.splitlines() == [f"{path}:2:8:[2]: TST01 marker '@@'", f"{path}:3:7: TST01 marker '@@'"]
