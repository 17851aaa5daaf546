"""The JSONL reader: one document per line, from ``.jsonl``, ``.jsonl.gz`` or ``.jsonl.zst``.

The text and id fields are configurable (``jsonl: {text-field, id-field}``;
a dotted name like ``meta.id`` reaches into nested objects). A malformed
record is reported as a :class:`RecordProblem` and the next line is read.
Findings report the JSONL line as their line and carry the record id.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, cast

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.readers.base import Reader, ReadError, RecordProblem

MISSING = object()
UTF8_BOM = b"\xef\xbb\xbf"


def _open(path: Path) -> IO[bytes]:
    name = path.name.lower()
    try:
        if name.endswith(".gz"):
            return cast(IO[bytes], gzip.open(path, "rb"))
        if name.endswith(".zst"):
            try:
                import zstandard
            except ImportError:
                raise ReadError(
                    "cannot read a .zst file: the zstandard module is missing "
                    "(install it with: pip install 'corpuslint[zstd]')"
                ) from None
            raw = path.open("rb")
            return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
        return path.open("rb")
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc


def field_value(record: Mapping[str, Any], name: str) -> Any:
    """``record[name]``, or a dotted path into nested objects."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return MISSING
        value = value[part]
    return value


def parse_record(
    raw: bytes, number: int, display: str, text_field: str, id_field: str
) -> Document | RecordProblem | None:
    if not raw.strip():
        return None  # blank lines separate nothing and hold nothing
    if number == 1:
        raw = raw.removeprefix(UTF8_BOM)
    try:
        decoded, decode_error = raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        # Linted all the same, like a text file: encoding-error reports it.
        decoded, decode_error = (
            raw.decode("utf-8", errors="replace"),
            f"invalid UTF-8 at byte {exc.start} of the record",
        )
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return RecordProblem(number, f"malformed JSON record: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:
        return RecordProblem(number, f"malformed JSON record: {exc}")
    if not isinstance(record, dict):
        return RecordProblem(number, f"record is a JSON {type(record).__name__}, not an object")
    text = field_value(record, text_field)
    if not isinstance(text, str):
        what = "has no" if text is MISSING else "has a non-string"
        return RecordProblem(number, f"record {what} text field {text_field!r}")
    record_id = field_value(record, id_field)
    shown_id = None if record_id is MISSING or record_id is None else str(record_id)
    return Document(display, text, record_id=shown_id, record_line=number, decode_error=decode_error)


class JsonlReader(Reader):
    name = "jsonl"
    suffixes = (".jsonl", ".jsonl.gz", ".jsonl.zst")

    def read(self, path: Path, display: str, options: Mapping[str, Any]) -> Iterator[Document | RecordProblem]:
        settings = options.get("jsonl") or {}
        text_field = str(settings.get("text-field", "text"))
        id_field = str(settings.get("id-field", "id"))
        with _open(path) as stream:
            lines = iter(stream)
            number = 0
            while True:
                try:
                    line = next(lines)
                except StopIteration:
                    return
                except Exception as exc:  # a truncated or corrupt archive (gzip, zstandard errors)
                    raise ReadError(f"corrupt or truncated after line {number}: {type(exc).__name__}: {exc}") from exc
                number += 1
                item = parse_record(line, number, display, text_field, id_field)
                if item is not None:
                    yield item


@hookimpl
def corpuslint_register_readers() -> list[Reader]:
    # The record readers: Parquet is read by pyarrow, imported only when a .parquet file is.
    from corpuslint.readers.parquet import ParquetReader

    return [JsonlReader(), ParquetReader()]
