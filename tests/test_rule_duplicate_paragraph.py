"""duplicate-paragraph: repeated paragraphs inside one document."""

from __future__ import annotations

import random
from itertools import accumulate
from pathlib import Path

import pytest

from corpuslint.api import lint
from corpuslint.dedup import similarity
from corpuslint.dedup.paragraphs import fingerprint_paragraphs
from corpuslint.models import Finding
from corpuslint.testing import check_fixture, fixture_articles, lint_text

RULE = "duplicate-paragraph"
FIXTURES = Path(__file__).parent / "fixtures" / RULE
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = (
    "The museum will open a new wing for modern sculpture in the spring, its director said.\n"
    "\n"
    "Tickets go on sale next month.\n"
    "\n"
    "The museum will open a new wing for modern sculpture in the spring, its director said.\n"
    "\n"
    "The wing was paid for by a private donor.\n"
)


@pytest.mark.parametrize("article", fixture_articles(FIXTURES), ids=lambda p: p.name)
def test_fixtures(article: Path) -> None:
    check_fixture(article, select=[RULE])


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def test_seed_expectations() -> None:
    found = {(Path(f.path).name[:3], f.line) for f in lint([SEEDS], select=[RULE])}
    assert found == {("001", 7), ("003", 7), ("004", 5)}


def test_later_copy_is_reported_with_the_first_as_related(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    finding = only(lint([path], select=[RULE]))
    assert (finding.line, finding.message) == (5, "paragraph repeats line 1")
    assert [(r.line, r.column) for r in finding.related] == [(1, 1)]


def test_unsafe_fix_deletes_the_copy_and_its_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    fix = only(lint([path], select=[RULE])).fix
    assert fix is not None and not fix.safe
    (edit,) = fix.edits
    fixed = STORY[: edit.start] + edit.replacement + STORY[edit.end :]
    assert fixed == (
        "The museum will open a new wing for modern sculpture in the spring, its director said.\n"
        "\n"
        "Tickets go on sale next month.\n"
        "\n"
        "The wing was paid for by a private donor.\n"
    )


def test_copies_differ_in_case_quotes_and_wrapping(tmp_path: Path) -> None:
    text = 'He said the “plan” would work, and that it would be ready soon.\n\nOther news.\n\nHE SAID THE "PLAN"\nWOULD WORK AND THAT IT WOULD BE READY SOON\n'
    assert lint_text(text, [RULE], tmp_path) == ["5:1: CL101 paragraph repeats line 1"]


def test_short_paragraphs_are_not_compared(tmp_path: Path) -> None:
    text = "By Staff Reporter\n\nThe council met today.\n\nBy Staff Reporter\n"
    assert lint_text(text, [RULE], tmp_path) == []
    assert lint_text(text, [RULE], tmp_path, options={RULE: {"min-words": 3}}) == [
        "5:1: CL101 paragraph repeats line 1"
    ]


def test_numbers_do_not_count_towards_the_minimum(tmp_path: Path) -> None:
    text = "Net 1,204,000 vs 998,000\n\nQuarter ended.\n\nNet 1,204,000 vs 998,000\n"
    assert lint_text(text, [RULE], tmp_path) == []


def test_near_duplicate_threshold_is_an_option(tmp_path: Path) -> None:
    text = Path(FIXTURES / "fires_one_word_changed.txt").read_text(encoding="utf-8")
    assert len(lint_text(text, [RULE], tmp_path)) == 1
    assert lint_text(text, [RULE], tmp_path, options={RULE: {"similarity": 1.0}}) == []
    assert lint_text(text, [RULE], tmp_path, options={RULE: {"near-min-words": 30}}) == []


def test_two_changed_words_in_ten_are_not_a_near_duplicate(tmp_path: Path) -> None:
    one = "the river rose two metres overnight and flooded the lower town"
    two = "the river rose three metres overnight and flooded the upper town"
    assert lint_text(f"{one}\n\nA pause.\n\n{two}\n", [RULE], tmp_path) == []


def test_every_later_copy_points_at_the_first(tmp_path: Path) -> None:
    article = FIXTURES / "fires_three_copies.txt"
    findings = lint([article], select=[RULE])
    assert [(f.line, [r.line for r in f.related]) for f in findings] == [(5, [1]), (9, [1])]


def test_near_pairs_are_the_same_whichever_way_candidates_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small documents search candidates in Python, larger ones with numpy
    # matrices: both must find exactly the pairs the exact check accepts.
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(60)]
    paragraphs = [[rng.choice(vocabulary) for _ in range(rng.randint(10, 30))] for _ in range(30)]
    for source in rng.sample(range(30), 8):
        copy = list(paragraphs[source])
        copy[rng.randrange(len(copy))] = "changed"
        paragraphs.append(copy)
    lines = [" ".join(words) for words in paragraphs]
    starts = list(accumulate((len(line) + 2 for line in lines[:-1]), initial=0))
    ends = [start + len(line) for start, line in zip(starts, lines, strict=True)]
    prints = fingerprint_paragraphs("\n\n".join(lines), starts, ends)
    members = list(range(len(paragraphs)))
    for threshold in (0.3, 0.8, 0.95):
        found = {}
        for few in (1000, 2):
            monkeypatch.setattr(similarity, "FEW_PARAGRAPHS", few)
            found[few] = sorted(similarity.near_pairs(prints, members, threshold))
        assert found[1000] == found[2]
        assert len(found[2]) >= 8 or threshold > 0.8  # the eight edited copies, at least
