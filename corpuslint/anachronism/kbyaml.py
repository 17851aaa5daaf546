"""Knowledge in YAML: the curated additions and users' own files, in one format.

.. code-block:: yaml

    as_of: 2025-06-30            # holders of `current` offices are known to this day
    offices:
      - office: Prime Minister of the United Kingdom
        country: GB
        kind: head_of_government
        current: true            # the holder list is complete from its first holder up to as_of
        established: 1801-01-01  # the office's creation: complete from then on
        keep_title: false        # former holders keep the title in speech
        qualifiers: [Whitehall]  # organisation names written before the title
        holders:
          - [Liz Truss, 2022-09-06, 2022-10-25]
          - [Keir Starmer, 2024-07-05]          # no end: still in office
          - [Someone, 2023, 2023-05, acting]    # year or month precision
    persons:
      - name: Luiz Inácio Lula da Silva
        aliases: [Lula]

An office is matched to an existing one by its label (and country); a
holder to an existing person by name. A holder's term replaces the terms of
the same person in the same office that it overlaps.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from corpuslint.anachronism.kbfile import KBData
from corpuslint.anachronism.labels import office_titles
from corpuslint.anachronism.names import fold, key
from corpuslint.anachronism.terms import Office, Person, Term, parse_day_span
from corpuslint.config import ConfigError


class KnowledgeError(ConfigError):
    """A knowledge file is missing or malformed; the message names the file and the entry."""


def new_office_id(country: str, label: str) -> str:
    """The id of an office a file adds."""
    return f"y:{country}:{key(label).replace(' ', '-')}"


def new_person_id(name_key: str) -> str:
    """The id of a person a file adds, from the key of their name."""
    return f"y:{name_key.replace(' ', '-')}"


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _office(data: KBData, spec: dict[str, Any], as_of: date | None, where: str) -> Office:
    if isinstance(spec.get("country"), bool):
        raise KnowledgeError(f'{where}: country must be a code in quotes (YAML reads a bare NO as false: write "NO")')
    label, country = str(spec.get("office", "")), str(spec.get("country", ""))
    if not label or not country:
        raise KnowledgeError(f"{where}: an office needs `office` and `country`")
    found = next(
        (o for o in data.offices.values() if o.country == country and fold(o.label) == fold(label)),
        None,
    )
    kind = str(spec.get("kind") or (found.kind if found else "other"))
    known = found.known_until if found else date.min
    if spec.get("current") and as_of is not None:
        known = max(known, as_of)
    if "known_until" in spec:
        known = date.fromisoformat(_text(spec["known_until"]))
    qualifiers = frozenset(fold(q) for q in spec.get("qualifiers") or ()) | (found.qualifiers if found else frozenset())
    fixed = frozenset(str(t) for t in spec.get("titles") or ()) or (found.fixed_titles if found else frozenset())
    titles = fixed or office_titles(label, kind, country)
    keep = bool(spec.get("keep_title", found.keep_title if found else False))
    oid = found.id if found else new_office_id(country, label)
    complete = found.complete_from if found else None
    if spec.get("current"):
        starts = [parse_day_span(_text(h[1])) for h in spec.get("holders") or () if isinstance(h, list) and len(h) > 1]
        firsts = [s.first for s in starts if s is not None] + ([complete] if complete else [])
        complete = min(firsts) if firsts else complete
    if spec.get("established"):
        # Nobody held an office before it existed: the list is complete from then on.
        established = date.fromisoformat(_text(spec["established"]))
        complete = min(complete, established) if complete else established
    office = Office(
        oid, found.label if found else label, country, kind, titles, qualifiers, keep, known, complete, fixed
    )
    data.offices[oid] = office
    return office


def _person(
    data: KBData, name: str, office: Office, holders_of: dict[str, set[str]], by_key: dict[str, list[str]]
) -> str:
    wanted = key(name)
    same = [pid for pid in holders_of.get(office.id, ()) if key(data.persons[pid].name) == wanted]
    if not same:
        same = by_key.get(wanted, [])
    if same:
        return sorted(same)[0]
    pid = new_person_id(wanted)
    data.persons.setdefault(pid, Person(pid, name))
    by_key.setdefault(wanted, []).append(pid)
    return pid


def _merge(data: KBData, term: Term, override: bool) -> None:
    """Add a term; an overlapping term of the same person in the same office gives way.

    Without ``override`` (the curated additions), the overlapping terms are the
    same tenure recorded twice (Wikidata often starts a term anew with each
    government): they become one term over both spans.
    """
    same = [t for t in data.terms if t.person == term.person and t.office == term.office]
    clashing = [t for t in same if t.possibly_on(term.earliest, term.latest)]
    if not override and clashing:
        every = [*clashing, term]
        first = min(every, key=lambda t: t.earliest)
        ends = [t for t in every if t.end is not None]
        last = max(ends, key=lambda t: t.latest) if ends else None
        open_ended = last is None or any(
            t.end is None and t.ended_by is None for t in clashing if t.earliest > last.latest
        )
        end = None if open_ended or last is None else last.end
        term = Term(term.person, term.office, first.start, end, None, term.acting, term.source)
    data.terms = [t for t in data.terms if t not in clashing]
    data.terms.append(term)


def _holder(entry: Any, office: Office, source: str, where: str) -> tuple[str, Term]:
    if not isinstance(entry, list) or not 2 <= len(entry) <= 4:
        raise KnowledgeError(f"{where}: a holder is [name, start] or [name, start, end] (+ acting)")
    name, start = str(entry[0]), parse_day_span(_text(entry[1]))
    end = parse_day_span(_text(entry[2])) if len(entry) > 2 and entry[2] not in (None, "") else None
    if start is None or (len(entry) > 2 and entry[2] not in (None, "") and end is None):
        raise KnowledgeError(f"{where}: {name}: dates must be YYYY-MM-DD, YYYY-MM or YYYY")
    if end is not None and end.last < start.first:
        raise KnowledgeError(f"{where}: {name}: the term ends before it starts")
    acting = len(entry) == 4 and str(entry[3]).lower() == "acting"
    return name, Term("", office.id, start, end, None, acting, source)


def apply(data: KBData, spec: Any, source: str, where: str, override: bool = True) -> None:
    """Add (or override with) the offices, holders and aliases of one YAML document."""
    if not isinstance(spec, dict):
        raise KnowledgeError(f"{where}: expected a mapping with `offices` and/or `persons`")
    as_of = date.fromisoformat(_text(spec["as_of"])) if spec.get("as_of") else None
    holders_of: dict[str, set[str]] = {}
    for term in data.terms:
        holders_of.setdefault(term.office, set()).add(term.person)
    by_key: dict[str, list[str]] = {}
    for pid, person in data.persons.items():
        by_key.setdefault(key(person.name), []).append(pid)
    for index, office_spec in enumerate(spec.get("offices") or ()):
        office = _office(data, office_spec, as_of, f"{where}: offices[{index}]")
        for entry in office_spec.get("holders") or ():
            name, term = _holder(entry, office, source, f"{where}: {office.label}")
            pid = _person(data, name, office, holders_of, by_key)
            _merge(data, Term(pid, term.office, term.start, term.end, None, term.acting, source), override)
            holders_of.setdefault(office.id, set()).add(pid)
            # Listing holders is knowing the office up to the last event listed.
            last = term.end.last if term.end else term.start.last
            if last > data.offices[office.id].known_until:
                data.offices[office.id] = data.offices[office.id]._replace(known_until=last)
    for entry in spec.get("persons") or ():
        name = str(entry.get("name", ""))
        for pid in by_key.get(key(name)) or []:
            person = data.persons[pid]
            extra = tuple(dict.fromkeys(person.aliases + tuple(str(a) for a in entry.get("aliases") or ())))
            data.persons[pid] = Person(pid, person.name, extra)
