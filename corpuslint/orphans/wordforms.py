"""Word forms of the lexicon, and the patterns that find them.

The lexicon lists singular nouns and bare verbs; the detector looks for every
form (plurals, inflections). A list of forms becomes one prefix tree ("attacker|
attackers|assailant" -> "a(?:ssailant|ttacker(?:s)?)"): the regex engine then
reads each letter once instead of trying every word in turn, which matters for
a pattern tried at every position of a long text, in any letter case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def noun_forms(word: str) -> tuple[str, str]:
    """A singular noun and its plural ("gunman", "gunmen"; "casualty", "casualties")."""
    if word.endswith("man"):
        return word, word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word, word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word, word + "es"
    return word, word + "s"


def verb_forms(word: str) -> list[str]:
    """A verb with its inflections ("kill" -> kills, killed, killing)."""
    stem = word[:-1] if word.endswith("e") else word
    # the final consonant may double: "kidnap" -> "kidnapped"
    return [stem + double + ending for double in ("", stem[-1]) for ending in ("", "e", "es", "s", "ed", "d", "ing")]


def trie(words: Iterable[str]) -> str:
    """An alternation of the words with their common prefixes factored out; a space
    in a word matches any run of white space."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return emit(root)


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of the words, whole, in any letter case."""
    return re.compile(rf"\b(?:{trie(words)})\b", re.IGNORECASE)
