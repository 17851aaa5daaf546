"""Whether a word of a sentence recurs elsewhere, answered from the text as written.

Asking whether a sentence shares a content word with the rest of its article
is the detector's commonest question, and nearly always the answer is yes: a
lower-case word of the sentence occurs, in lower case, in the sentence before
or after it. Found that way, the answer needs neither the lower-cased article
(lower-casing a long page costs more than many searches) nor a search through
all of it; only a sentence whose lower-case words recur nowhere as written is
looked at in lower case (:meth:`corpuslint.orphans.article.Article.shares_any`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from string import ascii_letters, digits

from corpuslint.text.spans import Span

#: Characters that lower-case to a letter or a digit of the stem pattern: ASCII ones,
#: and the two others ("İ" is read as "i", the Kelvin sign as "k").
_LETTERS = frozenset(ascii_letters + "\u0130\u212a")
_ALPHANUMERIC = _LETTERS | frozenset(digits)
#: A run of lower-case letters after white space: the stem pattern reads its first four
#: to six letters in the lower-cased text too (a sentence's first word is left out, as
#: whether a letter comes before it lies outside the sentence).
#: Four or five letters make a stem only where the run of letters ends, in any case.
_WRITTEN_STEM = re.compile(r"\s([a-z]{6}|[a-z]{4,5}(?![A-Za-z\u0130\u212a]))")


def _found(text: str, stem: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds ``stem`` where the stem pattern would read it in the
    lower-cased text: at a word start, and a whole run of letters if shorter than six."""
    whole = len(stem) < 6
    size = len(text)
    i = text.find(stem, lo, hi)
    while i != -1:
        if not i or text[i - 1] not in _ALPHANUMERIC:
            after = i + len(stem)
            if not (whole and after < size and text[after] in _LETTERS):
                return True
        # after a letter it is inside a word; after a digit only the lower-cased text can
        # tell where the stem pattern starts
        i = text.find(stem, i + 1, hi)
    return False


def recurs_as_written(text: str, sentences: Sequence[Span], at: int, stop: frozenset[str]) -> bool:
    """True when a stem of a lower-case word of sentence ``at`` (not in ``stop``) occurs
    as written outside it: looked for in the sentences on either side first, word by
    word, then anywhere. False means "not found this way", not "shares none"."""
    sentence = sentences[at]
    start, end = sentence.start, sentence.end
    lo = sentences[at - 1].start if at else start
    hi = sentences[at + 1].end if at + 1 < len(sentences) else end
    tried = []
    for match in _WRITTEN_STEM.finditer(sentence.text):
        stem = match.group(1)
        if stem in stop:
            continue
        if _found(text, stem, lo, start) or _found(text, stem, end, hi):
            return True
        tried.append(stem)
    size = len(text)
    return any(_found(text, stem, 0, lo) or _found(text, stem, hi, size) for stem in tried)
