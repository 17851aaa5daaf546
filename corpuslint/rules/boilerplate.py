"""The ``boilerplate`` rule: page chrome left in article text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from corpuslint import hookimpl
from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.models import Edit, Fix, Violation
from corpuslint.rule import DocumentRule, Option, Rule


class Boilerplate(DocumentRule):
    """
    ## What it does
    Reports lines that are page chrome rather than article text: comment
    prompts ("Leave a Reply", "Your email address will not be published."),
    share and recommendation prompts ("Share this article", "You might also
    like"), newsletter, cookie and subscription prompts, mastheads ("Editor in
    Chief: ... Tuesday, April 23rd, 2024"), copyright footers, advertisement
    labels and navigation menus.

    A known phrase is reported wherever it stands as a line of its own. A
    menu word ("Home", "About Us", "Facebook") or a short line without
    sentence punctuation is reported only in company: in the header or footer
    around the article when that zone holds other known chrome, or in a run
    of lines made mostly of menu words. Headlines, bylines, datelines and the
    article's own headings, lists and table of contents are left alone.

    The phrases and patterns are data (`corpuslint/data/boilerplate.yaml`),
    extendable with the options below. The fix (unsafe: `--unsafe-fixes`)
    deletes the line.

    ## Why is this bad?
    Chrome repeated across thousands of scraped pages teaches a language model
    menus and cookie banners, inflates duplicate counts, and splits sentences
    of the article with "Advertisement" lines.

    ## Example
    ```text
    Miller concluded by reaffirming the US's dedication to the partnership.

    You might also like
    Leave A Reply
    ```
    reports `recommendation prompt "You might also like"` and
    `comment prompt "Leave A Reply"`.

    ## Options
    - `extra-phrases`: more whole-line phrases to report (case and
      punctuation are ignored), e.g. `["Read the e-paper"]`.
    - `extra-patterns`: more regular expressions, each matched against a
      whole lower-cased line, e.g. `["\\d+ shares"]`.
    - `extra-files`: YAML files in the layout of the shipped
      `boilerplate.yaml` (paths relative to the working directory), to add
      kinds of chrome with their own phrases, prefixes, patterns and menu
      words.
    - `layout`: also judge menu words and link-like lines by where they stand
      around the article (default `true`); `false` reports known phrases only.
    """

    code = "CL201"
    name = "boilerplate"
    summary = "Line is page chrome (navigation, prompts, footers), not article text"
    severity = "warning"
    fixable = True
    options = {
        "extra-phrases": Option([], "a list of whole-line phrases", (list,)),
        "extra-patterns": Option([], "a list of regular expressions matched against whole lower-cased lines", (list,)),
        "extra-files": Option([], "a list of YAML vocabulary files", (list,)),
        "layout": Option(True, "true or false: judge lines by their place around the article", (bool,)),
    }

    def setup(self) -> None:
        # The vocabulary, its matcher and the layout code load here, not at
        # plugin registration: runs without this rule never pay for them.
        from corpuslint.boilerplate import detector
        from corpuslint.boilerplate.matcher import Matcher
        from corpuslint.boilerplate.vocabulary import VocabularyError, load_vocabulary

        self.detector = detector
        try:
            vocabulary = load_vocabulary(
                self.config["extra-files"], self.config["extra-phrases"], self.config["extra-patterns"]
            )
        except VocabularyError as exc:
            raise ConfigError(f"options.boilerplate.{exc}") from exc
        self.matcher = Matcher(vocabulary)
        self.use_layout = bool(self.config["layout"])

    def warm_up(self) -> None:
        self.matcher.expressions.compile_whole()

    def check(self, doc: Document) -> Iterable[Violation]:
        hits = self.matcher.hits(doc.text)
        if not hits:
            return
        text = doc.text
        if self.use_layout and self.detector.needs_layout(hits):
            starts = doc.line_starts
            by_line = {bisect_right(starts, hit.offset) - 1: hit for hit in reversed(hits)}
            lines = doc.lines
            for verdict in self.detector.detect([line.text for line in lines], by_line):
                line = lines[verdict.line]
                yield self._violation(text, line.start, line.end, verdict.kind, verdict.why)
        else:
            # Known phrases alone: no need to split the document into lines.
            for hit in hits:
                if hit.strong:
                    end = text.find("\n", hit.offset)
                    end = len(text) if end < 0 else end
                    yield self._violation(text, hit.offset, end - (text[end - 1 : end] == "\r"), hit.kind, "")

    def _violation(self, text: str, start: int, end: int, kind: str, why: str) -> Violation:
        label = self.matcher.labels.get(kind, kind)
        message = f'{label} "{self.detector.preview(text[start:end])}"'
        if why:
            message += f" ({why})"
        # The fix deletes the line with its line ending, so no blank line is left in its place.
        newline = text.find("\n", end)
        deleted = len(text) if newline < 0 else newline + 1
        return Violation(start, end, message, fix=Fix((Edit(start, deleted, ""),), safe=False))


@hookimpl
def corpuslint_register_rules() -> list[type[Rule]]:
    return [Boilerplate]
