"""References with no antecedent: "These incidents", "the officers", "He" with no person.

Only the noun phrases that point back are looked at: a demonstrative or "the"
before a role or event noun of the lexicon, a demonstrative before a shell noun
("This move"), and a subject pronoun. Each is resolved against the text before
its sentence; what stays unresolved is a :class:`Reference` with a strength.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from corpuslint.orphans.antecedents import Earlier
from corpuslint.orphans.lexicon import Lexicon
from corpuslint.text.spans import Span

#: Role nouns resolve through a related event only if it is this many sentences back.
NEAR_SENTENCES = 4
#: The opening word, when a pronoun or determiner follows it, is read as a whole (the
#: lookahead and back-reference make an atomic group), and the first two letters of
#: every pronoun and determiner are checked before each is tried: the many sentences
#: that open with neither fail at once.
_SUBJECT = re.compile(
    r"[(\[]?(?:(?=(?P<conn>[A-Z][a-z]+))(?P=conn),?\s+(?=[HhSsTt][eh]))?(?=[HhSsTt][eh])"
    r"(?:(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\b|(?P<det>This|These|Those|The|this|these|those|the)\s+"
    r"(?P<words>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}))"
)
_INNER = re.compile(r"\bthe\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?")
#: A noun followed by these is described on the spot ("the victims of the crash"), not anaphoric.
_POSTMODIFIED = re.compile(r"\s*(?:,\s*)?(?:of|who|whom|whose|that|which|behind|responsible|involved|from|at|in|on)\b")
_DEMONSTRATIVES = frozenset(["this", "these", "those"])
#: Deictic time nouns: "this month", "these days" point at the calendar, not at the text.
_TIME_NOUNS = frozenset(
    ["day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "morning"]
    + ["afternoon", "evening", "night", "season", "spring", "summer", "autumn", "winter", "quarter"]
    + ["decade", "century", "time", "times"]
)
#: Words that end the search for a head noun: "This is a change" has no head noun.
_NOT_MODIFIERS = frozenset(
    ["a", "an", "the", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would"]
    + ["can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "not", "also", "of"]
    + ["to", "in", "on", "at", "for", "by", "with", "and", "or", "but", "as"]
)
#: A word of the phrase after a determiner.
_WORD = re.compile(r"[a-z][a-z-]*")


#: Finds the pronoun or determiner phrase that opens a sentence (see :meth:`ReferenceFinder.may_refer`).
opening_subject = _SUBJECT.match


def may_open_with_demonstrative(text: str) -> bool:
    """False when the sentence cannot open with "This", "These" or "Those": none of them
    is in it. Three substring tests, far cheaper than matching the opening."""
    return "his" in text or "hese" in text or "hose" in text


class Strength(IntEnum):
    WEAK = 1  # "the <role>" later in a sentence: also often a first mention
    MEDIUM = 2  # "The <role or event>" as subject, or a role resolved only long ago
    STRONG = 3  # a demonstrative opening the article, with nothing to point to


class Reference(NamedTuple):
    phrase: str
    strength: Strength
    reason: str


class ReferenceFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def may_refer(self, subject: re.Match[str]) -> bool:
        """Whether a sentence after the lede that opens with ``subject`` (a match of
        :data:`opening_subject`) can hold a reference: "He" or "She", or a head noun
        of the lexicon among its first words. Rules out most sentences before
        :meth:`unresolved` resolves anything."""
        pronoun = subject.group("pronoun")
        if pronoun is not None:
            return pronoun.lower() != "they"
        return not self.lexicon.families.keys().isdisjoint(subject.group("words").split())

    def unresolved(
        self,
        text: str,
        sentences: Sequence[Span],
        at: int,
        lede: bool,
        role: bool,
        match: re.Match[str] | None,
        earlier: Earlier,
    ) -> Reference | None:
        """The unresolved reference of ``sentences[at]``, if any; ``role`` looks at
        mid-sentence role nouns too (they count only with the cohesion signal).
        ``match`` is :data:`opening_subject` on the sentence, and ``earlier`` keeps what
        was read from the document for its other sentences."""
        start = sentences[at].start
        found: Reference | None = None
        if match is not None and self._connective_ok(match.group("conn")):
            if match.group("pronoun"):
                found = self._pronoun(start, match.group("pronoun"), lede, earlier)
            else:
                found = self._noun_phrase(text, sentences, at, match, lede, earlier)
        if found is None and role:
            found = self._inner_role(text, sentences, at, earlier)
        return found

    def _connective_ok(self, word: str | None) -> bool:
        return word is None or word.lower() in self.lexicon.connectives

    def _pronoun(self, start: int, pronoun: str, lede: bool, earlier: Earlier) -> Reference | None:
        # An excerpt opens with a pronoun as often as a broken article does: only a
        # pronoun after the lede, with still no person named, is evidence.
        if lede or pronoun.lower() == "they" or earlier.names_someone(start, self.lexicon.person):
            return None
        return Reference(pronoun, Strength.MEDIUM, "has no antecedent: no person is named before it")

    def _noun_phrase(
        self, text: str, sentences: Sequence[Span], at: int, match: re.Match[str], lede: bool, earlier: Earlier
    ) -> Reference | None:
        det = match.group("det")
        demonstrative = det.lower() in _DEMONSTRATIVES
        sentence_text = sentences[at].text
        for word in _WORD.finditer(match.group("words")):
            head = word.group()
            if head in _NOT_MODIFIERS or head in _TIME_NOUNS:
                return None
            end = match.start("words") + word.end()
            phrase = sentence_text[match.start("det") : end]
            if head in self.lexicon.families:
                if _POSTMODIFIED.match(sentence_text, end):
                    return None
                # Only a lede has nothing before it: later, a demonstrative may sum up
                # events the lexicon cannot name ("a strike and a power cut ... These
                # incidents"), so it needs the cohesion signal like "the".
                strength = Strength.STRONG if demonstrative and lede else Strength.MEDIUM
                return self._resolve(sentences, at, head, phrase, strength, earlier)
            if demonstrative and head in self.lexicon.shell_nouns:
                # a shell noun sums up what came before: only a lede has nothing before it
                return Reference(phrase, Strength.MEDIUM, "opens the article") if lede else None
        return None

    def _inner_role(self, text: str, sentences: Sequence[Span], at: int, earlier: Earlier) -> Reference | None:
        span = sentences[at]
        families = self.lexicon.families
        for match in _INNER.finditer(span.text, 1):
            group = 1 if match.group(1) in families else 2
            head = match.group(group)
            family = families.get(head) if head else None
            # only roles: "the attack" in mid-sentence is new information as often as not
            if family is None or not family.role or _POSTMODIFIED.match(span.text, match.end(group)):
                continue
            phrase = span.text[match.start() : match.end(group)]
            found = self._resolve(sentences, at, head, phrase, Strength.WEAK, earlier)
            if found is not None:
                return found
        return None

    def _resolve(
        self, sentences: Sequence[Span], at: int, head: str, phrase: str, strength: Strength, earlier: Earlier
    ) -> Reference | None:
        family = self.lexicon.families[head]
        text, start = earlier.text, sentences[at].start
        if earlier.mentions(family, start):
            return None
        reason = "has no antecedent in this article"
        if family.related is not None:
            near = sentences[max(0, at - NEAR_SENTENCES)].start
            if family.related.search(text, near, start):
                return None
            if family.related.search(text, 0, near):
                reason = "has no antecedent nearby"
                strength = Strength(max(Strength.WEAK, strength - 1))
        return Reference(phrase, strength, reason)
