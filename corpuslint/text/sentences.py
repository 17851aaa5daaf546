"""A fast rule-based sentence splitter for news text.

A boundary is sentence-final punctuation, optional closing quotes or brackets,
whitespace, then something that can open a sentence. The word before a full
stop vetoes the boundary when it is a known abbreviation ("Mr.", "Moh."), an
initial ("J."), or a dotted acronym ("U.S.") followed by a word that rarely
opens a sentence. Decimals never match because no space follows their dot.

One regex finds every candidate in the whole text and, through lookbehinds,
also settles the usual ones (a "?" or "!", a full stop after a digit or after
a plain word that is no abbreviation); only the rest run the word tests in
Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from corpuslint.text.abbreviations import ABBREVIATIONS, SENTENCE_OPENERS
from corpuslint.text.spans import Span
from corpuslint.text.spans import new_span as _new

__all__ = ["ABBREVIATIONS", "SENTENCE_OPENERS", "split_sentences"]

#: The longest word that can be an abbreviation; longer words end sentences.
_LONGEST = 6


def _proofs() -> str:
    """Lookbehinds, tried just after a full stop, that prove it a boundary.

    Each mirrors a verdict of :func:`_is_boundary`: a word of letters between a
    space (or newline) and the full stop is that whole word, so its length and
    spelling decide at once. Common word lengths come first.
    """
    proofs = {
        "long": rf"(?<=[A-Za-z]{{{_LONGEST + 1}}}\.)",  # a long word: no abbreviation, no acronym
        "none": r"(?<![A-Za-z\x80-\U0010ffff]\.)",  # after no letter: no word to veto it
        "one": r"(?<=[ \n][a-z]\.)",  # one lowercase letter: no initial
    }
    for length in range(2, _LONGEST + 1):
        words = "|".join(sorted(word for word in ABBREVIATIONS if len(word) == length))
        veto = rf"(?<!(?i:{words})\.)" if words else ""
        proofs[str(length)] = rf"(?<=[ \n][A-Za-z]{{{length}}}\.){veto}"
    return "|".join(proofs[key] for key in ("long", "4", "none", "3", "5", "2", "6", "one"))


#: Sentence-final marks, and what may follow them before the whitespace.
_MARKS = ".!?…"
_TRAILING = _MARKS + "\"'”’»)]"
_OPENER = "(?=[\"'“‘«(\\[]?[A-Z0-9À-ÖØ-Þ])"


def _candidates(mark: str) -> re.Pattern[str]:
    """Candidates that begin with ``mark``: the mark, the rest of its run of
    marks and closing quotes, whitespace, then something that opens a sentence.

    The empty group ``settled`` takes part in a match only when the mark
    begins its run and a proof holds; the proofs run after the lookahead, on
    candidates only. Beginning with one literal character
    lets the engine skip to candidates with a fast search, several times
    quicker than testing every position against a character class.
    """
    trailing = f"[{re.escape(_TRAILING)}]*\\s+"
    proofs = _proofs() if mark == "." else rf"(?<![{re.escape(_TRAILING)}]{re.escape(mark)})"
    return re.compile(rf"{re.escape(mark)}(?={trailing}{_OPENER})(?:(?:{proofs})(?P<settled>)|){trailing}")


_PATTERNS = [(mark, _candidates(mark)) for mark in _MARKS]
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
    return len(word) > _LONGEST or word.lower() not in ABBREVIATIONS


def _resolve(text: str, match: re.Match[str]) -> bool:
    """The verdict on a candidate no proof settled.

    The original candidate is the first mark of its run ("?." is one
    candidate, at "?"), so the verdict is that of the run's first mark.
    """
    run = match.start()
    while run and text[run - 1] in _TRAILING:
        run -= 1
    first = next(at for at in range(run, match.end()) if text[at] in _MARKS)
    return _is_boundary(text, first, match.end())


def boundaries(text: str) -> list[int]:
    """Offsets where sentences begin after a boundary, over the whole text."""
    found = [
        [m.end() for m in pattern.finditer(text) if m.lastindex or _resolve(text, m)]
        for mark, pattern in _PATTERNS
        if mark in text
    ]
    if len(found) == 1:
        return found[0]
    # Marks of one run ("?!") give one candidate each, all ending alike.
    return sorted(set().union(*found))


def split_sentences(text: str, paragraphs: Sequence[Span], line_starts: Sequence[int]) -> list[Span]:
    """Split every paragraph of ``text`` into sentences with absolute offsets.

    Boundaries are found in one pass over the whole text, then dealt out to
    paragraphs; a paragraph without a boundary is its own (only) sentence.
    """
    ends = boundaries(text)
    if not ends and not any(paragraph.text[0].isspace() for paragraph in paragraphs):
        return list(paragraphs)
    ends.append(len(text) + 1)  # a sentinel past every paragraph: the loops need no bounds tests
    sentences: list[Span] = []
    add = sentences.append
    j = 0
    for paragraph in paragraphs:
        start, end, _, first = paragraph
        while ends[j] <= start:
            j += 1
        cut = ends[j]
        if cut < end:
            first = text[start:cut]
        elif not first[0].isspace():
            add(paragraph)  # no boundary inside: the paragraph is one sentence
            continue
        # The first piece may hold the paragraph's indentation: strip both sides.
        piece = first.strip()
        if piece:
            begin = start + len(first) - len(first.lstrip())
            add(_new(Span, (begin, begin + len(piece), bisect_right(line_starts, begin), piece)))
        # Later pieces begin where a boundary's whitespace ended: strip the right only.
        while cut < end:
            j += 1
            following = ends[j]
            piece = text[cut : min(following, end)].rstrip()
            add(_new(Span, (cut, cut + len(piece), bisect_right(line_starts, cut), piece)))
            cut = following
    return sentences
