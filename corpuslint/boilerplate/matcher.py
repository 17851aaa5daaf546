"""One compiled regular expression that finds every vocabulary line of a document.

The expression (a trie, see :mod:`.trie`) runs once over the whole
lower-cased document, as UTF-8 bytes, never line by line; the few lines it
finds are then classified by kind, with a cache, since the same phrases recur
across a corpus.

Compiling the expression for the whole vocabulary takes tens of
milliseconds, more than a run over a few files spends on everything else.
So the first documents are matched with an expression of only the entries
each one could match (see :mod:`.relevance`), which finds the same lines;
the whole vocabulary is compiled once a run has shown it is long.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from corpuslint.boilerplate.layout import WRAPPED_CHARS
from corpuslint.boilerplate.relevance import Relevance
from corpuslint.boilerplate.trie import BAR, line_regex, split_literal
from corpuslint.boilerplate.vocabulary import Vocabulary

_BAR_SPLIT = re.compile(BAR)
#: A line with more words than this is prose, whatever phrase it contains.
CONTAINS_MAX_WORDS = 40
_WORDS = re.compile(r"\w+")
#: Classified line cores kept (the same few phrases recur across a corpus).
CACHE_SIZE = 4096
_UNKNOWN = object()
#: Documents matched with expressions of their own entries before the whole
#: vocabulary is compiled: a few files never pay for all of it.
WHOLE_AFTER = 32
#: Expressions of documents' own entries kept (pages of one site share them).
SUBSET_CACHE_SIZE = 256


def phrase_key(text: str) -> str:
    """Words only, lower case, single spaces: the key phrases are looked up by."""
    return " ".join(_WORDS.findall(text.lower()))


def prefix_key(prefix: str) -> str:
    """A prefix's key keeps a trailing ":" (it must be on the line too)."""
    return phrase_key(prefix) + (":" if prefix.rstrip().endswith(":") else "")


def _continues_sentence(text: str, offset: int, core: str) -> bool:
    """A lower-case line right under an unfinished one: the end of a wrapped sentence ("accept.")."""
    if not core[:1].islower() or offset < 2:
        return False
    previous = text[text.rfind("\n", 0, offset - 1) + 1 : offset - 1].rstrip()
    # Wrapped lines run close to the wrap width; a short line above is a menu item.
    return len(previous) >= WRAPPED_CHARS and previous[-1] not in ".!?:;…"


class _CharOffsets:
    """Byte offsets of UTF-8 text to character offsets, for increasing offsets."""

    def __init__(self, raw: bytes, text: str) -> None:
        self.raw = raw
        self.identity = len(raw) == len(text)
        self.byte = self.char = 0

    def __call__(self, offset: int) -> int:
        if self.identity:
            return offset
        if offset < self.byte:  # rare: restart from the beginning
            self.byte = self.char = 0
        self.char += len(self.raw[self.byte : offset].decode("utf-8", "surrogatepass"))
        self.byte = offset
        return self.char


class Hit(NamedTuple):
    """A line that the vocabulary recognises."""

    offset: int  #: where the line starts in the document text
    kind: str
    strong: bool  #: a phrase, prefix or pattern (flag anywhere), not a menu word
    text: str  #: the recognised part of the line


class Matcher:
    """Finds the lines of a text that are vocabulary phrases or patterns."""

    def __init__(self, vocabulary: Vocabulary, whole_after: int = WHOLE_AFTER) -> None:
        self.labels = vocabulary.labels
        self.strong = {phrase_key(p): kind for p, kind in vocabulary.phrases.items()}
        self.prefixes = {prefix_key(p): kind for p, kind in vocabulary.prefixes.items()}
        self.menu = {phrase_key(p): kind for p, kind in vocabulary.menu_words.items()}
        self.contains = dict(vocabulary.contains)
        self._prefix_index: dict[str, list[tuple[str, bool]]] = {}
        for prefix, kind in self.prefixes.items():
            self._prefix_index.setdefault(prefix.rstrip(":"), []).append((kind, prefix.endswith(":")))
        self._prefix_words = max((p.count(" ") + 1 for p in self._prefix_index), default=0)
        self._cache: dict[str, object] = {}
        #: (source, kind, the literal a line must start with); compiled on first use
        self.patterns = [(src, kind, split_literal(src)[0]) for src, kind in vocabulary.patterns]
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._vocabulary = (
            sorted({k for k in (*self.strong, *self.menu) if k}),
            sorted(self.prefixes),
            [src for src, _ in vocabulary.patterns],
        )
        self.relevance = Relevance(*self._vocabulary)
        self._subsets: dict[tuple[tuple[str, ...], ...], re.Pattern[bytes] | None] = {}
        self._whole: re.Pattern[bytes] | None = None
        self._documents_left = whole_after
        self._contains = [(phrase.encode("utf-8"), kind) for phrase, kind in vocabulary.contains.items()]

    def hits(self, text: str) -> list[Hit]:
        """The vocabulary lines of ``text``, in order, at most one per line."""
        raw = text.encode("utf-8", "surrogatepass")
        lowered = raw.lower()
        haystack = b"\n" + lowered + b"\n"
        regex = self.expression_for(haystack)
        # (line start, core start, core end, kind or "") in bytes; the
        # haystack's extra leading "\n" puts its offsets one past the text's.
        spans = (
            [(m.start(), m.start("core") - 1, m.end("core") - 1, "") for m in regex.finditer(haystack)] if regex else []
        )
        spans += self._find_contains(lowered)
        if not spans:
            return []
        spans.sort()
        to_char = _CharOffsets(raw, text)
        found: list[Hit] = []
        for line_start, start, end, kind in spans:
            if found and to_char(line_start) == found[-1].offset:
                continue  # one line, found twice (a phrase and a contained phrase)
            core = text[to_char(start) : to_char(end)]
            offset = to_char(line_start)
            if _continues_sentence(text, offset, core):
                continue
            verdict = (kind, True) if kind else self.classify(core)
            if verdict is not None:
                found.append(Hit(offset, verdict[0], verdict[1], core.strip()))
        return found

    def expression_for(self, haystack: bytes) -> re.Pattern[bytes] | None:
        """The expression for a document: the whole vocabulary's, or one of its entries only."""
        if self._whole is not None:
            return self._whole
        if self._documents_left <= 0:
            self._whole = _compile(line_regex(*self._vocabulary))
            return self._whole
        self._documents_left -= 1
        key = tuple(map(tuple, self.relevance.subset(haystack)))
        if key not in self._subsets:
            if len(self._subsets) >= SUBSET_CACHE_SIZE:
                self._subsets.clear()
            self._subsets[key] = _compile(line_regex(*key))
        return self._subsets[key]

    def _find_contains(self, lowered: bytes) -> list[tuple[int, int, int, str]]:
        spans = []
        for phrase, kind in self._contains:
            at = lowered.find(phrase)
            while at >= 0:
                start = lowered.rfind(b"\n", 0, at) + 1
                end = lowered.find(b"\n", at)
                end = len(lowered) if end < 0 else end
                if lowered.count(b" ", start, end) < CONTAINS_MAX_WORDS:
                    spans.append((start, start, end, kind))
                at = lowered.find(phrase, end)
        return spans

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


def _compile(source: bytes | None) -> re.Pattern[bytes] | None:
    return None if source is None else re.compile(source)
