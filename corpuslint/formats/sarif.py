"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other viewers read it."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from corpuslint import __version__
from corpuslint.formats.base import Formatter, Report
from corpuslint.models import Finding, Location
from corpuslint.rule import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: Paths are relative to the working directory, which viewers resolve as the source root.
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "corpuslintContentHash/v1"
_SECTION = re.compile(r"^## What it does\s*\n(.*?)(?=^## |\Z)", re.S | re.M)


def _uri(path: str) -> str:
    return quote(Path(path).as_posix(), safe="/")


def _what_it_does(rule: type[Rule]) -> str:
    match = _SECTION.search(rule.docs())
    return " ".join(match.group(1).split()) if match else rule.summary


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    docs = rule.docs() or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _what_it_does(rule)},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"plugin": rule.plugin, "fixable": rule.fixable},
    }


def _artifact(path: str) -> dict[str, Any]:
    return {"uri": _uri(path), "uriBaseId": SRCROOT}


def _region(f: Finding) -> dict[str, Any]:
    if f.record_id is not None or f.doc_line is not None:
        # Columns count inside the record's text, not the JSON line: only the line is a file position.
        return {"startLine": f.line, "endLine": f.end_line}
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def _related(index: int, where: Location) -> dict[str, Any]:
    text = "related location" if where.record_id is None else f"related location (record {where.record_id})"
    return {
        "id": index,
        "physicalLocation": {"artifactLocation": _artifact(where.path), "region": {"startLine": where.line}},
        "message": {"text": text},
    }


def result_object(f: Finding, rule_index: int | None, digest: str, occurrence: int) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": _artifact(f.path), "region": _region(f)}}
    if f.record_id is not None:
        location["logicalLocations"] = [{"name": f.record_id, "kind": "record"}]
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{occurrence}"},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if f.related:
        result["relatedLocations"] = [_related(i, where) for i, where in enumerate(f.related)]
    properties: dict[str, Any] = {"rule": f.rule}
    if f.record_id is not None or f.doc_line is not None:
        properties.update(record_id=f.record_id, doc_line=f.doc_line, doc_column=f.column)
    result["properties"] = properties
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    from corpuslint.fingerprints import with_occurrences  # hashlib: only when the format is used

    codes = sorted(set(report.rules) | {f.code for f in report.findings})
    described = [code for code in codes if code in report.rules]
    index = {code: i for i, code in enumerate(described)}
    results = [
        result_object(f, index.get(f.code), digest, occurrence)
        for f, digest, occurrence in with_occurrences(report.findings)
    ]
    root = Path(os.getcwd()).as_uri() + "/"
    run = {
        "tool": {
            "driver": {
                "name": "corpuslint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(report.rules[code]) for code in described],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifFormatter(Formatter):
    def render(self, report: Report) -> None:
        json.dump(sarif_log(report), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
