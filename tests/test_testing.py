"""corpuslint.testing as a plugin author uses it: fixture folders, expected files, updates."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.testing import FixtureMismatch, check_fixture, lint_text

pytest_plugins = ["pytester"]
#: Inner runs need none of the environment's other pytest plugins (hypothesis alone adds a second each).
QUIET = ("-p", "no:hypothesispytest", "-p", "no:benchmark", "-p", "no:cacheprovider")

PLUGIN = '''
from corpuslint import hookimpl
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule, Option


class Shout(DocumentRule):
    """
    ## What it does
    Reports a loud word.

    ## Why is this bad?
    It is loud.

    ## Example
    `SHOUT`

    ## Options
    - `word`: the loud word.
    """

    code = "XT101"
    name = "shout"
    summary = "A loud word"
    options = {"word": Option("SHOUT", "the loud word")}

    def check(self, doc):
        word = self.config["word"]
        at = doc.text.find(word)
        if at >= 0:
            yield Violation(at, at + len(word), f"{word} is loud")


@hookimpl
def corpuslint_register_rules():
    return [Shout]
'''


@pytest.fixture(scope="module")
def every_rule_imported(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Run every rule once here: pytester's in-process runs drop modules imported inside them, and numpy
    cannot be imported twice in one process."""
    lint_text("One line.\n", ["ALL"], tmp_path_factory.mktemp("warm"))


@pytest.fixture
def author(pytester: pytest.Pytester, every_rule_imported: None) -> pytest.Pytester:
    """A plugin repository: one rule file, fixture articles, and the ini options that collect them."""
    pytester.makepyfile(my_rules=PLUGIN)
    pytester.makeini(
        """
        [pytest]
        addopts = -p corpuslint.testing
        corpuslint_fixtures = tests/fixtures
        corpuslint_plugins = my_rules.py
        """
    )
    folder = pytester.path / "tests" / "fixtures" / "shout"
    folder.mkdir(parents=True)
    (folder / "fires_loud.txt").write_text("quiet\nvery SHOUT\n", encoding="utf-8")
    (folder / "fires_loud.txt.expected").write_text("fires_loud.txt:2:6: XT101 SHOUT is loud\n", encoding="utf-8")
    (folder / "clean_quiet.txt").write_text("all quiet\n", encoding="utf-8")
    return pytester


def test_fixture_articles_are_collected_and_pass(author: pytest.Pytester) -> None:
    result = author.runpytest("-v", *QUIET)
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*tests/fixtures/shout/clean_quiet.txt::shout PASSED*"])


def test_a_mismatch_fails_with_a_diff_and_a_hint(author: pytest.Pytester) -> None:
    (author.path / "tests/fixtures/shout/clean_quiet.txt").write_text("a SHOUT\n", encoding="utf-8")
    result = author.runpytest(*QUIET)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*clean_quiet.txt: findings differ*--update-expected*", "+clean_quiet.txt:1:3: XT101*"]
    )


def test_update_expected_rewrites_the_expected_files(author: pytest.Pytester) -> None:
    folder = author.path / "tests/fixtures/shout"
    (folder / "fires_louder.txt").write_text("a SHOUT\n", encoding="utf-8")
    author.runpytest("--update-expected", *QUIET).assert_outcomes(passed=3)
    written = (folder / "fires_louder.txt.expected").read_text(encoding="utf-8")
    assert written == "fires_louder.txt:1:3: XT101 SHOUT is loud\n"
    assert not (folder / "clean_quiet.txt.expected").exists(), "a clean article needs no empty file"
    author.runpytest(*QUIET).assert_outcomes(passed=3)


def test_articles_are_held_to_their_names(author: pytest.Pytester) -> None:
    folder = author.path / "tests/fixtures/shout"
    (folder / "fires_nothing.txt").write_text("all quiet\n", encoding="utf-8")
    (folder / "clean_but_loud.txt").write_text("SHOUT\n", encoding="utf-8")
    result = author.runpytest("--update-expected", *QUIET)
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        [
            "clean_but_loud.txt: has findings, but its name says it stays clean",
            "fires_nothing.txt: reports nothing, but its name says the rule fires on it",
        ],
        consecutive=False,
    )


def test_a_folder_config_sets_the_rule_options(author: pytest.Pytester) -> None:
    folder = author.path / "tests/fixtures/shout"
    (folder / "corpuslint.yaml").write_text("options: {shout: {word: quiet}}\n", encoding="utf-8")
    (folder / "fires_loud.txt.expected").write_text("fires_loud.txt:1:1: XT101 quiet is loud\n", encoding="utf-8")
    (folder / "clean_quiet.txt").write_text("all calm\n", encoding="utf-8")
    author.runpytest(*QUIET).assert_outcomes(passed=2)


def test_lint_text_and_check_fixture_load_plugins_that_are_not_installed(tmp_path: Path) -> None:
    plugin = tmp_path / "my_rules.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    found = lint_text("x SHOUT\n", ["shout"], tmp_path, plugins=[str(plugin)], options={"shout": {"word": "x"}})
    assert found == ["1:1: XT101 x is loud"]
    article = tmp_path / "fires.txt"
    article.write_text("SHOUT\n", encoding="utf-8")
    with pytest.raises(FixtureMismatch, match=r"\+fires.txt:1:1: XT101 SHOUT is loud"):
        check_fixture(article, ["shout"], plugins=[str(plugin)])
