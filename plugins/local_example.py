"""A newsroom's house rule: "TK" placeholders left in copy.

A complete corpuslint plugin in one file, loaded without packaging from
corpuslint.yaml: ``plugins: ["./plugins/local_example.py"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule, Option, Rule


class PlaceholderText(DocumentRule):
    """
    ## What it does
    Reports the placeholders reporters type for a fact still to come, such as
    `TK` ("to come") and `TKTK`, left in the text.

    ## Why is this bad?
    A placeholder in a published story is a fact that never arrived: the
    sentence around it is incomplete.

    ## Example
    ```
    The mayor, who took office in TK, said the budget would pass.
    ```

    ## Options
    - `placeholders`: the placeholder words to look for (default: `["TK", "TKTK"]`).
    """

    code = "HS101"
    name = "placeholder-text"
    summary = "Placeholder for a missing fact (TK) left in the text"
    severity = "warning"
    options = {"placeholders": Option(["TK", "TKTK"], "placeholder words to look for", (list,))}

    def setup(self) -> None:
        # Once per process, not per document: one pattern for every placeholder,
        # as whole words in capitals, the way reporters type them.
        words = "|".join(re.escape(word) for word in self.config["placeholders"])
        self.pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)")

    def check(self, doc: Document) -> Iterable[Violation]:
        for match in self.pattern.finditer(doc.text):
            yield Violation(match.start(), match.end(), f"placeholder '{match.group()}' left in the text")


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [PlaceholderText]
