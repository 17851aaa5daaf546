"""The boilerplate rule: known chrome phrases, chrome zones around the article, options, fixes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpuslint.api import lint
from corpuslint.boilerplate.matcher import Matcher
from corpuslint.boilerplate.trie import split_literal, trie_regex
from corpuslint.boilerplate.vocabulary import VocabularyError, load_vocabulary, read_yaml
from corpuslint.config import ConfigError
from corpuslint.document import Document
from corpuslint.rules.boilerplate import Boilerplate
from corpuslint.testing import check_fixture, fixture_articles, lint_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "boilerplate"
SELECT = ["boilerplate"]
ARTICLE = (
    "The council voted on Tuesday to add two evening crossings to the island ferry, after commuters complained.\n"
    "The new timetable starts on the first Monday of next month, and the operator will publish it this week.\n"
    "Ferry staff said the extra crossings would need no new crew, since a crew already waits on standby.\n"
)


@pytest.mark.parametrize("article", fixture_articles(FIXTURES), ids=lambda p: p.name)
def test_fixture(article: Path) -> None:
    check_fixture(article, select=SELECT)


def test_fixtures_fire_and_stay_clean() -> None:
    for article in fixture_articles(FIXTURES):
        expected = article.with_name(article.name + ".expected")
        text = expected.read_text("utf-8") if expected.exists() else ""
        assert bool(text.strip()) == article.name.startswith("fires_"), article.name


def test_message_names_the_kind_and_quotes_the_line(tmp_path: Path) -> None:
    found = lint_text(ARTICLE + "Leave A Reply\n", SELECT, tmp_path)
    assert found == ['4:1: CL201 comment prompt "Leave A Reply"']


@pytest.mark.parametrize(
    "line",
    [
        "* Share this article",
        "YOU MIGHT ALSO LIKE",
        "Don’t miss a thing »",
        "Subscribe to our newsletter",
        "Read more: Ferry operator hires ten new crew",
        "© 2023 Example Media Group",
        "Advertisement",
        "Privacy Policy | Terms of Service",
        "Follow us on Instagram",
        "Skip to main content",
    ],
)
def test_known_phrases_fire_anywhere(tmp_path: Path, line: str) -> None:
    found = lint_text(ARTICLE + line + "\n\n" + ARTICLE, SELECT, tmp_path)
    assert [f.split(":")[0] for f in found] == ["4"]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices rose sharply on Tuesday after the results.",
        "Copyright law protects the author for seventy years after death.",
        "Home",
        "Features",
        "We use cookies in the kitchen, not on the website, said the baker.",
        "© Jane Doe",
        "Join us on Saturday for the harbour parade!",
        "Skip to the last chapter if you are short of time.",
        "Site by site, the survey found the same damage.",
    ],
)
def test_prose_and_lone_menu_words_stay_clean(tmp_path: Path, line: str) -> None:
    assert lint_text(ARTICLE + line + "\n\n" + ARTICLE, SELECT, tmp_path) == []


def test_menu_words_need_company(tmp_path: Path) -> None:
    footer = "\nAbout Us\nCareers\nContact\nNewsroom Awards\n"
    found = lint_text(ARTICLE + footer, SELECT, tmp_path)
    assert [f.split(":")[0] for f in found] == ["5", "6", "7", "8"]
    assert "in the page footer" in found[-1]


def test_layout_can_be_switched_off(tmp_path: Path) -> None:
    footer = "\nAbout Us\nCareers\nContact\nLeave a comment\n"
    found = lint_text(ARTICLE + footer, SELECT, tmp_path, options={"boilerplate": {"layout": False}})
    assert [f.split(":")[0] for f in found] == ["8"]


def test_extra_phrases_and_patterns(tmp_path: Path) -> None:
    text = ARTICLE + "Read the e-paper!\n" + "1,204 shares\n"
    options = {"boilerplate": {"extra-phrases": ["read the e-paper"], "extra-patterns": [r"[\d,]+ shares"]}}
    found = lint_text(text, SELECT, tmp_path, options=options)
    assert [f.split(":")[0] for f in found] == ["4", "5"]
    assert 'configured phrase "Read the e-paper!"' in found[0]


def test_extra_files_add_kinds(tmp_path: Path) -> None:
    extra = tmp_path / "chrome.yaml"
    extra.write_text(
        "kinds:\n  weather-widget:\n    label: weather widget\n    prefixes: [today's forecast]\n", "utf-8"
    )
    found = lint_text(
        ARTICLE + "Today's forecast: 21°C, light rain\n",
        SELECT,
        tmp_path,
        options={"boilerplate": {"extra-files": [str(extra)]}},
    )
    assert found == ['4:1: CL201 weather widget "Today\'s forecast: 21°C, light rain"']


@pytest.mark.parametrize(
    ("options", "complaint"),
    [
        ({"extra-patterns": ["(unclosed"]}, "invalid regular expression"),
        ({"extra-patterns": [r"caf\u00e9"]}, "invalid regular expression"),  # lines are matched as bytes too
        ({"extra-patterns": ["(foo) bar"]}, "capturing groups"),
        ({"extra-patterns": ["Foo"]}, "upper-case"),
        ({"extra-phrases": [3]}, "list of non-empty strings"),
        ({"extra-files": ["no-such-file.yaml"]}, "cannot read"),
    ],
)
def test_bad_vocabulary_is_a_config_error(options: dict[str, object], complaint: str) -> None:
    with pytest.raises(ConfigError, match=complaint):
        Boilerplate(options)


def test_fix_deletes_the_whole_line_unsafely() -> None:
    text = ARTICLE + "Leave A Reply\r\nLast line.\n"
    doc = Document("a.txt", text)
    (violation,) = Boilerplate({}).check(doc)
    assert violation.fix is not None and not violation.fix.safe
    (edit,) = violation.fix.edits
    assert text[: edit.start] + text[edit.end :] == ARTICLE + "Last line.\n"


def test_offsets_are_characters_in_non_ascii_text() -> None:
    text = "Café “owners” say the new rules helped them a great deal this summer season.\nLeave a reply\n"
    (violation,) = Boilerplate({}).check(Document("a.txt", text))
    assert text[violation.start : violation.end] == "Leave a reply"


def test_unsafe_fix_is_applied_by_the_cli(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE + "Leave A Reply\n", "utf-8")
    findings = lint([article], select=SELECT)
    assert findings and findings[0].fix is not None


def test_trie_matches_exactly_its_keys() -> None:
    regex = re.compile(trie_regex(["share", "share this", "sharp"]))
    for key in ["share", "share this", "share, this", "sharp"]:
        assert regex.fullmatch(key), key
    for other in ["shar", "shares", "share that", "sharpen"]:
        assert not regex.fullmatch(other), other


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"editor[- ]in[- ]chief\s*:", "editor"),
        (r"comments?\s*\(\d+\)", "comment"),
        (r"\(c\)\s*\d{4}", "(c)"),
        (r"\d+ comments", ""),
        (r"home|start", ""),
        (r"(?:a|b)c", ""),
    ],
)
def test_patterns_hang_in_the_trie_under_their_literal_start(pattern: str, literal: str) -> None:
    found, rest = split_literal(pattern)
    assert found == literal
    whole = re.compile(trie_regex([], [], [pattern]))
    for sample in ["editor-in-chief :", "comments (12)", "(c) 2024", "12 comments", "home", "start", "bc"]:
        assert bool(whole.fullmatch(sample)) == bool(re.fullmatch(pattern, sample)), sample


def test_shipped_vocabulary_loads_and_every_phrase_matches_itself() -> None:
    vocabulary = load_vocabulary()
    matcher = Matcher(vocabulary)
    for phrase in [*vocabulary.phrases, *vocabulary.menu_words]:
        hits = matcher.hits(phrase.title())
        assert hits and hits[0].offset == 0, phrase


def test_unknown_vocabulary_keys_are_rejected(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("kinds:\n  x:\n    phrasez: [a]\n", "utf-8")
    with pytest.raises(VocabularyError, match="unknown key"):
        load_vocabulary([str(extra)])


def test_crlf_pages_are_read_like_lf_pages(tmp_path: Path) -> None:
    page = "Home\nAbout Us\nContact\nBlog\n\n" + ARTICLE + "Leave a Reply\n"
    found_lf = lint_text(page, SELECT, tmp_path, name="lf.txt")
    found_crlf = lint_text(page.replace("\n", "\r\n"), SELECT, tmp_path, name="crlf.txt")
    assert found_lf == found_crlf
    assert [f.split(":")[0] for f in found_lf] == ["1", "2", "3", "4", "9"]


def test_a_menu_without_an_article_is_still_a_menu(tmp_path: Path) -> None:
    found = lint_text("Home\nAbout Us\nContact\nBlog\n", SELECT, tmp_path)
    assert all("one of 4 menu-like lines" in f for f in found) and len(found) == 4


def test_shipped_json_is_the_yaml_vocabulary() -> None:
    # The rule reads the JSON twin; scripts/build_boilerplate.py writes it from the YAML.
    data = Path(__file__).resolve().parent.parent / "corpuslint" / "data"
    built = json.loads((data / "boilerplate.json").read_text("utf-8"))
    assert built == read_yaml((data / "boilerplate.yaml").read_text("utf-8"), "boilerplate.yaml"), (
        "run python scripts/build_boilerplate.py"
    )


TRICKY_PAGES = [
    "Home\n > \nCompare products\n",  # a pattern that runs over the line end
    "Subscribe to our\nnewsletter\n\nName\n*\nEmail\n*\n",
    "About | Contact | Privacy Policy\nNews · Sport • Weather\nHome » News » Local\n",
    "Don’t miss: the harbour parade\nRead more: Ferry operator hires ten new crew\n",
    "© 2023 Example Media | All rights reserved\n(c) 2021 Foo\nCopyright\n\n©Jane Doe 2019.\n",
    "12 comments\nComments (4)\nShare on Facebook / Twitter\n",
    "Éditorial | Home\nÀ la une | Sport\n– Leave a reply –\n",
    "Über uns\nCafé menu | Lifestyle\nFoo :bar 12\n«Bar :baz»\nb\n",
    ARTICLE + "Advertisement\r\nLeave A Reply\r\n",
]


@pytest.mark.parametrize("page", TRICKY_PAGES)
def test_documents_own_expressions_find_what_the_whole_vocabulary_finds(tmp_path: Path, page: str) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "kinds:\n  widget:\n    phrases: [über uns, café menu]\n    patterns: ['foo:bar\\s*\\d*', '«bar:baz»', 'a|b']\n"
        "    menu-words: [lifestyle]\n",
        "utf-8",
    )
    vocabulary = load_vocabulary([str(extra)])
    # The second matcher gives each of its first two documents an expression of its own.
    whole, own = Matcher(vocabulary, whole_after=0), Matcher(vocabulary, whole_after=2)
    haystack = b"\n" + page.encode().lower() + b"\n"
    expressions = [matcher.expressions.for_document(haystack) for matcher in (whole, own)]
    assert expressions[1] is not expressions[0]
    lines = [
        [m.span("core") for m in expression.finditer(haystack)] if expression else [] for expression in expressions
    ]
    assert lines[0] == lines[1]
    assert whole.hits(page), "the page has chrome"
    assert own.hits(page) == whole.hits(page)


def test_a_document_expression_holds_only_what_could_match() -> None:
    matcher = Matcher(load_vocabulary())
    phrases, prefixes, patterns = matcher.expressions.relevance.subset(
        b"\n" + (ARTICLE + "Leave A Reply\n").lower().encode() + b"\n"
    )
    assert phrases == ["leave a reply"] and prefixes == [] and patterns == []
