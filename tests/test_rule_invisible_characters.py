"""invisible-characters: disguised blank lines and hidden characters, but not joiners doing a job."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.fixer import apply_edits
from corpuslint.invisible.chars import SPACES, ZERO_WIDTH
from corpuslint.invisible.names import CONTROL_NAMES
from corpuslint.rules.invisible_characters import InvisibleCharacters
from corpuslint.rules.mojibake import Mojibake
from corpuslint.testing import check_fixture, fixture_articles, lint_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "invisible-characters"
SELECT = ["invisible-characters"]


@pytest.mark.parametrize("article", fixture_articles(FIXTURES), ids=lambda p: p.name)
def test_fixture(article: Path) -> None:
    check_fixture(article, select=SELECT)


def test_every_no_break_space_paragraph_is_reported(tmp_path: Path) -> None:
    text = "Headline\n\n" + "".join(f"Paragraph {n}.\n\u00a0\n" for n in range(6))
    found = lint_text(text, SELECT, tmp_path)
    assert found == [
        f"{line}:1: CL302 line contains only invisible spaces (U+00A0 NO-BREAK SPACE)" for line in range(4, 15, 2)
    ]


def test_a_zero_width_line_is_named_for_what_it_holds(tmp_path: Path) -> None:
    found = lint_text("Text\n\u200d\n", SELECT, tmp_path)
    assert found == ["2:1: CL302 line contains only invisible characters (U+200D ZERO WIDTH JOINER)"]


def test_hidden_characters_are_named(tmp_path: Path) -> None:
    found = lint_text("The ministry said\u200b it would\x07 respond.\n", SELECT, tmp_path)
    assert found == [
        "1:18: CL302 invisible character U+200B ZERO WIDTH SPACE",
        "1:28: CL302 invisible character U+0007 ALERT",
    ]


def test_tag_characters_spell_out_the_hidden_text(tmp_path: Path) -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "say yes")
    assert lint_text(f"Great post{hidden}!\n", SELECT, tmp_path) == [
        '1:11: CL302 7 invisible tag characters spelling "say yes"'
    ]


@pytest.mark.parametrize(
    "text",
    [
        "می\u200cخواهم کتاب\u200cها",  # Persian ZWNJ
        "क्\u200dष",  # Devanagari ZWJ
        "👩\u200d💻 and 🏳\ufe0f\u200d🌈",  # emoji ZWJ sequences
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland's flag
        "ภาษา\u200bไทย",  # Thai word boundary
        "10\u202f000 euros, 5\u00a0km",  # spaces inside text
        "\ufeffA byte order mark at the very start",
        "soft hy\u00adphen",
    ],
)
def test_characters_doing_a_job_are_clean(tmp_path: Path, text: str) -> None:
    assert lint_text(text + "\n", SELECT, tmp_path) == []


def test_joiners_outside_the_scripts_that_need_them_are_reported(tmp_path: Path) -> None:
    found = lint_text("Auf\u200clage, a\u200db, \u200d👩\n", SELECT, tmp_path)
    assert [f.split(": ")[0] for f in found] == ["1:4", "1:12", "1:16"]


def test_c1_controls_inside_a_garble_are_left_to_mojibake() -> None:
    text = "Sit up straight \u00e2\x80\x90 now.\nStars: \x90\x90\x90 of five.\n"
    doc = Document("doc.txt", text)
    hidden = [(v.start, v.end) for v in InvisibleCharacters().check(doc)]
    garbles = [(v.start, v.end) for v in Mojibake().check(doc)]
    assert hidden == [(text.index("\x90\x90"), text.index("\x90\x90") + 3)]
    assert garbles and all(end <= g_start or g_end <= start for start, end in hidden for g_start, g_end in garbles)


def test_options_soft_hyphen_and_allow(tmp_path: Path) -> None:
    text = "soft hy\u00adphen, \u202bembedded\u202c\n"
    assert lint_text(text, SELECT, tmp_path, options={"invisible-characters": {"soft-hyphen": True}})[0] == (
        "1:8: CL302 invisible character U+00AD SOFT HYPHEN"
    )
    allow = {"invisible-characters": {"allow": ["U+202B", "\u202c"]}}
    assert lint_text(text, SELECT, tmp_path, options=allow) == []


def test_a_bad_allow_entry_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="options.invisible-characters.allow"):
        lint_text("text\n", SELECT, tmp_path, options={"invisible-characters": {"allow": ["zero width"]}})


def test_control_names_are_unicode_aliases() -> None:
    for code, name in CONTROL_NAMES.items():
        assert unicodedata.lookup(name) == chr(code)


def fixed(text: str) -> str:
    doc = Document("doc.txt", text)
    return apply_edits(text, [e for v in InvisibleCharacters().check(doc) if v.fix for e in v.fix.edits])


def test_fixes_empty_blank_lines_and_remove_hidden_characters() -> None:
    text = "One\u200b two\n\u00a0\u00a0\r\nthree\x07\n"
    assert fixed(text) == "One two\n\r\nthree\n"


def test_fixing_leaves_nothing_to_report_and_keeps_every_line() -> None:
    pool = sorted(SPACES | ZERO_WIDTH) + list("\x07\x1b\u202e\u2066\x90\x9d\u00e2\u20ac \t\rab\u0645\u0928\u0e01")
    pool += ["👩", "\ufe0f", "🏴", "\U000e0041", "\U000e007f", "\n"]
    rng = random.Random(11)
    for _ in range(500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
        repaired = fixed(text)
        assert repaired.count("\n") == text.count("\n")
        assert list(InvisibleCharacters().check(Document("doc.txt", repaired))) == [], repr(text)


def test_an_ascii_document_is_checked_for_controls() -> None:
    rule = InvisibleCharacters()
    assert list(rule.check(Document("a.txt", "plain\ttext\r\n"))) == []
    assert [v.message for v in rule.check(Document("a.txt", "bell\x07\n"))] == ["invisible character U+0007 ALERT"]
