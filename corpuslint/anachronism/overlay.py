"""Users' knowledge files applied to the shipped tables, touching only what they can change.

Materialising the whole knowledge base (some 12,000 people and 16,000
terms) to apply a file of a few offices, then writing every table anew,
took about a second at every start. The edits of a YAML file
(:func:`corpuslint.anachronism.kbyaml.apply`) read and change only:

- the offices its entries name (matched by country and label, or by the id
  a new office would get), with all of their terms;
- the people those terms name, and the people whose name key is that of a
  name in the file (or who have the id a new person would get).

Those are materialised, with every term of those people (their name keys
depend on the offices they held), written as tables, edited by the same
code as a whole base would be, and written again; the difference is patched
into the shipped tables. A test checks the result against the whole base
rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from corpuslint import yamlio
from corpuslint.anachronism.kb import FIELD, ITEM, NAMES_FILE, ROW, ROWS_FILE, Tables, items, parse_office, parse_term
from corpuslint.anachronism.kbfile import KBData, tables
from corpuslint.anachronism.kbyaml import KnowledgeError, apply, new_office_id, new_person_id
from corpuslint.anachronism.names import fold, key
from corpuslint.anachronism.terms import Person


def read_specs(paths: Sequence[Path]) -> list[tuple[Path, Any]]:
    """Each knowledge file, parsed; an unreadable one raises an error naming it."""
    specs = []
    for path in paths:
        try:
            specs.append((path, yamlio.safe_load(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, yamlio.YAMLError) as exc:  # bad dates raise ValueError
            raise KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc
    return specs


def extended_tables(directory: Path, paths: Sequence[Path]) -> tuple[Tables, Tables]:
    """The (names, rows) tables of the shipped files with the user's YAML files applied, in order."""
    specs = read_specs(paths)
    names, rows = (json.loads((directory / name).read_bytes()) for name in (NAMES_FILE, ROWS_FILE))
    shipped = _Shipped(names, rows)
    complete = shipped.offices_named(specs)
    part = shipped.partial(complete, shipped.people(specs, complete))
    before = tables(part)  # tables() only reads; apply() replaces entries
    for path, spec in specs:
        apply(part, spec, f"user:{path.name}", str(path))
    return shipped.patched(before, tables(part), complete)


class _Shipped:
    """The shipped tables, and the part of them a set of knowledge files reaches."""

    def __init__(self, names: Tables, rows: Tables) -> None:
        self.names = names
        self.offices: dict[str, str] = rows["offices"]
        self.persons: dict[str, str] = rows["persons"]

    def offices_named(self, specs: list[tuple[Path, Any]]) -> set[str]:
        """Every shipped office an entry of the files may be, with all its terms needed."""
        wanted = {(country, fold(label)) for country, label in _office_entries(specs)}
        found = {new_office_id(country, label) for country, label in _office_entries(specs)} & self.offices.keys()
        countries = {country for country, _ in wanted}
        for oid, blob in self.offices.items():
            country, _, label = blob.split(FIELD, 3)[:3]
            if country in countries and (country, fold(label)) in wanted:
                found.add(oid)
        return found

    def people(self, specs: list[tuple[Path, Any]], offices: set[str]) -> set[str]:
        """Holders of ``offices``, and everyone a name in the files may be."""
        found = {self._term_person(line) for oid in offices for line in self._term_lines(oid)}
        keys = {key(name) for name in _names(specs)}
        if keys:
            found |= {new_person_id(name_key) for name_key in keys} & self.persons.keys()
            found.update(pid for pid, line in self.persons.items() if key(line.split(FIELD, 1)[0]) in keys)
        return found

    def partial(self, complete: set[str], people: set[str]) -> KBData:
        """``complete`` offices and ``people`` with all their terms (``people`` holds every
        holder of a complete office), in the shipped order: an office's label is
        matched first come, first served."""
        needed = set(complete)
        for pid in people:
            needed.update(items(self.persons[pid].split(FIELD)[2]))
        data = KBData(meta=dict(self.names["meta"]))
        for oid, blob in self.offices.items():
            if oid not in needed:
                continue
            office_row, *term_rows = blob.split(ROW)
            data.offices[oid] = parse_office(oid, office_row.split(FIELD))
            for line in term_rows:
                if self._term_person(line) in people:
                    term = parse_term(oid, line.split(FIELD))
                    if term is not None:
                        data.terms.append(term)
        for pid, line in self.persons.items():
            if pid in people:
                name, known_as, _ = line.split(FIELD)
                data.persons[pid] = Person(pid, name, tuple(items(known_as)))
        return data

    def patched(
        self, before: tuple[Tables, Tables], after: tuple[Tables, Tables], complete: set[str]
    ) -> tuple[Tables, Tables]:
        """The shipped tables with the part's ``before`` tables replaced by its ``after`` ones."""
        # Every person and office of the part is rewritten whole: its old rows are not needed.
        (old_names, _), (new_names, new_rows) = before, after
        names = dict(self.names)
        for table in ("full", "short"):
            names[table] = _replaced_ids(self.names[table], old_names[table], new_names[table])
        organisations = set(items(self.names["organisations"])) | set(items(new_names["organisations"]))
        names["organisations"] = ITEM.join(sorted(organisations))
        offices = dict(self.offices)
        # Only complete offices (and new ones) have all their terms in the part.
        offices.update((oid, row) for oid, row in new_rows["offices"].items() if oid in complete or oid not in offices)
        persons = dict(self.persons)
        persons.update(new_rows["persons"])
        return names, {"offices": offices, "persons": persons}

    def _term_lines(self, oid: str) -> list[str]:
        return self.offices[oid].split(ROW)[1:]

    @staticmethod
    def _term_person(line: str) -> str:
        return line.split(FIELD, 1)[0]


def _replaced_ids(table: dict[str, str], old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """Name key -> person ids, with the part's old keys taken out and its new ones put in."""
    result = dict(table)
    for name_key in old.keys() | new.keys():
        ids = set(items(result.get(name_key, ""))) - set(items(old.get(name_key, "")))
        ids |= set(items(new.get(name_key, "")))
        if ids:
            result[name_key] = ITEM.join(sorted(ids))
        else:
            result.pop(name_key, None)
    return result


def _mappings(value: Any, field: str) -> Iterator[dict[str, Any]]:
    """The entries of a file's list ``field`` that are mappings (apply() reports the rest)."""
    if isinstance(value, dict):
        yield from (entry for entry in value.get(field) or () if isinstance(entry, dict))


def _office_entries(specs: list[tuple[Path, Any]]) -> Iterator[tuple[str, str]]:
    for _, spec in specs:
        for office in _mappings(spec, "offices"):
            yield str(office.get("country", "")), str(office.get("office", ""))


def _names(specs: list[tuple[Path, Any]]) -> Iterator[str]:
    """Every holder's and person's name in the files."""
    for _, spec in specs:
        for office in _mappings(spec, "offices"):
            for holder in office.get("holders") or ():
                if isinstance(holder, list) and holder:
                    yield str(holder[0])
        for person in _mappings(spec, "persons"):
            yield str(person.get("name", ""))
