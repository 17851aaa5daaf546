"""mojibake: report and repair exactly what ftfy would repair, and nothing in correct text."""

from __future__ import annotations

import random
import re
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import BADNESS_RE

from corpuslint.document import Document
from corpuslint.fixer import apply_edits
from corpuslint.mojibake.anchors import EVERYDAY_WEIGHT, BadLineFinder, derive_anchors
from corpuslint.rules.mojibake import Mojibake
from corpuslint.testing import check_fixture, fixture_articles, lint_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "mojibake"
SELECT = ["mojibake"]


def garble(text: str, codec: str = "sloppy-windows-1252") -> str:
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    return text.encode("utf-8").decode(codec)


@pytest.mark.parametrize("article", fixture_articles(FIXTURES), ids=lambda p: p.name)
def test_fixture(article: Path) -> None:
    check_fixture(article, select=SELECT)


def test_reports_the_span_its_repair_and_the_mix_up(tmp_path: Path) -> None:
    found = lint_text(f"It{garble('’')}s the corner shop.\n", SELECT, tmp_path)
    assert found == ['1:3: CL301 mojibake "â€™" -> "’" (UTF-8 read as Windows-1252)']


def test_each_garble_on_a_line_is_reported_at_its_own_column(tmp_path: Path) -> None:
    line = f"{garble('“')}Quiet{garble('”')}, said Ren{garble('é')}e."
    found = lint_text(line + "\n", SELECT, tmp_path)
    assert [f.split(": ")[0] for f in found] == ["1:1", "1:9", "1:22"]


def test_a_garbled_run_of_words_is_one_finding(tmp_path: Path) -> None:
    found = lint_text(garble("Завтра в Москве снег.", "windows-1251") + "\n", SELECT, tmp_path)
    assert len(found) == 1 and '-> "Завтра в Москве снег"' in found[0]


def test_windows_1252_punctuation_read_as_latin_1(tmp_path: Path) -> None:
    found = lint_text("The mayor\x92s reply\n", SELECT, tmp_path)
    assert found == ['1:10: CL301 mojibake "\\x92" -> "’" (Windows-1252 read as Latin-1)']


@pytest.mark.parametrize(
    "text",
    [
        "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.",
        "Москва — столица России.",
        "القاهرة هي عاصمة مصر.",
        "北京是中国的首都。東京は日本の首都です。",
        "Hà Nội là thủ đô của Việt Nam.",
        "می\u200cخواهم کتاب\u200cها را بخوانم.",
        "The family 👨\u200d👩\u200d👧 arrived.",
        "“It’s fine” — she said – at 5 °C, 3 × 4, x² ≤ 10, £5 and €7.",
        "Die Straße war über Nacht gesperrt, sagte Müller.",
    ],
)
def test_correct_text_in_any_script_is_clean(tmp_path: Path, text: str) -> None:
    assert lint_text(text + "\n", SELECT, tmp_path) == []


def test_a_cited_garble_is_clean_only_when_its_repair_is_also_written(tmp_path: Path) -> None:
    cited = 'Old forums showed "Ã©" where writers typed "é".\n'
    assert lint_text(cited, SELECT, tmp_path) == []
    assert len(lint_text('Old forums showed "Ã©" everywhere.\n', SELECT, tmp_path)) == 1


def repaired_by_rule(text: str) -> tuple[str, list[bool]]:
    doc = Document("doc.txt", text)
    violations = list(Mojibake().check(doc))
    for v in violations:
        assert v.fix is not None
        assert [(e.start, e.end) for e in v.fix.edits] == [(v.start, v.end)]
    edits = [e for v in violations if v.fix for e in v.fix.edits]
    return apply_edits(text, edits), [bool(v.fix and v.fix.safe) for v in violations]


def test_fixes_replace_exactly_the_spans_and_repair_as_ftfy_does() -> None:
    text = "\n".join(
        [
            "Plain line.",
            f"It{garble('’')}s {garble('“')}done{garble('”')} at the caf{garble('é')}.",
            garble("Завтра в Москве снег.", "windows-1251"),
            f"The cr{garble('è', 'mac_roman')}me br{garble('û', 'mac_roman')}l{garble('é', 'mac_roman')}e.",
            "Tickets cost " + garble("£4") + ".",
        ]
    )
    fixed, safe = repaired_by_rule(text)
    assert fixed == "\n".join(ftfy.fix_encoding(line) for line in text.split("\n"))
    assert fixed != text and all(safe)


def test_a_repair_that_guesses_a_lost_byte_is_unsafe() -> None:
    # The third byte of "”" (0x9D) was lost: ftfy can only write U+FFFD.
    _, safe = repaired_by_rule(f"He said {garble('“')}no{garble('”')[:-1]}? and left.")
    assert False in safe


def test_anchors_are_derived_and_skip_everyday_typography() -> None:
    derived = derive_anchors(BADNESS_RE)
    assert derived is not None
    anchors, width = derived
    assert width >= 2
    used = frozenset().union(*anchors)
    assert not used & {c for c, weight in EVERYDAY_WEIGHT.items() if weight >= 10}


def test_anchor_search_finds_exactly_the_lines_ftfy_calls_bad() -> None:
    derived = derive_anchors(BADNESS_RE)
    assert derived is not None
    pool = sorted(frozenset().union(*derived[0])) + list("’“”–—…\u00a0 abcXYZ.,?!é") + ["\n"] * 3
    finder = BadLineFinder()
    rng = random.Random(20240904)
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 60)))
        doc = Document("doc.txt", text)
        found = {doc.position(offset)[0] for offset, _ in finder.bad_lines(doc)}
        expected = {line.line for line in doc.lines if BADNESS_RE.search(line.text)}
        assert found == expected, repr(text)


def test_a_pattern_without_anchors_is_checked_line_by_line() -> None:
    finder = BadLineFinder(re.compile("[^a]x"))
    assert finder.anchors is None
    doc = Document("doc.txt", "café\nqx\n")
    assert [line for _, line in finder.bad_lines(doc)] == ["qx"]


def test_documents_without_anchors_are_never_split_into_lines() -> None:
    ascii_doc, typographic = Document("a.txt", "Plain text.\n"), Document("b.txt", "“It’s fine” — she said.\n")
    finder = BadLineFinder()
    assert list(finder.bad_lines(ascii_doc)) == [] and list(finder.bad_lines(typographic)) == []
    assert "lines" not in vars(ascii_doc) and "lines" not in vars(typographic)


def test_the_fixed_prefilter_holds_every_anchor_of_the_installed_ftfy() -> None:
    # Runs whose documents have none of these characters never load ftfy.
    assert BadLineFinder().prefilter_holds


def test_typographic_text_is_checked_without_loading_ftfy() -> None:
    rule = Mojibake()
    doc = Document("a.txt", "It’s “quoted” — and done…\n")
    assert list(rule.check(doc)) == [] and rule._finder is None
    assert [v.message for v in rule.check(Document("b.txt", "Itâ€™s here.\n"))]
