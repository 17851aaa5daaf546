"""cross-document-duplicate: paragraphs copied between the documents of a corpus."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpuslint.api import lint
from corpuslint.dedup.store import ROW
from corpuslint.document import Document
from corpuslint.rules.cross_document_duplicate import CrossDocumentDuplicate
from corpuslint.testing import as_user_sees

RULE = "cross-document-duplicate"
FIXTURES = Path(__file__).parent / "fixtures" / RULE
COPIED = FIXTURES / "fires_copied_stories"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WORDS = [
    "river",
    "harbour",
    "council",
    "ferry",
    "bridge",
    "market",
    "school",
    "winter",
    "island",
    "engineer",
    "budget",
    "vote",
    "crew",
    "storm",
    "road",
    "museum",
    "farmer",
    "price",
    "report",
    "village",
    "station",
    "tunnel",
    "library",
    "contract",
    "season",
    "festival",
    "doctor",
    "factory",
]


def findings_of(paths: list[Path], root: Path, **kwargs: object) -> list[str]:
    return as_user_sees(lint(paths, select=[RULE], **kwargs), root)  # type: ignore[arg-type]


@pytest.mark.parametrize("corpus", sorted(p for p in FIXTURES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_fixture_corpora(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected_file = corpus.with_name(corpus.name + ".expected")
    expected = expected_file.read_text(encoding="utf-8").splitlines() if expected_file.exists() else []
    monkeypatch.chdir(FIXTURES)  # messages name other files by their displayed path
    assert findings_of([Path(corpus.name)], Path(".")) == expected


def test_seeds_share_a_quote_but_no_paragraph() -> None:
    assert lint([SEEDS], select=[RULE]) == []


def test_whole_document_copy_is_one_finding_naming_its_source() -> None:
    found = [f for f in lint([COPIED], select=[RULE]) if Path(f.path).name.startswith("b_")]
    assert len(found) == 1
    assert found[0].line == 1 and "a_ferry_strike.txt" in found[0].message
    assert [Path(r.path).name for r in found[0].related] == ["a_ferry_strike.txt"]


def test_group_of_three_reports_the_later_two_with_the_group_size() -> None:
    found = [f for f in lint([COPIED], select=[RULE]) if "d_harbour_notice.txt:5" in f.message]
    assert [Path(f.path).name for f in found] == ["e_fuel_prices.txt", "f_school_year.txt"]
    assert all("1 of 3 copies" in f.message and f.related[0].line == 5 for f in found)


def test_near_copy_and_short_paragraph_in_context() -> None:
    found = {f.line: f.message for f in lint([COPIED], select=[RULE]) if Path(f.path).name.startswith("c_")}
    assert found[9].startswith("paragraph nearly duplicates another document's (85% similar")
    # Line 11 is under min-words, but c also copies long paragraphs from the same story.
    assert set(found) == {6, 9, 11}


def test_short_lines_and_a_shared_one_line_quote_are_not_duplicates(tmp_path: Path) -> None:
    quote = '"We will not close a single school this year," the minister told reporters.'
    for name, story in (("a.txt", "Teachers welcomed the budget"), ("b.txt", "Parents protested outside")):
        body = f"{story} on Monday, saying it was the first rise in spending for six years.\n\n"
        (tmp_path / name).write_text(f"By Staff Reporter\n\n{body}{quote}\n\nMarch 3, 2025\n\nWirecopy\n", "utf-8")
    assert findings_of([tmp_path], tmp_path) == []
    assert len(findings_of([tmp_path], tmp_path, config={"options": {RULE: {"min-words": 10}}})) == 1


def make_corpus(root: Path, extra: int = 16) -> list[Path]:
    """The fixture corpus plus unrelated filler documents, enough for a worker pool."""
    shutil.copytree(COPIED, root, dirs_exist_ok=True)
    rng = random.Random(3)
    for n in range(extra):
        text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(30)) + "." for _ in range(4))
        (root / f"filler_{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return sorted(root.iterdir())


def test_results_do_not_depend_on_file_order_or_jobs(tmp_path: Path) -> None:
    files = make_corpus(tmp_path)
    baseline = findings_of(files, tmp_path)
    assert len(baseline) == 6
    shuffled = files[:]
    random.Random(11).shuffle(shuffled)
    assert findings_of(shuffled, tmp_path) == baseline
    assert findings_of(list(reversed(files)), tmp_path, jobs=2) == baseline


def test_results_do_not_depend_on_hash_seeds(tmp_path: Path) -> None:
    make_corpus(tmp_path, extra=2)
    outputs = set()
    for seed in ("0", "12345"):
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "corpuslint",
                ".",
                "--select",
                RULE,
                "--format",
                "json",
                "--no-cache",
                "--exit-zero",
            ],
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(json.dumps(json.loads(run.stdout), sort_keys=True))
    assert len(outputs) == 1 and "a_ferry_strike.txt" in outputs.pop()


def test_a_stored_paragraph_costs_under_100_bytes() -> None:
    assert ROW.itemsize + 4 < 100  # the row, and its document number in the store


def test_exact_copies_only(tmp_path: Path) -> None:
    found = findings_of([COPIED], FIXTURES, config={"options": {RULE: {"similarity": 1.0}}})
    assert not any("nearly" in line for line in found)
    assert len(found) == 5


def test_records_of_a_jsonl_corpus_name_each_other(tmp_path: Path) -> None:
    story = (COPIED / "a_ferry_strike.txt").read_text(encoding="utf-8")
    records = [
        {"id": "first", "text": story},
        {"id": "other", "text": "Nothing to see."},
        {"id": "again", "text": story},
    ]
    (tmp_path / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (finding,) = lint([tmp_path / "corpus.jsonl"], select=[RULE])
    assert (finding.line, finding.record_id) == (3, "again")
    assert "copy of" in finding.message and "corpus.jsonl:1 [first]" in finding.message
    assert [(r.line, r.record_id) for r in finding.related] == [(1, "first")]


def test_near_copies_are_verified_in_files_with_crlf_line_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in COPIED.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    found = {}
    for root in (COPIED, tmp_path):
        monkeypatch.chdir(root)
        found[root] = findings_of([Path(".")], Path("."))
    assert found[tmp_path] == found[COPIED]
    assert any("nearly duplicates" in line for line in found[tmp_path])


class _Corpus:
    """A corpus view over texts in memory, whose documents can change after the map phase."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.paths = sorted(texts)
        rule = CrossDocumentDuplicate()
        self.summaries = [rule.summarize(self.load(i)) for i in range(len(self.paths))]

    def load(self, index: int) -> Document:
        return Document(self.paths[index], self.texts[self.paths[index]])


def test_a_document_changed_since_its_summary_is_not_taken_for_a_near_copy() -> None:
    corpus = _Corpus({path.name: path.read_text(encoding="utf-8") for path in COPIED.iterdir()})
    near = [v for v in CrossDocumentDuplicate().check_corpus(corpus) if "nearly" in v.message]
    assert len(near) == 1
    # The near copy gains a word between the map and the reduce phase: still
    # similar, but no longer the paragraph whose fingerprints were grouped.
    changed = corpus.paths[near[0].doc_index]
    lines = corpus.texts[changed].split("\n")
    lines[near[0].end_line - 1] += " today"
    corpus.texts[changed] = "\n".join(lines)
    assert not any("nearly" in v.message for v in CrossDocumentDuplicate().check_corpus(corpus))
