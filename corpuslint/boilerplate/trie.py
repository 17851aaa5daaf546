"""Phrases, prefixes and patterns folded into one regular expression shaped as a trie.

Hundreds of phrases as a plain alternation would be tried one by one at every
line; in a character trie they share prefixes, so a line that starts with no
known word fails after a character or two. Patterns that start with a literal
word hang in the trie under that word. :func:`line_regex` wraps the trie into
the expression that finds whole vocabulary lines (or link bars of them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Between the words of a phrase: any run of spaces and punctuation on the line.
WORD_GAP = r"[^\w\n]+"
#: Around a line's core: bullets, quotes, arrows, trailing "." ":" "»" "*", spaces.
FRAME = r"[^\w\n]*"
#: What separates the items of a link bar: "About | Contact | Privacy Policy".
BAR_CHARS = "|·•/"
BAR = rf"[ \t]*[{BAR_CHARS}][ \t]*"
#: What may follow a prefix phrase: the rest of the line, if the word has ended.
PREFIX_TAIL = r"(?!\w)[^\n]{0,400}"
_PHRASE_END = ""
_PREFIX_END = "\x00"
#: Marks the rest of a pattern hung under its literal start in the trie.
_PATTERN_END = "\x01"
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()#")
_Node = dict[str, "_Node"]
#: Characters as the trie writes them: escaped as ``re.escape`` would (it
#: escapes ASCII only), with gaps between words and before a ":" let loose.
_RENDERED = {i: re.escape(chr(i)) for i in range(128)} | {ord(" "): WORD_GAP, ord(":"): r"[ \t]*:"}


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
    trie = _node_regex(root)
    # An empty trie is left out: as an alternative it would match everywhere.
    return "|".join(([trie] if trie else []) + loose)


def line_regex(phrases: Sequence[str], prefixes: Sequence[str] = (), patterns: Sequence[str] = ()) -> bytes | None:
    """The expression for whole lines that are an item, or a bar of items, of the vocabulary.

    It runs over the lower-cased UTF-8 bytes of a document with a "\\n" added
    on both sides; ``None`` when the vocabulary is empty. Bytes: lower-casing
    bytes is fast and never changes a length (only ASCII letters change,
    which is all the vocabulary needs), and the engine matches one byte per step.
    """
    trie = trie_regex(phrases, prefixes, patterns)
    if not trie:
        return None
    item = f"(?:{trie})"
    return rf"\n{FRAME}(?P<core>{item}(?:{BAR}{item})*){FRAME}(?=\r?\n)".encode()


def render(literal: str) -> str:
    """The expression for literal characters of a key, as the trie writes them."""
    return literal.translate(_RENDERED)


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
        # Most nodes have one child: follow the chain and write it at once.
        chain, child = char, node[char]
        while len(child) == 1:
            (only,) = child
            if only in (_PHRASE_END, _PREFIX_END) or only[:1] == _PATTERN_END:
                break
            chain, child = chain + only, child[only]
        branches.append(render(chain) + _node_regex(child))
    if _PREFIX_END in node:
        branches.append(PREFIX_TAIL)
    branches += [f"(?:{key[1:]})" for key in sorted(node) if key[:1] == _PATTERN_END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A phrase that ends here while longer ones go on: the rest is optional; the
    # whole-line anchoring after the core keeps "share" from matching "shares".
    return f"(?:{body})?" if _PHRASE_END in node else body
