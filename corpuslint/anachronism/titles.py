"""Office titles: the words a text uses, and the offices each word can name.

A title key ("foreign minister", "secretary", "monarch") joins the two
sides: :data:`SURFACES` maps what a text writes ("FM", "Foreign Secretary",
"Minister of Foreign Affairs") to a key, and :func:`office_titles` derives
the keys of an office from its label and kind. "Secretary Tillerson" thus
needs no list of Tillerson's titles: his office's label says "Secretary of
State", which yields the keys "secretary of state", "foreign minister" and
"secretary".
"""

from __future__ import annotations

import re

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
_DEPARTMENT = re.compile(rf"\b(?:secretary of (?:the )?({_US_DEPARTMENTS})|({_US_DEPARTMENTS}) secretary)\b")
_PREFIXED = re.compile(
    r"^(?:first |second |third )?(?:deputy|vice|assistant|under|associate|acting|state secretary|parliamentary|"
    r"junior|minister of state|minister without portfolio|principal deputy)\b"
)
_DEPUTY_HEAD = re.compile(
    r"^(?:first |second )?(?:deputy|vice)[- ](?:prime minister|premier|chairman of the (?:council|cabinet))"
)
_VICE_PRESIDENT = re.compile(
    r"^(?:first |second )?(?:vice[- ]president|deputy president)\b(?! of the (?:council|government))"
)
_HEAD_OF_GOVERNMENT = re.compile(
    r"prime minister|premier|taoiseach|chairman of the (?:council of ministers|cabinet)|president of the "
    r"(?:council of ministers|government)|head of government"
)
_LABEL_KEYS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), keys)
    for pattern, keys in (
        (r"chancellor of the exchequer", ("finance minister", "chancellor")),
        (r"^(?:federal )?chancellor\b", ("chancellor",)),
        (r"^president\b", ("president",)),
        (
            r"^(?:king|queen|monarch|emperor|empress|emir|amir|sultan|grand duke|shah|yang di.pertuan agong)\b",
            ("monarch",),
        ),
        (r"^crown prince\b", ("crown prince",)),
        (
            r"supreme leader|general secretary of the .*(?:communist|workers|party)|first secretary of the .*communist",
            ("leader",),
        ),
        (r"secretary[- ]general", ("secretary-general",)),
        (r"governor[- ]general", ("governor-general",)),
        (r"^(?:the )?treasurer\b", ("finance minister",)),
        (r"attorney[- ]general", ("justice minister",)),
        (r"minister (?:of|for) (?:the )?econom", ("economy minister",)),
        (r"secretary of state$", ("secretary of state", "secretary")),
        (r"^chair", ("chairman",)),
        (r"^managing director", ("managing director",)),
        (r"^director[- ]general", ("director-general",)),
        (r"^governor\b", ("governor",)),
    )
)
#: The generic key of a kind, given only when the label names that portfolio.
_KIND_KEYS: dict[str, tuple[str, re.Pattern[str]]] = {
    "foreign_minister": (
        "foreign minister",
        re.compile(r"foreign|external|international relations|secretary of state$"),
    ),
    "finance_minister": ("finance minister", re.compile(r"financ|treasur|exchequer|econom")),
    "defence_minister": ("defence minister", re.compile(r"defen[cs]e(?! of)")),
    "interior_minister": ("interior minister", re.compile(r"interior|home|internal affairs|homeland")),
    "justice_minister": ("justice minister", re.compile(r"justice|attorney|\blaw\b")),
}
_PAREN = re.compile(r"\s*\(.*?\)")


def _department(name: str) -> str:
    name = {"labour": "labor", "defense": "defence", "transport": "transportation"}.get(name, name)
    return f"secretary:{name}"


def surface_key(surface: str) -> str:
    """The key of a title as written: "Treasury Secretary" -> "finance minister"."""
    if surface in ABBREVIATIONS:
        return ABBREVIATIONS[surface]
    folded = " ".join(surface.lower().replace("-", " ").split())
    found = SURFACES.get(folded) or SURFACES.get(surface.lower(), "")
    if found == "secretary:*":
        match = _DEPARTMENT.search(folded)
        return _department(next(g for g in match.groups() if g)) if match else "secretary"
    return found


def office_titles(label: str, kind: str, country: str) -> frozenset[str]:
    """Every title key under which a text can name the holder of this office."""
    text = _PAREN.sub("", label).lower().strip()
    text = re.sub(r"^(?:united states|u\.s\.) ", "", text)
    if _DEPUTY_HEAD.search(text):
        return frozenset({"deputy prime minister"})
    if _VICE_PRESIDENT.search(text):
        return frozenset({"vice president"})
    if _PREFIXED.search(text):
        return frozenset()
    keys: set[str] = set()
    if kind == "head_of_government" or _HEAD_OF_GOVERNMENT.search(text):
        keys.add("prime minister" if not text.startswith(("chancellor", "federal chancellor")) else "chancellor")
    else:
        keys.update(k for pattern, found in _LABEL_KEYS for k in found if pattern.search(text))
    generic = _KIND_KEYS.get(kind)
    if generic and generic[1].search(text) and not re.search(r"navy|army|air force", text):
        keys.add(generic[0])
    for match in _DEPARTMENT.finditer(text):
        keys.update(("secretary", _department(next(g for g in match.groups() if g))))
    if "secretary" in keys and country != "US" and text.startswith("secretary of state for"):
        keys.discard("secretary")  # a British "Secretary of State for X" is not called "Secretary X"
    if kind == "central_bank_governor":
        keys.add("central bank head")
    if kind == "ambassador":
        keys.add("ambassador")
    if kind == "spokesperson":
        keys.add("spokesperson")
    return frozenset(keys)
