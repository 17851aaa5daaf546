"""Registers the built-in output formats."""

from __future__ import annotations

from corpuslint import hookimpl
from corpuslint.formats.base import Formatter
from corpuslint.formats.json import JsonFormatter
from corpuslint.formats.text import TextFormatter


@hookimpl
def corpuslint_register_formats() -> dict[str, type[Formatter]]:
    return {"text": TextFormatter, "json": JsonFormatter}
