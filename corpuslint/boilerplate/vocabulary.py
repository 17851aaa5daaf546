"""The boilerplate vocabulary: phrases and patterns grouped by kind of chrome.

The shipped data lives in ``corpuslint/data/boilerplate.yaml``; users add
their own with the rule's options. Everything is validated here, once, so a
bad pattern is reported as a configuration error naming where it came from.

The rule reads the shipped data from ``boilerplate.json``, the same document
written by ``scripts/build_boilerplate.py`` (a test keeps the two in sync):
json's C parser reads it in a fraction of the time YAML takes, and its
patterns were validated when it was built, so no start-up compiles them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

BUILTIN = "corpuslint/data/boilerplate.yaml"
#: The shipped vocabulary as JSON, inside the package.
BUILT = "data/boilerplate.json"
#: The kind user phrases and patterns join unless they name another one.
CUSTOM_KIND = "custom"
CUSTOM_LABEL = "configured phrase"
KIND_KEYS = frozenset({"label", "phrases", "prefixes", "contains", "patterns", "menu-words"})
#: Escapes such as \S or \W are not letters to lower-case.
_ESCAPE = re.compile(r"\\.")


class VocabularyError(ValueError):
    """Malformed vocabulary data; the message names the source and the key."""


class Vocabulary:
    """Phrases by kind, normalised to lower case with single spaces."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        #: phrase -> kind; flagged wherever the phrase is a whole line.
        self.phrases: dict[str, str] = {}
        #: phrase -> kind; flagged wherever a line starts with the phrase.
        self.prefixes: dict[str, str] = {}
        #: phrase -> kind; flagged wherever a short line contains the phrase.
        self.contains: dict[str, str] = {}
        #: phrase -> kind; chrome only in company (navigation vocabulary).
        self.menu_words: dict[str, str] = {}
        #: (regex source, kind); each must match a whole lower-cased line.
        self.patterns: list[tuple[str, str]] = []

    def add_kind(self, kind: str, spec: Mapping[str, Any], source: str, checked: bool = False) -> None:
        where = f"{source}: kinds.{kind}"
        unknown = set(spec) - KIND_KEYS
        if unknown:
            raise VocabularyError(
                f"{where}: unknown key(s) {sorted(unknown)} (allowed: {', '.join(sorted(KIND_KEYS))})"
            )
        self.labels.setdefault(kind, str(spec.get("label") or kind.replace("-", " ")))
        for phrase in _strings(spec.get("phrases"), f"{where}.phrases"):
            self.phrases[normalise(phrase)] = kind
        for phrase in _strings(spec.get("prefixes"), f"{where}.prefixes"):
            self.prefixes[normalise(phrase)] = kind
        for phrase in _strings(spec.get("contains"), f"{where}.contains"):
            self.contains[normalise(phrase)] = kind
        for phrase in _strings(spec.get("menu-words"), f"{where}.menu-words"):
            self.menu_words.setdefault(normalise(phrase), kind)
        for pattern in _strings(spec.get("patterns"), f"{where}.patterns"):
            if checked:
                self.patterns.append((pattern, kind))
            else:
                self.add_pattern(pattern, kind, where)

    def add_pattern(self, pattern: str, kind: str, where: str) -> None:
        try:
            compiled = re.compile(pattern)
            re.compile(pattern.encode())  # the matcher runs patterns over bytes too
        except re.error as exc:
            raise VocabularyError(f"{where}: invalid regular expression {pattern!r}: {exc}") from exc
        if compiled.groups:
            # Capturing groups would shift the matcher's own groups: ask for (?:...).
            raise VocabularyError(f"{where}: pattern {pattern!r} has capturing groups; use (?:...)")
        if _ESCAPE.sub("", pattern) != _ESCAPE.sub("", pattern).lower():
            # Lines are lower-cased before matching, so "Foo" could never match.
            raise VocabularyError(f"{where}: pattern {pattern!r} has upper-case letters; lines are matched lower-cased")
        self.patterns.append((pattern, kind))

    def add_document(self, data: Any, source: str, checked: bool = False) -> None:
        """Add a parsed vocabulary file; ``checked`` data has valid patterns (the shipped file)."""
        if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
            raise VocabularyError(f"{source}: expected a mapping with a 'kinds' mapping")
        for kind, spec in data["kinds"].items():
            if not isinstance(spec, dict):
                raise VocabularyError(f"{source}: kinds.{kind}: expected a mapping")
            self.add_kind(str(kind), spec, source, checked)


def normalise(phrase: str) -> str:
    """Lower case, straight apostrophes, single spaces: how phrases are compared."""
    return " ".join(phrase.lower().replace("’", "'").split())


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"{where}: expected a list of non-empty strings")
    return list(value)


def read_yaml(text: str, source: str) -> Any:
    """A vocabulary file's YAML document (YAML is imported only when a file needs it)."""
    from corpuslint import yamlio

    try:
        return yamlio.safe_load(text)
    except yamlio.YAMLError as exc:
        raise VocabularyError(f"{source}: invalid YAML: {exc}") from exc


def load_vocabulary(
    extra_files: Iterable[str] = (),
    extra_phrases: Iterable[str] = (),
    extra_patterns: Iterable[str] = (),
    base_dir: str = ".",
) -> Vocabulary:
    """The shipped vocabulary plus the user's files, phrases and patterns."""
    vocabulary = Vocabulary()
    shipped = files("corpuslint").joinpath(BUILT).read_text(encoding="utf-8")
    vocabulary.add_document(json.loads(shipped), BUILTIN, checked=True)
    for name in extra_files:
        path = Path(name) if Path(name).is_absolute() else Path(base_dir) / name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise VocabularyError(f"extra-files: cannot read {path}: {exc}") from exc
        try:
            vocabulary.add_document(read_yaml(text, str(path)), str(path))
        except VocabularyError as exc:
            raise VocabularyError(f"extra-files: {exc}") from exc
    phrases = _strings(list(extra_phrases), "extra-phrases")
    patterns = _strings(list(extra_patterns), "extra-patterns")
    if phrases or patterns:
        vocabulary.labels.setdefault(CUSTOM_KIND, CUSTOM_LABEL)
    for phrase in phrases:
        vocabulary.phrases[normalise(phrase)] = CUSTOM_KIND
    for pattern in patterns:
        vocabulary.add_pattern(pattern, CUSTOM_KIND, "extra-patterns")
    return vocabulary
