"""The mentions of known officeholders in one document, judged against its date.

Imported at the first document that names someone the knowledge base knows:
the date grammar, the time context and the reasoning cost start-up time that
most documents never need.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from corpuslint.anachronism.context import ENDED_BEFORE, refers_to_past, shows_incumbent
from corpuslint.anachronism.docdate import DateSettings, DocumentDate, document_date
from corpuslint.anachronism.evidence import CountryEvidence
from corpuslint.anachronism.kb import KnowledgeBase
from corpuslint.anachronism.matching import Mention
from corpuslint.anachronism.names import key
from corpuslint.anachronism.reasoning import (
    Candidate,
    candidates,
    disjoint,
    held_by,
    out_of_office,
    shift,
    spans,
)
from corpuslint.document import Document

#: A surname shared by at most this many people needs no country named in the text.
DISTINCTIVE = 3


class Report(NamedTuple):
    start: int
    end: int
    message: str


class Judged(NamedTuple):
    mention: Mention
    cands: list[Candidate]
    incumbent: bool


class Verdicts:
    def __init__(self, kb: KnowledgeBase, tolerance_days: int, check_undated: bool, dates: DateSettings) -> None:
        self.kb = kb
        self.tolerance_days = tolerance_days
        self.check_undated = check_undated
        self.dates = dates
        self.evidence = CountryEvidence()

    def _distinctive(self, mention: Mention) -> bool:
        """A surname few people in the knowledge base share ("Reagan", not "Johnson")."""
        return self.kb.sharing_surname(key(mention.name)) <= DISTINCTIVE

    def _candidates(self, doc: Document, mentions: list[Mention]) -> list[tuple[Mention, list[Candidate]]]:
        """The mentions that name someone in an office the knowledge base knows."""
        found: list[tuple[Mention, list[Candidate]]] = []
        countries: set[str] | None = None
        for mention in mentions:
            cands = candidates(self.kb, mention) if not mention.markers else []
            if cands and not mention.full_name and mention.qualifier is None and not self._distinctive(mention):
                # A common surname and a title alone: the person's country must be in the text.
                countries = self.evidence.countries(doc.text) if countries is None else countries
                cands = [c for c in cands if c.office.country in countries]
            if cands:
                found.append((mention, cands))
        return found

    def _judge(self, doc: Document, found: list[tuple[Mention, list[Candidate]]], year: int | None) -> list[Judged]:
        judged: list[Judged] = []
        seen: set[tuple[str, str]] = set()
        starts = [s.start for s in doc.sentences]
        for mention, cands in found:
            keys = {(c.person, c.office.id) for c in cands}
            if keys <= seen:
                continue  # one verdict per person and office: the first mention not about the past
            sentence = doc.sentences[max(0, bisect_right(starts, mention.start) - 1)]
            after = doc.text[mention.end : sentence.end]
            if refers_to_past(sentence.text, after, cands, year):
                continue
            seen |= keys
            before = doc.text[max(sentence.start, mention.start - 60) : mention.start]
            if ENDED_BEFORE.search(before):
                continue  # "the resignation in January of party leader Hu Yaobang"
            # A country before the title marks the incumbent ("U.S. President Reagan"), but
            # not for ambassadors: that is a rank their holders keep in any later post.
            qualified = mention.qualifier is not None and mention.title != "ambassador"
            incumbent = qualified or shows_incumbent(before, after, sentence.text)
            judged.append(Judged(mention, cands, incumbent))
        return judged

    def check(self, doc: Document, mentions: list[Mention]) -> list[Report]:
        found = self._candidates(doc, mentions)
        if not found:
            return []
        docdate = document_date(doc, self.dates)
        # Most documents name their officeholders in office: when no mention can be
        # reported, the context of each (sentences, time words) need not be read.
        if docdate is not None and not any(self._may_be_out(cands, docdate) for _, cands in found):
            return []
        if docdate is None and not (self.check_undated and self._may_contradict(found)):
            return []
        judged = self._judge(doc, found, docdate.first.year if docdate else None)
        if docdate is not None:
            return [r for j in judged if (r := self._dated(j, docdate)) is not None]
        return self._undated(judged)

    def _may_be_out(self, cands: list[Candidate], docdate: DocumentDate) -> bool:
        """Whether no term of the mention comes near the date (the first test of :func:`out_of_office`)."""
        lo, hi = shift(docdate.first, -self.tolerance_days), shift(docdate.last, self.tolerance_days)
        return not any(t.possibly_on(lo, hi) for c in cands for t in c.terms)

    def _may_contradict(self, found: list[tuple[Mention, list[Candidate]]]) -> bool:
        """Whether two mentions' terms lie apart (the first test of :meth:`_contradict`)."""
        tolerance = self.tolerance_days
        held = [spans(cands, True) for _, cands in found]
        return any(disjoint(held[j], held[i], tolerance) for i in range(len(held)) for j in range(i))

    def _dated(self, judged: Judged, docdate: DocumentDate) -> Report | None:
        tolerance = self.tolerance_days
        cand = out_of_office(self.kb, judged.cands, docdate.first, docdate.last, tolerance, judged.incumbent)
        if cand is None:
            return None
        m = judged.mention
        person = self.kb.person(cand.person).name
        terms = ", ".join(t.describe() for t in cand.terms)
        holders = held_by(self.kb, cand, docdate.first, docdate.last)
        message = (
            f"'{m.written}' does not fit the document date ({docdate.describe()}): "
            f"{person} held {cand.office.label} {terms}; on that date: {holders}"
        )
        return Report(m.start, m.end, message)

    def _undated(self, judged: list[Judged]) -> list[Report]:
        reports: list[Report] = []
        for i, later in enumerate(judged):
            for earlier in judged[:i]:
                if self._contradict(earlier, later) and self._contradict(later, earlier):
                    reports.append(self._contradiction(earlier, later))
                    break
        return reports

    def _contradict(self, one: Judged, other: Judged) -> bool:
        """``one`` cannot be in office at any time ``other`` may be (and the KB knows those times)."""
        tolerance = self.tolerance_days
        if not disjoint(spans(one.cands, True), spans(other.cands, True), tolerance):
            return False
        first = min(t.earliest for c in other.cands for t in c.terms)
        last = max(t.latest for c in other.cands for t in c.terms)
        return out_of_office(self.kb, one.cands, first, last, tolerance, one.incumbent) is not None

    def _contradiction(self, earlier: Judged, later: Judged) -> Report:
        def who(j: Judged) -> str:
            cand = j.cands[0]
            terms = ", ".join(t.describe() for t in cand.terms)
            return f"{self.kb.person(cand.person).name} held {cand.office.label} {terms}"

        m = later.mention
        message = (
            f"'{m.written}' and '{earlier.mention.written}' cannot both "
            f"be in office at one time (the document has no date): {who(later)}; {who(earlier)}"
        )
        return Report(m.start, m.end, message)
