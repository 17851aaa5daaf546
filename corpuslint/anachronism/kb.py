"""The officeholder knowledge base, loaded once per process and indexed for lookups.

The shipped files are built by ``scripts/build_kb.py`` (see
:mod:`corpuslint.anachronism.kbfile`): two JSON files that ``json``'s C
parser reads in a few milliseconds, each only when a text first needs it::

    officeholders-names.json  {"meta": {...}, "full": {name key: "pid|pid"},
                               "short": {surname key: "pid|pid"}, "organisations": "a|b"}
    officeholders.json        {"offices": {oid: "<office fields>\\n<term fields>\\n..."},
                               "persons": {pid: "<name>\\t<aliases a|b>\\t<office ids a|b>"}}

    office fields: country, kind, label, keep_title 0/1, known_until, complete_from,
                   qualifiers a|b, fixed title keys a|b, title keys a|b
    term fields:   person id, start, end, acting 0/1, source

Fields are separated by tabs. Dates carry their precision in their length
("2017-02-01", "2017-02", "2017"). An end is empty when none is known, or
"<=DATE" when the term ended on or before that day. An office's terms are
sorted by start and person. Users add or override entries with YAML files
(option ``knowledge``). Loading is memoised per set of files, so every rule
instance in a process shares one index.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

from corpuslint.anachronism.terms import Office, Person, Term, parse_day_span

NAMES_FILE = "officeholders-names.json"
ROWS_FILE = "officeholders.json"
#: Separators inside the stored strings; the builder refuses data that contains them.
FIELD, ROW, ITEM = "\t", "\n", "|"

Tables = dict[str, Any]


def shipped_dir() -> Path:
    return Path(str(resources.files("corpuslint").joinpath("data/kb")))


def items(joined: str) -> list[str]:
    return joined.split(ITEM) if joined else []


def parse_term(office: str, fields: list[str]) -> Term | None:
    person, start, end, acting, source = fields
    begin = parse_day_span(start)
    if begin is None:
        return None
    bounded = end.startswith("<=")
    finish = None if bounded or not end else parse_day_span(end)
    return Term(person, office, begin, finish, date.fromisoformat(end[2:]) if bounded else None, acting == "1", source)


def parse_office(oid: str, fields: list[str]) -> Office:
    country, kind, label, keep, known, complete, quals, fixed, titles = fields
    return Office(
        oid,
        label,
        country,
        kind,
        frozenset(items(titles)),
        frozenset(items(quals)),
        keep == "1",
        date.fromisoformat(known),
        date.fromisoformat(complete) if complete else None,
        frozenset(items(fixed)),
    )


class KnowledgeBase:
    """Offices, people and terms, with the indexes the reasoning needs.

    Nothing is read until a text needs it: the name index at the first title
    followed by a name, the rows when a name is someone the knowledge base
    knows. Rows stay strings until a document mentions their person or
    office: a corpus touches a few hundred of the tens of thousands of terms.
    """

    def __init__(self, names: Callable[[], Tables], rows: Callable[[], Tables]) -> None:
        self._read_names = names
        self._read_rows = rows
        self._offices: dict[str, Office] = {}
        self._persons: dict[str, Person] = {}
        self._person_terms: dict[str, list[Term]] = {}
        self._office_terms: dict[str, list[Term]] = {}

    @classmethod
    def from_dir(cls, directory: Path) -> KnowledgeBase:
        def read(name: str) -> Callable[[], Tables]:
            return lambda: cast(Tables, json.loads((directory / name).read_bytes()))

        return cls(read(NAMES_FILE), read(ROWS_FILE))

    @cached_property
    def _names(self) -> Tables:
        return self._read_names()

    @cached_property
    def _rows(self) -> Tables:
        return self._read_rows()

    def load(self) -> None:
        """Read both tables now."""
        _ = self._names, self._rows

    @cached_property
    def meta(self) -> dict[str, str]:
        return cast(dict[str, str], self._names["meta"])

    @cached_property
    def full(self) -> dict[str, str]:
        """Folded name key -> person ids joined by "|": keys that name a person alone."""
        return cast(dict[str, str], self._names["full"])

    @cached_property
    def short(self) -> dict[str, str]:
        """Folded surname key -> person ids joined by "|": keys that count only next to a title."""
        return cast(dict[str, str], self._names["short"])

    @property
    def snapshot(self) -> str:
        return self.meta.get("snapshot", "")

    def organisations(self) -> set[str]:
        """Every organisation name written before a title ("bundesbank")."""
        return set(items(self._names["organisations"]))

    def people(self, name_key: str, titled: bool) -> list[str]:
        """Person ids a folded name can mean; surnames count only next to a title."""
        found = items(self.full.get(name_key, ""))
        return found + items(self.short.get(name_key, "")) if titled else found

    def sharing_surname(self, name_key: str) -> int:
        """How many people are known by this surname (next to a title)."""
        return len(items(self.short.get(name_key, "")))

    def office(self, office: str) -> Office:
        if office not in self._offices:
            row = cast(str, self._rows["offices"][office]).split(ROW, 1)[0]
            self._offices[office] = parse_office(office, row.split(FIELD))
        return self._offices[office]

    def _person_fields(self, person: str) -> list[str]:
        return cast(str, self._rows["persons"][person]).split(FIELD)

    def person(self, person: str) -> Person:
        if person not in self._persons:
            name, known_as, _ = self._person_fields(person)
            self._persons[person] = Person(person, name, tuple(items(known_as)))
        return self._persons[person]

    def _term_fields(self, office: str) -> list[list[str]]:
        return [line.split(FIELD) for line in cast(str, self._rows["offices"][office]).split(ROW)[1:]]

    def terms_of(self, person: str) -> list[Term]:
        if person not in self._person_terms:
            offices = items(self._person_fields(person)[2])
            parsed = (
                parse_term(office, fields)
                for office in offices
                for fields in self._term_fields(office)
                if fields[0] == person
            )
            self._person_terms[person] = [t for t in parsed if t is not None]
        return self._person_terms[person]

    def terms_in(self, office: str) -> list[Term]:
        """The terms of an office, earliest first."""
        if office not in self._office_terms:
            parsed = (parse_term(office, fields) for fields in self._term_fields(office))
            self._office_terms[office] = sorted((t for t in parsed if t is not None), key=lambda t: t.earliest)
        return self._office_terms[office]

    def holders_on(self, office: str, first: date, last: date) -> list[Term]:
        return [t for t in self.terms_in(office) if t.possibly_on(first, last)]


@lru_cache(maxsize=4)
def load(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by the user's YAML files (in order)."""
    if not extra:
        return KnowledgeBase.from_dir(shipped_dir())
    from corpuslint.anachronism.overlay import extended_tables

    names, rows = extended_tables(shipped_dir(), [Path(name) for name in extra])
    return KnowledgeBase(lambda: names, lambda: rows)


def load_paths(paths: Sequence[str]) -> KnowledgeBase:
    return load(tuple(str(Path(p).resolve()) for p in paths))
