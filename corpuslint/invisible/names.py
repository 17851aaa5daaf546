"""Names for invisible characters, and characters named in the configuration."""

from __future__ import annotations

import unicodedata
from typing import Any

from corpuslint.rule import Option

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


def code_point(value: object) -> str | None:
    """The character named by ``"U+200E"`` or given as itself; None if neither."""
    if isinstance(value, str) and len(value) == 1:
        return value
    if isinstance(value, str) and value.upper().startswith("U+"):
        try:
            return chr(int(value[2:], 16))
        except (ValueError, OverflowError):
            return None
    return None


class CodePointsOption(Option):
    """A list of characters; each entry is checked when the configuration is read."""

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list) and all(code_point(item) is not None for item in value)


def names(chars: str, most: int = 4) -> str:
    distinct = list(dict.fromkeys(chars))
    more = f" and {len(distinct) - most} more" if len(distinct) > most else ""
    return ", ".join(describe(c) for c in distinct[:most]) + more
