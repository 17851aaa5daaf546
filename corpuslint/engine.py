"""The lint run in two phases, map (per file) and reduce (per corpus).

Map: each file is read into documents; document rules report findings and
corpus rules compute compact summaries. This phase is a pure function of the
file's bytes and the run's configuration, so it runs in worker processes and
its results can be cached. Reduce: corpus rules see all summaries at once.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from time import perf_counter
from typing import Any, NamedTuple

from corpuslint.discovery import Source
from corpuslint.document import Document
from corpuslint.models import CorpusViolation, Finding, Severity, Violation
from corpuslint.readers.base import Reader, ReadError, RecordProblem
from corpuslint.rule import CorpusRule, DocumentRule, Rule
from corpuslint.selection import ActiveRule


@dataclass
class DocMeta:
    """What the reduce phase keeps of one document: where it is, and summaries."""

    path: str
    source: str
    record_index: int
    record_line: int | None
    record_id: str | None
    summaries: dict[str, Any]


@dataclass
class FileResult:
    findings: list[Finding] = field(default_factory=list)
    docs: list[DocMeta] = field(default_factory=list)
    timing: dict[str, float] = field(default_factory=dict)
    bytes_read: int = 0


class RuleSet:
    """The instantiated rules of one run (built once per process)."""

    def __init__(self, active: Sequence[ActiveRule], readers: Sequence[Reader], reader_options: dict[str, Any]) -> None:
        self.active = {a.rule.code: a for a in active}
        self.readers = sorted(readers, key=lambda r: -max(len(s) for s in r.suffixes))
        self.reader_options = reader_options
        #: Set when the run has a single document: corpus rules that compare
        #: documents (``min_documents`` > 1) then have nothing to do.
        self.single_document = False

    # Rules are instantiated on first use, each kind on its own: a run served
    # entirely from the cache sets up only its corpus rules, never paying for
    # the patterns and knowledge bases of the document rules.
    def _instantiate(self, kind: type[Rule]) -> list[Rule]:
        return [a.rule(a.options) for a in self.active.values() if issubclass(a.rule, kind)]

    @cached_property
    def document_rules(self) -> list[DocumentRule]:
        return [r for r in self._instantiate(DocumentRule) if isinstance(r, DocumentRule)]

    @cached_property
    def corpus_rules(self) -> list[CorpusRule]:
        return [r for r in self._instantiate(CorpusRule) if isinstance(r, CorpusRule)]

    @property
    def summarizers(self) -> list[CorpusRule]:
        """The corpus rules that run in this run's map and reduce phases."""
        if not self.single_document:
            return self.corpus_rules
        return [rule for rule in self.corpus_rules if rule.min_documents <= 1]

    @property
    def has_corpus_rules(self) -> bool:
        return any(
            issubclass(a.rule, CorpusRule) and (a.rule.min_documents <= 1 or not self.single_document)
            for a in self.active.values()
        )

    def severity(self, code: str) -> Severity:
        return self.active[code].severity

    def reader_for(self, path: str) -> Reader:
        lower = path.lower()
        for reader in self.readers:
            if any(lower.endswith(suffix) for suffix in reader.suffixes):
                return reader
        return next(r for r in self.readers if r.name == "text")

    def several_documents(self, sources: Sequence[Source]) -> bool:
        """Whether ``sources`` may hold two documents or more (a corpus to compare)."""
        return len(sources) > 1 or any(not self.reader_for(s.path).one_document_per_file for s in sources)

    def enabled(self, name: str) -> bool:
        return any(a.rule.name == name for a in self.active.values())


def make_finding(rules: RuleSet, rule: type[Rule], doc: Document, v: Violation) -> Finding:
    line, column = doc.position(v.start)
    end_line, end_column = doc.position(v.end)
    shown_line, doc_line = (line, None) if doc.record_line is None else (doc.record_line, line)
    shown_end = end_line if doc.record_line is None else doc.record_line
    return Finding(
        doc.path,
        shown_line,
        column,
        shown_end,
        end_column,
        rule.code,
        rule.name,
        rules.severity(rule.code),
        v.message,
        v.related,
        rule.plugin,
        doc.record_id,
        doc_line,
        doc.text[v.start : v.end][:200],
        v.fix,
    )


