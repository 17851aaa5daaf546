"""The three rule types a config file can instantiate, and the class factory.

Each data rule becomes a real rule class, so selection, severity overrides,
``corpuslint rules``/``rule NAME`` and the engine treat it like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from corpuslint.declarative.schema import RuleSpec
from corpuslint.document import Document
from corpuslint.models import Edit, Fix, Violation
from corpuslint.rule import DocumentRule, Rule


def fill(template: str, *values: str) -> str:
    """Put ``values`` into the ``%s`` slots of ``template`` in turn (other ``%`` signs stay as they are).

    A match that spans a line break is shown on one line: messages are one line each.
    """
    parts = template.split("%s")
    out = [parts[0]]
    for position, part in enumerate(parts[1:]):
        out.append(" ".join(values[position].split()) if position < len(values) else "%s")
        out.append(part)
    return "".join(out)


def match_case(found: str, replacement: str) -> str:
    """Carry the case of the text found over to its replacement ("Towards" -> "Toward")."""
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class ConfigRule(DocumentRule):
    """A rule written as data under ``rules:`` in a config file."""

    spec: ClassVar[RuleSpec]
    config_source: ClassVar[str]
    default_message: ClassVar[str]

    def setup(self) -> None:
        self.regex = re.compile(self.spec.regex, re.IGNORECASE if self.spec.ignorecase else 0)
        self.message = self.spec.message or self.default_message

    def matches(self, doc: Document) -> Iterator[re.Match[str]]:
        # Patterns that can match zero characters somewhere (a bare lookahead) report nothing there.
        return (m for m in self.regex.finditer(doc.text) if m.end() > m.start())


class ExistenceRule(ConfigRule):
    default_message = "'%s' is not allowed here"

    def check(self, doc: Document) -> Iterable[Violation]:
        for m in self.matches(doc):
            yield Violation(m.start(), m.end(), fill(self.message, m.group()))


class SubstitutionRule(ConfigRule):
    fixable = True
    default_message = "'%s' should be '%s'"

    def setup(self) -> None:
        super().setup()
        fold = str.lower if self.spec.ignorecase else str
        self.replacements = {fold(" ".join(k.split())): v for k, v in self.spec.swap.items()}
        self.fold = fold

    def check(self, doc: Document) -> Iterable[Violation]:
        for m in self.matches(doc):
            found = m.group()
            replacement = self.replacements[self.fold(" ".join(found.split()))]
            if self.spec.ignorecase:
                replacement = match_case(found, replacement)
            if replacement != found:
                fix = Fix((Edit(m.start(), m.end(), replacement),), safe=True)
                yield Violation(m.start(), m.end(), fill(self.message, found, replacement), fix=fix)


class OccurrenceRule(ConfigRule):
    default_message = "'%s' occurs too often here"

    def setup(self) -> None:
        super().setup()
        limit = self.spec.max
        self.message = self.spec.message or f"'%s' occurs more than {limit} time{'s' if limit != 1 else ''} here"

    def check(self, doc: Document) -> Iterable[Violation]:
        # One finding per document, on the first occurrence over the limit.
        for count, m in enumerate(self.matches(doc), start=1):
            if count > self.spec.max:
                yield Violation(m.start(), m.end(), fill(self.message, m.group()))
                return


KIND_CLASSES: dict[str, type[ConfigRule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "occurrence": OccurrenceRule,
}
WHAT = {
    "existence": "every occurrence of these",
    "substitution": "every occurrence of these phrases, with a safe fix to their replacement",
    "occurrence": "the first occurrence past {max} per document of these",
}


def _docs(spec: RuleSpec, source: str) -> str:
    listed = [f"- `{t}`" + (f" -> `{spec.swap[t]}`" if t in spec.swap else "") for t in spec.tokens]
    listed += [f"- pattern `{p}`" for p in spec.patterns]
    case = "ignoring case" if spec.ignorecase else "matching case"
    example = spec.tokens[0] if spec.tokens else spec.patterns[0]
    return (
        f"## What it does\nReports {WHAT[spec.kind].format(max=spec.max)} ({case}):\n\n" + "\n".join(listed) + "\n\n"
        f"## Why is this bad?\n{spec.description or 'The project forbids it in its configuration.'}\n\n"
        f"## Example\n`{example}`\n\n"
        f"## Options\nNone: this rule is defined as data (`extends: {spec.kind}`) under `rules:` in {source}."
    )


def make_rule(spec: RuleSpec, source: str) -> type[Rule]:
    base = KIND_CLASSES[spec.kind]
    summary = spec.summary or f"{spec.kind.capitalize()} rule from {source.rsplit('/', 1)[-1]}"
    attrs = {
        "__doc__": _docs(spec, source),
        "__module__": __name__,
        "code": spec.code,
        "name": spec.name,
        "summary": summary,
        "severity": spec.severity,
        "spec": spec,
        "config_source": source,
    }
    return type(f"ConfigRule_{spec.name.replace('-', '_')}", (base,), attrs)
