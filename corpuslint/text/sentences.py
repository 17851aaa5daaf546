"""A fast rule-based sentence splitter for news text.

A boundary is sentence-final punctuation, optional closing quotes or brackets,
whitespace, then something that can open a sentence. The word before a full
stop vetoes the boundary when it is a known abbreviation ("Mr.", "Moh."), an
initial ("J."), or a dotted acronym ("U.S.") followed by a word that rarely
opens a sentence. Decimals never match because no space follows their dot.

The boundary pattern runs over the document text between a paragraph's
offsets (``pos``/``endpos``), so no paragraph is copied to be split.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

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

# One punctuation mark first, so the engine rejects most positions on one test.
_BOUNDARY = re.compile(r"[.!?…][.!?…\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([A-Za-z]+)")
_OPENING_MARKS = "\"'“‘«(["


def _word_before(text: str, punct_at: int) -> str:
    space = text.rfind(" ", max(0, punct_at - 40), punct_at)
    word = text[space + 1 : punct_at]
    newline = word.rfind("\n")
    if newline >= 0:
        word = word[newline + 1 :]
    return word.lstrip(_OPENING_MARKS)


def _is_boundary(text: str, punct_at: int, next_at: int) -> bool:
    if text[punct_at] != ".":
        return True
    word = _word_before(text, punct_at)
    if not word or not word[-1].isalpha():
        return True
    if "." in word:
        if _ACRONYM.fullmatch(word):
            following = _NEXT_WORD.match(text, next_at)
            return following is not None and following.group(1).lower() in SENTENCE_OPENERS
        return True
    if len(word) == 1:
        return not word.isupper()  # an initial: "J. Smith"
    return len(word) > 6 or word.lower() not in ABBREVIATIONS


def _piece(text: str, start: int, end: int, line_starts: Sequence[int]) -> Span | None:
    raw = text[start:end]
    piece = raw.strip()
    if not piece:
        return None
    begin = start + len(raw) - len(raw.lstrip())
    return Span(begin, begin + len(piece), bisect_right(line_starts, begin), piece)


def split_sentences(text: str, paragraphs: Sequence[Span], line_starts: Sequence[int]) -> list[Span]:
    """Split every paragraph of ``text`` into sentences with absolute offsets.

    Boundaries are found in one pass over the whole text, then dealt out to
    paragraphs; a paragraph without a boundary is its own (only) sentence.
    """
    ends = [m.end() for m in _BOUNDARY.finditer(text) if _is_boundary(text, m.start(), m.end())]
    spans: list[Span] = []
    count, j = len(ends), 0
    for paragraph in paragraphs:
        while j < count and ends[j] <= paragraph.start:
            j += 1
        if j == count or ends[j] >= paragraph.end:
            # No boundary inside: the paragraph is one sentence (minus any indentation).
            whole = (
                paragraph
                if not paragraph.text[:1].isspace()
                else _piece(text, paragraph.start, paragraph.end, line_starts)
            )
            spans.append(whole or paragraph)
            continue
        start = paragraph.start
        while j < count and ends[j] < paragraph.end:
            span = _piece(text, start, ends[j], line_starts)
            if span is not None:
                spans.append(span)
            start = ends[j]
            j += 1
        span = _piece(text, start, paragraph.end, line_starts)
        if span is not None:
            spans.append(span)
    return spans
