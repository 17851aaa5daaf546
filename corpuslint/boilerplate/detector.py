"""Per-line verdicts: vocabulary hits, weighed by the page layout around them.

A phrase such as "Leave a Reply" is chrome wherever it stands. A menu word
such as "Home", or a short unpunctuated line such as "Meal Prep", is chrome
only in company: in the zone above or below the article when that zone holds
other known chrome, or in a run of lines made mostly of menu words. Headings
and short lists inside the article, and its headline, dek and byline just
above it, stay clean.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from corpuslint.boilerplate.body import PHRASE_WEIGHT, body_span
from corpuslint.boilerplate.layout import Shape, core_of, is_sentence, shape_lines
from corpuslint.boilerplate.matcher import Hit

#: The kind of a line reported for its shape and place alone (no vocabulary).
SHAPE_ONLY = "link-like line"
#: The heading of an article's own table of contents: the list under it is never chrome.
CONTENTS = "table-of-contents"
#: Vocabulary that articles carry inside their body too: not evidence of page chrome around it.
IN_BODY_KINDS = frozenset({"call-to-action", "advertisement", "teaser", CONTENTS})
#: A zone before or after the article with this many different vocabulary lines is page chrome.
ZONE_KNOWN = 2
#: Lines just above the article are spared: its headline, dek and byline stand there.
PROTECT_LINES = 3
HEADLINE_WORDS = 4
#: Blank lines allowed between two members of one run of link-like lines.
RUN_GAP = 1
#: A run is a menu when it holds this many menu words, making up at least this share of it.
MENU_MIN = 3
MENU_SHARE = 0.5


class Verdict(NamedTuple):
    line: int  #: 0-based line index
    kind: str
    why: str  #: what the message says after the line's text, or ""


def needs_layout(hits: Iterable[Hit]) -> bool:
    """Whether the layout could add anything to the known phrases themselves.

    Both the chrome zones and the menu runs need two or more lines of
    evidence, so most documents (one "Advertisement", one "Learn more") skip it.
    """
    return sum(1 for hit in hits if hit.kind not in IN_BODY_KINDS) >= min(ZONE_KNOWN, MENU_MIN)


def detect(lines: Sequence[str], hits: dict[int, Hit]) -> list[Verdict]:
    """The lines of a document (by 0-based index) that are page chrome."""
    verdicts = {i: Verdict(i, hit.kind, "") for i, hit in hits.items() if hit.strong}
    shapes = shape_lines(lines)
    for index in hits:
        shapes[index] = Shape.LINK  # known vocabulary joins a run whatever its shape
    runs = _runs(shapes)
    # A table of contents is the article's own navigation, whatever words it holds.
    contents = _contents_lists(runs, hits)
    evidence = sorted(i for i, hit in hits.items() if hit.kind not in IN_BODY_KINDS and i not in contents)
    span = body_span(lines, shapes, {i: PHRASE_WEIGHT if hits[i].strong else 1 for i in evidence})
    spared = set(contents)
    if span is not None:
        spared.update(_headline(lines, span[0], hits, contents))
        header = _zone(runs, [i for i in evidence if i < span[0]], hits, 0, span[0])
        footer = _zone(runs, [i for i in evidence if i > span[1]], hits, span[1] + 1, len(lines))
        for zone, name in ((header, "page header"), (footer, "page footer")):
            for index in zone:
                if index in spared:
                    continue
                if shapes[index] == Shape.LINK or (shapes[index] == Shape.TEXT and not is_sentence(lines[index])):
                    _add(verdicts, index, hits, f"in the {name}, among known chrome")
    for run in runs:
        menu_words = sum(1 for i in run if i in hits and hits[i].kind not in IN_BODY_KINDS)
        if menu_words >= MENU_MIN and menu_words >= MENU_SHARE * len(run):
            for index in run:
                if index not in spared:
                    _add(verdicts, index, hits, f"one of {len(run)} menu-like lines")
    return [verdicts[i] for i in sorted(verdicts)]


def _contents_lists(runs: list[list[int]], hits: dict[int, Hit]) -> set[int]:
    """Lines from a "Table of contents" heading to the end of its run."""
    lines: set[int] = set()
    for run in runs:
        under = False
        for index in run:
            under = under or (index in hits and hits[index].kind == CONTENTS)
            if under:
                lines.add(index)
    return lines


def _add(verdicts: dict[int, Verdict], index: int, hits: dict[int, Hit], why: str) -> None:
    if index not in verdicts:
        hit = hits.get(index)
        verdicts[index] = Verdict(index, hit.kind if hit else SHAPE_ONLY, why)


def _zone(runs: list[list[int]], evidence: list[int], hits: dict[int, Hit], start: int, end: int) -> range:
    """The chrome zone between ``start`` and ``end`` (the page edge and the article).

    It reaches from the page edge to the run of lines holding the known chrome
    nearest the article: lines between that and the article are left alone.
    """
    if len({hits[i].text.lower() for i in evidence}) < ZONE_KNOWN:
        return range(0)  # one button repeated down a page is no menu
    if start == 0:  # a header: from the top down to the last chrome
        last = evidence[-1]
        run = next((r for r in runs if r[0] <= last <= r[-1]), [last])
        return range(0, min(run[-1] + 1, end))
    first = evidence[0]
    run = next((r for r in runs if r[0] <= first <= r[-1]), [first])
    return range(max(run[0], start), end)


def _headline(lines: Sequence[str], start: int, hits: dict[int, Hit], contents: set[int]) -> list[int]:
    """Headline-like lines among the last few above the article (menu items are shorter)."""
    found: list[int] = []
    seen = 0
    index = start
    while index > 0 and seen < PROTECT_LINES:
        index -= 1
        if lines[index].strip() and index not in hits and index not in contents:
            seen += 1
            if lines[index].count(" ") + 1 >= HEADLINE_WORDS:
                found.append(index)
    return found


def _runs(shapes: Sequence[Shape]) -> list[list[int]]:
    """Groups of link-like lines with at most :data:`RUN_GAP` blank lines between them."""
    runs: list[list[int]] = []
    current: list[int] = []
    blanks = 0
    for index, shape in enumerate(shapes):
        if shape == Shape.LINK:
            current.append(index)
            blanks = 0
        elif shape == Shape.BLANK and current and blanks < RUN_GAP:
            blanks += 1
        else:
            if current:
                runs.append(current)
            current, blanks = [], 0
    if current:
        runs.append(current)
    return runs


def preview(line: str, limit: int = 60) -> str:
    """The line as quoted in a message: bullets dropped, long text cut."""
    core = core_of(line)
    return core if len(core) <= limit else core[: limit - 1].rstrip() + "…"
