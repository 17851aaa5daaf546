"""Phrases, prefixes and patterns folded into one regular expression shaped as a trie.

Hundreds of phrases as a plain alternation would be tried one by one at every
line; in a character trie they share prefixes, so a line that starts with no
known word fails after a character or two. Patterns that start with a literal
word hang in the trie under that word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Between the words of a phrase: any run of spaces and punctuation on the line.
WORD_GAP = r"[^\w\n]+"
#: What may follow a prefix phrase: the rest of the line, if the word has ended.
PREFIX_TAIL = r"(?!\w)[^\n]{0,400}"
_PHRASE_END = ""
_PREFIX_END = "\x00"
#: Marks the rest of a pattern hung under its literal start in the trie.
_PATTERN_END = "\x01"
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()#")
_Node = dict[str, "_Node"]


def trie_regex(phrases: Sequence[str], prefixes: Sequence[str] = (), patterns: Sequence[str] = ()) -> str:
    """A regex for whole ``phrases``, lines starting with ``prefixes``, and ``patterns``.

    Patterns that start with a literal word join the trie under that word, so
    a line pays for them only when it starts with the word; the others are
    returned as plain alternatives after the trie.
    """
    root: _Node = {}
    loose = []
    entries = [(p, _PHRASE_END) for p in phrases] + [(p, _PREFIX_END) for p in prefixes]
    for pattern in patterns:
        literal, rest = split_literal(pattern)
        if literal:
            entries.append((literal, _PATTERN_END + rest))
        else:
            loose.append(pattern)
    for key, end in entries:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[end] = {}
    return "|".join([_node_regex(root)] + loose)


def split_literal(pattern: str) -> tuple[str, str]:
    """A pattern's leading literal characters (for the trie), and the rest of it."""
    if _has_top_level_bar(pattern):
        return "", pattern
    literal: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern) and not pattern[index + 1].isalnum():
            found, width = pattern[index + 1], 2
        elif char not in _REGEX_SYNTAX and not char.isspace():
            found, width = char, 1
        else:
            break
        if pattern[index + width : index + width + 1] in ("?", "*", "+", "{"):
            break  # the character belongs to a repetition
        literal.append(found)
        index += width
    return "".join(literal), pattern[index:]


def _has_top_level_bar(pattern: str) -> bool:
    depth = 0
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def _node_regex(node: _Node) -> str:
    branches = []
    for char in sorted(c for c in node if c not in (_PHRASE_END, _PREFIX_END) and c[:1] != _PATTERN_END):
        head = WORD_GAP if char == " " else r"[ \t]*:" if char == ":" else re.escape(char)
        branches.append(head + _node_regex(node[char]))
    if _PREFIX_END in node:
        branches.append(PREFIX_TAIL)
    branches += [f"(?:{key[1:]})" for key in sorted(node) if key[:1] == _PATTERN_END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A phrase that ends here while longer ones go on: the rest is optional; the
    # whole-line anchoring after the core keeps "share" from matching "shares".
    return f"(?:{body})?" if _PHRASE_END in node else body
