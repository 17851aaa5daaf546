"""What stands before a title: a country ("Pakistan", "West German", "U.S."), an
organisation ("Bundesbank", "Bank of Japan"), or a word that makes the
mention historical ("former", "then-", "the late").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from functools import cached_property
from importlib import resources
from typing import NamedTuple

from corpuslint.anachronism.names import fold

#: Words before a title that put its holder in the past or the future.
MARKERS = frozenset(
    {
        "former", "ex", "late", "then", "outgoing", "previous", "past", "deposed", "ousted", "exiled", "acting",
        "interim", "caretaker", "incoming", "designate", "elect", "future", "next", "new", "onetime", "one-time",
        "erstwhile", "retired", "predecessor", "successor", "under", "assassinated", "slain", "disgraced", "longtime",
        "then-", "ex-", "would-be", "until", "nominee", "nominated", "designated",
    }
)  # fmt: skip
#: Party labels and the like: a capitalised word before a title that names no organisation.
POLITICAL = frozenset(
    {
        "socialist", "conservative", "labour", "labor", "liberal", "democratic", "democrat", "republican",
        "communist", "christian", "social", "green", "military", "civilian", "elected", "embattled", "veteran",
        "reformist", "nationalist", "centrist", "leftist", "rightist", "popular", "powerful", "federal", "current",
        "serving", "sitting", "the", "a", "an", "his", "her", "their", "its", "our",
    }
)  # fmt: skip
_WORD = re.compile(r"[\w.'’&\-]+")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


class Qualifier(NamedTuple):
    kind: str  # "country" or "org"
    value: str  # an ISO code or a folded organisation name
    start: int


def load_countries() -> dict[str, str]:
    """Folded country names, adjectives and capitals -> ISO code."""
    text = resources.files("corpuslint").joinpath("data/kb/countries.csv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        for column in ("names", "adjectives"):
            for name in filter(None, row[column].split("|")):
                table.setdefault(fold(name), row["code"])
    return table


def load_capitals() -> dict[str, str]:
    text = resources.files("corpuslint").joinpath("data/kb/countries.csv").read_text(encoding="utf-8")
    return {
        fold(c): row["code"]
        for row in csv.DictReader(text.splitlines())
        for c in filter(None, row["capitals"].split("|"))
    }


class QualifierReader:
    """Reads the words before a title, right to left.

    The tables are read at the first lookup: a run that meets no title needs neither.
    """

    def __init__(self, countries: Callable[[], dict[str, str]], organisations: Callable[[], Iterable[str]]) -> None:
        self._read_countries = countries
        self._read_organisations = organisations
        self.longest = 4

    @cached_property
    def countries(self) -> dict[str, str]:
        return self._read_countries()

    @cached_property
    def organisations(self) -> frozenset[str]:
        return frozenset(self._read_organisations())

    def lookup(self, phrase: str) -> tuple[str, str] | None:
        folded = _POSSESSIVE.sub("", fold(phrase))
        if folded in self.organisations:
            return "org", folded
        code = self.countries.get(folded)
        return ("country", code) if code else None

    def read(self, text: str, end: int) -> tuple[Qualifier | None, list[str], int, bool]:
        """(qualifier, markers, start of what was read, an unknown capitalised word came first).

        Only words separated by spaces count: a comma or a full stop ends the
        run ("In Japan, Prime Minister ..." has no qualifier).
        """
        # The words of the 90 characters before the title, right to left: a word is a run
        # of word characters, so the runs of the reversed window are the words reversed.
        backwards = text[max(0, end - 90) : end][::-1]
        run: list[tuple[str, int]] = []
        limit = end
        for match in _WORD.finditer(backwards):
            word, start = match.group()[::-1], end - match.end()
            gap = text[start + len(word) : limit]
            # "Japan. Prime Minister": a full stop ends the run unless it is part of
            # "U.S."; so does a blank line (a headline above is no qualifier).
            if gap.strip() or gap.count("\n") > 1 or (word.endswith(".") and self.lookup(word) is None):
                break
            run.append((word, start))
            limit = start
        run.reverse()
        markers: list[str] = []
        qualifier: Qualifier | None = None
        while run:
            word = fold(run[-1][0]).strip("'’")
            # "then-", "newly-nominated": the last part of a hyphenated word counts too.
            if word in MARKERS or word.rstrip("-") in MARKERS or word.rsplit("-", 1)[-1] in MARKERS:
                markers.append(word.rstrip("-"))
                run.pop()
                continue
            if qualifier is None:
                for size in range(min(self.longest, len(run)), 0, -1):
                    found = self.lookup(" ".join(w for w, _ in run[-size:]))
                    if found:
                        qualifier = Qualifier(found[0], found[1], run[-size][1])
                        del run[-size:]
                        break
                if qualifier is not None:
                    continue
            break
        start = qualifier.start if qualifier else end
        # An unknown capitalised word right before the title (no qualifier read).
        unknown = qualifier is None and bool(run) and run[-1][0][:1].isupper() and fold(run[-1][0]) not in POLITICAL
        if unknown:
            # A capitalised word opening the sentence is no organisation.
            before = text[max(0, run[-1][1] - 3) : run[-1][1]]
            unknown = not (run[-1][1] == 0 or re.search(r"[.!?\n\"“]\s*$", before))
        return qualifier, markers, start, unknown
