"""Turn title hits into mentions: the name after (or, in "Asif, Pakistan's
foreign minister", before) a title, looked up in the knowledge base's name
dictionary, with the qualifier and markers around the title.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import NamedTuple

from corpuslint.anachronism.kb import KnowledgeBase
from corpuslint.anachronism.names import PARTICLES, key
from corpuslint.anachronism.qualifiers import Qualifier, QualifierReader
from corpuslint.anachronism.scan import TitleScanner
from corpuslint.anachronism.titles import surface_key

#: Titles that companies, universities and parties use too: after an unknown
#: capitalised word ("Chrysler President") they name no office of state.
ORGANISATION_TITLES = frozenset(
    {"president", "chairman", "secretary", "governor", "chancellor", "leader", "spokesperson", "managing director",
     "director-general", "secretary-general"}
)  # fmt: skip
#: Capitalised words that may follow a name without being part of it.
_AFTER_NAME = frozenset(
    [name.lower() for name in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if name]
    + ["sept", "today", "tonight", "yesterday", "administration", "government", "cabinet"]
)
_TOKEN = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_][\w'’.\-]*)")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_CLAUSE_BREAK = re.compile(r"[.;:!?()\"“”]")
_COMMA_BEFORE = re.compile(r",\s*(?:the\s+|a\s+)?$")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_LAST_WORD = re.compile(r"[^\W\d_][\w'’.\-]*$")
_AFTER_TITLE = re.compile(r"\s+of\s+(?:the\s+)?")
_SUFFIX = re.compile(r"[\s-]+(?:elect|designate)\b", re.IGNORECASE)


def _word_before_comma(text: str, title_start: int) -> str | None:
    """ "Asif, Pakistan's foreign minister": the word before a comma that precedes the
    title by at most a few words, or None when the title has no such comma."""
    comma = text.rfind(",", max(0, title_start - 45), title_start)
    between = text[comma + 1 : title_start]
    if comma < 0 or _CLAUSE_BREAK.search(between) or len(between.split()) > 4:
        return None
    word = _LAST_WORD.search(text, max(0, comma - 40), comma)
    return word.group() if word else None


class Mention(NamedTuple):
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
    #: The mention as written, on one line.
    written: str = ""


class MentionFinder:
    def __init__(self, kb: KnowledgeBase, qualifiers: QualifierReader) -> None:
        self.kb = kb
        self.qualifiers = qualifiers
        self.scanner = TitleScanner()

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
        for title_start, title_end in self.scanner.hits(text):
            title_text = text[title_start:title_end]
            title = surface_key(title_text)
            if not title:
                continue
            end = title_end
            suffix = _SUFFIX.match(text, end)
            end = suffix.end() if suffix else end
            after_of = _AFTER_TITLE.match(text, end)
            post_qualifier = None
            if after_of:
                post_qualifier, end = self._qualifier_after(text, after_of.end(), end)
            words = self._name_after(text, end)
            resolved = self._resolve(words, suffixes=False) if words else None
            read = None
            if resolved is not None and title in ORGANISATION_TITLES:
                read = self.qualifiers.read(text, title_start)
                if read[3]:
                    continue  # "Chrysler President Lee Iacocca", "State Secretary X": not an office we know
            if resolved is None and not self._surname_before(text, title_start):
                continue  # no name after the title and none before it: most title words end here
            qualifier, before, start, unknown = read or self.qualifiers.read(text, title_start)
            qualifier = qualifier or post_qualifier
            markers = tuple(before) + (("elect",) if suffix else ())
            if resolved is not None:
                first, last, people, full = resolved
                name = " ".join(w for w, _, _ in words[first:last])
                begin, finish = min(start, title_start), words[last - 1][2]
                yield Mention(
                    begin, finish, title, title_text, name, tuple(people), full, qualifier, markers, False,
                    " ".join(text[begin:finish].split()),
                )  # fmt: skip
            elif not unknown:
                yield from self._name_before(
                    text, min(start, title_start), title_end, title, title_text, qualifier, list(markers)
                )

    def _surname_before(self, text: str, title_start: int) -> bool:
        """A cheap test before reading an appositive: a known name ends before the comma."""
        word = _word_before_comma(text, title_start)
        return word is not None and bool(self.kb.people(key(word), titled=True))

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
        # No backtracking expression here: find the comma, then walk the words before it.
        comma = _COMMA_BEFORE.search(text, max(0, start - 12), start)
        if comma is None:
            return
        words: list[tuple[str, int, int]] = []
        limit = comma.start()
        for match in reversed(list(_NAME_WORD.finditer(text, max(0, limit - 80), limit))):
            if text[match.end() : limit].strip() or len(words) == 5:
                break
            words.insert(0, (match.group(), match.start(), match.end()))
            limit = match.start()
        if not words:
            return
        resolved = self._resolve(words, suffixes=True)
        if resolved is None:
            return
        first, last, people, full = resolved
        name = " ".join(w for w, _, _ in words[first:last])
        begin = words[first][1]
        yield Mention(
            begin, title_end, title, title_text, name, tuple(people), full, qualifier, tuple(markers), True,
            " ".join(text[begin:title_end].split()),
        )  # fmt: skip
