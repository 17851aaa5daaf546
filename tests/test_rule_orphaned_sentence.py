"""orphaned-sentence: references with no antecedent, spliced passages, and the hard negatives."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.document import Document
from corpuslint.orphans import antecedents, recurrence, tokens
from corpuslint.orphans import article as article_module
from corpuslint.orphans.antecedents import Earlier
from corpuslint.orphans.article import Article
from corpuslint.orphans.cohesion import CohesionMap
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


def test_a_sentence_sharing_nothing_at_a_paragraph_edge_may_open_a_sub_topic(tmp_path: Path) -> None:
    # the same splice as above, but as a paragraph of its own: a new paragraph may change the subject
    text = BRIDGE.format(middle=f"\n\n{SPLICED}\n\n")
    assert lint_text(text, SELECT, tmp_path) == []


def test_that_or_a_pronoun_like_some_opening_a_sentence_ties_it(tmp_path: Path) -> None:
    untied = "Such figures surprised regional planners and their transport consultants."
    assert len(lint_text(BRIDGE.format(middle=untied), SELECT, tmp_path)) == 1
    for opener in ("That", "Some of these"):
        tied = untied.replace("Such", opener, 1)
        assert lint_text(BRIDGE.format(middle=tied), SELECT, tmp_path) == [], opener


def test_a_time_noun_after_a_demonstrative_is_no_reference(tmp_path: Path) -> None:
    lede = "Harbour Board Meets\n\nThis week officers inspected every ferry in the harbour.\n"
    assert lint_text(lede, SELECT, tmp_path) == []
    assert lint_text(lede.replace("This week officers", "These officers"), SELECT, tmp_path) != []


def test_a_demonstrative_after_the_lede_needs_low_cohesion_too(tmp_path: Path) -> None:
    # the events summed up are ones the lexicon cannot name, but the sentence is on topic
    text = BRIDGE.format(middle="These incidents have made the bridge closure unpopular with engineers.")
    assert lint_text(text, SELECT, tmp_path) == []


def test_speaker_and_reader_pronouns_are_whole_words_after_a_space() -> None:
    for text in ("I think so.", "So I said.", "We left.", "Tell us.", "Our view.", "I'm here.", "your car"):
        assert tokens.is_personal(text), text
    for text in ("Youth clubs.", "A bus left.", "US troops.", "Myths abound.", "Ourselves.", "(we left)"):
        assert not tokens.is_personal(text), text


ODD_TEXT = (
    "Shelf 31 1/2x11x41 3/4 in white oak, with b12 vitamins and covid19 notes.\n\n"
    "A shelf of 94 1/2x11x41 and a cabinet 2x41 wide; the b12 dose is covid19-safe.\n\n"
    "Rates at the corporate rate desk rated well, said rater Abel Rate.\n\n"
    "İstanbul traders quoted İzmir rates; istanbul firms stayed calm.\n"
)


@pytest.mark.parametrize("misses", [0, 1000])
def test_shared_words_are_counted_as_the_whole_article_table_counts_them(
    misses: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # searching the text for a word (or, past a number of misses, the frequency table)
    # must agree with counting it in every other sentence, for odd tokens too
    monkeypatch.setattr(article_module, "MISSES_BEFORE_TABLE", misses)
    doc = Document("odd.txt", ODD_TEXT)
    lexicon = load()
    article = Article(doc, tokens.prose_flags(doc.sentences), lexicon, judged=True)
    table = CohesionMap(tokens.word_stems(article.lower, doc.sentences), lexicon.stop_stems)
    assert len(doc.sentences) == 4
    # "İ" grows when lower-cased: the offsets of the lower-cased text must not move
    assert len(article.lower) == len(doc.text) and "istanb" in article.stems(3)
    for at in range(len(doc.sentences)):
        expected = sum(1 for stem in table.stems(at) if table.frequency[stem] > 1)
        assert article.stems(at) == table.stems(at)
        assert article.shared(at, 100) == expected, doc.sentences[at].text
        assert article.shared(at, 0) == min(expected, 1)


def test_role_mentions_match_each_form_of_a_role_noun() -> None:
    mentions = load().role_mentions
    for text in ("the officers", "the two gunmen", "the casualty", "the cops fled"):
        assert mentions.search(text), text
    for text in ("the copy", "the officer-class", "officers", "the big red officers"):
        assert (mentions.search(text) is not None) == (text == "the officer-class"), text


WRITTEN_TEXT = (
    "Harbour Notes\n\n"
    "Crews repainted the lighthouse gallery on Monday. The gallery railings rusted through "
    "in grade salt air. Crews found a crime wave and 4lighthouses on file.\n\n"
    "  The Keeper said the LIGHTHOUSE and the gallery reopen at dawn. Kelvin\u212aeeper İstanbul "
    "visitors queued anyway. Fences sagged beside crimeA docks.\n\n"
    "Wardens fenced the quayside while crime fell.\n"
)


def test_words_found_as_written_are_words_the_sentence_shares() -> None:
    # the search as written may miss a shared word (the lower-cased text settles it then),
    # but a word it finds must be one the whole-article count finds too
    doc = Document("written.txt", WRITTEN_TEXT)
    lexicon = load()
    article = Article(doc, tokens.prose_flags(doc.sentences), lexicon, judged=True)
    table = CohesionMap(tokens.word_stems(article.lower, doc.sentences), lexicon.stop_stems)
    answers = []
    for at in range(len(doc.sentences)):
        shared = sum(1 for stem in table.stems(at) if table.frequency[stem] > 1)
        written = recurrence.recurs_as_written(doc.text, doc.sentences, at, lexicon.stop_stems)
        assert shared > 0 or not written, doc.sentences[at].text
        assert article.shares_any(at) == (shared > 0), doc.sentences[at].text
        answers.append(written)
    assert any(answers) and not all(answers)


def test_inside_a_paragraph_is_the_same_for_one_sentence_as_for_all() -> None:
    text = "Title\n\nOne a. Two b. Three c. Four d.\n    Five e. Six f.\n  Seven g. Eight h. Nine i.\n\nTen j.\n"
    doc = Document("paragraphs.txt", text)
    inside = tokens.inside_paragraphs(doc)
    assert inside == {at for at in range(len(doc.sentences)) if tokens.inside_paragraph(doc, at)}
    assert [doc.sentences[at].text for at in sorted(inside)] == ["Two b.", "Three c.", "Eight h."]


def test_family_words_match_every_form_in_any_case_and_only_whole() -> None:
    families = load().families
    incident = families["incident"].same
    for text in ("They KIDNAPPED him", "two Crashes", "the stabbings", "a scandal", "troops shelled"):
        assert incident.search(text), text
    for text in ("a crashpad", "scrash", "incidentally", "firearm"):
        assert not incident.search(text), text
    assert families["gunmen"].same.search("the armed\n men fled")
    assert families["attacker"].related is not None and families["attacker"].related.search("Ambushing")


def test_the_text_before_a_sentence_is_read_once_with_the_same_answers() -> None:
    # what the document names where is read once: the answers must not depend on which
    # sentence asked first, and must be those of the text before each sentence
    lexicon = load()
    doc = Document(
        "earlier.txt", BRIDGE.format(middle=SPLICED) + "Police closed the road. He said the officers left.\n"
    )
    police, starts = lexicon.families["officers"], [sentence.start for sentence in doc.sentences]
    forward, backward = Earlier(doc.text), Earlier(doc.text)
    answers = [(forward.mentions(police, at), forward.names_someone(at, lexicon.person)) for at in starts]
    reversed_answers = [
        (backward.mentions(police, at), backward.names_someone(at, lexicon.person)) for at in starts[::-1]
    ]
    assert answers == reversed_answers[::-1]
    for at, (mentioned, named) in zip(starts, answers, strict=True):
        before = doc.text[:at]
        assert mentioned == bool(police.same.search(before))
        names = (m.group(1) or m.group(2) for m in antecedents._NAME.finditer(before))
        assert named == (any(n not in antecedents._NOT_PEOPLE for n in names) or bool(lexicon.person.search(before)))
    assert answers[0] == (False, False) and answers[-1] == (True, True)


def test_ties_count_anywhere_in_the_sentence_as_whole_words() -> None:
    for text in ("The plan worked, the mayor said.", "Work on these bridges resumes.", "However, it rained."):
        assert tokens.tied_to_context(text), text
    for text in ("Whistles blew at the thistle farm.", "Saidi retold the story.", "Hosepipes burst."):
        assert not tokens.tied_to_context(text), text


def test_shipped_json_is_the_yaml_lexicon() -> None:
    # The rule reads the JSON twin; scripts/build_orphans.py writes it from the YAML.
    import json

    from corpuslint import yamlio

    data = Path(__file__).resolve().parent.parent / "corpuslint" / "data"
    built = json.loads((data / "orphans.json").read_text("utf-8"))
    assert built == yamlio.safe_load((data / "orphans.yaml").read_text("utf-8")), "run python scripts/build_orphans.py"
