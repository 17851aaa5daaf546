#!/usr/bin/env python3
"""Build corpuslint's officeholder knowledge base.

Reads the merged fact table (``terms.csv`` of the kb-sources collection:
Wikidata, POCOM, congress-legislators, FiveThirtyEight) and the curated
additions in ``corpuslint/data/kb/manual.yaml``, keeps the offices the
anachronism rule reasons about, and writes the shipped files
``corpuslint/data/kb/officeholders-names.json`` and ``officeholders.json``
(format: ``corpuslint/anachronism/kb.py``): tables that ``json``'s C parser
reads in a few milliseconds, with name and title keys computed here, not at
every start.

    python scripts/build_kb.py [--sources ../shared/kb-sources/terms.csv]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

from corpuslint.anachronism import kbfile, kbyaml
from corpuslint.anachronism.kbfile import KBData
from corpuslint.anachronism.labels import office_titles
from corpuslint.anachronism.names import fold, key
from corpuslint.anachronism.terms import Office, Person, Term, parse_day_span

ROOT = Path(__file__).resolve().parent.parent
KB_DIR = ROOT / "corpuslint" / "data" / "kb"
VERSION = "1"
#: Kinds the rule reasons about; ministers of other portfolios and juniors are left out.
KINDS = {
    "head_of_state", "deputy_head_of_state", "head_of_government", "deputy_head_of_government", "governor_general",
    "foreign_minister", "finance_minister", "defence_minister", "interior_minister", "justice_minister",
    "central_bank_governor", "spokesperson", "international_org",
}  # fmt: skip
_ECONOMY = re.compile(
    r"^(?:federal )?minister (?:of|for) (?:the )?econom(?:y|ics|ic affairs)(?: and financ\w+)?(?: \(| of |$)"
)
#: Offices with one holder at a time: a later holder ends an earlier open term.
SINGLE_KINDS = KINDS - {"deputy_head_of_state", "deputy_head_of_government", "international_org"} | {"other_minister"}
_SHARED = re.compile(r"member|regent|presidency|co-prince|judge|council", re.IGNORECASE)
EARLIEST = date(1945, 1, 1)
#: US protocol: former presidents and ambassadors keep the title.
KEEP_TITLE = re.compile(r"^President of the United States$|^United States Ambassador")


def wanted(row: dict[str, str]) -> bool:
    kind = row["position_kind"]
    if kind in KINDS:
        return True
    if kind == "other_minister" and "Secretary of State of " in row["position"]:
        return False  # the secretaries of state of the US states
    if kind == "other_minister":
        return row["country"] == "US" or bool(_ECONOMY.search(row["position"].lower()))
    return kind == "ambassador" and row["position"].startswith("United States Ambassador")


def _span(value: str, precision: str) -> str:
    return value[: {"day": 10, "month": 7, "year": 4}.get(precision, 10)]


def _term(row: dict[str, str], pid: str, oid: str) -> Term | None:
    start = parse_day_span(_span(row["start"], row["start_precision"]))
    end = parse_day_span(_span(row["end"], row["end_precision"])) if row["end"] else None
    if start is None or (end is not None and end.last < start.first):
        return None
    bound = date.fromisoformat(row["end_upper_bound"]) if row["end_upper_bound"] and end is None else None
    return Term(pid, oid, start, end, bound, row["acting"] == "true", row["source"])


def read_sources(path: Path) -> tuple[KBData, dict[str, date]]:
    data = KBData()
    known: dict[str, date] = defaultdict(lambda: date.min)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not wanted(row):
                continue
            oid = row["position_qid"] or f"c:{row['country']}:{key(row['position']).replace(' ', '-')}"
            pid = row["person_qid"] or f"n:{key(row['person']).replace(' ', '-')}"
            term = _term(row, pid, oid)
            if term is None or term.latest < EARLIEST:
                continue
            if oid not in data.offices:
                label, country, kind = row["position"], row["country"], row["position_kind"]
                keep = bool(KEEP_TITLE.search(label))
                titles = office_titles(label, kind, country)
                data.offices[oid] = Office(oid, label, country, kind, titles, frozenset(), keep, date.min)
            data.persons.setdefault(pid, Person(pid, row["person"]))
            data.terms.append(term)
            # POCOM's chiefs of mission stop about 2020 although the snapshot is 2026:
            # an embassy is known only up to its last recorded event.
            events = [d for d in (term.start.last, term.end.last if term.end else None) if d]
            # So are the hand-written rows of the fact table: up to their last event.
            stale = (row["source"] == "pocom" and "Ambassador" in row["position"]) or row["source"] == "manual"
            seen = max(events) if stale else None
            known[oid] = max(known[oid], seen or date.fromisoformat(row["source_date"]))
    return data, known


def _single(office: Office, terms: list[Term]) -> bool:
    if office.kind not in SINGLE_KINDS or _SHARED.search(office.label):
        return False
    closed = sorted((t for t in terms if t.end is not None), key=lambda t: t.earliest)
    overlaps = sum(
        1
        for a, b in zip(closed, closed[1:], strict=False)
        if a.person != b.person and (a.latest - b.earliest).days > 60
    )
    return overlaps <= max(1, len(closed) // 10)


def close_stale_terms(data: KBData) -> None:
    """An open term of a one-holder office ended by the time a later holder started."""
    by_office: dict[str, list[Term]] = defaultdict(list)
    for term in data.terms:
        by_office[term.office].append(term)
    result: list[Term] = []
    for oid, terms in by_office.items():
        terms.sort(key=lambda t: t.earliest)
        single = _single(data.offices[oid], terms)
        for i, term in enumerate(terms):
            later = [t for t in terms[i + 1 :] if t.person != term.person and t.start.first > term.start.last]
            if single and term.end is None and later:
                bound = min(t.start.last for t in later)
                if term.ended_by is None or bound < term.ended_by:
                    term = Term(term.person, oid, term.start, None, bound, term.acting, term.source)
            result.append(term)
    data.terms = result


def attach_known_dates(data: KBData, known: dict[str, date]) -> None:
    for oid, office in list(data.offices.items()):
        until = max(office.known_until, known.get(oid, date.min))
        quals = office.qualifiers | _label_qualifiers(office)
        data.offices[oid] = office._replace(qualifiers=quals, known_until=until)


def _label_qualifiers(office: Office) -> frozenset[str]:
    """ "Governor of the Bank of Japan" -> "bank of japan": what a text writes before the title."""
    if office.kind not in ("central_bank_governor", "international_org", "spokesperson"):
        return frozenset()
    match = re.search(r"\bof (?:the )?(.+?)(?: \(.*\))?$", office.label)
    return frozenset({fold(match.group(1))}) if match else frozenset()


def drop_unused(data: KBData) -> None:
    used_people = {t.person for t in data.terms}
    used_offices = {t.office for t in data.terms}
    data.persons = {pid: p for pid, p in data.persons.items() if pid in used_people}
    data.offices = {oid: o for oid, o in data.offices.items() if oid in used_offices}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "kb-sources" / "terms.csv")
    parser.add_argument("--manual", type=Path, default=KB_DIR / "manual.yaml")
    parser.add_argument("--out", type=Path, default=KB_DIR, help="directory to write the files to")
    args = parser.parse_args()
    data, known = read_sources(args.sources)
    manual = yaml.safe_load(args.manual.read_text(encoding="utf-8"))
    attach_known_dates(data, known)
    kbyaml.apply(data, manual, "manual", str(args.manual), override=False)
    close_stale_terms(data)
    attach_known_dates(data, {})
    drop_unused(data)
    data.meta = {
        "corpuslint officeholder knowledge base": f"version {VERSION}",
        "snapshot": str(manual.get("as_of", "")),
        "sources": "Wikidata (CC0) via every-politician-scrapers; HistoryAtState POCOM (US public domain, CC0); "
        "unitedstates/congress-legislators (CC0); FiveThirtyEight cabinet-turnover (CC BY 4.0); curated (manual)",
        "attribution": "rows with source fivethirtyeight-cabinet-turnover: FiveThirtyEight, CC BY 4.0, "
        "https://github.com/fivethirtyeight/data/tree/master/cabinet-turnover",
        "counts": f"{len(data.offices)} offices, {len(data.persons)} people, {len(data.terms)} terms",
    }
    for path in kbfile.write(data, args.out):
        print(f"wrote {path}: {path.stat().st_size:,} bytes")
    print(data.meta["counts"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