def system_finding(
    rules: RuleSet, name: str, path: str, message: str, line: int = 1, record_id: str | None = None
) -> Finding | None:
    active = next((a for a in rules.active.values() if a.rule.name == name), None)
    if active is None:
        return None
    rule = active.rule
    return Finding(path, line, 1, line, 1, rule.code, rule.name, active.severity, message, (), rule.plugin, record_id)


def _crash(rules: RuleSet, rule: Rule, path: str, exc: BaseException, during: str = "") -> Finding | None:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    message = f"rule {rule.name} (plugin {rule.plugin}) crashed{during}: {type(exc).__name__}: {exc}{at}"
    return system_finding(rules, "internal-error", path, message)


#: The ``--timing`` entry for splitting documents into lines, paragraphs and sentences.
STRUCTURE_TIMING = "(document structure)"


def _charge(result: FileResult, name: str, doc: Document, started: float, structure_before: float) -> None:
    """Add a rule's own time, leaving out structure it happened to trigger first."""
    own = perf_counter() - started - (doc.structure_seconds - structure_before)
    result.timing[name] = result.timing.get(name, 0.0) + own


def lint_document(rules: RuleSet, doc: Document, result: FileResult, meta: DocMeta) -> None:
    for rule in rules.document_rules:
        started, structure = perf_counter(), doc.structure_seconds
        try:
            for violation in rule.check(doc):
                result.findings.append(make_finding(rules, type(rule), doc, violation))
        except Exception as exc:  # one crashing rule must not stop the run
            crash = _crash(rules, rule, doc.path, exc)
            if crash:
                result.findings.append(crash)
        _charge(result, rule.name, doc, started, structure)
    for corpus_rule in rules.summarizers:
        started, structure = perf_counter(), doc.structure_seconds
        try:
            meta.summaries[corpus_rule.code] = corpus_rule.summarize(doc)
        except Exception as exc:
            crash = _crash(rules, corpus_rule, doc.path, exc)
            if crash:
                result.findings.append(crash)
        _charge(result, corpus_rule.name, doc, started, structure)
    result.timing[STRUCTURE_TIMING] = result.timing.get(STRUCTURE_TIMING, 0.0) + doc.structure_seconds


def read_documents(rules: RuleSet, source: Source) -> Iterator[Document | RecordProblem]:
    reader = rules.reader_for(source.path)
    return reader.read(Path(source.path), source.display, rules.reader_options)


#: Documents a rule's :meth:`~corpuslint.rule.Rule.prepare` sees at once: enough
#: for a vectorised pass to pay for itself, few enough to hold in memory...
BATCH_DOCUMENTS = 64
#: ... and characters: a batch of books or of huge JSONL records ends sooner.
BATCH_CHARACTERS = 4_000_000


class _Pending(NamedTuple):
    """A document read and not yet checked, or a read problem to report in its turn."""

    result: FileResult
    doc: Document | None
    meta: DocMeta | None
    problem: Finding | None = None


def lint_files(rules: RuleSet, sources: Iterable[Source]) -> Iterator[FileResult]:
    """The map phase for some files: one result per file, in order.

    Documents are checked in batches of up to :data:`BATCH_DOCUMENTS` and
    :data:`BATCH_CHARACTERS` (across files, or inside a multi-document file),
    each first handed to the rules that :meth:`~corpuslint.rule.Rule.prepare`
    for it. A file's result is yielded once all its documents are checked.
    """
    preparing = [rule for rule in (*rules.document_rules, *rules.summarizers) if type(rule).prepare is not Rule.prepare]
    batch: list[_Pending] = []
    characters = 0
    complete: list[FileResult] = []
    for source in sources:
        result = FileResult()
        for pending in _read(rules, source, result):
            batch.append(pending)
            characters += len(pending.doc.text) if pending.doc is not None else 0
            if len(batch) >= BATCH_DOCUMENTS or characters >= BATCH_CHARACTERS:
                _check_batch(rules, preparing, batch)
                batch, characters = [], 0
                yield from complete  # files read before this one have nothing left in the batch
                complete = []
        complete.append(result)
        if not batch:
            yield from complete
            complete = []
    _check_batch(rules, preparing, batch)
    yield from complete


