"""Find every office title in a document with a few compiled scans.

Every title the knowledge base knows is folded into a character trie and
compiled once. Each scan starts with a character set or a literal, so the
regular-expression engine skips most positions at C speed without trying
the trie; only the hits cost more than one pass over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.anachronism.titles import ABBREVIATIONS, SURFACES

_Node = dict[str, "_Node"]
_END = ""


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


_SMALL_WORDS = frozenset({"of", "the", "for", "and"})


def _title_case(phrase: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in phrase.split(" "))


#: Lower-case titles that stand before a name in news copy ("Board chairman Paul Volcker",
#: "Soviet leader Mikhail Gorbachev"); a lower-case "president" there is mostly a company's.
LOWER_HEADS = ("chairman", "governor", "minister", "leader")


class TitleScanner:
    """Capitalised titles ("Foreign Minister", "PM"), lower-case titles after a
    comma ("Asif, Pakistan's foreign minister"), and a lower-case title ending
    just before a name (found from :data:`LOWER_HEADS` with ``str.find``)."""

    def __init__(self) -> None:
        capitalised = sorted({_title_case(p) for p in SURFACES} | set(ABBREVIATIONS))
        lower = trie_regex(sorted(SURFACES))
        words = r"(?:[A-Z][\w.'’\-]*[ \t\n]+|(?:former|then|new|outgoing|acting|late)[ \t\n]+)"
        self.capitalised = re.compile(rf"(?:{trie_regex(capitalised)})(?![\w])")
        self.after_comma = re.compile(rf",[ \t\n]+(?:the[ \t\n]+|a[ \t\n]+)?{words}{{0,3}}(?P<title>{lower})(?![\w])")
        self.lower_ending = re.compile(rf"(?<![\w\-])(?:{lower})\Z", re.IGNORECASE)

    def hits(self, text: str) -> Iterator[tuple[int, int]]:
        for match in self.capitalised.finditer(text):
            # The boundary test is done here, not in the expression, to keep its
            # first-character prefilter: "Ex-President" counts, "Sub-Governor" not.
            before = text[match.start() - 1] if match.start() else " "
            if not before.isalnum():
                yield match.start(), match.end()
        for match in self.after_comma.finditer(text):
            yield match.start("title"), match.end("title")
        yield from self._lower_before_names(text)

    def _lower_before_names(self, text: str) -> Iterator[tuple[int, int]]:
        size = len(text)
        for head in LOWER_HEADS:
            at = text.find(head)
            while at >= 0:
                end = at + len(head)
                after = text[end : end + 3].lstrip(" \t\n")
                spaced = at > 0 and text[at - 1] in " \t\n" and end < size and text[end] in " \t\n"
                if spaced and after[:1].isupper():
                    match = self.lower_ending.search(text, max(0, at - 40), end)
                    if match is not None:
                        yield match.start(), match.end()
                at = text.find(head, end)
