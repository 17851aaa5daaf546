"""Paragraph fingerprints: normalisation, stable hashes, shingles, MinHash and LSH."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from corpuslint.dedup.grouping import banded_pairs, group_pairs
from corpuslint.dedup.hashing import folded_codes, mix64, sequence_hashes, shingle_hashes, word_hashes
from corpuslint.dedup.minhash import EMPTY, PERMUTATIONS, band_keys, estimated_similarity, signatures
from corpuslint.dedup.paragraph_words import count_words
from corpuslint.dedup.paragraphs import fingerprint_paragraphs, fingerprints_from_words
from corpuslint.dedup.words import fold, is_word_char, normalize, word_pattern, words
from corpuslint.document import Document


def exact(text: str) -> int:
    hashes = word_hashes(text).hashes
    return int(sequence_hashes(hashes, np.array([0]), np.array([len(hashes)]))[0])


def test_normalize_ignores_case_whitespace_punctuation_and_quote_style() -> None:
    assert normalize("“Don’t  PANIC,”\n  he said.") == normalize('"don\'t panic," he said') == "don t panic he said"


def test_words_in_any_script_and_digits() -> None:
    assert words("Café naïve Пакистан 3,122,000 x_y 😀ok") == [
        "café",
        "naïve",
        "пакистан",
        "3",
        "122",
        "000",
        "x",
        "y",
        "ok",
    ]


def test_vectorised_word_boundaries_agree_with_the_reference_pattern() -> None:
    codes = np.arange(0x10000, dtype=np.uint32)
    codes = codes[(codes < 0xD800) | (codes >= 0xE000)]  # no lone surrogates in text
    fast = is_word_char(np.concatenate([codes, np.array([0x1F600, 0x10400, 0x1FB00], dtype=np.uint32)]))
    pattern = word_pattern()
    slow = [pattern.fullmatch(chr(c)) is not None for c in [*codes.tolist(), 0x1F600, 0x10400, 0x1FB00]]
    assert fast.tolist() == slow


def test_word_offsets_index_the_original_text() -> None:
    text = "İstanbul’s “mayor”, 2024"
    found = word_hashes(text)
    assert [text[a:b] for a, b in zip(found.starts, found.ends, strict=True)] == ["İstanbul", "s", "mayor", "2024"]
    assert found.numeric.tolist() == [False, False, False, True]


def test_a_word_hashes_the_same_in_any_context_and_case() -> None:
    alone = word_hashes("Pakistan").hashes[0]
    inside = word_hashes("the US and PAKISTAN, today").hashes
    assert inside[3] == alone
    assert len(set(inside.tolist())) == 5


def test_exact_hash_is_the_same_for_rewrapped_and_requoted_copies() -> None:
    assert exact("The US reaffirms its ‘support’.") == exact("the  US\nreaffirms its 'support'")
    assert exact("the US reaffirms its support") != exact("its support the US reaffirms")
    assert exact("a b") != exact("a b b")


def test_hashes_are_fixed_constants_not_seeded_per_process() -> None:
    code = "from tests.test_fingerprint import exact; print(exact('Seeds are not hashes.'))"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    values = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert values == {str(exact("Seeds are not hashes."))}


def test_shingles_stay_inside_their_range() -> None:
    hashes = word_hashes("a b c d e f g h i j k l").hashes
    shingles, counts = shingle_hashes(hashes, np.array([0, 7]), np.array([7, 12]), 5)
    assert counts.tolist() == [3, 1]
    # The second range has exactly 5 words: one shingle, not spilling into the first.
    assert shingles[3] != shingles[2]
    alone, _ = shingle_hashes(word_hashes("h i j k l").hashes, np.array([0]), np.array([5]), 5)
    assert shingles[3] == alone[0]


def test_a_range_shorter_than_a_shingle_is_one_shingle() -> None:
    hashes = word_hashes("one two three").hashes
    shingles, counts = shingle_hashes(hashes, np.array([0]), np.array([3]), 5)
    assert counts.tolist() == [1]
    assert shingles[0] == sequence_hashes(hashes, np.array([0]), np.array([3]))[0]


def random_set_pair(rng: np.random.Generator, size: int, jaccard: float) -> tuple[np.ndarray, np.ndarray]:
    shared = round(2 * size * jaccard / (1 + jaccard))
    base = mix64(rng.integers(0, 2**63, 3 * size, dtype=np.uint64))
    return base[:size], np.concatenate([base[:shared], base[size : 2 * size - shared]])


def test_minhash_estimates_jaccard_similarity() -> None:
    rng = np.random.default_rng(7)
    errors = []
    for jaccard in (0.1, 0.5, 0.8, 0.95):
        for _ in range(50):
            a, b = random_set_pair(rng, 60, jaccard)
            true = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
            sigs = signatures(np.concatenate([a, b]), np.array([len(a), len(b)]))
            errors.append(float(estimated_similarity(sigs[0], sigs[1])) - true)
    assert abs(float(np.mean(errors))) < 0.03
    assert float(np.std(errors)) < 0.1  # the binomial spread of 32 slots


def test_signatures_of_equal_sets_are_equal_and_empty_sets_are_marked() -> None:
    a = mix64(np.arange(1, 40, dtype=np.uint64))
    sigs = signatures(np.concatenate([a, a[::-1]]), np.array([len(a), 0, len(a)]))
    assert sigs.shape == (3, PERMUTATIONS)
    assert (sigs[0] == sigs[2]).all()
    assert (sigs[1] == EMPTY).all()


def test_band_keys_meet_where_a_band_agrees() -> None:
    sigs = np.arange(3 * PERMUTATIONS, dtype=np.uint16).reshape(3, PERMUTATIONS)
    sigs[2, :3] = sigs[0, :3]  # the first band of rows 0 and 2 agrees
    keys = list(band_keys(sigs))
    assert len(keys) == PERMUTATIONS // 3 and keys[0].shape == (3,)
    assert keys[0][0] == keys[0][2] and keys[1][0] != keys[1][2]
    assert banded_pairs(keys).tolist() == [[0, 2]]


@pytest.mark.parametrize("size", [3, 40])
def test_group_pairs_link_every_member(size: int) -> None:
    pairs = list(group_pairs(np.arange(size, dtype=np.int64) * 10))
    assert all(a < b for a, b in pairs)
    assert {0} | {b for a, b in pairs if a == 0} == set(range(0, 10 * size, 10))  # all meet the first
    everything = size * (size - 1) // 2
    assert len(pairs) == everything if size <= 32 else len(pairs) < 2 * size


def test_paragraph_fingerprints_count_words_but_not_numbers() -> None:
    text = "Avg shrs 3,217,500 vs 4,350,000\n\nThe  company said so.\n\nthe company SAID so"
    prints = fingerprint_paragraphs(text, [0, 33, 56], [31, 54, 75])
    assert prints.word_counts == [9, 4, 4]
    assert prints.text_words == [3, 4, 4]
    first, second, third = prints.exact([0, 1, 2])
    assert second == third != first
    assert prints.key(1) == prints.key(2) != prints.key(0)


def test_ascii_and_unicode_texts_hash_words_alike() -> None:
    # ASCII text takes a byte-table path, other text a code-point path: a word
    # must hash the same whichever path its document takes.
    ascii_only = word_hashes("Rates rose 3rd time, said Reuters").hashes
    unicode = word_hashes("Rates rose 3rd time — said “Reuters”").hashes
    assert ascii_only.tolist() == unicode.tolist()
    assert word_hashes("K").hashes.tolist() == word_hashes("\u212a").hashes.tolist()  # Kelvin sign folds to k


def test_folding_by_table_agrees_with_lower_casing_the_text() -> None:
    # Text that is not ASCII is folded by a code point table; the reference is
    # str.lower on the whole text, with separators zeroed.
    every = "".join(chr(c) for c in range(0x10000) if c != 0x03A3)
    reference = np.frombuffer(("\0" + fold(every) + "\0").encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    reference = reference * is_word_char(reference)
    assert folded_codes(every).tolist() == reference.tolist()
    # Capital sigma lower-cases by context ("ΟΔΟΣ" ends in ς): such text takes the general path.
    assert word_hashes("ΟΔΟΣ ΣΑΣ").hashes.tolist() == word_hashes("οδος σας").hashes.tolist()


def test_fingerprints_from_python_word_counts_agree_with_the_vectorised_ones() -> None:
    text = "Avg shrs 3,217,500 vs 4,350,000\n\nThe  company said so.\n\n“the company SAID so”\n"
    paragraphs = Document("a.txt", text).paragraphs
    starts, ends = [p.start for p in paragraphs], [p.end for p in paragraphs]
    words = count_words(text.replace("“", '"').replace("”", '"'), starts, ends)
    assert words is not None
    assert (words.word_counts, words.text_words) == ([9, 4, 4], [3, 4, 4])
    counted = fingerprints_from_words(words)
    vectorised = fingerprint_paragraphs(text, starts, ends)
    assert counted is not None
    assert counted.word_hashes.tolist() == vectorised.word_hashes.tolist()
    assert (counted.word_lo, counted.word_hi, counted.text_words) == (
        vectorised.word_lo,
        vectorised.word_hi,
        vectorised.text_words,
    )


def test_a_paragraph_that_cuts_a_word_is_left_to_the_vectorised_path() -> None:
    assert count_words("one two three", [0, 5], [5, 13]) is None  # "t|wo"
    assert count_words("one two thrée", [0, 5], [5, 13]) is None


def test_characters_beyond_the_basic_plane_fold_and_separate_as_the_reference() -> None:
    text = "𐐀BC x😀y"  # a Deseret capital letter, and an emoji between two words
    assert words(text) == ["𐐨bc", "x", "y"]
    assert word_hashes(text).hashes.tolist() == word_hashes("𐐨bc x y").hashes.tolist()


def test_banded_pairs_finds_every_shared_key_among_many_unique_ones() -> None:
    # Most keys unique, some shared (by two rows or more): the table that skips
    # the unique ones before sorting must keep every row of a shared key.
    rng = np.random.default_rng(7)
    keys = mix64(rng.integers(0, 2**62, 20_000, dtype=np.int64).astype(np.uint64))
    keys[[5, 900, 19_999]] = keys[17]
    keys[[3, 4]] = keys[12_345]
    expected = {
        (17, 5),
        (17, 900),
        (17, 19_999),
        (5, 900),
        (5, 19_999),
        (900, 19_999),
        (3, 4),
        (3, 12_345),
        (4, 12_345),
    }
    found = {tuple(pair) for pair in banded_pairs([keys]).tolist()}
    assert found == {(min(a, b), max(a, b)) for a, b in expected}
