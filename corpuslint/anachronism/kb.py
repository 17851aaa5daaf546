"""The officeholder knowledge base, loaded once per process and indexed for lookups.

The shipped file (``corpuslint/data/kb/officeholders.csv.gz``) is built by
``scripts/build_kb.py``; users add or override entries with YAML files
(option ``knowledge``). Loading is memoised per set of files, so every rule
instance in a process shares one index.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from corpuslint import yamlio
from corpuslint.anachronism import kbfile, kbyaml
from corpuslint.anachronism.kbfile import KBData
from corpuslint.anachronism.terms import Office, Person, Term

SHIPPED = "officeholders.csv.gz"


def shipped_path() -> Path:
    return Path(str(resources.files("corpuslint").joinpath(f"data/kb/{SHIPPED}")))


def _split(line: str) -> list[str]:
    return next(csv.reader([line])) if '"' in line else line.split(",")


class KnowledgeBase:
    """Offices, people and terms, with the indexes the reasoning needs.

    Rows stay raw text until a document mentions their person or office: a
    corpus touches a few hundred of the tens of thousands of terms, and a
    lazy load keeps start-up to a dictionary fill.
    """

    def __init__(self, meta: dict[str, str]) -> None:
        self.meta = meta
        #: Folded name key -> person ids; ``full`` keys name a person alone, ``short`` ones only with a title.
        self.full: dict[str, list[str]] = {}
        self.short: dict[str, list[str]] = {}
        self._office_rows: dict[str, str] = {}
        self._person_rows: dict[str, str] = {}
        self._terms_by_person: dict[str, list[str]] = {}
        self._terms_by_office: dict[str, list[str]] = {}
        self._offices: dict[str, Office] = {}
        self._persons: dict[str, Person] = {}
        self._person_terms: dict[str, list[Term]] = {}
        self._office_terms: dict[str, list[Term]] = {}

    def _add(self, line: str) -> None:
        table, ident, rest = line.split(",", 2)
        if table == "term":
            office = rest.split(",", 1)[0]
            self._terms_by_person.setdefault(ident, []).append(line)
            self._terms_by_office.setdefault(office, []).append(line)
        elif table == "person":
            self._person_rows[ident] = line
            _, full, short = line.rsplit(",", 2)  # name keys hold no commas
            for name_key in full.split("|") if full else ():
                self.full.setdefault(name_key, []).append(ident)
            for name_key in short.split("|") if short else ():
                self.short.setdefault(name_key, []).append(ident)
        elif table == "office":
            self._office_rows[ident] = line

    @classmethod
    def from_file(cls, path: Path) -> KnowledgeBase:
        kb = cls({})
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
        for line in text.splitlines():
            if line.startswith("#"):
                name, _, value = line[1:].partition(":")
                kb.meta[name.strip()] = value.strip()
            elif line:
                kb._add(line)
        return kb

    @classmethod
    def from_data(cls, data: KBData) -> KnowledgeBase:
        buffer = io.StringIO()
        kbfile.write_text(data, buffer)
        kb = cls(dict(data.meta))
        for line in buffer.getvalue().splitlines():
            if line and not line.startswith("#"):
                kb._add(line)
        return kb

    def office(self, office: str) -> Office:
        if office not in self._offices:
            self._offices[office] = kbfile.parse_office(_split(self._office_rows[office]))
        return self._offices[office]

    def person(self, person: str) -> Person:
        if person not in self._persons:
            row = _split(self._person_rows[person])
            self._persons[person] = Person(row[1], row[2], tuple(a for a in row[3].split("|") if a))
        return self._persons[person]

    def organisations(self) -> set[str]:
        """Every organisation name written before a title ("bundesbank"), from the raw rows."""
        return {q for line in self._office_rows.values() for q in line.rsplit(",", 2)[1].split("|") if q}

    @property
    def office_ids(self) -> list[str]:
        return list(self._office_rows)

    @property
    def person_ids(self) -> list[str]:
        return list(self._person_rows)

    @property
    def snapshot(self) -> str:
        return self.meta.get("snapshot", "")

    def people(self, name_key: str, titled: bool) -> list[str]:
        """Person ids a folded name can mean; surnames count only next to a title."""
        found = self.full.get(name_key, [])
        return found + self.short.get(name_key, []) if titled else found

    def terms_of(self, person: str) -> list[Term]:
        if person not in self._person_terms:
            parsed = (kbfile.parse_term(_split(line)) for line in self._terms_by_person.get(person, ()))
            self._person_terms[person] = [t for t in parsed if t is not None]
        return self._person_terms[person]

    def terms_in(self, office: str) -> list[Term]:
        """The terms of an office, earliest first."""
        if office not in self._office_terms:
            parsed = (kbfile.parse_term(_split(line)) for line in self._terms_by_office.get(office, ()))
            self._office_terms[office] = sorted((t for t in parsed if t is not None), key=lambda t: t.earliest)
        return self._office_terms[office]

    def all_terms(self) -> Iterator[Term]:
        for person in self._terms_by_person:
            yield from self.terms_of(person)

    def holders_on(self, office: str, first: date, last: date) -> list[Term]:
        return [t for t in self.terms_in(office) if t.possibly_on(first, last)]


def _read_yaml(path: Path) -> object:
    try:
        return yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yamlio.YAMLError) as exc:  # bad dates raise ValueError
        raise kbyaml.KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc


@lru_cache(maxsize=4)
def load(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by the user's YAML files (in order)."""
    if not extra:
        return KnowledgeBase.from_file(shipped_path())
    data = kbfile.read_data(shipped_path())
    for name in extra:
        path = Path(name)
        kbyaml.apply(data, _read_yaml(path), f"user:{path.name}", str(path))
    return KnowledgeBase.from_data(data)


def load_paths(paths: Sequence[str]) -> KnowledgeBase:
    return load(tuple(str(Path(p).resolve()) for p in paths))
