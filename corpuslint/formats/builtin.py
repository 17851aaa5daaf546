"""Registers the built-in output formats."""

from __future__ import annotations

from corpuslint import hookimpl
from corpuslint.formats.base import Formatter
from corpuslint.formats.full import FullFormatter
from corpuslint.formats.github import GithubFormatter
from corpuslint.formats.json import JsonFormatter
from corpuslint.formats.jsonl import JsonLinesFormatter
from corpuslint.formats.junit import JunitFormatter
from corpuslint.formats.sarif import SarifFormatter
from corpuslint.formats.text import TextFormatter


@hookimpl
def corpuslint_register_formats() -> dict[str, type[Formatter]]:
    return {
        "text": TextFormatter,
        "full": FullFormatter,
        "json": JsonFormatter,
        "jsonl": JsonLinesFormatter,
        "sarif": SarifFormatter,
        "github": GithubFormatter,
        "junit": JunitFormatter,
    }
