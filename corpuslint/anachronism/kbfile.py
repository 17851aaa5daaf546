"""The shipped knowledge-base file: one gzipped CSV of offices, people and terms.

Lines starting with ``#`` carry metadata (``# snapshot: 2025-06-30``). Each
row starts with its table name::

    office,<id>,<country>,<kind>,<label>,<keep_title 0/1>,<known_until>,<complete_from>,<qualifiers a|b>,<titles a|b>
    person,<id>,<name>,<aliases a|b>,<full name keys a|b>,<surname keys a|b>
    term,<person id>,<office id>,<start>,<end>,<acting 0/1>,<source>

Dates carry their precision in their length ("2017-02-01", "2017-02",
"2017"). An end is empty when none is known, or "<=DATE" when the term
ended on or before that day. Name keys are stored so that loading is a
dictionary fill; terms are parsed only for the people a text mentions.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from corpuslint.anachronism.names import aliases
from corpuslint.anachronism.terms import Office, Person, Term, parse_day_span
from corpuslint.anachronism.titles import office_titles


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


def term_row(term: Term) -> list[str]:
    bound = f"<={term.ended_by.isoformat()}" if term.ended_by else ""
    end = term.end.label if term.end is not None else bound
    return ["term", term.person, term.office, term.start.label, end, str(int(term.acting)), term.source]


def parse_term(row: list[str]) -> Term | None:
    _, person, office, start, end, acting, source = row
    begin = parse_day_span(start)
    if begin is None:
        return None
    bounded = end.startswith("<=")
    finish = None if bounded or not end else parse_day_span(end)
    return Term(person, office, begin, finish, date.fromisoformat(end[2:]) if bounded else None, acting == "1", source)


def office_row(o: Office) -> list[str]:
    complete = o.complete_from.isoformat() if o.complete_from else ""
    quals = "|".join(sorted(o.qualifiers))
    return [
        "office",
        o.id,
        o.country,
        o.kind,
        o.label,
        str(int(o.keep_title)),
        o.known_until.isoformat(),
        complete,
        quals,
        "|".join(sorted(o.fixed_titles)),
    ]


def parse_office(row: list[str]) -> Office:
    _, oid, country, kind, label, keep, known, complete, quals, fixed = row
    titles = frozenset(t for t in fixed.split("|") if t)
    return Office(
        oid,
        label,
        country,
        kind,
        titles or office_titles(label, kind, country),
        frozenset(q for q in quals.split("|") if q),
        keep == "1",
        date.fromisoformat(known),
        date.fromisoformat(complete) if complete else None,
        titles,
    )


def write(data: KBData, path: Path) -> None:
    buffer = io.StringIO()
    write_text(data, buffer)
    # mtime=0: the same data gives the same bytes, so a rebuild shows no diff.
    path.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0))


def write_text(data: KBData, buffer: io.StringIO) -> None:
    for key, value in data.meta.items():
        buffer.write(f"# {key}: {value}\n")
    out = csv.writer(buffer, lineterminator="\n")
    held: dict[str, list[Office]] = {}
    for t in sorted(data.terms, key=lambda t: t.earliest):
        held.setdefault(t.person, []).append(data.offices[t.office])
    for o in sorted(data.offices.values(), key=lambda o: o.id):
        out.writerow(office_row(o))
    for p in sorted(data.persons.values(), key=lambda p: p.id):
        full, short = name_keys(p, held.get(p.id, ()))
        out.writerow(["person", p.id, p.name, "|".join(p.aliases), "|".join(sorted(full)), "|".join(sorted(short))])
    for t in sorted(data.terms, key=lambda t: (t.office, t.earliest, t.person)):
        out.writerow(term_row(t))


def rows(lines: Iterable[str], meta: dict[str, str]) -> Iterable[list[str]]:
    """The CSV rows of the file; metadata lines go into ``meta``."""
    for line in lines:
        if line.startswith("#"):
            name, _, value = line[1:].partition(":")
            meta[name.strip()] = value.strip()
        elif '"' in line:
            yield next(csv.reader([line]))
        else:
            yield line.rstrip("\n").split(",")


def read_data(path: Path) -> KBData:
    """Every table materialised (for builders and user extensions)."""
    data = KBData()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in rows(handle, data.meta):
            if row[0] == "office":
                office = parse_office(row)
                data.offices[office.id] = office
            elif row[0] == "person":
                data.persons[row[1]] = Person(row[1], row[2], tuple(a for a in row[3].split("|") if a))
            elif row[0] == "term" and (term := parse_term(row)) is not None:
                data.terms.append(term)
    return data
