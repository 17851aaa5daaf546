"""What ftfy's repair of a line changed: the spans, their replacements, and why."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Display names of the codecs ftfy tries (``ftfy.chardata.CHARMAP_ENCODINGS``).
CODEC_NAMES = {
    "latin-1": "Latin-1",
    "sloppy-windows-1252": "Windows-1252",
    "sloppy-windows-1251": "Windows-1251",
    "sloppy-windows-1250": "Windows-1250",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "iso-8859-2": "ISO-8859-2",
    "macroman": "MacRoman",
    "cp437": "CP437",
}
#: Marks that set off a quoted example, as text and as the HTML entities scraped pages keep.
QUOTE_MARKS = tuple("\"'`“”‘’«»„‚‹›") + ("&quot;", "&#34;", "&#39;", "&apos;")
#: Longest span shown in a message; hopeless garbles can run on for a line.
SHOWN_CHARS = 40


@dataclass(frozen=True)
class Change:
    """``original[start:end]`` became ``replacement``."""

    start: int
    end: int
    replacement: str


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _joinable(gap: str) -> bool:
    # A garbled line of Cyrillic or Greek is garbled word after word: report
    # the run once, not per word. Garbles apart by ASCII words stay apart.
    return len(gap) <= 3 and not any(c.isascii() and c.isalnum() for c in gap)


def changed_spans(original: str, fixed: str) -> list[Change]:
    """The minimal stretches of ``original`` that differ from ``fixed``, one per garble."""
    head = _common_prefix(original, fixed)
    tail = _common_prefix(original[head:][::-1], fixed[head:][::-1])
    a, b = original[head : len(original) - tail], fixed[head : len(fixed) - tail]
    regions: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if regions and _joinable(original[regions[-1][1] : i1]):
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    changes = []
    for i1, i2, j1, j2 in regions:
        # "Â£" -> "£" aligns as a bare deletion of "Â": show the neighbour it garbled.
        if i1 == i2 or j1 == j2:
            if i2 < len(original):
                i2, j2 = i2 + 1, j2 + 1
            elif i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
        changes.append(Change(i1, i2, fixed[j1:j2]))
    return changes


def is_quoted_example(line: str, change: Change, document: str) -> bool:
    """True when a garble is cited, not suffered: ``I saw "Ã¤" instead of "ä"``.

    The span is the whole of a quotation and its repair is written correctly
    elsewhere in the document; real mojibake garbles the text around it too.
    """
    quoted = line[: change.start].endswith(QUOTE_MARKS) and line[change.end :].startswith(QUOTE_MARKS)
    return quoted and bool(change.replacement.strip()) and change.replacement in document


def quoted(text: str) -> str:
    """``text`` in quotes for a message: invisible and control characters escaped, long runs cut."""
    out = []
    for char in text[:SHOWN_CHARS]:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or (char.isspace() and char != " "):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    # The cut is marked outside the quotes: "…" itself occurs in mojibake.
    return '"' + "".join(out) + '"' + ("…" if len(text) > SHOWN_CHARS else "")


def describe(steps: Sequence[tuple[str, str]]) -> str:
    """ftfy's explanation in words: ``UTF-8 read as Windows-1252``."""
    said: list[str] = []
    for index, (action, parameter) in enumerate(steps):
        following = steps[index + 1] if index + 1 < len(steps) else ("", "")
        if action == "encode" and following == ("decode", "windows-1252"):
            said.append("Windows-1252 read as Latin-1")
        elif action == "encode":
            said.append(f"UTF-8 read as {CODEC_NAMES.get(parameter, parameter)}")
        elif parameter == "decode_inconsistent_utf8":
            said.append("UTF-8 read as a single-byte code page")
        elif parameter == "fix_c1_controls":
            said.append("Windows-1252 read as Latin-1")
    if not said:
        return ""
    if len(set(said)) == 1 and len(said) > 1:
        return f"{said[0]}, {len(said)} times"
    return ", then ".join(said)
