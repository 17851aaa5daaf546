"""mojibake: text decoded with the wrong codec, repaired as ftfy would."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from corpuslint import hookimpl
from corpuslint.document import Document
from corpuslint.models import Edit, Fix, Violation
from corpuslint.mojibake.anchors import MAY_ANCHOR, BadLineFinder
from corpuslint.mojibake.repair import changed_spans, describe, is_quoted_example, quoted
from corpuslint.rule import DocumentRule, Rule

#: ftfy writes this where a byte of the original was lost; such a repair is a guess.
REPLACEMENT_CHARACTER = "\ufffd"


class Mojibake(DocumentRule):
    """
    ## What it does
    Reports text that was decoded with the wrong codec: UTF-8 read as
    Windows-1252, Latin-1, MacRoman, Windows-1251 and the other single-byte
    code pages ftfy knows (`â€™` for `’`, `Ã©` for `é`, `Â£` for `£`), and
    Windows-1252 punctuation read as Latin-1 C1 control characters. Each line
    is checked as ftfy checks it: the rule reports a span only where
    `ftfy.fix_encoding` would change it, so correct text in any script (Greek,
    Cyrillic, Arabic, CJK, accented Latin, emoji) is never reported. The
    message shows the span, its repair and which mix-up produced it. A garble
    cited as an example (`showed "Ã©" where writers typed "é"`) is not
    reported: the span is a whole quotation and its repair appears correctly
    in the same document.

    ## Why is this bad?
    Garbled characters break search, tokenisation and deduplication, and they
    show that the pipeline decoded the whole document wrongly: a model trained
    on it learns the garble.

    ## Example
    ```text
    Itâ€™s the cafÃ© on the corner.
    ```
    is reported twice, `mojibake "â€™" -> "’" (UTF-8 read as Windows-1252)`
    and `mojibake "Ã©" -> "é"`. `--fix` writes the repairs (a repair that
    has to guess a lost byte, shown as `�`, is an unsafe fix).

    ## Options
    None.
    """

    code = "CL301"
    name = "mojibake"
    summary = "Text decoded with the wrong codec (mojibake)"
    severity = "warning"
    fixable = True

    def setup(self) -> None:
        # ftfy loads on the first document that may hold mojibake, not here,
        # nor before a parallel run starts its workers (no warm_up): about one
        # news article in forty needs it, so many processes and whole runs never do.
        self._finder: BadLineFinder | None = None
        self._may_anchor: Callable[[str], object] = MAY_ANCHOR.search

    def _load_ftfy(self) -> BadLineFinder:
        if self._finder is None:
            from ftfy import fix_encoding_and_explain

            self._finder = BadLineFinder()
            self.fix_encoding = fix_encoding_and_explain
            if not self._finder.prefilter_holds:  # a newer ftfy: its own anchors from now on
                self._may_anchor = _always
        return self._finder

    def _bad_lines(self, doc: Document) -> Iterator[tuple[int, str]]:
        if doc.is_ascii or not self._may_anchor(doc.text):
            return iter(())
        return self._load_ftfy().bad_lines(doc)

    def check(self, doc: Document) -> Iterable[Violation]:
        for offset, line in self._bad_lines(doc):
            repaired, steps = self.fix_encoding(line)
            if repaired == line:
                continue
            why = describe([(step.action, step.parameter) for step in steps or ()])
            suffix = f" ({why})" if why else ""
            for change in changed_spans(line, repaired):
                if is_quoted_example(line, change, doc.text):
                    continue
                start, end = offset + change.start, offset + change.end
                garbled = line[change.start : change.end]
                message = f"mojibake {quoted(garbled)} -> {quoted(change.replacement)}{suffix}"
                fix = Fix((Edit(start, end, change.replacement),), safe=REPLACEMENT_CHARACTER not in change.replacement)
                yield Violation(start, end, message, fix=fix)


def _always(text: str) -> re.Match[str] | None:
    return re.match("", text)


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [Mojibake]
