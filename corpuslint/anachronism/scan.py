"""Find every office title in a document with a few compiled scans.

Every title the knowledge base knows is folded into a character trie and
compiled once. Each scan starts with a character set or a literal, so the
regular-expression engine skips most positions at C speed without trying
the trie; only the hits cost more than one pass over the text. The scan
for capitalised titles also notes where weekday names start, for the
weekday check of the same document (see :func:`dates.weekday_initials`).
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from os.path import commonprefix

from corpuslint.anachronism.dates import remember_weekdays, weekday_initials
from corpuslint.anachronism.titles import ABBREVIATIONS, SURFACES


def trie_regex(phrases: list[str]) -> str:
    """One alternation sharing prefixes; the longest phrase wins."""
    return _branches(sorted(set(phrases)))


def trie_alternatives(phrases: list[str]) -> list[str]:
    """The top-level alternatives of :func:`trie_regex`, one per first character."""
    return [_branch(list(group)) for _, group in groupby(sorted(set(phrases)), key=itemgetter(0))]


def _head(chars: str) -> str:
    """Characters as written, but a space or hyphen stands for any run of spaces and hyphens."""
    if " " not in chars and "-" not in chars:
        return re.escape(chars)
    return "".join(r"[\s\-]+" if char in " -" else re.escape(char) for char in chars)


def _branches(phrases: list[str]) -> str:
    """The expression for sorted, distinct ``phrases`` (suffixes after a shared prefix).

    Walks runs of characters that all phrases of a branch share at once, not
    one character at a time: building the expressions is part of start-up.
    """
    branches = [_branch(list(group)) for _, group in groupby((p for p in phrases if p), key=itemgetter(0))]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # An empty phrase: one phrase ends here, so what follows is optional.
    return f"(?:{body})?" if phrases[0] == "" else body


def _branch(members: list[str]) -> str:
    """The expression for sorted phrases that start with the same character."""
    shared = commonprefix(members)
    return _head(shared) + _branches([m[len(shared) :] for m in members])


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
        # One alternation whose every branch starts with a literal character, so the engine
        # keeps its first-character prefilter: the titles, then the weekday names (one letter each).
        titles = [rf"{branch}(?![\w])" for branch in trie_alternatives(capitalised)]
        self.capitalised = re.compile("|".join(titles + weekday_initials()))
        self.after_comma = re.compile(rf",[ \t\n]+(?:the[ \t\n]+|a[ \t\n]+)?{words}{{0,3}}(?P<title>{lower})(?![\w])")
        self._lower = lower

    @cached_property
    def lower_ending(self) -> re.Pattern[str]:
        """Compiled at the first lower-case title word before a name (not every text has one)."""
        return re.compile(rf"(?<![\w\-])(?:{self._lower})\Z", re.IGNORECASE)

    def hits(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every title, in text order."""
        found: list[tuple[int, int]] = []
        weekdays: list[int] = []
        for match in self.capitalised.finditer(text):
            start, end = match.span()
            if end - start == 1:
                weekdays.append(start)  # every title is longer than one letter
            # The boundary test is done here, not in the expression, to keep its
            # first-character prefilter: "Ex-President" counts, "Sub-Governor" not.
            elif not start or not text[start - 1].isalnum():
                found.append((start, end))
        remember_weekdays(text, weekdays)
        for match in self.after_comma.finditer(text):
            found.append(match.span("title"))
        self._lower_before_names(text, found)
        found.sort()
        return found

    def _lower_before_names(self, text: str, found: list[tuple[int, int]]) -> None:
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
                        found.append(match.span())
                at = text.find(head, end)
