"""The officeholder knowledge base, loaded once per process and indexed for lookups.

The shipped files (``corpuslint/data/kb/officeholders*.json``) are built by
``scripts/build_kb.py``; users add or override entries with YAML files
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
from typing import cast

from corpuslint.anachronism import kbfile
from corpuslint.anachronism.kbfile import FIELD, ITEM, ROW, KBData, Tables
from corpuslint.anachronism.terms import Office, Person, Term


def shipped_dir() -> Path:
    return Path(str(resources.files("corpuslint").joinpath("data/kb")))


def _ids(joined: str) -> list[str]:
    return joined.split(ITEM) if joined else []


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

        return cls(read(kbfile.NAMES_FILE), read(kbfile.ROWS_FILE))

    @classmethod
    def from_data(cls, data: KBData) -> KnowledgeBase:
        names, rows = kbfile.tables(data)
        return cls(lambda: names, lambda: rows)

    @cached_property
    def _names(self) -> Tables:
        return self._read_names()

    @cached_property
    def _rows(self) -> Tables:
        return self._read_rows()

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

    def office(self, office: str) -> Office:
        if office not in self._offices:
            row = self._rows["offices"][office].split(ROW, 1)[0]
            self._offices[office] = kbfile.parse_office(office, row.split(FIELD))
        return self._offices[office]

    def _person_fields(self, person: str) -> list[str]:
        return cast(str, self._rows["persons"][person]).split(FIELD)

    def person(self, person: str) -> Person:
        if person not in self._persons:
            name, known_as, _ = self._person_fields(person)
            self._persons[person] = Person(person, name, tuple(a for a in known_as.split(ITEM) if a))
        return self._persons[person]

    def organisations(self) -> set[str]:
        """Every organisation name written before a title ("bundesbank")."""
        return set(_ids(self._names["organisations"]))

    @property
    def snapshot(self) -> str:
        return self.meta.get("snapshot", "")

    def people(self, name_key: str, titled: bool) -> list[str]:
        """Person ids a folded name can mean; surnames count only next to a title."""
        found = _ids(self.full.get(name_key, ""))
        return found + _ids(self.short.get(name_key, "")) if titled else found

    def sharing_surname(self, name_key: str) -> int:
        """How many people are known by this surname (next to a title)."""
        return len(_ids(self.short.get(name_key, "")))

    def _office_lines(self, office: str) -> list[list[str]]:
        return [line.split(FIELD) for line in self._rows["offices"][office].split(ROW)[1:]]

    def terms_of(self, person: str) -> list[Term]:
        if person not in self._person_terms:
            offices = _ids(self._person_fields(person)[2])
            parsed = (
                kbfile.parse_term(office, fields)
                for office in offices
                for fields in self._office_lines(office)
                if fields[0] == person
            )
            self._person_terms[person] = [t for t in parsed if t is not None]
        return self._person_terms[person]

    def terms_in(self, office: str) -> list[Term]:
        """The terms of an office, earliest first."""
        if office not in self._office_terms:
            parsed = (kbfile.parse_term(office, fields) for fields in self._office_lines(office))
            self._office_terms[office] = sorted((t for t in parsed if t is not None), key=lambda t: t.earliest)
        return self._office_terms[office]

    def holders_on(self, office: str, first: date, last: date) -> list[Term]:
        return [t for t in self.terms_in(office) if t.possibly_on(first, last)]


def _read_yaml(path: Path) -> object:
    from corpuslint import yamlio
    from corpuslint.anachronism import kbyaml

    try:
        return yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yamlio.YAMLError) as exc:  # bad dates raise ValueError
        raise kbyaml.KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc


@lru_cache(maxsize=4)
def load(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by the user's YAML files (in order)."""
    if not extra:
        return KnowledgeBase.from_dir(shipped_dir())
    from corpuslint.anachronism import kbyaml

    data = kbfile.read_data(shipped_dir())
    for name in extra:
        path = Path(name)
        kbyaml.apply(data, _read_yaml(path), f"user:{path.name}", str(path))
    return KnowledgeBase.from_data(data)


def load_paths(paths: Sequence[str]) -> KnowledgeBase:
    return load(tuple(str(Path(p).resolve()) for p in paths))
