"""What the text before a sentence holds: a person named, a word of a family.

Every sentence with a reference asks the same question of the text before it,
so a document is read once for all of them: where it first names someone, and
where each family's words first occur. A match that ends before a sentence is
found as well in the text before it, when white space comes before the
sentence (no word can end there); anything else is asked of that text itself.
"""

from __future__ import annotations

import re

from corpuslint.orphans.lexicon import Family

#: A capitalised word after a lower-case word: a name inside a sentence (a title-case
#: headline has no lower-case word before its capitals); or one that a speech verb
#: follows, a source named at the start of its sentence ("Ana Ruiz said").
_NAME = re.compile(r"\b[a-z]+[,;:]?\s+([A-Z][a-z]+)|\b([A-Z][a-z]+),?\s+(?:said|says|told|added)\b")
#: Capitalised words that are not people.
_NOT_PEOPLE = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    + ["November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)


class Earlier:
    """One document's text, asked what comes before each of its sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: Where the first name ends (-1: no name), once read.
        self._name: int | None = None
        #: Where each family's words first occur, by family name (None: nowhere).
        self._first: dict[str, tuple[int, int] | None] = {}

    def _settled(self, start: int) -> bool:
        """Whether no word can end just before ``start``."""
        return start == 0 or self.text[start - 1].isspace()

    def names_someone(self, start: int, person: re.Pattern[str]) -> bool:
        """Whether the text before ``start`` names a person, or holds a noun for one."""
        text = self.text
        if self._name is None:
            names = (m.end() for m in _NAME.finditer(text) if (m.group(1) or m.group(2)) not in _NOT_PEOPLE)
            self._name = next(names, -1)
        if 0 <= self._name <= start and self._settled(start):
            return True
        if any((m.group(1) or m.group(2)) not in _NOT_PEOPLE for m in _NAME.finditer(text, 0, start)):
            return True
        return person.search(text, 0, start) is not None

    def mentions(self, family: Family, start: int) -> bool:
        """Whether a word of the family occurs before ``start``."""
        if family.name not in self._first:
            found = family.same.search(self.text)
            self._first[family.name] = None if found is None else found.span()
        first = self._first[family.name]
        if first is not None and first[1] <= start:
            return True
        if (first is None or first[0] >= start) and self._settled(start):
            return False
        # a match across the sentence's start, or a word ending right before it
        return family.same.search(self.text, 0, start) is not None
