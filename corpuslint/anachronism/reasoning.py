"""Which mentions contradict the document's date, or each other.

A mention names a person in an office. It contradicts the date when every
office it can mean was held by the person at no time near the date, *and*
the knowledge base knows the office well enough on that date to say so: it
knows who held it then (or that nobody did), and the date is not after what
the knowledge base knows of the office. Gaps in the knowledge base thus
silence the rule instead of making it report.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from corpuslint.anachronism.kb import KnowledgeBase
from corpuslint.anachronism.matching import Mention
from corpuslint.anachronism.terms import FOREVER, Office, Term
from corpuslint.anachronism.titles import NEEDS_QUALIFIER


class Candidate(NamedTuple):
    """One office a mention can mean, with the person's terms in it."""

    person: str
    office: Office
    terms: tuple[Term, ...]


def candidates(kb: KnowledgeBase, mention: Mention) -> list[Candidate]:
    found: list[Candidate] = []
    for person in mention.people:
        by_office: dict[str, list[Term]] = {}
        for term in kb.terms_of(person):
            by_office.setdefault(term.office, []).append(term)
        for office_id, terms in by_office.items():
            office = kb.office(office_id)
            if mention.title not in office.titles:
                continue
            if _fits_qualifier(mention, office):
                found.append(Candidate(person, office, tuple(terms)))
    return found


def _fits_qualifier(mention: Mention, office: Office) -> bool:
    """ "Pakistan Foreign Minister" needs a Pakistani office; "Bundesbank President" that bank."""
    q = mention.qualifier
    if q is None:
        return mention.title not in NEEDS_QUALIFIER or mention.full_name
    if q.kind == "country":
        return office.country == q.value
    return q.value in office.qualifiers


def keeps_title(office: Office) -> bool:
    """Former holders who are still called by the title: US presidents, ambassadors,
    and monarchs ("King Hussein" long after 1999)."""
    return office.keep_title or "monarch" in office.titles


def covered(kb: KnowledgeBase, cand: Candidate, first: date, last: date) -> bool:
    """The knowledge base knows who held (or that nobody held) the office then."""
    office = cand.office
    if first > office.known_until:
        return False
    if office.complete_from is not None and office.complete_from <= first:
        return True
    return any(t.person != cand.person for t in kb.holders_on(office.id, first, last))


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, kept inside the calendar (an open term ends on FOREVER)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return FOREVER if days > 0 else date.min


def distance(cand: Candidate, day: date) -> int:
    return min(min(abs((t.earliest - day).days), abs((min(t.latest, FOREVER) - day).days)) for t in cand.terms)


def out_of_office(
    kb: KnowledgeBase, cands: list[Candidate], first: date, last: date, tolerance: int, incumbent: bool
) -> Candidate | None:
    """The candidate to report when none of them can hold the office on ``first..last``."""
    lo, hi = shift(first, -tolerance), shift(last, tolerance)
    if not cands or any(t.possibly_on(lo, hi) for c in cands for t in c.terms):
        return None
    for cand in cands:
        if not covered(kb, cand, first, last):
            return None
        former = all(t.latest < first for t in cand.terms)
        if former and keeps_title(cand.office) and not incumbent:
            return None
    return min(cands, key=lambda c: distance(c, first))


def held_by(kb: KnowledgeBase, cand: Candidate, first: date, last: date) -> str:
    names = sorted({kb.person(t.person).name for t in kb.holders_on(cand.office.id, first, last)})
    if names:
        return ", ".join(names[:3]) + (" and others" if len(names) > 3 else "")
    return "nobody (the office was vacant or did not exist)"


def spans(cands: list[Candidate], keep_title_open: bool) -> list[tuple[date, date]]:
    """When the mentioned people may have been in these offices; former holders of a
    title-keeping office keep it for good."""
    out = []
    for cand in cands:
        for t in cand.terms:
            out.append((t.earliest, FOREVER if keep_title_open and keeps_title(cand.office) else t.latest))
    return out


def disjoint(a: list[tuple[date, date]], b: list[tuple[date, date]], tolerance: int) -> bool:
    """No span of ``a`` comes within ``tolerance`` days of a span of ``b``."""
    return all((y0 - x1).days > tolerance or (x0 - y1).days > tolerance for x0, x1 in a for y0, y1 in b)
