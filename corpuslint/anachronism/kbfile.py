"""The shipped knowledge base: two JSON files that ``json``'s C parser reads fast.

``officeholders-names.json`` is read at the first title a text names someone
after; ``officeholders.json`` only when a name turns out to be someone the
knowledge base knows. Both hold tables of strings, parsed further only for
the rows a corpus touches::

    names: {"meta": {...}, "full": {name key: "pid|pid"}, "short": {surname key: "pid|pid"},
            "organisations": "bundesbank|fed|..."}
    rows:  {"offices": {oid: "<office fields>\\n<term fields>\\n..."},
            "persons": {pid: "<name>\\t<aliases a|b>\\t<office ids a|b>"}}

    office fields: country, kind, label, keep_title 0/1, known_until, complete_from, qualifiers a|b, titles a|b
    term fields:   person id, start, end, acting 0/1, source

Fields are separated by tabs. Dates carry their precision in their length
("2017-02-01", "2017-02", "2017"). An end is empty when none is known, or
"<=DATE" when the term ended on or before that day. An office's terms are
sorted by start and person.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from corpuslint.anachronism.names import aliases
from corpuslint.anachronism.terms import Office, Person, Term, parse_day_span
from corpuslint.anachronism.titles import office_titles

NAMES_FILE = "officeholders-names.json"
ROWS_FILE = "officeholders.json"
#: Separators inside the stored strings; the builder refuses data that contains them.
FIELD, ROW, ITEM = "\t", "\n", "|"

Tables = dict[str, Any]


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


def parse_term(office: str, fields: list[str]) -> Term | None:
    person, start, end, acting, source = fields
    begin = parse_day_span(start)
    if begin is None:
        return None
    bounded = end.startswith("<=")
    finish = None if bounded or not end else parse_day_span(end)
    return Term(person, office, begin, finish, date.fromisoformat(end[2:]) if bounded else None, acting == "1", source)


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
    ]


def parse_office(oid: str, fields: list[str]) -> Office:
    country, kind, label, keep, known, complete, quals, fixed = fields
    titles = frozenset(t for t in fixed.split(ITEM) if t)
    return Office(
        oid,
        label,
        country,
        kind,
        titles or office_titles(label, kind, country),
        frozenset(q for q in quals.split(ITEM) if q),
        keep == "1",
        date.fromisoformat(known),
        date.fromisoformat(complete) if complete else None,
        titles,
    )


def _joined(fields: list[str], where: str) -> str:
    for value in fields:
        if FIELD in value or ROW in value:
            raise ValueError(f"{where}: {value!r} holds a tab or a line break")
    return FIELD.join(fields)


def tables(data: KBData) -> tuple[Tables, Tables]:
    """The (names, rows) tables of the shipped format, from plain data."""
    held: dict[str, list[Office]] = {}
    for t in sorted(data.terms, key=lambda t: t.earliest):
        held.setdefault(t.person, []).append(data.offices[t.office])
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    persons: dict[str, str] = {}
    offices_of: dict[str, set[str]] = {}
    for t in data.terms:
        offices_of.setdefault(t.person, set()).add(t.office)
    for p in sorted(data.persons.values(), key=lambda p: p.id):
        long_keys, short_keys = name_keys(p, held.get(p.id, ()))
        for name_key in sorted(long_keys):
            full.setdefault(name_key, []).append(p.id)
        for name_key in sorted(short_keys):
            short.setdefault(name_key, []).append(p.id)
        fields = [p.name, ITEM.join(p.aliases), ITEM.join(sorted(offices_of.get(p.id, ())))]
        persons[p.id] = _joined(fields, p.id)
    office_rows = {o.id: [_joined(office_fields(o), o.id)] for o in sorted(data.offices.values(), key=lambda o: o.id)}
    for t in sorted(data.terms, key=lambda t: (t.office, t.earliest, t.person)):
        office_rows[t.office].append(_joined(term_fields(t), t.office))
    organisations = sorted({q for o in data.offices.values() for q in o.qualifiers})
    names = {
        "meta": dict(data.meta),
        "full": {k: ITEM.join(v) for k, v in full.items()},
        "short": {k: ITEM.join(v) for k, v in short.items()},
        "organisations": ITEM.join(organisations),
    }
    rows = {"offices": {oid: ROW.join(lines) for oid, lines in office_rows.items()}, "persons": persons}
    return names, rows


def write(data: KBData, directory: Path) -> list[Path]:
    """Write both files; one entry per line, so a rebuild shows a readable diff."""
    written = []
    for name, table in zip((NAMES_FILE, ROWS_FILE), tables(data), strict=True):
        path = directory / name
        path.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        written.append(path)
    return written


def read_tables(directory: Path) -> tuple[Tables, Tables]:
    names, rows = (json.loads((directory / name).read_bytes()) for name in (NAMES_FILE, ROWS_FILE))
    return names, rows


def read_data(directory: Path) -> KBData:
    """Every table materialised (for builders and user extensions)."""
    names, rows = read_tables(directory)
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
        data.persons[pid] = Person(pid, name, tuple(a for a in known_as.split(ITEM) if a))
    return data
