"""duplicate-paragraph: repeated paragraphs inside one document."""

from __future__ import annotations

import random
import subprocess
import sys
from itertools import accumulate
from pathlib import Path

import pytest

from corpuslint.api import lint
from corpuslint.dedup import similarity
from corpuslint.dedup.paragraph_words import count_words
from corpuslint.dedup.paragraphs import fingerprint_paragraphs
from corpuslint.dedup.repeats import plain_repeats
from corpuslint.dedup.similarity import hashed_repeats
from corpuslint.document import Document
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


def _story(rng: random.Random, vocabulary: list[str]) -> str:
    """Paragraphs of random words, some copied exactly (in other case and quotes,
    rewrapped) and some with one word changed or added."""
    paragraphs = [[rng.choice(vocabulary) for _ in range(rng.randint(3, 30))] for _ in range(rng.randint(2, 14))]
    for _ in range(rng.randint(0, 4)):
        copy = list(rng.choice(paragraphs))
        edit = rng.random()
        if edit < 0.3:
            copy[rng.randrange(len(copy))] = rng.choice(vocabulary)
        elif edit < 0.5:
            copy.append(rng.choice(vocabulary))
        elif edit < 0.7:
            copy = [word.upper() for word in copy]
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), copy)
    lines = [" ".join(words) for words in paragraphs]
    return "\n\n".join(line.replace(" ", "\n", 1) if i % 3 == 0 else f"“{line}”" for i, line in enumerate(lines))


@pytest.mark.parametrize("script", ["ascii", "other"])
def test_plain_and_hashed_searches_find_the_same_paragraphs(script: str) -> None:
    # Short documents are searched in plain Python on the words themselves,
    # longer ones over numpy's word hashes: both must find the same copies.
    rng = random.Random(11)
    vocabulary = [f"w{n}" for n in range(25)] + ["1987", "3rd", "Said", "said"]
    if script == "other":
        vocabulary += ["Straße", "İstanbul", "ΟΔΟΣ", "naïve", "𐐀x"]
    found_any = 0
    for _ in range(150):
        text = _story(rng, vocabulary)
        paragraphs = Document("story.txt", text).paragraphs
        words = count_words(text, [p.start for p in paragraphs], [p.end for p in paragraphs])
        assert words is not None
        for threshold in (0.5, 0.8, 1.0):
            plain = plain_repeats(words, 4, 10, threshold, budget=10**6)
            assert plain == hashed_repeats(Document("story.txt", text), 4, 10, threshold)
            found_any += bool(plain)
    assert found_any > 100


def test_short_documents_are_checked_without_numpy(tmp_path: Path) -> None:
    # Loading numpy costs more than checking a short text: one file is
    # checked without it, in ASCII or not.
    code = (
        "import sys\n"
        "from corpuslint.document import Document\n"
        "import corpuslint.rules.cross_document_duplicate\n"
        "from corpuslint.rules.duplicate_paragraph import DuplicateParagraph\n"
        "rule = DuplicateParagraph()\n"
        "for text in sys.argv[1:]:\n"
        "    print([v.message for v in rule.check(Document('a.txt', text))])\n"
        "print('numpy' in sys.modules)\n"
    )
    other = STORY.replace("sculpture", "sculpture’s").replace("director", "directrice")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code, STORY, other], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["['paragraph repeats line 1']"] * 2 + ["False"]
