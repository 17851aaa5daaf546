"""The knowledge base as plain tables, and the shipped files written from them.

The builder (``scripts/build_kb.py``) and users' YAML files edit a
:class:`KBData`; :func:`tables` turns it into the format that
:mod:`corpuslint.anachronism.kb` reads (described there), with everything
computed that the rule would otherwise compute at every start: name keys,
title keys, organisation names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corpuslint.anachronism.kb import (
    FIELD,
    ITEM,
    NAMES_FILE,
    ROW,
    ROWS_FILE,
    Tables,
    items,
    parse_office,
    parse_term,
)
from corpuslint.anachronism.names import aliases
from corpuslint.anachronism.terms import Office, Person, Term


@dataclass
class KBData:
    """The knowledge base as plain tables: what builders and YAML files edit."""

    offices: dict[str, Office] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def name_keys(person: Person, offices: Iterable[Office]) -> tuple[set[str], set[str]]:
    """Full and surname keys of a person, given the offices they held."""
    held = list(offices)
    country = held[0].country if held else ""
    full, short = aliases(person.name, country, any("monarch" in o.titles for o in held))
    for alias in person.aliases:
        full |= aliases(alias, country)[0]
    return full, short - full


def term_fields(term: Term) -> list[str]:
    bound = f"<={term.ended_by.isoformat()}" if term.ended_by else ""
    end = term.end.label if term.end is not None else bound
    return [term.person, term.start.label, end, str(int(term.acting)), term.source]


def office_fields(o: Office) -> list[str]:
    complete = o.complete_from.isoformat() if o.complete_from else ""
    return [
        o.country,
        o.kind,
        o.label,
        str(int(o.keep_title)),
        o.known_until.isoformat(),
        complete,
        ITEM.join(sorted(o.qualifiers)),
        ITEM.join(sorted(o.fixed_titles)),
        ITEM.join(sorted(o.titles)),
    ]


def _joined(fields: list[str], where: str) -> str:
    for value in fields:
        if FIELD in value or ROW in value:
            raise ValueError(f"{where}: {value!r} holds a tab or a line break")
    return FIELD.join(fields)


def _ids(values: Iterable[str], where: str) -> str:
    listed = list(values)
    if any(ITEM in value for value in listed):
        raise ValueError(f"{where}: an entry of {listed!r} holds {ITEM!r}")
    return ITEM.join(listed)


def tables(data: KBData) -> tuple[Tables, Tables]:
    """The (names, rows) tables of the shipped format."""
    held: dict[str, list[Office]] = {}
    for t in sorted(data.terms, key=lambda t: t.earliest):
        held.setdefault(t.person, []).append(data.offices[t.office])
    offices_of: dict[str, set[str]] = {}
    for t in data.terms:
        offices_of.setdefault(t.person, set()).add(t.office)
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    persons: dict[str, str] = {}
    for p in sorted(data.persons.values(), key=lambda p: p.id):
        long_keys, short_keys = name_keys(p, held.get(p.id, ()))
        for name_key in long_keys:
            full.setdefault(name_key, []).append(p.id)
        for name_key in short_keys:
            short.setdefault(name_key, []).append(p.id)
        fields = [p.name, _ids(p.aliases, p.id), _ids(sorted(offices_of.get(p.id, ())), p.id)]
        persons[p.id] = _joined(fields, p.id)
    rows: dict[str, list[str]] = {}
    for o in sorted(data.offices.values(), key=lambda o: o.id):
        rows[o.id] = [_joined(office_fields(o), o.id)]
    for t in sorted(data.terms, key=lambda t: (t.office, t.earliest, t.person)):
        rows[t.office].append(_joined(term_fields(t), t.office))
    names = {
        "meta": dict(data.meta),
        "full": {k: _ids(v, k) for k, v in sorted(full.items())},
        "short": {k: _ids(v, k) for k, v in sorted(short.items())},
        "organisations": _ids(sorted({q for o in data.offices.values() for q in o.qualifiers}), "organisations"),
    }
    return names, {"offices": {oid: ROW.join(lines) for oid, lines in rows.items()}, "persons": persons}


def write(data: KBData, directory: Path) -> list[Path]:
    """Write both files; one entry per line, so a rebuild shows a readable diff."""
    written = []
    for name, table in zip((NAMES_FILE, ROWS_FILE), tables(data), strict=True):
        path = directory / name
        # ASCII escapes: json's C parser reads them faster than UTF-8.
        path.write_text(json.dumps(table, indent=0) + "\n", encoding="ascii")
        written.append(path)
    return written


def read_data(directory: Path) -> KBData:
    """Every table materialised (for builders and user extensions)."""
    names, rows = (json.loads((directory / name).read_bytes()) for name in (NAMES_FILE, ROWS_FILE))
    data = KBData(meta=dict(names["meta"]))
    for oid, blob in rows["offices"].items():
        office_row, *term_rows = blob.split(ROW)
        data.offices[oid] = parse_office(oid, office_row.split(FIELD))
        for line in term_rows:
            term = parse_term(oid, line.split(FIELD))
            if term is not None:
                data.terms.append(term)
    for pid, line in rows["persons"].items():
        name, known_as, _ = line.split(FIELD)
        data.persons[pid] = Person(pid, name, tuple(items(known_as)))
    return data
