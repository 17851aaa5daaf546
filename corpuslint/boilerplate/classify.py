"""The kind of chrome a line found by the expression is, if any.

The expression finds lines shaped like vocabulary; here their text is
looked up by key (words only, lower case) among the phrases, prefixes and
menu words, or matched against the patterns. Results are cached, since the
same few lines recur across a corpus.
"""

from __future__ import annotations

import re

from corpuslint.boilerplate.trie import BAR, split_literal
from corpuslint.boilerplate.vocabulary import Vocabulary

_BAR_SPLIT = re.compile(BAR)
_WORDS = re.compile(r"\w+")
#: Classified line cores kept (the same few phrases recur across a corpus).
CACHE_SIZE = 4096
_UNKNOWN = object()


def phrase_key(text: str) -> str:
    """Words only, lower case, single spaces: the key phrases are looked up by."""
    return " ".join(_WORDS.findall(text.lower()))


def prefix_key(prefix: str) -> str:
    """A prefix's key keeps a trailing ":" (it must be on the line too)."""
    return phrase_key(prefix) + (":" if prefix.rstrip().endswith(":") else "")


class Classifier:
    """Looks up the kind of a recognised line."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.strong = {phrase_key(p): kind for p, kind in vocabulary.phrases.items()}
        self.prefixes = {prefix_key(p): kind for p, kind in vocabulary.prefixes.items()}
        self.menu = {phrase_key(p): kind for p, kind in vocabulary.menu_words.items()}
        self._prefix_index: dict[str, list[tuple[str, bool]]] = {}
        for prefix, kind in self.prefixes.items():
            self._prefix_index.setdefault(prefix.rstrip(":"), []).append((kind, prefix.endswith(":")))
        self._prefix_words = max((p.count(" ") + 1 for p in self._prefix_index), default=0)
        self._cache: dict[str, object] = {}
        #: (source, kind, the literal a line must start with); compiled on first use
        self.patterns = [(src, kind, split_literal(src)[0]) for src, kind in vocabulary.patterns]
        self._compiled: dict[str, re.Pattern[str]] = {}

    def classify(self, core: str) -> tuple[str, bool] | None:
        """(kind, strong) of a matched line core; ``None`` if it is no chrome after all."""
        verdict = self._cache.get(core, _UNKNOWN)
        if verdict is _UNKNOWN:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            verdict = self._cache[core] = self._classify(core)
        return verdict  # type: ignore[return-value]

    def _classify(self, core: str) -> tuple[str, bool] | None:
        items = [item for item in _BAR_SPLIT.split(core) if item.strip()]
        if len(items) <= 1:
            return self._classify_item(core)
        verdicts = [v for v in map(self._classify_item, items) if v is not None]
        if len(verdicts) < len(items):
            return self._classify_item(core)
        # A bar of known items is navigation even when each item alone is weak.
        strong = [v for v in verdicts if v[1]]
        return (strong[0][0] if strong else "navigation"), bool(strong) or len(items) >= 3

    def _classify_item(self, core: str) -> tuple[str, bool] | None:
        key = phrase_key(core)
        if key in self.strong:
            return self.strong[key], True
        words = key.split(" ")
        for count in range(min(len(words), self._prefix_words), 0, -1):
            for kind, needs_colon in self._prefix_index.get(" ".join(words[:count]), ()):
                if not needs_colon or ":" in core:
                    return kind, True
        lowered = core.lower()
        for source, kind, literal in self.patterns:
            # A line that does not start with a pattern's literal cannot match it:
            # most patterns are never compiled in a run over a few files.
            if lowered.startswith(literal) and self._pattern(source).fullmatch(lowered):
                return kind, True
        if key in self.menu:
            return self.menu[key], False
        return None

    def _pattern(self, source: str) -> re.Pattern[str]:
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = self._compiled[source] = re.compile(source)
        return compiled
