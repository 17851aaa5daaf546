"""What the words around a mention say about its time.

A mention in a sentence about the past ("in 2017", "at the time", "served
as", "Muldoon was ousted") is no claim about the document's date; a former
US president named with the office at work ("President Reagan vetoed")
still is.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpuslint.anachronism.reasoning import Candidate

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