def _read(rules: RuleSet, source: Source, result: FileResult) -> Iterator[_Pending]:
    try:
        for index, item in enumerate(read_documents(rules, source)):
            if isinstance(item, RecordProblem):
                problem = system_finding(rules, "read-error", source.display, item.message, item.line)
                if problem:
                    yield _Pending(result, None, None, problem)
                continue
            result.bytes_read += len(item.raw)
            meta = DocMeta(item.path, source.path, index, item.record_line, item.record_id, {})
            result.docs.append(meta)
            yield _Pending(result, item, meta)
    except ReadError as exc:
        problem = system_finding(rules, "read-error", source.display, str(exc))
        if problem:
            yield _Pending(result, None, None, problem)


def _check_batch(rules: RuleSet, preparing: list[Rule], batch: list[_Pending]) -> None:
    docs = [pending.doc for pending in batch if pending.doc is not None]
    if docs and preparing:
        _prepare(rules, preparing, docs, batch[0].result)
    for pending in batch:
        if pending.doc is not None and pending.meta is not None:
            lint_document(rules, pending.doc, pending.result, pending.meta)
        elif pending.problem is not None:
            pending.result.findings.append(pending.problem)


def _prepare(rules: RuleSet, preparing: list[Rule], docs: list[Document], result: FileResult) -> None:
    """Hand the batch to each rule that prepares for it; its time is charged to the
    batch's first file, less the document structure it split (charged per document)."""
    for rule in preparing:
        started = perf_counter()
        structure = sum(doc.structure_seconds for doc in docs)
        try:
            rule.prepare(docs)
        except Exception as exc:  # the documents are still checked one by one
            crash = _crash(rules, rule, docs[0].path, exc, f" preparing a batch of {len(docs)} documents from this one")
            if crash:
                result.findings.append(crash)
        own = perf_counter() - started - (sum(doc.structure_seconds for doc in docs) - structure)
        result.timing[rule.name] = result.timing.get(rule.name, 0.0) + own


class Corpus:
    """The reduce phase's view of the corpus for one corpus rule."""

    def __init__(self, rules: RuleSet, docs: Sequence[DocMeta], code: str) -> None:
        self._rules = rules
        self._docs = docs
        self.paths = [d.path for d in docs]
        self.summaries = [d.summaries.get(code) for d in docs]

    def load(self, index: int) -> Document:
        meta = self._docs[index]
        source = Source(meta.path, meta.source)
        for position, item in enumerate(read_documents(self._rules, source)):
            if position == meta.record_index and isinstance(item, Document):
                return item
        raise LookupError(f"{meta.path}: document {meta.record_index} is gone")


def corpus_finding(rules: RuleSet, rule: Rule, meta: DocMeta, v: CorpusViolation) -> Finding:
    line, doc_line = (v.line, None) if meta.record_line is None else (meta.record_line, v.line)
    end_line = v.end_line if meta.record_line is None else meta.record_line
    rule_type = type(rule)
    return Finding(
        meta.path,
        line,
        v.column,
        end_line,
        v.end_column,
        rule_type.code,
        rule_type.name,
        rules.severity(rule_type.code),
        v.message,
        v.related,
        rule_type.plugin,
        meta.record_id,
        doc_line,
        "",
        v.fix,
    )


def reduce_corpus(rules: RuleSet, docs: list[DocMeta], timing: dict[str, float]) -> list[Finding]:
    """The reduce phase: run every corpus rule over all summaries."""
    ordered = sorted(docs, key=lambda d: (d.path, d.record_line or 0, d.record_index))
    findings: list[Finding] = []
    for rule in rules.summarizers:
        started = perf_counter()
        corpus = Corpus(rules, ordered, rule.code)
        try:
            for violation in rule.check_corpus(corpus):
                findings.append(corpus_finding(rules, rule, ordered[violation.doc_index], violation))
        except Exception as exc:
            crash = _crash(rules, rule, "<corpus>", exc)
            if crash:
                findings.append(crash)
        timing[rule.name] = timing.get(rule.name, 0.0) + perf_counter() - started
    return findings


def merge_timing(into: dict[str, float], more: Iterable[tuple[str, float]]) -> None:
    for name, seconds in more:
        into[name] = into.get(name, 0.0) + seconds
