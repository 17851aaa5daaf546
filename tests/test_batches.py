"""The map phase checks documents in batches: rules may prepare for a batch at once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from corpuslint.discovery import Source
from corpuslint.document import Document
from corpuslint.engine import BATCH_DOCUMENTS, FileResult, RuleSet, lint_files
from corpuslint.models import Violation
from corpuslint.readers.jsonl import JsonlReader
from corpuslint.readers.text import TextReader
from corpuslint.rule import DocumentRule
from corpuslint.rules.system import InternalError, ReadErrorRule
from corpuslint.selection import ActiveRule


class Preparing(DocumentRule):
    """Reports each document with the size of the batch it was prepared in."""

    code = "XB001"
    name = "preparing"
    summary = "Test rule"
    batches: list[list[str]] = []

    def setup(self) -> None:
        self.prepared: dict[int, int] = {}

    def prepare(self, docs: Sequence[Document]) -> None:
        type(self).batches.append([doc.text for doc in docs])
        for doc in docs:
            self.prepared[id(doc)] = len(docs)

    def check(self, doc: Document) -> Iterable[Violation]:
        yield Violation(0, 1, f"prepared in a batch of {self.prepared.pop(id(doc))}")


class CrashingPreparation(Preparing):
    code = "XB002"
    name = "crashing-preparation"

    def prepare(self, docs: Sequence[Document]) -> None:
        raise RuntimeError("no batch today")

    def check(self, doc: Document) -> Iterable[Violation]:
        yield Violation(0, 1, "checked all the same")


def _rules(*rules: type[DocumentRule]) -> RuleSet:
    active = [ActiveRule(rule, "warning", {}) for rule in (*rules, InternalError, ReadErrorRule)]
    return RuleSet(active, [TextReader(), JsonlReader()], {})


def _corpus(tmp_path: Path) -> list[Source]:
    """Text files around a JSONL file longer than a batch, with a broken record in it."""
    sources = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"text {name}\n", encoding="utf-8")
        sources.append(Source(f"{name}.txt", str(tmp_path / f"{name}.txt")))
    lines = [json.dumps({"id": str(n), "text": f"record {n}\n"}) for n in range(BATCH_DOCUMENTS + 10)]
    lines.insert(BATCH_DOCUMENTS - 5, "{not json")
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources.append(Source("c.jsonl", str(tmp_path / "c.jsonl")))
    (tmp_path / "d.txt").write_text("text d\n", encoding="utf-8")
    sources.append(Source("d.txt", str(tmp_path / "d.txt")))
    return sources


def _messages(result: FileResult) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in result.findings]


def test_every_document_is_prepared_once_in_order_in_bounded_batches(tmp_path: Path) -> None:
    Preparing.batches = []
    sources = _corpus(tmp_path)
    results = list(lint_files(_rules(Preparing), sources))
    assert len(results) == len(sources)
    texts = [text for batch in Preparing.batches for text in batch]
    assert texts[:2] == ["text a\n", "text b\n"] and texts[-1] == "text d\n"
    assert len(texts) == BATCH_DOCUMENTS + 13  # each document once
    assert all(len(batch) <= BATCH_DOCUMENTS for batch in Preparing.batches)
    assert len(Preparing.batches) == 2  # a batch ends inside the JSONL file
    assert [len(r.docs) for r in results] == [1, 1, BATCH_DOCUMENTS + 10, 1]


def test_batches_change_no_result(tmp_path: Path) -> None:
    """File by file or in batches across files: the same findings, in the same order
    (the broken record's read error among the records' findings)."""
    sources = _corpus(tmp_path)
    together = [_messages(r) for r in lint_files(_rules(Preparing), sources)]
    alone = [_messages(r) for s in sources for r in lint_files(_rules(Preparing), [s])]
    strip = [[(code, line) for code, line, _ in findings] for findings in together]
    assert strip == [[(code, line) for code, line, _ in findings] for findings in alone]
    broken = [i for i, (code, _, _) in enumerate(together[2]) if code == "CL002"]
    assert broken == [BATCH_DOCUMENTS - 5]


def test_a_crash_while_preparing_is_reported_and_the_documents_still_checked(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)[:2]
    results = list(lint_files(_rules(CrashingPreparation), sources))
    findings = [f for r in results for f in r.findings]
    crashes = [f for f in findings if f.code == "CL003"]
    assert len(crashes) == 1 and "no batch today" in crashes[0].message
    assert "preparing a batch of 2 documents" in crashes[0].message and crashes[0].path == "a.txt"
    assert [f.path for f in findings if f.code == "XB002"] == ["a.txt", "b.txt"]


def test_long_documents_make_shorter_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch holds its documents in memory: books or huge records end it sooner.
    from corpuslint import engine

    monkeypatch.setattr(engine, "BATCH_CHARACTERS", 1000)
    Preparing.batches = []
    sources = []
    for index, size in enumerate([300, 300, 500, 10, 2000, 10]):
        (tmp_path / f"{index}.txt").write_text("x" * (size - 1) + "\n", encoding="utf-8")
        sources.append(Source(f"{index}.txt", str(tmp_path / f"{index}.txt")))
    results = list(lint_files(_rules(Preparing), sources))
    assert [len(r.findings) for r in results] == [1] * 6
    assert [[len(text) for text in batch] for batch in Preparing.batches] == [[300, 300, 500], [10, 2000], [10]]
