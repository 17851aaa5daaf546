"""Person names as lookup keys: folded, and the short forms the press uses.

"Rex W. Tillerson" is written "Rex Tillerson"; "Khawaja Muhammad Asif" is
"Khawaja Asif"; "Karl Otto Pöhl" is "Karl Otto Poehl" in an ASCII wire. A
key is lower case, without accents, initials, suffixes or punctuation, so
the text side and the knowledge-base side meet in one dictionary lookup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Countries whose names put the family name first (Zhao Ziyang, Chun Doo-hwan).
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH", "SG", "MN"})
#: Countries where a double family name is common (Salinas de Gortari, Lopez Obrador).
DOUBLE_SURNAME = frozenset(
    [
        "ES",
        "PT",
        "BR",
        "MX",
        "AR",
        "CO",
        "PE",
        "VE",
        "CL",
        "EC",
        "BO",
        "PY",
        "UY",
        "CU",
        "DO",
        "GT",
        "HN",
        "SV",
        "NI",
        "CR",
        "PA",
    ]
)
PARTICLES = frozenset(
    ["de", "da", "das", "do", "dos", "du", "del", "della", "la", "le", "van", "von", "der", "den", "ter"]
)
#: Tokens that are never part of the key: generational suffixes, honorifics, initials.
_DROP = frozenset({"jr", "sr", "sir", "dame", "lord", "dr", "mr", "mrs", "ms", "gen", "general", "sheikh", "shaikh"})
#: Regnal and generational numbers: kept ("King Charles II" is not Charles III), and
#: also dropped in a second spelling ("James Baker III" is written "James Baker").
_NUMERALS = frozenset({"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi"})
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_STRIP = re.compile(r"[^\w\s\-‐‑–]")
#: Wikidata labels carry titles after a comma ("Edward George, Baron George") or in parentheses.
_LABEL_NOISE = re.compile(r"\s*\(.*?\)|,\s.*$")
#: "Hassan II of Morocco", "Elizabeth II": a monarch's label names the realm.
_REALM = re.compile(r"\s+of\s+.*$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: "Pöhl" -> "pohl", "Alfonsín" -> "alfonsin"."""
    if text.isascii():
        return text.lower()  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def tokens(name: str) -> list[str]:
    """The folded tokens of a name that identify the person."""
    cleaned = _STRIP.sub("", name.replace("’", "'").replace("'", ""))
    parts = [fold(part) for part in _SPLIT.split(cleaned) if part]
    return [p for p in parts if p and p not in _DROP and not (len(p) == 1 and p.isalpha())]


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """The lookup key of a name; cached, as texts repeat the same names."""
    return " ".join(tokens(name))


def _spellings(label: str, monarch: bool) -> set[str]:
    label = _LABEL_NOISE.sub("", label).strip()
    if monarch:
        label = _REALM.sub("", label)
    return {label, label.translate(_GERMAN)}


def _surnames(parts: list[str], country: str) -> set[str]:
    if country in FAMILY_NAME_FIRST:
        return {parts[0]}
    found = {parts[-1]}
    start = len(parts) - 1
    while start > 1 and parts[start - 1] in PARTICLES:
        start -= 1
    found.add(" ".join(parts[start:]))  # "de la Madrid"
    if len(parts) >= 3 and country in DOUBLE_SURNAME:
        # "Salinas de Gortari", "Lopez Obrador": the paternal name leads.
        paternal = len(parts) - 2 if parts[-2] not in PARTICLES else len(parts) - 3
        if paternal >= 1 and parts[paternal] not in PARTICLES:
            found.update((" ".join(parts[paternal:]), parts[paternal]))
    return found


def aliases(label: str, country: str = "", monarch: bool = False) -> tuple[set[str], set[str]]:
    """Full keys (the whole name, first + last) and short keys (the surname alone).

    A short key identifies a person only next to a title ("Secretary
    Tillerson"); a monarch is known by the first name ("King Fahd").
    """
    full: set[str] = set()
    short: set[str] = set()
    for spelling in _spellings(label, monarch):
        numbered = tokens(spelling)
        if numbered:
            full.add(" ".join(numbered))
        _add_keys([p for p in numbered if p not in _NUMERALS], country, monarch, full, short)
    return full, short - full


def _add_keys(parts: list[str], country: str, monarch: bool, full: set[str], short: set[str]) -> None:
    if parts:
        full.add(" ".join(parts))
        if monarch:
            short.add(parts[0])
            return
        if len(parts) >= 3 and country not in FAMILY_NAME_FIRST:
            full.add(f"{parts[0]} {parts[-1]}")
        short.update(_surnames(parts, country))
