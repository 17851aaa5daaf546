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

from itertools import repeat
from operator import add, itemgetter
from weakref import WeakKeyDictionary

from corpuslint.dedup.process import numpy_loaded
from corpuslint.dedup.words import ascii_fold_table, fold, word_pattern
from corpuslint.document import Document

_SPACE = 0x20
#: Of folded bytes: a letter becomes ``a``, a digit ``0``, NUL a space.
_CLASS = bytes(ord("0") if 48 <= c <= 57 else ord("a") if 97 <= c <= 122 else _SPACE for c in range(256))
#: Words are told apart by the class of their first character: a digit, or
#: one of this many groups of letters.
INITIAL_CLASSES = 8


def _initial_class(char: str) -> int:
    """Class 0 for a digit, else 1 + the character's code modulo INITIAL_CLASSES."""
    return 0 if char <= "9" else 1 + ord(char) % INITIAL_CLASSES


#: Of folded bytes: a word character becomes its class's symbol, NUL a space.
_INITIAL = bytes(ord("0") + _initial_class(chr(c)) if 48 <= c <= 57 or 97 <= c <= 122 else _SPACE for c in range(256))
#: What starts a word of each class in ``_INITIAL`` text.
_INITIAL_STARTS = tuple(bytes((_SPACE, ord("0") + k)) for k in range(INITIAL_CLASSES + 1))


class ParagraphWords:
    """Per paragraph: how many words it has, with and without numbers, and its words."""

    __slots__ = ("folded", "starts", "ends", "text_words", "word_counts", "_lists", "_initials")

    def __init__(
        self,
        folded: bytes | None,
        starts: list[int],
        ends: list[int],
        text_words: list[int],
        word_counts: list[int],
        lists: list[list[str]] | None = None,
    ) -> None:
        #: ASCII text folded by :func:`~corpuslint.dedup.words.ascii_fold_table`,
        #: with a NUL before and after (``folded[i + 1]`` is ``text[i]``); ``None``
        #: for other text.
        self.folded = folded
        #: Where the paragraphs start and end in the text.
        self.starts = starts
        self.ends = ends
        #: Words that do not start with a digit: what the size thresholds count.
        self.text_words = text_words
        #: All words, numbers included.
        self.word_counts = word_counts
        self._lists = lists
        self._initials: bytes | None = None

    def words(self, index: int) -> list[bytes] | list[str]:
        """The folded words of paragraph ``index``, in order."""
        if self._lists is not None:
            return self._lists[index]
        assert self.folded is not None
        return self.folded[self.starts[index] + 1 : self.ends[index] + 1].replace(b"\0", b" ").split()

    def word_chars(self, index: int) -> int:
        """How many characters the words of paragraph ``index`` have in all."""
        if self._lists is not None:
            return sum(map(len, self._lists[index]))
        assert self.folded is not None
        start, end = self.starts[index], self.ends[index]
        return end - start - self.folded.count(b"\0", start + 1, end + 1)

    def initials(self, index: int) -> tuple[int, ...]:
        """How many words of paragraph ``index`` begin with a character of each of
        :data:`INITIAL_CLASSES` classes: equal words begin alike, so two paragraphs
        cannot share more words than these counts allow."""
        if self._lists is not None:
            counts = [0] * (INITIAL_CLASSES + 1)
            for word in self._lists[index]:
                counts[_initial_class(word[0])] += 1
            return tuple(counts)
        if self._initials is None:
            assert self.folded is not None
            self._initials = self.folded.translate(_INITIAL)
        start, stop = self.starts[index], self.ends[index] + 1
        return tuple(map(self._initials.count, _INITIAL_STARTS, repeat(start), repeat(stop)))

    def key(self, index: int) -> bytes | str:
        """A key that paragraphs share exactly when their word sequences are equal."""
        words = self.words(index)
        return " ".join(words) if self._lists is not None else b" ".join(words)  # type: ignore[arg-type]


def _ascii_words(text: str, starts: list[int], ends: list[int]) -> ParagraphWords | None:
    folded = b"".join((b"\0", text.encode("ascii").translate(ascii_fold_table()), b"\0"))
    classes = folded.translate(_CLASS)
    # classes[i + 1] is text[i]'s class: a paragraph [start, end) is counted in
    # classes[start : end + 1], from the separator before it.
    stops = [end + 1 for end in ends]
    # The counting assumes paragraphs start and end between words.
    if bytes(map(classes.__getitem__, starts + stops)).strip():
        return None
    # A word starts where a separator is followed by a letter or a digit.
    text_words = list(map(classes.count, repeat(b" a"), starts, stops))
    word_counts = list(map(add, text_words, map(classes.count, repeat(b" 0"), starts, stops)))
    return ParagraphWords(folded, starts, ends, text_words, word_counts)


def _unicode_words(text: str, starts: list[int], ends: list[int]) -> ParagraphWords | None:
    folded = fold(text)
    pattern = word_pattern()
    size = len(folded)
    lists: list[list[str]] = []
    for start, end in zip(starts, ends, strict=True):
        if (start and pattern.match(folded, start - 1, start)) or pattern.match(folded, end, min(end + 1, size)):
            return None  # a paragraph that cuts a word
        lists.append(pattern.findall(folded, start, end))
    word_counts = list(map(len, lists))
    # Word characters below ":" are digits: a word that sorts before ":" is a number.
    text_words = [len(words) - sum(map(":".__gt__, words)) for words in lists]
    return ParagraphWords(None, starts, ends, text_words, word_counts, lists)


_CACHE: WeakKeyDictionary[Document, ParagraphWords | None] = WeakKeyDictionary()
_UNSEEN = ParagraphWords(None, [], [], [], [])
_START, _END = itemgetter(0), itemgetter(1)


def paragraph_words(doc: Document) -> ParagraphWords | None:
    """The words of ``doc``'s paragraphs (computed on first use, then shared), or
    ``None`` for text that is not ASCII once numpy is loaded, or whose paragraph
    boundaries cut words: those take numpy's hashed fingerprints."""
    found = _CACHE.get(doc, _UNSEEN)
    if found is not _UNSEEN:
        return found
    paragraphs = doc.paragraphs
    found = None
    if doc.is_ascii or not numpy_loaded():
        found = count_words(doc.text, list(map(_START, paragraphs)), list(map(_END, paragraphs)))
    _CACHE[doc] = found
    return found


def count_words(text: str, starts: list[int], ends: list[int]) -> ParagraphWords | None:
    """The words of the paragraphs ``text[starts[i]:ends[i]]`` (disjoint, in order),
    or ``None`` if a paragraph starts or ends inside a word."""
    return _ascii_words(text, starts, ends) if text.isascii() else _unicode_words(text, starts, ends)


def known_words(doc: Document) -> ParagraphWords | None:
    """The words of ``doc``'s paragraphs if already computed, else ``None``."""
    return _CACHE.get(doc)
