"""The invisible characters, their names, and the contexts that need them.

Two kinds matter: *spaces* that render as blank (a line of nothing else is an empty line
in disguise) and *hidden* characters that render as nothing at all inside
text, where they break search, tokenisation and deduplication.
"""

from __future__ import annotations

import re
import unicodedata


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
#: UTF-8 continuation bytes 0x80-0xBF and lead bytes 0xC2-0xF4 as Latin-1 or
#: Windows-1252 show them.
_CONTINUATION_BYTES = frozenset(map(chr, range(0x80, 0xC0))) | frozenset(
    bytes(range(0x80, 0xA0)).decode("windows-1252", errors="ignore")
)
_LEAD_BYTES = frozenset(map(chr, range(0xC2, 0xF5)))

#: Scripts whose shaping uses ZWJ and ZWNJ: Hebrew, Arabic, Syriac, Thaana,
#: N'Ko, the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian, Brahmi and
#: their presentation forms.
JOINING_SCRIPTS = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af"
    "\ua8e0-\ua8ff\ufb1d-\ufdff\ufe70-\ufefc\U00011000-\U000111ff]"
)
#: Emoji and what stands between them in ZWJ sequences (VS16, skin tones).
EMOJI = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21ff\u2300-\u23ff\u24c2\u25a0-\u27bf"
    "\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299\ufe0f\U0001f000-\U0001faff]"
)
#: Scripts written without spaces, where ZWSP marks word boundaries.
NO_SPACE_SCRIPTS = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")

_C0_NAMES = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)
#: Control characters have no Unicode name, only aliases (unicodedata.name fails).
CONTROL_NAMES = dict(enumerate(_C0_NAMES)) | {
    0x7F: "DELETE",
    0x81: "HIGH OCTET PRESET",
    0x8D: "REVERSE LINE FEED",
    0x8F: "SINGLE SHIFT THREE",
    0x90: "DEVICE CONTROL STRING",
    0x9D: "OPERATING SYSTEM COMMAND",
}


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``."""
    code = ord(char)
    name = CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} {name}".rstrip()


def hidden_text(chars: str) -> str | None:
    """The ASCII that a run of tag characters spells (text hidden from readers), if any."""
    if chars and all(0xE0020 <= ord(c) <= 0xE007E for c in chars):
        return "".join(chr(ord(c) - 0xE0000) for c in chars)
    return None


def _is(pattern: re.Pattern[str], char: str) -> bool:
    return bool(char) and pattern.match(char) is not None


def is_legitimate(text: str, index: int, previous_legitimate: bool = False) -> bool:
    """Whether the invisible character at ``text[index]`` does a job where it stands.

    ``previous_legitimate`` says whether ``text[index - 1]`` did: a run of tag
    characters is legitimate as a whole or not at all.
    """
    char = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1 : index + 2]
    if char in (ZWJ, ZWNJ):
        # Persian "می‌خواهم", Indic conjuncts; ZWJ also builds emoji like 👨‍👩‍👧.
        return _is(JOINING_SCRIPTS, before) or (char == ZWJ and _is(EMOJI, before) and _is(EMOJI, after))
    if char == ZWSP:
        return _is(NO_SPACE_SCRIPTS, before) and _is(NO_SPACE_SCRIPTS, after)
    if char == BOM:
        return index == 0
    if ord(char) in TAGS:
        # Flag sequences such as England's are 🏴 followed by tags; anywhere
        # else tags hide text from readers (and not from models).
        return before == WAVING_BLACK_FLAG or (previous_legitimate and bool(before) and ord(before) in TAGS)
    if char in C1_UNDEFINED_IN_WINDOWS_1252:
        # Inside a garble ("â€\x9d" is "”" read as Windows-1252) it belongs
        # to the garble, which `mojibake` repairs whole: walk back over at most
        # the three continuation bytes a UTF-8 sequence has, to its lead byte.
        lead = index - 1
        while lead >= 0 and index - lead <= 3 and text[lead] in _CONTINUATION_BYTES:
            lead -= 1
        return lead >= 0 and index - lead <= 3 and text[lead] in _LEAD_BYTES
    return False
