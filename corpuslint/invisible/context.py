"""Where an invisible character does a job: joiners in the scripts that shape
with them, emoji sequences, word breaks in scripts written without spaces,
flag tags, and C1 controls that are part of a garble."""

from __future__ import annotations

import re

from corpuslint.invisible.chars import (
    BOM,
    C1_UNDEFINED_IN_WINDOWS_1252,
    TAGS,
    WAVING_BLACK_FLAG,
    ZWJ,
    ZWNJ,
    ZWSP,
)

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
#: UTF-8 continuation bytes 0x80-0xBF and lead bytes 0xC2-0xF4 as Latin-1 or
#: Windows-1252 show them.
CONTINUATION_BYTES = frozenset(map(chr, range(0x80, 0xC0))) | frozenset(
    bytes(range(0x80, 0xA0)).decode("windows-1252", errors="ignore")
)
LEAD_BYTES = frozenset(map(chr, range(0xC2, 0xF5)))


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
        while lead >= 0 and index - lead <= 3 and text[lead] in CONTINUATION_BYTES:
            lead -= 1
        return lead >= 0 and index - lead <= 3 and text[lead] in LEAD_BYTES
    return False
