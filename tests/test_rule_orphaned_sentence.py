"""orphaned-sentence: references with no antecedent, spliced passages, and the hard negatives."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.orphans.lexicon import load
from corpuslint.testing import check_fixture, fixture_articles, lint_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "orphaned-sentence"
SELECT = ["orphaned-sentence"]

BRIDGE = (
    "Engineers will close the Mill Street bridge for four weeks while crews replace its steel bearings. "
    "The bridge carries about twelve thousand vehicles a day between the market square and the station. "
    "{middle} "
    "During the bridge closure, buses will divert through Canal Road, adding ten minutes to each journey. "
    "City engineers said the bearings had worn faster than expected because of freight on the bridge. "
    "The bridge will reopen before the Christmas market, the engineers said.\n"
)
SPLICED = "Migrating cranes rested on frozen marshland beside the northern fjord, feeding on shrimp."


@pytest.mark.parametrize("article", fixture_articles(FIXTURES), ids=lambda p: p.name)
def test_fixture(article: Path) -> None:
    check_fixture(article, select=SELECT)


def test_message_names_what_the_sentence_leans_on(tmp_path: Path) -> None:
    found = lint_text("Harbour Board Meets\n\nThese incidents worried the fishing fleet all week.\n", SELECT, tmp_path)
    assert found == ["3:1: CL401 'These incidents' has no antecedent in this article"]


def test_an_event_mentioned_before_resolves_the_incident(tmp_path: Path) -> None:
    text = "A bus crashed into a wall in Lorne on Sunday.\n\nThe incident closed the coast road for hours.\n"
    assert lint_text(text, SELECT, tmp_path) == []


def test_a_sentence_sharing_nothing_is_reported_between_cohesive_neighbours(tmp_path: Path) -> None:
    found = lint_text(BRIDGE.format(middle=SPLICED), SELECT, tmp_path)
    assert len(found) == 1 and "shares none of its 10 content words" in found[0]


def test_the_same_sentence_tied_by_a_topic_word_is_clean(tmp_path: Path) -> None:
    tied = "Migrating cranes rested on the bridge beside the northern fjord, feeding on shrimp."
    assert lint_text(BRIDGE.format(middle=tied), SELECT, tmp_path) == []


def test_a_pronoun_or_connective_opener_is_cohesion_enough(tmp_path: Path) -> None:
    opener = "But migrating cranes rested on frozen marshland beside the northern fjord, feeding on shrimp."
    assert lint_text(BRIDGE.format(middle=opener), SELECT, tmp_path) == []


def test_quoted_speech_is_never_reported(tmp_path: Path) -> None:
    quoted = f'"{SPLICED}"'
    assert lint_text(BRIDGE.format(middle=quoted), SELECT, tmp_path) == []
    lede = 'Harbour Board Meets\n\n"These incidents worried the fishing fleet all week," a skipper said.\n'
    assert lint_text(lede, SELECT, tmp_path) == []


def test_a_sentence_beside_one_addressed_to_the_reader_is_an_aside(tmp_path: Path) -> None:
    aside = SPLICED + " You can see them from the bridge at dawn."
    assert lint_text(BRIDGE.format(middle=aside), SELECT, tmp_path) == []


def test_min_content_words_raises_the_bar_for_cohesion(tmp_path: Path) -> None:
    options = {"orphaned-sentence": {"min-content-words": 11}}
    assert lint_text(BRIDGE.format(middle=SPLICED), SELECT, tmp_path, options=options) == []


def test_short_articles_are_judged_on_references_alone(tmp_path: Path) -> None:
    short = BRIDGE.format(middle=SPLICED).split(". ")[:4]
    assert lint_text(". ".join(short) + ".\n", SELECT, tmp_path) == []


def test_a_shell_noun_after_a_sentence_points_back_to_it(tmp_path: Path) -> None:
    text = "The club sold its stadium to the city in March.\n\nThis decision angered many supporters.\n"
    assert lint_text(text, SELECT, tmp_path) == []


def test_a_postmodified_role_noun_introduces_someone(tmp_path: Path) -> None:
    text = "Harbour Board Meets\n\nThe victims of the flood were given shelter in the town hall.\n"
    assert lint_text(text, SELECT, tmp_path) == []


def test_lexicon_matches_plurals_of_role_and_event_nouns() -> None:
    lexicon = load()
    for word in ("gunmen", "casualties", "officers", "incidents", "attackers", "crashes"):
        assert word in lexicon.families, word
    assert lexicon.families["attackers"].related is not None
    police = lexicon.families["officers"].same
    assert police.search("two policemen were hurt") and not police.search("the policy was hurt")
