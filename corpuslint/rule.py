"""The rule interface: metadata, options, and the two kinds of rule.

A rule is a class. Its docstring is its user documentation, in the sections
``What it does`` / ``Why is this bad?`` / ``Example`` / ``Options``; the class
attributes are its metadata. The engine instantiates each selected rule once
per run (per worker process) with its resolved options.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from corpuslint.document import Document
from corpuslint.models import CorpusViolation, Severity, Violation

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Options")


@dataclass(frozen=True)
class Option:
    """One configurable option of a rule (``options: {rule-name: {key: value}}``)."""

    default: Any
    description: str
    #: Accepted Python types; ``float`` also accepts ``int``.
    types: tuple[type, ...] = ()

    def accepts(self, value: Any) -> bool:
        types = self.types or (type(self.default),)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            return True
        if isinstance(value, bool) and bool not in types:
            return False
        return isinstance(value, types)


class Rule:
    """Base class of every rule; subclass :class:`DocumentRule` or :class:`CorpusRule`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    fixable: ClassVar[bool] = False
    #: Rules off by default are enabled by ``--select``/``extend-select``.
    default_enabled: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Option]] = {}
    #: Filled in by the plugin loader: the plugin that registered the rule.
    plugin: ClassVar[str] = ""

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        values = {key: opt.default for key, opt in self.options.items()}
        values.update(options or {})
        self.config: dict[str, Any] = values
        self.setup()

    def setup(self) -> None:
        """Prepare expensive state once (compile patterns, load data)."""

    def warm_up(self) -> None:
        """Load now what :meth:`setup` left to load lazily, at the first document
        that needs it: called before a parallel run starts its worker processes,
        which then inherit it instead of each loading it again."""

    def prepare(self, docs: Sequence[Document]) -> None:
        """Called with the next documents (a few dozen, in order) before they are
        checked or summarised one by one: a rule may compute in one vectorised pass
        what each will need, and keep it for :meth:`DocumentRule.check` or
        :meth:`CorpusRule.summarize` (which must give the same results without it).
        The default does nothing."""

    @classmethod
    def docs(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")


class DocumentRule(Rule):
    """A rule that sees one document at a time (runs in parallel workers)."""

    def check(self, doc: Document) -> Iterable[Violation]:
        raise NotImplementedError


class CorpusView(Protocol):
    """What a corpus rule sees in its corpus phase.

    ``paths[i]`` and ``summaries[i]`` describe document ``i`` in a stable
    order (sorted by path, then record); ``summaries[i]`` is what
    :meth:`CorpusRule.summarize` returned for it, or ``None`` when the
    document could not be read. ``load(i)`` re-reads one document, for
    verifying the few candidates that fingerprints cannot settle.
    """

    @property
    def paths(self) -> Sequence[str]: ...

    @property
    def summaries(self) -> Sequence[Any]: ...

    def load(self, index: int) -> Document: ...


class CorpusRule(Rule):
    """A cross-document rule in map/reduce shape.

    ``summarize`` runs per document (in workers, or from the cache) and must
    return a small picklable value; ``check_corpus`` runs once over all the
    summaries and must not hold the corpus text in memory.

    A rule that compares documents has nothing to do in a run of fewer than
    ``min_documents`` documents (one file named on the command line): the
    engine then skips it, and its summaries are not computed.
    """

    min_documents: ClassVar[int] = 2

    def summarize(self, doc: Document) -> Any:
        raise NotImplementedError

    def check_corpus(self, corpus: CorpusView) -> Iterable[CorpusViolation]:
        raise NotImplementedError


def missing_doc_sections(rule: type[Rule]) -> list[str]:
    """Doc sections a rule's docstring lacks (used by ``corpuslint rules`` checks and tests)."""
    text = rule.docs()
    return [section for section in DOC_SECTIONS if f"## {section}" not in text]
