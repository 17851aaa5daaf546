"""Lines, paragraphs and sentences."""

from __future__ import annotations

from corpuslint.document import Document


def paragraphs(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.text) for p in Document("x.txt", text).paragraphs]


def test_blank_lines_separate_paragraphs_and_nbsp_lines_count_as_blank() -> None:
    text = "First para\ncontinues here.\n\n\u00a0\n\nSecond para.\n"
    assert paragraphs(text) == [(1, "First para\ncontinues here."), (6, "Second para.")]


def test_indented_first_lines_mark_wire_copy_paragraphs() -> None:
    text = "Acme said it would\nbuy Foo.\n    The deal is worth\nfive dlrs.\n    It closes soon.\n"
    assert [line for line, _ in paragraphs(text)] == [1, 3, 5]


def test_long_unwrapped_lines_are_one_paragraph_each() -> None:
    long_a = "A" * 120 + "."
    long_b = "B" * 130 + "."
    assert [line for line, _ in paragraphs(f"{long_a}\n{long_b}\nshort\n")] == [1, 2, 3]


def test_short_hard_wrapped_lines_stay_one_paragraph() -> None:
    assert len(paragraphs("one short line\nanother short line\n")) == 1


def test_crlf_line_endings_are_not_part_of_lines() -> None:
    doc = Document("x.txt", "a\r\nb\r\n")
    assert [line.text for line in doc.lines] == ["a", "b"]


def test_lines_split_on_newline_only() -> None:
    doc = Document("x.txt", "a\u2028b\x85c\nd")
    assert len(doc.lines) == 2


def sentences(text: str) -> list[str]:
    return [s.text for s in Document("x.txt", text).sentences]


def test_sentence_splitter_knows_abbreviations_initials_and_decimals() -> None:
    text = "Mr. Smith met Moh. Reza in the U.S. capital. Growth was 3.5 pct. J. Doe agreed."
    assert sentences(text) == ["Mr. Smith met Moh. Reza in the U.S. capital.", "Growth was 3.5 pct.", "J. Doe agreed."]


def test_acronym_then_sentence_opener_is_a_boundary() -> None:
    assert sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."]


def test_sentences_carry_their_line_numbers() -> None:
    doc = Document("x.txt", "Title\n\nOne. Two.\nThree is here.\n")
    assert [(s.line, s.text) for s in doc.sentences] == [(1, "Title"), (3, "One."), (3, "Two."), (4, "Three is here.")]


def test_position_is_one_based_and_counts_characters() -> None:
    doc = Document("x.txt", "é1\nab€c\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(doc.text.index("€")) == (2, 3)


def test_marks_in_one_run_take_the_verdict_of_the_first() -> None:
    text = "He met Mr.? Smith there. Then?! It rained."
    assert sentences(text) == ["He met Mr.? Smith there.", "Then?!", "It rained."]


def test_sentence_lines_count_the_newlines_inside_a_paragraph() -> None:
    doc = Document("x.txt", "One. Two\nthree. Four.\n")
    assert [(s.line, s.text) for s in doc.sentences] == [(1, "One."), (1, "Two\nthree."), (2, "Four.")]


def test_sentences_of_gives_the_sentences_of_one_paragraph() -> None:
    doc = Document("x.txt", "Title\n\nOne. Two.\n\nThree.\n")
    assert [s.text for s in doc.sentences_of(doc.paragraphs[1])] == ["One.", "Two."]


def test_blank_lines_around_the_text_open_no_paragraph() -> None:
    assert paragraphs("\n\n  \nFirst para.\n\n\nSecond one.\n\n  \n") == [(4, "First para."), (7, "Second one.")]


def test_unwrapped_lines_with_carriage_returns_are_paragraphs_without_them() -> None:
    text = "Title\r\n\r\n" + "A" * 120 + " one.\r\nShort second line.\r\n"
    assert paragraphs(text) == [(1, "Title"), (3, "A" * 120 + " one."), (4, "Short second line.")]


def test_wire_copy_keeps_a_long_line_inside_its_paragraph() -> None:
    text = "  Wire paragraph one is\n" + "x" * 110 + "\n  Wire paragraph two.\n"
    assert [line for line, _ in paragraphs(text)] == [1, 3]


def test_line_starts_agree_whichever_part_is_split_first() -> None:
    text = "a\n\nbb\r\nccc\n"
    lines_first, starts_first = Document("x.txt", text), Document("x.txt", text)
    lines_first.lines  # noqa: B018
    assert lines_first.line_starts == starts_first.line_starts == [0, 2, 3, 7]
