"""The words of each paragraph as Python strings, counted without numpy.

Most documents repeat no paragraph, and telling so needs neither hashes
nor numpy: word counts and, for the few paragraphs that could match, their
folded words. For ASCII text one ``bytes.translate`` folds case and turns
every separator into NUL, and a second marks each word character by class
(``a`` a letter, ``0`` a digit, space a separator), so the words of a
paragraph, or the ones that are numbers, are counted by one ``bytes.count``
each. Text in other scripts is folded with
:func:`~corpuslint.dedup.words.fold` and split with
:func:`~corpuslint.dedup.words.word_pattern`, the same words the hashing in
:mod:`~corpuslint.dedup.hashing` sees, but only while numpy is not loaded:
its table lookups cost far less per character than a regex, but loading it
costs more than splitting a text of a few hundred kilobytes.
"""

from __future__ import annotations

import sys
from itertools import repeat
from weakref import WeakKeyDictionary

from corpuslint.dedup.words import ascii_fold_table, fold, word_pattern
from corpuslint.document import Document

_SPACE = 0x20
#: Of folded bytes: a letter becomes ``a``, a digit ``0``, NUL a space.
_CLASS = bytes(ord("0") if 48 <= c <= 57 else ord("a") if 97 <= c <= 122 else _SPACE for c in range(256))


class ParagraphWords:
    """Per paragraph: how many words it has, with and without numbers, and its words."""

    __slots__ = ("folded", "spans", "text_words", "word_counts", "_lists")

    def __init__(
        self,
        folded: bytes | None,
        spans: list[tuple[int, int]],
        text_words: list[int],
        word_counts: list[int],
        lists: list[list[str]] | None = None,
    ) -> None:
        #: ASCII text folded by :func:`~corpuslint.dedup.words.ascii_fold_table`, with a NUL before and after
        #: (``folded[i + 1]`` is ``text[i]``); ``None`` for other text.
        self.folded = folded
        self.spans = spans
        #: Words that do not start with a digit: what the size thresholds count.
        self.text_words = text_words
        #: All words, numbers included.
        self.word_counts = word_counts
        self._lists = lists

    def words(self, index: int) -> list[bytes] | list[str]:
        """The folded words of paragraph ``index``, in order."""
        if self._lists is not None:
            return self._lists[index]
        assert self.folded is not None
        start, end = self.spans[index]
        return self.folded[start + 1 : end + 1].replace(b"\0", b" ").split()

    def word_chars(self, index: int) -> int:
        """How many characters the words of paragraph ``index`` have in all."""
        if self._lists is not None:
            return sum(map(len, self._lists[index]))
        assert self.folded is not None
        start, end = self.spans[index]
        return end - start - self.folded.count(b"\0", start + 1, end + 1)

    def key(self, index: int) -> bytes | str:
        """A key that paragraphs share exactly when their word sequences are equal."""
        words = self.words(index)
        return " ".join(words) if self._lists is not None else b" ".join(words)  # type: ignore[arg-type]


def _ascii_words(text: str, spans: list[tuple[int, int]]) -> ParagraphWords | None:
    folded = b"".join((b"\0", text.encode("ascii").translate(ascii_fold_table()), b"\0"))
    classes = folded.translate(_CLASS)
    starts = [start for start, _ in spans]
    stops = [end + 1 for _, end in spans]
    # The counting assumes paragraphs start and end between words.
    if bytes(map(classes.__getitem__, starts)).strip() or bytes(map(classes.__getitem__, stops)).strip():
        return None
    # A word starts where a separator is followed by a letter or a digit.
    text_words = list(map(classes.count, repeat(b" a"), starts, stops))
    numbers = list(map(classes.count, repeat(b" 0"), starts, stops))
    word_counts = [letters + digits for letters, digits in zip(text_words, numbers, strict=True)]
    return ParagraphWords(folded, spans, text_words, word_counts)


def _unicode_words(text: str, spans: list[tuple[int, int]]) -> ParagraphWords | None:
    folded = fold(text)
    pattern = word_pattern()
    size = len(folded)
    lists: list[list[str]] = []
    for start, end in spans:
        if (start and pattern.match(folded, start - 1, start)) or pattern.match(folded, end, min(end + 1, size)):
            return None  # a paragraph that cuts a word
        lists.append(pattern.findall(folded, start, end))
    word_counts = list(map(len, lists))
    # Word characters below ":" are digits: a word that sorts before ":" is a number.
    text_words = [len(words) - sum(map(":".__gt__, words)) for words in lists]
    return ParagraphWords(None, spans, text_words, word_counts, lists)


_CACHE: WeakKeyDictionary[Document, ParagraphWords | None] = WeakKeyDictionary()


def paragraph_words(doc: Document) -> ParagraphWords | None:
    """The words of ``doc``'s paragraphs (computed on first use, then shared), or
    ``None`` for text that is not ASCII once numpy is loaded, or whose paragraph
    boundaries cut words: those take numpy's hashed fingerprints."""
    if doc in _CACHE:
        return _CACHE[doc]
    spans = [(start, end) for start, end, _, _ in doc.paragraphs]
    text = doc.text
    found = None
    if doc.is_ascii:
        found = _ascii_words(text, spans)
    elif "numpy" not in sys.modules:
        found = _unicode_words(text, spans)
    _CACHE[doc] = found
    return found


def known_words(doc: Document) -> ParagraphWords | None:
    """The words of ``doc``'s paragraphs if already computed, else ``None``."""
    return _CACHE.get(doc)
