"""A fast rule-based sentence splitter for news text.

A boundary is sentence-final punctuation, optional closing quotes or brackets,
whitespace, then something that can open a sentence. The word before a full
stop vetoes the boundary when it is a known abbreviation ("Mr.", "Moh."), an
initial ("J."), or a dotted acronym ("U.S.") followed by a word that rarely
opens a sentence. Decimals never match because no space follows their dot.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from corpuslint.text.spans import Span

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpl",
        "maj",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "pres",
        "supt",
        "insp",
        "det",
        "rev",
        "fr",
        "hon",
        "amb",
        "messrs",
        "mme",
        "mlle",
        "moh",
        "mohd",
        "muhd",
        "md",
        "no",
        "nos",
        "vol",
        "fig",
        "art",
        "sec",
        "ch",
        "pp",
        "para",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
        "bros",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "etc",
        "al",
        "cf",
        "ca",
        "viz",
        "ft",
        "mt",
    ]
)

#: Words that open sentences often enough to end an acronym sentence ("... the U.S. The talks").
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "in",
        "on",
        "at",
        "for",
        "however",
        "meanwhile",
        "earlier",
        "later",
        "officials",
        "there",
    ]
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([A-Za-z]+)")


def _is_boundary(text: str, punct_at: int, next_at: int) -> bool:
    if text[punct_at] != ".":
        return True
    match = _WORD_BEFORE.search(text, max(0, punct_at - 30), punct_at + 1)
    if match is None:
        return True
    word = match.group(1)
    if _ACRONYM.search(word + "."):
        following = _NEXT_WORD.match(text, next_at)
        return following is not None and following.group(1).lower() in SENTENCE_OPENERS
    if "." in word:
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    return word.lower() not in ABBREVIATIONS


def split_sentences(paragraph: Span, line_of: LineLookup) -> list[Span]:
    """Split one paragraph into sentences with absolute offsets."""
    text = paragraph.text
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        punct_at = match.start()
        if not _is_boundary(text, punct_at, match.end()):
            continue
        end = match.end()
        piece_end = len(text[start:end].rstrip()) + start
        if piece_end > start:
            absolute = paragraph.start + start
            spans.append(Span(absolute, paragraph.start + piece_end, line_of(absolute), text[start:piece_end]))
        start = end
    tail = text[start:].rstrip()
    if tail:
        absolute = paragraph.start + start
        spans.append(Span(absolute, absolute + len(tail), line_of(absolute), tail))
    return spans


class LineLookup:
    """Maps a text offset to its 1-based line number (binary search)."""

    def __init__(self, line_starts: list[int]) -> None:
        self._starts = line_starts

    def __call__(self, offset: int) -> int:
        return max(1, bisect_right(self._starts, offset))
