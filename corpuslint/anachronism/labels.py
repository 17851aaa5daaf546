"""The title keys of an office, derived from its label and kind.

"Secretary Tillerson" needs no list of Tillerson's titles: his office's
label says "Secretary of State", which yields the keys "secretary of
state", "foreign minister" and "secretary". The knowledge-base builder
stores the keys with each office, so the rule never runs this at start.
"""

from __future__ import annotations

import re

from corpuslint.anachronism.titles import DEPARTMENT, department

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
    for match in DEPARTMENT.finditer(text):
        keys.update(("secretary", department(next(g for g in match.groups() if g))))
    if "secretary" in keys and country != "US" and text.startswith("secretary of state for"):
        keys.discard("secretary")  # a British "Secretary of State for X" is not called "Secretary X"
    if kind == "central_bank_governor":
        keys.add("central bank head")
    if kind == "ambassador":
        keys.add("ambassador")
    if kind == "spokesperson":
        keys.add("spokesperson")
    return frozenset(keys)
