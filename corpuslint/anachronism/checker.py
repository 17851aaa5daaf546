"""One document through the whole check: title scan, mentions, verdicts.

The title scan runs on every document; the knowledge base's name index is
read at the first title followed by a name, and the verdict machinery
(:mod:`corpuslint.anachronism.verdicts`: date, sentences, country evidence,
terms) is imported at the first mention of someone the knowledge base
knows, which is rare.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from corpuslint.anachronism.dates import DateSettings
from corpuslint.anachronism.kb import KnowledgeBase
from corpuslint.anachronism.matching import MentionFinder
from corpuslint.anachronism.qualifiers import QualifierReader, load_countries
from corpuslint.document import Document

if TYPE_CHECKING:
    from corpuslint.anachronism.verdicts import Report, Verdicts


class CheckSettings(NamedTuple):
    tolerance_days: int = 7
    check_undated: bool = True
    dates: DateSettings = DateSettings()


class Checker:
    def __init__(self, kb: KnowledgeBase, settings: CheckSettings) -> None:
        self.kb = kb
        self.settings = settings
        self.finder = MentionFinder(kb, QualifierReader(load_countries, kb.organisations))

    @cached_property
    def _verdicts(self) -> Verdicts:
        from corpuslint.anachronism.verdicts import Verdicts

        s = self.settings
        return Verdicts(self.kb, s.tolerance_days, s.check_undated, s.dates)

    def load(self) -> None:
        """Read the knowledge base and import the reasoning now, not at the first mention."""
        _ = self.kb.full, self._verdicts
        self.kb.load()

    def check(self, doc: Document) -> list[Report]:
        mentions = list(self.finder.find(doc.text))
        if not mentions:
            return []
        return self._verdicts.check(doc, mentions)
