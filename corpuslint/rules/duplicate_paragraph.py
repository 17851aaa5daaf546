"""duplicate-paragraph: a paragraph that repeats an earlier one of the same document."""

from __future__ import annotations

from collections.abc import Iterable

from corpuslint import hookimpl
from corpuslint.dedup.repeats import repeated_paragraphs
from corpuslint.document import Document
from corpuslint.models import Edit, Fix, Violation
from corpuslint.rule import DocumentRule, Option, Rule
from corpuslint.text.spans import Span


class DuplicateParagraph(DocumentRule):
    """
    ## What it does
    Reports a paragraph that repeats an earlier paragraph of the same
    document (a repeated headline counts), on the later copy, with the first
    copy as related location. Paragraphs are compared by their words, so case,
    whitespace, line wrapping, punctuation and quote style do not matter; a
    copy with a word changed is a near-duplicate when the words matched in
    order, `M`, make the word-level Jaccard similarity `M / (n + m - M)` of
    paragraphs of `n` and `m` words at least `similarity`.

    ## Why is this bad?
    Repeated paragraphs are scraping and templating accidents: the headline
    copied under the dateline, a block pasted twice. They inflate a corpus,
    and a model trained on it learns to repeat itself.

    ## Example
    ```text
    Partnership with Pakistan Key to Regional Stability: US

    Partnership with Pakistan Key to Regional Stability: US
    ```
    reports line 3: `paragraph repeats line 1`. The unsafe fix deletes the
    later copy and the blank line after it.

    ## Options
    - `min-words`: paragraphs with fewer words are not compared (default 4),
      so that short lines such as bylines, datelines and sign-offs never count.
      Numbers ("1987", "3,122,000") are not counted as words, so rows of a
      table of figures stay below the minimum.
    - `near-min-words`: paragraphs with fewer words are compared for exact
      repeats only (default 10): a short line that differs in one word, like
      `Shr 12 cts vs 10 cts` under `Shr 14 cts vs 10 cts`, is a new row of a
      list, not an edited copy.
    - `similarity`: the in-order word Jaccard similarity of a near-duplicate
      (default 0.8: one word changed in ten still counts, two do not; 1.0
      reports exact repeats only).
    """

    code = "CL101"
    name = "duplicate-paragraph"
    summary = "Paragraph repeats an earlier paragraph of the same document"
    severity = "warning"
    fixable = True
    options = {
        "min-words": Option(4, "paragraphs with fewer words are not compared", (int,)),
        "similarity": Option(0.8, "in-order word Jaccard similarity of a near-duplicate", (float,)),
        "near-min-words": Option(10, "paragraphs with fewer words are compared for exact repeats only", (int,)),
    }

    def check(self, doc: Document) -> Iterable[Violation]:
        paragraphs = doc.paragraphs
        if len(paragraphs) < 2:
            return
        config = self.config
        found = repeated_paragraphs(doc, config["min-words"], config["near-min-words"], float(config["similarity"]))
        for later, (earlier, similarity) in sorted(found.items()):
            yield self._violation(doc, paragraphs[later], paragraphs[earlier], similarity)

    @staticmethod
    def _violation(doc: Document, copy: Span, original: Span, similarity: float) -> Violation:
        line = original.line
        what = f"repeats line {line}" if similarity >= 1.0 else f"nearly repeats line {line} ({similarity:.0%} similar)"
        return Violation(
            copy.start, copy.end, f"paragraph {what}", (doc.location(original.start),), _deletion(doc.text, copy)
        )


def _deletion(text: str, paragraph: Span) -> Fix:
    """Delete ``paragraph`` with its line break and one blank line after it, if any."""
    end = paragraph.end
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith("\n", end):
        end += 1
    newline = text.find("\n", end)
    if newline >= 0 and not text[end:newline].strip():
        end = newline + 1
    return Fix((Edit(paragraph.start, end, ""),), safe=False)


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [DuplicateParagraph]
