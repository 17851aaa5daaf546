"""The Parquet reader: one document per row, from the text column (``corpuslint[parquet]``).

Rows are numbered from 1 and reported as the finding's line, like JSONL
lines. The columns are ``jsonl: {text-field, id-field}`` (top-level names).
Only the two columns are read, in batches, so a wide table costs no more.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from corpuslint.document import Document
from corpuslint.readers.base import Reader, ReadError, RecordProblem

BATCH_ROWS = 1024


def _parquet_file(path: Path) -> Any:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        raise ReadError(
            "cannot read a .parquet file: pyarrow is missing (install it with: pip install 'corpuslint[parquet]')"
        ) from None
    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for bad files
        raise ReadError(f"not a readable Parquet file: {exc}") from exc


class ParquetReader(Reader):
    name = "parquet"
    suffixes = (".parquet",)

    def read(self, path: Path, display: str, options: Mapping[str, Any]) -> Iterator[Document | RecordProblem]:
        settings = options.get("jsonl") or {}
        text_field = str(settings.get("text-field", "text"))
        id_field = str(settings.get("id-field", "id"))
        table = _parquet_file(path)
        names = set(table.schema_arrow.names)
        if text_field not in names:
            raise ReadError(f"no column {text_field!r} (columns: {', '.join(sorted(names))})")
        columns = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
        row = 0
        try:
            for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns):
                texts = batch.column(text_field).to_pylist()
                ids = batch.column(id_field).to_pylist() if len(columns) > 1 else [None] * len(texts)
                for text, record_id in zip(texts, ids, strict=True):
                    row += 1
                    if not isinstance(text, str):
                        yield RecordProblem(row, f"row has no string in column {text_field!r}")
                        continue
                    shown_id = None if record_id is None else str(record_id)
                    yield Document(display, text, record_id=shown_id, record_line=row)
        except Exception as exc:  # a damaged file: keep what was read
            raise ReadError(f"corrupt after row {row}: {type(exc).__name__}: {exc}") from exc
