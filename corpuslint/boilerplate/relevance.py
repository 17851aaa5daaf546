"""The part of the vocabulary that one document could match, for a small expression.

The whole vocabulary compiles into an expression of some 36 kB, which takes
tens of milliseconds: worth it over a corpus, not for a few files. A
document only needs the entries that can match where an item of a line can
start (after the line's bullets, or after a link bar's separator): the other
entries fail there whatever follows, so an expression without them finds
exactly the same lines, with the same extents. The tests below are all
necessary for a match, never sufficient:

- a phrase or prefix needs its words (runs of ASCII letters, digits and
  ``_``, which is what the byte expression calls words) to open an item;
- a pattern under a literal word needs an item whose first word starts with
  that word, and a match of its own somewhere in the document;
- any other entry (starting with no ASCII word) needs a match of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpuslint.boilerplate.trie import BAR_CHARS, render, split_literal

#: An entry of the vocabulary: ("phrase" | "prefix" | "pattern", its index in that list).
Entry = tuple[str, int]

_WORD = re.compile(rb"\w+")
#: Where a line's first item, or an item after a bar separator, starts with a word.
_ITEM_START = re.compile(rb"(?:\n[^\w\n]*|[" + BAR_CHARS.encode() + rb"][ \t]*)(?=\w)")
_LEADING_WORD = re.compile(r"[a-z0-9_]+")


class Relevance:
    """The vocabulary, indexed by what a document must show for each entry to match."""

    def __init__(self, phrases: Sequence[str], prefixes: Sequence[str], patterns: Sequence[str]) -> None:
        self.lists = {"phrase": phrases, "prefix": prefixes, "pattern": patterns}
        #: first word -> {all words of a key -> its entries}
        self._keys: dict[bytes, dict[tuple[bytes, ...], list[Entry]]] = {}
        self._most_words: dict[bytes, int] = {}
        #: length of a pattern's leading word -> {that word -> its patterns}
        self._pattern_heads: dict[int, dict[bytes, list[Entry]]] = {}
        #: entries found by their own expression alone, with a literal that the document must hold
        self._searched: list[tuple[Entry, bytes]] = []
        self._sources: dict[Entry, str] = {}
        self._compiled: dict[Entry, re.Pattern[bytes]] = {}
        for kind in ("phrase", "prefix"):
            for index, key in enumerate(self.lists[kind]):
                encoded = key.encode()
                # ASCII keys are words joined by single spaces (prefixes may end with ":").
                words = tuple(encoded.rstrip(b":").split(b" ") if key.isascii() else _WORD.findall(encoded))
                if words and words[0] and encoded.startswith(words[0]):
                    self._keys.setdefault(words[0], {}).setdefault(words, []).append((kind, index))
                    self._most_words[words[0]] = max(self._most_words.get(words[0], 0), len(words))
                else:
                    self._sources[(kind, index)] = render(key)
                    self._searched.append(((kind, index), b""))
        for index, pattern in enumerate(patterns):
            literal, rest = split_literal(pattern)
            self._sources[("pattern", index)] = render(literal) + f"(?:{rest})" if literal else pattern
            head = _LEADING_WORD.match(literal)
            if head:
                by_word = self._pattern_heads.setdefault(head.end(), {})
                by_word.setdefault(head.group().encode(), []).append(("pattern", index))
            else:
                # The trie writes ":" as "[ \t]*:", so only the text before it is literal.
                self._searched.append((("pattern", index), re.split("[ :]", literal)[0].encode()))
        most = max(self._most_words.values(), default=1)
        self._opening = re.compile(rb"\w+(?:[^\w\n]+\w+){0,%d}" % most)

    def subset(self, haystack: bytes) -> tuple[list[str], list[str], list[str]]:
        """The phrases, prefixes and patterns that could match in ``haystack``, in vocabulary order.

        ``haystack`` is the lower-cased document with a "\\n" on both sides.
        """
        found: set[Entry] = set()
        firsts: set[bytes] = set()
        for start in _ITEM_START.finditer(haystack):
            position = start.end()
            first = haystack[position : _WORD.match(haystack, position).end()]  # type: ignore[union-attr]
            firsts.add(first)
            keys = self._keys.get(first)
            if keys is not None:
                opening = self._opening.match(haystack, position).group()  # type: ignore[union-attr]
                words = tuple(_WORD.findall(opening))
                for count in range(1, min(len(words), self._most_words[first]) + 1):
                    found.update(keys.get(words[:count], ()))
        for length, by_word in self._pattern_heads.items():
            for entry in {e for first in firsts for e in by_word.get(first[:length], ())}:
                if self._expression(entry).search(haystack):
                    found.add(entry)
        for entry, literal in self._searched:
            if literal in haystack and self._expression(entry).search(haystack):
                found.add(entry)
        phrases, prefixes, patterns = (
            [items[i] for k, i in sorted(found) if k == kind] for kind, items in self.lists.items()
        )
        return phrases, prefixes, patterns

    def _expression(self, entry: Entry) -> re.Pattern[bytes]:
        """An entry's own expression, compiled when a document first needs it."""
        compiled = self._compiled.get(entry)
        if compiled is None:
            compiled = self._compiled[entry] = re.compile(self._sources[entry].encode())
        return compiled
