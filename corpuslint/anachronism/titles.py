"""Office titles: the words a text uses, and the offices each word can name.

A title key ("foreign minister", "secretary", "monarch") joins the two
sides: :data:`SURFACES` maps what a text writes ("FM", "Foreign Secretary",
"Minister of Foreign Affairs") to a key, and
:func:`corpuslint.anachronism.labels.office_titles` derives the keys of an
office from its label and kind. "Secretary Tillerson" thus
needs no list of Tillerson's titles: his office's label says "Secretary of
State", which yields the keys "secretary of state", "foreign minister" and
"secretary".
"""

from __future__ import annotations

import re
from functools import lru_cache

_US_DEPARTMENTS = (
    "commerce|labor|labour|energy|agriculture|transportation|transport|education|health|housing|veterans affairs|"
    "navy|army|air force|homeland security|interior|treasury|defense|defence|health and human services"
)


def _expand(phrase: str) -> list[str]:
    """ "minister {of|for} finance" -> ["minister of finance", "minister for finance"]."""
    match = re.search(r"\{([^}]*)\}", phrase)
    if match is None:
        return [phrase]
    return [
        v
        for option in match.group(1).split("|")
        for v in _expand(phrase[: match.start()] + option + phrase[match.end() :])
    ]


_RAW_SURFACES: dict[str, tuple[str, ...]] = {
    "vice president": ("vice president",),
    "deputy prime minister": ("{first |}{deputy|vice} {prime minister|premier|pm}",),
    "secretary-general": ("secretary general", "secretary-general"),
    "governor-general": ("governor general",),
    "foreign minister": (
        "foreign minister", "foreign affairs minister", "minister {of|for} foreign affairs", "external affairs minister",
        "minister of external affairs", "foreign secretary",
    ),
    "finance minister": (
        "finance minister", "minister {of|for} finance", "treasury secretary", "secretary of the treasury",
        "finance secretary", "treasurer", "chancellor of the exchequer", "exchequer chancellor",
    ),
    "economy minister": ("{economy|economics|economy and finance} minister", "minister {of|for} {the |}economy"),
    "defence minister": (
        "{defence|defense} minister", "minister {of|for} {national |}{defence|defense}", "{defence|defense} secretary",
        "secretary of {defence|defense}",
    ),
    "interior minister": (
        "interior minister", "minister {of|for} {the |}interior", "home minister", "home secretary",
        "home affairs minister", "minister {of|for} home affairs", "interior secretary", "secretary of the interior",
        "homeland security secretary", "secretary of homeland security",
    ),
    "justice minister": (
        "justice minister", "minister {of|for} justice", "justice secretary", "attorney general", "attorney-general",
        "law minister",
    ),
    "secretary:*": tuple(f"{d} secretary" for d in _US_DEPARTMENTS.split("|"))
    + tuple(f"secretary of {{the |}}{d}" for d in _US_DEPARTMENTS.split("|")),
    "secretary of state": ("secretary of state",),
    "crown prince": ("crown prince",),
    "central bank head": ("central bank {governor|chief|head|president|chairman|boss}",),
    "managing director": ("managing director",),
    "director-general": ("director general", "director-general"),
    "governor": ("governor",),
    "president": ("president",),
    "prime minister": ("prime minister", "premier", "taoiseach"),
    "chancellor": ("{federal |}chancellor",),
    "chairman": ("chairman", "chairwoman", "chair"),
    "monarch": ("king", "queen", "emperor", "empress", "emir", "amir", "sultan", "grand duke", "shah"),
    "leader": ("supreme leader", "leader", "party chief", "party leader", "{party |}general secretary"),
    "ambassador": ("ambassador",),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press secretary"),
    "secretary": ("secretary",),
}  # fmt: skip
#: Written form (lower case, single spaces) -> title key; the first key listed wins.
SURFACES: dict[str, str] = {}
for _key, _phrases in _RAW_SURFACES.items():
    for _variant in (v for phrase in _phrases for v in _expand(phrase)):
        SURFACES.setdefault(_variant, _key)
#: Abbreviations count only in capitals: "pm" and "fm" are also times and radio.
ABBREVIATIONS: dict[str, str] = {"PM": "prime minister", "FM": "foreign minister", "DPM": "deputy prime minister"}
#: Title keys too common outside government to count without a country or organisation before them.
NEEDS_QUALIFIER = frozenset({"chairman", "leader", "governor", "managing director", "director-general"})
#: "Secretary of the Treasury", "Commerce Secretary": the department a secretary heads.
DEPARTMENT = re.compile(rf"\b(?:secretary of (?:the )?({_US_DEPARTMENTS})|({_US_DEPARTMENTS}) secretary)\b")


def department(name: str) -> str:
    """The title key of a US department's secretary, spellings merged."""
    name = {"labour": "labor", "defense": "defence", "transport": "transportation"}.get(name, name)
    return f"secretary:{name}"


@lru_cache(maxsize=4096)
def surface_key(surface: str) -> str:
    """The key of a title as written: "Treasury Secretary" -> "finance minister"."""
    if surface in ABBREVIATIONS:
        return ABBREVIATIONS[surface]
    folded = " ".join(surface.lower().replace("-", " ").split())
    found = SURFACES.get(folded) or SURFACES.get(surface.lower(), "")
    if found == "secretary:*":
        match = DEPARTMENT.search(folded)
        return department(next(g for g in match.groups() if g)) if match else "secretary"
    return found
