"""One compiled regular expression that finds every vocabulary line of a document.

Hundreds of phrases as a plain alternation would be tried one by one at every
line; folded into a character trie they share prefixes, so a line that starts
with no known word fails after a character or two. The expression runs once
over the whole lower-cased document, never line by line, and on ASCII text it
runs over bytes, which lower-case and match faster than ``str``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import AnyStr

from corpuslint.boilerplate.vocabulary import Vocabulary

#: Between the words of a phrase: any run of spaces and punctuation on the line.
WORD_GAP = r"[^\w\n]+"
#: Around a line's core: bullets, quotes, arrows, trailing "." ":" "»" "*", spaces.
FRAME = r"[^\w\n]*"
#: What may follow a prefix phrase: the rest of the line, if the word has ended.
PREFIX_TAIL = r"(?!\w)[^\n]{0,400}"
#: Separators of a link bar: "About | Contact | Privacy Policy".
BAR = r"[ \t]*[|·•/][ \t]*"
_BAR_SPLIT = re.compile(BAR)
#: A line with more words than this is prose, whatever phrase it contains.
CONTAINS_MAX_WORDS = 40
_WORDS = re.compile(r"\w+")
_PHRASE_END = ""
_PREFIX_END = "\x00"
_Node = dict[str, "_Node"]


def phrase_key(text: str) -> str:
    """Words only, lower case, single spaces: the key phrases are looked up by."""
    return " ".join(_WORDS.findall(text.lower()))


def prefix_key(prefix: str) -> str:
    """A prefix's key keeps a trailing ":" (it must be on the line too)."""
    return phrase_key(prefix) + (":" if prefix.rstrip().endswith(":") else "")


@dataclass(frozen=True, slots=True)
class Hit:
    """A line that the vocabulary recognises."""

    offset: int  #: where the line starts in the document text
    kind: str
    strong: bool  #: a phrase, prefix or pattern (flag anywhere), not a menu word
    text: str  #: the recognised part of the line


def trie_regex(phrases: Sequence[str], prefixes: Sequence[str] = ()) -> str:
    """A regex for whole ``phrases`` and for lines starting with ``prefixes``."""
    root: _Node = {}
    for key, end in [(p, _PHRASE_END) for p in phrases] + [(p, _PREFIX_END) for p in prefixes]:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[end] = {}
    return _node_regex(root)


def _node_regex(node: _Node) -> str:
    branches = []
    for char in sorted(c for c in node if c not in (_PHRASE_END, _PREFIX_END)):
        head = WORD_GAP if char == " " else r"[ \t]*:" if char == ":" else re.escape(char)
        branches.append(head + _node_regex(node[char]))
    if _PREFIX_END in node:
        branches.append(PREFIX_TAIL)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A phrase that ends here while longer ones go on: the rest is optional; the
    # whole-line anchoring after the core keeps "share" from matching "shares".
    return f"(?:{body})?" if _PHRASE_END in node else body


class Matcher:
    """Finds the lines of a text that are vocabulary phrases or patterns."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.labels = vocabulary.labels
        self.strong = {phrase_key(p): kind for p, kind in vocabulary.phrases.items()}
        self.prefixes = {prefix_key(p): kind for p, kind in vocabulary.prefixes.items()}
        self.menu = {phrase_key(p): kind for p, kind in vocabulary.menu_words.items()}
        self.contains = dict(vocabulary.contains)
        self.patterns = [(re.compile(src), kind) for src, kind in vocabulary.patterns]
        item = trie_regex(sorted({k for k in (*self.strong, *self.menu) if k}), sorted(self.prefixes))
        alternatives = [f"{item}(?:{BAR}{item})*"] + [src for src, _ in vocabulary.patterns]
        source = rf"\n{FRAME}(?P<core>{'|'.join(alternatives)}){FRAME}(?=\r?\n)"
        self._text = re.compile(source)
        # Bytes regexes see only ASCII as letters: used for ASCII documents alone.
        self._bytes = re.compile(source.encode("utf-8"))

    def hits(self, text: str) -> list[Hit]:
        found: list[Hit] = []
        if text.isascii():
            lowered = text.encode("ascii").lower()
            self._scan(self._bytes, b"\n" + lowered + b"\n", text, found)
            self._scan_contains(lowered.decode("ascii"), text, found)
        else:
            lowered_text = text.lower()
            if len(lowered_text) != len(text):  # "İ" lower-cases to two characters
                lowered_text = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
            self._scan(self._text, "\n" + lowered_text + "\n", text, found)
            self._scan_contains(lowered_text, text, found)
        return found

    def _scan(self, regex: re.Pattern[AnyStr], haystack: AnyStr, text: str, found: list[Hit]) -> None:
        for match in regex.finditer(haystack):
            # The haystack starts with an extra "\n": its offsets are one past the text's.
            start, end = match.span("core")
            core = text[start - 1 : end - 1]
            verdict = self.classify(core)
            if verdict is not None:
                found.append(Hit(match.start(), verdict[0], verdict[1], core))

    def _scan_contains(self, lowered: str, text: str, found: list[Hit]) -> None:
        for phrase, kind in self.contains.items():
            at = lowered.find(phrase)
            while at >= 0:
                start = lowered.rfind("\n", 0, at) + 1
                end = lowered.find("\n", at)
                end = len(lowered) if end < 0 else end
                line = text[start:end].strip()
                if len(line.split()) <= CONTAINS_MAX_WORDS:
                    found.append(Hit(start, kind, True, line))
                at = lowered.find(phrase, end)

    def classify(self, core: str) -> tuple[str, bool] | None:
        """(kind, strong) of a matched line core; ``None`` if it is no chrome after all."""
        items = [item for item in _BAR_SPLIT.split(core) if item.strip()]
        verdicts = [v for v in map(self._classify_item, items) if v is not None]
        if len(items) <= 1 or len(verdicts) < len(items):
            return self._classify_item(core)
        # A bar of known items is navigation even when each item alone is weak.
        strong = [v for v in verdicts if v[1]]
        return (strong[0][0] if strong else "navigation"), bool(strong) or len(items) >= 3

    def _classify_item(self, core: str) -> tuple[str, bool] | None:
        key = phrase_key(core)
        if key in self.strong:
            return self.strong[key], True
        lowered = core.lower()
        for prefix, kind in self.prefixes.items():
            words = prefix.rstrip(":")
            if (key == words or key.startswith(words + " ")) and (not prefix.endswith(":") or ":" in lowered):
                return kind, True
        for pattern, kind in self.patterns:
            if pattern.fullmatch(lowered):
                return kind, True
        if key in self.menu:
            return self.menu[key], False
        return None
