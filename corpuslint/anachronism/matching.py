"""Find "title + name" mentions with one compiled expression over the document.

Every title the knowledge base knows is folded into a character trie and
compiled once; the names after (or, in "Asif, Pakistan's foreign minister",
before) a title are looked up in the knowledge base's name dictionary. The
document is scanned once, and only title hits cost more than that.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from corpuslint.anachronism.kb import KnowledgeBase
from corpuslint.anachronism.names import PARTICLES, key
from corpuslint.anachronism.qualifiers import Qualifier, QualifierReader
from corpuslint.anachronism.titles import ABBREVIATIONS, SURFACES, surface_key

_Node = dict[str, "_Node"]
_END = ""
#: Capitalised words that may follow a name without being part of it.
_AFTER_NAME = frozenset(
    [name.lower() for name in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if name]
    + ["sept", "today", "tonight", "yesterday", "administration", "government", "cabinet"]
)
_TOKEN = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_][\w'’.\-]*)")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_BEFORE_NAME = re.compile(r"((?:[^\W\d_][\w'’.\-]*[ \t]*\n?[ \t]*){1,5}),\s*(?:the\s+|a\s+)?$")
_AFTER_TITLE = re.compile(r"\s+of\s+(?:the\s+)?")
_SUFFIX = re.compile(r"[\s-]+(?:elect|designate)\b", re.IGNORECASE)


def trie_regex(phrases: list[str]) -> str:
    """One alternation sharing prefixes; the longest phrase wins."""
    root: _Node = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_regex(root)


def _node_regex(node: _Node) -> str:
    branches = []
    for char in sorted(c for c in node if c != _END):
        head = r"[\s\-]+" if char in " -" else re.escape(char)
        branches.append(head + _node_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def title_pattern() -> re.Pattern[str]:
    spoken = trie_regex(sorted(SURFACES))
    abbreviations = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:(?i:{spoken})|(?:{abbreviations}))(?![\w])")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    #: Title key ("foreign minister") and the title as written.
    title: str
    title_text: str
    name: str
    people: tuple[str, ...]
    #: Whether the name alone identifies the person (not a surname).
    full_name: bool
    qualifier: Qualifier | None
    markers: tuple[str, ...]
    #: "Asif, Pakistan's foreign minister": the name comes first.
    name_first: bool


class MentionFinder:
    def __init__(self, kb: KnowledgeBase, qualifiers: QualifierReader) -> None:
        self.kb = kb
        self.qualifiers = qualifiers
        self.titles = title_pattern()

    def _name_after(self, text: str, pos: int) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        while len(found) < 6:
            match = _TOKEN.match(text, pos)
            if match is None:
                break
            word, start = match.group(1), match.start(1)
            if not (word[0].isupper() or word.lower() in PARTICLES) or (word.isupper() and len(word) > 3):
                break
            possessive = _POSSESSIVE.search(word)
            word = _POSSESSIVE.sub("", word)
            if word.endswith(".") and len(word.rstrip(".")) > 2:
                found.append((word.rstrip("."), start, start + len(word) - 1))
                break  # the end of the sentence
            found.append((word, start, start + len(word)))
            pos = match.end()
            if possessive:
                break
        while found and found[-1][0].lower() in PARTICLES:
            found.pop()
        return found

    def _resolve(self, words: list[tuple[str, int, int]], suffixes: bool) -> tuple[int, int, list[str], bool] | None:
        """The longest run of ``words`` that names someone: (first, last index, ids, full)."""
        spans = [(0, n) for n in range(len(words), 0, -1)]
        if suffixes:
            # "said Lawson, the chancellor": lower-case words may be dropped from the
            # front, a capitalised one may not ("Nigel Lawson" is not any Lawson).
            spans = [(i, len(words)) for i in range(len(words)) if i == 0 or not words[i - 1][0][0].isupper()]
        for first, last in spans:
            following = words[last][0].lower() if last < len(words) else ""
            if following and following not in _AFTER_NAME:
                continue
            if not words[first][0][0].isupper():
                continue
            name_key = key(" ".join(w for w, _, _ in words[first:last]))
            people = self.kb.people(name_key, titled=True)
            if people:
                return first, last, people, name_key in self.kb.full
        return None

    def find(self, text: str) -> Iterator[Mention]:
        for match in self.titles.finditer(text):
            title_text = match.group()
            title = surface_key(title_text)
            if not title:
                continue
            end = match.end()
            suffix = _SUFFIX.match(text, end)
            markers: list[str] = ["elect"] if suffix else []
            end = suffix.end() if suffix else end
            qualifier, before, start, unknown = self.qualifiers.read(text, match.start())
            markers += before
            after_of = _AFTER_TITLE.match(text, end)
            if qualifier is None and after_of:
                qualifier, end = self._qualifier_after(text, after_of.end(), end)
            words = self._name_after(text, end)
            resolved = self._resolve(words, suffixes=False) if words else None
            if resolved is not None:
                first, last, people, full = resolved
                name = " ".join(w for w, _, _ in words[first:last])
                yield Mention(
                    min(start, match.start()), words[last - 1][2], title, title_text, name, tuple(people), full,
                    qualifier, tuple(markers), False,
                )  # fmt: skip
            elif not unknown:
                yield from self._name_before(
                    text, min(start, match.start()), match.end(), title, title_text, qualifier, markers
                )

    def _qualifier_after(self, text: str, pos: int, title_end: int) -> tuple[Qualifier | None, int]:
        """ "President of France Francois Mitterrand": read the longest qualifier after "of"."""
        words = []
        for _ in range(5):
            match = _TOKEN.match(text, pos)
            if match is None:
                break
            words.append(match)
            pos = match.end()
        for size in range(len(words), 0, -1):
            found = self.qualifiers.lookup(" ".join(m.group(1) for m in words[:size]))
            if found:
                return Qualifier(found[0], found[1], words[0].start(1)), words[size - 1].end()
        return None, title_end

    def _name_before(
        self,
        text: str,
        start: int,
        title_end: int,
        title: str,
        title_text: str,
        qualifier: Qualifier | None,
        markers: list[str],
    ) -> Iterator[Mention]:
        window = max(0, start - 80)
        match = _BEFORE_NAME.search(text, window, start)
        if match is None:
            return
        words = [(m.group(1), m.start(1), m.end(1)) for m in _TOKEN.finditer(text, match.start(1), match.end(1))]
        resolved = self._resolve(words, suffixes=True)
        if resolved is None:
            return
        first, last, people, full = resolved
        name = " ".join(w for w, _, _ in words[first:last])
        yield Mention(
            words[first][1], title_end, title, title_text, name, tuple(people), full, qualifier, tuple(markers), True
        )
