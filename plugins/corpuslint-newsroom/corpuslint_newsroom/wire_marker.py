"""wire-transmission-marker: "MORE", "ENDS", "-30-" or "###" left as the last line of a story."""

from __future__ import annotations

from collections.abc import Iterable

from corpuslint.document import Document
from corpuslint.models import Edit, Fix, Violation
from corpuslint.rule import DocumentRule, Option

from corpuslint_newsroom.data import markers


def marker_key(line: str) -> str:
    """Markers compare in any case, with runs of spaces as one."""
    return " ".join(line.split()).casefold()


class WireTransmissionMarker(DocumentRule):
    """
    ## What it does
    Reports a wire transmission marker left as the last line of a story:
    a continuation marker (`MORE`, `(MORE)`, `more follows`), which means the
    story goes on in another take and this copy is cut short, or an
    end-of-story marker (`ENDS`, `-30-`, `###`). The markers are listed in the
    plugin's data file `corpuslint_newsroom/data/wire.yaml`. Only a line of
    its own after some text counts: the words "more" or "end" in a sentence
    never do.

    ## Why is this bad?
    A continuation marker is a truncated story: its later paragraphs are
    missing from the corpus. An end marker is transmission noise that a model
    learns to reproduce. End markers get an unsafe fix that deletes them;
    continuation markers get none, since deleting one would hide the loss.

    ## Example
    ```
    ...said it will ship its mid-range computer two months earlier.
     MORE
    ```

    ## Options
    - `extra-continued-markers`: more lines that mean "continued in another take" (default: none).
    - `extra-end-markers`: more end-of-story lines (default: none).
    """

    code = "NR103"
    name = "wire-transmission-marker"
    summary = "Wire transmission marker (MORE, ENDS, -30-) left at the end of the story"
    severity = "warning"
    fixable = True
    options = {
        "extra-continued-markers": Option([], "more continuation marker lines", (list,)),
        "extra-end-markers": Option([], "more end-of-story marker lines", (list,)),
    }

    def setup(self) -> None:
        data = markers()
        continued = data["continued"] + [str(m) for m in self.config["extra-continued-markers"]]
        ended = data["end"] + [str(m) for m in self.config["extra-end-markers"]]
        self.kinds = {marker_key(m): "continued" for m in continued} | {marker_key(m): "end" for m in ended}
        self.longest = max(len(m) for m in self.kinds) + 8  # a marker line is short: skip long ones unread

    def check(self, doc: Document) -> Iterable[Violation]:
        text = doc.text
        end = len(text.rstrip())
        line_start = text.rfind("\n", 0, end) + 1
        if line_start == 0 or end - line_start > self.longest or not text[:line_start].strip():
            return
        start = line_start + (len(text[line_start:end]) - len(text[line_start:end].lstrip()))
        marker = text[start:end]
        kind = self.kinds.get(marker_key(marker))
        if kind == "continued":
            message = f"'{marker}' ends the text: the story continues in another take, so it is cut short"
            yield Violation(start, end, message)
        elif kind == "end":
            fix = Fix((Edit(len(text[:start].rstrip()), end, ""),), safe=False)
            yield Violation(start, end, f"end-of-story marker '{marker}' left in the text", fix=fix)
