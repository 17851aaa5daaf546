"""trailing-wire-credit: a news agency's credit left at the end of a story body."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpuslint.document import Document
from corpuslint.models import Edit, Fix, Violation
from corpuslint.rule import DocumentRule, Option

from corpuslint_newsroom.data import credits

#: A credit sits in the last few dozen characters; nothing before them is read.
TAIL = 120


def is_name(credit: str) -> bool:
    """Four letters or more: a name ("Reuter"), not an acronym ("AP")."""
    return sum(c.isalpha() for c in credit) >= 4


def name_pattern(name: str) -> str:
    """Names match in any case ("REUTER"); acronyms match as written."""
    escaped = re.escape(name)
    return f"(?i:{escaped})" if is_name(name) else escaped


def _credit_pattern(names: list[str]) -> str:
    one = "|".join(name_pattern(n) for n in names)
    return rf"(?:{one})(?:[ \t]*[/,&][ \t]*(?:{one}))*"  # "AP/Reuters", "AFP, Reuters"


def _continues_a_sentence(text: str, line_start: int, end: int) -> bool:
    """Whether the last line is the wrapped end of a sentence ("...told\nReuters.") rather than a sign-off.

    Sign-offs end without a full stop; tables before them often end in a lower-case word ("mln").
    """
    if not (text[end - 1] == "." and text[end - 2].isalpha()):
        return False
    body_end = len(text[:line_start].rstrip())
    wrapped = text.count("\n", body_end, line_start) == 1
    return wrapped and (text[body_end - 1].islower() or text[body_end - 1] == ",")


class TrailingWireCredit(DocumentRule):
    """
    ## What it does
    Reports a news agency's credit left at the very end of a story: a last
    line that is only a credit (`Reuter`, `(AP)`, `-- AFP`), or a credit
    after the last sentence, in brackets or after a dash
    (`...planned and carried out. (Pajhwok)`) or, for names rather than
    acronyms, bare (`...the merger. REUTER`). The agencies are listed in the
    plugin's data file `corpuslint_newsroom/data/wire.yaml`.

    A credit inside the text (`LONDON (Reuters) -`, `..., AFP reported.`) is
    attribution, not a leftover, and is never reported; nor is a bracketed
    acronym that ends a heading rather than a sentence (`Tandem (APP)`), nor
    the wrapped end of a sentence (`...told` / `Reuters.`).

    ## Why is this bad?
    The credit is transmission metadata, not part of the story: a model
    trained on it learns to end articles with "Reuter", and an archive repeats
    what belongs in its source field. The fix deletes the credit; it is
    unsafe (it removes text), so it needs `--unsafe-fixes`.

    ## Example
    ```
    ...from which attacks continued to be planned and carried out. (Pajhwok)
    ```

    ## Options
    - `extra-credits`: more agency names to recognise, as a list (default: none).
    """

    code = "NR102"
    name = "trailing-wire-credit"
    summary = "Wire agency credit left at the end of the story"
    severity = "warning"
    fixable = True
    options = {"extra-credits": Option([], "more agency names to recognise", (list,))}

    def setup(self) -> None:
        names = sorted(set(credits()) | {str(n) for n in self.config["extra-credits"]}, key=len, reverse=True)
        credit = _credit_pattern(names)
        bracketed = rf"\([ \t]*{credit}[ \t]*\)|\[[ \t]*{credit}[ \t]*\]"
        dashed = rf"(?:--?|[–—])[ \t]*{credit}"
        # Bare after the last sentence only for names, never acronyms: "in the U.S. AP" is not a credit.
        bare = _credit_pattern([n for n in names if is_name(n)])
        ending = r"[ \t]*(?:\.{1,3}|…)?"  # "REUTER..." as the old wires sent it
        self.own_line = re.compile(rf"[ \t]*(?P<credit>{bracketed}|{dashed}|{credit}){ending}")
        self.after_sentence = re.compile(rf"[.!?\"”’][ \t]*(?P<credit>{bracketed}|{dashed}|{bare}){ending}$")

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        end = len(text.rstrip())
        line_start = text.rfind("\n", 0, end) + 1
        if line_start > 0 and text[:line_start].strip() and not _continues_a_sentence(text, line_start, end):
            own = self.own_line.fullmatch(text, line_start, end)
            if own is not None:
                yield self._violation(text, own.start("credit"), end)
                return
        window = max(line_start, end - TAIL)
        tail = self.after_sentence.search(text, window, end)
        if tail is not None:
            yield self._violation(text, tail.start("credit"), end)

    def _violation(self, text: str, start: int, end: int) -> Violation:
        # Delete from the end of the story's last word, so no blank line or space is left behind.
        keep = len(text[:start].rstrip())
        fix = Fix((Edit(keep, end, ""),), safe=False)
        return Violation(start, end, f"wire credit '{text[start:end].strip()}' left at the end of the story", fix=fix)
