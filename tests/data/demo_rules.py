"""Small rules with fixes, for testing the fixer, the formats and the CLI.

Loaded with ``--plugin tests/data/demo_rules.py``. They flag made-up markers,
so their findings do not depend on the real rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.models import CorpusViolation, Edit, Fix, Violation
from corpuslint.rule import CorpusRule, CorpusView, DocumentRule, Rule

_DOCS = """
## What it does
{what}

## Why is this bad?
It is a test marker.

## Example
`{example}`

## Options
None.
"""


class DemoMarker(DocumentRule):
    __doc__ = _DOCS.format(what="Flags `@@` markers; the safe fix removes them.", example="a@@b")
    code = "TST01"
    name = "demo-marker"
    summary = "A test marker"
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        for match in re.finditer("@@", doc.text):
            fix = Fix((Edit(match.start(), match.end(), ""),))
            yield Violation(match.start(), match.end(), "marker '@@'", fix=fix)


class DemoShout(DocumentRule):
    __doc__ = _DOCS.format(what="Flags `BAD`; the safe fix writes `good`.", example="a BAD b")
    code = "TST02"
    name = "demo-shout"
    summary = "A shouted word"
    severity = "error"
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        for match in re.finditer(r"\bBAD\b", doc.text):
            fix = Fix((Edit(match.start(), match.end(), "good"),))
            yield Violation(match.start(), match.end(), "shouted 'BAD'", fix=fix)


class DemoDeleteLine(DocumentRule):
    __doc__ = _DOCS.format(what="Flags lines `DELETE ME`; the unsafe fix deletes them.", example="DELETE ME")
    code = "TST03"
    name = "demo-delete-line"
    summary = "A line to delete"
    severity = "info"
    fixable = True

    def check(self, doc: Document) -> Iterable[Violation]:
        for line in doc.lines:
            if line.text == "DELETE ME":
                end = min(len(doc.text), line.end + (2 if doc.text[line.end : line.end + 1] == "\r" else 1))
                fix = Fix((Edit(line.start, end, ""),), safe=False)
                yield Violation(line.start, line.end, "line to delete", fix=fix)


class DemoGreedy(DocumentRule):
    __doc__ = _DOCS.format(what="Flags `GREEDY` but its fix rewrites the whole text.", example="GREEDY")
    code = "TST04"
    name = "demo-greedy"
    summary = "A fix that reaches beyond its finding"
    fixable = True
    default_enabled = False

    def check(self, doc: Document) -> Iterable[Violation]:
        at = doc.text.find("GREEDY")
        if at >= 0:
            yield Violation(at, at + 6, "greedy", fix=Fix((Edit(0, len(doc.text), "gone"),)))


class DemoSameTitle(CorpusRule):
    __doc__ = _DOCS.format(what="Flags a document whose first line is an earlier document's.", example="Title")
    code = "TST05"
    name = "demo-same-title"
    summary = "A repeated first line"

    def summarize(self, doc: Document) -> Any:
        return doc.lines[0].text if doc.lines else None

    def check_corpus(self, corpus: CorpusView) -> Iterable[CorpusViolation]:
        first: dict[str, int] = {}
        for index, title in enumerate(corpus.summaries):
            if title is None:
                continue
            if title in first:
                yield CorpusViolation(
                    index, 1, 1, 1, len(title) + 1, f"same first line as {corpus.paths[first[title]]}"
                )
            else:
                first[title] = index


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [DemoMarker, DemoShout, DemoDeleteLine, DemoGreedy, DemoSameTitle]
