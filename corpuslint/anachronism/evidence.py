"""Which countries a document names: the check on a bare surname and title.

"Prime Minister Lee" may be anyone called Lee; with "Singapore" in the text,
it is Singapore's. Names, adjectives, capitals and a few institutions
("White House", "Bundestag") of every country, as written, in one trie
expression, run only on the documents that need it.
"""

from __future__ import annotations

import csv
import re
from functools import cached_property
from importlib import resources

from corpuslint.anachronism.scan import trie_regex


class CountryEvidence:
    @cached_property
    def _pattern(self) -> tuple[re.Pattern[str], dict[str, set[str]]]:
        text = resources.files("corpuslint").joinpath("data/kb/countries.csv").read_text(encoding="utf-8")
        codes: dict[str, set[str]] = {}
        for row in csv.DictReader(text.splitlines()):
            for column in ("names", "adjectives", "capitals"):
                for name in filter(None, row[column].split("|")):
                    codes.setdefault(name, set()).add(row["code"])
        return re.compile(rf"(?<![\w.])(?:{trie_regex(sorted(codes))})(?![\w])"), codes

    def countries(self, text: str) -> set[str]:
        pattern, codes = self._pattern
        found: set[str] = set()
        for match in pattern.finditer(text):
            found |= codes.get(match.group(), set())
        return found
