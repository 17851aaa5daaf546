"""Which mentions contradict the document's date, or each other.

A mention names a person in an office. It contradicts the date when every
office it can mean was held by the person at no time near the date, *and*
the knowledge base knows the office well enough on that date to say so: it
knows who held it then (or that nobody did), and the date is not after what
the knowledge base knows of the office. Gaps in the knowledge base thus
silence the rule instead of making it report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from corpuslint.anachronism.kb import KnowledgeBase
from corpuslint.anachronism.matching import Mention
from corpuslint.anachronism.terms import FOREVER, Office, Term
from corpuslint.anachronism.titles import NEEDS_QUALIFIER

#: A sentence that places its people in the past ("at the time", "served as", "years ago").
PAST_CONTEXT = re.compile(
    r"\b(?:at the time|served as|serving as|(?:was|were) then|years? ago|decades? ago|in the (?:19|20)\d0s|"
    r"when (?:he|she|they) (?:was|were)|who (?:was|had been)|formerly|"
    r"during (?:his|her|their) (?:term|tenure|presidency|time|administration)|memoirs?|anniversary|"
    r"funeral|obituary)\b",
    re.IGNORECASE,
)
#: A year as a point in time: "in 1985", "in July 1986", "during 1979" (not "1986/87", "a 1986 rise").
_TIME_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|mid|late)[\s-]+)?(?:[A-Z][a-z]+\s+)?(1[89]\d\d|20\d\d)\b(?![/\-]\d)"
)
#: The end of a term told right after the name: "Muldoon was ousted", "who resigned".
TERM_ENDED = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:was|were|had been)\s+(?:ousted|overthrown|toppled|deposed|assassinated|killed|"
    r"defeated|removed)|^\W{0,3}(?:who\s+)?(?:resigned|stepped down|left office|lost (?:power|office))",
    re.IGNORECASE,
)
#: The end of a term told just before the mention: "the resignation in January of ...".
ENDED_BEFORE = re.compile(
    r"\b(?:resignation|ouster|overthrow|downfall|death|dismissal|removal|assassination|funeral)\s+"
    r"(?:(?:in|on|last)\s+\w+\s+)?of\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Former US presidents keep the title ("President Carter" in 1987), so a mention
#: after the term must show the office at work: a decision, an order, a veto,
#: a budget, the White House speaking, or a request made to the incumbent.
INCUMBENT_AFTER = re.compile(
    r"^(?:(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:administration|veto|budget|proposals?|orders?|decision|requests?|"
    r"polic(?:y|ies)|government|cabinet|plans?|goal)|,?\s+(?:[\w-]+\s+){0,2}?(?:veto(?:es|ed)?|sign(?:s|ed)|will|"
    r"plans?|propos(?:ed|es)|announc(?:ed|es)|order(?:s|ed)|impos(?:e|ed|es)|nominat(?:ed|es)|appoint(?:ed|s)|"
    r"decid(?:ed|es)|urged|wants|is expected|intends|opposes|supports|has agreed|told congress|asked congress))\b",
    re.IGNORECASE,
)
INCUMBENT_BEFORE = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:on|for)|giv(?:e|es|ing)|gave)\s+$", re.I)
INCUMBENT_SENTENCE = re.compile(r"\bWhite House\b")


def shows_incumbent(before: str, after: str, sentence: str) -> bool:
    return bool(INCUMBENT_AFTER.search(after) or INCUMBENT_BEFORE.search(before) or INCUMBENT_SENTENCE.search(sentence))


@dataclass(frozen=True)
class Candidate:
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


def mentioned_years(sentence: str) -> list[int]:
    return [int(y) for y in _TIME_YEAR.findall(sentence)]


def refers_to_past(sentence: str, after: str, cands: list[Candidate], doc_year: int | None) -> bool:
    """A past-time sentence, or one placing events in an earlier year in which the
    person held the office ("signed by Prime Minister Gandhi in 1985")."""
    if PAST_CONTEXT.search(sentence) or TERM_ENDED.search(after):
        return True
    for year in mentioned_years(sentence):
        if doc_year is not None and year >= doc_year:
            continue
        first, last = date(year, 1, 1), date(year, 12, 31)
        if any(t.possibly_on(first, last) for c in cands for t in c.terms):
            return True
    return False


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
