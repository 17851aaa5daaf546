"""The invisible characters, as sets and regex classes.

Two kinds matter: *spaces* that render as blank (a line of nothing else is an
empty line in disguise) and *hidden* characters that render as nothing at all
inside text, where they break search, tokenisation and deduplication.
"""

from __future__ import annotations

import re


def expand(spec: str) -> frozenset[str]:
    r"""The characters of a class body such as ``"\u2000-\u200a\u3000"``."""
    chars: set[str] = set()
    index = 0
    while index < len(spec):
        if spec[index + 1 : index + 2] == "-" and index + 2 < len(spec):
            chars.update(map(chr, range(ord(spec[index]), ord(spec[index + 2]) + 1)))
            index += 3
        else:
            chars.add(spec[index])
            index += 1
    return frozenset(chars)


def char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


#: Render as blank space; harmless inside text, a disguised empty line alone.
SPACES = expand("\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2800\u3164\uffa0\u115f\u1160")
#: Zero-width characters, invisible everywhere.
ZERO_WIDTH = expand("\u200b\u200c\u200d\u2060\ufeff\u00ad")
#: Controls: C0 but tab, line feed and carriage return; DEL; and the C1
#: controls Windows-1252 leaves undefined. The other C1 controls are
#: Windows-1252 punctuation read as Latin-1, which `mojibake` repairs.
CONTROLS = expand("\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d")
#: Bidirectional embeddings, overrides and isolates; deprecated format
#: characters; interlinear annotation marks.
FORMAT = expand("\u202a-\u202e\u2066-\u2069\u206a-\u206f\ufff9-\ufffb")
#: Tag characters, outside the Basic Multilingual Plane: searched apart,
#: since one astral range in a class makes sre test every character slowly.
TAGS = range(0xE0000, 0xE0080)
TAG_CLASS = "[\U000e0000-\U000e007f]"
C1_UNDEFINED_IN_WINDOWS_1252 = "\x81\x8d\x8f\x90\x9d"
ZWSP, ZWNJ, ZWJ, BOM, SOFT_HYPHEN = "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"
WAVING_BLACK_FLAG = "\U0001f3f4"  # the base of flag tag sequences such as England's
