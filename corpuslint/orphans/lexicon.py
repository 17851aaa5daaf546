"""The orphaned-sentence lexicon (``corpuslint/data/orphans.yaml``), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from corpuslint import yamlio

#: The stem every content word is cut to: long enough to keep "attack" apart from
#: "attend", short enough that "reported" and "report" meet. Codes with digits
#: ("b12", "covid19") are names and count whole.
#: A stem only ever starts a run of letters; saying so lets the regex engine skip the
#: inside of every short word at once.
STEM = re.compile(r"(?<![a-z])([a-z]{4,6}|[a-z]+[0-9][a-z0-9]*)[a-z]*")


def _plural(word: str) -> str:
    """A regex for a singular noun and its plural ("gunman" -> "gunm[ae]n")."""
    if word.endswith("man"):
        return re.escape(word[:-3]) + "m[ae]n"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith(("s", "x", "ch", "sh")):
        return re.escape(word) + "(?:es)?"
    return re.escape(word) + "s?"


def _forms(words: list[str]) -> str:
    return "|".join(sorted((_plural(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


def _verbs(words: list[str]) -> str:
    """Verb stems with their inflections ("kill" -> killed, kills, killing)."""
    stems = (w[:-1] if w.endswith("e") else w for w in words)
    # the final consonant may double: "kidnap" -> "kidnapped"
    return "|".join(f"{re.escape(s)}{re.escape(s[-1])}?(?:e|es|s|ed|d|ing)?" for s in stems)


def _trie(words: list[str]) -> str:
    """An alternation of plain words with their common prefixes factored out
    ("attacker|attackers|assailant" -> "a(?:ssailant|ttacker(?:s)?)"): the regex
    engine then reads each letter once instead of trying every word in turn."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return emit(root)


def _word_re(alternation: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Family:
    """Nouns that refer back to the same kind of thing, and what resolves them."""

    name: str
    #: Matches the family's own words: an earlier one resolves a reference anywhere.
    same: re.Pattern[str]
    #: Matches related words (the event behind a role): they resolve only nearby.
    related: re.Pattern[str] | None
    #: People named by their part in an event, rather than the event itself.
    role: bool


@dataclass(frozen=True)
class Lexicon:
    #: Lower-case head noun (singular or plural) -> its family.
    families: dict[str, Family]
    shell_nouns: frozenset[str]
    person: re.Pattern[str]
    connectives: frozenset[str]
    stop_stems: frozenset[str]
    #: "the" before a role noun, perhaps with one word between ("the two officers"): a
    #: sentence without one needs no role lookup. Anchored on the literal "the", so one
    #: scan of a whole article costs little.
    role_mentions: re.Pattern[str]


def _noun_forms(words: list[str]) -> dict[str, str]:
    """Every surface form of single-word nouns, mapped to the singular."""
    forms: dict[str, str] = {}
    for word in words:
        if " " in word:
            continue
        forms[word] = word
        if word.endswith("man"):
            forms[word[:-3] + "men"] = word
        elif word.endswith("y") and word[-2:-1] not in "aeiou":
            forms[word[:-1] + "ies"] = word
        elif word.endswith(("s", "x", "ch", "sh")):
            forms[word + "es"] = word
        else:
            forms[word + "s"] = word
    return forms


def _families(data: dict[str, Any]) -> dict[str, Family]:
    heads: dict[str, Family] = {}
    for name, spec in data["roles"].items():
        related = _word_re(_forms(spec["related"]) + "|" + _verbs(spec["related"])) if "related" in spec else None
        family = Family(name, _word_re(_forms(spec["words"])), related, role=True)
        for form in _noun_forms(spec["words"]):
            heads.setdefault(form, family)
    for name, spec in data["events"].items():
        # words naming other events resolve the family's nouns but are not looked at as references
        same = _forms(spec["words"] + spec.get("antecedents", [])) + "|" + _verbs(spec["verbs"])
        family = Family(name, _word_re(same), None, role=False)
        for form in _noun_forms(spec["words"]):
            heads.setdefault(form, family)
    return heads


@cache
def load() -> Lexicon:
    text = resources.files("corpuslint").joinpath("data/orphans.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlio.safe_load(text)
    stems = frozenset(m.group(1) for w in data["stopwords"] if (m := STEM.fullmatch(w)))
    families = _families(data)
    roles = [w for w, f in families.items() if f.role]
    return Lexicon(
        families=families,
        shell_nouns=frozenset(_noun_forms(data["shell_nouns"])),
        person=_word_re(_forms(data["person_nouns"])),
        connectives=frozenset(data["connectives"]),
        stop_stems=stems,
        role_mentions=re.compile(rf"the\s+(?:[a-z][a-z-]*\s+)?{_trie(roles)}\b"),
    )
