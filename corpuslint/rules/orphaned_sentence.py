"""The orphaned-sentence rule: sentences that lean on context the article lacks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.models import Violation
from corpuslint.orphans import lexicon
from corpuslint.orphans.detector import Detector, Settings
from corpuslint.rule import DocumentRule, Option, Rule


class OrphanedSentence(DocumentRule):
    """
    ## What it does
    Reports a sentence that leans on context the article does not contain:

    - a reference with no antecedent: a demonstrative before an event or role
      noun opening the article ("These incidents"), a shell noun opening it
      ("This move" with nothing before it), a role or event noun ("the
      officers", "The attackers", "the incident"), or "He"/"She" after the
      lede with no person named before it. The same noun earlier, a synonym
      or hypernym from the rule's lexicon ("the attack" or "a fraud" for "the
      incident", "police" for "the officers"), or a name resolves it;
    - spliced material: a sentence that shares none of its content words or
      names with the rest of the article while the sentences on both sides,
      in its own paragraph, do; and the sentence after a finding when the two
      together share almost nothing with the rest.

    A demonstrative opening the article is reported on its own; the other
    references only when the sentence also shares little with the article,
    because in clean news half of all "the <noun>" phrases introduce
    something new, and later in an article "These incidents" may sum up
    events the lexicon cannot name.
    A sentence that opens or closes its paragraph is not judged on cohesion
    alone: a new paragraph may change the sub-topic (wire copy, whose
    paragraphs are one or two sentences long, does so all the time).
    Quoted speech, first- and second-person sentences, headings, list items
    and runs of figures are never reported, and a sentence opened by a
    pronoun ("It", "That", "Some are"), or a connective ("But", "However"),
    or holding a demonstrative, counts as tied to its neighbours.

    ## Why is this bad?
    Such a sentence was spliced in from another story by a scraper or a bad
    merge, or the text it depended on was cut. A reader, or a model trained on
    the corpus, meets people and events that were never introduced.

    ## Example
    ```text
    US Condemns Rising Terrorism in Pakistan

    These incidents highlight the growing security concerns in the region.
    ```
    `3:1: CL401 'These incidents' has no antecedent in this article`

    ## Options
    - `min-sentences` (int, default 5): prose sentences an article needs before
      cohesion is judged (shorter ones are judged on a demonstrative opening
      them alone).
    - `min-content-words` (int, default 5): content words a sentence needs
      before sharing none of them with the article is reported; one more is
      needed each time the article doubles past eight prose sentences.
    - `min-neighbour-shared` (int, default 1): content words each neighbouring
      sentence (in the same paragraph) must share with the article for a
      sentence to stand out.
    """

    code = "CL401"
    name = "orphaned-sentence"
    summary = "Sentence refers to something the article never introduced, or was spliced in"
    severity = "warning"
    fixable = False
    options: ClassVar[dict[str, Option]] = {
        "min-sentences": Option(5, "prose sentences needed before cohesion is judged", (int,)),
        "min-content-words": Option(5, "content words needed before sharing none is reported", (int,)),
        "min-neighbour-shared": Option(1, "content words each neighbour must share with the article", (int,)),
    }

    def setup(self) -> None:
        settings = Settings(
            min_sentences=self.config["min-sentences"],
            min_content_words=self.config["min-content-words"],
            min_neighbour_shared=self.config["min-neighbour-shared"],
        )
        self.detector = Detector(lexicon.load(), settings)

    def check(self, doc: Document) -> Iterable[Violation]:
        for orphan in self.detector.find(doc):
            yield Violation(orphan.start, orphan.end, orphan.message)


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [OrphanedSentence]
