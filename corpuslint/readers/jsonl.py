"""Placeholder: the JSONL reader is being written in this module."""

from __future__ import annotations

from corpuslint import hookimpl
from corpuslint.readers.base import Reader


@hookimpl
def corpuslint_register_readers() -> list[Reader]:
    return []
