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

#: Sentences on either side searched before the rest of the text.
FARTHER = 8
#: Characters that lower-case to a letter or a digit of the stem pattern: ASCII ones,
#: and the two others ("İ" is read as "i", the Kelvin sign as "k").
_LETTERS = frozenset(ascii_letters + "\u0130\u212a")
_ALPHANUMERIC = _LETTERS | frozenset(digits)
#: A run of lower-case letters after a space: the stem pattern reads its first four to
#: six letters in the lower-cased text too (a sentence's first word is left out, as
#: whether a letter comes before it lies outside the sentence).
#: Four or five letters make a stem only where the run of letters ends, in any case.
#: After a space rather than any white space: the pattern then opens with a plain character,
#: which the regex engine finds fast.
_WRITTEN_STEM = re.compile(r" ([a-z]{6}|[a-z]{4,5}(?![A-Za-z\u0130\u212a]))")


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
    as written outside it: looked for word by word in the sentences on either side,
    then in the :data:`FARTHER` sentences beyond them, then in the rest of the text.
    False means "not found this way", not "shares none"."""
    sentence = sentences[at]
    start, end = sentence.start, sentence.end
    last = len(sentences) - 1
    lo = sentences[at - 1].start if at else start
    hi = sentences[at + 1].end if at < last else end
    tried = []
    for match in _WRITTEN_STEM.finditer(sentence.text):
        stem = match.group(1)
        if stem in stop:
            continue
        # most words are not in the sentences beside it: two plain searches say so
        before, after = text.find(stem, lo, start), text.find(stem, end, hi)
        if (before != -1 and _found(text, stem, before, start)) or (after != -1 and _found(text, stem, after, hi)):
            return True
        tried.append(stem)
    if not tried:
        return False
    # the rest of a long text costs a search per word: its nearer part answers most
    far_lo = sentences[max(0, at - FARTHER)].start
    far_hi = sentences[min(last, at + FARTHER)].end
    if any(_found(text, stem, far_lo, lo) or _found(text, stem, hi, far_hi) for stem in tried):
        return True
    size = len(text)
    return any(_found(text, stem, 0, far_lo) or _found(text, stem, far_hi, size) for stem in tried)
