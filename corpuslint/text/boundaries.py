"""Where sentences end: the boundary finder of the sentence splitter.

A boundary is sentence-final punctuation, optional closing quotes or brackets,
whitespace, then something that can open a sentence. The word before a full
stop vetoes the boundary when it is a known abbreviation ("Mr.", "Moh."), an
initial ("J."), or a dotted acronym ("U.S.") followed by a word that rarely
opens a sentence. Decimals never match because no space follows their dot.

Each mark has a pattern that begins with it as a literal character, so the
engine skips to candidates with a fast search (several times quicker than
testing every position against a character class). Lookbehinds in the full
stop's pattern settle the usual candidates (a full stop after a digit, or
after a plain word that is no abbreviation); only the rest run the word tests
in Python.
"""

from __future__ import annotations

import re
from operator import attrgetter

from corpuslint.text.abbreviations import ABBREVIATIONS, SENTENCE_OPENERS

#: The longest word that can be an abbreviation; longer words end sentences.
_LONGEST = 6

#: Sentence-final marks, and what may follow them before the whitespace.
_MARKS = ".!?…"
_TRAILING = _MARKS + "\"'”’»)]"
_OPENER = "(?=[\"'“‘«(\\[]?[A-Z0-9À-ÖØ-Þ])"
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([A-Za-z]+)")
_OPENING_MARKS = "\"'“‘«(["
_SETTLED = attrgetter("lastindex")


def _proofs() -> str:
    """Lookbehinds, tried just after a full stop, that prove it a boundary.

    Each mirrors a verdict of :func:`_is_boundary`: a word of letters between a
    space (or newline) and the full stop is that whole word, so its length and
    spelling decide at once. Common word lengths come first. (Classes stay
    ASCII: a class up to U+10FFFF takes milliseconds to compile.)
    """
    proofs = {
        "long": rf"(?<=[A-Za-z]{{{_LONGEST + 1}}}\.)",  # a long word: no abbreviation, no acronym
        "none": r"(?<=[\x00-@\[-`{-\x7f]\.)|(?<=\A\.)",  # after no letter: no word to veto it
        "one": r"(?<=[ \n][a-z]\.)",  # one lowercase letter: no initial
    }
    for length in range(2, _LONGEST + 1):
        words = "|".join(sorted(word for word in ABBREVIATIONS if len(word) == length))
        veto = rf"(?<!(?i:{words})\.)" if words else ""
        proofs[str(length)] = rf"(?<=[ \n][A-Za-z]{{{length}}}\.){veto}"
    return "|".join(proofs[key] for key in ("long", "4", "none", "3", "5", "2", "6", "one"))


def _candidates(mark: str) -> re.Pattern[str]:
    """Candidates that begin with ``mark``: the mark, the rest of its run of
    marks and closing quotes, whitespace, then something that opens a sentence.

    The empty group ``settled`` takes part in a match only when a proof holds:
    for other marks than the full stop, that the mark begins its run. The
    proofs run after the lookahead, on candidates only.
    """
    trailing = f"[{re.escape(_TRAILING)}]*\\s+"
    proofs = _proofs() if mark == "." else rf"(?<![{re.escape(_TRAILING)}]{re.escape(mark)})"
    return re.compile(rf"{re.escape(mark)}(?={trailing}{_OPENER})(?:(?:{proofs})(?P<settled>)|){trailing}")


#: Compiled on first use: most texts have no "!", "?" or "…".
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(mark: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(mark)
    if pattern is None:
        pattern = _PATTERNS[mark] = _candidates(mark)
    return pattern


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


def _ends(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where the sentences after the pattern's boundaries begin."""
    matches = list(pattern.finditer(text))
    if all(map(_SETTLED, matches)):
        return list(map(re.Match.end, matches))
    return [match.end() for match in matches if match.lastindex or _resolve(text, match)]


def boundaries(text: str) -> list[int]:
    """Offsets where sentences begin after a boundary, over the whole text."""
    found = [_ends(text, _pattern(mark)) for mark in _MARKS if mark in text]
    if len(found) == 1:
        return found[0]
    # Marks of one run ("?!") give one candidate each, all ending alike.
    return sorted(set().union(*found))
