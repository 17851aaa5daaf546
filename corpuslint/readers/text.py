"""The plain-text reader: one file, one document."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.readers.base import Reader, ReadError, RecordProblem

#: How much of a file is sniffed for NUL bytes, as git and grep do.
BINARY_SNIFF_BYTES = 8192
UTF8_BOM = b"\xef\xbb\xbf"


def decode(raw: bytes) -> tuple[str, str | None]:
    """Decode UTF-8, never failing: invalid bytes become U+FFFD and are described."""
    body = raw.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        problem = f"invalid UTF-8 at byte {exc.start + (len(raw) - len(body))}: {exc.reason}"
        return body.decode("utf-8", errors="replace"), problem


def read_bytes(path: Path) -> bytes:
    try:
        # Unbuffered: one read sized by fstat, no buffer object (a quarter of the
        # cost of Path.read_bytes over thousands of short files).
        with open(path, "rb", buffering=0) as stream:
            raw = stream.readall()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    return raw


class TextReader(Reader):
    name = "text"
    suffixes = (".txt", ".md", ".text", ".markdown")
    one_document_per_file = True

    def read(self, path: Path, display: str, options: Mapping[str, Any]) -> Iterator[Document | RecordProblem]:
        raw = read_bytes(path)
        if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
            raise ReadError("binary file (contains NUL bytes); not linted")
        text, problem = decode(raw)
        yield Document(display, text, raw, decode_error=problem)


@hookimpl
def corpuslint_register_readers() -> list[Reader]:
    return [TextReader()]
