"""Where the article is on a page: its blocks of prose, grown over lists but not over chrome."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from corpuslint.boilerplate.layout import Shape

#: Prose lines closer than this many non-blank lines belong to one block of text.
CLUSTER_GAP = 10
#: The article's heaviest block of prose has at least this many words.
MIN_BODY_WORDS = 40
#: This much chrome between two blocks of prose keeps them apart (a phrase
#: weighs :data:`PHRASE_WEIGHT`, a menu word 1).
BARRIER_WEIGHT = 3
PHRASE_WEIGHT = 2
#: A block of at most this many prose lines is kept apart by :data:`SMALL_BARRIER`.
SMALL_CLUSTER = 1
SMALL_BARRIER = 2


class Cluster:
    """A block of prose lines (and what lies between them)."""

    # A plain class: a dataclass costs a start-up a few tenths of a millisecond.
    __slots__ = ("first", "last", "prose_lines", "words", "chrome")

    def __init__(self, first: int, last: int, prose_lines: int, words: int) -> None:
        self.first = first
        self.last = last
        self.prose_lines = prose_lines
        self.words = words
        self.chrome = 0  #: weight of the chrome vocabulary inside


def prose_clusters(lines: Sequence[str], shapes: Sequence[Shape]) -> list[Cluster]:
    """Blocks of prose lines less than :data:`CLUSTER_GAP` non-blank lines apart."""
    clusters: list[Cluster] = []
    gap = 0
    for index, shape in enumerate(shapes):
        if shape == Shape.PROSE:
            words = lines[index].count(" ") + 1
            if clusters and gap <= CLUSTER_GAP:
                cluster = clusters[-1]
                cluster.last = index
                cluster.prose_lines += 1
                cluster.words += words
            else:
                clusters.append(Cluster(index, index, 1, words))
            gap = 0
        elif shape != Shape.BLANK:
            gap += 1
    return clusters


def body_span(lines: Sequence[str], shapes: Sequence[Shape], chrome: dict[int, int]) -> tuple[int, int] | None:
    """First and last line of the article, or ``None`` for a page without one.

    ``chrome`` weighs the lines of known chrome vocabulary. The article grows
    from its heaviest block of prose (comment threads, thick with "Reply",
    weigh little) to the blocks around it, over headings, lists and tables,
    but not over chrome: enough of it between two blocks, or a block dense
    with it (a cookie banner, a comment thread), ends the article there.
    """
    clusters = prose_clusters(lines, shapes)
    if not clusters:
        return None
    marks = sorted(chrome)
    weights = [chrome[i] for i in marks]

    def weight(start: int, end: int) -> int:
        return sum(weights[bisect_left(marks, start) : bisect_left(marks, end)])

    for cluster in clusters:
        cluster.chrome = weight(cluster.first, cluster.last + 1)
    # The heaviest block that is not itself thick with chrome (a comment thread).
    main = max(range(len(clusters)), key=lambda k: (not _dense(clusters[k]), clusters[k].words))
    if clusters[main].words < MIN_BODY_WORDS:
        return None
    first = last = main
    while first > 0 and _joins(clusters[first - 1], weight(clusters[first - 1].last + 1, clusters[first].first)):
        first -= 1
    while last + 1 < len(clusters) and _joins(
        clusters[last + 1], weight(clusters[last].last + 1, clusters[last + 1].first)
    ):
        last += 1
    return clusters[first].first, clusters[last].last


def _joins(cluster: Cluster, gap_chrome: int) -> bool:
    # A lone line of prose (a teaser's excerpt, a menu's blurb) is kept apart by less chrome.
    needed = BARRIER_WEIGHT if cluster.prose_lines > SMALL_CLUSTER else SMALL_BARRIER
    return gap_chrome < needed and not _dense(cluster)


def _dense(cluster: Cluster) -> bool:
    """A block of prose thick with chrome: a cookie banner, a comment thread."""
    return cluster.chrome >= max(BARRIER_WEIGHT / 2, cluster.prose_lines / 2)
