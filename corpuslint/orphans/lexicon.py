"""The orphaned-sentence lexicon, compiled once.

People edit ``corpuslint/data/orphans.yaml``; the rule reads its JSON twin,
``orphans.json`` (written by ``scripts/build_orphans.py``), which loads
without a YAML parser."""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from importlib import resources
from typing import Any

from corpuslint.orphans import wordforms

#: The stem every content word is cut to: long enough to keep "attack" apart from
#: "attend", short enough that "reported" and "report" meet. Codes with digits
#: ("b12", "covid19") are names and count whole.
#: A stem only ever starts a run of letters; saying so lets the regex engine skip the
#: inside of every short word at once.
STEM = re.compile(r"(?<![a-z])([a-z]{4,6}|[a-z]+[0-9][a-z0-9]*)[a-z]*")


class Family:
    """Nouns that refer back to the same kind of thing, and what resolves them.

    The patterns are compiled when first used: only a sentence that refers to the
    family needs them, and compiling every family would cost each start-up more
    than the rest of the lexicon."""

    def __init__(self, name: str, forms: tuple[str, ...], related_forms: tuple[str, ...] | None, *, role: bool) -> None:
        self.name = name
        #: Every form of the family's own words.
        self.forms = forms
        #: Every form of the related words (the event behind a role), if any.
        self.related_forms = related_forms
        #: People named by their part in an event, rather than the event itself.
        self.role = role

    @cached_property
    def same(self) -> re.Pattern[str]:
        """Matches the family's own words: an earlier one resolves a reference anywhere."""
        return wordforms.word_pattern(self.forms)

    @cached_property
    def related(self) -> re.Pattern[str] | None:
        """Matches related words: they resolve a reference only nearby."""
        return None if self.related_forms is None else wordforms.word_pattern(self.related_forms)


class Lexicon:
    """The word lists of ``orphans.yaml``, read once (plain classes rather than dataclasses:
    building a dataclass costs every start-up about a millisecond)."""

    def __init__(
        self,
        *,
        families: dict[str, Family],
        shell_nouns: frozenset[str],
        person_forms: tuple[str, ...],
        connectives: frozenset[str],
        stop_stems: frozenset[str],
        role_mentions: re.Pattern[str],
    ) -> None:
        #: Lower-case head noun (singular or plural) -> its family.
        self.families = families
        self.shell_nouns = shell_nouns
        #: Every form of the nouns that stand for a person already named.
        self.person_forms = person_forms
        self.connectives = connectives
        self.stop_stems = stop_stems
        #: "the" before a role noun, perhaps with one word between ("the two officers"): a
        #: sentence without one needs no role lookup. Anchored on the literal "the", so one
        #: scan of a whole article costs little.
        self.role_mentions = role_mentions

    @cached_property
    def person(self) -> re.Pattern[str]:
        """Matches the person nouns (compiled on first use, like a family's words)."""
        return wordforms.word_pattern(self.person_forms)


def _noun_forms(words: list[str]) -> dict[str, str]:
    """Every surface form of single-word nouns, mapped to the singular."""
    return {form: word for word in words if " " not in word for form in wordforms.noun_forms(word)}


def _all_forms(nouns: list[str], verbs: tuple[str, ...] | list[str] = ()) -> tuple[str, ...]:
    """Every form of the nouns (singular and plural) and of the verbs (inflected), once each."""
    forms = [form for noun in nouns for form in wordforms.noun_forms(noun)]
    forms += [form for verb in verbs for form in wordforms.verb_forms(verb)]
    return tuple(dict.fromkeys(forms))


def _families(data: dict[str, Any]) -> dict[str, Family]:
    heads: dict[str, Family] = {}
    for name, spec in data["roles"].items():
        related = _all_forms(spec["related"], spec["related"]) if "related" in spec else None
        family = Family(name, _all_forms(spec["words"]), related, role=True)
        for form in _noun_forms(spec["words"]):
            heads.setdefault(form, family)
    for name, spec in data["events"].items():
        # words naming other events resolve the family's nouns but are not looked at as references
        same = _all_forms(spec["words"] + spec.get("antecedents", []), spec["verbs"])
        family = Family(name, same, None, role=False)
        for form in _noun_forms(spec["words"]):
            heads.setdefault(form, family)
    return heads


@cache
def load() -> Lexicon:
    text = resources.files("corpuslint").joinpath("data/orphans.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    stems = frozenset(m.group(1) for w in data["stopwords"] if (m := STEM.fullmatch(w)))
    families = _families(data)
    roles = [w for w, f in families.items() if f.role]
    return Lexicon(
        families=families,
        shell_nouns=frozenset(_noun_forms(data["shell_nouns"])),
        person_forms=_all_forms(data["person_nouns"]),
        connectives=frozenset(data["connectives"]),
        stop_stems=stems,
        # the lookahead and back-reference read the word between as a whole (an atomic
        # group): failing at each of the many "the"s costs no retreat letter by letter
        role_mentions=re.compile(rf"the\s+(?:(?=([a-z][a-z-]*))\1\s+)?{wordforms.trie(roles)}\b"),
    )
