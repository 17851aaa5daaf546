"""Rules the engine itself reports: unreadable input and crashing rules."""

from __future__ import annotations

from collections.abc import Iterable

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule, Rule


class EncodingError(DocumentRule):
    """
    ## What it does
    Reports a file that is not valid UTF-8. The file is still linted, decoded
    with U+FFFD replacement characters where its bytes are invalid.

    ## Why is this bad?
    Invalid bytes are lost text: every tool downstream decodes them
    differently, or drops the document.

    ## Example
    A file saved as Windows-1252 with a byte `0x92` for a right quote.

    ## Options
    None.
    """

    code = "CL001"
    name = "encoding-error"
    summary = "File is not valid UTF-8"
    severity = "error"

    def check(self, doc: Document) -> Iterable[Violation]:
        if doc.decode_error:
            at = doc.text.find("\ufffd")
            start = max(at, 0)
            yield Violation(
                start, start + (1 if at >= 0 else 0), f"{doc.decode_error} (decoded with replacement characters)"
            )


class ReadErrorRule(DocumentRule):
    """
    ## What it does
    Reports a path that could not be linted: a binary file, an unreadable file
    or directory, a broken symbolic link or a symbolic link loop, or a
    malformed record in a JSONL corpus.

    ## Why is this bad?
    What is not read is not checked; the rest of the corpus is still linted.

    ## Example
    `images/logo.txt: binary file (contains NUL bytes); not linted`

    ## Options
    None.
    """

    code = "CL002"
    name = "read-error"
    summary = "File or record could not be read"
    severity = "error"

    def check(self, doc: Document) -> Iterable[Violation]:
        return ()  # reported by the engine, never from a document


class InternalError(DocumentRule):
    """
    ## What it does
    Reports a rule or plugin that crashed on a document, naming the rule, the
    plugin and the file. Linting goes on; the exit code is 2.

    ## Why is this bad?
    A crashed rule checked nothing on that document: its silence means nothing.

    ## Example
    `a.txt:1:1: CL003 rule my-rule (plugin my_plugin) crashed: ZeroDivisionError: division by zero`

    ## Options
    None.
    """

    code = "CL003"
    name = "internal-error"
    summary = "A rule or plugin crashed"
    severity = "error"

    def check(self, doc: Document) -> Iterable[Violation]:
        return ()  # reported by the engine


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [EncodingError, ReadErrorRule, InternalError]
