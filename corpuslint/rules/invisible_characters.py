"""invisible-characters: blank-looking lines that are not empty, and hidden characters in text."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.invisible.chars import CONTROLS, FORMAT, SOFT_HYPHEN, SPACES, TAG_CLASS, ZERO_WIDTH, char_class
from corpuslint.invisible.context import is_legitimate
from corpuslint.invisible.names import CodePointsOption, code_point, describe, hidden_text, names
from corpuslint.models import Edit, Fix, Violation
from corpuslint.rule import DocumentRule, Option, Rule

#: ASCII controls that may appear in text; everything else below 0x20 is reported.
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


class InvisibleCharacters(DocumentRule):
    """
    ## What it does
    Reports lines made only of non-breaking or other invisible spaces (U+00A0,
    U+2000-U+200A, U+3000, U+2800, zero-width spaces, ...), and characters
    that render as nothing inside text: zero-width spaces and joiners, word
    joiners, byte order marks after the start of the file, C0 control
    characters other than tab, line feed and carriage return, bidirectional
    embeddings, overrides and isolates, and tag characters (which can hide
    instructions from readers but not from models; the message spells out
    the hidden text). Characters doing a job are left alone: ZWJ and ZWNJ in
    Arabic-script and Indic text and ZWJ between emoji, ZWSP between Thai,
    Lao, Khmer, Myanmar or Tibetan letters, the tags of flag emoji. C1 control
    characters that Windows-1252 defines are Windows-1252 punctuation read as
    Latin-1: `mojibake` reports and repairs those.

    ## Why is this bad?
    A line of U+00A0 looks empty but is not, so paragraph splitting,
    blank-line handling and deduplication go wrong. Hidden characters split
    words for search and tokenisers, make equal strings compare unequal, and
    bidi controls can make text display differently from how it reads.

    ## Example
    ```text
    The ministry said\u200b it would respond.
    ```
    `invisible character U+200B ZERO WIDTH SPACE`; a line holding only
    U+00A0 gives `line contains only invisible spaces (U+00A0 NO-BREAK
    SPACE)`. `--fix` removes the characters and empties such lines (the line
    itself stays, so line numbers do not move).

    ## Options
    - `soft-hyphen`: also report U+00AD SOFT HYPHEN inside text (off by
      default: it is a legitimate hyphenation hint).
    - `allow`: characters never reported, as code points (`U+202B`) or the
      characters themselves, e.g. bidi controls in a right-to-left corpus.
    """

    code = "CL302"
    name = "invisible-characters"
    summary = "Invisible spaces, zero-width or control characters"
    severity = "warning"
    fixable = True
    options = {
        "soft-hyphen": Option(False, "also report U+00AD SOFT HYPHEN inside text"),
        "allow": CodePointsOption(
            [], "a list of characters never reported: code points like U+202B, or the characters"
        ),
    }

    def setup(self) -> None:
        self.allowed = frozenset(c for c in map(code_point, self.config["allow"]) if c is not None)
        # A line with nothing visible on it, whatever it holds, is a blank line in disguise.
        blank = (SPACES | ZERO_WIDTH | CONTROLS | FORMAT) - self.allowed
        # Single-character classes without repeats: sre scans those at C
        # speed; a trailing "+" or an astral range would make it test every
        # character slowly. Runs are rebuilt from the hits below.
        self.candidates = re.compile(char_class(SPACES | ZERO_WIDTH | CONTROLS | FORMAT))
        self.tags = re.compile(TAG_CLASS)
        self.blank = re.compile(f"[ \t\r{''.join(re.escape(c) for c in sorted(blank))}{TAG_CLASS[1:-1]}]*")
        self.invisible = re.compile(char_class(blank))
        self.soft_hyphen = bool(self.config["soft-hyphen"])

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        if doc.is_ascii and len(text.encode("ascii").translate(None, _ASCII_CONTROLS)) == len(text):
            return
        line_end, blank = -1, False
        for start, end in self._runs(text, doc.is_ascii):
            if start > line_end:
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", start)
                line_end = len(text) if line_end < 0 else line_end
                content_end = line_end - 1 if text[line_start:line_end].endswith("\r") else line_end
                blank = self._is_blank(text, line_start, content_end)
                if blank:
                    yield self._blank_line(text, line_start, content_end)
            if not blank:
                yield from self._hidden(text, start, end)

    def _runs(self, text: str, ascii_only: bool) -> Iterator[tuple[int, int]]:
        """Maximal runs of candidate characters, as ``(start, end)``."""
        hits: Iterable[int] = (m.start() for m in self.candidates.finditer(text))
        # Tags lie beyond the Basic Multilingual Plane; whether a text has any
        # such character, its UTF-16 length tells ten times faster than a search.
        if not ascii_only and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text):
            hits = heapq.merge(hits, (m.start() for m in self.tags.finditer(text)))
        start = end = -1
        for at in hits:
            if at != end:
                if start >= 0:
                    yield start, end
                start = at
            end = at + 1
        if start >= 0:
            yield start, end

    def _is_blank(self, text: str, start: int, end: int) -> bool:
        # Tags alone are hidden text, reported as such; with anything else
        # invisible the line is blank, tags and all.
        matched = self.blank.match(text, start, end)
        return matched is not None and matched.end() == end and self.invisible.search(text, start, end) is not None

    def _blank_line(self, text: str, start: int, end: int) -> Violation:
        held = text[start:end].translate({ord(" "): None, ord("\t"): None, ord("\r"): None})
        kind = "spaces" if all(c in SPACES for c in held) else "characters"
        message = f"line contains only invisible {kind} ({names(held)})"
        return Violation(start, end, message, fix=Fix((Edit(start, end, ""),)))

    def _flagged(self, text: str, index: int, previous_legitimate: bool) -> tuple[bool, bool]:
        """(report it, it is legitimate) for the candidate at ``text[index]``."""
        char = text[index]
        if char in self.allowed or char == SOFT_HYPHEN and not self.soft_hyphen:
            return False, False
        # A no-break or other wide space inside text is typography, not a defect.
        legitimate = char in SPACES or is_legitimate(text, index, previous_legitimate)
        return not legitimate, legitimate

    def _hidden(self, text: str, start: int, end: int) -> Iterator[Violation]:
        group_start, legitimate = -1, False
        for index in range(start, end + 1):
            report = False
            if index < end:
                report, legitimate = self._flagged(text, index, legitimate)
            if report and group_start < 0:
                group_start = index
            elif not report and group_start >= 0:
                yield self._violation(text, group_start, index)
                group_start = -1

    def _violation(self, text: str, start: int, end: int) -> Violation:
        chars = text[start:end]
        hidden = hidden_text(chars)
        if hidden is not None:
            message = f'{len(chars)} invisible tag characters spelling "{hidden[:60]}"'
        elif len(chars) == 1:
            message = f"invisible character {describe(chars)}"
        else:
            message = f"{len(chars)} invisible characters: {names(chars)}"
        return Violation(start, end, message, fix=Fix((Edit(start, end, ""),)))


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [InvisibleCharacters]
